"""The worker pool: results in order, inline for a few items, and working where an app has
replaced sys.stderr (Textual does)."""

from __future__ import annotations

import subprocess
import sys

from talks_tui.index.workers import PARALLEL_THRESHOLD, map_in_workers


def square(n: int) -> int:
    return n * n


def nothing() -> None:
    pass


def test_results_come_in_order_with_progress():
    seen = []
    items = list(range(PARALLEL_THRESHOLD * 2))
    results = list(map_in_workers(square, items, initializer=nothing, progress=lambda d, t, s: seen.append((d, t))))
    assert results == [n * n for n in items]
    assert seen[0] == (0, len(items)) and seen[-1] == (len(items), len(items))


def test_a_few_items_are_done_inline():
    assert list(map_in_workers(square, [1, 2, 3], initializer=nothing)) == [1, 4, 9]


SCRIPT = """
import io, sys
from talks_tui.index.workers import PARALLEL_THRESHOLD, map_in_workers, _start_pool


class Captured(io.StringIO):
    def fileno(self):
        return -1


def square(n):
    return n * n


def nothing():
    pass


if __name__ == "__main__":
    sys.stderr = Captured()  # as in a Textual app, before any worker process was started
    items = list(range(PARALLEL_THRESHOLD + 10))
    pool, results = _start_pool(square, items, nothing, ())
    assert pool is not None, "no worker processes"
    assert list(results) == [n * n for n in items]
    pool.shutdown()
    assert isinstance(sys.stderr, Captured)
    print("ok")
"""


def test_workers_start_when_stderr_has_no_file_descriptor(tmp_path):
    """A fresh process, so that multiprocessing's helper process is not already running."""
    script = tmp_path / "script.py"
    script.write_text(SCRIPT, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
