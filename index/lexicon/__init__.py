"""The English lexicon: word lists kept as data files beside this module, each read once.

One list a file, `NAME.txt`: lower-case entries separated by spaces or line ends; `#` starts a
comment, which says why the entries near it are there. A line may hold the forms of one entry
("september sep sept"): `forms` reads those lines as groups. Nothing here knows a story; the
lists are general English and the stock words of news writing.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files


def _lines(name: str) -> list[list[str]]:
    text = files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    rows = (line.split("#", 1)[0].split() for line in text.splitlines())
    return [row for row in rows if row]


@cache
def words(name: str) -> frozenset[str]:
    """Every entry of the list `name`."""
    return frozenset(w for row in _lines(name) for w in row)


@cache
def forms(name: str) -> tuple[tuple[str, ...], ...]:
    """The list `name` line by line: each line the forms of one entry, in the file's order."""
    return tuple(tuple(row) for row in _lines(name))


@cache
def month_numbers() -> dict[str, int]:
    """Month names and their abbreviations -> 1..12 ("sept" -> 9)."""
    return {form: n for n, row in enumerate(forms("months"), 1) for form in row}


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday names and their abbreviations -> 0 (Monday) .. 6."""
    return {form: n for n, row in enumerate(forms("weekdays")) for form in row}


def alternation(name: str, *, capitalised: bool = False) -> str:
    """A regular-expression alternation of every entry of `name`, longest first so that
    "september" is tried before "sep" ("Sept" or "sept", by `capitalised`)."""
    entries = sorted(words(name), key=lambda w: (-len(w), w))
    return "|".join(w.capitalize() if capitalised else w for w in entries)


def month_number(written: str) -> int:
    """ "Sept." -> 9, "OCTOBER" -> 10; KeyError for a word that is no month."""
    return month_numbers()[written.rstrip(".").lower()]
