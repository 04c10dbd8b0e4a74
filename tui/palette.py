"""Command palette (ctrl+p) commands: open an article by title, filter quotations by speaker or
outlet, choose the sides of the comparison, switch panes. Changing the theme comes with Textual's own commands.

The app lists the factories at the bottom (panes, articles, quotes), which import the providers
when the palette first opens: textual.command is not needed for the first frame."""


def panes():
    from talks_tui.tui.palette_commands import PaneCommands

    return PaneCommands


def articles():
    from talks_tui.tui.palette_commands import ArticleCommands

    return ArticleCommands


def quotes():
    from talks_tui.tui.palette_commands import QuoteCommands

    return QuoteCommands


def compare():
    from talks_tui.tui.palette_commands import CompareCommands

    return CompareCommands
