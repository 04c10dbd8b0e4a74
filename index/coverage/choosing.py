"""Choosing the default topics: the best candidates in score order, none saying what another says.

Two names side by side (China-US) and demonyms beside their country (Chinese) go; outlets' own
names are columns, not topics. Then the best are taken in score order, skipping any that a chosen
topic already covers (contained in it, overlapping it, or a word only ever said in the same breath
as it: maritime beside Section 301), with at least 40% of the rows for names and 40% for subjects
(phrases, words, figures) when there are enough of each.
"""

from __future__ import annotations

import numpy as np

from talks_tui.index.coverage.candidates import Candidate, mentions_inside, offset_in, share_near
from talks_tui.index.coverage.corpus_words import CorpusWords
from talks_tui.index.coverage.merging import join_acronyms, join_surnames, prefer_longer
from talks_tui.index.coverage.scoring import topic_score
from talks_tui.index.coverage.tokens import BREAK, TOKEN_RE, WORD


def _redundant(corpus: CorpusWords, c: Candidate, chosen: list[Candidate], covered: list[np.ndarray]) -> bool:
    """Whether a chosen topic already says what the candidate would."""
    n = len(c.key)
    mine = c.covered()
    for d, theirs in zip(chosen, covered, strict=True):
        if any(offset_in(p.key, c.key) >= 0 and mentions_inside(c, p) >= 0.5 * c.tf for p in d.family()):
            return True  # "Kuala" once "Kuala Lumpur" is in
        if offset_in(c.key, d.key) >= 0:
            if mentions_inside(d, c) >= 0.5 * d.tf:
                return True  # "Kuala Lumpur tower" once "Kuala Lumpur" is in
            continue
        if d.alias is not None and offset_in(c.key, d.alias.key) >= 0:
            return True  # "President Xi" beside "Xi Jinping"
        # Overlapping mentions ("US Section" beside "Section 301").
        if _found_in(mine, theirs).reshape(-1, n).any(axis=1).sum() >= 0.5 * c.tf:
            return True
        if _absorbs(corpus, d, c):
            return True
    return False


def _found_in(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """np.isin(values, ordered) for `ordered` sorted and unique (as np.unique leaves it), by
    bisection: np.isin sorts both again, 20% of finding the coverage of 10,000 articles."""
    if not len(ordered):
        return np.zeros(len(values), dtype=bool)
    at = np.minimum(np.searchsorted(ordered, values), len(ordered) - 1)
    return ordered[at] == values


def _absorbs(corpus: CorpusWords, name: Candidate, word: Candidate) -> bool:
    """Whether a word is only ever said in the same breath as a name or phrase, and no more often
    ("shipbuilding" beside "Section 301")."""
    return (
        not word.entity
        and corpus.kinds[word.key[0]] == WORD
        and (name.entity or len(name.key) > 1)
        and 0.5 * name.tf <= word.tf <= name.tf  # a name ten times as common is near everything
        and share_near(corpus, word, name, 8) >= 0.8
    )


def choose_topics(
    corpus: CorpusWords, cands: list[Candidate], limit: int, skip: set[tuple[int, ...]]
) -> list[Candidate]:
    """The topics to show, at most `limit`, best first: the candidates scored, merged and chosen
    (`skip`: key sequences that are never topics, such as the outlets' names). Empties `cands`."""
    for cand in cands:
        cand.score = topic_score(corpus, cand)
    pool = sorted((c for c in cands if c.score > 0), key=lambda c: (-c.score, -c.df, -c.tf, c.key))
    pool = pool[: max(400, limit * 20)]
    for c in pool:  # a view would keep every candidate's positions alive
        c.positions = c.positions.copy()
    cands.clear()
    pool = prefer_longer(corpus, pool)
    pool = join_surnames(corpus, pool)
    pool = join_acronyms(corpus, pool)
    singles = {c.key[0]: c for c in pool if len(c.key) == 1 and c.entity}
    keys = corpus.tokens.vocab.keys
    for c in pool:
        # Two names side by side (China-US, Xi-Trump) are the names' business.
        if c.entity and c.alias is None and len(c.key) == 2:
            halves = [singles.get(k) for k in c.key]
            if all(h is not None and h.tf > 1.5 * c.tf for h in halves):
                c.score = 0.0
        # A demonym beside its country (Chinese, China) says nothing more.
        if c.entity and len(c.key) == 1 and corpus.kinds[c.key[0]] == WORD:
            word = keys[c.key[0]]
            for k in singles:
                other = keys[k]
                if k != c.key[0] and len(other) >= 4 and len(word) > len(other) and word.startswith(other[:-1]):
                    c.score = 0.0
                    break
    pool = sorted((c for c in pool if c.score > 0 and c.key not in skip), key=lambda c: (-c.score, -c.df, c.key))

    # Names and subjects (phrases, words, figures) each get a share of the rows when there are
    # enough of both: a matrix of nothing but places and people says little about the issues.
    def pick(max_names: int, max_subjects: int) -> list[Candidate]:
        chosen: list[Candidate] = []
        covered: list[np.ndarray] = []
        names = subjects = 0
        for c in pool:
            if len(chosen) >= limit:
                break
            if (names >= max_names and c.entity) or (subjects >= max_subjects and not c.entity):
                continue
            if _redundant(corpus, c, chosen, covered):
                continue
            if c.entity or len(c.key) > 1:
                # A word chosen earlier that only ever occurs beside this one goes with it.
                for j in reversed(range(len(chosen))):
                    d = chosen[j]
                    if _absorbs(corpus, c, d):
                        del chosen[j], covered[j]
                        subjects -= 1
            chosen.append(c)
            covered.append(np.unique(np.concatenate([p.covered() for p in c.family()])))
            names += c.entity
            subjects += not c.entity
        return chosen

    share = max(1, round(limit * 0.4))
    free = pick(limit, limit)
    subjects = sum(not c.entity for c in free)
    names = len(free) - subjects
    if subjects >= share and names >= share:
        return free
    if subjects < share:
        return pick(limit - min(share, len(pick(0, limit))), limit)
    return pick(limit, limit - min(share, len(pick(limit, 0))))


def outlet_keys(corpus: CorpusWords, outlets: set[str]) -> set[tuple[int, ...]]:
    """The key sequences of the outlets' own names: an outlet is a column, not a topic."""
    vocab = corpus.tokens.vocab
    found = set()
    for name in outlets:
        key = tuple(k for k in (vocab.key_id(text) for text in TOKEN_RE.findall(name)) if k != BREAK)
        if key:
            found.add(key)
    return found
