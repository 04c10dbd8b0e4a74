"""Quotations are found when first asked for, not while the search index is built.

Finding and attributing quotations costs several times what indexing an article does, and a
search needs none of it; so the first listing of quotations (or a `speaker:` search) reads the
articles that have none yet, in worker processes, and then works out what depends on the whole
corpus: speakers known only by one name ("Bessent" -> Scott Bessent, named in another article)
and groups of one statement quoted by several outlets. Later calls find nothing to do until a
file changes.
"""

from __future__ import annotations

from talks_tui.index.model import Article, Quote
from talks_tui.index.quotes.extract import extract_quotes
from talks_tui.index.quotes.speakers import group_variants, resolve_corpus
from talks_tui.index.search.catalog import ArticlesOnDemand, Catalog
from talks_tui.index.workers import Progress, map_in_workers

FINDING, RESOLVING = "Finding quotations", "Matching speakers"
_BATCH = 500  # articles read from the catalog at a time, to bound memory


def _nothing() -> None:
    pass


def _extract(article: Article) -> tuple[str, str, list[Quote]]:
    return article.id, article.path, extract_quotes(article)


def update_quotes(catalog: Catalog, progress: Progress | None = None) -> None:
    """Find the quotations of articles that have none yet, then resolve speakers and groups."""
    pending = catalog.articles_without_quotes()
    if not pending and catalog.get_meta("quotes_resolved") == "1":
        return
    tx = catalog.transaction()
    try:
        done = 0
        for start in range(0, len(pending), _BATCH):
            batch = catalog.articles_by_id(pending[start : start + _BATCH], with_paragraphs=True)
            articles = [batch[i] for i in pending[start : start + _BATCH] if i in batch]
            for article_id, path, quotes in map_in_workers(_extract, articles, initializer=_nothing):
                tx.put_quotes(article_id, path, quotes)
                done += 1
                if progress:
                    progress(done, len(pending), FINDING)
        if progress:
            progress(len(pending), len(pending), RESOLVING)
        _resolve(catalog, tx)
        tx.commit()
    except BaseException:
        tx.rollback()
        raise


def _resolve(catalog: Catalog, tx) -> None:
    """Speakers across the corpus and groups of variants: both depend on every article."""
    quotes = [q for q, _ in catalog.iter_quotes(resolved=False)]  # a batch of rows at a time
    if quotes:
        # Paragraphs are needed for the names articles give and for headline fragments; read as
        # they are needed, so that a large corpus is never held whole (see ArticlesOnDemand).
        articles = ArticlesOnDemand(catalog, sorted({q.article_id for q in quotes}))
        by_article: dict[str, list[Quote]] = {}
        for q in quotes:
            by_article.setdefault(q.article_id, []).append(q)
        resolved = [q for qs in resolve_corpus(by_article, articles).values() for q in qs]
        tx.resolve(resolved, group_variants(resolved, articles))
    tx.set_meta("quotes_resolved", "1")
