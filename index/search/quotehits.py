"""Which quotations a search's `speaker:`, `role:` and `quote:` parts match, and where: what a
reader highlights (and a list counts) for them. A part matches a quotation as the quotation index
(`quoteindex`) would: the same entries (names, role, stemmed words), the same kinds of request."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fnmatch import fnmatchcase

from talks_tui.index.model import Quote
from talks_tui.index.search.querytext import plain_words
from talks_tui.index.search.quoteindex import entries
from talks_tui.index.terms import query_terms, term_spans

QuotePart = tuple[str, str, tuple[str, ...]]
"""(field, kind, words): kind "words" (a word or a phrase), "prefix" or "pattern" (a wildcard)."""


def _run_matches(words: Sequence[str], kind: str, wanted: Sequence[str]) -> bool:
    if not wanted:
        return False
    if kind == "prefix":
        return any(word.startswith(wanted[0]) for word in words)
    if kind == "pattern":
        return any(fnmatchcase(word, wanted[0]) for word in words)
    n = len(wanted)
    return any(list(words[i : i + n]) == list(wanted) for i in range(len(words) - n + 1))


def part_matches(quote: Quote, part: QuotePart) -> bool:
    field, kind, wanted = part
    return any(column == field and _run_matches(words.split(), kind, wanted) for column, words, _ in entries(quote))


def matches_any(quote: Quote, parts: Iterable[QuotePart]) -> bool:
    return any(part_matches(quote, part) for part in parts)


def hit_spans(quote: Quote, parts: Iterable[QuotePart]) -> list[tuple[int, int]]:
    """Where the parts hit a quotation, in its paragraph's (or title's) offsets, in order: the
    whole quotation for a speaker or role it matches, the matching words for `quote:`."""
    spans: set[tuple[int, int]] = set()
    for part in parts:
        if not part_matches(quote, part):
            continue
        field, kind, wanted = part
        if field != "quote":
            spans.add((quote.start, quote.end))
            continue
        for term, _, start, end in term_spans(quote.text):
            if _run_matches([term], kind, wanted) or (kind == "words" and term in wanted):
                spans.add((quote.start + start, quote.start + end))
    return sorted(spans)


def hit_count(quotes: Iterable[Quote], parts: Sequence[QuotePart]) -> int:
    """How many highlights the parts make in these quotations (0 without parts)."""
    return sum(len(hit_spans(q, parts)) for q in quotes) if parts else 0


def text_terms(text: str, terms: frozenset[str], parts: Sequence[QuotePart]) -> frozenset[str]:
    """The terms to highlight in the whole text: without the words only `quote:` asked for, which
    are highlighted inside the quotations they match."""
    quote_only = {word for field, kind, words in parts if field == "quote" and kind == "words" for word in words}
    if not quote_only:
        return terms
    plain = {term for word in plain_words(text) for term in query_terms(word)}
    return frozenset(term for term in terms if term not in quote_only or term in plain)
