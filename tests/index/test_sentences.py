"""Sentence splitting: abbreviations, figures, initials and quotations do not end a sentence; the seeds."""

from __future__ import annotations

import pytest

from talks_tui.index.sentences import Sentence, article_sentences, sentence_spans


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


# -- the basics ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", " ", "   \n\t  ", "\n\n"])
def test_empty_or_blank_text_has_no_sentences(text):
    assert sentence_spans(text) == []
    assert article_sentences([text]) == []


def test_plain_sentences_split_after_full_stops_questions_and_exclamations():
    text = "The talks ended. What comes next? Nobody knows! 2025 was a hard year."
    assert split(text) == ["The talks ended.", "What comes next?", "Nobody knows!", "2025 was a hard year."]


def test_spans_are_stripped_of_surrounding_space():
    text = "  The talks ended.   Both sides left.  "
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["The talks ended.", "Both sides left."]
    assert spans[0][0] == 2


def test_text_without_final_punctuation_is_one_sentence():
    assert split("TALKING POINTS") == ["TALKING POINTS"]
    assert split("A sentence that trails off") == ["A sentence that trails off"]


def test_a_line_break_ends_a_sentence():
    assert split("KUALA LUMPUR\nTop officials met on Saturday.") == ["KUALA LUMPUR", "Top officials met on Saturday."]
    assert split("first line without stop\r\nsecond line") == ["first line without stop", "second line"]


def test_dashes_colons_and_semicolons_do_not_split():
    text = "The talks – following a video call – could help: both sides agreed; markets rallied — briefly."
    assert split(text) == [text]


def test_lowercase_after_a_full_stop_does_not_split():
    assert split("It rose to 5. and then fell.") == ["It rose to 5. and then fell."]


# -- abbreviations -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mr. Smith and Mrs. Jones met Ms. Lee and Dr. Brown.",
        "Prof. Zhou, Gen. Milley, Sen. Warren, Rep. Pelosi and Gov. Newsom spoke.",
        "He lives on St. Mark's Place near Martin Luther King Jr. Boulevard.",
        "Apple Inc. Chief Executive Tim Cook met Ford Motor Co. executives and Tata Sons Ltd. officials.",
        "Goldman Sachs Group Inc. and Microsoft Corp. reported results.",
        "Ranked No. 1 in the world, the team beat No. 2 in the final.",
        "It was Trump vs. Harris in the polls.",
        "Tariffs, quotas, etc. were discussed.",
        "Tariffs on steel, aluminium etc. 25 per cent in all.",
        "Some goods, e.g. soybeans and pork, are exempt.",
        "Some goods, i.e. the farm products, are exempt.",
        "The meeting started at 10 a.m. and ended at 5 p.m. on Friday.",
        "The U.S. Treasury and the U.K. government welcomed the U.N. report.",
        "Top negotiators from China and the U.S. have reached a consensus.",
        "The Sino-U.S. economic relationship is mutual benefit.",
        "The U.S. 10-year yield rose.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(text):
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The truce expires on Nov. 10 unless extended.",
        "The talks were held on Oct. 30 in Busan.",
        "Talks run from Jan. 5 to Feb. 8, with a break in Aug. 2025 and Sept. 12.",
        "Dec. 25 is a holiday, and so is Oct. 1 in China.",
    ],
)
def test_month_abbreviations_before_a_day_do_not_end_a_sentence(text):
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The meeting lasted for 5.5 hours on the first day.",
        "The deal is worth $1.2 billion and US$3.5bn more later.",
        "Inflation rose 3.14% while yields hit 4.5 per cent.",
        "Visit Reuters.com or www.scmp.com for more.",
        "Read it at https://example.com/a.b/c.html today.",
    ],
)
def test_decimals_figures_and_domains_do_not_split(text):
    assert split(text) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The book is by J. K. Rowling and sold well.",
        "President Donald J. Trump spoke to reporters.",
        "George W. Bush and John F. Kennedy were presidents.",
    ],
)
def test_initials_do_not_end_a_sentence(text):
    assert split(text) == [text]


def test_us_at_a_sentence_end_splits_before_a_typical_sentence_opener():
    assert split("The talks were held with the U.S. The next round is in May.") == [
        "The talks were held with the U.S.",
        "The next round is in May.",
    ]
    assert split("China exports less to the U.S. He said so on Sunday.") == [
        "China exports less to the U.S.",
        "He said so on Sunday.",
    ]
    assert split("Soybeans were shipped to the U.S. It was the first time.") == [
        "Soybeans were shipped to the U.S.",
        "It was the first time.",
    ]
    assert split('They met in the U.S. "We agreed," Li said.') == ["They met in the U.S.", '"We agreed," Li said.']


def test_us_before_a_proper_noun_is_one_sentence():
    assert split("He spoke to the U.S. Treasury Secretary Scott Bessent.") == [
        "He spoke to the U.S. Treasury Secretary Scott Bessent."
    ]
    assert split("The U.S. Trade Representative and U.S. Section 301 measures.") == [
        "The U.S. Trade Representative and U.S. Section 301 measures."
    ]


def test_company_suffixes_and_etc_end_a_sentence_before_an_opener():
    assert split("He bought shares in Apple Inc. The stock rose.") == [
        "He bought shares in Apple Inc.",
        "The stock rose.",
    ]
    assert split("They discussed tariffs, quotas, etc. Then they left.") == [
        "They discussed tariffs, quotas, etc.",
        "Then they left.",
    ]
    assert split("They discussed tariffs, quotas etc. Markets fell.") == [
        "They discussed tariffs, quotas etc.",
        "Markets fell.",
    ]


def test_a_word_like_abbreviation_is_a_word_before_a_capital():
    assert split("He said no. The talks then ended.") == ["He said no.", "The talks then ended."]
    assert split("It was a work of art. Trump liked it.") == ["It was a work of art.", "Trump liked it."]


def test_a_single_letter_ends_a_sentence_before_an_opener():
    assert split("They chose plan B. The others left.") == ["They chose plan B.", "The others left."]


def test_a_month_abbreviation_ends_a_sentence_before_an_opener():
    assert split("The data covers Jan. The rest is missing.") == ["The data covers Jan.", "The rest is missing."]


# -- ellipses ------------------------------------------------------------------------------------


def test_an_ellipsis_before_lowercase_stays_inside_the_sentence():
    assert split("We will ... keep working, he said.") == ["We will ... keep working, he said."]
    assert split("We will… keep working.") == ["We will… keep working."]


def test_an_ellipsis_before_a_capital_ends_the_sentence():
    assert split("More to follow... The story is developing.") == ["More to follow...", "The story is developing."]
    assert split("More to follow…") == ["More to follow…"]


# -- quotations ----------------------------------------------------------------------------------


def test_punctuation_inside_a_closing_quote_with_attribution_is_one_sentence():
    assert split("“We will win,” he said.") == ["“We will win,” he said."]
    assert split('"We will win," he said. Then he left.') == ['"We will win," he said.', "Then he left."]
    assert split('"Will we win?" he asked.') == ['"Will we win?" he asked.']
    assert split('"Why not?" Trump asked reporters.') == ['"Why not?" Trump asked reporters.']
    assert split("“Never!” the minister said.") == ["“Never!” the minister said."]


def test_a_full_stop_inside_a_closing_quote_ends_the_sentence_before_a_capital():
    assert split('"We will win." The minister then left.') == ['"We will win."', "The minister then left."]
    assert split("“We will win.” The minister then left.") == ["“We will win.”", "The minister then left."]
    assert split("'We will win.' The minister then left.") == ["'We will win.'", "The minister then left."]
    assert split("‘We will win.’ The minister then left.") == ["‘We will win.’", "The minister then left."]


def test_a_question_inside_quotes_before_a_new_sentence_splits():
    assert split('"Can we win?" The answer was no.') == ['"Can we win?"', "The answer was no."]


def test_a_full_stop_after_a_closing_quote_ends_the_sentence():
    text = "Trump said the levy was “not sustainable”. But a report on Wednesday suggested otherwise."
    assert split(text) == [
        "Trump said the levy was “not sustainable”.",
        "But a report on Wednesday suggested otherwise.",
    ]


def test_a_sentence_ending_before_an_opening_quote_splits():
    assert split('Li spoke first. "We are firm," he said.') == ["Li spoke first.", '"We are firm," he said.']
    assert split("Li spoke first. “We are firm,” he said.") == ["Li spoke first.", "“We are firm,” he said."]


def test_a_quotation_of_two_sentences_splits_between_them():
    text = "\"I'm not sure the Chinese can agree to that. It's the primary leverage that they have,\" Lipsky said."
    assert split(text) == [
        "\"I'm not sure the Chinese can agree to that.",
        "It's the primary leverage that they have,\" Lipsky said.",
    ]


def test_closing_brackets_stay_with_their_sentence():
    assert split("He left (as expected.) The others stayed.") == ["He left (as expected.)", "The others stayed."]
    assert split("He met officials (Reuters). Talks went on.") == ["He met officials (Reuters).", "Talks went on."]


# -- invariants and articles ---------------------------------------------------------------------


def test_spans_are_ordered_stripped_and_cover_every_visible_character():
    text = "  He said: “No. 1 is the U.S.” Then? Yes!  Again...  and again.\nNew line. "
    spans = sentence_spans(text)
    covered = set()
    last = 0
    for a, b in spans:
        assert last <= a < b
        assert not text[a].isspace() and not text[b - 1].isspace()
        covered.update(range(a, b))
        last = b
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_article_sentences_index_paragraphs_and_spans():
    paragraphs = ("First one. Second one.", "", "  Third one.  ")
    sentences = article_sentences(paragraphs)
    assert sentences == [
        Sentence(0, 0, 10, "First one."),
        Sentence(0, 11, 22, "Second one."),
        Sentence(2, 2, 12, "Third one."),
    ]
    for s in sentences:
        assert paragraphs[s.paragraph][s.start : s.end] == s.text


def test_sentence_is_frozen():
    s = Sentence(0, 0, 1, "x")
    with pytest.raises(AttributeError):
        s.text = "y"  # type: ignore[misc]


def test_very_long_run_on_text_is_split_quickly():
    sentence = "The U.S. and China met on Oct. 25 for 5.5 hours, Mr. Li said. "
    text = sentence * 5000
    spans = sentence_spans(text)
    assert len(spans) == 5000
    assert text[spans[-1][0] : spans[-1][1]] == sentence.strip()


hypothesis = pytest.importorskip("hypothesis")
strategies = hypothesis.strategies


@hypothesis.settings(max_examples=300, deadline=None)
@hypothesis.given(
    strategies.lists(
        strategies.sampled_from(
            [
                "The",
                "U.S.",
                "Mr.",
                "said",
                ".",
                "?",
                "!",
                "...",
                "…",
                '"',
                "“",
                "”",
                "’",
                "5.5",
                "Nov.",
                "J.",
                "he",
                "It",
                " ",
                "  ",
                "\n",
                "e.g.",
                "(",
                ")",
                "Inc.",
                "x",
            ]
        ),  # fmt: skip
        max_size=40,
    ).map(" ".join)
)
def test_spans_invariants_hold_for_any_text(text):
    spans = sentence_spans(text)
    last = 0
    covered = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
        assert "\n" not in text[a:b]
        covered += sum(not c.isspace() for c in text[a:b])
        last = b
    assert covered == sum(not c.isspace() for c in text)


# -- the seeds -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_articles(seed_corpus):
    return {a.outlet: seed_corpus.article(a.id) for a in seed_corpus.articles()}


def _texts(article) -> list[str]:
    return [s.text for s in article_sentences(article.paragraphs)]


def test_the_scmp_run_on_paragraph_splits_into_its_sentences(seed_articles):
    scmp = seed_articles["South China Morning Post"]
    assert len(scmp.paragraphs) == 1
    texts = _texts(scmp)
    assert len(texts) == 20
    assert texts[0].endswith("the world’s two largest economies.")
    assert texts[3] == (
        "Bilateral relations between the two global powers have been volatile in recent weeks, but the talks – "
        "following a video call between He and Bessent a week earlier – could open the door to a potential "
        "de-escalation."
    )
    assert (
        "Tensions have since eased slightly after Trump softened his tone, saying the levy was “not sustainable”."
        in texts
    )
    assert texts[11].startswith("“It would be a shame") and texts[11].endswith("” he said.")
    assert texts[-1] == "More to follow..."


def test_caixin_abbreviations_stay_inside_sentences(seed_articles):
    texts = _texts(seed_articles["Caixin Global"])
    assert texts[2] == (
        "The discussions, held from Oct. 25 to 26 local time, were led by Chinese Vice Premier He Lifeng, the U.S. "
        "treasury secretary Scott Bessent and the U.S. trade representative Jamieson Greer."
    )
    assert (
        "Bessent told reporters that the Malaysia talks had eliminated the threat of Trump’s 100% tariffs on "
        "Chinese imports starting Nov. 1, according to U.S. media reports." in texts
    )
    assert (
        "The U.S. treasury secretary also said he expected Beijing to delay implementation of its rare earth "
        in (texts[5])
    )
    assert len(texts) == 19


def test_global_times_quotes_and_figures(seed_articles):
    texts = _texts(seed_articles["Global Times"])
    assert "A Bloomberg report noted that the meeting on the first day lasted for 5.5 hours." in texts
    assert "What's next?" in texts
    assert 'We will keep you updated on that."' in texts
    assert any(
        t.endswith('"the US expressed a tough stance, while China steadfastly safeguarded its interests."')
        for t in texts
    )
    assert len(texts) == 35


def test_every_seed_sentence_starts_well_and_ends_with_punctuation(seed_articles):
    for article in seed_articles.values():
        for s in article_sentences(article.paragraphs):
            assert s.text[0].isupper() or s.text[0] in "\"“‘'", s.text
            if not s.text.isupper():  # CNA's section headings have no full stop
                assert s.text[-1] in ".?!…\"”’'", s.text


# -- more hard cases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1. The first point. 2. The second point.", ["1. The first point.", "2. The second point."]),
        ("He scored 5. Then he left.", ["He scored 5.", "Then he left."]),
        ("He was born in the U.S.A. The family moved.", ["He was born in the U.S.A.", "The family moved."]),
        ("Washington, D.C. The mayor spoke.", ["Washington, D.C.", "The mayor spoke."]),
        ("Washington, D.C. Mayor Bowser spoke.", ["Washington, D.C. Mayor Bowser spoke."]),
        ("No. 10 Downing St. The prime minister left.", ["No. 10 Downing St.", "The prime minister left."]),
        ("It ended with U.S.-China ties. The end.", ["It ended with U.S.-China ties.", "The end."]),
        ("“He said ‘no.’ Then he left.”", ["“He said ‘no.’", "Then he left.”"]),
        ("Is it over?! Nobody knows.", ["Is it over?!", "Nobody knows."]),
        ("Sales rose.\u00a0The end.", ["Sales rose.", "The end."]),
    ],
)
def test_more_hard_cases(text, expected):
    assert split(text) == expected


def test_a_quotation_mark_that_lost_its_space_still_ends_a_sentence():
    """Scraped pages drop the space at a mark: 'said.”But' opens the next quote, 'launch.”Elderly'
    closes the last one."""
    text = "He told the BBC.”We left at once,” he said.”But it was hard to launch.”Elderly passengers cried."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "He told the BBC.",
        "”We left at once,” he said.",
        "”But it was hard to launch.”",
        "Elderly passengers cried.",
    ]
