"""The `speaker:`, `role:` and `quote:` fields of a search, answered from the quotations.

Quotations are found after the full-text index is built (see quotework), so these fields are not
in Whoosh: the search engine asks this index which articles match, with the words already
analysed as the schema's fields would (lower-case names; stemmed quote words without stop words).
"""

from __future__ import annotations

import fnmatch
from collections import defaultdict
from collections.abc import Iterable

from talks_tui.index.model import Quote
from talks_tui.index.terms import term_spans, word_spans

FIELDS = ("speaker", "role", "quote")


def _name_words(text: str) -> list[str]:
    return [word for word, _, _ in word_spans(text)]


def _quote_terms(text: str) -> list[str]:
    return [term for term, _, _, _ in term_spans(text)]


class QuoteFields:
    def __init__(self, quotes: Iterable[Quote]):
        # Per field: entries of (article id, words), and word -> the entries holding it.
        self._entries: dict[str, list[tuple[str, list[str]]]] = {f: [] for f in FIELDS}
        self._postings: dict[str, dict[str, set[int]]] = {f: defaultdict(set) for f in FIELDS}
        for q in quotes:
            for name in (q.speaker, *q.co_speakers):
                if name:
                    self._add("speaker", q.article_id, _name_words(name))
            if q.role:
                self._add("role", q.article_id, _name_words(q.role))
            self._add("quote", q.article_id, _quote_terms(q.text))

    def _add(self, field: str, article_id: str, words: list[str]) -> None:
        entries = self._entries[field]
        for word in set(words):
            self._postings[field][word].add(len(entries))
        entries.append((article_id, words))

    def articles(self, field: str, kind: str, words: tuple[str, ...]) -> set[str]:
        """Ids of articles with a match: kind "words" (one word, or a phrase of consecutive
        words), "prefix" (words[0] starts a word) or "pattern" (a wildcard such as bess?nt)."""
        postings, entries = self._postings.get(field, {}), self._entries.get(field, [])
        if kind in ("prefix", "pattern"):
            wanted = words[0]
            match = (lambda w: w.startswith(wanted)) if kind == "prefix" else (lambda w: fnmatch.fnmatchcase(w, wanted))
            hits = set().union(*(ids for word, ids in postings.items() if match(word)))
            return {entries[i][0] for i in hits}
        if not words:
            return set()
        candidates = set.intersection(*(postings.get(w, set()) for w in words))
        if len(words) > 1:
            candidates = {i for i in candidates if _contains_run(entries[i][1], list(words))}
        return {entries[i][0] for i in candidates}


def _contains_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))
