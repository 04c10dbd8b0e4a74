"""The article reader: one clean article, the search's words highlighted, its quotations marked.

The pane is a `VerticalScroll` holding one `Static` per paragraph (plus title, byline and a hint).
Textual then wraps, lays out, scrolls and selects text itself, and re-highlighting only swaps each
paragraph's `Content`: the text, and so every height and the scroll position, stays as it was.
To bring a match into view we find its wrapped line with `Content.wrap` at the paragraph's width,
which is the wrapping the `Static` does.

Article text is untrusted: it only ever enters `Content(text)` with styled spans, never markup.
Highlights are styled by the Reader's component classes (`Reader > .reader--match` …), so they
follow the theme and the app's stylesheet. We resolve them ourselves rather than naming them in
the spans (".reader--match"): Textual's partial component styles drop opaque backgrounds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style as RichStyle
from textual.color import Color
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.css.styles import RenderStyles
from textual.geometry import Region
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from talks_tui.tui import keys

if TYPE_CHECKING:  # index.quotes compiles many patterns: not on the first frame's path
    from talks_tui.index.model import Article, Quote

HINT = "Select an article"

_QUOTE_MARKS = frozenset("\"“”„«»‟'‘’‚‹›")
# Control characters become spaces (one for one, so that every offset stays valid) instead of
# being dropped, which Content would do for some of them and so shift the highlights.
_CONTROLS = {c: " " for c in [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}

# Quotations of one speaker this close together share one label, after the last ("tough" while China was "firm").
_SHARED_LABEL_GAP = 60


@dataclass(frozen=True)
class _Block:
    """The title or one paragraph as shown: the text with speaker labels put in after quotations."""

    text: str
    labels: tuple[tuple[int, int], ...] = ()  # (offset in the source text, length of the label inserted there)
    spans: tuple[tuple[int, int, str], ...] = ()  # (start, end, component class) in shown offsets
    focus: tuple[int, int] | None = None  # shown span of the focused quotation

    def shown(self, offset: int, end: bool = False) -> int:
        """Where a source offset stands in the shown text (an end offset stays before a label put there)."""
        shift = 0
        for at, length in self.labels:
            if at < offset or (at == offset and not end):
                shift += length
            else:
                break
        return offset + shift


class Reader(VerticalScroll, can_focus=True):
    """One article: title, outlet · date · authors, paragraphs; matches highlighted, quotations marked.

    `n` / `N` go to the next / previous match (wrapping around); the border subtitle says
    "match i of n" and `MatchChanged` tells the app.
    """

    # The footer shows one key per action, the first shown: so the arrows and home / end, which
    # ScrollableContainer binds already, get their descriptions but stay out of the footer.
    BINDINGS = keys.bindings("reader")

    COMPONENT_CLASSES = {
        "reader--match",
        "reader--current-match",
        "reader--quote",
        "reader--focused-quote",
        "reader--speaker",
    }

    DEFAULT_CSS = """
    Reader {
        height: 1fr;
        padding: 0 1;
        border: round $border-blurred;
        border-subtitle-color: $text-muted;
        &:focus {
            border: round $border;
        }
        & > .reader-title {
            text-style: bold;
            margin-bottom: 1;
        }
        & > .reader-byline {
            color: $text-muted;
            margin-bottom: 1;
        }
        & > .reader-paragraph {
            margin-bottom: 1;
        }
        & > .reader-hint {
            width: 100%;
            color: $text-muted;
            text-align: center;
            margin-top: 1;
        }
        & > .reader--match {
            background: $warning 35%;
            text-style: bold;
        }
        /* Underline tells the current match apart from the others under NO_COLOR too. */
        & > .reader--current-match {
            background: $accent;
            color: $text;
            text-style: bold underline;
        }
        & > .reader--quote {
            color: $text-success;
            text-style: italic;
        }
        & > .reader--focused-quote {
            background: $success 25%;
            text-style: bold italic;
        }
        & > .reader--speaker {
            color: $text-muted;
            text-style: not italic not bold;
        }
    }
    """

    class MatchChanged(Message):
        """The current match or the number of matches changed (after show, set_terms, n / N)."""

        def __init__(self, reader: Reader, current: int | None, count: int) -> None:
            super().__init__()
            self.reader = reader
            self.current = current  # index of the current match (0-based), None before the first n / N
            self.count = count

        @property
        def control(self) -> Reader:
            return self.reader

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._article: Article | None = None
        self._terms: frozenset[str] = frozenset()
        self._focus_quote: str | None = None
        self._blocks: list[_Block] = []  # the title first, then the paragraphs
        self._matches: list[tuple[int, int, int]] = []  # (block, start, end) in shown offsets, reading order
        self._current: int | None = None
        self._title = Static("", classes="reader-title")
        self._byline = Static("", classes="reader-byline")
        self._hint = Static(Content(HINT), classes="reader-hint")
        self._paragraphs: list[Static] = []
        self._styles: dict[str, Style] = {}  # component class -> resolved style
        self._wraps: dict[tuple[int, int], list[int]] = {}  # (block, width) -> offsets where its lines start

    def compose(self):
        yield self._hint
        yield self._title
        yield self._byline

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)
        self._render_article()

    def _theme_changed(self, _theme: object) -> None:
        self.call_after_refresh(self.restyle)

    def restyle(self) -> None:
        """Resolve the component classes again (done on a theme change; call it after changing CSS)."""
        before = self._styles
        self._styles = {}
        if self._blocks and any(self._style(name) != style for name, style in before.items()):
            self._update_blocks(range(len(self._blocks)))

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = _component_style(self.get_component_styles(name))
        return style

    # -- public API --------------------------------------------------------------------------------

    @property
    def article(self) -> Article | None:
        return self._article

    @property
    def terms(self) -> frozenset[str]:
        return self._terms

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def current_match(self) -> int | None:
        """Index (0-based) of the current match, None until `n` / `N` picks one."""
        return self._current

    def show(
        self,
        article: Article | None,
        quotes: Sequence[Quote] = (),
        terms: frozenset[str] = frozenset(),
        focus_quote: str | None = None,
    ) -> None:
        """Show an article (None: the hint), scrolled to the top or, given a Quote.id, to that quotation."""
        self._article = article
        self._terms = frozenset(terms)
        self._focus_quote = focus_quote
        self._current = None
        self._wraps.clear()
        if article is None:
            self._blocks = []
        else:
            own = [q for q in quotes if q.article_id == article.id]
            texts = [article.title or "", *article.paragraphs]
            self._blocks = [
                _make_block(text, own, None if i == 0 else i - 1, focus_quote) for i, text in enumerate(texts)
            ]
        self._find_matches()
        if self.is_mounted:
            self._render_article()

    def set_terms(self, terms: frozenset[str]) -> None:
        """Highlight the matches of new search terms, keeping the scroll position."""
        terms = frozenset(terms)
        if terms == self._terms:
            return
        self._terms = terms
        self._current = None
        self._find_matches()
        if self.is_mounted:
            self._update_blocks(range(len(self._blocks)))
            self._matches_changed()

    def next_match(self) -> None:
        self._step(forward=True)

    def previous_match(self) -> None:
        self._step(forward=False)

    def action_next_match(self) -> None:
        self.next_match()

    def action_previous_match(self) -> None:
        self.previous_match()

    # -- building ---------------------------------------------------------------------------------

    def _find_matches(self) -> None:
        self._matches = []
        if not self._terms or self._article is None:
            return
        from talks_tui.index.search.snippets import match_spans  # with the stemmer: not needed for the first frame

        texts = [self._article.title or "", *self._article.paragraphs]
        for index, (block, text) in enumerate(zip(self._blocks, texts, strict=True)):
            for start, end in match_spans(text, self._terms):
                self._matches.append((index, block.shown(start), block.shown(end, end=True)))

    def _content(self, index: int) -> Content:
        block = self._blocks[index]
        style = self._style
        spans = [Span(start, end, style(name)) for start, end, name in block.spans]
        for match_index, (at, start, end) in enumerate(self._matches):
            if at == index:
                name = "reader--current-match" if match_index == self._current else "reader--match"
                spans.append(Span(start, end, style(name)))
        return Content(block.text, spans, strip_control_codes=False)

    def _update_blocks(self, indexes: Iterable[int]) -> None:
        """New styles on the same text: the heights stay, so no layout is needed."""
        for index in indexes:
            self._block_widget(index).update(self._content(index), layout=False)

    def _block_widget(self, index: int) -> Static:
        return self._title if index == 0 else self._paragraphs[index - 1]

    def _render_article(self) -> None:
        article = self._article
        self._hint.display = article is None
        self._title.display = bool(article and article.title)
        self._byline.display = article is not None
        count = max(len(self._blocks) - 1, 0)
        for surplus in self._paragraphs[count:]:
            surplus.remove()
        del self._paragraphs[count:]
        if article is not None:
            self._title.update(self._content(0))
            self._byline.update(Content(_byline(article).translate(_CONTROLS)))
            for index, widget in enumerate(self._paragraphs, 1):
                widget.update(self._content(index))
            fresh = [
                Static(self._content(index), classes="reader-paragraph")
                for index in range(len(self._paragraphs) + 1, len(self._blocks))
            ]
            if fresh:
                self._paragraphs.extend(fresh)
                self.mount_all(fresh)
        self.scroll_home(animate=False, immediate=True)
        if self._focus_quote is not None:
            self.call_after_refresh(self._scroll_to_focus, 10)
        self._matches_changed()

    # -- moving between matches --------------------------------------------------------------------

    def _step(self, forward: bool) -> None:
        count = len(self._matches)
        if not count:
            self.app.bell()
            message = "No matches in this article" if self._terms else "No search terms to jump between"
            self.notify(message, timeout=2, markup=False)
            return
        if self._current is None:
            target = self._first_from_view(forward)
        else:
            target = (self._current + (1 if forward else -1)) % count
        self._go_to(target)

    def _first_from_view(self, forward: bool) -> int:
        """Like a pager: `n` goes to the first match from the top of the view down, `N` to the
        last one above it; around the end when there is none."""
        top = self.scroll_offset.y
        lines = [self._match_y(i) for i in range(len(self._matches))]
        if forward:
            return next((i for i, y in enumerate(lines) if y is None or y >= top), 0)
        return next((i for i in reversed(range(len(lines))) if lines[i] is not None and lines[i] < top), len(lines) - 1)

    def _go_to(self, target: int) -> None:
        before, self._current = self._current, target
        self._update_blocks({self._matches[target][0], *(() if before is None else (self._matches[before][0],))})
        y = self._match_y(target)
        if y is not None:
            window = self.scrollable_content_region.at_offset(self.scroll_offset)
            margin = min(2, window.height // 6)  # a match on the last lines has too little context: centre it
            if not window.y + margin <= y < window.bottom - margin:
                self.scroll_to_region(Region(0, y, window.width, 1), center=True, animate=False, immediate=True)
        self._matches_changed()

    def _match_y(self, index: int) -> int | None:
        """The line of a match in the pane's scrollable space; None before layout."""
        block, start, _ = self._matches[index]
        return self._line_y(block, start)

    def _line_y(self, block: int, offset: int) -> int | None:
        widget = self._block_widget(block)
        width = widget.size.width
        if not width or not widget.display:
            return None
        starts = self._wraps.get((block, width))
        if starts is None:
            text = self._blocks[block].text
            starts = self._wraps[(block, width)] = _line_starts(text, Content(text).wrap(width))
        line = max(bisect_right(starts, offset) - 1, 0)
        return widget.virtual_region.y + widget.styles.gutter.top + line

    def _scroll_to_focus(self, tries: int) -> None:
        """Centre the focused quotation, once the paragraphs have their size."""
        found = next(((i, b.focus) for i, b in enumerate(self._blocks) if b.focus is not None), None)
        if found is None:
            return
        index, (start, end) = found
        if index == 0:
            self.scroll_home(animate=False, immediate=True)
            return
        top, bottom = self._line_y(index, start), self._line_y(index, max(end - 1, start))
        if top is None or bottom is None or self.virtual_size.height <= 0:
            if tries > 0:
                self.call_after_refresh(self._scroll_to_focus, tries - 1)
            return
        width = self.scrollable_content_region.width
        self.scroll_to_region(Region(0, top, width, bottom - top + 1), center=True, animate=False, immediate=True)

    def _matches_changed(self) -> None:
        count, current = len(self._matches), self._current
        if not self._terms or self._article is None:
            self.border_subtitle = ""
        elif not count:
            self.border_subtitle = "no matches"
        elif current is None:
            self.border_subtitle = f"{count} match" if count == 1 else f"{count} matches"
        else:
            self.border_subtitle = f"match {current + 1} of {count}"
        self.post_message(self.MatchChanged(self, current, count))


def _component_style(styles: RenderStyles) -> Style:
    """A span style with only what the component class sets, so that styles can stack (a match
    inside a quotation keeps the quotation's colour and italics)."""
    has = styles.has_rule
    foreground = None
    if has("auto_color") and styles.auto_color:
        foreground = Color(0, 0, 0, styles.color.a, auto=True)  # contrasting text, worked out when drawn
    elif has("color"):
        foreground = styles.color
    text = styles.text_style if has("text_style") else RichStyle()
    return Style(
        background=styles.background if has("background") else None,
        foreground=foreground,
        bold=text.bold,
        dim=text.dim,
        italic=text.italic,
        underline=text.underline,
        reverse=text.reverse,
        strike=text.strike,
    )


def _byline(article: Article) -> str:
    parts = [article.outlet or "Unknown outlet"]
    if article.date:
        parts.append(article.date)
    if article.authors:
        parts.append(", ".join(article.authors))
    return " · ".join(parts)


def _speaker_label(quote: Quote) -> str:
    names = [n for n in (quote.speaker, *quote.co_speakers) if n]
    return " — " + ", ".join(names) if names else ""


def _named_right_after(raw: str, end: int, quote: Quote) -> bool:
    """Whether the attribution just after the quotation names the speaker ('…," a Treasury
    spokesperson said'): a label there would say it twice."""
    if not quote.speaker:
        return False
    after = raw[end : end + _SHARED_LABEL_GAP].split(".")[0].lower()
    names = {word.lower() for word in quote.speaker.split() if len(word) > 1}  # "Li" for Li Chenggang
    return any(word.strip(",;:'’\"”") in names for word in after.split())


def _make_block(raw: str, quotes: Sequence[Quote], paragraph: int | None, focus_quote: str | None) -> _Block:
    """A paragraph's (or the title's) shown text: quotations styled, and each run of quotations of
    one speaker followed by the speaker's name."""
    text = raw.translate(_CONTROLS)
    # A quotation whose span does not hold its text (found in another version of the file) is left out.
    here = sorted(
        (q for q in quotes if q.paragraph == paragraph and raw[q.start : q.end] == q.text), key=lambda q: q.start
    )
    # Quotations with their marks: (start, end, quote); then where each label goes in the source.
    marked = []
    for q in here:
        start, end = q.start, q.end
        if start > 0 and raw[start - 1] in _QUOTE_MARKS:
            start -= 1
        if end < len(raw) and raw[end] in _QUOTE_MARKS:
            end += 1
        marked.append((start, end, q))
    labels: list[tuple[int, str]] = []
    for i, (_, end, q) in enumerate(marked):
        label = _speaker_label(q)
        following = marked[i + 1] if i + 1 < len(marked) else None
        shared = following and following[0] - end <= _SHARED_LABEL_GAP and _speaker_label(following[2]) == label
        if label and not shared and not _named_right_after(raw, end, q):
            labels.append((end, label))
    pieces, position = [], 0
    for at, label in labels:
        pieces += [text[position:at], label]
        position = at
    pieces.append(text[position:])
    block = _Block("".join(pieces), tuple((at, len(label)) for at, label in labels))
    spans: list[tuple[int, int, str]] = []
    focus = None
    for start, end, q in marked:
        shown = (block.shown(start), block.shown(end, end=True))
        spans.append((*shown, "reader--quote"))
        if q.id == focus_quote:
            focus = shown
            spans.append((*shown, "reader--focused-quote"))
    for at, length in block.labels:
        after = block.shown(at)  # the label stands at `at`, so this is its end
        spans.append((after - length, after, "reader--speaker"))
    return _Block(block.text, block.labels, tuple(spans), focus)


def _line_starts(text: str, lines: Sequence[Content]) -> list[int]:
    """Offset in `text` where each wrapped line starts (wrapping only drops spaces at line ends)."""
    starts, position = [], 0
    for line in lines:
        plain = line.plain
        found = text.find(plain, position) if plain else position
        if found < 0:
            found = position
        starts.append(found)
        position = found + len(plain)
    return starts
