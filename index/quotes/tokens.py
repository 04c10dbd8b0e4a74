"""Tokens of a paragraph and the sentences they make, and what kind of word each token is:
a part of a name, a title or role, a possessive, a personal pronoun."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from talks_tui.index.quotes.vocabulary import (
    CAP_STOP,
    DEMONYMS,
    HONORIFICS,
    MONTHS,
    ORG_WORDS,
    PORTFOLIO,
    ROLE_HEADS,
    TITLE_ABBREV,
)


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
    return t.kind == "w" and is_name_word(t.text)


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
    if low in ORG_WORDS or low in DEMONYMS or low in MONTHS or low in HONORIFICS or low in PORTFOLIO:
        return False
    if _is_role_word(low):
        return False  # Secretary, Presidents, Vice-Premier
    return low not in CAP_STOP or low == "he"


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
    return low.endswith("s") and low[:-1] in ROLE_HEADS


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
