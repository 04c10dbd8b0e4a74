"""Sentences of news text: character spans that an abbreviation, a figure or a quotation do not break.

A sentence may end only where terminal punctuation (. ! ? or an ellipsis), possibly followed by
closing quotation marks or brackets, meets white space; each such place is then judged by the
word before it and the word after it. A full stop after a title ("Mr.") never ends a sentence;
after another abbreviation or an initial ("U.S.", "Inc.", "Oct.", "J.") it does only when a word
that typically opens a sentence follows ("the U.S. The talks..." but "the U.S. Treasury").
Punctuation inside a closing quotation mark ends the sentence when a capital follows
('"We will win." The minister left.'), not when the attribution goes on ('"Why?" he asked.').
A line break always ends a sentence. The scan is one pass of precompiled patterns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from talks_tui.index import lexicon
from talks_tui.index.tokens import WORD_RE


@dataclass(frozen=True)
class Sentence:
    paragraph: int  # index into the article's paragraphs
    start: int  # character span inside that paragraph, without surrounding space
    end: int
    text: str  # paragraph[start:end]


# Titles come before a name: a full stop after them never ends a sentence ("Mr. Smith").
_TITLES = lexicon.words("abbreviated_titles")
# Abbreviations that may also end a sentence: they end one only before a typical sentence opener.
_ABBREVIATIONS = lexicon.words("abbreviations")
# Abbreviations that are also ordinary words ("a work of art."): abbreviations only before a number.
_NUMBER_ABBREVIATIONS = lexicon.words("number_abbreviations")
_NEVER_END = frozenset(("vs", "v"))  # "Trump vs. Harris"
# Capitalised words that usually open a sentence and rarely continue a name or an organisation:
# after "U.S." they mean a new sentence ("...the U.S. He said"), unlike "U.S. Treasury".
_STARTERS = lexicon.words("sentence_starters")

# Terminal punctuation, closing marks, then the white space a boundary needs.
_BOUNDARY_RE = re.compile(r"([.!?…]+)([\"'”’»)\]]*)[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+(?=\S)")
_DOUBLE = '"“”'
_SQUASHED_RE = re.compile(r"([.!?])([\"“”])(?=[A-Z][a-z])")
_LINE_RE = re.compile(r"[^\n\r\u2028\u2029\x85]+")
_OPENERS = "\"'“‘«([{"
_QUOTES = "\"'”’»"
# The word just before a full stop: no white space, at most 40 characters back.
_PREV_RE = re.compile(r"[^\s" + re.escape(_OPENERS) + r"]*$")
_ACRONYM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # "U.S", "e.g", "a.m" (the last dot is the stop)
_LIST_MARKER_RE = re.compile(r"\s*\(?(?:\d{1,3}|[A-Za-z])")  # "1. The first point", "b. Tariffs"
# A speech cue after a quoted question or exclamation: '"Why?" Trump asked.' is one sentence.
_CUE_RE = re.compile(
    r"(?:[A-Z][\w'’.-]*\s+){1,4}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|"
    r"replies|shouted|exclaimed|cried|responded|continued|insisted|posted|declared|wondered|recalled)\b"
)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one paragraph, in order, without surrounding space."""
    spans: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        start = line.start()
        end = line.end()
        for cut, after in _boundaries(text, start, end):
            _add(text, start, cut, spans)
            start = after
        _add(text, start, end, spans)
    return spans


def _boundaries(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(end of a sentence, start of the next) in a line, in order."""
    found = []
    line_start = start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        if _ends_sentence(text, m, start):  # judged from the start of its own sentence
            found.append((m.start(2) + len(m.group(2)), m.end()))
            start = m.end()
    start = line_start
    # A page that lost the space at a quotation mark: 'he said.”But it is hard … launch.”Elderly'.
    # The mark opens the next sentence's quote when the marks before it are paired, else it closes.
    for m in _SQUASHED_RE.finditer(text, start, end):
        mark = m.start(2)
        opens = sum(text.count(c, start, mark) for c in _DOUBLE) % 2 == 0
        found.append((mark, mark) if opens else (mark + 1, mark + 1))
    return sorted(found)


def article_sentences(paragraphs: Sequence[str]) -> list[Sentence]:
    """All sentences of an article, paragraph by paragraph, in order."""
    return [
        Sentence(i, a, b, paragraph[a:b])
        for i, paragraph in enumerate(paragraphs)
        for a, b in sentence_spans(paragraph)
    ]


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


def _ends_sentence(text: str, m: re.Match[str], start: int) -> bool:
    punct, closers = m.group(1), m.group(2)
    nxt = text[m.end()]
    opens = nxt in _OPENERS
    capital = nxt.isupper()
    if not (capital or opens or nxt.isdigit()):
        return False  # '"Yes," he said', "... and so on", "e.g. tariffs": the sentence goes on
    if "?" in punct or "!" in punct:
        # A quoted question followed by its attribution: '"Why not?" Trump asked.'
        return not (closers and _CUE_RE.match(text, m.end()))
    if "…" in punct or len(punct) >= 3:
        return capital or opens  # an ellipsis before lowercase is an omission inside the sentence
    if any(c in _QUOTES for c in closers):
        return True  # '"We will win." The minister left.'
    if _LIST_MARKER_RE.fullmatch(text, start, m.start(1)):
        return False  # a numbered point opens its sentence
    return _full_stop_ends(text, m.start(1), m.end(), nxt)


def _full_stop_ends(text: str, dot: int, after: int, nxt: str) -> bool:
    """Whether the full stop at `dot`, followed by white space and `nxt`, ends a sentence."""
    word = _PREV_RE.search(text, max(0, dot - 40), dot).group()
    word = word.rpartition("-")[2].rpartition("/")[2]  # "Sino-U.S." -> "U.S."
    low = word.lower()
    if not word:
        return True
    if low in _TITLES or low in _NEVER_END:
        return False  # "Mr. Smith", "Trump vs. Harris"
    if low in _NUMBER_ABBREVIATIONS:
        return not nxt.isdigit()  # "No. 1", but "he said no. The"
    if low == "etc":
        return not nxt.isdigit()  # a list ends with etc., the next capital opens a new sentence
    initial = len(word) == 1 and word.isupper()
    if low in _ABBREVIATIONS or initial or _ACRONYM_RE.fullmatch(word):
        if nxt.isdigit():
            return False  # "Nov. 10", "U.S. 10-year yields"
        if nxt in _OPENERS:
            return not initial
        following = WORD_RE.match(text, after)
        # "J. K. Rowling": a next initial is no sentence opener even when it is "A." or "I."
        if following is None or text.startswith(".", following.end()):
            return False
        word = following.group()
        return word[0].isupper() and word.lower() in _STARTERS
    return True
