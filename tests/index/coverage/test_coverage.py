"""Coverage: the story's topics found from the text, and which outlet mentions each."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from talks_tui.index.coverage.choosing import _found_in
from talks_tui.index.coverage.topics import UNKNOWN_OUTLET, Coverage, Topic, column_names, even_sample, find_coverage
from talks_tui.index.model import Article

STOCK_WORDS = {
    "said",
    "says",
    "told",
    "reporters",
    "officials",
    "official",
    "year",
    "week",
    "people",
    "percent",
    "per cent",
    "thursday",
    "sunday",
    "october",
    "november",
    "the",
    "and",
    "two",
    "sides",
    "sidelines",
}


@pytest.fixture(scope="module")
def seed_articles(seed_corpus):
    return [seed_corpus.article(a.id) for a in seed_corpus.articles()]


@pytest.fixture(scope="module")
def seed_coverage(seed_articles):
    return find_coverage(seed_articles)


def text_of(article: Article) -> str:
    return "\n".join(((article.title,) if article.title else ()) + article.paragraphs)


def topic(coverage: Coverage, *labels: str) -> Topic:
    found = [t for t in coverage.topics if t.label.lower() in labels]
    assert found, f"none of {labels} in {[t.label for t in coverage.topics]}"
    return found[0]


def truth(articles: list[Article], pattern: str) -> dict[str, int]:
    """Mentions per outlet by a plain case-insensitive search of the text."""
    counts: dict[str, int] = {}
    for article, column in zip(articles, column_names(articles), strict=True):
        n = len(re.findall(pattern, text_of(article), flags=re.IGNORECASE))
        if n:
            counts[column] = counts.get(column, 0) + n
    return counts


# -- The bundled story ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("labels", "pattern"),
    [
        (("rare earth", "rare earths"), r"\brare[- ]earths?\b"),
        (("export controls", "export control"), r"\bexport controls?\b"),
        (("fentanyl",), r"\bfentanyl"),
        (("soybeans", "soybean"), r"\bsoybeans?\b"),
        (("section 301",), r"\bsection 301\b"),
        (("truce",), r"\btruces?\b"),
    ],
)
def test_the_story_s_issues_are_topics_counted_per_outlet(seed_articles, wide_coverage, labels, pattern):
    found = topic(wide_coverage, *labels)
    assert found.counts == truth(seed_articles, pattern)
    column = dict(zip((a.id for a in seed_articles), column_names(seed_articles), strict=True))
    assert {column[i] for i in found.articles} == set(found.counts)


@pytest.fixture(scope="module")
def wide_coverage(seed_articles):
    """More topics than the default: the story's backdrop (named by every outlet) included."""
    return find_coverage(seed_articles, limit=100)


def test_the_default_topics_favour_what_tells_outlets_apart(seed_articles, seed_coverage, wide_coverage):
    everywhere = [t for t in seed_coverage.topics if len(t.articles) == len(seed_articles)]
    partial = [t for t in seed_coverage.topics if len(t.articles) < len(seed_articles)]
    assert len(partial) > 2 * len(everywhere)
    assert len(wide_coverage.topics) > len(seed_coverage.topics)


def test_people_are_topics_under_their_full_names(seed_articles, wide_coverage):
    seed_coverage = wide_coverage
    bessent = topic(seed_coverage, "scott bessent")
    assert bessent.kind == "entity"
    assert bessent.counts == truth(seed_articles, r"\bBessent\b")  # "Bessent said" counts too
    assert topic(seed_coverage, "he lifeng").kind == "entity"
    assert topic(seed_coverage, "jamieson greer").counts == truth(seed_articles, r"\bGreer\b")
    trump = topic(seed_coverage, "donald trump")
    assert "Global Times" not in trump.counts  # it speaks of "the two heads of state"


def test_labels_are_written_as_in_the_text(seed_coverage, wide_coverage):
    labels = [t.label for t in wide_coverage.topics]
    assert "US" in labels  # U.S. and US are one topic, written the common way
    assert "Kuala Lumpur" in labels
    for t in seed_coverage.topics:
        assert t.label == t.label.strip() and "  " not in t.label
        assert t.kind in ("entity", "phrase", "term")
        if t.kind == "phrase":
            # Not as in a headline or at a sentence's start (acronyms stay as they are).
            assert all(w.isupper() or w == w.lower() for w in t.label.split()), t.label
    assert topic(wide_coverage, "nov 1").label == "Nov 1"  # Nov. 1, November 1


def test_stock_words_of_news_are_not_topics(seed_coverage):
    for t in seed_coverage.topics:
        words = t.label.lower().split()
        assert t.label.lower() not in STOCK_WORDS
        assert words[0] not in STOCK_WORDS and words[-1] not in STOCK_WORDS, t.label


def test_no_two_topics_say_the_same(seed_coverage):
    labels = [t.label.lower() for t in seed_coverage.topics]
    assert len(labels) == len(set(labels))
    for part in ("rare", "earth", "kuala", "lumpur", "bessent", "scott", "chinese"):
        assert part not in labels


def test_queries_find_exactly_the_articles_counted(seed_corpus, seed_coverage):
    for t in seed_coverage.topics:
        result = seed_corpus.search(t.query, limit=None, snippets=False)
        assert {hit.article.id for hit in result.hits} == set(t.articles), (t.label, t.query)
    assert topic(seed_coverage, "rare earth", "rare earths").query == '"rare earth"'
    assert topic(seed_coverage, "fentanyl").query == "fentanyl"


def test_matrix_shape_and_order(seed_articles, seed_coverage):
    assert seed_coverage.outlets == tuple(a.outlet for a in seed_articles)
    assert 10 <= len(seed_coverage.topics) <= 24
    spread = [len(t.articles) for t in seed_coverage.topics]
    assert spread == sorted(spread, reverse=True)
    for t in seed_coverage.topics:
        assert set(t.counts) <= set(seed_coverage.outlets)
        assert all(n > 0 for n in t.counts.values())
    assert len(find_coverage(seed_articles, limit=5).topics) == 5


def test_missing_lists_what_an_outlet_left_out(seed_coverage):
    missing = {t.label.lower() for t in seed_coverage.missing("Global Times")}
    assert "donald trump" in missing
    assert {"rare earth", "rare earths"} & missing
    assert "fentanyl" not in missing
    assert all(not t.counts.get("CNA") for t in seed_coverage.missing("CNA"))
    with pytest.raises(KeyError):
        seed_coverage.missing("No Such Outlet")


# -- Other stories ----------------------------------------------------------------------------------


def article(id_: str, outlet: str | None, title: str, *paragraphs: str) -> Article:
    return Article(
        id=id_, file=f"{id_}.txt", path=f"/tmp/{id_}.txt", title=title, outlet=outlet, date=None, paragraphs=paragraphs
    )


BREACH = [
    article(
        "a1",
        "Daily Ledger",
        "Norvik Bank hit by ransomware attack; millions of customer records exposed",
        "Norvik Bank said on Monday that a ransomware attack had exposed the customer records of about 2.4 "
        "million people, in what regulators described as one of the largest data breaches in the country's history.",
        "The bank's chief executive, Lena Hoffmann, told reporters in Oslo that the attackers had demanded a "
        'ransom of $20 million in bitcoin. "We will not pay," Hoffmann said.',
        "The Data Protection Authority has opened an investigation into whether Norvik Bank breached its "
        "obligations. A spokesperson for the Data Protection Authority said fines could reach 4% of annual turnover.",
        "Security researchers linked the attack to the BlackVane group, which has targeted banks in Germany and "
        "Denmark this year. The ransomware encrypted servers at two data centres.",
        "Customers were urged to change their passwords and to switch on two-factor authentication. Hoffmann said "
        "online banking would be restored by Wednesday.",
    ),
    article(
        "a2",
        "Nordic Wire",
        "Bank breach: what customers need to know",
        "Norvik Bank customers have been told to reset their passwords after the ransomware attack, the bank said "
        "on Tuesday.",
        "Lena Hoffmann, the chief executive, said the BlackVane hackers had copied names, addresses and account "
        "numbers, but not card PINs. The customer records of 2.4 million people were affected.",
        'Lawyers at Berg & Lund said they were preparing a class action on behalf of customers. "The bank ignored '
        'warnings for months," said partner Ola Berg.',
        "Two-factor authentication will become mandatory for all online banking from April, Hoffmann said. The "
        "Data Protection Authority declined to comment on the size of possible fines.",
    ),
    article(
        "a3",
        "Market Times",
        "Shares in Norvik Bank fall 9% after cyberattack",
        "Shares in Norvik Bank fell 9% on Tuesday as investors weighed the cost of the ransomware attack, which "
        "exposed the customer records of 2.4 million people.",
        "Analysts at Fjord Capital estimated the bank could face fines and class action claims of up to $300 "
        "million. A class action is being prepared by Berg & Lund.",
        "The BlackVane group has claimed responsibility on its leak site and threatened to publish the data unless "
        "a ransom is paid. Norvik Bank has refused to pay the ransom.",
        "The central bank said the incident posed no risk to financial stability.",
    ),
]


def test_another_story_yields_its_own_topics():
    coverage = find_coverage(BREACH)
    assert coverage.outlets == ("Daily Ledger", "Nordic Wire", "Market Times")
    labels = {t.label for t in coverage.topics}
    for expected in (
        "Norvik Bank",
        "ransomware attack",
        "customer records",
        "class action",
        "BlackVane",
        "Lena Hoffmann",
        "Data Protection Authority",
        "two-factor authentication",
        "Berg & Lund",
    ):
        assert expected in labels, (expected, labels)
    assert not labels & {"bank", "said", "Tuesday", "people", "China", "rare earth"}
    hoffmann = topic(coverage, "lena hoffmann")
    assert hoffmann.counts == truth(BREACH, r"\bHoffmann\b")
    assert "Market Times" not in hoffmann.counts
    assert hoffmann in coverage.missing("Market Times")
    assert topic(coverage, "norvik bank").kind == "entity"
    assert topic(coverage, "class action").kind == "phrase"


def test_figures_are_one_topic_however_written():
    articles = [
        article("f1", "One", "Levies", "Washington threatened 100% tariffs on imported steel and aluminium."),
        article("f2", "Two", "Levies", "The threat of 100 per cent tariffs on imported steel worried buyers."),
        article("f3", "Three", "Levies", "Tariffs of 100 percent on imported steel would start on Nov. 1."),
        article("f4", "Four", "Levies", "Buyers of imported steel expect the levy from November 1."),
    ]
    coverage = find_coverage(articles)
    hundred = [t for t in coverage.topics if t.label.startswith("100%")]
    assert hundred and set(hundred[0].counts) == {"One", "Two", "Three"}
    day = topic(coverage, "nov 1")
    assert set(day.counts) == {"Three", "Four"}
    assert topic(coverage, "imported steel").counts == {"One": 1, "Two": 1, "Three": 1, "Four": 1}


def test_articles_without_an_outlet_are_columns_of_their_own():
    articles = [
        article("n1", None, "Storm floods the valley", "Storm Ellen flooded the Rhone valley on Monday."),
        article("n2", None, "Valley cleans up", "Farmers in the Rhone valley counted losses after Storm Ellen."),
        article("n3", "Valley Post", "Aid arrives", "Aid reached the Rhone valley days after Storm Ellen."),
    ]
    coverage = find_coverage(articles)
    assert coverage.outlets == ("Storm floods the valley", "Valley cleans up", "Valley Post")
    ellen = topic(coverage, "storm ellen")
    assert ellen.counts == {"Storm floods the valley": 1, "Valley cleans up": 1, "Valley Post": 1}
    assert ellen.articles == ("n1", "n2", "n3")


def test_one_outlet_with_several_articles_is_one_column():
    articles = [
        article("m1", "Wire", "One", "The Zephyr Pipeline opened in Lagos."),
        article("m2", "Wire", "Two", "The Zephyr Pipeline carries gas to Lagos."),
        article("m3", "Daily", "Three", "Critics of the Zephyr Pipeline marched in Abuja."),
    ]
    coverage = find_coverage(articles)
    assert coverage.outlets == ("Wire", "Daily")
    assert topic(coverage, "zephyr pipeline").counts == {"Wire": 2, "Daily": 1}


def test_markup_in_the_text_is_only_text():
    marked = [
        article(a.id, a.outlet, f"[bold]{a.title}[/bold]", *(f"[i]{p}[/i]" for p in a.paragraphs)) for a in BREACH
    ]
    plain, coverage = find_coverage(BREACH), find_coverage(marked)
    assert [(t.label, t.counts) for t in coverage.topics] == [(t.label, t.counts) for t in plain.topics]
    assert not any("[" in t.label or "[" in t.query for t in coverage.topics)


def test_empty_and_tiny_corpora():
    assert find_coverage([]) == Coverage(outlets=(), topics=())
    assert find_coverage(BREACH, limit=0).topics == ()
    single = find_coverage(BREACH[:1])
    assert single.outlets == ("Daily Ledger",)
    assert "Norvik Bank" in {t.label for t in single.topics}
    blank = find_coverage([article("e1", "Nowhere", "", ""), article("e2", "Elsewhere", "", "...")])
    assert blank.topics == ()
    assert find_coverage([article("w1", "Wire", "The", "It was said that they were.")]).topics == ()


@given(st.lists(st.integers(-5, 40), max_size=60), st.lists(st.integers(-5, 40), max_size=30))
def test_membership_in_sorted_positions_is_numpys(values, others):
    """Choosing's test of overlapping mentions, by bisection in sorted positions, answers as np.isin."""
    ordered = np.unique(np.asarray(others, dtype=np.int64))
    values = np.asarray(values, dtype=np.int64)
    assert _found_in(values, ordered).tolist() == np.isin(values, ordered).tolist()


# -- A large corpus: topics found in an even sample, mentions counted in every article through the
# search index (Corpus.coverage with a sample smaller than the corpus) ------------------------------


@pytest.fixture(scope="module")
def sampled(seed_corpus):
    return seed_corpus.coverage(sample_size=3)  # topics from 3 of the 5 articles


def test_an_even_sample_spreads_over_the_corpus_and_is_always_the_same():
    assert even_sample(list(range(10)), 4) == [0, 2, 5, 7]
    assert even_sample(list(range(10)), 4) == even_sample(list(range(10)), 4)
    assert even_sample(list(range(3)), 4) == [0, 1, 2]


def test_sampled_topics_are_counted_in_every_article(seed_corpus, seed_articles, sampled):
    assert sampled.outlets == tuple(column_names(seed_articles))
    in_sample = {a.id for a in even_sample(seed_articles, 3)}
    # Mentions in the two articles the sample left out are counted too.
    assert any(set(t.articles) - in_sample for t in sampled.topics)
    for labels, pattern in [
        (("rare earth", "rare earths"), r"\brare[- ]earths?\b"),
        (("apec",), r"\bAPEC\b|Asia-Pacific Economic Cooperation"),
        (("truce",), r"\btruces?\b"),
    ]:
        found = topic(sampled, *labels)
        assert found.counts == truth(seed_articles, pattern)
        column = dict(zip((a.id for a in seed_articles), column_names(seed_articles), strict=True))
        assert {column[i] for i in found.articles} == set(found.counts)


def test_a_topic_found_both_ways_is_counted_the_same(seed_corpus, sampled):
    full = {t.label: t for t in seed_corpus.coverage().topics}
    shared = [t for t in sampled.topics if t.label in full]
    assert len(shared) >= 8
    for t in shared:
        assert (t.counts, set(t.articles)) == (full[t.label].counts, set(full[t.label].articles)), t.label


def test_a_surname_and_the_full_name_count_each_mention_once(sampled, seed_articles):
    trump = topic(sampled, "donald trump")
    assert trump.counts == truth(seed_articles, r"\bTrump\b")


def test_articles_without_an_outlet_have_their_own_columns_until_there_are_many(seed_articles):
    from dataclasses import replace

    few = [replace(a, outlet=None) for a in seed_articles]
    assert find_coverage(few).outlets == tuple(a.title for a in few)
    # 25 of them (wire copy, say): one shared column, not 25.
    many = [replace(a, outlet=None, id=f"{a.id}-{n}") for n in range(5) for a in seed_articles]
    coverage = find_coverage(many)
    assert coverage.outlets == (UNKNOWN_OUTLET,)
    soybeans = topic(coverage, "soybeans", "soybean")
    assert soybeans.counts == {UNKNOWN_OUTLET: 5 * sum(truth(seed_articles, r"\bsoybeans?\b").values())}
    # With outlets known for most, the few others share the column too.
    mixed = many + seed_articles
    assert find_coverage(mixed).outlets == (UNKNOWN_OUTLET, *(a.outlet for a in seed_articles))
