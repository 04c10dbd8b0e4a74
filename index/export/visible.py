"""Characters a terminal or a spreadsheet would obey, made visible in text meant for people.

Article text is cleaned at ingest, but file names may hold any bytes: CSV and Markdown show
control characters, bidirectional overrides and bytes that are not UTF-8 as escapes such as
`\\x1b` (as `ingest.filenames.shown` does), and keep newlines and tabs, which they can hold.
"""

from __future__ import annotations

import re

from talks_tui.index.ingest.filenames import shown

_UNSAFE_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\udc80-\udcff\U0010ff80-\U0010ffff]"
)


def visible(text: str) -> str:
    """The text with every unsafe character but newline, tab and carriage return as an escape."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_RE.sub(lambda m: shown(m.group()), text)
