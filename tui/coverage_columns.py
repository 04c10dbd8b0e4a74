"""How wide the Coverage table's columns are, from the screen's width and what they hold.

The topic column is as wide as its labels (up to a third of the screen). Each outlet's column is
as wide as its name on one line when all fit; else the outlets that have a short name go by it
("SCMP", `outlet_names.short_name`); else the header takes two lines and each name is wrapped
between its words ("Global" over "Times"); where even that does not fit, the columns share the
room and a name cut short ends with "…". A column is never narrower than its counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.cells import cell_len
from rich.text import Text

CELL_PADDING = 1  # the DataTable's, on each side of a cell
SCROLLBAR = 2  # room kept for the vertical scrollbar
MIN_TOPIC = 12


@dataclass(frozen=True)
class Layout:
    topic: int  # the topic column's width
    names: tuple[str, ...]  # each outlet as its header says it: its name or its short name
    outlets: tuple[int, ...]  # each outlet column's width
    header_height: int  # 1, or 2 when names are wrapped


def _two_line_width(name: str) -> int:
    """The narrowest width that holds the name on two lines, broken between words."""
    words = name.split()
    if len(words) < 2:
        return cell_len(name)
    return min(max(cell_len(" ".join(words[:n])), cell_len(" ".join(words[n:]))) for n in range(1, len(words)))


def column_layout(
    labels: Sequence[str], outlets: Sequence[str], counts: int, width: int, short: Mapping[str, str] | None = None
) -> Layout:
    """The columns of a table `width` cells wide, of topics `labels` by `outlets` (`short`: the
    outlets' short names, where they have one), whose counts take up to `counts` cells."""
    pad = 2 * CELL_PADDING
    longest = max((cell_len(label) for label in labels), default=MIN_TOPIC)
    topic = max(MIN_TOPIC, min(longest, width // 3))
    room = width - topic - pad - SCROLLBAR - pad * len(outlets)
    full = tuple(outlets)
    brief = tuple((short or {}).get(name, name) for name in outlets)
    for names in (full, brief):
        one_line = tuple(max(counts, cell_len(name)) for name in names)
        if sum(one_line) <= room:
            return Layout(topic, names, one_line, 1)
    two_lines = [max(counts, _two_line_width(name)) for name in brief]
    if sum(two_lines) <= room:
        return Layout(topic, brief, tuple(two_lines), 2)
    share = max(counts, room // max(1, len(outlets)))
    return Layout(topic, brief, tuple(min(w, share) for w in two_lines), 2)


def header(name: str, width: int, lines: int) -> Text:
    """The name as a column header of `lines` lines of `width` cells, wrapped between words; a
    name that does not fit ends with "…"."""
    if lines == 1 or cell_len(name) <= width:
        return Text(name, no_wrap=True, overflow="ellipsis")
    wrapped: list[str] = []
    for word in name.split():
        if wrapped and cell_len(f"{wrapped[-1]} {word}") <= width:
            wrapped[-1] += f" {word}"
        else:
            wrapped.append(word)
    shown = wrapped[: lines - 1] + [" ".join(wrapped[lines - 1 :])]  # the rest on the last line
    return Text("\n".join(_cut(line, width) for line in shown), no_wrap=True, overflow="ellipsis")


def _cut(line: str, width: int) -> str:
    """The line, ending with "…" where it is wider than `width`."""
    if cell_len(line) <= width:
        return line
    text = Text(line)
    text.truncate(width, overflow="ellipsis")
    return text.plain
