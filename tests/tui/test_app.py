"""The app driven by keys through Textual's pilot, as a user would, on the bundled articles."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS
from pilot import ready, wait_until
from textual.widgets import Input, Static, TabbedContent

from talks_tui.tui.app import TalksApp
from talks_tui.tui.cli import main


async def search(pilot, text: str) -> None:
    app = pilot.app
    await pilot.press("slash", *list(text))
    await wait_until(
        pilot, lambda: app.session.matches is not None and app.session.matches.query == text, f"search {text!r}"
    )
    await pilot.pause()


@pytest.fixture
def app(tmp_path) -> TalksApp:
    return TalksApp(paths=[SEEDS], index_dir=tmp_path / "index")


def listed_outlets(app) -> list[str]:
    return [app.session.by_id[app.article_list.key_of(i)].outlet for i in range(app.article_list.row_count)]


async def test_typing_a_query_filters_the_list_and_highlights_the_reader(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.article_list.row_count == 5
        await search(pilot, "soybeans")
        assert sorted(listed_outlets(app)) == ["CNA", "South China Morning Post"]
        status = str(app.query_one("#status").render())
        assert "2 of 5 articles match" in status
        assert app.reader.match_count >= 1
        await pilot.press("escape")
        assert app.focused is app.article_list
        await pilot.press("j")
        assert app.article_list.cursor_row == 1


async def test_open_an_article_and_jump_between_matches(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "tariffs")
        await pilot.press("escape", "enter")
        assert app.focused is app.reader
        count = app.reader.match_count
        assert count > 1
        await pilot.press("n")
        first = app.reader.current_match
        await pilot.press("n")
        assert app.reader.current_match == (first + 1) % count
        await pilot.press("N")
        assert app.reader.current_match == first


async def test_a_query_that_cannot_be_parsed_keeps_the_last_results(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "soybeans")
        await pilot.press(*list(' "rare'))
        await wait_until(pilot, lambda: "quote" in str(app.query_one("#status").render()), "the error")
        assert app.query_one("#status").has_class("error")
        assert app.article_list.row_count == 2  # the last good results stay


async def test_the_quote_detail_says_how_sure_its_speaker_is(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        pane = app.quotes_pane
        rows = [pane._shown[i] for i in range(pane.table.row_count)]
        guess = next(i for i, r in enumerate(rows) if r.quote.attribution == "headline")
        firm = next(i for i, r in enumerate(rows) if r.quote.attribution == "same-sentence")
        for index, words, mark in ((guess, "a guess: a headline", "?"), (firm, "named in its own sentence", "")):
            pane.table.move_cursor(index)
            await pilot.pause()
            assert words in str(pane.query_one("#quote-detail").render())
            assert pane.table.cells(index)[3] == mark  # the ? column of the table


async def test_filter_quotes_by_speaker_and_text_then_open_one(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        assert app.query_one("#panes", TabbedContent).active == "quotes"
        pane = app.quotes_pane
        total = pane.table.row_count
        assert total == len(app.session.quote_rows) > 20
        await pilot.press("f", *list("bessent"))
        await pilot.pause()
        speakers = {pane._shown[i].quote.speaker for i in range(pane.table.row_count)}
        assert speakers == {"Scott Bessent"}
        pane.query_one("#quote-filter", Input).value = ""
        await pilot.pause()
        pane.filter_by(speaker="Li Chenggang")
        await pilot.pause()
        texts = [pane._shown[i].quote.text for i in range(pane.table.row_count)]
        assert "tough" in texts and all(pane._shown[i].quote.speaker == "Li Chenggang" for i in range(len(texts)))
        await pilot.press("escape", "f", *list("firm"), "enter")
        assert app.focused is pane.table
        row = pane._shown[pane.table.cursor_row]
        assert row.quote.text == "firm"
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one("#panes", TabbedContent).active == "articles"
        assert app.reader.article.id == row.quote.article_id
        assert app.focused is app.reader


@pytest.mark.parametrize(
    ("typed", "cli_option"),
    [("scmp", "--outlet"), ("South China", "--outlet"), ("bessent", "--speaker"), ("consensus", "--grep")],
)
async def test_the_quote_viewer_and_the_cli_filter_alike(app, tmp_path, capsys, typed, cli_option):
    """One filter below the screen: typing in the viewer's box finds what `talks-tui quotes`
    finds with the matching option (for "scmp", the outlet's alias)."""
    code = main(["quotes", "--json", cli_option, typed, "--corpus", str(SEEDS), "--index-dir", str(tmp_path / "cli")])
    assert code == 0
    from_cli = sorted(q["text"] for q in json.loads(capsys.readouterr().out))
    assert from_cli
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2", "f", *list(typed))
        await pilot.pause()
        pane = app.quotes_pane
        shown = sorted(pane._shown[i].quote.text for i in range(pane.table.row_count))
        assert shown == from_cli
        summary = str(pane.query_one("#quote-detail").border_title)
        assert f"{len(from_cli)} of {len(app.session.quote_rows)} quotations" in summary


async def test_help_opens_and_closes(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("question_mark")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen.__class__.__name__ != "HelpScreen"


async def test_palette_filters_quotes_by_speaker(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"
        await pilot.press(*list("Quotes by Scott Bessent"))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.query_one("#panes", TabbedContent).active == "quotes", "the quotes pane")
        await pilot.pause()
        pane = app.quotes_pane
        assert {pane._shown[i].quote.speaker for i in range(pane.table.row_count)} == {"Scott Bessent"}
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("escape")
        assert app.screen.__class__.__name__ != "CommandPalette"


async def test_number_keys_switch_panes(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panes = app.query_one("#panes", TabbedContent)
        for key, pane in (("3", "compare"), ("2", "quotes"), ("1", "articles")):
            await pilot.press(key)
            assert panes.active == pane


async def test_markup_laden_article_renders_literally(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    title = "Tariffs [bold]rise[/] [@click=app.quit]x[/]"
    body = 'Body with [/] and [link=http://x]a link[/link], and "a [red]quote[/red]," the [b]minister[/b] said.'
    (corpus / "m.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    app = TalksApp(paths=[corpus], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(
            pilot, lambda: app.session.corpus is not None and app.article_list.row_count == 1, "the article"
        )
        await pilot.pause()
        assert app.session.articles[0].title == title
        shown = "".join(str(strip.text) for strip in (app.article_list.render_line(y) for y in range(3)))
        assert "Tariffs [bold]r" in shown
        await search(pilot, "tariffs")
        await pilot.press("escape", "enter")
        assert app.is_running  # the [@click=app.quit] did nothing
        shown = " ".join(str(widget.render()) for widget in app.reader.query(Static))
        assert title in shown and "[link=http://x]a link[/link]" in shown and "[red]quote[/red]" in shown


async def _show_articles(pilot):
    await search(pilot, "rare earth")
    await pilot.press("escape")


async def _press(pilot, key):
    await pilot.press(key)
    await pilot.pause()


async def _show_compare(pilot):
    """Türkiye Today against CNA, the cursor on the truce's expiry (Nov. 10 on both sides)."""
    app = pilot.app
    await _press(pilot, "3")
    pane = app.query_one("#compare-pane")
    ids = {a.outlet: a.id for a in app.session.articles}
    pane.show_sides(ids["Türkiye Today"], ids["CNA"])
    await wait_until(pilot, lambda: pane.alignment and pane.alignment.left.outlet == "Türkiye Today", "the alignment")
    await pilot.pause()
    rows = pane.alignment.rows()
    truce = next(
        n for n, (i, _, pair) in enumerate(rows) if pair and "Nov. 10" in pane.alignment.left_sentences[i].text
    )
    app.query_one("#compare-rows").move_cursor(truce)
    await pilot.pause()


async def _show_coverage(pilot):
    app = pilot.app
    await _press(pilot, "4")
    await wait_until(pilot, lambda: app.query_one("#coverage-pane").coverage is not None, "the topics")
    await pilot.pause()


SNAPSHOT_STEPS = {
    "articles": _show_articles,
    "quotes": lambda pilot: _press(pilot, "2"),
    "compare": _show_compare,
    "coverage": _show_coverage,
    "help": lambda pilot: _press(pilot, "question_mark"),
}


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
@pytest.mark.parametrize("pane", list(SNAPSHOT_STEPS))
def test_snapshot(snap_compare, tmp_path, pane, size):
    app = TalksApp(paths=[SEEDS], index_dir=tmp_path / "index")

    async def run_before(pilot):
        await ready(pilot)
        await SNAPSHOT_STEPS[pane](pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_a_folder_large_enough_for_worker_processes_opens(tmp_path):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for n in range(70):
        (corpus / f"{n:03d}.txt").write_text(
            f'Story {n} on tariffs\n\nTariffs rose again, "a lot," said Trade Minister Amara Okafor {n}.\n',
            encoding="utf-8",
        )
    app = TalksApp(paths=[corpus], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.article_list.row_count == 70
        assert len(app.session.quote_rows) == 70


async def test_fast_typing_ends_on_the_results_of_the_last_text(app):
    """Keys typed while a search runs are searched as soon as it ends: the list ends up showing
    what the box holds, never an older prefix's results."""
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        text = "rare earth outlet:cna"  # "rare earth" alone, on the way, matches four articles
        await pilot.press("slash", *list(text))  # no pause between keys
        await wait_until(
            pilot, lambda: app.session.matches is not None and app.session.matches.query == text, "the last search"
        )
        await pilot.pause(0.2)
        assert app.session.matches.query == text
        assert listed_outlets(app) == ["CNA"]


async def test_switching_panes_at_once_after_launch_waits_for_them(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "3", "4", "1", "2")  # before the corpus is open, the panes perhaps not mounted
        await ready(pilot)
        assert app.query_one("#panes", TabbedContent).active == "quotes"
        await wait_until(pilot, lambda: app.focused is not None and app.focused.id == "quote-list", "the quote list")
