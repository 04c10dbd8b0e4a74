"""The app, driven by keys through Textual's pilot."""

from __future__ import annotations

from conftest import SEEDS
from textual.widgets import DataTable

from tui.app import TalksApp


async def wait_for_rows(pilot, table: DataTable, rows: int) -> None:
    for _ in range(200):
        await pilot.pause(0.05)
        if table.row_count == rows:
            return
    raise AssertionError(f"the article list never reached {rows} rows (has {table.row_count})")


async def test_app_lists_the_bundled_articles(tmp_path):
    app = TalksApp(paths=[SEEDS], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one("#articles", DataTable)
        await wait_for_rows(pilot, table, 5)
        assert table.cursor_row == 0
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("k")
        assert table.cursor_row == 1
        await pilot.press("q")
    assert app.return_code == 0


async def test_markup_in_titles_renders_literally(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "m.txt").write_text("Tariffs [bold]rise[/] [@click=app.quit]x[/]\n\nBody text about tariffs.\n")
    app = TalksApp(paths=[corpus], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        table = app.query_one("#articles", DataTable)
        await wait_for_rows(pilot, table, 1)
        title = table.get_row_at(0)[2]
        assert str(title) == "Tariffs [bold]rise[/] [@click=app.quit]x[/]"
