"""The Textual app: a search box over panes for articles (list and reader), quotations and, later,
side-by-side comparison.

Everything slow runs in thread workers: opening (and indexing) the corpus with a progress bar,
finding quotations, and each search: one at a time, started by the keystroke if none is under
way, else as soon as that one ends (for what the box holds then). The screen never waits on
them. Article text only reaches the screen as `rich.text.Text` / `Content`, never as markup.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Static, TabbedContent, TabPane
from textual.widgets.input import Selection
from textual.worker import get_current_worker

from talks_tui.index.config import Settings
from talks_tui.tui import keys, palette
from talks_tui.tui.article_list import article_cells, article_columns, outlet_column
from talks_tui.tui.messages import CorpusOpened, QuotesListed, SearchFinished, SuggestionFound, WorkFailed, WorkProgress
from talks_tui.tui.reader import Reader
from talks_tui.tui.search_hint import GENERIC, search_hint
from talks_tui.tui.session import Session
from talks_tui.tui.virtual_table import Column, LazyRows, VirtualTable

if TYPE_CHECKING:
    from textual.theme import Theme
    from textual.widget import AwaitMount, Widget
    from textual.widgets import ProgressBar

    from talks_tui.index.model import Matches
    from talks_tui.tui.compare_pane import ComparePane
    from talks_tui.tui.coverage_pane import CoveragePane
    from talks_tui.tui.quotes_pane import QuotesPane

PANES = ("articles", "quotes", "compare", "coverage")
# The widget that takes the focus when a pane is shown (a pane without one leaves it nowhere).
PANE_FOCUS = {
    "articles": "#article-list",
    "quotes": "#quote-list",
    "compare": "#compare-rows",
    "coverage": "#coverage-table",
}
# Layouts by terminal size (see _fit_layout): below NARROW columns the list and the reader are
# stacked, or, below TALL rows too, shown one at a time; below SHORT rows the chrome is compact.
NARROW = 100  # columns
TALL = 36  # rows
SHORT = 30  # rows
# The keys of the Quotes pane fit in 80 columns, and in 60 compact; ctrl+p is in the help (?).
FOOTER_COMPACT = 70  # columns
FOOTER_PALETTE = 90  # columns

_gc_lock = threading.Lock()
_gc_pauses = 0  # searches under way with the collector paused
_gc_resume = False  # whether it was on before the first of them


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while searching. A search makes some 20,000 tuples that
    live a few milliseconds (a pair per hit, in index.store): alive when a young collection
    comes, they were moved up to the old generations, where they brought on a full collection
    (30-40 ms) every keystroke or two. Paused, they are freed young, as they die."""
    global _gc_pauses, _gc_resume
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_resume = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_resume:
                gc.enable()


def _is_query_error(error: BaseException) -> bool:
    from talks_tui.index.model import QueryError  # loaded with the corpus already

    return isinstance(error, QueryError)


class MainScreen(Screen):
    # The list has the focus from the start: Textual would give it to the search box, the first
    # focusable widget, and moving it on mount restyles both and builds the footer's keys twice.
    AUTO_FOCUS = "#article-list"


class TalksApp(App[int]):
    CSS_PATH = Path(__file__).with_name("talks.tcss")  # absolute: subclasses may live elsewhere
    TITLE = "talks-tui"
    COMMANDS = App.COMMANDS | {palette.panes, palette.articles, palette.quotes, palette.compare}
    BINDINGS = keys.bindings("anywhere")

    _theme_cache: tuple[str, Theme] | None = None  # (name, theme): see current_theme

    def __init__(
        self,
        paths: list[Path] | None = None,
        index_dir: Path | None = None,
        outlets_file: Path | None = None,
        settings: Settings | None = None,
    ):
        super().__init__()
        self.settings = settings or Settings()
        self.keymap, self._settings_problems = keys.checked_keymap(self.settings.keys)
        self._settings_problems = [*self.settings.problems, *self._settings_problems]
        self._paths = paths
        self._index_dir = index_dir
        self._outlets_file = outlets_file
        self.session = Session()  # what is open: the panes read it
        self._searching = False  # a search worker is under way
        self._search_again = False  # and the box has changed since it started
        self._shown_article: str | None = None
        self._pane_mounts: dict[str, AwaitMount] = {}  # the hidden panes' contents, once mounted
        self._wanted_pane = "articles"  # the last pane asked for (see action_show_pane)
        self._reopening = False  # the index failed under us and is being opened again
        self._notices_shown = 0  # of the corpus's notices (a rebuild during a search adds one)
        # Whether the list's columns were made with Hits (None: not yet for this corpus), and the
        # outlet column they share, measured once per corpus (both forgotten when one opens).
        self._columns_fitted: bool | None = None
        self._outlet_column: Column | None = None
        self._compare_scope: tuple[str, ...] | None = None  # the articles the Compare pane chooses among
        self._theme_loaded: str | None = None  # the theme the settings gave (see _restore_theme)

    def run(self, **kwargs) -> int | None:
        # What exists by now (modules, classes, widgets' CSS) lives as long as the app: see _freeze.
        # So no full collection (some 20 ms) falls on the first frame.
        self._freeze()
        return super().run(**kwargs)

    @staticmethod
    def _freeze() -> None:
        """Move every object there is into the collector's permanent generation, out of its way.

        Done at launch, once the corpus is open and once its quotations are listed: a full
        collection goes through all the objects it tracks, which with 10,000 articles took 250 ms,
        several times while the user typed. Frozen objects are still freed when their last reference goes;
        only cycles among them wait until on_unmount gives them back to the collector.
        """
        gc.freeze()

    # -- theme -----------------------------------------------------------------------------------

    @property
    def current_theme(self) -> Theme:
        # Textual looks the theme up by name, copying the registry of themes, each time a widget
        # checks its :dark / :light pseudo-classes: some 600 times on the first frame.
        name = self.theme
        cached = self._theme_cache
        if cached is None or cached[0] != name:
            cached = self._theme_cache = (name, App.current_theme.fget(self))
        return cached[1]

    def register_theme(self, theme: Theme) -> None:
        self._theme_cache = None
        super().register_theme(theme)

    def unregister_theme(self, theme_name: str) -> None:
        self._theme_cache = None
        super().unregister_theme(theme_name)

    def get_default_screen(self) -> Screen:
        return MainScreen(id="_default")

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        # The layout for the terminal's size from the start (see _fit_layout): classes and footer
        # settings changed after the first frame would restyle the whole screen.
        width, height = self.size
        self.set_class(height < SHORT, "-short")
        yield Header()
        # Not selected on focus: `tab` into the box and a key would replace the query.
        yield Input(placeholder=GENERIC, id="search", compact=True, select_on_focus=False)
        yield Static("Opening the corpus…", id="status", markup=False)
        with TabbedContent(initial="articles", id="panes"):
            # Narrow from the start if so (see _fit_layout): a class set later restyles the whole pane.
            split = " ".join(sorted(self._split_classes(width, height)))
            with TabPane("1 Articles", id="articles"), Horizontal(id="articles-split", classes=split or None):
                yield VirtualTable(article_columns(outlet_column([], {}), hits=False), id="article-list")
                yield Reader(id="reader")
            # Hidden at first, so filled after the first frame: see pane_contents.
            yield TabPane("2 Quotes", id="quotes")
            yield TabPane("3 Compare", id="compare")
            yield TabPane("4 Coverage", id="coverage")
        yield Footer(compact=width < FOOTER_COMPACT, show_command_palette=width >= FOOTER_PALETTE)

    def pane_contents(self) -> dict[str, Widget]:
        """What goes in each pane that is hidden at launch (by pane id), made after the first frame."""
        from talks_tui.tui.compare_pane import ComparePane
        from talks_tui.tui.coverage_pane import CoveragePane
        from talks_tui.tui.quotes_pane import QuotesPane  # with index.quotelist: not needed for the first frame

        return {
            "quotes": QuotesPane(id="quotes-pane"),
            "compare": ComparePane(self.session, id="compare-pane"),
            "coverage": CoveragePane(self.session, id="coverage-pane"),
        }

    def _fill_hidden_panes(self) -> None:
        """Mount the hidden panes' contents (once): after the first frame, or earlier if asked for."""
        if self._pane_mounts:
            return
        for pane, content in self.pane_contents().items():
            # Not awaited: the contents are composed in their own tasks, not before the first frame is out.
            self._pane_mounts[pane] = self.query_one(f"#{pane}", TabPane).mount(content)

    @property
    def article_list(self) -> VirtualTable:
        return self.query_one("#article-list", VirtualTable)

    @property
    def reader(self) -> Reader:
        return self.query_one("#reader", Reader)

    @property
    def quotes_pane(self) -> QuotesPane:
        self._fill_hidden_panes()  # asked for before the first frame was out
        return self.query_one("#quotes-pane")

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.set_class(error, "error")
        status.update(Text(text))

    # -- opening the corpus ----------------------------------------------------------------------

    def on_mount(self) -> None:
        if self.keymap:
            self.set_keymap(self.keymap)
        self._restore_theme()
        self._fit_layout(self.size.width, self.size.height)
        for problem in self._settings_problems:
            self.notify(problem, title="Settings", severity="warning", timeout=10, markup=False)
        self.article_list.focus()  # done already by MainScreen.AUTO_FOCUS, unless a subclass changes it
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        # Started once the first frame is out: the worker's imports (Whoosh, numpy) would delay it.
        self.open_corpus()
        # The hidden panes are built next, in a message of their own rather than in this callback.
        self.call_later(self._fill_hidden_panes)

    def on_resize(self, event) -> None:
        self._fit_layout(event.size.width, event.size.height)

    @staticmethod
    def _split_classes(width: int, height: int) -> set[str]:
        """The Articles pane's layout: side by side; `narrow`: stacked; `single`: one at a time."""
        if width >= NARROW:
            return set()
        return {"narrow"} if height >= TALL else {"single"}

    def _fit_layout(self, width: int, height: int) -> None:
        """Give the screen to the content on small terminals: below SHORT rows no title bar and no
        margins (`-short`), below NARROW columns the list over the reader, or below TALL rows
        too the list or the reader alone (`enter` reads, `escape` goes back to the list)."""
        self.set_class(height < SHORT, "-short")
        footer = self.query_one(Footer)
        footer.compact = width < FOOTER_COMPACT
        footer.show_command_palette = width >= FOOTER_PALETTE
        split = self.query_one("#articles-split")
        wanted = self._split_classes(width, height)
        for name in ("narrow", "single"):
            split.set_class(name in wanted, name)
        if "single" not in wanted:
            self._reading(False)

    @property
    def single_pane(self) -> bool:
        """Whether the list and the reader are shown one at a time (a small terminal)."""
        return self.query_one("#articles-split").has_class("single")

    def _reading(self, on: bool) -> None:
        """On a small terminal: the reader (on) or the list (off) fills the Articles pane."""
        split = self.query_one("#articles-split")
        split.set_class(on and split.has_class("single"), "reading")
        self.reader.alone = split.has_class("reading")
        self.reader.refresh_bindings()

    @work(thread=True, exclusive=True, group="corpus")
    def open_corpus(self, rebuild: bool = False) -> None:
        from talks_tui.index.corpus import open_corpus  # imports Whoosh: kept off the first frame

        def progress(done: int, total: int, step: str) -> None:
            self.post_message(WorkProgress(done, total, step))

        try:
            corpus = open_corpus(
                self._paths,
                index_dir=self._index_dir,
                outlets_file=self._outlets_file,
                progress=progress,
                rebuild=rebuild,
            )
        except Exception as exc:  # shown on screen; the app stays usable to quit
            self.post_message(WorkFailed(f"Cannot open the corpus: {exc}"))
            return
        self.post_message(CorpusOpened(corpus))
        try:
            corpus.update_quotes(progress=progress)
            rows = corpus.quotes()
        except Exception as exc:
            self.post_message(WorkFailed(f"Cannot list the quotations: {exc}"))
            return
        self.post_message(QuotesListed(rows))

    def _progress_bar(self) -> ProgressBar:
        """Mounted on first use: most opens have nothing to index, and the first frame is quicker."""
        from textual.widgets import ProgressBar

        bars = self.query("#progress")
        if bars:
            return bars.first(ProgressBar)
        bar = ProgressBar(id="progress", show_eta=False)
        self.mount(bar, after="#status")
        return bar

    def _hide_progress(self) -> None:
        for bar in self.query("#progress"):
            bar.display = False

    def on_work_progress(self, event: WorkProgress) -> None:
        if not self.screen_stack:  # a worker's report arriving as the app closes: nowhere to show it
            return
        bar = self._progress_bar()
        bar.display = True
        bar.update(total=event.total or None, progress=event.done)
        self._status(f"{event.step}: {event.done} of {event.total}…")

    def on_work_failed(self, event: WorkFailed) -> None:
        self._hide_progress()
        if self._reopening and self.session.corpus is not None:
            # What is open stays usable: the articles and quotations already read, read-only.
            self.notify(
                f"{event.text}. Showing the corpus as it was read.", title="Index", severity="warning", markup=False
            )
        else:
            self._status(event.text, error=True)
        self._reopening = False

    def index_fault(self, error: BaseException) -> None:
        """The index failed under us (damaged, deleted or made read-only while the app runs):
        say so and open it again in the background, never end the app."""
        if self._reopening:
            return
        self._reopening = True
        reason = f"{type(error).__name__}: {error}".splitlines()[0][:160]
        self.notify(
            f"The index cannot be read ({reason}); rebuilding it.", title="Index", severity="warning", markup=False
        )
        self.open_corpus(rebuild=True)

    def _show_new_notices(self) -> None:
        corpus = self.session.corpus
        if corpus is None:
            return
        for notice in corpus.notices[self._notices_shown :]:
            self.notify(notice, title="Index", markup=False)  # notices name files: untrusted text
        self._notices_shown = len(corpus.notices)

    def action_show_problems(self) -> None:
        from talks_tui.tui.problems_screen import ProblemsScreen

        corpus = self.session.corpus
        self.push_screen(ProblemsScreen(corpus.problems() if corpus is not None else []))

    def on_corpus_opened(self, event: CorpusOpened) -> None:
        corpus = event.corpus
        self.session.open(corpus)
        self._columns_fitted = self._outlet_column = None  # its articles and outlets may have changed
        self.query_one("#search", Input).placeholder = search_hint(self.session.articles, (), self.session.short_names)
        self._reopening = False
        self._hide_progress()
        self._freeze()
        self._update_subtitle()
        self._notices_shown = 0
        self._show_new_notices()
        problems = corpus.problems()
        if problems:
            skipped = sum(p.skipped for p in problems)
            self.notify(
                f"{skipped} left out, {len(problems) - skipped} read with a warning: "
                "ctrl+p, 'Files left out' lists them and why.",
                title="Some files",
                severity="warning",
            )
        self._show_matches(None)
        if not self.session.articles:
            self._status("No readable article in the files given: ctrl+p, 'Files left out' says why.", error=True)
        self.call_after_refresh(self._corpus_to_panes)
        if self.query_one("#search", Input).value.strip():
            self._schedule_search()

    async def _corpus_to_panes(self) -> None:
        """The Compare pane's choices; the Coverage pane's topics if it is already on screen."""
        self._fill_hidden_panes()
        for mounting in self._pane_mounts.values():
            await mounting
        self._compare_scope = None
        self._scope_compare()
        if self.query_one("#panes", TabbedContent).active == "coverage":
            self.coverage_pane.load_once()

    @property
    def compare_pane(self) -> ComparePane:
        return self.query_one("#compare-pane")

    @property
    def coverage_pane(self) -> CoveragePane:
        return self.query_one("#coverage-pane")

    def compare(self, left_id: str | None = None, right_id: str | None = None) -> None:
        """Show the Compare pane with these articles (ids; None keeps a side)."""
        self.action_show_pane("compare")
        if self.session.corpus is not None:
            self.compare_pane.show_sides(left_id, right_id)

    def on_coverage_pane_search_topic(self, event) -> None:
        query = event.topic.query
        if event.outlet and any(a.outlet == event.outlet for a in self.session.articles):
            query = f'({query}) outlet:"{event.outlet}"'
        elif event.outlet:  # a column of articles with no outlet known: the search has no filter for it
            self.notify(
                f"“{event.outlet}” is not an outlet the search can filter by: searching all articles",
                title="Coverage",
                markup=False,  # a column may be an article's title: untrusted text
            )
        self.action_show_pane("articles")
        self.query_one("#search", Input).value = query  # searches, as typing would

    def on_quotes_listed(self, event: QuotesListed) -> None:
        self._hide_progress()
        session = self.session
        session.set_quotes(event.rows)
        self.quotes_pane.set_quotes(event.rows, session.short_names)
        self.query_one("#search", Input).placeholder = search_hint(session.articles, event.rows, session.short_names)
        self._update_subtitle()
        self._freeze()
        self._show_matches(self.session.matches)  # refresh the status line
        if self._shown_article:
            self._show_article(self._shown_article)

    def _update_subtitle(self) -> None:
        session = self.session
        quotes = f" · {len(session.quote_rows)} quotations" if session.quote_rows else ""
        self.sub_title = f"{session.name} · {len(session.articles)} articles{quotes}"

    # -- searching -------------------------------------------------------------------------------

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._schedule_search()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.article_list.focus()

    def _schedule_search(self) -> None:
        """Search for what the box holds, now or, if a search is under way, as soon as it ends.

        No pause in typing is awaited (that delay was most of a keystroke's time to its list), and
        one search at a time: threads searching side by side would only slow each other down.
        """
        if self.session.corpus is None:
            return  # on_corpus_opened searches
        if self._searching:
            self._search_again = True
            return
        self._searching, self._search_again = True, False
        self.workers.cancel_group(self, "did-you-mean")
        self.search(self.query_one("#search", Input).value)

    @work(thread=True, exclusive=True, group="search")
    def search(self, text: str) -> None:
        from talks_tui.index.model import QueryError  # loaded by the corpus already: kept off the first frame
        from talks_tui.index.search.querytext import as_you_type

        matches = None  # no text: every article
        try:
            if text.strip():
                with _collector_paused():
                    matches = replace(self.session.corpus.match(as_you_type(text), suggest=False), query=text)
        except QueryError as exc:
            self.post_message(SearchFinished(None, exc))
            return
        except Exception as exc:  # the index failed under us: a notice and a rebuild, not an exit
            self.post_message(SearchFinished(None, exc))
            return
        self.post_message(SearchFinished(matches))

    def on_search_finished(self, event: SearchFinished) -> None:
        self._searching = False
        if self._search_again:  # out of date: the box changed while searching
            self._schedule_search()
        elif event.error is not None and not _is_query_error(event.error):
            self.index_fault(event.error)
        elif event.error is not None:
            self._status(f"⚠ {event.error} (showing the last results)", True)
        else:
            self._show_new_notices()  # a search that found the index damaged rebuilt it
            self._show_matches(event.matches)
            if event.matches is not None and event.matches.total == 0:  # after the list: it takes longer
                self.did_you_mean(event.matches.query)

    @work(thread=True, exclusive=True, group="did-you-mean")
    def did_you_mean(self, text: str) -> None:
        suggestion = self.session.corpus.suggest(text)
        if suggestion:
            self.post_message(SuggestionFound(get_current_worker(), suggestion))

    def on_suggestion_found(self, event: SuggestionFound) -> None:
        if not event.worker.is_cancelled:  # by a newer search
            self._status(f"No article matches. Did you mean: {event.suggestion}?")

    def _show_matches(self, matches: Matches | None) -> None:
        """Fill the list with the matching articles (all of them for no query), best first; the
        Quotes and Compare panes take them as their scope."""
        session = self.session
        session.matches = matches
        articles = session.by_id
        if matches is None:
            ids, counts = session.all_ids, None
        else:
            ids, counts = matches.ids, matches.occurrences
            # Indexed since the list was read (another process, a rebuild): not listed. A set's
            # superset test, as the ids of 100,000 matches took a dict 30-50 ms a keystroke.
            if not session.id_set.issuperset(ids):
                kept = [n for n, article_id in enumerate(ids) if article_id in articles]
                ids, counts = tuple(ids[n] for n in kept), tuple(counts[n] for n in kept)
        self._show_status()
        # A Hits column when the search has something the reader counts (not for outlet: alone).
        counting = matches is not None and bool(matches.terms or matches.quote_parts)
        self._fit_article_columns(counting)
        short = session.short_names

        def cells(n: int) -> tuple:
            article_id = ids[n]
            hits = session.hits(article_id, counts[n]) if counting and counts is not None else None
            return article_cells(articles[article_id], hits, short)

        # Cells are made for the rows that come on screen only (see LazyRows).
        rows = LazyRows(ids, cells)
        self.article_list.set_rows(rows, keep_cursor_on=self.article_list.cursor_key)
        self.reader.set_terms(matches.terms if matches else frozenset(), session.quote_parts)
        if not rows:
            self.reader.show(None)
            self._shown_article = None
        elif self.article_list.cursor_key != self._shown_article:
            self._show_article(self.article_list.cursor_key)
        self._scope_panes()

    def _fit_article_columns(self, hits: bool) -> None:
        if self._columns_fitted != hits:
            self._columns_fitted = hits
            if self._outlet_column is None:
                self._outlet_column = outlet_column(self.session.articles, self.session.short_names)
            self.article_list.set_columns(article_columns(self._outlet_column, hits))

    def _search_scope(self) -> tuple[Collection[str] | None, str]:
        """The ids of the articles the search matches (None: no search), and the query. Left a
        sequence: a pane makes a set of them when it applies the search, not at every keystroke."""
        matches = self.session.matches
        if matches is None:
            return None, ""
        return matches.ids, matches.query

    def _scope_panes(self) -> None:
        """The search applied to the Quotes pane (their quotations) and the Compare pane (its
        sides chosen among the matching articles): now for the pane on screen, else when shown."""
        if self.session.corpus is None or not self._pane_mounts:
            return
        scope, query = self._search_scope()
        pane = self.query_one("#panes", TabbedContent).active
        self.quotes_pane.set_scope(scope, self.session.quote_parts, query, apply=pane == "quotes")
        if pane == "compare":
            self._scope_compare()

    def _scope_compare(self) -> None:
        """The Compare pane's sides chosen among the matching articles (all when fewer than two
        match), keeping the articles on each side when they still are among them."""
        from talks_tui.tui.compare_pane import compare_choices

        if not self.query("#compare-pane"):
            return
        scope, _ = self._search_scope()
        articles = self.session.articles
        if scope is not None and len(scope) >= 2:
            wanted_ids = frozenset(scope)
            articles = [a for a in articles if a.id in wanted_ids]
        wanted = tuple(a.id for a in articles)
        if self._compare_scope == wanted:
            return
        self._compare_scope = wanted
        pane = self.compare_pane
        before = [pane.choices[n].id for n in pane.sides] if pane.choices else []
        pane.set_choices(compare_choices(articles))
        ids = [c.id for c in pane.choices]
        if len(ids) < 2:
            return
        # The sides kept where they still can be, else the first articles not on the other side.
        left, right = (*before, None, None)[:2]
        left = left if left in ids else None
        right = right if right in ids and right != left else None
        free = [i for i in ids if i not in (left, right)]
        left = left or free.pop(0)
        right = right or next(i for i in free if i != left)
        pane.show_sides(left, right)

    def _show_status(self) -> None:
        """The status line: the search's result (or how to search), and whether the pane on
        screen applies it."""
        session = self.session
        matches = session.matches
        if session.corpus is None:
            return
        if matches is None:
            self._status(f"{len(session.articles)} articles · type / to search")
            return
        if not matches.total:
            hint = f" Did you mean: {matches.suggestion}?" if matches.suggestion else ""
            self._status(f"No article matches.{hint}")
            return
        from talks_tui.index.model import outlet_counts_text  # loaded by the corpus already
        from talks_tui.tui.outlet_names import per_outlet_named

        by_outlet = outlet_counts_text(per_outlet_named(matches.per_outlet))
        total, everything = matches.total, len(session.articles)
        pane = self.query_one("#panes", TabbedContent).active
        if pane == "quotes":
            text = f"Quotations of the {total} matching articles (of {everything}) · {by_outlet}"
        elif pane == "compare" and total >= 2:
            text = f"Compare: sides among the {total} matching articles (of {everything}) · {by_outlet}"
        elif pane == "compare":
            text = f"Compare: sides among all {everything} articles, as fewer than two match"
        elif pane == "coverage":
            text = f"Coverage shows all {everything} articles; the search ({total} match) is not applied here"
        else:
            text = f"{total} of {everything} articles match · {by_outlet}"
        self._status(text)

    # -- reading ---------------------------------------------------------------------------------

    def on_virtual_table_highlighted(self, event: VirtualTable.Highlighted) -> None:
        # The article shown already (open_article moved the cursor to it, at a quotation): kept
        # as it is, not shown again from its top.
        if event.table.id == "article-list" and event.row_key and event.row_key != self._shown_article:
            self._show_article(event.row_key)

    def on_virtual_table_selected(self, event: VirtualTable.Selected) -> None:
        if event.table.id == "article-list" and event.row_key:
            if event.row_key != self._shown_article:
                self._show_article(event.row_key)
            self._reading(True)
            self.reader.focus()

    def on_reader_back(self, _event: Reader.Back) -> None:
        self._reading(False)
        self.article_list.focus()

    def _show_article(self, article_id: str | None, focus_quote: str | None = None) -> None:
        session = self.session
        if session.corpus is None or article_id is None:
            return
        try:
            article = session.corpus.article(article_id)
        except Exception as exc:  # the catalog failed under us
            self.index_fault(exc)
            return
        quotes = session.quotes_of(article_id)
        terms = session.matches.terms if session.matches else frozenset()
        self.reader.show(article, quotes, terms, focus_quote=focus_quote, quote_parts=session.quote_parts)
        self._shown_article = article_id

    def open_article(self, article_id: str, focus_quote: str | None = None) -> None:
        """Show an article in the reader (at a quotation, given its id), and under the list's
        cursor if the search lists it; the search stays as it is."""
        self.action_show_pane("articles")
        self._show_article(article_id, focus_quote)  # first: moving the cursor to it then shows nothing anew
        row = self.article_list.row_of(article_id)
        if row is not None:
            self.article_list.move_cursor(row)
        elif self.session.matches is not None:
            self.notify("This article is not among the search's results; the list still shows them.", timeout=4)
        self._reading(True)
        self.reader.focus()

    def on_quotes_pane_open_quote(self, event: QuotesPane.OpenQuote) -> None:
        self.open_article(event.row.quote.article_id, focus_quote=event.row.quote.id)

    def filter_quotes(self, speaker: str | None = None, outlet: str | None = None) -> None:
        self.quotes_pane.filter_by(speaker=speaker, outlet=outlet)
        self.action_show_pane("quotes")

    # -- actions ---------------------------------------------------------------------------------

    def action_focus_search(self) -> None:
        """`/`: a new search (what is typed replaces the query; the arrows keep it to edit)."""
        self.action_show_pane("articles")
        box = self.query_one("#search", Input)
        box.focus()
        box.select_all()

    def on_input_blurred(self, event: Input.Blurred) -> None:
        # Nothing stays selected for a later `tab` into the box, where a key would replace the query.
        if event.input.id == "search":
            event.input.selection = Selection.cursor(len(event.input.value))

    def action_leave_input(self) -> None:
        if isinstance(self.focused, Input):
            pane = self.query_one("#panes", TabbedContent).active
            (self.quotes_pane.table if pane == "quotes" else self.article_list).focus()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.tabbed_content.id == "panes":
            self._pane_shown(event.tabbed_content.active)

    def _pane_shown(self, pane: str) -> None:
        """The search applied to the pane now on screen, and the status line saying so."""
        if pane == "quotes" and self.query("#quotes-pane"):
            self.quotes_pane.apply_scope()
        elif pane == "compare" and self.session.corpus is not None:
            self._scope_compare()
        self._show_status()

    def action_show_pane(self, pane: str) -> None:
        """Switch pane and focus its main widget (TabbedContent follows the focus: left on a
        hidden widget, it would switch straight back). Just after launch, before the pane's
        content is composed, the switch waits for it."""
        if pane not in PANES:
            return
        self._wanted_pane = pane
        selector = PANE_FOCUS.get(pane)
        if selector and not self.query(selector):
            self._fill_hidden_panes()
            self.call_later(self._show_pane_when_mounted, pane)
            return
        self.query_one("#panes", TabbedContent).active = pane
        if pane == "coverage" and self.session.corpus is not None:
            self.coverage_pane.load_once()
        if pane == "articles":
            self._reading(False)
        self._pane_shown(pane)
        if selector:
            self.query_one(selector).focus()
        else:
            self.set_focus(None)

    async def _show_pane_when_mounted(self, pane: str) -> None:
        mounting = self._pane_mounts.get(pane)
        if mounting is not None:
            await mounting
        if self._wanted_pane == pane and self.query(PANE_FOCUS[pane]):  # and no other pane asked for since
            self.action_show_pane(pane)

    def action_help(self) -> None:
        from talks_tui.tui.help import HelpScreen

        self.push_screen(HelpScreen(self.keymap))

    # -- taking things out (tui.exporting) -----------------------------------------------------

    def action_export_view(self, fmt: str | None = None) -> None:
        from talks_tui.tui.exporting import export_view

        export_view(self, fmt)

    def action_copy_quote(self) -> None:
        from talks_tui.tui.exporting import copy_quote

        copy_quote(self)

    def action_open_url(self) -> None:
        from talks_tui.tui.exporting import open_url

        open_url(self)

    # -- theme ---------------------------------------------------------------------------------

    def _restore_theme(self) -> None:
        """The theme chosen in an earlier run (kept in config.toml's [app] table), if it exists."""
        self._theme_loaded = self.theme
        wanted = self.settings.app.get("theme")
        if not isinstance(wanted, str) or not wanted:
            return
        if wanted in self.available_themes:
            self.theme = wanted
            self._theme_loaded = wanted
        else:
            self.notify(
                f"[app] theme: no theme is named {wanted!r}; using {self.theme}.", title="Settings", markup=False
            )

    def _save_theme(self) -> None:
        """Keep the theme the user chose for the next run (only if it changed)."""
        from talks_tui.index.config import save_setting

        if self._theme_loaded is None or self.theme == self._theme_loaded:
            return
        problem = save_setting("app", "theme", self.theme, self.settings.path)
        if problem:
            print(problem, file=sys.stderr)

    def on_unmount(self) -> None:
        self._save_theme()
        if self.session.corpus is not None:
            self.session.corpus.close()
        gc.unfreeze()  # see _freeze
