"""Cues of speech in a sentence (said, told reporters, according to, the minister's remarks)
and the speaker phrases next to them: the subject before the verb, the speaker after it."""

from __future__ import annotations

from dataclasses import dataclass

from talks_tui.index.quotes.vocabulary import (
    ASIDE_STARTS,
    AUX_ADV,
    BE,
    CUE_FORMS,
    DETERMINERS,
    DOCUMENTS,
    EXPRESSION_INFINITIVES,
    EXPRESSION_VERBS,
    FEMALE_NAMES,
    HONORIFICS,
    INTENT_VERBS,
    INVERSION,
    MALE_NAMES,
    MONTHS,
    NAME_PARTICLES,
    NAMING_VERBS,
    NOT_ADVERBS,
    NOT_CUE_NEXT,
    NOUN_CUES,
    NP_LOWER_OK,
    NP_STOP,
    NUMBER_WORDS,
    OBJECT_CONTROL_VERBS,
    ORG_WORDS,
    PLATFORMS,
    POSS_DET,
    POST_ONLY,
    POSTMOD,
    PRESENT_OF_NOUN_VERBS,
    PRONOUNS,
    QUANTIFIERS,
    SOURCE_CUES,
    SPEAKER_NOUNS,
    TOLD_OBJECTS,
)
from talks_tui.index.quotes.word_kinds import (
    is_name_token,
    is_possessive,
    is_role_head,
    month_in_name,
    personal,
    span_text,
)
from talks_tui.index.tokens import Tok


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


def _adverb(t: Tok) -> bool:
    """A lower-case -ly word that is an adverb ("bluntly"), not "family" or "supply"."""
    return t.low.endswith("ly") and t.text.islower() and len(t.low) > 4 and t.low not in NOT_ADVERBS


def _skip_back_adverbs(toks: list[Tok], lo: int, i: int) -> int:
    while i >= lo and toks[i].kind == "w":
        if not (toks[i].low in AUX_ADV or _adverb(toks[i])) or month_in_name(toks, i):
            break  # ("Theresa May tweeted": May is no auxiliary)
        i -= 1
    return i


def _verb_like(t: Tok) -> bool:
    """A lower-case -ed or -ing word, or an adverb, which ends a speaker phrase ("the talks ended")."""
    if not t.text[0].islower() or t.low in NP_LOWER_OK:
        return False
    return t.low.endswith(("ed", "ing")) or _adverb(t)


def np_before(toks: list[Tok], lo: int, i: int) -> int | None:
    """Start of the noun phrase that ends at token i (a speaker read backwards), or None."""
    if i < lo:
        return None
    if toks[i].kind == "w" and toks[i].low in PRONOUNS:
        return i
    start = None
    j = i
    skipped = 0  # tokens of a short form in brackets, which do not count towards the phrase's length
    while j >= lo and i - j - skipped < 9:
        t = toks[j]
        if t.kind == "a" or (t.kind == "n" and j < i):
            start = j
        elif t.kind == "w":
            low = t.low
            if low in DETERMINERS or low in POSS_DET:
                if start is not None:
                    start = j
                break
            if low == "and":
                # "Bessent and Greer said": names on both sides ("Bessent, Greer, and He": a list's comma)
                k = j - 1 - (j - 2 >= lo and toks[j - 1].text == ",")
                if not (start is not None and k >= lo and is_name_token(toks[k]) and is_name_token(toks[j + 1])):
                    break
            elif t.text == "He" and start is not None:
                pass  # the surname: "He Lifeng said", "He and Bessent said"
            elif month_in_name(toks, j):
                pass  # "Theresa May", "June Steenkamp"
            elif low in NP_STOP or low in PRONOUNS:
                break
            elif _verb_like(t) and not (j > lo and toks[j - 1].low in DETERMINERS and low.endswith("ing")):
                break  # but "the shooting", "the bombing": a noun after its article
            start = j
        elif (
            t.text == "-"
            and start == j + 1
            and j > lo
            and toks[j - 1].kind == "n"
            and (toks[j + 1].low.startswith("year") or toks[j + 1].low in ("page", "day", "member"))
        ):
            start, j = j - 1, j - 2  # an age: "the 74-year-old"; a size: "the 279-page report"
            continue
        elif t.text == ")" and start is not None and (k := _acronym_bracket(toks, lo, j)) is not None:
            skipped += j - k
            j = k  # "a Tokyo Electric Power Co (TEPCO) spokesperson": the name's short form
            continue
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
    while start - 2 >= lo and toks[start - 1].low in POSTMOD and toks[start - 1].low != "who":
        k = start - 2
        if toks[k].low in QUANTIFIERS and toks[start - 1].low == "of":
            start = k  # "one of | the boys", "some of | the residents"
            break
        if toks[k].low in POSTMOD and k > lo:
            k -= 1  # "familiar with"
        if not _may_head_speaker(toks[k]):
            # "a policeman at | the scene of | the shooting": one more post-modifier back to the person
            e = np_before(toks, lo, k) if toks[start - 1].low == "of" else None
            if e is not None and any(toks[x].low in _PLACE_LINKS for x in range(e, k)):
                start = e
            break
        earlier = np_before(toks, lo, k)
        if earlier is None:
            break
        start = earlier
    return start


_PLACE_LINKS = frozenset(("at", "near", "outside", "inside"))


def _may_head_speaker(t: Tok) -> bool:
    return is_role_head(t) or t.low in SPEAKER_NOUNS or t.low in ORG_WORDS


def _acronym_bracket(toks: list[Tok], lo: int, j: int) -> int | None:
    """The token before "(ACRONYM)" that closes at j, or None: "Co (TEPCO) spokesperson"."""
    if j - 2 > lo and toks[j - 2].text == "(" and toks[j - 1].text.isupper() and len(toks[j - 1].text) >= 2:
        return j - 3
    return None


def insert_kind(toks: list[Tok], a: int, b: int) -> str | None:
    """What stands between two commas before a verb: an appositive, a relative clause, an aside."""
    if a >= b:
        return None
    first = toks[a]
    if first.low in ("who", "which", "whose", "whom"):
        return "relative"
    if b - a == 1 and first.kind == "n":
        return "aside"  # an age: "Li, 45, said"
    if _hometown(toks, a + 2 if first.kind == "n" and b - a > 2 and toks[a + 1].text == "," else a, b):
        return "aside"  # "Ann Cole, 25, of Dayton, Ohio, said", "Ann Cole, of Dayton, said"
    if first.low in ASIDE_STARTS:
        return "aside"
    if first.low in DETERMINERS or is_possessive(first) or any(is_role_head(t) for t in toks[a : min(b, a + 6)]):
        return "appositive"
    if b - a >= 2 and (first.kind == "n" or first.low in NUMBER_WORDS) and toks[a + 1].low in SPEAKER_NOUNS:
        return "appositive"  # "Nicolas and Thomas, two friends who were there, told"
    return None


def _hometown(toks: list[Tok], a: int, b: int) -> bool:
    """ "of Dayton", "from Dayton, Ohio" between commas: where a person lives, not a speaker."""
    if b - a < 2 or b - a > 6 or toks[a].low not in ("of", "from") or toks[b - 1].text == ",":
        return False
    return all(t.text == "," or (t.kind == "w" and t.text[0].isupper()) for t in toks[a + 1 : b])


def _dash(toks: list[Tok], k: int) -> bool:
    """A dash setting off an aside: "–", "—", or "--" (two hyphens, two tokens)."""
    t = toks[k].text
    return t in ("–", "—") or (t == "-" and k > 0 and toks[k - 1].text == "-")


_TIME_WORDS = frozenset(("on", "last", "this", "early", "late", "earlier", "later"))


def _skip_back_time(toks: list[Tok], lo: int, i: int) -> int:
    """Back past a time between a subject and its verb: "on Friday", "on Friday, Oct. 3",
    "last week", "on Tuesday night"."""
    if i > lo and toks[i].low in ("yesterday", "today", "tonight") and toks[i - 1].kind == "w":
        return i - 1  # "IAEA head Yukiya Amano yesterday told"
    if i < lo or not (toks[i].kind == "n" or toks[i].low in MONTHS or _timeish(toks[i])):
        return i
    j = i
    while j >= lo and (toks[j].kind in "n" or toks[j].low in MONTHS or toks[j].text in (",", ".") or _timeish(toks[j])):
        j -= 1
    if j < i and j >= lo and toks[j].low in _TIME_WORDS and j - 1 >= lo and toks[j - 1].kind == "w":
        return j - 1
    return i


_PARTICIPLE_LINKS = frozenset(("while", "after", "before", "when"))


def _skip_back_participle(toks: list[Tok], lo: int, i: int) -> int:
    """Back past a participle clause with no commas between a subject and its verb: "President
    Suluhu while sending her condolences said"."""
    for k in range(i - 1, max(lo, i - 10) - 1, -1):
        t = toks[k]
        if t.kind != "w":
            return i
        if t.low in _PARTICIPLE_LINKS and toks[k + 1].low.endswith("ing") and toks[k + 1].text.islower():
            return _skip_back_adverbs(toks, lo, k - 1)
    return i


def _skip_back_heard(toks: list[Tok], lo: int, i: int, v: int) -> int:
    """Back past "(could be / was) heard" before a verb of speech in -ing: in '"...," one survivor
    could be heard calling out', the one heard is the one speaking."""
    if i <= lo or toks[i].low != "heard" or not toks[v].low.endswith("ing"):
        return i
    k = i - 1
    if toks[k].low in BE:
        k -= 1
    return _skip_back_adverbs(toks, lo, k)


def _timeish(t: Tok) -> bool:
    return t.low in ("morning", "afternoon", "evening", "night", "week", "month", "year", "today", "tonight")


_OCCASIONS = DOCUMENTS | {"speech", "address", "interview", "message", "remarks"}
_DET_OR_POSS = DETERMINERS | POSS_DET


# Abbreviations that end a company's name with a full stop.
_NAME_SUFFIXES = frozenset("inc ltd co corp llc plc bros".split())


def subject_before(toks: list[Tok], lo: int, v: int, text: str) -> Phrase | None:
    """The speaker phrase before the cue verb at token v, past asides, appositives and brackets."""
    i = _skip_back_adverbs(toks, lo, v - 1)
    i = _skip_back_heard(toks, lo, i, v)  # "one survivor could be heard calling out"
    i = _skip_back_time(toks, lo, i)  # "Phivolcs on Friday, Oct. 3 said"
    i = _skip_back_participle(toks, lo, i)  # "President Suluhu while sending her condolences said"
    if i - 2 > lo and toks[i].low in _OCCASIONS:
        # "Diab in his speech promised", "Li in a brief statement said"
        d = i - 1 - (toks[i - 1].low not in _DET_OR_POSS and toks[i - 1].text.islower())
        if d - 1 > lo and toks[d].low in _DET_OR_POSS and toks[d - 1].low == "in":
            i = _skip_back_adverbs(toks, lo, d - 2)
    if i - 1 >= lo and toks[i].text == "." and toks[i - 1].low in _NAME_SUFFIXES and toks[i - 1].text[0].isupper():
        i -= 1  # "Shoei Kisen Kaisha Ltd. said": the stop is the name's
    if i >= lo and toks[i].text == ")":
        # "the Ministry of Commerce (MOFCOM) said", "Rubio (R-Fla.) said"
        k = next((k for k in range(i - 1, lo - 1, -1) if toks[k].text == "("), None)
        if k is not None and i - k <= 8:
            i = _skip_back_adverbs(toks, lo, k - 1)
    if i >= lo and _dash(toks, i):
        # "Mr Cameron – his wife by his side – said": the aside between dashes ("--" is two tokens)
        i -= toks[i].text == "-"
        k = next((k for k in range(i - 1, lo - 1, -1) if _dash(toks, k)), None)
        if k is not None and i - k <= 20:
            k -= toks[k].text == "-" and toks[k - 1].text == "-"
            i = _skip_back_adverbs(toks, lo, k - 1)
    if i < lo:
        return None
    if toks[i].low in ("who", "which") and i - 1 >= lo and toks[i - 1].text == ",":
        s = np_before(toks, lo, i - 2)  # "Trump, who ..., said" reads back to Trump
        return Phrase(s, i - 1) if s is not None else None
    if toks[i].low == "who" and i - 1 >= lo:
        s = np_before(toks, lo, i - 1)  # "a senior NPA source who told them"
        return Phrase(s, i) if s is not None else None
    if toks[i].text != ",":
        s = np_before(toks, lo, i)
        if s is not None and s - 3 >= lo and toks[s - 1].low in ("from", "of", "at"):
            # "John Young from AMSA's emergency response division said": the person of a body
            k = s - 1
            while k - 1 >= lo and is_name_token(toks[k - 1]):
                k -= 1
            if s - 1 - k >= 2 and (k == lo or not is_name_token(toks[k - 1])) and not toks[k].text.isupper():
                s = k
        if s is not None and toks[s].low in ("his", "her") and s - 2 >= lo and toks[s - 1].low == "and":
            # "President Joe Biden and his wife Jill Biden said": both, the first named first
            first = np_before(toks, lo, s - 2) if is_name_token(toks[s - 2]) else None
            s = first if first is not None else s
        return Phrase(s, i + 1) if s is not None else None
    commas = [k for k in range(i - 1, lo - 1, -1) if toks[k].text == ","]
    if commas and 0 < i - commas[0] - 1 <= 5:
        k = commas[0]
        if all(is_name_token(t) or t.low in NAME_PARTICLES for t in toks[k + 1 : i]):
            # "The home secretary, Suella Braverman, said", "one of the boys, Adun Sam-On, told":
            # the name between the commas speaks; a title before it is the role.
            s = np_before(toks, lo, k - 1)
            if s is not None and any(is_role_head(t) for t in toks[s:k]):
                return Phrase(
                    k + 1, i, span_text(text, toks, s, k)
                )  # "the spokesman for Notre Dame, Andre Finot, told"
            if k > lo and toks[k - 1].kind == "w" and toks[k - 1].text.islower() and toks[k - 1].low not in NP_STOP:
                return Phrase(k + 1, i)
    for k in commas[:3]:
        kind = insert_kind(toks, k + 1, i)
        if kind is None or (kind == "aside" and k - 2 >= lo and toks[k - 1].kind == "n" and toks[k - 2].text == ","):
            continue  # ", of Dayton," after ", 25": the aside runs back over the age
        end = k - 1
        if kind == "appositive" and end - 1 > lo and toks[end].kind == "n" and toks[end - 1].text == ",":
            end -= 2  # "Karki, 73, an academic, has told": the age before the appositive is an aside too
        s = np_before(toks, lo, end)
        if s is None:
            return None
        role = span_text(text, toks, k + 1, i) if kind == "appositive" else None
        return Phrase(s, end + 1, role)
    if not commas and i - 1 >= lo and toks[i - 1].kind in "wa" and toks[i - 1].text[0].isupper():
        # A stray comma between a subject that opens the sentence and its verb: "But Facebook's
        # parent company Meta, quickly clarified" (not "In Washington, officials said")
        s = np_before(toks, lo, i - 1)
        if s is not None and (s == lo or (s - 1 == lo and toks[lo].low in ("but", "and", "yet"))):
            return Phrase(s, i)
    return None


def _capitalised_name(t: Tok) -> bool:
    """A name or a title, after which a lower-case word is no longer part of the speaker."""
    return (is_name_token(t) or (is_role_head(t) and t.text[0].isupper())) and not is_possessive(t)


def _noun_of_speaker(t: Tok) -> bool:
    """A lower-case word that may end a speaker phrase after capitalised ones ("the Steenkamp
    family lawyer", "the White House spokesman", "the Arnault family")."""
    return is_role_head(t) or t.low in SPEAKER_NOUNS or t.low in ORG_WORDS or t.low in NP_LOWER_OK


def _inside_name(toks: list[Tok], j: int, hi: int) -> bool:
    """A linking word between two capitalised words of a body's name (not a date: "Spohr on Monday")."""
    return (
        0 < j < hi - 1
        and toks[j - 1].text[0].isupper()
        and toks[j + 1].kind == "w"
        and toks[j + 1].text[0].isupper()
        and toks[j + 1].low not in MONTHS
    )


def _person_before(toks: list[Tok], j: int) -> bool:
    """A person's name ends at token j - 1: a run of name words that opens with a given name or
    follows a title ("Hillary Clinton", "Majority Leader Chuck Schumer", "Sen. Omar")."""
    k = j - 1
    while k >= 0 and is_name_token(toks[k]) and toks[k].text[0].isupper():
        k -= 1
    if k == j - 1:
        return False
    first = toks[k + 1].low
    titled = k >= 0 and toks[k].text[0].isupper() and (is_role_head(toks[k]) or toks[k].low in HONORIFICS)
    return first in MALE_NAMES or first in FEMALE_NAMES or titled


def _on_ends_name(toks: list[Tok], j: int) -> bool:
    """ "on" after a person's name, or before a platform, is no part of a name: "wrote Hillary
    Clinton on Twitter", "said the Senate leader on X" (but "the Convention on Climate Change")."""
    return toks[j + 1].low in PLATFORMS or _person_before(toks, j)


def np_after(toks: list[Tok], i: int, hi: int, text: str) -> Phrase | None:
    """The speaker phrase that starts at token i: "said Li", "according to the ministry"."""
    if i >= hi:
        return None
    if toks[i].kind == "w" and (toks[i].low in PRONOUNS or personal(toks, i)):
        return Phrase(i, i + 1)
    if i + 2 < hi and toks[i].kind == "n" and toks[i + 1].text == "-" and toks[i + 2].low.startswith("year"):
        i += 3  # an age before the name: "said 22-year-old Kyle Malait"
    j, last = i, None
    while j < hi and j - i < 14:
        t = toks[j]
        if t.kind == "w":
            low = t.low
            if low in DETERMINERS or low in POSS_DET:
                if last is not None and toks[last].low not in ("of", "for", "at", "with"):
                    break
            elif low in ("of", "for", "at", "with") and last is not None and is_role_head(toks[last]):
                pass  # "a spokesperson for the ministry"
            elif (
                low in ("of", "on", "for", "and")
                and last is not None
                and _inside_name(toks, j, hi)
                and not (low == "on" and _on_ends_name(toks, j))
            ):
                pass  # "the United Nations Framework Convention on Climate Change"
            elif low in NP_STOP or (t.text[0].islower() and low.endswith(("ed", "ing")) and low not in NP_LOWER_OK):
                break
            elif t.text[0].islower() and last is not None and _capitalised_name(toks[last]) and not _noun_of_speaker(t):
                break  # "The Prime Minister spoke": a verb after the name or title
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
    if end + 1 < hi and toks[end].text == "," and not is_name_token(toks[end - 1]):
        k = end + 1
        while k < hi and (is_name_token(toks[k]) or toks[k].low in NAME_PARTICLES):
            k += 1
        if k - end - 1 >= 2 and (k == hi or toks[k].text in (",", ".", ";")):
            return Phrase(end + 1, k, span_text(text, toks, i, end))  # the description is the role
    if end + 1 < hi and toks[end].text == "," and insert_kind(toks, end + 1, hi) == "appositive":
        # "said Scott Kennedy, a China economics expert at CSIS."
        k = end + 1
        while k < hi and toks[k].text not in (",", ";", ".", "(") and toks[k].kind != "q":
            if toks[k].low in ("who", "which"):
                break
            k += 1
        role = span_text(text, toks, end + 1, k)
    return Phrase(i, end, role)


# What a verb of expression gives: 'offered condolences at the country's time of "great sorrow"'.
_SYMPATHY_NOUNS = frozenset(
    "condolence condolences sympathy sympathies tribute tributes thanks gratitude solidarity support "
    "prayers thoughts wishes regret regrets grief sorrow".split()
)


def _sympathy_to_quote(toks: list[Tok], v: int, hi: int) -> bool:
    """A verb of expression whose object is a noun of sympathy, with a quotation in the phrase
    right after it and no other verb or comma between: 'He offered condolences at the country's
    time of "great sorrow."', 'She expressed her sympathy for the "senseless" loss'."""
    k = v + 1
    while k < hi and k - v <= 3 and toks[k].kind == "w" and toks[k].low not in _SYMPATHY_NOUNS:
        if not (toks[k].low in DETERMINERS or toks[k].low in POSS_DET or toks[k].text.islower()):
            return False
        k += 1
    if k >= hi or toks[k].low not in _SYMPATHY_NOUNS:
        return False
    for j in range(k + 1, min(hi, k + 12)):
        t = toks[j]
        if t.kind == "q" or (t.kind == "p" and j + 1 < hi and toks[j + 1].kind == "q" and t.text not in ",;:"):
            return True
        if t.kind == "p" and t.text not in ("'", "’", "-"):
            return False
        if t.kind == "w" and t.text.islower() and (t.low in CUE_FORMS or t.low in BE or _verb_like(t)):
            return False
    return False


# Expression verbs whose object comes before the preposition that leads to the quoted words:
# 'blamed the delays on a "staffing crisis"', 'mourned the monarch as a "towering icon"'.
_OBJECT_THEN = {"blamed": ("on", "for"), "mourned": ("as",)}


def _object_then_quote(toks: list[Tok], v: int, hi: int) -> bool:
    """An expression verb, its object (up to five words, no verb, no comma), its preposition, a
    determiner or none, and the opening mark: 'Ruiz blamed the delays on a "staffing crisis"'."""
    preps = _OBJECT_THEN.get(toks[v].low)
    if preps is None:
        return False
    k = v + 1
    while k < hi and k - v <= 6 and toks[k].kind in "wan" and toks[k].low not in preps:
        t = toks[k]
        if t.kind == "w" and t.text.islower() and (t.low in CUE_FORMS or t.low in BE or _verb_like(t)):
            return False
        k += 1
    if k == v + 1 or k >= hi or toks[k].low not in preps:
        return False
    k += 1
    k += k < hi and toks[k].low in _DET_OR_POSS
    return k + 1 < hi and toks[k].kind == "p" and toks[k + 1].kind == "q"


# "accepted that": conceded, as "acknowledged that"; a cue only with "that" and a quotation in
# the clause it opens ('Ruiz accepted that "mistakes were made"'), never "accepted the offer".
_ACCEPT = frozenset("accept accepts accepted accepting".split())
_SPEAK_OF = frozenset("speak speaks spoke spoken speaking talk talks talked talking".split())


def _quote_within(toks: list[Tok], k: int, hi: int, n: int) -> bool:
    """An opening mark at k, or after at most n - 1 words from k ("of a "crisis"")."""
    for j in range(k, min(hi - 1, k + n)):
        if toks[j].kind == "p" and toks[j + 1].kind == "q":
            return True
        if toks[j].kind != "w":
            return False
    return False


def _words_that_may_cue() -> frozenset[str]:
    """Every word find_cues may read as (or open) a cue; any other word is skipped at once."""
    forms = {*SOURCE_CUES, *NOUN_CUES, *CUE_FORMS, *POST_ONLY, *EXPRESSION_VERBS, *EXPRESSION_INFINITIVES}
    forms |= set(PRESENT_OF_NOUN_VERBS)
    forms |= _SPEAK_OF | NAMING_VERBS
    return frozenset(forms | _ACCEPT | {"according", "pointed", "points", "pointing", "read", "reads"})


_MAY_CUE = _words_that_may_cue()


def _labels_object(toks: list[Tok], lo: int, v: int, hi: int) -> bool:
    """An active verb of naming, its object, then the label in marks after "a", "an" or "as":
    'Morgan labelled Djokovic a "cheat"' (not 'a product labelled "organic"' nor 'was branded')."""
    if v - 1 < lo or toks[v - 1].low in BE or not toks[v - 1].text[0].isupper():
        return False  # the labeller, named right before the verb
    k = v + 1
    while k < hi and k - v <= 6 and toks[k].kind in "wa" and toks[k].low not in ("a", "an", "as"):
        k += 1
    if not (k > v + 1 and k + 2 < hi and toks[k].low in ("a", "an", "as")):
        return False
    return toks[k + 1].kind == "p" and toks[k + 2].kind == "q"


def _purpose_infinitive(toks: list[Tok], lo: int, to: int, v: int) -> bool:
    """A verb of speech or expression after "to", the quotation right after it, in a clause with no
    verb whose object does the infinitive's act ("urged him to say"): the subject's own words,
    said to some purpose ("held a news conference to announce "..."")."""
    if not (v + 2 < len(toks) and toks[v + 1].kind == "p" and toks[v + 2].kind == "q"):
        return False
    if toks[v].low != (CUE_FORMS.get(toks[v].low) or toks[v].low):
        return False  # the plain form only
    if to - 1 >= lo and toks[to - 1].low in _REFUSALS:
        return False  # "declined to say "whether"": not said
    control = (k for k in range(lo, to) if toks[k].low in OBJECT_CONTROL_VERBS)
    return all(_noun_after_determiner(toks, lo, k) for k in control)


def _noun_after_determiner(toks: list[Tok], lo: int, k: int) -> bool:
    """ "the order", "a brief call": a noun, not the verb it can also be (but "the protests pushed"
    is a verb after its subject)."""
    if k - 1 >= lo and toks[k - 1].low in _DET_OR_POSS:
        return True
    adjective = k - 1 >= lo and toks[k - 1].text.islower() and not toks[k - 1].low.endswith(("s", "ed"))
    return adjective and k - 2 >= lo and toks[k - 2].low in _DET_OR_POSS


_REFUSALS = frozenset("decline declines declined refuse refuses refused fail fails failed".split())


def find_cues(toks: list[Tok], lo: int, hi: int, text: str) -> list[Cue]:
    """The speech cues of one sentence, each with the speaker phrases next to it."""
    cues: list[Cue] = []
    for v in range(lo, hi):
        t = toks[v]
        if t.kind != "w" or t.low not in _MAY_CUE:
            continue  # the hot path: most words can open no cue
        low = t.low
        if low == "according" and v + 1 < hi and toks[v + 1].low == "to":
            cues.append(Cue(v, "according", "according to", True, False, None, np_after(toks, v + 2, hi, text)))
            continue
        if low in SOURCE_CUES:
            cues.append(Cue(v, low, low, True, True, None, np_after(toks, v + 1, hi, text)))
            continue
        if low in NOUN_CUES:
            # "Harris's (provocative) remarks about readiness to "confront" China": the possessor spoke.
            k = v - 1
            while (
                k > lo and v - k <= 2 and toks[k].kind == "w" and toks[k].text.islower() and toks[k].low not in NP_STOP
            ):
                k -= 1
            if k >= lo and is_possessive(toks[k]):
                s = np_before(toks, lo, k)
                if s is not None:
                    cues.append(Cue(v, low, low, False, False, Phrase(s, k + 1), None))
                continue
        lemma = CUE_FORMS.get(low) or POST_ONLY.get(low)
        nxt = toks[v + 1].low if v + 1 < hi else ""
        if lemma is None and low in ("pointed", "points", "pointing") and nxt == "out":
            lemma = "point out"
        if lemma is None and low in _ACCEPT and nxt == "that" and _quote_within(toks, v + 2, hi, 6):
            lemma = "accept"  # 'Ruiz accepted that "mistakes were made"'
        if lemma is None and low in ("read", "reads") and v > lo and toks[v - 1].low in DOCUMENTS:
            lemma = "read"  # "the statement read": a document's words, as "said"
        quote_next = v + 2 < hi and toks[v + 1].kind == "p" and toks[v + 2].kind == "q"
        expression_infinitive = lemma is None and low in EXPRESSION_INFINITIVES
        if expression_infinitive:
            lemma = low  # "to express "confidence"": a cue only as a purpose infinitive (below)
        # ('Johnson blamed the "herd instinct"': a determiner may stand before the quotation)
        det_quote_next = v + 3 < hi and toks[v + 1].low in _DET_OR_POSS and toks[v + 2].kind == "p"
        det_quote_next = det_quote_next and toks[v + 3].kind == "q"
        expression_quote = (
            quote_next or det_quote_next or _sympathy_to_quote(toks, v, hi) or _object_then_quote(toks, v, hi)
        )
        if lemma is None and low in EXPRESSION_VERBS and expression_quote:
            lemma = low  # 'Merkel mourned "with the New Zealanders"', 'Trump sent "warmest sympathy"'
        present = lemma is None and low in PRESENT_OF_NOUN_VERBS and t.text.islower() and (quote_next or det_quote_next)
        if present:
            lemma = PRESENT_OF_NOUN_VERBS[low]  # 'CrowdStrike boasts the "…"' (not "his claims")
        if lemma is None and low in _SPEAK_OF and nxt in ("of", "about") and _quote_within(toks, v + 2, hi, 2):
            lemma = "speak"  # 'Putin has spoken of "armed mutiny"', 'speaking of "treason"'
        if lemma is None and low in NAMING_VERBS and _labels_object(toks, lo, v, hi):
            lemma = low  # 'Morgan labelled Djokovic a "cheat"': the labeller's word
        # "asking for "help"": a quotation right after the particle is the speaker's word
        quoted_next = v + 2 < hi and (
            toks[v + 2].kind == "q" or (toks[v + 2].kind == "p" and v + 3 < hi and toks[v + 3].kind == "q")
        )
        if lemma is None or (nxt in NOT_CUE_NEXT.get(lemma, ()) and not quoted_next) or (lemma == "go" and nxt != "on"):
            continue
        p = _skip_back_adverbs(toks, lo, v - 1)
        prev = toks[p].low if p >= lo else ""
        intent = prev == "to" and p - 1 >= lo and toks[p - 1].low in INTENT_VERBS and toks[p - 1].text.islower()
        if intent and (quote_next or not expression_infinitive):
            # "Biden sought to assure customers that ...": the one who sought speaks
            cues.append(Cue(v, lemma, t.text, False, False, subject_before(toks, lo, p - 1, text), None))
            continue
        if prev == "to" and _purpose_infinitive(toks, lo, p, v):
            # "X made a call to Trump to express "confidence"": the clause's subject, as after a
            # participle ("..., saying")
            cues.append(Cue(v, lemma, t.text, False, True, None, None))
            continue
        if expression_infinitive:
            continue
        if prev in BE or prev == "to" or prev in DETERMINERS or prev in POSS_DET:
            continue  # passive ("were said to"), infinitive ("declined to say"), noun ("a warning")
        back = subject_before(toks, lo, v, text)
        if present and back is None:
            continue  # "amid claims "the count was rigged"": a noun after a preposition
        cue_text = low if t.text[0].isupper() else t.text
        if lemma == "tell" and nxt in TOLD_OBJECTS:
            cue_text = f"{cue_text} {nxt}"
        # "...," said Li / ..., said Xinhua.: the speaker follows only right after a quote or comma.
        inverted = low in INVERSION and v > lo and toks[v - 1].kind in "pq"
        fwd = np_after(toks, v + 1, hi, text) if inverted else None
        cues.append(Cue(v, lemma, cue_text, False, low.endswith("ing"), back, fwd))
    return cues
