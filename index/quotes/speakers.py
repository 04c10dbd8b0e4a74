"""Speakers across a corpus: short names resolved against other articles, the speaker registry,
and the grouping of one statement quoted by several outlets.

An article that only says "Bessent said" is resolved here against the full names the other
articles give ("Scott Bessent"); spelling variants of one full name are merged to the commonest
form. Variants of one statement are quotes of the same speaker whose statements share their rare
words: for a fragment ("tough") the statement is the sentence around it, which is how three outlets
that quote different words of one remark still meet.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from talks_tui.index.model import Article, Quote
from talks_tui.index.quotes.attribution import full_names_for
from talks_tui.index.quotes.people import name_key, other_keys, short_keys
from talks_tui.index.quotes.statements import STATEMENT_MIN_WORDS, reported_clause, statement_stems
from talks_tui.index.tokens import ALNUM_RE, fold


@dataclass(frozen=True)
class Speaker:
    name: str
    roles: tuple[str, ...]  # most frequent first
    outlets: tuple[str, ...]  # outlets that quote this speaker, most quotes first
    quote_count: int
    article_count: int
    kind: str | None = None  # "person", "description", "organisation"


# ---------------------------------------------------------------------------------------------
# Corpus-level name resolution


class _CorpusNames:
    """Full names across the corpus, how often they are quoted and named, and their short keys."""

    def __init__(self, quotes_by_article: dict[str, list[Quote]], articles: dict[str, Article]) -> None:
        self.forms: dict[str, Counter[str]] = defaultdict(Counter)  # name key -> surface forms
        self.articles: Counter[str] = Counter()
        self.quoted: Counter[str] = Counter()
        # Only speakers left as one word need the full names other articles give; those are
        # found by a cheap scan, so that resolving a corpus costs little more than its quotes.
        singles = {
            name
            for quotes in quotes_by_article.values()
            for q in quotes
            if q.speaker_kind == "person"
            for name in (q.speaker, *q.co_speakers)
            if name and " " not in name
        }
        for aid, art in articles.items():
            seen = set()
            for name in full_names_for(singles, art.paragraphs) if singles else ():
                key = name_key(name.split())
                self.forms[key][name] += 1
                seen.add(key)
            for q in quotes_by_article.get(aid, ()):
                if q.speaker_kind == "person" and q.speaker and len(q.speaker.split()) >= 2:
                    key = name_key(q.speaker.split())
                    self.forms[key][q.speaker] += 1
                    self.quoted[key] += 1
                    seen.add(key)
            self.articles.update(seen)
        self.by_short: dict[str, list[str]] = defaultdict(list)
        self.by_other: dict[str, list[str]] = defaultdict(list)
        for key in self.forms:
            for k in short_keys(key.split()):
                self.by_short[k].append(key)
            for k in other_keys(key.split()):
                self.by_other[k].append(key)

    def canonical(self, name: str) -> str:
        """The full name for a speaker name: a short form resolved, a variant spelling merged."""
        words = name.split()
        if len(words) == 1:
            keys = self.by_short.get(fold(words[0])) or self.by_other.get(fold(words[0]), [])
            if not keys:
                return name
            key = max(keys, key=lambda k: (self.quoted[k], self.articles[k], -len(k)))
        else:
            key = name_key(words)
            if key not in self.forms:
                return name
        forms = self.forms[key]
        return max(forms, key=lambda f: (forms[f], f))


# "Mr. Lee, a resident of Wang Fuk Court": someone the article introduces by a courtesy title
# and a description of their own, a person of this story only.
_INTRODUCED_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?P<name>[A-Z][\w'’-]+),\s+(?:a|an)\s+[a-z]")


def _introduced_here(article: Article | None) -> frozenset[str]:
    """Family names the article gives only a courtesy title and an "a ..." description of their own."""
    if article is None:
        return frozenset()
    return frozenset(m.group("name") for p in article.paragraphs for m in _INTRODUCED_RE.finditer(p))


def resolve_corpus(quotes_by_article: dict[str, list[Quote]], articles: dict[str, Article]) -> dict[str, list[Quote]]:
    """Speakers left as short names ("Bessent", "He") take the full name other articles give,
    except someone the article itself introduces as a private person ("Mr. Lee, a resident of
    ..."): another article's John Lee is not them."""
    names = _CorpusNames(quotes_by_article, articles)
    out: dict[str, list[Quote]] = {}
    for aid, quotes in quotes_by_article.items():
        fixed = []
        private = _introduced_here(articles.get(aid)) if any(q.speaker and " " not in q.speaker for q in quotes) else ()
        for q in quotes:
            if q.speaker_kind == "person" and q.speaker and q.speaker not in private:
                speaker = names.canonical(q.speaker)
                co = tuple(names.canonical(c) if c and c[0].isupper() else c for c in q.co_speakers)
                if speaker != q.speaker or co != q.co_speakers:
                    q = replace(q, speaker=speaker, co_speakers=co)
            fixed.append(q)
        out[aid] = fixed
    return out


# ---------------------------------------------------------------------------------------------
# Registry


def speaker_registry(quotes: Iterable[Quote], articles: dict[str, Article]) -> list[Speaker]:
    """One entry per speaker: roles seen, outlets quoting them, counts; most quoted first."""
    roles: dict[str, Counter[str]] = defaultdict(Counter)
    outlets: dict[str, Counter[str]] = defaultdict(Counter)
    counts: Counter[str] = Counter()
    arts: dict[str, set[str]] = defaultdict(set)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for q in quotes:
        if not q.speaker:
            continue
        s = q.speaker
        counts[s] += 1
        arts[s].add(q.article_id)
        if q.speaker_kind:
            kinds[s][q.speaker_kind] += 1
        if q.role:
            roles[s][q.role] += 1
        art = articles.get(q.article_id)
        if art is not None and art.outlet:
            outlets[s][art.outlet] += 1
    result = [
        Speaker(
            name=s,
            roles=tuple(r for r, _ in sorted(roles[s].items(), key=lambda x: (-x[1], x[0]))),
            outlets=tuple(o for o, _ in sorted(outlets[s].items(), key=lambda x: (-x[1], x[0]))),
            quote_count=n,
            article_count=len(arts[s]),
            kind=kinds[s].most_common(1)[0][0] if kinds[s] else None,
        )
        for s, n in counts.items()
    ]
    result.sort(key=lambda sp: (-sp.quote_count, -sp.article_count, sp.name))
    return result


# ---------------------------------------------------------------------------------------------
# Variants of one statement

# Statements shorter than this many words are compared through the sentence around them.
_MIN_STATEMENT_WORDS = STATEMENT_MIN_WORDS
_LINK_THRESHOLD = 0.5


def _statement(q: Quote, articles: dict[str, Article]) -> str:
    """What a quote says: its own words, or for a fragment the clause reported around it."""
    if len(q.text.split()) >= _MIN_STATEMENT_WORDS:
        return q.text
    if q.statement is not None:  # found at extraction
        return q.statement
    art = articles.get(q.article_id)
    if art is None:
        return q.text
    if q.paragraph is None:
        if len(q.text.split()) >= 3:
            return q.text  # a headline quote stands for itself; its sentence is the headline
        block = art.title or ""
    else:
        block = art.paragraphs[q.paragraph]
    return reported_clause(block, q.start, q.end)


def group_variants(quotes: Sequence[Quote], articles: dict[str, Article]) -> dict[str, str]:
    """Quote id -> group id; quotes of one statement by one speaker share a group. A group's id
    derives from its first member's id, so it does not depend on the order of `quotes`."""
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)

    buckets = _speaker_buckets(quotes)
    statements: dict[int, frozenset[str]] = {}
    own: dict[int, frozenset[str]] = {}
    # One str object for each stem, and the statement's set for a quotation that is its own
    # statement: at 100,000 articles there are 1.3 million of these sets (0.65 GB less).
    stems: dict[str, str] = {}

    def stem_set(text: str) -> frozenset[str]:
        return frozenset(stems.setdefault(stem, stem) for stem in statement_stems(text))

    for members in buckets:
        for i in members:
            statement = _statement(quotes[i], articles)
            statements[i] = stem_set(statement)
            own[i] = statements[i] if statement == quotes[i].text else stem_set(quotes[i].text)
    df: Counter[str] = Counter()
    for st in statements.values():
        df.update(st)
    idf = {t: math.log(1 + len(statements) / c) for t, c in df.items()}

    def weight(st: frozenset[str]) -> float:
        return sum(idf[t] for t in st)

    for members in buckets:
        # The same words, or the same sentence, from the same speaker are one statement.
        first_of: dict[object, int] = {}
        reps: list[int] = []
        for i in members:
            words = " ".join(ALNUM_RE.findall(fold(quotes[i].text)))
            for key in (("text", words), ("statement", statements[i])):
                if key in first_of:
                    union(first_of[key], i)
                else:
                    first_of[key] = i
            if first_of[("statement", statements[i])] == i:
                reps.append(i)
        # Otherwise candidates share one of the rarer words of their statements; a word that
        # most of this speaker's statements share says nothing and is skipped.
        index: dict[str, list[int]] = defaultdict(list)
        for i in reps:
            for t in sorted(statements[i], key=lambda t: (-idf[t], t))[:6]:
                index[t].append(i)
        seen: set[tuple[int, int]] = set()
        for posting in index.values():
            if len(posting) > _MAX_POSTING:
                continue
            for x, i in enumerate(posting):
                for j in posting[x + 1 :]:
                    if (i, j) in seen:
                        continue
                    seen.add((i, j))
                    if _linked(statements[i], statements[j], own[i], own[j], weight):
                        union(i, j)

    first: dict[int, str] = {}
    for i, q in enumerate(quotes):
        root = find(i)
        first[root] = min(first.get(root, q.id), q.id, key=_id_order)
    return {q.id: "g" + hashlib.sha1(first[find(i)].encode("utf-8")).hexdigest()[:10] for i, q in enumerate(quotes)}


_MAX_POSTING = 200


def _id_order(quote_id: str) -> tuple[str, int]:
    article, _, n = quote_id.rpartition(":")
    return (article, int(n)) if n.isdigit() else (quote_id, 0)


def _speaker_buckets(quotes: Sequence[Quote]) -> list[list[int]]:
    """Quote indices per speaker; an unnamed speaker's description also takes in a longer or
    shorter form of itself with the same head word ("Treasury spokesperson")."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, q in enumerate(quotes):
        if q.speaker:
            by_key[" ".join(fold(q.speaker).split())].append(i)
    merged: dict[str, list[int]] = {}
    by_head: dict[str, list[str]] = defaultdict(list)  # last word -> keys kept
    for key in sorted(by_key, key=lambda k: (-len(k.split()), k)):
        target = next((m for m in by_head[key.split()[-1]] if set(key.split()) <= set(m.split())), None)
        if target is None:
            merged[key] = list(by_key[key])
            by_head[key.split()[-1]].append(key)
        else:
            merged[target].extend(by_key[key])
    return [sorted(members) for members in merged.values()]


def _linked(sa: frozenset[str], sb: frozenset[str], oa: frozenset[str], ob: frozenset[str], weight) -> bool:
    common = sa & sb
    if not common:
        return False
    smaller = min(weight(sa), weight(sb))
    if smaller <= 0 or weight(common) / smaller < _LINK_THRESHOLD:
        return False
    # The quoted words themselves must appear on the other side: a shared context is not enough.
    return bool(oa & sb) or bool(ob & sa)
