"""The development gold for compare (tests/data/devset/alignment_gold.json, rules in ALIGNMENT.md)
and its scorer: aligned-pair precision and recall, traps aligned, the `differs` pairs found; and
the difference flags over every pair of articles of one story, against the verdicts given by
hand in tests/data/devset/difference_flags.json.

Used by test_alignment_gold.py (keeps the figures from falling back) and benchmarks/bench_compare.py
(prints them). Thresholds are chosen on this gold; never tune a rule to one of its articles.
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from pathlib import Path

DEVSET = Path(__file__).resolve().parents[2] / "data" / "devset"
GOLD = json.loads((DEVSET / "alignment_gold.json").read_text(encoding="utf-8"))
VERDICTS = json.loads((DEVSET / "difference_flags.json").read_text(encoding="utf-8"))
FLAG_SETS = ("devset", "devset2")  # the folders whose flags are judged


@dataclass
class GoldScore:
    kept: int = 0  # aligned pairs scored (those matching only an optional entry are dropped)
    hits: int = 0
    found: int = 0
    total: int = 0
    traps: int = 0
    differs_found: int = 0
    differs_total: int = 0
    mistakes: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.hits / max(1, self.kept)

    @property
    def recall(self) -> float:
        return self.found / max(1, self.total)

    def line(self) -> str:
        return (
            f"precision {self.precision:.3f}, recall {self.recall:.3f} ({self.found}/{self.total}), "
            f"traps aligned {self.traps}, differing pairs found {self.differs_found}/{self.differs_total}"
        )


def _match(entry: dict, pair: tuple[str, str]) -> bool:
    return entry["left"] in pair[0] and entry["right"] in pair[1]


def score_gold(corpus) -> GoldScore:
    """Compare each gold article pair in `corpus` (the devset's articles) and score it."""
    score = GoldScore()
    for g in GOLD:
        alignment = corpus.compare(corpus.pick_article(g["left"]), corpus.pick_article(g["right"]))
        pairs = [
            (alignment.left_sentences[p.left].text, alignment.right_sentences[p.right].text) for p in alignment.pairs
        ]
        kept = [
            p
            for p in pairs
            if any(_match(e, p) for e in g["pairs"]) or not any(_match(e, p) for e in g.get("optional", []))
        ]
        score.kept += len(kept)
        for p in kept:
            right = any(_match(e, p) for e in g["pairs"])
            score.hits += right
            score.traps += any(_match(e, p) for e in g["traps"])
            if not right:
                score.mistakes.append(f"{g['left']}/{g['right']}: {p[0][:80]!r} ~ {p[1][:80]!r}")
        for e in g["pairs"]:
            found = any(_match(e, p) for p in kept)
            score.found += found
            score.total += 1
            if e["differs"]:
                score.differs_total += 1
                score.differs_found += found
    return score


def difference_flags(folder: Path, index_dir: Path) -> list[dict]:
    """Every difference flag the comparison raises between two articles of one story in `folder`
    (a development set: articles/ and gold.json, which gives each file's story)."""
    from talks_tui.index.corpus import open_corpus

    story = {g["file"]: g["story"] for g in json.loads((folder / "gold.json").read_text(encoding="utf-8"))}
    corpus = open_corpus([folder / "articles"], index_dir=index_dir)
    found = []
    metas = sorted(corpus.articles(), key=lambda a: a.file)
    for a, b in itertools.combinations(metas, 2):
        if story.get(a.file) != story.get(b.file):
            continue
        alignment = corpus.compare(corpus.article(a.id), corpus.article(b.id))
        for pair in alignment.pairs:
            for d in pair.differing:
                found.append(
                    {
                        "left": a.file,
                        "right": b.file,
                        "kind": d.kind,
                        "left_words": [f.text for f in d.left],
                        "right_words": [f.text for f in d.right],
                    }
                )
    corpus.close()
    return found


def flag_key(flag: dict) -> tuple:
    return (flag["left"], flag["right"], flag["kind"], tuple(flag["left_words"]), tuple(flag["right_words"]))


@dataclass
class FlagScore:
    real: int = 0  # flags judged real
    total: int = 0  # flags raised
    unjudged: list[tuple] = field(default_factory=list)  # raised but not in the verdicts

    def line(self) -> str:
        return f"difference flags real {self.real}/{self.total}" + (
            f" ({len(self.unjudged)} not judged yet)" if self.unjudged else ""
        )


def score_flags(data: Path, index_dir: Path) -> FlagScore:
    """The flags raised over FLAG_SETS (folders of `data`), against the verdicts."""
    judged = {flag_key(v): v["real"] for v in VERDICTS}
    score = FlagScore()
    for name in FLAG_SETS:
        for flag in difference_flags(data / name, index_dir / name):
            key = flag_key(flag)
            score.total += 1
            if key in judged:
                score.real += judged[key]
            else:
                score.unjudged.append(key)
    return score
