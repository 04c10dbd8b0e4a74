"""Reading Markdown back as a reader sees it (markdown-it-py, which Rich ships): the text of
each table cell and of the whole document, and whether any markup other than ours appeared."""

from __future__ import annotations

from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark").enable("table")


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content.lower() in ("<br>", "<br/>", "<br />")
        ):
            parts.append("\n")
        elif child.type == "html_inline":
            parts.append(f"<HTML {child.content}>")  # never expected: article text became HTML
    return "".join(parts)


def markup_in(markdown: str) -> set[str]:
    """The kinds of inline markup the document holds (em, strong, link, html_inline…)."""
    found = set()
    for token in _PARSER.parse(markdown):
        for child in token.children or []:
            if child.type.endswith("_open") or (child.type == "html_inline" and "<br" not in child.content):
                found.add(child.type.removesuffix("_open"))
    return found


def tables(markdown: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each table as (header cells, rows of cells), cells as plain text."""
    found = []
    header: list[str] = []
    rows: list[list[str]] = []
    row: list[str] | None = None
    in_head = False
    for token in _PARSER.parse(markdown):
        if token.type == "table_open":
            header, rows = [], []
        elif token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "inline" and row is not None:
            row.append(_inline_text(token))
        elif token.type == "tr_close":
            if in_head:
                header = row or []
            else:
                rows.append(row or [])
            row = None
        elif token.type == "table_close":
            found.append((header, rows))
    return found


def plain_text(markdown: str) -> str:
    """The document's text, one block a line."""
    return "\n".join(_inline_text(t) for t in _PARSER.parse(markdown) if t.type == "inline")
