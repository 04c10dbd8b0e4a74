"""Title, date and authors of a scraped article, read from its lines.

The page header (the lines before the first real paragraph) holds the headline, byline and
date line; the headline is often repeated, which is the strongest sign of it. Dates are
normalised to YYYY-MM-DD. When the page has no date element, a date is inferred only from
evidence that checks itself (a weekday that matches "Saturday (Oct 25)" in a year the article
mentions) or, failing that, from the latest full date in the story's text; never from a photo's
caption, which dates the photo.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from talks_tui.index import lexicon
from talks_tui.index.ingest.boilerplate import (
    GLUED_WORDS_RE,
    Kind,
    breadcrumb_tail,
    ends_sentence,
    is_all_caps,
    key,
    words,
)
from talks_tui.index.ingest.outlets import OutletTable, name_key
from talks_tui.index.tokens import ALNUM_RE

# --- Dates ------------------------------------------------------------------------------

_MONTH = f"(?:{lexicon.alternation('months')})"
_YEAR = r"(?:19|20)\d\d"
_FULL_DATE_RE = re.compile(
    rf"""
      \b(?P<y1>{_YEAR})(?P<sep>[-/.])(?P<m1>\d{{1,2}})(?P=sep)(?P<d1>\d{{1,2}})(?!\d)
    | \b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>{_MONTH})\.?,?\s+(?P<y2>{_YEAR})(?!\d)
    | (?:(?<![^\W\d])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))
      (?P<m3>{_MONTH})(?:\.?\s+|\s*,\s*)(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?
      (?:,?\s+|\s*,\s*)(?P<y3>{_YEAR})(?!\d)
    | (?P<y4>{_YEAR})\s*年\s*(?P<m4>\d{{1,2}})\s*月\s*(?P<d4>\d{{1,2}})\s*日
    | \b(?P<a5>\d{{1,2}})(?P<sep5>[-/.])(?P<b5>\d{{1,2}})(?P=sep5)(?P<y5>{_YEAR})\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
# "on Saturday (Oct 25)", "Sunday, 26 October"
_WEEKDAY_DATE_RE = re.compile(
    rf"\b(?P<wd>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b\.?,?\s*\(?\s*"
    rf"(?:(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))\b",
    re.IGNORECASE,
)
# "BEIJING, Oct. 26 (Xinhua) --": a dateline with month and day.
_DATELINE_DATE_RE = re.compile(
    rf"^[A-Z][\w .'’-]{{1,40}},\s*"  # (a place in capitals or not: "BEIJING, Oct. 26", "Milan, 20 October")
    rf"(?:(?P<m>{_MONTH})\.?\s+(?P<d>\d{{1,2}})|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH}))\b"
    rf"(?!,?\s*{_YEAR})",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(rf"\b{_YEAR}(?!\d)")  # (glued to the next word too: "2014Chinese officials")
# Everything a date line may hold besides its date: times, zones, labels ("01:55 PM GMT+03:00",
# "Published 5 hours ago | Updated"). Checked word by word: one big alternation is slow.
_DATE_WORDS = lexicon.words("date_line_words") | lexicon.words("months") | lexicon.words("weekdays")
_DIGIT_RE = re.compile(r"\d")
_WEEKDAYS = lexicon.words("weekdays")
_GLUED_MERIDIEM_RE = re.compile(r"(?<=\d)(?=[ap]m\b)", re.IGNORECASE)
_LEADING_LABEL_RE = re.compile(r"^(?:date|dated|published|updated|posted)(?:\s+on)?\s*[:：]?\s*", re.IGNORECASE)
# A page's own date element before what follows it: "Published on 17 Mar 2011 Sections , ,",
# "December 14, 2015 01:42 am | Updated December 04, 2021 11:04 pm IST - WASHINGTON:".
_LABELLED_DATE_RE = re.compile(r"^(?:published|posted|date|dated)\b", re.IGNORECASE)
# A headline's date in brackets at its end: "Chile joyous at rescue [October 13 2010]".
_BRACKETED_DATE_RE = re.compile(r"\s*[\[(](?P<date>[^\])]{6,30})[\])]\s*$")
_LEADING_TIME_RE = re.compile(
    r"^(?:\s|[|•·,–—:-]|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\b\.?)?"
    r"|(?:GMT|UTC)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?)+",
    re.IGNORECASE,
)


def parse_date(text: object) -> str | None:
    """The first full date in a value (text, date, datetime or Unix time), as YYYY-MM-DD."""
    if isinstance(text, dt.datetime):
        return text.date().isoformat()
    if isinstance(text, dt.date):
        return text.isoformat()
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        try:
            seconds = text / 1000 if text > 1e11 else text  # milliseconds
            return dt.datetime.fromtimestamp(seconds, dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(text, str):
        return None
    for m in _FULL_DATE_RE.finditer(text):
        value = _match_date(m)
        if value:
            return value.isoformat()
    return None


_month = lexicon.month_number


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _match_date(m: re.Match[str]) -> dt.date | None:
    if m.group("y1"):
        return _make(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
    if m.group("y2"):
        return _make(int(m.group("y2")), _month(m.group("m2")), int(m.group("d2")))
    if m.group("y3"):
        return _make(int(m.group("y3")), _month(m.group("m3")), int(m.group("d3")))
    if m.group("y4"):
        return _make(int(m.group("y4")), int(m.group("m4")), int(m.group("d4")))
    a, b, year = int(m.group("a5")), int(m.group("b5")), int(m.group("y5"))
    if a > 12 >= b:  # 27/10/2025
        return _make(year, b, a)
    if b > 12 >= a:  # 10/27/2025
        return _make(year, a, b)
    if m.group("sep5") == ".":  # 02.04.2015: dots are written day first (DW, Europe, Russia)
        return _make(year, b, a)
    return None  # 05/06/2025 could be either: no guess


def full_dates(text: str) -> list[dt.date]:
    return [d for m in _FULL_DATE_RE.finditer(text) if (d := _match_date(m))]


def date_line(line: str) -> tuple[bool, str | None]:
    """Whether a line is only a date element ("30 Oct 2025", "October 26, 2025 01:55 PM
    GMT+03:00", "Published 5 hours ago | Updated Oct 26, 2025"), and its date if absolute: the
    first, the publication's, not a later "Updated" one."""
    if words(line) > 16:
        return False, None
    if not (_DIGIT_RE.search(line) or _is_relative(line)):
        # A masthead's date cut into pieces, one a line: "• Sat" / "• Aug 23, 2014" / "• Updated: 2:41am".
        tokens = ALNUM_RE.findall(line.lower())
        return bool(tokens) and len(tokens) <= 2 and all(t in _WEEKDAYS for t in tokens), None
    rest = _GLUED_MERIDIEM_RE.sub(" ", _FULL_DATE_RE.sub(" ", line))  # "2:41am" as "2:41 am"
    other = [t for t in ALNUM_RE.findall(rest.lower()) if not (t.isdigit() or t in _DATE_WORDS)]
    labelled = _LABELLED_DATE_RE.match(line.strip()) or " | " in line
    # A dateline's place may follow ("... IST - WASHINGTON:"), or a section label a labelled date.
    if other and not (rest != line and labelled and len(other) <= 2):
        return False, None
    return True, parse_date(line) if rest != line else None


def split_leading_date(line: str) -> tuple[str | None, str]:
    """ " date 2025-10-27 'US expresses...'" -> ("2025-10-27", "'US expresses..."): a date element
    glued to the headline by the scraper."""
    text = _LEADING_LABEL_RE.sub("", line.strip())
    m = _FULL_DATE_RE.match(text)
    if not m:
        return None, line
    value = _match_date(m)
    rest = _LEADING_TIME_RE.sub("", text[m.end() :])
    if value is None or words(rest) < 3:
        return None, line
    return value.isoformat(), rest


# --- Bylines ----------------------------------------------------------------------------

_BY_RE = re.compile(
    r"^(?:by|written by|words by|story by|reported by|text by|authors?\s*[:：])\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)
_BYLINE_HINT_RE = re.compile(r"[\d(|,–—-]")
_BYLINE_SPLIT_RE = re.compile(r"[,;&]|\s(?:and|AND|And|\+)\s")
# What parts a byline's names from its outlet: "( Global Times", "| CNN", " - AP", " for the BBC",
# " Source FOX Weather" (a page's label for the outlet, run on after the names).
_OUTLET_PART_RE = re.compile(r"[(|]|\s[-–—]\s|\sfor\s+(?:the\s+)?(?=[A-Z])|\sSource:?\s+(?=[A-Z])")
_IN_PLACE_RE = re.compile(r"\s+in\s+[A-Z][\w .'’-]*$")
_NAME_THEN_BY_RE = re.compile(r"(?P<name>[^\W\d_][\w.'’ -]{2,40}?)\s+(?P<by>By\s+(?P=name))\s*$")
_NAME_TWICE_RE = re.compile(r"(?P<name>[^\W\d_][\w.'’ -]{2,40}?)\s+(?P=name)\s*$")
_WIDGET_TAIL_RE = re.compile(r"\s+(?:logo|image|photo|avatar|icon|headshot|picture)$", re.IGNORECASE)
_CALL_SIGN_TAIL_RE = re.compile(r"\s+([A-Z]{2,6})$")
# "Kobe Bryant, 4 others killed in California chopper crashBy STEPHANIE DAZIO": a byline run
# onto the headline by the scraper.
_GLUED_BY_RE = re.compile(r"(?<=[a-z.!?])By\s+(?P<names>[A-Z][^\d|]{3,60})$")
_BYLINE_STOP_RE = re.compile(r"\d|[^\w\s,;&'’.()|/+\-–—]")  # a digit or a symbol such as 🕒
_MONTH_BEFORE_RE = re.compile(rf"\b{_MONTH}\.?\s*$", re.IGNORECASE)
_BYLINE_LABELS = ("published", "updated", "posted", *(row[0] for row in lexicon.forms("weekdays")))
_PARTICLES = lexicon.words("name_particles")
_ROLE_WORDS = lexicon.words("byline_role_words")
_OUTLET_WORDS = lexicon.words("outlet_name_words")
_NOT_NAME_WORDS = (
    _ROLE_WORDS
    | _OUTLET_WORDS
    | lexicon.words("months")
    | lexicon.words("weekdays")
    | frozenset(
        (
            "the",
            "a",
            "an",
            "this",
            "that",
            "updated",
            "published",
            "posted",
            "photo",
            "video",
            "image",
            "source",
            "copyright",
            "more",
            "read",
            "share",
            "follow",
            "contact",
            "email",
        )
    )
)
# Words that no part of a hyphenated name is.
_GLUED_NOT_NAME = frozenset("the a an of and by for from in on at".split())
_NAME_TOKEN_RE = re.compile(r"(?:[^\W\d_]\.){1,3}|[^\W\d_][^\W\d_'’.-]*(?:[-'’.][^\W\d_]+)*\.?")
_CJK_NAME_RE = re.compile(r"[\u4e00-\u9fff]{2,4}")
_REPORTING_RE = re.compile(
    r"(?:^|[;(]\s*)(?:reporting|writing|reported|written) by\s+(?P<names>[^;()]+)", re.IGNORECASE
)


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    outlet: str | None = None  # the outlet named in the byline, as written
    date: str | None = None


def is_person_name(text: str) -> bool:
    """Two to five capitalised name words ("Chi Jingyi", "Maria de la Cruz", "JANE DOE"), or a
    Chinese name in characters; not an outlet, a role or a date."""
    tokens = text.split()
    if len(tokens) == 1:
        return bool(_CJK_NAME_RE.fullmatch(tokens[0]))
    if not 2 <= len(tokens) <= 5 or not tokens[0][:1].isupper():
        return False
    if sum(t.lower().strip(".") not in _PARTICLES for t in tokens) > 4:
        return False  # "Britain Ariana Grande Concert Blast": a headline; "Maria de la Cruz" is a name
    for token in tokens:
        lower = token.lower().strip(".")
        if lower in _PARTICLES:
            continue
        if not _NAME_TOKEN_RE.fullmatch(token) or not token[0].isupper() or lower in _NOT_NAME_WORDS:
            return False
        if "-" in lower and any(part in _GLUED_NOT_NAME for part in lower.split("-")):
            return False  # a dateline run into a credit: "DUBAI-The Associated Press"
    return True


def _display_name(name: str) -> str:
    """Names in capitals ("JANE DOE") are shown as "Jane Doe", and so is a surname in capitals
    after a given name that is not ("Pierre-Henry DESHAYES"); initials ("JR") stay."""
    if not name.isupper():
        return re.sub(
            r"\b[^\W\d_]{4,}\b", lambda m: m.group(0).capitalize() if m.group(0).isupper() else m.group(0), name
        )
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), name.lower())


_PICTURE_PLACE_RE = re.compile(r"\((?:left|right|centre|center|pictured|L|R|C|top|bottom|inset)\)", re.IGNORECASE)


def parse_byline(line: str, outlets: OutletTable, *, header: bool) -> Byline | None:
    """A byline: "By A and B ( Global Times", "By JANE DOE, Associated Press", "A,B 🕒︎ 2025-10-27".

    Without a "By" marker, a line counts only in the page header and only when the names come
    with a date, an outlet or a role, so that a section label like "East Asia" is not a person.
    """
    if words(line) > 25 or (ends_sentence(line) and not line.endswith(")")):
        return None
    if _PICTURE_PLACE_RE.search(line):
        return None  # a caption: "Shahzada Dawood (left) with his son Suleman. — Engro Corporation"
    if (twice := _NAME_THEN_BY_RE.match(line)) is not None:
        line = line[twice.start("by") :]  # "Art Moore By Art Moore": a photo's label, then the byline
    if header and (twice := _NAME_TWICE_RE.match(line)) is not None and is_person_name(twice.group("name")):
        # "Katy Balls Katy Balls": the author's photo labelled with the name, then the name
        return Byline((_display_name(twice.group("name")),))
    m = _BY_RE.match(line)
    if not m and not (header and _BYLINE_HINT_RE.search(line)):
        return None  # without "By", names need a date, an outlet or a role beside them
    rest = m.group("rest") if m else line
    # Names come first; a date, time or label ("🕒︎ 2025-10-27", "Published ...") ends them.
    stop = _byline_stop(rest)
    date, dated = None, False
    if stop is not None:
        tail = rest[stop:]
        date = parse_date(tail)
        # a date, a time or "5 hours ago" beside the names; not any number ("Kills 400, Thousands")
        dated = date is not None or bool(_TIME_RE.search(tail)) or _is_relative(tail)
        rest = rest[:stop]
    pieces = _OUTLET_PART_RE.split(rest, maxsplit=1)
    names_part = pieces[0]
    outlet = pieces[1].strip(" ()|,.-–—") if len(pieces) > 1 else None
    authors: list[str] = []
    has_role = False
    for chunk in _BYLINE_SPLIT_RE.split(names_part):
        chunk = _WIDGET_TAIL_RE.sub("", _IN_PLACE_RE.sub("", chunk.strip(" .()|-–—")))
        if not chunk:
            continue
        sign = _CALL_SIGN_TAIL_RE.search(chunk)
        if sign and (not chunk.isupper() or outlets.lookup(sign.group(1))) and " " in chunk[: sign.start()].strip():
            # "Laura Anthony KGO": a station's call sign after a name written in lower case
            outlet = outlet or (sign.group(1) if outlets.lookup(sign.group(1)) else None)
            chunk = chunk[: sign.start()]
        tokens = chunk.lower().split()
        named = _name_then_outlet(chunk, outlets)
        if all(t in _ROLE_WORDS or t in ("our", "a") or t.isdigit() for t in tokens):
            has_role = True  # "By Reporter", "By Our Staff Reporter": a job, never "The Reporter"
        elif is_person_name(chunk) and not ((agency := outlets.lookup(chunk)) is not None and agency.is_wire):
            authors.append(_display_name(chunk))  # (a wire's name can read as one: "Agence France-Presse")
        elif named is not None:  # "Tassanee Vejpongsa The Associated Press"
            authors.append(_display_name(named[0]))
            outlet = outlet or named[1]
        elif outlets.lookup(chunk) or (tokens and tokens[-1] in _OUTLET_WORDS):
            outlet = outlet or chunk
        elif any(t in _ROLE_WORDS for t in tokens):
            has_role = True
            remainder = " ".join(w for w in chunk.split() if w.lower() not in _ROLE_WORDS)
            if remainder and outlets.lookup(remainder):
                outlet = outlet or remainder
        else:
            return None  # "By Friday, ..." or a sentence: not a byline
    if outlet is not None and not (outlets.lookup(outlet) or re.match(r"[^\W\d_]", outlet)):
        outlet = None
    if m:
        return Byline(tuple(authors), outlet, date) if authors or outlet else None
    if authors and (dated or outlet or has_role):
        return Byline(tuple(authors), outlet, date)
    if not authors and dated and outlet and outlets.lookup(outlet):  # "Xinhua | Updated: 2025-10-26"
        return Byline((), outlet, date)
    return None


def _byline_before_story(line: str, outlets: OutletTable) -> Byline | None:
    """A byline the page runs into the story's first paragraph: "by NAME OUTLET DATELINE — ...",
    read only when a known outlet's name follows the person's."""
    m = _BY_RE.match(line)
    if m is None or words(line) <= 25:
        return None
    tokens = m.group("rest").split()
    for k in (2, 3):
        name = " ".join(tokens[:k])
        for j in range(1, 5):
            credit = " ".join(tokens[k : k + j])
            if is_person_name(name) and outlets.lookup(credit):
                return Byline((_display_name(name),), credit)
    return None


def _names_only(line: str) -> list[str]:
    """Two or more people's names joined by "and", alone on the line above the story: "Kim
    Hjelmgaard, Delphine Reuter and John Bacon" (a list of tags has no "and"); else none."""
    parts = [p.strip() for p in _BYLINE_SPLIT_RE.split(line)]
    names = " and " in line and len(parts) >= 2 and all(is_person_name(p) and len(p.split()) <= 3 for p in parts)
    return parts if names else []


_BUTTON_KINDS = (Kind.NAV, Kind.PROMO)


def _name_under_headline(lines: Sequence[str], kinds: Sequence[Kind | None], i: int) -> bool:
    """One person's name alone on the line under the headline, with the page's buttons under it:
    "Rick Scott, officials comment on Orlando nightclub shooting" / "J.D. Gallop" / "View
    Comments". (A name under a caption, or over the story, may be a tag or a subject.)"""
    if not 0 < i < len(lines) - 1 or kinds[i + 1] not in _BUTTON_KINDS or kinds[i - 1] is not None:
        return False
    line, above = lines[i], lines[i - 1]
    if not 2 <= words(line) <= 3 or _DIGIT_RE.search(line) or not is_person_name(line):
        return False
    return 4 <= words(above) <= 30 and not _is_prose(above) and _headline_like(above)


def _names_line_then_credit(lines: Sequence[str], i: int, outlets: OutletTable) -> bool:
    """Names alone with the outlet or the date on the next line: "Doug Stanglin and John Bacon"
    / "USA Today", "Jane Dalton" / "Sunday 10 March 2019 23:17 GMT"."""
    if i + 1 >= len(lines):
        return False
    return bool(outlets.lookup(lines[i + 1]) or (date_line(lines[i + 1])[1] and words(lines[i]) <= 6))


def _name_then_outlet(chunk: str, outlets: OutletTable) -> tuple[str, str] | None:
    """A person's name run into a known outlet's, with no separator: (name, outlet)."""
    parts = chunk.split()
    for k in range(2, len(parts)):
        name, rest = " ".join(parts[:k]), " ".join(parts[k:])
        if outlets.lookup(rest) and is_person_name(name):
            return name, rest
    return None


def _byline_stop(text: str) -> int | None:
    """Where the names of a byline end: at a date, a time, a symbol or a label."""
    cut = len(text)
    m = _BYLINE_STOP_RE.search(text)
    if m:
        cut = m.start()
        if text[cut].isdigit() and (month := _MONTH_BEFORE_RE.search(text, max(0, cut - 12), cut)):
            cut = month.start()
    low = text.lower()
    for label in _BYLINE_LABELS:
        i = low.find(label, 0, cut)
        if i >= 0 and (i == 0 or not low[i - 1].isalnum()):
            cut = i
    return cut if cut < len(text) else None


def _is_relative(text: str) -> bool:
    low = text.lower()
    return "ago" in low or "yesterday" in low or "today" in low or "just now" in low


def reporting_credits(line: str) -> tuple[str, ...]:
    """Reporters named in a wire footer: "Reporting by A and B in Beijing; Editing by C"."""
    names: list[str] = []
    for m in _REPORTING_RE.finditer(line):
        for chunk in _BYLINE_SPLIT_RE.split(m.group("names")):
            chunk = _IN_PLACE_RE.sub("", chunk.strip(" ."))
            if is_person_name(chunk):
                names.append(_display_name(chunk))
    return tuple(names)


# --- What the file itself declares (front matter, JSON fields, HTML metadata) -------------


@dataclass(frozen=True)
class Declared:
    """Metadata stated by the file's own structure; each field that is set wins over detection."""

    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    authors: tuple[str, ...] | None = None
    url: str | None = None
    id: str | None = None

    @classmethod
    def from_mapping(cls, data: Mapping[str, object]) -> tuple[Declared, list[str]]:
        """Read the usual keys; return the values and warnings about the ones that are unusable."""
        warnings: list[str] = []

        def text(*keys: str) -> str | None:
            for k in keys:
                value = data.get(k)
                if value is None or value == "":
                    continue
                if isinstance(value, (str, int, float)) and not isinstance(value, bool):
                    return " ".join(str(value).split()) or None
                warnings.append(f"{k!r} is not text; ignored")
            return None

        date = None
        for k in ("date", "published", "published_at", "pubdate"):
            if data.get(k) not in (None, ""):
                date = parse_date(data[k])
                if date is None:
                    warnings.append(f"{k} {data[k]!r} is not a date; ignored")
                break
        authors = None
        raw = data.get("authors", data.get("author"))
        if isinstance(raw, str):
            authors = split_names(raw)
        elif isinstance(raw, list) and all(isinstance(a, str) for a in raw):
            authors = tuple(" ".join(a.split()) for a in raw if a.strip())
        elif raw is not None:
            warnings.append("'authors' is not a name or a list of names; ignored")
        declared = cls(
            title=text("title", "headline"),
            outlet=text("outlet", "publisher", "source", "site"),
            date=date,
            authors=authors,
            url=text("url", "link"),
            id=text("id"),
        )
        return declared, warnings

    def merged(self, fallback: Declared) -> Declared:
        """These values, with gaps filled from a weaker source."""
        return Declared(
            title=self.title or fallback.title,
            outlet=self.outlet or fallback.outlet,
            date=self.date or fallback.date,
            authors=self.authors if self.authors is not None else fallback.authors,
            url=self.url or fallback.url,
            id=self.id or fallback.id,
        )


def split_names(text: str) -> tuple[str, ...]:
    """ "Jane Doe and John Roe" -> two names; "Doe, Jane" stays one name."""
    text = " ".join(text.split())
    parts = [p.strip() for p in _BYLINE_SPLIT_RE.split(text) if p.strip()]
    if len(parts) > 1 and all(len(p.split()) >= 2 for p in parts):
        return tuple(parts)
    return (text,) if text else ()


# --- Reading the page -------------------------------------------------------------------

_CANDIDATE_KINDS = (None, Kind.NOISE, Kind.BREADCRUMB)
_MAX_TITLE_CHARS = 400
_SENTENCE_BREAK_RE = re.compile(r"[a-z]{2}[.!?][\"”’']?\s+[A-Z]")
_TITLE_SEPARATOR_RE = re.compile(r"\s+[|–—-]\s+|\s*\|\s*|\s+::\s+")


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    title_index: int  # line of the headline, -1 when not in the text
    date: str | None
    authors: tuple[str, ...]
    byline_outlet: str | None
    start: int  # first line of the story proper
    kinds: tuple[Kind | None, ...]  # the line kinds, with title, byline and date lines marked


def read_page(
    lines: Sequence[str], kinds: Sequence[Kind | None], outlets: OutletTable, *, title: str | None = None
) -> PageMetadata:
    """Find headline, byline and date lines; `title` is a headline already known."""
    kinds = list(kinds)
    start = _story_start(lines, kinds)
    if start == 0 and len(lines) > 1 and words(lines[0]) <= 25 and lines[0].endswith(("?", "!")):
        # "Sam Altman sacked: Who is Mira Murati, interim CEO of ChatGPT's OpenAI?" above the
        # story: a question on the page's first line is its headline; a story opens with facts.
        start = _story_start(lines, kinds, after=1)
    elif start == 0 and _restated_below(lines, kinds):
        # "Sam Altman ousted as CEO of ChatGPT parent OpenAI in surprise move." / "Sam Altman will
        # leave OpenAI, the company's board announced Friday in a surprise move ...": a headline
        # written as a sentence, which the story's first paragraph tells again at length.
        start = _story_start(lines, kinds, after=1)
    tagged = _under_a_tag(lines, kinds, start)
    if tagged >= 0:
        start = _story_start(lines, kinds, after=tagged + 1)
    if _title_bar_with_description(lines, start):
        # "Sandy Makes Landfall ... : The Two-Way The storm made landfall ..." / "Sandy Makes
        # Landfall ...": the page's title and description run together, the headline under it.
        kinds[start] = Kind.NAV
        start = _story_start(lines, kinds)
    byline: Byline | None = None
    dates: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if i < start and kinds[i] is Kind.NAV and _YEAR_RE.search(line) and (found_dates := full_dates(line)):
            dates.append((i, found_dates[0].isoformat()))  # "Xinhua, December 14, 2015 Adjust font size:"
            continue
        if i < start and kinds[i] is Kind.CREDIT and line[:1] in "-–—" and byline is None:
            # "- Chao Xiong and Paul Walsh STAR TRIBUNE": names set off by a dash, as a credit is
            found = parse_byline(line, outlets, header=True)
            if found is not None and found.authors:
                kinds[i], byline = Kind.BYLINE, found
                continue
        if i == start and byline is None and (lead := _byline_before_story(line, outlets)) is not None:
            byline = lead  # "by Pierre-Henry DESHAYES Agence France Presse OSLO, Norway (AFP) — ..."
            continue
        if kinds[i] not in _CANDIDATE_KINDS or (i >= start and words(line) > 25):
            continue  # prose in the story is neither a date line nor a byline
        is_date, value = date_line(line)
        if is_date:
            kinds[i] = Kind.DATE
            if value:
                dates.append((i, value))
            continue
        if i < start and kinds[i] is Kind.BREADCRUMB and (value := _title_bar_date(line)):
            dates.append((i, value))  # "Haltern mourns Germanwings victims | News | DW | 02.04.2015"
            continue
        found = parse_byline(line, outlets, header=i < start)
        if found is None and i < start and _names_line_then_credit(lines, i, outlets):
            found = parse_byline(f"{line} | {lines[i + 1]}", outlets, header=True)
        if found is None and i < start and (glued := _GLUED_BY_RE.search(line)):
            found = parse_byline(f"By {glued.group('names')}", outlets, header=True)
            if found is not None:
                byline = byline or found
                continue  # the line is still the headline
        if found is None and i + 1 == start and (names := _names_only(line)):
            found = Byline(tuple(_display_name(n) for n in names))
        if found is None and i < start and _name_under_headline(lines, kinds, i):
            found = Byline((_display_name(line),))
        if found is not None:
            kinds[i] = Kind.BYLINE
            if byline is None:
                byline = found
            if found.date:
                dates.append((i, found.date))
    if start < len(lines) and kinds[start] is not None:  # the first prose line was a byline
        start = _story_start(lines, kinds)

    title_index, title_date = -1, None
    if title:
        title_key = key(title)
        title_index = next(
            (i for i, line in enumerate(lines) if len(line) <= _MAX_TITLE_CHARS and key(line) == title_key),
            -1,
        )
    elif tagged >= 0 and tagged < start:
        title, title_index = lines[tagged], tagged
    else:
        title, title_index, title_date = _choose_title(lines, kinds, start, outlets)
    if title_index >= 0:
        kinds[title_index] = Kind.TITLE
    authors = byline.authors if byline else ()
    if not authors:
        for i, line in enumerate(lines):
            low = line.lower()
            if kinds[i] in (Kind.CREDIT, None) and ("ing by" in low or "ted by" in low or "ten by" in low):
                names = reporting_credits(line)
                if names:
                    authors = names
                    break
    date = title_date or _choose_date(lines, kinds, start, dates, title_index)
    return PageMetadata(
        title=title,
        title_index=title_index,
        date=date,
        authors=authors,
        byline_outlet=byline.outlet if byline else None,
        start=start,
        kinds=tuple(kinds),
    )


def _story_start(lines: Sequence[str], kinds: Sequence[Kind | None], after: int = 0) -> int:
    """The first line of story prose from `after` on (the page's length if there is none)."""
    return next((i for i in range(after, len(lines)) if kinds[i] is None and _is_story_start(lines[i])), len(lines))


_RESTATED_SHARE = 0.6


def _restated_below(lines: Sequence[str], kinds: Sequence[Kind | None]) -> bool:
    """The page's first line is one short sentence, and the paragraph after it, several times
    longer, gives most of its words again within its first sentences: a headline and the lede
    that tells it. (A lede's second paragraph goes on to new facts; a caption's copy under a
    photo is about as long as the caption.)"""
    if len(lines) < 2 or kinds[1] is not None:
        return False
    first, lede = lines[0], lines[1]
    n = words(first)
    if not 6 <= n <= 20 or _SENTENCE_BREAK_RE.search(first) or words(lede) < 3 * n:
        return False
    wanted = _content_words(first)
    told = set(_content_words(" ".join(lede.split(" ")[:60])))
    return len(wanted) >= 4 and sum(w in told for w in wanted) >= _RESTATED_SHARE * len(wanted)


_FUNCTION_WORDS = lexicon.words("function_words")
_TAG_WORDS = 4
_LABEL_WORDS = 3  # a section's label above it ("Speed Reads"), no more
_TAGGED_HEADLINE_WORDS = 25


def _under_a_tag(lines: Sequence[str], kinds: Sequence[Kind | None], start: int) -> int:
    """The headline under a topic's tag, written all in small letters as a tag is ("parkland
    school shooting"), when the headline reads as sentences and so was taken for the story's
    opening: "Emma Gonzalez survived the attack. Watch her plea ..." above a longer paragraph,
    with nothing above the tag but a section's short label. The headline's line, or -1."""
    if not 0 < start < len(lines) - 1 or kinds[start - 1] is not None or kinds[start + 1] is not None:
        return -1
    tag, line = lines[start - 1], lines[start]
    if not (words(tag) <= _TAG_WORDS and tag == tag.lower() and len(_WORD_RE.findall(tag)) == words(tag)):
        return -1
    if words(line) > _TAGGED_HEADLINE_WORDS or words(lines[start + 1]) <= words(line) or not _headline_like(line):
        return -1
    if any(kinds[i] is None and words(lines[i]) > _LABEL_WORDS for i in range(start - 1)):
        return -1  # a headline above the tag: "Cayman relief efforts begin" / "haiti relief efforts"
    return start if line[:1].isupper() and _is_story_start(lines[start + 1]) else -1


def _content_words(text: str) -> list[str]:
    return [w for w in (t.lower() for t in ALNUM_RE.findall(text)) if len(w) >= 3 and w not in _FUNCTION_WORDS]


def _title_bar_with_description(lines: Sequence[str], start: int) -> bool:
    """The first prose line is the headline (the next line) with more run on after it."""
    if start + 1 >= len(lines):
        return False
    first, headline = lines[start], lines[start + 1]
    return (
        len(first) > len(headline) + 20
        and first.startswith(headline)
        and 3 <= words(headline) <= 30
        and not ends_sentence(headline)
    )


def _is_story_start(line: str) -> bool:
    n = words(line)
    return (n >= 12 and ends_sentence(line)) or n >= 40


def clean_title(title: str, outlets: OutletTable, site_names: Sequence[str] = ()) -> str:
    """Drop what scrapers add to headlines: " | Outlet", "Outlet - ", a leading date.
    `site_names` are names the page gives itself (an outlet the table may not know)."""
    _, title = split_leading_date(title)
    parts = _TITLE_SEPARATOR_RE.split(title)
    sites = {name_key(s) for s in site_names}
    while len(parts) > 1 and _is_site_part(parts[-1], outlets, sites):
        parts.pop()
    while len(parts) > 1 and _is_site_part(parts[0], outlets, sites):
        parts.pop(0)
    if len(parts) != len(_TITLE_SEPARATOR_RE.split(title)):
        return " | ".join(parts).strip()
    return title.strip()


def _is_site_part(part: str, outlets: OutletTable, sites: set[str]) -> bool:
    part = part.strip()
    if sites and name_key(part) in sites:
        return True
    return bool(outlets.lookup(part)) or bool(re.fullmatch(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}", part))


def _choose_title(
    lines: Sequence[str], kinds: list[Kind | None], start: int, outlets: OutletTable
) -> tuple[str | None, int, str | None]:
    """The headline: a header line the page repeats; else the headline-like line just before the
    byline or date line (the site's tagline and section label come earlier)."""
    found = []
    # A section's or column's name the header prints on a line of its own is no part of a headline
    # that opens with it: "Deepline | Through smoke and tears: ..." above "Deepline".
    labels = {key(line) for line in lines[: min(start, len(lines))] if words(line) <= 3 and "|" not in line}
    for i in range(min(start, len(lines))):
        if kinds[i] not in _CANDIDATE_KINDS or len(lines[i]) > _MAX_TITLE_CHARS:
            continue
        text = breadcrumb_tail(lines[i]) if kinds[i] is Kind.BREADCRUMB else lines[i]
        date, text = split_leading_date(text)
        if (bracket := _BRACKETED_DATE_RE.search(text)) and (bracket_date := parse_date(bracket.group("date"))):
            date, text = date or bracket_date, text[: bracket.start()]
        text = clean_title(text, outlets)
        head, bar, rest = text.partition(" | ")
        if bar and key(head) in labels:
            text = rest.strip()
        n = words(text)
        if n < 2 or n > 40 or outlets.lookup(text) or not _headline_like(text):
            continue
        if n <= 3 and is_all_caps(text) and not _QUOTED_WORDS_RE.search(text):
            continue  # "WORLD NEWS", "LIVE UPDATES"; but "BANK FACES ‘PANIC’" quotes someone: a headline
        if len(_WORD_RE.findall(text)) < 2 or _masthead(text, outlets):
            continue  # "More () »"; "The Washington PostDemocracy Dies in Darkness"
        if text.endswith(("»", "›", "|")) or text.split(" ", 1)[0] in _LOWER_STARTS:
            continue  # a breadcrumb's "Washington, DC News »"; a fragment "and last updated"
        if _is_section_label(text, outlets) or _heads_a_list(text, lines, i):
            continue
        found.append((i, text, date, {key(lines[i]), key(text)}))
    # A line the page gives again with only a photo's credit between is the photo's alt text or
    # caption ("Not Available Lead" / "Image via Complex Original" / "Not Available Lead").
    found = [c for c in found if not _around_a_photo(lines, kinds, c[0])]
    if not found:
        return _labelled_media_headline(lines, kinds, start)
    # A breadcrumb glued to the headline, which follows alone: "News National UPDATE: Images of
    # possible flight debris" / "UPDATE: Images of possible flight debris".
    nexts = [*found[1:], None]
    found = [c for c, after in zip(found, nexts, strict=True) if not (after and _crumbs_before(c[1], after[1]))]
    fuller = _fuller_headline(found)
    if fuller is not None:
        return fuller[1], fuller[0], fuller[2]
    # How often each candidate occurs on the page, breadcrumbs included; only lines of
    # about a candidate's length need comparing.
    wanted = set().union(*(keys for *_, keys in found))
    lengths = {len(k) for k in wanted}
    counts: Counter[str] = Counter()
    last_seen: dict[str, int] = {}
    for i, line in enumerate(lines):
        if kinds[i] is Kind.BREADCRUMB:
            line = breadcrumb_tail(line)
        if any(abs(len(line) - size) <= size // 5 + 5 for size in lengths) and (k := key(line)) in wanted:
            # A line printed twice in a row is a photo's or a video's (alt text, then caption);
            # a headline comes again apart from itself (the title bar, then the heading).
            if last_seen.get(k) != i - 1:
                counts[k] += 1
            last_seen[k] = i
    # A headline is not prose: it rarely ends with a full stop, as an uncredited caption does.
    for i, text, date, keys in found:
        if sum(counts[k] for k in keys) >= 2 and not _is_prose(text) and not _opens_story_line(text, lines, start):
            return text, i, date
    anchors = [i for i in range(min(start, len(kinds))) if kinds[i] in (Kind.BYLINE, Kind.DATE)]
    anchor = next((i for i in anchors if found[0][0] < i), start)
    before = [c for c in found if c[0] < anchor]
    if anchor < _MASTHEAD_LINES and all(_is_prose(c[1]) or words(c[1]) <= 3 for c in before):
        # The masthead: the site's name and the day's date open the page ("tbo: Tampa Bay Online."
        # / "Wednesday, Jun 20, 2018"); the headline is under them.
        end = anchor
        while end + 1 in anchors:  # the clock may take more than a line
            end += 1
        anchor = next((i for i in anchors if i > end), start)
        before = [c for c in found if c[0] < anchor and c not in before] or before
    before = before or found
    runs: list[list[tuple[int, str, str | None, set[str]]]] = []
    for candidate in before:  # runs of adjacent candidate lines: "headline, standfirst"
        if runs and candidate[0] == runs[-1][-1][0] + 1:
            runs[-1].append(candidate)
        else:
            runs.append([candidate])
    run = ([r for r in runs if not _is_prose(r[0][1])] or runs)[-1]
    # In a run, skip a short section label ("East Asia") and a sentence; a two-word line is a
    # headline only when nothing longer is there ("Truce extended").
    headlines = [c for c in run if not _is_prose(c[1])] or run
    if (
        len(headlines) >= 2
        and words(headlines[0][1]) <= 4
        and words(headlines[1][1]) >= 8
        and not _short_headline_phrase(headlines[0][1])
    ):
        # A topic's label above the headline: "The Uvalde School Shooting" / "'As soon as I heard
        # that I went crazy': Parent remembers waiting outside school as kids were killed". (A
        # short headline above a long deck reads the same: rarer on the pages measured.)
        headlines = headlines[1:]
    for least in (4, 3, 2):
        for index, text, date, _ in headlines:
            # A short line in capitals quoting someone is a tabloid's headline, not a label:
            # "BANK FACES ‘PANIC’" over its deck "SVB pleads for calm". (A quoted kicker in small
            # letters over a headline, "‘Never again’", is not.)
            if words(text) >= least or (is_all_caps(text) and _QUOTED_WORDS_RE.search(text)):
                return text, index, date
    return None, -1, None


def _labelled_media_headline(
    lines: Sequence[str], kinds: Sequence[Kind | None], start: int
) -> tuple[str | None, int, str | None]:
    """A video's or a podcast's page headed by its label: "Watch: Bank's CEO's last message to
    staff" above the story, read as a link to another story ("Watch: ..." inside one) when no
    other line there could be the headline."""
    for i in range(min(start, len(lines))):
        line = lines[i]
        if kinds[i] is Kind.LINK and (m := _MEDIA_LABEL_RE.match(line)):
            rest = line[m.end() :]
            if words(rest) >= 4 and _headline_like(rest) and not _is_prose(rest):
                return line, i, None
    return None, -1, None


def _short_headline_phrase(text: str) -> bool:
    """A short line that reads as a phrase, not as a topic's name: "Guilty on all counts" over
    its deck. A topic is named with capitals ("The Uvalde School Shooting", "South Korea ferry
    disaster", "Northern Ireland"); a phrase of three words or more with a small word such as
    "on" or "all" in it, and no capital after its first word, is a short headline."""
    tokens = text.split(" ")
    return (
        len(tokens) >= 3
        and tokens[0][:1].isupper()
        and tokens[0].lower() not in _FURNITURE_WORDS  # a button: "Save for later", "Show all comments"
        and all(t.islower() for t in tokens[1:])
        and any(t in _FUNCTION_WORDS for t in tokens[1:])
    )


_MEDIA_LABEL_RE = re.compile(r"(?:watch|listen)\s*:\s*", re.IGNORECASE)
_MASTHEAD_LINES = 3
# Words in quotation marks: "‘PANIC’", "“last mass shooting”" (not an apostrophe: "Becker’s").
_QUOTED_WORDS_RE = re.compile(r"(?:^|(?<=[\s(]))[‘“\"'][^\W\d_][^‘’“”\"]*?[^\W\d_][.!?,]?[’”\"'](?!\w)")
_FOUNDED_TAIL_RE = re.compile(
    r"(?:\s[-–—|·•]\s*|\(\s*)(?:since|est\.?|established|founded)(?:\s+in)?\s+(?:1[6-9]\d\d|20[0-2]\d)\)?\s*$",
    re.IGNORECASE,
)
# Lower-case words a fragment of a line starts with, which no headline does.
_LOWER_STARTS = frozenset("and or but the a an of to by for from in on at with as".split())
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


def _masthead(text: str, outlets: OutletTable) -> bool:
    """A known outlet's name run into its motto: "The Washington PostDemocracy Dies in Darkness";
    a motto with the year the site was founded set off after it: "A Free Press for a Free People
    - Since 1997" (a headline gives no founding year after a dash)."""
    if _FOUNDED_TAIL_RE.search(text):
        return True
    glue = GLUED_WORDS_RE.search(text)
    return glue is not None and outlets.lookup(text[: glue.start()]) is not None


_SECTION_WORDS = lexicon.words("section_words")
_FURNITURE_WORDS = lexicon.words("page_furniture_words")


def _is_section_label(text: str, outlets: OutletTable) -> bool:
    """A section's name above the headline: "World & Nation", "AP US & World News" (an agency's
    acronym may lead it). Every word a section's or the page's furniture, one at least a section's."""
    tokens = ALNUM_RE.findall(text)
    if not tokens or len(tokens) > 6:
        return False
    section = False
    for token in tokens:
        low = token.lower()
        if low in _SECTION_WORDS:
            section = True
        elif low not in _FURNITURE_WORDS and not (token.isupper() and outlets.lookup(token)):
            return False
    return section


def _around_a_photo(lines: Sequence[str], kinds: Sequence[Kind | None], i: int) -> bool:
    """`lines[i]` comes again within three lines with only caption or credit lines between."""
    for j in (*range(i + 2, min(len(lines), i + 4)), *range(max(0, i - 3), i - 1)):
        low, high = min(i, j), max(i, j)
        if lines[j] == lines[i] and all(kinds[k] is Kind.CAPTION for k in range(low + 1, high)):
            return True
    return False


_BULLETS = ("•", "·", "▪", "◦")


def _heads_a_list(text: str, lines: Sequence[str], i: int) -> bool:
    """A box's short label over its bullet points: "What you need to know" / "• What happened:
    ..."; a headline is followed by a deck, a byline or the story."""
    return words(text) <= 6 and i + 1 < len(lines) and lines[i + 1].lstrip().startswith(_BULLETS)


def _crumbs_before(text: str, headline: str) -> bool:
    """`text` is `headline` after section names only ("News National")."""
    if len(text) <= len(headline) or not text.endswith(headline):
        return False
    crumbs = ALNUM_RE.findall(text[: -len(headline)].lower())
    return bool(crumbs) and all(t in _SECTION_WORDS or t in _FURNITURE_WORDS for t in crumbs)


def _opens_story_line(text: str, lines: Sequence[str], start: int) -> bool:
    """A caption the story repeats as its opening: "Sister Clare Theresa Crockett (33) died when
    a stairwell collapsed …" above the photo and again as a paragraph. A headline is a heading,
    not the first words of a story paragraph."""
    return any(line != text and line.startswith(text) for line in lines[start : start + 12])


def _fuller_headline(found: list[tuple[int, str, str | None, set[str]]]) -> tuple | None:
    """The headline in full when the page's title line gives it cut short with the site's name
    after it: "Three dead … Boston Marathon f - WFXG FOX 54 - News Now", then "Three dead …
    Boston Marathon finish line"."""
    for i, (_, text, _, _) in enumerate(found):
        head = _SITE_SUFFIX_RE.split(text, maxsplit=1)[0]
        stem = head.rsplit(" ", 1)[0]  # its last word may be cut
        if head == text or words(stem) < 4:
            continue
        for later in found[i + 1 :]:
            if later[1].startswith(stem) and len(later[1]) >= len(head) and _SITE_SUFFIX_RE.search(later[1]) is None:
                return later
    return None


_SITE_SUFFIX_RE = re.compile(r"\s[-|–—]\s")


def _headline_like(text: str) -> bool:
    """Not a caption, a credit, a byline or a label that sits where a headline would: "... on
    July 8, 2018. Copyright TYRONE SIU", "(Dolores Ochoa, AP)", "By: Associated Press", "What
    you need to know:", "AvantiKumar | March 10, 2014"."""
    stripped = text.strip()
    if stripped.endswith(":") or re.match(r"^by\b", stripped, re.IGNORECASE) or _LABELLED_DATE_RE.match(stripped):
        return False
    if _ID_LINE_RE.match(stripped) and len(_MIXED_GROUP_RE.findall(stripped)) >= 2:
        return False  # an image's or a record's identifier: "D2EDDB9F 862E 4B0D BEFF 68C81A9B6A0A"
    if _CREDIT_TAIL_RE.search(stripped) or words(stripped) > 30:
        return False
    # not a date line, nor a caption ending with its date ("..., Japan, April 2, 2011")
    if not full_dates(stripped):
        return True
    return words(_FULL_DATE_RE.sub(" ", stripped)) > 3 and not _ENDS_WITH_YEAR_RE.search(stripped)


_CREDIT_TAIL_RE = re.compile(
    r"(?:\((?:[^()]*,\s*)?(?:AP|AFP|Reuters|Getty Images|EPA|Xinhua|AAP|Bloomberg|PA)\)"
    r"|\b(?:copyright|photo:?|©)\s*\S[^.]*|[.]\s*/\s?[A-Z]{2,8}"  # (".../CFP": a photo agency)
    r"|/\s?[A-Z]{2,8}\s+via\s+(?:AP|AFP|Reuters|Getty Images))\s*$",  # "Peter Byrne/PA via AP"
    re.IGNORECASE,
)
# Groups of hexadecimal digits, with at least one digit: a GUID or a file's hash, never a headline.
_ID_LINE_RE = re.compile(r"(?=.*\d)[0-9A-Fa-f]{4,}(?:[\s_-]+[0-9A-Fa-f]{4,})+$")
_MIXED_GROUP_RE = re.compile(r"\b(?=[0-9A-Fa-f]*\d)(?=[0-9A-Fa-f]*[A-Fa-f])[0-9A-Fa-f]{4,}\b")  # "4B0D", not "2024"
_ENDS_WITH_YEAR_RE = re.compile(rf",\s*{_YEAR}\W*$")


def _is_prose(text: str) -> bool:
    """Ends with a full stop or holds two sentences ("...said. Senor Perez agreed"); "U.S." does not count."""
    return text.endswith(".") or _SENTENCE_BREAK_RE.search(text) is not None


def _title_bar_date(line: str) -> str | None:
    """The date that ends a page's title bar, a part of its own between bars: "Haltern mourns
    Germanwings victims | News | DW | 02.04.2015"."""
    parts = _TITLE_BAR_SPLIT_RE.split(line)
    if len(parts) < 2:
        return None
    is_date, value = date_line(parts[-1])
    return value if is_date else None


_TITLE_BAR_SPLIT_RE = re.compile(r"\s+\|\s+")
_SHORT_DATE_LINE_WORDS = 8


def _date_under_title(lines: Sequence[str], kinds: Sequence[Kind | None], title_index: int, start: int) -> str | None:
    """The date of a short line just under the headline, with a section label or a button
    beside it: "Government 11 Sep, 2022 Follow News"."""
    for i in range(title_index + 1, min(start, title_index + 3)):
        line = lines[i]
        if kinds[i] is not None or words(line) > _SHORT_DATE_LINE_WORDS or not _YEAR_RE.search(line):
            continue
        found = full_dates(line)
        if len(found) == 1 and not _is_prose(line):
            return found[0].isoformat()
    return None


def _is_masthead_clock(lines: Sequence[str], kinds: Sequence[Kind | None], index: int, title_index: int) -> bool:
    """A date line at the top of the page, under the site's name alone and above the headline:
    the day the page was served ("tbo: Tampa Bay Online." / "Wednesday, Jun 20, 2018")."""
    above = lines[:index]
    return (
        0 < index < _MASTHEAD_LINES
        and index < title_index
        and all(kinds[i] is not None or _is_prose(lines[i]) or words(lines[i]) <= 3 for i in range(index))
        # a name above it, not only a record's labels and numbers ("ID :" / "99958")
        and any(_WORD_RE.search(line) and not line.rstrip().endswith(":") for line in above)
    )


def _choose_date(
    lines: Sequence[str],
    kinds: Sequence[Kind | None],
    start: int,
    dates: list[tuple[int, str]],
    title_index: int = -1,
) -> str | None:
    header = [(i, value) for i, value in dates if i < start]
    if title_index >= 0 and (not header or header[0][0] < title_index):
        # A date above the headline may be the masthead's clock (the day the page was read:
        # "90 F Clouds" / "Saturday, Jun 22 2024, 11:27 AM"); the story's own stands under it.
        below = [value for i, value in header if i > title_index]
        if below:
            return below[0]
        if under := _date_under_title(lines, kinds, title_index, start):
            return under
        if header and _is_masthead_clock(lines, kinds, header[0][0], title_index):
            header, dates = [], [(i, value) for i, value in dates if i >= start]
    if dates:
        return header[0][1] if header else dates[0][1]
    story = [line for line, k in zip(lines, kinds, strict=True) if k is None]
    captions = [line for line, k in zip(lines, kinds, strict=True) if k is Kind.CAPTION]
    # A line the page gives twice is a photo's caption (under the photo and in its gallery) or a
    # pull quote: the date it holds is the picture's or the quote's, not the story's.
    repeated = {line for line, n in Counter(story).items() if n > 1 and words(line) >= 8}
    # Only lines that hold a year can hold a full date; the date regex is costly on prose.
    full = [d for line in story if line not in repeated and _YEAR_RE.search(line) for d in full_dates(line)]
    caption_dates = [d for line in captions for d in full_dates(line)]
    years = sorted({d.year for d in full + caption_dates}, reverse=True)
    if not years:
        years = sorted({int(y) for line in story for y in _YEAR_RE.findall(line)}, reverse=True)[:1]
    for line in story[:3]:  # "BEIJING, Oct. 26 (Xinhua) --"
        m = _DATELINE_DATE_RE.match(line)
        if m and years:
            month, day = _month(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2"))
            if value := _make(years[0], month, day):
                return value.isoformat()
    for line in story:  # "on Saturday (Oct 25)", checked against the calendar
        if "day" not in line or not years:
            continue
        for m in _WEEKDAY_DATE_RE.finditer(line):
            month, day = _month(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2"))
            weekday = lexicon.weekday_numbers()[m.group("wd").lower()]
            for year in years:
                value = _make(year, month, day)
                if value and value.weekday() == weekday:
                    return value.isoformat()
    if full:
        return max(full).isoformat()
    return None
