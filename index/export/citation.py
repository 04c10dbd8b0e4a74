"""A quotation with its source in one line, ready to paste into a draft:

    “We will keep talking,” Scott Bessent, US Treasury Secretary, quoted by CNA, 25 Oct 2025, https://…

Without a URL the article's title stands in its place, so the source can still be found.
"""

from __future__ import annotations

import re

from talks_tui.index.model import Article, Quote

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def short_date(iso: str | None) -> str | None:
    """'2025-10-25' -> '25 Oct 2025' (no locale involved); anything else as it is."""
    if not iso:
        return None
    m = _ISO_DATE_RE.fullmatch(iso)
    if not m or not 1 <= int(m.group(2)) <= 12:
        return iso
    return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"


def quoted(text: str) -> str:
    """The words in curly marks, with the comma that runs into the attribution: a final comma,
    full stop, semicolon or colon becomes the comma; '?', '!' and '…' stay."""
    words = text.strip()
    if words.endswith(("?", "!", "…")):
        return f"“{words}”"
    return f"“{words.rstrip(',.;:').rstrip()},”"


def citation(quote: Quote, article: Article) -> str:
    """“…,” speaker, role, quoted by outlet, date, URL (or the title when there is no URL)."""
    parts = [quoted(quote.text)]
    if quote.speaker:
        parts.append(quote.speaker)
        if quote.role and quote.role.casefold() != quote.speaker.casefold():
            parts.append(quote.role)
    if article.outlet:
        parts.append(f"quoted by {article.outlet}" if quote.speaker else article.outlet)
    if date := short_date(article.date):
        parts.append(date)
    if article.url:
        parts.append(article.url)
    elif article.title:
        parts.append(f"in “{article.title}”")
    head, *rest = parts
    return f"{head} {', '.join(rest)}" if rest else head.rstrip(",”") + "”"
