"""The app as a user walks it (issue 12): the place kept, the search applied in every pane, names
in full where they fit, small terminals. Driven by keys through Textual's pilot, on the seeds."""

from __future__ import annotations

import tomllib

import pytest
from conftest import SEEDS
from pilot import ready, wait_until
from test_app import search
from textual.widgets import Footer, Input, Select, Static, TabbedContent

from talks_tui.index.config import CONFIG_FILE, config_dir, read_settings
from talks_tui.tui.app import TalksApp

CNA = "9f3c9ba3e146"
UNKNOWN_OUTLET = "unknown outlet"  # the one label, everywhere (tui.outlet_names)


@pytest.fixture
def app(tmp_path) -> TalksApp:
    return TalksApp(paths=[SEEDS], index_dir=tmp_path / "index")


def line_text(table, y: int) -> str:
    return "".join(segment.text for segment in table.render_line(y))


def active_pane(app) -> str:
    return app.query_one("#panes", TabbedContent).active


async def settled(pilot) -> None:
    await pilot.pause()
    await pilot.pause(0.05)


async def quote_row(pilot, test) -> int:
    """Move the Quotes pane's cursor with `j` to the first quotation that passes `test`."""
    pane = pilot.app.quotes_pane
    target = next(n for n, row in enumerate(pane.shown_rows) if test(row))
    await pilot.press("g", *["j"] * target)
    assert pane.table.cursor_row == target
    return target


async def focused_quote_in_view(pilot) -> bool:
    reader = pilot.app.reader
    for _ in range(50):
        found = [b for b in reader._blocks if b.focus is not None]
        if found and reader.scroll_offset.y > 0:
            return True
        await pilot.pause(0.02)
    return False


# 1 -----------------------------------------------------------------------------------------------


async def test_enter_on_a_quotation_opens_its_article_at_it_while_another_was_shown(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.reader.article.id != CNA  # the first article is shown
        await pilot.press("2")
        pane = app.quotes_pane
        # A CNA quotation far down its article.
        await quote_row(pilot, lambda r: r.quote.article_id == CNA and (r.quote.paragraph or 0) > 20)
        row = pane.shown_rows[pane.table.cursor_row]
        await pilot.press("enter")
        await settled(pilot)
        assert active_pane(app) == "articles" and app.reader.article.id == CNA
        assert await focused_quote_in_view(pilot), "the reader stayed at the top of the article"
        await settled(pilot)
        assert app.reader.scroll_offset.y > 0 and app.reader._focus_quote == row.quote.id


# 2 -----------------------------------------------------------------------------------------------


async def test_opening_a_quotation_keeps_the_search(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "rare earth")
        await pilot.press("enter", "2", "j", "j", "j", "enter")
        await settled(pilot)
        assert active_pane(app) == "articles"
        assert app.query_one("#search", Input).value == "rare earth"
        assert app.article_list.row_count == 4
        assert app.article_list.cursor_key == app.reader.article.id


# 3 -----------------------------------------------------------------------------------------------


async def test_tab_into_the_search_box_keeps_the_query(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "fentanyl")
        await pilot.press("escape", "slash", "escape")  # `/` selects the query: not for a later tab
        box = app.query_one("#search", Input)
        for _ in range(8):
            if app.focused is box:
                break
            await pilot.press("tab")
        assert app.focused is box
        await pilot.press("2")
        assert box.value == "fentanyl2"  # typed at the end, not over the query
        await pilot.press("escape", "slash", "t")
        assert box.value == "t"  # `/` starts a new search


# 4 -----------------------------------------------------------------------------------------------


async def test_the_quotes_and_compare_panes_apply_the_search(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "soybeans")
        matching = set(app.session.matches.ids)
        assert len(matching) == 2
        await pilot.press("escape", "2")
        await settled(pilot)
        pane = app.quotes_pane
        shown = pane.shown_rows
        expected = [r for r in app.session.quote_rows if r.quote.article_id in matching]
        assert shown and sorted(r.quote.id for r in shown) == sorted(r.quote.id for r in expected)
        status = str(app.query_one("#status", Static).render())
        assert "Quotations of the 2 matching articles (of 5)" in status
        assert f"{len(shown)} of {len(app.session.quote_rows)} quotations" in str(
            pane.query_one("#quote-detail").border_title
        )
        await pilot.press("3")
        compare = app.compare_pane
        await wait_until(pilot, lambda: compare.alignment is not None, "the alignment")
        sides = {compare.choices[n].id for n in compare.sides}
        assert sides == matching  # the two matching articles, one on each side
        assert {c.id for c in compare.choices if not c.id.startswith("outlet:")} == matching
        await pilot.press("4")
        await settled(pilot)
        assert "the search (2 match) is not applied here" in str(app.query_one("#status", Static).render())
        # No search: every quotation again.
        await pilot.press("slash", "ctrl+a", "ctrl+k")
        await wait_until(pilot, lambda: app.session.matches is None, "no search")
        await pilot.press("escape", "2")
        await settled(pilot)
        assert len(pane.shown_rows) == len(app.session.quote_rows)


# 5 -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Trump outlet:caixin", "speaker:bessent", "quote:tough", "tariffs"])
async def test_hits_are_what_the_reader_highlights(app, query):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, query)
        await pilot.press("escape")
        table = app.article_list
        assert table.columns[-1].label == "Hits"
        assert table.row_count >= 1
        for row in range(table.row_count):
            await pilot.press("g", *["j"] * row)
            await settled(pilot)
            hits = int(table.cells(row)[3])
            assert app.reader.article.id == table.cursor_key
            assert hits == app.reader.match_count > 0, (query, table.cursor_key)


async def test_a_speaker_search_highlights_that_speakers_quotations(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "speaker:bessent")
        await pilot.press("escape", "enter", "n")
        reader = app.reader
        block, start, end = reader._matches[reader.current_match]
        quote = next(q for q in reader._blocks[block].quotes if (q.start, q.end) == (start, end))
        assert quote.speaker == "Scott Bessent"
        assert reader.border_subtitle == f"match 1 of {reader.match_count}"


async def test_an_outlet_search_alone_counts_nothing(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await search(pilot, "outlet:cna")
        assert [c.label for c in app.article_list.columns] == ["Outlet", "Date", "Title"]


# 7 -----------------------------------------------------------------------------------------------


async def test_columns_are_sized_to_the_terminal_and_the_names(app):
    async with app.run_test(size=(140, 40)) as pilot:
        await ready(pilot)
        table = app.article_list
        assert [c.label for c in table.columns] == ["Outlet", "Date", "Title"]  # no Hits without a search
        rows = [line_text(table, y) for y in range(1, table.row_count + 1)]
        assert any("South China Morning Post " in r for r in rows)  # in full where it fits
        title_width = table.column_widths(table.scrollable_content_region.width)[2]
        assert title_width > 26
        await pilot.resize_terminal(100, 30)
        await settled(pilot)
        rows = [line_text(table, y) for y in range(1, table.row_count + 1)]
        assert any(r.startswith(" SCMP ") for r in rows)  # the short name where the full one does not fit
        assert not any("South China M…" in r for r in rows)
        await pilot.resize_terminal(120, 40)
        await pilot.press("2")
        await settled(pilot)
        quotes = app.quotes_pane.table
        await quote_row(pilot, lambda r: r.quote.speaker == "US Treasury spokesperson")
        await settled(pilot)
        shown = line_text(quotes, quotes.cursor_row - quotes.scroll_offset.y + 1)
        assert "US Treasury spokesperson " in shown
        assert "They have been very constructive, and we e" in shown  # the quotation keeps 40 columns


# 8 -----------------------------------------------------------------------------------------------


async def test_variants_of_a_statement_are_bracketed_with_their_outlets(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("2")
        pane = app.quotes_pane
        rows = pane.shown_rows
        marks = [pane.table.cells(n)[0] for n in range(len(rows))]
        runs = []  # (first, last) rows of each run of one statement
        for n, row in enumerate(rows):
            if row.variants > 1 and (n == 0 or rows[n - 1].group != row.group):
                last = n
                while last + 1 < len(rows) and rows[last + 1].group == row.group:
                    last += 1
                runs.append((n, last))
        assert len(runs) >= 2
        for first, last in runs:
            outlets = {r.article.outlet for r in app.session.quote_rows if r.group == rows[first].group}
            if first == last:
                assert marks[first].startswith("≈")
            else:
                assert marks[first].startswith("╭") and marks[last].startswith("╰")
                assert all(m.startswith("│") for m in marks[first + 1 : last])
            assert marks[first][1:].strip() == str(len(outlets))
        # The detail line counts outlets, not quotations.
        first, last = max(runs, key=lambda run: run[1] - run[0])
        await quote_row(pilot, lambda r: r is rows[first])
        outlets = {r.article.outlet for r in app.session.quote_rows if r.group == rows[first].group}
        detail = str(pane.query_one("#quote-detail", Static).render())
        assert f"in {len(outlets)} outlets" in detail


# 10 ----------------------------------------------------------------------------------------------


async def test_an_empty_quote_list_says_which_filters_are_on(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *list("Quotes by Li Chenggang"))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: active_pane(app) == "quotes", "the quotes pane")
        await settled(pilot)
        pane = app.quotes_pane
        li = [r for r in app.session.quote_rows if r.quote.speaker == "Li Chenggang"]
        # The outlet menu counts the chosen speaker's quotations.
        options = pane.query_one("#outlet-select", Select)._options
        counts = {value: str(label) for label, value in options if value is not Select.NULL}
        assert sum(int(text.rsplit("(", 1)[1].rstrip(")")) for text in counts.values()) == len(li)
        assert set(counts) == {r.article.outlet for r in li}
        await pilot.press("f", *list("zzzz"))
        await settled(pilot)
        assert pane.table.row_count == 0
        shown = line_text(pane.table, 1)
        assert "No quotation matches: words “zzzz” (f) · speaker Li Chenggang (s)" in shown
        assert "No quotation matches" in str(pane.query_one("#quote-detail", Static).render())


# 11 ----------------------------------------------------------------------------------------------


async def test_an_unknown_outlet_has_one_label_and_a_known_site_is_shown(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.md").write_text(
        "---\ntitle: Storm hits the coast\nurl: https://www.example-news.org/storm\n---\n\n"
        'The storm was "the worst in years," said mayor Ana Ruiz.\n',
        encoding="utf-8",
    )
    (corpus / "b.txt").write_text(
        'Storm damage counted\n\nDamage from the storm is "still rising," said Ana Ruiz on Monday.\n', encoding="utf-8"
    )
    app = TalksApp(paths=[corpus], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        by_title = {a.title: a for a in app.session.articles}
        assert by_title["Storm damage counted"].outlet is None
        rows = {line_text(app.article_list, y) for y in (1, 2)}
        assert any(r.startswith(" example-news.org ") for r in rows)  # the site, where the outlet is unknown
        assert any(r.startswith(f" {UNKNOWN_OUTLET} ") for r in rows)
        await search(pilot, "storm")
        assert f"{UNKNOWN_OUTLET} 2" in str(app.query_one("#status", Static).render())
        await pilot.press("escape")
        unknown_row = next(y for y in (1, 2) if line_text(app.article_list, y).startswith(f" {UNKNOWN_OUTLET}"))
        await pilot.press("g", *["j"] * (unknown_row - 1), "enter")
        await settled(pilot)
        assert str(app.reader.query_one(".reader-byline", Static).content).startswith(UNKNOWN_OUTLET)
        await pilot.press("2")
        await settled(pilot)
        labels = [str(label) for label, value in app.quotes_pane.query_one("#outlet-select", Select)._options]
        assert f"{UNKNOWN_OUTLET} (2)" in labels
        quote_rows = [line_text(app.quotes_pane.table, y) for y in (1, 2)]
        assert any(" example-news.org " in r for r in quote_rows)
        assert any(f" {UNKNOWN_OUTLET} " in r for r in quote_rows)
        everything = " ".join([line_text(app.article_list, 1), line_text(app.quotes_pane.table, 1), *labels])
        assert " ? " not in everything and "unknown " not in everything.replace(UNKNOWN_OUTLET, "")


# 12 ----------------------------------------------------------------------------------------------


async def test_the_search_hint_is_made_from_the_open_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for n, day in enumerate(("2024-03-01", "2024-03-04")):
        (corpus / f"{n}.md").write_text(
            f"---\ntitle: Port strike day {n}\noutlet: Reuters\ndate: {day}\n---\n\n"
            f'"We will not go back," union leader Maria Lopes said on day {n}.\n',
            encoding="utf-8",
        )
    app = TalksApp(paths=[corpus], index_dir=tmp_path / "index")
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        hint = app.query_one("#search", Input).placeholder
        assert "outlet:reuters" in hint and 'speaker:"maria lopes"' in hint
        assert "date:[2024-03-01 to 2024-03-04]" in hint
        assert "scmp" not in hint and "bessent" not in hint and "2025" not in hint
        await pilot.press("slash", *list(hint.split("speaker:")[1].split(",")[0]))  # the example works
        await pilot.press("home", *list("speaker:"))
        await wait_until(pilot, lambda: app.session.matches is not None and app.session.matches.total == 2, "2")


# 13 ----------------------------------------------------------------------------------------------


async def test_g_and_shift_g_jump_at_once_in_the_reader(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press(*["j"] * 4, "enter")  # CNA, the longest
        await settled(pilot)
        reader = app.reader
        assert reader.article.id == CNA and reader.max_scroll_y > 20
        seen: list[float] = []  # every place the reader scrolls through

        def record(y: float) -> None:
            seen.append(y)

        app.watch(reader, "scroll_y", record, init=False)
        await pilot.press("G")
        assert seen == [reader.max_scroll_y]  # one jump, not a glide through the places between
        seen.clear()
        await pilot.press("g")
        assert seen == [0]


# 14 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_a_small_terminal_shows_the_list_or_the_reader_whole(app, size):
    width, height = size
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        table, reader = app.article_list, app.reader
        assert table.display and not reader.region.height  # the list alone
        assert table.region.height - 1 >= table.row_count == 5  # every row, below its header
        footer = app.query_one(Footer)
        assert footer.region.bottom == height
        keys = [w for w in footer.query("FooterKey") if w.display]
        assert keys and all(k.region.right <= width for k in keys)
        labels = " ".join(str(k.description) for k in keys)
        assert "Quit" in labels
        await pilot.press(*["j"] * 4, "enter")
        await settled(pilot)
        assert not table.region.height and reader.region.height >= height - 8
        paragraphs = [w for w in reader.query(".reader-paragraph") if w.region.height]
        assert paragraphs, "the reader shows the article's paragraphs, not only its title"
        await pilot.press("escape")
        await settled(pilot)
        assert app.focused is table and table.region.height and not reader.region.height


async def test_a_wide_terminal_keeps_list_and_reader_side_by_side(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.article_list.region.height and app.reader.region.height
        assert app.article_list.region.y == app.reader.region.y


# 15 ----------------------------------------------------------------------------------------------


async def test_f1_opens_help(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("f1")
        assert app.screen.__class__.__name__ == "HelpScreen"
        await pilot.press("escape")
        assert app.screen.__class__.__name__ != "HelpScreen"


async def test_the_byline_says_the_outlets_kind_and_country(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        byline = str(app.reader.query_one(".reader-byline", Static).content)
        assert byline.startswith("Global Times (state media, China) · 2025-10-27")


async def test_the_chosen_theme_is_kept_for_the_next_run(tmp_path):
    settings_file = config_dir() / CONFIG_FILE
    settings_file.parent.mkdir(parents=True, exist_ok=True)
    settings_file.write_text('# my keys\n[keys]\npane-quotes = "2,w"\n', encoding="utf-8")
    app = TalksApp(paths=[SEEDS], index_dir=tmp_path / "index", settings=read_settings())
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.theme != "nord"
        await pilot.press("ctrl+p", *list("theme"))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.5)
        await pilot.press(*list("nord"))
        await pilot.pause(0.5)
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == "nord", "the theme")
    saved = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    assert saved == {"keys": {"pane-quotes": "2,w"}, "app": {"theme": "nord"}}
    assert settings_file.read_text(encoding="utf-8").startswith("# my keys\n")
    again = TalksApp(paths=[SEEDS], index_dir=tmp_path / "index", settings=read_settings())
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
