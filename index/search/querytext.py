"""The text of a search query, before any engine sees it: syntax checks worded for people, and
the plain words in it (for "did you mean")."""

from __future__ import annotations

import re

from talks_tui.index.model import QueryError
from talks_tui.index.terms import normalise, stem, word_spans

FIELDS = ("title", "body", "outlet", "author", "date", "speaker", "role", "quote", "id")
# Fields answered from the quotations (see quoteindex).
QUOTE_FIELDS = ("speaker", "role", "quote")
FIELD_ALIASES = {"author": ["authors", "by"], "outlet": ["source"]}
OPERATORS = frozenset({"and", "or", "not", "andnot", "andmaybe", "to"})

# `foo:` where foo is not a known field is almost always a typo the user wants to hear about.
_FIELD_RE = re.compile(r"(?<![\w:/])([A-Za-z_]\w*):(?!//)")
_TOKEN_RE = re.compile(r'(?:(\w+):)?("[^"]*"|\[[^\]]*\]|\{[^}]*\}|\S+)')


def check_syntax(text: str) -> None:
    """Raise QueryError for what the parser would otherwise quietly guess at."""
    if text.count('"') % 2:
        raise QueryError('unclosed quote: add the closing " to the phrase')
    outside_quotes = re.sub(r'"[^"]*"', '""', text)
    depth = 0
    for ch in outside_quotes:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise QueryError("a ')' has no matching '('")
    if depth:
        raise QueryError("a '(' is never closed")
    for opening, closing in ("[]", "{}"):
        if outside_quotes.count(opening) != outside_quotes.count(closing):
            raise QueryError("a range is not closed: write it as date:[2025-10-25 to 2025-10-27]")
    known = set(FIELDS) | {alias for names in FIELD_ALIASES.values() for alias in names}
    for name in _FIELD_RE.findall(outside_quotes):
        if name.lower() not in known:
            raise QueryError(f"unknown field '{name}:'; fields are {', '.join(FIELDS)}")


def plain_words(text: str) -> list[str]:
    """Words of a query that search title and body: not operators, not inside other fields."""
    words = []
    for fieldname, value in _TOKEN_RE.findall(text):
        if fieldname and fieldname.lower() not in ("title", "body"):
            continue
        for word, _, _ in word_spans(value):
            if word not in OPERATORS and not word.isdigit():
                words.append(word)
    return words


def replace_word(text: str, word: str, new: str) -> str:
    """The query with the first whole-word occurrence of `word` replaced (case-insensitive)."""
    return re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", lambda _: new, text, count=1)


_LAST_WORD_RE = re.compile(r"(?:^|[\s(])([^\W\d_]\w{2,})$")


def as_you_type(text: str) -> str:
    """The query to run while it is still being typed: a last word of three letters or more, not
    in a phrase and not an operator, also finds the words it begins ("soyb" finds soybeans). The
    prefix is the word's stem, as the index holds stems ("soybeans" -> soybean*)."""
    m = _LAST_WORD_RE.search(text)
    if m is None or text.count('"') % 2 or m.group(1).lower() in OPERATORS:
        return text
    return text[: m.start(1)] + stem(normalise(m.group(1))) + "*"


def uses_quote_fields(text: str) -> bool:
    """Whether the query asks speaker:, role: or quote:, which need the quotations found first."""
    outside_quotes = re.sub(r'"[^"]*"', '""', text)
    return any(name.lower() in QUOTE_FIELDS for name in _FIELD_RE.findall(outside_quotes))
