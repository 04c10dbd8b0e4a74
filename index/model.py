"""Plain records that cross module boundaries: articles, load problems, search hits, quotations."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One clean news article: metadata plus the story's paragraphs in order."""

    id: str
    file: str  # base name of the source file
    path: str  # absolute path of the source file
    title: str | None
    outlet: str | None
    date: str | None  # ISO YYYY-MM-DD, or None when the text states none
    authors: tuple[str, ...] = ()
    paragraphs: tuple[str, ...] = ()
    url: str | None = None
    outlet_kind: str | None = None  # "state media" / "wire" / "commercial"
    outlet_country: str | None = None
    # Recorded at ingest so that listings need not load the paragraphs.
    word_count: int = 0
    wire: str | None = None  # the news agency whose copy it carries ("Reuters"), never the outlet
    outlet_source: str = "none"  # how the outlet was found: see ingest.outlets.OutletMatch
    # The story's first words (see lead_of), kept by the catalog for listings without paragraphs:
    # they name an article whose text states no headline.
    lead: str = ""

    @property
    def first_words(self) -> str:
        return self.lead or lead_of(self.paragraphs)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


LEAD_CHARS = 90


def lead_of(paragraphs: tuple[str, ...] | list[str]) -> str:
    """The first words of the first paragraph, cut at a word, with "…" where cut."""
    first = " ".join(paragraphs[0].split()) if paragraphs else ""
    if len(first) <= LEAD_CHARS:
        return first
    return first[:LEAD_CHARS].rsplit(" ", 1)[0] + "…"


def count_words(paragraphs: tuple[str, ...] | list[str]) -> int:
    return sum(len(p.split()) for p in paragraphs)


@dataclass(frozen=True)
class Problem:
    """Something the user must hear about a file: a warning, or why it was skipped."""

    path: str
    message: str
    skipped: bool = False  # True when the file (or record) was not loaded at all

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


@dataclass(frozen=True)
class Snippet:
    """A plain-text excerpt and the character spans of its highlighted terms."""

    text: str
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Hit:
    article: Article  # metadata only: paragraphs are empty
    score: float
    snippets: tuple[Snippet, ...] = ()


@dataclass(frozen=True)
class Matches:
    """Every article a query matches, best first, without metadata: what a live list needs."""

    query: str
    ids: tuple[str, ...]
    scores: tuple[float, ...]
    occurrences: tuple[int, ...]  # how many times the query's words occur in each article
    total: int
    per_outlet: dict[str, int]
    terms: frozenset[str]  # search terms to highlight in a reader's text
    suggestion: str | None = None
    # The speaker:, role: and quote: parts of the query: the quotations to highlight (see
    # search.quotehits); `occurrences` counts title and body words only.
    quote_parts: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class SearchResult:
    query: str
    hits: tuple[Hit, ...]
    total: int
    per_outlet: dict[str, int] = field(default_factory=dict)
    suggestion: str | None = None  # "did you mean" when nothing matched


def outlet_counts_text(per_outlet: dict[str, int]) -> str:
    """ "CNA 2, Global Times 1": how many matching articles each outlet has, most first; the one
    wording the search line of the app and `talks-tui search` share."""
    return ", ".join(f"{outlet} {n}" for outlet, n in sorted(per_outlet.items(), key=lambda kv: (-kv[1], kv[0])))


class QueryError(ValueError):
    """A query that cannot be parsed; the message is one plain line for the user."""


@dataclass(frozen=True)
class AttributionKind:
    confidence: str  # "firm", "likely", "guess" or "none"
    says: str  # how the quote viewer and the reader say it was found


# How a quotation's speaker was found, firmest first.
ATTRIBUTIONS = {
    "same-sentence": AttributionKind("firm", "the speaker is named in its own sentence"),
    "pronoun": AttributionKind("likely", "its sentence says he, she or they, resolved to the person meant"),
    "role": AttributionKind("likely", "its sentence names a role (the minister), resolved to who holds it"),
    "continued": AttributionKind("likely", "no cue of its own; the speaker of the quotation beside it"),
    "previous-paragraph": AttributionKind("guess", "no cue of its own; the speaker of the paragraph before"),
    "same-words": AttributionKind("guess", "the same words are attributed elsewhere in the article"),
    "headline": AttributionKind("guess", "a headline; the speaker of the body passage it repeats"),
    "none": AttributionKind("none", "no speaker found"),
}


def attribution_kind(method: str) -> AttributionKind:
    return ATTRIBUTIONS.get(method, ATTRIBUTIONS["none"])


def attribution_note(method: str) -> str:
    """How sure a speaker is and why, in a few words: "likely: its sentence says he, ..."."""
    kind = attribution_kind(method)
    return kind.says if kind.confidence in ("firm", "none") else f"{_SURE[kind.confidence]}: {kind.says}"


_SURE = {"likely": "likely", "guess": "a guess"}


@dataclass(frozen=True, slots=True)  # slots: a corpus of 100,000 articles holds 650,000 of them
class Quote:
    """One direct quotation of an article, with its speaker as the article gives it."""

    id: str  # f"{article_id}:{n}", n = order in the article (title first)
    article_id: str
    text: str  # the words inside the marks, as written
    speaker: str | None  # canonical full name, an unnamed speaker's description, or None
    role: str | None  # "US Treasury Secretary", "a senior research fellow at ..."
    cue: str | None  # "said", "told reporters", "according to", ":" ...
    partial: bool  # a fragment inside a sentence, not a full statement
    paragraph: int | None  # index into article.paragraphs; None for the title
    start: int  # span of `text` inside that paragraph (or the title)
    end: int
    headline: bool = False
    speaker_kind: str | None = None  # "person", "description" (unnamed), "organisation"
    co_speakers: tuple[str, ...] = ()  # others in a joint attribution ("Bessent and Greer said")
    continued: bool = False  # this piece continues the previous one (run on over paragraphs)
    statement: str | None = None  # for a short fragment, the clause reported around it
    # How the speaker was found, which says how sure it is (see ATTRIBUTIONS): "same-sentence"
    # (named by the cue of the quotation's own sentence) is firm; the others are inferences.
    attribution: str = "none"
