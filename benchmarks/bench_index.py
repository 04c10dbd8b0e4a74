"""Index and search benchmark: talks-tui against a plain Whoosh setup and ripgrep, in one run.

    python benchmarks/bench_index.py [--articles N] [--rounds R] [--keep DIR]

Generates N articles (default 10,000, ~700 words each) from the bundled seeds' sentences, then
prints side by side: articles/s for a cold build, index size, time to reopen the unchanged corpus,
and search latency (median, p95) over a fixed query set with snippets for the top 20; and
`rg -i -w -l` over the raw files for the same words. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

QUERIES = [
    "tariffs",
    "soybeans",
    "fentanyl",
    "negotiations",
    "rare earths",
    "trade truce",
    '"rare earth"',
    '"Section 301"',
    "title:trade",
    "title:talks AND body:soybeans",
    "soybeans OR fentanyl",
    "export controls OR shipbuilding",
]
OUTLETS = ["Global Times", "Caixin Global", "South China Morning Post", "Türkiye Today", "CNA", "Reuters"]


def seed_sentences() -> list[str]:
    from talks_tui.index.corpus import open_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = open_corpus(index_dir=Path(tmp))
        text = "\n".join(corpus.article(a.id).body for a in corpus.articles())
        corpus.close()
    sentences = re.split(r"(?<=[.!?\"”])\s+(?=[A-Z“\"])", text)
    return [s.strip() for s in sentences if len(s.split()) >= 6]


def generate(folder: Path, count: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    sentences = seed_sentences()
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        words, paragraphs = 0, []
        while words < 700:
            paragraph = " ".join(rnd.choice(sentences) for _ in range(rnd.randint(2, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        title = " ".join(rnd.choice(sentences).split()[:10]).rstrip(",.;:")
        day = 20 + n % 10
        header = f"{title}\n\nBy Reporter {n % 50}\n\nOctober {day}, 2025\n\n"
        footer = f"\n\nCopyright {OUTLETS[n % len(OUTLETS)]}\n"
        (folder / f"article_{n:05d}.txt").write_text(header + "\n\n".join(paragraphs) + footer, encoding="utf-8")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def bench_talks(corpus_dir: Path, index_dir: Path, rounds: int) -> dict[str, float]:
    from talks_tui.index.corpus import open_corpus

    started = time.perf_counter()
    corpus = open_corpus([corpus_dir], index_dir=index_dir)
    build = time.perf_counter() - started
    count = corpus.stats.articles
    corpus.close()
    started = time.perf_counter()
    corpus = open_corpus([corpus_dir], index_dir=index_dir)
    reopen = time.perf_counter() - started
    started = time.perf_counter()
    corpus.update_quotes()  # found on first need, after the build: timed on its own
    quotes = time.perf_counter() - started
    quote_count = len(corpus.catalog.quotes())
    latencies = []
    for _ in range(rounds):
        for q in QUERIES:
            t = time.perf_counter()
            corpus.search(q, limit=20, snippets=True)
            latencies.append(time.perf_counter() - t)
    corpus.close()
    return {
        "articles/s": count / build,
        "size MB": folder_size(index_dir) / 1e6,
        "reopen s": reopen,
        "median ms": statistics.median(latencies) * 1000,
        "p95 ms": percentile(latencies, 0.95) * 1000,
        "quotes s": quotes,
        "quotes": quote_count,
    }


def bench_plain_whoosh(corpus_dir: Path, index_dir: Path, rounds: int) -> dict[str, float]:
    """What a first Whoosh setup looks like: StemmingAnalyzer, stored body, default highlighting."""
    from whoosh import fields, index, qparser
    from whoosh.analysis import StemmingAnalyzer

    schema = fields.Schema(
        path=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
        body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    )
    index_dir.mkdir(parents=True)
    started = time.perf_counter()
    ix = index.create_in(str(index_dir), schema)
    writer = ix.writer()
    files = sorted(corpus_dir.glob("*.txt"))
    for path in files:
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        writer.add_document(path=str(path), title=title, body=body)
    writer.commit()
    build = time.perf_counter() - started
    started = time.perf_counter()
    ix = index.open_dir(str(index_dir))
    with ix.searcher() as searcher:
        searcher.doc_count()
    reopen = time.perf_counter() - started
    parser = qparser.MultifieldParser(["title", "body"], schema)
    latencies = []
    with ix.searcher() as searcher:
        for _ in range(rounds):
            for q in QUERIES:
                t = time.perf_counter()
                results = searcher.search(parser.parse(q), limit=20)
                for hit in results:
                    hit.highlights("body")
                latencies.append(time.perf_counter() - t)
    return {
        "articles/s": len(files) / build,
        "size MB": folder_size(index_dir) / 1e6,
        "reopen s": reopen,
        "median ms": statistics.median(latencies) * 1000,
        "p95 ms": percentile(latencies, 0.95) * 1000,
    }


def bench_ripgrep(corpus_dir: Path, rounds: int) -> dict[str, float] | None:
    rg = shutil.which("rg")
    if rg is None:
        return None
    latencies = []
    for _ in range(rounds):
        for q in QUERIES:
            words = [w for w in re.findall(r"\w+", re.sub(r"\w+:", "", q)) if w not in ("AND", "OR", "NOT")]
            args = [rg, "-i", "-w", "-l"] + [x for w in words for x in ("-e", w)] + [str(corpus_dir)]
            t = time.perf_counter()
            subprocess.run(args, stdout=subprocess.DEVNULL, check=False)
            latencies.append(time.perf_counter() - t)
    return {"median ms": statistics.median(latencies) * 1000, "p95 ms": percentile(latencies, 0.95) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="talks-bench-"))
    corpus_dir = args.keep or work / "corpus"
    try:
        if not (corpus_dir.is_dir() and len(list(corpus_dir.glob("*.txt"))) == args.articles):
            shutil.rmtree(corpus_dir, ignore_errors=True)
            t = time.perf_counter()
            generate(corpus_dir, args.articles)
            print(f"generated {args.articles} articles in {time.perf_counter() - t:.1f} s into {corpus_dir}")
        talks = bench_talks(corpus_dir, work / "talks-index", args.rounds)
        plain = bench_plain_whoosh(corpus_dir, work / "plain-index", args.rounds)
        rg = bench_ripgrep(corpus_dir, args.rounds)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    queries = f"{len(QUERIES)} queries x {args.rounds} rounds"
    print(f"\n{args.articles} articles, {queries}, snippets for the top 20\n")
    print(f"{'':<14}{'talks-tui':>12}{'plain Whoosh':>14}{'ratio':>8}")
    for key in ("articles/s", "size MB", "reopen s", "median ms", "p95 ms"):
        ratio = talks[key] / plain[key] if plain[key] else float("nan")
        print(f"{key:<14}{talks[key]:>12.2f}{plain[key]:>14.2f}{ratio:>8.2f}")
    print(
        f"\nfinding quotations (once, on first need, after the build): {talks['quotes']} in "
        f"{talks['quotes s']:.1f} s ({args.articles / talks['quotes s']:.0f} articles/s)"
    )
    if rg:
        print(f"\nripgrep (rg -i -w -l, same words): median {rg['median ms']:.1f} ms, p95 {rg['p95 ms']:.1f} ms")
    else:
        print("\nripgrep: `rg` not found on PATH (install ripgrep to compare)")
    print("\ntargets: build >= 1.5x plain; reopen <= 0.5 s; p95 <= 0.5x plain and below ripgrep's median")


if __name__ == "__main__":
    main()
