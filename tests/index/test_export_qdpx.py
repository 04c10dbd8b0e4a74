"""The REFI-QDA export: a project NVivo, ATLAS.ti or MAXQDA can open, each quotation a coded
segment of its article, coded by its speaker."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from talks_tui.index.export.citation import citation
from talks_tui.index.export.qdpx import NAMESPACE, NO_SPEAKER, project

SCHEMA = Path(__file__).parent / "data" / "refi_qda_project_subset.xsd"
NS = {"q": NAMESPACE}
WHEN = datetime(2025, 10, 27, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def exported(seed_corpus):
    rows = seed_corpus.quote_rows()
    articles = {i: seed_corpus.article(i) for i in {r.quote.article_id for r in rows}}
    data = project(rows, articles, now=WHEN)
    return rows, articles, data


def _open(data: bytes) -> tuple[etree._Element, dict[str, str]]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    root = etree.fromstring(archive.read("project.qde"))
    texts = {
        name.removeprefix("Sources/").removesuffix(".txt"): archive.read(name).decode("utf-8")
        for name in archive.namelist()
        if name.startswith("Sources/")
    }
    return root, texts


def test_the_project_is_valid_qda_xml(exported):
    _, _, data = exported
    root, _ = _open(data)
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    assert schema.validate(root), schema.error_log


def test_every_quotation_is_a_segment_of_its_article_coded_by_its_speaker(exported):
    rows, articles, data = exported
    root, texts = _open(data)
    codes = {c.get("guid"): c.get("name") for c in root.iterfind(".//q:Code", NS)}
    assert set(codes.values()) == {r.quote.speaker or NO_SPEAKER for r in rows}
    segments = []
    for source in root.iterfind(".//q:TextSource", NS):
        guid = source.get("guid")
        assert source.get("plainTextPath") == f"internal://{guid}.txt"
        text = texts[guid]
        for selection in source.iterfind("q:PlainTextSelection", NS):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            speaker = codes[selection.find("q:Coding/q:CodeRef", NS).get("targetGUID")]
            segments.append((text[start:end], speaker, selection.findtext("q:Description", namespaces=NS)))
    assert len(segments) == len(rows) == 34
    expected = [
        (r.quote.text, r.quote.speaker or NO_SPEAKER, citation(r.quote, articles[r.quote.article_id])) for r in rows
    ]
    assert sorted(segments) == sorted(expected)
    assert len(texts) == len(articles) == 5


def test_sources_carry_outlet_and_date(exported):
    _, articles, data = exported
    root, _ = _open(data)
    variables = {v.get("guid"): v.get("name") for v in root.iterfind(".//q:Variable", NS)}
    found = set()
    for source in root.iterfind(".//q:TextSource", NS):
        values = {
            variables[v.find("q:VariableRef", NS).get("targetGUID")]: (
                v.findtext("q:TextValue", namespaces=NS) or v.findtext("q:DateValue", namespaces=NS)
            )
            for v in source.iterfind("q:VariableValue", NS)
        }
        found.add((values["Outlet"], values["Date"]))
    assert found == {(a.outlet, a.date) for a in articles.values()}


def test_the_same_corpus_gives_the_same_project(exported, seed_corpus):
    rows, articles, data = exported
    assert project(rows, articles, now=WHEN) == data


def test_an_empty_selection_is_still_a_valid_project():
    root, texts = _open(project([], {}, now=WHEN))
    assert etree.XMLSchema(etree.parse(str(SCHEMA))).validate(root) and texts == {}
