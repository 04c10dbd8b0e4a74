"""Quotations for a qualitative researcher's tool: a REFI-QDA project (`.qdpx`), the open exchange
format of NVivo, ATLAS.ti, MAXQDA and QualCoder.

A `.qdpx` is a zip of `project.qde` (QDA-XML, namespace urn:QDA-XML:project:1.0) and the sources'
plain text under `Sources/`. Each article holds its title, a blank line, then its paragraphs
separated by blank lines; each quotation is a coded segment of it (a `PlainTextSelection`,
character offsets) whose code is its speaker, with its citation as the description. Outlet, date
and URL are variables of each source. GUIDs are derived from the ids, so exporting the same
corpus twice gives the same project.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

from talks_tui.index.export.citation import citation
from talks_tui.index.export.visible import visible
from talks_tui.index.model import Article

if TYPE_CHECKING:
    from talks_tui.index.quotes.listing import QuoteRow

NAMESPACE = "urn:QDA-XML:project:1.0"
NO_SPEAKER = "(no speaker)"  # the code of scare quotes and names in marks
_GUIDS = uuid.UUID("6c1e3f0a-9d52-4c8e-8a57-1f0c2b7d9e41")  # talks-tui's namespace for uuid5
_VARIABLES = (("Outlet", "Text"), ("Date", "Date"), ("URL", "Text"))


def _guid(*parts: str) -> str:
    return str(uuid.uuid5(_GUIDS, "\x1f".join(parts)))


# Characters XML 1.0 cannot hold: each becomes U+FFFD, one for one, so offsets stay right.
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff\U0010ff80-\U0010ffff]")


def _xml(text: str) -> str:
    return _NOT_XML_RE.sub("\ufffd", text)


def source_text(article: Article) -> tuple[str, list[int]]:
    """The article as one text (title, then paragraphs, blank lines between) and where each
    paragraph starts in it; the title starts at 0."""
    text = (article.title or "") + "\n\n"
    starts = []
    for paragraph in article.paragraphs:
        starts.append(len(text))
        text += paragraph + "\n\n"
    return _xml(text.rstrip("\n") + "\n"), starts


def _element(parent: ET.Element, tag: str, **attributes: str | None) -> ET.Element:
    return ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}", {k: _xml(v) for k, v in attributes.items() if v is not None})


def _text_element(parent: ET.Element, tag: str, text: str) -> None:
    ET.SubElement(parent, f"{{{NAMESPACE}}}{tag}").text = _xml(text)


def project(rows: Sequence[QuoteRow], articles: Mapping[str, Article], now: datetime | None = None) -> bytes:
    """The .qdpx file's bytes: the articles of `rows` (full, from `articles` by id) with each
    quotation coded by its speaker. A quotation whose article is missing is left out."""
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    user = _guid("user", "talks-tui")
    ET.register_namespace("", NAMESPACE)
    root = ET.Element(
        f"{{{NAMESPACE}}}Project",
        {"name": f"talks-tui: {len(rows)} quotations", "origin": "talks-tui", "creatingUserGUID": user},
    )
    root.set("creationDateTime", stamp)
    _element(_element(root, "Users"), "User", guid=user, name="talks-tui")
    speakers = list(dict.fromkeys(row.quote.speaker or NO_SPEAKER for row in rows))
    if speakers:  # a code book holds at least one code
        codes = _element(_element(root, "CodeBook"), "Codes")
        for name in speakers:
            _element(codes, "Code", guid=_guid("code", name), name=name, isCodable="true")
    variables = _element(root, "Variables")
    for name, kind in _VARIABLES:
        _element(variables, "Variable", guid=_guid("variable", name), name=name, typeOfVariable=kind)
    sources = _element(root, "Sources")
    texts: dict[str, str] = {}
    by_article: dict[str, list[QuoteRow]] = {}
    for row in rows:
        by_article.setdefault(row.quote.article_id, []).append(row)
    for article_id, quoted in by_article.items():
        article = articles.get(article_id)
        if article is None:
            continue
        guid = _guid("source", article_id)
        text, starts = source_text(article)
        texts[guid] = text
        name = " · ".join(x for x in (article.outlet, article.date, article.title or visible(article.file)) if x)
        source = _element(
            sources, "TextSource", guid=guid, name=name, plainTextPath=f"internal://{guid}.txt", creatingUser=user
        )
        source.set("creationDateTime", stamp)
        for row in quoted:
            q = row.quote
            if q.paragraph is not None and not 0 <= q.paragraph < len(starts):
                continue  # the article changed since its quotations were found
            offset = 0 if q.paragraph is None else starts[q.paragraph]
            selection = _element(
                source,
                "PlainTextSelection",
                guid=_guid("quote", q.id),
                name=q.text[:80],
                startPosition=str(offset + q.start),
                endPosition=str(offset + q.end),
                creatingUser=user,
            )
            _text_element(selection, "Description", citation(q, article))
            coding = _element(selection, "Coding", guid=_guid("coding", q.id), creatingUser=user)
            _element(coding, "CodeRef", targetGUID=_guid("code", q.speaker or NO_SPEAKER))
        for name, value in (("Outlet", article.outlet), ("Date", article.date), ("URL", article.url)):
            if value:
                holder = _element(source, "VariableValue")
                _element(holder, "VariableRef", targetGUID=_guid("variable", name))
                _text_element(holder, "DateValue" if name == "Date" else "TextValue", value)
    if not len(sources):
        root.remove(sources)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", ET.tostring(root, encoding="utf-8", xml_declaration=True))
        for guid, text in texts.items():
            archive.writestr(f"Sources/{guid}.txt", text.encode("utf-8"))
    return out.getvalue()
