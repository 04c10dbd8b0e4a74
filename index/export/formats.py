"""A view written out: JSON, CSV or Markdown, to standard output or to a file.

The format comes from `--format`, else from the file's extension. A file is written whole or not
at all (a temporary file beside it, then renamed), so an interrupted export never leaves half a
spreadsheet under the name asked for.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the command line reads FORMATS before it knows it will export anything
    from datetime import datetime

    from talks_tui.index.export.views import View

FORMATS = ("json", "csv", "markdown")
QDPX = "qdpx"  # a REFI-QDA project of quotations (see qdpx): `quotes` only, and only to a file
EXTENSIONS = {".json": "json", ".csv": "csv", ".md": "markdown", ".markdown": "markdown", ".qdpx": QDPX}
SUFFIXES = {"json": ".json", "csv": ".csv", "markdown": ".md"}

# JSON escapes C0 controls itself; C1 controls (which some terminals obey) and bidirectional
# overrides are escaped too, so that piping JSON to a terminal is harmless.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def format_of(path: Path | str) -> str | None:
    """The format a file name asks for by its extension, or None."""
    return EXTENSIONS.get(Path(path).suffix.lower())


def json_text(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


def render(view: View, fmt: str) -> str:
    if fmt == "json":
        return json_text(view.data)
    if fmt == "csv":
        from talks_tui.index.export.csvfile import to_csv

        return to_csv(view.rows)
    if fmt == "markdown":
        return view.markdown
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def encoded(text: str) -> bytes:
    """UTF-8; a file name that is not UTF-8 keeps its lone surrogates in JSON, written as JSON's
    `\\udcXX` escapes, which give the same name back to a program that reads them."""
    return text.encode("utf-8", "backslashreplace")


def write_file(path: Path, view: View, fmt: str) -> Path:
    """Write the view to `path` (replacing it) in one step; OSError if it cannot be written."""
    return write_bytes(path, encoded(render(view, fmt)))


def write_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` whole or not at all: a temporary file beside it, then renamed."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.part")
    # os.open with 0o666 leaves the permissions to the umask, as any new file's.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path


def new_file_name(view: View, fmt: str, folder: Path, now: datetime | None = None) -> Path:
    """A name in `folder` that no file has yet: talks-tui-quotes-20251026-1412.csv (then -2, -3…)."""
    from datetime import datetime

    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    stem = f"talks-tui-{view.name}-{stamp}"
    suffix = SUFFIXES[fmt]
    candidate = folder / f"{stem}{suffix}"
    n = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{n}{suffix}"
        n += 1
    return candidate
