"""Which sentences to pair, from their similarities: a sentence may have several partners.

First competitive linking: the most similar pair first, each sentence once, a pair taken when
clearly similar or, less similar, when each sentence is the other's closest match. Then further
partners: a headline, a lead and a body sentence often state one fact, so a pair also counts when
it is close to the best either of its sentences has. Last, two sentences that are each other's
closest match and similar enough pair though they share fewer than MIN_SHARED_WORDS words.
Thresholds were chosen on the development gold (tests/data/devset/alignment_gold.json) and
checked on the seeds' labels; the README gives the figures.
"""

from __future__ import annotations

import numpy as np

# A pair this similar is the same fact.
PARAPHRASE_THRESHOLD = 0.25
# Less similar pairs count when each sentence is the other's closest match.
MUTUAL_THRESHOLD = 0.1
# A further partner: at least this similar, and this share of the best either sentence has.
EXTRA_THRESHOLD = 0.22
NEAR_BEST = 0.6
# A pair must share this many words (fewer only when a sentence has fewer): one shared word
# ("deal", "Sunday") is chance.
MIN_SHARED_WORDS = 3
# ...unless the two sentences are each other's closest match and this similar.
FEW_WORDS_THRESHOLD = 0.25


def choose_pairs(
    similarity: np.ndarray, shared_words: np.ndarray, sizes: tuple[list[float], list[float]]
) -> list[tuple[int, int]]:
    """The (left, right) pairs to show, in no particular order. `shared_words` is how many words
    each pair shares (a name counting as one), `sizes` how many each sentence has."""
    if not similarity.size:
        return []
    raw = similarity
    needed = np.minimum(MIN_SHARED_WORDS, np.minimum.outer(np.array(sizes[0]), np.array(sizes[1])))
    similarity = np.where((shared_words >= np.maximum(needed, 1) - 1e-9) & (shared_words > 0), similarity, 0.0)
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
    near = (similarity >= NEAR_BEST * similarity.max(axis=1, keepdims=True)) | (
        similarity >= NEAR_BEST * similarity.max(axis=0, keepdims=True)
    )
    taken = set(chosen)
    for i, j in zip(*np.nonzero((similarity >= EXTRA_THRESHOLD) & near), strict=True):
        if (int(i), int(j)) not in taken:
            chosen.append((int(i), int(j)))
            taken.add((int(i), int(j)))
    # Fewer shared words do when the two are each other's closest match by far ("we will mobilize";
    # "nine hours" and "took"): one rare word in common is then the fact, not chance.
    raw_row_best = raw.argmax(axis=1)
    raw_column_best = raw.argmax(axis=0)
    for i, best in enumerate(raw_row_best):
        j = int(best)
        close = raw_column_best[j] == i and raw[i, j] >= FEW_WORDS_THRESHOLD
        if close and shared_words[i, j] > 0 and (i, j) not in taken:
            chosen.append((i, j))
    return chosen
