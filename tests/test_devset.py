"""The extraction on real articles of other stories (tests/data/devset) and on the seeds, scored
with the evaluation's scorer. The floors are today's figures: a change that makes any of them
worse fails here. Raise a floor when the extraction gets better; never tune a rule to one article.
"""

from __future__ import annotations

import pytest
from devset import (
    DEVSET,
    DEVSET2,
    DEVSET3,
    DEVSET4,
    DEVSET5,
    DEVSET6,
    DEVSET7,
    DEVSET8,
    DEVSET9,
    DEVSET10,
    DEVSET11,
    DEVSET12,
    DEVSET13,
    DEVSET14,
    DEVSET15,
    DEVSET16,
    DEVSET17,
    EVAL,
    SEEDS,
    load_gold,
    score_corpus,
    scorer,
    with_urls,
)

SCORE = scorer()
pytestmark = pytest.mark.skipif(SCORE is None, reason="../shared/eval is not beside this checkout")


@pytest.fixture(scope="module")
def gold():
    return load_gold(DEVSET / "gold.json")


@pytest.fixture(scope="module")
def devset(gold, tmp_path_factory):
    return score_corpus(SCORE, gold, DEVSET / "articles", tmp_path_factory.mktemp("devset-index"))


def test_the_development_set_is_what_its_readme_says(gold):
    files = sorted(p.name for p in (DEVSET / "articles").glob("*.txt"))
    assert files == sorted(g["file"] for g in gold)
    assert len(gold) >= 40 and len({g["story"] for g in gold}) >= 4 and len({g["outlet"] for g in gold}) >= 30
    assert sum(1 for g in gold for q in g["quotes"] if q["speaker"]) >= 300
    for g in gold:
        text = (DEVSET / "articles" / g["file"]).read_text(encoding="utf-8")
        for q in g["quotes"]:
            assert q["text"] in text, (g["file"], q["text"])


def test_seeds_score_perfectly(tmp_path):
    seeds = score_corpus(SCORE, load_gold(EVAL / "seeds_gold.json"), SEEDS, tmp_path)
    assert seeds.metadata == 1.0 and seeds.outlet_wrong == 0
    assert (seeds.precision, seeds.recall, seeds.attribution) == (1.0, 1.0, 1.0)


def test_quotations_are_found(devset):
    assert devset.precision >= 0.97 and devset.recall >= 0.97, devset.line()


def test_speakers_do_not_fall_back(devset):
    assert devset.attribution >= 0.95, devset.line()
    assert devset.wrong_named_share <= 0.02, devset.line()


def test_metadata_does_not_fall_back(devset):
    assert devset.fields["title"] >= 0.86 and devset.fields["date"] >= 0.85, devset.line()
    assert devset.fields["authors"] >= 0.95, devset.line()
    assert devset.outlet_wrong <= 1, devset.line()


def test_outlets_with_their_urls(gold, tmp_path):
    urls = score_corpus(SCORE, gold, with_urls(gold, DEVSET / "articles", tmp_path / "files"), tmp_path / "index")
    assert urls.outlet_wrong <= 1, urls.line()


# The later development sets, each first measured untouched (see their READMEs): their floors too.
@pytest.mark.parametrize(
    ("folder", "recall", "attribution"),
    [(DEVSET2, 0.95, 0.93), (DEVSET3, 0.95, 0.935), (DEVSET4, 0.94, 0.94), (DEVSET5, 0.95, 0.97)],
    ids=["devset2", "devset3", "devset4", "devset5"],
)
def test_speakers_on_the_later_sets_do_not_fall_back(folder, recall, attribution, tmp_path):
    figures = score_corpus(SCORE, load_gold(folder / "gold.json"), folder / "articles", tmp_path)
    assert figures.precision >= 0.97 and figures.recall >= recall, figures.line()
    assert figures.attribution >= attribution, figures.line()
    assert figures.wrong_named_share <= 0.02, figures.line()


# The sixth set's first read (see its README) was lower than the others' (attribution 0.769, wrong
# named 2 of 52; title 0.73, date 0.89): its own floors, a little below its latest read, after
# work on it (precision 0.963, recall 0.963, attribution 0.923, wrong named 0 of 52; title 0.91,
# date 1.00, authors 0.95; no outlet wrong, with or without URLs).
def test_the_sixth_set_does_not_fall_back(tmp_path):
    gold = load_gold(DEVSET6 / "gold.json")
    figures = score_corpus(SCORE, gold, DEVSET6 / "articles", tmp_path / "plain")
    assert figures.precision >= 0.95 and figures.recall >= 0.95, figures.line()
    assert figures.attribution >= 0.90 and figures.wrong_named_share <= 0.02, figures.line()
    assert figures.fields["title"] >= 0.90 and figures.fields["date"] >= 0.95, figures.line()
    assert figures.fields["authors"] >= 0.90 and figures.outlet_wrong == 0, figures.line()
    urls = score_corpus(SCORE, gold, with_urls(gold, DEVSET6 / "articles", tmp_path / "files"), tmp_path / "index")
    assert urls.fields["outlet"] >= 0.70 and urls.outlet_wrong == 0, urls.line()


# The eighth, ninth and sixteenth sets have metadata gold only (no quotations). First reads: title
# 0.85, 0.81 and 0.96, date 1.00 each, authors 0.93, 0.95 and 0.97, two outlets wrong on the eighth;
# the sixteenth's one outlet wrong with URLs ('KOTV-DT' for News On 6) was a gap in its accept list,
# filled (see its README): outlet with URLs 0.33, none wrong; after two rules (an identifier line,
# a byline's 'Source' label) title and authors 1.00.
@pytest.mark.parametrize(
    ("folder", "title", "authors", "outlet_with_urls"),
    [(DEVSET8, 0.98, 0.97, 0.65), (DEVSET9, 0.98, 0.95, 0.42), (DEVSET16, 0.98, 0.98, 0.30)],
    ids=["devset8", "devset9", "devset16"],
)
def test_the_metadata_only_sets_do_not_fall_back(tmp_path, folder, title, authors, outlet_with_urls):
    gold = load_gold(folder / "gold.json")
    figures = score_corpus(SCORE, gold, folder / "articles", tmp_path / "plain")
    assert figures.fields["title"] >= title and figures.fields["date"] >= 0.95, figures.line(quotes=False)
    assert figures.fields["authors"] >= authors and figures.outlet_wrong == 0, figures.line(quotes=False)
    urls = score_corpus(SCORE, gold, with_urls(gold, folder / "articles", tmp_path / "files"), tmp_path / "index")
    assert urls.fields["outlet"] >= outlet_with_urls and urls.outlet_wrong == 0, urls.line(quotes=False)


# The newer sets with quotations, each read once before any rule saw it (see their READMEs):
#   devset7  first read: title 0.81, date 0.80, authors 0.88, quotes 0.987/0.928, attribution
#            0.792, 3 of 77 wrongly named, one outlet wrong; after work on it 0.880, none wrong;
#   devset10 first read: attribution 0.627, 17 of 75 wrongly named (22.7%), title 0.70, authors
#            0.86, one outlet wrong with URLs; after work on it 0.867, none wrong;
#   devset11 first read: attribution 0.815, 6 of 54 wrongly named, title 0.89, authors 0.92, one
#            outlet wrong with URLs; after work on it 0.926, none wrong;
#   devset12 first read: attribution 0.619, 4 of 42 wrongly named, title 0.80, authors 0.90;
#            after two rules 0.667, 2 of 42 (its floors guard against falling back, not a target);
#   devset13 first read: quotes 1.000/0.967, attribution 0.914, 1 of 58 wrongly named, title
#            0.71, date 1.00, authors 1.00, outlet with URLs 0.75, none wrong; after work on it
#            1.000, none wrong;
#   devset14 first read: quotes 1.000/0.982, attribution 0.782, 1 of 55 wrongly named, title 0.86,
#            date 1.00, authors 0.92, outlet with URLs 0.58, none wrong; after work on it 0.909,
#            none wrong, titles 1.00, authors 1.00.
#   devset15 first read: quotes 1.000/0.981, attribution 0.868, 0 of 53 wrongly named, title 1.00,
#            date 1.00, authors 1.00, outlet with URLs 0.50 (1 wrong: a fair name missing from the
#            gold, "Kahawa Tungu", added after the read; then 0.58, none wrong); after work on it
#            0.962, none wrong.
#   devset17 first read: quotes 1.000/1.000, attribution 0.618, 7 of 34 wrongly named (20.6%), title
#            0.80, date 1.00, authors 0.92, outlet with URLs 0.33, none wrong; after two rules
#            0.676, 5 of 34 wrongly named; after three more, title and authors 1.00; after an age
#            before an appositive, 0.735.
# Floors sit a little below each set's latest read. No set may name a wrong outlet.
NEWER_SETS = {
    "devset7": (
        DEVSET7,
        dict(recall=0.97, attribution=0.91, wrong=0.02, title=0.98, date=0.75, authors=0.92, urls=0.75),
    ),
    "devset10": (DEVSET10, dict(recall=0.97, attribution=0.91, wrong=0.02, title=0.98, authors=0.95, urls=0.75)),
    "devset11": (DEVSET11, dict(recall=0.97, attribution=0.90, wrong=0.02, title=0.98, authors=0.90, urls=0.64)),
    "devset12": (DEVSET12, dict(recall=0.95, attribution=0.74, wrong=0.03, title=0.98, authors=0.98, urls=0.55)),
    "devset13": (
        DEVSET13,
        dict(recall=0.95, attribution=0.97, wrong=0.03, title=0.98, date=0.95, authors=0.95, urls=0.70),
    ),
    "devset14": (
        DEVSET14,
        dict(recall=0.97, attribution=0.88, wrong=0.03, title=0.95, date=0.95, authors=0.95, urls=0.55),
    ),
    "devset15": (
        DEVSET15,
        dict(recall=0.97, attribution=0.95, wrong=0.02, title=0.95, date=0.95, authors=0.95, urls=0.55),
    ),
    "devset17": (
        DEVSET17,
        dict(recall=0.97, attribution=0.70, wrong=0.17, title=0.95, date=0.95, authors=0.95, urls=0.30),
    ),
}


@pytest.mark.parametrize("name", NEWER_SETS)
def test_the_newer_sets_do_not_fall_back(tmp_path, name):
    folder, floor = NEWER_SETS[name]
    gold = load_gold(folder / "gold.json")
    figures = score_corpus(SCORE, gold, folder / "articles", tmp_path / "plain")
    assert figures.precision >= 0.97 and figures.recall >= floor["recall"], figures.line()
    assert figures.attribution >= floor["attribution"], figures.line()
    assert figures.wrong_named_share <= floor["wrong"], figures.line()
    assert figures.fields["title"] >= floor["title"] and figures.fields["authors"] >= floor["authors"], figures.line()
    assert figures.fields.get("date", 1.0) >= floor.get("date", 0.0) and figures.outlet_wrong == 0, figures.line()
    urls = score_corpus(SCORE, gold, with_urls(gold, folder / "articles", tmp_path / "files"), tmp_path / "index")
    assert urls.fields["outlet"] >= floor["urls"] and urls.outlet_wrong == 0, urls.line()
