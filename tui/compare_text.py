"""How a comparison reads on screen, shared by `talks-tui compare` and the Compare pane: the
marks, the legend, the summary line and sentences with shared wording and differing figures
marked. Sentences are plain text made into `rich.text.Text`, never markup.
"""

from __future__ import annotations

from rich.text import Text

from talks_tui.index.compare.align import SAME_FACT, SAME_WORDING, Alignment, SentencePair
from talks_tui.index.model import Article
from talks_tui.tui.article_titles import title_plain, title_text
from talks_tui.tui.outlet_names import outlet_text

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
    outlet = outlet_text(article)
    outlet.stylize("bold")
    label.append(outlet)
    label.append(f" · {article.date or 'no date'} · ")
    label.append(title_text(article))
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


def side_names(alignment: Alignment) -> tuple[str, str]:
    """What the summary calls the two sides: their outlets (else titles, else files); the same
    name on both sides is told apart by the side."""
    left, right = (a.outlet or title_plain(a) for a in (alignment.left, alignment.right))
    return (f"{left} (left)", f"{right} (right)") if left == right else (left, right)


def short_summary(alignment: Alignment) -> Text:
    """The summary in plain words, for the pane's line: "12 of 18 sentences of CNA are also
    reported by Reuters, and 9 of 25 of Reuters by CNA · 1 quotation in both · figures differ
    in 2 pairs"."""
    s = alignment.summary
    left, right = side_names(alignment)
    found_left = len({p.left for p in alignment.pairs})
    found_right = len({p.right for p in alignment.pairs})
    verb = "is" if found_left == 1 else "are"
    quotes = f"{_plural(s.quotes_common, 'quotation')} in both" if s.quotes_common else "no quotation in both"
    differing = s.differing_figures
    figures = f"figures differ in {_plural(differing, 'pair')}" if differing else "no figure differs"
    return Text(
        f"{found_left} of {_plural(len(alignment.left_sentences), 'sentence')} of {left} {verb} also reported by "
        f"{right}, and {found_right} of {len(alignment.right_sentences)} of {right} by {left} · {quotes} · {figures}"
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
