"""Merging near-duplicate candidates, so that one thing is one topic.

A part that mostly occurs inside a longer candidate gives way to it (earth -> rare earth); a lone
surname counts for its full name (Bessent -> Scott Bessent), and so does a first word that the
articles use after the full name (the Empress -> Empress Eugénie), but not one that goes its own
way (France is not France Inter, and France Inter no mention of France); an acronym and its words are one
topic (APEC, Asia-Pacific Economic Cooperation). The merged candidate keeps the better score and
counts the others' mentions (`Candidate.alias`, `Candidate.partners`).
"""

from __future__ import annotations

import re

import numpy as np

from talks_tui.index import lexicon
from talks_tui.index.coverage.candidates import Candidate, mentions_inside, offset_in
from talks_tui.index.coverage.corpus_words import CorpusWords
from talks_tui.index.coverage.labels import commonest_surface, written_text
from talks_tui.index.coverage.tokens import ACRONYM, WORD
from talks_tui.index.coverage.word_classes import INNER_KEYS

_FAMILY_NAMES_FIRST = lexicon.words("east_asian_surnames")


def prefer_longer(corpus: CorpusWords, pool: list[Candidate]) -> list[Candidate]:
    """A word or name that mostly occurs inside a longer one gives way to it ("earth" to "rare
    earth", "Asia-Pacific" to "Asia-Pacific Economic Cooperation"), unless the longer one adds a
    topic of its own ("US Section 301" is "Section 301" after "US")."""
    singles = {c.key[0]: c for c in pool if len(c.key) == 1}
    ordered = sorted(pool, key=lambda c: len(c.key))
    gone: set[int] = set()
    for short in ordered:
        best = None
        for long in ordered:
            if len(long.key) <= len(short.key) or long.entity != short.entity:
                continue
            if not short.entity and len(short.key) > 1:
                continue  # "basic consensus" is not better said as "reached basic consensus"
            if mentions_inside(short, long) < 0.7 * short.tf:
                continue
            offset = offset_in(long.key, short.key)
            extra = long.key[:offset] + long.key[offset + len(short.key) :]
            if any(k in singles and mentions_inside(singles[k], long) < 0.5 * singles[k].tf for k in extra):
                continue
            if best is None or len(long.key) > len(best.key):
                best = long
        if best is not None:
            best.score = max(best.score, short.score)
            gone.add(id(short))
    return [c for c in pool if id(c) not in gone]


def _introduced(corpus: CorpusWords, short: Candidate, name: Candidate) -> float:
    """Of the articles that use a short form alone, the share that name it in full first: as
    a surname follows the full name ("Scott Bessent ... Bessent said"), where "France" alone
    is no short form of "France Inter"."""
    article = corpus.tokens.article
    positions = np.sort(short.positions)
    inside = np.isin(positions, name.positions + offset_in(name.key, short.key))
    where = article[positions]
    alone = np.unique(where[~inside])
    if len(alone) == 0:
        return 1.0
    first = positions[np.searchsorted(where, alone)]  # positions are in article order
    return float(np.isin(first, positions[inside]).mean())


def _leave_out(corpus: CorpusWords, short: Candidate, name: Candidate) -> None:
    """Take the mentions inside a longer name that is another thing out of a short one's."""
    inside = np.isin(short.positions, name.positions + offset_in(name.key, short.key))
    if inside.any() and not inside.all():
        short.positions = short.positions[~inside]
        short.tf = len(short.positions)
        short.df = len(np.unique(corpus.tokens.article[short.positions]))


def _family_name(corpus: CorpusWords, single: Candidate) -> bool:
    """A family name written first, as East Asian names are (Xi Jinping, Li Chenggang)."""
    return commonest_surface(corpus, single).lower() in _FAMILY_NAMES_FIRST


def join_surnames(corpus: CorpusWords, pool: list[Candidate]) -> list[Candidate]:
    """A lone surname (Bessent) or family name (Xi) counts for the one full name it belongs to; so
    does a name's first word (Empress, of Empress Eugénie) where articles name it in full first.
    A longer name never takes a shorter one that goes its own way ("France" is not "France
    Inter", "Napoleon" not "Napoleon III")."""
    kinds = corpus.kinds
    singles = {c.key[0]: c for c in pool if len(c.key) == 1 and c.entity}
    names: dict[int, list[Candidate]] = {}
    for c in pool:
        if c.entity and len(c.key) == 2 and all(kinds[k] == WORD for k in c.key):
            for k in c.key:
                names.setdefault(k, []).append(c)
    gone: set[int] = set()
    for k, full in names.items():
        single = singles.get(k)
        if single is None or corpus.common[k] or corpus.generic[k] or corpus.function[k]:
            continue
        best = max(full, key=lambda c: c.tf)
        if best.alias is not None or best.tf < 2 or best.tf < 0.75 * sum(c.tf for c in full):
            continue
        if any(corpus.common[w] or corpus.generic[w] for w in best.key) or commonest_surface(corpus, single).isupper():
            continue  # "APEC Economic": not a person's name
        if mentions_inside(single, best) == single.tf:
            continue  # never alone (Lumpur): nothing to add
        other_key = best.key[1] if best.key[0] == k else best.key[0]
        other = singles.get(other_key)
        # "China US": both halves are names in their own right. A given name shared by several
        # full names (Francois Hollande, Francois Pinault) is not one alone.
        if (
            other is not None
            and id(other) not in gone
            and sum(mentions_inside(other, c) for c in names[other_key]) < 0.5 * other.tf
        ):
            continue
        if best.key[0] == k and not _family_name(corpus, single) and _introduced(corpus, single, best) < 0.75:
            # A first word that goes its own way: "France" is no short form of "France Inter",
            # and "France Inter" is no mention of France.
            _leave_out(corpus, single, best)
            continue
        best.alias = single
        best.df, best.tf = single.df, single.tf
        best.score = max(best.score, single.score)
        gone.add(id(single))
    return [c for c in pool if id(c) not in gone]


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether the acronym is made of the words in order: each word gives its first letter and
    perhaps one or two later ones (ASEAN: Association of SouthEast Asian Nations); small
    linking words may give none (APEC, ASEAN, US for United States)."""
    if not words:
        return not acronym
    word, rest = words[0].lower(), words[1:]
    if word in INNER_KEYS and _abbreviates(acronym, rest):
        return True
    acronym_lower = acronym.lower()
    if not acronym_lower or acronym_lower[0] != word[0]:
        return False
    taken = [1]  # acronym letters consumed by this word so far
    at = 1
    for letter in acronym_lower[1:3]:
        at = word.find(letter, at)
        if at < 0:
            break
        at += 1
        taken.append(taken[-1] + 1)
    return any(_abbreviates(acronym[k:], rest) for k in taken)


def join_acronyms(corpus: CorpusWords, pool: list[Candidate]) -> list[Candidate]:
    """An acronym and the name it stands for (APEC, Asia-Pacific Economic Cooperation) are one topic."""
    acronyms = []
    for c in pool:
        if c.entity and len(c.key) == 1 and corpus.kinds[c.key[0]] in (WORD, ACRONYM):
            written = commonest_surface(corpus, c)
            if written.isupper() and 2 <= len(written) <= 6 and written.isalpha():
                acronyms.append((written, c))
    if not acronyms:
        return pool
    gone: set[int] = set()
    for c in pool:
        if not c.entity or len(c.key) < 2 or id(c) in gone:
            continue
        words = re.split(r"[\s-]+", written_text(corpus, int(c.positions[0]), len(c.key)))
        if len(words) < 2 or any(w.isupper() for w in words):
            continue
        for written, acronym in acronyms:
            if id(acronym) in gone or acronym.partners or not _abbreviates(written, words):
                continue
            keep, other = (acronym, c) if acronym.tf >= c.tf else (c, acronym)
            keep.partners.append(other)
            keep.score = max(keep.score, other.score)
            keep.df = len(set(corpus.tokens.article[keep.mentions()].tolist()))
            keep.tf = len(keep.mentions())
            gone.add(id(other))
            break
    return [c for c in pool if id(c) not in gone]
