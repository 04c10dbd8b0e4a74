"""Coverage: which outlet mentions which of the story's topics, found from the corpus itself.

A topic is a name (Scott Bessent, Section 301, APEC), a fixed phrase (rare earths, export
controls), a specialised word (fentanyl, soybeans), a figure (100%, $2.4 million) or a day
(Nov 10) that the articles share. Nothing here knows the story or its words: the word lists below
are general English and the stock words of news writing.

How it works: one pass of a tokeniser over every article, then array arithmetic (numpy).

* Words become keys: their Snowball stem, as the search indexes them, so "rare earths",
  "rare-earth" and "Rare Earths" are one topic. "U.S." and "US" are one key, "100 per cent" and
  "100%" one, "Nov. 10" and "November 10" one. Punctuation and possessives end a phrase; a
  hyphen does not.
* Capitalisation is learnt per word where it means something: not at the start of a sentence
  or quotation, not in a headline set in title case or capitals.
* Candidates are n-grams of one to three words (and capitalised runs of four to eight: Asia-
  Pacific Economic Cooperation) that neither start nor end with a function word, a stock word
  (said, week, officials, sidelines, month and day names, number words) or a title (President,
  Vice Premier), except inside names (He Lifeng, Phase One) and hyphenated compounds
  (two-factor authentication). A figure may begin a phrase, a number may end a name (Section 301).
  In a corpus of more than two articles a candidate needs two articles, or two mentions when the
  corpus is small (up to 20 articles).
* Score = spread x quality. Spread: log of the articles mentioning it plus half the log of the
  mentions per article, damped a little for topics every article has (they tell outlets apart
  least) and halved for one-article topics. Quality: names and rare words count in full, everyday
  words alone never, phrases by how strongly their words go together (mentions of the phrase
  over the geometric mean of its outer words' mentions); a name glued to a common word
  ("Chinese goods") counts for half.
* Tidying: a part that mostly occurs inside a longer candidate gives way to it (earth -> rare
  earth); a lone surname counts for its full name (Bessent -> Scott Bessent); an acronym and its
  words are one topic (APEC, Asia-Pacific Economic Cooperation); two names side by side
  (China-US) and demonyms beside their country (Chinese) go; outlets' own names are columns,
  not topics. Then the best are taken in score order, skipping any that a chosen topic already
  covers (contained in it, overlapping it, or a word only ever said in the same breath as it:
  maritime beside Section 301), with at least 40% of the rows for names and 40% for subjects
  when there are enough of each.
* Each topic keeps the articles that mention it, its mentions per outlet, its commonest written
  form as label, and a search query (the written forms that stem differently, joined with OR).
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from talks_tui.index.model import Article
from talks_tui.index.terms import STOP_WORDS, normalise, query_terms, stem

# -- Word lists: general English and news writing, nothing of any one story ------------------------

# Function words: never at the edge of a topic, never a topic.
_FUNCTION = """
a an the and or but nor so yet if then than as of in on at by for from to with without within into onto
upon over under about above below after before between among amid amongst through throughout during
aboard alongside atop beneath inside outside underneath
since until till against across around along beside besides beyond near via per toward towards off out
up down is are was were be been being am has have had having do does did doing done will would shall
should can could may might must ought it its it's they them their theirs themselves we our ours ourselves
you your yours yourself i me my mine myself he him his himself she her hers herself us who whom whose
which what whatever whoever when whenever where wherever why how whether while whilst although though
because unless this that these those there here not no nor each every either neither any some such
own same other another all both few many much more most less least only also just even very too quite
rather again ever never always often sometimes still already now soon there's here's let's
"""

# Titles and offices: the name that follows is the topic (Vice Premier He Lifeng -> He Lifeng).
_TITLES = """
mr mrs ms miss dr prof professor sir dame lord lady madam president presidents presidential vice premier
minister ministers prime secretary secretaries general chancellor chairman chairwoman chair chairperson
chief executive director deputy representative representatives ambassador envoy senator senators
congressman congresswoman governor mayor king queen prince princess sheikh spokesperson spokesman
spokeswoman spokespeople official officials leader leaders head heads commissioner negotiator
negotiators counterpart correspondent reporter reporters editor analyst analysts expert experts fellow
senior junior assistant adviser advisor advisers advisors member members founder ceo cfo coo
"""

# The stock words of news writing: reporting verbs, time, counting, vagueness. Never at a topic's
# edge (unless capitalised inside a name), never a topic alone.
_GENERIC = """
say says said saying tell tells told telling add adds added note notes noted
according report reports reported reporting reportedly announce announced announcing ask asked asking
claim claimed explain explained describe described describing confirm confirmed suggest suggested
believe believed think thought know known knew see seen saw look looked looking seem seemed appear
appeared make makes made making take takes took taken get gets got getting give gives gave given go goes
went going gone come comes came coming want wanted need needed use used using put set keep kept let
become became include includes included including continue continued continues remain remained remains
begin began start started starting show showed shown try tried hold held call called calls speak spoke
speaking write wrote written read mean means meant agree agreed expect expected expects hope hoped
expressed express urged warned stressed insisted acknowledged
year years yearly month months monthly week weeks weekly weekend day days daily today tonight yesterday
tomorrow morning afternoon evening night time times ago earlier later recent recently currently
previously once twice past next last first second third fourth fifth sixth final finally early late
latest new old former current future moment period decade century hour hours minute minutes
january february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed
thu thur thurs fri sat sun
one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen
dozens half percent per cent number numbers lot lots couple
people person persons man men woman women thing things way ways part parts kind sort type case cases
fact point points place places area side sides group groups level levels issue issues matter matters
question questions problem problems end result results source sources statement statements news
 interview comment comments photo photos image images picture pictures video videos file
caption advertisement copyright subscribe newsletter newsletters homepage click share related story
stories article articles update updated live watch listen read reading follow following more
also just only even very really well much many most less few several some any all both each every
other others another such same own certain various whole main major key big bigger biggest large
larger largest small smaller high higher low lower top good better best bad great greater
possible potential likely unlikely further far long short full real clear different similar general
specific particular total overall nearly almost approximately roughly around perhaps maybe however
meanwhile moreover furthermore therefore thus instead quite too sidelines sideline ahead amid despite
due able unable whether thing something anything nothing everything someone anyone everyone nobody
yes okay ok mr etc including per cent via
"""

# Everyday vocabulary: the frequent content words of English and of news reports about anything.
# Alone, such a word is a topic only when written as a name (Trump, Apple); phrases of them are
# judged by how strongly their words go together ("rare earth" yes, "trade talks" hardly).
_COMMON = """
red orange purple pink brown grey gray state stated media press important
ability absence absolute absolutely abuse academic accept acceptable access accident accompany accomplish
accord account accurate accuse achieve achieved achievement acknowledge acquire act action actions active
activity actor actual adapt add addition additional address addressed adequate adjust administration admit
adopt adult advance advantage adventure advice advise affair affect affected afford afraid age agencies agency
agenda agent aggressive agree agreement agreements aid aide aim air alarm alert alive allegation allege
allegedly alliance allow allowed ally alone alter alternative amazing ambition amount analyse analysis analyst
analyze ancient anger angle angry animal announce announcement annual answer anticipate anxiety anxious apart
apparent apparently appeal appear appearance application apply appoint appointment appreciate approach
appropriate approval approve approximately argue argument arise arm armed army arrange arrangement
arrangements arrest arrival arrive art article artist aside aspect assess assessment asset assign assist
assistance associate association assume assumption assure attach attack attacks attempt attend attention
attitude attract attractive audience author authorise authorities authority authorize automatic available
average avert avoid await award aware awareness backdrop background balance ban band bank banks bar barrier
base basic basis battle bear beat beautiful beauty bed begin beginning behalf behave behavior behaviour belief
belong benefit benefits bet bid bilateral bill bind birth bit bite black blame blast block blood blow blue
board boat body bold bond bonus book boost border born borrow boss bottom bought boundary box boy brain branch
brand brave breach bread break breakthrough brief bright brilliant bring brink broad broadcast broken broker
brother brought budget build building built burden burn bus business businesses buy cabinet call calm camera
camp campaign cancel candid candidate cap capability capable capacity capital captain capture car card care
career careful carefully carry cash cast catch category cause caution cease celebrate cell center central
centre century ceremony certain certainly chain chair challenge challenges champion chance change changes
channel chapter character charge chart cheap check chief child children choice choose circle circumstance cite
cities citizen city civil claim clash class classic clean clear clearly climate climb clock close closely
cloud clout club coach coalition code coexistence collapse colleague collect collection college color colour
column combination combine comfort command comment commerce commercial commission commit commitment committee
common communicate communication community companies company compare comparison compete competition
competitive complain complaint complete complex compliance complicated component comprehensive compromise
concentrate concept concern concerned concerns concession conclude conclusion concrete condemn condition
conditions conduct conference confidence confident confirm conflict confront confrontation confuse congress
connect connection consensus consequence conservative consider considerable consideration considered consist
consistent constant constitute constitution construct construction constructive consult consultation
consultations consume consumer contact contain content contentious contest context continue contract contrast
contribute contribution control controls controversial controversy convention conversation convert convince
cooperate cooperation cooperative coordinate cope copy core corner corporate correct cost costs council count
counter counterpart countries country county couple courage course court courts cover coverage crack create
created creation creative credit crime criminal crisis criteria critic critical criticise criticism criticize
crowd crucial culture curb currency current curve custom customer cut cuts cycle damage danger dangerous dare
dark data date dead deadline deal deals dear death debate debt decade decide decision decisions declare
decline decrease deep deepen defeat defence defend defense deficit define definitely degree delay delegate
delegation delegations delicate deliver delivered delivery demand demands democracy democratic demonstrate
deny department depend dependent deploy depth deputy derive describe description deserve design desire desk
despite destination destroy detail detailed details detect deter determine develop development device devote
dialog dialogue die difference differences different difficult difficulty dig digital dimension dinner
diplomacy diplomat diplomatic direct direction directly director disagree disagreement disappear disaster
discipline discover discovery discuss discussed discussing discussion discussions disease dismiss display
dispute disputes distance distinct distinguish distribute distribution district disturb divide division
document domestic dominant dominate door double doubt downturn draft drag drama dramatic draw dream dress
drink drive driver drop drug dry due duty eager earn ease easily east eastern easy eat economic economics
economies economy edge edition editor educate education effect effective effectively effects efficient effort
efforts elect election elections element eliminate elsewhere embrace emerge emergency emphasis emphasise
emphasize employ employee employer employment enable encounter encourage end enemy energy enforce engage
engine enhance enjoy enormous enough ensure ensured enter enterprise entertainment entire entirely entitle
entity entry environment environmental envoy episode equal equality equally equip equipment equivalent era
error escalate escalation escape especially essay essence essential establish establishment estate estimate
evaluate evening event events eventually evidence evil exact exactly examine example exceed excellent
exception exchange excite exclude exclusive excuse execute exercise exhibit exist existence existing exit
expand expanded expansion expect expectation expense expensive experience experiment expert experts expire
expiry explain explanation explore explosion export exports expose exposure express expression extend extended
extension extensive extent external extra extraordinary extreme eye face faced facility factor fail failure
fair fairly faith fall falling false familiar families family famous fan fantastic far farm fashion fast fat
fate father fault favor favour favourite fear feature federal fee feed feel feeling fellow female fierce fight
fighter figure figures file fill film final finance financial find finding fine finger finish fire firm firmly
firms fiscal fit fix flag flare flat flee flexible flight float floor flow fluctuation fly focus focused fold
folk follow followed food foot force forces forecast foreign forest forget form formal format formation former
formula forth fortune forum forward found foundation frame framework free freedom frequent fresh friction
friend friendly friendship frighten front frustrate fuel full fully fun function fund fundamental funding
funds funeral further future gain gained game gap garden gas gather gear gender general generate generation
generous gentle genuine gesture giant gift girl give glad glass global goal goals gold golden good goods
govern government governments grab grade gradually grain grand grant grasp great green grip gross ground group
grow growth guarantee guard guess guest guidance guide guilty gun guy habit hair half hall halt hand handle
hang happen happy hard hardly harm hate head headline heal health healthy hear heart heat heavy height hell
help helped hence heritage hero hesitate hide high highlight highly hike hint hire historic historical history
hit hold hole holiday home honest honor honour hope hopes horrible horse hospital host hot hotel hour house
household housing huge human humor humour hunt hurt husband ice idea ideal identify identity ignore ill
illegal illness illustrate image imagine immediate immediately impact implement implementation implemented
implication imply import importance important imports impose impossible impress impression impressive improve
improved improvement incident include income increase increased increasingly incredible indeed independence
independent index indicate indication individual industrial industries industry inevitable influence
influential inform informal information initial initiative initiatives injure injury inner innocent innovation
input inquiry inside insight insist inspect inspire instance instead institute institution institutions
instruction instrument insurance intend intense intensify intensity intent intention interest interested
interesting interests interim internal international interpret interpretation intervention interview introduce
introduction invest investigate investigation investment investor investors invitation invite involve involved
involvement island issue item job jobs join joined joint joke journal journey judge judgement judgment jump
junior jury just justice justify keen keep key kick kid kill kind king kitchen knock knowledge label labor
labour lack lady land landscape language large largely last late later launch law laws lawyer lay layer lead
leader leadership leading league lean learn least leave lecture led left leg legal legislation legitimate lend
length lesson letter level leverage levy liberal licence license lie life lift light like likely limit limited
line link lip list listen lists literally literature little live lives living load loan local locate location
lock long look loom loose lose loss lost lot loud love lovely low lower loyal luck lunch machine mad magazine
magic main mainly maintain maintained major majority make male manage managed management manager manner
manufacture manufacturer manufacturing map march margin mark marked market marketing markets marriage marry
mass massive master match material matter maximum mayor meal mean meaning means measure measurement measures
meat mechanism medal media mediate medical medicine medium meet meeting meetings member membership memory
mental mention merely mess message met metal method middle might mild mile military mind mine minimum minister
ministry minor minority minute miss mission mistake mitigate mix mixed mode model moderate modern modest
moment momentum money monitor mood moral morning mother motion motivate motor mount mountain mouth move moved
movement moves movie multilateral mutual mystery name narrow nation national nations native natural naturally
nature near nearby nearly neat necessarily necessary neck need negative neglect negotiate negotiation
negotiations negotiator neighbor neighbour neighbourhood nervous net network neutral nevertheless nice night
noise nominate nomination normal normally north northern notable note notice notion novel nuclear numerous
nurse object objective obligation observe obtain obvious obviously occasion occupy occur odd offence offense
offer offers office officer offices official officials oil online open opening openly operate operation
operator opinion opponent opportunities opportunity oppose opposite opposition optimistic option order orders
ordinary organisation organise organization organize origin original outcome outcomes outline output outside
outstanding overall overcome overseas overture owe own owner pace pack package page paid pain paint pair panel
panic paper parent park parliament part partial participant participate particular particularly parties partly
partner partners partnership party pass passage passenger passion past path patient pattern pause pave pay
payment peace peaceful peak peer penalty pension perceive percentage perception perfect perform performance
perhaps period permanent permission permit persist personal personality personally perspective persuade phase
phenomenon philosophy phone physical pick picture piece pilot pitch place plain plan planet planned planning
plans plant platform play player plea plead pleasant please pleasure pledge plenty plot plunge plus pocket
poem poet poetry point police policies policy political politician politics poll pool poor pop popular
population port portion portray pose position positions positive possess possession possibility possible post
posture potential pound pour poverty power powerful powers practical practice praise pray precise precisely
predict prefer preference pregnant preliminary premise preparation prepare presence present presentation
preserve press pressure presumably pretend pretty prevent prevented previous previously price prices pride
primarily primary prime principal principle print prior priority prison prisoner privacy private prize
probably probe problem procedure proceed process produce producer product production productive products
profession professional professor profile profit program programme programs progress project prominent promise
promote promoted promotion prompt proof proper properly property proportion proposal proposals propose
prospect protect protection protest proud prove provide provided province provision public publication publish
pull punish purchase pure purpose pursue push put qualify quality quarter queen question quick quickly quiet
quit quote race racial radical radio raise raised range rank rapid rapidly rare rarely rate rates rather
rating ratio raw reach reached reaching react reaction read reader ready real realise reality realize really
reason reasonable reasons rebuke recall receive received recent recently recognise recognize recommend record
recover recovery recruit reduce reduced reduction refer reference reflect reform refuse regard regime region
regional register regret regular regulate regulation reject relate relation relations relationship
relationships relative relatively relax release relevant relief religion religious rely remain remark
remarkable remember remind remote remove repair repeat replace reply report reportedly represent
representation representative reputation request require requirement rescue research reserve resident resign
resist resistance resolution resolve resolved resort resource respect respected respective respond responded
response responsibility responsible rest restaurant restore restrict restriction result resume retain
retaliate retaliation retire retreat return returned reveal revenue reverse review revolution reward rhetoric
rich rid ride right rights ring rise rising risk risks rival river road rock role roll room root rough round
rounds route routine royal rule ruling run rural rush sad safe safety sake salary sale sample sanction satisfy
save saving scale scandal scene schedule scheme scholar school science scientific scientist scope score
scramble screen scrutiny sea search season seat secret secretary section sector secure security seek seeking
select selection sell send senior sense sensitive sentence separate sequence series serious seriously servant
serve served service services session setback setting settle settlement several severe sex shade shadow shake
shape share shared sharp sharply shift shine ship shock shoot shop shopping short shot shoulder shout show
showdown shut sick sight sign signal significance significant significantly signs silence silent silver
similar similarly simple simply sing single sister sit site situation size skill skin sky sleep slight
slightly slip slow slowly smart smile smooth social society soft softened software soil sold soldier solid
solution solutions solve son song soon sophisticated sorry sought soul sound south southern space spare speak
speaker special specialist species specific spectrum speech speed spend spirit split spokesman sponsor sport
spot spread spring square stabilisation stabilise stability stabilization stabilize stable staff stage stake
stalemate stall stance stand standard standoff star stare start state statement states station status stay
steady steal steel step steps stick stock stone stop storage store storm straight strain strange stranger
strategic strategy stream street strength strengthen strengthened stress stretch strict strike string strip
stroke strong strongly structure struggle student studies studio study stuff style subject subjects submit
subsequent substance substantial succeed success successful successfully sudden suddenly suffer sufficient
suggest suggestion suit suitable sum summary summer summit sun super supplies supply support supporter suppose
sure surely surface surprise surprised surround survey survival survive suspect suspend suspension sustain
sustainable sweeping swing switch symbol sympathy system systems table tackle tactic tail take tale talent
talk talks tall tank tap target task taste tax taxes tea teach teacher team teams tear technical technique
technologies technology teenage telephone television tell temperature temporary tend tendency tense tension
tensions tentative term terms terrible territory terror test text thank thaw theatre theme theory therapy
thick thin think thought threat threaten threats throw ticket tie ties tight tighten till tip tired title tone
tool tooth topic topics total touch tough tour tourist toward towards tower town track trade trades tradition
traditional traffic train training transfer transform transition translate transport travel treat treatment
treaty tree tremendous trend trial trick trigger trip troop trouble true truly trust truth try tune turbulence
turbulent turn twist type typical typically ugly ultimate ultimately unable uncertainty undergo understand
understanding unemployment unfortunately uniform union unique unit unite unity universal universe university
unknown unlike unprecedented upcoming uphold upper upset urban urge urgent usual usually valley valuable value
variable variation variety vary vast vehicle venture version vessel veteran victim victory view views village
violence violent virtual virtually virtue visible vision visit visitor visits visual vital voice volume vote
voter votes vow vulnerable wage wait waive wake walk wall wander war warm warn warning wars wash waste watch
water wave weak weakness wealth weapon wear weather web website wedding weight welcome welfare west western
wheel white whole wide widely wife wild will willing willingness win wind window wine wing winner winter wire
wise wish withdraw witness won wonder wonderful wood word work worker workers works world worry worth wound
wrap write writer wrong yard yellow young youth zone
"""

# Inside a name these may stand between capitalised words (Ministry of Commerce). Not "and", which
# mostly joins two names ("China and the US").
_INNER = "of for the de la le du von van der al bin da di del &"


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


_FUNCTION_KEYS = _stems(_FUNCTION) | frozenset(STOP_WORDS) | {"&"}
_TITLE_KEYS = _stems(_TITLES)
_GENERIC_KEYS = _stems(_GENERIC)
_COMMON_KEYS = _stems(_COMMON)
_INNER_KEYS = frozenset(_INNER.split())
# Lower-case words in -ly that are not adverbs.
_LY_WORDS = frozenset(
    "supply apply reply comply imply multiply rally ally tally family anomaly assembly monopoly butterfly jelly "
    "belly bully holy lily fly italy july".split()
)
# Lower-case single words with these endings describe rather than name (agricultural, intense).
_DESCRIBING = ("al", "ic", "ive", "ous", "ful", "able", "ible", "ed", "ing", "ish", "less", "ant", "ent", "est")

_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTH_ABBR = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
_MONTHS = {m[:3].lower(): m[:3] for m in _MONTH_NAMES.split("|")}

# One token: a dotted abbreviation, a percentage, a day of a month, a word, a hyphen inside a
# compound (kept so labels are written as in the text), or punctuation (which ends a phrase).
# (The lookaheads only make the alternatives fail sooner.)
_TOKEN_RE = re.compile(
    r"(?=[A-Za-z]\.[A-Za-z]\.)(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    r"|(?=[$€£¥\d])[$€£¥]?\d+(?:[.,]\d+)*(?:\s?%|\s(?:per\s?cent|percent|million|billion|trillion)\b|\s?bn\b)"
    rf"|(?=[ADFJMNOS][a-z]{{2}})(?:{_MONTH_NAMES}|{_MONTH_ABBR})\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?![\w%]|\s?per)"
    rf"|(?=\d)\d{{1,2}}(?:st|nd|rd|th)?\s(?:{_MONTH_NAMES})\b"
    r"|\w+(?:['’]\w+)*"
    r"|(?<=\w)-(?=\w)|&"
    r"|[^\w\s-]+|(?<!\S)[-–—]+(?!\S)"
)
_DAY_RE = re.compile(r"\d{1,2}")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
# After these, the next word starts a sentence or a quotation: its capital says nothing.
_OPENERS = frozenset(".!?:;\"“”‘’'([{]…")
_OPERATORS = frozenset({"and", "or", "not", "andnot", "andmaybe", "to"})


@dataclass(frozen=True)
class Topic:
    label: str  # as most often written, e.g. "rare earths"
    query: str  # search text that finds it, e.g. '"rare earth"'
    kind: str  # "entity" (a name), "phrase" (several words) or "term" (one word or figure)
    counts: dict[str, int]  # outlet (or the article's title or file) -> mentions; only outlets that mention it
    articles: tuple[str, ...]  # ids of the articles mentioning it

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Coverage:
    outlets: tuple[str, ...]  # the matrix's columns, in the order the articles came
    topics: tuple[Topic, ...]  # its rows: most widely covered first

    def missing(self, outlet: str) -> list[Topic]:
        """The topics that outlet never mentions (KeyError for an outlet not in the corpus)."""
        if outlet not in self.outlets:
            raise KeyError(outlet)
        return [t for t in self.topics if not t.counts.get(outlet)]


def column_name(article: Article) -> str:
    """The column an article's mentions count in: its outlet, else its title, else its file."""
    return article.outlet or article.title or article.file or article.id


# -- Tokens ----------------------------------------------------------------------------------------

_BREAK = 0  # key id between phrases and between articles

# Token kinds.
_WORD, _NUM, _FIGURE, _DATE, _ACRONYM, _PUNCT, _JOIN = range(7)

# Case bits of a token: written with a capital; that capital means something (not the first word
# of a sentence); in a headline set in title case or capitals.
_CAPITAL, _KNOWN, _HEADLINE = 1, 2, 4


class _Vocabulary:
    """Keys (what counts as the same word) and surfaces (how it was written), as small ints. A
    surface decides its key, so tokens need only record their surface."""

    def __init__(self) -> None:
        self.keys: list[str] = [""]
        self.kinds: list[int] = [_PUNCT]
        self.key_ids: dict[str, int] = {"": _BREAK}
        self.surfaces: list[str] = [""]
        self.surface_keys: list[int] = [_BREAK]
        self.surface_ids: dict[str, int] = {"": 0}
        # text as matched -> (kind, surface id << 4 | capital bit, opens a sentence, possessive,
        # counts towards telling a headline)
        self.tokens: dict[str, tuple[int, int, bool, bool, bool]] = {}

    def token(self, text: str) -> tuple[int, int, bool, bool, bool]:
        found = self.tokens.get(text)
        if found is None:
            if len(self.tokens) > 1_000_000:  # keep the cache bounded on huge vocabularies
                self.tokens.clear()
            found = self.tokens[text] = self._classify(text)
        return found

    def _classify(self, text: str) -> tuple[int, int, bool, bool, bool]:
        first = text[0]
        if text == "-":
            return (_JOIN, 0, False, False, False)
        if text == "&":  # Berg & Lund
            return (_WORD, self._surface("&", "&", _WORD) << 4, False, False, False)
        if not (first.isalnum() or first == "_" or first in "$€£¥"):
            return (_PUNCT, 0, any(c in _OPENERS for c in text), False, False)
        kind, surface, possessive = _WORD, text, False
        if text[-1] == ".":  # U.S., a.m.
            letters = text.replace(".", "")
            kind, key = (_ACRONYM, letters) if letters.isupper() else (_WORD, "~" + letters)
        elif (first.isdigit() or first in "$€£¥") and not text.isdigit():  # 100%, $2.4 million
            number = _NUMBER_RE.search(text)
            assert number is not None
            unit = text[number.end() :].strip().lower()
            unit = "%" if "cent" in unit else {"bn": "billion"}.get(unit, unit)
            kind, key = _FIGURE, f"{number.group().replace(',', '')}{unit}"
        elif " " in text:  # a day of a month, either way round
            day = _DAY_RE.search(text)
            assert day is not None
            month = next(w for w in text.split() if w[0].isalpha())
            kind, key = _DATE, f"{month[:3].lower()} {int(day.group())}"
        elif text.isdigit():
            kind, key = _NUM, text
        else:
            lower = normalise(text)
            if lower.endswith("'s"):
                lower, surface, possessive = lower[:-2], text[:-2], True
            if "'" in lower and first.islower():
                key = "~" + lower  # don't, they're: function words
            elif len(surface) > 1 and surface.isupper() and lower in _FUNCTION_KEYS | _GENERIC_KEYS:
                kind, key = _ACRONYM, surface  # US, WHO, IT: not the pronoun
            elif first.islower() and lower.endswith("ly") and len(lower) > 4 and lower not in _LY_WORDS:
                key = "~" + lower  # an adverb (properly), not the adjective's stem
            else:
                key = stem(lower)
        capital = surface[0].isupper()
        telling = kind == _WORD and key not in _FUNCTION_KEYS
        return (kind, self._surface(surface, key, kind) << 4 | capital, False, possessive, telling)

    def _surface(self, surface: str, key: str, kind: int) -> int:
        surface_id = self.surface_ids.get(surface)
        if surface_id is None:
            key_id = self.key_ids.get(key)
            if key_id is None:
                key_id = self.key_ids[key] = len(self.keys)
                self.keys.append(key)
                self.kinds.append(kind)
            surface_id = self.surface_ids[surface] = len(self.surfaces)
            self.surfaces.append(surface)
            self.surface_keys.append(key_id)
        return surface_id

    def key_id(self, text: str) -> int:
        """The key id of a token's text (_BREAK for punctuation)."""
        code = self.token(text)[1]
        return self.surface_keys[code >> 4]


# A token's code: surface id << 4 | the case bits | _JOINED.
_JOINED = 8


class _Tokens:
    """Every article's tokens end to end, as parallel arrays; a break token separates phrases."""

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        vocab = self.vocab = _Vocabulary()
        codes = array("q")  # raw machine ints: a list would hold millions of int objects
        append = codes.append
        starts: list[int] = []
        findall = _TOKEN_RE.findall
        known = vocab.tokens.get
        token = vocab.token
        for paragraphs in texts:
            starts.append(len(codes))
            for paragraph in paragraphs:
                append(0)
                begin = len(codes)
                opens, join = True, 0
                caps = words = 0
                for text in findall(paragraph):
                    kind, code, opener, possessive, telling = known(text) or token(text)
                    if kind >= _PUNCT:
                        if kind == _JOIN:
                            join = _JOINED
                        else:
                            if codes[-1]:
                                append(0)
                            opens = opens or opener
                        continue
                    append(code | join if opens else code | join | _KNOWN)
                    if telling:
                        words += 1
                        caps += code & _CAPITAL
                    if possessive:  # "China's maritime": a phrase ends at a possessive
                        append(0)
                    opens, join = False, 0
                if words >= 3 and caps >= 0.75 * words:  # a title-case or capitals headline
                    for i in range(begin, len(codes)):
                        codes[i] = (codes[i] & ~_KNOWN) | _HEADLINE
        append(0)
        packed = np.frombuffer(codes, dtype=np.int64)
        self.surfaces = (packed >> 4).astype(np.int32)
        self.case = (packed & 7).astype(np.int8)
        self.joined = ((packed & _JOINED) > 0).astype(np.int8)
        del packed, codes
        self.ids = np.array(vocab.surface_keys, dtype=np.int32)[self.surfaces]
        vocab.tokens.clear()  # the cache of texts is no longer needed: free it
        starts.append(len(self.ids))
        self.starts = np.array(starts, dtype=np.int64)
        self.article = np.repeat(np.arange(len(texts), dtype=np.int32), np.diff(self.starts))


# -- Candidates ------------------------------------------------------------------------------------


@dataclass(eq=False)
class _Candidate:
    key: tuple[int, ...]
    tf: int
    df: int
    positions: np.ndarray  # where each mention starts, as token positions
    score: float = 0.0
    entity: bool = False
    alias: _Candidate | None = None  # a lone surname whose mentions count for this full name
    run: bool = False  # a long capitalised run: a name by construction
    partners: list[_Candidate] = field(default_factory=list)  # the same thing by another name (APEC)

    def covered(self) -> np.ndarray:
        """Every token position inside a mention."""
        return (self.positions[:, None] + np.arange(len(self.key))[None, :]).ravel()

    def family(self) -> list[_Candidate]:
        """This candidate and those whose mentions count for it."""
        return [self] + ([self.alias] if self.alias is not None else []) + self.partners

    def mentions(self) -> np.ndarray:
        """Where each mention starts: the surname's mentions stand for a full name's."""
        own = self.alias.positions if self.alias is not None else self.positions
        return np.concatenate([own] + [p.positions for p in self.partners])


class _Analysis:
    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        tokens = self.tokens = _Tokens(texts)
        vocab = tokens.vocab
        keys = vocab.keys
        self.n_articles = len(texts)
        n_keys = self.n_keys = len(keys)
        kinds = self.kinds = np.array(vocab.kinds, dtype=np.int8)
        word = kinds == _WORD
        self.function = np.array([k in _FUNCTION_KEYS for k in keys], dtype=bool) & word
        self.title = np.array([k in _TITLE_KEYS for k in keys], dtype=bool) & word
        self.generic = np.array([k in _GENERIC_KEYS or k.startswith("~") for k in keys], dtype=bool) & word
        self.common = np.array([k in _COMMON_KEYS for k in keys], dtype=bool) & word
        self.inner = np.array([k in _INNER_KEYS for k in keys], dtype=bool) & word
        self.stop = np.array([k in STOP_WORDS for k in keys], dtype=bool) & word
        ids = tokens.ids
        case = tokens.case
        # How often each word is written with a capital where that means something.
        known = (case & _KNOWN) > 0
        capitals = np.bincount(ids[known], weights=(case[known] & _CAPITAL), minlength=n_keys)
        seen = np.bincount(ids[known], minlength=n_keys)
        ratio = np.full(n_keys, np.nan)
        np.divide(capitals, seen, out=ratio, where=seen > 0)
        ratio[kinds == _ACRONYM] = 1.0
        self.capital_ratio = ratio
        proper = (np.nan_to_num(ratio, nan=0.0) >= 0.6) | (kinds == _ACRONYM)
        # Never seen where a capital means something ("(ASEAN)", a sentence's first word): a name
        # if always written in capitals, or always capitalised and not an everyday word.
        body = ((case & _HEADLINE) == 0) & (ids != _BREAK)
        written = [(w.isupper() and len(w) > 1, w[:1].isupper()) for w in vocab.surfaces]
        upper = np.array([u for u, _ in written], dtype=bool)[tokens.surfaces]
        capital = np.array([c for _, c in written], dtype=bool)[tokens.surfaces]
        total = np.bincount(ids[body], minlength=n_keys)
        in_upper = np.bincount(ids[body], weights=upper[body], minlength=n_keys)
        in_capital = np.bincount(ids[body], weights=capital[body], minlength=n_keys)
        everyday = self.common | self.generic | self.function | self.title
        proper |= (total > 0) & (in_upper >= 0.6 * total) & word
        proper |= (total > 0) & (in_capital == total) & np.isnan(ratio) & ~everyday & word
        self.proper = proper
        self.key_tf = np.bincount(ids, minlength=n_keys)

    def candidates(self, min_df: int) -> list[_Candidate]:
        tokens = self.tokens
        ids = tokens.ids
        article = tokens.article
        V = self.n_keys
        kinds = self.kinds[ids]
        gap = ids == _BREAK
        # A capital that is not a headline's: the capital of a name.
        capital = ((tokens.case & _CAPITAL) > 0) & ((tokens.case & _HEADLINE) == 0)
        plain = ~(self.function | self.title | self.generic)[ids] & (kinds != _NUM) & (kinds != _DATE) & ~gap
        # "He" of He Lifeng, "One" of Phase One: a stock word written with a capital, inside a name.
        overridable = (self.generic | (self.function & ~self.stop))[ids] & ~self.title[ids] & capital
        inner = self.inner[ids]
        # A stock word joined by a hyphen belongs to the compound ("two-factor", "win-win").
        stock = (self.generic | (self.function & ~self.stop))[ids] & ~self.title[ids] & (kinds == _WORD)
        joined = tokens.joined > 0
        surface_ed = np.array([s.endswith("ed") and s.islower() for s in tokens.vocab.surfaces], dtype=bool)
        past = surface_ed[tokens.surfaces]  # "consensus reached": a phrase does not end on a verb
        found: list[_Candidate] = []

        uni = (plain | (kinds == _DATE)) & ~gap
        pos = np.flatnonzero(uni).astype(np.int32)
        found += self._count(ids[pos].astype(np.int64), article[pos], pos, 1, min_df)

        begin = plain & (kinds != _DATE)
        finish = plain & (kinds != _FIGURE) & ~past
        a, b = ids[:-1], ids[1:]
        caps = capital[:-1] & capital[1:]
        start = begin[:-1] | (overridable[:-1] & caps) | (stock[:-1] & joined[1:])
        end = finish[1:] | (overridable[1:] & caps) | (stock[1:] & joined[1:])
        end |= (kinds[1:] == _NUM) & capital[:-1] & (kinds[:-1] == _WORD)  # Section 301
        pos = np.flatnonzero(start & end).astype(np.int32)
        found += self._count(a[pos].astype(np.int64) * V + b[pos], article[pos], pos, 2, min_df)

        if V < 2_000_000 and len(ids) >= 3:  # V**3 must fit in an int64
            a, m, c = ids[:-2], ids[1:-1], ids[2:]
            caps = capital[:-2] & capital[2:] & (capital[1:-1] | inner[1:-1])
            start = begin[:-2] | (overridable[:-2] & caps) | (stock[:-2] & joined[1:-1])
            middle = (plain[1:-1] & (kinds[1:-1] != _DATE)) | ((inner[1:-1] | overridable[1:-1]) & caps)
            middle |= stock[1:-1] & (joined[1:-1] | joined[2:])
            middle &= ~gap[1:-1]
            end = finish[2:] | (overridable[2:] & caps) | (stock[2:] & joined[2:])
            end |= (kinds[2:] == _NUM) & capital[:-2] & capital[1:-1]
            pos = np.flatnonzero(start & middle & end).astype(np.int32)
            codes = (a[pos].astype(np.int64) * V + m[pos]) * V + c[pos]
            found += self._count(codes, article[pos], pos, 3, min_df)

        found += self._long_names(capital, inner, overridable, min_df)
        return found

    def _count(self, codes: np.ndarray, articles: np.ndarray, positions: np.ndarray, n: int, min_df: int):
        if len(codes) == 0:
            return []
        order = np.argsort(codes, kind="stable")  # mentions of one n-gram stay in text order
        codes, articles, positions = codes[order], articles[order], positions[order]
        new_code = np.empty(len(codes), dtype=bool)
        new_code[0] = True
        np.not_equal(codes[1:], codes[:-1], out=new_code[1:])
        first = np.flatnonzero(new_code)
        tf = np.diff(np.append(first, len(codes)))
        new_article = new_code.copy()
        new_article[1:] |= articles[1:] != articles[:-1]
        df = np.add.reduceat(new_article.astype(np.int64), first)
        uniq = codes[first]
        V = self.n_keys
        found = []
        for i in np.nonzero(df >= min_df)[0].tolist():
            rest, key = int(uniq[i]), []
            for _ in range(n):
                key.append(rest % V)
                rest //= V
            start = first[i]
            found.append(_Candidate(tuple(reversed(key)), int(tf[i]), int(df[i]), positions[start : start + tf[i]]))
        return found

    def _long_names(self, capital: np.ndarray, inner: np.ndarray, overridable: np.ndarray, min_df: int):
        """Names of four to eight words (Asia-Pacific Economic Cooperation), which n-grams miss."""
        ids = self.tokens.ids
        kinds = self.kinds[ids]
        name = capital & ~self.title[ids] & ((kinds == _WORD) | (kinds == _ACRONYM)) & ~self.stop[ids]
        name &= ~self.function[ids] | overridable
        link = inner & ~capital
        in_run = (name | link).astype(np.int8)
        edges = np.diff(np.concatenate(([0], in_run, [0])))
        starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
        long = (ends - starts) >= 4
        runs: dict[tuple[int, ...], list[int]] = {}
        loose = link | self.generic[ids]  # "Kuala Lumpur on Saturday": a name ends before a day
        for s, e in zip(starts[long].tolist(), ends[long].tolist(), strict=True):
            while s < e and loose[s]:
                s += 1
            while e > s and loose[e - 1]:
                e -= 1
            if 4 <= e - s <= 8:
                runs.setdefault(tuple(ids[s:e].tolist()), []).append(s)
        found = []
        for key, where in runs.items():
            positions = np.array(where, dtype=np.int32)
            df = len(set(self.tokens.article[positions].tolist()))
            if df >= min_df:
                found.append(_Candidate(key, len(where), df, positions, run=True))
        return found


# -- Scoring ---------------------------------------------------------------------------------------


def _strength(an: _Analysis, cand: _Candidate) -> float:
    """How strongly a phrase's outer words go together: its mentions over the geometric mean of
    the outer words' mentions (near 1 when each occurs only in the phrase)."""
    first, last = cand.key[0], cand.key[-1]
    # One more mention of each word than seen: two mentions of a phrase prove less than twenty.
    return min(1.0, cand.tf / math.sqrt((an.key_tf[first] + 1) * (an.key_tf[last] + 1)))


def _surface(an: _Analysis, cand: _Candidate) -> str:
    forms = Counter(an.tokens.surfaces[cand.positions[:50]].tolist())
    return an.tokens.vocab.surfaces[forms.most_common(1)[0][0]]


def _capitalised_share(an: _Analysis, cand: _Candidate) -> float | None:
    """The share of a phrase's mentions outside headlines with every word capitalised (linking
    words aside), or None when it occurs only in headlines."""
    kinds = an.kinds
    content = np.array([kinds[k] in (_WORD, _ACRONYM) and not an.function[k] for k in cand.key])
    span = cand.positions[:, None] + np.arange(len(cand.key))[None, :]
    case = an.tokens.case[span]
    body = ~((case & _HEADLINE) > 0).any(axis=1)
    if not body.any():
        return None
    capitalised = ((case & _CAPITAL) > 0) | ~content[None, :]
    return float(capitalised[body].all(axis=1).mean())


def _quality(an: _Analysis, cand: _Candidate) -> float:
    """How much of a topic the candidate is, from 0 to 1, whatever its number of mentions."""
    key = cand.key
    kinds = an.kinds
    first = key[0]
    if cand.run:
        cand.entity = True
        return 1.0
    words = [k for k in key if kinds[k] in (_WORD, _ACRONYM) and not an.function[k]]
    cand.entity = bool(words) and all(an.proper[k] for k in words)
    if len(key) > 1 and words:
        # Written with capitals where it occurs ("Norvik Bank", though "the bank" is common).
        capitalised = _capitalised_share(an, cand)
        if capitalised is not None:
            cand.entity = capitalised >= 0.6
    if len(key) == 1:
        kind = kinds[first]
        if kind in (_DATE, _FIGURE):
            return 0.7
        if len(an.tokens.vocab.keys[first]) < 2:
            return 0.0  # a stray letter
        if cand.entity:
            # Many one-word names are passing mentions (a city, a news agency); capitalised common
            # words (Ministry, Commerce) even more so.
            return 0.4 if an.common[first] else 0.7
        if an.common[first]:
            return 0.0  # "cooperation", "meeting": words of any story
        if an.capital_ratio[first] > 0.3:
            return 0.3  # sometimes a name, sometimes not
        if _surface(an, cand).lower().endswith(_DESCRIBING):
            return 0.3  # "agricultural", "intense": a description, not a subject
        return 1.0
    strength = _strength(an, cand)
    if cand.entity:
        return 0.8 + 0.2 * strength  # capitalised words in a row are mostly a name
    quality = 0.4 + 0.6 * strength
    if any(an.proper[k] for k in words):
        quality *= 0.5  # a name and a common word ("Chinese goods", "Trump administration")
    return quality


def _score(an: _Analysis, cand: _Candidate) -> float:
    quality = _quality(an, cand)
    if quality <= 0:
        return 0.0
    n = an.n_articles
    spread = math.log2(1 + cand.df) + 0.5 * math.log2(1 + cand.tf / cand.df)
    if n >= 3:
        # Mentioned everywhere: part of what the story is, less of what tells outlets apart.
        spread *= 1.0 - 0.6 * (cand.df / n) ** 3
        if cand.df == 1:
            spread *= 0.8
    return quality * spread


# -- Choosing --------------------------------------------------------------------------------------


def _contains(long: tuple[int, ...], short: tuple[int, ...]) -> int:
    """The offset of `short` inside the longer `long`, or -1."""
    n = len(short)
    if len(long) <= n:
        return -1
    return next((i for i in range(len(long) - n + 1) if long[i : i + n] == short), -1)


def _inside(short: _Candidate, long: _Candidate) -> int:
    """How many mentions of `short` fall inside mentions of `long`."""
    offset = _contains(long.key, short.key)
    if offset < 0:
        return 0
    return int(np.isin(short.positions, long.positions + offset).sum())


def _near(an: _Analysis, cand: _Candidate, other: _Candidate, window: int) -> float:
    """The share of `cand`'s mentions within a few words of a mention of `other` in the same article."""
    mine = cand.positions
    theirs = np.sort(other.positions if other.alias is None else other.alias.positions)
    idx = np.searchsorted(theirs, mine)
    lo = theirs[np.maximum(idx - 1, 0)]
    hi = theirs[np.minimum(idx, len(theirs) - 1)]
    nearest = np.where(np.abs(mine - lo) <= np.abs(hi - mine), lo, hi)
    article = an.tokens.article
    return float(((np.abs(nearest - mine) <= window) & (article[nearest] == article[mine])).mean())


def _prefer_longer(an: _Analysis, pool: list[_Candidate]) -> list[_Candidate]:
    """A word or name that mostly occurs inside a longer one gives way to it ("earth" to "rare
    earth", "Asia-Pacific" to "Asia-Pacific Economic Cooperation"), unless the longer one adds a
    topic of its own ("US Section 301" is "Section 301" after "US")."""
    singles = {c.key[0]: c for c in pool if len(c.key) == 1}
    ordered = sorted(pool, key=lambda c: len(c.key))
    gone: set[int] = set()
    for short in ordered:
        best = None
        for long in ordered:
            if len(long.key) <= len(short.key) or long.entity != short.entity:
                continue
            if not short.entity and len(short.key) > 1:
                continue  # "basic consensus" is not better said as "reached basic consensus"
            if _inside(short, long) < 0.7 * short.tf:
                continue
            offset = _contains(long.key, short.key)
            extra = long.key[:offset] + long.key[offset + len(short.key) :]
            if any(k in singles and _inside(singles[k], long) < 0.5 * singles[k].tf for k in extra):
                continue
            if best is None or len(long.key) > len(best.key):
                best = long
        if best is not None:
            best.score = max(best.score, short.score)
            gone.add(id(short))
    return [c for c in pool if id(c) not in gone]


def _join_surnames(an: _Analysis, pool: list[_Candidate]) -> list[_Candidate]:
    """A lone surname (Bessent) or family name (Xi) counts for the one full name it belongs to."""
    kinds = an.kinds
    singles = {c.key[0]: c for c in pool if len(c.key) == 1 and c.entity}
    names: dict[int, list[_Candidate]] = {}
    for c in pool:
        if c.entity and len(c.key) == 2 and all(kinds[k] == _WORD for k in c.key):
            for k in c.key:
                names.setdefault(k, []).append(c)
    gone: set[int] = set()
    for k, full in names.items():
        single = singles.get(k)
        if single is None or an.common[k] or an.generic[k] or an.function[k]:
            continue
        best = max(full, key=lambda c: c.tf)
        if best.alias is not None or best.tf < 2 or best.tf < 0.75 * sum(c.tf for c in full):
            continue
        if any(an.common[w] or an.generic[w] for w in best.key) or _surface(an, single).isupper():
            continue  # "APEC Economic": not a person's name
        if _inside(single, best) == single.tf:
            continue  # never alone (Lumpur): nothing to add
        other = singles.get(best.key[1] if best.key[0] == k else best.key[0])
        if other is not None and id(other) not in gone and _inside(other, best) < 0.5 * other.tf:
            continue  # "China US": both halves are names in their own right
        best.alias = single
        best.df, best.tf = single.df, single.tf
        best.score = max(best.score, single.score)
        gone.add(id(single))
    return [c for c in pool if id(c) not in gone]


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether the acronym is made of the words in order: each word gives its first letter and
    perhaps one or two later ones (ASEAN: Association of SouthEast Asian Nations); small
    linking words may give none (APEC, ASEAN, US for United States)."""
    if not words:
        return not acronym
    word, rest = words[0].lower(), words[1:]
    if word in _INNER_KEYS and _abbreviates(acronym, rest):
        return True
    acronym_lower = acronym.lower()
    if not acronym_lower or acronym_lower[0] != word[0]:
        return False
    taken = [1]  # acronym letters consumed by this word so far
    at = 1
    for letter in acronym_lower[1:3]:
        at = word.find(letter, at)
        if at < 0:
            break
        at += 1
        taken.append(taken[-1] + 1)
    return any(_abbreviates(acronym[k:], rest) for k in taken)


def _join_acronyms(an: _Analysis, pool: list[_Candidate]) -> list[_Candidate]:
    """An acronym and the name it stands for (APEC, Asia-Pacific Economic Cooperation) are one topic."""
    acronyms = []
    for c in pool:
        if c.entity and len(c.key) == 1 and an.kinds[c.key[0]] in (_WORD, _ACRONYM):
            written = _surface(an, c)
            if written.isupper() and 2 <= len(written) <= 6 and written.isalpha():
                acronyms.append((written, c))
    if not acronyms:
        return pool
    gone: set[int] = set()
    for c in pool:
        if not c.entity or len(c.key) < 2 or id(c) in gone:
            continue
        words = re.split(r"[\s-]+", _written(an, int(c.positions[0]), len(c.key)))
        if len(words) < 2 or any(w.isupper() for w in words):
            continue
        for written, acronym in acronyms:
            if id(acronym) in gone or acronym.partners or not _abbreviates(written, words):
                continue
            keep, other = (acronym, c) if acronym.tf >= c.tf else (c, acronym)
            keep.partners.append(other)
            keep.score = max(keep.score, other.score)
            keep.df = len(set(an.tokens.article[keep.mentions()].tolist()))
            keep.tf = len(keep.mentions())
            gone.add(id(other))
            break
    return [c for c in pool if id(c) not in gone]


def _redundant(an: _Analysis, c: _Candidate, chosen: list[_Candidate], covered: list[np.ndarray]) -> bool:
    """Whether a chosen topic already says what the candidate would."""
    n = len(c.key)
    mine = c.covered()
    for d, theirs in zip(chosen, covered, strict=True):
        if any(_contains(p.key, c.key) >= 0 and _inside(c, p) >= 0.5 * c.tf for p in d.family()):
            return True  # "Kuala" once "Kuala Lumpur" is in
        if _contains(c.key, d.key) >= 0:
            if _inside(d, c) >= 0.5 * d.tf:
                return True  # "Kuala Lumpur tower" once "Kuala Lumpur" is in
            continue
        if d.alias is not None and _contains(c.key, d.alias.key) >= 0:
            return True  # "President Xi" beside "Xi Jinping"
        # Overlapping mentions ("US Section" beside "Section 301").
        if np.isin(mine, theirs).reshape(-1, n).any(axis=1).sum() >= 0.5 * c.tf:
            return True
        if _absorbs(an, d, c):
            return True
    return False


def _absorbs(an: _Analysis, name: _Candidate, word: _Candidate) -> bool:
    """Whether a word is only ever said in the same breath as a name or phrase, and no more often
    ("shipbuilding" beside "Section 301")."""
    return (
        not word.entity
        and an.kinds[word.key[0]] == _WORD
        and (name.entity or len(name.key) > 1)
        and 0.5 * name.tf <= word.tf <= name.tf  # a name ten times as common is near everything
        and _near(an, word, name, 8) >= 0.8
    )


def _choose(an: _Analysis, cands: list[_Candidate], limit: int, skip: set[tuple[int, ...]]) -> list[_Candidate]:
    for cand in cands:
        cand.score = _score(an, cand)
    pool = sorted((c for c in cands if c.score > 0), key=lambda c: (-c.score, -c.df, -c.tf, c.key))
    pool = pool[: max(400, limit * 20)]
    for c in pool:  # a view would keep every candidate's positions alive
        c.positions = c.positions.copy()
    cands.clear()
    pool = _prefer_longer(an, pool)
    pool = _join_surnames(an, pool)
    pool = _join_acronyms(an, pool)
    singles = {c.key[0]: c for c in pool if len(c.key) == 1 and c.entity}
    keys = an.tokens.vocab.keys
    for c in pool:
        # Two names side by side (China-US, Xi-Trump) are the names' business.
        if c.entity and c.alias is None and len(c.key) == 2:
            halves = [singles.get(k) for k in c.key]
            if all(h is not None and h.tf > 1.5 * c.tf for h in halves):
                c.score = 0.0
        # A demonym beside its country (Chinese, China) says nothing more.
        if c.entity and len(c.key) == 1 and an.kinds[c.key[0]] == _WORD:
            word = keys[c.key[0]]
            for k in singles:
                other = keys[k]
                if k != c.key[0] and len(other) >= 4 and len(word) > len(other) and word.startswith(other[:-1]):
                    c.score = 0.0
                    break
    pool = sorted((c for c in pool if c.score > 0 and c.key not in skip), key=lambda c: (-c.score, -c.df, c.key))

    # Names and subjects (phrases, words, figures) each get a share of the rows when there are
    # enough of both: a matrix of nothing but places and people says little about the issues.
    def pick(max_names: int, max_subjects: int) -> list[_Candidate]:
        chosen: list[_Candidate] = []
        covered: list[np.ndarray] = []
        names = subjects = 0
        for c in pool:
            if len(chosen) >= limit:
                break
            if (names >= max_names and c.entity) or (subjects >= max_subjects and not c.entity):
                continue
            if _redundant(an, c, chosen, covered):
                continue
            if c.entity or len(c.key) > 1:
                # A word chosen earlier that only ever occurs beside this one goes with it.
                for j in reversed(range(len(chosen))):
                    d = chosen[j]
                    if _absorbs(an, c, d):
                        del chosen[j], covered[j]
                        subjects -= 1
            chosen.append(c)
            covered.append(np.unique(np.concatenate([p.covered() for p in c.family()])))
            names += c.entity
            subjects += not c.entity
        return chosen

    share = max(1, round(limit * 0.4))
    free = pick(limit, limit)
    subjects = sum(not c.entity for c in free)
    names = len(free) - subjects
    if subjects >= share and names >= share:
        return free
    if subjects < share:
        return pick(limit - min(share, len(pick(0, limit))), limit)
    return pick(limit, limit - min(share, len(pick(limit, 0))))


# -- Labels and queries ----------------------------------------------------------------------------


def _written(an: _Analysis, start: int, n: int) -> str:
    tokens = an.tokens
    surfaces = tokens.vocab.surfaces
    parts = []
    for i in range(start, start + n):
        if parts:
            parts.append("-" if tokens.joined[i] else " ")
        parts.append(surfaces[tokens.surfaces[i]])
    return "".join(parts)


def _forms(an: _Analysis, cand: _Candidate) -> Counter[str]:
    """How the topic is written, each way with its number of mentions (up to a sample)."""
    n = len(cand.key)
    case = an.tokens.case
    kinds = an.kinds
    forms: Counter[str] = Counter()
    for p in cand.positions[:1000].tolist():
        text = _written(an, p, n)
        if not cand.entity and kinds[cand.key[0]] == _WORD and not all(case[i] & _KNOWN for i in range(p, p + n)):
            text = text.lower()  # a sentence's first capital, a headline's capitals
        forms[text] += 1
    return forms


def _label(an: _Analysis, cand: _Candidate, forms: Counter[str]) -> str:
    kind = an.kinds[cand.key[0]]
    if len(cand.key) == 1 and kind == _DATE:
        month, day = an.tokens.vocab.keys[cand.key[0]].split()
        return f"{_MONTHS[month]} {day}"
    if len(cand.key) == 1 and kind == _ACRONYM:
        return an.tokens.vocab.keys[cand.key[0]]
    # The commonest way of writing it, but not in capitals when there is another.
    ranked = sorted(forms.items(), key=lambda kv: (kv[0].isupper() and len(kv[0]) > 5, -kv[1], kv[0]))
    return re.sub(r"(\d)\s?(?:per\s?cent|percent)\b", r"\1%", ranked[0][0])


def _search_text(form: str) -> str:
    """One way of writing the topic as search text: a word, or a phrase in quotes."""
    form = form.replace('"', "")
    words = [w for w in re.findall(r"\w+(?:['’]\w+)*", form)]
    if not words:
        return ""
    if len(words) == 1 and re.fullmatch(r"\w+", form) and words[0].lower() not in _OPERATORS:
        return form
    return f'"{form}"'


def _query(forms: list[str]) -> str:
    """The ways of writing a topic that the search tells apart, joined with OR (at most four)."""
    parts: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for form in forms:
        text = _search_text(form)
        terms = tuple(query_terms(text.strip('"')))
        if not terms or terms in seen:
            continue
        seen.add(terms)
        parts.append(text)
        if len(parts) == 4:
            break
    return " OR ".join(parts)


def _outlet_keys(an: _Analysis, outlets: set[str]) -> set[tuple[int, ...]]:
    """The key sequences of the outlets' own names: an outlet is a column, not a topic."""
    vocab = an.tokens.vocab
    found = set()
    for name in outlets:
        key = tuple(k for k in (vocab.key_id(text) for text in _TOKEN_RE.findall(name)) if k != _BREAK)
        if key:
            found.add(key)
    return found


# -- The analysis ----------------------------------------------------------------------------------


def find_coverage(articles: Sequence[Article], limit: int = 24) -> Coverage:
    """The story's topics found in the articles, with how often each outlet mentions them."""
    columns = tuple(dict.fromkeys(column_name(a) for a in articles))
    if not articles or limit <= 0:
        return Coverage(outlets=columns, topics=())
    texts = [((a.title,) if a.title else ()) + tuple(a.paragraphs) for a in articles]
    an = _Analysis(texts)
    n = len(articles)
    if n <= 2:
        cands = an.candidates(1)
    elif n <= 20:
        # A small corpus: a name or word that one article repeats may still be the story's.
        cands = [c for c in an.candidates(1) if c.df >= 2 or c.tf >= 2]
    else:
        cands = an.candidates(2)
    chosen = _choose(an, cands, limit, _outlet_keys(an, {a.outlet for a in articles if a.outlet}))

    topics = []
    for cand in chosen:
        forms = _forms(an, cand)
        label = _label(an, cand, forms)
        ways: Counter[str] = Counter()
        for member in ([cand.alias] if cand.alias is not None else [cand]) + cand.partners:
            ways.update(forms if member is cand else _forms(an, member))  # a surname alone finds them all
        per_article = np.bincount(an.tokens.article[cand.mentions()], minlength=n)
        counts: Counter[str] = Counter()
        ids = []
        for i in np.nonzero(per_article)[0].tolist():
            counts[column_name(articles[i])] += int(per_article[i])
            ids.append(articles[i].id)
        kind = "entity" if cand.entity else ("phrase" if len(cand.key) > 1 else "term")
        query = _query([f for f, _ in sorted(ways.items(), key=lambda kv: (-kv[1], kv[0]))])
        topics.append(Topic(label=label, query=query, kind=kind, counts=dict(counts), articles=tuple(ids)))
    topics.sort(key=lambda t: (-len(t.articles), -t.total, t.label.lower()))
    return Coverage(outlets=columns, topics=tuple(topics))
