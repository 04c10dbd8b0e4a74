"""The Compare and Coverage panes driven by keys, on the bundled articles."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from conftest import SEEDS
from pilot import ready, wait_until
from rich.console import Console
from textual.widgets import DataTable, Input, Static, TabbedContent

from talks_tui.tui.app import TalksApp
from talks_tui.tui.compare_pane import ComparePane, CompareRow, CompareRows


@pytest.fixture
def app(tmp_path) -> TalksApp:
    return TalksApp(paths=[SEEDS], index_dir=tmp_path / "index")


def compare_pane(app) -> ComparePane:
    return app.query_one("#compare-pane", ComparePane)


async def compared(pilot, outlets: tuple[str, str] | None = None) -> None:
    """Wait for an alignment on screen (of these two outlets, if given)."""
    pane = compare_pane(pilot.app)

    def done() -> bool:
        a = pane.alignment
        if a is None or not pane.query(CompareRow):
            return False
        return outlets is None or (a.left.outlet, a.right.outlet) == outlets

    await wait_until(pilot, done, f"the comparison {outlets}")
    await pilot.pause()


def plain(renderable) -> str:
    console = Console(width=200, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def sides(app) -> tuple[str, str]:
    pane = compare_pane(app)
    return tuple(pane.choices[n].outlet for n in pane.sides)


async def test_compare_pane_lines_up_two_articles_and_swaps_and_cycles(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await compared(pilot)
        assert app.focused is app.query_one(CompareRows)
        left, right = sides(app)
        heading = plain(app.query_one("#compare-heading").content)
        assert left in heading and right in heading
        summary = str(app.query_one("#compare-summary").render())
        assert "also reported by" in summary and "in both" in summary and "differ" in summary
        assert "same wording" in str(app.query_one("#compare-legend").render())

        await pilot.press("s")
        await compared(pilot, (right, left))
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: sides(app)[0] != right, "the left side to change")
        await compared(pilot, sides(app))
        assert sides(app)[1] == left


async def test_compare_pane_rows_put_aligned_sentences_side_by_side(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await compared(pilot)
        pane = compare_pane(app)
        pane.show_sides(*(next(a.id for a in app.session.articles if a.outlet == o) for o in ("Türkiye Today", "CNA")))
        await compared(pilot, ("Türkiye Today", "CNA"))
        rows = list(app.query(CompareRow))
        assert len(rows) == len(pane.alignment.rows())
        truce = [
            n
            for n, (i, j, pair) in enumerate(pane.alignment.rows())
            if pair and "Nov. 10" in pane.alignment.left_sentences[i].text
        ]
        assert truce, "the truce expiry is aligned"
        # d walks the differences: every row it stops on is a difference.
        table = app.query_one(CompareRows)
        for _ in range(3):
            await pilot.press("d")
            await pilot.pause()
            assert rows[table.cursor].difference
        at = table.cursor
        await pilot.press("k")
        await pilot.pause()
        assert table.cursor == at - 1


async def test_the_sides_never_show_the_same_article(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await compared(pilot)
        pane = compare_pane(app)
        n = len(pane.choices)
        assert n > 2
        seen_left, seen_right = set(), set()
        for key in ["right_square_bracket"] * (n + 1) + ["left_square_bracket"] * (n + 1):
            await pilot.press(key)
            assert pane.sides[0] != pane.sides[1], (key, pane.sides)
            seen_left.add(pane.sides[0])
        for key in ["right_curly_bracket"] * (n + 1) + ["left_curly_bracket"] * (n + 1) + ["s"]:
            await pilot.press(key)
            assert pane.sides[0] != pane.sides[1], (key, pane.sides)
            seen_right.add(pane.sides[1])
        assert len(seen_left) == n - 1 and len(seen_right) >= n - 1  # all but the other side's come round
        # Asked for the article the other side shows, the sides change places.
        left, right = (pane.choices[i].id for i in pane.sides)
        pane.show_sides(None, left)
        assert [pane.choices[i].id for i in pane.sides] == [right, left]
        await compared(pilot, tuple(pane.choices[i].outlet for i in pane.sides))


async def test_the_summary_says_in_words_how_much_each_side_reports_of_the_other(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await compared(pilot)
        pane = compare_pane(app)
        pane.show_sides(*(next(a.id for a in app.session.articles if a.outlet == o) for o in ("CNA", "Türkiye Today")))
        await compared(pilot, ("CNA", "Türkiye Today"))
        summary = str(app.query_one("#compare-summary").render())
        found = re.match(
            r"(\d+) of (\d+) sentences of CNA (?:is|are) also reported by Türkiye Today, "
            r"and (\d+) of (\d+) of Türkiye Today by CNA · ",
            summary,
        )
        assert found, summary
        a = pane.alignment
        assert [int(g) for g in found.groups()] == [
            len({p.left for p in a.pairs}),
            len(a.left_sentences),
            len({p.right for p in a.pairs}),
            len(a.right_sentences),
        ]
        assert 0 < int(found[1]) < int(found[2])
        assert "%" not in summary and "found" not in summary


async def test_palette_puts_an_outlet_on_either_side(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("3")
        await compared(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*list("compare right cna"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_until(pilot, lambda: sides(app)[1] == "CNA", "CNA on the right")
        await compared(pilot, sides(app))


async def test_coverage_pane_shows_topics_by_outlet_and_enter_searches(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        pane = app.query_one("#coverage-pane")
        await wait_until(pilot, lambda: pane.coverage is not None, "the topics")
        await pilot.pause()
        table = app.query_one("#coverage-table", DataTable)
        assert app.focused is table
        assert table.row_count == len(pane.coverage.topics) > 5
        labels = [t.label.lower() for t in pane.coverage.topics]
        assert any("soybean" in label for label in labels)
        # Enter on a topic's cell in an outlet's column searches that topic in that outlet.
        topic = pane.coverage.topics[0]
        outlet_column = 1 + next(n for n, o in enumerate(pane.coverage.outlets) if topic.counts.get(o))
        table.move_cursor(row=0, column=outlet_column)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.session.matches is not None, "the search")
        assert app.query_one("#panes", TabbedContent).active == "articles"
        query = app.query_one("#search", Input).value
        assert topic.query in query and "outlet:" in query
        assert app.session.matches.total >= 1


async def test_coverage_pane_says_when_its_topics_come_from_a_sample(app, monkeypatch):
    from talks_tui.index.coverage import topics

    monkeypatch.setattr(topics, "SAMPLE_SIZE", 3)  # the seeds' 5 articles stand for a large corpus
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        pane = app.query_one("#coverage-pane")
        await wait_until(pilot, lambda: pane.coverage is not None, "the topics")
        await pilot.pause()
        assert pane.coverage.sample == 3
        summary = str(app.query_one("#coverage-summary", Static).render())
        assert "topics from a sample of 3 articles, counted in all" in summary
        assert len(pane.coverage.outlets) == 5  # every article's outlet is a column
        # A corpus where no outlet leaves a topic out says so, not "X leaves out the most: 0".
        everywhere = replace(pane.coverage, topics=tuple(t for t in pane.coverage.topics if len(t.counts) == 5))
        assert everywhere.topics
        pane.show(everywhere)
        summary = str(app.query_one("#coverage-summary", Static).render())
        assert "every outlet mentions every topic" in summary and "leaves out" not in summary


async def test_enter_on_a_column_that_is_no_outlet_searches_all_articles(tmp_path):
    # Two articles whose outlet is unknown: their columns are their titles, markup in one.
    paragraphs = [
        "Soybeans and fentanyl dominated the talks, officials said on Sunday in Kuala Lumpur.",
        "Farmers want soybeans sold again. Fentanyl tariffs may fall, the negotiators said.",
        "Rare earths were discussed at length, and soybeans came up once more.",
        '"We are very close to a deal on soybeans," the lead negotiator told reporters.',
    ]
    folder = tmp_path / "articles"
    folder.mkdir()
    for n, title in enumerate(["[bold]Soybeans return[/bold] to the table", "Fentanyl tariffs may fall"]):
        (folder / f"story{n}.txt").write_text(title + "\n\n" + "\n\n".join(paragraphs), encoding="utf-8")
    app = TalksApp(paths=[folder], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("4")
        pane = app.query_one("#coverage-pane")
        await wait_until(pilot, lambda: pane.coverage is not None, "the topics")
        await pilot.pause()
        assert "[bold]Soybeans return[/bold] to the table" in pane.coverage.outlets
        topic = pane.coverage.topics[0]
        column = 1 + next(n for n, o in enumerate(pane.coverage.outlets) if topic.counts.get(o))
        app.query_one("#coverage-table", DataTable).move_cursor(row=0, column=column)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.session.matches is not None, "the search")
        assert app.query_one("#search", Input).value == topic.query  # no outlet: filter
        notices = [n.message for n in app._notifications]
        assert any("is not an outlet the search can filter by" in m for m in notices)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_coverage_headers_name_every_outlet_in_full_or_by_its_short_name(app, size):
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        await pilot.press("4")
        pane = app.query_one("#coverage-pane")
        await wait_until(pilot, lambda: pane.coverage is not None, "the topics")
        await pilot.pause()
        table = app.query_one("#coverage-table", DataTable)
        headers = [c.label.plain for c in table.ordered_columns[1:]]
        short = app.session.short_names
        assert short.get("South China Morning Post") == "SCMP"
        wanted = [o if size[0] >= 100 else short.get(o, o) for o in pane.coverage.outlets]
        assert headers == wanted  # not cut to 8 characters ("South Ch")
        assert table.header_height == 1
        widths = sum(c.get_render_width(table) for c in table.ordered_columns)
        assert widths <= size[0]  # no sideways scrolling to see the last outlet
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert table.header_height == 2  # laid out again for the new width: "Global" over "Times"
        assert table.ordered_columns[1].label.plain == "Global\nTimes"
