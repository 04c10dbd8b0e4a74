"""The catalog: one SQLite file per corpus holding what was read from which file.

It remembers each file's size, mtime and content hash (so unchanged files are not re-read),
the problems found in it (so they are reported on every open, not only the first), and each
article's metadata and paragraphs (so listings and the reader need not touch the source files).

Opening does not read the whole file to check it (`PRAGMA quick_check` took 0.6-1.3 s at 100,000
articles): a file that is not a database fails on its first read, and the full check runs when
something looks wrong (the file's size or mtime are not those it had when talks-tui last closed
it, or it was left without being closed), when a read of it found it damaged, and at least once
a week (see CHECK_EVERY). Its record is a small file beside the catalog.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from talks_tui.index.model import Article, Problem, Quote, lead_of
from talks_tui.index.search.quoteindex import QuoteIndex

_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha1 TEXT NOT NULL, problems TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, path TEXT NOT NULL, ordinal INTEGER NOT NULL, file TEXT NOT NULL,
    title TEXT, outlet TEXT, date TEXT, authors TEXT NOT NULL, url TEXT,
    outlet_kind TEXT, outlet_country TEXT, word_count INTEGER NOT NULL, paragraphs TEXT NOT NULL,
    quotes_done INTEGER NOT NULL DEFAULT 0, wire TEXT, outlet_source TEXT NOT NULL DEFAULT 'none',
    lead TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS articles_by_path ON articles(path, ordinal);
CREATE INDEX IF NOT EXISTS articles_by_quotes_done ON articles(quotes_done);  -- asked on every speaker: search
CREATE TABLE IF NOT EXISTS quotes(
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL, path TEXT NOT NULL, ordinal INTEGER NOT NULL,
    -- every field of the Quote record as JSON, so that a new field needs no new column
    record TEXT NOT NULL,
    -- after resolution across the corpus: the speaker's full name, and the statement's group
    resolved_speaker TEXT, resolved_co_speakers TEXT, group_id TEXT);
CREATE INDEX IF NOT EXISTS quotes_by_article ON quotes(article_id, ordinal);
CREATE INDEX IF NOT EXISTS quotes_by_path ON quotes(path);
"""

_QUOTE_COLUMNS = "quotes.record, quotes.resolved_speaker, quotes.resolved_co_speakers, quotes.group_id"
_QUOTE_RECORD = {f.name for f in fields(Quote)}

_META_COLUMNS = (
    "id, path, file, title, outlet, date, authors, url, outlet_kind, outlet_country, word_count, wire, outlet_source,"
    " lead"
)


def _integrity_ok(db: sqlite3.Connection) -> bool:
    return db.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def _quote_record(q: Quote) -> str:
    return json.dumps(asdict(q), ensure_ascii=False)


def _quote(row: sqlite3.Row, resolved: bool) -> Quote:
    """The record as stored (lists back to tuples; fields a newer version wrote are left out),
    with the speakers as resolved across the corpus if asked and known."""
    record = json.loads(row["record"])
    data = {k: tuple(v) if isinstance(v, list) else v for k, v in record.items() if k in _QUOTE_RECORD}
    if resolved and row["resolved_co_speakers"] is not None:
        data["speaker"], data["co_speakers"] = row["resolved_speaker"], tuple(json.loads(row["resolved_co_speakers"]))
    return Quote(**data)


# A full integrity check at least this often (seconds), even when nothing looks wrong.
CHECK_EVERY = 7 * 24 * 3600
_CHECK_SUFFIX = ".checked"  # beside the catalog: its size and mtime as last closed, and the last check


def _damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite found the file damaged (not busy, full or unwritable)."""
    return (
        getattr(exc, "sqlite_errorname", "") in ("SQLITE_CORRUPT", "SQLITE_NOTADB")
        or type(exc) is sqlite3.DatabaseError
    )


class _CheckRecord:
    """The catalog file as talks-tui last left it (size, mtime) and when it was last checked whole."""

    def __init__(self, catalog_path: Path):
        self.path = Path(f"{catalog_path}{_CHECK_SUFFIX}")
        self.catalog_path = catalog_path

    def read(self) -> dict | None:
        try:
            record = json.loads(self.path.read_text(encoding="utf-8"))
            return record if isinstance(record, dict) else None
        except (OSError, ValueError):
            return None

    def needs_check(self) -> bool:
        """Whether the catalog must be checked whole before it is trusted."""
        record = self.read()
        if record is None or time.time() - record.get("checked_at", 0) > CHECK_EVERY:
            return True
        if os.path.exists(f"{self.catalog_path}-journal"):  # left in the middle of a write
            return True
        try:
            st = os.stat(self.catalog_path)
        except OSError:
            return True
        return [st.st_size, st.st_mtime_ns] != [record.get("size"), record.get("mtime_ns")]

    def write(self, checked_at: float | None = None) -> None:
        """Remember the catalog as it is now (after this process's writes), and the last check."""
        try:
            if checked_at is None:
                checked_at = (self.read() or {}).get("checked_at", 0)
            st = os.stat(self.catalog_path)
            record = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "checked_at": checked_at}
            temporary = self.path.with_name(self.path.name + ".tmp")
            temporary.write_text(json.dumps(record), encoding="utf-8")
            temporary.replace(self.path)
        except OSError:
            pass  # no record: the next open checks the catalog whole

    def forget(self) -> None:
        """Something is wrong with the catalog: the next open checks it whole."""
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


class _SharedConnection:
    """One SQLite connection used from the app's threads (a search worker reads while another
    finds quotations): each statement runs and is read whole under one lock. A statement that
    finds the file damaged has the next open check it whole."""

    def __init__(self, db: sqlite3.Connection, record: _CheckRecord | None = None):
        self._db = db
        self._lock = threading.RLock()
        self._record = record
        self.damaged = False

    def execute(self, sql: str, params: Sequence = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                self._found_damage(exc)
                raise

    def execute_plain(self, sql: str, params: Sequence = ()) -> list[tuple]:
        """Rows as plain tuples: several times quicker to make than sqlite3.Row for many rows."""
        with self._lock:
            cursor = self._db.cursor()
            cursor.row_factory = None
            try:
                return cursor.execute(sql, params).fetchall()
            except sqlite3.DatabaseError as exc:
                self._found_damage(exc)
                raise

    def executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        with self._lock:
            try:
                self._db.executemany(sql, rows)
            except sqlite3.DatabaseError as exc:
                self._found_damage(exc)
                raise

    def _found_damage(self, exc: sqlite3.DatabaseError) -> None:
        if _damage(exc):
            self.damaged = True
            if self._record is not None:
                self._record.forget()

    def close(self) -> None:
        with self._lock:
            self._db.close()
            if self._record is not None and not self.damaged:
                self._record.write()


class CatalogDamaged(Exception):
    """The catalog file cannot be read; it must be rebuilt."""


@dataclass(frozen=True)
class FileState:
    path: str
    size: int
    mtime_ns: int
    sha1: str
    problems: tuple[Problem, ...]


def _article(row: sqlite3.Row, paragraphs: tuple[str, ...] = ()) -> Article:
    return Article(
        id=row["id"],
        file=row["file"],
        path=row["path"],
        title=row["title"],
        outlet=row["outlet"],
        date=row["date"],
        authors=tuple(json.loads(row["authors"])),
        paragraphs=paragraphs,
        url=row["url"],
        outlet_kind=row["outlet_kind"],
        outlet_country=row["outlet_country"],
        wire=row["wire"],
        outlet_source=row["outlet_source"],
        lead=row["lead"],
        word_count=row["word_count"],
    )


class Catalog:
    def __init__(self, db: _SharedConnection):
        self._db = db

    @classmethod
    def open(cls, path: Path, check: bool | None = None) -> Catalog:
        """Open or create; CatalogDamaged when the file is not a readable catalog. It is checked
        whole (`check`) when asked, or by default when something looks wrong or on schedule (see
        the module's notes)."""
        record = _CheckRecord(Path(path))
        if check is None:
            check = record.needs_check()
        db = None
        try:
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA busy_timeout = 10000")
            db.execute("PRAGMA schema_version").fetchone()  # reads the header: a file that is no database fails
            if check:
                if not _integrity_ok(db):
                    raise CatalogDamaged("integrity check failed")
                record.write(checked_at=time.time())
            db.executescript(_TABLES)
        except sqlite3.DatabaseError as exc:
            if db is not None:
                db.close()
            record.forget()
            raise CatalogDamaged(str(exc)) from exc
        except CatalogDamaged:
            db.close()
            record.forget()
            raise
        return cls(_SharedConnection(db, record))

    @property
    def damaged(self) -> bool:
        """Whether a read found the file damaged since it was opened."""
        return self._db.damaged

    def close(self) -> None:
        self._db.close()

    # -- meta ------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        rows = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,))
        return rows[0][0] if rows else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def set_meta_if_writable(self, key: str, value: str) -> None:
        """set_meta for what only saves time later: nothing when the file cannot be written."""
        with contextlib.suppress(sqlite3.OperationalError):  # read-only, or busy past the timeout
            self.set_meta(key, value)

    # -- files -----------------------------------------------------------------------------------

    def file_stats(self) -> dict[str, tuple[int, int]]:
        """Each file's (size, mtime_ns) as last read: all that an open compares."""
        return {
            path: (size, mtime)
            for path, size, mtime in self._db.execute_plain("SELECT path, size, mtime_ns FROM files")
        }

    def files_to_retry(self) -> set[str]:
        """Files left out for a reason that may have gone (unreadable, empty...): read again each time."""
        rows = self._db.execute_plain("SELECT path, problems FROM files WHERE problems != '[]'")
        return {path for path, problems in rows if any(p.get("skipped") for p in json.loads(problems))}

    def sha1s(self, paths: Sequence[str]) -> dict[str, str]:
        """The content hash each of these files had when last read."""
        found: dict[str, str] = {}
        for start in range(0, len(paths), 500):  # SQLite limits the number of parameters
            chunk = list(paths[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            found.update(self._db.execute_plain(f"SELECT path, sha1 FROM files WHERE path IN ({marks})", chunk))
        return found

    def files(self) -> dict[str, FileState]:
        rows = self._db.execute("SELECT path, size, mtime_ns, sha1, problems FROM files")
        return {
            r["path"]: FileState(
                r["path"],
                r["size"],
                r["mtime_ns"],
                r["sha1"],
                tuple(Problem(**p) for p in json.loads(r["problems"])) if r["problems"] != "[]" else (),
            )
            for r in rows
        }

    def problems(self) -> list[Problem]:
        rows = self._db.execute("SELECT problems FROM files WHERE problems != '[]' ORDER BY path")
        return [Problem(**p) for r in rows for p in json.loads(r[0])]

    def ids_of(self, paths: Iterable[str]) -> list[str]:
        ids: list[str] = []
        for path in paths:
            ids += [r[0] for r in self._db.execute("SELECT id FROM articles WHERE path = ?", (path,))]
        return ids

    def all_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute("SELECT id FROM articles")}

    # -- writing ---------------------------------------------------------------------------------

    def transaction(self) -> CatalogTransaction:
        """Changes that become visible together at `commit` (after the full-text index commits)."""
        self._db.execute("BEGIN IMMEDIATE")
        return CatalogTransaction(self._db)

    # -- reading ---------------------------------------------------------------------------------

    def articles(self) -> list[Article]:
        """Every article's metadata (no paragraphs), in file order."""
        rows = self._db.execute(f"SELECT {_META_COLUMNS} FROM articles ORDER BY path, ordinal")
        return [_article(r) for r in rows]

    def quotes(self, resolved: bool = True, article_ids: Sequence[str] | None = None) -> list[tuple[Quote, str | None]]:
        """Every quotation (or those of some articles) in article order, with its group;
        `resolved` gives the speakers as resolved across the corpus, otherwise as found in each
        article."""
        query = f"SELECT {_QUOTE_COLUMNS} FROM quotes JOIN articles ON articles.id = quotes.article_id"
        order = " ORDER BY articles.path, articles.ordinal, quotes.ordinal"
        if article_ids is None:
            rows = self._db.execute(query + order)
        else:
            rows = []
            for start in range(0, len(article_ids), 500):  # SQLite limits the number of parameters
                chunk = list(article_ids[start : start + 500])
                marks = ", ".join("?" * len(chunk))
                rows += self._db.execute(f"{query} WHERE quotes.article_id IN ({marks}){order}", chunk)
        return [(_quote(r, resolved), r["group_id"]) for r in rows]

    def iter_quotes(self, resolved: bool = True, batch: int = 5000) -> Iterator[tuple[Quote, str | None]]:
        """Every quotation with its group, in no particular order, read `batch` at a time: for
        work over all of them that must not hold them all."""
        last = 0
        while True:
            rows = self._db.execute(
                f"SELECT rowid, {_QUOTE_COLUMNS} FROM quotes WHERE rowid > ? ORDER BY rowid LIMIT ?", (last, batch)
            )
            if not rows:
                return
            last = rows[-1]["rowid"]
            yield from ((_quote(r, resolved), r["group_id"]) for r in rows)

    def quotes_by_id(self, quote_ids: Sequence[str]) -> list[tuple[Quote, str | None]]:
        """Some quotations with their groups, in article order."""
        rows: list[sqlite3.Row] = []
        for start in range(0, len(quote_ids), 500):  # SQLite limits the number of parameters
            chunk = list(quote_ids[start : start + 500])
            marks = ", ".join("?" * len(chunk))
            rows += self._db.execute(
                f"SELECT articles.path, articles.ordinal, quotes.ordinal AS n, {_QUOTE_COLUMNS} FROM quotes "
                f"JOIN articles ON articles.id = quotes.article_id WHERE quotes.id IN ({marks})",
                chunk,
            )
        rows.sort(key=lambda r: (r["path"], r[1], r["n"]))
        return [(_quote(r, True), r["group_id"]) for r in rows]

    def group_sizes(self, groups: Iterable[str]) -> dict[str, int]:
        """How many quotations each variant group has."""
        groups, sizes = list(groups), {}
        for start in range(0, len(groups), 500):  # SQLite limits the number of parameters
            chunk = groups[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            sql = f"SELECT group_id, count(*) FROM quotes WHERE group_id IN ({marks}) GROUP BY group_id"
            sizes.update({r[0]: r[1] for r in self._db.execute(sql, chunk)})
        return sizes

    def quote_index(self) -> QuoteIndex:
        """The quotations indexed by speaker, role and words, in this file."""
        return QuoteIndex(self._db)

    def quotes_pending(self) -> bool:
        """Whether some article's quotations are still to be found, or speakers and groups to be
        worked out again across the corpus."""
        return bool(self.articles_without_quotes()) or self.get_meta("quotes_resolved") != "1"

    def articles_without_quotes(self) -> list[str]:
        """Ids of articles whose quotations have not been looked for yet."""
        return [r[0] for r in self._db.execute("SELECT id FROM articles WHERE quotes_done = 0 ORDER BY path, ordinal")]

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles")[0][0]

    def quote_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM quotes")[0][0]

    def articles_by_id(self, ids: Sequence[str], with_paragraphs: bool = False) -> dict[str, Article]:
        columns = _META_COLUMNS + (", paragraphs" if with_paragraphs else "")
        found: dict[str, Article] = {}
        for start in range(0, len(ids), 500):  # SQLite limits the number of parameters
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            for r in self._db.execute(f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk):
                paragraphs = tuple(json.loads(r["paragraphs"])) if with_paragraphs else ()
                found[r["id"]] = _article(r, paragraphs)
        return found


class ArticlesOnDemand(Mapping[str, Article]):
    """Articles with their paragraphs, read from the catalog as they are asked for: going through
    them reads a batch at a time, a lookup reads one (the last few are kept). Work over every
    article of a large corpus so holds a batch, not the corpus."""

    def __init__(self, catalog: Catalog, ids: Sequence[str], batch: int = 500, keep: int = 256):
        self._catalog, self._ids, self._batch, self._keep = catalog, list(ids), batch, keep
        self._recent: OrderedDict[str, Article] = OrderedDict()

    def __len__(self) -> int:
        return len(self._ids)

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids)

    def __getitem__(self, article_id: str) -> Article:
        if article_id in self._recent:
            self._recent.move_to_end(article_id)
            return self._recent[article_id]
        article = self._catalog.articles_by_id([article_id], with_paragraphs=True).get(article_id)
        if article is None:
            raise KeyError(article_id)
        self._recent[article_id] = article
        if len(self._recent) > self._keep:
            self._recent.popitem(last=False)
        return article

    def items(self) -> Iterator[tuple[str, Article]]:  # type: ignore[override]  # a stream, not a view
        for start in range(0, len(self._ids), self._batch):
            chunk = self._ids[start : start + self._batch]
            found = self._catalog.articles_by_id(chunk, with_paragraphs=True)
            yield from ((i, found[i]) for i in chunk if i in found)


class CatalogTransaction:
    def __init__(self, db: _SharedConnection):
        self._db = db

    def remove(self, path: str) -> None:
        self._db.execute("DELETE FROM files WHERE path = ?", (path,))
        self._db.execute("DELETE FROM articles WHERE path = ?", (path,))
        self._db.execute("DELETE FROM quotes WHERE path = ?", (path,))

    def touch(self, state: FileState) -> None:
        """Same content, new size/mtime: remember them so the file is not hashed again."""
        self._db.execute(
            "UPDATE files SET size = ?, mtime_ns = ? WHERE path = ?", (state.size, state.mtime_ns, state.path)
        )

    def put(self, state: FileState, articles: Sequence[Article]) -> None:
        self.remove(state.path)
        problems = json.dumps([p.__dict__ for p in state.problems])
        self._db.execute(
            "INSERT INTO files(path, size, mtime_ns, sha1, problems) VALUES (?, ?, ?, ?, ?)",
            (state.path, state.size, state.mtime_ns, state.sha1, problems),
        )
        self._db.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)",
            [
                (
                    a.id,
                    state.path,
                    n,
                    a.file,
                    a.title,
                    a.outlet,
                    a.date,
                    json.dumps(list(a.authors)),
                    a.url,
                    a.outlet_kind,
                    a.outlet_country,
                    a.word_count,
                    json.dumps(list(a.paragraphs)),
                    a.wire,
                    a.outlet_source,
                    lead_of(a.paragraphs),
                )
                for n, a in enumerate(articles)
            ],
        )

    def put_quotes(self, article_id: str, path: str, quotes: Sequence[Quote]) -> None:
        """The quotations found in one article, speakers as the article gives them."""
        self._db.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
        self._db.executemany(
            "INSERT OR REPLACE INTO quotes VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL)",
            [(q.id, q.article_id, path, n, _quote_record(q)) for n, q in enumerate(quotes)],
        )
        self._db.execute("UPDATE articles SET quotes_done = 1 WHERE id = ?", (article_id,))

    def quotes_changed(self) -> None:
        """Articles came or went: speakers and groups across the corpus must be worked out again."""
        self.set_meta("quotes_resolved", "0")

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    def resolve(self, quotes: Sequence[Quote], groups: dict[str, str]) -> None:
        """Store each quotation's speakers as resolved across the corpus, and its group."""
        self._db.executemany(
            "UPDATE quotes SET resolved_speaker = ?, resolved_co_speakers = ?, group_id = ? WHERE id = ?",
            ((q.speaker, json.dumps(list(q.co_speakers)), groups.get(q.id), q.id) for q in quotes),  # no copy
        )

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        self._db.execute("ROLLBACK")
