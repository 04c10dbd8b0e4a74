"""From file bytes to blocks of text: decoding, and one reader per format.

A block is one element of the page (a paragraph, a heading, a caption, a menu line) as a single
cleaned line. Readers also return what the format itself declares (Markdown's "# " heading,
HTML metadata, JSON fields), which `index.ingest` weighs above detection.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from talks_tui.index.ingest.metadata import Declared, is_person_name, parse_date, split_names
from talks_tui.index.ingest.safe_read import MB, Unreadable, cut_notice, open_regular, read_bounded
from talks_tui.index.textclean import clean_line, clean_lines, clean_text

MAX_TEXT_BYTES = 10 * MB  # read from one article's file; more is cut, with a warning
MAX_EXPORT_BYTES = 100 * MB  # read from a file of many stories (exports, JSON, CSV)
MAX_RECORD_BYTES = 10 * MB  # one line of JSON Lines (the file itself is streamed)
_SAMPLE = 8192
# Bytes that never occur in text: C0 controls other than tab, LF, FF, CR and ESC.
_TEXT_CONTROLS = bytes(range(32)).translate(None, b"\t\n\x0c\r\x1b")
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_HIGH_BYTES = bytes(range(128, 256))
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


@dataclass(frozen=True)
class Document:
    blocks: tuple[str, ...]
    declared: Declared = field(default_factory=Declared)
    claims: tuple[str, ...] = ()  # outlet names from the page's own metadata (site name, host)
    warnings: tuple[str, ...] = ()


# --- Bytes ------------------------------------------------------------------------------


def read_bytes(path: Path, limit: int = MAX_TEXT_BYTES, *, cut_at_line: bool = True) -> tuple[bytes, str | None]:
    """The file's first `limit` bytes and, when there was more, a warning saying so; Unreadable
    when it is empty, cannot be read or is not a regular file (a FIFO, a device)."""
    data, size = read_bounded(path, limit)
    if not data:
        raise Unreadable("empty file")
    if size <= len(data):
        return data, None
    if cut_at_line and (end := data.rfind(b"\n")) > 0:
        data = data[:end]  # not in the middle of a line (or of a character)
    return data, cut_notice(size, limit)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or other control bytes beyond a stray few in the first kilobytes (text in
    UTF-16/32 with a BOM is text; a lone NUL in scraped text is cleaned, not fatal)."""
    sample = data[:_SAMPLE]
    if any(sample.startswith(bom) for bom, name in _BOMS if name != "utf-8-sig"):
        return False
    nuls = sample.count(b"\x00")
    if nuls > max(2, len(sample) // 200):
        return True
    controls = len(sample) - len(sample.translate(None, _TEXT_CONTROLS))
    return controls > max(4, len(sample) // 20)


def decode(data: bytes, declared_charset: str | None = None) -> tuple[str, str | None]:
    """Text and, when it was not UTF-8, a warning naming the encoding used instead."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), None
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if declared_charset:
        try:
            text = data.decode(declared_charset)
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return text, f"not UTF-8; decoded as {declared_charset} (declared by the page)"
    # Mostly valid UTF-8 with a few bad bytes: keep the good characters rather than re-decode
    # everything as another encoding and garble them.
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = len(lenient) - len(lenient.encode("ascii", "ignore")) - bad  # non-ASCII characters
    if good >= 3 * bad:
        return lenient, f"not valid UTF-8; {bad} bad byte{'s' * (bad != 1)} replaced"
    # Western text has few high bytes and cp1252 is what such pages use; text that is mostly
    # high bytes (Cyrillic, CJK...) needs a real detector.
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    if high <= 0.3 * len(data):
        try:
            return data.decode("cp1252"), "not UTF-8; decoded as cp1252"
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes  # slow to import; rarely needed

    best = from_bytes(data).best()
    if best is not None:
        return str(best), f"not UTF-8; decoded as {best.encoding}"
    return data.decode("cp1252", errors="replace"), "not UTF-8; decoded as cp1252 (some characters replaced)"


def html_charset(data: bytes) -> str | None:
    m = _META_CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


# --- Plain text -------------------------------------------------------------------------


def text_blocks(text: str) -> tuple[str, ...]:
    """One block per line, as scrapers write pages; hard-wrapped prose is joined back."""
    lines = clean_lines(text)
    nonblank = [line for line in lines if line]
    width = _wrap_width(nonblank)
    if width is None:
        return tuple(nonblank)
    blocks: list[str] = []
    current: list[str] = []
    for line in lines:
        # A paragraph ends at a blank line, after a line that stops well short of the margin, and
        # around a line longer than the margin (a paragraph the page left unwrapped).
        if current and (not line or len(current[-1]) < 0.6 * width or len(current[-1]) > width or len(line) > width):
            blocks.append(" ".join(current))
            current = []
        if line:
            current.append(line)
    if current:
        blocks.append(" ".join(current))
    return tuple(blocks)


def _wrap_width(lines: list[str]) -> int | None:
    """The margin prose was filled to, if it was: many lines just short of one width between 50
    and 100 characters, most of them ending inside a sentence. A few lines may run past it (a
    headline or a first paragraph the page did not wrap)."""
    if len(lines) < 6:
        return None
    lengths = sorted({len(line) for line in lines if 50 <= len(line) <= 100})
    best, width = 0, None
    for w in lengths:
        filled = [line for line in lines if 0.75 * w <= len(line) <= w]
        if len(filled) > best:
            best, width = len(filled), w
    prose = sum(len(line) >= 20 for line in lines)  # not a header's short lines
    longer = sum(len(line) > width for line in lines) if width else 0
    if width is None or best < max(5, 0.5 * prose) or longer > max(2, len(lines) // 10):
        return None
    filled = [line for line in lines if 0.75 * width <= len(line) <= width]
    open_ended = sum(1 for line in filled if not line.endswith((".", "!", "?", '"', "”", "’", ":")))
    return width if open_ended >= 0.5 * len(filled) else None


_BLANK_LINES_RE = re.compile(r"\n[^\S\n]*\n\s*")


def paragraph_blocks(body: str) -> tuple[str, ...]:
    """A body held in one string (JSON): paragraphs split on blank lines, or on single
    newlines when it has no blank lines."""
    text = clean_text(body)
    chunks = _BLANK_LINES_RE.split(text) if _BLANK_LINES_RE.search(text) else text.split("\n")
    return tuple(b for chunk in chunks if (b := clean_line(chunk.replace("\n", " "))))


# --- Markdown ---------------------------------------------------------------------------

_MD_HEADING_RE = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE_RE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_MD_FENCE_RE = re.compile(r"^\s{0,3}(?:```|~~~)")
_MD_LIST_RE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE_RE = re.compile(r"^\s*(?:>\s?)+")
_MD_REF_DEF_RE = re.compile(r"^\s{0,3}\[([^\]]+)\]:\s*\S+.*$")
_MD_IMAGE_RE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|!\[[^\]\n]*\]\[[^\]\n]*\]")
_MD_LINK_RE = re.compile(r"\[([^\]\n]+)\]\((?:<[^>\n]*>|[^()\s]+|[^()\s]*\([^()\s]*\)[^()\s]*)(?:\s+\"[^\"\n]*\")?\)")
_MD_REF_LINK_RE = re.compile(r"\[([^\]\n]+)\]\[([^\]\n]*)\]")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_MD_HTML_TAG_RE = re.compile(r"</?(?:[a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")
_MD_EMPHASIS_RES = (
    re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"),
    re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"),
    re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"),
    re.compile(r"`([^`\n]+)`"),
)


def markdown_blocks(text: str) -> tuple[tuple[str, ...], str | None]:
    """Blocks of a Markdown document (markup removed) and its first level-1 heading."""
    raw = clean_text(text).split("\n")
    refs = {m.group(1).lower() for line in raw if (m := _MD_REF_DEF_RE.match(line))}
    blocks: list[str] = []
    current: list[str] = []
    title: str | None = None

    def flush() -> None:
        if current:
            block = clean_line(_md_inline(" ".join(current), refs))
            if block:
                blocks.append(block)
            current.clear()

    for i, line in enumerate(raw):
        if _MD_FENCE_RE.match(line) or _MD_REF_DEF_RE.match(line):
            flush()
            continue
        heading = _MD_HEADING_RE.match(line)
        next_line = raw[i + 1] if i + 1 < len(raw) else ""
        if heading is None and line.strip() and _MD_SETEXT_RE.match(next_line) and not current:
            heading_text, level = line, 1 if next_line.strip().startswith("=") else 2
        elif heading is not None:
            heading_text, level = heading.group(2), len(heading.group(1))
        else:
            heading_text, level = None, 0
        if heading_text is not None:
            flush()
            text_ = clean_line(_md_inline(heading_text, refs))
            if text_:
                blocks.append(text_)
                if level == 1 and title is None:
                    title = text_
            continue
        if _MD_SETEXT_RE.match(line) and blocks and not current:
            continue  # the underline of a setext heading
        if not line.strip() or _MD_RULE_RE.match(line):
            flush()
            continue
        if _MD_LIST_RE.match(line):
            flush()
            current.append(_MD_LIST_RE.sub("", line, count=1))
            continue
        current.append(_MD_QUOTE_RE.sub("", line, count=1))
    flush()
    return tuple(blocks), title


def _md_inline(text: str, refs: set[str]) -> str:
    text = _MD_IMAGE_RE.sub("", text)
    text = _MD_LINK_RE.sub(r"\1", text)
    if refs:  # "[text][ref]" only when ref is defined: "[bold][/]" in prose is not a link
        text = _MD_REF_LINK_RE.sub(
            lambda m: m.group(1) if (m.group(2) or m.group(1)).lower() in refs else m.group(0), text
        )
    text = _MD_AUTOLINK_RE.sub(r"\1", text)
    text = _MD_HTML_TAG_RE.sub("", text)
    for pattern in _MD_EMPHASIS_RES:
        text = pattern.sub(lambda m: m.group(m.lastindex or 1), text)
    return text.replace("\\", "") if "\\" in text else text


# --- HTML -------------------------------------------------------------------------------


def html_document(html: str) -> Document:
    """The article in an HTML page, through trafilatura; a basic reader if it is unavailable."""
    try:
        import trafilatura  # slow to import: only pages pay for it

        extracted = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    except Exception as e:  # an import problem or a crash inside the extractor
        document = _basic_html_document(html)
        reason = f"{type(e).__name__}: {e}".splitlines()[0][:120]
        return Document(
            document.blocks,
            document.declared,
            document.claims,
            (f"HTML extractor failed ({reason}); used a basic reader",),
        )
    if extracted is None:
        return _basic_html_document(html)

    def get(name: str) -> object:
        value = extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
        return value if isinstance(value, str) and value.strip() else None

    blocks = tuple(b for line in clean_text(str(get("text") or "")).split("\n") if (b := clean_line(line)))
    if not blocks:
        return _basic_html_document(html)
    names = split_names(str(get("author") or "").replace(";", ","))
    declared = Declared(
        title=clean_line(clean_text(str(get("title")))) if get("title") else None,
        date=parse_date(get("date")),
        authors=tuple(n for n in names if is_person_name(n)) or None,
        url=str(get("url")) if get("url") else None,
    )
    claims = tuple(str(c) for c in (get("sitename"), get("hostname")) if c)
    claims += tuple(n for n in names if not is_person_name(n))  # "Reuters" given as the author
    return Document(blocks, declared, claims)


# Page furniture the basic reader leaves out, and the tags that start a new block of text.
_SKIP_TAGS = frozenset(
    ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "button", "svg", "iframe")
    + ("template", "select", "figcaption")
)
_BLOCK_TAGS = frozenset(
    ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "article", "section", "br", "tr")
    + ("dd", "dt", "pre", "main", "figure", "ul", "ol", "table", "hr")
)


class _BasicExtractor(HTMLParser):
    """Visible block text and a few meta tags, for when trafilatura cannot be used."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.meta: dict[str, str] = {}
        self._text: list[str] = []
        self._skip = 0
        self._in_title = False
        self._title: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            name = (a.get("property") or a.get("name") or "").lower()
            if name and a.get("content"):
                self.meta.setdefault(name, a["content"])
        elif tag == "link" and a.get("rel", "").lower() == "canonical" and a.get("href"):
            self.meta.setdefault("canonical", a["href"])
        elif tag == "title":
            self._in_title = True
        elif tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self._title.append(data)
        elif not self._skip:
            self._text.append(data)

    def _flush(self) -> None:
        block = clean_line(clean_text(" ".join(self._text)))
        if block:
            self.blocks.append(block)
        self._text = []

    def close(self) -> None:
        super().close()
        self._flush()
        self.meta.setdefault("title", clean_line(" ".join(self._title)))


def _basic_html_document(html: str) -> Document:
    parser = _BasicExtractor()
    parser.feed(html)
    parser.close()
    meta = parser.meta
    author = meta.get("author") or meta.get("article:author") or ""
    names = split_names(author.replace(";", ","))
    declared = Declared(
        title=meta.get("og:title") or meta.get("title") or None,
        date=parse_date(meta.get("article:published_time") or meta.get("date") or meta.get("pubdate") or ""),
        authors=tuple(n for n in names if is_person_name(n)) or None,
        url=meta.get("og:url") or meta.get("canonical") or None,
    )
    claims = tuple(c for c in (meta.get("og:site_name"), meta.get("og:url") or meta.get("canonical")) if c)
    return Document(tuple(parser.blocks), declared, claims)


# --- JSON Lines -------------------------------------------------------------------------


@dataclass(frozen=True)
class JsonRecord:
    line: int  # 1-based line number in the file
    ordinal: int  # position among the file's non-blank lines, for stable ids
    data: dict | None
    error: str | None = None
    warning: str | None = None


def iter_json_lines(path: Path) -> Iterator[JsonRecord]:
    """Records of a JSON Lines file, streamed; a bad line is reported, not fatal."""
    ordinal = 0
    with open_regular(path) as f:
        number = 0
        while raw := f.readline(MAX_RECORD_BYTES + 1):
            number += 1
            if len(raw) > MAX_RECORD_BYTES and not raw.endswith(b"\n"):
                while (rest := f.readline(MAX_RECORD_BYTES)) and not rest.endswith(b"\n"):
                    pass  # skip the rest of the overlong line without holding it
                yield JsonRecord(number, ordinal, None, f"longer than {MAX_RECORD_BYTES // MB} MB; not read")
                ordinal += 1
                continue
            if not raw.strip():
                continue
            n, ordinal = ordinal, ordinal + 1
            if b"\x00" in raw:
                yield JsonRecord(number, n, None, "binary data, not JSON")
                continue
            text, warning = decode(raw)
            try:
                data = json.loads(text)
            except json.JSONDecodeError as e:
                yield JsonRecord(number, n, None, f"not valid JSON ({e.msg} at column {e.colno})", warning)
                continue
            except RecursionError:  # "[[[[…" nested past what the parser can hold
                yield JsonRecord(number, n, None, "JSON nested too deeply to read", warning)
                continue
            if not isinstance(data, dict):
                yield JsonRecord(number, n, None, f"expected a JSON object, found {type(data).__name__}", warning)
                continue
            yield JsonRecord(number, n, data, None, warning)


def record_body(data: dict) -> str | None:
    for k in ("body", "text", "content"):
        value = data.get(k)
        if isinstance(value, str) and value.strip():
            return value
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            return "\n\n".join(value)
    return None


def html_sniff(text: str) -> bool:
    """A page saved with a .txt name is still HTML."""
    head = text[:1024].lstrip().lower()
    return head.startswith("<!doctype html") or head.startswith("<html")


def decode_file(path: Path, data: bytes, *, is_html: bool = False) -> tuple[str, str | None]:
    if looks_binary(data):
        raise Unreadable("binary file, not text")
    text, warning = decode(data, html_charset(data) if is_html else None)
    return text, warning
