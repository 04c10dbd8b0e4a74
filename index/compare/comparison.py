"""What to compare: an article named by id, file name, outlet or title; and the comparison itself.

An outlet with several articles in the corpus is compared as one text, its articles in date
order, so "compare caixin cna" works whatever each outlet published.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from talks_tui.index.compare.align import Alignment, Background, align
from talks_tui.index.compare.sentence_terms import meanings
from talks_tui.index.model import Article, Quote
from talks_tui.index.quotes.listing import outlet_matches
from talks_tui.index.terms import term_positions
from talks_tui.index.tokens import fold


class Corpus(Protocol):
    """What choosing and comparing need of a corpus (`index.corpus.Corpus` has it); named here
    so that this stage does not import the corpus, which imports it."""

    def articles(self) -> list[Article]: ...
    def article(self, article_id: str) -> Article | None: ...
    def article_quotes(self, article_ids: Sequence[str]) -> list[tuple[Quote, str | None]]: ...
    def article_count(self) -> int: ...
    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]: ...
    def outlet_aliases(self, name: str | None) -> tuple[str, ...]: ...


OUTLET_PREFIX = "outlet:"


class ArticleNotFound(LookupError):
    """No article, or more than one, answers to what the user typed; the message says which."""


def pick_article(corpus: Corpus, spec: str) -> Article:
    """The article (with paragraphs) that `spec` names: an id, a file name (with or without its
    extension), an outlet or alias (all its articles as one), or a unique part of a title."""
    spec = spec.strip()
    metas = corpus.articles()
    if not spec:
        raise ArticleNotFound("name an article: an id, a file name, an outlet or part of a title")
    if spec.startswith(OUTLET_PREFIX):
        return _outlet_article(corpus, spec[len(OUTLET_PREFIX) :], metas)
    wanted = fold(spec)
    for matches in (
        [a for a in metas if a.id == spec],
        [a for a in metas if fold(a.file) == wanted or fold(a.file.rsplit(".", 1)[0]) == wanted],
    ):
        if len(matches) == 1:
            return _full(corpus, matches[0])
    by_outlet = [a for a in metas if outlet_matches(spec, a.outlet, corpus.outlet_aliases(a.outlet))]
    if by_outlet:
        outlets = sorted({a.outlet or "" for a in by_outlet})
        if len(outlets) > 1:
            raise ArticleNotFound(f"{spec!r} could be any of these outlets: {', '.join(outlets)}")
        return _outlet_article(corpus, outlets[0], metas)
    by_title = [a for a in metas if a.title and wanted in fold(a.title)]
    if len(by_title) == 1:
        return _full(corpus, by_title[0])
    if by_title:
        raise ArticleNotFound(f"{spec!r} is in {len(by_title)} titles; give more of the title, or an id")
    raise ArticleNotFound(f"no article or outlet named {spec!r} (try `talks-tui articles` for the list)")


def compare_articles(corpus: Corpus, left: Article, right: Article) -> Alignment:
    """Align two articles (as `pick_article` gives them), with their quotations."""

    def quotes_of(article: Article) -> list:
        ids = [article.id]
        if article.id.startswith(OUTLET_PREFIX):
            ids = [a.id for a in corpus.articles() if fold(a.outlet or "") == fold(article.outlet or "")]
        return corpus.article_quotes(ids)

    terms = {t for article in (left, right) for p in article.paragraphs for t in term_positions(p)}
    frequencies = corpus.document_frequencies(terms)
    # A meaning's term is as common as its most common word.
    meaning = meanings()
    for term, count in list(frequencies.items()):
        if term in meaning:
            frequencies[meaning[term]] = max(count, frequencies.get(meaning[term], 0))
    background = Background(corpus.article_count(), frequencies)
    return align(left, right, quotes_of(left), quotes_of(right), background)


def _full(corpus: Corpus, meta: Article) -> Article:
    article = corpus.article(meta.id)
    if article is None:
        raise ArticleNotFound(f"article {meta.id} has gone from the corpus; reopen it to refresh")
    return article


def _outlet_article(corpus: Corpus, outlet: str, metas: list[Article]) -> Article:
    """All of an outlet's articles as one: paragraphs in date order, each article's title first."""
    members = sorted((a for a in metas if fold(a.outlet or "") == fold(outlet)), key=lambda a: (a.date or "", a.id))
    if not members:
        raise ArticleNotFound(f"no articles from outlet {outlet!r}")
    if len(members) == 1:
        return _full(corpus, members[0])
    paragraphs: list[str] = []
    for meta in members:
        article = _full(corpus, meta)
        paragraphs.extend([article.title, *article.paragraphs] if article.title else article.paragraphs)
    first = members[0]
    return replace(
        first,
        id=OUTLET_PREFIX + (first.outlet or outlet),
        file=f"{len(members)} articles",
        path="",
        title=f"{first.outlet}: {len(members)} articles",
        paragraphs=tuple(paragraphs),
        authors=tuple(dict.fromkeys(name for a in members for name in a.authors)),
        word_count=sum(a.word_count for a in members),
        url=None,
    )
