"""The command palette's providers (see tui.palette)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING, Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from talks_tui.tui.article_titles import title_plain
from talks_tui.tui.outlet_names import outlet_plain

if TYPE_CHECKING:
    from talks_tui.tui.session import Session


class PaletteHost(Protocol):
    """What the palette needs of the app: named here so that this module does not import it."""

    session: Session

    def action_show_pane(self, pane: str) -> None: ...
    def action_focus_search(self) -> None: ...
    def action_help(self) -> None: ...
    def action_show_problems(self) -> None: ...
    def action_export_view(self, fmt: str | None = None) -> None: ...
    def action_open_url(self) -> None: ...
    def open_article(self, article_id: str) -> None: ...
    def filter_quotes(self, speaker: str | None = None, outlet: str | None = None) -> None: ...
    def compare(self, left_id: str | None = None, right_id: str | None = None) -> None: ...


def _highlight(matcher: Matcher, text: str) -> Content:
    """Matcher.highlight parses its text as markup, which untrusted titles must never be: build
    plain Content and style the matched letters here."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class _Commands(Provider):
    """A provider over a list of (label, help, callback) made when the palette opens."""

    def commands(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        raise NotImplementedError

    @property
    def talks(self) -> PaletteHost:
        return self.app  # type: ignore[return-value]

    async def discover(self) -> Hits:
        for label, help_text, callback in self.commands():
            yield DiscoveryHit(Content(label), callback, text=label, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, callback in self.commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, _highlight(matcher, label), callback, text=label, help=help_text)


class PaneCommands(_Commands):
    def commands(self):
        for pane, label in (
            ("articles", "Articles"),
            ("quotes", "Quotes"),
            ("compare", "Compare"),
            ("coverage", "Coverage"),
        ):
            yield f"Show the {label} pane", f"switch to {label}", partial(self.talks.action_show_pane, pane)
        yield "Search the articles", "focus the search box (/)", self.talks.action_focus_search
        yield "Show the keys", "help (?)", self.talks.action_help
        yield "Files left out and warnings", "what was not read, and why", self.talks.action_show_problems
        for fmt, label in (("csv", "CSV"), ("markdown", "Markdown"), ("json", "JSON")):
            export = partial(self.talks.action_export_view, fmt)
            yield f"Export this view as {label}", "to a new file in the current folder (e: the usual format)", export
        # In Quotes, where o chooses an outlet, this is the way to the quotation's article.
        yield "Open the article's web page", "in a browser, where its address is known (o)", self.talks.action_open_url


class ArticleCommands(_Commands):
    def commands(self):
        for article in self.talks.session.articles:
            label = f"Open: {title_plain(article)} — {outlet_plain(article)}"
            yield label, article.date or "", partial(self.talks.open_article, article.id)


class QuoteCommands(_Commands):
    def commands(self):
        rows = self.talks.session.quote_rows
        speakers = sorted({r.quote.speaker for r in rows if r.quote.speaker})
        outlets = sorted({r.article.outlet for r in rows if r.article.outlet})
        for speaker in speakers:
            yield f"Quotes by {speaker}", "filter the quote viewer", partial(self.talks.filter_quotes, speaker=speaker)
        for outlet in outlets:
            yield f"Quotes in {outlet}", "filter the quote viewer", partial(self.talks.filter_quotes, outlet=outlet)


class CompareCommands(_Commands):
    def commands(self):
        from talks_tui.tui.compare_pane import compare_choices

        for choice in compare_choices(self.talks.session.articles):
            name = f"{outlet_plain(choice)}: {title_plain(choice)}"
            yield f"Compare left: {name}", "put it in the left column", partial(self.talks.compare, choice.id, None)
            yield f"Compare right: {name}", "put it in the right column", partial(self.talks.compare, None, choice.id)
