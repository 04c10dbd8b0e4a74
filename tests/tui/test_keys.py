"""The key registry: the README's table is made from it, a user's keymap rebinds keys by id, and
the help screen shows the keys that really work."""

from __future__ import annotations

import re

from conftest import REPO, SEEDS
from rich.console import Console
from textual.widgets import Static, TabbedContent

from talks_tui.index.config import Settings, read_settings
from talks_tui.tui import keys
from talks_tui.tui.app import TalksApp


def test_the_readme_key_table_is_the_registry():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- keys:[^\n]*-->\n(.*?)\n<!-- /keys -->", readme, re.S)
    assert found, "README.md has no key table between the keys markers"
    assert found.group(1) == keys.markdown_table(), "run `python -m talks_tui.tui.keys` and paste it in the README"


def test_every_binding_has_an_id_and_the_help_lists_every_key():
    from talks_tui.tui.compare_pane import ComparePane, CompareRows
    from talks_tui.tui.coverage_pane import CoveragePane
    from talks_tui.tui.help import HelpScreen
    from talks_tui.tui.quotes_pane import QuotesPane
    from talks_tui.tui.reader import Reader
    from talks_tui.tui.virtual_table import VirtualTable

    helped = {k.id for section in keys.REGISTRY.values() for k in section}
    for widget in (TalksApp, CompareRows, ComparePane, CoveragePane, HelpScreen, QuotesPane, Reader, VirtualTable):
        for binding in widget.BINDINGS:
            assert binding.id, f"{widget.__name__}: {binding.key} has no id"
            assert binding.id in helped


def test_reader_space_is_in_the_help():  # it was in neither help nor README
    assert any("space" in shown for shown, _ in keys.help_rows("reader"))


def test_a_keymap_entry_with_an_unknown_id_is_reported_and_the_rest_kept():
    usable, problems = keys.checked_keymap({"pane-quotes": "w", "no-such-key": "x"})
    assert usable == {"pane-quotes": "w"}
    assert len(problems) == 1 and "no-such-key" in problems[0]


def test_config_toml_keys_are_read_and_a_broken_file_is_reported(tmp_path):
    good = tmp_path / "config.toml"
    good.write_text('[keys]\npane-quotes = "2,w"\nlist-down = 3\n', encoding="utf-8")
    settings = read_settings(good)
    assert settings.keys == {"pane-quotes": "2,w"}
    assert any("list-down" in p for p in settings.problems)
    broken = tmp_path / "broken.toml"
    broken.write_text("[keys\n", encoding="utf-8")
    assert read_settings(broken).keys == {}
    assert str(broken) in read_settings(broken).problems[0]
    assert read_settings(tmp_path / "missing.toml").problems == ()


async def test_a_rebound_key_works_and_the_help_shows_it(tmp_path):
    settings = Settings(keys={"pane-quotes": "w", "nonsense": "z"})
    app = TalksApp(paths=[SEEDS], index_dir=tmp_path / "index", settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panes = app.query_one("#panes", TabbedContent)
        await pilot.press("w")
        await pilot.pause()
        assert panes.active == "quotes"
        await pilot.press("1", "2")  # 2 is no longer the Quotes pane's key
        await pilot.pause()
        assert panes.active == "articles"
        assert any("nonsense" in str(n.message) for n in app._notifications)
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HelpScreen"
        console = Console(width=120, record=True)
        for static in app.screen.query(Static):
            console.print(static.content)
        assert re.search(r"\bw\s+the Quotes pane", console.export_text())
