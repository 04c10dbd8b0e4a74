"""Index and search benchmark: talks-tui against a plain Whoosh setup and ripgrep, in one run.

    python benchmarks/bench_index.py [--articles N] [--rounds R] [--keep DIR] [--index DIR]
                                     [--steps build,open,quotes,search,coverage,plain,rg]

Generates N articles (default 10,000, ~700 words each, with the seeds' quotations) from the
bundled seeds' sentences, then prints side by side with a plain Whoosh setup: articles/s for a
cold build, index size, opening the unchanged corpus (time, and the memory of the process that
opened it), search latency (median, p95) over a fixed query set with snippets for the top 20,
the peak memory of a search process; then talks-tui's own figures: each query kind's p95
(words, phrases, fields, speaker:, role:, quote:, dates), type-ahead matching (every prefix of
typed queries, as the app's list asks while one types), finding the quotations on first need
and finding the coverage topics (time and peak memory each). Each step runs in a fresh process,
so each peak resident memory (RSS) is that step's own. `rg -i -w -l` over the same files gives a
floor. Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
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
# talks-tui's query kinds, each timed on its own (the plain Whoosh setup has none of the fields).
KINDS = {
    "words": ["tariffs", "rare earths", "trade truce", "soybeans OR fentanyl", "tariffs NOT truce"],
    "phrases": ['"rare earth"', '"Section 301"', '"expiration of a temporary tariff truce"'],
    "fields": ["title:trade", "outlet:scmp", "author:reporter", "title:talks AND body:soybeans"],
    "speaker:": ["speaker:bessent tariffs", 'speaker:"li chenggang"', "speaker:bess*"],
    "role:": ["role:spokesperson", "role:secretary soybeans"],
    "quote:": ["quote:tough", 'quote:"very constructive"'],
    "dates": ["date:2025-10-25", "date:[2025-10-21 to 2025-10-24]", "date:>2025-10-27 tariffs"],
}
STEPS = ("build", "open", "quotes", "search", "coverage", "plain", "rg")
TYPED = ["rare earth minerals", "soybeans tariffs", "export controls", "fentanyl cooperation"]
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


def peak_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def timed(fn) -> tuple[float, object]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


# -- steps, each run in a fresh process (see `step`) ----------------------------------------------


def step_build(corpus_dir: str, index_dir: str) -> dict:
    from talks_tui.index.corpus import open_corpus

    seconds, corpus = timed(lambda: open_corpus([Path(corpus_dir)], index_dir=Path(index_dir)))
    count = corpus.stats.articles
    corpus.close()
    return {"seconds": seconds, "articles": count, "peak MB": peak_mb(), "workers peak MB": children_peak_mb()}


def step_open(corpus_dir: str, index_dir: str) -> dict:
    from talks_tui.index.corpus import open_corpus

    seconds, corpus = timed(lambda: open_corpus([Path(corpus_dir)], index_dir=Path(index_dir)))
    corpus.search("tariffs", limit=20)  # the first answer, as `talks-tui search` gives it
    corpus.close()
    return {"seconds": seconds, "peak MB": peak_mb()}


def step_quotes(corpus_dir: str, index_dir: str) -> dict:
    from talks_tui.index.corpus import open_corpus

    corpus = open_corpus([Path(corpus_dir)], index_dir=Path(index_dir))
    seconds, _ = timed(corpus.update_quotes)
    count = sum(1 for _ in corpus.catalog.iter_quotes())
    corpus.close()
    return {"seconds": seconds, "quotes": count, "peak MB": peak_mb(), "workers peak MB": children_peak_mb()}


def step_search(corpus_dir: str, index_dir: str, rounds: int, with_quotes: bool = True) -> dict:
    """The query set, each kind of query, and type-ahead; the quotation fields only `with_quotes`
    (found by the step before), as they would otherwise find the quotations first."""
    from talks_tui.index.corpus import open_corpus
    from talks_tui.index.search.querytext import as_you_type, uses_quote_fields

    corpus = open_corpus([Path(corpus_dir)], index_dir=Path(index_dir))
    if with_quotes:
        corpus.update_quotes()  # done by the step before: nothing to do
    latencies, kinds = [], {}
    for _ in range(rounds):
        for q in QUERIES:
            seconds, _ = timed(lambda q=q: corpus.search(q, limit=20, snippets=True))
            latencies.append(seconds)
    for kind, texts in KINDS.items():
        if not with_quotes and any(map(uses_quote_fields, texts)):
            continue
        times = [timed(lambda t=t: corpus.search(t, limit=20, snippets=True))[0] for _ in range(rounds) for t in texts]
        kinds[kind] = {"median ms": statistics.median(times) * 1000, "p95 ms": percentile(times, 0.95) * 1000}
    typing = []
    for _ in range(max(1, rounds // 2)):
        for text in TYPED:
            for n in range(1, len(text) + 1):
                typing.append(timed(lambda n=n, text=text: corpus.match(as_you_type(text[:n]), suggest=False))[0])
    corpus.close()
    return {
        "median ms": statistics.median(latencies) * 1000,
        "p95 ms": percentile(latencies, 0.95) * 1000,
        "kinds": kinds,
        "typing median ms": statistics.median(typing) * 1000,
        "typing p95 ms": percentile(typing, 0.95) * 1000,
        "peak MB": peak_mb(),
    }


def step_coverage(corpus_dir: str, index_dir: str) -> dict:
    from talks_tui.index.corpus import open_corpus

    corpus = open_corpus([Path(corpus_dir)], index_dir=Path(index_dir))
    seconds, coverage = timed(corpus.coverage)
    corpus.close()
    return {"seconds": seconds, "topics": len(coverage.topics), "peak MB": peak_mb()}


def _plain_schema():
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(
        path=fields.ID(stored=True, unique=True),
        title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
        body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
    )


def step_plain_build(corpus_dir: str, index_dir: str) -> dict:
    """What a first Whoosh setup looks like: StemmingAnalyzer, stored body, default highlighting."""
    from whoosh import index

    Path(index_dir).mkdir(parents=True)
    started = time.perf_counter()
    ix = index.create_in(index_dir, _plain_schema())
    writer = ix.writer()
    files = sorted(Path(corpus_dir).glob("*.txt"))
    for path in files:
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        writer.add_document(path=str(path), title=title, body=body)
    writer.commit()
    return {"seconds": time.perf_counter() - started, "articles": len(files), "peak MB": peak_mb()}


def step_plain_open(corpus_dir: str, index_dir: str) -> dict:
    from whoosh import index, qparser

    started = time.perf_counter()
    ix = index.open_dir(index_dir)
    with ix.searcher() as searcher:
        searcher.doc_count()
        seconds = time.perf_counter() - started
        parser = qparser.MultifieldParser(["title", "body"], ix.schema)
        for hit in searcher.search(parser.parse("tariffs"), limit=20):
            hit.highlights("body")
    return {"seconds": seconds, "peak MB": peak_mb()}


def step_plain_search(corpus_dir: str, index_dir: str, rounds: int) -> dict:
    from whoosh import index, qparser

    ix = index.open_dir(index_dir)
    parser = qparser.MultifieldParser(["title", "body"], ix.schema)
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
        "median ms": statistics.median(latencies) * 1000,
        "p95 ms": percentile(latencies, 0.95) * 1000,
        "peak MB": peak_mb(),
    }


def step(name: str, *args) -> dict:
    """Run one step in a fresh Python process and return what it reports."""
    code = f"import sys, json; sys.path.insert(0, {str(Path(__file__).parent)!r}); import bench_index as b; "
    code += f"print(json.dumps(b.step_{name}(*json.loads(sys.argv[1]))))"
    out = subprocess.run(
        [sys.executable, "-c", code, json.dumps(list(args))], capture_output=True, text=True, check=False
    )
    if out.returncode:
        raise SystemExit(f"step {name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


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
    parser.add_argument("--index", type=Path, help="keep talks-tui's index in (or reuse it from) this folder")
    parser.add_argument("--steps", default=",".join(STEPS), help=f"some of {','.join(STEPS)} (default: all)")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    work = Path(tempfile.mkdtemp(prefix="talks-bench-"))
    corpus_dir = args.keep or work / "corpus"
    talks_index, plain_index = str(args.index or work / "talks-index"), str(work / "plain-index")
    none = {"seconds": float("nan"), "peak MB": float("nan"), "workers peak MB": float("nan")}
    try:
        if not (corpus_dir.is_dir() and len(list(corpus_dir.glob("*.txt"))) == args.articles):
            shutil.rmtree(corpus_dir, ignore_errors=True)
            t = time.perf_counter()
            generate(corpus_dir, args.articles)
            seconds = time.perf_counter() - t
            print(f"generated {args.articles} articles in {seconds:.1f} s into {corpus_dir}", flush=True)
        c = str(corpus_dir)
        build = step("build", c, talks_index) if "build" in steps else none
        size = folder_size(Path(talks_index)) / 1e6
        print(f"talks-tui: built in {build['seconds']:.1f} s", flush=True)
        reopen = step("open", c, talks_index) if "open" in steps else none
        quotes = step("quotes", c, talks_index) if "quotes" in steps else none | {"quotes": 0}
        print(f"talks-tui: quotations found in {quotes['seconds']:.1f} s", flush=True)
        with_quotes = "quotes" in steps
        search = step("search", c, talks_index, args.rounds, with_quotes) if "search" in steps else None
        coverage = step("coverage", c, talks_index) if "coverage" in steps else none | {"topics": 0}
        plain = None
        if "plain" in steps:
            plain_build = step("plain_build", c, plain_index)
            print(f"plain Whoosh: built in {plain_build['seconds']:.1f} s", flush=True)
            plain = {
                "build": plain_build,
                "size": folder_size(Path(plain_index)) / 1e6,
                "open": step("plain_open", c, plain_index),
                "search": step("plain_search", c, plain_index, args.rounds),
            }
        rg = bench_ripgrep(corpus_dir, args.rounds) if "rg" in steps else None
    finally:
        shutil.rmtree(work, ignore_errors=True)

    n = args.articles
    search = search or {"median ms": float("nan"), "p95 ms": float("nan"), "peak MB": float("nan"), "kinds": {}}
    search.setdefault("typing median ms", float("nan"))
    search.setdefault("typing p95 ms", float("nan"))
    print(f"\n{n} articles, {len(QUERIES)} queries x {args.rounds} rounds, snippets for the top 20\n")
    rows = [
        ("cold build, articles/s", n / build["seconds"], plain and n / plain["build"]["seconds"]),
        ("build peak RSS, MB", build["peak MB"], plain and plain["build"]["peak MB"]),
        ("index size, MB", size, plain and plain["size"]),
        ("open unchanged corpus, s", reopen["seconds"], plain and plain["open"]["seconds"]),
        ("open + first search, RSS MB", reopen["peak MB"], plain and plain["open"]["peak MB"]),
        ("search median, ms", search["median ms"], plain and plain["search"]["median ms"]),
        ("search p95, ms", search["p95 ms"], plain and plain["search"]["p95 ms"]),
        ("search process peak RSS, MB", search["peak MB"], plain and plain["search"]["peak MB"]),
    ]
    print(f"{'':<32}{'talks-tui':>12}{'plain Whoosh':>14}{'ratio':>8}")
    for label, ours, theirs in rows:
        ratio = f"{ours / theirs:>8.2f}" if theirs else ""
        shown = f"{theirs:>14.2f}" if theirs else f"{'-':>14}"
        print(f"{label:<32}{ours:>12.2f}{shown}{ratio}")
    print(f"(build workers' peak RSS: {build['workers peak MB']:.0f} MB each at most)")
    print("\ntalks-tui by query kind (snippets for the top 20):")
    for kind, figures in search["kinds"].items():
        print(f"  {kind:<10} median {figures['median ms']:7.1f} ms   p95 {figures['p95 ms']:7.1f} ms")
    print(
        f"  type-ahead (every prefix of {len(TYPED)} typed queries, as the app's list asks): "
        f"median {search['typing median ms']:.1f} ms, p95 {search['typing p95 ms']:.1f} ms"
    )
    print(
        f"\nquotations, first need: {quotes['quotes']} in {quotes['seconds']:.1f} s "
        f"({n / quotes['seconds']:.0f} articles/s), peak RSS {quotes['peak MB']:.0f} MB "
        f"(its workers {quotes['workers peak MB']:.0f} MB each at most)"
    )
    print(
        f"coverage: {coverage['topics']} topics in {coverage['seconds']:.1f} s, peak RSS {coverage['peak MB']:.0f} MB"
    )
    if rg:
        print(f"\nripgrep (rg -i -w -l, same words): median {rg['median ms']:.1f} ms, p95 {rg['p95 ms']:.1f} ms")
    print(
        "\ntargets: at 10,000, build >= 1.5x plain and search p95 <= 0.5x plain; at 100,000, open <= 1 s, "
        "a search process <= 1 GB, every query kind p95 <= 150 ms, type-ahead p95 <= 100 ms, "
        "quotations first need <= 2 GB, coverage <= 30 s and <= 2 GB"
    )


if __name__ == "__main__":
    main()
