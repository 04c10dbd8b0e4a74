"""Make untrusted text safe and plain: no terminal escapes, no control characters, LF line ends.

Article text ends up on a terminal screen, so anything that could move the cursor, set a window
title or restyle the screen is removed here, once, at ingest. Square brackets are ordinary text:
"[bold]" or "[/]" in an article is kept as written (escaping for markup is the screen's job).
"""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences, longest forms first. String sequences (OSC, DCS...) stop at their
# terminator or at the end of the line, so an unterminated one cannot swallow the article.
_ESCAPE_RE = re.compile(
    r"""
      \x1b\[[0-?]*[ -/]*[@-~]?              # CSI: colours, cursor moves ("ESC[31m")
    | \x1b\][^\x07\x1b\n]*(?:\x07|\x1b\\)?  # OSC: window titles, hyperlinks
    | \x1b[PX^_][^\x1b\n]*(?:\x1b\\)?       # DCS, SOS, PM, APC strings
    | \x1b[ -/]*[0-~]?                      # other escapes ("ESC(B", "ESC7", lone ESC)
    | \x9b[0-?]*[ -/]*[@-~]?                # 8-bit CSI
    | \x9d[^\x07\x9c\n]*[\x07\x9c]?         # 8-bit OSC
    """,
    re.VERBOSE,
)
# C0 controls except tab and newline, DEL, and C1 (0x80-0x9F); zero-width and BOM characters,
# and the soft hyphen, which only break words for search.
_CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Vertical tab, form feed and the Unicode line/paragraph separators end lines: removing them
# would glue two words together.
_LINE_BREAK_RE = re.compile("\r\n?|[\x0b\x0c\u2028\u2029\x85]")
_ANY_SPECIAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad\u2028\u2029]")


def clean_text(text: str) -> str:
    """Remove escape sequences and control characters; normalise line ends to LF and to NFC."""
    if _ANY_SPECIAL_RE.search(text):  # most files have none: one scan instead of three
        if "\x1b" in text or "\x9b" in text or "\x9d" in text:
            text = _ESCAPE_RE.sub("", text)
        text = _LINE_BREAK_RE.sub("\n", text)
        text = _CONTROL_RE.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def clean_line(line: str) -> str:
    """One line of display text: any run of space (tab, NBSP, thin, ideographic...) becomes
    one space, with none at the ends."""
    return " ".join(line.split())


def clean_lines(text: str) -> list[str]:
    """Lines of text that has been through clean_text, each cleaned; blank lines become ""."""
    return [" ".join(line.split()) for line in text.split("\n")]
