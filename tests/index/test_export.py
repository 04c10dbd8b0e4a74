"""The export formats on their own: citations, CSV as spreadsheets read it, Markdown as readers see it."""

from __future__ import annotations

import csv
import io
import os
from datetime import datetime

import pytest
from mdtext import markup_in, plain_text, tables

from talks_tui.index.export import markdown as md
from talks_tui.index.export.citation import citation, short_date
from talks_tui.index.export.csvfile import escape_formula, flat_row, to_csv, unescape_formula
from talks_tui.index.export.formats import format_of, new_file_name, render, write_file
from talks_tui.index.export.views import View, quotes_view
from talks_tui.index.model import Article, Quote
from talks_tui.index.quotes.listing import QuoteRow

# Text that breaks naive writers: separators, quote marks of every kind, newlines, Markdown and
# HTML, a spreadsheet formula, Rich markup.
NASTY = [
    'He said "no" | then | left',
    "line one\nline two\n\nline four",
    '=HYPERLINK("http://evil", "click")',
    "+1 555 0100",
    "-5% on imports",
    "@SUM(A1:A9)",
    "'=already quoted",
    "\ttabbed",
    "a *bold* claim, _under_ it, `code`, [a link](http://x) and <script>alert(1)</script>",
    "# not a heading",
    "1. not a list",
    "- not a list either",
    "back\\slash \\| and &amp; entity",
    "[bold red]markup[/] and [/",
    "‘single’ “double” 'straight' \"straight\"",
    "snake_case_name and __dunder__",
]


def _article(**changes) -> Article:
    base = dict(
        id="a1",
        file="a1.txt",
        path="/x/a1.txt",
        title="US-China trade talks in Malaysia 'very constructive'",
        outlet="CNA",
        date="2025-10-25",
        url="https://www.channelnewsasia.com/east-asia/us-china-trade-talks-5426136",
    )
    return Article(**(base | changes))


def _quote(text: str = "All options are on the table,", **changes) -> Quote:
    base = dict(
        id="a1:1",
        article_id="a1",
        text=text,
        speaker="Scott Bessent",
        role="US Treasury Secretary",
        cue="said",
        partial=False,
        paragraph=3,
        start=1,
        end=1 + len(text),
    )
    return Quote(**(base | changes))


# -- citations -----------------------------------------------------------------------------------


def test_a_citation_reads_as_a_journalist_writes_one():
    assert citation(_quote(), _article()) == (
        "“All options are on the table,” Scott Bessent, US Treasury Secretary, quoted by CNA, 25 Oct 2025, "
        "https://www.channelnewsasia.com/east-asia/us-china-trade-talks-5426136"
    )


def test_a_citation_ends_the_quotation_with_a_comma_but_keeps_a_question():
    assert citation(_quote("We are ready."), _article()).startswith("“We are ready,” Scott Bessent")
    assert citation(_quote("tough"), _article()).startswith("“tough,” Scott Bessent")
    assert citation(_quote("Why now?"), _article()).startswith("“Why now?” Scott Bessent")


def test_a_citation_without_url_names_the_article_and_without_speaker_the_outlet():
    no_url = citation(_quote(), _article(url=None))
    assert no_url.endswith("quoted by CNA, 25 Oct 2025, in “US-China trade talks in Malaysia 'very constructive'”")
    scare = citation(_quote("tough", speaker=None, role=None), _article(url=None, date=None))
    assert scare == "“tough,” CNA, in “US-China trade talks in Malaysia 'very constructive'”"
    bare = citation(_quote("tough", speaker=None, role=None), _article(url=None, date=None, title=None, outlet=None))
    assert bare == "“tough”"


def test_short_dates():
    assert short_date("2025-10-25") == "25 Oct 2025"
    assert short_date("2025-01-05") == "5 Jan 2025"
    assert short_date(None) is None
    assert short_date("October 2025") == "October 2025"


# -- CSV -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", NASTY)
def test_formula_escaping_round_trips(text):
    escaped = escape_formula(text)
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert unescape_formula(escaped) == text


def test_csv_is_rfc_4180_and_reads_back_to_the_same_text():
    rows = [{"id": n, "text": text, "score": -1.5, "flag": True, "none": None} for n, text in enumerate(NASTY)]
    written = to_csv([flat_row(r) for r in rows])
    assert written.startswith("id,text,score,flag,none\r\n")
    back = list(csv.DictReader(io.StringIO(written, newline="")))
    assert [unescape_formula(r["text"]) for r in back] == NASTY
    assert {r["score"] for r in back} == {"-1.5"}  # a number is a number, never escaped
    assert {(r["flag"], r["none"]) for r in back} == {("true", "")}
    # A spreadsheet would see no formula: every text cell starts harmlessly.
    assert not any(r["text"].startswith(("=", "+", "-", "@")) for r in back)


def test_flat_rows_join_lists_and_spread_objects_into_columns():
    row = flat_row(
        {
            "authors": ["Chi Jingyi", "Li Xuanmin"],
            "counts": {"CNA": 2, "Global Times": 0},
            "paragraphs": ["One.", "Two."],
            "snippets": [{"text": "a", "spans": [[0, 1]]}, {"text": "b", "spans": []}],
        }
    )
    assert row == {
        "authors": "Chi Jingyi; Li Xuanmin",
        "counts.CNA": 2,
        "counts.Global Times": 0,
        "paragraphs": "One.\n\nTwo.",
        "snippets": "a\nb",
    }


def test_control_characters_in_file_names_are_shown_not_sent():
    written = to_csv([{"file": "evil\x1b[31m\x9b.txt", "text": "fine"}])
    assert "\x1b" not in written and "\x9b" not in written and "evil\\x1b[31m\\x9b.txt" in written


# -- Markdown ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", NASTY)
def test_markdown_text_shows_exactly_the_text(text):
    document = md.table(["text"], [[md.text(text)]])
    [(header, rows)] = tables(document)
    # (Markdown drops the spaces around a cell or an item: a leading tab goes.)
    assert header == ["text"] and rows == [[text.strip()]]
    assert markup_in(document) == set()
    assert plain_text(f"- {md.text(text)}\n") == text.strip()  # in a list item, as the compare report has


def test_marked_spans_are_bold_and_the_rest_stays_text():
    text = "tariffs on *rare earth* | magnets"
    document = md.marked(text, [(12, 22)])
    assert plain_text(document) == text
    assert markup_in(document) == {"strong"}


def test_links_keep_their_target():
    from markdown_it import MarkdownIt

    cell = md.link("A | title", "https://example.com/a_(b)|c?x=1")
    html = MarkdownIt("commonmark").enable("table").render(md.table(["t"], [[cell]]))
    assert 'href="https://example.com/a_%28b%29%7Cc?x=1"' in html and "A | title" in html
    assert md.link("title", "javascript:alert(1)") == "title"  # only http(s) becomes a link


# -- files ---------------------------------------------------------------------------------------


def _view() -> View:
    rows = [QuoteRow(_quote(text), _article(), group=None) for text in NASTY]
    return quotes_view(rows)


def test_the_format_follows_the_extension():
    assert [format_of(n) for n in ("a.json", "b.CSV", "c.md", "d.markdown", "e.txt", "f")] == [
        "json",
        "csv",
        "markdown",
        "markdown",
        None,
        None,
    ]


def test_a_file_is_written_whole_and_new_names_do_not_overwrite(tmp_path):
    view = _view()
    target = write_file(tmp_path / "quotes.csv", view, "csv")
    assert target.read_bytes() == render(view, "csv").encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.csv"]  # no temporary left behind
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    when = datetime(2025, 10, 26, 14, 12, 5)
    first = new_file_name(view, "csv", tmp_path, when)
    assert first.name == "talks-tui-quotes-20251026-141205.csv"
    first.write_text("")
    assert new_file_name(view, "csv", tmp_path, when).name == "talks-tui-quotes-20251026-141205-2.csv"


def test_an_unwritable_folder_raises_and_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        write_file(tmp_path / "missing" / "quotes.csv", _view(), "csv")
    assert list(tmp_path.iterdir()) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
