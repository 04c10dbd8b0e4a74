"""How a comparison reads on screen, shared by `talks-tui compare` and the Compare pane: the
marks, the legend, the summary line and sentences with shared wording and differing figures
marked. Sentences are plain text made into `rich.text.Text`, never markup.
"""

from __future__ import annotations

from rich.text import Text

from talks_tui.index.compare.align import SAME_FACT, SAME_WORDING, Alignment, SentencePair
from talks_tui.index.model import Article

MARKS = {SAME_WORDING: "=", SAME_FACT: "≈", "only_left": "◀", "only_right": "▶"}
SHARED_STYLE = "underline"
FIGURE_STYLE = "bold reverse"


def _legend() -> Text:
    legend = Text()
    legend.append(f"{MARKS[SAME_WORDING]} same wording  ")
    legend.append(f"{MARKS[SAME_FACT]} same fact  ")
    legend.append(f"{MARKS['only_left']} only left  {MARKS['only_right']} only right  ")
    legend.append("shared", style=SHARED_STYLE)
    legend.append("  ")
    legend.append("figure differs", style=FIGURE_STYLE)
    return legend


LEGEND = _legend()


def article_label(article: Article) -> Text:
    """One line: outlet (bold), date, title, cut with an ellipsis where it does not fit."""
    label = Text(no_wrap=True, overflow="ellipsis")
    label.append(article.outlet or article.file, style="bold")
    label.append(f" · {article.date or 'no date'} · {article.title or article.file}")
    return label


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def summary_text(alignment: Alignment) -> Text:
    """One line: how much of each side the other has, quotes in common, differing figures."""
    s = alignment.summary
    return Text(
        f"{s.left_share:.0%} of left is on the right, {s.right_share:.0%} of right on the left · "
        f"{s.same_wording} same wording, {s.same_fact} same fact, {s.only_left} only left, {s.only_right} only right · "
        f"{_plural(s.quotes_common, 'quotation')} in common · "
        f"{_plural(s.differing_figures, 'pair')} with differing figures"
    )


def short_summary(alignment: Alignment) -> Text:
    """The summary in the marks of the legend, for the pane's one line."""
    s = alignment.summary
    return Text(
        f"left {s.left_share:.0%} found right, right {s.right_share:.0%} found left · "
        f"{s.same_wording}{MARKS[SAME_WORDING]} {s.same_fact}{MARKS[SAME_FACT]} "
        f"{s.only_left}{MARKS['only_left']} {s.only_right}{MARKS['only_right']} · "
        f"{_plural(s.quotes_common, 'quote')} in common · {s.differing_figures} with figures differing"
    )


def styled_sentence(text: str, spans: list[tuple[int, int]], figures: list[tuple[int, int]]) -> Text:
    """A sentence with its shared wording and its differing figures marked (plain text in)."""
    out = Text(text)
    for start, end in spans:
        out.stylize(SHARED_STYLE, start, end)
    for start, end in figures:
        out.stylize(FIGURE_STYLE, start, end)
    return out


def pair_texts(alignment: Alignment, pair: SentencePair) -> tuple[Text, Text]:
    left = alignment.left_sentences[pair.left].text
    right = alignment.right_sentences[pair.right].text
    return (
        styled_sentence(
            left,
            [s.left for s in pair.shared],
            [(f.start, f.end) for d in pair.differing for f in d.left],
        ),
        styled_sentence(
            right,
            [s.right for s in pair.shared],
            [(f.start, f.end) for d in pair.differing for f in d.right],
        ),
    )
