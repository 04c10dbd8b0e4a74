"""The embedded search backend, the default: everything in the corpus's index folder, in-process.

Articles are searched in Whoosh's files by the numpy matching engine (`store`); `speaker:`,
`role:` and `quote:` are answered by the quotation index (`quoteindex`, FTS5 in the catalog's
SQLite file); hits take their metadata and snippets from the catalog's records.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from talks_tui.index.model import Hit, Quote
from talks_tui.index.search.backend import Counts, RawResult
from talks_tui.index.search.catalog import Catalog
from talks_tui.index.search.snippets import make_snippets
from talks_tui.index.search.store import Store, StoreWriter


class EmbeddedBackend:
    def __init__(self, catalog: Catalog, store: Store):
        self.catalog = catalog
        self.store = store
        self._quotes = catalog.quote_index()

    def writer(self) -> StoreWriter:
        return self.store.writer()

    def index_quotes(self, quotes: Iterable[Quote]) -> None:
        tx = self.catalog.transaction()
        try:
            self._quotes.rebuild(quotes)
            tx.commit()
        except BaseException:
            tx.rollback()
            raise

    def doc_count(self) -> int:
        return self.store.doc_count()

    def search(self, text: str, limit: int | None) -> RawResult:
        return self.store.search(text, limit, self._quotes.articles)

    def hits(self, result: RawResult, snippets: bool = True) -> list[Hit]:
        found = self.catalog.articles_by_id([article_id for article_id, _ in result.ids], with_paragraphs=snippets)
        hits = []
        for article_id, score in result.ids:
            article = found.get(article_id)
            if article is None:  # indexed by a newer refresh than our catalog read: skip
                continue
            shown = make_snippets(article.body, result.terms) if snippets else ()
            hits.append(Hit(replace(article, paragraphs=()), score, shown))
        return hits

    def counts(self, text: str) -> Counts:
        return self.store.counts(text, self._quotes.articles)

    def mentions(self, text: str) -> dict[str, int]:
        return self.store.mentions(text)

    def quotes_by_speaker(self, name: str) -> list[tuple[Quote, str | None]]:
        return self.catalog.quotes_by_id(self._quotes.quotes_by_speaker(name))

    def has_term(self, word: str) -> bool:
        return self.store.has_term(word)

    def closest_term(self, word: str) -> str | None:
        return self.store.closest_term(word)

    def example_article(self, term: str) -> str | None:
        return self.store.example_article(term)

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        return self.store.document_frequencies(terms)

    def close(self) -> None:
        self.store.close()
