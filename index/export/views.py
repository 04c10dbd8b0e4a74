"""One view of the corpus, ready in every format: its JSON records, its spreadsheet rows and its
Markdown. The command line makes a view of what it would print; the app of what a pane shows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from talks_tui.index.export import markdown as md
from talks_tui.index.export.compare_report import compare_report
from talks_tui.index.export.csvfile import flat_row
from talks_tui.index.export.records import (
    alignment_record,
    article_record,
    coverage_record,
    hit_record,
    quote_record,
    speaker_record,
)
from talks_tui.index.ingest.filenames import real

if TYPE_CHECKING:
    from talks_tui.index.compare.align import Alignment
    from talks_tui.index.coverage.topics import Coverage
    from talks_tui.index.model import Article, SearchResult
    from talks_tui.index.quotes.listing import QuoteRow
    from talks_tui.index.quotes.speakers import Speaker


@dataclass(frozen=True)
class View:
    name: str  # what it is, for a file name: "quotes", "compare"
    summary: str  # what it holds, for a message: "34 quotations"
    data: Any  # the JSON value
    rows: tuple[dict[str, Any], ...]  # one flat row per item, for CSV
    markdown: str


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _list_view(name: str, summary: str, records: list[dict[str, Any]], markdown: str) -> View:
    return View(name, summary, records, tuple(flat_row(r) for r in records), markdown)


def articles_view(articles: Sequence[Article], full: bool = False) -> View:
    records = [article_record(a, full) for a in articles]
    summary = plural(len(articles), "article")
    table = md.table(
        ["outlet", "date", "title", "authors", "words", "file"],
        (
            [
                md.text(a.outlet or "?"),
                md.text(a.date or "—"),
                md.link(a.title or "(untitled)", a.url),
                md.text(", ".join(a.authors)),
                str(a.word_count),
                md.text(real(a.file)),
            ]
            for a in articles
        ),
    )
    parts = [md.heading(2, summary.capitalize()), table]
    if full:
        for a in articles:
            parts.append(md.heading(3, a.title or a.file))
            where = " · ".join(x for x in (a.outlet, a.date, ", ".join(a.authors), a.url) if x)
            parts.append(f"*{md.text(where)}*\n" if where else "")
            parts.append("\n\n".join(md.text(p) for p in a.paragraphs) + "\n")
    return _list_view("articles", summary, records, "\n".join(p for p in parts if p))


def search_view(result: SearchResult) -> View:
    records = [hit_record(h) for h in result.hits]
    counts = ", ".join(f"{outlet} {n}" for outlet, n in result.per_outlet.items())
    found = f"{plural(result.total, 'article')} {'matches' if result.total == 1 else 'match'}"
    lines = [md.heading(2, f"Search: {result.query}"), md.text(f"{found}" + (f" ({counts})" if counts else "")) + "\n"]
    if result.suggestion:
        lines.append(f"Did you mean: {md.text(result.suggestion)}?\n")
    if result.hits:
        lines.append(
            md.table(
                ["rank", "title", "outlet", "date", "score", "snippets"],
                (
                    [
                        str(rank),
                        md.link(h.article.title or "(untitled)", h.article.url),
                        md.text(h.article.outlet or "?"),
                        md.text(h.article.date or "—"),
                        f"{h.score:.2f}",
                        "<br>".join(md.marked(s.text, s.spans) for s in h.snippets),
                    ]
                    for rank, h in enumerate(result.hits, 1)
                ),
            )
        )
    return _list_view("search", found, records, "\n".join(lines))


def quotes_view(rows: Sequence[QuoteRow]) -> View:
    records = [quote_record(r) for r in rows]
    speakers = {r.quote.speaker for r in rows if r.quote.speaker}
    summary = f"{plural(len(rows), 'quotation')} by {plural(len(speakers), 'speaker')}"
    table = md.table(
        ["speaker", "role", "quotation", "outlet", "date", "article"],
        (
            [
                md.text(r.quote.speaker or "—"),
                md.text(r.quote.role or ""),
                f"“{md.text(r.quote.text)}”" + (" ≈" if r.variants > 1 else ""),
                md.text(r.article.outlet or "?"),
                md.text(r.article.date or "—"),
                md.link(r.article.title or real(r.article.file), r.article.url),
            ]
            for r in rows
        ),
    )
    note = "≈ the same statement is quoted more than once (its `group` in JSON and CSV).\n"
    parts = [md.heading(2, summary.capitalize()), table]
    if any(r.variants > 1 for r in rows):
        parts.append(note)
    return _list_view("quotes", plural(len(rows), "quotation"), records, "\n".join(parts))


def speakers_view(speakers: Sequence[Speaker]) -> View:
    records = [speaker_record(s) for s in speakers]
    summary = plural(len(speakers), "speaker")
    table = md.table(
        ["speaker", "quotations", "articles", "outlets", "roles"],
        (
            [
                md.text(s.name),
                str(s.quote_count),
                str(s.article_count),
                md.text(", ".join(s.outlets)),
                md.text("; ".join(s.roles)),
            ]
            for s in speakers
        ),
    )
    return _list_view("speakers", summary, records, "\n".join([md.heading(2, summary.capitalize()), table]))


def coverage_view(result: Coverage) -> View:
    data = coverage_record(result)
    summary = f"{plural(len(result.topics), 'topic')} by outlet"
    parts = [md.heading(2, summary.capitalize())]
    if result.topics:
        parts.append(
            md.table(
                ["topic", "kind", *result.outlets],
                (
                    [md.text(t.label), md.text(t.kind), *(str(t.counts.get(o) or "·") for o in result.outlets)]
                    for t in result.topics
                ),
            )
        )
        parts.append("Numbers are mentions; · the outlet never mentions the topic.\n")
        missing = [(o, [t.label for t in result.missing(o)]) for o in result.outlets]
        lines = [f"- **{md.text(o)}**: {md.text(', '.join(labels))}" for o, labels in missing if labels]
        if lines:
            parts += [md.heading(3, "Not mentioned"), "\n".join(lines) + "\n"]
    else:
        parts.append("No topics found: the corpus is empty or too small.\n")
    return View("coverage", summary, data, tuple(flat_row(t) for t in data["topics"]), "\n".join(parts))


def compare_rows(alignment: Alignment) -> list[dict[str, Any]]:
    """One row per row of the side-by-side table: a pair, or a sentence only one side has."""
    rows = []
    for i, j, pair in alignment.rows():
        left = alignment.left_sentences[i] if i is not None else None
        right = alignment.right_sentences[j] if j is not None else None
        kind = pair.kind if pair else ("only_left" if left else "only_right")
        figures = "; ".join(
            f"{d.kind}: {', '.join(f.text for f in d.left) or '—'} / {', '.join(f.text for f in d.right) or '—'}"
            for d in (pair.differing if pair else ())
        )
        rows.append(
            {
                "kind": kind,
                "similarity": pair.similarity if pair else "",
                "left_index": "" if i is None else i,
                "left_paragraph": left.paragraph if left else "",
                "left_text": left.text if left else "",
                "right_index": "" if j is None else j,
                "right_paragraph": right.paragraph if right else "",
                "right_text": right.text if right else "",
                "shared_wording": "; ".join(left.text[s.left[0] : s.left[1]] for s in pair.shared)
                if pair and left
                else "",
                "differing_figures": figures,
            }
        )
    return rows


def compare_view(alignment: Alignment) -> View:
    s = alignment.summary
    summary = f"{plural(len(alignment.pairs), 'aligned pair')}, {s.only_left} only left, {s.only_right} only right"
    rows = tuple(compare_rows(alignment))
    return View("compare", summary, alignment_record(alignment), rows, compare_report(alignment))
