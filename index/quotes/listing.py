"""The corpus's quotations as a listing: each with its article and group, and the one filter
that the command line (`talks-tui quotes --speaker/--outlet/--grep`) and the quote viewer share."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talks_tui.index.model import Article
from talks_tui.index.tokens import fold

if TYPE_CHECKING:  # index.quotes is slow to import; only its type is needed here
    from talks_tui.index.model import Quote


@dataclass(frozen=True)
class QuoteRow:
    quote: Quote  # speakers as resolved across the corpus
    article: Article  # metadata only
    group: str | None  # quotations of one statement share it
    variants: int = 1  # how many quotations in the corpus share the group, this one included
    outlet_aliases: tuple[str, ...] = ()  # other names of the article's outlet ("SCMP")


def _words_in(wanted: str, name: str | None) -> bool:
    """Every word typed is the start of a word of the name ("bess" and "scott bessent" find Scott Bessent)."""
    if not name:
        return False
    words = fold(name).replace("-", " ").split()
    return all(any(w.startswith(part) for w in words) for part in fold(wanted).replace("-", " ").split())


def speaker_matches(wanted: str, quote: Quote) -> bool:
    return any(_words_in(wanted, name) for name in (quote.speaker, *quote.co_speakers))


def outlet_matches(wanted: str, outlet: str | None, aliases: Iterable[str] = ()) -> bool:
    return any(_words_in(wanted, name) or fold(wanted) == fold(name) for name in (outlet, *aliases) if name)


def text_matches(wanted: str, text: str) -> bool:
    """A case- and accent-insensitive substring."""
    return fold(wanted).strip() in fold(text)


@dataclass(frozen=True)
class QuoteFilter:
    """What a user asked to see; an empty field asks nothing.

    `speaker`, `outlet` and `text` are typed words (a speaker's name words, an outlet's name or
    alias, a piece of the quotation); `anything` is the quote viewer's box, which finds any of
    the three. `speaker_is` and `outlet_is` are exact names chosen from a list."""

    speaker: str | None = None
    outlet: str | None = None
    text: str | None = None
    anything: str | None = None
    speaker_is: str | None = None
    outlet_is: str | None = None  # "unknown" for articles whose outlet is not known

    def matches(self, row: QuoteRow) -> bool:
        quote, article = row.quote, row.article
        if self.speaker and not speaker_matches(self.speaker, quote):
            return False
        if self.outlet and not outlet_matches(self.outlet, article.outlet, row.outlet_aliases):
            return False
        if self.text and not text_matches(self.text, quote.text):
            return False
        if self.speaker_is is not None and quote.speaker != self.speaker_is:
            return False
        if self.outlet_is is not None and (article.outlet or "unknown") != self.outlet_is:
            return False
        anything = (self.anything or "").strip()
        return not anything or (
            text_matches(anything, quote.text)
            or speaker_matches(anything, quote)
            or outlet_matches(anything, article.outlet, row.outlet_aliases)
        )


def filter_rows(rows: Iterable[QuoteRow], wanted: QuoteFilter) -> list[QuoteRow]:
    return [row for row in rows if wanted.matches(row)]
