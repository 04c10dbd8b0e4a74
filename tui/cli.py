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

from talks_tui.index.export.formats import EXTENSIONS, FORMATS, QDPX, format_of
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


def _add_output_options(parser: argparse.ArgumentParser, *extra: str) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON for programs (the same as --format json)")
    more = f", {QDPX} a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA (with -o)" if QDPX in extra else ""
    parser.add_argument(
        "--format",
        choices=(*FORMATS, *extra),
        help=f"json for programs, csv for a spreadsheet, markdown for a document{more} (default: a table for "
        "people, or what the extension of -o says)",
    )
    parser.set_defaults(formats=(*FORMATS, *extra))
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="write to FILE instead of the terminal; its extension gives the format (.json, .csv, .md"
        + (", .qdpx)" if QDPX in extra else ")"),
    )


def count(text: str) -> int:
    """A --limit: a whole number, 0 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"talks-tui {version('talks-tui')}"
    except PackageNotFoundError:  # run from a checkout that is not installed
        return "talks-tui (not installed)"


def _examples(*lines: str) -> str:
    return "examples:\n" + "\n".join(f"  {line}" for line in lines)


CORPUS_EXAMPLE = "--corpus ~/stories/strike"
SEARCH_SYNTAX = """\
query syntax:
  words                    all of them (AND is the default); stemmed: tariff finds tariffs
  "a phrase"               the words in this order
  OR, NOT, ( )             soybeans OR fentanyl, tariffs NOT truce
  tarif*                   words beginning so (from three letters)
  title:truce              a word in the title
  outlet:scmp              an outlet, by name, alias or domain (outlet:"global times")
  author:jennings          an author
  date:2025-10-26          a day; date:[2025-10-25 to 2025-10-27], date:>2025-10-26
  speaker:bessent          articles quoting someone (any part of the name)
  role:spokesperson        articles quoting someone in a role
  quote:tough              words inside quotation marks

"""


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="talks-tui",
        description="Explore how news outlets covered one story.",
        epilog="Run `talks-tui [PATH…]` with no subcommand to open the app.\n\n"
        + _examples("talks-tui quotes --speaker bessent", "talks-tui compare cna scmp --format markdown -o report.md"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help: str, description: str | None = None, epilog: str = "") -> argparse.ArgumentParser:
        return commands.add_parser(
            name,
            help=help,
            description=description or help[0].upper() + help[1:] + ".",
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )

    articles = command(
        "articles",
        "list the articles of the corpus",
        epilog=_examples(
            "talks-tui articles",
            f"talks-tui articles {CORPUS_EXAMPLE} --format csv -o articles.csv",
            "talks-tui articles --json --full     # with the paragraphs",
        ),
    )
    _add_corpus_options(articles)
    _add_output_options(articles)
    articles.add_argument("--full", action="store_true", help="include the paragraphs (with --json, --format)")

    search = command(
        "search",
        "full-text search with highlighted snippets",
        description="Search titles and bodies; hits best first, with snippets and counts per outlet.",
        epilog=SEARCH_SYNTAX
        + _examples(
            "talks-tui search 'rare earths'",
            "talks-tui search 'speaker:bessent tariffs' --limit 5",
            "talks-tui search 'outlet:scmp \"trade talks\"' --format markdown -o hits.md",
        ),
    )
    search.add_argument("query", help="the query, in quotes (see the syntax below)")
    _add_corpus_options(search)
    _add_output_options(search)
    search.add_argument("--limit", type=count, default=20, metavar="N", help="at most N hits (default 20)")

    quotes = command(
        "quotes",
        "direct quotations with their speakers, grouped by speaker",
        description="Quotations in article order, each with its speaker, role, outlet, article and a ready "
        "citation. Filters combine: --speaker bessent --outlet scmp.",
        epilog=_examples(
            "talks-tui quotes --speaker bessent",
            "talks-tui quotes --outlet 'global times' --grep consensus",
            "talks-tui quotes --format csv -o quotes.csv      # for a spreadsheet, with citations",
            "talks-tui quotes --json | jq -r '.[].citation'",
            "talks-tui quotes -o quotes.qdpx     # a project for NVivo, ATLAS.ti, MAXQDA: a code per speaker",
        ),
    )
    _add_corpus_options(quotes)
    quotes.add_argument("--speaker", metavar="NAME", help="only quotations by this speaker (any part of the name)")
    quotes.add_argument("--outlet", metavar="NAME", help="only quotations in this outlet (name or alias)")
    quotes.add_argument("--grep", metavar="TEXT", help="only quotations containing this text")
    _add_output_options(quotes, QDPX)

    speakers = command(
        "speakers",
        "everyone quoted: roles, outlets, counts",
        epilog=_examples("talks-tui speakers", "talks-tui speakers --format csv -o speakers.csv"),
    )
    _add_corpus_options(speakers)
    _add_output_options(speakers)

    compare = command(
        "compare",
        "two articles (or outlets) sentence by sentence",
        description="Line up the sentences of two articles: same wording, same fact in other words, "
        "only on one side; shared wording, differing figures and quotations in common. "
        "A and B are article ids, file names, outlets (all of an outlet's articles as one) or part of a title.",
        epilog=_examples(
            "talks-tui compare 'Global Times' CNA",
            "talks-tui compare cna scmp --format markdown -o cna-scmp.md    # a report for an editor",
            "talks-tui compare 004_700e003a7b071ea3 scmp --format csv -o pairs.csv",
        ),
    )
    compare.add_argument("left", metavar="A", help="the left article: id, file name, outlet or part of a title")
    compare.add_argument("right", metavar="B", help="the right article")
    _add_corpus_options(compare)
    _add_output_options(compare)

    coverage = command(
        "coverage",
        "which outlet mentions which of the story's topics",
        epilog=_examples("talks-tui coverage --limit 10", "talks-tui coverage --format csv -o coverage.csv"),
    )
    _add_corpus_options(coverage)
    coverage.add_argument("--limit", type=count, default=24, metavar="N", help="at most N topics (default 24)")
    _add_output_options(coverage)

    build = command(
        "index",
        "build or refresh the index, showing progress",
        epilog=_examples(f"talks-tui index {CORPUS_EXAMPLE}", "talks-tui index --rebuild --json"),
    )
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
        epilog=_examples(
            "talks-tui                      # the bundled corpus",
            "talks-tui ~/stories/strike     # your own folder of articles",
            "talks-tui quotes --help",
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders of articles")
    _add_corpus_options(parser)
    return parser


def output_format(args: argparse.Namespace) -> str | None:
    """The format asked for (None: a table for people), from --json, --format or -o's extension;
    ValueError, with the message, when they disagree or say nothing."""
    fmt = getattr(args, "format", None)
    if getattr(args, "json", False):
        if fmt not in (None, "json"):
            raise ValueError(f"--json and --format {fmt} ask for two formats; give one")
        fmt = "json"
    output = getattr(args, "output", None)
    if output is not None and fmt is None and str(output) != "-":
        fmt = format_of(output)
        if fmt is None:
            known = ", ".join(EXTENSIONS)
            raise ValueError(f"cannot tell the format of {output} from its extension ({known}); give --format")
    if output is not None and fmt is None:
        raise ValueError("-o - writes to standard output; give --format")
    allowed = getattr(args, "formats", FORMATS)
    if fmt is not None and fmt not in allowed:
        raise ValueError(f"{args.command} writes {', '.join(allowed)}, not {fmt}")
    if fmt == QDPX and (output is None or str(output) == "-"):
        raise ValueError("a .qdpx project is a zip file: give -o FILE.qdpx")
    return fmt


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
        try:
            args.format = output_format(args)
        except ValueError as exc:
            say(f"talks-tui {args.command}: error: {exc}")
            return EXIT_USAGE
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
