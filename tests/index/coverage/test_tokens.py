"""The coverage tokeniser: a sum of money is one token in every common form, read by
compare.figures, and no text makes it fail."""

from __future__ import annotations

import pytest

from talks_tui.index.coverage.tokens import DATE, FIGURE, PUNCT, Tokens, Vocabulary
from talks_tui.index.coverage.topics import find_coverage
from talks_tui.index.model import Article


def tokens(text: str) -> list[tuple[str, str, int]]:
    """(as written, key, kind) of every token of one paragraph (breaks left out)."""
    found = Tokens([[text]])
    vocab = found.vocab
    return [
        (vocab.surfaces[s], vocab.keys[vocab.surface_keys[s]], vocab.kinds[vocab.surface_keys[s]])
        for s in found.surfaces.tolist()
        if s
    ]


def figure(text: str) -> tuple[str, str]:
    """The one figure of a sentence: (as written, key)."""
    found = [(written, key) for written, key, kind in tokens(text) if kind == FIGURE]
    assert len(found) == 1, tokens(text)
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "written", "key"),
    [
        ("Jewels worth €88m were taken.", "€88m", "money EUR 88000000"),
        ("Jewels worth $102M were taken.", "$102M", "money USD 102000000"),
        ("Jewels Worth $103 Million Were Taken", "$103 Million", "money USD 103000000"),
        ("Sales reached USD 5bn last year.", "USD 5bn", "money USD 5000000000"),
        ("It lent 5 billion yuan to the port.", "5 billion yuan", "money CNY 5000000000"),
        ("A £3.2bn bid was made.", "£3.2bn", "money GBP 3200000000"),
        ("A US$1.2bn loan was agreed.", "US$1.2bn", "money USD 1200000000"),
        ("Fares rose to HK$5 a ride.", "HK$5", "money HKD 5"),
        ("The insurer paid 88 million euros.", "88 million euros", "money EUR 88000000"),
        ("The insurer paid €88 million.", "€88 million", "money EUR 88000000"),
        ("The insurer paid € 88 million.", "€ 88 million", "money EUR 88000000"),
        ("It cost ¥1,000 a night.", "¥1,000", "money JPY 1000"),
        ("It raised RMB 5 billion.", "RMB 5 billion", "money CNY 5000000000"),
    ],
)
def test_a_sum_of_money_is_one_figure_however_written(sentence, written, key):
    assert figure(sentence) == (written, key)


def test_an_exchange_rate_note_gives_both_sums():
    found = [(w, k) for w, k, kind in tokens("($1 = 0.8575 euro)") if kind == FIGURE]
    assert found == [("$1", "money USD 1"), ("0.8575 euro", "money EUR 0.8575")]


def test_percentages_and_scaled_numbers_are_figures_read_the_same_way():
    assert figure("a 100 per cent tariff")[1] == figure("a 100% tariff")[1] == "percent 100"
    assert figure("some 2.4 million people")[1] == "count 2400000"


def test_a_currency_sign_alone_is_punctuation():
    for text in ("$", "€", "£ ", "$.", "( $ )", "US$", "costs $ and more"):
        assert all(kind != FIGURE or written[0].isdigit() for written, _, kind in tokens(text)), text
    assert tokens("$")[:1] == [] and Vocabulary().token("$")[0] == PUNCT


def test_a_day_of_a_month_is_one_date_either_way_round():
    text = "Nov. 10, November 10, 10 November and 10th November"
    found = [(key, kind) for written, key, kind in tokens(text) if any(c.isdigit() for c in written)]
    assert found == [("nov 10", DATE)] * 4


def _article(n: int, text: str) -> Article:
    return Article(
        id=f"m{n}", file=f"m{n}.txt", path=f"/tmp/m{n}.txt", title="", outlet=f"Outlet {n}", date=None,
        paragraphs=(text,),
    )  # fmt: skip


def test_coverage_counts_one_sum_written_four_ways_as_one_topic():
    articles = [
        _article(1, "The stolen pieces are valued at €88m by the museum."),
        _article(2, "Experts put the pieces at 88 million euros."),
        _article(3, "The museum said the pieces were worth €88 million."),
        _article(4, "Insurers named a value of EUR 88m for the pieces."),
    ]
    coverage = find_coverage(articles)
    sums = [t for t in coverage.topics if "88" in t.label]
    assert len(sums) == 1, [t.label for t in coverage.topics]
    assert set(sums[0].counts) == {"Outlet 1", "Outlet 2", "Outlet 3", "Outlet 4"}
