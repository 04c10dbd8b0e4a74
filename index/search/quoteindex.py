"""The quotations indexed by speaker, role and words, on disk: SQLite's FTS5 beside the catalog.

A search's `speaker:`, `role:` and `quote:` fields and the quote listing's speaker filter ask it
which articles (or quotations) match, so that neither has to hold every quotation in memory: at
100,000 articles there are some 650,000. The search fields have one row per article, whose
columns hold every name of its quotations' speakers, their roles and the quotations' words, as
the search analyses them (names lower-cased, quotation words stemmed without stop words), one
entry after another with a separator between them, so that a phrase never runs from one name
into the next. FTS5's tokeniser is set to keep each of those words whole. The listing's filter
has one row per name of each quotation, folded (no case, no accents).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from talks_tui.index.model import Quote
from talks_tui.index.terms import term_spans, word_spans
from talks_tui.index.tokens import fold

FIELDS = ("speaker", "role", "quote")
_BATCH = 2000
# Between two entries of a column: a token no analysed query word is (words have a letter or
# digit), so no phrase or word of a query matches across it.
_SEPARATOR = "_"

# Apostrophes and underscores are inside words for talks-tui (see tokens.WORD); diacritics are
# kept, as the search fields match names exactly.
_TOKENS = "tokenize = \"unicode61 remove_diacritics 0 tokenchars '''_'\""
_TABLES = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_fields USING fts5("
    f"speaker, role, quote, article_id UNINDEXED, {_TOKENS})",
    "CREATE VIRTUAL TABLE IF NOT EXISTS quote_field_terms USING fts5vocab(quote_fields, 'col')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS quote_speakers USING fts5(who, quote_id UNINDEXED, {_TOKENS}, detail = none)",
    # Each row's article again, by the row's number: a search reads it from here, as reading the
    # article_id column of quote_fields reads the whole row first (every word of the article's
    # quotations): for a speaker named in 64,000 of 100,000 articles, 140 ms against 50 ms.
    "CREATE TABLE IF NOT EXISTS quote_field_articles(row INTEGER PRIMARY KEY, article_id TEXT NOT NULL)",
)
# The layout the index is written in; an index written in another (catalog meta, see corpus) is
# written again from the catalog's quotations. 2: with quote_field_articles.
LAYOUT = "2"


def _name_words(text: str) -> list[str]:
    return [word for word, _, _ in word_spans(text)]


def _quote_terms(text: str) -> list[str]:
    return [term for term, _, _, _ in term_spans(text)]


def entries(q: Quote) -> Iterator[tuple[str, str, str]]:
    """(field, words as the index holds them, the name folded) for each entry of one quotation:
    each of its names, its role, its words (search.quotehits matches a quotation by them too)."""
    for name in (q.speaker, *q.co_speakers):
        if name:
            yield "speaker", " ".join(_name_words(name)), fold(name)
    if q.role:
        yield "role", " ".join(_name_words(q.role)), ""
    yield "quote", " ".join(_quote_terms(q.text)), ""


def _phrase(words: Iterable[str]) -> str:
    """An FTS5 phrase of words as stored (they hold no double quotes: see tokens.WORD)."""
    return '"' + " ".join(words) + '"'


class _Article:
    """One article's row of the search fields, filled a quotation at a time."""

    def __init__(self, article_id: str):
        self.article_id = article_id
        self.columns: dict[str, list[str]] = {f: [] for f in FIELDS}

    def add(self, q: Quote) -> None:
        for field, words, _ in entries(q):
            if words:
                column = self.columns[field]
                column.extend([_SEPARATOR, *words.split()] if column else words.split())

    def row(self) -> tuple[str, str, str, str]:
        return (*(" ".join(self.columns[f]) for f in FIELDS), self.article_id)


class QuoteIndex:
    """The index inside an open SQLite connection (the catalog's), written with `rebuild`."""

    def __init__(self, db):
        self._db = db  # catalog._SharedConnection
        for statement in _TABLES:
            self._db.execute(statement)

    def rebuild(self, quotes: Iterable[Quote]) -> None:
        """Replace the index with these quotations: a stream, held a batch at a time, in which
        each article's quotations come together (as the catalog stores them)."""
        self._db.execute("DELETE FROM quote_fields")
        self._db.execute("DELETE FROM quote_field_articles")
        self._db.execute("DELETE FROM quote_speakers")
        articles: list[tuple] = []  # (row number, *the row)
        names: list[tuple[str, str]] = []
        current: _Article | None = None
        number = 0
        for q in quotes:
            if current is None or current.article_id != q.article_id:
                if current is not None:
                    number += 1
                    articles.append((number, *current.row()))
                current = _Article(q.article_id)
            current.add(q)
            names += [(fold(name), q.id) for name in (q.speaker, *q.co_speakers) if name]
            if len(articles) >= _BATCH or len(names) >= 10 * _BATCH:
                self._write(articles, names)
                articles, names = [], []
        if current is not None:
            number += 1
            articles.append((number, *current.row()))
        self._write(articles, names)

    def _write(self, articles: list[tuple], names: list[tuple[str, str]]) -> None:
        if articles:
            sql = "INSERT INTO quote_fields(rowid, speaker, role, quote, article_id) VALUES (?, ?, ?, ?, ?)"
            self._db.executemany(sql, articles)
            rows = [(row, article_id) for row, *_, article_id in articles]
            self._db.executemany("INSERT INTO quote_field_articles(row, article_id) VALUES (?, ?)", rows)
        if names:
            self._db.executemany("INSERT INTO quote_speakers(who, quote_id) VALUES (?, ?)", names)

    def articles(self, field: str, kind: str, words: tuple[str, ...]) -> set[str]:
        """Ids of articles with a match: kind "words" (one word, or a phrase of consecutive
        words), "prefix" (words[0] starts a word) or "pattern" (a wildcard such as bess?nt); the
        words come analysed as the search fields analyse them."""
        if field not in FIELDS or not words or not all(words):
            return set()
        if kind == "prefix":
            return self._matching(field, f"{_phrase(words[:1])} *")
        if kind == "pattern":
            rows = self._db.execute(
                "SELECT term FROM quote_field_terms WHERE col = ? AND term GLOB ? AND term != ?",
                (field, words[0], _SEPARATOR),
            )
            return self._matching(field, " OR ".join(_phrase([r[0]]) for r in rows)) if rows else set()
        return self._matching(field, _phrase(words))

    def _matching(self, field: str, expression: str) -> set[str]:
        rows = self._db.execute_plain(
            "SELECT article_id FROM quote_field_articles WHERE row IN "
            "(SELECT rowid FROM quote_fields WHERE quote_fields MATCH ?)",
            (f"{{{field}}}: ({expression})",),
        )
        return {article_id for (article_id,) in rows}

    def quotes_by_speaker(self, name: str) -> list[str]:
        """Ids of the quotations one of whose speakers has every word typed as the start of a
        word of the name, case and accents aside ("bess", "scott bess" find Scott Bessent)."""
        parts = [w for w, _, _ in word_spans(fold(name))]
        if not parts:
            return []
        expression = " AND ".join(f"{_phrase([p])} *" for p in parts)
        sql = "SELECT DISTINCT quote_id FROM quote_speakers WHERE quote_speakers MATCH ?"
        rows = self._db.execute(sql, (expression,))
        return [row[0] for row in rows]
