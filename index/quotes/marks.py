"""Quotation marks: the stretches of a paragraph that stand between them.

Marks are read with a small state machine per paragraph. Double marks (straight or curly, used
either way round) open at a word start and close at a word end. Single marks only count when an
opening mark stands at a word start and a closing mark follows, so apostrophes (China's, they're,
Leaders' Meeting, '90s, rock 'n' roll) never start a quotation; single marks nested inside a
double-marked quotation belong to it. A quotation left open at the end of a paragraph runs on
when the next paragraph reopens the mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class MarkedSpan:
    """A stretch of text between quotation marks inside one paragraph (or the title)."""

    open_at: int  # index of the opening mark
    start: int  # the quoted text: text[start:end]
    end: int
    close_at: int | None  # index of the closing mark; None when the quote runs on
    kind: str  # '"' or "'"
    continued: bool = False  # set later: continues an unclosed quote of the previous paragraph


DOUBLE_MARKS = frozenset('"“”„«»‟')
_DOUBLE_OPENERS = frozenset("“„«‟")
_DOUBLE_CLOSERS = frozenset("”»")
SINGLE_MARKS = frozenset("'‘’‚‹›")
_SINGLE_OPENERS = frozenset("‘‚‹")
# What may stand before an opening mark / after a closing mark.
_BEFORE_OPEN = frozenset(" \t\n([{<—–-/:;,…\u00a0") | DOUBLE_MARKS | SINGLE_MARKS
_AFTER_CLOSE = frozenset(" \t\n)]}>.,;:!?—–-/…\u00a0") | DOUBLE_MARKS | SINGLE_MARKS
# Elisions that start with an apostrophe: '90s, '24, rock 'n' roll, 'em, 'tis, 'til, 'cause.
_ELISION_RE = re.compile(r"(?:\d\d|n['’]|em\b|tis\b|twas\b|til\b|cause\b|bout\b|round\b|s\b)", re.I)
_HAS_WORD_RE = re.compile(r"[^\W_]")
_DOUBLE_RE = re.compile('["“”„«»‟]')
_SINGLE_RE = re.compile("['‘’‚‹›]")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)]*\s*$")


def _can_open(text: str, i: int, loose: bool) -> bool:
    if i + 1 >= len(text) or text[i + 1].isspace():
        return False
    if i > 0 and text[i - 1] in ".!?" and text[i + 1].isupper():
        return True  # the space lost after a sentence: 'told the BBC.”We announced'
    return loose or i == 0 or text[i - 1] in _BEFORE_OPEN


def _closes_after_space(text: str, i: int) -> bool:
    """A closing mark typed after a space, between words: 'no regular checks, " said Spohr'."""
    return i >= 2 and text[i - 1] == " " and text[i - 2] in ",.!?" and (i + 1 >= len(text) or text[i + 1] == " ")


def _can_close(text: str, i: int, loose: bool) -> bool:
    if i == 0 or text[i - 1].isspace():
        return False
    return loose or i + 1 >= len(text) or text[i + 1] in _AFTER_CLOSE


def _double_spans(text: str) -> list[tuple[int, int | None]]:
    """(open, close) index pairs of double marks; close is None for a quote left open."""
    pairs: list[tuple[int, int | None]] = []
    open_at: int | None = None
    for m in _DOUBLE_RE.finditer(text):
        i = m.start()
        c = text[i]
        opens = _can_open(text, i, c in _DOUBLE_OPENERS)
        closes = _can_close(text, i, c in _DOUBLE_CLOSERS)
        if open_at is None:
            if opens:
                open_at = i
        elif closes or text[i - 1] in ",.!?…" or _closes_after_space(text, i):  # '"We will,"he said'
            pairs.append((open_at, i))
            open_at = None
        elif opens:
            open_at = i  # the earlier mark was stray: nothing closed it before this one opened
    if open_at is not None:
        pairs.append((open_at, None))
    return pairs


def _single_opener(text: str, i: int) -> bool:
    if i + 1 >= len(text) or not (text[i + 1].isalnum() or text[i + 1] in '…$£€"“'):
        return False
    if i > 0 and text[i - 1] not in _BEFORE_OPEN:
        return False
    return not _ELISION_RE.match(text, i + 1)  # '90s, 'n', 'em (and a curly ‘90s typed wrongly)


def _single_closer(text: str, i: int) -> bool:
    if i == 0 or text[i - 1].isspace():
        return False
    return i + 1 >= len(text) or text[i + 1] in _AFTER_CLOSE


def _possessive_like(text: str, i: int) -> bool:
    """Leaders' Meeting: an s-final word whose apostrophe is followed by another word."""
    return text[i - 1] in "sS" and i + 2 < len(text) and text[i + 1] == " " and text[i + 2].isalnum()


def _single_spans(text: str, blocked: list[tuple[int, int]]) -> list[tuple[int, int | None]]:
    def free(i: int) -> bool:
        return not any(a < i < b for a, b in blocked)

    marks = [m.start() for m in _SINGLE_RE.finditer(text) if free(m.start())]
    openers = [i for i in marks if _single_opener(text, i)]
    closers = [i for i in marks if _single_closer(text, i)]
    pairs: list[tuple[int, int | None]] = []
    after = -1
    for o in openers:
        if o <= after:
            continue
        chosen = fallback = None
        for c in closers:
            if c <= o + 1:
                continue
            if any(o < x < c for x in openers) and fallback is not None:
                break  # another quotation starts before this closer: keep the possessive-looking one
            if _possessive_like(text, c):
                if fallback is None:
                    fallback = c
                continue
            chosen = c
            break
        close = chosen if chosen is not None else fallback
        if close is None:
            # A single mark left open counts only at the start of a sentence (a run-on quote).
            before = text[:o].rstrip()
            if not before or before[-1] in ".!?:":
                pairs.append((o, None))
                break
            continue
        pairs.append((o, close))
        after = close
    return pairs


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Every quotation-marked stretch of one paragraph, in order; nested quotes are not listed."""
    if not _DOUBLE_RE.search(text) and not _SINGLE_RE.search(text):
        return []
    doubles = _double_spans(text)
    blocked = [(o, len(text) if c is None else c) for o, c in doubles]
    singles = _single_spans(text, blocked)
    spans: list[MarkedSpan] = []
    for pairs, kind in ((doubles, '"'), (singles, "'")):
        for o, c in pairs:
            start, end = o + 1, len(text) if c is None else c
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if _HAS_WORD_RE.search(text, start, end):
                spans.append(MarkedSpan(o, start, end, c, kind))
    spans.sort(key=lambda s: s.open_at)
    # A quotation inside another one ('He called it "a disaster",' she said) belongs to it.
    outer: list[MarkedSpan] = []
    for s in spans:
        if outer and s.open_at < (outer[-1].close_at if outer[-1].close_at is not None else len(text)):
            continue
        outer.append(s)
    return outer


def _starts_with_mark(text: str) -> bool:
    stripped = text.lstrip()
    return bool(stripped) and (stripped[0] in DOUBLE_MARKS or stripped[0] in SINGLE_MARKS)


def paragraph_spans(paragraphs: tuple[str, ...], skip: set[int]) -> list[list[MarkedSpan]]:
    """Spans per paragraph; a quote left open keeps its place only when the next paragraph
    reopens the mark (run-on quote), or when it ends like a sentence (a lost closing mark)."""
    found = [[] if i in skip else find_marked_spans(p) for i, p in enumerate(paragraphs)]
    for i, spans in enumerate(found):
        if not spans or spans[-1].close_at is not None:
            continue
        last = spans[-1]
        nxt = next((j for j in range(i + 1, len(paragraphs)) if j not in skip), None)
        runs_on = nxt is not None and _starts_with_mark(paragraphs[nxt])
        if runs_on and found[nxt] and found[nxt][0].open_at <= len(paragraphs[nxt]) - len(paragraphs[nxt].lstrip()):
            first = found[nxt][0]
            found[nxt][0] = MarkedSpan(
                first.open_at, first.start, first.end, first.close_at, first.kind, continued=True
            )
        elif not _SENTENCE_END_RE.search(paragraphs[i][last.start : last.end]):
            spans.pop()
    return found


def span_text(block: str, span: MarkedSpan) -> str:
    return block[span.start : span.end]
