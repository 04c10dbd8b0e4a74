"""Scoring the extraction on a gold set: the seeds (../shared/eval) and the development set of
other stories (tests/data/devset). Used by tests/test_devset.py, which keeps the figures from
falling back, and by benchmarks/bench_extraction.py, which prints them.

The figures are those of the evaluation's scorer (../shared/eval/score.py, imported from beside
the checkout), plus what it does not count: quotations given to a wrong named speaker (a
misquote), articles given a wrong outlet, and the outlet when each file's URL is known.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SEEDS = REPO / "seeds"
EVAL = REPO.parent / "shared" / "eval"
DEVSET = TESTS / "data" / "devset"
DEVSET2 = TESTS / "data" / "devset2"  # more development sets, of three other stories each
DEVSET3 = TESTS / "data" / "devset3"
DEVSET4 = TESTS / "data" / "devset4"
DEVSET5 = TESTS / "data" / "devset5"
DEVSET6 = TESTS / "data" / "devset6"
DEVSET7 = TESTS / "data" / "devset7"
DEVSET8 = TESTS / "data" / "devset8"  # metadata only: no quotations in its gold
DEVSET9 = TESTS / "data" / "devset9"  # metadata only
DEVSET10 = TESTS / "data" / "devset10"
DEVSET11 = TESTS / "data" / "devset11"
DEVSET12 = TESTS / "data" / "devset12"
DEVSET13 = TESTS / "data" / "devset13"
DEVSET14 = TESTS / "data" / "devset14"
DEVSET15 = TESTS / "data" / "devset15"
DEVSET16 = TESTS / "data" / "devset16"  # metadata only
DEVSET17 = TESTS / "data" / "devset17"
# Every development set after the first, by name, in the order they were made.
OTHER_SETS = {
    "devset2": DEVSET2,
    "devset3": DEVSET3,
    "devset4": DEVSET4,
    "devset5": DEVSET5,
    "devset6": DEVSET6,
    "devset7": DEVSET7,
    "devset8": DEVSET8,
    "devset9": DEVSET9,
    "devset10": DEVSET10,
    "devset11": DEVSET11,
    "devset12": DEVSET12,
    "devset13": DEVSET13,
    "devset14": DEVSET14,
    "devset15": DEVSET15,
    "devset16": DEVSET16,
    "devset17": DEVSET17,
}
HOLDOUT = TESTS / "data" / "holdout"  # never tuned on: read its figures, change nothing for them


def scorer():
    """The evaluation's score.py as a module, or None when ../shared is not beside the checkout."""
    path = EVAL / "score.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("talks_eval_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def talks_json(command: str, corpus: Path, index_dir: Path) -> list[dict]:
    """`talks-tui COMMAND --json --corpus CORPUS`, run as a user would run it."""
    args = [sys.executable, "-m", "talks_tui.tui.cli", command, "--json", "--corpus", str(corpus)]
    done = subprocess.run([*args, "--index-dir", str(index_dir)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def with_urls(gold: list[dict], articles: Path, folder: Path) -> Path:
    """A copy of the articles with each file's URL in front matter, as a user who saved pages
    with their addresses would have them."""
    folder.mkdir(parents=True, exist_ok=True)
    for g in gold:
        text = (articles / g["file"]).read_text(encoding="utf-8")
        front = f"---\nurl: {json.dumps(g['url'])}\n---\n" if g.get("url") else ""
        (folder / g["file"]).write_text(front + text, encoding="utf-8")
    return folder


@dataclass
class Figures:
    metadata: float
    fields: dict[str, float]
    precision: float
    recall: float
    attribution: float
    found: int  # gold quotations with a speaker that were found (the scorer's tp)
    wrong_named: int  # of those, given a named speaker that is not the gold one
    outlet_wrong: int  # articles given an outlet that is not the gold one
    misses: list[str] = field(default_factory=list)

    @property
    def wrong_named_share(self) -> float:
        return self.wrong_named / self.found if self.found else 0.0

    def line(self, quotes: bool = True) -> str:
        fields = " ".join(f"{k}={v:.2f}" for k, v in self.fields.items())
        if not quotes:  # a set whose gold has metadata only
            return f"metadata={self.metadata:.3f} {fields} outlet_wrong={self.outlet_wrong}"
        return (
            f"metadata={self.metadata:.3f} {fields} outlet_wrong={self.outlet_wrong} "
            f"quote_precision={self.precision:.3f} quote_recall={self.recall:.3f} "
            f"attribution={self.attribution:.3f} wrong_named={self.wrong_named}/{self.found} "
            f"({self.wrong_named_share:.1%})"
        )


def figures(score, gold: list[dict], articles: list[dict], quotes: list[dict]) -> Figures:
    misses: list[str] = []
    fields, metadata = score.score_metadata(gold, articles, misses)
    precision, recall, attribution, tp, _, _ = score.score_quotes(gold, quotes, misses)
    # A wrong named speaker: a person or a body that is not the gold one (a description such as
    # "a spokesman" that does not match is a miss, but no one is misquoted by name).
    kinds = {(score.base(q), q.get("speaker")): q.get("speaker_kind") for q in quotes}
    wrong = []
    for miss in misses:
        if " attributed to " not in miss:
            continue
        file = miss.split(": ", 2)[1]
        got = ast.literal_eval(miss.split(" attributed to ", 1)[1].split(", expected ", 1)[0])
        if got is not None and kinds.get((file, got)) in ("person", "organisation", None):
            wrong.append(miss)
    by_file = {score.base(a): a for a in articles}
    outlet_wrong = 0
    for g in gold:
        got = (by_file.get(g["file"]) or {}).get("outlet")
        accept = {score.norm_name(o) for o in g.get("outlet_accept", [g["outlet"]])}
        if got and score.norm_name(got) not in accept:
            outlet_wrong += 1
            misses.append(f"outlet: {g['file']}: WRONG {got!r}, expected {g['outlet']!r}")
    return Figures(metadata, fields, precision, recall, attribution, tp, len(wrong), outlet_wrong, misses)


def score_corpus(score, gold: list[dict], corpus: Path, index_dir: Path) -> Figures:
    articles = talks_json("articles", corpus, index_dir)
    quotes = talks_json("quotes", corpus, index_dir)
    return figures(score, gold, articles, quotes)


def load_gold(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))
