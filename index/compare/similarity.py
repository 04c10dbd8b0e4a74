"""How alike two articles' sentences are: TF-IDF cosine over their terms (`sentence_terms`).

Document frequencies are counted over the sentences of both articles, so that the story's
everyday words (the country, the disaster, the talks) weigh little and the distinctive ones
(a name, a figure, a rare word) decide; where the corpus is known, a term's share of its articles
(`Background`) lowers what every outlet says about the story further.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np


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


def similarity(
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
