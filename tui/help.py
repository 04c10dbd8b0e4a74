"""The help screen: every key, by where it works, made from the key registry (tui.keys) with the
user's keymap applied, so it shows the keys that really work."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from talks_tui.tui import keys

# The section names of the registry as the help screen titles them.
TITLES = {"anywhere": "Everywhere", "lists": "Lists", "reader": "Reader", "help": "This help"}


def help_table(keymap: Mapping[str, str] | None = None) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does", ratio=1)
    for section in keys.REGISTRY:
        table.add_row(Text(TITLES.get(section, section), style="bold underline"), Text(""))
        for shown, does in keys.help_rows(section, keymap):
            table.add_row(Text(shown), Text(does))
        if section == "Compare":
            table.add_row(Text("marks"), Text(keys.COMPARE_MARKS))
        table.add_row(Text(""), Text(""))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = keys.bindings("help")

    def __init__(self, keymap: Mapping[str, str] | None = None) -> None:
        super().__init__()
        self._keymap = keymap

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("talks-tui keys", style="bold"), id="help-title")
            yield Static(help_table(self._keymap))
            yield Static(Text("escape, q or ? closes this help", style="dim"))
