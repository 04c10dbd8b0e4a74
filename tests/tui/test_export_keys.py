"""Taking things out of the app, driven by keys: `y` copies a quotation with its citation, `e` (or
the palette) writes the pane's view to a file in the current folder, `o` opens the web page."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import SEEDS
from mdtext import plain_text, tables
from pilot import ready, wait_until
from textual.widgets import TabbedContent

from talks_tui.index.export.csvfile import flat_row, unescape_formula
from talks_tui.index.export.records import coverage_record, quote_record
from talks_tui.tui.app import TalksApp
from talks_tui.tui.cli import main


def recording(app: TalksApp) -> list[tuple[str, dict]]:
    """Every notice the app gives, as (message, options)."""
    notices: list[tuple[str, dict]] = []
    notify = app.notify

    def record(message: str, **options) -> None:
        notices.append((message, options))
        notify(message, **options)

    app.notify = record  # type: ignore[method-assign]
    return notices


def read_csv(path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8")
    return [{k: unescape_formula(v) for k, v in row.items()} for row in csv.DictReader(io.StringIO(text, newline=""))]


def as_cells(record: dict) -> dict[str, str]:
    return {k: str(v) for k, v in flat_row(record).items()}


def _corpus_args(tmp_path) -> list[str]:
    return ["--corpus", str(SEEDS), "--index-dir", str(tmp_path / "index")]


@pytest.fixture
def app(tmp_path, monkeypatch) -> TalksApp:
    monkeypatch.chdir(tmp_path)  # exports go to the current folder
    return TalksApp(paths=[SEEDS], index_dir=tmp_path / "index")


async def _quotes_of(pilot, words: str) -> None:
    await pilot.press("2", "f", *list(words), "enter")  # filter, then back on the list
    await pilot.pause()
    assert pilot.app.focused is pilot.app.quotes_pane.table


async def test_y_copies_the_quotation_under_the_cursor_with_its_citation(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        notices = recording(app)
        await _quotes_of(pilot, "firm")
        pane = app.quotes_pane
        row = pane.shown_rows[pane.table.cursor_row]
        await pilot.press("y")
        expected = quote_record(row)["citation"]
        assert app.clipboard == expected
        assert expected.startswith("“firm,” Li Chenggang") and f"quoted by {row.article.outlet}" in expected
        assert notices[-1] == (expected, {"title": "Copied", "markup": False})
        await pilot.press("j", "y")  # the next quotation under the cursor
        assert app.clipboard == quote_record(pane.shown_rows[pane.table.cursor_row])["citation"]


async def test_e_exports_the_quotes_listed_as_csv(app, tmp_path, capsys):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        notices = recording(app)
        await _quotes_of(pilot, "bessent")
        shown = app.quotes_pane.shown_rows
        assert {r.quote.speaker for r in shown} == {"Scott Bessent"}
        await pilot.press("e")
        [written] = tmp_path.glob("talks-tui-quotes-*.csv")
        assert read_csv(written) == [as_cells(quote_record(r)) for r in shown]
        message, options = notices[-1]
        assert message == f"{len(shown)} quotations to {written.name} in {Path.cwd()}"
        assert options["title"] == "Exported" and options["markup"] is False
        await pilot.press("e")  # again: a new file, the first one kept
        assert len(list(tmp_path.glob("talks-tui-quotes-*.csv"))) == 2
    # The command line's file for the same quotations: the same rows, in the pane's order.
    assert main(["quotes", "--speaker", "bessent", "--format", "csv", *_corpus_args(tmp_path)]) == 0
    cli = {row["id"]: row for row in csv.DictReader(io.StringIO(capsys.readouterr().out, newline=""))}
    exported = list(csv.DictReader(io.StringIO(written.read_bytes().decode("utf-8"), newline="")))
    assert sorted(cli) == sorted(row["id"] for row in exported)
    assert [cli[row["id"]] for row in exported] == exported


async def test_e_exports_the_comparison_as_a_markdown_report(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        pane = app.compare_pane
        await wait_until(pilot, lambda: pane.alignment is not None, "the comparison")
        await pilot.press("e")
        [written] = tmp_path.glob("talks-tui-compare-*.md")
        report = written.read_text(encoding="utf-8")
        alignment = pane.alignment
        [(header, rows), *_] = tables(report)
        assert header == ["", "left", "right"] and rows[0][1:] == [alignment.left.title, alignment.right.title]
        text = plain_text(report)
        assert "Summary" in text and "Aligned sentences" in text and "Quoted by both" in text
        for pair in alignment.pairs:
            assert f"left: {alignment.left_sentences[pair.left].text}" in text


async def test_e_exports_the_coverage_table(app, tmp_path, capsys):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        pane = app.coverage_pane
        await wait_until(pilot, lambda: pane.coverage is not None, "the coverage")
        await pilot.press("e")
        [written] = tmp_path.glob("talks-tui-coverage-*.csv")
        assert read_csv(written) == [as_cells(t) for t in coverage_record(pane.coverage)["topics"]]
    # The same file as the command line's (its 24 topics are the pane's).
    assert main(["coverage", "--format", "csv", *_corpus_args(tmp_path)]) == 0
    assert written.read_bytes().decode("utf-8") == capsys.readouterr().out


async def test_the_palette_exports_in_another_format(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await _quotes_of(pilot, "tough")
        shown = app.quotes_pane.shown_rows
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*list("Export this view as JSON"))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: list(tmp_path.glob("talks-tui-quotes-*.json")), "the JSON file")
        [written] = tmp_path.glob("talks-tui-quotes-*.json")
        assert json.loads(written.read_text(encoding="utf-8")) == [quote_record(r) for r in shown]


async def test_e_where_the_current_folder_is_gone_says_so(app, tmp_path, monkeypatch):
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()  # deleted under the app: no file, a notice, and the app goes on
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        notices = recording(app)
        await pilot.press("e")
        message, options = notices[-1]
        assert message.startswith("Cannot export to the current folder: ") and options["severity"] == "error"
        assert options["markup"] is False and app.is_running


async def test_e_on_the_articles_pane_exports_the_search_results(app, tmp_path):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *list("soybeans"))
        await wait_until(pilot, lambda: app.session.matches and app.session.matches.query == "soybeans", "search")
        await pilot.press("escape", "e")
        [written] = tmp_path.glob("talks-tui-articles-*.csv")
        assert sorted(r["outlet"] for r in read_csv(written)) == ["CNA", "South China Morning Post"]
        assert app.query_one("#panes", TabbedContent).active == "articles"


async def test_o_opens_the_web_page_where_one_is_known(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "with-url.txt").write_text(
        "---\ntitle: Talks in Kuala Lumpur\noutlet: Example Times\ndate: 2025-10-26\n"
        "url: https://example.com/news/talks\n---\n\n"
        'Trade officials met on Sunday. "We made progress," said Jane Doe, the trade minister.\n',
        encoding="utf-8",
    )
    (corpus / "no-url.txt").write_text(
        'Talks without an address\n\nTrade officials met again. "No comment," said John Roe.\n', encoding="utf-8"
    )
    app = TalksApp(paths=[corpus], index_dir=tmp_path / "index")
    opened: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        app.open_url = lambda url, **_: opened.append(url)  # type: ignore[method-assign]
        notices = recording(app)
        titles = [app.session.by_id[app.article_list.key_of(i)].title for i in range(app.article_list.row_count)]
        for title in titles:
            await pilot.press("o")
            if title == "Talks in Kuala Lumpur":
                assert opened == ["https://example.com/news/talks"]
            else:
                assert notices[-1][0] == "This article has no web address."
            await pilot.press("j")
        assert opened == ["https://example.com/news/talks"]
        await _quotes_of(pilot, "progress")
        await pilot.press("y")  # a quotation from it cites the address
        assert app.clipboard == (
            "“We made progress,” Jane Doe, the trade minister, quoted by Example Times, 26 Oct 2025, "
            "https://example.com/news/talks"
        )
        await pilot.press("o")  # in Quotes, o chooses an outlet: the web page is not opened
        assert app.focused is app.quotes_pane.query_one("#outlet-select") and len(opened) == 1
        app.quotes_pane.table.focus()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*list("Open the article's web page"))
        await pilot.pause(0.5)
        await pilot.press("enter")  # there the palette opens the quotation's article
        await wait_until(pilot, lambda: len(opened) == 2, "the web page")
        assert opened[-1] == "https://example.com/news/talks"
        await pilot.press("3", "o")  # two articles side by side: o says where it works
        assert notices[-1][0].startswith("This pane shows no one article: ") and len(opened) == 2
