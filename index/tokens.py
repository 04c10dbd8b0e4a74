"""The one tokeniser of news text, and the ways of folding words for comparison.

`tokenize` gives typed tokens with their character spans: words (with inner hyphens and
apostrophes: "China's", "rare-earth"), dotted acronyms ("U.S."), numbers ("5.5", "2025-10-26"),
runs of hidden quoted text (NUL characters, see quotes.blocks) and single punctuation marks.
`WORD_RE` is the search index's notion of a word (letters and digits with inner apostrophes, so
"U.S." is two words), `ALNUM_RE` a run of letters and digits; every module that needs words
takes them from here.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# A word as the search index sees it: letters/digits, inner apostrophes kept ("China's").
WORD = r"\w+(?:['’]\w+)*"
WORD_RE = re.compile(WORD)
# A run of letters and digits (apostrophes, hyphens and underscores split it).
ALNUM_RE = re.compile(r"[^\W_]+")


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
