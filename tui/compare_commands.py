"""The `compare` and `coverage` subcommands: two articles side by side, and outlets by topics.

Tables for people, `--json` for programs. As in the other commands, article text reaches the
terminal only inside `rich.text.Text` objects.
"""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text

from talks_tui.index.compare.align import Alignment, SentencePair
from talks_tui.index.compare.comparison import ArticleNotFound
from talks_tui.index.compare.figures import Figure
from talks_tui.index.corpus import Corpus
from talks_tui.index.sentences import Sentence
from talks_tui.tui.compare_text import LEGEND, MARKS, article_label, pair_texts, summary_text
from talks_tui.tui.output import EXIT_OK, EXIT_USAGE, article_json, fail, plural, print_json, stdout

if TYPE_CHECKING:
    from talks_tui.index.coverage.topics import Coverage
    from talks_tui.index.model import Quote


def compare(corpus: Corpus, args: argparse.Namespace) -> int:
    try:
        left = corpus.pick_article(args.left)
        right = corpus.pick_article(args.right)
    except ArticleNotFound as exc:
        return fail(str(exc), EXIT_USAGE)
    alignment = corpus.compare(left, right)
    if args.json:
        print_json(alignment_json(alignment))
    else:
        _print_alignment(alignment)
    return EXIT_OK


def coverage(corpus: Corpus, args: argparse.Namespace) -> int:
    result = corpus.coverage(limit=args.limit)
    if args.json:
        print_json(coverage_json(result))
    else:
        _print_coverage(result)
    return EXIT_OK


# -- JSON ----------------------------------------------------------------------------------------


def sentence_json(index: int, sentence: Sentence) -> dict[str, Any]:
    return {
        "index": index,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def _figure_json(figure: Figure) -> dict[str, Any]:
    return {"text": figure.text, "value": figure.value, "start": figure.start, "end": figure.end}


def _quote_json(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "article_id": quote.article_id, "text": quote.text, "speaker": quote.speaker}


def pair_json(alignment: Alignment, pair: SentencePair) -> dict[str, Any]:
    left = alignment.left_sentences[pair.left]
    right = alignment.right_sentences[pair.right]
    return {
        "left": sentence_json(pair.left, left),
        "right": sentence_json(pair.right, right),
        "kind": pair.kind,
        "similarity": pair.similarity,
        "shared_spans": [
            {
                "left": list(span.left),
                "right": list(span.right),
                "words": span.words,
                "text": left.text[span.left[0] : span.left[1]],
            }
            for span in pair.shared
        ],
        "differing_figures": [
            {
                "kind": d.kind,
                "left": [_figure_json(f) for f in d.left],
                "right": [_figure_json(f) for f in d.right],
            }
            for d in pair.differing
        ],
    }


def alignment_json(alignment: Alignment) -> dict[str, Any]:
    return {
        "left_article": article_json(alignment.left),
        "right_article": article_json(alignment.right),
        "pairs": [pair_json(alignment, p) for p in alignment.pairs],
        "only_left": [sentence_json(i, alignment.left_sentences[i]) for i in alignment.only_left],
        "only_right": [sentence_json(j, alignment.right_sentences[j]) for j in alignment.only_right],
        "quotes": {
            "common": [
                {"left": [_quote_json(q) for q in m.left], "right": [_quote_json(q) for q in m.right]}
                for m in alignment.quotes_common
            ],
            "only_left": [_quote_json(q) for q in alignment.quotes_only_left],
            "only_right": [_quote_json(q) for q in alignment.quotes_only_right],
        },
        "summary": asdict(alignment.summary),
    }


def coverage_json(result: Coverage) -> dict[str, Any]:
    return {
        "outlets": list(result.outlets),
        "topics": [
            {
                "label": t.label,
                "query": t.query,
                "kind": t.kind,
                "counts": {outlet: t.counts.get(outlet, 0) for outlet in result.outlets},
                "articles": list(t.articles),
            }
            for t in result.topics
        ],
        "missing": {outlet: [t.label for t in result.missing(outlet)] for outlet in result.outlets},
    }


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
