"""Faults around the corpus: a cache folder that cannot be used or fills up, an index damaged or
deleted while the app runs, the corpus folder removed while the app runs. Never an exit: a
notice, and the articles still open."""

from __future__ import annotations

import errno
import shutil
import time
from pathlib import Path

import pytest
from conftest import SEEDS
from pilot import wait_until

from talks_tui.index import corpus as corpus_module
from talks_tui.index.corpus import open_corpus
from talks_tui.tui.app import TalksApp
from talks_tui.tui.cli import main


@pytest.fixture
def cache_is_a_file(tmp_path, monkeypatch) -> Path:
    """XDG_CACHE_HOME names a file: the cache folder cannot be made (no root privilege helps)."""
    blocker = tmp_path / "cache-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    return blocker


def test_unusable_cache_folder_gives_a_temporary_index_and_says_so(cache_is_a_file):
    corpus = open_corpus([SEEDS])
    try:
        assert len(corpus.articles()) == 5
        assert corpus.temporary and corpus.index_dir.exists()
        assert "Cannot keep the index" in corpus.notices[0] and "Not a directory" in corpus.notices[0]
        assert corpus.search("tariffs").total > 0
    finally:
        corpus.close()
    assert not corpus.index_dir.exists()  # the temporary index goes with the session


def test_cache_folder_full_midway_gives_a_temporary_index(tmp_path, monkeypatch):
    real_refresh = corpus_module.refresh
    calls = []

    def full_disk_first(catalog, backend, files, outlets, progress):
        calls.append(1)
        if len(calls) == 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_refresh(catalog, backend, files, outlets, progress)

    monkeypatch.setattr(corpus_module, "refresh", full_disk_first)
    corpus = open_corpus([SEEDS], index_dir=tmp_path / "index")
    try:
        assert len(corpus.articles()) == 5 and corpus.temporary
        assert "No space left on device" in corpus.notices[0]
    finally:
        corpus.close()


def test_cli_with_an_unusable_cache_folder_still_lists_the_articles(cache_is_a_file, capsys):
    code = main(["articles", "--json", "--corpus", str(SEEDS)])
    out, err = capsys.readouterr()
    assert code == 0 and out.count('"file"') == 5
    assert "Cannot keep the index" in err


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_app_opens_the_articles_when_the_cache_folder_is_unusable(cache_is_a_file):
    app = TalksApp(paths=[SEEDS])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.session.corpus is not None, "the corpus")
        await pilot.pause()
        assert app.article_list.row_count == 5
        assert any("Cannot keep the index" in n for n in notices(app))


@pytest.fixture
def corpus_copy(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS, folder)
    return folder


async def _search(pilot, text: str) -> None:
    app = pilot.app
    await pilot.press("slash", *list(text))
    await wait_until(
        pilot,
        lambda: (app.session.matches is not None and app.session.matches.query == text) or app._reopening,
        f"search {text!r}",
    )
    await pilot.pause()


def _remove_while_in_use(folder: Path) -> None:
    """Delete a folder the app may be writing into at that moment (the quotation pass): a file it
    makes while the folder is emptied leaves it "not empty", so try again, as a user would."""
    for _ in range(50):
        try:
            shutil.rmtree(folder)
            return
        except OSError:
            time.sleep(0.01)
    shutil.rmtree(folder)


async def test_index_deleted_while_the_app_runs_is_rebuilt_not_an_exit(corpus_copy, tmp_path):
    index = tmp_path / "index"
    app = TalksApp(paths=[corpus_copy], index_dir=index)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.session.corpus is not None and app.session.quote_rows, "the corpus")
        _remove_while_in_use(index)
        await _search(pilot, "soybeans")
        await wait_until(pilot, lambda: not app._reopening and app.session.corpus is not None, "the index again")
        await pilot.pause(0.2)
        assert app.is_running
        await pilot.press("escape", "ctrl+a", "backspace")  # leave the box, then search afresh
        await _search(pilot, "tariffs")
        assert app.session.matches is not None and app.session.matches.total > 0
        assert index.exists()


async def test_catalog_damaged_while_the_app_runs_gives_a_notice_and_a_rebuild(corpus_copy, tmp_path):
    index = tmp_path / "index"
    app = TalksApp(paths=[corpus_copy], index_dir=index)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.session.corpus is not None and app.session.quote_rows, "the corpus")
        old = app.session.corpus
        with (index / "catalog.sqlite").open("r+b") as f:  # the same file, overwritten in place
            f.write(b"\x00garbage" * 4096)
        # SQLite serves the pages it holds from memory; a long session soon needs others. Let go of
        # them now, so that the next read meets the damage.
        old.catalog._db.execute("PRAGMA shrink_memory")
        await pilot.press("j")  # opens the next article: the catalog is read now
        await wait_until(pilot, lambda: any("cannot be read" in n for n in notices(app)), "a notice")
        await wait_until(pilot, lambda: not app._reopening, "the rebuild")
        assert app.is_running
        assert any("cannot be read" in n for n in notices(app))
        assert app.session.corpus is not old and len(app.session.articles) == 5


async def test_corpus_folder_removed_while_the_app_runs_keeps_what_was_read(corpus_copy, tmp_path):
    app = TalksApp(paths=[corpus_copy], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(pilot, lambda: app.session.corpus is not None and app.session.quote_rows, "the corpus")
        shutil.rmtree(corpus_copy)
        await _search(pilot, "soybeans")
        assert app.session.matches is not None and app.session.matches.total == 2
        await pilot.press("escape", "j", "enter")
        await pilot.pause()
        assert app.is_running and app.reader.article is not None
