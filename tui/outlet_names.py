"""An article's outlet as the app names it, the same in every pane: the outlet's name (or its
short name where the full one does not fit), else the site its address is on, dimmed, else one
label for an outlet not known."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text

if TYPE_CHECKING:
    from talks_tui.index.model import Article

UNKNOWN_OUTLET = "unknown outlet"
UNKNOWN_SHORT = "unknown"  # where "unknown outlet" does not fit: under the column's "Outlet"
_DIM = "dim"


@lru_cache(maxsize=4096)
def site_of(url: str | None) -> str | None:
    """The registered domain of an article's address ("theguardian.com"), if it has one."""
    if not url:
        return None
    from talks_tui.index.ingest.outlets import registered_domain  # reads the Public Suffix List: on first use

    try:
        return registered_domain(url)
    except Exception:  # an address the list cannot read names no site
        return None


def short_name(name: str, aliases: Iterable[str]) -> str | None:
    """The outlet's shortest one-word alias in Latin letters, if shorter than its name ("SCMP",
    "Caixin"); None when it has none."""
    words = [a for a in aliases if a and " " not in a and "." not in a and a.isascii() and a[:1].isalpha()]
    shorter = [a for a in words if cell_len(a) < cell_len(name)]
    return min(shorter, key=lambda a: (cell_len(a), a)) if shorter else None


def outlet_text(article: Article) -> Text:
    """The outlet's name; else its site, dimmed; else UNKNOWN_OUTLET, dimmed."""
    if article.outlet:
        return Text(article.outlet)
    return Text(site_of(article.url) or UNKNOWN_OUTLET, style=_DIM)


def outlet_plain(article: Article) -> str:
    """outlet_text without its style (for sentences and menus)."""
    return article.outlet or site_of(article.url) or UNKNOWN_OUTLET


def outlet_key(article: Article) -> str:
    """What tells two articles' outlets apart when counting outlets: an unknown one is its site,
    else its own article."""
    return article.outlet or site_of(article.url) or f"article:{article.id}"


def outlet_choices(article: Article, short: dict[str, str]) -> tuple[Text, ...]:
    """The outlet said at its lengths, longest first: its name, then its short name if it has one."""
    full = outlet_text(article)
    if full.plain == UNKNOWN_OUTLET:
        return full, Text(UNKNOWN_SHORT, style=_DIM)
    brief = short.get(article.outlet or "")
    return (full, Text(brief)) if brief else (full,)


def outlet_fits(articles: Iterable[Article], short: dict[str, str]) -> tuple[int, ...]:
    """The widths an outlet column asks for (see Column.fits): every name in full, then short."""
    full = brief = 0
    # Each known outlet once; an unknown one by its address (its site).
    for name, url in {(a.outlet, None if a.outlet else a.url) for a in articles}:
        shown = name or site_of(url) or UNKNOWN_OUTLET
        full = max(full, cell_len(shown))
        brief = max(brief, cell_len(UNKNOWN_SHORT if shown == UNKNOWN_OUTLET else short.get(name or "", shown)))
    return (full, brief) if brief < full else (full,)


def byline(article: Article) -> Text:
    """ "Global Times (state media, China) · 2025-10-27 · Chi Jingyi · Reuters copy"."""
    line = outlet_text(article)
    about = ", ".join(part for part in (article.outlet_kind, article.outlet_country) if part)
    if article.outlet and about:
        line.append(f" ({about})")
    if article.date:
        line.append(f" · {article.date}")
    if article.authors:
        line.append(" · " + ", ".join(article.authors))
    if article.wire and article.wire != article.outlet:
        line.append(f" · {article.wire} copy")
    return line


def per_outlet_named(per_outlet: dict[str, int]) -> dict[str, int]:
    """A search's counts by outlet with the unknown one named as everywhere else (the index
    counts articles without an outlet under "unknown")."""
    return {(UNKNOWN_OUTLET if name == "unknown" else name): n for name, n in per_outlet.items()}
