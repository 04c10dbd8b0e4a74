"""Candidates: the word sequences that may be topics, with their mentions.

Candidates are n-grams of one to three words, and capitalised runs of four to eight words
(Asia-Pacific Economic Cooperation), that neither start nor end with a function word, a stock word
of news writing (said, week, officials, sidelines, month and day names, number words) or a title
(President, Vice Premier), except inside names (He Lifeng, Phase One) and hyphenated compounds
(two-factor authentication). A figure may begin a phrase, a number may end a name (Section 301),
a phrase does not end on a lower-case word in -ed ("consensus reached"). Also here: where one candidate's
mentions fall inside or near another's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from talks_tui.index.coverage.corpus_words import CorpusWords
from talks_tui.index.coverage.tokens import ACRONYM, BREAK, CAPITAL, DATE, FIGURE, HEADLINE, NUM, WORD


@dataclass(eq=False)
class Candidate:
    key: tuple[int, ...]
    tf: int
    df: int
    positions: np.ndarray  # where each mention starts, as token positions
    score: float = 0.0
    entity: bool = False
    alias: Candidate | None = None  # a lone surname whose mentions count for this full name
    run: bool = False  # a long capitalised run: a name by construction
    partners: list[Candidate] = field(default_factory=list)  # the same thing by another name (APEC)

    def covered(self) -> np.ndarray:
        """Every token position inside a mention."""
        return (self.positions[:, None] + np.arange(len(self.key))[None, :]).ravel()

    def family(self) -> list[Candidate]:
        """This candidate and those whose mentions count for it."""
        return [self] + ([self.alias] if self.alias is not None else []) + self.partners

    def mentions(self) -> np.ndarray:
        """Where each mention starts: the surname's mentions stand for a full name's."""
        own = self.alias.positions if self.alias is not None else self.positions
        return np.concatenate([own] + [p.positions for p in self.partners])


def find_candidates(corpus: CorpusWords, min_df: int) -> list[Candidate]:
    """Every n-gram of one to three words and every long capitalised run that may be a topic,
    with its mentions, if `min_df` articles or more mention it."""
    tokens = corpus.tokens
    ids = tokens.ids
    article = tokens.article
    V = corpus.n_keys
    kinds = corpus.kinds[ids]
    gap = ids == BREAK
    # A capital that is not a headline's: the capital of a name.
    capital = ((tokens.case & CAPITAL) > 0) & ((tokens.case & HEADLINE) == 0)
    plain = ~(corpus.function | corpus.title | corpus.generic)[ids] & (kinds != NUM) & (kinds != DATE) & ~gap
    # "He" of He Lifeng, "One" of Phase One: a stock word written with a capital, inside a name.
    overridable = (corpus.generic | (corpus.function & ~corpus.stop))[ids] & ~corpus.title[ids] & capital
    inner = corpus.inner[ids]
    # A stock word joined by a hyphen belongs to the compound ("two-factor", "win-win").
    stock = (corpus.generic | (corpus.function & ~corpus.stop))[ids] & ~corpus.title[ids] & (kinds == WORD)
    joined = tokens.joined > 0
    surface_ed = np.array([s.endswith("ed") and s.islower() for s in tokens.vocab.surfaces], dtype=bool)
    past = surface_ed[tokens.surfaces]  # "consensus reached": a phrase does not end on a verb
    found: list[Candidate] = []

    uni = (plain | (kinds == DATE)) & ~gap
    pos = np.flatnonzero(uni).astype(np.int32)
    found += _count(corpus, ids[pos].astype(np.int64), article[pos], pos, 1, min_df)

    begin = plain & (kinds != DATE)
    finish = plain & (kinds != FIGURE) & ~past
    a, b = ids[:-1], ids[1:]
    caps = capital[:-1] & capital[1:]
    start = begin[:-1] | (overridable[:-1] & caps) | (stock[:-1] & joined[1:])
    end = finish[1:] | (overridable[1:] & caps) | (stock[1:] & joined[1:])
    end |= (kinds[1:] == NUM) & capital[:-1] & (kinds[:-1] == WORD)  # Section 301
    pos = np.flatnonzero(start & end).astype(np.int32)
    found += _count(corpus, a[pos].astype(np.int64) * V + b[pos], article[pos], pos, 2, min_df)

    if V < 2_000_000 and len(ids) >= 3:  # V**3 must fit in an int64
        a, m, c = ids[:-2], ids[1:-1], ids[2:]
        caps = capital[:-2] & capital[2:] & (capital[1:-1] | inner[1:-1])
        start = begin[:-2] | (overridable[:-2] & caps) | (stock[:-2] & joined[1:-1])
        middle = (plain[1:-1] & (kinds[1:-1] != DATE)) | ((inner[1:-1] | overridable[1:-1]) & caps)
        middle |= stock[1:-1] & (joined[1:-1] | joined[2:])
        middle &= ~gap[1:-1]
        end = finish[2:] | (overridable[2:] & caps) | (stock[2:] & joined[2:])
        end |= (kinds[2:] == NUM) & capital[:-2] & capital[1:-1]
        pos = np.flatnonzero(start & middle & end).astype(np.int32)
        codes = (a[pos].astype(np.int64) * V + m[pos]) * V + c[pos]
        found += _count(corpus, codes, article[pos], pos, 3, min_df)

    found += _long_names(corpus, capital, inner, overridable, min_df)
    return found


def _count(corpus: CorpusWords, codes: np.ndarray, articles: np.ndarray, positions: np.ndarray, n: int, min_df: int):
    if len(codes) == 0:
        return []
    order = np.argsort(codes, kind="stable")  # mentions of one n-gram stay in text order
    codes, articles, positions = codes[order], articles[order], positions[order]
    new_code = np.empty(len(codes), dtype=bool)
    new_code[0] = True
    np.not_equal(codes[1:], codes[:-1], out=new_code[1:])
    first = np.flatnonzero(new_code)
    tf = np.diff(np.append(first, len(codes)))
    new_article = new_code.copy()
    new_article[1:] |= articles[1:] != articles[:-1]
    df = np.add.reduceat(new_article.astype(np.int64), first)
    uniq = codes[first]
    V = corpus.n_keys
    found = []
    for i in np.nonzero(df >= min_df)[0].tolist():
        rest, key = int(uniq[i]), []
        for _ in range(n):
            key.append(rest % V)
            rest //= V
        start = first[i]
        found.append(Candidate(tuple(reversed(key)), int(tf[i]), int(df[i]), positions[start : start + tf[i]]))
    return found


def _long_names(corpus: CorpusWords, capital: np.ndarray, inner: np.ndarray, overridable: np.ndarray, min_df: int):
    """Names of four to eight words (Asia-Pacific Economic Cooperation), which n-grams miss."""
    ids = corpus.tokens.ids
    kinds = corpus.kinds[ids]
    name = capital & ~corpus.title[ids] & ((kinds == WORD) | (kinds == ACRONYM)) & ~corpus.stop[ids]
    name &= ~corpus.function[ids] | overridable
    link = inner & ~capital
    in_run = (name | link).astype(np.int8)
    edges = np.diff(np.concatenate(([0], in_run, [0])))
    starts, ends = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    long = (ends - starts) >= 4
    runs: dict[tuple[int, ...], list[int]] = {}
    loose = link | corpus.generic[ids]  # "Kuala Lumpur on Saturday": a name ends before a day
    for s, e in zip(starts[long].tolist(), ends[long].tolist(), strict=True):
        while s < e and loose[s]:
            s += 1
        while e > s and loose[e - 1]:
            e -= 1
        if 4 <= e - s <= 8:
            runs.setdefault(tuple(ids[s:e].tolist()), []).append(s)
    found = []
    for key, where in runs.items():
        positions = np.array(where, dtype=np.int32)
        df = len(set(corpus.tokens.article[positions].tolist()))
        if df >= min_df:
            found.append(Candidate(key, len(where), df, positions, run=True))
    return found


# -- Where candidates' mentions meet ---------------------------------------------------------------


def offset_in(long: tuple[int, ...], short: tuple[int, ...]) -> int:
    """The offset of `short` inside the longer `long`, or -1."""
    n = len(short)
    if len(long) <= n:
        return -1
    return next((i for i in range(len(long) - n + 1) if long[i : i + n] == short), -1)


def mentions_inside(short: Candidate, long: Candidate) -> int:
    """How many mentions of `short` fall inside mentions of `long`."""
    offset = offset_in(long.key, short.key)
    if offset < 0:
        return 0
    return int(np.isin(short.positions, long.positions + offset).sum())


def share_near(corpus: CorpusWords, cand: Candidate, other: Candidate, window: int) -> float:
    """The share of `cand`'s mentions within a few words of a mention of `other` in the same article."""
    mine = cand.positions
    theirs = np.sort(other.positions if other.alias is None else other.alias.positions)
    idx = np.searchsorted(theirs, mine)
    lo = theirs[np.maximum(idx - 1, 0)]
    hi = theirs[np.minimum(idx, len(theirs) - 1)]
    nearest = np.where(np.abs(mine - lo) <= np.abs(hi - mine), lo, hi)
    article = corpus.tokens.article
    return float(((np.abs(nearest - mine) <= window) & (article[nearest] == article[mine])).mean())
