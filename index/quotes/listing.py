"""The corpus's quotations as a listing: each with its article and group, and the filters that
the command line and the quote viewer share."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from talks_tui.index.model import Article

if TYPE_CHECKING:  # index.quotes is slow to import; only its type is needed here
    from talks_tui.index.model import Quote


@dataclass(frozen=True)
class QuoteRow:
    quote: Quote  # speakers as resolved across the corpus
    article: Article  # metadata only
    group: str | None  # quotations of one statement share it
    variants: int = 1  # how many quotations in the corpus share the group, this one included


def fold(text: str) -> str:
    """Case- and accent-free text for matching what people type ("turkiye" finds "Türkiye")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


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
