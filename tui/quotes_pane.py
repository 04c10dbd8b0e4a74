"""The quote viewer: every quotation with speaker, outlet and date, filtered as the user types and
by speaker and outlet, within the articles the search matches; variants of one statement listed
together, bracketed, with how many outlets carried it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Select, Static

from talks_tui.index.model import attribution_kind, attribution_note
from talks_tui.index.quotes.listing import QuoteFilter, QuoteRow, filter_rows
from talks_tui.tui import keys
from talks_tui.tui.outlet_names import UNKNOWN_OUTLET, outlet_choices, outlet_fits, outlet_key, outlet_plain
from talks_tui.tui.virtual_table import Choice, Column, VirtualTable

GROUP = Column("≈", width=3)  # the bracket of a statement's variants, and how many outlets carried it
QUOTATION = Column("Quotation", min_width=20, wants=40)
SURE = Column("?", width=1)  # how sure the speaker is: blank firm, ~ likely, ? a guess
DATE = Column("Date", width=10, hide_below=70)  # at 60 columns the names need the room more
SPEAKER_WIDEST = 32  # a speaker column wider than this cuts the longest names
SPEAKER_NARROW = 16  # where the quotations need the room: most names in full
_UNKNOWN = "unknown"  # QuoteFilter's outlet_is for an outlet not known (see index.quotes.listing)

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


def _outlet_value(row: QuoteRow) -> str:
    return row.article.outlet or _UNKNOWN


def _choices(names: Counter[str], keep: str | None = None) -> list[tuple[Text, str]]:
    """Select options "Name (count)", most frequent first (`keep` listed even at 0, so that a
    chosen value stays); names are untrusted, so Text."""
    if keep is not None and keep not in names:
        names = Counter(names)
        names[keep] = 0
    shown = {_UNKNOWN: UNKNOWN_OUTLET}
    return [
        (Text(f"{shown.get(name, name)} ({n})"), name)
        for name, n in sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def _brackets(rows: Sequence[QuoteRow], outlets: dict[str, int]) -> list[str]:
    """The ≈ column: each run of adjacent rows of one statement bracketed (╭ │ ╰), its first row
    with how many outlets carried the statement; a lone variant marked ≈ with that count."""
    cells = []
    for n, row in enumerate(rows):
        if row.group is None or row.variants < 2:
            cells.append("")
            continue
        before = n > 0 and rows[n - 1].group == row.group
        after = n + 1 < len(rows) and rows[n + 1].group == row.group
        count = f"{outlets.get(row.group, 1):>2}"
        if before:
            cells.append("╰  " if not after else "│  ")
        else:
            cells.append(("╭" if after else "≈") + count)
    return cells


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
        self._short: dict[str, str] = {}
        self._outlets_per_group: dict[str, int] = {}
        # The search's scope: the articles it matches (None: no search), its speaker:/role:/quote:
        # parts, its text; applied when the pane is on screen (see set_scope).
        self._scope: tuple[Collection[str] | None, tuple, str] = (None, (), "")
        self._scope_set: frozenset[str] | None = None  # the scope's ids as a set, made on first need
        self._scope_applied = True
        # The app mounts the pane after its first frame, and the quotations come later still:
        # what is asked before then is done once both are there.
        self._composed = False
        self._pending_filter: tuple[str | None, str | None] = (None, None)  # (speaker, outlet)

    def compose(self) -> ComposeResult:
        with Horizontal(id="quote-filters"):
            yield Input(
                placeholder="f: filter quotations (words, speaker, outlet)…",
                id="quote-filter",
                compact=True,
                select_on_focus=False,
            )
            yield Select([], prompt="s: speaker", id="speaker-select", compact=True)
            yield Select([], prompt="o: outlet", id="outlet-select", compact=True)
        yield VirtualTable(self._columns(), id="quote-list")
        yield Static(id="quote-detail", markup=False)

    def on_mount(self) -> None:
        self._composed = True
        if self._rows is not None:
            self._show_quotes()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#quote-list", VirtualTable)

    @property
    def shown_rows(self) -> list[QuoteRow]:
        """The quotations listed, in order."""
        return list(self._shown)

    def set_quotes(self, rows: Sequence[QuoteRow], short_names: dict[str, str] | None = None) -> None:
        self._rows = _ordered(rows)
        self._short = dict(short_names or {})
        carried: dict[str, set[str]] = defaultdict(set)
        for row in self._rows:
            if row.group is not None:
                carried[row.group].add(outlet_key(row.article))
        self._outlets_per_group = {group: len(keys) for group, keys in carried.items()}
        if self._composed:
            self.table.set_columns(self._columns())
            self._show_quotes()

    def set_scope(self, articles: Collection[str] | None, quote_parts: tuple, query: str, apply: bool = True) -> None:
        """List only the quotations of these articles (None: all) and, when the search has
        speaker:, role: or quote: parts, only those they match; now, or when apply_scope is called."""
        scope = (articles, tuple(quote_parts), query)
        if scope == self._scope:
            return
        self._scope, self._scope_applied, self._scope_set = scope, False, None
        if apply:
            self.apply_scope()

    def apply_scope(self) -> None:
        if self._scope_applied or not (self._composed and self._rows is not None):
            return
        self._scope_applied = True
        self._show_quotes()

    def _columns(self) -> tuple[Column, ...]:
        rows = self._rows or []
        speakers = max((cell_len(r.quote.speaker or "—") for r in rows), default=12)
        widest = min(max(speakers, 7), SPEAKER_WIDEST)
        fits = (widest, SPEAKER_NARROW) if widest > SPEAKER_NARROW else (widest,)
        speaker = Column("Speaker", min_width=10, fits=fits)
        outlet = Column("Outlet", min_width=6, fits=outlet_fits([r.article for r in rows], self._short) or (6,))
        return (GROUP, QUOTATION, speaker, SURE, outlet, DATE)

    def _in_scope(self) -> list[QuoteRow]:
        articles, parts, _ = self._scope
        rows = self._rows or []
        if articles is None:
            return rows
        if self._scope_set is None:  # once per search, not at every filter keystroke
            self._scope_set = frozenset(articles)
        rows = [r for r in rows if r.quote.article_id in self._scope_set]
        if parts:
            from talks_tui.index.search.quotehits import matches_any

            rows = [r for r in rows if matches_any(r.quote, parts)]
        return rows

    def _show_quotes(self) -> None:
        self._update_menus(*self._pending_filter)
        self._pending_filter = (None, None)
        self._apply_filters()

    def _update_menus(self, speaker: str | None = None, outlet: str | None = None) -> None:
        """Each menu's counts within the search and the other menu's choice (an outlet's count is
        of the chosen speaker's quotations); `speaker`, `outlet`: choose these (else the choices stay)."""
        rows = self._in_scope()
        speaker_menu = self.query_one("#speaker-select", Select)
        outlet_menu = self.query_one("#outlet-select", Select)
        if speaker is None and speaker_menu.value is not Select.NULL:
            speaker = str(speaker_menu.value)
        if outlet is None and outlet_menu.value is not Select.NULL:
            outlet = str(outlet_menu.value)
        speakers = Counter(
            r.quote.speaker for r in rows if r.quote.speaker and (outlet is None or _outlet_value(r) == outlet)
        )
        outlets = Counter(_outlet_value(r) for r in rows if speaker is None or r.quote.speaker == speaker)
        with self.prevent(Select.Changed):
            speaker_menu.set_options(_choices(speakers, speaker))
            outlet_menu.set_options(_choices(outlets, outlet))
            if speaker is not None:
                speaker_menu.value = speaker
            if outlet is not None:
                outlet_menu.value = outlet

    def filter_by(self, speaker: str | None = None, outlet: str | None = None) -> None:
        """Set the selectors (from the command palette), or once the quotations are listed."""
        self._pending_filter = (speaker, outlet)
        if self._composed and self._rows is not None:
            self._show_quotes()

    def _wanted(self) -> QuoteFilter:
        text = self.query_one("#quote-filter", Input).value.strip()
        speaker = self.query_one("#speaker-select", Select).value
        outlet = self.query_one("#outlet-select", Select).value
        return QuoteFilter(
            anything=text or None,
            speaker_is=None if speaker is Select.NULL else str(speaker),
            outlet_is=None if outlet is Select.NULL else str(outlet),
        )

    def _apply_filters(self) -> None:
        rows = self._rows or []
        wanted = self._wanted()
        shown = filter_rows(self._in_scope(), wanted)
        self._shown = shown
        key = self.table.cursor_key
        self.table.empty_text = self._nothing_matches(wanted)
        brackets = _brackets(shown, self._outlets_per_group)
        self.table.set_rows(
            [(r.quote.id, self._cells(r, mark)) for r, mark in zip(shown, brackets, strict=True)], keep_cursor_on=key
        )
        articles, _, query = self._scope
        within = f" · within the search “{query}”" if articles is not None else ""
        # On the line above the quotation's full text (its top border).
        self.query_one("#quote-detail", Static).border_title = f"{len(shown)} of {len(rows)} quotations{within}"
        self._show_detail()

    def _nothing_matches(self, wanted: QuoteFilter) -> str:
        """The empty list's sentence: which filters are on, so the user knows what to undo."""
        if not self._rows:
            return "No quotations found in this corpus."
        active = []
        if wanted.anything:
            active.append(f"words “{wanted.anything}” (f)")
        if wanted.speaker_is:
            active.append(f"speaker {wanted.speaker_is} (s)")
        if wanted.outlet_is:
            active.append(f"outlet {UNKNOWN_OUTLET if wanted.outlet_is == _UNKNOWN else wanted.outlet_is} (o)")
        articles, _, query = self._scope
        if articles is not None:
            active.append(f"the search “{query}” (/)")
        return "No quotation matches: " + " · ".join(active) if active else "No quotation matches."

    def _cells(self, row: QuoteRow, mark: str) -> tuple:
        # Plain strings and Text, never markup: the table draws them as they are.
        sure = _SURE_MARKS.get(attribution_kind(row.quote.attribution).confidence, "") if row.quote.speaker else ""
        return (
            mark,
            row.quote.text,
            row.quote.speaker or "—",
            sure,
            Choice(outlet_choices(row.article, self._short)),
            row.article.date or "",
        )

    def _current(self) -> QuoteRow | None:
        index = self.table.cursor_row
        return self._shown[index] if 0 <= index < len(self._shown) else None

    def _show_detail(self) -> None:
        row = self._current()
        detail = self.query_one("#quote-detail", Static)
        if row is None:
            detail.update(Text(self.table.empty_text))
            return
        q = row.quote
        text = Text()
        text.append(f"“{q.text}”", style="italic")
        text.append("\n— ")
        text.append(q.speaker or "no speaker (a name or scare quote)", style="bold")
        if q.role:
            text.append(f", {q.role}")
        where = f"{outlet_plain(row.article)}, {row.article.date or 'undated'}"
        text.append(f"  ({q.cue or 'quoted'}; {where}", style="dim")
        if q.speaker:
            text.append(f"; {attribution_note(q.attribution)}", style="dim")
        if row.variants > 1:
            outlets = self._outlets_per_group.get(row.group or "", 1)
            carried = f"{outlets} outlets" if outlets > 1 else "one outlet"
            text.append(f"; the same statement {row.variants} times, in {carried}", style="dim")
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
        self._update_menus()
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
