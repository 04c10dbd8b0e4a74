"""Who said it: cue verbs, speaker phrases, and names, pronouns and roles resolved in one article.

A quotation's speaker is looked for in its own sentence, in this order: a cue right after the
closing mark ("...," said Li / he told reporters), the last cue before the opening mark (Li said
the talks were "tough"; a spokesperson said: "..."), a colon introduction (Li was blunt: "..."),
a source named after it (according to X, citing X), an attribution closing the sentence, and the
subject of an opening participle phrase. A quotation alone in its sentence continues the speaker
of the quotation before it (same paragraph, the previous paragraph, or the piece it runs on
from); one the article attributes elsewhere in the same words keeps that speaker; a headline
quotation takes the speaker of the body passage it repeats.

A speaker phrase is split into a name and a role with a lexicon of title words ("US Treasury
Secretary Scott Bessent" -> Scott Bessent, US Treasury Secretary). The article is read in order,
keeping the persons named so far: a short form takes the full name that shares its family name
(Chinese names put it first: "Li" -> Li Chenggang), "he"/"she" the most recent person in subject
position, "the minister" the person who holds that role, "the ministry" the body named before.
The capitalised surname "He" (Vice Premier He Lifeng) is told from the pronoun by its place: a
name inside a sentence, and at a sentence start when a pronoun would have no one else to mean.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from talks_tui.index.quotes.marks import MarkedSpan, find_marked_spans


@dataclass(frozen=True)
class Attribution:
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    kind: str | None = None  # "person", "description" (an unnamed speaker), "organisation"
    co_speakers: tuple[str, ...] = ()
    # For a short fragment, the clause reported around it (see `reported_clause`): worked out
    # here, where the paragraph is already read, rather than again when variants are grouped.
    statement: str | None = None


# Quotations shorter than this many words are compared through the clause around them.
STATEMENT_MIN_WORDS = 6


NONE = Attribution()


# ---------------------------------------------------------------------------------------------
# Lexicons (lower case)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _forms(base: str) -> set[str]:
    """Regular verb forms: warn -> warn, warns, warned, warning; note -> noted, noting."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    stem = base + base[-1] if base in ("dub", "slam", "quip", "admit") else base
    plural = base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s"
    return {base, plural, stem + "ed", stem + "ing"}


# Verbs that introduce direct or reported speech.
_SPEECH_VERBS = _words(
    """add urge insist explain argue stress emphasise emphasize ask reply respond remark observe
    declare announce acknowledge admit concede caution recall predict suggest conclude describe
    blast slam dub hail confirm reiterate assure complain lament quip affirm assert contend
    mention allege deny dismiss characterise characterize tout reckon criticise criticize praise
    welcome accuse hint worry opine repeat answer exclaim shout muse scoff reveal remind plead
    demand underscore highlight reaffirm recount echo clarify elaborate proclaim brag confess
    retort rebut advise"""
)
# Speech verbs that are also common nouns (a call, a claim, the United States): only their
# -ed and -ing forms count.
_NOUNISH_VERBS = _words(
    "note warn state call claim comment post tweet term brand label vow pledge promise boast joke report"
)
CUE_FORMS: dict[str, str] = {}
for _verb in _SPEECH_VERBS:
    CUE_FORMS.update(dict.fromkeys(_forms(_verb), _verb))
for _verb in _NOUNISH_VERBS:
    CUE_FORMS.update({f: _verb for f in _forms(_verb) if f.endswith(("ed", "ing"))})
CUE_FORMS.update(dict.fromkeys(("say", "says", "said", "saying"), "say"))
CUE_FORMS.update(dict.fromkeys(("tell", "tells", "told", "telling"), "tell"))
CUE_FORMS.update(dict.fromkeys(("write", "writes", "wrote", "writing", "written"), "write"))
CUE_FORMS["warns"] = "warn"
CUE_FORMS.pop("reporting", None)
# Verb-first attributions after a quote or a comma ("...," said Li).
INVERSION = _words(
    """said says added adds asked asks wrote writes noted explained continued recalled replied
    warned insisted stressed remarked observed argued declared commented concluded acknowledged
    admitted cautioned quipped responded"""
)
# Only right after a quote: "...," he continued / he went on.
_POST_ONLY = {"continued": "continue", "continues": "continue", "went": "go"}
_SOURCE_CUES = _words("citing quoting")
# Nouns of speech after a possessive: "Harris's remarks", "the minister's call for".
_NOUN_CUES = _words(
    """remarks remark comments comment statement words warning pledge promise call claim claims
    assertion description vow threat message post posts tweet speech letter accusation criticism
    praise testimony announcement insistence"""
)
# A cue followed by one of these is another verb: "added to the tension", "called off the talks".
_NOT_CUE_NEXT = {
    "add": {"to"},
    "call": {"off", "up", "back", "in"},
    "note": {"for"},
    "report": {"to"},
    "post": {"a", "an", "the", "gains", "losses", "growth", "profit", "profits", "record"},
    "term": {"of"},
    "ask": {"for", "to"},
}
_TOLD_OBJECTS = _words("reporters journalists parliament lawmakers supporters")

_BE = _words("is are was were be been being 's ’s")
_DETERMINERS = _words("a an the")
_POSS_DET = _words("his her its their our my your")
_PRONOUNS = _words("he she they it we i him")  # "her" only where it ends a phrase (see _personal)
_HONORIFICS = {
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "madam": "f", "mme": "f", "mme.": "f", "dr": None, "dr.": None, "prof": None, "prof.": None,
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "messrs": None, "messrs.": None,
}  # fmt: skip
# Head words of titles and roles.
ROLE_HEADS = _words(
    """president vice-president premier vice-premier minister secretary representative
    spokesperson spokesman spokeswoman spokespeople chairman chairwoman chairperson chair chief
    ceo cfo coo director governor senator ambassador envoy negotiator adviser advisor economist
    analyst professor general commissioner chancellor king queen prince princess mayor leader
    official deputy head founder co-founder correspondent editor fellow expert researcher
    strategist lawyer attorney judge counsel officer executive manager coach captain lieutenant
    colonel admiral sergeant commander lawmaker congressman congresswoman legislator diplomat
    consul pope cardinal bishop sheikh emir sultan administrator aide partner scholar dean
    candidate nominee delegate prosecutor commentator columnist reporter journalist author
    historian scientist engineer doctor member investor trader banker owner resident witness
    activist campaigner speaker whip undersecretary under-secretary secretary-general
    director-general inspector councillor councilor mp mep president-elect treasurer auditor
    sheriff vice counsellor counselor specialist observer source sources insider team"""
)
_TITLE_ABBREV = _words("sen. rep. gov. gen. lt. col. sgt. capt. adm. pres.")
# Capitalised words of office titles and bodies ("Secretary of State", "Foreign Affairs").
_PORTFOLIO = _words(
    """state defense defence commerce treasury finance foreign affairs trade justice interior
    health education energy agriculture labor labour transport transportation homeland security
    home economy economic industry information culture environment housing development planning
    national international public political military armed services internal external european
    central federal united nations press communications policy strategic monetary fiscal
    investment technology science commercial intelligence war bureau general deputy senior chief
    executive principal assistant associate acting special regional global"""
)
# Lower-case words inside titles: "China's top trade negotiator", "White House press secretary".
_ROLE_MODIFIERS = _words(
    """top senior lead former junior interim incoming outgoing then current longtime veteran
    research bank market markets economics press party media company campaign fund white chief
    trade foreign finance defence defense commerce treasury economic international national
    security political military state vice deputy executive managing general principal
    assistant associate acting special regional global country china asia europe equity bond
    currency investment strategy policy"""
)
# Words that make a capitalised run the name of a body, not of a person.
ORG_WORDS = _words(
    """ministry department office house council agency commission committee bank fund
    administration government bureau institute institution academy university college center
    centre association organization organisation group corp corporation inc ltd co company party
    parliament congress senate assembly court army navy force forces police service network news
    times post journal daily press media federation union board authority exchange reserve
    treasury pentagon kremlin embassy consulate mission foundation trust society alliance
    coalition movement forum summit club studies affairs securities capital partners holdings
    cooperation agreement industries airlines motors systems technologies laboratory hospital
    school station airport cabinet politburo command ministries administrations tribunal
    secretariat street states kingdom emirates republic"""
)
# Nouns that can head an unnamed speaker's description besides titles and bodies.
_SPEAKER_NOUNS = _words(
    """side media report reports statement readout people person sources source document memo
    letter note post filing notice website account"""
)
# Words after the head of a description: "a source familiar with the matter".
_POSTMOD = _words("of for at with on in from familiar close briefed involved aware who")
_DEMONYMS = _words(
    """american chinese british russian japanese korean malaysian indian european asian african
    australian canadian french german italian spanish turkish iranian israeli palestinian
    ukrainian taiwanese singaporean thai vietnamese indonesian filipino philippine mexican
    brazilian saudi emirati pakistani afghan arab western eastern northern southern us u.s. uk
    u.k. eu un"""
)
# Capitalised words that never belong to a name (sentence starts, function words).
_CAP_STOP = _words(
    """the a an this that these those it he she they we i you but and or nor for from with by as
    after before during following according meanwhile however while when if although though
    since speaking regarding about over under amid despite both all some many most such other
    another each every no not yes what why how where who which there here then also still yet
    only even just so to of in on at into asked earlier later last next first second third new
    yesterday today tomorrow separately additionally moreover instead unlike like once until
    upon within without toward towards through across among around between beyond against
    whether because let our their his her its my your photo source read watch via per minutes
    hours days weeks months years"""
)
_MONTHS = _words(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday"""
)
# Family names that Chinese, Korean and Vietnamese names put first ("Li Chenggang" -> "Li").
EAST_ASIAN_SURNAMES = _words(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng
    liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye
    cheng wei su lu ding ren yao shen zhong cui tan fan jin shi liao jia xia fu fang zou xiong bai
    meng qin qiu hou yin xue yan duan lei long wan gu mao hao kong shao wen kang chang qian niu
    hong gong xi bo ge dai pang ni yi chi chu ou ai lai kwok lee kim park choi jung cho yoon jang
    lim oh seo shin kwon hwang ahn yoo moon nguyen tran le pham hoang huynh phan vu vo dang bui do
    ho ngo duong ly chan wong cheung lau leung ng tse yip tsang lam chow fung kwan lo mak tam tong
    yeung tsai hsu chiang ko teo goh ong koh chua ang yeo"""
)
# Common given names, so that "she" can skip a man before any pronoun has told us.
_FEMALE_NAMES = _words(
    """mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
    nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather
    diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith
    megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn
    janice abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
    theresa diana natalie brittany charlotte marie kayla alexis lori gina kamala hillary ursula
    giorgia kristalina liz suella yvette nikki tulsi karine kristi pam elise marsha karoline sanae
    yuriko carrie ellen jacinda sanna mette annalena ngozi chrystia melania ivanka jill"""
)
_MALE_NAMES = _words(
    """james robert john michael david william richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
    brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron
    jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy keith roger terry
    gerald harold sean austin carl arthur lawrence dylan jesse bryan billy joe bruce gabriel logan
    albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby philip louis
    jamieson howard marco antony pete mike rishi boris keir emmanuel olaf friedrich vladimir
    volodymyr sergei dmitry narendra recep anwar shigeru fumio josh kurt jerome elon jensen tim
    satya sundar"""
)
# First words of two-word place names, which are often the subject of a clause.
_PLACE_STARTS = _words(
    """north south east west new san santa los las saint st hong kuala sri buenos capitol silicon
    wall air costa el puerto rio sao tel abu ho hanoi great united upper lower middle central
    greater northern southern eastern western mount lake port cape"""
)
_NAME_PARTICLES = _words("bin binti ibn van von de da di del der den la le du dos das al el")
# Skipped between a speaker and the cue: "Li has also said", "Bessent later told".
_AUX_ADV = _words(
    """also later then further previously separately recently earlier again once has have had
    would will did does do may might could should can must shall not never already reportedly
    repeatedly publicly privately openly directly bluntly firmly simply still even just quickly
    initially originally subsequently afterwards frequently often always"""
)
_SUBORDINATORS = _words(
    "as after when while because if although though since before but and so where whereas until once that"
)
# Words that end a speaker phrase read backwards or forwards.
_NP_STOP = (
    _words(
        """that which who whom whose as and or but nor while when after before because if though
        although since until so then than also not no to of in on at by with from for into onto
        over under about between during without within is are was were be been being has have had
        do does did will would can could may might must shall should it this these those there
        here what how why where per via amid despite against toward towards through across among
        around like just even only still yet however both all some many most very more less again
        once ago up down out off later earlier today yesterday tomorrow"""
    )
    | frozenset(CUE_FORMS)
    | _MONTHS
)
_NP_LOWER_OK = _words("acting leading ruling governing founding managing retired elected unnamed named")
# Nouns that make a preceding name a modifier ("the Trump administration"), not a person mention.
_MODIFIED_NOUNS = _words(
    """administration government team camp era tariffs tariff policy policies officials aides aide
    campaign family summit meeting talks visit doctrine presidency cabinet white"""
)
# Words that make a quoted name or phrase a label rather than someone's words.
_LABEL_CUES = _words("so-called so known titled entitled named nicknamed code-named codenamed dubbed")
_ASIDE_STARTS = _words(
    """in on at during speaking however meanwhile too though for according writing asked when
    after before separately also then later earlier again"""
)
_SENTENCE_STARTERS = _words(
    """The A An He She It They We I But And In On At This That These Those However Meanwhile Its
    His Her Their There"""
)
_ABBREVIATIONS = _words(
    """mr mrs ms dr prof gen sen rep gov lt col sgt capt st jr sr no vs inc corp co ltd jan feb mar
    apr jun jul aug sep sept oct nov dec approx est fig"""
)
_STOPWORDS = _words(
    """a an the and or but of to in on at by for with from as is are was were be been has have had
    it its this that these those their they we our he she his her will would can could should
    not no so if than then there which who what when while also said says say"""
)
_COUNTRY_ALIASES = {
    "chinese": "china", "u.s.": "us", "american": "us", "america": "us", "united": "us",
    "british": "uk", "u.k.": "uk", "japanese": "japan", "russian": "russia", "korean": "korea",
}  # fmt: skip
_COUNTRIES = _words("china us uk japan russia korea eu india france germany")


# ---------------------------------------------------------------------------------------------
# Tokens and sentences


class Tok(NamedTuple):
    text: str
    low: str
    start: int
    end: int
    kind: str  # "w" word, "a" dotted acronym, "n" number, "q" quoted text, "p" punctuation


_TOKEN_RE = re.compile(
    r"""
      (?P<a>(?:[A-Za-z]\.){2,}(?:-[^\W\d_][\w]*)*)
    | (?P<w>(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|St|Messrs|Mme)\.(?=\s)
          | [A-Z]\.(?=\s+[A-Z][a-z])
          | [^\W\d_][\w]*(?:[-'’](?:(?:[A-Za-z]\.){2,}|[\w]+))*)
    | (?P<n>\d[\w]*(?:[.,:/-]\d[\w]*)*)
    | (?P<q>\x00+)
    | (?P<p>\S)
    """,
    re.X,
)
_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Tok]:
    # tuple.__new__ skips the NamedTuple constructor: tokenizing is the hot path of an index build
    out: list[Tok] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        s = m.group()
        append(_new_tuple(Tok, (s, s.lower(), m.start(), m.end(), m.lastgroup)))
    return out


@lru_cache(maxsize=65536)
def fold(s: str) -> str:
    """Lower case without accents or curly apostrophes, for comparing names."""
    s = s.replace("’", "'").lower()
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def is_name_token(t: Tok) -> bool:
    """A capitalised word that can be part of a person's name."""
    return t.kind == "w" and _is_name_word(t.text)


@lru_cache(maxsize=65536)
def _is_name_word(s: str) -> bool:
    if len(s) == 2 and s[1] == "." and s[0].isupper():
        return True  # a middle initial
    if not s[0].isupper():
        head, _, rest = s.partition("-")
        return head in ("al", "el", "bin", "abu") and bool(rest) and rest[0].isupper()
    if s.isupper() and len(s) > 1:
        return False  # acronyms: US, APEC
    if s.endswith(("'s", "’s", "'", "’")):
        return False
    low = s.lower()
    if low in ORG_WORDS or low in _DEMONYMS or low in _MONTHS or low in _HONORIFICS or low in _PORTFOLIO:
        return False
    if _is_role_word(low):
        return False  # Secretary, Presidents, Vice-Premier
    return low not in _CAP_STOP or low == "he"


def _is_role_head(t: Tok) -> bool:
    return _is_role_word(t.low)


@lru_cache(maxsize=65536)
def _is_role_word(low: str) -> bool:
    if low in _TITLE_ABBREV:
        return True
    low = low.rstrip(".")
    if low in ROLE_HEADS:
        return True
    if "-" in low and any(part in ROLE_HEADS for part in low.split("-")):
        return True
    return low.endswith("s") and low[:-1] in ROLE_HEADS


def _is_possessive(t: Tok) -> bool:
    return t.kind == "w" and t.text.endswith(("'s", "’s"))


def _possessive_name(t: Tok) -> bool:
    """ "Bessent's": a name in the possessive, which mentions the person but is no subject."""
    return _is_possessive(t) and len(t.text) > 3 and _is_name_word(t.text[:-2])


def _personal(toks: list[Tok], k: int) -> bool:
    """A personal pronoun that refers to a person: he, she, him, and "her" not before a noun."""
    low = toks[k].low
    if low in ("he", "she", "him"):
        return True
    return low == "her" and (k + 1 >= len(toks) or toks[k + 1].kind == "p")


def _span_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    return text[toks[a].start : toks[b - 1].end] if a < b else ""


def _abbreviation(t: Tok) -> bool:
    return t.kind == "w" and (t.low in _ABBREVIATIONS or (len(t.text) == 1 and t.text.isupper()))


def _sentence_ranges(toks: list[Tok], opens: set[int]) -> list[tuple[int, int]]:
    """Token ranges of sentences; a stop inside a quote ends the sentence only when a capital
    or a new quote follows the closing mark."""
    n = len(toks)
    bounds = [0]
    for i, t in enumerate(toks):
        if t.kind == "p" and t.text in ".!?…":
            j = i + 1
            while j < n and toks[j].kind == "p" and toks[j].text in "\"'”’)]" and j not in opens:
                j += 1
            if j >= n or j == bounds[-1]:
                continue
            nxt = toks[j]
            if not (j in opens or (nxt.kind in "wa" and nxt.text[0].isupper())):
                continue
            if t.text == "." and i and _abbreviation(toks[i - 1]):
                continue  # "Oct. 26", "J. Smith"
            bounds.append(j)
        elif t.kind == "a" and i + 1 < n and toks[i + 1].text in _SENTENCE_STARTERS:
            bounds.append(i + 1)  # "... with the U.S. The talks ..."
    bounds.append(n)
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1) if bounds[k] < bounds[k + 1]]


# ---------------------------------------------------------------------------------------------
# People named in one article


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word.endswith(".")


def name_key(tokens: Sequence[str]) -> str:
    """Compare full names without case, accents or middle initials."""
    return " ".join(fold(t) for t in tokens if not _is_initial(t))


def short_keys(tokens: Sequence[str]) -> set[str]:
    """The short forms a full name may be referred to by: its family name."""
    words = [t for t in tokens if not _is_initial(t)]
    if not words:
        return set()
    keys = {fold(words[-1])}
    if 2 <= len(words) <= 3 and fold(words[0]) in EAST_ASIAN_SURNAMES:
        keys.add(fold(words[0]))
    return keys


def other_keys(tokens: Sequence[str]) -> set[str]:
    """Second-choice short forms: the first word of a two-word name ("Geng" of Geng Shuang,
    a family name missing from our list), used when no family name matches."""
    words = [t for t in tokens if not _is_initial(t)]
    if len(words) != 2:
        return set()
    return {fold(words[0])} - short_keys(words)


class Person:
    """A person named in an article; mutable while the article is read, never returned."""

    __slots__ = ("_tokens", "keys", "alt_keys", "roles", "strong", "gender", "mentions")

    def __init__(self, tokens: tuple[str, ...], strong: bool) -> None:
        self.tokens = tokens
        self.roles: list[str] = []
        self.strong = strong  # known to be a person, not just a capitalised run
        first = fold(tokens[0]) if len(tokens) > 1 else ""
        self.gender: str | None = "f" if first in _FEMALE_NAMES else "m" if first in _MALE_NAMES else None
        self.mentions = 0

    @property
    def tokens(self) -> tuple[str, ...]:
        return self._tokens

    @tokens.setter
    def tokens(self, value: tuple[str, ...]) -> None:
        self._tokens = value
        self.keys = short_keys(value)
        self.alt_keys = other_keys(value)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


class People:
    """The persons of one article, by full name and by the one word a person was named with."""

    def __init__(self) -> None:
        self.full: dict[str, Person] = {}
        self.short: dict[str, Person] = {}  # persons only ever named by one word

    def all(self) -> list[Person]:
        full = list(self.full.values())
        return full + [p for p in self.short.values() if p not in full]

    def add(self, tokens: Sequence[str], role: str | None = None, strong: bool = True) -> Person:
        tokens = tuple(tokens)
        if len(tokens) == 1:
            found = self.by_short(tokens[0], strong_only=False)
            p = found[0] if found else self.short.setdefault(fold(tokens[0]), Person(tokens, strong))
        else:
            key = name_key(tokens)
            p = self.full.get(key)
            if p is None:
                p = Person(tokens, strong)
                for k in p.keys | p.alt_keys:
                    old = self.short.pop(k, None)
                    if old is not None:  # a person first named by one word gets the full name
                        old.tokens = tokens
                        p = old
                        break
                self.full[key] = p
        p.strong = p.strong or strong
        p.add_role(role)
        return p

    def by_full(self, tokens: Sequence[str]) -> Person | None:
        return self.full.get(name_key(tokens))

    def by_short(self, word: str, strong_only: bool = True) -> list[Person]:
        k = fold(word)
        found = [p for p in self.full.values() if k in p.keys and (p.strong or not strong_only)]
        if not found and k in self.short and (self.short[k].strong or not strong_only):
            found = [self.short[k]]
        if not found:
            found = [p for p in self.full.values() if k in p.alt_keys and (p.strong or not strong_only)]
        return found


# ---------------------------------------------------------------------------------------------
# Cues and the speaker phrases next to them


@dataclass(frozen=True)
class Phrase:
    """A speaker phrase found next to a cue: token range [lo, hi) of its block."""

    lo: int
    hi: int
    role: str | None = None  # an appositive: "Zhou Mi, a senior research fellow at ..."


@dataclass(frozen=True)
class Cue:
    at: int  # token index of the verb (or of "according")
    lemma: str
    text: str  # "said", "told reporters", "according to"
    source: bool  # the speaker follows the cue: according to X, citing X
    participle: bool
    back: Phrase | None  # the subject before the verb
    fwd: Phrase | None  # the speaker after the verb: "said Li", "according to Xinhua"


def _skip_back_adverbs(toks: list[Tok], lo: int, i: int) -> int:
    while i >= lo and toks[i].kind == "w":
        low = toks[i].low
        if not (low in _AUX_ADV or (low.endswith("ly") and toks[i].text.islower() and len(low) > 4)):
            break
        i -= 1
    return i


def _verb_like(t: Tok) -> bool:
    """A lower-case -ed, -ing or -ly word, which ends a speaker phrase ("the talks ended")."""
    return t.text[0].islower() and t.low.endswith(("ed", "ing", "ly")) and t.low not in _NP_LOWER_OK


def _np_before(toks: list[Tok], lo: int, i: int) -> int | None:
    """Start of the noun phrase that ends at token i (a speaker read backwards), or None."""
    if i < lo:
        return None
    if toks[i].kind == "w" and toks[i].low in _PRONOUNS:
        return i
    start = None
    j = i
    while j >= lo and i - j < 9:
        t = toks[j]
        if t.kind == "a" or (t.kind == "n" and j < i):
            start = j
        elif t.kind == "w":
            low = t.low
            if low in _DETERMINERS or low in _POSS_DET:
                if start is not None:
                    start = j
                break
            if low == "and":
                # "Bessent and Greer said": names on both sides
                if not (start is not None and j > lo and is_name_token(toks[j - 1]) and is_name_token(toks[j + 1])):
                    break
            elif t.text == "He" and start is not None:
                pass  # the surname: "He Lifeng said", "He and Bessent said"
            elif low in _NP_STOP or low in _PRONOUNS or _verb_like(t):
                break
            start = j
        elif t.text == "," and start is not None and j > lo and is_name_token(toks[j - 1]):
            if not any(toks[k].low == "and" for k in range(j + 1, i + 1)):
                break
            start = j  # a list of names: "Bessent, Greer and He said"
        else:
            break
        j -= 1
    if start is None:
        return None
    while start <= i and toks[start].kind == "p":
        start += 1
    if start > i:
        return None
    # Read on over a post-modifier: "a spokesperson for | the ministry", "a source familiar with | ..."
    while start - 2 >= lo and toks[start - 1].low in _POSTMOD and toks[start - 1].low != "who":
        k = start - 2
        if toks[k].low in _POSTMOD and k > lo:
            k -= 1  # "familiar with"
        if not (_is_role_head(toks[k]) or toks[k].low in _SPEAKER_NOUNS or toks[k].low in ORG_WORDS):
            break
        earlier = _np_before(toks, lo, k)
        if earlier is None:
            break
        start = earlier
    return start


def _insert_kind(toks: list[Tok], a: int, b: int) -> str | None:
    """What stands between two commas before a verb: an appositive, a relative clause, an aside."""
    if a >= b:
        return None
    first = toks[a]
    if first.low in ("who", "which"):
        return "relative"
    if b - a == 1 and first.kind == "n":
        return "aside"  # an age: "Li, 45, said"
    if first.low in _ASIDE_STARTS:
        return "aside"
    if first.low in _DETERMINERS or _is_possessive(first) or any(_is_role_head(t) for t in toks[a : min(b, a + 6)]):
        return "appositive"
    return None


def _subject_before(toks: list[Tok], lo: int, v: int, text: str) -> Phrase | None:
    """The speaker phrase before the cue verb at token v, past asides, appositives and brackets."""
    i = _skip_back_adverbs(toks, lo, v - 1)
    if i >= lo and toks[i].text == ")":
        # "the Ministry of Commerce (MOFCOM) said", "Rubio (R-Fla.) said"
        k = next((k for k in range(i - 1, lo - 1, -1) if toks[k].text == "("), None)
        if k is not None and i - k <= 8:
            i = _skip_back_adverbs(toks, lo, k - 1)
    if i < lo:
        return None
    if toks[i].low in ("who", "which") and i - 1 >= lo and toks[i - 1].text == ",":
        s = _np_before(toks, lo, i - 2)  # "Trump, who ..., said" reads back to Trump
        return Phrase(s, i - 1) if s is not None else None
    if toks[i].text != ",":
        s = _np_before(toks, lo, i)
        return Phrase(s, i + 1) if s is not None else None
    commas = [k for k in range(i - 1, lo - 1, -1) if toks[k].text == ","]
    if commas and 0 < i - commas[0] - 1 <= 5:
        k = commas[0]
        if all(is_name_token(t) or t.low in _NAME_PARTICLES for t in toks[k + 1 : i]):
            # "The home secretary, Suella Braverman, said": the name between the commas speaks.
            s = _np_before(toks, lo, k - 1)
            if s is not None and _is_role_head(toks[k - 1]):
                return Phrase(k + 1, i, _span_text(text, toks, s, k))
    for k in commas[:3]:
        kind = _insert_kind(toks, k + 1, i)
        if kind is None:
            continue
        s = _np_before(toks, lo, k - 1)
        if s is None:
            return None
        role = _span_text(text, toks, k + 1, i) if kind == "appositive" else None
        return Phrase(s, k, role)
    return None


def _np_after(toks: list[Tok], i: int, hi: int, text: str) -> Phrase | None:
    """The speaker phrase that starts at token i: "said Li", "according to the ministry"."""
    if i >= hi:
        return None
    if toks[i].kind == "w" and (toks[i].low in _PRONOUNS or _personal(toks, i)):
        return Phrase(i, i + 1)
    j, last = i, None
    while j < hi and j - i < 14:
        t = toks[j]
        if t.kind == "w":
            low = t.low
            if low in _DETERMINERS or low in _POSS_DET:
                if last is not None and toks[last].low not in ("of", "for", "at", "with"):
                    break
            elif low in ("of", "for", "at", "with") and last is not None and _is_role_head(toks[last]):
                pass  # "a spokesperson for the ministry"
            elif low in _NP_STOP or (t.text[0].islower() and low.endswith(("ed", "ing")) and low not in _NP_LOWER_OK):
                break
            last = j
        elif t.kind == "a" or (t.kind == "n" and j > i):
            last = j
        else:
            break
        j += 1
    if last is None:
        return None
    end = last + 1
    while end > i and toks[end - 1].low in ("of", "for", "at", "with", "the", "a", "an"):
        end -= 1
    if end <= i:
        return None
    role = None
    if end + 1 < hi and toks[end].text == "," and _insert_kind(toks, end + 1, hi) == "appositive":
        # "said Scott Kennedy, a China economics expert at CSIS."
        k = end + 1
        while k < hi and toks[k].text not in (",", ";", ".", "(") and toks[k].kind != "q":
            if toks[k].low in ("who", "which"):
                break
            k += 1
        role = _span_text(text, toks, end + 1, k)
    return Phrase(i, end, role)


def _find_cues(toks: list[Tok], lo: int, hi: int, text: str) -> list[Cue]:
    """The speech cues of one sentence, each with the speaker phrases next to it."""
    cues: list[Cue] = []
    for v in range(lo, hi):
        t = toks[v]
        if t.kind != "w":
            continue
        low = t.low
        if low == "according" and v + 1 < hi and toks[v + 1].low == "to":
            cues.append(Cue(v, "according", "according to", True, False, None, _np_after(toks, v + 2, hi, text)))
            continue
        if low in _SOURCE_CUES:
            cues.append(Cue(v, low, low, True, True, None, _np_after(toks, v + 1, hi, text)))
            continue
        if low in _NOUN_CUES:
            # "Harris's (provocative) remarks about readiness to "confront" China": the possessor spoke.
            k = v - 1
            while (
                k > lo and v - k <= 2 and toks[k].kind == "w" and toks[k].text.islower() and toks[k].low not in _NP_STOP
            ):
                k -= 1
            if k >= lo and _is_possessive(toks[k]):
                s = _np_before(toks, lo, k)
                if s is not None:
                    cues.append(Cue(v, low, low, False, False, Phrase(s, k + 1), None))
                continue
        lemma = CUE_FORMS.get(low) or _POST_ONLY.get(low)
        nxt = toks[v + 1].low if v + 1 < hi else ""
        if lemma is None and low in ("pointed", "points", "pointing") and nxt == "out":
            lemma = "point out"
        if lemma is None or nxt in _NOT_CUE_NEXT.get(lemma, ()) or (lemma == "go" and nxt != "on"):
            continue
        p = _skip_back_adverbs(toks, lo, v - 1)
        prev = toks[p].low if p >= lo else ""
        if prev in _BE or prev == "to" or prev in _DETERMINERS or prev in _POSS_DET:
            continue  # passive ("were said to"), infinitive ("declined to say"), noun ("a warning")
        cue_text = low if t.text[0].isupper() else t.text
        if lemma == "tell" and nxt in _TOLD_OBJECTS:
            cue_text = f"{cue_text} {nxt}"
        # "...," said Li / ..., said Xinhua.: the speaker follows only right after a quote or comma.
        inverted = low in INVERSION and v > lo and toks[v - 1].kind in "pq"
        fwd = _np_after(toks, v + 1, hi, text) if inverted else None
        cues.append(Cue(v, lemma, cue_text, False, low.endswith("ing"), _subject_before(toks, lo, v, text), fwd))
    return cues


# ---------------------------------------------------------------------------------------------
# One block (a paragraph or the title), read once


class _Block:
    __slots__ = ("index", "text", "spans", "toks", "sents", "q_open", "q_close", "cues", "runs")

    def __init__(self, index: int, text: str, spans: Sequence[MarkedSpan]) -> None:
        self.index = index
        self.text = text
        self.spans = list(spans)
        # The skeleton hides quoted words (so no cue or name inside a quote is read as the
        # narrator's) but keeps the marks and a final full stop, which ends a sentence.
        parts, pos = [], 0
        for s in self.spans:
            hi = len(text) if s.close_at is None else s.close_at
            inner = text[s.start : s.end].rstrip("\"'”’ ")
            stop = inner[-1] if inner and inner[-1] in ".!?" else ""
            parts.append(text[pos : s.open_at + 1])
            parts.append("\x00" * (hi - s.open_at - 1 - len(stop)) + stop)
            pos = hi
        parts.append(text[pos:])
        self.toks = toks = tokenize("".join(parts) if self.spans else text)
        at = {t.start: k for k, t in enumerate(toks) if t.kind == "p"} if self.spans else {}
        self.q_open = [at.get(s.open_at, 0) for s in self.spans]
        self.q_close = [len(toks) if s.close_at is None else at.get(s.close_at, len(toks)) for s in self.spans]
        self.sents = _sentence_ranges(toks, set(self.q_open))
        self.cues = [_find_cues(toks, lo, hi, text) for lo, hi in self.sents]
        self.runs = _name_runs(toks)

    def sentence_of(self, tok: int) -> int:
        for k, (lo, hi) in enumerate(self.sents):
            if lo <= tok < hi:
                return k
        return len(self.sents) - 1


def _name_runs(toks: list[Tok]) -> list[tuple[int, int]]:
    """Runs of capitalised name words (particles allowed inside, a possessive may end one)."""
    # 1 a name word, 2 a name in the possessive, 3 a particle ("von"), 0 anything else
    cls = [_word_class(t.text) if t.kind == "w" else 0 for t in toks]
    runs = []
    i, n = 0, len(toks)
    while i < n:
        if cls[i] not in (1, 2):
            i += 1
            continue
        j = i + 1
        while j < n and cls[j - 1] != 2:
            if cls[j] in (1, 2):
                j += 1
                continue
            k = j
            while k < n and cls[k] == 3:
                k += 1
            if not (j < k < n and cls[k] == 1):
                break
            j = k  # "Ursula von der Leyen"
        runs.append((i, j))
        i = j
    return runs


@lru_cache(maxsize=65536)
def _word_class(text: str) -> int:
    if _is_name_word(text):
        return 1
    if text.endswith(("'s", "’s")) and len(text) > 3 and _is_name_word(text[:-2]):
        return 2
    return 3 if text.lower() in _NAME_PARTICLES else 0


def _run_words(toks: list[Tok], a: int, z: int) -> tuple[str, ...]:
    words = [t.text for t in toks[a:z]]
    if _possessive_name(toks[z - 1]):
        words[-1] = words[-1][:-2]
    return tuple(words)


def _org_names(b: _Block) -> list[tuple[int, str]]:
    """Named bodies: capitalised runs holding an organisation word ("Ministry of Foreign Affairs")."""
    toks, found, i, n = b.toks, [], 0, len(b.toks)
    while i < n:
        t = toks[i]
        if not (t.kind == "w" and t.text[0].isupper() and t.low not in _CAP_STOP and not _is_possessive(t)):
            i += 1
            continue
        j = i + 1
        while j < n:
            u = toks[j]
            capitalised = u.kind in "wa" and u.text[0].isupper() and not _is_possessive(u)
            joiner = u.low in ("of", "for", "and", "on") and j + 1 < n and toks[j + 1].text[0].isupper()
            if not (capitalised or joiner):
                break
            j += 1
        if any(toks[k].low in ORG_WORDS and toks[k].text[0].isupper() for k in range(i, j)):
            found.append((i, _span_text(b.text, toks, i, j)))
        i = j
    return found


def _title_before(toks: list[Tok], a: int) -> tuple[int, str | None] | None:
    """Title words right before a name ("US Treasury Secretary" Scott Bessent, "Secretary of
    State" Marco Rubio, "Mr" Li): (index where the title starts, gender the title implies)."""
    k = a - 1
    if k < 0:
        return None
    if toks[k].low in _HONORIFICS:
        return k, _HONORIFICS[toks[k].low]
    start, heads = a, 0
    j = k
    while j >= 0 and k - j <= 6:
        t = toks[j]
        if t.kind == "w" and _is_role_head(t):
            heads += 1
        elif t.kind == "a" or _is_possessive(t) or (t.kind == "w" and t.text.isupper() and len(t.text) > 1):
            pass  # "US", "China's"
        elif t.kind == "w" and t.low in ("of", "for") and heads and j > 0:
            pass
        elif not (
            t.kind == "w"
            and (t.low in _PORTFOLIO or t.low in ORG_WORDS or t.low in _DEMONYMS or t.low in _ROLE_MODIFIERS)
        ):
            break
        start = j
        j -= 1
    while start < a and toks[start].low in ("of", "for"):
        start += 1
    # The title must end with a title word or a portfolio ("Secretary of State"), not a place.
    last = toks[k]
    if not heads or not (_is_role_head(last) or last.low in _PORTFOLIO or last.low in ORG_WORDS):
        return None
    return start, None


def _trailing_name(toks: list[Tok], lo: int, hi: int) -> int:
    """Start of the run of name words (particles allowed inside) that ends a phrase at hi."""
    n = hi
    if n > lo and _possessive_name(toks[n - 1]):
        n -= 1  # "Harris's" (remarks)
    while n > lo:
        t = toks[n - 1]
        # a particle counts between name words: "Ursula von der Leyen"
        inner_particle = (
            t.low in _NAME_PARTICLES
            and lo <= n - 2
            and n < hi
            and (is_name_token(toks[n - 2]) or toks[n - 2].low in _NAME_PARTICLES)
        )
        if not (is_name_token(t) or inner_particle):
            break
        n -= 1
    while n < hi and toks[n].low in _NAME_PARTICLES:
        n += 1
    return n


def _norm_country(w: str) -> str:
    w = w if w in ("u.s.", "u.k.") else w.rstrip(".").removesuffix("'s")
    return _COUNTRY_ALIASES.get(w, w)


# ---------------------------------------------------------------------------------------------
# The article, read in order


@dataclass
class _Draft:
    """A speaker while the article is read: a person (whose name may still grow) or a text."""

    person: Person | None = None
    text: str | None = None  # an unnamed speaker's description, or a body's name
    kind: str | None = None
    role: str | None = None
    cue: str | None = None
    co: tuple[Person | str, ...] = ()


@dataclass
class _Mention:
    person: Person
    block: int
    tok: int
    subject: bool  # in subject position: the likely referent of a following "he"


class _Reader:
    """Reads an article's blocks in order, keeping who was named and who spoke."""

    def __init__(self, blocks: list[_Block]) -> None:
        self.blocks = blocks
        self.people = People()
        self.history: list[_Mention] = []
        self.resolved: dict[tuple[int, int], Person | None] = {}  # (block, token) -> person
        self.descriptions: list[tuple[str, str]] = []  # (head, description) of unnamed speakers
        self.orgs: list[tuple[str, bool]] = []  # bodies that spoke, for "it": (name, is a document)
        self.org_names: list[tuple[int, int, str]] = []  # (block, token, name) of named bodies
        self.cue_phrases: set[tuple[int, int]] = set()  # (block, token) inside a speaker phrase
        self.he_persons: list[Person] = []  # persons whose family name is He
        self.plural: list[tuple[int, _Draft]] = []  # groups "they" may refer to

    # -- pass 1: who is named, with which roles ------------------------------------------------
    def collect(self) -> None:
        for b in self.blocks:
            toks = b.toks
            for cues in b.cues:
                for c in cues:
                    # "according to Xinhua" names a source, often a body: only speakers count
                    for ph in (c.back,) if c.source else (c.back, c.fwd):
                        if ph is not None:
                            self.cue_phrases.update((b.index, k) for k in range(ph.lo, ph.hi))
            for a, z in b.runs:
                words = _run_words(toks, a, z)
                title = _title_before(toks, a)
                if title is not None:
                    start, gender = title
                    role = None if toks[a - 1].low in _HONORIFICS else _span_text(b.text, toks, start, a)
                    p = self.people.add(words, role, strong=True)
                    p.gender = gender or p.gender
                    continue
                if len(words) >= 2 and not any(w.lower() in ORG_WORDS for w in words):
                    # A two- or three-word name that is the subject of a clause is a person
                    # ("Josh Lipsky spoke"), unless it looks like a place ("South Korea will").
                    appos = self._appositive_after(b, z)
                    subject = (
                        len(words) <= 3
                        and fold(words[0]) not in _PLACE_STARTS
                        and self._subject_like(b, a, z, b.sents[b.sentence_of(a)][0])
                    )
                    strong = bool(appos) or (b.index, a) in self.cue_phrases or subject
                    self.people.add(words, appos, strong=strong)
            self.org_names.extend((b.index, a, name) for a, name in _org_names(b))
        self.he_persons = [p for p in self.people.all() if "he" in p.keys or p.tokens == ("He",)]

    def _appositive_after(self, b: _Block, z: int) -> str | None:
        """ "Li Chenggang, China's trade representative, ...": the role after a name."""
        toks = b.toks
        if z + 1 >= len(toks) or toks[z].text != "," or _insert_kind(toks, z + 1, len(toks)) != "appositive":
            return None
        k = z + 1
        while k < len(toks) and toks[k].text not in (",", ";", ".") and toks[k].kind != "q":
            k += 1
        if any(_is_role_head(t) for t in toks[z + 1 : k]):
            return _span_text(b.text, toks, z + 1, k)
        return None

    def _subject_like(self, b: _Block, a: int, z: int, lo: int) -> bool:
        """Is the name at tokens [a, z) the subject of its clause?"""
        toks = b.toks
        if (b.index, a) in self.cue_phrases:
            return True
        if _is_possessive(toks[z - 1]):
            return False
        title = _title_before(toks, a)
        s = title[0] if title is not None else a
        while s - 1 >= lo and toks[s - 1].low in _DETERMINERS:
            s -= 1
        prev = toks[s - 1] if s - 1 >= lo else None
        nxt = toks[z] if z < len(toks) else None
        if prev is None:
            return nxt is None or nxt.low not in _MODIFIED_NOUNS
        if not (prev.text in (",", ":", ";") or prev.low in _SUBORDINATORS) or nxt is None:
            return False
        if nxt.text == ",":
            return True
        return (
            nxt.kind == "w"
            and nxt.text[0].islower()
            and nxt.low not in ("and", "or", "nor", "of")
            and nxt.low not in _MODIFIED_NOUNS
        )

    # -- pass 2: mentions and pronouns in reading order ------------------------------------------
    def read(self) -> None:
        for b in self.blocks:
            for lo, hi in b.sents:
                self._read_sentence(b, lo, hi)

    def _read_sentence(self, b: _Block, lo: int, hi: int) -> None:
        toks = b.toks
        runs = [(a, z) for a, z in b.runs if lo <= a < hi]
        events = [(a, z, False) for a, z in runs]
        events += [(k, k + 1, True) for k in range(lo, hi) if _personal(toks, k) and toks[k].text != "He"]
        events.sort()
        for a, z, pronoun in events:
            if toks[a].text == "He" and z - a == 1:
                if self._he_is_surname(b, a, lo):
                    self._mention(self._recent(self.he_persons), b, a, z, lo)
                    continue
                pronoun = True
            if pronoun:
                gender = "f" if toks[a].low in ("she", "her") else "m"
                person = self._antecedent(gender, b.index)
                self.resolved[(b.index, a)] = person
                if person is not None:
                    person.gender = person.gender or gender
                    self.history.append(_Mention(person, b.index, a, toks[a].low in ("he", "she")))
                continue
            person = self._person_for_run(b, a, z, _run_words(toks, a, z))
            if person is not None:
                self._mention(person, b, a, z, lo)

    def _antecedent(self, gender: str, block: int, window: int | None = None) -> Person | None:
        """Most recent person in subject position (else in any position) of a compatible gender."""
        if gender == "f":
            # Women are the rarer referent in news copy: a woman known as such, recently the
            # subject, beats a closer person whose gender is unknown.
            for m in reversed(self.history):
                if block - m.block > 3:
                    break
                if m.subject and m.person.gender == "f":
                    return m.person
        best_any = None
        for m in reversed(self.history):
            if window is not None and block - m.block > window:
                break
            g = m.person.gender
            if (gender == "m" and g == "f") or (gender == "f" and g == "m"):
                continue
            if m.subject:
                return m.person
            best_any = best_any or m.person
        return best_any

    def _he_is_surname(self, b: _Block, k: int, lo: int) -> bool:
        """Capitalised "He" when someone surnamed He is named: the name, or the pronoun?"""
        if not self.he_persons:
            return False
        toks = b.toks
        if k > lo and toks[k - 1].text not in ("(", ":", "-", "—", "–"):
            return True  # capitalised inside a sentence (not after a dateline): the surname
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        after = toks[k + 2] if k + 2 < len(toks) else None
        if nxt is not None and after is not None:
            if nxt.text == "," and (after.low in _DETERMINERS or _is_possessive(after) or _is_role_head(after)):
                return True  # "He, China's lead negotiator, said"
            if nxt.low == "and" and is_name_token(after):
                return True  # "He and Bessent met"
        # "He said ...": the pronoun, unless it would have no one else to refer to
        antecedent = self._antecedent("m", b.index, window=2)
        return antecedent is None or antecedent in self.he_persons

    def _recent(self, persons: list[Person]) -> Person:
        for m in reversed(self.history):
            if m.person in persons:
                return m.person
        return max(persons, key=lambda p: p.mentions)

    def _mention(self, person: Person, b: _Block, a: int, z: int, lo: int) -> None:
        person.mentions += 1
        for k in range(a, z):
            self.resolved[(b.index, k)] = person
        title = _title_before(b.toks, a)
        if title is not None and title[1]:
            person.gender = person.gender or title[1]
        # A name not known to be a person (named once, as an object) is a last-resort antecedent.
        self.history.append(_Mention(person, b.index, a, person.strong and self._subject_like(b, a, z, lo)))

    def _person_for_run(self, b: _Block, a: int, z: int, words: tuple[str, ...]) -> Person | None:
        toks = b.toks
        nxt = toks[z] if z < len(toks) else None
        if nxt is not None and nxt.low in _MODIFIED_NOUNS and nxt.text[0].islower():
            return None  # "the Trump administration"
        if nxt is not None and nxt.text[0].isupper() and (nxt.low in ORG_WORDS or nxt.low in _PORTFOLIO):
            return None  # part of a body's name: "Wall Street", "Fox Business Network"
        in_cue = (b.index, a) in self.cue_phrases
        if len(words) >= 2:
            p = self.people.by_full(words)
            if p is not None and (p.strong or fold(words[0]) not in _PLACE_STARTS):
                return p
            if p is None:
                # "Donald J. Trump", or a run that starts with a sentence-initial word: its end
                found = self.people.by_short(words[-1])
                if len(found) == 1:
                    return found[0]
                if in_cue:
                    return self.people.add(words, None, strong=True)
            return p
        found = self.people.by_short(words[0])
        if not found and in_cue:
            # A speaker named by one word: a weakly known full name, or a new person.
            found = self.people.by_short(words[0], strong_only=False)
            if not found:
                return self.people.add(words, None, strong=True)
            for p in found:
                p.strong = True
        if not found:
            return None
        return found[0] if len(found) == 1 else self._recent(found)

    # -- speaker phrases ------------------------------------------------------------------------
    def phrase(self, b: _Block, ph: Phrase | None, source: bool = False) -> _Draft | None:
        """Resolve a speaker phrase to a person, an unnamed speaker's description or a body.
        A source ("according to Xinhua") named by one unknown word is taken for a body."""
        if ph is None or ph.lo >= ph.hi:
            return None
        toks = b.toks
        if ph.hi - ph.lo == 1 and (toks[ph.lo].low in _PRONOUNS or _personal(toks, ph.lo)):
            return self._pronoun(b, ph.lo, toks[ph.lo])
        # Coordinated speakers: "Bessent and Greer", "Bessent, Greer and He".
        parts: list[tuple[int, int]] = []
        start = ph.lo
        for k in range(ph.lo, ph.hi):
            if toks[k].low == "and" or toks[k].text == ",":
                if k > start:
                    parts.append((start, k))
                start = k + 1
        if ph.hi > start:
            parts.append((start, ph.hi))
        if len(parts) > 1 and all(is_name_token(toks[z - 1]) for _, z in parts):
            drafts = [d for d in (self._single(b, Phrase(a, z)) for a, z in parts) if d is not None]
            if drafts:
                first = drafts[0]
                first.co = tuple(d.person or d.text for d in drafts[1:] if d.person or d.text)
                self.plural.append((b.index, first))
                return first
        return self._single(b, ph, source)

    def _pronoun(self, b: _Block, k: int, t: Tok) -> _Draft | None:
        if t.low in ("he", "she", "him", "her"):
            p = self.resolved.get((b.index, k))  # resolved while reading (the surname He too)
            return None if p is None else _Draft(person=p, kind="person")
        if t.low == "it" and self.orgs:
            # "it added": the body that spoke last, rather than its statement or report
            name = next((n for n, doc in reversed(self.orgs) if not doc), self.orgs[-1][0])
            return _Draft(text=name, kind="organisation")
        if t.low == "they" and self.plural and b.index - self.plural[-1][0] <= 1:
            return replace(self.plural[-1][1], cue=None, role=None)
        return None

    def _single(self, b: _Block, ph: Phrase, source: bool = False) -> _Draft | None:
        toks = b.toks
        lo, hi = ph.lo, ph.hi
        det = None
        if toks[lo].low in _DETERMINERS or toks[lo].low in _POSS_DET:
            det = toks[lo].low
            lo += 1
        gender = None
        while lo < hi and toks[lo].low in _HONORIFICS:
            gender = _HONORIFICS[toks[lo].low]
            lo += 1
        if lo >= hi:
            return None
        if hi - lo == 1 and toks[lo].low in _PRONOUNS:
            return self._pronoun(b, lo, toks[lo])
        # A name ends the phrase: "US Treasury Secretary Scott Bessent", "Mr Li".
        n = _trailing_name(toks, lo, hi)
        name_words = _run_words(toks, n, hi) if n < hi else ()
        if n > lo and (toks[n - 1].low in _POSTMOD or toks[n - 1].low in _DETERMINERS):
            name_words = ()  # "analysts at Goldman Sachs": the name is not the speaker
        if source and len(name_words) == 1 and n == lo and not self.people.by_short(name_words[0]):
            self.orgs.append((name_words[0], False))
            return _Draft(text=name_words[0], kind="organisation")  # "according to Bloomberg"
        if name_words and (det is None or n > lo) and not any(w.lower() in ORG_WORDS for w in name_words):
            return self._named(b, ph, lo, n, hi, name_words, gender)
        # Otherwise a description ("a source familiar with the matter") or a body: find its head.
        h = lo
        while h + 1 < hi and toks[h + 1].low not in _POSTMOD:
            h += 1
        head_tok = toks[h]
        head = head_tok.low
        text = _span_text(b.text, toks, lo, hi).strip(" ,")
        full = _span_text(b.text, toks, ph.lo, hi).strip(" ,")
        is_role = _is_role_head(head_tok)
        named_body = head in ORG_WORDS or head_tok.kind == "a" or head_tok.text.isupper() or is_name_token(head_tok)
        if head_tok.text[0].isupper() and not is_role and named_body:
            self.orgs.append((text, False))
            return _Draft(text=text, kind="organisation")
        if not (is_role or head in ORG_WORDS or head in _SPEAKER_NOUNS):
            return None  # "the talks", "the deal": only people, roles and bodies speak
        if det == "the" and head in ORG_WORDS and h == hi - 1:
            # "the ministry said": the ministry named before ("China's Ministry of Foreign Affairs")
            here = (b.index, ph.lo)
            named = next(
                (n for bi, k, n in reversed(self.org_names) if (bi, k) < here and head in fold(n).split()),
                None,
            )
            if named is not None:
                self.orgs.append((named, False))
                return _Draft(text=named, kind="organisation", role=full)
        holder = self._role_holder(text, head) if det not in ("a", "an") else None
        if holder is not None:
            return _Draft(person=holder, kind="person", role=full)
        mine = set(fold(text).split())
        for hd, d in reversed(self.descriptions):
            theirs = set(fold(d).split())
            if hd == head and (mine <= theirs or theirs <= mine):
                return _Draft(text=d, kind="description", role=full)  # the spokesperson again
        self.descriptions.append((head, text))
        if head in ORG_WORDS or head in _SPEAKER_NOUNS:
            self.orgs.append((text, head not in ORG_WORDS))
        d = _Draft(text=text, kind="description", role=full)
        if head == "people" or (head.endswith("s") and (is_role or head[:-1] in _SPEAKER_NOUNS)):
            self.plural.append((b.index, d))
        return d

    def _named(
        self, b: _Block, ph: Phrase, lo: int, n: int, hi: int, words: tuple[str, ...], gender: str | None
    ) -> _Draft:
        """A speaker phrase that ends with a name: the person, with the title before it as role."""
        toks = b.toks
        role = _span_text(b.text, toks, lo, n).strip(" ,") or None
        if role and not (_title_before(toks, n) or any(_is_role_head(t) for t in toks[lo:n])):
            role = None  # "Following the talks" is no title
        person = self.resolved.get((b.index, n)) or self.resolved.get((b.index, hi - 1))
        if person is None:
            person = self._person_for_run(b, n, hi, words) or self.people.add(words, None, True)
        person.gender = person.gender or gender
        person.add_role(ph.role)
        person.add_role(role)
        return _Draft(person=person, kind="person", role=ph.role or role)

    def _role_holder(self, text: str, head: str) -> Person | None:
        """The person of this article who holds the role a definite description names."""
        if head not in ROLE_HEADS:
            return None  # plural ("officials") and non-title heads name no one in particular
        want = {_norm_country(w) for w in re.findall(r"[\w.]+", fold(text))} - _STOPWORDS
        countries = want & _COUNTRIES
        best, best_score = None, 0
        for p in self.people.all():
            if not p.strong:
                continue
            for r in p.roles:
                have = {_norm_country(w) for w in re.findall(r"[\w.]+", fold(r))}
                if head not in have and head not in {w.split("-")[-1] for w in have}:
                    continue
                if countries and not countries <= have:
                    continue  # "the Chinese trade representative" is not the US one
                score = len(want & have)
                if score > best_score or (score == best_score and best is not None and self._later(p, best)):
                    best, best_score = p, score
        return best

    def _later(self, a: Person, b: Person) -> bool:
        for m in reversed(self.history):
            if m.person is a:
                return True
            if m.person is b:
                return False
        return False


# ---------------------------------------------------------------------------------------------
# Quotes to speakers


def _is_label(b: _Block, qi: int) -> bool:
    """A name or label in marks ("Phase One", the so-called "framework"): nobody's words."""
    span = b.spans[qi]
    text = b.text[span.start : span.end]
    k = b.q_open[qi]
    prev = b.toks[k - 1].low if k > 0 else ""
    if prev in _LABEL_CUES or (prev == "as" and k > 1 and b.toks[k - 2].low == "known"):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*|\d+", text)
    if not words or len(words) > 6 or text.rstrip()[-1:] in ".,!?;:" or prev in ("said", "says", ":"):
        return False
    caps = [w for w in words if w.lower() not in ("of", "the", "and", "for", "on", "in", "a", "to", "de")]
    return bool(caps) and words[0][0].isupper() and all(w[0].isupper() or w[0].isdigit() for w in caps)


def _with_cue(d: _Draft | None, cue: str) -> _Draft | None:
    if d is not None:
        d.cue = cue
    return d


def _frame_speaker(reader: _Reader, b: _Block, qi: int) -> _Draft | None:
    """The speaker of quote qi of block b, from the cues of its own sentence."""
    toks = b.toks
    qo, qc = b.q_open[qi], b.q_close[qi]
    si = b.sentence_of(qo)
    lo, hi = b.sents[si]
    cues = b.cues[si]
    opens = b.q_open
    # 1. A cue right after the closing mark: "...," said Li / "...," he told reporters.
    j = qc + 1
    while j < hi and toks[j].kind == "p" and toks[j].text in ",?!—–-…":
        j += 1
    if qc < len(toks) and j < hi:
        for c in cues:
            if c.source:
                continue
            if c.at == j and (toks[j].low in INVERSION or toks[j].low in _POST_ONLY):
                d = reader.phrase(b, c.fwd)
                if d is not None:
                    return _with_cue(d, c.text)
            if j < c.at and c.back is not None and c.back.lo == j and not any(qo < o < c.at for o in opens):
                d = reader.phrase(b, c.back)
                if d is not None:
                    return _with_cue(d, c.text)
        d = _bare_attribution(reader, b, j, hi)
        if d is not None:
            return d
    # 2. The last cue before the opening mark: Li said the talks were "tough".
    before = [c for c in cues if lo <= c.at < qo]
    if before:
        d = _cue_speaker(reader, b, before[-1], (lo, hi), cues)
        if d is not None:
            return _with_cue(d, before[-1].text)
    # 3. A colon introduction without a verb: Li was blunt: "...".
    if not before and qo - 1 >= lo and toks[qo - 1].text == ":":
        d = _clause_subject(reader, b, lo, qo - 1)
        if d is not None:
            return _with_cue(d, ":")
    # 4. A source named after the quote: "...," according to X / ..., citing X. It comes after
    # the cue before the quote: in Li said "...", according to Xinhua, Li is the one quoted.
    after = [c for c in cues if qc < c.at < hi]
    for c in after:
        if c.source:
            d = reader.phrase(b, c.fwd, source=True)
            if d is not None:
                return _with_cue(d, c.text)
    # 5. An attribution closing the sentence: 'Not enough "upside surprise", Wall Street said.'
    for c in after:
        ph = c.back
        if c.source or ph is None or ph.lo <= qc or toks[ph.lo - 1].text != ",":
            continue
        if any(qc < o < c.at for o in opens):
            break  # another quote stands closer to this cue
        d = reader.phrase(b, ph)
        if d is not None:
            return _with_cue(d, c.text)
    # 6. Inside an opening participle phrase, whose subject is the main clause's:
    # 'Referring to the situation as "tending toward stability", Geng called on ...'
    first = toks[lo]
    if first.kind == "w" and first.text[0].isupper() and first.low.endswith("ing") and len(first.low) > 5:
        # The phrase ends at a comma, which may sit inside a quote: '... "moving ahead," Geng said'
        comma_closes = {b.q_close[x] for x, s in enumerate(b.spans) if b.text[s.start : s.end].rstrip().endswith(",")}
        end = next((k for k in range(qc, hi) if toks[k].text == "," or k in comma_closes), None)
        if end is not None:
            d = reader.phrase(b, _np_after(toks, end + 1, hi, b.text))
            if d is not None and (d.person is not None or d.kind == "description"):
                return _with_cue(d, first.low)
    return None


def _bare_attribution(reader: _Reader, b: _Block, j: int, hi: int) -> _Draft | None:
    """ "...," Conley worries. / "...," he shrugged.: a person and one verb close the quote,
    whatever the verb; only a named person or a pronoun may speak this way."""
    toks = b.toks
    if toks[j].low in ("he", "she"):
        e = j + 1
    else:
        run = next(((a, z) for a, z in b.runs if j <= a < j + 6), None)
        if run is None or not (run[0] == j or (_title_before(toks, run[0]) or (None,))[0] == j):
            return None
        e = run[1]
    if e >= hi or toks[e].kind != "w" or not toks[e].text.islower() or toks[e].low in _NP_STOP:
        return None
    after = toks[e + 1] if e + 1 < hi else None
    if after is not None and after.kind != "p" and after.low not in _POSTMOD and after.low not in _SUBORDINATORS:
        return None
    d = reader.phrase(b, Phrase(j, e))
    if d is None or d.person is None:
        return None
    return _with_cue(d, toks[e].text)


def _cue_speaker(reader: _Reader, b: _Block, c: Cue, sent: tuple[int, int], cues: list[Cue]) -> _Draft | None:
    """Who speaks at cue c: its subject, the one quoted ("quoted as saying"), or for a
    participle ("..., saying") the subject of the clause it hangs on."""
    lo, _ = sent
    toks = b.toks
    if c.source:
        return reader.phrase(b, c.fwd, source=True)
    if c.back is not None:
        d = reader.phrase(b, c.back)
        if d is not None:
            return d
    if not (c.participle or (c.at > lo and toks[c.at - 1].text == ",")):
        return None
    if c.at >= 2 and toks[c.at - 1].low == "as":
        quoted = next((k for k in range(c.at - 2, lo - 1, -1) if toks[k].low == "quoted"), None)
        if quoted is not None:
            # "Xinhua quoted Wang as saying" / "Wang was quoted by Xinhua as saying"
            inner = _np_before(toks, quoted + 1, c.at - 2)
            if inner is not None and toks[quoted + 1].low != "by":
                ph = Phrase(inner, c.at - 1)
            else:
                k = quoted - 1 if quoted - 1 >= lo and toks[quoted - 1].low in _BE else quoted
                ph = _subject_before(toks, lo, k, b.text)
            d = reader.phrase(b, ph)
            if d is not None:
                return d
    for other in reversed([o for o in cues if o.at < c.at and not o.source]):
        d = _cue_speaker(reader, b, other, sent, cues)
        if d is not None:
            return d
    for k in range(c.at - 1, lo - 1, -1):
        p = reader.resolved.get((b.index, k))
        if p is not None and p.strong:
            return _Draft(person=p, kind="person")
    return _clause_subject(reader, b, lo, c.at)


def _clause_subject(reader: _Reader, b: _Block, lo: int, end: int) -> _Draft | None:
    """The speaker-like subject at the start of a sentence, after an introductory phrase."""
    toks = b.toks
    start = lo
    first = toks[start] if start < end else None
    if (
        first is not None
        and first.kind == "w"
        and (first.low in _SUBORDINATORS or first.low in _NP_STOP or first.low.endswith("ing"))
    ):
        comma = next((k for k in range(start, end) if toks[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    if start < end and toks[start].kind == "w" and toks[start].text.isupper() and len(toks[start].text) > 3:
        return None  # a dateline: "KUALA LUMPUR:"
    ph = _np_after(toks, start, end, b.text)
    d = reader.phrase(b, ph)
    if d is None or ph is None:
        return None
    last = toks[ph.hi - 1]
    if (
        d.person is None
        and d.kind != "organisation"
        and not _is_role_head(last)
        and last.low not in ("administration", "government", "ministry")
    ):
        return None  # "The message was clear:" names no speaker
    return d


def _sentence_speaker(reader: _Reader, b: _Block, si: int) -> _Draft | None:
    """Who speaks in a sentence of reported speech ("..., Li said." / "Li said that ...")."""
    lo, hi = b.sents[si]
    cues = b.cues[si]
    for c in sorted(cues, key=lambda c: c.source):
        if c.source:
            d = reader.phrase(b, c.fwd, source=True)
        else:
            d = reader.phrase(b, c.fwd) if c.fwd is not None and c.back is None else None
            d = d or _cue_speaker(reader, b, c, (lo, hi), cues)
        if d is not None:
            return _with_cue(d, c.text)
    return None


# ---------------------------------------------------------------------------------------------
# The article


def attribute_article(
    title: str | None,
    title_spans: Sequence[MarkedSpan],
    paragraphs: Sequence[str],
    spans: Sequence[Sequence[MarkedSpan]],
) -> tuple[list[Attribution], list[list[Attribution]]]:
    """Attribute every marked span of an article: (title attributions, per-paragraph lists)."""
    blocks = [_Block(i, p, s) for i, (p, s) in enumerate(zip(paragraphs, spans, strict=True))]
    reader = _Reader(blocks)
    reader.collect()
    reader.read()

    drafts: list[list[_Draft | None]] = []
    labels: list[list[bool]] = []
    reported: dict[tuple[int, int], _Draft] = {}  # (block, sentence) -> speaker of reported speech
    for b in blocks:
        labels.append([_is_label(b, qi) for qi in range(len(b.spans))])
        drafts.append([None if labels[-1][qi] else _frame_speaker(reader, b, qi) for qi in range(len(b.spans))])
        quoted = {b.sentence_of(o) for o in b.q_open}
        for si in range(len(b.sents)):
            if si not in quoted:
                d = _sentence_speaker(reader, b, si)
                if d is not None:
                    reported[(b.index, si)] = d

    _continue_speakers(blocks, drafts, labels, reported)
    _same_words_same_speaker(blocks, drafts, labels, reported)

    # The title: its own cue ("Trump says ..."), else the body passage it repeats.
    title_drafts: list[_Draft | None] = []
    if title and title_spans:
        tb = _Block(-1, title, title_spans)
        for qi, span in enumerate(title_spans):
            d = _frame_speaker(reader, tb, qi)
            if d is not None and d.person is None and d.kind != "description":
                d = None
            title_drafts.append(d or _headline_source(title[span.start : span.end], blocks, drafts, reported))
    body = [
        [_with_statement(_finish(d), b, span) for d, span in zip(row, b.spans, strict=True)]
        for row, b in zip(drafts, blocks, strict=True)
    ]
    return [_finish(d) for d in title_drafts], body


def _with_statement(attribution: Attribution, b: _Block, span: MarkedSpan) -> Attribution:
    if len(b.text[span.start : span.end].split()) >= STATEMENT_MIN_WORDS:
        return attribution
    return replace(attribution, statement=_reported_clause_in(b, span.start, span.end))


def _alone_in_sentence(b: _Block, qi: int) -> bool:
    lo, hi = b.sents[b.sentence_of(b.q_open[qi])]
    qo, qc = b.q_open[qi], b.q_close[qi]
    return not any(t.kind in "wan" for k, t in enumerate(b.toks[lo:hi], lo) if not qo <= k <= qc)


def _is_story(b: _Block) -> bool:
    """Story text rather than a subhead ("TALKING POINTS") between paragraphs."""
    return bool(b.spans) or sum(t.kind in "wan" for t in b.toks) >= 5


def _continue_speakers(
    blocks: list[_Block],
    drafts: list[list[_Draft | None]],
    labels: list[list[bool]],
    reported: dict[tuple[int, int], _Draft],
) -> None:
    """Quotes with no cue of their own continue the speaker before them."""
    last_story: int | None = None  # the previous paragraph of story text
    for bi, b in enumerate(blocks):
        row = drafts[bi]
        for qi, span in enumerate(b.spans):
            if row[qi] is not None or labels[bi][qi]:
                continue
            prev_row = drafts[last_story] if last_story is not None else []
            if span.continued and last_story is not None:
                row[qi] = next((d for d in reversed(prev_row) if d is not None), None)
                if row[qi] is not None:
                    continue
            if not _alone_in_sentence(b, qi):
                continue
            earlier = next((row[k] for k in range(qi - 1, -1, -1) if row[k] is not None), None)
            later = next((row[k] for k in range(qi + 1, len(row)) if row[k] is not None), None)
            if earlier is not None or later is not None:
                row[qi] = earlier or later  # "...," he said. "..."
            elif qi == 0 and b.q_open[0] <= 3 and last_story is not None:
                # A paragraph that opens with a quote continues the last speaker before it.
                prev = next((d for d in reversed(prev_row) if d is not None), None)
                if prev is None:
                    pb = blocks[last_story]
                    sents = range(len(pb.sents) - 1, -1, -1)
                    prev = next((reported[(pb.index, si)] for si in sents if (pb.index, si) in reported), None)
                row[qi] = prev
        # A quote that runs on into this paragraph gives its speaker to the piece before.
        if b.spans and b.spans[0].continued and row[0] is not None and last_story is not None:
            prev_row = drafts[last_story]
            if prev_row and prev_row[-1] is None and not labels[last_story][-1]:
                prev_row[-1] = row[0]
        if _is_story(b):
            last_story = bi


def _quote_key(text: str) -> str:
    return " ".join(_STEM_RE.findall(fold(text)))


def _looks_like_headline(b: _Block) -> bool:
    """A short line without a full stop or a cue: a headline or standfirst kept as body text."""
    words = sum(t.kind in "wan" for t in b.toks)
    return words <= 20 and not any(b.cues) and not b.text.rstrip("\"'”’ ").endswith((".", "?", "!"))


def _same_words_same_speaker(
    blocks: list[_Block],
    drafts: list[list[_Draft | None]],
    labels: list[list[bool]],
    reported: dict[tuple[int, int], _Draft],
) -> None:
    """A quote with no cue whose words the article attributes elsewhere has that speaker; a
    headline line kept in the body is matched like the title."""
    said: dict[str, _Draft] = {}
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            d = drafts[bi][qi]
            if d is not None:
                said.setdefault(_quote_key(b.text[span.start : span.end]), d)
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            if drafts[bi][qi] is not None or labels[bi][qi]:
                continue
            text = b.text[span.start : span.end]
            d = said.get(_quote_key(text))
            if d is None and _looks_like_headline(b):
                d = _headline_source(text, blocks, drafts, reported)
            drafts[bi][qi] = d


_STEM_RE = re.compile(r"[^\W_]+")


def _stems(text: str) -> set[str]:
    """Crude stems (five-letter prefixes) of content words: "expresses" and "expressed" meet."""
    return {w[:5] for w in _STEM_RE.findall(fold(text)) if w not in _STOPWORDS}


def _headline_source(
    text: str,
    blocks: list[_Block],
    drafts: list[list[_Draft | None]],
    reported: dict[tuple[int, int], _Draft],
) -> _Draft | None:
    """The speaker of the body quote or reported sentence that a headline quote repeats:
    a short quote must appear word for word, a longer one share 60% of its words."""
    want = _stems(text)
    if not want:
        return None
    phrase = " ".join(fold(text).split()).strip(" .,;:!?")
    short = len(want) <= 3

    def score(body: str) -> float:
        if short:
            return 1.0 if phrase in " ".join(fold(body).split()) else 0.0
        return len(want & _stems(body)) / len(want)

    best, best_score = None, 0.0
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            d = drafts[bi][qi]
            if d is not None:
                s = score(b.text[span.start : span.end]) + 0.001  # a quote beats an equal sentence
                if s > best_score:
                    best, best_score = d, s
        for si, (lo, hi) in enumerate(b.sents):
            d = reported.get((b.index, si))
            if d is not None:
                s = score(b.text[b.toks[lo].start : b.toks[hi - 1].end])
                if s > best_score:
                    best, best_score = d, s
    return best if best_score >= 0.6 else None


def _finish(d: _Draft | None) -> Attribution:
    if d is None:
        return NONE
    co = tuple(x.name if isinstance(x, Person) else x for x in d.co if x)
    if d.person is not None:
        role = d.role or (d.person.roles[0] if d.person.roles else None)
        return Attribution(d.person.name, role, d.cue, "person", co)
    if d.text:
        text = re.sub(r"^(?:a|an|the)\s+", "", d.text, flags=re.I)
        return Attribution(text, d.role, d.cue, d.kind or "description", co)
    return NONE


# ---------------------------------------------------------------------------------------------
# For the corpus level (talks_tui.index.quotes.speakers)


@lru_cache(maxsize=32)
def _block_of(text: str) -> _Block:
    """One paragraph read on its own; cached because the quotes of a paragraph come together."""
    return _Block(0, text, find_marked_spans(text))


def full_names_for(words: Iterable[str], paragraphs: Iterable[str]) -> list[str]:
    """Full names in the text whose family name is one of `words` ("Bessent" -> "Scott
    Bessent", "Li" -> "Li Chenggang"): a cheap scan, so that a corpus is not read twice."""
    keys = sorted({w for w in words if w and w[0].isupper()})
    if not keys:
        return []
    alternatives = "|".join(map(re.escape, keys))
    mention = re.compile(rf"\b(?:{alternatives})\b")
    found = []
    for text in paragraphs:
        for m in mention.finditer(text):
            # the name words just before ("Scott Bessent") ...
            before = text[max(0, m.start() - 60) : m.start()].split()[-3:]
            k = len(before)
            while k > 0 and _is_name_word(before[k - 1]):
                k -= 1
            if k < len(before):
                found.append(" ".join([*before[k:], m.group()]))
            # ... or just after a family name written first ("Li Chenggang")
            if fold(m.group()) in EAST_ASIAN_SURNAMES:
                after = text[m.end() : m.end() + 30].split()[:1]
                if after and _is_name_word(after[0]) and after[0].isalpha():
                    found.append(f"{m.group()} {after[0]}")
    return found


def reported_clause(text: str, start: int, end: int) -> str:
    """The words reported around a quoted fragment: its sentence without the attribution
    ('Li said on Sunday that the US stance was "tough"' -> 'the US stance was "tough"')."""
    return _reported_clause_in(_block_of(text), start, end)


def _reported_clause_in(b: _Block, start: int, end: int) -> str:
    text, toks = b.text, b.toks
    for si, (lo, hi) in enumerate(b.sents):
        a, z = toks[lo].start, toks[hi - 1].end
        if not (a <= start < z or a < end <= z):
            continue
        before = [c for c in b.cues[si] if toks[c.at].end <= start]
        after = [c for c in b.cues[si] if toks[c.at].start >= end]
        if before:
            c = before[-1]
            k = max(c.at + 1, c.fwd.hi if c.fwd is not None and not c.source else 0)
            that = next((j for j in range(k, min(k + 9, hi)) if toks[j].low == "that"), None)
            if that is not None and toks[that].end <= start:
                k = that + 1  # "said on Oct. 26 that ..."
            while k < hi and (toks[k].low in ("that", "to", "reporters", "journalists") or toks[k].kind == "p"):
                k += 1
            if k < hi and toks[k].start <= start:
                a = toks[k].start
        if after:
            c = after[0]
            k = c.back.lo if c.back is not None and not c.source else c.at
            if toks[k].start >= end:
                z = toks[k].start
        return text[a:z]
    return text[start:end]
