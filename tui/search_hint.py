"""The search box's hint, made from the corpus that is open: an outlet, a speaker and the dates
it has, so that every example in it finds something."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from talks_tui.index.model import Article
    from talks_tui.index.quotes.listing import QuoteRow

GENERIC = '/ search: words, "a phrase", AND OR NOT, outlet:, speaker:, date:'


def _field_value(name: str) -> str:
    """A name as a query writes it: one lower-case word, else in double quotes."""
    name = name.lower().replace('"', "")
    return name if name.isalnum() else f'"{name}"'


def search_hint(
    articles: Sequence[Article], quotes: Sequence[QuoteRow] = (), short: dict[str, str] | None = None
) -> str:
    """'/ search: words, "a phrase", outlet:scmp, speaker:bessent, date:[2025-10-25 to 2025-10-27]'
    for the seeds; parts this corpus has no example of are left out (no outlet known, no speaker, no date)."""
    short = short or {}
    examples = ['words, "a phrase"']
    outlets = Counter(a.outlet for a in articles if a.outlet)
    if outlets:
        outlet = min(outlets, key=lambda o: (-outlets[o], o))
        examples.append(f"outlet:{_field_value(short.get(outlet, outlet))}")
    people = Counter(r.quote.speaker for r in quotes if r.quote.speaker and r.quote.speaker_kind in (None, "person"))
    if people:
        speaker = min(people, key=lambda p: (-people[p], p))
        examples.append(f"speaker:{_field_value(speaker)}")
    dates = sorted({a.date for a in articles if a.date})
    if len(dates) > 1:
        examples.append(f"date:[{dates[0]} to {dates[-1]}]")
    elif dates:
        examples.append(f"date:{dates[0]}")
    return "/ search: " + ", ".join(examples)
