"""Words and their search terms: one tokeniser shared by indexing, queries and highlighting.

English Snowball stemming (Porter2, in C through PyStemmer) joins inflections that Porter keeps
apart: negotiate, negotiating and negotiations all become "negoti". Stems are cached because
news vocabulary repeats.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import Stemmer

# A word: letters/digits, with inner apostrophes, dots or hyphens kept out (U.S. -> "u", "s").
WORD_RE = re.compile(r"\w+(?:['’]\w+)*")

# Whoosh's stop list: frequent words that carry no meaning in a search.
STOP_WORDS = frozenset(
    "a an and are as at be by can for from have if in is it may not of on or tbd that the "
    "this to us we when will with yet you your".split()
)

_stemmer = Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The search term for one lower-case word ("tariffs" -> "tariff")."""
    return _stemmer.stemWord(word.replace("’", "'"))


def normalise(word: str) -> str:
    return word.lower().replace("’", "'")


def word_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(lower-case word, start, end) for every word of the text, stop words included."""
    for m in WORD_RE.finditer(text):
        yield normalise(m.group()), m.start(), m.end()


def term_spans(text: str) -> Iterator[tuple[str, int, int, int]]:
    """(term, position, start, end) for each indexed word; stop words take a position but no term."""
    for position, (word, start, end) in enumerate(word_spans(text)):
        if word not in STOP_WORDS:
            yield stem(word), position, start, end


def query_terms(text: str) -> list[str]:
    """The terms a query word or phrase turns into."""
    return [term for term, _, _, _ in term_spans(text)]
