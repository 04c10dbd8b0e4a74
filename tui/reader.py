"""The article reader: one clean article, the search's words highlighted, its quotations marked.

The pane is a `VerticalScroll` holding one `Static` per paragraph (plus title, byline and a hint).
Textual then wraps, lays out, scrolls and selects text itself, and re-highlighting only swaps each
paragraph's `Content`: the text, and so every height and the scroll position, stays as it was.
To bring a match into view we find its wrapped line with `Content.wrap` at the paragraph's width,
which is the wrapping the `Static` does.

The article's words are shown as written: quotations are marked by a style, and who said them is
said in a line under their paragraph (a `SpeakerLine`, left out of copied text), with how sure
that is. Article text is untrusted: it only ever enters `Content(text)` with styled spans, never markup.
Highlights are styled by the Reader's component classes (`Reader > .reader--match` …), so they
follow the theme and the app's stylesheet. We resolve them ourselves rather than naming them in
the spans (".reader--match"): Textual's partial component styles drop opaque backgrounds.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
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
from talks_tui.tui.article_titles import NO_HEADLINE
from talks_tui.tui.outlet_names import byline

if TYPE_CHECKING:  # index.quotes compiles many patterns: not on the first frame's path
    from textual.selection import Selection

    from talks_tui.index.model import Article, Quote

HINT = "Select an article"
# How much of a quotation its speaker line repeats.
_NOTE_WORDS = 6
_SURE = {"likely": "likely", "guess": "a guess"}

_QUOTE_MARKS = frozenset("\"“”„«»‟'‘’‚‹›")
# Control characters become spaces (one for one, so that every offset stays valid) instead of
# being dropped, which Content would do for some of them and so shift the highlights.
_CONTROLS = {c: " " for c in [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}


@dataclass(frozen=True)
class _Block:
    """The title or one paragraph as shown: its text as written, its quotations' styles."""

    text: str
    spans: tuple[tuple[int, int, str], ...] = ()  # (start, end, component class)
    focus: tuple[int, int] | None = None  # span of the focused quotation
    quotes: tuple[Quote, ...] = ()  # its quotations, in order


class SpeakerLine(Static):
    """Who said the quotations of the paragraph above, and how sure that is. Not the article's
    words: left out of a selection's copied text."""

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        return None


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
        "reader--unsure",
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
        & > .reader-speakers {
            color: $text-muted;
            margin-bottom: 1;
            padding-left: 2;
        }
        & > .-noted {
            margin-bottom: 0;
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
            color: $text-secondary;
            text-style: bold;
        }
        & > .reader--unsure {
            color: $text-warning;
        }
    }
    """

    class Back(Message):
        """`escape` while the reader is shown alone (a small screen): back to the list."""

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
        self._quote_parts: tuple = ()  # the search's speaker:, role:, quote: parts (see search.quotehits)
        self._focus_quote: str | None = None
        self._blocks: list[_Block] = []  # the title first, then the paragraphs
        self._matches: list[tuple[int, int, int]] = []  # (block, start, end), reading order
        self._current: int | None = None
        self._title = Static("", classes="reader-title")
        self._byline = Static("", classes="reader-byline")
        self._title_speakers = SpeakerLine("", classes="reader-speakers")
        self._hint = Static(Content(HINT), classes="reader-hint")
        self._paragraphs: list[Static] = []
        self._speakers: list[SpeakerLine] = []  # one under each paragraph (hidden when it has no quotation)
        self._styles: dict[str, Style] = {}  # component class -> resolved style
        self._wraps: dict[tuple[int, int], list[int]] = {}  # (block, width) -> offsets where its lines start
        self.alone = False  # shown without the list (a small screen): `escape` goes back to it

    def compose(self):
        yield self._hint
        yield self._title
        yield self._title_speakers
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
            for index in range(len(self._blocks)):
                self._speaker_widget(index).update(self._speaker_content(index))

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
    def quote_parts(self) -> tuple:
        return self._quote_parts

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
        quote_parts: Sequence[tuple] = (),
    ) -> None:
        """Show an article (None: the hint), scrolled to the top or, given a Quote.id, to that
        quotation. `terms` are highlighted in the text, `quote_parts` (a search's speaker:, role:
        and quote: parts) in the quotations they match."""
        self._article = article
        self._terms = frozenset(terms)
        self._quote_parts = tuple(quote_parts)
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
            self.refresh_bindings()

    def set_terms(self, terms: frozenset[str], quote_parts: Sequence[tuple] = ()) -> None:
        """Highlight the matches of a new search, keeping the scroll position."""
        terms, quote_parts = frozenset(terms), tuple(quote_parts)
        if terms == self._terms and quote_parts == self._quote_parts:
            return
        self._terms, self._quote_parts = terms, quote_parts
        self.refresh_bindings()
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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.alone  # else `escape` is the app's (leave the search box)
        if action in ("next_match", "previous_match"):
            return bool(self._terms or self._quote_parts)  # out of the footer without a search
        return True

    def action_back(self) -> None:
        self.post_message(self.Back())

    # Jumps, not animations: Textual's own scroll there glides for most of a second.
    def action_scroll_home(self) -> None:
        self.scroll_home(animate=False, immediate=True)

    def action_scroll_end(self) -> None:
        self.scroll_end(animate=False, immediate=True)

    def action_page_down(self) -> None:
        self.scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.scroll_page_up(animate=False)

    def action_previous_match(self) -> None:
        self.previous_match()

    # -- building ---------------------------------------------------------------------------------

    def _find_matches(self) -> None:
        self._matches = []
        if not (self._terms or self._quote_parts) or self._article is None:
            return
        # With the stemmer: not needed for the first frame.
        from talks_tui.index.search.quotehits import hit_spans
        from talks_tui.index.search.snippets import match_spans

        found = []
        for index, block in enumerate(self._blocks):
            if self._terms:
                found += [(index, start, end) for start, end in match_spans(block.text, self._terms)]
            for quote in block.quotes if self._quote_parts else ():
                found += [(index, start, end) for start, end in hit_spans(quote, self._quote_parts)]
        self._matches = sorted(found)

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

    def _speaker_widget(self, index: int) -> SpeakerLine:
        return self._title_speakers if index == 0 else self._speakers[index - 1]

    def _speaker_content(self, index: int) -> Content:
        return _speaker_note(self._blocks[index].quotes, self._focus_quote, self._style)

    def _render_article(self) -> None:
        article = self._article
        self._hint.display = article is None
        self._title.display = article is not None
        self._byline.display = article is not None
        count = max(len(self._blocks) - 1, 0)
        for surplus in (*self._paragraphs[count:], *self._speakers[count:]):
            surplus.remove()
        del self._paragraphs[count:]
        del self._speakers[count:]
        if article is not None:
            # Where the text states no headline, say so rather than promote a line to one.
            no_headline = Content.styled(f"({NO_HEADLINE})", "dim italic")
            self._title.update(self._content(0) if article.title else no_headline)
            line = byline(article)
            line.plain = line.plain.translate(_CONTROLS)
            self._byline.update(line)
            for index, widget in enumerate(self._paragraphs, 1):
                widget.update(self._content(index))
            fresh: list[Static] = []
            for index in range(len(self._paragraphs) + 1, len(self._blocks)):
                paragraph = Static(self._content(index), classes="reader-paragraph")
                speakers = SpeakerLine("", classes="reader-speakers")
                self._paragraphs.append(paragraph)
                self._speakers.append(speakers)
                fresh += [paragraph, speakers]
            if fresh:
                self.mount_all(fresh)
        for index in range(len(self._blocks)):
            note = self._speaker_content(index)
            widget = self._speaker_widget(index)
            widget.update(note)
            widget.display = bool(note.plain) and (index > 0 or self._title.display)
            self._block_widget(index).set_class(widget.display, "-noted")
        if article is None:
            self._title_speakers.display = False
        self.scroll_home(animate=False, immediate=True)
        if self._focus_quote is not None:
            self.call_after_refresh(self._scroll_to_focus, 10)
        self._matches_changed()

    # -- moving between matches --------------------------------------------------------------------

    def _step(self, forward: bool) -> None:
        count = len(self._matches)
        if not count:
            self.app.bell()
            searching = self._terms or self._quote_parts
            message = "No matches in this article" if searching else "No search terms to jump between"
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
        if not (self._terms or self._quote_parts) or self._article is None:
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


def _make_block(raw: str, quotes: Sequence[Quote], paragraph: int | None, focus_quote: str | None) -> _Block:
    """A paragraph (or the title) as written, its quotations styled with their marks."""
    text = raw.translate(_CONTROLS)
    # A quotation whose span does not hold its text (found in another version of the file) is left out.
    here = sorted(
        (q for q in quotes if q.paragraph == paragraph and raw[q.start : q.end] == q.text), key=lambda q: q.start
    )
    spans: list[tuple[int, int, str]] = []
    focus = None
    for q in here:
        start, end = q.start, q.end
        if start > 0 and raw[start - 1] in _QUOTE_MARKS:
            start -= 1
        if end < len(raw) and raw[end] in _QUOTE_MARKS:
            end += 1
        spans.append((start, end, "reader--quote"))
        if q.id == focus_quote:
            focus = (start, end)
            spans.append((start, end, "reader--focused-quote"))
    return _Block(text, tuple(spans), focus, tuple(here))


def _names(quote: Quote) -> tuple[str, ...]:
    return tuple(n for n in (quote.speaker, *quote.co_speakers) if n)


def _opening(text: str) -> str:
    """The first words of a quotation, for its speaker line."""
    words = text.translate(_CONTROLS).split()
    return " ".join(words[:_NOTE_WORDS]) + ("…" if len(words) > _NOTE_WORDS else "")


def _speaker_note(quotes: Sequence[Quote], focus_quote: str | None, style: Callable[[str], Style]) -> Content:
    """One line per run of quotations of one speaker: 'Li Chenggang: “tough”, “firm”', with
    '(likely)' or '(a guess)' when the speaker was inferred; for the focused quotation, the role
    and how the speaker was found. Quotations with no speaker are only styled in the text."""
    from talks_tui.index.model import attribution_kind

    runs: list[list[Quote]] = []
    for q in quotes:
        if not _names(q):
            continue
        sure = attribution_kind(q.attribution).confidence
        if runs and _names(runs[-1][-1]) == _names(q) and attribution_kind(runs[-1][-1].attribution).confidence == sure:
            runs[-1].append(q)
        else:
            runs.append([q])
    lines: list[Content] = []
    for run in runs:
        first = run[0]
        focused = next((q for q in run if q.id == focus_quote), None)
        line = Content.styled(", ".join(_names(first)).translate(_CONTROLS), style("reader--speaker"))
        unsure = _SURE.get(attribution_kind(first.attribution).confidence)
        if unsure:
            line += Content(" ") + Content.styled(f"({unsure})", style("reader--unsure"))
        line += Content(": ")
        for n, q in enumerate(run):
            if n:
                line += Content(", ")
            line += Content.styled(f"“{_opening(q.text)}”", style("reader--quote"))
        if focused is not None and focused.role:
            line += Content(f" · {focused.role}".translate(_CONTROLS))
        if focused is not None:
            line += Content(f" · {attribution_kind(focused.attribution).says}")
        lines.append(line)
    return Content("\n").join(lines)


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
