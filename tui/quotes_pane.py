"""The quote viewer: every quotation with speaker, outlet and date, filtered as the user types and
by speaker and outlet; variants of one statement listed together."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static

from talks_tui.index.model import attribution_kind, attribution_note
from talks_tui.index.quotes.listing import QuoteFilter, QuoteRow, filter_rows
from talks_tui.tui import keys
from talks_tui.tui.virtual_table import Column, VirtualTable

COLUMNS = (
    Column("≈", width=1),
    Column("Quotation", min_width=20),
    Column("Speaker", width=16),
    Column("?", width=1),  # how sure the speaker is: blank firm, ~ likely, ? a guess
    Column("Outlet", width=14),
    Column("Date", width=10),
)


# The quote table's mark of how sure a speaker is (the detail line says how it was found).
_SURE_MARKS = {"likely": "~", "guess": "?"}


def _ordered(rows: Sequence[QuoteRow]) -> list[QuoteRow]:
    """Most quoted speakers first; within a speaker, the variants of one statement together
    (the most quoted statement first), each group in date order."""
    by_speaker = Counter(r.quote.speaker for r in rows)
    first_seen = {}
    for n, r in enumerate(rows):
        first_seen.setdefault(r.group, n)
    return sorted(
        rows,
        key=lambda r: (
            r.quote.speaker is None,
            -by_speaker[r.quote.speaker],
            r.quote.speaker or "",
            -r.variants,
            first_seen[r.group],
            r.article.date or "",
        ),
    )


def _choices(names: Counter[str]) -> list[tuple[Text, str]]:
    """Select options "Name (count)", most frequent first; names are untrusted, so Text."""
    return [(Text(f"{name} ({n})"), name) for name, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))]


class QuotesPane(Vertical):
    """Filter box, speaker and outlet selectors, the table, and the full text of the quotation
    under the cursor (the table cuts long ones)."""

    BINDINGS = keys.bindings("Quotes")

    class OpenQuote(Message):
        """The user chose a quotation: open its article at it."""

        def __init__(self, row: QuoteRow) -> None:
            super().__init__()
            self.row = row

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[QuoteRow] | None = None  # None until set_quotes
        self._shown: list[QuoteRow] = []
        # The app mounts the pane after its first frame, and the quotations come later still:
        # what is asked before then is done once both are there.
        self._composed = False
        self._pending_filter: tuple[str | None, str | None] = (None, None)  # (speaker, outlet)

    def compose(self) -> ComposeResult:
        with Horizontal(id="quote-filters"):
            yield Input(placeholder="f: filter quotations (words, speaker, outlet)…", id="quote-filter", compact=True)
            yield Select([], prompt="s: any speaker", id="speaker-select", compact=True)
            yield Select([], prompt="o: any outlet", id="outlet-select", compact=True)
        yield VirtualTable(COLUMNS, id="quote-list")
        yield Static(id="quote-detail", markup=False)

    def on_mount(self) -> None:
        self._composed = True
        if self._rows is not None:
            self._show_quotes()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#quote-list", VirtualTable)

    def set_quotes(self, rows: Sequence[QuoteRow]) -> None:
        self._rows = _ordered(rows)
        if self._composed:
            self._show_quotes()

    def _show_quotes(self) -> None:
        rows = self._rows or []
        speakers = Counter(r.quote.speaker for r in rows if r.quote.speaker)
        outlets = Counter(r.article.outlet or "unknown" for r in rows)
        self.query_one("#speaker-select", Select).set_options(_choices(speakers))
        self.query_one("#outlet-select", Select).set_options(_choices(outlets))
        self._set_selectors()
        self._apply_filters()

    def filter_by(self, speaker: str | None = None, outlet: str | None = None) -> None:
        """Set the selectors (from the command palette), or once the quotations are listed."""
        self._pending_filter = (speaker, outlet)
        if self._composed and self._rows is not None:
            self._set_selectors()
            self._apply_filters()

    def _set_selectors(self) -> None:
        speaker, outlet = self._pending_filter
        self._pending_filter = (None, None)
        if speaker is not None:
            self.query_one("#speaker-select", Select).value = speaker
        if outlet is not None:
            self.query_one("#outlet-select", Select).value = outlet

    def _apply_filters(self) -> None:
        text = self.query_one("#quote-filter", Input).value.strip()
        speaker = self.query_one("#speaker-select", Select).value
        outlet = self.query_one("#outlet-select", Select).value
        wanted = QuoteFilter(
            anything=text or None,
            speaker_is=None if speaker is Select.NULL else str(speaker),
            outlet_is=None if outlet is Select.NULL else str(outlet),
        )
        rows = self._rows or []
        shown = filter_rows(rows, wanted)
        self._shown = shown
        key = self.table.cursor_key
        self.table.set_rows([(r.quote.id, self._cells(r)) for r in shown], keep_cursor_on=key)
        self.border_subtitle = f"{len(shown)} of {len(rows)} quotations"
        self._show_detail()

    @staticmethod
    def _cells(row: QuoteRow) -> tuple[str, ...]:
        # Plain strings, made Text (never markup) by the table when a row comes on screen.
        mark = "≈" if row.variants > 1 else ""
        sure = _SURE_MARKS.get(attribution_kind(row.quote.attribution).confidence, "") if row.quote.speaker else ""
        return (mark, row.quote.text, row.quote.speaker or "—", sure, row.article.outlet or "?", row.article.date or "")

    def _current(self) -> QuoteRow | None:
        index = self.table.cursor_row
        return self._shown[index] if 0 <= index < len(self._shown) else None

    def _show_detail(self) -> None:
        row = self._current()
        detail = self.query_one("#quote-detail", Static)
        if row is None:
            detail.update(Text("No quotation matches the filters." if self._rows else "No quotations found."))
            return
        q = row.quote
        text = Text()
        text.append(f"“{q.text}”", style="italic")
        text.append("\n— ")
        text.append(q.speaker or "no speaker (a name or scare quote)", style="bold")
        if q.role:
            text.append(f", {q.role}")
        where = f"{row.article.outlet or '?'}, {row.article.date or 'undated'}"
        text.append(f"  ({q.cue or 'quoted'}; {where}", style="dim")
        if q.speaker:
            text.append(f"; {attribution_note(q.attribution)}", style="dim")
        if row.variants > 1:
            text.append(f"; quoted {row.variants} times across the corpus", style="dim")
        text.append(")", style="dim")
        detail.update(text)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "quote-filter":
            event.stop()
            self._apply_filters()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "quote-filter":
            event.stop()
            self.table.focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self._apply_filters()

    def on_virtual_table_highlighted(self, event: VirtualTable.Highlighted) -> None:
        event.stop()
        self._show_detail()

    def on_virtual_table_selected(self, event: VirtualTable.Selected) -> None:
        event.stop()
        row = self._current()
        if row is not None:
            self.post_message(self.OpenQuote(row))

    def action_focus_filter(self) -> None:
        self.query_one("#quote-filter", Input).focus()

    def action_focus_speaker(self) -> None:
        self.query_one("#speaker-select", Select).focus()

    def action_focus_outlet(self) -> None:
        self.query_one("#outlet-select", Select).focus()
