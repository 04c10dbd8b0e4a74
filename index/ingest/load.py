"""Files in, clean Articles out: find the files, read each by format, keep the story, name it.

Nothing here raises for bad content: a file that gives no article comes back as a Problem
naming it, so the user always hears why a file is missing from the corpus.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from talks_tui.index.ingest.boilerplate import Kind, classify_lines, story_paragraphs
from talks_tui.index.ingest.frontmatter import split_front_matter
from talks_tui.index.ingest.metadata import Declared, clean_title, read_page
from talks_tui.index.ingest.outlets import Outlet, OutletTable
from talks_tui.index.ingest.readers import (
    Document,
    Unreadable,
    decode_file,
    html_document,
    html_sniff,
    iter_json_lines,
    markdown_blocks,
    paragraph_blocks,
    read_bytes,
    record_body,
    text_blocks,
)
from talks_tui.index.model import Article, Problem, count_words
from talks_tui.index.textclean import clean_text

SUPPORTED_SUFFIXES: frozenset[str] = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".ndjson"}
)
# Bump when cleaning or detection rules change, so that stored indexes re-ingest.
INGEST_VERSION = 1

_MARKDOWN = frozenset({".md", ".markdown"})
_HTML = frozenset({".html", ".htm"})
_JSON_LINES = frozenset({".jsonl", ".ndjson"})


def discover_files(paths: Sequence[Path]) -> list[tuple[Path, Path]]:
    """Expand files/folders (recursively, sorted, skipping hidden files/dirs) into (file, root)
    pairs, where root is the folder given (or the file's parent when a file was given) so that
    file.relative_to(root) is stable. Files with unsupported suffixes inside folders are ignored;
    a file given explicitly is accepted whatever its suffix (read as text).
    Raises FileNotFoundError(one clear message naming the path) for a path that does not exist."""
    pairs: list[tuple[Path, Path]] = []
    seen: set[str] = set()
    for given in paths:
        path = Path(given).expanduser()
        if not path.exists():
            raise FileNotFoundError(f"No such file or folder: {given}")
        path = path.absolute()
        found = [(file, path) for file in _walk(path)] if path.is_dir() else [(path, path.parent)]
        for file, root in found:
            if str(file) not in seen:  # the same file named twice, or inside two given folders
                seen.add(str(file))
                pairs.append((file, root))
    return pairs


def _walk(root: Path) -> list[Path]:
    """Supported files under root, sorted by relative path. os.scandir's entries know their type
    without a stat call, which matters when a corpus of 10,000 files is reopened."""
    found: list[tuple[str, str]] = []
    pending = [str(root)]
    prefix = len(str(root).rstrip(os.sep)) + 1
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue  # an unreadable sub-folder: its files cannot be listed, the rest still can
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                pending.append(entry.path)
            elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES and entry.is_file():
                found.append((entry.path[prefix:].replace(os.sep, "/"), entry.path))
    return [Path(path) for _, path in sorted(found)]


def load_file(path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    """Read one file into zero or more Articles (JSON Lines gives several). Never raises for bad
    content: unreadable/empty/binary/too large files give ([], [Problem(..., skipped=True)]);
    fallback decoding etc. give a warning Problem(skipped=False) alongside the articles."""
    path, root = Path(path), Path(root)
    try:
        if path.suffix.lower() in _JSON_LINES:
            return _load_json_lines(path, root, outlets)
        return _load_single(path, root, outlets)
    except Exception as e:  # a bug on some odd input must cost one file, not the whole corpus
        return [], [_problem(path, f"could not be read ({type(e).__name__}: {e})", skipped=True)]


def _load_single(path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    suffix = path.suffix.lower()
    try:
        text, warning = decode_file(path, read_bytes(path), is_html=suffix in _HTML)
    except Unreadable as e:
        return [], [_problem(path, str(e), skipped=True)]
    problems = [_problem(path, warning)] if warning else []
    text = clean_text(text)
    if not text.strip():
        return [], [*problems, _problem(path, "empty (only whitespace)", skipped=True)]
    front = split_front_matter(text)
    problems += [_problem(path, w) for w in front.warnings]
    if suffix in _HTML or (suffix not in _MARKDOWN and html_sniff(front.body)):
        document = html_document(front.body)
    elif suffix in _MARKDOWN:
        blocks, heading = markdown_blocks(front.body)
        document = Document(blocks, Declared(title=heading))
    else:
        document = Document(text_blocks(front.body))
    problems += [_problem(path, w) for w in document.warnings]
    if not document.blocks:
        return [], [*problems, _problem(path, "no text found", skipped=True)]
    declared = front.declared.merged(document.declared)
    article, warnings = build_article(document.blocks, declared, path, root, 0, outlets, document.claims)
    return [article], problems + [_problem(path, w) for w in warnings]


def _load_json_lines(path: Path, root: Path, outlets: OutletTable) -> tuple[list[Article], list[Problem]]:
    articles: list[Article] = []
    problems: list[Problem] = []
    decoding_reported = False
    try:
        if path.stat().st_size == 0:
            return [], [_problem(path, "empty file", skipped=True)]
        for record in iter_json_lines(path):
            where = f"line {record.line}"
            if record.warning and not decoding_reported:
                problems.append(_problem(path, f"{where}: {record.warning}"))
                decoding_reported = True  # once per file is enough
            if record.data is None:
                problems.append(_problem(path, f"{where}: {record.error}", skipped=True))
                continue
            body = record_body(record.data)
            declared, warnings = Declared.from_mapping(record.data)
            problems += [_problem(path, f"{where}: {w}") for w in warnings]
            blocks = paragraph_blocks(body) if body else ()
            if not blocks:
                problems.append(_problem(path, f"{where}: record has no body text", skipped=True))
                continue
            article, warnings = build_article(blocks, declared, path, root, record.ordinal, outlets)
            problems += [_problem(path, f"{where}: {w}") for w in warnings]
            articles.append(article)
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
    title = clean_title(declared.title, outlets, claims) if declared.title else None
    page = read_page(lines, classify_lines(lines), outlets, title=title)
    paragraphs = story_paragraphs(lines, page.kinds, title=page.title, title_index=page.title_index, start=page.start)
    if not paragraphs:
        # Better the whole text than nothing: the user can still read and search it.
        paragraphs = [line for i, line in enumerate(lines) if page.kinds[i] is not Kind.TITLE] or lines
        warnings.append("no story paragraphs recognised; kept the text as it is")
    outlet = _outlet(declared, lines, [*claims, *([page.byline_outlet] if page.byline_outlet else [])], outlets)
    url = declared.url
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
            outlet=outlet.name if outlet else None,
            date=declared.date or page.date,
            authors=declared.authors if declared.authors is not None else page.authors,
            paragraphs=tuple(paragraphs),
            url=url,
            outlet_kind=outlet.kind if outlet else None,
            outlet_country=outlet.country if outlet else None,
            word_count=count_words(paragraphs),
        ),
        warnings,
    )


def _outlet(declared: Declared, lines: list[str], claims: list[str], outlets: OutletTable) -> Outlet | None:
    if declared.outlet:
        return outlets.lookup(declared.outlet) or Outlet(name=declared.outlet)
    return outlets.identify(lines, claims).outlet


def _relative(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.name


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _problem(path: Path, message: str, *, skipped: bool = False) -> Problem:
    return Problem(str(path), message, skipped)
