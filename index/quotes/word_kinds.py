"""What kind of word a token is, for attribution: a part of a person's name, a title or role,
a possessive, a personal pronoun."""

from __future__ import annotations

from functools import lru_cache

from talks_tui.index.quotes.vocabulary import (
    CAP_STOP,
    DEMONYMS,
    HONORIFICS,
    MONTHS,
    NUMBER_WORDS,
    ORG_WORDS,
    PLACE_NAMES,
    PORTFOLIO,
    ROLE_HEADS,
    TITLE_ABBREV,
)
from talks_tui.index.tokens import Tok


def is_name_token(t: Tok) -> bool:
    """A capitalised word that can be part of a person's name."""
    return t.kind == "w" and is_name_word(t.text)


_FUNCTION_PARTS = frozenset(("of", "in", "the", "to", "and", "for", "at", "on", "by"))
# Second halves of hyphenated words that describe ("Nairobi-bound flight", "a US-led force").
_DESCRIBING_ENDS = frozenset(
    "bound based born led backed owned run made style era linked friendly wide level related funded "
    "controlled held listed registered".split()
)


@lru_cache(maxsize=65536)
def is_name_word(s: str) -> bool:
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
    if "-" in s and _FUNCTION_PARTS.intersection(s.split("-")[1:]):
        return False  # "Mother-of-four", "Editor-in-chief": a description, not a name
    if "-" in s and s.rsplit("-", 1)[1] in _DESCRIBING_ENDS:
        return False  # "Nairobi-bound", "Kenya-born", "US-led": a description of something
    if low in PLACE_NAMES or low in NUMBER_WORDS:
        return False  # "Nepal", "Great Britain", "One of the first acts ..."
    if low in ORG_WORDS or low in DEMONYMS or low in MONTHS or low in HONORIFICS or low in PORTFOLIO:
        return False
    if _is_role_word(low):
        return False  # Secretary, Presidents, Vice-Premier
    if is_group_word(low) or (low.endswith("s") and low[:-1] in DEMONYMS):
        return False  # "Democrats", "Socialists", "Israelis": the members of a party or a people
    return low not in CAP_STOP or low == "he"


# Months that are also names, and the words that put such a month in a date instead ("since
# June", "last May", "in early April").
NAME_MONTHS = frozenset(("april", "may", "june"))
_BEFORE_DATES = frozenset(
    "in on since until till by last next this early late mid of during before after from through to".split()
)


def month_in_name(toks: list[Tok], k: int) -> bool:
    """A month's name that is part of a person's name: "June Steenkamp", "Theresa May" (not
    "in June Trump said", "Trump May 5")."""
    t = toks[k]
    if not (t.kind == "w" and t.text[0].isupper() and t.low in NAME_MONTHS):
        return False
    prev = toks[k - 1] if k > 0 else None
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    if prev is not None and prev.low in _BEFORE_DATES or (nxt is not None and nxt.kind == "n"):
        return False
    before_name = nxt is not None and is_name_token(nxt)
    after_name = prev is not None and is_name_token(prev) and not prev.text.endswith(("'s", "’s"))
    return before_name or after_name


# Endings of words for the members of a party, a faith or a movement, which no family name has.
_GROUP_ENDINGS = ("crats", "icans", "ists", "atives", "ites")


def is_group_word(low: str) -> bool:
    """A word for the members of a party or a movement: "democrats", "republicans", "socialists"."""
    return low.endswith(_GROUP_ENDINGS)


def is_role_head(t: Tok) -> bool:
    return _is_role_word(t.low)


@lru_cache(maxsize=65536)
def _is_role_word(low: str) -> bool:
    if low in TITLE_ABBREV:
        return True
    low = low.rstrip(".")
    if low in ROLE_HEADS:
        return True
    if "-" in low and any(part in ROLE_HEADS for part in low.split("-")):
        return True
    return low.endswith("s") and (low[:-1] in ROLE_HEADS or (low.endswith("es") and low[:-2] in ROLE_HEADS))


def is_possessive(t: Tok) -> bool:
    return t.kind == "w" and t.text.endswith(("'s", "’s"))


def possessive_name(t: Tok) -> bool:
    """ "Bessent's": a name in the possessive, which mentions the person but is no subject."""
    return is_possessive(t) and len(t.text) > 3 and is_name_word(t.text[:-2])


def personal(toks: list[Tok], k: int) -> bool:
    """A personal pronoun that refers to a person: he, she, him, and "her" not before a noun."""
    low = toks[k].low
    if low in ("he", "she", "him"):
        return True
    return low == "her" and (k + 1 >= len(toks) or toks[k + 1].kind == "p")


def span_text(text: str, toks: list[Tok], a: int, b: int) -> str:
    return text[toks[a].start : toks[b - 1].end] if a < b else ""
