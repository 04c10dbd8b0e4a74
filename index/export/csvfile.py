"""Rows for a spreadsheet: flat records written as CSV per RFC 4180 (the csv module: a header
row, CRLF line ends, fields with commas, quote marks or newlines in double quotes).

A text cell that a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab
or a carriage return) gets a leading apostrophe, as OWASP advises; a text that starts with an
apostrophe before such a character gets one more, so `unescape_formula` gives every text back.
Numbers are written as numbers and never escaped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from talks_tui.index.export.visible import visible

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = "; "  # authors, roles, outlets, ids: one cell
# Lists of longer texts, one cell each, their items on lines of their own.
TEXT_LIST_SEPARATORS = {"paragraphs": "\n\n", "snippets": "\n"}


def _is_formula(text: str) -> bool:
    return text.startswith(FORMULA_STARTS) or (text.startswith("'") and _is_formula(text[1:]))


def escape_formula(text: str) -> str:
    return "'" + text if _is_formula(text) else text


def unescape_formula(text: str) -> str:
    """What `escape_formula` was given (for programs reading the CSV back)."""
    return text[1:] if text.startswith("'") and _is_formula(text[1:]) else text


def cell(value: Any, key: str = "") -> str | int | float:
    """One JSON value as a cell: null empty, booleans true/false, lists joined (texts with their
    `text`), numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        items = [item.get("text", "") if isinstance(item, Mapping) else cell(item) for item in value]
        return TEXT_LIST_SEPARATORS.get(key, LIST_SEPARATOR).join(str(i) for i in items)
    return str(value)


def flat_row(record: Mapping[str, Any], prefix: str = "") -> dict[str, str | int | float]:
    """A JSON record as one row: an object inside becomes columns `key.inner` (a coverage
    topic's `counts.CNA`), a list one cell."""
    row: dict[str, str | int | float] = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            row.update(flat_row(value, f"{name}."))
        else:
            row[name] = cell(value, key)
    return row


def to_csv(rows: Sequence[Mapping[str, Any]], columns: Iterable[str] | None = None) -> str:
    """The rows as CSV text, header first; columns in the order they first appear."""
    header = list(columns) if columns is not None else list(dict.fromkeys(k for row in rows for k in row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([escape_formula(visible(h)) for h in header])
    for row in rows:
        writer.writerow([_written(row.get(name, "")) for name in header])
    return out.getvalue()


def _written(value: Any) -> str | int | float:
    if isinstance(value, str):
        return escape_formula(visible(value))
    return value
