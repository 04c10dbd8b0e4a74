"""An article's title as the app shows it, the same in every pane: the headline; where the text
states none, "no headline" and the story's first words, dimmed, so that such articles stay apart
and none is mistaken for a headline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text

if TYPE_CHECKING:
    from talks_tui.index.model import Article

NO_HEADLINE = "no headline"
_DIM = "dim italic"


def title_plain(article: Article) -> str:
    """The headline, or "(no headline) first words…" (for palettes and one-line labels)."""
    if article.title:
        return article.title
    words = article.first_words
    return f"({NO_HEADLINE}) {words}" if words else f"({NO_HEADLINE})"


def title_text(article: Article) -> Text:
    """The headline, or the placeholder dimmed: never markup, whatever the article holds."""
    if article.title:
        return Text(article.title)
    return Text(title_plain(article), style=_DIM)
