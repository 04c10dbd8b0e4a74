"""The Compare pane: two articles (or outlets) in two columns, aligned sentence by sentence.

One scrolling list of rows, each row a left and a right sentence side by side, so the two
columns scroll together. The alignment is computed in a thread worker; changing a side,
swapping or resizing never waits on it.
"""

from __future__ import annotations

from dataclasses import replace

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Static

from talks_tui.index.compare.align import Alignment, SentencePair
from talks_tui.index.compare.comparison import OUTLET_PREFIX
from talks_tui.index.model import Article
from talks_tui.tui import keys
from talks_tui.tui.compare_text import LEGEND, MARKS, article_label, pair_texts, short_summary
from talks_tui.tui.session import Session


class CompareRow(Static):
    """One row: a left sentence, its mark, a right sentence (either side may be empty)."""

    def __init__(self, left: Text, mark: str, right: Text, difference: bool):
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(ratio=1)
        grid.add_column(width=1)
        grid.add_column(ratio=1)
        grid.add_row(left, Text(mark), right)
        super().__init__(grid, classes="compare-row")
        self.difference = difference


class CompareRows(VerticalScroll, can_focus=True):
    """The rows, with a cursor row that j/k move and d/D send to the next/previous difference."""

    BINDINGS = keys.bindings("Compare", widget="rows")

    cursor = 0

    def rows(self) -> list[CompareRow]:
        return list(self.query(CompareRow))

    def move_cursor(self, row: int) -> None:
        rows = self.rows()
        if not rows:
            return
        self.cursor = max(0, min(row, len(rows) - 1))
        for n, widget in enumerate(rows):
            widget.set_class(n == self.cursor, "-cursor")
        self.scroll_to_widget(rows[self.cursor], animate=False)

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor + step)

    def action_difference(self, step: int) -> None:
        rows = self.rows()
        n = self.cursor + step
        while 0 <= n < len(rows):
            if rows[n].difference:
                self.move_cursor(n)
                return
            n += step
        self.notify("No more differences that way.", timeout=2)


class ComparePane(Vertical):
    """Chooses the two sides, asks the corpus to align them, and shows the rows."""

    BINDINGS = keys.bindings("Compare")

    class Compared(Message):
        """An alignment is on screen (tests and the status line listen)."""

        def __init__(self, alignment: Alignment):
            super().__init__()
            self.alignment = alignment

    class Aligned(Message):
        """The worker aligned two articles (or failed to: `error`)."""

        def __init__(self, alignment: Alignment | None, error: str | None = None):
            super().__init__()
            self.alignment, self.error = alignment, error

    def __init__(self, session: Session, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.choices: list[Article] = []  # what the sides cycle through: articles, then outlets
        self.sides: list[int] = [0, 1]  # indexes into choices
        self.alignment: Alignment | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Opening the corpus…"), id="compare-heading")
        yield Static(Text(""), id="compare-summary")
        yield CompareRows(id="compare-rows")
        yield Static(LEGEND, id="compare-legend")

    def set_choices(self, choices: list[Article]) -> None:
        """The articles to choose from (metadata); the first two are compared to start with."""
        self.choices = choices
        self.sides = [0, 1 if len(choices) > 1 else 0]
        if choices:
            self.refresh_comparison()
        else:
            self._heading(Text("No articles to compare."))

    def show_sides(self, left_id: str | None = None, right_id: str | None = None) -> None:
        """Compare the given articles (by id; None keeps a side). Asked for the article the other
        side shows, the two sides change places rather than show it twice."""
        ids = [c.id for c in self.choices]
        before = list(self.sides)
        for side, wanted in enumerate((left_id, right_id)):
            if wanted in ids:
                self.sides[side] = ids.index(wanted)
        if self.sides[0] == self.sides[1] and len(self.choices) > 1:
            kept = 1 if left_id in ids else 0  # the side the user did not ask to change
            self.sides[kept] = before[1 - kept]
            if self.sides[0] == self.sides[1]:
                self._step(kept, 1)
        self.refresh_comparison()

    def action_cycle(self, side: str, step: int) -> None:
        if not self.choices:
            return
        self._step(0 if side == "left" else 1, step)
        self.refresh_comparison()

    def _step(self, side: int, step: int) -> None:
        """Move one side `step` choices on, past the article the other side shows."""
        n = (self.sides[side] + step) % len(self.choices)
        if n == self.sides[1 - side] and len(self.choices) > 1:
            n = (n + step) % len(self.choices)
        self.sides[side] = n

    def action_swap(self) -> None:
        self.sides.reverse()
        self.refresh_comparison()

    def refresh_comparison(self) -> None:
        left, right = (self.choices[n] for n in self.sides)
        heading = Table.grid(expand=True, padding=(0, 1))
        heading.add_column(ratio=1)
        heading.add_column(width=1)
        heading.add_column(ratio=1)
        heading.add_row(article_label(left), Text("│", style="dim"), article_label(right))
        self._heading(heading)
        self.query_one("#compare-summary", Static).update(Text("Aligning sentences…"))
        self.compare(left.id, right.id)

    def _heading(self, content: Text | Table) -> None:
        self.query_one("#compare-heading", Static).update(content)

    @work(thread=True, exclusive=True, group="compare")
    def compare(self, left_id: str, right_id: str) -> None:
        corpus = self.session.corpus
        try:
            alignment = corpus.compare(corpus.pick_article(left_id), corpus.pick_article(right_id))
        except Exception as exc:  # shown in the pane; the rest of the app goes on
            self.post_message(self.Aligned(None, str(exc)))
            return
        self.post_message(self.Aligned(alignment))

    async def on_compare_pane_aligned(self, event: Aligned) -> None:
        event.stop()
        if event.alignment is None:
            self.query_one("#compare-summary", Static).update(Text(f"Cannot compare: {event.error}"))
        else:
            await self._show(event.alignment)

    async def _show(self, alignment: Alignment) -> None:
        current = tuple(self.choices[n].id for n in self.sides)
        if (alignment.left.id, alignment.right.id) != current:
            return  # the user has moved on to another pair
        self.alignment = alignment
        self.query_one("#compare-summary", Static).update(short_summary(alignment))
        rows = self.query_one(CompareRows)
        await rows.remove_children()
        await rows.mount_all(_row_widgets(alignment))
        rows.move_cursor(0)
        self.post_message(self.Compared(alignment))


def compare_choices(articles: list[Article]) -> list[Article]:
    """What each side can show: every article, then every outlet with several articles as one
    (named "outlet:NAME", as `talks-tui compare` takes it)."""
    by_outlet: dict[str, list[Article]] = {}
    for article in articles:
        if article.outlet:
            by_outlet.setdefault(article.outlet, []).append(article)
    outlets = [
        replace(group[0], id=OUTLET_PREFIX + outlet, title=f"all {len(group)} articles", date=None)
        for outlet, group in sorted(by_outlet.items())
        if len(group) > 1
    ]
    return [*articles, *outlets]


def _row_widgets(alignment: Alignment) -> list[CompareRow]:
    """A row per pair or lone sentence; a sentence paired twice is written out once."""
    widgets = []
    seen_left: set[int] = set()
    seen_right: set[int] = set()
    for i, j, pair in alignment.rows():
        if pair is not None:
            left, right = pair_texts(alignment, pair)
            widgets.append(
                CompareRow(
                    _dim_if(left, i in seen_left), MARKS[pair.kind], _dim_if(right, j in seen_right), _differs(pair)
                )
            )
        elif i is not None:
            widgets.append(CompareRow(Text(alignment.left_sentences[i].text), MARKS["only_left"], Text(""), True))
        elif j is not None:
            widgets.append(CompareRow(Text(""), MARKS["only_right"], Text(alignment.right_sentences[j].text), True))
        seen_left.add(i)
        seen_right.add(j)
    return widgets


def _differs(pair: SentencePair) -> bool:
    return bool(pair.differing)


def _dim_if(text: Text, repeated: bool) -> Text:
    """A sentence already shown in the row above (paired twice) is not repeated in full."""
    return Text("〃 as above", style="dim") if repeated else text
