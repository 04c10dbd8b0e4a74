"""Scoring a candidate: score = spread x quality, and whether it is a name.

Spread: the log of the articles mentioning it plus half the log of the mentions per article,
damped a little for topics every article has (they tell outlets apart least) and lowered for
one-article topics. Quality: names and rare words count in full, everyday words alone never,
phrases by how strongly their words go together (mentions of the phrase over the geometric mean
of its outer words' mentions); a name glued to a common word ("Chinese goods") counts for half.
"""

from __future__ import annotations

import math

import numpy as np

from talks_tui.index.coverage.candidates import Candidate
from talks_tui.index.coverage.corpus_words import CorpusWords
from talks_tui.index.coverage.labels import commonest_surface
from talks_tui.index.coverage.tokens import ACRONYM, CAPITAL, DATE, FIGURE, HEADLINE, WORD
from talks_tui.index.coverage.word_classes import DESCRIBING_ENDINGS


def _strength(corpus: CorpusWords, cand: Candidate) -> float:
    """How strongly a phrase's outer words go together: its mentions over the geometric mean of
    the outer words' mentions (near 1 when each occurs only in the phrase)."""
    first, last = cand.key[0], cand.key[-1]
    # One more mention of each word than seen: two mentions of a phrase prove less than twenty.
    return min(1.0, cand.tf / math.sqrt((corpus.key_tf[first] + 1) * (corpus.key_tf[last] + 1)))


def _capitalised_share(corpus: CorpusWords, cand: Candidate) -> float | None:
    """The share of a phrase's mentions outside headlines with every word capitalised (linking
    words aside), or None when it occurs only in headlines."""
    kinds = corpus.kinds
    content = np.array([kinds[k] in (WORD, ACRONYM) and not corpus.function[k] for k in cand.key])
    span = cand.positions[:, None] + np.arange(len(cand.key))[None, :]
    case = corpus.tokens.case[span]
    body = ~((case & HEADLINE) > 0).any(axis=1)
    if not body.any():
        return None
    capitalised = ((case & CAPITAL) > 0) | ~content[None, :]
    return float(capitalised[body].all(axis=1).mean())


def _quality(corpus: CorpusWords, cand: Candidate) -> float:
    """How much of a topic the candidate is, from 0 to 1, whatever its number of mentions."""
    key = cand.key
    kinds = corpus.kinds
    first = key[0]
    if cand.run:
        cand.entity = True
        return 1.0
    words = [k for k in key if kinds[k] in (WORD, ACRONYM) and not corpus.function[k]]
    cand.entity = bool(words) and all(corpus.proper[k] for k in words)
    if len(key) > 1 and words:
        # Written with capitals where it occurs ("Norvik Bank", though "the bank" is common).
        capitalised = _capitalised_share(corpus, cand)
        if capitalised is not None:
            cand.entity = capitalised >= 0.6
    if len(key) == 1:
        kind = kinds[first]
        if kind in (DATE, FIGURE):
            return 0.7
        if len(corpus.tokens.vocab.keys[first]) < 2:
            return 0.0  # a stray letter
        if cand.entity:
            # Many one-word names are passing mentions (a city, a news agency); capitalised common
            # words (Ministry, Commerce) even more so.
            return 0.4 if corpus.common[first] else 0.7
        if corpus.common[first]:
            return 0.0  # "cooperation", "meeting": words of any story
        if corpus.capital_ratio[first] > 0.3:
            return 0.3  # sometimes a name, sometimes not
        if commonest_surface(corpus, cand).lower().endswith(DESCRIBING_ENDINGS):
            return 0.3  # "agricultural", "intense": a description, not a subject
        return 1.0
    strength = _strength(corpus, cand)
    if cand.entity:
        return 0.8 + 0.2 * strength  # capitalised words in a row are mostly a name
    quality = 0.4 + 0.6 * strength
    if any(corpus.proper[k] for k in words):
        quality *= 0.5  # a name and a common word ("Chinese goods", "Trump administration")
    return quality


def topic_score(corpus: CorpusWords, cand: Candidate) -> float:
    """How good a topic the candidate makes (0: none); sets `cand.entity`, whether it is a name."""
    quality = _quality(corpus, cand)
    if quality <= 0:
        return 0.0
    n = corpus.n_articles
    spread = math.log2(1 + cand.df) + 0.5 * math.log2(1 + cand.tf / cand.df)
    if n >= 3:
        # Mentioned everywhere: part of what the story is, less of what tells outlets apart.
        spread *= 1.0 - 0.6 * (cand.df / n) ** 3
        if cand.df == 1:
            spread *= 0.8
    return quality * spread
