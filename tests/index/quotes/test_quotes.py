"""Finding quotations: marks, apostrophes, headlines, fragments, broken and run-on quotes."""

from __future__ import annotations

import pytest

from talks_tui.index.model import Article, Quote
from talks_tui.index.quotes.extract import extract_quotes
from talks_tui.index.quotes.marks import find_marked_spans


def article(title: str | None, *paragraphs: str, aid: str = "a1") -> Article:
    return Article(
        id=aid, file=f"{aid}.txt", path=f"/corpus/{aid}.txt", title=title, outlet="Wire", date=None,
        paragraphs=paragraphs,
    )  # fmt: skip


def texts(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


def by_text(quotes: list[Quote]) -> dict[str, Quote]:
    return {q.text: q for q in quotes}


# --- marks and apostrophes -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We are ready," he said.', ["We are ready,"]),
        ("“We are ready,” he said.", ["We are ready,"]),
        ("‘We are ready,’ he said.", ["We are ready,"]),
        ("'We are ready,' he said.", ["We are ready,"]),
        # mixed curly opening and straight closing mark, as scraped headlines have them
        (
            "‘US expresses its position in a tough manner' says Li",
            ["US expresses its position in a tough manner"],
        ),
        # a closing mark typed the wrong way round still closes
        ("“We are ready,“ he said.", ["We are ready,"]),
        ('the so-called "dual circulation" plan and a "tough" stance', ["dual circulation", "tough"]),
        ("He called it “a disaster” — and “a shame”.", ["a disaster", "a shame"]),
        ('"We will — if we must — retaliate," Li said.', ["We will — if we must — retaliate,"]),
        ('"…and that is why we left," he said.', ["…and that is why we left,"]),
        ('"Why would we accept that?" asked Wang.', ["Why would we accept that?"]),
        # scraped text that lost the space after a closing mark
        ('"We will fight,"he said, "and win."', ["We will fight,", "and win."]),
    ],
)
def test_marked_spans(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "China's leaders attended the APEC Economic Leaders' Meeting, and they're ready.",
        "The '90s were different; rock 'n' roll never died in the ‘90s either.",
        "Kuala Lumpur’s tallest tower, the world’s second-tallest, hosts the Leaders’ summit.",
        "Bessent and Greer's first meeting with O'Brien and the Joneses' lawyer went well.",
        "The US's allies won't say; it's the ministers' call, isn't it?",
    ],
)
def test_apostrophes_are_not_quotation_marks(text: str) -> None:
    assert find_marked_spans(text) == []


def test_single_quote_closing_after_a_possessive_plural() -> None:
    text = "'We met the Leaders' group and the farmers' union,' she said."
    assert texts(text) == ["We met the Leaders' group and the farmers' union,"]


def test_apostrophes_inside_a_single_quoted_quotation() -> None:
    assert texts("‘China’s stance hasn’t changed since the ’90s,’ he said.") == [
        "China’s stance hasn’t changed since the ’90s,"
    ]


def test_nested_single_quotes_belong_to_the_double_quoted_quotation() -> None:
    assert texts("\"He told me 'no deal' and left,\" said Kim.") == ["He told me 'no deal' and left,"]
    # and the other way round, as British papers write it
    assert texts("'He called it \"a disaster\",' she said.") == ['He called it "a disaster",']


def test_a_stray_opening_mark_inside_a_sentence_is_dropped() -> None:
    quotes = extract_quotes(article(None, 'Exports rose 5 per cent, the "biggest rise in a year, officials said'))
    assert quotes == []


# --- quotes in articles ------------------------------------------------------------------------


def test_headline_quote_in_single_marks() -> None:
    a = article(
        "US-China trade talks in Malaysia 'very constructive'",
        '"They have been very constructive," a US Treasury spokesperson said of the talks.',
    )
    quotes = extract_quotes(a)
    head = quotes[0]
    assert (head.text, head.headline, head.paragraph, head.partial) == ("very constructive", True, None, True)
    assert a.title[head.start : head.end] == "very constructive"
    assert head.speaker == "US Treasury spokesperson"
    assert [q.id for q in quotes] == ["a1:0", "a1:1"]


def test_headline_repeated_as_first_paragraph_is_not_a_second_quote() -> None:
    title = "Xi says 'the door is open'"
    a = article(title, title, 'Chinese President Xi Jinping said "the door is open" to talks.')
    quotes = extract_quotes(a)
    assert [(q.paragraph, q.text) for q in quotes] == [(None, "the door is open"), (1, "the door is open")]


def test_fragments_are_partial_and_statements_are_not() -> None:
    a = article(
        None,
        'Li said the discussions were "intense," with the US maintaining a "tough" stance.',
        '"We will not back down," Li said.',
        'Li said on Friday that "China and the US are in close communication."',
        'Li said that "the US expressed a tough stance."',
    )
    q = by_text(extract_quotes(a))
    assert q["intense,"].partial and q["tough"].partial
    assert not q["We will not back down,"].partial
    assert not q["China and the US are in close communication."].partial
    assert q["the US expressed a tough stance."].partial


def test_quote_broken_by_its_attribution_gives_two_quotes_with_one_speaker() -> None:
    a = article(None, '"We will fight," Wang Wentao said, "and we will win."')
    quotes = extract_quotes(a)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("We will fight,", "Wang Wentao"),
        ("and we will win.", "Wang Wentao"),
    ]


def test_quote_running_on_into_the_next_paragraph() -> None:
    a = article(
        None,
        'Treasury Secretary Scott Bessent said: "We have a framework for the leaders.',
        '"Now it is up to them to decide, and we expect a deal."',
        "The talks ended on Sunday.",
    )
    quotes = extract_quotes(a)
    assert [(q.paragraph, q.text, q.continued) for q in quotes] == [
        (0, "We have a framework for the leaders.", False),
        (1, "Now it is up to them to decide, and we expect a deal.", True),
    ]
    assert {q.speaker for q in quotes} == {"Scott Bessent"}


def test_attribution_in_the_last_piece_of_a_run_on_quote_covers_the_first() -> None:
    a = article(
        None,
        "Li Chenggang spoke after the talks.",
        '"The talks were long and at times difficult.',
        '"But we reached a basic consensus," Li said.',
    )
    quotes = extract_quotes(a)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("The talks were long and at times difficult.", "Li Chenggang"),
        ("But we reached a basic consensus,", "Li Chenggang"),
    ]


def test_names_titles_and_scare_quotes_have_no_speaker() -> None:
    a = article(
        None,
        "The Trump administration added to the tension by announcing a probe into China's "
        '"apparent failure" to meet the terms of the 2020 "Phase One" trade agreement.',
        'The strikes, dubbed "Operation Midnight Hammer", hit three sites.',
        'China and the US were said to have agreed on a "framework" for a TikTok deal.',
        'Beijing promotes its so-called "dual circulation" strategy.',
    )
    q = by_text(extract_quotes(a))
    assert set(q) == {
        "apparent failure",
        "Phase One",
        "Operation Midnight Hammer",
        "framework",
        "dual circulation",
    }
    assert q["apparent failure"].speaker == "Trump administration"
    for label in ("Phase One", "Operation Midnight Hammer", "framework", "dual circulation"):
        assert q[label].speaker is None, label


def test_span_points_at_the_quoted_text() -> None:
    a = article(
        "Li: 'tough' talks",
        "KUALA LUMPUR: Chinese trade negotiator Li Chenggang said the US was “tough”.",
        "“We remain firm,” he said. “China will defend its interests.”",
    )
    for q in extract_quotes(a):
        block = a.title if q.paragraph is None else a.paragraphs[q.paragraph]
        assert block[q.start : q.end] == q.text
        assert q.article_id == "a1"


def test_article_without_quotes_or_title() -> None:
    assert extract_quotes(article(None, "Nothing was said.", "")) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a right mark opening after a sentence that lost its space
        ("one passenger told the agency.”We were having supper,” said Luis Castro.", ["We were having supper,"]),
        # a closing mark typed after a space, before the attribution
        ('But "there are no regular checks, " said Spohr.', ["there are no regular checks,"]),
    ],
)
def test_marks_misplaced_by_a_page_still_bound_a_quotation(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in find_marked_spans(text)] == expected
