"""Words and their search terms: one tokeniser shared by indexing, queries and highlighting.

English Snowball stemming (Porter2, in C through PyStemmer) joins inflections that Porter keeps
apart: negotiate, negotiating and negotiations all become "negoti". Stems are cached because
news vocabulary repeats.
"""

from __future__ import annotations

from collections.abc import Iterator

import Stemmer

from talks_tui.index import lexicon
from talks_tui.index.tokens import WORD_RE

# Whoosh's stop list, less "us" and "may" (see the lexicon file).
STOP_WORDS = lexicon.words("search_stop_words")

_stemmer = Stemmer.Stemmer("english")
_stems: dict[str, str] = {}  # a plain dict: cheaper per word than functools.lru_cache
_MAX_CACHED = 500_000


def stem(word: str) -> str:
    """The search term for one lower-case word ("tariffs" -> "tariff")."""
    term = _stems.get(word)
    if term is None:
        if len(_stems) >= _MAX_CACHED:
            _stems.clear()
        term = _stems[word] = _stemmer.stemWord(word.replace("’", "'"))
    return term


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


def term_positions(text: str) -> dict[str, list[int]]:
    """Each indexed term of the text with its word positions: the hot loop of indexing, so it
    skips character offsets and works on the whole lower-cased text at once."""
    found: dict[str, list[int]] = {}
    stems = _stems
    for position, word in enumerate(WORD_RE.findall(text.lower().replace("’", "'"))):
        if word in STOP_WORDS:
            continue
        term = stems.get(word) or stem(word)
        if term in found:
            found[term].append(position)
        else:
            found[term] = [position]
    return found
