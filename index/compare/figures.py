"""Figures in a sentence (sums of money, percentages, dates, durations, counts...) in a comparable form.

Each figure has a kind and a normalised value, so that two articles state the same figure exactly
when kind and value are equal: "100 per cent", "100%" and "a 100 pct tariff" are all percent "100";
"$1.2 billion", "US$1.2bn" and "1.2 billion dollars" are money "USD 1200000000"; "Nov. 10" and
"10 November" are date "11-10". Amounts are exact decimals written without exponent or trailing
zeros, so "5.5 hours" (duration "5.5 hour") never equals "six hours" (duration "6 hour").

A few precompiled patterns propose candidates; where they overlap, the one that starts first wins,
then the longest, then the more specific kind, so the number of a percentage is not also a count.
Digits glued to letters belong to names and identifiers ("G20", "H20 chips", "COVID-19", "5G",
"the 1990s") and give no figure; a number after a name and a space ("Section 301") is a count.
Number words in a name ("Air Force One", "Phase One") and the idioms of "one" ("one of", "no one",
"one another") are no counts either.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from talks_tui.index import lexicon

KINDS = ("money", "percent", "points", "date", "month", "duration", "time", "ordinal", "year", "count", "weekday")


@dataclass(frozen=True)
class Figure:
    kind: str  # one of KINDS
    value: str  # normalised: equal kind and value mean the same figure
    text: str  # as written
    start: int
    end: int


# ---------------------------------------------------------------------------------------------
# Vocabulary


def _numbered(words: str, first: int = 0, step: int = 1) -> dict[str, int]:
    return {w: first + step * i for i, w in enumerate(words.split())}


_UNITS = _numbered(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen"""
)
_TENS = _numbered("twenty thirty forty fifty sixty seventy eighty ninety", 20, 10)
_SCALES = {"hundred": 100, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SHORT_SCALES = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12}
_NUMBER_WORDS = {**_UNITS, **_TENS, **_SCALES, "dozen": 12}
_ORDINAL_WORDS = {
    **_numbered(
        """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
        fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""",
        1,
    ),
    **_numbered("thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth", 30, 10),
    "hundredth": 100,
    "thousandth": 1000,
    "millionth": 10**6,
}
_WEEKDAYS = [row[0].capitalize() for row in lexicon.forms("weekdays")]

# Currency signs and codes written before the amount. A bare "$" is taken for US dollars.
_PREFIX_CURRENCY = {
    "US$": "USD", "U.S.$": "USD", "HK$": "HKD", "S$": "SGD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "NT$": "TWD", "R$": "BRL", "Rs.": "INR", "Rs": "INR", "RM": "MYR",
    "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW",
}  # fmt: skip
_CODES = {c: c for c in "USD EUR GBP CNY JPY HKD SGD AUD CAD KRW INR MYR CHF TWD NZD BRL RUB".split()} | {"RMB": "CNY"}
# Currency names written after the amount, singular and lower case.
_SUFFIX_CURRENCY = {
    "dollar": "USD", "us dollar": "USD", "u.s. dollar": "USD", "american dollar": "USD",
    "hong kong dollar": "HKD", "singapore dollar": "SGD", "australian dollar": "AUD", "canadian dollar": "CAD",
    "taiwan dollar": "TWD", "new taiwan dollar": "TWD", "yuan": "CNY", "chinese yuan": "CNY",
    "renminbi": "CNY", "euro": "EUR", "pound": "GBP", "pound sterling": "GBP", "yen": "JPY",
    "japanese yen": "JPY", "won": "KRW", "south korean won": "KRW", "ringgit": "MYR", "rupee": "INR",
    "swiss franc": "CHF", "franc": "CHF", "rouble": "RUB", "ruble": "RUB",
}  # fmt: skip
# Currency words that are also ordinary words: "the two won", "five pounds of beef".
_AMBIGUOUS_CURRENCY = frozenset({"won", "pound"})
_DURATIONS = {
    "second": "second", "sec": "second", "minute": "minute", "min": "minute", "hour": "hour", "hr": "hour",
    "day": "day", "week": "week", "month": "month", "year": "year", "yr": "year", "decade": "decade",
    "century": "century", "centurie": "century",
}  # fmt: skip
_GLUE_PREFIXES = frozenset("mid pre post early late end".split())  # "mid-2025" is a year

# ---------------------------------------------------------------------------------------------
# Patterns


def _alt(words) -> str:
    """An alternation of words, longest first so that "HK$" is tried before "$"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d|[.,:/]\d)"
_WORD = _alt(_NUMBER_WORDS)
_SCALE_WORD = "hundred|thousand|million|billion|trillion"
# A run of number words: "twenty-five", "two hundred and fifty", "ten billion", "a dozen".
_AND = rf"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+(?=(?:{_alt({**_UNITS, **_TENS})})\b)"
_WORDS = rf"(?:\ban?\s+(?=(?:{_SCALE_WORD}|dozen)\b))?\b(?:{_WORD})(?:(?:[ -]|{_AND})(?:{_WORD})\b)*\b"
_NUMBER = rf"(?:{_DIGITS}|(?i:{_WORDS}))"
_SCALE = rf"(?:(?:[\s-]?(?i:{_SCALE_WORD})\b)+|\s?(?i:bn|mn|mln|tn)\b|[mbkMBK]\b)"
_PREFIX = rf"(?:(?<![A-Za-z])(?:{_alt(k for k in _PREFIX_CURRENCY if k[0].isalpha())}|{_alt(_CODES)})\s?|[$€£¥₹₩]\s?)"
_CURRENCY_AFTER = rf"\s(?i:(?:{_alt(_SUFFIX_CURRENCY)})s?(?:\s+sterling)?|sterling)\b|\s(?:{_alt(_CODES)})\b"
_UNIT = (
    r"(?P<pct>\s?%|[\s-]?(?i:per[\s-]?cent|percent|pct)\b)"
    r"|(?P<pp>\s(?i:percentage[\s-]points?)\b|[\s-]?(?i:basis[\s-]points?|bps?|ppts?|pp)\b)"
    rf"|(?P<cur>{_CURRENCY_AFTER})"
    rf"|(?P<dur>[\s-](?i:{_alt(_DURATIONS)})s?\b)"
)
_RANGE_SEP = r"(?:-|\s?–\s?|\s+(?:to|and)\s+)"
# An amount, or a range of two ("10-15%", "$10 to $15 billion", "between two and three days"),
# and what it counts. Digits must not follow a letter or another number ("G20", "1.2.3", "24/7", "10:30").
_LEAD = rf"(?:(?P<pre1>{_PREFIX})|(?<![\w.,:/]))(?P<n1>{_NUMBER})(?P<s1>{_SCALE})?"
_QUANTITY_RE = re.compile(
    rf"(?P<between>(?i:\bbetween)\s+)?{_LEAD}"
    rf"(?:(?P<sep>{_RANGE_SEP})(?P<pre2>{_PREFIX})?(?P<n2>{_NUMBER})(?P<s2>{_SCALE})?)?(?:{_UNIT})?"
)
_SINGLE_RE = re.compile(rf"{_LEAD}(?:{_UNIT})?")
# A sum of money in digits, as a pattern without groups for a tokeniser to keep it whole ("€88m",
# "$103 Million", "USD 5bn", "0.8575 euro", "5 billion yuan"); find_figures reads its value.
MONEY_PATTERN = (
    rf"{_PREFIX}{_DIGITS}(?:{_SCALE})?(?:{_CURRENCY_AFTER})?"
    rf"|(?<![\w.,:/]){_DIGITS}(?:{_SCALE})?(?:{_CURRENCY_AFTER})"
)

_MONTH_NAMES = lexicon.alternation("months", capitalised=True)
_MONTH = rf"(?:{_MONTH_NAMES})\b\.?"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,]\d)"
_YEAR = r"(?:19\d\d|20\d\d|2100)(?![\w%]|[.,]\d)"
_DAY_SEP = r"(?:\s?[-–]\s?|\s+(?:to|and|through|until)\s+)"
# What must not follow a day after a month: "in March 2 million people", "Oct 25 and 30 per cent".
_NOT_UNIT = rf"(?!\s?(?:%|(?i:per[\s-]?cent\b|percent|pct\b|{_SCALE_WORD}|bn\b|hour|day|week|month|year|dollar)))"
_DATE_RE = re.compile(
    # "Nov. 10", "October 25-26, 2025"
    rf"(?<![\w.])(?P<m1>{_MONTH})\s?(?P<d1>{_DAY}){_NOT_UNIT}(?:{_DAY_SEP}(?P<d2>{_DAY}){_NOT_UNIT})?"
    rf"(?:,?\s(?P<y1>{_YEAR}))?"
    # "10 November 2025", "the 25th of October", "25 to 26 October"
    rf"|(?<![\w.,])(?P<d3>{_DAY})(?:{_DAY_SEP}(?P<d4>{_DAY}))?\s(?:of\s)?(?P<m2>{_MONTH})(?:,?\s(?P<y2>{_YEAR}))?"
    # "in September", "May 2025"
    rf"|(?<![\w.])(?P<m3>{_MONTH})(?:,?\s(?P<y3>{_YEAR}))?"
    # ISO "2025-10-27"
    r"|(?<![\w.-])(?P<iy>(?:19|20)\d\d)-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?!\d|-\d)"
)
_WEEKDAY_RE = re.compile(rf"\b(?:{'|'.join(_WEEKDAYS)})s?\b")
_TIME_RE = re.compile(
    r"(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<min>[0-5]\d))?\s?(?P<ap>[AaPp])(?:\.[Mm]\.|[Mm]\b)"
    r"|(?<![\w.:,])(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?![\d:])"
)
_ORDINAL_RE = re.compile(
    r"(?<![\w.,])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:st|nd|rd|th)\b"
    r"|\bNo\.\s?(?P<no>\d+)\b(?![.,]\d)"  # "No. 1"
    rf"|(?i:\b(?:(?P<tens>{_alt(_TENS)})-)?(?P<word>{_alt(_ORDINAL_WORDS)})\b)"
)
# A bare "May" is the month only after a word that introduces a time: "in May", not "Theresa May".
_MAY_CONTEXT_RE = re.compile(
    r"(?i:\b(?:in|since|by|until|till|from|through|of|last|next|this|early|mid|late|during|to|before|after"
    r"|between|and|or|end|on|each|every)[\s-])$"
)
_CAPITALISED_BEFORE_RE = re.compile(r"[A-Z][\w'’-]*\s$")  # "Air Force One": a number word in a name
_ONE_BEFORE_RE = re.compile(r"(?i:\b(?:no|any|every|each|the|this|that|which)\s)$")  # "no one", "the one"
_ONE_AFTER_RE = re.compile(r"(?i:\s(?:of|another|or\s+another|by\s+one|on\s+one)\b)")  # "one of", "one another"
_LETTERS_BEFORE_RE = re.compile(r"[A-Za-z]+$")
_AMOUNT_BEFORE_RE = re.compile(r"(?i:\b(?:at least|more than|fewer than|less than|nearly|almost|over|about|some)\s)$")
# Any digit or any word that may start a figure: sentences with neither are skipped at once.
_HINT_RE = re.compile(rf"\d|(?i:\b(?:{_WORD}|{_alt(_ORDINAL_WORDS)}))\b|\b(?:{'|'.join(_WEEKDAYS)}|{_MONTH_NAMES})")
_PRIORITY = {kind: i for i, kind in enumerate(KINDS)}

# ---------------------------------------------------------------------------------------------
# Finding


def find_figures(text: str) -> list[Figure]:
    """The figures of a text, in text order, none overlapping."""
    if not _HINT_RE.search(text):
        return []
    candidates: list[tuple[int, int, int, list[Figure]]] = []
    for finder in (_quantities, _dates, _times, _ordinals, _weekdays):
        for figures in finder(text):
            candidates.append((figures[0].start, -figures[-1].end, _PRIORITY[figures[0].kind], figures))
    candidates.sort(key=lambda c: c[:3])
    out: list[Figure] = []
    reach = 0
    for start, neg_end, _, figures in candidates:
        if start >= reach:
            out.extend(figures)
            reach = -neg_end
    return out


# -- amounts -------------------------------------------------------------------------------------


def _quantities(text: str) -> Iterator[list[Figure]]:
    pos = 0
    while (m := _QUANTITY_RE.search(text, pos)) is not None:
        pos = m.end()
        figures = _read_quantity(text, m)
        if figures is None:
            # Not a range after all ("Section 301 and 50 per cent"): read the first amount alone.
            single = _SINGLE_RE.match(text, m.start("pre1") if m.group("pre1") else m.start("n1"))
            if single is None:
                continue
            pos = single.end()
            figures = _read_quantity(text, single)
        if figures:
            yield figures


def _read_quantity(text: str, m: re.Match[str]) -> list[Figure] | None:
    """The figures of one amount or range; None for a range to read again as a single amount."""
    g = m.groupdict()
    n1, n2 = g["n1"], g.get("n2")
    if n2 is not None and g["sep"].strip() == "and" and not g["between"]:
        return None
    if not _free_standing(text, m.start("n1"), n1):
        return []
    kind, what = _kind(g)
    if kind == "":
        return []
    money = kind == "money"
    v1 = _amount(n1, g["s1"], money)
    start1 = m.start("pre1") if g["pre1"] else m.start("n1")
    if n2 is None:
        if v1 is None:
            return []
        end = m.end()
        if money and _ambiguous_money(g, v1):
            kind, what, end = "count", None, m.end("n1")  # "the two won": a count, the word is a verb
        if kind == "count":
            if _not_a_count(text, m.start("n1"), end, n1, g["s1"]):
                return []
            if not g["s1"] and _is_year(n1) and not _AMOUNT_BEFORE_RE.search(text, max(0, start1 - 16), start1):
                kind = "year"  # but "at least 2068 injured" is a count
        return [_figure(text, kind, what, v1, start1, end)]

    v2 = _amount(n2, g["s2"], money)
    if v1 is None or v2 is None:
        return None
    if g["s2"] and not g["s1"]:
        # "$10-15 billion": the first number takes the scale of the second when the two are alike.
        bare1, bare2 = _amount(n1, None, money), _amount(n2, None, money)
        if bare1 is not None and bare2 and Decimal("0.01") <= bare1 / bare2 <= 100:
            v1 = _amount(n1, g["s2"], money)
    if money and _ambiguous_money(g, v2):
        return None
    end1 = m.end("s1") if g["s1"] else m.end("n1")
    start2 = m.start("pre2") if g["pre2"] else m.start("n2")
    first = _figure(text, kind, what, v1, start1, end1)
    second = _figure(text, kind, what, v2, start2, m.end())
    if kind == "count" and not g["s1"] and _is_year(n1):
        # Two plain numbers: each a count or a year of its own ("2019 to 2021", "2025-26").
        first = Figure("year", first.value, first.text, first.start, first.end)
        if g["sep"] in "-–" and len(n2) == 2 and n2.isdigit() and int(n2) > int(n1) % 100:
            n2 = str(int(n1) // 100 * 100 + int(n2))  # "2025-26"
        if _is_year(n2) and not g["s2"]:
            second = Figure("year", n2, second.text, second.start, second.end)
    return [first, second]


def _kind(g: dict[str, str | None]) -> tuple[str, str | None]:
    """(kind, currency or duration unit) of an amount; kind "" for nonsense such as "$5 per cent"."""
    pre = g["pre1"] or g.get("pre2")
    currency = None
    if pre:
        pre = pre.strip()
        currency = _PREFIX_CURRENCY.get(pre) or _CODES[pre]
    if g.get("pct"):
        return ("", None) if currency else ("percent", None)
    if pp := g.get("pp"):
        return ("", None) if currency else ("points", "bp" if "b" in pp.lower() else "pp")
    if cur := g.get("cur"):
        return "money", currency or _currency_word(cur)
    if dur := g.get("dur"):
        word = dur.strip(" -").lower()
        return ("", None) if currency else ("duration", _DURATIONS.get(word) or _DURATIONS[word[:-1]])
    return ("money", currency) if currency else ("count", None)


def _currency_word(written: str) -> str:
    word = " ".join(written.split())
    if word in _CODES:
        return _CODES[word]
    word = word.lower()
    if word != "sterling":
        word = word.removesuffix(" sterling")
    if word not in _SUFFIX_CURRENCY:
        word = word.removesuffix("s")
    return _SUFFIX_CURRENCY.get(word, "GBP")  # what is left is "sterling"


def _ambiguous_money(g: dict[str, str | None], value: Decimal) -> bool:
    """ "the two won", "five pounds of beef": money only with a scale or a large sum."""
    word = (g.get("cur") or "").strip().lower().removesuffix("s")
    return word in _AMBIGUOUS_CURRENCY and not g.get("pre1") and not g.get("s1") and not g.get("s2") and value < 1000


def _figure(text: str, kind: str, what: str | None, value: Decimal, start: int, end: int) -> Figure:
    if kind == "money":
        shown = f"{what} {_fmt(value)}"
    elif kind == "points":
        shown = _fmt(value / 100 if what == "bp" else value)  # basis points in percentage points
    elif kind == "duration":
        shown = f"{_fmt(value)} {what}"
    else:
        shown = _fmt(value)
    return Figure(kind, shown, text[start:end], start, end)


def _is_year(written: str) -> bool:
    return len(written) == 4 and written.isdigit() and 1900 <= int(written) <= 2100


def _free_standing(text: str, start: int, written: str) -> bool:
    """Digits not glued to a word by a hyphen: "COVID-19" is a name, "mid-2025" a year."""
    if not written[0].isdigit() or start < 2 or text[start - 1] != "-" or not text[start - 2].isalpha():
        return True
    word = _LETTERS_BEFORE_RE.search(text, max(0, start - 12), start - 1)
    return word is not None and word.group().lower() in _GLUE_PREFIXES


def _not_a_count(text: str, start: int, end: int, written: str, scale: str | None) -> bool:
    """A bare number that is no figure: digits glued to letters, number words in names and idioms."""
    if end < len(text) and (text[end].isalnum() or text[end] == "_"):
        return True  # "5G", "1990s", "3D"
    if written[0].isdigit():
        return scale in ("m", "b", "k", "M", "B", "K")  # "5m": metres or millions, say nothing
    if end + 1 < len(text) and text[end] == "-" and text[end + 1].isalpha():
        return True  # "one-off", "two-way"
    if written[0].isupper() and _CAPITALISED_BEFORE_RE.search(text, max(0, start - 30), start):
        return True  # "Air Force One", "Phase One"
    return written.lower() == "one" and bool(
        _ONE_BEFORE_RE.search(text, max(0, start - 12), start) or _ONE_AFTER_RE.match(text, end)
    )


def _amount(written: str, scale: str | None, money: bool) -> Decimal | None:
    """The value of digits or number words times an optional scale: ("1.2", "bn") -> 1200000000."""
    if written[0].isdigit():
        try:
            value = Decimal(written.replace(",", ""))
        except InvalidOperation:
            return None
    else:
        value = _words_value(written)
        if value is None:
            return None
    if scale:
        short = _SHORT_SCALES.get(scale.strip().lower())
        if short is not None:
            if len(scale) == 1 and not money:
                return value  # "5m" without a currency: _not_a_count drops it
            value *= short
        else:
            for word in re.split(r"[\s-]+", scale.strip(" -").lower()):
                value *= _SCALES[word]
    return value


def _words_value(written: str) -> Decimal | None:
    """ "two hundred and fifty" -> 250, "ten billion" -> 10000000000, "a dozen" -> 12."""
    words = [w for w in re.split(r"[\s-]+", written.lower()) if w and w != "and"]
    if words[0] in ("a", "an"):
        words[0] = "one"
    if words[0] in _SCALES:
        return None  # "million" alone is no number
    total = current = 0
    for w in words:
        if w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            current += _NUMBER_WORDS[w]
    return Decimal(total + current)


def _fmt(value: Decimal) -> str:
    """1.2E+9 -> "1200000000", 5.50 -> "5.5", 100 -> "100"."""
    return format(value.normalize(), "f")


# -- dates, times, ordinals, weekdays ------------------------------------------------------------


def _dates(text: str) -> Iterator[list[Figure]]:
    for m in _DATE_RE.finditer(text):
        g = m.groupdict()
        if g["iy"]:
            yield [Figure("date", f"{g['iy']}-{g['im']}-{g['id']}", m.group(), m.start(), m.end())]
            continue
        written = g["m1"] or g["m2"] or g["m3"]
        month = lexicon.month_number(written)
        year = g["y1"] or g["y2"] or g["y3"]
        if g["m3"]:
            if year:
                yield [Figure("month", f"{year}-{month:02d}", m.group(), m.start(), m.end())]
                continue
            name = written.rstrip(".")
            if len(name) <= 4 and name not in ("May", "June", "July"):
                continue  # "Jan", "Mar", "Sept" alone: more often a name or a word than a month
            if name == "May" and not _MAY_CONTEXT_RE.search(text, max(0, m.start() - 10), m.start()):
                continue
            yield [Figure("month", f"{month:02d}", name, m.start(), m.start() + len(name))]
            continue
        if g["m1"]:
            first, second = g["d1"], g["d2"]
            end1, start2 = m.end("d1"), m.start("d2")
        else:
            first, second = g["d3"], g["d4"]
            end1, start2 = m.end("d3"), m.start("d4")
        if second is None:
            spans = [(first, m.start(), m.end())]
        elif _day(second) > _day(first):
            spans = [(first, m.start(), end1), (second, start2, m.end())]
        else:
            continue  # "Oct 25 to 3": no range of days; the numbers are read on their own
        prefix = f"{year}-{month:02d}" if year else f"{month:02d}"
        yield [Figure("date", f"{prefix}-{_day(d):02d}", text[a:b], a, b) for d, a, b in spans]


def _day(written: str) -> int:
    return int(written.rstrip("stndrh"))


def _times(text: str) -> Iterator[list[Figure]]:
    for m in _TIME_RE.finditer(text):
        if m.group("h24") is not None:
            hour, minute = int(m.group("h24")), int(m.group("min24"))
        else:
            hour, minute = int(m.group("h")) % 12, int(m.group("min") or 0)
            if m.group("ap") in "Pp":
                hour += 12
        yield [Figure("time", f"{hour:02d}:{minute:02d}", m.group(), m.start(), m.end())]


def _ordinals(text: str) -> Iterator[list[Figure]]:
    for m in _ORDINAL_RE.finditer(text):
        if m.group("word"):
            value = _ORDINAL_WORDS[m.group("word").lower()] + (_TENS[m.group("tens").lower()] if m.group("tens") else 0)
        else:
            value = int((m.group("num") or m.group("no")).replace(",", ""))
        yield [Figure("ordinal", str(value), m.group(), m.start(), m.end())]


def _weekdays(text: str) -> Iterator[list[Figure]]:
    for m in _WEEKDAY_RE.finditer(text):
        yield [Figure("weekday", m.group().lower().removesuffix("s"), m.group(), m.start(), m.end())]
