"""The one pass of a tokeniser over the articles: every token as small ints in parallel arrays.

Words become keys, their Snowball stem as the search indexes them, so "rare earths", "rare-earth"
and "Rare Earths" are one key, whatever the spelling ("Eugénie" and "Eugenie", "jewellery" and
"jewelry": see `spelling`). "U.S." and "US" are one key, "100 per cent" and "100%" one,
"Nov. 10" and "November 10" one; a sum of money is one key in any common form, read by
compare.figures ("€88m" and "88 million euros", "$102M" and "US$102 million"). Punctuation and
possessives end a phrase (a break token); a hyphen does not. Each token keeps how it was written
(its surface) and case bits: a capital, and whether that capital means something (not the first
word of a sentence or quotation, not in a headline set in title case or capitals).
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Sequence

import numpy as np

from talks_tui.index import lexicon
from talks_tui.index.compare.figures import MONEY_PATTERN, find_figures
from talks_tui.index.coverage.spelling import word_key
from talks_tui.index.coverage.word_classes import FUNCTION_KEYS, GENERIC_KEYS, LY_WORDS
from talks_tui.index.terms import normalise
from talks_tui.index.tokens import WORD

# The months as written in a date ("November 10", "Nov. 10", "10 November"): the full names, and
# the abbreviations (all but May's), in calendar order.
_MONTH_ROWS = lexicon.forms("months")
_MONTH_NAMES = "|".join(row[0].capitalize() for row in _MONTH_ROWS)
_MONTH_ABBR = "|".join(form.capitalize() for row in _MONTH_ROWS for form in row[1:])
# A date's key starts with its month's first three letters ("nov 10"); its label writes them so.
MONTH_LABELS = {row[0][:3]: row[0][:3].capitalize() for row in _MONTH_ROWS}

# A day of a month: 1 to 31, perhaps with its ordinal ending ("10th").
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# A figure kept whole: a sum of money in any common form ("€88m", "$103 Million", "USD 5bn",
# "5 billion yuan"), a percentage, a number with its scale ("2.4 million", "5bn").
_FIGURE = (
    rf"(?=[$€£¥₹₩\d]|[A-Z][A-Za-z.$]{{0,4}}\s?\d)(?:{MONEY_PATTERN})"
    r"|(?=\d)\d+(?:[.,]\d+)*(?:\s?%|\s(?:per\s?cent|percent|million|billion|trillion)\b|\s?bn\b)"
)
_FIGURE_RE = re.compile(_FIGURE)
# One token: a dotted abbreviation, a figure, a day of a month, a word, a hyphen inside a
# compound (kept so labels are written as in the text), or punctuation (which ends a phrase; a
# currency sign is a token of its own, so that "($1" is "(" and the figure "$1"). (The lookaheads
# only make the alternatives fail sooner.)
TOKEN_RE = re.compile(
    r"(?=[A-Za-z]\.[A-Za-z]\.)(?:[A-Za-z]\.){2,}(?![A-Za-z])"
    rf"|{_FIGURE}"
    rf"|(?=[ADFJMNOS][a-z]{{2}})(?:{_MONTH_NAMES}|{_MONTH_ABBR})\.?\s{_DAY}(?![\w%]|\s?per)"
    rf"|(?=\d){_DAY}\s(?:{_MONTH_NAMES})\b"
    rf"|{WORD}"
    r"|(?<=\w)-(?=\w)|&"
    r"|[^\w\s$€£¥₹₩-]+|[$€£¥₹₩]|(?<!\S)[-–—]+(?!\S)"
)
# After these, the next word starts a sentence or a quotation: its capital says nothing.
_OPENERS = frozenset(".!?:;\"“”‘’'([{]…")


BREAK = 0  # key id between phrases and between articles

# Token kinds.
WORD, NUM, FIGURE, DATE, ACRONYM, PUNCT, JOIN = range(7)

# Case bits of a token: written with a capital; that capital means something (not the first word
# of a sentence); in a headline set in title case or capitals.
CAPITAL, KNOWN, HEADLINE = 1, 2, 4


class Vocabulary:
    """Keys (what counts as the same word) and surfaces (how it was written), as small ints. A
    surface decides its key, so tokens need only record their surface."""

    def __init__(self) -> None:
        self.keys: list[str] = [""]
        self.kinds: list[int] = [PUNCT]
        self.key_ids: dict[str, int] = {"": BREAK}
        self.surfaces: list[str] = [""]
        self.surface_keys: list[int] = [BREAK]
        self.surface_ids: dict[str, int] = {"": 0}
        # text as matched -> (kind, surface id << 4 | capital bit, opens a sentence, possessive,
        # counts towards telling a headline)
        self.tokens: dict[str, tuple[int, int, bool, bool, bool]] = {}

    def token(self, text: str) -> tuple[int, int, bool, bool, bool]:
        found = self.tokens.get(text)
        if found is None:
            if len(self.tokens) > 1_000_000:  # keep the cache bounded on huge vocabularies
                self.tokens.clear()
            found = self.tokens[text] = self._classify(text)
        return found

    def _classify(self, text: str) -> tuple[int, int, bool, bool, bool]:
        first = text[0]
        if text == "-":
            return (JOIN, 0, False, False, False)
        if text == "&":  # Berg & Lund
            return (WORD, self._surface("&", "&", WORD) << 4, False, False, False)
        kind, surface, possessive = WORD, text, False
        if _FIGURE_RE.fullmatch(text):  # 100%, €88m, USD 5bn: one key however written
            figures = find_figures(text)
            key = f"{figures[0].kind} {figures[0].value}" if figures else " ".join(text.lower().split())
            return (FIGURE, self._surface(text, key, FIGURE) << 4, False, False, False)
        if not (first.isalnum() or first == "_"):
            return (PUNCT, 0, any(c in _OPENERS for c in text), False, False)
        if text[-1] == ".":  # U.S., a.m.
            letters = text.replace(".", "")
            kind, key = (ACRONYM, letters) if letters.isupper() else (WORD, "~" + letters)
        elif " " in text:  # a day of a month, either way round ("Nov. 10", "10th November")
            words = text.split()
            day = next((w for w in words if w[0].isdigit()), "")
            month = next((w for w in words if w[0].isalpha()), "")
            kind, key = DATE, f"{month[:3].lower()} {int('0' + ''.join(c for c in day if c.isdecimal()))}"
        elif first.isdigit() and not text.isdigit():  # 5G, 1990s, 88m: digits glued to letters
            kind, key = FIGURE, text.lower()
        elif text.isdigit():
            kind, key = NUM, text
        else:
            lower = normalise(text)
            if lower.endswith("'s"):
                lower, surface, possessive = lower[:-2], text[:-2], True
            if "'" in lower and first.islower():
                key = "~" + lower  # don't, they're: function words
            elif len(surface) > 1 and surface.isupper() and lower in FUNCTION_KEYS | GENERIC_KEYS:
                kind, key = ACRONYM, surface  # US, WHO, IT: not the pronoun
            elif first.islower() and lower.endswith("ly") and len(lower) > 4 and lower not in LY_WORDS:
                key = "~" + lower  # an adverb (properly), not the adjective's stem
            else:
                key = word_key(lower)
        capital = surface[0].isupper()
        telling = kind == WORD and key not in FUNCTION_KEYS
        return (kind, self._surface(surface, key, kind) << 4 | capital, False, possessive, telling)

    def _surface(self, surface: str, key: str, kind: int) -> int:
        surface_id = self.surface_ids.get(surface)
        if surface_id is None:
            key_id = self.key_ids.get(key)
            if key_id is None:
                key_id = self.key_ids[key] = len(self.keys)
                self.keys.append(key)
                self.kinds.append(kind)
            surface_id = self.surface_ids[surface] = len(self.surfaces)
            self.surfaces.append(surface)
            self.surface_keys.append(key_id)
        return surface_id

    def key_id(self, text: str) -> int:
        """The key id of a token's text (BREAK for punctuation)."""
        code = self.token(text)[1]
        return self.surface_keys[code >> 4]


# A token's code: surface id << 4 | the case bits | JOINED.
JOINED = 8


class Tokens:
    """Every article's tokens end to end, as parallel arrays; a break token separates phrases."""

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        vocab = self.vocab = Vocabulary()
        codes = array("q")  # raw machine ints: a list would hold millions of int objects
        append = codes.append
        starts: list[int] = []
        findall = TOKEN_RE.findall
        known = vocab.tokens.get
        token = vocab.token
        for paragraphs in texts:
            starts.append(len(codes))
            for paragraph in paragraphs:
                append(0)
                begin = len(codes)
                opens, join = True, 0
                caps = words = 0
                for text in findall(paragraph):
                    kind, code, opener, possessive, telling = known(text) or token(text)
                    if kind >= PUNCT:
                        if kind == JOIN:
                            join = JOINED
                        else:
                            if codes[-1]:
                                append(0)
                            opens = opens or opener
                        continue
                    append(code | join if opens else code | join | KNOWN)
                    if telling:
                        words += 1
                        caps += code & CAPITAL
                    if possessive:  # "China's maritime": a phrase ends at a possessive
                        append(0)
                    opens, join = False, 0
                if words >= 3 and caps >= 0.75 * words:  # a title-case or capitals headline
                    for i in range(begin, len(codes)):
                        codes[i] = (codes[i] & ~KNOWN) | HEADLINE
        append(0)
        packed = np.frombuffer(codes, dtype=np.int64)
        self.surfaces = (packed >> 4).astype(np.int32)
        self.case = (packed & 7).astype(np.int8)
        self.joined = ((packed & JOINED) > 0).astype(np.int8)
        del packed, codes
        self.ids = np.array(vocab.surface_keys, dtype=np.int32)[self.surfaces]
        vocab.tokens.clear()  # the cache of texts is no longer needed: free it
        starts.append(len(self.ids))
        self.starts = np.array(starts, dtype=np.int64)
        self.article = np.repeat(np.arange(len(texts), dtype=np.int32), np.diff(self.starts))
