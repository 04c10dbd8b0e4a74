"""The `compare` and `coverage` subcommands: two articles side by side, and outlets by topics.

Tables for people; JSON, CSV and Markdown (`index.export`) for programs and documents. As in the
other commands, article text reaches the terminal only inside `rich.text.Text` objects.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text

from talks_tui.index.compare.align import Alignment
from talks_tui.index.compare.comparison import ArticleNotFound
from talks_tui.index.corpus import Corpus
from talks_tui.index.export import views
from talks_tui.tui.compare_text import LEGEND, MARKS, article_label, pair_texts, summary_text
from talks_tui.tui.output import EXIT_OK, EXIT_USAGE, emit, fail, plural, stdout

if TYPE_CHECKING:
    from talks_tui.index.coverage.topics import Coverage


def compare(corpus: Corpus, args: argparse.Namespace) -> int:
    try:
        left = corpus.pick_article(args.left)
        right = corpus.pick_article(args.right)
    except ArticleNotFound as exc:
        return fail(str(exc), EXIT_USAGE)
    alignment = corpus.compare(left, right)
    if args.format:
        return emit(views.compare_view(alignment), args)
    _print_alignment(alignment)
    return EXIT_OK


def coverage(corpus: Corpus, args: argparse.Namespace) -> int:
    result = corpus.coverage(limit=args.limit)
    if args.format:
        return emit(views.coverage_view(result), args)
    _print_coverage(result)
    return EXIT_OK


# -- tables --------------------------------------------------------------------------------------


def _print_alignment(alignment: Alignment) -> None:
    stdout.print(Text("left:  ", style="bold") + article_label(alignment.left))
    stdout.print(Text("right: ", style="bold") + article_label(alignment.right))
    stdout.print(summary_text(alignment))
    table = Table(show_header=True, box=None, padding=(0, 1), expand=True, show_lines=False)
    table.add_column("left", ratio=1, overflow="fold")
    table.add_column("", width=1, no_wrap=True)
    table.add_column("right", ratio=1, overflow="fold")
    for i, j, pair in alignment.rows():
        if pair is not None:
            left, right = pair_texts(alignment, pair)
            table.add_row(left, Text(MARKS[pair.kind], style="cyan"), right)
        elif i is not None:
            table.add_row(Text(alignment.left_sentences[i].text), Text(MARKS["only_left"], style="dim"), Text(""))
        elif j is not None:
            table.add_row(Text(""), Text(MARKS["only_right"], style="dim"), Text(alignment.right_sentences[j].text))
        table.add_row(Text(""), Text(""), Text(""))
    stdout.print(table)
    if alignment.quotes_common:
        stdout.print(Text("Quoted by both:", style="bold"))
        for match in alignment.quotes_common:
            quote = match.left[0]
            stdout.print(Text(f"  {quote.speaker or 'unattributed'}: “{quote.text}”"))
    stdout.print(LEGEND)


def _print_coverage(result: Coverage) -> None:
    if not result.topics:
        stdout.print(Text("No topics found: the corpus is empty or too small."))
        return
    table = Table(title=Text(f"{plural(len(result.topics), 'topic')} by outlet"), title_justify="left")
    table.add_column("topic", max_width=32)
    for outlet in result.outlets:
        table.add_column(Text(outlet), justify="right", max_width=14)
    for topic in result.topics:
        cells = [
            Text(str(topic.counts[o]) if topic.counts.get(o) else "·", style="" if topic.counts.get(o) else "dim")
            for o in result.outlets
        ]
        table.add_row(Text(topic.label), *cells)
    stdout.print(table)
    stdout.print(Text("· the outlet never mentions it; numbers are mentions", style="dim"))
    if result.sample is not None:
        stdout.print(Text(f"topics found in an even sample of {result.sample:,} articles, counted in all", style="dim"))
