"""The Coverage pane: the story's topics (found from the corpus) by outlet, with counts.

The columns are sized to the screen and their content (`coverage_columns`): outlets' names in
full, else their short names ("SCMP"), else on two lines.

A cell left as "·" is a topic the outlet never mentions: who left out what shows at a glance.
Enter on a cell searches for the topic in that outlet's articles; on the topic column, in all.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import DataTable, Static

from talks_tui.index.coverage.topics import Coverage, Topic
from talks_tui.tui import keys
from talks_tui.tui.coverage_columns import column_layout, header
from talks_tui.tui.session import Session

MIN_COUNT_WIDTH = 3


class CoveragePane(Vertical):
    BINDINGS = keys.bindings("Coverage")

    class SearchTopic(Message):
        """The user chose a topic (in one outlet, or in all when outlet is None)."""

        def __init__(self, topic: Topic, outlet: str | None):
            super().__init__()
            self.topic = topic
            self.outlet = outlet

    class TopicsFound(Message):
        """The worker found the topics (or failed to: `error`)."""

        def __init__(self, coverage: Coverage | None, error: str | None = None):
            super().__init__()
            self.coverage, self.error = coverage, error

    def __init__(self, session: Session, **kwargs):
        super().__init__(**kwargs)
        self.session = session
        self.coverage: Coverage | None = None
        self._loading = False
        self._width = 0  # the width the columns were laid out for

    def compose(self) -> ComposeResult:
        yield Static(Text("Finding the story's topics…"), id="coverage-summary")
        table = DataTable(id="coverage-table", cursor_type="cell", zebra_stripes=True)
        yield table
        yield Static(
            Text("· not mentioned  ·  enter: search the topic (in that outlet's articles)"),
            id="coverage-legend",
        )

    def load_once(self) -> None:
        """Find the topics, unless they are found or being found: on 10,000 articles it takes
        seconds, and pressing 4 again should not start over."""
        if self.coverage is None and not self._loading:
            self._loading = True
            self.load()

    def action_cursor(self, direction: str) -> None:
        getattr(self.query_one(DataTable), f"action_cursor_{direction}")()

    @work(thread=True, exclusive=True, group="coverage")
    def load(self) -> None:
        try:
            coverage = self.session.corpus.coverage()
        except Exception as exc:  # shown in the pane; the rest of the app goes on
            self.post_message(self.TopicsFound(None, str(exc)))
            return
        self.post_message(self.TopicsFound(coverage))

    def on_coverage_pane_topics_found(self, event: TopicsFound) -> None:
        event.stop()
        if event.coverage is None:
            self._loading = False  # showing the pane again tries again
            self._summary(Text(f"Cannot find the topics: {event.error}"))
        else:
            self.show(event.coverage)

    def _summary(self, text: Text) -> None:
        self.query_one("#coverage-summary", Static).update(text)

    def show(self, coverage: Coverage) -> None:
        self.coverage = coverage
        self._loading = False
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        table.clear(columns=True)
        if not coverage.topics:
            self._summary(Text("No topics found: the corpus is empty or too small."))
            return
        counts = max(MIN_COUNT_WIDTH, *(len(str(n)) for t in coverage.topics for n in t.counts.values()))
        labels = [t.label for t in coverage.topics]
        layout = column_layout(labels, coverage.outlets, counts, self.size.width or 80, self.session.short_names)
        self._width = self.size.width
        table.header_height = layout.header_height
        table.add_column(Text("Topic"), width=layout.topic, key="topic")
        for outlet, name, width in zip(coverage.outlets, layout.names, layout.outlets, strict=True):
            table.add_column(header(name, width, layout.header_height), width=width, key=outlet)
        for n, topic in enumerate(coverage.topics):
            cells = [Text(topic.label, overflow="ellipsis", no_wrap=True)]
            for outlet in coverage.outlets:
                count = topic.counts.get(outlet, 0)
                cells.append(Text(str(count), justify="right") if count else Text("·", style="dim", justify="right"))
            table.add_row(*cells, key=str(n))
        table.move_cursor(row=cursor.row, column=cursor.column, animate=False)
        gaps = {outlet: len(coverage.missing(outlet)) for outlet in coverage.outlets}
        most = max(gaps, key=gaps.get)
        summary = f"{len(coverage.topics)} topics across {len(coverage.outlets)} outlets · "
        if gaps[most]:
            summary += f"{most} leaves out the most: {gaps[most]} of them"
        else:
            summary += "every outlet mentions every topic"
        if coverage.sample is not None:
            summary += f" · topics from a sample of {coverage.sample:,} articles, counted in all"
        self._summary(Text(summary))

    def on_resize(self, event: events.Resize) -> None:
        # The columns are sized to the screen: a new width lays them out again.
        if self.coverage is not None and self.coverage.topics and event.size.width != self._width:
            self.show(self.coverage)

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        if self.coverage is None:
            return
        event.stop()
        topic = self.coverage.topics[event.coordinate.row]
        column = event.coordinate.column
        outlet = self.coverage.outlets[column - 1] if column > 0 else None
        self.post_message(self.SearchTopic(topic, outlet))
