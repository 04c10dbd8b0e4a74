"""A comparison as a report an editor can read: the two articles, the summary, each aligned pair,
what only one side has, the statements both quote and the figures that differ.

Shared wording is in italics and differing figures in bold; every sentence is escaped text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from talks_tui.index.export import markdown as md
from talks_tui.index.export.citation import short_date
from talks_tui.index.ingest.filenames import real

if TYPE_CHECKING:
    from talks_tui.index.compare.align import Alignment, SentencePair
    from talks_tui.index.model import Article, Quote

KIND_NAMES = {"same_wording": "same wording", "same_fact": "same fact"}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def side_name(article: Article) -> str:
    return article.outlet or article.title or article.file


def _articles_table(alignment: Alignment) -> str:
    left, right = alignment.left, alignment.right
    rows = [
        ("outlet", left.outlet, right.outlet),
        ("date", short_date(left.date), short_date(right.date)),
        ("authors", ", ".join(left.authors), ", ".join(right.authors)),
        ("words", str(left.word_count), str(right.word_count)),
        ("file", real(left.file), real(right.file)),
    ]
    cells = [
        ["title", md.link(left.title or left.file, left.url), md.link(right.title or right.file, right.url)],
        *([md.text(name), md.text(a or "—"), md.text(b or "—")] for name, a, b in rows),
    ]
    return md.table(["", "left", "right"], cells)


def _summary(alignment: Alignment) -> str:
    s = alignment.summary
    left, right = md.text(side_name(alignment.left)), md.text(side_name(alignment.right))
    lines = [
        f"- {s.left_share:.0%} of the left article ({left}) is on the right; "
        f"{s.right_share:.0%} of the right article ({right}) is on the left.",
        f"- {s.same_wording} same wording, {s.same_fact} same fact in other words, "
        f"{s.only_left} only on the left, {s.only_right} only on the right.",
        f"- {_plural(s.quotes_common, 'statement')} quoted by both; "
        f"{s.quotes_only_left} quoted only on the left, {s.quotes_only_right} only on the right.",
        f"- {_plural(s.differing_figures, 'aligned pair')} with figures that differ.",
    ]
    return "\n".join(lines) + "\n"


def _sentence(alignment: Alignment, pair: SentencePair, side: str) -> str:
    """One side of a pair: shared wording in italics, differing figures in bold."""
    sentence = (alignment.left_sentences if side == "left" else alignment.right_sentences)[getattr(pair, side)]
    figures = [(f.start, f.end) for d in pair.differing for f in getattr(d, side)]
    if figures:
        return md.marked(sentence.text, figures)
    return md.marked(sentence.text, [getattr(span, side) for span in pair.shared], mark="*")


def _pairs(alignment: Alignment) -> str:
    if not alignment.pairs:
        return "No sentence of one article tells what a sentence of the other does.\n"
    blocks = []
    for n, pair in enumerate(alignment.pairs, 1):
        head = f"**{n}.** {KIND_NAMES.get(pair.kind, pair.kind)} · similarity {pair.similarity:.2f}"
        left, right = _sentence(alignment, pair, "left"), _sentence(alignment, pair, "right")
        blocks.append(f"{head}\n\n- left: {left}\n- right: {right}\n")
    return "\n".join(blocks)


def _only(alignment: Alignment, side: str) -> str:
    indexes = alignment.only_left if side == "left" else alignment.only_right
    sentences = alignment.left_sentences if side == "left" else alignment.right_sentences
    if not indexes:
        return "Nothing: the other side has every sentence.\n"
    return "\n".join(f"- {md.text(sentences[i].text)}" for i in indexes) + "\n"


def _quoted(quotes: tuple[Quote, ...]) -> str:
    return ", ".join(f"“{md.text(text)}”" for text in dict.fromkeys(q.text for q in quotes))


def _quotes(alignment: Alignment) -> str:
    """Each statement both quote: its speaker, and how each side quotes it."""
    lines = []
    for match in alignment.quotes_common:
        speaker = next((q.speaker for q in (*match.left, *match.right) if q.speaker), None) or "unattributed"
        left, right = _quoted(match.left), _quoted(match.right)
        lines.append(
            f"- {md.text(speaker)}: {left}" if left == right else f"- {md.text(speaker)}: left {left} · right {right}"
        )
    return "\n".join(lines) + "\n" if lines else "None.\n"


def _differences(alignment: Alignment) -> str:
    lines = []
    for n, pair in enumerate(alignment.pairs, 1):
        for d in pair.differing:
            left = ", ".join(f.text for f in d.left) or "—"
            right = ", ".join(f.text for f in d.right) or "—"
            lines.append(f"- pair {n}, {md.text(d.kind)}: left {md.text(left)} · right {md.text(right)}")
    return "\n".join(lines) + "\n" if lines else "None: the aligned sentences give the same figures.\n"


def compare_report(alignment: Alignment) -> str:
    left, right = side_name(alignment.left), side_name(alignment.right)
    sections = [
        md.heading(1, f"{left} and {right} compared"),
        _articles_table(alignment),
        md.heading(2, "Summary"),
        _summary(alignment),
        md.heading(2, "Aligned sentences"),
        "*Italics*: wording both share. **Bold**: a figure that differs.\n",
        _pairs(alignment),
        md.heading(2, f"Only on the left ({left})"),
        _only(alignment, "left"),
        md.heading(2, f"Only on the right ({right})"),
        _only(alignment, "right"),
        md.heading(2, "Quoted by both"),
        _quotes(alignment),
        md.heading(2, "Figures that differ"),
        _differences(alignment),
    ]
    return "\n".join(sections)
