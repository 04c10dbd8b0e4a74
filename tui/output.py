"""What every subcommand prints with: exit codes, the two consoles, one-line messages, JSON.

Human messages (warnings, progress, notices) go to stderr so that stdout stays clean for pipes.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from rich.console import Console

from talks_tui.index.model import Article

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

# Piped output has no terminal width to follow: unless COLUMNS says otherwise, give tables room
# rather than Rich's 80 columns.
stdout = Console(highlight=False, width=None if sys.stdout.isatty() or "COLUMNS" in os.environ else 160)
stderr = Console(stderr=True, highlight=False)


def say(message: str) -> None:
    """One line for people on stderr, never wrapped, never styled."""
    sys.stderr.write(message.replace("\n", " ") + "\n")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def fail(message: str, code: int = EXIT_USAGE) -> int:
    say(f"talks-tui: error: {message}")
    return code


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def article_json(article: Article, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": article.file,
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "authors": list(article.authors),
        "word_count": article.word_count,
        "path": article.path,
        "url": article.url,
        "outlet_kind": article.outlet_kind,
        "outlet_country": article.outlet_country,
    }
    if full:
        data["paragraphs"] = list(article.paragraphs)
    return data
