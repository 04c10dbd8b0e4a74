"""One block of an article (a paragraph or the title) read once: its tokens with quoted words
hidden, its sentences, cues and runs of name words; named bodies and titles before names."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from talks_tui.index.quotes.cues import find_cues
from talks_tui.index.quotes.marks import MarkedSpan
from talks_tui.index.quotes.people import ROYAL_TITLES, is_regnal
from talks_tui.index.quotes.vocabulary import (
    CAP_STOP,
    COMMON_WORDS,
    COMPANY_WORDS,
    COUNTRY_ALIASES,
    CUE_FORMS,
    DEMONYMS,
    DOTTED_PLACES,
    FEMALE_NAMES,
    HONORIFICS,
    MALE_NAMES,
    NAME_PARTICLES,
    ORG_WORDS,
    PORTFOLIO,
    ROLE_MODIFIERS,
    SPEAKER_NOUNS,
)
from talks_tui.index.quotes.word_kinds import (
    NAME_MONTHS,
    is_group_word,
    is_name_token,
    is_name_word,
    is_possessive,
    is_role_head,
    month_in_name,
    possessive_name,
    span_text,
)
from talks_tui.index.sentences import sentence_spans
from talks_tui.index.tokens import Tok, fold, tokenize


class Block:
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
        skeleton = "".join(parts) if self.spans else text
        self.toks = toks = _unglued(tokenize(skeleton))
        at = {t.start: k for k, t in enumerate(toks) if t.kind == "p"} if self.spans else {}
        self.q_open = [at.get(s.open_at, 0) for s in self.spans]
        self.q_close = [len(toks) if s.close_at is None else at.get(s.close_at, len(toks)) for s in self.spans]
        self.sents = _token_ranges(toks, sentence_spans(skeleton))
        self.runs = _name_runs(toks, {lo for lo, _ in self.sents}, headline=_in_title_case(toks))
        # A capitalised verb of speech inside a name after "the" is part of that name: "the Miami
        # Herald", "the Deccan Herald" are no cue (the city before them would be a speaker).
        in_names = {k for a, z in self.runs if a > 0 and toks[a - 1].low == "the" for k in range(a + 1, z)}
        self.cues = [[c for c in find_cues(toks, lo, hi, text) if c.at not in in_names] for lo, hi in self.sents]

    def name_surnames(self, surnames: frozenset[str]) -> None:
        """Read again the nationality words that are the family name of a person of the article
        ("Michael French ... French, 62, said"): alone, they are that person."""
        if any(t.low in surnames and t.text[0].isupper() for t in self.toks):
            starts = {lo for lo, _ in self.sents}
            self.runs = _name_runs(self.toks, starts, headline=_in_title_case(self.toks), surnames=surnames)

    def sentence_of(self, tok: int) -> int:
        for k, (lo, hi) in enumerate(self.sents):
            if lo <= tok < hi:
                return k
        return len(self.sents) - 1


# Base forms of verbs a past tense glued onto a name may come from ("witness" -> "witnessed").
_VERB_BASES = COMMON_WORDS | frozenset(CUE_FORMS.values())


def _glued_at(t: Tok, nxt: Tok | None) -> int | None:
    """Where a past-tense verb run into a name by a scraper starts ("Julien Pearcewitnessed the
    events"): a capitalised word of ten letters or more, the rest in lower case, before a
    lower-case word, that ends in an everyday verb's "-ed" form of six letters or more after a
    head of four or more (no name is "Pearce" + "witnessed")."""
    s = t.text
    if t.kind != "w" or len(s) < 10 or not s[0].isupper() or not s[1:].isalpha() or not s[1:].islower():
        return None
    if nxt is None or nxt.kind != "w" or not nxt.text.islower():
        return None
    for i in range(4, len(s) - 5):
        tail = s[i:]
        if tail.endswith("ed") and (tail[:-2] in _VERB_BASES or tail[:-1] in _VERB_BASES):
            return i
    return None


def _unglued(toks: list[Tok]) -> list[Tok]:
    out: list[Tok] = []
    for k, t in enumerate(toks):
        at = _glued_at(t, toks[k + 1] if k + 1 < len(toks) else None) if len(t.text) >= 10 else None
        if at is None:
            out.append(t)
            continue
        head, tail = t.text[:at], t.text[at:]
        out.append(Tok(head, head.lower(), t.start, t.start + at, "w"))
        out.append(Tok(tail, tail, t.start + at, t.end, "w"))
    return out


def headline_like(b: Block) -> bool:
    """A short line without a full stop or a cue: a headline, a standfirst or page furniture (a
    video's title, a link to another story) kept as body text."""
    words = sum(t.kind in "wan" for t in b.toks)
    return words <= 20 and not any(b.cues) and not b.text.rstrip("\"'”’ ").endswith((".", "?", "!"))


def _in_title_case(toks: list[Tok]) -> bool:
    """Headline case ("All 33 Miners Rescued in What Country's President Calls a 'Miracle'"):
    nearly every longer word capitalised, so a capital says nothing of a name."""
    words = [t.text for t in toks if t.kind == "w" and len(t.text) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _name_runs(
    toks: list[Tok], starts: set[int] = frozenset(), headline: bool = False, surnames: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Runs of capitalised name words (particles allowed inside, a possessive may end one);
    `surnames`: nationality words known as a family name in this article."""
    # 1 a name word, 2 a name in the possessive, 3 a particle ("von"), 0 anything else
    cls = [_word_class(t.text) if t.kind == "w" else 0 for t in toks]
    for i in range(len(toks)):
        low = toks[i].low
        special = low in NAME_MONTHS or low in DEMONYMS or low in surnames
        if cls[i] == 0 and toks[i].kind == "w" and not special and (i == 0 or cls[i - 1] != 1):
            continue  # the hot path: no case below can make this plain word a name's
        if cls[i] == 0 and month_in_name(toks, i):
            cls[i] = 1
        elif cls[i] == 0 and i > 0 and cls[i - 1] == 1 and is_regnal(toks[i].text):
            cls[i] = 1  # "Elizabeth II", "Charles III"
        elif (
            toks[i].kind == "a"
            and len(toks[i].text) <= 6
            and toks[i].low not in DOTTED_PLACES
            and i + 1 < len(toks)
            and cls[i + 1] == 1
        ):
            cls[i] = 1  # initials before a name: "L.B. Basnet"
        elif cls[i] == 0 and _demonym_given_name(toks, i, cls):
            cls[i] = 1  # "One of the parents was Christian Garcia"
        elif cls[i] == 0 and _demonym_surname(toks, i, cls):
            cls[i] = 1  # "Ms German, 84, said", "said Arjun Nepali."
        elif cls[i] == 0 and toks[i].low in surnames and _known_demonym_surname(toks, i):
            cls[i] = 1  # "French, 62, said" after "Michael French"
    if headline:
        for i, t in enumerate(toks):
            if cls[i] == 1 and (t.low in COMMON_WORDS or t.low in CUE_FORMS):
                cls[i] = 0  # "Calls", "Says", "Offer" in a headline are no names
    for s in starts:
        # A common noun opening a sentence before a full name describes the person: "Neighbour
        # Fe Tolentino queued", "Farmer Jonas Berg said".
        full_name_follows = s + 2 < len(toks) and cls[s + 1] == 1 and cls[s + 2] in (1, 2)
        if full_name_follows and cls[s] == 1 and toks[s].low in SPEAKER_NOUNS:
            cls[s] = 0
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
    return [r for r in runs if not _in_body_name(toks, r[0]) and not (r[1] - r[0] == 1 and body_name_end(toks, r[0]))]


def plural_noun(low: str) -> bool:
    """The plural of an everyday noun ("Workers", "Partners", "Industries") or of a word for the
    members of a party or movement ("Democrats", "Republicans", "Socialists")."""
    if not low.endswith("s") or low.endswith(("ss", "us", "is")):
        return False
    if is_group_word(low) or low[:-1] in COMMON_WORDS:
        return True
    return low.endswith("es") and low[:-2] in COMMON_WORDS or (low.endswith("ies") and low[:-3] + "y" in COMMON_WORDS)


def body_name_end(toks: list[Tok], k: int) -> bool:
    """A capitalised everyday noun, plural or body's word right after another capitalised word
    that is no name, no title and no sentence opener ("U.S. Steel", "Christian Democrats",
    "Global Steel"): the last word of a body's or a group's name, never a one-word person's."""
    t = toks[k]
    if k == 0 or t.kind != "w" or not t.text[0].isupper():
        return False
    prev = toks[k - 1]
    if not (prev.kind in "wa" and prev.text[0].isupper()) or is_possessive(prev) or is_name_token(prev):
        return False
    if prev.low in CAP_STOP or prev.low in HONORIFICS or is_role_head(prev):
        return False  # "The Church" (read as a description), "Sen. Green", "Mr Price"
    low = t.low[:-2] if is_possessive(t) else t.low
    return low in COMMON_WORDS or low in ORG_WORDS or plural_noun(low)


def _in_body_name(toks: list[Tok], a: int) -> bool:
    """A run of name words inside a body's name, after its organisation word and a linking word
    ("the Texas Department of Public Safety": Safety is no person)."""
    k = a - 1
    while k >= 0 and toks[k].kind == "w" and toks[k].text[0].isupper() and not is_name_token(toks[k]):
        k -= 1  # capitalised words of the name that are no names: "Public"
    if k < 1 or toks[k].low not in ("of", "for", "on"):
        return False
    org = toks[k - 1]
    return org.kind == "w" and org.text[0].isupper() and org.low in ORG_WORDS


# Endings of abstract or plural nouns, which no family name has ("Christian Fellowship").
_NOUN_ENDINGS = ("ship", "ity", "ism", "ing", "ion", "ment", "ness", "ies", "ics", "ary", "ists", "ans", "ats")


def _demonym_given_name(toks: list[Tok], i: int, cls: list[int]) -> bool:
    """A word that is both a nationality or faith and a given name ("Christian"), opening a name
    of two words: before a capitalised family-name-like word (no everyday word, no noun's ending,
    no plural) that ends the run, and not after an article or possessive ("the Christian Church")."""
    t = toks[i]
    if t.kind != "w" or not t.text[0].isupper() or t.text.isupper() or t.low not in DEMONYMS:
        return False
    if fold(t.text) not in MALE_NAMES and fold(t.text) not in FEMALE_NAMES:
        return False
    if i + 1 >= len(toks) or cls[i + 1] != 1 or (i > 0 and (toks[i - 1].low in _DET_OR_POSS or cls[i - 1] == 1)):
        return False
    nxt, after = toks[i + 1], toks[i + 2] if i + 2 < len(toks) else None
    if after is not None and after.kind == "w" and after.text[0].isupper():
        return False  # "Christian Broadcasting Network": a body's name goes on
    low = nxt.low
    plural = low.endswith("s") and not low.endswith(("ss", "us", "is"))
    return low not in COMMON_WORDS and not low.endswith(_NOUN_ENDINGS) and not plural and nxt.text[1:].islower()


_DET_OR_POSS = frozenset("a an the his her its their our my your this that".split())
_AFTER_SURNAME = frozenset(("who", "was", "is", "has", "had", "says"))
_ARTICLES = frozenset(("the", "a", "an"))


def _demonym_surname(toks: list[Tok], i: int, cls: list[int]) -> bool:
    """A nationality word that is a family name: after an honorific or a known given name, and
    followed by no noun it could describe ("Ms German," but not "the German government"); an
    office word likewise, after a known given name only ("Jim Justice said", not "Mr Justice Hale")."""
    t = toks[i]
    if i == 0 or t.kind != "w" or not t.text[0].isupper() or t.text.isupper():
        return False
    prev = toks[i - 1]
    given = cls[i - 1] == 1 and (fold(prev.text) in FEMALE_NAMES or fold(prev.text) in MALE_NAMES)
    if t.low in PORTFOLIO and t.low not in DEMONYMS:
        # An office word as a family name ("Jim Justice", "Jennifer Senior"): only after a given
        # name that is no everyday word ("Will", "Mark" open sentences as verbs and nouns).
        if cls[i - 1] != 1 or prev.low in COMMON_WORDS:
            return False
        before = toks[i - 2] if i > 1 else None
        if not given:  # another name word: its own first word, then a mark, a cue or "who"
            lone = before is None or not (before.kind == "w" and (before.text[0].isupper() or before.low in _ARTICLES))
            return lone and _ends_surname(toks, i, lower_verbs=False)
    elif t.low not in DEMONYMS or (prev.low not in HONORIFICS and not given):
        return False
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if given and nxt is not None and nxt.kind == "w" and nxt.text.islower():
        return True  # "Paul French lost his barn": after a given name, the family name
    return _ends_surname(toks, i)


def _ends_surname(toks: list[Tok], i: int, lower_verbs: bool = True) -> bool:
    """No noun follows that the nationality word at `i` could describe: a mark, a cue, a verb."""
    nxt = toks[i + 1] if i + 1 < len(toks) else None
    if nxt is None or nxt.kind == "p" or nxt.low in CUE_FORMS or nxt.low in _AFTER_SURNAME:
        return True
    past = nxt.kind == "w" and nxt.text.islower() and nxt.low.endswith("ed") and len(nxt.low) > 4  # "walked"
    return lower_verbs and past


# Words before a nationality word used alone as a family name: "French said", "said French",
# "and French" (not "in French", "the French").
_BEFORE_SURNAME = frozenset("and but while when as that".split())


def _known_demonym_surname(toks: list[Tok], i: int) -> bool:
    """A nationality word, capitalised and not in capitals, that is the family name of a person
    named in full in the article: at a sentence start or after a mark, a cue or a conjunction,
    with no noun after it to describe."""
    t = toks[i]
    if t.kind != "w" or not t.text[0].isupper() or t.text.isupper():
        return False
    prev = toks[i - 1] if i > 0 else None
    if prev is not None and not (prev.kind == "p" or prev.low in CUE_FORMS or prev.low in _BEFORE_SURNAME):
        return False
    return _ends_surname(toks, i)


def demonym_surnames(blocks: Sequence[Block]) -> frozenset[str]:
    """Nationality words that end a name of two or more words in these blocks ("Michael French")
    or follow an honorific ("Ms German")."""
    return frozenset(
        b.toks[z - 1].low
        for b in blocks
        for a, z in b.runs
        if b.toks[z - 1].low in DEMONYMS
        and b.toks[z - 1].kind == "w"
        and (z - a >= 2 or (a > 0 and b.toks[a - 1].low in HONORIFICS))
    )


@lru_cache(maxsize=65536)
def _word_class(text: str) -> int:
    if is_name_word(text):
        return 1
    if text.endswith(("'s", "’s")) and len(text) > 3 and is_name_word(text[:-2]):
        return 2
    return 3 if text.lower() in NAME_PARTICLES else 0


def _token_ranges(toks: list[Tok], spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences' character spans as token ranges [lo, hi) (a sentence holding no token is left out)."""
    ranges, k, n = [], 0, len(toks)
    for _, end in spans:
        lo = k
        while k < n and toks[k].start < end:
            k += 1
        if k > lo:
            ranges.append((lo, k))
    if k < n:  # tokens after the last sentence (white space only can follow it): join the last
        ranges[-1] = (ranges[-1][0], n) if ranges else (k, n)
    return ranges


def run_words(toks: list[Tok], a: int, z: int) -> tuple[str, ...]:
    """The words of a name run, without a possessive's "'s"; a royal title before it is part of
    the name ("King Charles III", "Pope Francis")."""
    words = [t.text for t in toks[a:z]]
    if a > 0 and toks[a - 1].low in ROYAL_TITLES and toks[a - 1].text[0].isupper():
        words.insert(0, toks[a - 1].text)
    if possessive_name(toks[z - 1]):
        words[-1] = words[-1][:-2]
    return tuple(words)


def org_names(b: Block) -> list[tuple[int, str]]:
    """Named bodies: capitalised runs holding an organisation word ("Ministry of Foreign Affairs")."""
    toks, found, i, n = b.toks, [], 0, len(b.toks)
    while i < n:
        t = toks[i]
        if not (t.kind == "w" and t.text[0].isupper() and t.low not in CAP_STOP and not is_possessive(t)):
            i += 1
            continue
        j = i + 1
        while j < n:
            u = toks[j]
            follows_org = j + 1 < n and toks[j + 1].low in ORG_WORDS and toks[j + 1].text[0].isupper()
            capitalised = u.kind in "wa" and u.text[0].isupper() and (not is_possessive(u) or follows_org)
            joiner = u.low in ("of", "for", "and", "on") and j + 1 < n and toks[j + 1].text[0].isupper()
            if not (capitalised or joiner):
                break
            j += 1
        orgs = [k for k in range(i, j) if toks[k].low in ORG_WORDS and toks[k].text[0].isupper()]
        if orgs:
            end = j
            if orgs[-1] > i and all(
                toks[k].kind in "wa" and toks[k].low not in ("of", "for", "and", "on") for k in range(orgs[-1] + 1, j)
            ):
                end = orgs[-1] + 1  # "an Ethiopian Airlines Boeing 737": the body ends with its word
            if not (end - i == 1 and toks[i].low in COMPANY_WORDS):  # "Airlines have been told"
                found.append((i, span_text(b.text, toks, i, end)))
        i = j
    return found


def title_before(toks: list[Tok], a: int) -> tuple[int, str | None] | None:
    """Title words right before a name ("US Treasury Secretary" Scott Bessent, "Secretary of
    State" Marco Rubio, "Mr" Li): (index where the title starts, gender the title implies)."""
    k = a - 1
    if k < 0:
        return None
    if toks[k].low in HONORIFICS:
        return k, HONORIFICS[toks[k].low]
    start, heads = a, 0
    j = k
    while j >= 0 and k - j <= 6:
        t = toks[j]
        if t.kind == "w" and is_role_head(t):
            heads += 1
        elif t.kind == "a" or is_possessive(t) or (t.kind == "w" and t.text.isupper() and len(t.text) > 1):
            pass  # "US", "China's"
        elif t.kind == "w" and t.low in ("of", "for") and heads and j > 0:
            pass
        elif not (
            t.kind == "w" and (t.low in PORTFOLIO or t.low in ORG_WORDS or t.low in DEMONYMS or t.low in ROLE_MODIFIERS)
        ):
            break
        start = j
        j -= 1
    while start < a and toks[start].low in ("of", "for"):
        start += 1
    # The title must end with a title word or a portfolio ("Secretary of State"), not a place.
    last = toks[k]
    if not heads or not (is_role_head(last) or last.low in PORTFOLIO or last.low in ORG_WORDS):
        return None
    return start, None


def trailing_name(toks: list[Tok], lo: int, hi: int) -> int:
    """Start of the run of name words (particles allowed inside) that ends a phrase at hi."""
    n = hi
    if n > lo and possessive_name(toks[n - 1]):
        n -= 1  # "Harris's" (remarks)
    while n > lo:
        t = toks[n - 1]
        # a particle counts between name words: "Ursula von der Leyen"
        inner_particle = (
            t.low in NAME_PARTICLES
            and lo <= n - 2
            and n < hi
            and (is_name_token(toks[n - 2]) or toks[n - 2].low in NAME_PARTICLES)
        )
        if not (is_name_token(t) or inner_particle or month_in_name(toks, n - 1)):
            break
        n -= 1
    while n < hi and toks[n].low in NAME_PARTICLES:
        n += 1
    return n


def norm_country(w: str) -> str:
    w = w if w in ("u.s.", "u.k.") else w.rstrip(".").removesuffix("'s")
    return COUNTRY_ALIASES.get(w, w)
