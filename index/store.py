"""The Whoosh full-text index. The only module that imports whoosh, so the engine can be swapped.

Whoosh stores only article ids; titles, metadata and bodies live in the catalog. Text fields are
analysed by `index.terms`, and documents can arrive pre-analysed (see `analyse`) so that a
worker process does the tokenising while this process writes postings.
"""

from __future__ import annotations

import os
import pickle
import re
import shutil
import struct
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from whoosh import fields, index, qparser, query, scoring
from whoosh.analysis import Token, Tokenizer
from whoosh.qparser.plugins import GtLtPlugin

from index.model import QueryError
from index.terms import STOP_WORDS, stem, term_positions, term_spans, word_spans

# Bump when the schema or the analysis changes: older indexes are then rebuilt.
SCHEMA_VERSION = 1

TEXT_FIELDS = ("title", "body")
FIELD_BOOSTS = {"title": 2.0, "body": 1.0}
QUERY_FIELDS = ("title", "body", "outlet", "author", "date", "id")
FIELD_ALIASES = {"author": ["authors", "by"], "outlet": ["source"]}


def _writer_memory_mb() -> int:
    """Posting-pool memory for a writer: enough that a 10,000-article build never spills to temporary
    runs (which costs half the build time), capped at an eighth of the machine's memory."""
    try:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        total_mb = 4096
    return max(128, min(2048, total_mb // 8))


WRITER_MEMORY_MB = _writer_memory_mb()

_UINT = struct.Struct("!I")


class IndexDamaged(Exception):
    """The index on disk cannot be read; it must be rebuilt."""


class StemTokenizer(Tokenizer):
    """Whoosh face of `index.terms`: the same terms at index time, query time and highlighting."""

    def __call__(
        self,
        value,
        positions=False,
        chars=False,
        keeporiginal=False,
        removestops=True,
        start_pos=0,
        start_char=0,
        tokenize=True,
        mode="",
        **kwargs,
    ):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:  # wildcards and ranges: the word as typed, lower-cased
            token.original = token.text = value.lower()
            token.pos, token.startchar, token.endchar = start_pos, start_char, start_char + len(value)
            yield token
            return
        for term, pos, start, end in term_spans(value):
            token.text = term
            token.boost = 1.0
            token.stopped = False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


class LowercaseTokenizer(Tokenizer):
    """Names (outlets, authors): whole words, lower-cased, never stemmed."""

    def __call__(self, value, positions=False, chars=False, start_pos=0, start_char=0, mode="", **kw):
        token = Token(positions, chars, mode=mode, **kw)
        for pos, (word, start, end) in enumerate(word_spans(value)):
            token.text, token.boost, token.stopped = word, 1.0, False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


class PreAnalysedText(fields.TEXT):
    """A TEXT field that also accepts postings computed elsewhere (by `analyse`)."""

    def index(self, value, **kwargs):
        if isinstance(value, PostingList):
            return value.items
        return super().index(value, **kwargs)


@dataclass(frozen=True)
class PostingList:
    """(term bytes, frequency, weight, encoded positions) for each term of one field of one doc."""

    items: tuple[tuple[bytes, int, float, bytes], ...]


def _schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        title=PreAnalysedText(analyzer=StemTokenizer(), phrase=True),
        body=PreAnalysedText(analyzer=StemTokenizer(), phrase=True),
        outlet=fields.TEXT(analyzer=LowercaseTokenizer(), phrase=True),
        author=fields.TEXT(analyzer=LowercaseTokenizer(), phrase=True),
        date=fields.ID(),
        # The outlet's display name, for hit counts per outlet.
        outlet_name=fields.ID(sortable=True),
    )


def _positions(text: str) -> PostingList:
    """The same postings Whoosh's Positions format would write for `text` (see formats.py)."""
    items = []
    for term, poslist in term_positions(text).items():
        deltas = [poslist[0]] + [b - a for a, b in zip(poslist, poslist[1:], strict=False)]
        encoded = _UINT.pack(len(deltas)) + pickle.dumps(deltas, 2)
        items.append((term.encode("utf-8"), len(poslist), float(len(poslist)), encoded))
    return PostingList(tuple(items))


@dataclass(frozen=True)
class IndexDoc:
    """One article ready for the index; picklable, so worker processes can build it."""

    id: str
    title: PostingList
    body: PostingList
    outlet: str
    author: str
    date: str
    outlet_name: str


def analyse(
    article_id: str,
    title: str,
    body: str,
    outlet: str | None,
    outlet_terms: str,
    authors: Sequence[str],
    date: str | None,
) -> IndexDoc:
    return IndexDoc(
        id=article_id,
        title=_positions(title),
        body=_positions(body),
        outlet=outlet_terms,
        author="; ".join(authors),
        date=date or "",
        outlet_name=outlet or "",
    )


@dataclass(frozen=True)
class RawResult:
    """Hits as (article id, score), plus what the caller needs to present them."""

    ids: tuple[tuple[str, float], ...]
    total: int
    per_outlet: dict[str, int]
    terms: frozenset[str]  # matched title/body terms, for highlighting


# `foo:` where foo is not a known field is almost always a typo the user wants to hear about.
_FIELD_RE = re.compile(r"(?<![\w:/])([A-Za-z_]\w*):(?!//)")


def _check_syntax(text: str) -> None:
    """Whoosh quietly guesses at broken queries; say plainly what is wrong instead."""
    outside_quotes = re.sub(r'"[^"]*"', '""', text)
    if text.count('"') % 2:
        raise QueryError('unclosed quote: add the closing " to the phrase')
    depth = 0
    for ch in outside_quotes:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            raise QueryError("a ')' has no matching '('")
    if depth:
        raise QueryError("a '(' is never closed")
    if outside_quotes.count("[") != outside_quotes.count("]") or outside_quotes.count(
        "{"
    ) != outside_quotes.count("}"):
        raise QueryError("a range is not closed: write it as date:[2025-10-25 to 2025-10-27]")
    known = set(QUERY_FIELDS) | {a for names in FIELD_ALIASES.values() for a in names}
    for name in _FIELD_RE.findall(outside_quotes):
        if name.lower() not in known:
            raise QueryError(f"unknown field '{name}:'; fields are {', '.join(QUERY_FIELDS)}")


def _widen_phrases(q: query.Query, text: str) -> query.Query:
    """Let a phrase span the stop words it contains, which are not in the index."""
    if isinstance(q, query.Phrase) and q.char_ranges and all(s is not None for s, _ in q.char_ranges):
        gaps = [
            sum(1 for w, _, _ in word_spans(text[end:start]) if w in STOP_WORDS)
            for (_, end), (start, _) in zip(q.char_ranges, q.char_ranges[1:], strict=False)
        ]
        if gaps and max(gaps):
            q.slop = max(q.slop, 1 + max(gaps))
        return q
    if q.children():
        return q.apply(lambda sub: _widen_phrases(sub, text))
    return q


def _text_terms(q: query.Query, reader) -> frozenset[str]:
    """The title/body terms of a query that occur in the index, wildcards expanded.

    (Query.existing_terms would do, but its loop variable shadows its `fieldname` argument, so
    it drops every field after the first.)"""
    terms = set()
    for leaf in q.leaves():
        for fieldname, text in leaf.expanded_terms(reader, phrases=True):
            if fieldname in TEXT_FIELDS:
                word = text.decode("utf-8") if isinstance(text, bytes) else text
                if (fieldname, word.encode("utf-8")) in reader:
                    terms.add(word)
    return frozenset(terms)


class StoreWriter:
    """Deletions and additions that become visible together at `commit`."""

    def __init__(self, writer):
        self._writer = writer

    def delete(self, article_ids: Iterable[str]) -> None:
        for article_id in article_ids:
            self._writer.delete_by_term("id", article_id)

    def add(self, doc: IndexDoc) -> None:
        self._writer.add_document(
            id=doc.id,
            title=doc.title,
            body=doc.body,
            outlet=doc.outlet,
            author=doc.author,
            date=doc.date,
            outlet_name=doc.outlet_name,
        )

    def commit(self) -> None:
        self._writer.commit()

    def cancel(self) -> None:
        self._writer.cancel()


class Store:
    """An open Whoosh index in one folder."""

    def __init__(self, ix: index.Index):
        self._ix = ix
        schema = ix.schema
        parser = qparser.MultifieldParser(list(TEXT_FIELDS), schema, fieldboosts=FIELD_BOOSTS)
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
        self._parser = parser

    @classmethod
    def create(cls, folder: Path) -> Store:
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        return cls(index.create_in(str(folder), _schema()))

    @classmethod
    def open(cls, folder: Path) -> Store:
        """Open an existing index; IndexDamaged when it is missing, unreadable or of another schema."""
        try:
            if not index.exists_in(str(folder)):
                raise IndexDamaged("no index")
            ix = index.open_dir(str(folder))
            if set(ix.schema.names()) != set(_schema().names()):
                raise IndexDamaged("older index layout")
            with ix.searcher() as searcher:
                searcher.doc_count()
        except IndexDamaged:
            raise
        except Exception as exc:  # whoosh raises many kinds of errors on a damaged folder
            raise IndexDamaged(f"{type(exc).__name__}: {exc}") from exc
        return cls(ix)

    def doc_count(self) -> int:
        try:
            return self._ix.doc_count()
        except Exception as exc:
            raise IndexDamaged(str(exc)) from exc

    def writer(self) -> StoreWriter:
        return StoreWriter(self._ix.writer(limitmb=WRITER_MEMORY_MB, timeout=10.0))

    def parse(self, text: str) -> query.Query:
        """The Whoosh query for the user's text, or QueryError with a plain one-line message."""
        _check_syntax(text)
        try:
            q = self._parser.parse(text)
        except Exception as exc:  # the parser's own complaints, worded for people
            raise QueryError(f"cannot read the query: {exc}") from exc
        if q is query.NullQuery:
            raise QueryError("the query has no words to search for")
        return _widen_phrases(q, text)

    def search(self, text: str, limit: int | None) -> RawResult:
        """Top hits for the query text; an empty text matches every article."""
        q = self.parse(text) if text.strip() else query.Every()
        try:
            with self._ix.searcher(weighting=scoring.BM25F()) as searcher:
                # Counting per outlet needs every match but no scores; ranking needs scores of the
                # best only, which lets Whoosh skip blocks. Two passes beat one grouped pass.
                matched = list(searcher.docs_for_query(q))
                outlets = searcher.reader().column_reader("outlet_name")
                per_outlet = Counter(outlets[docnum] for docnum in matched)
                top = searcher.search(q, limit=limit) if matched else []
                ids = tuple((hit["id"], float(hit.score or 0.0)) for hit in top)
                terms = _text_terms(q, searcher.reader())
                return RawResult(ids, len(matched), dict(per_outlet), terms)
        except QueryError:
            raise
        except Exception as exc:
            raise IndexDamaged(f"{type(exc).__name__}: {exc}") from exc

    def has_term(self, word: str) -> bool:
        """Whether a query word (title/body) occurs anywhere in the index."""
        term = stem(word.lower())
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            return any((field, term) in reader for field in TEXT_FIELDS)

    def closest_term(self, word: str) -> str | None:
        """The indexed title/body term nearest to a word that is not in the index (for 'did you mean')."""
        from rapidfuzz import process
        from rapidfuzz.distance import JaroWinkler, Levenshtein

        word = word.lower()
        wanted = stem(word)
        with self._ix.searcher() as searcher:
            reader = searcher.reader()
            lexicon = sorted({t.decode("utf-8") for f in TEXT_FIELDS for t in reader.lexicon(f)})
            near = process.extract(wanted, lexicon, scorer=Levenshtein.distance, score_cutoff=2, limit=20)
            near = [(term, distance) for term, distance, _ in near if distance <= max(1, len(wanted) // 3)]
            if not near:  # stems of a misspelt word can drift apart ("negotatons" -> "negotaton")
                near = [
                    (term, 1.0 - score)
                    for term, score, _ in process.extract(
                        word, lexicon, scorer=JaroWinkler.similarity, score_cutoff=0.85, limit=20
                    )
                ]
            if not near:
                return None
            best = min(distance for _, distance in near)
            candidates = [term for term, distance in near if distance == best]
            return max(candidates, key=lambda t: sum(reader.doc_frequency(f, t) for f in TEXT_FIELDS))

    def example_article(self, term: str) -> str | None:
        """The id of one article containing the term, to show the word as written."""
        with self._ix.searcher() as searcher:
            for fieldname in ("body", "title"):
                docnums = list(searcher.document_numbers(**{fieldname: term}))
                if docnums:
                    return searcher.stored_fields(docnums[0])["id"]
        return None
