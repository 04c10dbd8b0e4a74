"""The article reader, driven through Textual's pilot with the bundled seed articles."""

from __future__ import annotations

import re

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.widgets import Footer, Static

from talks_tui.index.model import Article, Quote
from talks_tui.index.search.snippets import match_spans
from talks_tui.index.terms import query_terms
from talks_tui.tui.reader import HINT, Reader, SpeakerLine

CAIXIN = "d19f9509d9a8"  # 12 paragraphs; Li Chenggang's "tough" and "firm" in paragraph 7
SCMP = "caacc8778f80"  # the whole story in one long paragraph
TURKIYE = "b3351987940e"  # "tariffs" 7 times over 16 paragraphs
CNA = "9f3c9ba3e146"  # 30 paragraphs
GLOBAL_TIMES = "c2feb71fa81e"  # a headline quotation attributed from the body


def terms(query: str) -> frozenset[str]:
    return frozenset(query_terms(query))


class ReaderApp(App[None]):
    """The reader alone, as a pane of the app would hold it, with a footer for its keys."""

    def __init__(self, article=None, quotes=(), query: str = "", focus_quote: str | None = None) -> None:
        super().__init__()
        self.start = (article, tuple(quotes), terms(query), focus_quote)
        self.changes: list[tuple[int | None, int]] = []

    def compose(self) -> ComposeResult:
        yield Reader()
        yield Footer()

    def on_mount(self) -> None:
        reader = self.query_one(Reader)
        reader.show(*self.start)
        reader.focus()

    def on_reader_match_changed(self, message: Reader.MatchChanged) -> None:
        self.changes.append((message.current, message.count))


def article_and_quotes(corpus, article_id: str) -> tuple[Article, list[Quote]]:
    article = corpus.article(article_id)
    return article, [row.quote for row in corpus.quotes() if row.article.id == article_id]


def blocks(reader: Reader) -> list[Static]:
    """The title, then the paragraphs, as the reader shows them."""
    return [reader.query_one(".reader-title", Static), *reader.query(".reader-paragraph").results(Static)]


def rendered(widget: Static) -> list[list]:
    """The widget's lines as drawn: lists of segments (text and Rich style)."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return [list(line) for line in lines]


def shown_text(widget: Static) -> str:
    return " ".join("".join(s.text for s in line).strip() for line in rendered(widget))


def highlighted(widget: Static) -> list[str]:
    """Texts drawn with a match highlight (bold on a background of its own), in reading order."""
    base = widget.rich_style.bgcolor
    return [s.text for line in rendered(widget) for s in line if s.style.bold and s.style.bgcolor != base]


def current_match_line(reader: Reader) -> tuple[Static, int, str]:
    """The widget, line and word of the current match: the only underlined text."""
    found = [
        (widget, y, s.text)
        for widget in blocks(reader)
        for y, line in enumerate(rendered(widget))
        for s in line
        if s.style.underline
    ]
    assert len(found) == 1, found
    return found[0]


def visible_rows(reader: Reader, widget: Static, first: int, last: int | None = None) -> bool:
    """Whether lines `first`..`last` of a child widget are inside the reader's visible area."""
    last = first if last is None else last
    top = widget.virtual_region.y - reader.scroll_offset.y
    return top + first >= 0 and top + last < reader.scrollable_content_region.height


async def test_shows_title_byline_and_paragraphs(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, CAIXIN)
    app = ReaderApp(article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        title, *paragraphs = blocks(reader)
        assert shown_text(title) == article.title
        # The outlet's kind and country, from the table of outlets.
        assert (
            str(reader.query_one(".reader-byline", Static).content) == "Caixin Global (commercial, China) · 2025-10-30"
        )
        assert [str(p.content) for p in paragraphs] == list(article.paragraphs)
        assert not reader.query_one(".reader-hint").display
        assert title.region.y < paragraphs[0].region.y < paragraphs[1].region.y
        # Paragraphs wrap inside the pane at 80 columns.
        assert paragraphs[0].size.height > 1 and paragraphs[0].size.width <= 76
        assert shown_text(paragraphs[0]) == article.paragraphs[0]


async def test_an_article_without_headline_says_so_and_lists_by_its_first_words():
    """No line is promoted to a headline: the reader says there is none, and every listing names
    the article by its story's first words (as text, never markup), dimmed."""
    from talks_tui.tui.article_titles import title_plain, title_text

    first = "[bold]Rescuers[/bold] reached the village on Tuesday as the toll rose past 2,000, officials said today."
    article = Article(id="x1", file="003_ab.txt", path="/c/003_ab.txt", title=None, outlet=None, date=None,
                      paragraphs=(first, "A second paragraph."))  # fmt: skip
    assert (
        title_plain(article)
        == "(no headline) [bold]Rescuers[/bold] reached the village on Tuesday as the toll rose past 2,000,…"
    )
    assert title_text(article).plain == title_plain(article) and title_text(article).style == "dim italic"
    app = ReaderApp(article)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        title, *paragraphs = blocks(app.query_one(Reader))
        assert title.display and shown_text(title) == "(no headline)"
        assert shown_text(paragraphs[0]).startswith("[bold]Rescuers[/bold]")


async def test_highlights_exactly_the_matching_words(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, TURKIYE)
    app = ReaderApp(article, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        expected = [
            m.group() for p in [article.title, *article.paragraphs] for m in re.finditer(r"\btariffs?\b", p, re.I)
        ]
        found = [text for widget in blocks(reader) for text in highlighted(widget)]
        assert found == expected and len(found) == 7
        assert reader.match_count == 7 and reader.current_match is None
        assert reader.border_subtitle == "7 matches"
        assert app.changes[-1] == (None, 7)
        # Every other word is drawn plainly.
        for widget, text in zip(blocks(reader)[1:], article.paragraphs, strict=True):
            assert len(highlighted(widget)) == len(match_spans(text, terms("tariffs")))


async def test_n_and_shift_n_move_the_current_match_into_view(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, TURKIYE)
    app = ReaderApp(article, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        seen = []
        for key, index in [("n", 0), ("n", 1), ("N", 0), ("n", 1), ("n", 2), ("n", 3)]:
            await pilot.press(key)
            await pilot.pause()
            assert reader.current_match == index
            assert reader.border_subtitle == f"match {index + 1} of 7"
            assert app.changes[-1] == (index, 7)
            widget, line, word = current_match_line(reader)
            assert word.lower().startswith("tariff")
            assert visible_rows(reader, widget, line)
            seen.append((widget, line))
        assert len(set(seen[3:])) == 3  # three different matches, each in view
        assert reader.scroll_offset.y > 0  # the later ones needed scrolling
        # Around the ends: back from the first match to the last.
        reader.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        assert reader.current_match == 3
        await pilot.press("n", "n", "n", "n")
        assert reader.current_match == 0
        await pilot.press("N")
        await pilot.pause()
        assert reader.current_match == 6
        widget, line, _ = current_match_line(reader)
        assert visible_rows(reader, widget, line)


async def test_matches_inside_one_long_paragraph_are_scrolled_to_their_line(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, SCMP)
    app = ReaderApp(article, query="trade")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        paragraph = blocks(reader)[1]
        assert paragraph.size.height > reader.scrollable_content_region.height  # taller than the pane
        offsets = set()
        for index in range(reader.match_count):
            await pilot.press("n")
            await pilot.pause()
            assert reader.current_match == index
            widget, line, word = current_match_line(reader)
            assert word.lower() == "trade"
            assert visible_rows(reader, widget, line)
            offsets.add(reader.scroll_offset.y)
        assert len(offsets) > 1


async def test_first_n_starts_from_the_top_of_the_view(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, TURKIYE)
    app = ReaderApp(article, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        await pilot.press("G")
        await pilot.pause()
        assert reader.scroll_offset.y == reader.max_scroll_y > 0
        await pilot.press("N")  # the last match above the view
        await pilot.pause()
        widget, line, _ = current_match_line(reader)
        assert visible_rows(reader, widget, line)


def speaker_lines(reader: Reader) -> list[SpeakerLine]:
    return [w for w in reader.query(SpeakerLine).results(SpeakerLine) if w.display]


async def test_quotations_are_styled_and_their_speakers_named_under_the_paragraph(seed_corpus):
    article, quotes = article_and_quotes(seed_corpus, CAIXIN)
    app = ReaderApp(article, quotes, query="tough")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        paragraph = blocks(reader)[1 + 7]
        # The article's words as written: nothing put in between them.
        assert str(paragraph.content) == article.paragraphs[7]
        assert "was “tough” while China was “firm” in defending" in str(paragraph.content)
        segments = [s for line in rendered(paragraph) for s in line]
        tough = next(s for s in segments if s.text == "tough")
        assert tough.style.italic and tough.style.bold and tough.style.bgcolor  # a quotation and a match
        firm = next(s for s in segments if "firm" in s.text)
        assert firm.style.italic and firm.style.color != paragraph.rich_style.color
        assert not next(s for s in segments if s.text.startswith(" in defending")).style.italic
        # Who said them: the line right under the paragraph, one run of one speaker.
        line = paragraph.parent.children[paragraph.parent.children.index(paragraph) + 1]
        assert isinstance(line, SpeakerLine) and line.display
        assert str(line.content) == "Li Chenggang: “tough”, “firm”"
        name = next(s for s in rendered(line)[0] if s.text == "Li Chenggang")
        assert name.style.bold and not name.style.italic


async def test_a_quotation_without_speaker_is_only_styled(seed_corpus):
    article, quotes = article_and_quotes(seed_corpus, SCMP)
    unnamed = next(q for q in quotes if q.speaker is None)
    app = ReaderApp(article, quotes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        assert str(blocks(reader)[1].content) == article.paragraphs[0]
        named = " ".join(str(w.content) for w in speaker_lines(reader))
        assert "Scott Bessent" in named and "Donald Trump" in named
        assert f"“{unnamed.text}" not in named


async def test_an_inferred_speaker_says_how_sure_it_is(seed_corpus):
    """The title's quotation is attributed from the body (a guess), and the reader says so; opened
    at a quotation, its line says how its speaker was found."""
    from talks_tui.index.model import attribution_kind

    article, quotes = article_and_quotes(seed_corpus, GLOBAL_TIMES)
    headline = next(q for q in quotes if q.paragraph is None)
    assert headline.attribution == "headline"
    app = ReaderApp(article, quotes, focus_quote=headline.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        title_line = speaker_lines(reader)[0]
        assert title_line.region.y < reader.query_one(".reader-byline").region.y
        assert str(title_line.content).startswith(f"{headline.speaker} (a guess): “")
        assert str(title_line.content).endswith(attribution_kind("headline").says)


async def test_copied_text_is_the_articles_text(seed_corpus):
    """A selection across paragraphs and their speaker lines copies the paragraphs only."""
    from textual.selection import Selection

    article, quotes = article_and_quotes(seed_corpus, CNA)
    app = ReaderApp(article, quotes)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        assert len(speaker_lines(reader)) > 3
        app.screen.selections = {w: Selection(None, None) for w in reader.children if w.display}
        await pilot.press("ctrl+c")
        copied = app.clipboard
        for paragraph in article.paragraphs:
            assert paragraph in copied
        assert not any(str(w.content) in copied for w in speaker_lines(reader))


@pytest.mark.parametrize("article_id, quote_index", [(SCMP, 5), (CNA, 5)])
async def test_opening_at_a_quotation_scrolls_to_it(seed_corpus, article_id, quote_index):
    article, quotes = article_and_quotes(seed_corpus, article_id)
    focus = quotes[quote_index]
    app = ReaderApp(article, quotes, focus_quote=focus.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        assert reader.scroll_offset.y > 0
        widget = blocks(reader)[1 + focus.paragraph]
        lines = rendered(widget)
        words = focus.text.split()
        first = next(y for y, line in enumerate(lines) if any(words[0] in s.text for s in line))
        strong = [s for s in lines[first] if words[0] in s.text][0]
        assert strong.style.bold and strong.style.italic and strong.style.bgcolor != widget.rich_style.bgcolor
        assert visible_rows(reader, widget, first)
        # Other quotations are marked, but not as strongly.
        others = [s for line in lines for s in line if s.style.italic and not s.style.bold]
        if len([q for q in quotes if q.paragraph == focus.paragraph]) > 1:
            assert others


async def test_show_again_reuses_the_pane_and_scrolls_to_the_new_quotation(seed_corpus):
    cna, cna_quotes = article_and_quotes(seed_corpus, CNA)
    caixin, caixin_quotes = article_and_quotes(seed_corpus, CAIXIN)
    app = ReaderApp(cna, cna_quotes, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        first_paragraph = blocks(reader)[1]
        reader.show(caixin, caixin_quotes, terms("tariffs"), focus_quote=caixin_quotes[1].id)
        await pilot.pause()
        assert reader.article is caixin
        assert len(blocks(reader)) == 1 + len(caixin.paragraphs)
        assert blocks(reader)[1] is first_paragraph  # updated in place, not re-created
        widget = blocks(reader)[1 + 7]
        line = next(y for y, segs in enumerate(rendered(widget)) if any("firm" in s.text for s in segs))
        assert visible_rows(reader, widget, line)
        reader.show(cna, cna_quotes, terms("tariffs"))
        await pilot.pause()
        assert reader.scroll_offset.y == 0 and len(blocks(reader)) == 1 + len(cna.paragraphs)


async def test_markup_in_an_article_is_shown_as_written(tmp_path):
    paragraphs = (
        "Tariffs [bold]x[/] and a lone [/] closer, [@click=app.quit]press[/] and [link=https://e.x]link[/link].",
        "Escapes \x1b[31mred\x07 and tariffs [/ still.",
    )
    article = Article(
        "m", "m.txt", str(tmp_path / "m.txt"), "[bold]Title[/] [@click=app.quit]", "[i]Out[/i]", None, (), paragraphs
    )
    app = ReaderApp(article, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        title, first, second = blocks(reader)
        assert shown_text(title) == "[bold]Title[/] [@click=app.quit]"
        assert shown_text(first) == paragraphs[0]
        assert str(reader.query_one(".reader-byline", Static).content) == "[i]Out[/i]"
        # Control characters are drawn as spaces, and the highlight stays on its word.
        assert shown_text(second) == "Escapes  [31mred  and tariffs [/ still."
        assert highlighted(first) == ["Tariffs"] and highlighted(second) == ["tariffs"]
        await pilot.click(Reader, offset=(10, 6))
        await pilot.press("n", "n", "j")
        await pilot.pause()
        assert app.is_running and reader.current_match == 1
        segments = [s for w in blocks(reader) for line in rendered(w) for s in line]
        assert not any(s.style.link or "@click" in s.style.meta for s in segments)  # no links, no actions


async def test_no_article_shows_a_hint(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, CAIXIN)
    app = ReaderApp(None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        hint = reader.query_one(".reader-hint", Static)
        assert hint.display and str(hint.content) == HINT
        assert not reader.query_one(".reader-title").display
        await pilot.press("n")  # nothing to go to: a bell and a notice, no error
        assert reader.current_match is None and reader.match_count == 0
        reader.show(article, (), terms("tariffs"))
        await pilot.pause()
        assert not hint.display and reader.match_count == 3
        reader.show(None)
        await pilot.pause()
        assert hint.display and not reader.query(".reader-paragraph") and reader.border_subtitle == ""


async def test_set_terms_rehighlights_and_keeps_the_scroll_position(seed_corpus):
    article, quotes = article_and_quotes(seed_corpus, CNA)
    app = ReaderApp(article, quotes, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        widgets = blocks(reader)
        await pilot.press("pagedown", "j", "j")
        await pilot.pause()
        offset = reader.scroll_offset.y
        assert offset > 0
        reader.set_terms(terms("rare earths"))
        await pilot.pause()
        assert reader.scroll_offset.y == offset
        assert blocks(reader) == widgets  # the same widgets, with new highlights
        expected = sum(len(match_spans(p, terms("rare earths"))) for p in [article.title, *article.paragraphs])
        assert reader.match_count == expected > 0
        assert [w.lower() for b in widgets for w in highlighted(b)] == [
            m.group().lower()
            for p in [article.title, *article.paragraphs]
            for m in re.finditer(r"\b(rare|earths?)\b", p, re.I)
        ]
        assert app.changes[-1] == (None, expected)
        reader.set_terms(frozenset())
        await pilot.pause()
        assert reader.match_count == 0 and reader.border_subtitle == ""
        assert reader.scroll_offset.y == offset
        assert not any(highlighted(b) for b in widgets)


async def test_scroll_keys(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, CNA)
    app = ReaderApp(article, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        await pilot.press("j", "j", "down")
        await pilot.pause(0.3)
        assert reader.scroll_offset.y == 3
        await pilot.press("k")
        await pilot.pause(0.3)
        assert reader.scroll_offset.y == 2
        await pilot.press("G")  # at once, no animation to wait for
        assert reader.scroll_offset.y == reader.max_scroll_y
        await pilot.press("g")
        assert reader.scroll_offset.y == 0
        await pilot.press("pagedown")
        assert reader.scroll_offset.y == reader.scrollable_content_region.height
        shown = {b.key: b.description for _, b, _, _ in app.screen.active_bindings.values() if b.show}
        assert shown["n"] == "Next match" and shown["N"] == "Previous match"
        assert {"j", "k"} <= shown.keys()


async def test_highlights_follow_the_theme(seed_corpus):
    article, _ = article_and_quotes(seed_corpus, TURKIYE)
    app = ReaderApp(article, query="tariffs")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)

        def match_colours() -> set:
            return {
                (s.style.color, s.style.bgcolor)
                for w in blocks(reader)
                for line in rendered(w)
                for s in line
                if s.text.lower().startswith("tariff")
            }

        dark = match_colours()
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.pause()
        light = match_colours()
        assert dark and light and dark.isdisjoint(light)


async def test_show_before_the_reader_is_mounted(seed_corpus):
    article, quotes = article_and_quotes(seed_corpus, CNA)

    class EarlyApp(App[None]):
        def compose(self) -> ComposeResult:
            reader = Reader()
            reader.show(article, quotes, terms("tariffs"), focus_quote=quotes[6].id)
            yield reader

    app = EarlyApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        reader = app.query_one(Reader)
        assert len(blocks(reader)) == 1 + len(article.paragraphs)
        assert reader.match_count > 0 and reader.scroll_offset.y > 0
        assert visible_rows(reader, blocks(reader)[1 + quotes[6].paragraph], 0)


def test_snapshot_reader_with_highlights(snap_compare, seed_corpus):
    article, quotes = article_and_quotes(seed_corpus, CAIXIN)
    app = ReaderApp(article, quotes, query="tariffs consensus")
    assert snap_compare(app, terminal_size=(80, 24), press=["n", "n", "_"])
