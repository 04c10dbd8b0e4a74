"""Factiva exports (.txt, .rtf, .html as Factiva gives them), story by story.

Factiva names each field with a code (as its "Full Article/Report plus Indexing" display and the
tm.plugin.factiva reader show): HD headline, BY byline, WC word count, PD date, SN source name,
SC source code, LA language, CY copyright, LP lead paragraphs, TD the rest of the text, and AN
"Document <accession number>", which closes each story. Its HTML keeps the codes in the first
cell of a table per story (`<div class="article …">`). Without indexing, a story is its
headline, "850 words", the date, the source name, its code, the language and the copyright,
then the text, and the same "Document …" line at the end.
"""

from __future__ import annotations

import re

from talks_tui.index.ingest.metadata import parse_date
from talks_tui.index.ingest.stories import Export, Story, blocks_of, compact, paragraphs

_CODES = ("HD BY WC PD ET SN SC ED PG LA CY LP TD CT RF CO IN NS RE IPC IPD PUB AN SE CR ART NGC GC CLM HLP").split()
_CODE_LINE_RE = re.compile(rf"^\s*({'|'.join(_CODES)})(?:\s*$|\t|\s{{2,}}|\s*\|)\s*(.*?)\s*\|?\s*$")
_DOCUMENT_RE = re.compile(r"^\s*(?:AN\s+)?(?:Document|Dokument|Documento)\s+[A-Za-z0-9]{10,}\s*$")
_WORDS_RE = re.compile(r"^\s*[\d.,]+\s+(?:words|Wörter|mots|palabras|parole|palavras)\s*$", re.IGNORECASE)
_TIME_RE = re.compile(r"^\s*\d{1,2}:\d{2}(?:\s*(?:AM|PM|GMT|ET))?\s*$", re.IGNORECASE)
_COPYRIGHT_RE = re.compile(r"^\s*(?:\(c\)|©|copyright)", re.IGNORECASE)
_BYLINE_RE = re.compile(r"^\s*(?:By|Von|Par|Por)\s+\S", re.IGNORECASE)


def looks_like(lines: list[str]) -> bool:
    return any(_DOCUMENT_RE.match(line) for line in lines) and (
        any(_WORDS_RE.match(line) for line in lines[:200]) or _coded(lines[:200])
    )


def looks_like_html(html: str) -> bool:
    head = html[:400_000]
    return 'class="article' in head and re.search(r"<b>\s*HD\s*</b>", head) is not None


def read(lines: list[str]) -> Export:
    export = Export("Factiva export")
    chunk: list[str] = []
    n = 0
    for line in [*lines, None]:
        if line is not None and not _DOCUMENT_RE.match(line):
            chunk.append(line)
            continue
        if line is None and not any(c.strip() for c in chunk):
            break
        n += 1
        where = f"story {n}"
        story = _coded_story(chunk, where) if _coded(chunk) else _plain_story(chunk, where)
        if story.blocks:
            export.stories.append(story)
        elif any(c.strip() for c in chunk):
            export.problems.append((f"{where}: no text found; left out", True))
        chunk = []
    return export


def _coded(lines: list[str]) -> bool:
    codes = {m.group(1) for line in lines if (m := _CODE_LINE_RE.match(line))}
    return {"HD", "PD"} <= codes or {"HD", "SN"} <= codes


def _coded_story(lines: list[str], where: str) -> Story:
    fields: dict[str, list[str]] = {}
    code = None
    for line in lines:
        m = _CODE_LINE_RE.match(line)
        if m:
            code = m.group(1)
            fields.setdefault(code, [])
            line = m.group(2)
        if code is not None:
            fields[code].append(line)

    def one(code: str) -> str | None:
        text = " ".join(" ".join(fields.get(code, [])).split())
        return text or None

    body = paragraphs([*fields.get("LP", []), "", *fields.get("TD", [])])
    meta = {
        "title": one("HD"),
        "authors": _byline(one("BY")),
        "date": parse_date(one("PD") or ""),
        "outlet": one("SN"),
    }
    return Story(body, compact(meta), where)


def _plain_story(lines: list[str], where: str) -> Story:
    text = [line.strip() for line in lines]
    words_at = next((i for i, line in enumerate(text) if _WORDS_RE.match(line)), None)
    if words_at is None:
        return Story(paragraphs(lines), {}, where)
    head = [line for line in text[:words_at] if line]
    byline = next((line for line in head if _BYLINE_RE.match(line)), None)
    titles = [line for line in head if line is not byline]
    after = [(i, line) for i, line in enumerate(text) if i > words_at and line]
    date, outlet, body_from = None, None, words_at + 1
    for k, (i, line) in enumerate(after[:8]):
        if date is None and (parsed := parse_date(line)):
            date, body_from = parsed, i + 1
            rest = [ln for _, ln in after[k + 1 :] if not _TIME_RE.match(ln)]
            outlet = rest[0] if rest else None
        if _COPYRIGHT_RE.match(line):
            body_from = i + 1
            break
    meta = {"title": titles[-1] if titles else None, "authors": _byline(byline), "date": date, "outlet": outlet}
    return Story(paragraphs(lines[body_from:]), compact(meta), where)


def read_html(html: str) -> Export:
    import lxml.html  # with trafilatura already; only Factiva pages need it here

    export = Export("Factiva export")
    tree = lxml.html.fromstring(html)
    articles = tree.xpath("//div[contains(concat(' ', normalize-space(@class), ' '), ' article ')]")
    for n, article in enumerate(articles, 1):
        fields: dict[str, object] = {}
        for row in article.xpath(".//tr[td]"):
            cells = row.xpath("./td")
            if len(cells) < 2:
                continue
            code = " ".join(cells[0].text_content().split())
            if code in ("LP", "TD"):
                found = [p.text_content() for p in cells[1].xpath(".//p")] or [cells[1].text_content()]
                fields[code] = blocks_of(found)
            elif code:
                fields[code] = " ".join(cells[1].text_content().split())
        where = f"story {n}"
        body = (*fields.get("LP", ()), *fields.get("TD", ()))  # type: ignore[misc]
        if not body:
            export.problems.append((f"{where}: no text found; left out", True))
            continue
        meta = {
            "title": fields.get("HD"),
            "authors": _byline(fields.get("BY")),  # type: ignore[arg-type]
            "date": parse_date(str(fields.get("PD") or "")),
            "outlet": fields.get("SN"),
        }
        export.stories.append(Story(tuple(body), compact(meta), where))
    return export


def _byline(value: str | None) -> str | None:
    if not value:
        return None
    return re.sub(r"^\s*(?:By|Von|Par|Por)\s+", "", value, flags=re.IGNORECASE).strip() or None
