"""The Whoosh full-text index. The only module that imports whoosh, so the engine can be swapped.

Whoosh stores only article ids; titles, metadata and bodies live in the catalog. Text fields are
analysed by `index.terms`, and documents can arrive pre-analysed (see `analyse`) so that a
worker process does the tokenising while this process writes postings.
"""

from __future__ import annotations

import io
import math
import os
import pickle
import shutil
import struct
import threading
import zlib
from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from itertools import repeat
from pathlib import Path
from typing import TypeVar

import numpy as np
from whoosh import fields, formats, index, query
from whoosh.analysis import Token, Tokenizer
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3LeafMatcher, W3PostingsWriter, _lenfield
from whoosh.filedb import compound, structfile
from whoosh.matching.wrappers import FilterMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length, length_to_byte

from talks_tui.index.model import QueryError
from talks_tui.index.search.backend import Counts, Ranked, RawResult
from talks_tui.index.search.documents import (  # noqa: F401 (IndexDoc, analyse: the writer's and refresh's)
    IndexDoc,
    PostingList,
    _decode_positions,
    _encode_positions,
    _positions,
    analyse,
)
from talks_tui.index.search.querytext import FIELD_ALIASES, check_syntax
from talks_tui.index.terms import STOP_WORDS, stem, term_spans, word_spans

# Bump when the schema (of the Whoosh index or the catalog) or the analysis changes: older indexes
# are then rebuilt.
SCHEMA_VERSION = 11

TEXT_FIELDS = ("title", "body")
# Fields a search answers from outside Whoosh, through a VirtualLookup.
VIRTUAL_FIELDS = ("speaker", "role", "quote")
# lookup(field, kind, words) -> ids of the matching articles; kind is "words" (a word, or a
# phrase), "prefix" or "pattern" (a wildcard); words come analysed as the field's analyzer does.
VirtualLookup = Callable[[str, str, tuple[str, ...]], set[str]]
# Fields analysed like the body, whose matched words are highlighted in it.
HIGHLIGHT_FIELDS = ("title", "body", "quote")
FIELD_BOOSTS = {"title": 2.0, "body": 1.0}
T = TypeVar("T")
BM25_K1, BM25_B = 1.2, 0.75


def _writer_memory_mb() -> int:
    """Posting-pool memory for a writer: enough that a 10,000-article build never spills to temporary
    runs (which costs half the build time), capped at an eighth of the machine's memory."""
    try:
        total_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    except (ValueError, OSError, AttributeError):
        total_mb = 4096
    return max(128, min(2048, total_mb // 8))


WRITER_MEMORY_MB = _writer_memory_mb()


# A block's word positions packed as one string: MAGIC, the count n, n lengths, then the positions
# of each document in turn, all little-endian uint32. Whoosh pickles a tuple of one string per
# document, and unpickling those was most of the time a search spent reading a common word's
# postings (100,000 strings for one word at 100,000 articles).
_PACKED = b"TTP1"


def _pack_values(values: Sequence[bytes]) -> bytes:
    lengths = np.array([len(values), *map(len, values)], dtype="<u4")
    return _PACKED + lengths.tobytes() + b"".join(values)


def _unpack_lengths(packed: bytes) -> tuple[np.ndarray, int]:
    """Each document's value length in bytes, and where the values start."""
    n = int(np.frombuffer(packed, dtype="<u4", count=1, offset=4)[0])
    lengths = np.frombuffer(packed, dtype="<u4", count=n, offset=8).astype(np.int64)
    return lengths, 8 + 4 * n


class _PostingsWriter(W3PostingsWriter):
    def _mini_values(self):
        if self._format.fixed_value_size() is None and self._values:
            return _pack_values(self._values)
        return super()._mini_values()


_whoosh_read_values = W3LeafMatcher._read_values


def _read_values(self) -> None:
    """Whoosh's own matching (phrases in a fallback, `example_article`) reads packed blocks too."""
    if self._data is None:
        self._read_data()
    packed = self._data[2]
    if isinstance(packed, bytes) and packed.startswith(_PACKED):
        lengths, start = _unpack_lengths(packed)
        ends = start + np.cumsum(lengths)
        self._values = tuple(packed[a:b] for a, b in zip((ends - lengths).tolist(), ends.tolist(), strict=True))
    else:
        _whoosh_read_values(self)


W3LeafMatcher._read_values = _read_values


class _Codec(W3Codec):
    """Whoosh's codec, tuned for how this module searches: posting blocks uncompressed (reading
    whole lists, inflating cost more than the larger files), positions packed (see _PACKED), and
    no per-block length statistics (only Whoosh's own block-skipping scorer reads them; looking up
    every posting's field length for them was a third of the time spent writing the index)."""

    length_stats = False

    def postings_writer(self, dbfile, byteids=False):
        return _PostingsWriter(
            dbfile,
            blocklimit=self._blocklimit,
            byteids=byteids,
            compression=self._compression,
            inlinelimit=self._inlinelimit,
        )


_CODEC = _Codec(blocklimit=128, compression=0)


# -- Segment files read in place --------------------------------------------------------------------
# Whoosh maps a segment's compound file into memory, then wraps each part in a BufferFile whose
# BytesIO copies it whole: opening a searcher read and copied every posting (1.2 GB, 1.5 s and
# 2.4 GB of memory at 100,000 articles). Here the parts stay views of the map, and a read copies
# only the bytes it returns, so a search touches (and holds) only the postings it reads.


class _ViewFile:
    """A read-only file over a memoryview."""

    def __init__(self, buf):
        self._buf = buf
        self._pos = 0

    def read(self, n: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._buf) if n is None or n < 0 else min(len(self._buf), start + n)
        self._pos = end
        return bytes(self._buf[start:end])

    def readline(self, limit: int | None = -1) -> bytes:
        line = b""
        while not line.endswith(b"\n") and self._pos < len(self._buf):
            chunk = bytes(self._buf[self._pos : self._pos + 256])
            cut = chunk.find(b"\n")
            chunk = chunk if cut < 0 else chunk[: cut + 1]
            line += chunk
            self._pos += len(chunk)
        return line

    def seek(self, pos: int, whence: int = 0) -> int:
        self._pos = pos if whence == 0 else self._pos + pos if whence == 1 else len(self._buf) + pos
        return self._pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self._buf = b""


class _ViewBufferFile(structfile.BufferFile):
    """Whoosh's BufferFile without the copy (see above)."""

    def __init__(self, buf, name=None, onclose=None):
        super().__init__(b"", name=name, onclose=onclose)
        self._buf = buf
        self.file = _ViewFile(buf)


# Whoosh-reloaded is pinned (pyproject.toml); both modules name the class at call time.
compound.BufferFile = _ViewBufferFile
structfile.BufferFile = _ViewBufferFile


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

    def __call__(self, value, positions=False, chars=False, start_pos=0, start_char=0, tokenize=True, mode="", **kw):
        token = Token(positions, chars, mode=mode, **kw)
        if not tokenize:  # wildcards and ranges: the word as typed, lower-cased (speaker:bess?nt)
            token.original = token.text = value.lower()
            token.pos, token.startchar, token.endchar = start_pos, start_char, start_char + len(value)
            yield token
            return
        for pos, (word, start, end) in enumerate(word_spans(value)):
            token.text, token.boost, token.stopped = word, 1.0, False
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar, token.endchar = start_char + start, start_char + end
            yield token


class RawPositions(formats.Positions):
    """Word positions as little-endian uint32 arrays instead of Whoosh's pickled deltas, so that
    search can read a whole posting list with numpy (see `_Segment.phrase_mask`)."""

    def word_values(self, value, analyzer, **kwargs):
        kwargs["positions"] = True
        found: dict[str, list[int]] = defaultdict(list)
        for token in formats.tokens(value, analyzer, kwargs):
            found[token.text].append(token.pos)
        for word, positions in found.items():
            yield word, len(positions), len(positions) * self.field_boost, _encode_positions(positions)

    def encode(self, positions):
        return _encode_positions(positions)

    def decode_positions(self, valuestring):
        return _decode_positions(valuestring)

    def decode_frequency(self, valuestring):
        return len(valuestring) // 4

    def decode_weight(self, valuestring):
        return len(valuestring) // 4 * self.field_boost

    def decode_position_boosts(self, valuestring):
        return [(pos, 1.0) for pos in _decode_positions(valuestring)]


class PositionsText(fields.TEXT):
    """A phrase-searchable TEXT field with RawPositions, which also accepts postings computed
    elsewhere (by `analyse`, in a worker process)."""

    def __init__(self, analyzer):
        super().__init__(analyzer=analyzer, phrase=True)
        self.format = RawPositions(field_boost=self.format.field_boost)

    def index(self, value, **kwargs):
        if isinstance(value, PostingList):
            return value.items
        return super().index(value, **kwargs)


def _schema() -> fields.Schema:
    return fields.Schema(
        id=fields.ID(stored=True, unique=True, sortable=True),
        title=PositionsText(StemTokenizer()),
        body=PositionsText(StemTokenizer()),
        outlet=PositionsText(LowercaseTokenizer()),
        author=PositionsText(LowercaseTokenizer()),
        date=fields.ID(sortable=True),  # a column too: counts by date
        # Never written: declared so that the parser reads `speaker:bessent`; a search answers them
        # from the quotations (see VirtualLookup).
        speaker=PositionsText(LowercaseTokenizer()),
        role=PositionsText(LowercaseTokenizer()),
        quote=PositionsText(StemTokenizer()),
        # The outlet's display name, for hit counts per outlet.
        outlet_name=fields.ID(sortable=True),
    )


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
            if fieldname in HIGHLIGHT_FIELDS:
                word = text.decode("utf-8") if isinstance(text, bytes) else text
                if fieldname in VIRTUAL_FIELDS or (fieldname, word.encode("utf-8")) in reader:
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
        self._schema = ix.schema  # read now: the folder may be gone by the first search
        self._cache = _SegmentCache()
        # Opening a searcher copies each segment file into memory (25 ms at 10,000 articles), so
        # one is kept and refreshed only when the index has changed; the lock keeps it to one
        # search at a time when the app searches from worker threads.
        self._searcher = None
        self._lock = threading.Lock()

    @contextmanager
    def _current_searcher(self):
        with self._lock:
            # Not Searcher.refresh(): it reuses readers of segments whose deletions have changed.
            if self._searcher is not None and self._searcher.up_to_date():
                yield self._searcher
                return
            if self._searcher is not None:
                self._searcher.close()
            self._searcher = self._ix.searcher()
            yield self._searcher

    def close(self) -> None:
        with self._lock:
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None

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
            store = cls(ix)
            with store._current_searcher() as searcher:  # reads every segment: finds damage now
                searcher.doc_count()
        except IndexDamaged:
            raise
        except Exception as exc:  # whoosh raises many kinds of errors on a damaged folder
            raise IndexDamaged(f"{type(exc).__name__}: {exc}") from exc
        return store

    def doc_count(self) -> int:
        try:
            return self._ix.doc_count()
        except Exception as exc:
            raise IndexDamaged(str(exc)) from exc

    def writer(self) -> StoreWriter:
        return StoreWriter(self._ix.writer(limitmb=WRITER_MEMORY_MB, timeout=10.0, codec=_CODEC))

    @cached_property
    def _parser(self):
        """The query parser, made on the first search (Whoosh's parser is 20 ms to import; listing
        and comparing need none)."""
        from whoosh import qparser
        from whoosh.qparser.plugins import GtLtPlugin

        parser = qparser.MultifieldParser(list(TEXT_FIELDS), self._schema, fieldboosts=FIELD_BOOSTS)
        parser.add_plugin(GtLtPlugin())
        parser.add_plugin(qparser.FieldAliasPlugin(FIELD_ALIASES))
        return parser

    def parse(self, text: str) -> query.Query:
        """The Whoosh query for the user's text, or QueryError with a plain one-line message."""
        check_syntax(text)
        try:
            q = self._parser.parse(text)
        except Exception as exc:  # the parser's own complaints, worded for people
            raise QueryError(f"cannot read the query: {exc}") from exc
        if q is query.NullQuery:
            raise QueryError("the query has no words to search for")
        return _widen_phrases(q, text)

    def search(self, text: str, limit: int | None, virtual: VirtualLookup | None = None) -> RawResult:
        """Top hits for the query text, with the exact number of matches per outlet; an empty
        text matches every article. `virtual` answers the speaker:, role: and quote: fields."""
        return self._answer(text, virtual, lambda search, q: search.run(q, limit))

    def counts(self, text: str, virtual: VirtualLookup | None = None) -> Counts:
        """How many articles the query matches, per outlet and per date."""
        return self._answer(text, virtual, _Search.counts)

    def mentions(self, text: str) -> dict[str, int]:
        """Article id -> how many times its title and body mention the query's words and
        phrases (see _Search.mentions); only articles that mention them."""
        return self._answer(text, None, _Search.mentions)

    def _answer(self, text: str, virtual: VirtualLookup | None, ask: Callable[[_Search, query.Query], T]) -> T:
        """`ask` a search over the current segments about the query text (an empty one matches
        every article): QueryError for text that cannot be read, IndexDamaged for an index
        that cannot be."""
        q = self.parse(text) if text.strip() else query.Every()
        try:
            with self._current_searcher() as searcher:
                return ask(_Search(searcher, self._cache, virtual), q)
        except QueryError:
            raise
        except Exception as exc:
            raise IndexDamaged(f"{type(exc).__name__}: {exc}") from exc

    def document_frequencies(self, terms: Iterable[str]) -> dict[str, int]:
        """How many articles have each term in their body: what the whole story talks about."""
        with self._current_searcher() as searcher:
            reader = searcher.reader()
            return {term: reader.doc_frequency("body", term) for term in terms}

    def has_term(self, word: str) -> bool:
        """Whether a query word (title/body) occurs anywhere in the index."""
        term = stem(word.lower())
        with self._current_searcher() as searcher:
            reader = searcher.reader()
            return any((field, term) in reader for field in TEXT_FIELDS)

    def closest_term(self, word: str) -> str | None:
        """The indexed title/body term nearest to a word that is not in the index (for 'did you mean')."""
        from rapidfuzz import process
        from rapidfuzz.distance import JaroWinkler, Levenshtein

        word = word.lower()
        wanted = stem(word)
        with self._current_searcher() as searcher:
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
        with self._current_searcher() as searcher:
            for fieldname in ("body", "title"):
                docnums = list(searcher.document_numbers(**{fieldname: term}))
                if docnums:
                    return searcher.stored_fields(docnums[0])["id"]
        return None


# -- The matching engine ---------------------------------------------------------------------------
# Whoosh walks posting lists one document at a time in Python, which at 10,000 articles costs
# 50-200 ms a query once every match must be counted (per-outlet counts, totals). Here a query is
# evaluated a whole posting list at a time: documents as numpy boolean masks (AND = &, OR = |),
# phrases as sorted (document, position) keys, and BM25F scores as array arithmetic. Whoosh still
# parses, stores and merges; this reads its segments' blocks directly.

_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)
_EMPTY = np.zeros(0, dtype=np.int64)


# Posting lists read lately, kept across searches up to this size: typing a query asks for the same
# words keystroke after keystroke (a common word's list is 1.6 MB at 100,000 articles).
POSTINGS_CACHE_BYTES = 64 * 2**20


class _SegmentCache:
    """Per-segment arrays that never change while a segment lives: field lengths, outlet codes,
    and the posting lists read lately (the least recently used go first past a budget)."""

    def __init__(self, postings_budget: int = POSTINGS_CACHE_BYTES):
        self._arrays: dict[tuple[str, str], object] = {}
        self._postings: OrderedDict[tuple[str, str, bytes], _Postings] = OrderedDict()
        self._postings_bytes = 0
        self._budget = postings_budget

    def get(self, segment_id: str, name: str, make):
        key = (segment_id, name)
        if key not in self._arrays:
            self._arrays[key] = make()
        return self._arrays[key]

    def postings(self, segment_id: str, field: str, btext: bytes, positions: bool, read) -> _Postings:
        """A posting list, read (with `read(positions)`) unless kept; with positions if asked."""
        key = (segment_id, field, btext)
        found = self._postings.get(key)
        if found is not None and (found.counts is not None or not positions):
            self._postings.move_to_end(key)
            return found
        if found is not None:
            self._postings_bytes -= found.nbytes
        found = self._postings[key] = read(positions)
        self._postings_bytes += found.nbytes
        while self._postings_bytes > self._budget and len(self._postings) > 1:
            _, gone = self._postings.popitem(last=False)
            self._postings_bytes -= gone.nbytes
        return found

    def keep_only(self, segment_ids: set[str]) -> None:
        for key in [k for k in self._arrays if k[0] not in segment_ids]:
            del self._arrays[key]
        for key in [k for k in self._postings if k[0] not in segment_ids]:
            self._postings_bytes -= self._postings.pop(key).nbytes


@dataclass
class _Postings:
    ids: np.ndarray  # document numbers within the segment, ascending
    weights: np.ndarray  # term frequency in each document
    counts: np.ndarray | None  # how many positions each document has (None: not read)
    positions: np.ndarray | None  # every document's word positions in turn (uint32)

    @property
    def nbytes(self) -> int:
        arrays = (self.ids, self.weights, self.counts, self.positions)
        return sum(a.nbytes for a in arrays if a is not None)

    @classmethod
    def of_values(cls, ids: np.ndarray, weights: np.ndarray, values: Sequence[bytes]) -> _Postings:
        counts = np.fromiter(map(len, values), dtype=np.int64, count=len(values)) // 4
        return cls(ids, weights, counts, np.frombuffer(b"".join(values), dtype="<u4"))


_BLOCK_SIZE = struct.Struct("!i")  # a posting block's length, negative for the last block


def _posting_blocks(buf: memoryview, start: int) -> Iterator[tuple]:
    """Each block of a posting list as W3PostingsWriter wrote it, (ids delta-coded, weights,
    values), read straight from the segment's bytes: Whoosh's matcher moving from block to block
    cost some 30 us a block, and a common word at 100,000 articles has 800."""
    pos = start + 4  # after the list's magic
    loads, load = pickle.loads, pickle.load
    while True:
        (size,) = _BLOCK_SIZE.unpack_from(buf, pos)
        block = io.BytesIO(buf[pos + 4 : pos + 4 + abs(size)])
        info = load(block)  # (length, max id, max weight, compression, min length, max length)
        data = block.read()
        yield loads(zlib.decompress(data) if info[3] else data)
        if size < 0:
            return
        pos += 4 + size


def _matcher_blocks(matcher: W3LeafMatcher) -> Iterator[tuple]:
    """The same through Whoosh's matcher, for a segment not read in place."""
    while True:
        if matcher._data is None:
            matcher._read_data()
        yield matcher._data
        if matcher._lastblock:
            return
        matcher._goto(matcher._nextoffset)


class _Segment:
    """One segment of the index, read a posting list at a time."""

    def __init__(self, searcher, offset: int, cache: _SegmentCache):
        self.searcher = searcher
        self.reader = searcher.reader()
        self.offset = offset
        self.size = self.reader.doc_count_all()
        segment = self.reader.segment()
        self.segment_id = segment.segment_id() if segment is not None else f"seg{offset}"
        self._cache = cache
        self.live = np.ones(self.size, dtype=bool)
        if self.reader.has_deletions():
            self.live[list(self.reader.deleted_docs_set)] = False

    def empty(self) -> np.ndarray:
        return np.zeros(self.size, dtype=bool)

    def postings(self, field: str, btext: bytes, positions: bool = False) -> _Postings:
        """A term's posting list; with the word positions if asked (phrases), which are kept only
        then: for a common word they are most of what a search would hold."""
        return self._cache.postings(
            self.segment_id,
            field,
            btext,
            positions,
            lambda with_positions: self._read_postings(field, btext, with_positions),
        )

    def _read_postings(self, field: str, btext: bytes, with_positions: bool) -> _Postings:
        """A whole posting list, a block at a time."""
        try:
            matcher = self.reader.postings(field, btext)
        except TermNotFound:
            return _Postings(_EMPTY, np.zeros(0), _EMPTY if with_positions else None, np.zeros(0, dtype="<u4"))
        if isinstance(matcher, FilterMatcher):  # deletions: applied through `live` instead
            matcher = matcher.child
        ids, weights, counts, positions = [], [], [], []
        if not isinstance(matcher, W3LeafMatcher):
            # Short posting lists are kept inline in the term info: read them the ordinary way.
            values = []
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                values.append(matcher.value() or b"")
                matcher.next()
            return _Postings.of_values(np.asarray(ids, dtype=np.int64), np.asarray(weights, dtype=np.float64), values)
        buf = getattr(matcher._postfile, "_buf", None)  # a segment read in place (see _ViewBufferFile)
        in_place = isinstance(buf, memoryview)
        blocks = _posting_blocks(buf, matcher._startoffset) if in_place else _matcher_blocks(matcher)
        deltas: list[int] = []  # each block's ids are delta-coded from 0
        sizes: list[int] = []
        for block_ids, block_weights, block_values in blocks:  # see W3PostingsWriter
            n = len(block_ids)
            deltas += block_ids
            sizes.append(n)
            if block_weights is None:
                weights += [1.0] * n
            elif isinstance(block_weights, float):
                weights += [block_weights] * n
            else:
                weights += block_weights
            if not with_positions:
                pass
            elif isinstance(block_values, bytes) and block_values.startswith(_PACKED):
                counts.append(block_values[8 : 8 + 4 * n])  # each document's byte length, then the positions
                positions.append(block_values[8 + 4 * n :])
            elif block_values is not None:  # a block of another layout
                counts.append(np.fromiter(map(len, block_values), dtype="<u4", count=n).tobytes())
                positions.append(b"".join(block_values))
            else:
                counts.append(bytes(4 * n))
        summed = np.cumsum(np.asarray(deltas, dtype=np.int64))
        ends = np.cumsum(sizes)
        before = np.concatenate(([0], summed[ends[:-1] - 1]))  # the sum up to each block's start
        doc_ids = summed - np.repeat(before, sizes)
        doc_weights = np.asarray(weights, dtype=np.float64)
        if not with_positions:
            return _Postings(doc_ids, doc_weights, None, None)
        return _Postings(
            doc_ids,
            doc_weights,
            np.frombuffer(b"".join(counts), dtype="<u4").astype(np.int64) // 4,
            np.frombuffer(b"".join(positions), dtype="<u4"),
        )

    def term_mask(self, field: str, btext: bytes) -> np.ndarray:
        mask = self.empty()
        mask[self.postings(field, btext).ids] = True
        return mask

    def term_keys(self, field: str, btext: bytes) -> np.ndarray:
        """Every place the term occurs, as document << 32 | position, ascending."""
        postings = self.postings(field, btext, positions=True)
        if not len(postings.ids):
            return _EMPTY
        return (np.repeat(postings.ids, postings.counts) << 32) | postings.positions.astype(np.int64)

    def phrase_keys(self, field: str, words: Sequence[bytes], slop: int) -> np.ndarray:
        """Every place the phrase occurs (each word following the previous one within `slop`
        positions), as document << 32 | its last word's position, ascending."""
        keys = None
        for word in words:
            word_keys = self.term_keys(field, word)
            if keys is not None and len(word_keys):
                before = np.searchsorted(keys, word_keys, side="left") - 1
                found = before >= 0
                gap = word_keys - keys[np.maximum(before, 0)]
                word_keys = word_keys[found & (gap >= 1) & (gap <= slop)]
            keys = word_keys
            if not len(keys):
                return _EMPTY
        return _EMPTY if keys is None else keys

    def phrase_mask(self, field: str, words: Sequence[bytes], slop: int) -> np.ndarray:
        """Documents where each word follows the previous one within `slop` positions."""
        mask = self.empty()
        mask[self.phrase_keys(field, words, slop) >> 32] = True  # a document found twice is set twice
        return mask

    def field_lengths(self, field: str) -> np.ndarray:
        def load() -> np.ndarray:
            perdoc = self.reader._perdoc
            name = _lenfield(field)
            if not perdoc.has_column(name):
                return np.zeros(self.size)
            reader = perdoc.column_reader(name, LENGTHS_COLUMN)
            if getattr(reader, "_fixedlen", None) == 1:  # one byte a document: read them in one slice
                raw = np.frombuffer(reader._dbfile.get(reader._basepos, reader._count), dtype=np.uint8)
                codes = np.full(self.size, length_to_byte(0), dtype=np.uint8)
                codes[: len(raw)] = raw[: self.size]
            else:
                codes = np.frombuffer(bytes(reader.load()), dtype=np.uint8)
            return _LENGTHS[codes]

        return self._cache.get(self.segment_id, f"len:{field}", load)

    def article_ids(self) -> list[str]:
        """The article id of each document of the segment."""
        return self._cache.get(self.segment_id, "ids", lambda: _column_strings(self.reader, "id"))

    def article_id_array(self) -> np.ndarray:
        """The same, as an array (of str objects) to pick many from at once."""
        return self._cache.get(self.segment_id, "id-array", lambda: np.array(self.article_ids(), dtype=object))

    def id_mask(self, article_ids: set[str]) -> np.ndarray:
        """The documents of the given article ids."""

        def load() -> dict[str, int]:
            return {article_id: docnum for docnum, article_id in enumerate(self.article_ids())}

        docnums = self._cache.get(self.segment_id, "docnums", load)
        found = np.fromiter(map(docnums.get, article_ids, repeat(-1)), dtype=np.int64, count=len(article_ids))
        mask = self.empty()
        mask[found[found >= 0]] = True  # -1: an article of another segment
        return mask

    def codes(self, column: str) -> tuple[np.ndarray, list[str]]:
        """Each document's value of a column (outlet_name, date) as a code into the sorted values."""

        def load() -> tuple[np.ndarray, list[str]]:
            values = _column_strings(self.reader, column)
            if not values:
                return _EMPTY, []
            unique, codes = np.unique(np.asarray(values, dtype=object), return_inverse=True)
            return codes.astype(np.int64), [str(u) for u in unique]

        return self._cache.get(self.segment_id, f"codes:{column}", load)


def _column_strings(reader, field: str) -> list[str]:
    """Each document's value of an ID column (id, outlet_name, date). Whoosh's reader yields them
    one call at a time (0.3 s a column at 100,000 articles, on the first search); its values lie
    end to end in the segment, so they are read as one slice and cut by their lengths."""
    column = reader.column_reader(field)
    raw = column.raw_column() if hasattr(column, "raw_column") else column
    lengths = getattr(raw, "_lengths", None)
    if lengths is None or not hasattr(raw, "_dbfile"):  # not a VarBytesColumn: the ordinary way
        return list(column)
    ends = np.cumsum(np.asarray(lengths, dtype=np.int64)).tolist()
    blob = raw._dbfile.get(raw._basepos, ends[-1] if ends else 0)
    starts = [0, *ends[:-1]]
    if blob.isascii():  # byte offsets are character offsets
        text = blob.decode("ascii")
        return [text[a:b] for a, b in zip(starts, ends, strict=True)]
    return [blob[a:b].decode("utf-8") for a, b in zip(starts, ends, strict=True)]


def _btext(searcher, field: str, text) -> bytes:
    return text if isinstance(text, bytes) else searcher.schema[field].to_bytes(text)


class _Search:
    """One query over every segment: the matching documents, their BM25F scores, counts."""

    def __init__(self, searcher, cache: _SegmentCache, virtual: VirtualLookup | None):
        self._searcher = searcher
        self._virtual = virtual
        self._reader = searcher.reader()
        self._count = max(1, self._reader.doc_count())
        self._segments = [_Segment(sub, offset, cache) for sub, offset in searcher.leaf_searchers()]
        cache.keep_only({seg.segment_id for seg in self._segments})
        self._virtual_found: dict[tuple, set[str]] = {}  # asked once for every segment

    def run(self, q: query.Query, limit: int | None) -> RawResult:
        # Kept as arrays to the end: a common word matches most of 100,000 articles, and a Python
        # tuple per match (then sorted) cost 0.3 s of every such search.
        parts: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []  # scores, docnums, occurrences, ids
        per_outlet: dict[str, int] = defaultdict(int)
        total = 0
        leaves = list(_scoring_leaves(q, self._reader))
        for seg in self._segments:
            mask = self._mask(q, seg) & seg.live
            docs = np.flatnonzero(mask)
            total += len(docs)
            if not len(docs):
                continue
            _count_values(seg, "outlet_name", docs, per_outlet)
            scores, occurrences = self._scores(leaves, seg)
            scores, occurrences = scores[docs], occurrences[docs]
            if limit is not None and len(docs) > limit:
                best = np.argpartition(-scores, limit - 1)[:limit]
                docs, scores, occurrences = docs[best], scores[best], occurrences[best]
            parts.append((scores, docs + seg.offset, occurrences, seg.article_id_array()[docs]))
        ids, matches = Ranked(), ()
        if parts:
            scores, docnums, occurrences, article_ids = (np.concatenate(column) for column in zip(*parts, strict=True))
            order = np.lexsort((docnums, -scores))  # best first; the index's order among equals
            if limit is not None:
                order = order[:limit]
            ids = Ranked(article_ids[order].tolist(), scores[order].tolist())
            matches = tuple(occurrences[order].tolist())
        return RawResult(
            ids=ids,
            total=total,
            per_outlet=dict(per_outlet),
            terms=_text_terms(q, self._reader),
            matches=matches,
            quote_parts=_quote_parts(q),
        )

    def counts(self, q: query.Query) -> Counts:
        total, by_outlet, by_date = 0, defaultdict(int), defaultdict(int)
        for seg in self._segments:
            docs = np.flatnonzero(self._mask(q, seg) & seg.live)
            total += len(docs)
            if len(docs):
                _count_values(seg, "outlet_name", docs, by_outlet)
                _count_values(seg, "date", docs, by_date)
        return Counts(total, dict(by_outlet), dict(by_date))

    def mentions(self, q: query.Query) -> dict[str, int]:
        """Article id -> how many places in its title and body the query's words and phrases
        occur. A place found by several parts counts once: a phrase is placed at its last word,
        so "Bessent" inside "Scott Bessent" is the same place. Other parts (fields, NOT, ranges)
        are left out: this counts mentions of a topic, it does not filter."""
        leaves = [leaf for leaf in q.leaves() if isinstance(leaf, query.Term | query.Phrase)]
        found: dict[str, int] = {}
        for seg in self._segments:
            counts = np.zeros(seg.size, dtype=np.int64)
            for field in TEXT_FIELDS:
                places = [self._places(leaf, seg) for leaf in leaves if leaf.fieldname == field]
                places = [p for p in places if len(p)]
                if places:
                    unique = np.unique(np.concatenate(places)) if len(places) > 1 else places[0]
                    counts += np.bincount(unique >> 32, minlength=seg.size)
            counts[~seg.live] = 0
            docs = np.flatnonzero(counts)
            found.update(zip(seg.article_id_array()[docs].tolist(), counts[docs].tolist(), strict=True))
        return found

    def _places(self, leaf: query.Term | query.Phrase, seg: _Segment) -> np.ndarray:
        if isinstance(leaf, query.Phrase):
            words = [_btext(self._searcher, leaf.fieldname, w) for w in leaf.words]
            return seg.phrase_keys(leaf.fieldname, words, leaf.slop)
        return seg.term_keys(leaf.fieldname, _btext(self._searcher, leaf.fieldname, leaf.text))

    def _mask(self, q: query.Query, seg: _Segment) -> np.ndarray:
        if q is query.NullQuery:
            return seg.empty()
        if isinstance(q, query.Every):
            return seg.live.copy()
        if q.field() in VIRTUAL_FIELDS:
            return self._virtual_mask(q, seg)
        if isinstance(q, query.Term):
            return seg.term_mask(q.fieldname, _btext(self._searcher, q.fieldname, q.text))
        if isinstance(q, query.Phrase):
            words = [_btext(self._searcher, q.fieldname, w) for w in q.words]
            return seg.phrase_mask(q.fieldname, words, q.slop)
        if isinstance(q, query.MultiTerm):  # prefix, wildcard, range, fuzzy: the terms they expand to
            mask = seg.empty()
            for btext in q._btexts(self._reader):
                mask |= seg.term_mask(q.fieldname, btext)
            return mask
        if isinstance(q, query.And | query.Require):
            mask = seg.live.copy()
            for sub in q.children():
                mask &= self._mask(sub, seg)
                if not mask.any():
                    break
            return mask
        if isinstance(q, query.Or | query.DisjunctionMax):
            mask = seg.empty()
            for sub in q.children():
                mask |= self._mask(sub, seg)
            return mask
        if isinstance(q, query.AndNot):
            return self._mask(q.a, seg) & ~self._mask(q.b, seg)
        if isinstance(q, query.AndMaybe):  # b only adds to the score
            return self._mask(q.a, seg)
        if isinstance(q, query.Not):
            return ~self._mask(q.query, seg)
        if isinstance(q, query.WrappingQuery):
            return self._mask(q.child, seg)
        mask = seg.empty()  # anything else: Whoosh's own, slower, matching
        mask[list(q.docs(seg.searcher))] = True
        return mask

    def _virtual_mask(self, q: query.Query, seg: _Segment) -> np.ndarray:
        if self._virtual is None:
            return seg.empty()
        part = _quote_part(q)
        if part not in self._virtual_found:
            self._virtual_found[part] = self._virtual(*part)
        return seg.id_mask(self._virtual_found[part])

    def _scores(self, leaves: list[tuple[str, object, float]], seg: _Segment) -> tuple[np.ndarray, np.ndarray]:
        """BM25F per document: per field and term, idf * tf (k1 + 1) / (tf + k1 (1 - b + b len /
        avg len)), boosted; and how many times the terms occur in it."""
        scores = np.zeros(seg.size)
        occurrences = np.zeros(seg.size, dtype=np.int64)
        for field, text, boost in leaves:
            btext = _btext(self._searcher, field, text)
            postings = seg.postings(field, btext)
            if not len(postings.ids):
                continue
            df = self._reader.doc_frequency(field, btext)
            idf = math.log(self._count / (df + 1)) + 1.0
            avg = max(self._reader.field_length(field) / self._count, 1.0)
            lengths = seg.field_lengths(field)[postings.ids]
            tf = postings.weights
            norm = BM25_K1 * ((1 - BM25_B) + BM25_B * lengths / avg)
            scores[postings.ids] += boost * idf * tf * (BM25_K1 + 1) / (tf + norm)
            if field in TEXT_FIELDS:  # what a reader highlights: not the words of outlet:, author:
                occurrences[postings.ids] += tf.astype(np.int64)
        return scores, occurrences


def _quote_part(q: query.Query) -> tuple[str, str, tuple[str, ...]]:
    """A speaker:, role: or quote: leaf as the quotation index is asked it: (field, kind, words)."""
    field = q.field()
    if isinstance(q, query.Term):
        return field, "words", (q.text,)
    if isinstance(q, query.Phrase):
        return field, "words", tuple(q.words)
    if isinstance(q, query.Prefix):
        return field, "prefix", (q.text,)
    if isinstance(q, query.Wildcard):
        return field, "pattern", (q.text,)
    raise QueryError(f"{field}: takes words, phrases and wildcards")


def _quote_parts(q: query.Query) -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """The speaker:, role: and quote: parts of a query that a match asks for (not those under NOT)."""
    if isinstance(q, query.Not):
        return ()
    if isinstance(q, query.AndNot):
        return _quote_parts(q.a)
    children = list(q.children())
    if not children:
        return (_quote_part(q),) if q.field() in VIRTUAL_FIELDS else ()
    return tuple(part for child in children for part in _quote_parts(child))


def _count_values(seg: _Segment, column: str, docs: np.ndarray, counts: dict[str, int]) -> None:
    codes, values = seg.codes(column)
    for code, n in enumerate(np.bincount(codes[docs], minlength=len(values))):
        if n:
            counts[values[code]] += int(n)


def _scoring_leaves(q: query.Query, reader) -> Iterable[tuple[str, object, float]]:
    """(field, term, boost) for every term that adds to a score: not those under NOT."""
    if isinstance(q, query.Not):
        return
    if isinstance(q, query.AndNot):
        yield from _scoring_leaves(q.a, reader)
        return
    if isinstance(q, query.Term):
        yield q.fieldname, q.text, q.boost
    elif isinstance(q, query.Phrase):
        for word in q.words:
            yield q.fieldname, word, q.boost
    elif isinstance(q, query.MultiTerm):
        for btext in q._btexts(reader):
            yield q.fieldname, btext, q.boost
    for child in q.children():
        yield from _scoring_leaves(child, reader)
