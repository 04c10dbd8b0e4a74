"""The formats talks-tui reads, by file name suffix: what a folder's walk keeps, and which reader
each file goes to. A suffix not listed here is an unknown format, reported and never guessed at.
"""

from __future__ import annotations

import os

TEXT, MARKDOWN, HTML, JSON_LINES, JSON, CSV, XML, DOCX, RTF, MHTML = (
    "text",
    "markdown",
    "html",
    "json-lines",
    "json",
    "csv",
    "xml",
    "docx",
    "rtf",
    "mhtml",
)

BY_SUFFIX: dict[str, str] = {
    ".txt": TEXT,
    ".text": TEXT,
    ".md": MARKDOWN,
    ".markdown": MARKDOWN,
    ".html": HTML,
    ".htm": HTML,
    ".xhtml": HTML,
    ".jsonl": JSON_LINES,
    ".ndjson": JSON_LINES,
    ".json": JSON,
    ".csv": CSV,
    ".xml": XML,
    ".docx": DOCX,
    ".rtf": RTF,
    ".mhtml": MHTML,
    ".mht": MHTML,
}
SUPPORTED_SUFFIXES: frozenset[str] = frozenset(BY_SUFFIX)


def suffix_of(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def kind_of(name: str) -> str | None:
    """The format a file name says, or None for one talks-tui does not read."""
    return BY_SUFFIX.get(suffix_of(name))


def unknown_format(name: str, *, listing: bool = False) -> str:
    """Why a file is not read, for the user (`listing`: with the suffixes that are read)."""
    suffix = suffix_of(name)
    what = f"{suffix} files" if suffix else "files without a suffix"
    known = f" (it reads {', '.join(sorted(SUPPORTED_SUFFIXES))})" if listing else ""
    return f"unknown format: talks-tui does not read {what}{known}"
