"""Command line: `talks-tui [PATH…]` starts the app; subcommands print tables or JSON.

Subcommands import neither Textual nor the app, and the app imports Whoosh only off its first
frame, so every entry point starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from talks_tui.index.ingest.filenames import shown

SUBCOMMANDS = ("articles", "search", "quotes", "speakers", "compare", "coverage", "index")
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # what a shell reports for a command ended by SIGINT


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus",
        action="append",
        type=Path,
        metavar="PATH",
        help="a folder or file of articles (repeatable; default: the bundled corpus)",
    )
    parser.add_argument("--index-dir", type=Path, metavar="DIR", help="where to keep the index (default: user cache)")
    parser.add_argument("--outlets", type=Path, metavar="FILE", help="a TOML file of extra known outlets")


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="talks-tui",
        description="Explore how news outlets covered one story.",
        epilog="Run `talks-tui [PATH…]` with no subcommand to open the app.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    articles = commands.add_parser("articles", help="list the articles of the corpus")
    _add_corpus_options(articles)
    articles.add_argument("--json", action="store_true", help="print JSON for programs")
    articles.add_argument("--full", action="store_true", help="include the paragraphs (with --json)")

    search = commands.add_parser(
        "search",
        help="full-text search with highlighted snippets",
        description="Search titles and bodies. Fields: title: outlet: author: "
        'date:[2025-10-25 to 2025-10-27]; "phrases", AND, OR, NOT, wildcards (tariff*).',
    )
    search.add_argument("query", help="the query, in quotes")
    _add_corpus_options(search)
    search.add_argument("--json", action="store_true", help="print JSON for programs")
    search.add_argument("--limit", type=int, default=20, metavar="N", help="at most N hits (default 20)")

    quotes = commands.add_parser(
        "quotes",
        help="direct quotations with their speakers, grouped by speaker",
        description="Quotations in article order. Filters combine: --speaker bessent --outlet scmp.",
    )
    _add_corpus_options(quotes)
    quotes.add_argument("--speaker", metavar="NAME", help="only quotations by this speaker (any part of the name)")
    quotes.add_argument("--outlet", metavar="NAME", help="only quotations in this outlet (name or alias)")
    quotes.add_argument("--grep", metavar="TEXT", help="only quotations containing this text")
    quotes.add_argument("--json", action="store_true", help="print JSON for programs")

    speakers = commands.add_parser("speakers", help="everyone quoted: roles, outlets, counts")
    _add_corpus_options(speakers)
    speakers.add_argument("--json", action="store_true", help="print JSON for programs")

    compare = commands.add_parser(
        "compare",
        help="two articles (or outlets) sentence by sentence",
        description="Line up the sentences of two articles: same wording, same fact in other words, "
        "only on one side; shared wording, differing figures and quotations in common. "
        "A and B are article ids, file names, outlets (all of an outlet's articles as one) or part of a title.",
    )
    compare.add_argument("left", metavar="A", help="the left article: id, file name, outlet or part of a title")
    compare.add_argument("right", metavar="B", help="the right article")
    _add_corpus_options(compare)
    compare.add_argument("--json", action="store_true", help="print JSON for programs")

    coverage = commands.add_parser("coverage", help="which outlet mentions which of the story's topics")
    _add_corpus_options(coverage)
    coverage.add_argument("--limit", type=int, default=24, metavar="N", help="at most N topics (default 24)")
    coverage.add_argument("--json", action="store_true", help="print JSON for programs")

    build = commands.add_parser("index", help="build or refresh the index, showing progress")
    _add_corpus_options(build)
    build.add_argument("--json", action="store_true", help="print JSON for programs")
    build.add_argument("--rebuild", action="store_true", help="rebuild from scratch")
    return parser


def _app_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="talks-tui",
        usage="talks-tui [PATH ...] [options]\n       talks-tui {" + ",".join(SUBCOMMANDS) + "} ...",
        description="Open the app on the bundled corpus, or on the given files and folders of articles. "
        "Subcommands: articles, search QUERY, quotes, speakers, compare A B, coverage, index "
        "(see `talks-tui COMMAND --help`).",
    )
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders of articles")
    _add_corpus_options(parser)
    return parser


def say(message: str) -> None:
    """One line on stderr, file names escaped (tui.output has the same, but imports Rich)."""
    sys.stderr.write(shown(message) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:  # Ctrl-C at any point: one line, no traceback
        sys.stderr.write("talks-tui: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `talks-tui articles | head`: the reader has gone, nothing to say
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 (so the interpreter's final flush is quiet)
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in SUBCOMMANDS:
        args = _subcommand_parser().parse_args(argv)
        from talks_tui.tui import commands

        return commands.run(args)
    args = _app_parser().parse_args(argv)
    paths = [*args.paths, *(args.corpus or [])]
    missing = [p for p in paths if not p.exists()]
    if missing:
        say(f"talks-tui: error: no such file or folder: {missing[0]}")
        return EXIT_USAGE
    from talks_tui.index.ingest.formats import kind_of, unknown_format

    unknown = [p for p in paths if p.is_file() and kind_of(p.name) is None]
    if unknown:  # refused, not read as text
        say(f"talks-tui: error: {unknown[0]}: {unknown_format(unknown[0].name, listing=True)}")
        return EXIT_USAGE
    from talks_tui.index.config import read_settings
    from talks_tui.tui.app import TalksApp

    app = TalksApp(paths=paths or None, index_dir=args.index_dir, outlets_file=args.outlets, settings=read_settings())
    app.run()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
