"""What a quotation states, for comparing two of them: the crude stems of its content words, and
for a short fragment the clause reported around it ('Li said the US stance was "tough"' ->
'the US stance was "tough"'). Attribution uses them to match a headline to the body passage it
repeats; the corpus level to group the variants of one statement."""

from __future__ import annotations

import re
from functools import lru_cache

from talks_tui.index import lexicon
from talks_tui.index.quotes.blocks import Block
from talks_tui.index.quotes.marks import find_marked_spans
from talks_tui.index.tokens import ALNUM_RE, fold

# Quotations shorter than this many words are compared through the clause around them.
STATEMENT_MIN_WORDS = 6
STOP_WORDS = lexicon.words("statement_stop_words")
_ACRONYM_RE = re.compile(r"\b(?:[a-z]\.){2,}")


def statement_stems(text: str) -> set[str]:
    """Crude stems (five-letter prefixes) of the content words: "expresses" and "expressed"
    meet, and "U.S." is "us"."""
    text = _ACRONYM_RE.sub(lambda m: m.group().replace(".", ""), fold(text))
    return {w[:5] for w in ALNUM_RE.findall(text) if w not in STOP_WORDS}


@lru_cache(maxsize=32)
def _block_of(text: str) -> Block:
    """One paragraph read on its own; cached because the quotes of a paragraph come together."""
    return Block(0, text, find_marked_spans(text))


def reported_clause(text: str, start: int, end: int) -> str:
    """The words reported around a quoted fragment: its sentence without the attribution
    ('Li said on Sunday that the US stance was "tough"' -> 'the US stance was "tough"')."""
    return reported_clause_in(_block_of(text), start, end)


def reported_clause_in(b: Block, start: int, end: int) -> str:
    text, toks = b.text, b.toks
    for si, (lo, hi) in enumerate(b.sents):
        a, z = toks[lo].start, toks[hi - 1].end
        if not (a <= start < z or a < end <= z):
            continue
        before = [c for c in b.cues[si] if toks[c.at].end <= start]
        after = [c for c in b.cues[si] if toks[c.at].start >= end]
        if before:
            c = before[-1]
            k = max(c.at + 1, c.fwd.hi if c.fwd is not None and not c.source else 0)
            that = next((j for j in range(k, min(k + 9, hi)) if toks[j].low == "that"), None)
            if that is not None and toks[that].end <= start:
                k = that + 1  # "said on Oct. 26 that ..."
            while k < hi and (toks[k].low in ("that", "to", "reporters", "journalists") or toks[k].kind == "p"):
                k += 1
            if k < hi and toks[k].start <= start:
                a = toks[k].start
        if after:
            c = after[0]
            k = c.back.lo if c.back is not None and not c.source else c.at
            if toks[k].start >= end:
                z = toks[k].start
        return text[a:z]
    return text[start:end]
