"""The Textual app. For now one screen: the article list of the corpus.

The corpus is opened (and indexed if needed) in a thread worker with a progress bar, so the
first frame appears at once and the screen never freezes.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static


class TalksApp(App[int]):
    CSS_PATH = "talks.tcss"
    TITLE = "talks-tui"
    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(
        self, paths: list[Path] | None = None, index_dir: Path | None = None, outlets_file: Path | None = None
    ):
        super().__init__()
        self._paths = paths
        self._index_dir = index_dir
        self._outlets_file = outlets_file
        self.corpus = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Opening the corpus…", id="status", markup=False)
        yield ProgressBar(id="progress", show_eta=True)
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#articles", DataTable)
        table.add_columns("Outlet", "Date", "Title", "Words")
        self.open_corpus()

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
            self.call_from_thread(self._show_error, f"Cannot open the corpus: {exc}")
            return
        self.call_from_thread(self._show_corpus, corpus)

    def _show_progress(self, done: int, total: int, step: str) -> None:
        bar = self.query_one("#progress", ProgressBar)
        bar.update(total=total or None, progress=done)
        self.query_one("#status", Static).update(f"{step}: {done}/{total} files…")

    def _show_error(self, message: str) -> None:
        self.query_one("#progress", ProgressBar).display = False
        self.query_one("#status", Static).update(message)

    def _show_corpus(self, corpus) -> None:
        self.corpus = corpus
        self.query_one("#progress", ProgressBar).display = False
        articles = corpus.articles()
        problems = corpus.problems()
        status = f"{len(articles)} articles"
        if problems:
            status += f" · {len(problems)} file problems (run `talks-tui index` to list them)"
        self.query_one("#status", Static).update(status)
        self.sub_title = f"{corpus.paths[0].name} · {len(articles)} articles"
        table = self.query_one("#articles", DataTable)
        table.clear()
        for a in articles:
            table.add_row(
                Text(a.outlet or "?"),
                Text(a.date or "—"),
                Text(a.title or "(untitled)"),
                Text(str(a.word_count)),
                key=a.id,
            )
        table.focus()

    def action_cursor_down(self) -> None:
        self.query_one("#articles", DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one("#articles", DataTable).action_cursor_up()

    def on_unmount(self) -> None:
        if self.corpus is not None:
            self.corpus.close()
