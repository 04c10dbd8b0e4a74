"""The files users have: database exports and API outputs, split story by story with the
metadata each format states. The samples follow the layouts the formats' own documentation and
the tools that read them show (LexisNexisTools' sample export, tm.plugin.factiva's test page,
the NewsAPI and Event Registry response documentation, trafilatura's own output)."""

from __future__ import annotations

import email.mime.multipart
import email.mime.text
import json
from pathlib import Path

import pytest

from talks_tui.index.ingest.load import load_file
from talks_tui.index.ingest.outlets import OutletTable
from talks_tui.index.ingest.walk import find_files

FIRST = (
    "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a trade "
    "spokesperson said after the second round of talks ended."
)
SECOND = "The two delegations agreed to meet again before the end of the month, according to a statement."
THIRD = "Farmers in Iowa welcomed the news, saying soybean prices had fallen for three months in a row."


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return OutletTable.load()


def load(path: Path, table: OutletTable):
    return load_file(path, path.parent, table)


def fields(article) -> tuple:
    return (article.title, article.outlet, article.date, article.authors, article.url)


def named(table: OutletTable, declared: str) -> str:
    """The outlet a declared name gives: the outlet table's own name for one it knows."""
    outlet = table.lookup(declared)
    return outlet.name if outlet else declared


# --- LexisNexis and Nexis Uni ----------------------------------------------------------------

LEXISNEXIS_TXT = f"""


Download Request: Selected Items: 1-2
Time Of Request: Monday, October 27, 2025  16:51:31

                               1 of 2 DOCUMENTS



                                  The Guardian

                            October 26, 2025 Sunday

US and China reach trade framework in Kuala Lumpur

BYLINE: Amy Hawkins

SECTION: WORLD NEWS; Pg. 3

LENGTH: 355 words

{FIRST[: FIRST.index(" Sunday")]}
{FIRST[FIRST.index(" Sunday") + 1 :]}

{SECOND}

LOAD-DATE: October 27, 2025

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper


                       Copyright 2025 Guardian News and Media
                              All Rights Reserved

                               2 of 2 DOCUMENTS



                               The Times (London)

                            October 27, 2025 Monday
                                   Edition 1;
                                    Ireland

Soybean farmers cheer talks

BYLINE: Tom Coghlan

SECTION: NEWS; Pg. 5

LENGTH: 120 words


{THIRD}

URL: https://www.thetimes.com/world/soybeans-talks

LOAD-DATE: October 27, 2025

LANGUAGE: ENGLISH

PUBLICATION-TYPE: Newspaper
"""


def test_lexisnexis_text_export_gives_each_story_with_its_metadata(tmp_path, table):
    path = tmp_path / "lexis.txt"
    path.write_text(LEXISNEXIS_TXT, encoding="utf-8")
    articles, problems = load(path, table)
    assert [fields(a) for a in articles] == [
        ("US and China reach trade framework in Kuala Lumpur", "The Guardian", "2025-10-26", ("Amy Hawkins",), None),
        (
            "Soybean farmers cheer talks",
            "The Times",  # as the outlet table names it, without the export's "(London)"
            "2025-10-27",
            ("Tom Coghlan",),
            "https://www.thetimes.com/world/soybeans-talks",
        ),
    ]
    assert articles[0].paragraphs == (FIRST, SECOND)  # wrapped lines joined, no LOAD-DATE or copyright
    assert articles[1].paragraphs == (THIRD,)
    assert len({a.id for a in articles}) == 2
    assert not any(p.skipped for p in problems)


NEXIS_UNI_STORIES = [
    [
        "US and China reach trade framework",
        "The Guardian (London)",
        "October 26, 2025 Sunday",
        "Copyright 2025 Guardian News and Media Limited All Rights Reserved",
        "Section: WORLD NEWS; Version:1",
        "Length: 355 words",
        "Byline: Amy Hawkins",
        "Body",
        FIRST,
        SECOND,
        "Load-Date: October 27, 2025",
        "End of Document",
    ],
    [
        "Soybean farmers cheer talks",
        "The Straits Times (Singapore)",
        "October 27, 2025 Monday",
        "Copyright 2025 Singapore Press Holdings Ltd.",
        "Section: WORLD",
        "Length: 120 words",
        "Byline: By Tan Wei",
        "Body",
        THIRD,
        "Load-Date: October 28, 2025",
        "End of Document",
    ],
]
NEXIS_UNI_EXPECTED = [
    ("US and China reach trade framework", "The Guardian", "2025-10-26", ("Amy Hawkins",), None),
    ("Soybean farmers cheer talks", "The Straits Times", "2025-10-27", ("Tan Wei",), None),
]


def _nexis_uni_lines() -> list[str]:
    cover = ["Date and Time: Tuesday, October 28, 2025 9:12:00 AM CET", "Job Number: 123456", "Documents (2)"]
    toc = ["1. US and China reach trade framework", "Client/Matter: -None-", "Search Terms: trade talks"]
    lines: list[str] = [*cover, "", *toc, ""]
    for story in NEXIS_UNI_STORIES:
        for line in story:
            lines += [line, ""]
    return lines


def test_nexis_uni_text_export_skips_the_cover_page_and_splits_stories(tmp_path, table):
    path = tmp_path / "nexis.txt"
    path.write_text("\n".join(_nexis_uni_lines()), encoding="utf-8")
    articles, problems = load(path, table)
    assert [fields(a) for a in articles] == NEXIS_UNI_EXPECTED
    assert [a.paragraphs for a in articles] == [(FIRST, SECOND), (THIRD,)]


def test_nexis_uni_docx_export(tmp_path, table):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in _nexis_uni_lines():
        if line:
            document.add_paragraph(line)
    path = tmp_path / "Files (2).DOCX"
    document.save(str(path))
    articles, problems = load(path, table)
    assert [fields(a) for a in articles] == NEXIS_UNI_EXPECTED
    assert [a.paragraphs for a in articles] == [(FIRST, SECOND), (THIRD,)]


def _rtf(lines: list[str]) -> str:
    def escape(text: str) -> str:
        return "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in text.replace("\\", "\\\\"))

    body = "".join(f"{escape(line)}\\par\n" for line in lines)
    return "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}"


def test_nexis_uni_rtf_export(tmp_path, table):
    path = tmp_path / "nexis.rtf"
    path.write_text(_rtf(_nexis_uni_lines()), encoding="ascii")
    articles, problems = load(path, table)
    assert [fields(a) for a in articles] == NEXIS_UNI_EXPECTED


def test_a_plain_word_document_is_one_article(tmp_path, table):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in ("Talks end with a framework deal", FIRST, SECOND):
        document.add_paragraph(line)
    path = tmp_path / "notes.docx"
    document.save(str(path))
    articles, _ = load(path, table)
    assert [(a.title, a.paragraphs) for a in articles] == [("Talks end with a framework deal", (FIRST, SECOND))]


def test_a_broken_word_document_is_skipped_with_a_reason(tmp_path, table):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    articles, problems = load(path, table)
    assert articles == [] and problems[0].skipped and "not a Word document" in problems[0].message


# --- Factiva ---------------------------------------------------------------------------------

FACTIVA_CODED = f"""HD
US and China reach trade framework
BY
By Andrea Shalal
WC
355 words
PD
26 October 2025
SN
Reuters News
SC
LBA
LA
English
CY
(c) 2025 Reuters Limited
LP
{FIRST}
TD
{SECOND}
NS
gtrade : Trade
AN
Document LBA0000020251026elaq00001


HD
Soybean farmers cheer talks
WC
120 words
PD
27 October 2025
SN
The Wall Street Journal
SC
J
LA
English
LP
{THIRD}
AN
Document J000000020251027elar00002
"""
FACTIVA_EXPECTED = [
    ("US and China reach trade framework", "Reuters News", "2025-10-26", ("Andrea Shalal",), None),
    ("Soybean farmers cheer talks", "The Wall Street Journal", "2025-10-27", (), None),
]


def factiva_expected(table: OutletTable) -> list[tuple]:
    return [(t, named(table, o), d, a, u) for t, o, d, a, u in FACTIVA_EXPECTED]


def test_factiva_export_with_field_codes_gives_two_stories(tmp_path, table):
    path = tmp_path / "Factiva-20251028.txt"
    path.write_text(FACTIVA_CODED, encoding="utf-8")
    articles, problems = load(path, table)
    assert [fields(a) for a in articles] == factiva_expected(table)
    assert [a.paragraphs for a in articles] == [(FIRST, SECOND), (THIRD,)]


def test_factiva_export_without_field_codes(tmp_path, table):
    text = f"""US and China reach trade framework
By Andrea Shalal
355 words
26 October 2025
18:02
Reuters News
LBA
English
(c) 2025 Reuters Limited

{FIRST}

{SECOND}

Document LBA0000020251026elaq00001

Soybean farmers cheer talks
120 words
27 October 2025
The Wall Street Journal
J
English
Copyright 2025 Dow Jones & Company, Inc.

{THIRD}

Document J000000020251027elar00002
"""
    path = tmp_path / "factiva.txt"
    path.write_text(text, encoding="utf-8")
    articles, _ = load(path, table)
    assert [fields(a) for a in articles] == factiva_expected(table)
    assert [a.paragraphs for a in articles] == [(FIRST, SECOND), (THIRD,)]


def test_factiva_rtf_export(tmp_path, table):
    path = tmp_path / "Factiva.rtf"
    path.write_text(_rtf(FACTIVA_CODED.split("\n")), encoding="ascii")
    articles, _ = load(path, table)
    assert [fields(a) for a in articles] == factiva_expected(table)


def _factiva_row(code: str, value: str) -> str:
    return f'<tr><td align="right" valign="top" class="index"><b>{code}</b>&nbsp;</td><td>{value}</td></tr>'


def test_factiva_html_export(tmp_path, table):
    def article(rows: str) -> str:
        return f'<div class="article enArticle"><table cellpadding="1">{rows}</table><br/></div><br/><span></span>'

    first = article(
        _factiva_row("HD", "<b class='enHeadline'>US and China reach trade framework</b>")
        + _factiva_row("BY", "By Andrea Shalal")
        + _factiva_row("WC", "355 words")
        + _factiva_row("PD", "26 October 2025")
        + _factiva_row("SN", "Reuters News")
        + _factiva_row("LP", f'<p class="articleParagraph enarticleParagraph">{FIRST}</p>')
        + _factiva_row("TD", f'<p class="articleParagraph enarticleParagraph">{SECOND}</p>')
        + _factiva_row("AN", "Document LBA0000020251026elaq00001")
    )
    second = article(
        _factiva_row("HD", "<b class='enHeadline'>Soybean farmers cheer talks</b>")
        + _factiva_row("PD", "27 October 2025")
        + _factiva_row("SN", "The Wall Street Journal")
        + _factiva_row("LP", f'<p class="articleParagraph enarticleParagraph">{THIRD}</p>')
        + _factiva_row("AN", "Document J000000020251027elar00002")
    )
    page = (
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"><html><head><title>Factiva</title></head>'
        f'<body><div id="contentWrapper"><div id="contentLeft">{first}{second}</div></div></body></html>'
    )
    path = tmp_path / "Factiva.html"
    path.write_text(page, encoding="utf-8")
    articles, _ = load(path, table)
    assert [fields(a) for a in articles] == factiva_expected(table)
    assert [a.paragraphs for a in articles] == [(FIRST, SECOND), (THIRD,)]


# --- Media Cloud, NewsAPI, Event Registry, trafilatura ----------------------------------------


def test_media_cloud_csv_lists_stories_by_title_and_says_the_text_is_missing(tmp_path, table):
    path = tmp_path / "mc-onlinenews-mediacloud-20251028-content.csv"
    path.write_text(
        "id,indexed_date,language,media_name,media_url,publish_date,title,url\n"
        "a1b2,2025-10-26 10:00:00,en,reuters.com,reuters.com,2025-10-26,US and China reach trade framework,"
        "https://www.reuters.com/world/us-china-framework-2025-10-26/\n"
        'c3d4,2025-10-27 08:00:00,en,wsj.com,wsj.com,2025-10-27,"Soybean farmers cheer talks, at last",'
        "https://www.wsj.com/economy/soybeans\n",
        encoding="utf-8",
    )
    articles, problems = load(path, table)
    assert [(a.title, a.outlet, a.date, a.url) for a in articles] == [
        (
            "US and China reach trade framework",
            named(table, "reuters.com"),
            "2025-10-26",
            "https://www.reuters.com/world/us-china-framework-2025-10-26/",
        ),
        (
            "Soybean farmers cheer talks, at last",
            named(table, "wsj.com"),
            "2025-10-27",
            "https://www.wsj.com/economy/soybeans",
        ),
    ]
    assert [p.message for p in problems if "no story text" in p.message] == [
        "Media Cloud CSV: 2 rows have no story text (only their title is read)"
    ]


def test_newsapi_json(tmp_path, table):
    response = {
        "status": "ok",
        "totalResults": 2,
        "articles": [
            {
                "source": {"id": "reuters", "name": "Reuters"},
                "author": "Andrea Shalal",
                "title": "US and China reach trade framework",
                "description": SECOND,
                "url": "https://www.reuters.com/world/us-china-framework-2025-10-26/",
                "urlToImage": "https://www.reuters.com/image.jpg",
                "publishedAt": "2025-10-26T10:02:00Z",
                "content": FIRST[:150] + "… [+2345 chars]",
            },
            {
                "source": {"id": None, "name": "The Straits Times"},
                "author": None,
                "title": "Soybean farmers cheer talks",
                "description": None,
                "url": "https://www.straitstimes.com/world/soybeans",
                "urlToImage": None,
                "publishedAt": "2025-10-27T01:00:00Z",
                "content": THIRD,
            },
        ],
    }
    path = tmp_path / "newsapi.json"
    path.write_text(json.dumps(response), encoding="utf-8")
    articles, problems = load(path, table)
    assert [fields(a) for a in articles] == [
        (
            "US and China reach trade framework",
            "Reuters",
            "2025-10-26",
            ("Andrea Shalal",),
            "https://www.reuters.com/world/us-china-framework-2025-10-26/",
        ),
        (
            "Soybean farmers cheer talks",
            "The Straits Times",
            "2025-10-27",
            (),
            "https://www.straitstimes.com/world/soybeans",
        ),
    ]
    assert articles[0].paragraphs == (SECOND, FIRST[:150])  # the description, then the cut text
    assert any("cut short" in p.message and not p.skipped for p in problems)


def test_event_registry_json(tmp_path, table):
    response = {
        "articles": {
            "results": [
                {
                    "uri": "8901234567",
                    "lang": "eng",
                    "isDuplicate": False,
                    "date": "2025-10-26",
                    "time": "10:02:00",
                    "dateTime": "2025-10-26T10:02:00Z",
                    "dataType": "news",
                    "url": "https://www.reuters.com/world/us-china-framework-2025-10-26/",
                    "title": "US and China reach trade framework",
                    "body": f"{FIRST}\n\n{SECOND}",
                    "source": {"uri": "reuters.com", "dataType": "news", "title": "Reuters"},
                    "authors": [
                        {
                            "uri": "andrea_shalal@reuters.com",
                            "name": "Andrea Shalal",
                            "type": "author",
                            "isAgency": False,
                        }
                    ],
                }
            ],
            "totalResults": 1,
            "page": 1,
            "count": 100,
            "pages": 1,
        }
    }
    path = tmp_path / "eventregistry.json"
    path.write_text(json.dumps(response), encoding="utf-8")
    articles, _ = load(path, table)
    assert [fields(a) for a in articles] == [
        (
            "US and China reach trade framework",
            "Reuters",
            "2025-10-26",
            ("Andrea Shalal",),
            "https://www.reuters.com/world/us-china-framework-2025-10-26/",
        )
    ]
    assert articles[0].paragraphs == (FIRST, SECOND)


PAGE = f"""<!DOCTYPE html><html lang="en"><head><title>US and China reach trade framework | Daily Planet</title>
<meta property="og:site_name" content="Daily Planet">
<meta property="og:title" content="US and China reach trade framework">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2025-10-26T10:00:00Z">
<link rel="canonical" href="https://www.dailyplanet.com/world/us-china-framework">
</head><body><nav><a href="/">Home</a></nav><article><h1>US and China reach trade framework</h1>
<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article><footer>© 2025 Daily Planet</footer></body></html>"""


def test_trafilatura_json_and_xml_output(tmp_path, table):
    trafilatura = pytest.importorskip("trafilatura")
    as_json = trafilatura.extract(PAGE, output_format="json", with_metadata=True)
    as_xml = trafilatura.extract(PAGE, output_format="xml", with_metadata=True)
    (tmp_path / "page.json").write_text(as_json, encoding="utf-8")
    (tmp_path / "page.xml").write_text(as_xml, encoding="utf-8")
    for name in ("page.json", "page.xml"):
        articles, problems = load(tmp_path / name, table)
        assert [(a.title, a.outlet, a.date, a.authors, a.url) for a in articles] == [
            (
                "US and China reach trade framework",
                "Daily Planet",
                "2025-10-26",
                ("Lois Lane",),
                "https://www.dailyplanet.com/world/us-china-framework",
            )
        ], name
        assert articles[0].paragraphs[-3:] == (FIRST, SECOND, THIRD), name


def test_json_of_an_unknown_layout_is_skipped_with_a_reason(tmp_path, table):
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark", "size": 3}', encoding="utf-8")
    articles, problems = load(path, table)
    assert articles == [] and problems[0].skipped and "layout" in problems[0].message


# --- saved web pages -------------------------------------------------------------------------


def test_mhtml_page_is_read_with_its_address(tmp_path, table):
    message = email.mime.multipart.MIMEMultipart("related")
    message["Snapshot-Content-Location"] = "https://www.dailyplanet.com/world/us-china-framework"
    message["Subject"] = "US and China reach trade framework"
    message.attach(email.mime.text.MIMEText(PAGE, "html", "utf-8"))
    message.attach(email.mime.text.MIMEText("body { color: red }", "css"))
    path = tmp_path / "page.mhtml"
    path.write_bytes(message.as_bytes())
    articles, _ = load(path, table)
    assert [(a.title, a.url) for a in articles] == [
        ("US and China reach trade framework", "https://www.dailyplanet.com/world/us-china-framework")
    ]
    assert THIRD in articles[0].paragraphs


def test_browser_save_page_complete_folder_is_not_read_as_articles(tmp_path):
    (tmp_path / "Talks.html").write_text(PAGE, encoding="utf-8")
    files = tmp_path / "Talks_files"
    files.mkdir()
    (files / "frame.html").write_text("<html><body><p>An advert frame</p></body></html>", encoding="utf-8")
    (files / "app.js").write_text("var x = 1;", encoding="utf-8")
    (tmp_path / "Other_files").mkdir()  # no Other.html beside it: an ordinary folder
    (tmp_path / "Other_files" / "note.txt").write_text("Title\n\n" + FIRST, encoding="utf-8")
    found = find_files([tmp_path])
    assert [f.name for f, _ in found.files] == ["note.txt", "Talks.html"]
    assert [(Path(p.path).name, p.message) for p in found.problems] == [
        ("Talks_files", "the images and scripts of a saved web page; not articles")
    ]
