"""What two paired sentences give differently: a figure of the same quantity, or a quotation's speaker.

A flag must be right when shown, so each is narrow. Two figures are of the same quantity when
they are of one kind and the words around them share a content word ("381 people" and "nearly
600 people"; "died on Sunday" and "died on Saturday"): the day a statement was made is never set
against the day of the event ("said on Tuesday", reporting words are no shared context), nor a
backdrop figure against a claim. Values that can both be true are no difference: "tops 500" and
513, "nearly 600" and 589, "about 400" and 410 (see `_compatible`). A speaker differs only when
both sides give the same quotation to different named persons: not a role or description ("the
treasury chief"), not an organisation or news agency, not the same surname.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from talks_tui.index import lexicon
from talks_tui.index.compare.figures import Figure
from talks_tui.index.compare.sentence_terms import NO_FACT_WORDS, story_start
from talks_tui.index.sentences import Sentence
from talks_tui.index.terms import stem, word_spans
from talks_tui.index.tokens import WORD_RE, fold

if TYPE_CHECKING:
    from talks_tui.index.model import Article, Quote

# Kinds compared; ordinals ("the fifth round") and bare years name things more than they measure.
COMPARED_KINDS = frozenset({"money", "percent", "points", "count", "duration", "date", "weekday", "time", "month"})
# Words either side of a figure that say what it counts or dates.
CONTEXT_WORDS = 3
# Qualifiers before an amount, and the values they allow (as shares of the amount).
_AT_LEAST_RE = re.compile(r"(?i:\b(?:more than|over|above|at least|tops|topped|exceeds?|exceeded|upwards of)\s+)$")
_AT_MOST_RE = re.compile(r"(?i:\b(?:nearly|almost|close to|just under|up to|fewer than|less than|under)\s+)$")
_ABOUT_RE = re.compile(r"(?i:\b(?:about|around|some|roughly|approximately|an estimated|estimated|circa)\s+)$")
_TOLERANCE = Decimal("0.1")
_AND_RE = re.compile(r"\band\b")
_SPEAKER = "speaker"
_RATE_KINDS = frozenset({"percent", "points"})
_PART_OF_RE = re.compile(r"\s+(?:of|out of)\s+")
_TIME_KINDS = frozenset({"date", "weekday", "time", "month"})
_CLAUSE_RE = re.compile(r"[;:—–(]|\s-\s|,\s|\b(?:who|which|that|where|when|while|after|before)\b")
_STOCK_WORDS = lexicon.words("news_stock_words")
_UNIT_AFTER_RE = re.compile(r"[\s-](?P<unit>[a-z]+)\b")
_UNIT_BEFORE_RE = re.compile(r"\b(?P<unit>[a-z]+)-$")
_NUMBER_WORDS = lexicon.words("number_words")
_MEASURES = {w: "=" + row[0] for row in lexicon.forms("measure_words") for w in row}


@dataclass(frozen=True)
class FigureDifference:
    """Figures of one kind that the two sentences of a pair give differently."""

    kind: str
    left: tuple[Figure, ...]
    right: tuple[Figure, ...]


@dataclass(frozen=True)
class SpokenBy:
    """A quotation in a sentence and who the article says spoke it."""

    figure: Figure  # kind "speaker": its text is the speaker as named, its span the quotation's
    quote: Quote
    group: str | None  # the corpus's variant group: one statement, however quoted


def differences(
    left_text: str,
    right_text: str,
    left_figures: Sequence[Figure],
    right_figures: Sequence[Figure],
    left_speakers: Sequence[SpokenBy] = (),
    right_speakers: Sequence[SpokenBy] = (),
    times: bool = False,
) -> tuple[FigureDifference, ...]:
    """The figures of one quantity, and the speakers of one quotation, that the two differ on.
    Days, dates and times only when `times`: when the two are mostly worded alike, which day
    goes with which event is clear; otherwise a statement's day is set against an event's."""
    found: dict[str, tuple[list[Figure], list[Figure]]] = {}
    left_context = _quantities(left_text, left_figures)
    right_context = _quantities(right_text, right_figures)

    def counterparts(figure: Figure, words: frozenset[str], others: list[tuple[Figure, frozenset[str]]]):
        # A day or a date is of the same event only when more of its words agree: "northern
        # Thailand on Friday" and "in northern Thailand paid homage Sunday" are two events.
        return [o for o, o_words in others if o.kind == figure.kind and _same_measure(figure.kind, words & o_words)]

    if not times:
        left_context = [(f, w) for f, w in left_context if f.kind not in _TIME_KINDS]
        right_context = [(f, w) for f, w in right_context if f.kind not in _TIME_KINDS]
    for a, a_words in left_context:
        # One figure of that quantity on each side, or which is set against which is a guess.
        found_right = counterparts(a, a_words, right_context)
        if len(found_right) != 1:
            continue
        b = found_right[0]
        if len(counterparts(b, dict(right_context)[b], left_context)) != 1:
            continue
        if any(o.kind == a.kind and o.value == a.value for o in right_figures) or any(
            o.kind == b.kind and o.value == b.value for o in left_figures
        ):
            continue  # the value is on the other side too: "10 km (6 miles)" and "6 miles, 10 km"
        if _compatible(left_text, a, right_text, b):
            continue
        sides = found.setdefault(a.kind, ([], []))
        sides[0].append(a)
        sides[1].append(b)
    for a in left_speakers:
        for b in right_speakers:
            if _same_statement(a, b) and _different_people(a.quote, b.quote):
                sides = found.setdefault(_SPEAKER, ([], []))
                if a.figure not in sides[0]:
                    sides[0].append(a.figure)
                if b.figure not in sides[1]:
                    sides[1].append(b.figure)
    return tuple(FigureDifference(kind, tuple(lf), tuple(rf)) for kind, (lf, rf) in sorted(found.items()))


def spoken_by(sentence: Sentence, article: Article, quotes: Sequence[tuple[Quote, str | None]]) -> list[SpokenBy]:
    """The quotations that start in the sentence, with their speakers. Not for an outlet's
    articles taken as one (their paragraphs are renumbered)."""
    found = []
    for quote, group in quotes:
        if (
            quote.speaker
            and quote.article_id == article.id
            and quote.paragraph == sentence.paragraph
            and sentence.start <= quote.start < sentence.end
        ):
            start = quote.start - sentence.start
            figure = Figure(_SPEAKER, fold(quote.speaker), quote.speaker, start, start)
            found.append(SpokenBy(figure, quote, group))
    return found


def _quantities(text: str, figures: Sequence[Figure]) -> list[tuple[Figure, frozenset[str]]]:
    """The figures that state a quantity of their own, with what each counts or dates: not the
    page's date, not one of several rates (changes over different periods), not a part and its
    whole ("four of 12 boys")."""
    found = []
    for n, figure in enumerate(figures):
        if figure.kind not in COMPARED_KINDS or figure.start < story_start(text):
            continue
        if figure.kind in _RATE_KINDS and sum(f.kind == figure.kind for f in figures) > 1:
            continue
        neighbours = (
            (figures[n - 1].end, figure.start) if n else None,
            (figure.end, figures[n + 1].start) if n + 1 < len(figures) else None,
        )
        if any(span and _PART_OF_RE.fullmatch(text, *span) for span in neighbours):
            continue
        found.append((figure, _context(text, figure, figures)))
    return found


# A tally of a story is a figure in digits of at least this: "three were rushed to hospital",
# "five died" at one place are parts, not the toll. Nor "seven more", nor a name's number
# ("Boeing 777", "Flight 370").
_TALLY = 10
_MORE_RE = re.compile(r"\s+(?:more|further|additional)\b")
_TALLY_IN_WORDS_RE = re.compile(r"(?i:\b(?:hundreds|thousands|tens of thousands)\s+of\s+)(?P<words>\w+(?:\s+\w+)?)")
_CODE_RE = re.compile(r"[A-Za-z]")
_CODE_BEFORE_RE = re.compile(r"\d-$")
_NAMED_NUMBER_RE = re.compile(r"(?:\b[A-Z][\w-]*|\bflight|\bnumber|\bno\.)\s+$")


def measured(text: str, figures: Sequence[Figure]) -> frozenset[str]:
    """What the sentence counts with a measure word ("=dead" for "killed 381 people", "the death
    toll rose to 589"): a sentence that gives a toll states the same fact as another that gives
    one, whatever their figures (a difference, then). Not an age in brackets ("Crockett (33) died")."""
    found: set[str] = set()
    # A tally in words: "causing hundreds of deaths", "thousands of people injured".
    for m in _TALLY_IN_WORDS_RE.finditer(text):
        found.update(_MEASURES[w] for w in m.group("words").lower().split() if w in _MEASURES)
    tallies = [(f, context) for f, context in _quantities(text, figures) if _tally(text, f)]
    for _, context in tallies:
        found.update(w for w in context if w.startswith("="))
    if not found and len(tallies) == 1 and not _counts_other(text, tallies[0][0]):
        # The measure word may sit past a day or in another clause ("the death toll for Sunday's
        # quake had risen to 381 people", "the number of people killed ... at nearly 600"): with
        # one tally and one measure in the sentence, the tally is of that measure unless its unit
        # says otherwise ("among the dead are 14 foreigners").
        lines = {_MEASURES[w.lower()] for w in WORD_RE.findall(text[story_start(text) :]) if w.lower() in _MEASURES}
        if len(lines) == 1:
            found.update(lines)
    return frozenset(found)


def _counts_other(text: str, figure: Figure) -> bool:
    """Whether the word after the figure is a unit of its own, not a measure ("14 foreigners")."""
    unit = _UNIT_AFTER_RE.match(text, figure.end)
    return bool(unit and _telling(unit.group("unit")) and unit.group("unit").lower() not in _MEASURES)


def _tally(text: str, figure: Figure) -> bool:
    """A count in digits of the story's size: not an age in brackets, not "seven more", not a
    name's number."""
    if figure.kind != "count" or text[: figure.start].rstrip().endswith("("):
        return False
    if not figure.text[0].isdigit() or Decimal(figure.value) < _TALLY or _MORE_RE.match(text, figure.end):
        return False
    if _CODE_RE.match(text, figure.end) or _CODE_BEFORE_RE.search(text, 0, figure.start):
        return False  # a model's code ("777-200ER")
    return not _NAMED_NUMBER_RE.search(text, 0, figure.start)


def _context(text: str, figure: Figure, figures: Sequence[Figure]) -> frozenset[str]:
    """What the figure counts or dates: the stems of the lower-case content words nearest to it
    in its clause and not past another figure, a measure word standing for its line ("died" for "killed"). Names are the
    story's backdrop ("Thailand"); stock words of news ("people", "year") count anything. A word
    right after the figure or joined to it by a hyphen is its unit, and all that counts."""
    unit = _UNIT_AFTER_RE.match(text, figure.end) or _UNIT_BEFORE_RE.search(
        text, max(0, figure.start - 30), figure.start
    )
    if unit and _telling(unit.group("unit")):
        word = unit.group("unit").lower()
        return frozenset({_MEASURES.get(word) or stem(word)})  # "272 lives", "7.8-magnitude"
    start = max((f.end for f in figures if f.end <= figure.start), default=0)
    end = min((f.start for f in figures if f.start >= figure.end), default=len(text))
    before = [w for w in WORD_RE.findall(_CLAUSE_RE.split(text[start : figure.start])[-1]) if _telling(w)]
    after = [w for w in WORD_RE.findall(_CLAUSE_RE.split(text[figure.end : end])[0]) if _telling(w)]
    before, after = before[-CONTEXT_WORDS:], after[:CONTEXT_WORDS]
    # One measure a figure: the nearest before it in its part of an "and", else the first after
    # ("killing at least 272 and injuring..."; "69 people dead and dozens more injured"; "260
    # people died and 2,500 others were injured").
    own = WORD_RE.findall(_AND_RE.split(_CLAUSE_RE.split(text[start : figure.start])[-1])[-1])
    measures = [w.lower() for w in before[::-1] if w in own] + [w.lower() for w in after]
    measures = [w for w in measures if w in _MEASURES]
    nearest = measures[0] if measures else None
    words = (w.lower() for w in before + after if w.lower() not in _MEASURES or w.lower() == nearest)
    return frozenset(_MEASURES.get(w) or stem(w) for w in words)


def _same_measure(kind: str, shared: frozenset[str]) -> bool:
    """Whether the words two figures share make them one quantity: a measure word for a count
    (a count of anything else, "12 boys" and "two boys", is too often a part of the whole), any
    word for the rest (sums, rates, durations, and days in sentences worded alike)."""
    if kind == "count":
        return any(w.startswith("=") for w in shared)
    return bool(shared)


def _telling(word: str) -> bool:
    low = word.lower()
    return word[0].islower() and low not in NO_FACT_WORDS and low not in _STOCK_WORDS and low not in _NUMBER_WORDS


def _bounds(text: str, figure: Figure) -> tuple[Decimal, Decimal] | None:
    """The values an amount allows, by the qualifier before it; None for what is no amount."""
    try:
        value = Decimal(figure.value.split()[-1] if figure.kind in ("money", "duration") else figure.value)
    except (InvalidOperation, IndexError):
        return None
    if figure.kind == "duration":
        value = Decimal(figure.value.split()[0])
    before = text[max(0, figure.start - 20) : figure.start]
    if _AT_LEAST_RE.search(before):
        return value, value * (1 + _TOLERANCE)
    if _AT_MOST_RE.search(before):
        return value * (1 - _TOLERANCE), value
    if _ABOUT_RE.search(before):
        return value * (1 - _TOLERANCE), value * (1 + _TOLERANCE)
    return value, value


def _compatible(left_text: str, a: Figure, right_text: str, b: Figure) -> bool:
    """Whether both can be true: equal, or amounts whose qualifiers allow a common value."""
    if a.value == b.value:
        return True
    if a.kind not in ("count", "money", "percent", "points", "duration"):
        return False
    if (
        a.kind in ("money", "duration")
        and a.value.split()[0 if a.kind == "money" else -1] != b.value.split()[0 if a.kind == "money" else -1]
    ):
        return True  # other currencies or units: not comparable here
    left, right = _bounds(left_text, a), _bounds(right_text, b)
    if left is None or right is None:
        return True
    return left[0] <= right[1] and right[0] <= left[1]


def _same_statement(a: SpokenBy, b: SpokenBy) -> bool:
    """One statement: the two quotations share most of their words (the corpus's variant groups
    also join a statement's fragments, which different people may repeat)."""
    left = {w for w, _, _ in word_spans(a.quote.text) if w not in NO_FACT_WORDS}
    right = {w for w, _, _ in word_spans(b.quote.text) if w not in NO_FACT_WORDS}
    return len(left) >= 3 and len(right) >= 3 and len(left & right) >= 0.6 * max(len(left), len(right))


def _different_people(a: Quote, b: Quote) -> bool:
    """Two named persons who are not one: a shared name word (a surname) makes them one."""
    if a.speaker_kind != "person" or b.speaker_kind != "person" or not a.speaker or not b.speaker:
        return False
    left = set(fold(a.speaker).split())
    right = set(fold(b.speaker).split())
    return len(left) >= 2 and len(right) >= 2 and not (left & right)
