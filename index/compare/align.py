"""Line up the sentences of two articles: same wording, same fact in other words, or only one side.

Each sentence becomes a TF-IDF vector over its stemmed words plus its normalised figures
("Nov. 10" and "November 10" give the same figure token), with document frequencies counted over
the sentences of both articles, so that the story's everyday words (China, US, trade, talks)
weigh little and the distinctive ones (Lipsky, soybeans, 100%) decide. Pairs are chosen greedily
by cosine similarity, each sentence used once. A pair whose shorter sentence is mostly covered by
runs of words the two share is the same wording (wire or agency copy); otherwise, above the
paraphrase threshold, it is the same fact. Aligned sentences are then compared on their figures.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

import numpy as np

from talks_tui.index.compare.figures import Figure, find_figures
from talks_tui.index.model import Article
from talks_tui.index.sentences import Sentence, article_sentences
from talks_tui.index.terms import STOP_WORDS, stem, word_spans
from talks_tui.index.tokens import fold as fold_name

if TYPE_CHECKING:  # the quotation module pulls in attribution, which a compare view does not need
    from talks_tui.index.model import Quote

SAME_WORDING = "same_wording"
SAME_FACT = "same_fact"

# Tuned on the hand-labelled pairs in tests/index/test_align.py (see the README for the figures).
PARAPHRASE_THRESHOLD = 0.3
# Less similar pairs count when each sentence is the other's closest match.
MUTUAL_THRESHOLD = 0.12
MIN_SHARED_WORDS = 3
# A sentence with no partner of its own may share its closest match's partner above this.
SECOND_PARTNER_THRESHOLD = 0.12
# The share of the shorter sentence's words inside shared runs that makes it the same wording.
VERBATIM_SHARE = 0.6
# A shared run is at least this many words, and not stop words only.
MIN_RUN = 3


# Closed-class words and reporting verbs: they carry no fact, whatever their frequency.
FUNCTION_WORDS = frozenset(
    """
    about above after again against all also although among another any around because been before
    being below between both but could did do does doing down during each either even every few had
    has having he her here hers him his how however i its itself me might more most much must my
    neither no nor now off once only other our ours out over own per same she should since so some
    such than their theirs them then there these they those though through thus too under until up
    upon very via was were what whatever which while who whom whose why would
    said say says saying told tell added adding noted according stated
    """.split()
)
_ACRONYM_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}")


@dataclass(frozen=True)
class SharedSpan:
    """A run of words both sentences have, as character spans in each sentence's text."""

    left: tuple[int, int]
    right: tuple[int, int]
    words: int


@dataclass(frozen=True)
class FigureDifference:
    """Figures of one kind that the two sentences of a pair give differently."""

    kind: str
    left: tuple[Figure, ...]
    right: tuple[Figure, ...]


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


@dataclass(frozen=True)
class Background:
    """How many articles of the corpus use each term. What every outlet says about the story
    (its actors, place, subject) weighs little when deciding whether two sentences say the same."""

    articles: int
    frequencies: Mapping[str, int]

    def weight(self, term: str) -> float:
        # Smoothed IDF over articles; figures and unknown terms count as rare.
        df = self.frequencies.get(term, 1)
        return math.log((1 + self.articles) / (1 + df)) + 1


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
    left_terms = [_terms(s.text, f) for s, f in zip(left_sentences, left_figures, strict=True)]
    right_terms = [_terms(s.text, f) for s, f in zip(right_sentences, right_figures, strict=True)]
    similarity, shared_words = _similarity(left_terms, right_terms, background)
    # A pair must share more than one word: one shared word ("deal", "Sunday") is chance. A short
    # sentence ("RARE EARTHS STRANGLEHOLD") may pair with one that has all its words.
    left_sizes, right_sizes = ([sum(min(c, 1) for c in t.values()) for t in side] for side in (left_terms, right_terms))
    needed = np.minimum(MIN_SHARED_WORDS, np.minimum.outer(np.array(left_sizes), np.array(right_sizes)))
    similarity = np.where((shared_words >= np.maximum(needed, 1) - 1e-9) & (shared_words > 0), similarity, 0.0)

    pairs: list[SentencePair] = []
    for i, j in _choose_pairs(similarity):
        shared, verbatim = _shared_runs(left_sentences[i].text, right_sentences[j].text)
        pairs.append(
            SentencePair(
                left=i,
                right=j,
                kind=SAME_WORDING if verbatim >= VERBATIM_SHARE else SAME_FACT,
                similarity=round(float(similarity[i, j]), 3),
                shared=shared,
                differing=_differing_figures(
                    left_figures[i] + _speakers(left_sentences[i], left, left_quotes),
                    right_figures[j] + _speakers(right_sentences[j], right, right_quotes),
                ),
            )
        )
    used_left = {p.left for p in pairs}
    used_right = {p.right for p in pairs}
    pairs.sort(key=lambda p: p.left)
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


def _choose_pairs(similarity: np.ndarray) -> list[tuple[int, int]]:
    """Competitive linking: the most similar pair first, each sentence used once. A pair is taken
    when clearly similar, or, less similar, when each sentence is the other's closest match."""
    if not similarity.size:
        return []
    row_best = similarity.argmax(axis=1)
    column_best = similarity.argmax(axis=0)
    chosen: list[tuple[int, int]] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for flat in np.argsort(-similarity, axis=None, kind="stable"):
        i, j = divmod(int(flat), similarity.shape[1])
        score = similarity[i, j]
        if score < MUTUAL_THRESHOLD:
            break
        if i in used_left or j in used_right:
            continue
        if score >= PARAPHRASE_THRESHOLD or (row_best[i] == j and column_best[j] == i):
            used_left.add(i)
            used_right.add(j)
            chosen.append((i, j))
    # One sentence may tell what the other side says in two: a sentence left without a partner
    # joins its closest match when that is close enough, even though the match is taken.
    for i in set(range(similarity.shape[0])) - used_left:
        j = int(row_best[i])
        if similarity[i, j] >= SECOND_PARTNER_THRESHOLD and column_best[j] != i:
            chosen.append((i, j))
    for j in set(range(similarity.shape[1])) - used_right:
        i = int(column_best[j])
        if similarity[i, j] >= SECOND_PARTNER_THRESHOLD and (i, j) not in chosen:
            chosen.append((i, j))
    return chosen


def _terms(text: str, figures: list[Figure]) -> Counter[str]:
    """Stemmed content words outside figures, plus one token per figure in its normalised form.
    Words of a capitalised name share one word's weight, so that a long name ("Association of
    Southeast Asian Nations") does not outweigh the fact told about it."""
    text = _ACRONYM_RE.sub(lambda m: m.group().replace(".", "") + " " * m.group().count("."), text)
    inside = [(f.start, f.end) for f in figures]
    words = [
        (word, start, end)
        for word, start, end in word_spans(text)
        if word not in STOP_WORDS and word not in FUNCTION_WORDS and not any(a <= start < b for a, b in inside)
    ]
    terms: Counter[str] = Counter()
    for run in _name_runs(text, words):
        for word, _, _ in run:
            terms[stem(word)] += 1 / len(run)
    for f in figures:
        terms[f"#{f.kind}:{f.value}"] += 1
    return terms


def _name_runs(text: str, words: list[tuple[str, int, int]]) -> Iterator[list[tuple[str, int, int]]]:
    """The words in runs: consecutive capitalised words form one run, every other word its own."""
    run: list[tuple[str, int, int]] = []
    for word in words:
        capital = text[word[1]].isupper()
        if run and capital and text[run[-1][2] : word[1]].strip(" -") == "":
            run.append(word)
            continue
        if run:
            yield run
        run = [word] if capital else []
        if not capital:
            yield [word]
    if run:
        yield run


def _similarity(
    left: list[Counter[str]], right: list[Counter[str]], background: Background | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Cosine similarity of every left sentence with every right one, and how many words (a
    name counting as one) each pair shares."""
    if not left or not right:
        empty = np.zeros((len(left), len(right)))
        return empty, empty
    df: Counter[str] = Counter()
    for terms in (*left, *right):
        df.update(terms.keys())
    vocabulary = {term: n for n, term in enumerate(df)}
    n_docs = len(left) + len(right)
    # Smoothed IDF: a term in every sentence still counts a little.
    idf = np.array([math.log((1 + n_docs) / (1 + df[t])) + 1 for t in vocabulary])
    if background is not None:
        idf *= np.array([background.weight(t) for t in vocabulary])

    def counts(rows: list[Counter[str]]) -> np.ndarray:
        m = np.zeros((len(rows), len(vocabulary)))
        for r, terms in enumerate(rows):
            for term, count in terms.items():
                m[r, vocabulary[term]] = count
        return m

    def unit_vectors(m: np.ndarray) -> np.ndarray:
        weighted = np.where(m >= 1, 1 + np.log(np.maximum(m, 1)), m) * idf
        norms = np.linalg.norm(weighted, axis=1, keepdims=True)
        return weighted / np.where(norms == 0, 1, norms)

    left_counts, right_counts = counts(left), counts(right)
    # Words in common, a name's words sharing one word's count (so that sqrt(w) * sqrt(w) = w).
    shared = np.sqrt(np.minimum(left_counts, 1)) @ np.sqrt(np.minimum(right_counts, 1)).T
    return unit_vectors(left_counts) @ unit_vectors(right_counts).T, shared


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


def _speakers(sentence: Sentence, article: Article, quotes: Sequence[tuple[Quote, str | None]]) -> list[Figure]:
    """Who the sentence quotes, as figures of kind "speaker": two outlets giving one statement
    to different people is a difference worth seeing. Not for an outlet's articles taken as one
    (their paragraphs are renumbered)."""
    found = []
    for quote, _ in quotes:
        if (
            quote.speaker
            and quote.article_id == article.id
            and quote.paragraph == sentence.paragraph
            and sentence.start <= quote.start < sentence.end
        ):
            start = quote.start - sentence.start
            found.append(Figure("speaker", fold_name(quote.speaker), quote.speaker, start, start))
    return found


def _differing_figures(left: list[Figure], right: list[Figure]) -> tuple[FigureDifference, ...]:
    """Kinds of figure both sentences give, with values that are not the same on both sides.
    A figure only one side gives is extra detail, not a disagreement."""
    differences = []
    for kind in sorted({f.kind for f in left} & {f.kind for f in right}):
        left_values = {f.value for f in left if f.kind == kind}
        right_values = {f.value for f in right if f.kind == kind}
        if left_values != right_values:
            differences.append(
                FigureDifference(
                    kind=kind,
                    left=tuple(f for f in left if f.kind == kind and f.value not in right_values),
                    right=tuple(f for f in right if f.kind == kind and f.value not in left_values),
                )
            )
    return tuple(d for d in differences if d.left and d.right)


def _word_share(sentences: Sequence[Sentence], found: set[int]) -> float:
    total = sum(len(s.text.split()) for s in sentences)
    if not total:
        return 0.0
    return round(sum(len(sentences[i].text.split()) for i in found) / total, 3)
