"""What an export format gives: stories, each with its paragraphs and the metadata it states.

A database export (Nexis, Factiva), an API's JSON (NewsAPI, Event Registry), a CSV of stories
or a tool's output (trafilatura) holds several stories and names their title, outlet, date,
authors and URL in fields of its own. Each reader turns its format into `Story` records whose
`meta` uses the keys of front matter, so `metadata.Declared.from_mapping` reads them alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from talks_tui.index.textclean import clean_line


@dataclass(frozen=True)
class Story:
    blocks: tuple[str, ...]  # paragraphs, cleaned, one line each
    meta: dict[str, object] = field(default_factory=dict)  # title, outlet, date, authors, url, id
    where: str = ""  # where it stands in the file, for messages ("story 3", "row 12")


@dataclass
class Export:
    """A file's stories and what the user must hear about it: (message, whether something was left out)."""

    format: str
    stories: list[Story] = field(default_factory=list)
    problems: list[tuple[str, bool]] = field(default_factory=list)


def paragraphs(lines: Iterable[str]) -> tuple[str, ...]:
    """Paragraphs of lines separated by blank lines; lines wrapped inside a paragraph are joined."""
    blocks: list[str] = []
    current: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            current.append(line.strip())
        elif current:
            if block := clean_line(" ".join(current)):
                blocks.append(block)
            current = []
    return tuple(blocks)


def text_paragraphs(text: str) -> tuple[str, ...]:
    """Paragraphs of a text held in one field: split on blank lines, or on each line break when
    it has no blank lines (trafilatura and many APIs put one newline between paragraphs)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if any(not line.strip() for line in lines[1:-1]):
        return paragraphs(lines)
    return blocks_of(lines)


def blocks_of(texts: Iterable[object]) -> tuple[str, ...]:
    """Each non-empty string one block (for formats that keep paragraphs apart already)."""
    return tuple(b for t in texts if isinstance(t, str) and (b := clean_line(" ".join(t.split()))))


def compact(meta: dict[str, object]) -> dict[str, object]:
    """The fields that have a value."""
    return {k: v for k, v in meta.items() if v not in (None, "", [], ())}
