"""What every subcommand prints with: exit codes, the two consoles, one-line messages, JSON.

Human messages (warnings, progress, notices) go to stderr so that stdout stays clean for pipes.
"""

from __future__ import annotations

import json
import os
import re
import sys
from typing import Any

from rich.console import Console

from talks_tui.index.ingest.filenames import real, shown
from talks_tui.index.ingest.outlets import registered_domain
from talks_tui.index.model import Article

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# Piped output has no terminal width to follow: unless COLUMNS says otherwise, give tables room
# rather than Rich's 80 columns.
stdout = Console(highlight=False, width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160)
stderr = Console(stderr=True, highlight=False)


def say(message: str) -> None:
    """One line for people on stderr, never wrapped, never styled; file names in it may hold
    any bytes, so control characters and escape codes are shown as escapes, never sent."""
    _write(sys.stderr, shown(message.replace("\n", " ")) + "\n")


def _write(stream, text: str) -> None:
    try:
        stream.write(text)
    except UnicodeEncodeError:  # a terminal that cannot show some character: escape it instead
        stream.write(text.encode(stream.encoding or "ascii", "backslashreplace").decode(stream.encoding or "ascii"))


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def fail(message: str, code: int = EXIT_USAGE) -> int:
    say(f"talks-tui: error: {message}")
    return code


# JSON escapes C0 controls itself; C1 controls (which some terminals obey) and bidirectional
# overrides are escaped too, so that piping JSON to a terminal is harmless.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def print_json(data: Any) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    text = _JSON_UNSAFE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    # A file name that is not UTF-8 holds lone surrogates: written as JSON's \udcXX escapes,
    # which give the same name back to a program that reads them.
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text.encode("utf-8", "backslashreplace").decode("utf-8") + "\n")
    else:
        sys.stdout.flush()
        stream.write(text.encode("utf-8", "backslashreplace") + b"\n")
        stream.flush()


def article_json(article: Article, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": real(article.file),
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "authors": list(article.authors),
        "word_count": article.word_count,
        "path": real(article.path),
        "url": article.url,
        "outlet_kind": article.outlet_kind,
        "outlet_country": article.outlet_country,
        "outlet_source": article.outlet_source,
        "wire": article.wire,
        "site": registered_domain(article.url) if article.url else None,
    }
    if full:
        data["paragraphs"] = list(article.paragraphs)
    return data
