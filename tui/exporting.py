"""The app's way out: `y` copies the quotation under the cursor with its citation, `e` writes the
pane's view to a file in the current folder, `o` opens the article's web page.

The view and its formats are `index.export`'s, the same the command line writes; this module only
picks what the pane shows (the quotes listed, the comparison, the coverage table, the articles
listed) and tells the user where it went. Messages hold file names and article text: they are
shown with `markup=False`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.widgets import TabbedContent

from talks_tui.index.export import views
from talks_tui.index.export.citation import citation
from talks_tui.index.export.formats import new_file_name, write_file
from talks_tui.index.export.views import View

if TYPE_CHECKING:
    from talks_tui.index.model import Article
    from talks_tui.index.quotes.listing import QuoteRow
    from talks_tui.tui.session import Session


class ExportHost(Protocol):
    """What these keys need of the app (tui.app.TalksApp): named here so that this module does not
    import it."""

    session: Session
    quotes_pane: Any  # QuotesPane: shown_rows, table.cursor_row
    compare_pane: Any  # ComparePane: alignment
    coverage_pane: Any  # CoveragePane: coverage
    reader: Any  # Reader: article

    def query_one(self, selector: str, expect_type: type[TabbedContent]) -> TabbedContent: ...
    def notify(self, message: str, *, title: str = "", severity: Any = "information", markup: bool = True) -> None: ...
    def copy_to_clipboard(self, text: str) -> None: ...
    def open_url(self, url: str, *, new_tab: bool = True) -> None: ...


# Each pane's file: a spreadsheet for lists and tables, a report for a comparison.
DEFAULT_FORMATS = {"articles": "csv", "quotes": "csv", "compare": "markdown", "coverage": "csv"}
_WEB_URL_RE = re.compile(r"https?://\S+", re.IGNORECASE)
# Why `o` has no article to open, by pane.
_NO_ARTICLE = {"articles": "No article is open.", "quotes": "No quotation under the cursor."}
_NO_ONE_ARTICLE = "This pane shows no one article: o opens the web page of the article read in the Articles pane."


def active_pane(app: ExportHost) -> str:
    return app.query_one("#panes", TabbedContent).active


def current_quote(app: ExportHost) -> QuoteRow | None:
    """The quotation under the Quotes pane's cursor."""
    pane = app.quotes_pane
    rows = pane.shown_rows
    index = pane.table.cursor_row
    return rows[index] if 0 <= index < len(rows) else None


def pane_view(app: ExportHost, pane: str) -> View | None:
    """What the pane shows, as a view to write; None while it shows nothing."""
    if pane == "quotes":
        return views.quotes_view(app.quotes_pane.shown_rows)
    if pane == "compare":
        alignment = app.compare_pane.alignment
        return views.compare_view(alignment) if alignment is not None else None
    if pane == "coverage":
        coverage = app.coverage_pane.coverage
        return views.coverage_view(coverage) if coverage is not None else None
    session = app.session
    if session.corpus is None:
        return None
    ids = session.matches.ids if session.matches is not None else session.all_ids
    return views.articles_view([session.by_id[i] for i in ids if i in session.by_id])


def export_view(app: ExportHost, fmt: str | None = None, folder: Path | None = None) -> Path | None:
    """Write the active pane's view to a new file in `folder` (the current one) and say so."""
    pane = active_pane(app)
    view = pane_view(app, pane)
    if view is None:
        app.notify("Nothing to export yet: this pane is still empty.", severity="warning", markup=False)
        return None
    fmt = fmt or DEFAULT_FORMATS.get(pane, "csv")
    try:
        folder = folder or Path.cwd()  # raises if the folder was deleted under the app
        path = write_file(new_file_name(view, fmt, folder), view, fmt)
    except OSError as exc:
        where = folder or "the current folder"
        app.notify(f"Cannot export to {where}: {exc.strerror or exc}", severity="error", markup=False)
        return None
    # The file's name apart from its folder: a narrow notice wraps at the spaces, not inside the name.
    app.notify(export_notice(view.summary, path), title="Exported", markup=False)
    return path


def export_notice(summary: str, path: Path) -> str:
    """'34 quotations to talks-tui-quotes-20251026-141205.csv in /home/me/story'."""
    return f"{summary} to {path.name} in {path.parent}"


def copy_quote(app: ExportHost) -> str | None:
    """Copy the quotation under the cursor, with its citation (OSC 52: works over SSH too)."""
    row = current_quote(app)
    if row is None:
        app.notify("No quotation under the cursor.", severity="warning", markup=False)
        return None
    text = citation(row.quote, row.article)
    app.copy_to_clipboard(text)
    app.notify(text, title="Copied", markup=False)
    return text


def article_in_view(app: ExportHost) -> Article | None:
    """The article the pane is about: the reader's, or the quotation's under the Quotes pane's
    cursor (there `o` chooses an outlet: this comes from ctrl+p)."""
    pane = active_pane(app)
    if pane == "quotes":
        row = current_quote(app)
        return row.article if row else None
    return app.reader.article if pane == "articles" else None


def open_url(app: ExportHost) -> str | None:
    """Open the article's web page in a browser, where its URL is known."""
    article = article_in_view(app)
    if article is None:
        app.notify(_NO_ARTICLE.get(active_pane(app), _NO_ONE_ARTICLE), severity="warning", markup=False)
        return None
    url = (article.url or "").strip()
    if not _WEB_URL_RE.fullmatch(url):
        app.notify("This article has no web address.", severity="warning", markup=False)
        return None
    app.open_url(url)
    app.notify(url, title="Opening", markup=False)
    return url
