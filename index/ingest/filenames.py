"""File names are data: any bytes a file system allows, kept storable and shown harmlessly.

Python gives a name that is not UTF-8 with lone surrogates (U+DC80-U+DCFF, one per bad byte),
which SQLite and terminals refuse. `storable` swaps them for private-use characters that stand
for the same bytes (and `real` swaps them back to open the file); `shown` makes any name safe to
print: control characters, terminal escapes, bidirectional overrides and bad bytes become visible
escapes such as `\\x1b`, never sent to the terminal and never markup (callers still use plain
Text, never a markup string).
"""

from __future__ import annotations

import re

_STAND_IN = 0x10FF00  # U+10FF80..U+10FFFF stand for the bytes 0x80..0xFF of a name that is not UTF-8
_SURROGATES_RE = re.compile("[\udc80-\udcff]")
_STAND_INS_RE = re.compile("[\U0010ff80-\U0010ffff]")
# C0 and C1 controls, DEL, bidirectional embeddings/overrides/isolates, and bad bytes either way.
_UNSAFE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff\U0010ff80-\U0010ffff]"
)
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def storable(path: str) -> str:
    """The path with any undecodable bytes as stand-in characters: valid UTF-8, one-to-one."""
    if path.isascii():
        return path
    return _SURROGATES_RE.sub(lambda m: chr(_STAND_IN + ord(m.group()) - 0xDC00), path)


def real(path: str) -> str:
    """The path the operating system knows (stand-ins back to Python's surrogate escapes)."""
    if path.isascii():
        return path
    return _STAND_INS_RE.sub(lambda m: chr(0xDC00 + ord(m.group()) - _STAND_IN), path)


def shown(text: str) -> str:
    """Text safe to print anywhere: every unsafe character as a visible escape."""
    if text.isascii() and text.isprintable():
        return text
    return _UNSAFE_RE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    code = ord(c)
    if c in _NAMED:
        return _NAMED[c]
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # the byte the file system holds
    if code >= _STAND_IN:
        return f"\\x{code - _STAND_IN:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"
