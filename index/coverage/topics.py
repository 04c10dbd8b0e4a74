"""Coverage: which outlet mentions which of the story's topics, found from the corpus itself.

A topic is a name (Scott Bessent, Section 301, APEC), a fixed phrase (rare earths, export
controls), a specialised word (fentanyl, soybeans), a figure (100%, $2.4 million) or a day
(Nov 10) that the articles share. Nothing here knows the story or its words: the word lists are
general English and the stock words of news writing, in the lexicon.

How it works, one module a step, each using only the ones before it: one pass of a tokeniser over
every article (`tokens`, with the word classes of `word_classes`), then array arithmetic (numpy):
what each word is across the corpus, capitalisation learnt per word (`corpus_words`); the word
sequences that may be topics (`candidates`); how each is written (`labels`); how good a topic
each makes (`scoring`); near-duplicates merged (`merging`); the default topics chosen
(`choosing`). In a corpus of more than two articles a candidate needs two articles, or two mentions
when the corpus is small (up to 20 articles). Each topic keeps the articles that mention it, its
mentions per outlet, its commonest written form as label, and a search query (the written forms
that stem differently, joined with OR).

A large corpus (more than SAMPLE_SIZE articles) is read in full by nobody: its topics are found in
an even sample of its articles, then each topic's mentions are counted in every article through
the search index, by its query (`counted_in`): time and memory stay those of the sample.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from talks_tui.index.coverage.candidates import find_candidates
from talks_tui.index.coverage.choosing import choose_topics, outlet_keys
from talks_tui.index.coverage.corpus_words import CorpusWords
from talks_tui.index.coverage.labels import search_query, topic_label, written_forms
from talks_tui.index.model import Article

# Beyond this many articles, topics are found in a sample of this size and counted by the index.
SAMPLE_SIZE = 4000


@dataclass(frozen=True)
class Topic:
    label: str  # as most often written, e.g. "rare earths"
    query: str  # search text that finds it, e.g. '"rare earth"'
    kind: str  # "entity" (a name), "phrase" (several words) or "term" (one word or figure)
    counts: dict[str, int]  # column (see column_names) -> mentions; only the columns that mention it
    articles: tuple[str, ...]  # ids of the articles mentioning it

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class Coverage:
    outlets: tuple[str, ...]  # the matrix's columns, in the order the articles came
    topics: tuple[Topic, ...]  # its rows: most widely covered first
    # How many articles the topics were found in, when that was a sample of the corpus (None:
    # all of them); the counts are always the whole corpus's.
    sample: int | None = None

    def missing(self, outlet: str) -> list[Topic]:
        """The topics that outlet never mentions (KeyError for an outlet not in the corpus)."""
        if outlet not in self.outlets:
            raise KeyError(outlet)
        return [t for t in self.topics if not t.counts.get(outlet)]


# Up to this many articles without an outlet each get a column of their own (by title); more share
# one, UNKNOWN_OUTLET: a folder of wire copy would otherwise make thousands of columns.
OWN_COLUMNS = 20
UNKNOWN_OUTLET = "unknown outlet"


def column_names(articles: Sequence[Article]) -> list[str]:
    """The column each article's mentions count in: its outlet; for an article without one, its
    title (else its file), or UNKNOWN_OUTLET when more than OWN_COLUMNS articles have none."""
    unknown = sum(1 for a in articles if not a.outlet)
    if unknown > OWN_COLUMNS:
        return [a.outlet or UNKNOWN_OUTLET for a in articles]
    return [a.outlet or a.title or a.file or a.id for a in articles]


def find_coverage(articles: Sequence[Article], limit: int = 24) -> Coverage:
    """The story's topics found in the articles, with how often each outlet mentions them."""
    names = column_names(articles)
    columns = tuple(dict.fromkeys(names))
    if not articles or limit <= 0:
        return Coverage(outlets=columns, topics=())
    texts = [((a.title,) if a.title else ()) + tuple(a.paragraphs) for a in articles]
    corpus = CorpusWords(texts)
    n = len(articles)
    if n <= 2:
        cands = find_candidates(corpus, 1)
    elif n <= 20:
        # A small corpus: a name or word that one article repeats may still be the story's.
        cands = [c for c in find_candidates(corpus, 1) if c.df >= 2 or c.tf >= 2]
    else:
        cands = find_candidates(corpus, 2)
    chosen = choose_topics(corpus, cands, limit, outlet_keys(corpus, {a.outlet for a in articles if a.outlet}))

    topics = []
    for cand in chosen:
        forms = written_forms(corpus, cand)
        label = topic_label(corpus, cand, forms)
        ways: Counter[str] = Counter()
        for member in ([cand.alias] if cand.alias is not None else [cand]) + cand.partners:
            ways.update(forms if member is cand else written_forms(corpus, member))  # a surname alone finds them all
        per_article = np.bincount(corpus.tokens.article[cand.mentions()], minlength=n)
        counts: Counter[str] = Counter()
        ids = []
        for i in np.nonzero(per_article)[0].tolist():
            counts[names[i]] += int(per_article[i])
            ids.append(articles[i].id)
        kind = "entity" if cand.entity else ("phrase" if len(cand.key) > 1 else "term")
        query = search_query([f for f, _ in sorted(ways.items(), key=lambda kv: (-kv[1], kv[0]))])
        topics.append(Topic(label=label, query=query, kind=kind, counts=dict(counts), articles=tuple(ids)))
    topics.sort(key=lambda t: (-len(t.articles), -t.total, t.label.lower()))
    return Coverage(outlets=columns, topics=tuple(topics))


def even_sample(articles: Sequence[Article], size: int) -> list[Article]:
    """`size` articles spread evenly over the corpus's order (all of them if there are fewer):
    the same corpus always gives the same sample, and every part of it has its share."""
    n = len(articles)
    if n <= size:
        return list(articles)
    return [articles[i * n // size] for i in range(size)]


def counted_in(found: Coverage, articles: Sequence[Article], mentions: Callable[[str], dict[str, int]]) -> Coverage:
    """The topics found in a sample (`found`, which says its size in `sample`), with their
    mentions counted in every article of the corpus:
    `mentions(query)` gives article id -> mentions (see SearchBackend.mentions). A topic no
    article mentions by its query is left out."""
    order = {a.id: i for i, a in enumerate(articles)}
    columns = column_names(articles)
    topics = []
    for topic in found.topics:
        per_article = mentions(topic.query) if topic.query else {}
        at = sorted(i for i in map(order.get, per_article) if i is not None)
        if not at:
            continue
        counts: Counter[str] = Counter()
        for i in at:
            counts[columns[i]] += per_article[articles[i].id]
        topics.append(replace(topic, counts=dict(counts), articles=tuple(articles[i].id for i in at)))
    topics.sort(key=lambda t: (-len(t.articles), -t.total, t.label.lower()))
    return Coverage(outlets=tuple(dict.fromkeys(columns)), topics=tuple(topics), sample=found.sample)
