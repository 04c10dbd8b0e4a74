"""Extraction figures on the seeds and on the development set of other stories: metadata by
field, the outlet when each file's URL is known, quotation precision and recall, attribution,
and the wrong answers (named speakers and outlets that are not the gold ones). Figures only; run
it before and after every extraction change. `--misses` prints every miss of the development set.

    python benchmarks/bench_extraction.py [--misses] [--story SLUG]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from devset import (  # noqa: E402
    DEVSET,
    EVAL,
    HOLDOUT,
    OTHER_SETS,
    SEEDS,
    load_gold,
    score_corpus,
    scorer,
    with_urls,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", action="store_true", help="print every miss of the development set")
    parser.add_argument("--story", help="only this story of the development set")
    parser.add_argument("--holdout", action="store_true", help="also the held-out set (read it; tune nothing on it)")
    args = parser.parse_args()
    score = scorer()
    if score is None:
        sys.exit(f"bench_extraction: the evaluation's score.py is not at {EVAL}")
    gold = load_gold(DEVSET / "gold.json")
    if args.story:
        gold = [g for g in gold if g["story"] == args.story]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seeds = score_corpus(score, load_gold(EVAL / "seeds_gold.json"), SEEDS, tmp / "seeds")
        articles = DEVSET / "articles"
        if args.story:  # the story's files only
            articles = tmp / "story"
            articles.mkdir()
            for g in gold:
                (articles / g["file"]).write_bytes((DEVSET / "articles" / g["file"]).read_bytes())
        dev = score_corpus(score, gold, articles, tmp / "dev")
        urls = score_corpus(score, gold, with_urls(gold, DEVSET / "articles", tmp / "urls"), tmp / "urls-index")
        others = dict(OTHER_SETS)
        if args.holdout:
            others["holdout"] = HOLDOUT
        other_figures = {}
        for name, folder in others.items():
            other_gold = load_gold(folder / "gold.json")
            plain = score_corpus(score, other_gold, folder / "articles", tmp / name)
            with_url = score_corpus(score, other_gold, with_urls(other_gold, folder / "articles", tmp / f"{name}-u"),
                                    tmp / f"{name}-ui")  # fmt: skip
            quotes = not all(g.get("metadata_only") for g in other_gold)
            other_figures[name] = (len(other_gold), plain, with_url, quotes)
    print(f"seeds ({len(load_gold(EVAL / 'seeds_gold.json'))} articles):  {seeds.line()}")
    stories = len({g["story"] for g in gold})
    print(f"devset ({len(gold)} articles, {stories} stories):  {dev.line()}")
    print(f"devset, URLs given:  outlet={urls.fields.get('outlet', 0):.2f} outlet_wrong={urls.outlet_wrong}")
    for name, (count, plain, with_url, quotes) in other_figures.items():
        print(f"{name} ({count} articles{'' if quotes else ', metadata only'}):  {plain.line(quotes)}")
        print(
            f"{name}, URLs given:  outlet={with_url.fields.get('outlet', 0):.2f} outlet_wrong={with_url.outlet_wrong}"
        )
    if args.misses:
        kinds: dict[str, list[str]] = defaultdict(list)
        for miss in dev.misses:
            kinds[miss.split(":", 1)[0]].append(miss)
        for kind, misses in kinds.items():
            print(f"\n{kind}: {len(misses)}")
            print("\n".join(misses))


if __name__ == "__main__":
    main()
