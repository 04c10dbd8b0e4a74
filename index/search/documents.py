"""An article as any search backend takes it: its title and body already analysed into terms and
word positions (in a worker process, by `analyse`), and its names and date as text.

Positions are little-endian uint32 arrays: Whoosh stores them as they are (see store.RawPositions)
and the matching engine reads a whole posting list with numpy.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from talks_tui.index.terms import term_positions


def _encode_positions(positions: Sequence[int]) -> bytes:
    data = array("I", positions)
    if sys.byteorder != "little":
        data.byteswap()
    return data.tobytes()


def _decode_positions(value: bytes) -> list[int]:
    data = array("I")
    data.frombytes(value)
    if sys.byteorder != "little":
        data.byteswap()
    return data.tolist()


@dataclass(frozen=True)
class PostingList:
    """(term bytes, frequency, weight, encoded positions) for each term of one field of one doc."""

    items: tuple[tuple[bytes, int, float, bytes], ...]


def _positions(text: str) -> PostingList:
    """The postings RawPositions would write for `text` with the StemTokenizer."""
    return PostingList(
        tuple(
            (term.encode("utf-8"), len(positions), float(len(positions)), _encode_positions(positions))
            for term, positions in term_positions(text).items()
        )
    )


@dataclass(frozen=True)
class IndexDoc:
    """One article ready for the index; picklable, so worker processes can build it."""

    id: str
    title: PostingList
    body: PostingList
    outlet: str
    author: str
    date: str
    outlet_name: str


def analyse(
    article_id: str,
    title: str,
    body: str,
    outlet: str | None,
    outlet_terms: str,
    authors: Sequence[str],
    date: str | None,
) -> IndexDoc:
    return IndexDoc(
        id=article_id,
        title=_positions(title),
        body=_positions(body),
        outlet=outlet_terms,
        author="; ".join(authors),
        date=date or "",
        outlet_name=outlet or "",
    )
