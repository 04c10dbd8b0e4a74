"""The search backend seam: what the rest of talks-tui asks of a search engine.

A backend takes articles (analysed in worker processes, see `store.analyse`) and quotations, and
answers queries in talks-tui's language (words, "phrases", AND OR NOT, title: outlet: author:
date: speaker: role: quote:, wildcards): ranked ids with per-outlet counts and the terms to
highlight, the hits' metadata with snippets, counts by outlet and by date, mentions per article,
and quotations by speaker. The corpus (`index.corpus`) talks to nothing else below it for
searching; the records of files, articles and quotations stay in the catalog. `embedded.EmbeddedBackend` (Whoosh with
the numpy matching engine, quotations in SQLite's FTS5) is the default. Every backend passes
tests/index/search/test_backend_conformance.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, overload

if TYPE_CHECKING:
    from talks_tui.index.model import Hit, Quote
    from talks_tui.index.search.documents import IndexDoc


class Ranked(Sequence[tuple[str, float]]):
    """(article id, score) pairs, best first, kept as a tuple of ids and one of scores: a search
    that matches 100,000 articles makes no 100,000 pairs (60 ms, most of a keystroke's budget)
    unless they are asked for one by one."""

    __slots__ = ("article_ids", "scores")

    def __init__(self, article_ids: Sequence[str] = (), scores: Sequence[float] = ()):
        if len(article_ids) != len(scores):
            raise ValueError("as many scores as ids")
        self.article_ids: tuple[str, ...] = tuple(article_ids)
        self.scores: tuple[float, ...] = tuple(scores)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, float]]) -> Ranked:
        pairs = list(pairs)
        return cls(*zip(*pairs, strict=True)) if pairs else cls()

    def __len__(self) -> int:
        return len(self.article_ids)

    @overload
    def __getitem__(self, index: int) -> tuple[str, float]: ...

    @overload
    def __getitem__(self, index: slice) -> Ranked: ...

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Ranked(self.article_ids[index], self.scores[index])
        return self.article_ids[index], self.scores[index]

    def __iter__(self) -> Iterator[tuple[str, float]]:
        return zip(self.article_ids, self.scores, strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Ranked):
            return self.article_ids == other.article_ids and self.scores == other.scores
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.article_ids, self.scores))

    def __repr__(self) -> str:
        return f"Ranked({list(self)!r})"


@dataclass(frozen=True)
class RawResult:
    """Hits as (article id, score), plus what the caller needs to present them."""

    ids: Ranked | tuple[tuple[str, float], ...]
    total: int
    per_outlet: dict[str, int]
    terms: frozenset[str]  # matched title/body terms, for highlighting
    matches: tuple[int, ...] = ()  # per hit: how many times its title/body words occur in it
    # The query's speaker:, role: and quote: parts as (field, kind, words), kind "words", "prefix"
    # or "pattern", words analysed as the quotation index holds them: see search.quotehits.
    quote_parts: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class Counts:
    """How many articles a query matches, per outlet ("" when unknown) and per date ("" when undated)."""

    total: int
    by_outlet: dict[str, int]
    by_date: dict[str, int]


class BackendWriter(Protocol):
    """Additions and removals that become visible together at `commit`."""

    def add(self, doc: IndexDoc) -> None: ...

    def delete(self, article_ids: Iterable[str]) -> None: ...

    def commit(self) -> None: ...

    def cancel(self) -> None: ...


class SearchBackend(Protocol):
    def writer(self) -> BackendWriter:
        """Add and remove articles (an article added again replaces the old one)."""
        ...

    def index_quotes(self, quotes: Iterable[Quote]) -> None:
        """Replace the quotations the backend searches with these (speakers resolved). A stream:
        a backend holds only a batch at a time."""
        ...

    def doc_count(self) -> int: ...

    def search(self, text: str, limit: int | None) -> RawResult:
        """The best `limit` (None: all) matches for the query text, best first, with the total,
        counts per outlet and the terms to highlight; QueryError for text that cannot be read."""
        ...

    def hits(self, result: RawResult, snippets: bool = True) -> list[Hit]:
        """The ranked articles of a result with their metadata, and highlighted snippets."""
        ...

    def counts(self, text: str) -> Counts: ...

    def mentions(self, text: str) -> dict[str, int]:
        """Article id -> how many times its title and body mention the query's words and phrases
        (a place found by two of them, "Bessent" in "Scott Bessent", once); only articles that
        mention them. Coverage counts its topics so in a large corpus."""
        ...

    def quotes_by_speaker(self, name: str) -> list[tuple[Quote, str | None]]:
        """Quotations (with their variant group) one of whose speakers has every word of `name`
        as the start of a word of their name, case and accents aside; in article order."""
        ...

    # What "did you mean" and the comparison's background need to know of the words.
    def has_term(self, word: str) -> bool: ...

    def closest_term(self, word: str) -> str | None: ...

    def example_article(self, term: str) -> str | None: ...

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...

    def close(self) -> None: ...
