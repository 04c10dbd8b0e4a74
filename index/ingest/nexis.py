"""LexisNexis and Nexis Uni exports (.txt, and the text of their .docx and .rtf), story by story.

Two layouts, as the exports and the tools that read them (LexisNexisTools, nexis-uni-parser)
show them:

- LexisNexis Academic: each story opens with a centred "3 of 10 DOCUMENTS" line, then the
  outlet, the date ("January 11, 2010 Monday", maybe an edition), the headline, "BYLINE:",
  "SECTION:", "LENGTH: 355 words", the text, and "LOAD-DATE:", "LANGUAGE:",
  "PUBLICATION-TYPE:" and a copyright line after it.
- Nexis Uni: each story ends with "End of Document"; it opens with the title, the outlet and the
  date, then "Copyright …", "Section:", "Length:", "Byline:", "Dateline:", a "Body" line, the
  text, and "Load-Date:" (a download of many stories starts with a cover page and a list of
  titles, before the first story).

A "URL:" field, where the export gives one, is the story's address.
"""

from __future__ import annotations

import re

from talks_tui.index.ingest.metadata import parse_date
from talks_tui.index.ingest.stories import Export, Story, compact, paragraphs

_CLASSIC_START_RE = re.compile(r"^\s*\d+\s+of\s+\d+\s+DOCUMENTS\s*$", re.IGNORECASE)
_UNI_END_RE = re.compile(r"^\s*End of Document\s*$")
_FIELD_RE = re.compile(r"^\s*([A-Z][A-Za-z/ -]{1,30}?):\s*(.*)$")
# Fields that end a classic story's header (LENGTH) or start its trailer.
_CLASSIC_TRAILER = ("LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "JOURNAL-CODE", "GRAPHIC", "NOTES", "UPDATE")
_UNI_HEADER_FIELDS = ("copyright", "section", "length", "byline", "dateline", "highlight", "edition", "journal code")
_UNI_TRAILER = re.compile(r"^\s*(?:Load-Date:|Classification\s*$|Graphic\s*$|Notes\s*$|Language:|Publication-Type:)")
_COPYRIGHT_RE = re.compile(r"^\s*(?:Copyright|©|\(c\))\s", re.IGNORECASE)
_BYLINE_PREFIX_RE = re.compile(r"^\s*by\s+", re.IGNORECASE)


def looks_like(lines: list[str]) -> bool:
    head = lines[:400]
    return any(_CLASSIC_START_RE.match(line) for line in head) or any(_UNI_END_RE.match(line) for line in lines)


def read(lines: list[str]) -> Export:
    if any(_CLASSIC_START_RE.match(line) for line in lines[:400]):
        return _classic(lines)
    return _uni(lines)


# --- LexisNexis Academic --------------------------------------------------------------------


def _classic(lines: list[str]) -> Export:
    export = Export("LexisNexis export")
    starts = [i for i, line in enumerate(lines) if _CLASSIC_START_RE.match(line)]
    for n, start in enumerate(starts, 1):
        end = starts[n] if n < len(starts) else len(lines)
        story = _classic_story(lines[start + 1 : end], f"story {n}")
        if story.blocks:
            export.stories.append(story)
        else:
            export.problems.append((f"story {n}: no text after its LENGTH line; left out", True))
    return export


def _classic_story(lines: list[str], where: str) -> Story:
    fields: dict[str, str] = {}
    length_at = next((i for i, line in enumerate(lines) if line.strip().upper().startswith("LENGTH:")), None)
    header = lines[: length_at if length_at is not None else 0]
    body_lines = lines[length_at + 1 :] if length_at is not None else lines
    plain: list[str] = []  # header lines that are not fields: outlet, date, edition, headline
    for line in header:
        m = _FIELD_RE.match(line)
        if m and m.group(1).isupper():
            fields[m.group(1).upper()] = m.group(2).strip()
        elif line.strip():
            plain.append(line.strip())
    body: list[str] = []
    for line in body_lines:
        m = _FIELD_RE.match(line)
        if m and m.group(1).upper() in _CLASSIC_TRAILER and m.group(1).isupper():
            fields.setdefault(m.group(1).upper(), m.group(2).strip())
            break
        if m and m.group(1).upper() == "URL":
            fields["URL"] = m.group(2).strip()
            continue
        body.append(line)
    outlet = plain[0] if plain and parse_date(plain[0]) is None else None
    date_at = next((i for i, line in enumerate(plain) if parse_date(line)), None)
    date = parse_date(plain[date_at]) if date_at is not None else parse_date(fields.get("LOAD-DATE", ""))
    # The headline is what follows the date line and its edition lines: the last plain line(s).
    rest = plain[(date_at + 1) if date_at is not None else (1 if outlet else 0) :]
    title = rest[-1] if rest else None
    meta = {
        "title": title,
        "outlet": outlet,
        "date": date,
        "authors": _byline(fields.get("BYLINE")),
        "url": fields.get("URL"),
    }
    return Story(paragraphs(_without_copyright(body)), compact(meta), where)


# --- Nexis Uni ------------------------------------------------------------------------------


def _uni(lines: list[str]) -> Export:
    export = Export("Nexis Uni export")
    chunks: list[list[str]] = [[]]
    for line in lines:
        if _UNI_END_RE.match(line):
            chunks.append([])
        else:
            chunks[-1].append(line)
    if not any(line.strip() for line in chunks[-1]):
        chunks.pop()  # nothing after the last "End of Document"
    for n, chunk in enumerate(chunks, 1):
        story = _uni_story(chunk, f"story {n}")
        if story is None:
            export.problems.append((f'story {n}: no "Body" line, so no text to read; left out', True))
        elif story.blocks:
            export.stories.append(story)
        else:
            export.problems.append((f'story {n}: no text after its "Body" line; left out', True))
    return export


def _uni_story(chunk: list[str], where: str) -> Story | None:
    body_at = next((i for i, line in enumerate(chunk) if line.strip() == "Body"), None)
    if body_at is None:
        return None
    header = [line.strip() for line in chunk[:body_at] if line.strip()]
    fields: dict[str, str] = {}
    first_field = len(header)
    for i, line in enumerate(header):
        m = _FIELD_RE.match(line)
        key = m.group(1).lower() if m else ("copyright" if _COPYRIGHT_RE.match(line) else None)
        if key in _UNI_HEADER_FIELDS or key == "url":
            first_field = min(first_field, i)
            fields[key] = m.group(2).strip() if m else line
    # Title, outlet, date: the lines just before the first field (after any cover page and list).
    top = header[:first_field]
    date_at = next((i for i in range(len(top) - 1, max(-1, len(top) - 4), -1) if parse_date(top[i])), None)
    outlet = top[date_at - 1] if date_at is not None and date_at >= 1 else None
    title = top[date_at - 2] if date_at is not None and date_at >= 2 else (top[-1] if top else None)
    body: list[str] = []
    for line in chunk[body_at + 1 :]:
        if _UNI_TRAILER.match(line):
            m = _FIELD_RE.match(line)
            if m:
                fields.setdefault(m.group(1).lower(), m.group(2).strip())
            break
        body.append(line)
    date = parse_date(top[date_at]) if date_at is not None else parse_date(fields.get("load-date", ""))
    meta = {
        "title": title,
        "outlet": outlet,
        "date": date,
        "authors": _byline(fields.get("byline")),
        "url": fields.get("url"),
    }
    return Story(paragraphs(body), compact(meta), where)


def _byline(value: str | None) -> str | None:
    """The byline as the export gives it ("By Jane Doe"), without the "By"."""
    if not value:
        return None
    return _BYLINE_PREFIX_RE.sub("", value).strip() or None


def _without_copyright(lines: list[str]) -> list[str]:
    return [line for line in lines if not _COPYRIGHT_RE.match(line) and line.strip() != "All Rights Reserved"]
