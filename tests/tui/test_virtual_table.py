"""VirtualTable, driven as a user would: keys, clicks and resizes through Textual's pilot."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import Footer

from talks_tui.tui.virtual_table import Choice, Column, VirtualTable

COLUMNS = [
    Column("Outlet", width=14),
    Column("Date", width=10),
    Column("Title"),
    Column("Hits", width=4, justify="right"),
]
OUTLETS = ["Global Times", "Caixin Global", "SCMP", "Türkiye Today", "CNA"]


def article_rows(count: int, prefix: str = "a") -> list[tuple[str, list[str]]]:
    return [
        (f"{prefix}{i}", [OUTLETS[i % 5], f"2025-10-{25 + i % 2}", f"Trade talks story number {i}", str(i % 7)])
        for i in range(count)
    ]


class TableApp(App[None]):
    """The table with a footer, and the table's messages collected for the test to read."""

    def __init__(self, rows=(), columns=COLUMNS, empty_text: str = "") -> None:
        super().__init__()
        self.initial_rows = list(rows)
        self.columns = columns
        self.empty_text = empty_text
        self.highlighted: list[tuple[str | None, int]] = []
        self.selected: list[tuple[str, int]] = []

    def compose(self) -> ComposeResult:
        yield VirtualTable(self.columns, empty_text=self.empty_text, id="table")
        yield Footer()

    def on_mount(self) -> None:
        if self.initial_rows:
            self.query_one(VirtualTable).set_rows(self.initial_rows)

    @on(VirtualTable.Highlighted, "#table")
    def remember_highlight(self, message: VirtualTable.Highlighted) -> None:
        self.highlighted.append((message.row_key, message.row_index))

    @on(VirtualTable.Selected, "#table")
    def remember_selection(self, message: VirtualTable.Selected) -> None:
        self.selected.append((message.row_key, message.row_index))


def screen_lines(table: VirtualTable) -> list[str]:
    """The table's lines as drawn now (header first)."""
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


def cursor_is_visible(table: VirtualTable) -> bool:
    top = table.scroll_offset.y
    return top <= table.cursor_row < top + table.visible_row_count


async def test_ten_thousand_rows_keys_move_the_cursor_and_keep_it_on_screen():
    app = TableApp(article_rows(10_000))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        assert table.row_count == 10_000
        assert table.has_focus
        lines = screen_lines(table)
        assert lines[0].split() == ["Outlet", "Date", "Title", "Hits"]
        assert "Trade talks story number 0" in lines[1]
        assert "Trade talks story number 1" in lines[2]
        assert table.cursor_row == 0 and table.cursor_key == "a0"

        await pilot.press("j", "j", "k")
        assert table.cursor_row == 1
        await pilot.press("down", "down", "up")
        assert table.cursor_row == 2

        await pilot.press("end")
        assert table.cursor_row == 9_999 and table.cursor_key == "a9999"
        assert cursor_is_visible(table)
        assert "Trade talks story number 9999" in screen_lines(table)[-1]
        assert screen_lines(table)[0].split() == ["Outlet", "Date", "Title", "Hits"]  # header stays

        await pilot.press("home")
        assert table.cursor_row == 0 and table.scroll_offset.y == 0

        await pilot.press("pagedown")
        page = table.visible_row_count
        assert table.cursor_row == page
        assert cursor_is_visible(table)
        assert f"Trade talks story number {page}" in screen_lines(table)[1 + page - table.scroll_offset.y]

        await pilot.press("pageup")
        assert table.cursor_row == 0 and cursor_is_visible(table)

        await pilot.press("G")
        assert table.cursor_row == 9_999 and cursor_is_visible(table)
        await pilot.press("g")
        assert table.cursor_row == 0 and cursor_is_visible(table)

        await pilot.press("k", "up")  # already at the top: stays, no error
        assert table.cursor_row == 0


async def test_moving_the_cursor_posts_highlighted_and_enter_posts_selected():
    app = TableApp(article_rows(50))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.highlighted.clear()
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert app.highlighted == [("a1", 1), ("a2", 2)]
        assert app.selected == [("a2", 2)]


async def test_click_moves_the_cursor_and_a_click_on_the_cursor_row_selects():
    app = TableApp(article_rows(50))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        # Line 0 of the widget is the header, so line 4 shows row 3.
        await pilot.click(VirtualTable, offset=(20, 4))
        await pilot.pause()
        assert table.cursor_row == 3 and table.cursor_key == "a3"
        assert app.selected == []
        await pilot.click(VirtualTable, offset=(20, 4))
        await pilot.pause()
        assert app.selected == [("a3", 3)]

        await pilot.click(VirtualTable, offset=(20, 0))  # the header: nothing happens
        await pilot.pause()
        assert table.cursor_row == 3 and app.selected == [("a3", 3)]

        # After scrolling, a click still picks the row drawn under the mouse.
        await pilot.press("end")
        top = table.scroll_offset.y
        assert top > 0
        await pilot.click(VirtualTable, offset=(20, 1))
        await pilot.pause()
        assert table.cursor_row == top


async def test_mouse_wheel_scrolls_the_rows():
    app = TableApp(article_rows(500))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        # The pilot has no wheel helper; this is how it sends its own mouse events.
        for _ in range(3):
            await pilot._post_mouse_events([events.MouseScrollDown], VirtualTable, offset=(20, 5))
        top = table.scroll_offset.y
        assert top > 0
        lines = screen_lines(table)
        assert lines[0].split() == ["Outlet", "Date", "Title", "Hits"]
        assert f"Trade talks story number {top}" in lines[1]


async def test_set_rows_keeps_the_cursor_on_the_given_key_or_goes_back_to_the_top():
    app = TableApp(article_rows(1_000))
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        table.move_cursor(600)
        await pilot.pause()
        assert table.cursor_key == "a600" and cursor_is_visible(table)

        # A filter that keeps a600 (now at a different index): the cursor follows the key.
        kept = [row for row in article_rows(1_000) if row[0].endswith("0")]
        app.highlighted.clear()
        table.set_rows(kept, keep_cursor_on=table.cursor_key)
        await pilot.pause()
        assert table.row_count == 100
        assert table.cursor_key == "a600" and table.cursor_row == 60
        assert cursor_is_visible(table)
        assert app.highlighted == []  # same article under the cursor: nothing to announce

        # A filter that drops it: back to the first row, scrolled to the top.
        table.set_rows(article_rows(30, prefix="b"), keep_cursor_on="a600")
        await pilot.pause()
        assert table.cursor_row == 0 and table.cursor_key == "b0"
        assert table.scroll_offset.y == 0
        assert app.highlighted == [("b0", 0)]

        # Without keep_cursor_on the cursor goes to the top too.
        table.move_cursor(20)
        table.set_rows(article_rows(30, prefix="c"))
        await pilot.pause()
        assert table.cursor_row == 0 and table.cursor_key == "c0"

        # move_cursor clamps.
        table.move_cursor(1_000)
        assert table.cursor_row == 29
        table.move_cursor(-5)
        assert table.cursor_row == 0
        assert table.key_of(29) == "c29" and table.key_of(30) is None and table.row_of("c7") == 7


async def test_markup_in_cells_renders_literally():
    nasty = ["[bold]Tariffs[/bold]", "[/]", "[@click=app.quit]quit[/]", "[link=http://x]y[/link] \\[ok]"]
    rows = [(f"m{i}", [text, "2025-10-25", text, "1"]) for i, text in enumerate(nasty)]
    rows.append(("t", [Text("[red]as Text[/red]"), "", Text("[/"), ""]))
    app = TableApp(rows, columns=[Column("Outlet", width=30), Column("Date", width=10), Column("Title")])
    async with app.run_test(size=(100, 20)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        lines = screen_lines(table)
        for i, text in enumerate(nasty):
            assert lines[1 + i].count(text) == 2, lines[1 + i]
        assert "[red]as Text[/red]" in lines[5] and "[/" in lines[5]
        # Clicking the row with the fake action only moves the cursor; the app keeps running.
        await pilot.click(VirtualTable, offset=(5, 3))
        await pilot.click(VirtualTable, offset=(5, 3))
        await pilot.pause()
        assert app.is_running and app.selected == [("m2", 2)]


async def test_long_and_wide_cells_are_cut_with_an_ellipsis_and_stay_aligned():
    rows = [
        ("en", ["SCMP", "2025-10-26", "China and US reach consensus on trade after talks in Kuala Lumpur", "12"]),
        (
            "zh",
            ["环球时报 Global Times", "2025-10-26", "中美经贸磋商在吉隆坡举行，双方就多项议题达成共识并推进后续", "3"],
        ),
        ("emoji", ["CNA 🕒", "2025-10-27", "Talks 🇲🇾 end with a deal 🤝 on tariffs and export controls", "100"]),
    ]
    app = TableApp(rows)
    async with app.run_test(size=(70, 12)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        width = table.scrollable_content_region.width
        widths = table.column_widths(width)
        lines = screen_lines(table)[:4]
        assert all(cell_len(line) == width for line in lines)
        for line in lines[1:]:
            # Every date starts at the same cell: the outlet column kept its width.
            assert cell_len(line[: line.index("2025-")]) == table.EDGE + widths[0] + table.COLUMN_GAP
            assert "…" in line  # the title was cut
        assert lines[2].startswith(" 环球时报 Glob… ")  # 8 cells of CJK + 5 + "…" = 14
        assert lines[1].rstrip().endswith(" 12") and lines[3].rstrip().endswith("100")  # right-justified


async def test_cell_styles_are_kept_also_on_the_cursor_row():
    title = Text("US tariffs on China")
    title.stylize("bold magenta", 3, 10)
    rows = [("a", ["CNA", "2025-10-26", title, "1"]), ("b", ["SCMP", "2025-10-26", title.copy(), "1"])]
    app = TableApp(rows)
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        for y in (1, 2):  # the cursor row, then a plain row
            segments = {segment.text: segment.style for segment in table.render_line(y)}
            assert segments["tariffs"].bold and segments["tariffs"].color.name == "magenta"
        cursor_bg = table.render_line(1)._segments[0].style.bgcolor
        plain_bg = table.render_line(2)._segments[0].style.bgcolor
        assert cursor_bg != plain_bg
        # The highlight span sits on the cursor row's background.
        tariffs_on_cursor = next(s for s in table.render_line(1) if s.text == "tariffs")
        assert tariffs_on_cursor.style.bgcolor == cursor_bg
        assert str(title) == "US tariffs on China" and title.spans  # the caller's Text is untouched


async def test_empty_table_shows_the_header_and_the_empty_text():
    app = TableApp([], empty_text="No articles match")
    async with app.run_test(size=(80, 10)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        assert table.row_count == 0 and table.cursor_key is None
        lines = screen_lines(table)
        assert lines[0].split() == ["Outlet", "Date", "Title", "Hits"]
        assert lines[1].strip() == "No articles match"
        assert all(not line.strip() for line in lines[2:])
        await pilot.press("j", "k", "pagedown", "pageup", "end", "home", "enter")
        await pilot.click(VirtualTable, offset=(5, 3))
        await pilot.pause()
        assert app.selected == [] and table.cursor_row == 0

        table.set_rows(article_rows(3))
        await pilot.pause()
        assert app.highlighted[-1] == ("a0", 0)
        table.move_cursor(2)
        table.set_rows([])
        await pilot.pause()
        assert app.highlighted[-1] == (None, -1)  # tells the app there is nothing under the cursor
        assert table.cursor_row == 0


async def test_resizing_lays_the_columns_out_again():
    app = TableApp(article_rows(100))
    async with app.run_test(size=(120, 30)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        table.move_cursor(20)
        await pilot.pause()
        wide = screen_lines(table)[1]
        await pilot.resize_terminal(60, 12)
        await pilot.pause()
        width = table.scrollable_content_region.width
        narrow = screen_lines(table)
        assert width < 60 and all(cell_len(line) == width for line in narrow)
        assert cell_len(wide) > width
        title_width = table.column_widths(width)[2]
        assert title_width == width - 2 * table.EDGE - 14 - 10 - 4 - 3 * table.COLUMN_GAP
        assert cursor_is_visible(table)


def test_column_widths_share_what_the_fixed_columns_leave():
    table = VirtualTable([Column("A", width=10), Column("B"), Column("C"), Column("D", width=5, justify="right")])
    # 52 - 2 edges - 3 gaps - 15 fixed = 32 = 16 + 16
    assert table.column_widths(52) == (10, 16, 16, 5)
    assert sum(table.column_widths(53)) + 3 * table.COLUMN_GAP + 2 * table.EDGE == 53
    assert table.column_widths(20) == (10, 4, 4, 5)  # never below min_width; the row is cut at the edge


def test_bindings_have_descriptions_for_the_footer():
    for binding in VirtualTable.BINDINGS:
        assert binding.description
    shown = {binding.key for binding in VirtualTable.BINDINGS if binding.show}
    assert {"up", "down", "enter"} <= shown


async def test_no_color_still_marks_the_cursor(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = TableApp(article_rows(20))
    async with app.run_test(size=(80, 12)) as pilot:
        table = app.query_one(VirtualTable)
        await pilot.pause()
        assert app.no_color
        cursor_style = table.render_line(1)._segments[0].style
        assert cursor_style.reverse
        assert not table.render_line(2)._segments[0].style.reverse
        await pilot.press("j")
        assert table.cursor_row == 1
        app.export_screenshot()  # the whole screen renders through the monochrome filter


def test_snapshot_small_table_with_cursor_and_cjk(snap_compare):
    title = Text("Tariff truce: US and China agree framework")
    title.stylize("reverse", 0, 6)
    rows = [
        ("gt", ["Global Times", "2025-10-26", "中美经贸磋商取得积极进展", "4"]),
        ("cx", ["Caixin Global", "2025-10-26", title, "2"]),
        ("scmp", ["SCMP", "2025-10-26", "China, US reach 'basic consensus' on trade issues in Kuala Lumpur", "7"]),
        ("tt", ["Türkiye Today", "2025-10-27", "[bold]Trade talks[/] end with 'constructive' tone", "1"]),
        ("cna", ["CNA", "2025-10-25", "US, China kick off trade talks in Malaysia 🇲🇾", "0"]),
    ]
    assert snap_compare(TableApp(rows), press=["j"], terminal_size=(80, 24))


@pytest.mark.parametrize("width", [1, 3, 10])
def test_tiny_widths_do_not_crash(width):
    table = VirtualTable([Column("Title"), Column("N", width=2)])
    assert len(table.column_widths(width)) == 2


def test_fitted_columns_step_down_to_short_names_then_shrink():
    """An outlet column asks for 24 (full names) or 13 (short names); the title wants 30 and needs
    at least 20: the widest width that leaves the title what it wants, then what it needs."""
    table = VirtualTable(
        [
            Column("Outlet", min_width=6, fits=(24, 13)),
            Column("Date", width=10),
            Column("Title", min_width=20, wants=30),
        ]
    )
    edges = 2 * table.EDGE + 2 * table.COLUMN_GAP
    assert table.column_widths(edges + 10 + 24 + 40) == (24, 10, 40)  # room for all: the title takes the rest
    assert table.column_widths(edges + 10 + 24 + 29) == (13, 10, 40)  # short names, so that the title has 30
    assert table.column_widths(edges + 10 + 13 + 15) == (8, 10, 20)  # then cut, the title at its least
    assert table.column_widths(edges + 10 + 3) == (6, 10, 20)  # never below min_width: cut at the edge


async def test_a_choice_cell_shows_the_longest_text_that_fits():
    rows = [
        ("a", (Choice(("South China Morning Post", "SCMP")), "x")),
        ("b", (Choice(("unknown outlet", "unknown")), "y")),
    ]
    app = TableApp(rows, columns=[Column("Outlet", min_width=5, fits=(24, 7)), Column("Title", min_width=10, wants=20)])
    async with app.run_test(size=(60, 5)) as pilot:
        table = app.query_one(VirtualTable)

        def lines() -> list[str]:
            return ["".join(s.text for s in table.render_line(y)) for y in (1, 2)]

        assert lines()[0].startswith(" South China Morning Post x")
        await pilot.resize_terminal(36, 5)
        await pilot.pause()
        assert [line[:9] for line in lines()] == [" SCMP    ", " unknown "]
        await pilot.resize_terminal(18, 5)
        await pilot.pause()
        assert [line[:7] for line in lines()] == [" SCMP  ", " unkn… "]  # at its min_width, cut


async def test_a_column_is_left_out_below_its_width():
    rows = [("a", ("Li Chenggang", "2025-10-26"))]
    app = TableApp(rows, columns=[Column("Speaker"), Column("Date", width=10, hide_below=40)])
    async with app.run_test(size=(60, 5)) as pilot:
        table = app.query_one(VirtualTable)
        assert "2025-10-26" in "".join(s.text for s in table.render_line(1))
        await pilot.resize_terminal(30, 5)
        await pilot.pause()
        line = "".join(s.text for s in table.render_line(1))
        assert "2025" not in line and line.startswith(" Li Chenggang") and len(line) == 30
        assert table.column_widths(30)[1] == 0
