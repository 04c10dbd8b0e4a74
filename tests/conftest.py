"""Shared fixtures: the repository's seeds, and a private cache and config folder for every test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
EVAL = REPO.parent / "shared" / "eval"  # hand-checked truth, beside the clone in CI


@pytest.fixture(autouse=True)
def private_dirs(tmp_path_factory, monkeypatch):
    """Keep indexes and user config of tests out of the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    return home


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="module")
def seed_corpus(tmp_path_factory):
    from talks_tui.index.corpus import open_corpus

    corpus = open_corpus([SEEDS], index_dir=tmp_path_factory.mktemp("seed-index"))
    yield corpus
    corpus.close()
