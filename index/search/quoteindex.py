"""The quotations indexed by speaker, role and words, on disk: SQLite's FTS5 beside the catalog.

A search's `speaker:`, `role:` and `quote:` fields and the quote listing's speaker filter ask it
which articles (or quotations) match, so that neither has to hold every quotation in memory: at
100,000 articles there are some 650,000. One row per entry: each name of a quotation's speakers
(so that a phrase never runs from one name into the next), its role, and its words. The words are
stored as the search analyses them (names lower-cased, quotation words stemmed without stop
words) and FTS5's tokeniser is set to keep each of them whole, so a phrase is a run of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from talks_tui.index.model import Quote
from talks_tui.index.terms import term_spans, word_spans
from talks_tui.index.tokens import fold

FIELDS = ("speaker", "role", "quote")
_BATCH = 5000

# Apostrophes and underscores are inside words for talks-tui (see tokens.WORD); diacritics are
# kept, as the search fields match names exactly; `who` holds names folded for the listing filter.
_TABLES = """
CREATE VIRTUAL TABLE IF NOT EXISTS quote_index USING fts5(
    speaker, role, quote, who, quote_id UNINDEXED, article_id UNINDEXED,
    tokenize = "unicode61 remove_diacritics 0 tokenchars '''_'", detail = column);
CREATE VIRTUAL TABLE IF NOT EXISTS quote_index_terms USING fts5vocab(quote_index, 'col');
"""
# detail=column: no positions, so phrases are checked against the stored words (see _has_run);
# it keeps the index a third of the size, and names and quotations are short.


def _name_words(text: str) -> list[str]:
    return [word for word, _, _ in word_spans(text)]


def _quote_terms(text: str) -> list[str]:
    return [term for term, _, _, _ in term_spans(text)]


def entries(q: Quote) -> Iterator[tuple[str, str, str]]:
    """(column, words, folded name) for each entry of one quotation: its names, role and words."""
    for name in (q.speaker, *q.co_speakers):
        if name:
            yield "speaker", " ".join(_name_words(name)), fold(name)
    if q.role:
        yield "role", " ".join(_name_words(q.role)), ""
    yield "quote", " ".join(_quote_terms(q.text)), ""


def _phrase(words: Iterable[str]) -> str:
    """An FTS5 phrase of words as stored (they hold no double quotes: see tokens.WORD)."""
    return '"' + " ".join(words) + '"'


def _has_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i : i + n] == run for i in range(len(words) - n + 1))


class QuoteIndex:
    """The index inside an open SQLite connection (the catalog's), written with `rebuild`."""

    def __init__(self, db):
        self._db = db  # catalog._SharedConnection
        for statement in _TABLES.strip().split(";\n"):
            if statement.strip():
                self._db.execute(statement)

    def rebuild(self, quotes: Iterable[Quote]) -> None:
        """Replace the index with these quotations (a stream: held a batch at a time)."""
        self._db.execute("DELETE FROM quote_index")
        batch: list[tuple] = []
        for q in quotes:
            for column, words, folded in entries(q):
                row = {"speaker": "", "role": "", "quote": "", "who": folded}
                row[column] = words
                batch.append((row["speaker"], row["role"], row["quote"], row["who"], q.id, q.article_id))
            if len(batch) >= _BATCH:
                self._insert(batch)
                batch = []
        self._insert(batch)

    def _insert(self, rows: list[tuple]) -> None:
        if rows:
            self._db.executemany(
                "INSERT INTO quote_index(speaker, role, quote, who, quote_id, article_id) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
            )

    def articles(self, field: str, kind: str, words: tuple[str, ...]) -> set[str]:
        """Ids of articles with a match: kind "words" (one word, or a phrase of consecutive
        words), "prefix" (words[0] starts a word) or "pattern" (a wildcard such as bess?nt); the
        words come analysed as the search fields analyse them."""
        if field not in FIELDS or not words or not all(words):
            return set()
        if kind == "prefix":
            return self._matching(field, f"{_phrase(words[:1])} *")
        if kind == "pattern":
            terms = [
                row[0]
                for row in self._db.execute(
                    "SELECT term FROM quote_index_terms WHERE col = ? AND term GLOB ?", (field, words[0])
                )
            ]
            return self._matching(field, " OR ".join(_phrase([t]) for t in terms)) if terms else set()
        if len(words) == 1:
            return self._matching(field, _phrase(words))
        # Every word in one entry, then the run checked in the stored words.
        wanted = list(words)
        rows = self._db.execute(
            f"SELECT {field}, article_id FROM quote_index WHERE quote_index MATCH ?",
            (f"{{{field}}}: " + " AND ".join(_phrase([w]) for w in words),),
        )
        return {article_id for text, article_id in rows if _has_run(text.split(), wanted)}

    def _matching(self, field: str, expression: str) -> set[str]:
        rows = self._db.execute(
            "SELECT DISTINCT article_id FROM quote_index WHERE quote_index MATCH ?", (f"{{{field}}}: ({expression})",)
        )
        return {row[0] for row in rows}

    def quotes_by_speaker(self, name: str) -> list[str]:
        """Ids of the quotations one of whose speakers has every word typed as the start of a
        word of the name, case and accents aside ("bess", "scott bess" find Scott Bessent)."""
        parts = [w for w, _, _ in word_spans(fold(name))]
        if not parts:
            return []
        expression = " AND ".join(f"{_phrase([p])} *" for p in parts)
        rows = self._db.execute(
            "SELECT DISTINCT quote_id FROM quote_index WHERE quote_index MATCH ?", (f"{{who}}: ({expression})",)
        )
        return [row[0] for row in rows]
