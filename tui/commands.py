"""The subcommands: open the corpus, then print a table for people or JSON for programs.

Human messages (warnings, progress, notices) go to stderr so that stdout stays clean for pipes.
Article text is untrusted: it only ever reaches the terminal inside `rich.text.Text` objects.
"""

from __future__ import annotations

import argparse
from contextlib import contextmanager
from dataclasses import asdict

from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from talks_tui.index.corpus import Corpus, IndexBusy, open_corpus
from talks_tui.index.export import views
from talks_tui.index.export.formats import QDPX, write_bytes
from talks_tui.index.ingest.filenames import shown
from talks_tui.index.model import QueryError, SearchResult, outlet_counts_text
from talks_tui.index.quotes.listing import QuoteRow, outlet_matches, speaker_matches
from talks_tui.tui.article_titles import title_text
from talks_tui.tui.outlet_names import outlet_plain, outlet_text, per_outlet_named
from talks_tui.tui.output import (
    EXIT_ERROR,
    EXIT_OK,
    emit,
    fail,
    no_such,
    plural,
    print_json,
    say,
    stderr,
    stdout,
)

HIGHLIGHT = "bold reverse"


@contextmanager
def _progress_bar(enabled: bool):
    """A progress bar on stderr while files are read, only on a terminal and only if there is work."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
    )
    task = None

    def update(done: int, total: int, step: str) -> None:
        nonlocal task
        if total == 0:
            return
        if task is None:
            bar.start()
            task = bar.add_task(step, total=total)
        bar.update(task, completed=done, description=step)

    try:
        yield update
    finally:
        bar.stop()


def _open(args: argparse.Namespace, rebuild: bool = False) -> Corpus:
    with _progress_bar(stderr.is_terminal) as progress:
        corpus = open_corpus(
            args.corpus,
            index_dir=args.index_dir,
            outlets_file=args.outlets,
            progress=progress,
            rebuild=rebuild,
        )
    for notice in corpus.notices:
        say(f"talks-tui: {notice}")
    for problem in corpus.problems():
        say(f"talks-tui: {'skipped' if problem.skipped else 'warning'}: {problem.path}: {problem.message}")
    return corpus


def run(args: argparse.Namespace) -> int:
    try:
        corpus = _open(args, rebuild=getattr(args, "rebuild", False))
    except FileNotFoundError as exc:
        return fail(str(exc) if exc.args else f"no such file or folder: {exc.filename}")
    except ValueError as exc:  # a bad outlets file
        return fail(str(exc))
    except IndexBusy as exc:
        return fail(str(exc), EXIT_ERROR)
    except OSError as exc:  # the cache folder cannot be written, not even a temporary index
        return fail(f"cannot keep an index: {exc.strerror or exc}", EXIT_ERROR)
    if corpus.catalog.article_count() == 0:
        message = _nothing_readable(corpus)
        corpus.close()
        return fail(message, EXIT_ERROR)
    try:
        if _needs_quotes(args) and corpus.quotes_pending():
            with _progress_bar(stderr.is_terminal) as progress:
                corpus.update_quotes(progress)
        if args.command == "articles":
            return _articles(corpus, args)
        if args.command == "search":
            return _search(corpus, args)
        if args.command == "quotes":
            return _quotes(corpus, args)
        if args.command == "speakers":
            return _speakers(corpus, args)
        if args.command in ("compare", "coverage"):
            from talks_tui.tui import compare_commands

            return getattr(compare_commands, args.command)(corpus, args)
        return _index(corpus, args)
    finally:
        corpus.close()


def _nothing_readable(corpus: Corpus) -> str:
    where = ", ".join(shown(str(p)) for p in corpus.paths)
    left_out = len(corpus.problems())
    if left_out:
        entries = "1 entry" if left_out == 1 else f"{left_out} entries"
        return f"no readable article in {where}: {entries} left out (listed above)"
    return f"no readable article in {where}: it holds no files of the formats talks-tui reads"


def _needs_quotes(args: argparse.Namespace) -> bool:
    """Quotations are found on first need (see index.quotework): here, with a progress bar."""
    if args.command in ("quotes", "speakers", "compare", "index"):
        return True
    return args.command == "search" and any(f"{name}:" in args.query for name in ("speaker", "role", "quote"))


def _articles(corpus: Corpus, args: argparse.Namespace) -> int:
    articles = corpus.articles()
    if args.format:
        if args.full:
            articles = [corpus.article(a.id) or a for a in articles]
        return emit(views.articles_view(articles, args.full), args)
    table = Table(title=Text(plural(len(articles), "article")), title_justify="left", expand=True)
    table.add_column("outlet", max_width=18)
    table.add_column("date", no_wrap=True)
    table.add_column("title", ratio=1, min_width=36, overflow="fold")
    table.add_column("authors", max_width=18)
    table.add_column("words", justify="right", no_wrap=True)
    for a in articles:
        table.add_row(
            outlet_text(a),
            Text(a.date or "—"),
            title_text(a),
            Text(", ".join(a.authors)),
            Text(str(a.word_count)),
        )
    stdout.print(table)
    return EXIT_OK


def highlighted(text: str, spans: tuple[tuple[int, int], ...] | list[tuple[int, int]]) -> Text:
    shown = Text(text)
    for start, end in spans:
        shown.stylize(HIGHLIGHT, start, end)
    return shown


def _search(corpus: Corpus, args: argparse.Namespace) -> int:
    try:
        result = corpus.search(args.query, limit=args.limit)
    except QueryError as exc:
        return fail(f"cannot search for {args.query!r}: {exc}")
    if args.format:
        if result.suggestion:
            say(f"talks-tui: no hits; did you mean: {result.suggestion}")
        return emit(views.search_view(result), args)
    _print_search(result)
    return EXIT_OK


def _print_search(result: SearchResult) -> None:
    if not result.hits:
        line = Text(f"No article matches {result.query!r}.")
        if result.suggestion:
            line.append(" Did you mean: ")
            line.append(result.suggestion, style="bold")
            line.append("?")
        stdout.print(line)
        return
    counts = outlet_counts_text(per_outlet_named(result.per_outlet))
    matches = "matches" if result.total == 1 else "match"
    stdout.print(Text(f"{plural(result.total, 'article')} {matches} {result.query!r}  ({counts})", style="bold"))
    for rank, hit in enumerate(result.hits, 1):
        a = hit.article
        head = Text(f"\n{rank:>2}. ")
        title = title_text(a)
        title.stylize("bold")
        head.append(title)
        where = f"{outlet_plain(a)} · {a.date or 'undated'} · {shown(a.file)}"
        head.append(f"\n    {where} · score {hit.score:.2f}", style="dim")
        stdout.print(head)
        for snippet in hit.snippets:
            stdout.print(Padding(highlighted(snippet.text, snippet.spans), (0, 0, 0, 4)))
    if result.total > len(result.hits):
        stdout.print(Text(f"\n… {result.total - len(result.hits)} more (use --limit)", style="dim"))


def _quotes(corpus: Corpus, args: argparse.Namespace) -> int:
    rows = corpus.quotes(speaker=args.speaker, outlet=args.outlet, grep=args.grep)
    if not rows and (unknown := _unknown_filter(corpus, args)):
        return fail(unknown)
    if args.format == QDPX:
        return _qdpx(corpus, rows, args)
    if args.format:
        return emit(views.quotes_view(rows), args)
    if not rows:
        stdout.print(Text("No quotations match."))
        return EXIT_OK
    by_speaker: dict[str, list[QuoteRow]] = {}
    for row in rows:
        by_speaker.setdefault(row.quote.speaker or "(no speaker: names and scare quotes)", []).append(row)
    # Most quoted first; the quotes without a speaker last.
    order = sorted(by_speaker, key=lambda name: (name.startswith("("), -len(by_speaker[name]), name))
    stdout.print(Text(f"{plural(len(rows), 'quotation')} by {plural(len(by_speaker), 'speaker')}", style="bold"))
    for name in order:
        speaker_rows = by_speaker[name]
        outlets = sorted({outlet_plain(r.article) for r in speaker_rows})
        head = Text("\n")
        head.append(name, style="bold")
        head.append(f"  {plural(len(speaker_rows), 'quotation')} in {', '.join(outlets)}", style="dim")
        stdout.print(head)
        table = Table(show_header=False, box=None, padding=(0, 1), expand=True)
        table.add_column("same", width=1)
        table.add_column("quote", ratio=1, overflow="fold")
        table.add_column("outlet", max_width=18)
        table.add_column("date", no_wrap=True)
        for row in speaker_rows:
            mark = Text("≈" if row.variants > 1 else "", style="cyan")
            quote = Text(f"“{row.quote.text}”")
            table.add_row(mark, quote, outlet_text(row.article), Text(row.article.date or "—"))
        stdout.print(table)
    stdout.print(Text("\n≈ the same statement is quoted more than once (its group in --json)", style="dim"))
    return EXIT_OK


def _qdpx(corpus: Corpus, rows: list[QuoteRow], args: argparse.Namespace) -> int:
    from talks_tui.index.export.qdpx import project

    ids = dict.fromkeys(r.quote.article_id for r in rows)
    articles = {i: a for i in ids if (a := corpus.article(i)) is not None}
    try:
        write_bytes(args.output, project(rows, articles))
    except OSError as exc:
        return fail(f"cannot write {args.output}: {exc.strerror or exc}", EXIT_ERROR)
    say(f"talks-tui: wrote {plural(len(rows), 'quotation')} in {plural(len(articles), 'article')} to {args.output}")
    return EXIT_OK


def _unknown_filter(corpus: Corpus, args: argparse.Namespace) -> str | None:
    """When nothing matched: the message for an --outlet or --speaker that names nobody in the
    corpus (as `compare` says of a name it does not know), None if only their mix found nothing."""
    if args.outlet:
        outlets = sorted({a.outlet for a in corpus.articles() if a.outlet}, key=str.casefold)
        if not any(outlet_matches(args.outlet, o, corpus.outlet_aliases(o)) for o in outlets):
            return no_such("outlet", args.outlet, outlets, "articles")
    if args.speaker and not any(speaker_matches(args.speaker, r.quote) for r in corpus.quote_rows()):
        return no_such("speaker", args.speaker, [s.name for s in corpus.speakers()], "speakers")
    return None


def _speakers(corpus: Corpus, args: argparse.Namespace) -> int:
    registry = corpus.speakers()
    if args.format:
        return emit(views.speakers_view(registry), args)
    table = Table(title=Text(plural(len(registry), "speaker")), title_justify="left", expand=True)
    table.add_column("speaker", max_width=30)
    table.add_column("quotes", justify="right", no_wrap=True)
    table.add_column("outlets", ratio=1)
    table.add_column("roles", ratio=1)
    for s in registry:
        table.add_row(Text(s.name), Text(str(s.quote_count)), Text(", ".join(s.outlets)), Text("; ".join(s.roles[:3])))
    stdout.print(table)
    return EXIT_OK


def _index(corpus: Corpus, args: argparse.Namespace) -> int:
    stats = corpus.stats
    if args.json:
        data = asdict(stats) | {
            "index_dir": str(corpus.index_dir),
            "problems": [asdict(p) for p in corpus.problems()],
            "notices": corpus.notices,
        }
        print_json(data)
        return EXIT_OK
    stdout.print(
        Text(
            f"{plural(stats.files, 'file')}: {stats.added} added, {stats.changed} changed, {stats.removed} removed, "
            f"{stats.unchanged} unchanged; {plural(stats.articles, 'article')} indexed in {stats.seconds:.2f} s\n"
            f"index: {corpus.index_dir}"
        )
    )
    return EXIT_OK
