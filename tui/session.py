"""What the app has open: the corpus, its articles and quotations, and the last search.

One object that the App fills as its workers report, and that the panes read: no pane reaches
into the App for data. Only the app's thread changes it (workers post messages, see
tui.messages), so it needs no lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from talks_tui.index.corpus import Corpus
    from talks_tui.index.model import Article, Matches, Quote
    from talks_tui.index.quotes.listing import QuoteRow


@dataclass
class Session:
    corpus: Corpus | None = None
    articles: list[Article] = field(default_factory=list)  # in the catalog's order
    by_id: dict[str, Article] = field(default_factory=dict)
    all_ids: tuple[str, ...] = ()  # the list without a search
    id_set: frozenset[str] = frozenset()  # the same, to tell at once whether a search's ids are all listed
    quote_rows: list[QuoteRow] = field(default_factory=list)
    quotes_by_article: dict[str, list[Quote]] = field(default_factory=dict)  # the reader asks on every move
    matches: Matches | None = None  # the last search that could be read
    short_names: dict[str, str] = field(default_factory=dict)  # outlet -> its short name ("SCMP"), where it has one

    def open(self, corpus: Corpus) -> None:
        from talks_tui.tui.outlet_names import short_name

        self.corpus = corpus
        self.articles = corpus.articles()
        self.by_id = {a.id: a for a in self.articles}
        self.all_ids = tuple(a.id for a in self.articles)
        self.id_set = frozenset(self.all_ids)
        outlets = {a.outlet for a in self.articles if a.outlet}
        self.short_names = {
            outlet: brief for outlet in outlets if (brief := short_name(outlet, corpus.outlet_aliases(outlet)))
        }

    def set_quotes(self, rows: list[QuoteRow]) -> None:
        self.quote_rows = rows
        self.quotes_by_article = {}
        for row in rows:
            self.quotes_by_article.setdefault(row.quote.article_id, []).append(row.quote)

    def quotes_of(self, article_id: str) -> list[Quote]:
        return self.quotes_by_article.get(article_id, [])

    @property
    def quote_parts(self) -> tuple:
        """The last search's speaker:, role: and quote: parts (see index.search.quotehits)."""
        return self.matches.quote_parts if self.matches else ()

    def hits(self, article_id: str, occurrences: int) -> int:
        """What the reader counts as the search's matches in an article: its words in the text
        and the quotations (or their words) that its speaker:, role: and quote: parts hit."""
        parts = self.quote_parts
        if not parts:
            return occurrences
        from talks_tui.index.search.quotehits import hit_count

        return occurrences + hit_count(self.quotes_of(article_id), parts)

    @property
    def name(self) -> str:
        """The corpus's folder name, for the header."""
        return self.corpus.paths[0].name if self.corpus and self.corpus.paths else ""
