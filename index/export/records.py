"""The JSON records of every view: what `--json` prints, and what CSV and Markdown are made from.

A contract with programs: a field keeps its name and meaning; new fields are added. File names
are given as the file system has them (`real`): a name that is not UTF-8 keeps its lone
surrogates, which the writers turn into escapes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from talks_tui.index.export.citation import citation
from talks_tui.index.ingest.filenames import real
from talks_tui.index.ingest.outlets import registered_domain
from talks_tui.index.model import Article, Hit, attribution_kind

if TYPE_CHECKING:  # the comparison and coverage stages are slow to import; only types here
    from talks_tui.index.compare.align import Alignment, SentencePair
    from talks_tui.index.compare.figures import Figure
    from talks_tui.index.coverage.topics import Coverage
    from talks_tui.index.model import Quote
    from talks_tui.index.quotes.listing import QuoteRow
    from talks_tui.index.quotes.speakers import Speaker
    from talks_tui.index.sentences import Sentence


def article_record(article: Article, full: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "file": real(article.file),
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "date": article.date,
        "authors": list(article.authors),
        "word_count": article.word_count,
        "path": real(article.path),
        "url": article.url,
        "outlet_kind": article.outlet_kind,
        "outlet_country": article.outlet_country,
        "outlet_source": article.outlet_source,
        "wire": article.wire,
        "site": registered_domain(article.url) if article.url else None,
    }
    if full:
        data["paragraphs"] = list(article.paragraphs)
    return data


def hit_record(hit: Hit) -> dict[str, Any]:
    a = hit.article
    return {
        "file": real(a.file),
        "id": a.id,
        "outlet": a.outlet,
        "title": a.title,
        "date": a.date,
        "score": round(hit.score, 4),
        "snippets": [{"text": s.text, "spans": [list(span) for span in s.spans]} for s in hit.snippets],
        "url": a.url,
    }


def quote_record(row: QuoteRow) -> dict[str, Any]:
    q, a = row.quote, row.article
    return {
        "file": real(a.file),
        "id": q.id,
        "article_id": q.article_id,
        "outlet": a.outlet,
        "date": a.date,
        "text": q.text,
        "speaker": q.speaker,
        "role": q.role,
        "cue": q.cue,
        "partial": q.partial,
        "paragraph": q.paragraph,
        "start": q.start,
        "end": q.end,
        "group": row.group,
        "variants": row.variants,
        "headline": q.headline,
        "speaker_kind": q.speaker_kind,
        "co_speakers": list(q.co_speakers),
        "continued": q.continued,
        "attribution": q.attribution,
        "confidence": attribution_kind(q.attribution).confidence,
        "title": a.title,
        "url": a.url,
        "citation": citation(q, a),
    }


def speaker_record(speaker: Speaker) -> dict[str, Any]:
    return asdict(speaker) | {"roles": list(speaker.roles), "outlets": list(speaker.outlets)}


# -- a comparison --------------------------------------------------------------------------------


def sentence_record(index: int, sentence: Sentence) -> dict[str, Any]:
    return {
        "index": index,
        "paragraph": sentence.paragraph,
        "start": sentence.start,
        "end": sentence.end,
        "text": sentence.text,
    }


def _figure_record(figure: Figure) -> dict[str, Any]:
    return {"text": figure.text, "value": figure.value, "start": figure.start, "end": figure.end}


def _compared_quote(quote: Quote) -> dict[str, Any]:
    return {"id": quote.id, "article_id": quote.article_id, "text": quote.text, "speaker": quote.speaker}


def pair_record(alignment: Alignment, pair: SentencePair) -> dict[str, Any]:
    left = alignment.left_sentences[pair.left]
    right = alignment.right_sentences[pair.right]
    return {
        "left": sentence_record(pair.left, left),
        "right": sentence_record(pair.right, right),
        "kind": pair.kind,
        "similarity": pair.similarity,
        "shared_spans": [
            {
                "left": list(span.left),
                "right": list(span.right),
                "words": span.words,
                "text": left.text[span.left[0] : span.left[1]],
            }
            for span in pair.shared
        ],
        "differing_figures": [
            {
                "kind": d.kind,
                "left": [_figure_record(f) for f in d.left],
                "right": [_figure_record(f) for f in d.right],
            }
            for d in pair.differing
        ],
    }


def alignment_record(alignment: Alignment) -> dict[str, Any]:
    return {
        "left_article": article_record(alignment.left),
        "right_article": article_record(alignment.right),
        "pairs": [pair_record(alignment, p) for p in alignment.pairs],
        "only_left": [sentence_record(i, alignment.left_sentences[i]) for i in alignment.only_left],
        "only_right": [sentence_record(j, alignment.right_sentences[j]) for j in alignment.only_right],
        "quotes": {
            "common": [
                {"left": [_compared_quote(q) for q in m.left], "right": [_compared_quote(q) for q in m.right]}
                for m in alignment.quotes_common
            ],
            "only_left": [_compared_quote(q) for q in alignment.quotes_only_left],
            "only_right": [_compared_quote(q) for q in alignment.quotes_only_right],
        },
        "summary": asdict(alignment.summary),
    }


def coverage_record(result: Coverage) -> dict[str, Any]:
    return {
        "outlets": list(result.outlets),
        "topics": [
            {
                "label": t.label,
                "query": t.query,
                "kind": t.kind,
                "counts": {outlet: t.counts.get(outlet, 0) for outlet in result.outlets},
                "articles": list(t.articles),
            }
            for t in result.topics
        ],
        "missing": {outlet: [t.label for t in result.missing(outlet)] for outlet in result.outlets},
        # The topics were found in this many articles, an even sample (null: in all); counts are all.
        "sample": result.sample,
    }
