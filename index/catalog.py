"""The catalog: one SQLite file per corpus holding what was read from which file.

It remembers each file's size, mtime and content hash (so unchanged files are not re-read),
the problems found in it (so they are reported on every open, not only the first), and each
article's metadata and paragraphs (so listings and the reader need not touch the source files).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.model import Article, Problem

_TABLES = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files(
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha1 TEXT NOT NULL, problems TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles(
    id TEXT PRIMARY KEY, path TEXT NOT NULL, ordinal INTEGER NOT NULL, file TEXT NOT NULL,
    title TEXT, outlet TEXT, date TEXT, authors TEXT NOT NULL, url TEXT,
    outlet_kind TEXT, outlet_country TEXT, word_count INTEGER NOT NULL, paragraphs TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles(path, ordinal);
"""

_META_COLUMNS = "id, path, file, title, outlet, date, authors, url, outlet_kind, outlet_country, word_count"


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
        word_count=row["word_count"],
    )


class Catalog:
    def __init__(self, db: sqlite3.Connection):
        self._db = db

    @classmethod
    def open(cls, path: Path) -> Catalog:
        """Open or create; CatalogDamaged when the file is not a readable catalog."""
        try:
            db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA busy_timeout = 10000")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise CatalogDamaged("integrity check failed")
            db.executescript(_TABLES)
        except sqlite3.DatabaseError as exc:
            raise CatalogDamaged(str(exc)) from exc
        return cls(db)

    def close(self) -> None:
        self._db.close()

    # -- meta ------------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    # -- files -----------------------------------------------------------------------------------

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

    def article_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM articles").fetchone()[0]

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


class CatalogTransaction:
    def __init__(self, db: sqlite3.Connection):
        self._db = db

    def remove(self, path: str) -> None:
        self._db.execute("DELETE FROM files WHERE path = ?", (path,))
        self._db.execute("DELETE FROM articles WHERE path = ?", (path,))

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
            "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                )
                for n, a in enumerate(articles)
            ],
        )

    def commit(self) -> None:
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        self._db.execute("ROLLBACK")
