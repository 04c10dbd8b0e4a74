"""The corpus index: incremental updates, damage recovery, locking, problems that persist."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from filelock import FileLock

import talks_tui.index.search.catalog as catalog_module
import talks_tui.index.search.refresh as refresh_module
from talks_tui.index import versions
from talks_tui.index.corpus import IndexBusy, open_corpus


def write_article(folder: Path, name: str, title: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    write_article(articles, "a.txt", "Soybean purchases resume", "China bought soybeans from Iowa farmers again.")
    write_article(articles, "b.txt", "Port fees suspended", "Both sides paused the port fees on ships.")
    return articles


@pytest.fixture
def index_dir(tmp_path):
    return tmp_path / "index"


@pytest.fixture
def reads(monkeypatch):
    """Count the files that ingest actually reads."""
    seen: list[str] = []
    real = refresh_module.load_file

    def counting(path, root, outlets):
        seen.append(Path(path).name)
        return real(path, root, outlets)

    monkeypatch.setattr(refresh_module, "load_file", counting)
    return seen


def titles(corpus) -> set[str]:
    return {a.title for a in corpus.articles()}


def test_first_open_indexes_everything(folder, index_dir, reads):
    corpus = open_corpus([folder], index_dir=index_dir)
    assert (corpus.stats.added, corpus.stats.articles) == (2, 2)
    assert sorted(reads) == ["a.txt", "b.txt"]
    assert titles(corpus) == {"Soybean purchases resume", "Port fees suspended"}
    assert corpus.search("soybean").total == 1


def test_unchanged_files_are_not_read_again(folder, index_dir, reads):
    open_corpus([folder], index_dir=index_dir).close()
    reads.clear()
    corpus = open_corpus([folder], index_dir=index_dir)
    assert reads == []
    assert (corpus.stats.unchanged, corpus.stats.added, corpus.stats.changed) == (2, 0, 0)
    assert corpus.search("port").total == 1


def test_touched_file_with_same_content_is_hashed_not_reindexed(folder, index_dir, reads):
    open_corpus([folder], index_dir=index_dir).close()
    reads.clear()
    later = time.time() + 10
    os.utime(folder / "a.txt", (later, later))
    corpus = open_corpus([folder], index_dir=index_dir)
    assert reads == []
    assert corpus.stats.unchanged == 2
    reads.clear()
    assert open_corpus([folder], index_dir=index_dir).stats.unchanged == 2  # new mtime remembered
    assert reads == []


def test_added_changed_and_removed_files(folder, index_dir, reads):
    open_corpus([folder], index_dir=index_dir).close()
    reads.clear()
    write_article(folder, "c.txt", "Fentanyl tariff cut", "The fentanyl tariff falls to ten per cent.")
    write_article(folder, "a.txt", "Soybean purchases stall", "No cargo of soybeans has sailed; rare earths wait.")
    (folder / "b.txt").unlink()
    corpus = open_corpus([folder], index_dir=index_dir)
    assert sorted(reads) == ["a.txt", "c.txt"]
    stats = corpus.stats
    assert (stats.added, stats.changed, stats.removed, stats.articles) == (1, 1, 1, 2)
    assert titles(corpus) == {"Soybean purchases stall", "Fentanyl tariff cut"}
    assert corpus.search("port").total == 0
    assert corpus.search("cargo").total == 1
    assert corpus.search("purchases resume").total == 0
    assert corpus.search("fentanyl").total == 1


def test_article_ids_are_stable_across_index_folders(folder, tmp_path):
    first = {a.file: a.id for a in open_corpus([folder], index_dir=tmp_path / "one").articles()}
    second = {a.file: a.id for a in open_corpus([folder], index_dir=tmp_path / "two").articles()}
    assert first == second and len(set(first.values())) == 2


def test_article_has_paragraphs(folder, index_dir):
    corpus = open_corpus([folder], index_dir=index_dir)
    listed = {a.file: a for a in corpus.articles()}
    assert listed["a.txt"].paragraphs == ()
    full = corpus.article(listed["a.txt"].id)
    assert full.paragraphs == ("China bought soybeans from Iowa farmers again.",)
    assert corpus.article("no-such-id") is None


def test_damaged_full_text_index_is_rebuilt(folder, index_dir):
    open_corpus([folder], index_dir=index_dir).close()
    for f in (index_dir / "whoosh").iterdir():
        f.write_bytes(b"\x00garbage" * 10)
    corpus = open_corpus([folder], index_dir=index_dir)
    assert any("damaged" in n for n in corpus.notices)
    assert corpus.search("soybeans").total == 1 and corpus.stats.articles == 2


def test_missing_segment_is_found_and_rebuilt(folder, index_dir):
    open_corpus([folder], index_dir=index_dir).close()
    for f in (index_dir / "whoosh").glob("*.seg"):
        f.unlink()
    corpus = open_corpus([folder], index_dir=index_dir)
    assert corpus.notices
    assert corpus.search("soybeans").total == 1


def test_damaged_catalog_is_rebuilt(folder, index_dir):
    open_corpus([folder], index_dir=index_dir).close()
    (index_dir / "catalog.sqlite").write_bytes(b"this is not a database" * 100)
    corpus = open_corpus([folder], index_dir=index_dir)
    assert any("damaged" in n for n in corpus.notices)
    assert titles(corpus) == {"Soybean purchases resume", "Port fees suspended"}


def test_index_of_another_version_is_rebuilt(folder, index_dir, monkeypatch):
    open_corpus([folder], index_dir=index_dir).close()
    monkeypatch.setattr(versions, "INGEST_VERSION", versions.INGEST_VERSION + 1)
    corpus = open_corpus([folder], index_dir=index_dir)
    assert any("another version" in n for n in corpus.notices)
    assert corpus.stats.added == 2


def test_rebuild_on_request(folder, index_dir, reads):
    open_corpus([folder], index_dir=index_dir).close()
    reads.clear()
    corpus = open_corpus([folder], index_dir=index_dir, rebuild=True)
    assert sorted(reads) == ["a.txt", "b.txt"] and corpus.stats.added == 2


def test_missing_path_is_an_error_and_touches_nothing(tmp_path, index_dir):
    with pytest.raises(FileNotFoundError) as error:
        open_corpus([tmp_path / "nowhere"], index_dir=index_dir)
    assert "nowhere" in str(error.value)
    assert not index_dir.exists()


def test_problem_files_are_reported_on_every_open(folder, index_dir):
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "empty.txt").write_bytes(b"")
    for _ in range(2):
        corpus = open_corpus([folder], index_dir=index_dir)
        skipped = {Path(p.path).name for p in corpus.problems() if p.skipped}
        assert skipped == {"blob.txt", "empty.txt"}
        assert corpus.stats.articles == 2


def test_skipped_file_is_retried_once_fixed(folder, index_dir):
    bad = folder / "later.txt"
    bad.write_bytes(b"")
    assert open_corpus([folder], index_dir=index_dir).stats.articles == 2
    write_article(folder, "later.txt", "Truce extended", "The truce runs for another year.")
    corpus = open_corpus([folder], index_dir=index_dir)
    assert corpus.stats.articles == 3 and corpus.problems() == []


def test_duplicate_ids_are_both_kept(tmp_path, index_dir):
    folder = tmp_path / "jsonl"
    folder.mkdir()
    record = '{"id": "same", "title": "T%d", "body": "Body number %d about tariffs.", "outlet": "Reuters"}\n'
    (folder / "one.jsonl").write_text(record % (1, 1), encoding="utf-8")
    (folder / "two.jsonl").write_text(record % (2, 2), encoding="utf-8")
    corpus = open_corpus([folder], index_dir=index_dir)
    ids = sorted(a.id for a in corpus.articles())
    assert ids == ["same", "same-2"]
    assert corpus.search("tariffs").total == 2
    assert any("used twice" in p.message for p in corpus.problems())


def test_busy_index_gives_a_clear_error(folder, index_dir):
    index_dir.mkdir()
    with FileLock(str(index_dir / "lock")), pytest.raises(IndexBusy, match="another talks-tui"):
        open_corpus([folder], index_dir=index_dir, lock_timeout=0.2)


def test_two_processes_opening_at_once_agree(tmp_path, index_dir):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(80):  # enough to take the worker-process path
        write_article(folder, f"{n:03d}.txt", f"Story {n}", f"Tariffs story number {n} on soybeans.")
    script = Path(sys.executable).with_name("talks-tui")
    command = [
        str(script),
        "search",
        "tariffs",
        "--json",
        "--limit",
        "100",
        "--corpus",
        str(folder),
        "--index-dir",
        str(index_dir),
    ]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        assert len(json.loads(out)) == 80
    corpus = open_corpus([folder], index_dir=index_dir)
    assert corpus.stats.articles == 80 and corpus.stats.unchanged == 80 and not corpus.notices


# --- opening quickly, and still noticing every change and every damage -----------------------


def test_a_file_changed_in_place_with_the_same_size_is_read_again(folder, index_dir, reads):
    open_corpus([folder], index_dir=index_dir).close()
    reads.clear()
    path = folder / "a.txt"
    text = path.read_text(encoding="utf-8").replace("Iowa", "Ohio")  # same size, another word
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    corpus = open_corpus([folder], index_dir=index_dir)
    assert reads == ["a.txt"] and corpus.stats.changed == 1
    assert corpus.search("ohio").total == 1 and corpus.search("iowa").total == 0


def test_an_unchanged_corpus_is_not_checked_whole_but_a_changed_catalog_is(folder, index_dir, monkeypatch):
    checks = []
    real_check = catalog_module._integrity_ok
    monkeypatch.setattr(catalog_module, "_integrity_ok", lambda db: checks.append(1) or real_check(db))
    open_corpus([folder], index_dir=index_dir).close()
    checks.clear()
    for _ in range(2):
        open_corpus([folder], index_dir=index_dir).close()
    assert checks == []  # as talks-tui left it: trusted
    catalog = index_dir / "catalog.sqlite"
    later = time.time() + 10
    os.utime(catalog, (later, later))  # written by something else
    open_corpus([folder], index_dir=index_dir).close()
    assert checks == [1]
    record = catalog.with_name("catalog.sqlite.checked")
    stale = json.loads(record.read_text(encoding="utf-8"))
    stale["checked_at"] -= catalog_module.CHECK_EVERY + 1
    record.write_text(json.dumps(stale), encoding="utf-8")
    open_corpus([folder], index_dir=index_dir).close()  # due on schedule
    assert checks == [1, 1]


def _damage_pages(catalog: Path, table: str | None = None) -> None:
    """Overwrite the header of every page after the first (or of the root page of one table), as
    a disk's damage would: the file's own header intact."""
    with sqlite3.connect(catalog) as db:
        page = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone() if table else None
    db.close()
    data = bytearray(catalog.read_bytes())
    pages = [root[0]] if root else range(2, len(data) // page + 1)
    for number in pages:
        start = (number - 1) * page
        data[start : start + 12] = b"\xee" * 12
    catalog.write_bytes(bytes(data))


def test_a_catalog_damaged_inside_is_found_and_rebuilt(folder, index_dir):
    open_corpus([folder], index_dir=index_dir).close()
    _damage_pages(index_dir / "catalog.sqlite")
    corpus = open_corpus([folder], index_dir=index_dir)
    assert any("damaged" in n for n in corpus.notices)
    assert titles(corpus) == {"Soybean purchases resume", "Port fees suspended"}
    assert corpus.search("soybeans").total == 1


def test_damage_the_open_does_not_meet_is_rebuilt_once_a_read_meets_it(folder, index_dir):
    """Damage that leaves the file's size and mtime as talks-tui left them (a disk's, in a table
    the open does not read): the open trusts the file, the first read that meets the damage
    fails, and the next open checks the file whole and rebuilds it."""
    open_corpus([folder], index_dir=index_dir).close()
    catalog = index_dir / "catalog.sqlite"
    stat = catalog.stat()
    _damage_pages(catalog, table="articles")
    os.utime(catalog, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    corpus = open_corpus([folder], index_dir=index_dir)
    assert corpus.notices == []
    with pytest.raises(sqlite3.DatabaseError):
        corpus.articles()
    corpus.close()
    corpus = open_corpus([folder], index_dir=index_dir)
    assert any("damaged" in n for n in corpus.notices)
    assert titles(corpus) == {"Soybean purchases resume", "Port fees suspended"}
