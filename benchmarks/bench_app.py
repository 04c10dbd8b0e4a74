"""App benchmark: launch to first frame, and keystroke to updated list on a large corpus.

    python benchmarks/bench_app.py [--articles N] [--runs R] [--keep DIR] [--index DIR] [--only launch|keys]
                                   [--pycache]

Prints, side by side in one run: the time from launching a process to the first interactive
frame for talks-tui on the bundled seeds and for a minimal Textual app (median of R runs each),
and the time from a keystroke in the search box to the updated article list on a corpus of N
generated articles (default 10,000; median and p95 over a few typed queries). Figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST_FRAME = """
import os, sys, time
from textual.app import App
from textual.widgets import Static

def stop_after_first_frame(app):
    # Report the wall-clock time of the first frame and leave at once, not waiting for workers.
    def report():
        print(time.time(), flush=True)
        os._exit(0)
    app.call_after_refresh(report)

if sys.argv[1] == "minimal":
    class Minimal(App):
        def compose(self):
            yield Static("hello")
        def on_mount(self):
            stop_after_first_frame(self)
    app = Minimal()
else:
    from talks_tui.tui.app import TalksApp
    class Measured(TalksApp):
        def on_mount(self):
            super().on_mount()
            stop_after_first_frame(self)
    app = Measured(index_dir=__import__("pathlib").Path(sys.argv[2]))
app.run(headless=True)
"""

QUERIES = ["rare earth", "soybeans", "tariff truce", "outlet:cna fentanyl", '"section 301"']


def first_frame(kind: str, index_dir: Path, env: dict[str, str] | None = None) -> float:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, kind, str(index_dir)],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    return float(done.stdout.split()[-1]) - started


def first_frames(index_dir: Path, runs: int, pycache: Path | None) -> tuple[float, float]:
    """Median launch to first frame of talks-tui and of the minimal app, their runs taken in turn
    (so that a machine that slows down or speeds up meanwhile weighs on both alike).

    With `pycache`, both run from modules compiled there by the first launches, as after an
    install; without it, where PYTHONDONTWRITEBYTECODE is set, every launch compiles this
    project's modules from source (Textual's come compiled with it)."""
    env = None
    if pycache is not None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    first_frame("talks", index_dir, env)  # builds the seeds' index and compiles: outside the timing
    first_frame("minimal", index_dir, env)
    talks, minimal = [], []
    for _ in range(runs):
        talks.append(first_frame("talks", index_dir, env))
        minimal.append(first_frame("minimal", index_dir, env))
    return statistics.median(talks), statistics.median(minimal)


async def keystrokes(corpus_dir: Path, index_dir: Path) -> list[float]:
    from talks_tui.tui.app import TalksApp

    shown: dict[str, float] = {}  # query -> when its results (or its error) were on screen

    class Timed(TalksApp):
        def _show_matches(self, matches):
            super()._show_matches(matches)
            if matches is not None:
                shown.setdefault(matches.query, time.perf_counter())

        def _status(self, text, error=False):
            super()._status(text, error)
            if error:  # a query still being typed ('"section') shows its error instead
                shown.setdefault(self.query_one("#search").value, time.perf_counter())

    app = Timed(paths=[corpus_dir], index_dir=index_dir)
    latencies: list[float] = []
    slowest: list[tuple[float, str]] = []
    async with app.run_test(size=(120, 40)) as pilot:
        while app.session.corpus is None or not app.session.quote_rows:
            await pilot.pause(0.05)
        for query in QUERIES:
            await pilot.press("slash")
            app.query_one("#search").value = ""
            await pilot.pause(0.2)
            shown.clear()
            typed = ""
            for ch in query:
                typed += ch
                pressed = time.perf_counter()
                await pilot.press(ch)
                while typed not in shown and time.perf_counter() - pressed < 5:
                    await pilot.pause(0.001)
                if typed in shown:
                    latencies.append(shown[typed] - pressed)
                    slowest.append((shown[typed] - pressed, typed))
    slowest.sort(reverse=True)
    print("slowest keystrokes:", ", ".join(f"{text!r} {s * 1000:.0f} ms" for s, text in slowest[:5]))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate the corpus into (or reuse) this folder")
    parser.add_argument("--only", choices=["launch", "keys"], help="run one of the two measurements")
    parser.add_argument("--index", type=Path, help="keep the large corpus's index in (or reuse it from) this folder")
    parser.add_argument(
        "--pycache",
        action="store_true",
        help="launch both apps from compiled modules, even where PYTHONDONTWRITEBYTECODE is set",
    )
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="talks-app-bench-"))
    try:
        measure(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)  # the big corpus's index alone takes some 200 MB


def measure(args: argparse.Namespace, work: Path) -> None:
    if args.only != "keys":
        pycache = work / "pycache" if args.pycache else None
        talks, minimal = first_frames(work / "seeds-index", args.runs, pycache)
        print(
            f"launch to first frame (median of {args.runs}): talks-tui {talks * 1000:.0f} ms, "
            f"minimal Textual app {minimal * 1000:.0f} ms, ratio {talks / minimal:.2f} (target <= 1.5)"
        )
    if args.only != "launch":
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_index import generate

        corpus_dir = args.keep or work / "corpus"
        if not (corpus_dir.is_dir() and len(list(corpus_dir.glob("*.txt"))) == args.articles):
            generate(corpus_dir, args.articles)
        latencies = asyncio.run(keystrokes(corpus_dir, args.index or work / "big-index"))
        ordered = sorted(latencies)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        print(
            f"keystroke to updated list, {args.articles} articles, {len(latencies)} keystrokes: "
            f"median {statistics.median(latencies) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms (target p95 <= 100 ms)"
        )


if __name__ == "__main__":
    main()
