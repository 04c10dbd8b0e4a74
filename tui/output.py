"""What every subcommand prints with: exit codes, the two consoles, one-line messages, and the
exported formats (JSON, CSV, Markdown) on stdout or in a file.

Human messages (warnings, progress, notices) go to stderr so that stdout stays clean for pipes.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.console import Console

from talks_tui.index.export.formats import encoded, json_text, render, write_file
from talks_tui.index.ingest.filenames import shown

if TYPE_CHECKING:
    from talks_tui.index.export.views import View

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


def print_json(data: Any) -> None:
    _write_bytes(encoded(json_text(data)))


def _write_bytes(data: bytes) -> None:
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    stream.write(data)
    stream.flush()


def emit(view: View, args: argparse.Namespace) -> int:
    """The view in the format asked for, on stdout or into `-o FILE` (with a line saying so)."""
    output = getattr(args, "output", None)
    if output is None or str(output) == "-":
        _write_bytes(encoded(render(view, args.format)))
        return EXIT_OK
    try:
        write_file(output, view, args.format)
    except OSError as exc:
        return fail(f"cannot write {output}: {exc.strerror or exc}", EXIT_ERROR)
    say(f"talks-tui: wrote {view.summary} to {output}")
    return EXIT_OK


def no_such(kind: str, typed: str, known: Iterable[str], listing: str, shown_at_most: int = 8) -> str:
    """The message for a name nobody in the corpus has: "no outlet named 'x' (known: CNA, …)".
    Names like what was typed come first, then the others in the order given (most quoted first,
    say), at most a few, and the command that lists them all."""
    names = list(dict.fromkeys(known))
    if len(names) > shown_at_most:
        from rapidfuzz import fuzz, process

        close = process.extract(typed, names, scorer=fuzz.WRatio, processor=str.casefold, score_cutoff=60)
        names = list(dict.fromkeys([name for name, _, _ in close] + names))
        more = f", … {len(names) - shown_at_most} more: see `talks-tui {listing}`"
        names = names[:shown_at_most]
    else:
        more = ""
    return f"no {kind} named {typed!r} (known: {', '.join(names) or 'none'}{more})"
