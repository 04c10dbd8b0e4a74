"""The help screen: every key, by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Everywhere",
        [
            (
                "/",
                'search the articles (Whoosh syntax: words, "phrases", AND OR NOT, outlet:, speaker:, date:[a to b])',
            ),
            ("escape", "leave the search box or a filter"),
            ("1 2 3 4", "Articles, Quotes, Compare, Coverage panes (or click the tabs)"),
            ("tab / shift+tab", "next / previous part of the screen"),
            (
                "ctrl+p",
                "command palette: open an article, filter quotes, compare (left:/right:), switch panes, theme",
            ),
            ("?", "this help"),
            ("q / ctrl+q", "quit"),
        ],
    ),
    (
        "Lists",
        [
            ("↑ ↓  j k", "move"),
            ("pageup pagedown", "move a page"),
            ("home end  g G", "first / last"),
            ("enter", "open the article (from a quotation: at the quotation)"),
        ],
    ),
    (
        "Reader",
        [
            ("n / N", "next / previous match of the search"),
            ("↑ ↓  j k  pageup pagedown", "scroll"),
            ("g / G", "top / bottom"),
        ],
    ),
    (
        "Quotes",
        [
            ("f", "filter box: words of the quotation, speaker or outlet"),
            ("s / o", "choose a speaker / an outlet"),
        ],
    ),
    (
        "Compare",
        [
            ("] / [", "next / previous article (or outlet) on the left"),
            ("} / {", "next / previous article (or outlet) on the right"),
            ("s", "swap the sides"),
            ("d / D", "next / previous difference: a sentence only one side has, or figures that differ"),
            ("↑ ↓  j k", "move row by row; both columns scroll together"),
            ("marks", "= same wording  ≈ same fact in other words  ◀ only left  ▶ only right"),
        ],
    ),
    (
        "Coverage",
        [
            ("↑ ↓ ← →  h j k l", "move between topics and outlets (· the outlet never mentions it)"),
            ("enter", "search the topic in that outlet's articles (on the topic: in all)"),
        ],
    ),
]


def help_table() -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2), expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("does", ratio=1)
    for section, keys in KEYS:
        table.add_row(Text(section, style="bold underline"), Text(""))
        for key, does in keys:
            table.add_row(Text(key), Text(does))
        table.add_row(Text(""), Text(""))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(Text("talks-tui keys", style="bold"), id="help-title")
            yield Static(help_table())
            yield Static(Text("escape, q or ? closes this help", style="dim"))
