"""Markdown for people: text escaped so that it reads as written, and GitHub tables.

Article text is untrusted here too: `*`, `_`, `[`, `<`, `|` and the like would become emphasis,
links, HTML or new table cells, and a line starting with `#`, `-` or `1.` a heading or a list.
Each is escaped with a backslash (CommonMark's escape for any ASCII punctuation); a newline
becomes `<br>`, so one item stays on one line and one cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from talks_tui.index.export.visible import visible

# An underscore inside a word (file_name) is no emphasis in CommonMark: left as it is.
_INLINE_RE = re.compile(r"[\\`*\[\]<>|~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?\w+;)")
_LINE_START_RE = re.compile(r"^(\s*)(?:([#+\-=])|(\d+)([.)]))", re.MULTILINE)
_URL_RE = re.compile(r"https?://[^\s<>\"]+", re.IGNORECASE)
_URL_UNSAFE = {"(": "%28", ")": "%29", "|": "%7C"}  # a link target in a table cell


def text(value: str | None) -> str:
    """Plain text as Markdown inline text that shows exactly that text."""
    if not value:
        return ""
    escaped = _INLINE_RE.sub(lambda m: "\\" + m.group(), visible(value))
    escaped = _LINE_START_RE.sub(_line_start, escaped)
    return escaped.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>")


def _line_start(m: re.Match[str]) -> str:
    """A heading, list or rule marker at a line's start, escaped: `\\#`, `\\-`, and `1\\.` (a
    backslash before a digit is no escape, so the full stop after it takes it)."""
    space, marker, number, stop = m.groups()
    return f"{space}\\{marker}" if marker else f"{space}{number}\\{stop}"


def marked(value: str, spans: Iterable[tuple[int, int]], mark: str = "**") -> str:
    """Text with the character spans in bold (or another mark), the rest escaped."""
    out: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start < at or end <= start:
            continue
        out.append(text(value[at:start]))
        inner = value[start:end]
        stripped = inner.strip()  # emphasis must not open or close on a space
        if stripped:
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()) :]
            out.append(f"{text(lead)}{mark}{text(stripped)}{mark}{text(trail)}")
        else:
            out.append(text(inner))
        at = end
    out.append(text(value[at:]))
    return "".join(out)


def link(label: str | None, url: str | None) -> str:
    """The label linked to an http(s) URL, or the label alone."""
    shown = text(label) or text(url)
    if not url or not _URL_RE.fullmatch(url.strip()):
        return shown
    target = "".join(_URL_UNSAFE.get(c, c) for c in url.strip())
    return f"[{shown}]({target})"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub table of cells already written as Markdown (see `text`); headers are plain text."""
    lines = ["| " + " | ".join(text(h) for h in headers) + " |", "|" + "---|" * len(headers)]
    for row in rows:
        lines.append("| " + " | ".join(c or " " for c in row) + " |")
    return "\n".join(lines) + "\n"


def heading(level: int, title: str) -> str:
    return f"{'#' * level} {text(title)}\n"
