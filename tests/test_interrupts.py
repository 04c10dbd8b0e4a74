"""Ctrl-C and kills at any point of a build: one line, no traceback, and an index that the next
run uses or rebuilds, with every article in it."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SEEDS

SCRIPT = Path(sys.executable).with_name("talks-tui")
ARTICLES = 240  # enough for worker processes and a build that lasts a few seconds


@pytest.fixture(scope="module")
def big_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("many")
    paragraphs = [p for seed in sorted(SEEDS.glob("*.txt")) for p in seed.read_text().split("\n") if len(p) > 80]
    for n in range(ARTICLES):
        body = "\n\n".join(paragraphs[(n + k) % len(paragraphs)] for k in range(40))
        (folder / f"{n:04d}.txt").write_text(f"Story number {n} on the talks\n\n{body}\n", encoding="utf-8")
    return folder


def _articles(folder: Path, index: Path) -> list[dict]:
    done = subprocess.run(
        [str(SCRIPT), "articles", "--json", "--corpus", str(folder), "--index-dir", str(index)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return json.loads(done.stdout)


@pytest.mark.skipif(os.name != "posix", reason="POSIX signals")
@pytest.mark.parametrize("how", ["SIGINT", "SIGKILL"])
def test_a_build_stopped_at_several_points_leaves_a_usable_index(big_folder, tmp_path, how):
    index = tmp_path / "index"
    stops = []
    for delay in (0.3, 1.0, 2.0, 3.5):
        build = subprocess.Popen(
            [str(SCRIPT), "index", "--corpus", str(big_folder), "--index-dir", str(index)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # a group of its own, as a terminal's Ctrl-C reaches the workers too
        )
        time.sleep(delay)
        with_signal = getattr(signal, how)
        with contextlib.suppress(ProcessLookupError):  # it finished first
            os.killpg(build.pid, with_signal)
        _, err = build.communicate(timeout=120)
        stops.append((delay, build.returncode, err))
        if how == "SIGINT" and build.returncode != 0:
            assert "Traceback" not in err, err
            # Python itself ends a process interrupted before it has started up, silently.
            assert (build.returncode, err.strip().splitlines()) in (
                (130, ["talks-tui: interrupted"]),
                (-signal.SIGINT, []),
            ), (delay, build.returncode, err)
    assert any(code != 0 for _, code, _ in stops), "every build finished before it could be stopped"
    articles = _articles(big_folder, index)
    assert len(articles) == ARTICLES
    assert {a["file"] for a in articles} == {f"{n:04d}.txt" for n in range(ARTICLES)}
