"""The Textual app: a search box over panes for articles (list and reader), quotations and, later,
side-by-side comparison.

Everything slow runs in thread workers: opening (and indexing) the corpus with a progress bar,
finding quotations, and each search, debounced as the user types and replaced by the next
keystroke's. The screen never waits on them. Article text only reaches the screen as
`rich.text.Text` / `Content`, never as markup.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.lazy import Lazy
from textual.timer import Timer
from textual.widgets import Footer, Header, Input, ProgressBar, Static, TabbedContent, TabPane
from textual.worker import get_current_worker

from index.model import Article, Matches, QueryError
from index.querytext import as_you_type
from tui import palette
from tui.quotes_pane import QuotesPane
from tui.reader import Reader
from tui.virtual_table import Column, VirtualTable

if TYPE_CHECKING:
    from index.quotelist import QuoteRow

ARTICLE_COLUMNS = (
    Column("Outlet", width=14),
    Column("Date", width=10),
    Column("Title", min_width=16),
    Column("Hits", width=4, justify="right"),
)
PANES = ("articles", "quotes", "compare")
# A short pause in typing before searching: enough to skip the searches a fast typist makes
# obsolete, short enough that a keystroke shows its results within 100 ms.
SEARCH_DELAY = 0.03
NARROW = 100  # columns


class TalksApp(App[int]):
    CSS_PATH = Path(__file__).with_name("talks.tcss")  # absolute: subclasses may live elsewhere
    TITLE = "talks-tui"
    COMMANDS = App.COMMANDS | {palette.panes, palette.articles, palette.quotes}
    BINDINGS = [
        Binding("slash", "focus_search", "Search"),
        Binding("1", "show_pane('articles')", "Articles", show=False),
        Binding("2", "show_pane('quotes')", "Quotes", show=False),
        Binding("3", "show_pane('compare')", "Compare", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
        Binding("escape", "leave_input", "Leave", show=False),
    ]

    def __init__(
        self, paths: list[Path] | None = None, index_dir: Path | None = None, outlets_file: Path | None = None
    ):
        super().__init__()
        self._paths = paths
        self._index_dir = index_dir
        self._outlets_file = outlets_file
        self.corpus = None
        self.all_articles: list[Article] = []
        self._articles: dict[str, Article] = {}
        self.matches: Matches | None = None  # the last search that could be read
        self.quote_rows: list[QuoteRow] = []
        self._quotes_by_article: dict[str, list] = {}  # the reader asks on every cursor move
        self._search_timer: Timer | None = None
        self._shown_article: str | None = None

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(
            placeholder='/ search: words, "a phrase", outlet:scmp, speaker:bessent, date:[2025-10-25 to 2025-10-26]',
            id="search",
            compact=True,
        )
        yield Static("Opening the corpus…", id="status", markup=False)
        with TabbedContent(initial="articles", id="panes"):
            with TabPane("1 Articles", id="articles"), Horizontal(id="articles-split"):
                yield VirtualTable(ARTICLE_COLUMNS, id="article-list")
                yield Reader(id="reader")
            with TabPane("2 Quotes", id="quotes"):
                yield Lazy(QuotesPane(id="quotes-pane"))  # hidden at first: mounted after the first frame
            with TabPane("3 Compare", id="compare"):
                yield Lazy(
                    Static(
                        "Side-by-side comparison of two articles or outlets comes in a later version.",
                        id="compare-placeholder",
                    )
                )
        yield Footer()

    @property
    def article_list(self) -> VirtualTable:
        return self.query_one("#article-list", VirtualTable)

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    @property
    def quotes_pane(self) -> QuotesPane:
        return self.query_one("#quotes-pane", QuotesPane)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.set_class(error, "error")
        status.update(Text(text))

    # -- opening the corpus ----------------------------------------------------------------------

    def on_mount(self) -> None:
        self.article_list.focus()
        # After the first frame: the worker's imports (Whoosh, numpy) would otherwise delay it.
        self.call_after_refresh(self.open_corpus)

    def on_resize(self, event) -> None:
        # Below 100 columns the list and the reader share the height instead of the width.
        self.query_one("#articles-split").set_class(event.size.width < NARROW, "narrow")

    @work(thread=True, exclusive=True, group="corpus")
    def open_corpus(self) -> None:
        from index.corpus import open_corpus  # imports Whoosh: kept off the first frame

        try:
            corpus = open_corpus(
                self._paths,
                index_dir=self._index_dir,
                outlets_file=self._outlets_file,
                progress=lambda *report: self.call_from_thread(self._show_progress, *report),
            )
        except Exception as exc:  # shown on screen; the app stays usable to quit
            self.call_from_thread(self._show_failure, f"Cannot open the corpus: {exc}")
            return
        self.call_from_thread(self._corpus_ready, corpus)
        try:
            corpus.update_quotes(progress=lambda *report: self.call_from_thread(self._show_progress, *report))
            rows = corpus.quotes()
        except Exception as exc:
            self.call_from_thread(self._show_failure, f"Cannot list the quotations: {exc}")
            return
        self.call_from_thread(self._quotes_ready, rows)

    def _progress_bar(self) -> ProgressBar:
        """Mounted on first use: most opens have nothing to index, and the first frame is quicker."""
        bars = self.query("#progress")
        if bars:
            return bars.first(ProgressBar)
        bar = ProgressBar(id="progress", show_eta=False)
        self.mount(bar, after="#status")
        return bar

    def _hide_progress(self) -> None:
        for bar in self.query("#progress"):
            bar.display = False

    def _show_progress(self, done: int, total: int, step: str) -> None:
        bar = self._progress_bar()
        bar.display = True
        bar.update(total=total or None, progress=done)
        self._status(f"{step}: {done} of {total}…")

    def _show_failure(self, message: str) -> None:
        self._hide_progress()
        self._status(message, error=True)

    def _corpus_ready(self, corpus) -> None:
        self.corpus = corpus
        self._hide_progress()
        self.all_articles = corpus.articles()
        self._articles = {a.id: a for a in self.all_articles}
        self._update_subtitle()
        for notice in corpus.notices:
            self.notify(notice, title="Index")
        problems = corpus.problems()
        if problems:
            skipped = sum(p.skipped for p in problems)
            self.notify(
                f"{len(problems)} file problems ({skipped} skipped); `talks-tui index` lists them.",
                title="Some files",
                severity="warning",
            )
        self._show_matches(None)
        if self.query_one("#search", Input).value.strip():
            self._schedule_search()

    def _quotes_ready(self, rows: list[QuoteRow]) -> None:
        self._hide_progress()
        self.quote_rows = rows
        self._quotes_by_article = {}
        for row in rows:
            self._quotes_by_article.setdefault(row.quote.article_id, []).append(row.quote)
        self.quotes_pane.set_quotes(rows)
        self._update_subtitle()
        self._show_matches(self.matches)  # refresh the status line
        if self._shown_article:
            self._show_article(self._shown_article)

    def _update_subtitle(self) -> None:
        name = self.corpus.paths[0].name if self.corpus and self.corpus.paths else ""
        quotes = f" · {len(self.quote_rows)} quotations" if self.quote_rows else ""
        self.sub_title = f"{name} · {len(self.all_articles)} articles{quotes}"

    # -- searching -------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._schedule_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.article_list.focus()

    def _schedule_search(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DELAY, self._start_search)

    def _start_search(self) -> None:
        if self.corpus is not None:
            self.search(self.query_one("#search", Input).value)

    @work(thread=True, exclusive=True, group="search")
    def search(self, text: str) -> None:
        if not text.strip():
            self.call_from_thread(self._show_matches, None)
            return
        worker = get_current_worker()
        try:
            matches = self.corpus.match(as_you_type(text), suggest=False)
        except QueryError as exc:
            if not worker.is_cancelled:
                self.call_from_thread(self._status, f"⚠ {exc} (showing the last results)", True)
            return
        if worker.is_cancelled:  # a newer keystroke's search replaces this one
            return
        self.call_from_thread(self._show_matches, replace(matches, query=text))
        if matches.total == 0:  # "did you mean" takes longer: after the list has been updated
            suggestion = self.corpus.suggest(text)
            if suggestion and not worker.is_cancelled:
                self.call_from_thread(self._status, f"No article matches. Did you mean: {suggestion}?")

    def _show_matches(self, matches: Matches | None) -> None:
        """Fill the list with the matching articles (all of them for no query), best first."""
        self.matches = matches
        if matches is None:
            rows = [(a.id, self._article_cells(a, None)) for a in self.all_articles]
            self._status(f"{len(self.all_articles)} articles · type / to search")
        else:
            rows = [
                (article_id, self._article_cells(self._articles[article_id], count))
                for article_id, count in zip(matches.ids, matches.occurrences, strict=True)
                if article_id in self._articles
            ]
            if matches.total:
                by_outlet = ", ".join(f"{o} {n}" for o, n in sorted(matches.per_outlet.items(), key=lambda kv: -kv[1]))
                self._status(f"{matches.total} of {len(self.all_articles)} articles match · {by_outlet}")
            else:
                hint = f" Did you mean: {matches.suggestion}?" if matches.suggestion else ""
                self._status(f"No article matches.{hint}")
        self.article_list.set_rows(rows, keep_cursor_on=self.article_list.cursor_key)
        self.reader.set_terms(matches.terms if matches else frozenset())
        if not rows:
            self.reader.show(None)
            self._shown_article = None
        elif self.article_list.cursor_key != self._shown_article:
            self._show_article(self.article_list.cursor_key)

    @staticmethod
    def _article_cells(article: Article, count: int | None) -> tuple[str, ...]:
        # Plain strings (the table makes them Text, never markup, when a row comes on screen):
        # building Text objects for 10,000 matches on every keystroke took most of a second.
        hits = "" if count is None else str(count)
        return (article.outlet or "?", article.date or "", article.title or article.file, hits)

    # -- reading ---------------------------------------------------------------------------------

    def on_virtual_table_highlighted(self, event: VirtualTable.Highlighted) -> None:
        if event.table.id == "article-list" and event.row_key:
            self._show_article(event.row_key)

    def on_virtual_table_selected(self, event: VirtualTable.Selected) -> None:
        if event.table.id == "article-list" and event.row_key:
            self._show_article(event.row_key)
            self.reader.focus()

    def _show_article(self, article_id: str | None, focus_quote: str | None = None) -> None:
        if self.corpus is None or article_id is None:
            return
        article = self.corpus.article(article_id)
        quotes = self._quotes_by_article.get(article_id, [])
        terms = self.matches.terms if self.matches else frozenset()
        self.reader.show(article, quotes, terms, focus_quote=focus_quote)
        self._shown_article = article_id

    def open_article(self, article_id: str, focus_quote: str | None = None) -> None:
        """Show an article in the reader, in the list too (clearing a search that hides it)."""
        self.action_show_pane("articles")
        if article_id not in (self.article_list.key_of(i) for i in range(self.article_list.row_count)):
            self.query_one("#search", Input).value = ""
            if self._search_timer is not None:
                self._search_timer.stop()
            self._show_matches(None)
        for row in range(self.article_list.row_count):
            if self.article_list.key_of(row) == article_id:
                self.article_list.move_cursor(row)
                break
        self._show_article(article_id, focus_quote)
        self.reader.focus()

    def on_quotes_pane_open_quote(self, event: QuotesPane.OpenQuote) -> None:
        self.open_article(event.row.quote.article_id, focus_quote=event.row.quote.id)

    def filter_quotes(self, speaker: str | None = None, outlet: str | None = None) -> None:
        self.action_show_pane("quotes")
        self.quotes_pane.filter_by(speaker=speaker, outlet=outlet)
        self.quotes_pane.table.focus()

    # -- actions ---------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        self.action_show_pane("articles")
        self.query_one("#search", Input).focus()

    def action_leave_input(self) -> None:
        if isinstance(self.focused, Input):
            pane = self.query_one("#panes", TabbedContent).active
            (self.quotes_pane.table if pane == "quotes" else self.article_list).focus()

    def action_show_pane(self, pane: str) -> None:
        """Switch pane and focus its main widget (TabbedContent follows the focus: left on a
        hidden widget, it would switch straight back)."""
        if pane not in PANES:
            return
        self.query_one("#panes", TabbedContent).active = pane
        target = {"articles": self.article_list, "quotes": self.quotes_pane.table}.get(pane)
        if target is not None:
            target.focus()
        else:
            self.set_focus(None)

    def action_help(self) -> None:
        from tui.help import HelpScreen

        self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self.corpus is not None:
            self.corpus.close()
