"""What a sentence says, as terms a comparison can weigh: its content words and its figures.

Function words and reporting words (the lexicon's lists) carry no fact, whatever their frequency:
two sentences that both say "said" or "according to" share nothing by it. A capitalised name's
words share one word's weight, so that a long name ("Association of Southeast Asian Nations")
does not outweigh the fact told about it. Each figure is one term in its normalised form, so
"Nov. 10" and "November 10" are the same term. Words of one meaning (the lexicon's same_meaning
list: "killed", "died", "death toll"; "blaze", "fire") are one term, named after the line's first
word with a "~" in front, so that a paraphrase shares what it says. Two kinds of sentence are no story sentences and
never pair: a keyword line ("Ecuador, earthquake, survivors, rubble") and a credit ("AFP"); nor does
a photo caption printed twice (a paragraph that the next one repeats, with a credit or doubled).
A date glued to the front of a sentence by a scraper ("August 3, 2014Chinese officials...",
"date 2019-04-18 France is...") is the page's date, not the story's: it gives no term.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache

from talks_tui.index import lexicon
from talks_tui.index.compare.figures import Figure
from talks_tui.index.terms import STOP_WORDS, stem, word_spans

# Words that never make two sentences say the same thing.
NO_FACT_WORDS = lexicon.words("function_words") | lexicon.words("reporting_words") | STOP_WORDS
_ACRONYM_RE = re.compile(r"\b(?:[A-Za-z]\.){2,}")
# A page's date in front of the first word: "date 2019-04-18 France", "August 3, 2014Chinese".
_DATE_PREFIX_RE = re.compile(r"(?i:date:?\s+)?(?:\d{4}-\d\d-\d\d|[A-Z][a-z]+\.? \d{1,2}, \d{4})(?=\s|[A-Z])\s*")
# A credit: at most this many words, none in lower case, with a credit's mark ("AFP Photo",
# "REUTERS/Name"); a subheading in capitals ("TALKING POINTS") is the story's and may pair.
_CREDIT_WORDS = 3
_CREDIT_RE = re.compile(r"(?i:photo|/|©|credit)")


@cache
def meanings() -> dict[str, str]:
    """Stem -> the term of its meaning, for the stems of the same_meaning list."""
    return {stem(word): "~" + stem(row[0]) for row in lexicon.forms("same_meaning") for word in row}


def term_of(word: str) -> str:
    """The term a lower-case content word gives: its stem, or its meaning's term."""
    term = stem(word)
    return meanings().get(term, term)


def story_start(text: str) -> int:
    """Where the story's own words begin: after a page date glued to the front."""
    m = _DATE_PREFIX_RE.match(text)
    return m.end() if m else 0


def is_furniture(text: str) -> bool:
    """A keyword line, a photo credit or a lone word ("AP", "Advertisement")."""
    words = [w for w, _, _ in word_spans(text)]
    if not words:
        return True
    lower = [w for w, s, _ in word_spans(text) if text[s].islower()]
    if len(words) == 1 or (len(words) <= _CREDIT_WORDS and not lower and _CREDIT_RE.search(text)):
        return True
    pieces = [p for p in text.split(",") if p.strip()]
    return len(pieces) >= 4 and not any(w in NO_FACT_WORDS for w in lower) and max(len(p.split()) for p in pieces) <= 4


def caption_paragraphs(paragraphs: Sequence[str]) -> set[int]:
    """The paragraphs of a caption printed twice: one paragraph, then the next starting with its
    words ("Police officers stand next to ... coast." then the same with "AP" after it). The
    story may repeat the caption later as its own sentence; only the adjacent copies are furniture."""
    words = [" ".join(w for w, _, _ in word_spans(p)) for p in paragraphs]
    found: set[int] = set()
    for k in range(len(words) - 1):
        if words[k] and words[k + 1].startswith(words[k]):
            found.update((k, k + 1))
    return found


def content_words(text: str, figures: list[Figure]) -> list[tuple[str, int, int]]:
    """(lower-case word, start, end) of the words that may carry a fact, outside figures."""
    text = _ACRONYM_RE.sub(lambda m: m.group().replace(".", "") + " " * m.group().count("."), text)
    inside = [(f.start, f.end) for f in figures]
    start = story_start(text)
    return [
        (word, a, b)
        for word, a, b in word_spans(text)
        if a >= start and word not in NO_FACT_WORDS and not any(x <= a < y for x, y in inside)
    ]


def sentence_terms(text: str, figures: list[Figure]) -> Counter[str]:
    """Stemmed content words, a name's words sharing one word's weight, plus one term per figure."""
    terms: Counter[str] = Counter()
    for run in _name_runs(text, content_words(text, figures)):
        for word, _, _ in run:
            terms[term_of(word)] += 1 / len(run)
    start = story_start(text)
    for f in figures:
        if f.start >= start:
            terms[f"#{f.kind}:{f.value}"] += 1
    return terms


def _name_runs(text: str, words: list[tuple[str, int, int]]) -> Iterator[list[tuple[str, int, int]]]:
    """The words in runs: consecutive capitalised words form one run, every other word its own."""
    run: list[tuple[str, int, int]] = []
    for word in words:
        capital = text[word[1]].isupper()
        if run and capital and text[run[-1][2] : word[1]].strip(" -") == "":
            run.append(word)
            continue
        if run:
            yield run
        run = [word] if capital else []
        if not capital:
            yield [word]
    if run:
        yield run
