"""Line up the sentences of two articles: same wording, same fact in other words, or only one side.

Each sentence becomes terms (`sentence_terms`: content words and normalised figures), pairs are
scored by TF-IDF cosine (`similarity`) and chosen (`pairing`), a sentence with as many partners
as state its fact. Two sentences that each give a tally of the story with one measure word's
meaning (the dead, the injured: "the death toll stood at 513", "killing at least 272 people") state
one fact in other words, their figures the difference: such a pair scores higher. A pair whose
shorter sentence is mostly covered by runs of words the two share is the same wording (wire or
agency copy); otherwise it is the same fact. Paired sentences are
then compared on the figures of one quantity and the speakers of one quotation (`differences`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np

from talks_tui.index.compare.differences import FigureDifference, differences, measured, spoken_by
from talks_tui.index.compare.figures import Figure, find_figures
from talks_tui.index.compare.pairing import MIN_SHARED_WORDS, choose_pairs
from talks_tui.index.compare.sentence_terms import caption_paragraphs, is_furniture, sentence_terms, story_start
from talks_tui.index.compare.similarity import Background, similarity
from talks_tui.index.model import Article
from talks_tui.index.sentences import Sentence, article_sentences
from talks_tui.index.terms import STOP_WORDS, word_spans

if TYPE_CHECKING:  # the quotation module pulls in attribution, which a compare view does not need
    from talks_tui.index.model import Quote

__all__ = ["Alignment", "Background", "FigureDifference", "SentencePair", "align"]

SAME_WORDING = "same_wording"
SAME_FACT = "same_fact"

# The share of the shorter sentence's words inside shared runs that makes it the same wording.
VERBATIM_SHARE = 0.6
# Days and dates are compared in pairs whose shared runs cover this share.
CLOSE_WORDING = 0.5
# A shared run is at least this many words, and not stop words only.
MIN_RUN = 3
# Added to the similarity of two sentences that count the same thing (a toll, the injured), which
# then count as sharing enough words: "the death toll had risen to 381" and "killing at least 272
# people" state one fact, in other words and figures. Chosen on the development gold.
MEASURE_BONUS = 0.25
_SINCE_RE = re.compile(r"\bsince\s+$")


@dataclass(frozen=True)
class SharedSpan:
    """A run of words both sentences have, as character spans in each sentence's text."""

    left: tuple[int, int]
    right: tuple[int, int]
    words: int


@dataclass(frozen=True)
class SentencePair:
    left: int  # index into Alignment.left_sentences
    right: int
    kind: str  # SAME_WORDING or SAME_FACT
    similarity: float  # cosine of the TF-IDF vectors, 0..1
    shared: tuple[SharedSpan, ...]
    differing: tuple[FigureDifference, ...]


@dataclass(frozen=True)
class Summary:
    left_share: float  # share of the left article's words in sentences found on the right
    right_share: float
    same_wording: int
    same_fact: int
    only_left: int
    only_right: int
    differing_figures: int  # pairs whose figures differ
    quotes_common: int = 0  # statements both articles quote
    quotes_only_left: int = 0
    quotes_only_right: int = 0


@dataclass(frozen=True)
class QuoteMatch:
    """Quotations of one statement in the two articles (the corpus's variant groups)."""

    left: tuple[Quote, ...]
    right: tuple[Quote, ...]


@dataclass(frozen=True)
class Alignment:
    left: Article
    right: Article
    left_sentences: tuple[Sentence, ...]
    right_sentences: tuple[Sentence, ...]
    pairs: tuple[SentencePair, ...]  # in the left article's order
    only_left: tuple[int, ...]
    only_right: tuple[int, ...]
    summary: Summary
    quotes_common: tuple[QuoteMatch, ...] = ()
    quotes_only_left: tuple[Quote, ...] = ()
    quotes_only_right: tuple[Quote, ...] = ()

    def rows(self) -> list[tuple[int | None, int | None, SentencePair | None]]:
        """Display rows (left index, right index, pair) in the left article's order, one row per
        pair, so a sentence paired twice shows twice. A sentence only on the right goes after the
        last row of the right sentence before it, so that each side still reads in its own order
        as far as the pairing allows."""
        pairs_of_left: dict[int, list[SentencePair]] = {}
        last_left_of_right: dict[int, int] = {}
        for pair in self.pairs:
            pairs_of_left.setdefault(pair.left, []).append(pair)
            last_left_of_right[pair.right] = max(pair.left, last_left_of_right.get(pair.right, -1))
        after: dict[int | None, list[int]] = {}
        anchor: int | None = None
        for j in range(len(self.right_sentences)):
            if j in last_left_of_right:
                anchor = last_left_of_right[j]
            else:
                after.setdefault(anchor, []).append(j)
        rows: list[tuple[int | None, int | None, SentencePair | None]] = [(None, j, None) for j in after.get(None, [])]
        for i in range(len(self.left_sentences)):
            if i in pairs_of_left:
                rows.extend((i, p.right, p) for p in pairs_of_left[i])
            else:
                rows.append((i, None, None))
            rows.extend((None, j, None) for j in after.get(i, []))
        return rows


def align(
    left: Article,
    right: Article,
    left_quotes: Sequence[tuple[Quote, str | None]] = (),
    right_quotes: Sequence[tuple[Quote, str | None]] = (),
    background: Background | None = None,
) -> Alignment:
    """Align two articles; quotations come as (quote, variant group) from the corpus."""
    left_sentences = tuple(article_sentences(left.paragraphs))
    right_sentences = tuple(article_sentences(right.paragraphs))
    left_figures = [find_figures(s.text) for s in left_sentences]
    right_figures = [find_figures(s.text) for s in right_sentences]
    left_captions, right_captions = caption_paragraphs(left.paragraphs), caption_paragraphs(right.paragraphs)
    left_terms = [_story_terms(s, f, left_captions) for s, f in zip(left_sentences, left_figures, strict=True)]
    right_terms = [_story_terms(s, f, right_captions) for s, f in zip(right_sentences, right_figures, strict=True)]
    cosines, shared_words = similarity(left_terms, right_terms, background)
    same_measure = _same_measure(left_sentences, right_sentences, left_figures, right_figures)
    scores = cosines + MEASURE_BONUS * same_measure
    shared_words = np.where(same_measure, np.maximum(shared_words, MIN_SHARED_WORDS), shared_words)
    sizes = tuple([sum(min(c, 1) for c in t.values()) for t in side] for side in (left_terms, right_terms))

    pairs: list[SentencePair] = []
    for i, j in choose_pairs(scores, shared_words, sizes):
        left_text, right_text = left_sentences[i].text, right_sentences[j].text
        shared, verbatim = _shared_runs(left_text, right_text)
        pairs.append(
            SentencePair(
                left=i,
                right=j,
                kind=SAME_WORDING if verbatim >= VERBATIM_SHARE else SAME_FACT,
                similarity=round(float(cosines[i, j]), 3),
                shared=shared,
                differing=differences(
                    left_text,
                    right_text,
                    left_figures[i],
                    right_figures[j],
                    spoken_by(left_sentences[i], left, left_quotes),
                    spoken_by(right_sentences[j], right, right_quotes),
                    times=verbatim >= CLOSE_WORDING,
                ),
            )
        )
    used_left = {p.left for p in pairs}
    used_right = {p.right for p in pairs}
    pairs.sort(key=lambda p: (p.left, p.right))
    only_left = tuple(i for i in range(len(left_sentences)) if i not in used_left)
    only_right = tuple(j for j in range(len(right_sentences)) if j not in used_right)
    common, quotes_only_left, quotes_only_right = _match_quotes(left_quotes, right_quotes)
    summary = Summary(
        left_share=_word_share(left_sentences, used_left),
        right_share=_word_share(right_sentences, used_right),
        same_wording=sum(p.kind == SAME_WORDING for p in pairs),
        same_fact=sum(p.kind == SAME_FACT for p in pairs),
        only_left=len(only_left),
        only_right=len(only_right),
        differing_figures=sum(bool(p.differing) for p in pairs),
        quotes_common=len(common),
        quotes_only_left=len(quotes_only_left),
        quotes_only_right=len(quotes_only_right),
    )
    return Alignment(
        left,
        right,
        left_sentences,
        right_sentences,
        tuple(pairs),
        only_left,
        only_right,
        summary,
        common,
        quotes_only_left,
        quotes_only_right,
    )


def _match_quotes(
    left: Sequence[tuple[Quote, str | None]], right: Sequence[tuple[Quote, str | None]]
) -> tuple[tuple[QuoteMatch, ...], tuple[Quote, ...], tuple[Quote, ...]]:
    """Statements quoted on both sides (same variant group), and those only one side quotes.
    A quotation with no group stands for itself."""

    def by_statement(quotes: Sequence[tuple[Quote, str | None]]) -> dict[str, list[Quote]]:
        groups: dict[str, list[Quote]] = {}
        for quote, group in quotes:
            groups.setdefault(group or quote.id, []).append(quote)
        return groups

    left_groups, right_groups = by_statement(left), by_statement(right)
    common = tuple(QuoteMatch(tuple(qs), tuple(right_groups[g])) for g, qs in left_groups.items() if g in right_groups)
    only_left = tuple(q for g, qs in left_groups.items() if g not in right_groups for q in qs)
    only_right = tuple(q for g, qs in right_groups.items() if g not in left_groups for q in qs)
    return common, only_left, only_right


def _shared_runs(left: str, right: str) -> tuple[tuple[SharedSpan, ...], float]:
    """Runs of at least MIN_RUN words the two sentences share (case and punctuation aside), and
    the share of the shorter sentence's words they cover."""
    left_words = list(word_spans(left))
    right_words = list(word_spans(right))
    if not left_words or not right_words:
        return (), 0.0
    matcher = SequenceMatcher(None, [w for w, _, _ in left_words], [w for w, _, _ in right_words], autojunk=False)
    spans = []
    covered = 0
    shortest = min(MIN_RUN, len(left_words), len(right_words))  # a two-word heading can match whole
    for a, b, size in matcher.get_matching_blocks():
        if size < shortest or all(w in STOP_WORDS for w, _, _ in left_words[a : a + size]):
            continue
        covered += size
        spans.append(
            SharedSpan(
                left=(left_words[a][1], left_words[a + size - 1][2]),
                right=(right_words[b][1], right_words[b + size - 1][2]),
                words=size,
            )
        )
    return tuple(spans), covered / min(len(left_words), len(right_words))


def _word_share(sentences: Sequence[Sentence], found: set[int]) -> float:
    total = sum(len(s.text.split()) for s in sentences)
    if not total:
        return 0.0
    return round(sum(len(sentences[i].text.split()) for i in found) / total, 3)


def _same_measure(
    left: Sequence[Sentence],
    right: Sequence[Sentence],
    left_figures: Sequence[list[Figure]],
    right_figures: Sequence[list[Figure]],
) -> np.ndarray:
    """Which pairs count the same thing (a measure word's line: the dead, the injured) in the story
    itself: neither gives a year the other lacks ("In 2008, a quake killed almost 70,000" is
    history, not the toll), and their years, if any, agree."""
    matrix = np.zeros((len(left), len(right)), dtype=bool)
    left_counts = [measured(s.text, f) for s, f in zip(left, left_figures, strict=True)]
    right_counts = [measured(s.text, f) for s, f in zip(right, right_figures, strict=True)]
    if not any(left_counts) or not any(right_counts):
        return matrix
    left_years = [_years(s.text, fs) for s, fs in zip(left, left_figures, strict=True)]
    right_years = [_years(s.text, fs) for s, fs in zip(right, right_figures, strict=True)]
    for i, counts in enumerate(left_counts):
        for j, others in enumerate(right_counts):
            if counts & others and left_years[i] == right_years[j]:
                matrix[i, j] = True
    return matrix


def _years(text: str, figures: Sequence[Figure]) -> set[str]:
    """The years a sentence names, alone or in a month ("September 2012"); not the page's date,
    nor a year that only measures against the past ("the strongest since 1979")."""
    start = story_start(text)
    return {
        f.value[:4]
        for f in figures
        if f.kind in ("year", "month")
        and f.start >= start
        and re.match(r"\d{4}(?:-|$)", f.value)
        and not _SINCE_RE.search(text, 0, f.start)
    }


def _story_terms(sentence: Sentence, figures: list[Figure], captions: set[int]) -> Counter[str]:
    """A sentence's terms; none for page furniture, which never pairs."""
    if sentence.paragraph in captions or is_furniture(sentence.text):
        return Counter()
    return sentence_terms(sentence.text, figures)
