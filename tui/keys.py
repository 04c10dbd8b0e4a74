"""Every key of the app, written once: the widgets' bindings, the help screen and the README's
key table are all made from this registry, so they cannot drift apart.

Each binding has an id, which a user can rebind in the `[keys]` table of `config.toml` (see
tui.config); bindings that share an id are rebound together (`j` and `↓` both scroll). Rows
with no action are keys that Textual or a widget handles itself, listed so that help is complete.

`python -m talks_tui.tui.keys` prints the README's table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    id: str  # the keymap's name for it; bare TOML key: letters, digits, -
    keys: str  # Textual key names, comma-separated
    help: str  # what it does, for the help screen and README
    action: str | None = None  # None: handled by Textual or the widget itself (listed for help)
    footer: str = ""  # the footer's short description
    show: bool = True
    group: Binding.Group | None = None  # keys shown as one entry of the footer
    widget: str = ""  # where a section has two widgets with keys of their own: which one


_MATCH = Binding.Group("Matches")
_SCROLL = Binding.Group("Scroll")
_MOVE = Binding.Group("Move", compact=True)

# Section name -> its keys, in the order the help lists them. The section names are also where
# the README says a key works.
REGISTRY: dict[str, tuple[Key, ...]] = {
    "anywhere": (
        Key(
            "search",
            "slash",
            'search the articles (words, "phrases", AND OR NOT, outlet:, speaker:, date:[a to b])',
            "focus_search",
            "Search",
        ),
        Key("leave", "escape", "leave the search box or a filter", "leave_input", "Leave", show=False),
        Key("pane-articles", "1", "the Articles pane (or click its tab)", "show_pane('articles')", "Articles", False),
        Key("pane-quotes", "2", "the Quotes pane", "show_pane('quotes')", "Quotes", False),
        Key("pane-compare", "3", "the Compare pane", "show_pane('compare')", "Compare", False),
        Key("pane-coverage", "4", "the Coverage pane", "show_pane('coverage')", "Coverage", False),
        Key("focus-next", "tab,shift+tab", "next / previous part of the screen"),
        Key(
            "palette",
            "ctrl+p",
            "command palette: open an article, filter quotes, compare left:/right:, switch panes, theme",
        ),
        # Not in the footer, which has no room left at 80 columns: in the help, the README and ctrl+p.
        Key(
            "export",
            "e",
            "export this pane's view to a new file here (CSV; a comparison: Markdown; ctrl+p: other formats)",
            "export_view",
            "Export",
            show=False,
        ),
        Key(
            "open-url",
            "o",
            "open the article's web page, where its address is known (in Quotes, o chooses an outlet)",
            "open_url",
            "Web page",
            show=False,
        ),
        Key("help", "question_mark,f1", "this help", "help", "Help"),
        Key("quit", "q", "quit", "quit", "Quit"),
        Key("quit-anywhere", "ctrl+q", "quit, even from the search box"),
    ),
    "lists": (
        Key("list-up", "up", "move up", "cursor_up", "Up", group=_MOVE),
        Key("list-down", "down", "move down", "cursor_down", "Down", group=_MOVE),
        Key("list-up", "k", "move up", "cursor_up", "Up", show=False),
        Key("list-down", "j", "move down", "cursor_down", "Down", show=False),
        Key("list-page-up", "pageup", "a page up", "page_up", "Page up", show=False),
        Key("list-page-down", "pagedown", "a page down", "page_down", "Page down", show=False),
        Key("list-first", "home,g", "first row", "first", "First", show=False),
        Key("list-last", "end,G", "last row", "last", "Last", show=False),
        Key("list-open", "enter", "open the article (from a quotation: at the quotation)", "select", "Open"),
    ),
    "reader": (
        Key("reader-next-match", "n", "next match of the search", "next_match", "Next match", group=_MATCH),
        Key("reader-previous-match", "N", "previous match", "previous_match", "Previous match", group=_MATCH),
        Key("reader-down", "j", "scroll down", "scroll_down", "Scroll down", group=_SCROLL),
        Key("reader-up", "k", "scroll up", "scroll_up", "Scroll up", group=_SCROLL),
        # Out of the footer (in the help): it has no room for them in 60 columns.
        Key("reader-top", "g", "top", "scroll_home", "Top", show=False),
        Key("reader-end", "G", "end", "scroll_end", "End", show=False),
        Key("reader-down", "down", "scroll down", "scroll_down", "Scroll down", show=False),
        Key("reader-up", "up", "scroll up", "scroll_up", "Scroll up", show=False),
        Key("reader-top", "home", "top", "scroll_home", "Top", show=False),
        Key("reader-end", "end", "end", "scroll_end", "End", show=False),
        Key("reader-page-up", "pageup", "a page up", "page_up", "Page up", show=False),
        Key("reader-page-down", "pagedown,space", "a page down", "page_down", "Page down", show=False),
        Key("reader-back", "escape", "back to the list, where the screen is too small for both", "back", "List"),
    ),
    "Quotes": (
        Key("quotes-filter", "f", "filter box: words of the quotation, speaker or outlet", "focus_filter", "Filter"),
        Key("quotes-speaker", "s", "choose a speaker", "focus_speaker", "Speaker"),
        Key("quotes-outlet", "o", "choose an outlet", "focus_outlet", "Outlet"),
        # Not in the footer: the pane's keys fill its 80 columns (see app.FOOTER_COMPACT).
        Key(
            "quotes-copy",
            "y",
            "copy the quotation with its citation (works over SSH too)",
            "app.copy_quote",
            "Copy",
            show=False,
        ),
    ),
    "Compare": (
        Key(
            "compare-left-previous",
            "left_square_bracket",
            "previous article (or outlet) on the left",
            "cycle('left', -1)",
            "◀ Left",
            show=False,
        ),
        Key(
            "compare-left-next",
            "right_square_bracket",
            "next article (or outlet) on the left",
            "cycle('left', 1)",
            "Left ▶",
        ),
        Key(
            "compare-right-previous",
            "left_curly_bracket",
            "previous article (or outlet) on the right",
            "cycle('right', -1)",
            "◀ Right",
            show=False,
        ),
        Key(
            "compare-right-next",
            "right_curly_bracket",
            "next article (or outlet) on the right",
            "cycle('right', 1)",
            "Right ▶",
        ),
        Key("compare-swap", "s", "swap the sides", "swap", "Swap"),
        Key(
            "compare-down",
            "j,down",
            "next row; the two columns scroll together",
            "move(1)",
            "Down",
            show=False,
            widget="rows",
        ),
        Key("compare-up", "k,up", "previous row", "move(-1)", "Up", show=False, widget="rows"),
        Key(
            "compare-next-difference",
            "d",
            "next difference: a sentence only one side has, or figures that differ",
            "difference(1)",
            "Next difference",
            widget="rows",
        ),
        Key(
            "compare-previous-difference",
            "D",
            "previous difference",
            "difference(-1)",
            "Previous difference",
            show=False,
            widget="rows",
        ),
    ),  # fmt: skip
    "Coverage": (
        Key("coverage-down", "j", "next topic", "cursor('down')", "Down", show=False),
        Key("coverage-up", "k", "previous topic", "cursor('up')", "Up", show=False),
        Key("coverage-left", "h", "outlet to the left", "cursor('left')", "Left", show=False),
        Key("coverage-right", "l", "outlet to the right", "cursor('right')", "Right", show=False),
        Key(
            "coverage-arrows", "up,down,left,right", "move between topics and outlets (· the outlet never mentions it)"
        ),
        Key("coverage-search", "enter", "search the topic in that outlet's articles (on the topic column: in all)"),
    ),
    "help": (Key("help-close", "escape,q,question_mark", "close the help", "dismiss", "Close help"),),
}

# Where each section's keys work, as the README's table says it.
WHERE = {"anywhere": "anywhere", "lists": "lists", "reader": "reader", "help": "help screen"}

# Compare's marks are not keys, but help is where a user looks for them.
COMPARE_MARKS = "= same wording  ≈ same fact in other words  ◀ only left  ▶ only right"

_SHOWN_AS = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def bindings(section: str, widget: str = "") -> list[Binding]:
    """The Textual bindings of one section (of one of its widgets), each with its id."""
    return [
        Binding(k.keys, k.action, k.footer, show=k.show, id=k.id, group=k.group)
        for k in REGISTRY[section]
        if k.action is not None and k.widget == widget
    ]


def ids() -> set[str]:
    return {k.id for keys in REGISTRY.values() for k in keys if k.action is not None}


def checked_keymap(keymap: Mapping[str, str]) -> tuple[dict[str, str], list[str]]:
    """The entries of a user's keymap that name a binding id, and a sentence for each that does not."""
    known = ids()
    usable = {binding_id: value for binding_id, value in keymap.items() if binding_id in known}
    problems = [
        f"[keys] {binding_id}: no key has this id (the ids are in the README's key table)"
        for binding_id in keymap
        if binding_id not in known
    ]
    return usable, problems


def key_label(keys: str) -> str:
    """ "left_square_bracket,question_mark" -> "[ ?"."""
    return " ".join(_SHOWN_AS.get(k.strip(), k.strip()) for k in keys.split(","))


def help_rows(section: str, keymap: Mapping[str, str] | None = None) -> list[tuple[str, str]]:
    """(keys, what they do) for one section, one row per id, with the user's keymap applied."""
    return [(shown, does) for _, shown, does in _rows(section, keymap or {})]


def _rows(section: str, keymap: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(id, keys as shown, what they do), one row per id: an id's keys are listed once."""
    rows: dict[str, tuple[list[str], str]] = {}
    for k in REGISTRY[section]:
        keys = keymap.get(k.id, k.keys) if k.action is not None else k.keys
        shown, does = rows.setdefault(k.id, ([], k.help))
        if k.id in keymap and shown:
            continue  # rebound: the keymap's keys replace all of this id's keys, listed once
        shown.extend(key for key in key_label(keys).split() if key not in shown)
    return [(key_id, " ".join(shown), does) for key_id, (shown, does) in rows.items()]


def markdown_table() -> str:
    """The README's table of keys (defaults, not a user's keymap), with the ids a keymap uses."""
    rebindable = ids()
    lines = ["| key | where | does | id |", "|---|---|---|---|"]
    for section in REGISTRY:
        where = WHERE.get(section, section)
        for key_id, keys, does in _rows(section, {}):
            shown = " ".join(f"`{k}`" for k in keys.split())
            lines.append(f"| {shown} | {where} | {does} | {key_id if key_id in rebindable else ''} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
