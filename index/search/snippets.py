"""Highlighted snippets: short plain-text windows of an article around the words that matched.

The body is re-tokenised with the index's own tokeniser, so a highlight is exactly a word whose
search term matched ("tariffs" lights up for the query "tariff").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from talks_tui.index.model import Snippet
from talks_tui.index.terms import STOP_WORDS, normalise, stem

ELLIPSIS = "…"


@lru_cache(maxsize=64)
def _candidates(terms: frozenset[str] | set[str]) -> re.Pattern[str]:
    """Words that may stem to one of the terms. A stem is nearly always a prefix of its word but
    for its last letters (countries -> countri, possibility -> possibl), so the regex looks only at
    words starting with each stem less two letters, and `stem` has the last word."""
    prefixes = sorted({t[: max(3, len(t) - 2)] for t in terms}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, prefixes)) + r")\w*(?:['’]\w+)*", re.IGNORECASE)


def match_spans(text: str, terms: frozenset[str] | set[str]) -> list[tuple[int, int]]:
    """Character spans of the words in `text` whose search term is one of `terms`."""
    if not terms:
        return []
    spans = []
    for m in _candidates(frozenset(terms)).finditer(text):
        word = normalise(m.group())
        if word not in STOP_WORDS and stem(word) in terms:
            spans.append(m.span())
    return spans


def _breaks(text: str) -> list[int]:
    """Where each paragraph break ("\n\n", overlapping ones too) starts."""
    return [m.start() for m in re.finditer("(?=\n\n)", text)]


def _window(text: str, centre: int, width: int, breaks: list[int] | None = None) -> tuple[int, int]:
    """A window of about `width` characters around `centre`, cut at spaces and kept in one paragraph."""
    if breaks is None:
        breaks = _breaks(text)
    # The paragraph around centre, from the breaks found once: searching a long text again for
    # each match (rfind) made one huge paragraph with many matches take minutes.
    before = bisect_right(breaks, centre - 2)  # breaks that end at or before centre
    para_start = breaks[before - 1] + 2 if before else 0
    after = bisect_left(breaks, centre)
    para_end = breaks[after] if after < len(breaks) else len(text)
    start = max(para_start, centre - width // 3)
    end = min(para_end, start + width)
    start = max(para_start, min(start, end - width))
    if start > para_start:
        space = text.find(" ", start, centre)
        start = space + 1 if space >= 0 else start
    if end < para_end:
        space = text.rfind(" ", centre, end)
        end = space if space > centre else end
    return start, end


def make_snippets(text: str, terms: frozenset[str] | set[str], count: int = 3, width: int = 180) -> tuple[Snippet, ...]:
    """Up to `count` non-overlapping snippets, the windows with the most distinct matched terms first
    chosen, then shown in reading order. With no match, the opening of the text."""
    spans = match_spans(text, terms)
    if not spans:
        if not text:
            return ()
        start, end = _window(text, 0, width)
        return (_cut(text, start, end, []),)
    candidates = []
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    breaks = _breaks(text)
    for s, _ in spans:
        start, end = _window(text, s, width, breaks)
        # The spans within the window, by bisection: a text with 100,000 matches stays quick.
        inside = [(a, b) for a, b in spans[bisect_left(starts, start) : bisect_right(starts, end)] if b <= end]
        distinct = {stem(normalise(text[a:b])) for a, b in inside}
        candidates.append((len(distinct), len(inside), -start, start, end, inside))
    candidates.sort(reverse=True)
    chosen: list[tuple[int, int, list[tuple[int, int]]]] = []
    for *_, start, end, inside in candidates:
        if all(end <= a or start >= b for a, b, _ in chosen):
            chosen.append((start, end, inside))
            if len(chosen) == count:
                break
    chosen.sort()
    return tuple(_cut(text, start, end, inside) for start, end, inside in chosen)


def _cut(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> Snippet:
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    body = text[start:end].replace("\n", " ")
    shift = len(prefix) - start
    return Snippet(prefix + body + suffix, tuple((a + shift, b + shift) for a, b in spans))
