"""Figures and their normalised values: equal kind and value mean the same figure, however written."""

from __future__ import annotations

import pytest

from talks_tui.index.compare.figures import KINDS, Figure, find_figures
from talks_tui.index.sentences import article_sentences


def found(text: str) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value, f.text) for f in find_figures(text)]


def values(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in find_figures(text)]


def same(*texts: str) -> None:
    """Each text holds exactly one figure, and all are the same figure."""
    seen = [values(t) for t in texts]
    assert all(len(v) == 1 for v in seen), seen
    assert len({v[0] for v in seen}) == 1, seen


# -- percentages ---------------------------------------------------------------------------------


def test_percent_spellings_are_the_same_figure():
    same(
        "100 per cent", "100 percent", "100%", "100 pct", "a 100 per cent tariff", "100-per-cent", "a hundred per cent"
    )
    assert found("a 100 per cent tariff") == [("percent", "100", "100 per cent")]


def test_percent_values_keep_decimals_and_drop_trailing_zeros():
    assert values("up 3.14% on the day") == [("percent", "3.14")]
    assert values("a 5.50 per cent rise and 0.0%") == [("percent", "5.5"), ("percent", "0")]
    assert values("five per cent") == [("percent", "5")]


def test_percent_ranges_give_both_ends():
    assert found("between 10 and 15 per cent") == [("percent", "10", "10"), ("percent", "15", "15 per cent")]
    assert values("10-15%") == [("percent", "10"), ("percent", "15")]
    assert values("from 20 to 10 per cent") == [("percent", "20"), ("percent", "10")]
    assert values("rates of 10–12 per cent") == [("percent", "10"), ("percent", "12")]


def test_and_without_between_is_no_range():
    assert values("the US Section 301 and 50 per cent tariffs") == [("count", "301"), ("percent", "50")]


def test_percentage_points_and_basis_points_are_points_not_percent():
    assert values("up 2 percentage points") == [("points", "2")]
    assert values("a 25 basis point cut") == [("points", "0.25")]
    assert values("cut by 25bp") == [("points", "0.25")]
    assert values("a 0.5 ppt rise") == [("points", "0.5")]


# -- money ---------------------------------------------------------------------------------------


def test_us_dollar_spellings_are_the_same_figure():
    same(
        "$1.2 billion", "US$1.2bn", "1.2 billion dollars", "USD 1.2 billion", "1.2 billion US dollars", "$1,200 million"
    )
    assert values("$1.2 billion") == [("money", "USD 1200000000")]
    assert found("a US$1.2bn deal") == [("money", "USD 1200000000", "US$1.2bn")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("10 billion yuan", "CNY 10000000000"),
        ("RMB 100 million", "CNY 100000000"),
        ("RMB100m", "CNY 100000000"),
        ("100 million renminbi", "CNY 100000000"),
        ("€5m", "EUR 5000000"),
        ("500 million euros", "EUR 500000000"),
        ("£3.5 billion", "GBP 3500000000"),
        ("3.5 billion pounds sterling", "GBP 3500000000"),
        ("HK$20", "HKD 20"),
        ("S$5 million", "SGD 5000000"),
        ("¥1 trillion", "JPY 1000000000000"),
        ("1.5 trillion won", "KRW 1500000000000"),
        ("RM10 billion", "MYR 10000000000"),
        ("a billion dollars", "USD 1000000000"),
        ("five dollars", "USD 5"),
        ("$1.2-billion deal", "USD 1200000000"),
        ("$ 5", "USD 5"),
    ],
)
def test_currencies_are_kept_apart_by_code(text, value):
    assert values(text) == [("money", value)]


def test_money_in_different_currencies_differs():
    assert values("10 billion yuan") != values("10 billion dollars")


def test_money_ranges_share_currency_and_scale():
    assert found("$10-15 billion") == [("money", "USD 10000000000", "$10"), ("money", "USD 15000000000", "15 billion")]
    assert values("$1.2 billion to $1.5 billion") == [("money", "USD 1200000000"), ("money", "USD 1500000000")]
    assert values("between $1 billion and $2 billion") == [("money", "USD 1000000000"), ("money", "USD 2000000000")]
    # a first number much smaller than the second does not borrow its scale
    assert values("between 500 and 1 million dollars") == [("money", "USD 500"), ("money", "USD 1000000")]


def test_currency_words_that_are_ordinary_words_need_a_large_sum():
    assert found("the two won the match") == [("count", "2", "two")]
    assert found("5 pounds of beef") == [("count", "5", "5")]
    assert values("the 2 and 3 won") == [("count", "2"), ("count", "3")]
    assert values("5 million pounds") == [("money", "GBP 5000000")]


def test_a_currency_sign_before_a_percent_or_duration_is_nonsense_and_dropped():
    assert found("$5 per cent") == []


# -- durations -----------------------------------------------------------------------------------


def test_durations_compare_by_number_and_unit():
    assert values("5.5 hours") == [("duration", "5.5 hour")]
    assert values("six hours") == [("duration", "6 hour")]
    assert values("5.5 hours") != values("six hours")
    same("two days", "2 days", "2-day", "two-day")
    same("a 90-day truce", "90 days")
    assert values("a 5.5-hour meeting") == [("duration", "5.5 hour")]
    assert values("three-year plan, 10 mins, 2 hrs, 3 decades, two centuries") == [
        ("duration", "3 year"),
        ("duration", "10 minute"),
        ("duration", "2 hour"),
        ("duration", "3 decade"),
        ("duration", "2 century"),
    ]


def test_duration_ranges():
    assert values("two to three days") == [("duration", "2 day"), ("duration", "3 day")]


# -- dates, months, weekdays, times -------------------------------------------------------------


def test_day_and_month_spellings_are_the_same_date():
    same("Nov. 10", "November 10", "10 November", "Nov 10", "10 Nov", "November 10th", "the 10th of November")
    assert values("on Nov. 10") == [("date", "11-10")]
    assert values("Nov 1") == [("date", "11-01")]


def test_dates_with_a_year():
    same("November 10, 2025", "10 November 2025", "Nov. 10 2025", "2025-11-10")
    assert values("November 10, 2025") == [("date", "2025-11-10")]


def test_date_ranges():
    assert found("held from Oct. 25 to 26 local time") == [("date", "10-25", "Oct. 25"), ("date", "10-26", "26")]
    assert values("25-26 October") == [("date", "10-25"), ("date", "10-26")]
    assert values("from October 30 to November 1") == [("date", "10-30"), ("date", "11-01")]
    assert values("October 25-26, 2025") == [("date", "2025-10-25"), ("date", "2025-10-26")]


def test_a_month_alone_and_with_a_year():
    assert found("in late September") == [("month", "09", "September")]
    assert values("in May 2025") == [("month", "2025-05")]
    assert found("in May.") == [("month", "05", "May")]
    assert values("mid-May") == [("month", "05")]
    assert values("since May, when talks began") == [("month", "05")]


def test_may_as_a_name_or_abbreviations_alone_are_no_month():
    assert found("Theresa May said so.") == []
    assert found("Jan Smith and Mar Roxas") == []


def test_a_day_before_a_unit_is_no_date():
    assert values("in March 2 million people") == [("month", "03"), ("count", "2000000")]


def test_weekdays():
    assert found("on Thursday") == [("weekday", "thursday", "Thursday")]
    assert values("from Saturday to Sunday") == [("weekday", "saturday"), ("weekday", "sunday")]
    assert values("on Saturday (Oct 25)") == [("weekday", "saturday"), ("date", "10-25")]


def test_times():
    assert values("at 10:30 a.m.") == [("time", "10:30")]
    assert values("at 3pm") == [("time", "15:00")]
    assert values("at 12 a.m. and 12 p.m.") == [("time", "00:00"), ("time", "12:00")]
    assert values("at 14:05") == [("time", "14:05")]


# -- years, counts, ordinals ---------------------------------------------------------------------


def test_years_standing_alone():
    assert values("in 2025 there were") == [("year", "2025")]
    assert values("the 2020 US-China deal") == [("year", "2020")]
    assert values("mid-2025") == [("year", "2025")]
    assert values("2019 to 2021") == [("year", "2019"), ("year", "2021")]
    assert values("the 2025-26 season") == [("year", "2025"), ("year", "2026")]
    assert values("in 1899 and 2101") == [("count", "1899"), ("count", "2101")]
    assert values("2,000 troops") == [("count", "2000")]


@pytest.mark.parametrize(
    "text, value",
    [
        ("12,000 people", "12000"),
        ("1,200,000", "1200000"),
        ("ten billion", "10000000000"),
        ("10 billion", "10000000000"),
        ("1.2bn people", "1200000000"),
        ("a dozen", "12"),
        ("two dozen", "24"),
        ("twenty-five", "25"),
        ("twenty five", "25"),
        ("two hundred and fifty", "250"),
        ("one hundred thousand", "100000"),
        ("a million people", "1000000"),
        ("5 hundred thousand", "500000"),
        ("Section 301", "301"),
        ("Merdeka 118", "118"),
        ("the two sides", "2"),
        ("Two officials said", "2"),
        ("a 30-member team", "30"),
        ("zero", "0"),
        ("3.50", "3.5"),
    ],
)
def test_counts(text, value):
    assert values(text) == [("count", value)]


def test_number_words_and_digits_compare_equal():
    same("ten billion", "10 billion", "10,000,000,000")
    same("four", "4")


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 cases",
        "the G20 summit",
        "H20 chips",
        "5G networks",
        "in the 1990s",
        "a 3D printer",
        "version 1.2.3",
        "IP 192.168.0.1",
        "24/7 coverage",
        "a 3:1 ratio",
        "Reuters.com",
        "5m people",
        "hundreds of people",
        "a million-dollar question",
        "one of the tallest",
        "no one knows",
        "they help one another",
        "Air Force One",
        "the Phase One deal",
        "a one-off payment",
        "a two-way street",
    ],
)
def test_names_identifiers_and_idioms_give_no_figure(text):
    assert found(text) == []


@pytest.mark.parametrize(
    "text, value",
    [("fifth", "5"), ("5th", "5"), ("the 32nd APEC meeting", "32"), ("twenty-first", "21"), ("first", "1"),
     ("the 100th day", "100"), ("1,000th", "1000"), ("No. 1 spot", "1"), ("the Second World War", "2")],
)  # fmt: skip
def test_ordinals(text, value):
    assert values(text) == [("ordinal", value)]


def test_a_second_after_a_number_is_a_duration_not_an_ordinal():
    assert values("30 seconds") == [("duration", "30 second")]


# -- general properties ---------------------------------------------------------------------------


def test_figures_do_not_overlap_and_come_in_text_order():
    text = (
        "On Thursday, Nov. 10, 2025, at 3pm, the two sides agreed a $1.2 billion deal, cut tariffs by 10-15% "
        "for 90 days, the fifth such accord since 2019, covering 12,000 firms."
    )
    figures = find_figures(text)
    assert [(f.kind, f.value) for f in figures] == [
        ("weekday", "thursday"),
        ("date", "2025-11-10"),
        ("time", "15:00"),
        ("count", "2"),
        ("money", "USD 1200000000"),
        ("percent", "10"),
        ("percent", "15"),
        ("duration", "90 day"),
        ("ordinal", "5"),
        ("year", "2019"),
        ("count", "12000"),
    ]
    last = 0
    for f in figures:
        assert last <= f.start < f.end and text[f.start : f.end] == f.text
        last = f.end


def test_text_without_figures():
    assert find_figures("") == []
    assert find_figures("The talks were candid and constructive.") == []


def test_figure_is_frozen():
    f = Figure("count", "1", "1", 0, 1)
    with pytest.raises(AttributeError):
        f.value = "2"  # type: ignore[misc]


hypothesis = pytest.importorskip("hypothesis")
strategies = hypothesis.strategies


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    strategies.lists(
        strategies.sampled_from(
            [
                "$",
                "US$",
                "1.2",
                "12,000",
                "5",
                "2025",
                "26",
                "-",
                "–",
                "to",
                "and",
                "between",
                "billion",
                "bn",
                "m",
                "per",
                "cent",
                "%",
                "days",
                "-day",
                "Nov.",
                "October",
                "May",
                "Monday",
                "fifth",
                "one",
                "of",
                "two",
                "hundred",
                "a",
                "dozen",
                "yuan",
                "won",
                "pounds",
                "G20",
                "COVID-19",
                "3pm",
                "10:30",
                "the",
                ",",
                ".",
            ]
        ),  # fmt: skip
        max_size=25,
    ).map(" ".join)
)
def test_any_text_gives_ordered_disjoint_figures_of_known_kinds(text):
    last = 0
    for f in find_figures(text):
        assert f.kind in KINDS
        assert f.value
        assert last <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        last = f.end


# -- the seeds -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_figures(seed_corpus):
    """outlet -> list of (kind, value, text) over the article's sentences."""
    out = {}
    for meta in seed_corpus.articles():
        article = seed_corpus.article(meta.id)
        out[meta.outlet] = [
            (f.kind, f.value, f.text) for s in article_sentences(article.paragraphs) for f in find_figures(s.text)
        ]
    return out


def _has(figures, kind, value, text=None):
    return any(k == kind and v == value and (text is None or t == text) for k, v, t in figures)


def test_the_same_figure_written_differently_across_outlets(seed_figures):
    # "100% tariffs" (Caixin), "100 per cent" (SCMP, CNA)
    for outlet, text in [
        ("Caixin Global", "100%"),
        ("South China Morning Post", "100 per cent"),
        ("CNA", "100 per cent"),
    ]:
        assert _has(seed_figures[outlet], "percent", "100", text), outlet
    # the truce deadline: "Nov. 10" (Türkiye Today), "Nov 10" (CNA)
    assert _has(seed_figures["Türkiye Today"], "date", "11-10", "Nov. 10")
    assert _has(seed_figures["CNA"], "date", "11-10", "Nov 10")
    # the threatened tariff start: "Nov. 1" (Caixin), "November 1" (SCMP, Global Times), "Nov 1" (CNA)
    for outlet, text in [("Caixin Global", "Nov. 1"), ("South China Morning Post", "November 1"), ("CNA", "Nov 1")]:
        assert _has(seed_figures[outlet], "date", "11-01", text), outlet
    # "the fifth face-to-face meeting" (SCMP), "the fifth round" (Türkiye Today)
    assert _has(seed_figures["South China Morning Post"], "ordinal", "5", "fifth")
    assert _has(seed_figures["Türkiye Today"], "ordinal", "5", "fifth")
    # "two days of talks" everywhere it is said
    for outlet in ("Global Times", "Caixin Global", "Türkiye Today"):
        assert _has(seed_figures[outlet], "duration", "2 day", "two days"), outlet


def test_seed_figures_of_the_global_times(seed_figures):
    gt = seed_figures["Global Times"]
    assert _has(gt, "duration", "5.5 hour", "5.5 hours")
    assert _has(gt, "ordinal", "32", "32nd")
    assert _has(gt, "date", "10-30", "October 30") and _has(gt, "date", "11-01", "November 1")
    assert _has(gt, "count", "301", "301")
    assert _has(gt, "month", "05", "May")  # "in Geneva this May"
    assert not any(k == "count" and v == "1" for k, v, _ in gt)


def test_seed_figures_of_cna(seed_figures):
    cna = seed_figures["CNA"]
    assert _has(cna, "date", "10-25", "Oct 25")
    assert _has(cna, "duration", "90 day", "90-day")
    assert [v for k, v, _ in cna if k == "percent"] == ["100", "55", "30", "50"]
    assert _has(cna, "year", "2020", "2020")
    assert _has(cna, "count", "118", "118")
    assert _has(cna, "count", "4", "four")
    assert not _has(cna, "count", "1")  # "Air Force One", "Phase One"


def test_seed_figures_of_turkiye_today(seed_figures):
    tt = seed_figures["Türkiye Today"]
    assert [v for k, v, _ in tt if k == "percent"] == ["145", "125"]
    assert [v for k, v, _ in tt if k == "month"] == ["05", "06", "07", "09", "05"]
    assert not _has(tt, "count", "1")  # "one of Kuala Lumpur's tallest skyscrapers", "Air Force One"


def test_seed_figures_of_caixin(seed_figures):
    cx = seed_figures["Caixin Global"]
    assert [(k, v) for k, v, _ in cx if k == "date"] == [
        ("date", "10-25"),
        ("date", "10-26"),
        ("date", "11-01"),
        ("date", "10-26"),
    ]
    assert _has(cx, "weekday", "thursday")
