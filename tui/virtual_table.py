"""A table that draws only the rows on screen, so 10,000 rows are replaced in a few milliseconds.

Textual's DataTable builds a row object per row and takes too long to clear and refill at the
sizes the article list reaches while the user types a filter. `VirtualTable` keeps the caller's
rows as they are and renders a row (one Strip) only when it is on screen, through the Line API.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, overload

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from talks_tui.tui import keys

__all__ = ["Choice", "Column", "LazyRows", "Row", "VirtualTable"]


class Choice(tuple):
    """One cell said at several lengths, longest first ("South China Morning Post", "SCMP"): the
    table shows the first that fits its column, else the last, cut."""

    __slots__ = ()


Cell = Text | str | Choice
Row = tuple[str, Sequence[Cell]]
"""A row: its key, and one cell per column (missing cells are blank, extra cells are ignored)."""


class LazyRows(Sequence[Row]):
    """Rows whose cells are made only when asked for: `cells(index)` when the row comes on screen.

    For long lists replaced often (on every keystroke): making the cells of 10,000 rows took some
    10 ms each time, and gave the garbage collector tens of thousands of objects to go through.
    `keys` (one per row) must not change once given to a table.
    """

    __slots__ = ("keys", "_cells")

    def __init__(self, keys: Sequence[str], cells: Callable[[int], Sequence[Cell]]) -> None:
        self.keys = keys
        self._cells = cells

    def __len__(self) -> int:
        return len(self.keys)

    @overload
    def __getitem__(self, index: int) -> Row: ...

    @overload
    def __getitem__(self, index: slice) -> list[Row]: ...

    def __getitem__(self, index: int | slice) -> Row | list[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        key = self.keys[index]  # IndexError as a list would
        return key, self._cells(index % len(self.keys))


# Characters that would move the terminal cursor or start an escape sequence; ingest strips them,
# this is the last line of defence. Replaced one for one by a space, so style spans still line up.
_UNSAFE_CHARS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Column:
    """A column of a VirtualTable."""

    label: str
    width: int | None = None
    """Fixed cell width; None shares the width left by the fixed columns (at least `min_width`)."""
    min_width: int = 4
    justify: Literal["left", "right", "center"] = "left"
    fits: tuple[int, ...] = ()
    """Widths its content asks for, widest first (its full names, its short names): the column
    takes the widest that leaves the shared columns their `wants`, stepping down while the table
    is too narrow, then shrinks towards `min_width` if they would have less than their
    `min_width`. Empty: a fixed or shared column."""
    wants: int = 0
    """For a shared column: the width it should have before fitted columns keep their widest
    widths (0: its `min_width`)."""
    hide_below: int = 0
    """Left out (no width, no gap) in a table narrower than this: a column the others need the room of."""


class VirtualTable(ScrollView, can_focus=True, inherit_bindings=False):
    """Rows of rich.text.Text cells (never markup strings: article text is untrusted).

    The header line stays at the top. The cursor highlights a whole row. A click moves the cursor
    to the clicked row; a click on the row that already has the cursor (so also a double click)
    posts `Selected`, as does Enter.
    """

    ALLOW_SELECT = False  # a click is for the cursor, not for selecting text

    COLUMN_GAP: ClassVar[int] = 1
    """Blank cells between two columns."""
    EDGE: ClassVar[int] = 1
    """Blank cells before the first column and after the last, drawn in the row's style (unlike
    CSS padding, so the header and cursor bars span the whole width)."""

    BINDINGS = keys.bindings("lists")
    """
    | Key(s) | Description |
    | :- | :- |
    | up, k | Move the cursor up. |
    | down, j | Move the cursor down. |
    | pageup, pagedown | Move the cursor by one screenful. |
    | home, g | Move the cursor to the first row. |
    | end, G | Move the cursor to the last row. |
    | enter | Post `Selected` for the cursor row. |
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "virtual-table--header",
        "virtual-table--cursor",
        "virtual-table--empty",
    }
    """
    | Class | Description |
    | :- | :- |
    | `virtual-table--header` | The header line with the column labels. |
    | `virtual-table--cursor` | The cursor row (cell styles such as highlights are drawn over it). |
    | `virtual-table--empty` | The `empty_text` shown when there are no rows. |
    """

    DEFAULT_CSS = """
    VirtualTable {
        height: 1fr;
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        &:focus {
            background-tint: $foreground 5%;
            & > .virtual-table--cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
        & > .virtual-table--header {
            color: $foreground;
            background: $panel;
            text-style: bold;
        }
        & > .virtual-table--cursor {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .virtual-table--empty {
            color: $text-muted;
            text-style: italic;
        }
        /* NO_COLOR: colours are dropped, so mark the cursor and header with attributes. */
        &:nocolor {
            & > .virtual-table--cursor, &:focus > .virtual-table--cursor {
                text-style: reverse bold;
            }
            & > .virtual-table--header {
                text-style: bold underline;
            }
        }
    }
    """

    class Highlighted(Message):
        """The cursor moved to another row (or the row under it changed after `set_rows`).

        `row_key` is None and `row_index` is -1 when the table has no rows.
        """

        def __init__(self, table: VirtualTable, row_key: str | None, row_index: int) -> None:
            super().__init__()
            self.table = table
            self.row_key = row_key
            self.row_index = row_index

        @property
        def control(self) -> VirtualTable:
            return self.table

    class Selected(Message):
        """The user chose a row: Enter, or a click on the cursor row."""

        def __init__(self, table: VirtualTable, row_key: str, row_index: int) -> None:
            super().__init__()
            self.table = table
            self.row_key = row_key
            self.row_index = row_index

        @property
        def control(self) -> VirtualTable:
            return self.table

    cursor_row: reactive[int] = reactive(0, repaint=False, init=False)
    """Index of the cursor row (0 when the table is empty). Setting it moves the cursor."""

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        empty_text: str = "",
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        disabled: bool = False,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        if not columns:
            raise ValueError("a VirtualTable needs at least one column")
        self._columns: tuple[Column, ...] = tuple(columns)
        self._rows: Sequence[Row] = []
        self._keys: Sequence[str] = []
        self._empty_text = empty_text
        # Rendered rows, keyed by everything that changes how a row looks; cleared by set_rows.
        self._row_cache: LRUCache[tuple, Strip] = LRUCache(512)
        self._widths_for: tuple[int, tuple[int, ...]] = (-1, ())
        self._styles: dict[tuple[str, tuple], RichStyle] = {}
        self.virtual_size = Size(self._natural_width(), 1)

    # ---- data -------------------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_key(self) -> str | None:
        """Key of the cursor row, or None when the table is empty."""
        return self.key_of(self.cursor_row)

    @property
    def empty_text(self) -> str:
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        self._empty_text = text
        self._row_cache.clear()
        self.refresh()

    def set_columns(self, columns: Sequence[Column]) -> None:
        """Replace the columns (the rows stay: their cells are matched to columns by position)."""
        columns = tuple(columns)
        if not columns:
            raise ValueError("a VirtualTable needs at least one column")
        if columns == self._columns:
            return
        self._columns = columns
        self._widths_for = (-1, ())
        self._row_cache.clear()
        self.virtual_size = Size(self._natural_width(), len(self._rows) + 1)
        self.refresh()

    def cells(self, row: int) -> Sequence[Cell]:
        """The cells of a row, as given (IndexError for a row the table does not have)."""
        return self._rows[row][1]

    def key_of(self, row: int) -> str | None:
        """Key of the row at `row`, or None if there is no such row."""
        if 0 <= row < len(self._keys):
            return self._keys[row]
        return None

    def row_of(self, key: str) -> int | None:
        """Index of the row with this key, or None (a linear scan: O(rows))."""
        try:
            return self._keys.index(key)
        except ValueError:
            return None

    def set_rows(self, rows: Sequence[Row], keep_cursor_on: str | None = None) -> None:
        """Replace all rows. Nothing is rendered here: a row is drawn when it comes on screen.

        Args:
            rows: (key, cells) pairs. A str cell is plain text (never markup); Text cells keep
                their styles. The sequence is copied (shallowly), cells are not; `LazyRows` are
                kept as they are.
            keep_cursor_on: Keep the cursor on the row with this key if present, else row 0.

        Posts `Highlighted` when the key under the cursor changes (including to None when the
        table becomes empty).
        """
        old_key = self.cursor_key
        old_index = self.cursor_row
        if isinstance(rows, LazyRows):
            self._rows, self._keys = rows, rows.keys
        else:
            self._rows = list(rows)
            self._keys = [key for key, _cells in self._rows]
        self._row_cache.clear()

        index: int | None = None
        if keep_cursor_on is not None:
            # The common case while typing: the row kept its place.
            index = old_index if self.key_of(old_index) == keep_cursor_on else self.row_of(keep_cursor_on)
        # Set without the watcher: scrolling and the message are handled below in one go.
        self.set_reactive(VirtualTable.cursor_row, index or 0)

        self.virtual_size = Size(self._natural_width(), len(self._rows) + 1)
        if self.is_mounted:
            self._scroll_update(self.virtual_size)
            if index is None:
                self.scroll_y = self.scroll_target_y = 0
            else:
                self.scroll_to_cursor()
        self.refresh()

        new_key = self.cursor_key
        if new_key != old_key:
            self._post_highlighted()

    # ---- cursor -------------------------------------------------------------------------------

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._rows) - 1))

    def watch_cursor_row(self, old_row: int, new_row: int) -> None:
        self._refresh_row(old_row)
        self._refresh_row(new_row)
        self.scroll_to_cursor()
        self._post_highlighted()

    def move_cursor(self, row: int) -> None:
        """Move the cursor to `row` (clamped) and scroll it into view.

        Posts `Highlighted` if the cursor row changed.
        """
        self.cursor_row = row
        self.scroll_to_cursor()

    def scroll_to_cursor(self) -> None:
        """Scroll the least distance that shows the cursor row below the header."""
        if not self.is_mounted or not self._rows:
            return
        width = self.scrollable_content_region.width
        self.scroll_to_region(
            Region(0, self.cursor_row + 1, max(width, 1), 1),
            spacing=Spacing(top=1),  # the header covers the first line of the window
            animate=False,
            force=True,
            x_axis=False,
            immediate=True,
        )

    @property
    def visible_row_count(self) -> int:
        """How many rows fit below the header."""
        return max(1, self.scrollable_content_region.height - 1)

    def _post_highlighted(self) -> None:
        key = self.cursor_key
        self.post_message(self.Highlighted(self, key, self.cursor_row if key is not None else -1))

    def _refresh_row(self, row: int) -> None:
        if self.is_mounted:
            self.refresh_line(row + 1)

    # ---- actions ------------------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def action_page_down(self) -> None:
        self._move_page(1)

    def _move_page(self, direction: int) -> None:
        # Scroll a screenful and keep the cursor at the same place on screen, as pagers do.
        page = self.visible_row_count
        self.scroll_y = self.scroll_target_y = self.scroll_offset.y + direction * page
        self.move_cursor(self.cursor_row + direction * page)

    def action_select(self) -> None:
        key = self.cursor_key
        if key is not None:
            self.post_message(self.Selected(self, key, self.cursor_row))

    # ---- events -------------------------------------------------------------------------------

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:  # padding, border or the header
            return
        row = self.scroll_offset.y + offset.y - 1
        if not 0 <= row < len(self._rows):
            return
        event.stop()
        if row == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(row)

    def _on_resize(self, _event: events.Resize) -> None:
        self._row_cache.clear()
        self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        self._row_cache.clear()
        self._styles.clear()
        super().notify_style_update()

    # ---- layout -------------------------------------------------------------------------------

    def _natural_width(self) -> int:
        def least(c: Column) -> int:
            if c.width is not None:
                return c.width
            return max(c.min_width, cell_len(c.label)) if not c.fits else max(c.min_width, 1)

        return sum(least(c) for c in self._columns) + self.COLUMN_GAP * (len(self._columns) - 1) + 2 * self.EDGE

    def column_widths(self, width: int) -> tuple[int, ...]:
        """Cell widths of the columns for a table `width` cells wide (edges included).

        Fixed columns get their width. Fitted columns (`fits`) get the widest width they ask
        for that leaves the shared columns their `min_width`: while the table is too narrow, the
        widest of them steps down to its next width, then they shrink towards their `min_width`.
        The shared columns share what is left, each at least its `min_width` (so a table too
        narrow for all that is cut at the right edge rather than squeezed to nothing).
        """
        cached_width, widths = self._widths_for
        if cached_width == width:
            return widths
        hidden = {n for n, c in enumerate(self._columns) if width < c.hide_below}
        columns = [c for n, c in enumerate(self._columns) if n not in hidden]
        free = width - 2 * self.EDGE - self.COLUMN_GAP * (len(columns) - 1) - sum(c.width or 0 for c in columns)
        shared = [c for c in columns if c.width is None and not c.fits]
        least = sum(max(c.min_width, 1) for c in shared)
        wanted = sum(max(c.wants, c.min_width, 1) for c in shared)
        fitted = {
            n: [max(w, c.min_width, 1) for w in c.fits] for n, c in enumerate(columns) if c.fits and c.width is None
        }
        chosen = {n: fits[0] for n, fits in fitted.items()}
        level = dict.fromkeys(fitted, 0)
        while sum(chosen.values()) + wanted > free:
            steppable = [n for n in fitted if level[n] + 1 < len(fitted[n])]
            if not steppable:
                break
            n = max(steppable, key=lambda n: (chosen[n], n))
            level[n] += 1
            chosen[n] = min(chosen[n], fitted[n][level[n]])
        while sum(chosen.values()) + least > free:
            shrinkable = [n for n in fitted if chosen[n] > max(columns[n].min_width, 1)]
            if not shrinkable:
                break
            n = max(shrinkable, key=lambda n: (chosen[n], n))
            chosen[n] -= 1
        left = free - sum(chosen.values())
        share, extra = divmod(max(left, 0), len(shared)) if shared else (0, 0)
        result: list[int] = []
        for n, column in enumerate(columns):
            if column.width is not None:
                result.append(max(1, column.width))
            elif n in chosen:
                result.append(chosen[n])
            else:
                result.append(max(column.min_width, 1, share + (1 if extra > 0 else 0)))
                extra -= 1
        for n in sorted(hidden):
            result.insert(n, 0)
        widths = tuple(result)
        self._widths_for = (width, widths)
        return widths

    # ---- rendering ----------------------------------------------------------------------------

    def _style(self, component: str = "") -> RichStyle:
        """The Rich style of the widget, or of one of its component classes, in its current state."""
        cache_key = (component, self._pseudo_classes_cache_key)
        style = self._styles.get(cache_key)
        if style is None:
            if not component:
                style = self.get_visual_style().rich_style
            else:
                # get_visual_style blends translucent colours but (in Textual 8.2) drops `reverse`,
                # which the NO_COLOR cursor relies on: take that from the component's text-style.
                style = self.get_visual_style(component).rich_style
                if self.get_component_styles(component).text_style.reverse:
                    style += RichStyle(reverse=True)
            self._styles[cache_key] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self._style()
        if y == 0:
            return self._render_header(width)
        row = self.scroll_offset.y + y - 1
        if not self._rows:
            if y == 1 and self._empty_text:
                return self._render_empty(width)
            return Strip.blank(width, base)
        if not 0 <= row < len(self._rows):
            return Strip.blank(width, base)
        cursor = row == self.cursor_row
        style = self._style("virtual-table--cursor") if cursor else base
        cache_key = (row, width, style)
        strip = self._row_cache.get(cache_key)
        if strip is None:
            strip = self._render_row(self._rows[row][1], width, style)
            self._row_cache[cache_key] = strip
        return strip

    def _render_header(self, width: int) -> Strip:
        style = self._style("virtual-table--header")
        cache_key = ("header", width, style)
        strip = self._row_cache.get(cache_key)
        if strip is None:
            strip = self._render_row([Text(column.label) for column in self._columns], width, style)
            self._row_cache[cache_key] = strip
        return strip

    def _render_empty(self, width: int) -> Strip:
        style = self._style("virtual-table--empty")
        edge = Segment(" " * self.EDGE, style)
        segments = [edge, *self._render_cell(Text(self._empty_text), max(1, width - 2 * self.EDGE), "left", style)]
        return Strip(segments).adjust_cell_length(width, style)

    def _render_row(self, cells: Sequence[Cell], width: int, style: RichStyle) -> Strip:
        gap = Segment(" " * self.COLUMN_GAP, style)
        segments: list[Segment] = [Segment(" " * self.EDGE, style)]
        first = True
        for index, (column, cell_width) in enumerate(zip(self._columns, self.column_widths(width), strict=True)):
            if not cell_width:
                continue  # a column left out at this width
            if not first:
                segments.append(gap)
            first = False
            cell = cells[index] if index < len(cells) else ""
            segments.extend(self._render_cell(cell, cell_width, column.justify, style))
        return Strip(segments).adjust_cell_length(width, style)

    def _render_cell(self, cell: Cell, width: int, justify: str, style: RichStyle) -> list[Segment]:
        """One cell, exactly `width` cells wide: cut with "…" if too long, padded if short."""
        if isinstance(cell, Choice):
            fitting = [c for c in cell if cell_len(c.plain if isinstance(c, Text) else str(c)) <= width]
            cell = fitting[0] if fitting else (cell[-1] if cell else "")
        # A copy, as truncate() works in place and the caller's Text must stay whole; a str is
        # plain text, never parsed as markup.
        text = cell.copy() if isinstance(cell, Text) else Text(str(cell))
        if _UNSAFE_CHARS.search(text.plain):
            text.plain = _UNSAFE_CHARS.sub(" ", text.plain)
        text.truncate(width, overflow="ellipsis")
        console = self.app.console
        # The cell's own style and spans go over the row style, so highlights stay visible on the cursor.
        if text.style:
            style = style + console.get_style(text.style, default=RichStyle.null())
            text.style = ""
        segments = list(Segment.apply_style(text.render(console), style))
        padding = width - cell_len(text.plain)
        if padding > 0:
            before = padding if justify == "right" else padding // 2 if justify == "center" else 0
            if before:
                segments.insert(0, Segment(" " * before, style))
            if padding - before:
                segments.append(Segment(" " * (padding - before), style))
        return segments
