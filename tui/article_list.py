"""The article list's columns and cells: outlet, date, title and, when a search has words to
count, hits. Columns are sized to the corpus (see Column.fits): an outlet's full name where it
fits, its short name (SCMP) where not; the title takes the rest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from talks_tui.tui.article_titles import title_text
from talks_tui.tui.outlet_names import outlet_choices, outlet_fits
from talks_tui.tui.virtual_table import Choice, Column

if TYPE_CHECKING:
    from talks_tui.index.model import Article

DATE = Column("Date", width=10)
TITLE = Column("Title", min_width=20, wants=30)
HITS_WIDTH = 4


def outlet_column(articles: Sequence[Article], short: dict[str, str]) -> Column:
    """The outlet column, as wide as the corpus's outlets ask (a pass over every article: made
    once per corpus, not per keystroke)."""
    return Column("Outlet", min_width=6, fits=outlet_fits(articles, short) or (6,))


def article_columns(outlet: Column, hits: bool) -> tuple[Column, ...]:
    """The list's columns; `hits` when the search has words to count."""
    columns = (outlet, DATE, TITLE)
    return (*columns, Column("Hits", width=HITS_WIDTH, justify="right")) if hits else columns


def article_cells(article: Article, hits: int | None, short: dict[str, str]) -> tuple:
    """One row's cells (Text and plain strings: never markup)."""
    return (
        Choice(outlet_choices(article, short)),
        article.date or "",
        title_text(article),
        "" if hits is None else str(hits),
    )
