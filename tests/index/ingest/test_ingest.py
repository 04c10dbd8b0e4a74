"""From files to Articles: the bundled seeds, hard files, and articles in other outlets' styles."""

import hashlib
import os
import sys
from pathlib import Path

import pytest

from talks_tui.index.ingest.boilerplate import classify_line
from talks_tui.index.ingest.load import SUPPORTED_SUFFIXES, discover_files, load_file
from talks_tui.index.ingest.metadata import date_line, parse_byline
from talks_tui.index.ingest.outlets import OutletTable
from talks_tui.index.ingest.walk import UnknownFormat, find_files
from talks_tui.index.textclean import clean_line

SEEDS = Path(__file__).resolve().parents[3] / "seeds"


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return OutletTable.load()


def load_one(path: Path, table: OutletTable, root: Path | None = None):
    articles, problems = load_file(path, root or path.parent, table)
    assert len(articles) == 1, problems
    return articles[0], problems


def sha12(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:12]


# --- the bundled seeds ----------------------------------------------------------------

# Hand-checked metadata (the same as ../shared/eval/seeds_gold.json).
SEED_METADATA = {
    "000_bc1bdba27e597c2f.txt": (
        "Global Times",
        "‘US expresses its position in a tough manner, China remains resolute in safeguarding its "
        "interests'; China, US reach basic consensuses on properly addressing several key economic, "
        "trade issues",
        "2025-10-27",
        ("Chi Jingyi", "Li Xuanmin"),
    ),
    "001_d262437398b2ef6c.txt": (
        "Caixin Global",
        "China, U.S. Reach Basic Consensus in Kuala Lumpur Trade Talks Ahead of Leaders’ Summit",
        "2025-10-30",
        (),
    ),
    "002_226ded49a171c2f9.txt": (
        "South China Morning Post",
        "China, US trade talks start in Kuala Lumpur ahead of possible Xi-Trump summit",
        "2025-10-27",
        ("Ralph Jennings", "Xinyi Wu"),
    ),
    "003_d5655a0cafe0ffc0.txt": (
        "Türkiye Today",
        "US, China agree on preliminary trade deal in Malaysia, officials say",
        "2025-10-26",
        (),
    ),
    # Reuters copy carried by CNA: the publisher is the outlet.
    "004_700e003a7b071ea3.txt": (
        "CNA",
        "US-China trade talks in Malaysia 'very constructive'",
        "2025-10-25",
        (),
    ),
}

# Every line of each seed that is not story text, by the start of the line.
SEED_FURNITURE = {
    "000_bc1bdba27e597c2f.txt": [
        "date 2025-10-27 ‘US expresses",  # headline with a date glued to it
        "By Chi Jingyi and Li Xuanmin ( Global Times",  # byline
        "Chinese Vice Premier He Lifeng (right) and US Treasury",  # caption, "Photo: Xinhua"
    ],
    "001_d262437398b2ef6c.txt": [
        "China, U.S. Reach Basic Consensus",  # headline
        "30 Oct 2025",  # date line
        "He Lifeng, a member of the Political Bureau",  # caption
        "Contact editor Lu Zhenhua",  # contact footer
        "caixinglobal.com is the English-language",  # publisher and reprint notice
        "Image: naraichal",  # image credit
    ],
    "002_226ded49a171c2f9.txt": [
        "China, US trade talks start in Kuala Lumpur ahead of possible Xi-Trump summit",  # headline, 4 times
        "Homepage / business /",  # breadcrumb
        "Ralph Jennings,Xinyi Wu",  # byline and date
        "Copyright scmp",
        "Guess You Like",  # link list and its items
        "Modi greets Bolivia's Rodrigo Paz",
        "Prime Minister Narendra Modi o...",
        "2025-10-21",
    ],
    "003_d5655a0cafe0ffc0.txt": [
        "Close",  # navigation
        "newsletters Newsletters",
        "X Instagram Youtube",
        "US, China agree on preliminary trade deal",  # headline
        "US and Chinese flags prior to meeting",  # caption, twice
        "Photo",
        "BigPhoto",
        "October 26, 2025 01:55 PM GMT+03:00",  # date line, twice
        "Talks yield tentative breakthrough",  # links to other stories inside the story
        "U.S. Treasury Secretary Scott Bessent (R) and Chinese Vice Premier He Lifeng (L)",  # caption, twice
        "Trump’s Asia tour sets stage",
        "More From Türkiye Today",
    ],
    "004_700e003a7b071ea3.txt": [
        "Skip to main content",
        "Advertisement",
        "East Asia",  # section label
        "US-China trade talks in Malaysia 'very constructive'",  # headline, twice
        "Chinese Vice Premier He Lifeng arrives for trade talks",  # caption
        "US Trade Representative Jamieson Greer looks on",  # caption
        "Source: Reuters/ht",  # credit
        "Also worth reading",
    ],
}


def seed_lines(name: str) -> list[str]:
    return [line for raw in (SEEDS / name).read_text(encoding="utf-8").splitlines() if (line := clean_line(raw))]


def test_seeds_are_found_sorted(table):
    pairs = discover_files([SEEDS])
    assert [f.name for f, _ in pairs] == sorted(SEED_METADATA)
    assert all(root == SEEDS.absolute() for _, root in pairs)


@pytest.mark.parametrize("name", sorted(SEED_METADATA))
def test_seed_metadata(table, name):
    article, problems = load_one(SEEDS / name, table)
    assert problems == []
    assert (article.outlet, article.title, article.date, article.authors) == SEED_METADATA[name]
    assert article.file == name
    assert article.path == str((SEEDS / name).absolute())
    assert article.id == sha12(f"{name}#0")
    assert article.word_count == sum(len(p.split()) for p in article.paragraphs) > 100


def test_seed_outlet_details(table):
    article, _ = load_one(SEEDS / "000_bc1bdba27e597c2f.txt", table)
    assert (article.outlet_kind, article.outlet_country) == ("state media", "China")


@pytest.mark.parametrize("name", sorted(SEED_FURNITURE))
def test_seed_body_is_exactly_the_story_lines(table, name):
    """Line by line: every furniture line is gone, every other line is kept, in order."""
    article, _ = load_one(SEEDS / name, table)
    furniture = SEED_FURNITURE[name]
    expected = [line for line in seed_lines(name) if not any(line.startswith(f) for f in furniture)]
    assert list(article.paragraphs) == expected
    for line in seed_lines(name):
        if any(line.startswith(f) for f in furniture):
            assert line not in article.paragraphs


@pytest.mark.parametrize("name", sorted(SEED_METADATA))
def test_no_seed_paragraph_is_a_boilerplate_line(table, name):
    article, _ = load_one(SEEDS / name, table)
    for paragraph in article.paragraphs:
        assert classify_line(paragraph) is None, paragraph
        assert paragraph != article.title
        assert date_line(paragraph) == (False, None), paragraph
        assert parse_byline(paragraph, table, header=True) is None, paragraph


def test_seed_story_keeps_standfirst_dateline_and_subheadings(table):
    article, _ = load_one(SEEDS / "004_700e003a7b071ea3.txt", table)
    assert article.paragraphs[0].startswith('"They have been very constructive')
    assert article.paragraphs[1].startswith("KUALA LUMPUR: Top economic officials")
    assert {"TALKING POINTS", "DELICATE BALANCE", "RARE EARTHS STRANGLEHOLD"} <= set(article.paragraphs)
    gt, _ = load_one(SEEDS / "000_bc1bdba27e597c2f.txt", table)
    assert "What's next?" in gt.paragraphs


# --- finding files ----------------------------------------------------------------------


def test_discover_files_recurses_sorts_and_reports_hidden_and_unsupported(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    for rel in [
        "b/z.md",
        "b/a.txt",
        "a.html",
        "c.jsonl",
        ".secret.txt",
        ".hidden/x.txt",
        "notes.pdf",
        "d.NDJSON",
    ]:
        (tmp_path / rel).write_text("x", encoding="utf-8")
    found = find_files([tmp_path])
    assert [f.relative_to(root).as_posix() for f, root in found.files] == [
        "a.html",
        "b/a.txt",
        "b/z.md",
        "c.jsonl",
        "d.NDJSON",
    ]
    assert {root for _, root in found.files} == {tmp_path.absolute()}
    assert discover_files([tmp_path]) == found.files
    # Never silent: each entry left out is named, with the reason.
    left_out = {Path(p.path).name: p.message for p in found.problems}
    assert left_out.keys() == {".hidden", ".secret.txt", "notes.pdf"}
    assert "hidden" in left_out[".hidden"] and "unknown format" in left_out["notes.pdf"]
    assert all(p.skipped for p in found.problems)


def test_discover_files_refuses_an_explicit_file_of_unknown_format_and_dedupes(tmp_path):
    notes = tmp_path / "notes.log"
    notes.write_text("x", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("x", encoding="utf-8")
    with pytest.raises(UnknownFormat, match=r"notes\.log: unknown format.*\.log files"):
        discover_files([notes, tmp_path])
    pairs = discover_files([story, tmp_path, story])
    assert pairs == [(story.absolute(), tmp_path.absolute())]


def test_discover_files_names_a_missing_path(tmp_path):
    missing = tmp_path / "no-such-folder"
    with pytest.raises(FileNotFoundError, match="no-such-folder"):
        discover_files([missing])


def test_supported_suffixes():
    assert {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"} <= SUPPORTED_SUFFIXES
    assert {".docx", ".rtf", ".json", ".csv", ".xml", ".mhtml", ".mht"} <= SUPPORTED_SUFFIXES


# --- hard files ---------------------------------------------------------------------------

STORY = "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said."


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_cp1252_file_is_decoded_with_a_warning(tmp_path, table):
    text = (
        "Café owners say talks were “naïve” – and costly\n\n"
        "Café owners in Zürich said the “new rules” were naïve – and costly for small firms, they said.\n"
    )
    article, problems = load_one(write(tmp_path, "cp.txt", text.encode("cp1252")), table)
    assert article.title == "Café owners say talks were “naïve” – and costly"
    assert article.paragraphs[0].startswith("Café owners in Zürich said the “new rules”")
    assert [(p.message, p.skipped) for p in problems] == [("not UTF-8; decoded as cp1252", False)]


def test_latin1_file_is_decoded_with_a_warning(tmp_path, table):
    text = f"Résumé of the talks\n\n{STORY} Señor Pérez agreed.\n"
    article, problems = load_one(write(tmp_path, "l1.txt", text.encode("latin-1")), table)
    assert "Señor Pérez" in article.paragraphs[0]
    assert problems and not problems[0].skipped and "not UTF-8" in problems[0].message


def test_cyrillic_legacy_encoding_is_detected(tmp_path, table):
    text = "Переговоры завершились\n\nПереговоры в Куала-Лумпуре завершились, сообщили официальные лица.\n"
    article, problems = load_one(write(tmp_path, "ru.txt", text.encode("cp1251")), table)
    assert article.title == "Переговоры завершились"
    assert problems[0].message == "not UTF-8; decoded as cp1251"


def test_mostly_utf8_with_a_stray_byte_keeps_its_characters(tmp_path, table):
    data = f"Café talks end\n\n{STORY} Señor Pérez agreed.".encode() + b"\xff\n"
    article, problems = load_one(write(tmp_path, "stray.txt", data), table)
    assert article.title == "Café talks end" and "Señor Pérez" in article.paragraphs[0]
    assert problems[0].message == "not valid UTF-8; 1 bad byte replaced"


def test_utf8_with_bom_loads_cleanly(tmp_path, table):
    article, problems = load_one(
        write(tmp_path, "bom.txt", ("\ufeffTalks end with a deal\n\n" + STORY).encode()), table
    )
    assert article.title == "Talks end with a deal"
    assert problems == []


def test_utf16_with_bom_is_text_not_binary(tmp_path, table):
    article, _ = load_one(write(tmp_path, "u16.txt", ("Talks end with a deal\n\n" + STORY).encode("utf-16")), table)
    assert article.paragraphs == (STORY,)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\n \r\n", "empty (only whitespace)"),
        (bytes(range(256)) * 8, "binary file, not text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary file, not text"),
    ],
)
def test_unusable_files_are_skipped_with_a_reason(tmp_path, table, content, reason):
    path = write(tmp_path, "bad.txt", content)
    assert load_file(path, tmp_path, table) == (
        [],
        [pytest.importorskip("talks_tui.index.model").Problem(str(path), reason, True)],
    )


def test_too_large_file_is_read_up_to_the_bound_and_the_cut_reported(tmp_path, table):
    path = tmp_path / "huge.txt"
    line = (STORY + "\n").encode()
    path.write_bytes(b"Talks end with a deal\n\n" + line * (11 * 1024 * 1024 // len(line)))
    articles, problems = load_file(path, tmp_path, table)
    assert len(articles) == 1 and articles[0].body.endswith(STORY)  # cut at the end of a line
    assert [p.message for p in problems if "first 10 MB" in p.message] == [
        "only the first 10 MB read (the file has 11.0 MB)"
    ]
    assert not any(p.skipped for p in problems)


def test_unreadable_file_is_skipped_naming_it(tmp_path, table):
    path = write(tmp_path, "locked.txt", "Talks\n\n" + STORY)
    path.chmod(0)
    try:
        try:
            path.open("rb").close()
            pytest.skip("running as a user who can read any file (root)")
        except PermissionError:
            pass
        articles, problems = load_file(path, tmp_path, table)
        assert articles == []
        assert problems[0].skipped and problems[0].path == str(path) and "cannot read" in problems[0].message
    finally:
        path.chmod(0o644)


def test_read_error_is_a_skipped_problem(tmp_path, table, monkeypatch):
    path = write(tmp_path, "vanishing.txt", "Talks\n\n" + STORY)

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    articles, problems = load_file(path, tmp_path, table)
    assert articles == []
    assert str(problems[0]) == f"{path}: cannot read: Permission denied"
    assert problems[0].skipped


def test_file_that_vanished_is_a_skipped_problem(tmp_path, table):
    articles, problems = load_file(tmp_path / "gone.txt", tmp_path, table)
    assert articles == [] and problems[0].skipped and "gone.txt" in str(problems[0])


def test_escape_codes_and_controls_are_removed(tmp_path, table):
    text = (
        "\x1b]0;pwned title\x07Talks \x1b[1mend\x1b[0m with a deal\n\n"
        "Officials \x1b[31mfrom both sides\x1b[0m met in Kuala\x00 Lumpur\x07 on Saturday"
        " and again on Sunday,"
        " a spokesperson\u0090 said.\u009b2J\n"
    )
    article, _ = load_one(write(tmp_path, "esc.txt", text), table)
    assert article.title == "Talks end with a deal"
    assert article.paragraphs == (STORY,)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for p in article.paragraphs for c in p)


def test_markup_like_text_survives_unchanged(tmp_path, table):
    line = "Officials said [bold]tariffs[/] would fall and [link=x]exports[/link] would rise, they said."
    article, _ = load_one(write(tmp_path, "markup.txt", f"Talks end with a deal\n\n{line}\n\n{STORY}\n"), table)
    assert article.paragraphs[0] == line


def test_yaml_front_matter_overrides_detection(tmp_path, table):
    text = f"""---
title: "Trade talks: the view from Beijing"
outlet: scmp
date: 2025-10-28
authors: [Jane Doe, John Roe]
url: https://www.scmp.com/news/china/article/123
id: scmp-123
---
A detected headline that loses

By Someone Else

30 Oct 2025

{STORY}

© 2025 Foo Daily. All rights reserved.
"""
    article, problems = load_one(write(tmp_path, "fm.md", text), table)
    assert problems == []
    assert article.title == "Trade talks: the view from Beijing"
    assert (article.outlet, article.outlet_kind) == ("South China Morning Post", "commercial")
    assert article.date == "2025-10-28"
    assert article.authors == ("Jane Doe", "John Roe")
    assert (article.url, article.id) == ("https://www.scmp.com/news/china/article/123", "scmp-123")
    assert STORY in article.paragraphs


def test_toml_front_matter_overrides_detection_and_url_gives_the_id(tmp_path, table):
    text = f"""+++
title = "Talks in Kuala Lumpur"
outlet = "Harbour Times"
date = 2025-10-26
author = "Maria Santos"
url = "https://harbourtimes.example/talks"
+++
Talks end with a deal
By Someone Else
{STORY}
"""
    article, problems = load_one(write(tmp_path, "fm.txt", text), table)
    assert problems == []
    assert (article.title, article.outlet, article.date) == (
        "Talks in Kuala Lumpur",
        "Harbour Times",
        "2025-10-26",
    )
    assert article.authors == ("Maria Santos",)
    assert article.id == sha12("https://harbourtimes.example/talks")
    assert article.outlet_kind is None


def test_bad_front_matter_is_a_warning_and_the_file_still_loads(tmp_path, table):
    text = f"---\ntitle: [unclosed\noutlet: x: y\n---\nTalks end with a deal\n\n{STORY}\n"
    article, problems = load_one(write(tmp_path, "badfm.txt", text), table)
    assert article.title == "Talks end with a deal"
    assert article.paragraphs == (STORY,)
    assert len(problems) == 1 and not problems[0].skipped and "front matter" in problems[0].message


def test_markdown_headings_links_and_emphasis(tmp_path, table):
    text = """# Talks end with a *deal* in sight

![Leaders at the talks](https://example.com/photo.jpg)

Officials from **both sides** met in [Kuala Lumpur](https://example.com/kl) on Saturday
and again on Sunday, a _spokesperson_ said.

## What comes next

> "We expect progress," an official said of the talks, which resume next week in Seoul.

- Tariffs: a [bold] truce [/] was extended for 90 days, officials said.
"""
    article, problems = load_one(write(tmp_path, "story.md", text), table)
    assert problems == []
    assert article.title == "Talks end with a deal in sight"
    assert article.paragraphs == (
        STORY,
        '"We expect progress," an official said of the talks, which resume next week in Seoul.',
        "Tariffs: a [bold] truce [/] was extended for 90 days, officials said.",
    )


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Asean leaders welcome US-China trade truce | The Harbour Times</title>
<meta property="og:site_name" content="The Harbour Times">
<meta name="author" content="Maria Santos">
<meta property="article:published_time" content="2025-10-27T08:30:00+08:00">
<link rel="canonical" href="https://www.harbourtimes.example/asia/asean-leaders-welcome-truce">
</head><body>
<header><nav><a href="/">Home</a> <a href="/asia">Asia</a> <a href="/subscribe">Subscribe</a></nav></header>
<div class="ad-slot">Advertisement</div>
<main><article>
<h1>Asean leaders welcome US-China trade truce</h1>
<p class="byline">By Maria Santos</p>
<figure><img src="leaders.jpg" alt="Leaders"><figcaption>Asean leaders pose for a group photo. Photo: AFP</figcaption></figure>
<p>KUALA LUMPUR: Southeast Asian leaders on Monday welcomed the preliminary trade deal reached by the United States and China, saying it eased pressure on export-dependent economies.</p>
<p>"This is good news for all of us," Malaysian Prime Minister Anwar Ibrahim said at the close of the Asean summit.</p>
<div class="ad-slot">Advertisement</div>
<p>The framework is expected to be finalised when Trump meets Chinese President Xi Jinping in South Korea later this week.</p>
<aside><h3>Read more</h3><ul><li><a href="/a">Trump signs minerals deals in Malaysia</a></li></ul></aside>
</article></main>
<footer><p>Sign up for our newsletter</p><p>© 2025 The Harbour Times. All rights reserved.</p></footer>
</body></html>
"""  # noqa: E501 (scraped lines are long)
HTML_STORY = (
    "KUALA LUMPUR: Southeast Asian leaders on Monday welcomed the preliminary trade deal reached by the"
    " United States and China, saying it eased pressure on export-dependent economies.",
    '"This is good news for all of us," Malaysian Prime Minister Anwar Ibrahim said at the close of the Asean summit.',
    "The framework is expected to be finalised when Trump meets Chinese President Xi Jinping in South"
    " Korea later this week.",
)


def test_html_news_page(tmp_path, table):
    article, problems = load_one(write(tmp_path, "page.html", HTML_PAGE), table)
    assert problems == []
    assert article.title == "Asean leaders welcome US-China trade truce"
    assert (article.outlet, article.date, article.authors) == (
        "The Harbour Times",
        "2025-10-27",
        ("Maria Santos",),
    )
    assert article.paragraphs == HTML_STORY
    assert article.url == "https://www.harbourtimes.example/asia/asean-leaders-welcome-truce"
    assert article.id == sha12(article.url)


def test_html_page_without_the_extractor_uses_a_basic_reader(tmp_path, table, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails
    article, problems = load_one(write(tmp_path, "page.htm", HTML_PAGE), table)
    assert article.title == "Asean leaders welcome US-China trade truce"
    assert (article.outlet, article.date, article.authors) == (
        "The Harbour Times",
        "2025-10-27",
        ("Maria Santos",),
    )
    assert article.paragraphs == HTML_STORY
    assert len(problems) == 1 and not problems[0].skipped and "basic reader" in problems[0].message


def test_html_saved_as_txt_is_read_as_html(tmp_path, table):
    article, _ = load_one(write(tmp_path, "page.txt", HTML_PAGE), table)
    assert article.paragraphs == HTML_STORY


def test_json_lines_good_and_bad_records(tmp_path, table):
    content = "\n".join(
        [
            '{"id": "r1", "title": "Talks end with a deal", "outlet": "reuters", "date": "Oct 26, 2025",'
            ' "authors": ["Jane Doe"],'
            ' "body": "First paragraph of the story, officials said on Sunday.\\n\\nSecond'
            ' paragraph,\\nwrapped over two lines, officials said."}',
            '{"title": "broken", "body": ',
            "",
            '{"title": "No id here", "url": "https://example.com/a",'
            ' "body": "Line one of the story, they said.\\n'
            'Line two of the story, they said.", "date": "2025-10-27T10:00:00Z", "author": "John Roe"}',
            "[1, 2, 3]",
            '{"title": "Only a title"}',
            '{"title": "Third", "body": "A third story about the trade talks in Kuala Lumpur, they said."}',
        ]
    )
    path = write(tmp_path, "feed.jsonl", content)
    articles, problems = load_file(path, tmp_path, table)
    assert [a.title for a in articles] == ["Talks end with a deal", "No id here", "Third"]
    first, second, third = articles
    assert (first.id, first.outlet, first.outlet_kind, first.date, first.authors) == (
        "r1",
        "Reuters",
        "wire",
        "2025-10-26",
        ("Jane Doe",),
    )
    assert first.paragraphs == (
        "First paragraph of the story, officials said on Sunday.",
        "Second paragraph, wrapped over two lines, officials said.",
    )
    assert second.paragraphs == ("Line one of the story, they said.", "Line two of the story, they said.")
    assert (second.id, second.date, second.authors) == (
        sha12("https://example.com/a"),
        "2025-10-27",
        ("John Roe",),
    )
    assert third.id == sha12("feed.jsonl#5")  # the record's position among non-blank lines
    assert all(a.file == "feed.jsonl" for a in articles)
    assert [(str(p).split(": ", 1)[1].split(":")[0], p.skipped) for p in problems] == [
        ("line 2", True),
        ("line 5", True),
        ("line 6", True),
    ]
    assert all(p.path == str(path) for p in problems)


def test_empty_json_lines_file_is_skipped(tmp_path, table):
    path = write(tmp_path, "empty.ndjson", "\n\n")
    articles, problems = load_file(path, tmp_path, table)
    assert articles == [] and problems[0].skipped


def test_ids_are_stable_and_follow_the_relative_path(tmp_path, table):
    sub = tmp_path / "sub"
    sub.mkdir()
    path = write(sub, "story.txt", f"Talks end with a deal\n\n{STORY}\n")
    article, _ = load_one(path, table, root=tmp_path)
    assert article.id == sha12("sub/story.txt#0")
    again, _ = load_one(path, table, root=tmp_path)
    assert again.id == article.id


def test_text_with_no_recognisable_story_is_kept_with_a_warning(tmp_path, table):
    article, problems = load_one(write(tmp_path, "short.txt", "Hello world\n"), table)
    assert article.paragraphs == ("Hello world",)
    assert problems[0].message.startswith("no story paragraphs recognised") and not problems[0].skipped


def test_hard_wrapped_plain_text_is_joined_into_paragraphs(tmp_path, table):
    text = """Trade talks end with a basic consensus

Top trade negotiators from China and the United States reached a basic
consensus on a range of economic issues after two days of talks in Kuala
Lumpur, officials from both delegations said on Sunday evening.

The two sides agreed to finalise the details and to seek domestic approval
before their leaders meet later this week in South Korea, where the deal
is expected to be signed, according to people familiar with the matter.
"""
    article, _ = load_one(write(tmp_path, "wrapped.txt", text), table)
    assert article.title == "Trade talks end with a basic consensus"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("Top trade negotiators") and article.paragraphs[0].endswith("evening.")


# --- made-up articles in other outlets' styles: the rules are general -------------------

REUTERS_STORY = """Skip to main content
Exclusive news, data and analytics for financial market professionals
World
China's exports slow as US tariffs bite, data shows
By David Lawder and Ellen Zhang
October 24, 2025 3:21 AM GMT+8 Updated 2 hours ago
Share
Containers are stacked at a port in Qingdao, Shandong province, China, October 20, 2025. REUTERS/Stringer/File Photo Purchase Licensing Rights
BEIJING, Oct 24 (Reuters) - China's export growth slowed sharply in September as U.S. tariffs weighed on shipments, customs data showed on Friday, adding pressure on Beijing ahead of trade talks with Washington.
Outbound shipments rose 2.1% year-on-year, down from 4.4% in August and below economists' forecasts of a 3.0% rise in a Reuters poll.
"The tariff shock is now clearly visible in the numbers," said Zhang Zhiwei, chief economist at Pinpoint Asset Management.
Advertisement · Scroll to continue
Imports fell 1.2%, reflecting weak domestic demand, while the trade surplus narrowed to $90.4 billion.
Read more: China's factory activity shrinks for sixth month
Analysts said the data would strengthen the hand of policymakers who favour more fiscal support.
Reporting by David Lawder in Washington and Ellen Zhang in Beijing; Editing by Sam Holmes
Our Standards: The Thomson Reuters Trust Principles., opens new tab
Suggested Topics:
Asia Pacific
Trade
"""  # noqa: E501 (scraped lines are long)

AP_STORY = """AP NEWS
Menu
World News
US and Chinese negotiators meet in Malaysia as tariff deadline looms
By JANE DOE and JOHN ROE
Updated 10:05 AM EDT, October 25, 2025
Share
Copy
Link copied
Email
Facebook
X
Reddit
U.S. Treasury Secretary Scott Bessent arrives for talks in Kuala Lumpur, Malaysia, Saturday, Oct. 25, 2025. (AP Photo/Vincent Thian)
KUALA LUMPUR, Malaysia (AP) — Top U.S. and Chinese economic officials met Saturday in Malaysia's capital, seeking to avert a new escalation in the trade war between the world's two largest economies.
The talks come days before President Donald Trump is due to meet Chinese leader Xi Jinping in South Korea.
"We expect a productive discussion," a U.S. official told reporters, speaking on condition of anonymity.
ADVERTISEMENT
Trump has threatened to impose additional 100% tariffs on Chinese goods from Nov. 1.
WHAT'S AT STAKE
China has tightened controls on exports of rare earths, which are vital for electronics and defense industries.
Associated Press writer Ken Moritsugu in Beijing contributed to this report.
© 2025 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed without permission.
"""  # noqa: E501 (scraped lines are long)

LOCAL_STORY = """Menu
Search
Business
Malaysia hails US-China talks as 'positive signal' for region
Published 5 hours ago | Updated Oct 26, 2025, 10:02 a.m.
By SITI AMINAH and LEE KAH WAI
3 min read
Share this article
Follow us on Google News
Prime Minister Anwar Ibrahim speaks to reporters in Kuala Lumpur. (Bernama photo)
KUALA LUMPUR: Malaysia welcomed the progress made at the US-China trade talks held in the capital, saying it sent a positive signal to businesses across the region.
Prime Minister Anwar Ibrahim said Malaysia was honoured to host the talks and hoped both sides would reach a lasting agreement.
Read more: Anwar says Asean must stay neutral on trade war
"Stability between the two largest economies benefits everyone," he told reporters after a ministerial meeting.
Economists said the talks could lift investor sentiment in the short term.
Sign up for our newsletter to get the latest news delivered to your inbox every morning.
Related:
Trump arrives in Kuala Lumpur for Asean summit
Tariff truce extended for 90 days
© 2025 The Malaysian Courier. All rights reserved.
"""  # noqa: E501 (scraped lines are long)

AGENCY_STORY = """Chinese, U.S. trade teams reach basic consensus in Kuala Lumpur talks
Source: Xinhua
Editor: huaxia
2025-10-26 19:02:15
KUALA LUMPUR, Oct. 26 (Xinhua) -- China and the United States have reached a basic consensus on arrangements to address their respective concerns, Chinese international trade representative Li Chenggang said on Sunday.
The two sides held candid, in-depth and constructive exchanges on important economic and trade issues during the talks, Li told reporters.
The consensus will go through the respective domestic approval procedures, he said.
"""  # noqa: E501 (scraped lines are long)


def story_lines(text: str, first: str, count: int) -> tuple[str, ...]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(first))
    return tuple(lines[start : start + count])


def test_reuters_style_wire_story(tmp_path, table):
    article, _ = load_one(write(tmp_path, "reuters.txt", REUTERS_STORY), table)
    # A wire's dateline and credits say whose copy it is, not who published it: no outlet.
    assert (article.outlet, article.wire, article.outlet_source) == (None, "Reuters", "none")
    assert article.title == "China's exports slow as US tariffs bite, data shows"
    assert (article.date, article.authors) == ("2025-10-24", ("David Lawder", "Ellen Zhang"))
    story = story_lines(REUTERS_STORY, "BEIJING, Oct 24", 3) + story_lines(REUTERS_STORY, "Imports fell", 1)
    assert article.paragraphs == (*story, story_lines(REUTERS_STORY, "Analysts said", 1)[0])


def test_ap_style_story(tmp_path, table):
    article, _ = load_one(write(tmp_path, "ap.txt", AP_STORY), table)
    assert (article.outlet, article.wire) == (None, "Associated Press")
    assert article.title == "US and Chinese negotiators meet in Malaysia as tariff deadline looms"
    assert (article.date, article.authors) == ("2025-10-25", ("Jane Doe", "John Roe"))
    assert article.paragraphs == (
        *story_lines(AP_STORY, "KUALA LUMPUR, Malaysia (AP)", 3),
        *story_lines(AP_STORY, "Trump has threatened", 3),
    )


def test_local_site_with_published_updated_and_capitals_byline(tmp_path, table):
    article, _ = load_one(write(tmp_path, "local.txt", LOCAL_STORY), table)
    assert article.outlet == "The Malaysian Courier"  # not in the table: named by its copyright line
    assert article.title == "Malaysia hails US-China talks as 'positive signal' for region"
    assert (article.date, article.authors) == ("2025-10-26", ("Siti Aminah", "Lee Kah Wai"))
    assert article.paragraphs == (
        *story_lines(LOCAL_STORY, "KUALA LUMPUR: Malaysia", 2),
        *story_lines(LOCAL_STORY, '"Stability between', 2),
    )


def test_news_agency_story_with_editor_footer(tmp_path, table):
    article, _ = load_one(write(tmp_path, "agency.txt", AGENCY_STORY), table)
    assert (article.outlet, article.wire) == (None, "Xinhua")  # the agency's copy, wherever it ran
    assert article.title == "Chinese, U.S. trade teams reach basic consensus in Kuala Lumpur talks"
    assert (article.date, article.authors) == ("2025-10-26", ())  # an editor is not an author
    assert article.paragraphs == story_lines(AGENCY_STORY, "KUALA LUMPUR, Oct. 26", 3)


def test_all_supported_suffixes_load(tmp_path, table):
    body = f"Talks end with a deal\n\n{STORY}\n"
    for suffix in (".txt", ".text", ".TXT", ".md", ".markdown"):
        article, _ = load_one(write(tmp_path, f"a{suffix}", body), table)
        assert article.paragraphs == (STORY,), suffix


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_directory_given_as_file_path_is_a_problem_not_a_crash(tmp_path, table):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    articles, problems = load_file(folder, tmp_path, table)
    assert articles == [] and problems[0].skipped


# --- whatever the text, ingest returns clean articles -------------------------------------

hypothesis = pytest.importorskip("hypothesis")
strategies = hypothesis.strategies

_LINE_PIECES = [
    "By Jane Doe",
    "Advertisement",
    "© 2025 Foo Daily",
    "Source: Reuters/ht",
    "October 26, 2025",
    "Related:",
    "More From Bar News",
    "[bold]x[/]",
    "\x1b[31m",
    "\x9b",
    "Photo: AFP",
    "Home / World / Talks",
    STORY,
]


@hypothesis.settings(max_examples=150, deadline=None)
@hypothesis.given(
    strategies.lists(
        strategies.one_of(strategies.sampled_from(_LINE_PIECES), strategies.text(max_size=80)), max_size=25
    )
)
def test_any_text_loads_without_error_and_without_control_characters(tmp_path_factory, table, lines):
    folder = tmp_path_factory.mktemp("prop")
    path = write(folder, "random.txt", "\n".join(lines))
    articles, problems = load_file(path, folder, table)
    assert all("could not be read" not in p.message for p in problems)
    for article in articles:
        assert article.paragraphs
        text = "\n".join((article.title or "", *article.paragraphs, *article.authors))
        assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in text)
        assert article.date is None or len(article.date) == 10


def test_a_scrapers_date_stamp_is_metadata_not_story_text(tmp_path, table):
    path = tmp_path / "stamped.txt"
    path.write_text(
        " date 2016-05-02 Leicester captain Wes Morgan lauded his teammates for proving the world wrong.\n\n"
        "Tottenham were held to a draw at Stamford Bridge on Monday, gifting Leicester their first title.\n",
        encoding="utf-8",
    )
    article, _ = load_one(path, table)
    assert article.date == "2016-05-02"
    assert article.paragraphs[0].startswith("Leicester captain Wes Morgan")


@pytest.mark.parametrize(
    "caption",
    [
        "In Portoviejo, candles burn in front of a collapsed building for the victims. (Maria Ruiz, AP)",
        "Rescue workers are seen near the cave, where 12 boys are trapped, on July 8, 2018. Copyright JOHN ROE",
        "President Ana Silva, right, and Minister Omar Latif, left, join hands after the vote on Saturday.",
    ],
)
def test_captions_are_out_of_the_story(tmp_path, table, caption):
    path = tmp_path / "captioned.txt"
    story = "Rescuers worked through the night on Sunday to reach people trapped under the rubble, officials said."
    path.write_text(f"Rescue goes on after the quake\n\n{caption}\n\n{story}\n", encoding="utf-8")
    article, _ = load_one(path, table)
    assert article.paragraphs == (story,)


def test_hard_wrapped_wire_copy_under_a_page_header_is_joined(tmp_path, table):
    """A page header of short lines and a first paragraph the page left unwrapped do not hide
    the wire copy's margin: the quotations that cross line ends are whole again."""
    long_paragraph = (
        "(AAP) - Nine Australians known to be in Haiti are safe, but fears remain for others after the most"
        " powerful earthquake in more than 200 years devastated the Caribbean nation."
    )
    text = f"""ID :
99958
Thu, 01/14/2010 - 11:32

Nine Aussies confirmed safe in Haiti

{long_paragraph}

The quake measuring 7.0 on the Richter scale struck the capital Port-au-Prince on
Wednesday Australian time, toppling buildings and triggering fears of a death toll
running into hundreds.
Australian aid worker Ian Rodgers says the earthquake struck with "extreme force and
ferocity".
"What's resulted is a lot of landsliding, and buildings have collapsed and then
fallen down the hillside," he told Network Ten from Port-au-Prince.
"There's a lot of distress and wailing of people trying to find loved ones who are
trapped under buildings and rubble."
While the scope of the disaster remains unclear, it's obvious tens of thousands of
people have lost their homes and many have perished.
Buildings in Haiti - the poorest country in the western hemisphere - are flimsy and
dangerous even under normal conditions.
"""
    article, _ = load_one(write(tmp_path, "aap.txt", text), table)
    body = "\n".join(article.paragraphs)
    assert '"extreme force and ferocity"' in body
    assert "collapsed and then fallen down the hillside" in body
    assert "\"There's a lot of distress and wailing of people trying to find loved ones who are trapped" in body


def test_short_paragraphs_of_whole_sentences_are_not_taken_for_wrapped_text(tmp_path, table):
    """Lines of similar length that each end a sentence are a page's paragraphs, kept apart."""
    lines = [
        "Rescue teams reached the village late on Tuesday after the road was cleared.",
        "Officials said at least 40 people were still missing in the collapsed homes.",
        "The government has sent soldiers and heavy machinery to help with the search.",
        "Aid groups warned that the cold weather would make conditions worse tonight.",
        "Schools in the district will stay closed until the end of the week, they said.",
        "Residents spent the night outdoors in tents set up on the local football pitch.",
    ]
    article, _ = load_one(write(tmp_path, "short.txt", "A headline for the story\n\n" + "\n".join(lines)), table)
    assert article.paragraphs == tuple(lines)
