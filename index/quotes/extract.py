"""Direct quotations of one article: its marked stretches, each attributed to a speaker.

One `Quote` is made per marked stretch: a quotation broken by its attribution ("...," he said,
"...") gives two quotes, and one that runs over paragraphs gives one quote per paragraph; both
pieces carry the same speaker.

Marks are found by `marks`, speakers by `attribution`.
"""

from __future__ import annotations

from talks_tui.index.model import Article, Quote
from talks_tui.index.quotes.attribution import Attribution, attribute_article
from talks_tui.index.quotes.marks import (
    DOUBLE_MARKS,
    SINGLE_MARKS,
    MarkedSpan,
    find_marked_spans,
    paragraph_spans,
    span_text,
)
from talks_tui.index.versions import QUOTES_VERSION  # noqa: F401 (bumped there, read here too)


def _is_partial(block: str, span: MarkedSpan) -> bool:
    """A fragment: begins in lower case, or sits inside a sentence after an ordinary word."""
    first = next((c for c in span_text(block, span) if c.isalnum()), "")
    if not first or first.islower():
        return True
    before = block[: span.open_at].rstrip()
    if not before or before[-1] in ".!?:,;—–-(" or before[-1] in DOUBLE_MARKS or before[-1] in SINGLE_MARKS:
        return False
    last_word = before.rsplit(None, 1)[-1].lower()
    return last_word not in {"that", "saying", "said", "says", "added", "asked", "wrote", "told"}


def _same_text(a: str | None, b: str) -> bool:
    return a is not None and " ".join(a.split()) == " ".join(b.split())


def extract_quotes(article: Article) -> list[Quote]:
    """All direct quotations of one article, title first, each attributed within the article."""
    paragraphs = article.paragraphs
    title = article.title or ""
    # A headline repeated as the first lines of the body is not a second quotation.
    skip = {i for i, p in enumerate(paragraphs) if _same_text(title, p)}
    title_spans = find_marked_spans(title) if title else []
    title_spans = [s for s in title_spans if s.close_at is not None]
    para_spans = paragraph_spans(paragraphs, skip)
    title_attr, para_attr = attribute_article(title, title_spans, paragraphs, para_spans)

    quotes: list[Quote] = []

    def add(block: str, span: MarkedSpan, attr: Attribution, paragraph: int | None) -> None:
        quotes.append(
            Quote(
                id=f"{article.id}:{len(quotes)}",
                article_id=article.id,
                text=span_text(block, span),
                speaker=attr.speaker,
                role=attr.role,
                cue=attr.cue,
                partial=_is_partial(block, span),
                paragraph=paragraph,
                start=span.start,
                end=span.end,
                headline=paragraph is None,
                speaker_kind=attr.kind,
                co_speakers=attr.co_speakers,
                continued=span.continued,
                statement=attr.statement,
                attribution=attr.method if attr.speaker else "none",
            )
        )

    for span, attr in zip(title_spans, title_attr, strict=True):
        add(title, span, attr, None)
    for i, (spans, attrs) in enumerate(zip(para_spans, para_attr, strict=True)):
        for span, attr in zip(spans, attrs, strict=True):
            add(paragraphs[i], span, attr, i)
    return quotes
