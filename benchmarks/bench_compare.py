"""Compare benchmark: `talks-tui compare` on two 2,000-word articles, and the aligner's scores.

    python benchmarks/bench_compare.py [--runs R]

Makes two articles of about 2,000 words each from the seeds' paragraphs (the left from the
Global Times and CNA pieces, the right from the other three, each topped up with the other
side's paragraphs reworded by dropping every third sentence), indexes them, then prints:
the wall time and the process (CPU) time of the `talks-tui compare A B --json` command (median
of R runs, process start included, index already built), the time of the alignment alone; the
aligner's precision, recall and traps on the development gold and the difference flags judged
real, both scored by tests/index/compare/alignment_gold.py (the tests' scorer); and precision
and recall on the seeds' hand-labelled pairs (tests/index/compare/alignment_labels.py). Figures
only.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "index" / "compare"))

from talks_tui.index.corpus import bundled_seeds_dir, open_corpus  # noqa: E402
from talks_tui.index.sentences import article_sentences  # noqa: E402

WORDS = 2000


def _article(title: str, outlet: str, paragraphs: list[str]) -> str:
    return f"Title: {title}\nOutlet: {outlet}\nDate: 2025-10-27\n\n" + "\n\n".join(paragraphs) + "\n"


def _grow(own: list[str], other: list[str]) -> list[str]:
    """Own paragraphs, then the other side's with every third sentence left out, to WORDS words."""
    paragraphs = list(own)
    for paragraph in other:
        if sum(len(p.split()) for p in paragraphs) >= WORDS:
            break
        sentences = [s.text for n, s in enumerate(article_sentences([paragraph])) if n % 3 != 2]
        if sentences:
            paragraphs.append(" ".join(sentences))
    return paragraphs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()

    seeds = open_corpus([bundled_seeds_dir()])
    by_outlet = {a.outlet: seeds.article(a.id) for a in seeds.articles()}
    left_own = [p for o in ("Global Times", "CNA") for p in by_outlet[o].paragraphs]
    right_own = [
        p for o in ("Caixin Global", "South China Morning Post", "Türkiye Today") for p in by_outlet[o].paragraphs
    ]

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        left = _grow(left_own, right_own)
        right = _grow(right_own, left_own)
        (folder / "left.txt").write_text(_article("Left", "Outlet Left", left), encoding="utf-8")
        (folder / "right.txt").write_text(_article("Right", "Outlet Right", right), encoding="utf-8")
        words = [sum(len(p.split()) for p in side) for side in (left, right)]
        env_dir = Path(tmp) / "index"
        command = [sys.executable, "-m", "talks_tui.tui.cli", "compare", "left.txt", "right.txt", "--json"]
        command += ["--corpus", str(folder), "--index-dir", str(env_dir)]
        subprocess.run(command, check=True, capture_output=True, cwd=REPO)  # builds the index, finds quotes
        times, cpu_times = [], []
        for _ in range(args.runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, cwd=REPO)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu_times.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)

        corpus = open_corpus([folder], index_dir=env_dir)
        a, b = corpus.pick_article("left.txt"), corpus.pick_article("right.txt")
        align_times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            alignment = corpus.compare(a, b)
            align_times.append(time.perf_counter() - start)
        corpus.close()

        from alignment_gold import DEVSET, score_flags, score_gold

        devset = open_corpus([DEVSET / "articles"], index_dir=Path(tmp) / "devset-index")
        gold = score_gold(devset)
        devset.close()
        flags = score_flags(DEVSET.parent, Path(tmp) / "flags")

    from alignment_labels import LABELS, score_labels

    score = score_labels(seeds)
    positives = sum(label.same for label in LABELS)
    print(
        f"articles: {words[0]} and {words[1]} words, {len(alignment.left_sentences)} and "
        f"{len(alignment.right_sentences)} sentences, {len(alignment.pairs)} pairs"
    )
    print(
        f"talks-tui compare --json (process start to exit): median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s; process time (CPU) median {statistics.median(cpu_times):.3f} s  (target < 0.5 s)"
    )
    print(f"alignment alone: median {statistics.median(align_times) * 1000:.0f} ms")
    print(
        f"hand-labelled pairs: {len(LABELS)} ({positives} same fact, {len(LABELS) - positives} not): "
        f"precision {score.precision:.3f}, recall {score.recall:.3f}  (target >= 0.9 each)"
    )
    for mistake in score.mistakes:
        print(f"  miss: {mistake}")
    print(f"development gold (aligned pairs): {gold.line()}  (target precision >= 0.9, recall >= 0.8)")
    print(f"{flags.line()} over every pair of one story in devset and devset2  (target >= 0.9 real)")


if __name__ == "__main__":
    main()
