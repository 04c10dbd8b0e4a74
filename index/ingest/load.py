"""Files in, clean Articles out: find the files, read each by format, keep the story, name it.

Nothing here raises for bad content: a file that gives no article comes back as a Problem
naming it, so the user always hears why a file is missing from the corpus.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

from talks_tui.index.ingest import factiva, formats, mediacloud, mhtml, newsjson, nexis, office, trafilatura_xml
from talks_tui.index.ingest.boilerplate import Kind, classify_lines, story_paragraphs
from talks_tui.index.ingest.formats import SUPPORTED_SUFFIXES  # noqa: F401 (part of this module's interface)
from talks_tui.index.ingest.frontmatter import split_front_matter
from talks_tui.index.ingest.metadata import Declared, clean_title, read_page
from talks_tui.index.ingest.outlets import OutletTable, host_of
from talks_tui.index.ingest.readers import (
    MAX_EXPORT_BYTES,
    MAX_TEXT_BYTES,
    Document,
    Unreadable,
    decode,
    decode_file,
    html_document,
    html_sniff,
    iter_json_lines,
    markdown_blocks,
    paragraph_blocks,
    read_bytes,
    text_blocks,
)
from talks_tui.index.ingest.safe_read import cut_notice
from talks_tui.index.ingest.stories import Export
from talks_tui.index.ingest.walk import find_files
from talks_tui.index.model import Article, Problem, count_words
from talks_tui.index.textclean import clean_text
from talks_tui.index.versions import INGEST_VERSION  # noqa: F401 (bumped there, read here too)

_SNIFF_CHARS = 2_000_000  # how much of a text file is looked at to tell a database export


def discover_files(paths: Sequence[Path]) -> list[tuple[Path, Path]]:
    """The (file, root) pairs of the corpus made of these files and folders; see `walk.find_files`,
    which also names every entry left out and why."""
    return find_files(paths).files


def load_file(path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    """Read one file into zero or more Articles (exports, JSON and CSV give several). Never raises
    for bad content: unreadable/empty/binary files give ([], [Problem(..., skipped=True)]);
    fallback decoding, a cut and the like give a warning Problem(skipped=False) alongside."""
    path, root = Path(path), Path(root)
    kind = formats.kind_of(path.name)
    try:
        if kind is None:
            return [], [_problem(path, formats.unknown_format(path.name), skipped=True)]
        if kind == formats.JSON_LINES:
            return _load_json_lines(path, root, outlets)
        if kind in (formats.TEXT, formats.MARKDOWN, formats.HTML):
            return _load_text_file(path, root, outlets, kind)
        return _load_container(path, root, outlets, kind)
    except Unreadable as e:
        return [], [_problem(path, str(e), skipped=True)]
    except Exception as e:  # a bug on some odd input must cost one file, not the whole corpus
        reason = f"{type(e).__name__}: {e}".splitlines()[0][:200] if str(e) else type(e).__name__
        return [], [_problem(path, f"could not be read ({reason})", skipped=True)]


def _load_text_file(path: Path, root: Path, outlets: OutletTable, kind: str) -> tuple[list[Article], list[Problem]]:
    # Read as much as an export may hold; a file that is one article is cut shorter below.
    data, cut = read_bytes(path, MAX_EXPORT_BYTES)
    if len(data) > MAX_TEXT_BYTES and kind != formats.MARKDOWN:
        head = data[:_SNIFF_CHARS].decode("utf-8", "replace")
        if not _export_in(head, kind):
            size = len(data) if cut is None else max(len(data), MAX_EXPORT_BYTES + 1)
            data, cut = data[: max(data.rfind(b"\n", 0, MAX_TEXT_BYTES), 1)], cut_notice(size, MAX_TEXT_BYTES)
    elif len(data) > MAX_TEXT_BYTES:
        data, cut = data[: max(data.rfind(b"\n", 0, MAX_TEXT_BYTES), 1)], cut_notice(len(data), MAX_TEXT_BYTES)
    text, warning = decode_file(path, data, is_html=kind == formats.HTML)
    problems = [_problem(path, w) for w in (cut, warning) if w]
    articles, more = _load_text(text, path, root, outlets, kind)
    return articles, problems + more


def _export_in(text: str, kind: str) -> bool:
    if kind == formats.HTML or html_sniff(text):
        return factiva.looks_like_html(text)
    lines = text.split("\n")
    return nexis.looks_like(lines) or factiva.looks_like(lines)


def _load_text(
    text: str, path: Path, root: Path, outlets: OutletTable, kind: str
) -> tuple[list[Article], list[Problem]]:
    """The article(s) of a decoded text: a database export's stories, or one page."""
    text = clean_text(text)
    if not text.strip():
        return [], [_problem(path, "empty (only whitespace)", skipped=True)]
    if kind == formats.HTML or (kind == formats.TEXT and html_sniff(text)):
        if factiva.looks_like_html(text):
            return _from_export(factiva.read_html(text), path, root, outlets)
    elif kind == formats.TEXT:
        lines = text.split("\n")
        if nexis.looks_like(lines):
            return _from_export(nexis.read(lines), path, root, outlets)
        if factiva.looks_like(lines):
            return _from_export(factiva.read(lines), path, root, outlets)
    return _load_page(text, path, root, outlets, kind)


def _load_page(
    text: str, path: Path, root: Path, outlets: OutletTable, kind: str, given: Declared | None = None
) -> tuple[list[Article], list[Problem]]:
    """One article: front matter, then the page as its format lays it out."""
    problems: list[Problem] = []
    front = split_front_matter(text)
    problems += [_problem(path, w) for w in front.warnings]
    if kind == formats.HTML or (kind != formats.MARKDOWN and html_sniff(front.body)):
        document = html_document(front.body)
    elif kind == formats.MARKDOWN:
        blocks, heading = markdown_blocks(front.body)
        document = Document(blocks, Declared(title=heading))
    else:
        document = Document(text_blocks(front.body))
    problems += [_problem(path, w) for w in document.warnings]
    if not document.blocks:
        return [], [*problems, _problem(path, "no text found", skipped=True)]
    declared = front.declared.merged(document.declared)
    if given is not None:
        declared = declared.merged(given)
    article, warnings = build_article(document.blocks, declared, path, root, 0, outlets, document.claims)
    return [article], problems + [_problem(path, w) for w in warnings]


def _load_container(path: Path, root: Path, outlets: OutletTable, kind: str) -> tuple[list[Article], list[Problem]]:
    """Formats read whole by a parser of their own: Word, RTF, JSON, CSV, XML, MHTML."""
    data, cut = read_bytes(path, MAX_EXPORT_BYTES, cut_at_line=kind in (formats.CSV, formats.RTF))
    if cut and kind not in (formats.CSV, formats.RTF):  # half a zip, JSON document or MIME message is nothing
        raise Unreadable(f"too large: over {MAX_EXPORT_BYTES // (1024 * 1024)} MB, the most read from one file")
    problems = [_problem(path, cut)] if cut else []
    if kind == formats.DOCX:
        lines = office.docx_lines(data)
        articles, more = _load_text("\n".join(lines), path, root, outlets, formats.TEXT)
    elif kind == formats.RTF:
        articles, more = _load_text(office.rtf_text(data), path, root, outlets, formats.TEXT)
    elif kind == formats.MHTML:
        html, url = mhtml.page(data)
        articles, more = _load_page(clean_text(html), path, root, outlets, formats.HTML, Declared(url=url))
    elif kind == formats.XML:
        articles, more = _from_export(trafilatura_xml.read(data), path, root, outlets)
    else:  # JSON, CSV: text in some encoding
        text, warning = decode(data)
        problems += [_problem(path, warning)] if warning else []
        reader = newsjson.read if kind == formats.JSON else mediacloud.read
        articles, more = _from_export(reader(text), path, root, outlets)
    return articles, problems + more


def _from_export(export: Export, path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    """An Article per story, its declared fields from the export's own metadata."""
    articles: list[Article] = []
    problems = [_problem(path, f"{export.format}: {message}", skipped=skipped) for message, skipped in export.problems]
    for ordinal, story in enumerate(export.stories):
        declared, warnings = Declared.from_mapping(story.meta)
        article, more = build_article(story.blocks, declared, path, root, ordinal, outlets)
        problems += [_problem(path, f"{story.where}: {w}") for w in [*warnings, *more]]
        articles.append(article)
    if not articles and not any(p.skipped for p in problems):
        problems.append(_problem(path, f"{export.format}: no stories found", skipped=True))
    return articles, problems


def _load_json_lines(path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    decoding_reported = False
    try:
        for record in iter_json_lines(path):
            where = f"line {record.line}"
            if record.warning and not decoding_reported:
                problems.append(_problem(path, f"{where}: {record.warning}"))
                decoding_reported = True  # once per file is enough
            if record.data is None:
                problems.append(_problem(path, f"{where}: {record.error}", skipped=True))
                continue
            meta, body, _ = newsjson.record_story(record.data)
            declared, warnings = Declared.from_mapping(meta)
            problems += [_problem(path, f"{where}: {w}") for w in warnings]
            blocks = paragraph_blocks(body) if body else ()
            if not blocks:
                problems.append(_problem(path, f"{where}: record has no body text", skipped=True))
                continue
            article, warnings = build_article(blocks, declared, path, root, record.ordinal, outlets)
            problems += [_problem(path, f"{where}: {w}") for w in warnings]
            articles.append(article)
    except Unreadable as e:
        problems.append(_problem(path, str(e), skipped=True))
    except OSError as e:
        problems.append(_problem(path, f"cannot read: {e.strerror or e}", skipped=True))
    if not articles and not problems:
        problems.append(_problem(path, "empty (no records)", skipped=True))
    return articles, problems


def build_article(
    blocks: Sequence[str],
    declared: Declared,
    path: Path,
    root: Path,
    ordinal: int,
    outlets: OutletTable,
    claims: Sequence[str] = (),
) -> tuple[Article, list[str]]:
    """One Article from a page's blocks; declared values win over what is detected."""
    warnings: list[str] = []
    lines = list(blocks)
    stamp = None
    if lines and (m := _SCRAPER_DATE_RE.match(lines[0])):
        # " date 2016-05-02 Leicester City captain ...": a scraper's date stamp, not the story's words
        stamp, lines[0] = m.group("date"), lines[0][m.end() :]
    title = clean_title(declared.title, outlets, claims) if declared.title else None
    page = read_page(lines, classify_lines(lines), outlets, title=title)
    paragraphs = story_paragraphs(lines, page.kinds, title=page.title, title_index=page.title_index, start=page.start)
    if not paragraphs:
        # Better the whole text than nothing: the user can still read and search it.
        paragraphs = [line for i, line in enumerate(lines) if page.kinds[i] is not Kind.TITLE] or lines
        warnings.append("no story paragraphs recognised; kept the text as it is")
    url = declared.url
    match = outlets.decide(
        lines,
        declared=declared.outlet,
        url=url or next((c for c in claims if _is_address(c)), None),
        site_names=[c for c in claims if not _is_address(c)],
        byline_outlet=page.byline_outlet,
        path_parts=_relative(path, root).split("/"),
    )
    outlet = match.outlet
    if declared.id:
        article_id = declared.id
    elif url:
        article_id = _sha1(url)
    else:
        article_id = _sha1(f"{_relative(path, root)}#{ordinal}")
    return (
        Article(
            id=article_id,
            file=path.name,
            path=str(path.absolute()),
            title=page.title,
            outlet=outlet.display_name if outlet else None,
            date=declared.date or stamp or page.date,
            authors=declared.authors if declared.authors is not None else page.authors,
            paragraphs=tuple(paragraphs),
            url=url,
            outlet_kind=outlet.kind if outlet else None,
            outlet_country=outlet.country if outlet else None,
            word_count=count_words(paragraphs),
            wire=match.wire.display_name if match.wire else None,
            outlet_source=match.source,
        ),
        warnings,
    )


_SCRAPER_DATE_RE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2})\s+")


def _is_address(claim: str) -> bool:
    """A page's URL or host name among its claims, rather than its site's name."""
    return " " not in claim.strip() and "." in claim and host_of(claim) is not None


def _relative(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.name


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _problem(path: Path, message: str, *, skipped: bool = False) -> Problem:
    return Problem(str(path), message, skipped)
