"""What keeps memory bounded on a large corpus: segment files read in place (not copied), the
catalog's quotations and articles read a batch at a time, speakers resolved from articles read
on demand. Behaviour only: figures are for benchmarks/bench_index.py."""

from __future__ import annotations

import io
import random
import tracemalloc
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from talks_tui.index.corpus import open_corpus
from talks_tui.index.quotes.speakers import group_variants, resolve_corpus
from talks_tui.index.search.backend import Ranked
from talks_tui.index.search.catalog import ArticlesOnDemand
from talks_tui.index.search.store import (
    Store,
    _encode_positions,
    _pack_values,
    _Postings,
    _Segment,
    _SegmentCache,
    _unpack_lengths,
    _ViewBufferFile,
    _ViewFile,
)


@pytest.fixture(scope="module")
def generated(tmp_path_factory, seeds_dir):
    """300 articles made from the seeds' paragraphs, indexed: a segment of a few megabytes."""
    paragraphs = [p for f in sorted(seeds_dir.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n\n")]
    paragraphs = [p for p in paragraphs if len(p.split()) > 25]
    rnd = random.Random(3)
    folder = tmp_path_factory.mktemp("generated")
    for n in range(300):
        body = "\n\n".join(rnd.choice(paragraphs) for _ in range(12))
        (folder / f"a{n:03d}.txt").write_text(f"Trade talks story {n}\n\n{body}\n", encoding="utf-8")
    index_dir = tmp_path_factory.mktemp("generated-index")
    open_corpus([folder], index_dir=index_dir).close()
    return folder, index_dir


def test_opening_an_index_reads_its_files_in_place(generated):
    _, index_dir = generated
    segment_bytes = sum(p.stat().st_size for p in (index_dir / "whoosh").glob("*.seg"))
    assert segment_bytes > 1_000_000
    tracemalloc.start()
    try:
        store = Store.open(index_dir / "whoosh")
        result = store.search("tariffs", 20)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.total > 0
    # Whoosh alone copies every part of the segment on opening (1.2 times its size, measured):
    # here a search holds a fraction, mostly the posting lists it read.
    assert peak < segment_bytes / 2
    with store._current_searcher() as searcher:
        reader = searcher.reader().leaf_readers()[0][0]
        postings = reader._terms._postfile
        assert isinstance(postings, _ViewBufferFile)
    store.close()


def test_reading_in_place_finds_what_copying_finds(generated):
    """The matching engine on views agrees with Whoosh's own matching (which reads the same views)."""
    _, index_dir = generated
    store = Store.open(index_dir / "whoosh")
    for text in ["tariffs", '"rare earth"', "soybeans OR fentanyl", "title:story", "tariffs NOT truce"]:
        ours = {article_id for article_id, _ in store.search(text, None).ids}
        with store._current_searcher() as searcher:
            theirs = {searcher.stored_fields(d)["id"] for d in searcher.docs_for_query(store.parse(text))}
        assert ours == theirs
    store.close()


@given(st.binary(max_size=600), st.lists(st.tuples(st.integers(0, 3), st.integers(-5, 700)), max_size=12))
def test_view_file_reads_like_a_file(data, moves):
    ours, theirs = _ViewFile(memoryview(data)), io.BytesIO(data)
    for kind, n in moves:
        if kind == 0:
            assert ours.read(n) == theirs.read(n)
        elif kind == 1:
            assert ours.readline() == theirs.readline()
        elif kind == 2:
            position = abs(n) % (len(data) + 1)
            assert ours.seek(position) == theirs.seek(position)
        else:
            assert ours.read() == theirs.read()
        assert ours.tell() == theirs.tell()


def test_quotations_stream_a_batch_at_a_time(seed_corpus):
    seed_corpus.update_quotes()
    every = seed_corpus.catalog.quotes()
    streamed = list(seed_corpus.catalog.iter_quotes(batch=4))
    assert len(streamed) == len(every) > 8
    assert sorted(q.id for q, _ in streamed) == sorted(q.id for q, _ in every)
    assert {q.id: (q, g) for q, g in streamed} == {q.id: (q, g) for q, g in every}


def test_articles_on_demand(seed_corpus):
    catalog = seed_corpus.catalog
    ids = [a.id for a in seed_corpus.articles()]
    reads: list[int] = []
    real = catalog.articles_by_id

    def counting(chunk, with_paragraphs=False):
        reads.append(len(chunk))
        return real(chunk, with_paragraphs=with_paragraphs)

    catalog.articles_by_id = counting
    try:
        articles = ArticlesOnDemand(catalog, ids, batch=2, keep=2)
        assert [i for i, _ in articles.items()] == ids
        assert max(reads) == 2  # never more than a batch at once
        assert all(a.paragraphs for _, a in articles.items())
        reads.clear()
        assert articles[ids[0]].id == ids[0] and articles.get(ids[0]) is articles[ids[0]]
        assert reads == [1]  # the second and third lookups were kept
        assert articles.get("no-such-id") is None and "no-such-id" not in articles
        assert len(articles) == len(ids) and list(articles) == ids
    finally:
        del catalog.articles_by_id


def test_speakers_resolve_the_same_from_articles_on_demand(seed_corpus):
    seed_corpus.update_quotes()
    catalog = seed_corpus.catalog
    by_article: dict = {}
    for q, _ in catalog.quotes(resolved=False):
        by_article.setdefault(q.article_id, []).append(q)
    ids = sorted(by_article)
    whole = catalog.articles_by_id(ids, with_paragraphs=True)
    on_demand = ArticlesOnDemand(catalog, ids, batch=2, keep=1)
    resolved = resolve_corpus(by_article, whole)
    assert resolve_corpus(by_article, on_demand) == resolved
    quotes = [q for qs in resolved.values() for q in qs]
    assert group_variants(quotes, on_demand) == group_variants(quotes, whole)


def test_generated_corpus_is_large_enough(generated):
    folder, _ = generated
    assert len(list(Path(folder).glob("*.txt"))) == 300


@given(st.lists(st.lists(st.integers(0, 2**32 - 1), min_size=1, max_size=6), max_size=20))
def test_packed_positions_unpack_to_each_documents_positions(docs):
    values = [_encode_positions(p) for p in docs]
    packed = _pack_values(values)
    lengths, start = _unpack_lengths(packed)
    assert lengths.tolist() == [len(v) for v in values]
    assert packed[start:] == b"".join(values)


def test_posting_lists_kept_within_a_budget(generated):
    """Lists read lately are kept across searches, the least recently used going first."""
    _, index_dir = generated
    texts = ["tariffs", '"rare earth"', "soybeans OR fentanyl", "title:story"]
    store = Store.open(index_dir / "whoosh")
    expected = {text: store.search(text, None).ids for text in texts}
    cache = store._cache
    assert cache._postings_bytes == sum(p.nbytes for p in cache._postings.values()) > 0
    store.close()
    store = Store.open(index_dir / "whoosh")
    cache = store._cache
    cache._budget = 4096
    for text in texts * 2:  # the same answers from a cache that keeps a few lists
        assert store.search(text, None).ids == expected[text]
        assert cache._postings_bytes <= 4096 or len(cache._postings) == 1
        assert cache._postings_bytes == sum(p.nbytes for p in cache._postings.values())
    store.close()


def test_posting_lists_read_from_the_segment_bytes_are_whooshs(generated):
    """Lists of several blocks, read straight from the segment's bytes, hold what Whoosh's own
    matcher reads: every document, its weight, its word positions."""
    _, index_dir = generated
    store = Store.open(index_dir / "whoosh")
    with store._current_searcher() as searcher:
        (sub, offset), *_ = searcher.leaf_searchers()
        segment = _Segment(sub, offset, _SegmentCache())
        reader = sub.reader()
        several_blocks = 0
        for field, word in [("body", "tariff"), ("body", "rare"), ("body", "soybean"), ("title", "stori")]:
            btext = word.encode("utf-8")
            matcher = reader.postings(field, btext)
            ids, weights, values = [], [], []
            while matcher.is_active():
                ids.append(matcher.id())
                weights.append(matcher.weight())
                values.append(matcher.value())
                matcher.next()
            several_blocks += len(ids) > 128  # a block holds 128
            expected = _Postings.of_values(np.asarray(ids), np.asarray(weights), values)
            for with_positions in (False, True):
                ours = segment._read_postings(field, btext, with_positions)
                assert ours.ids.tolist() == ids and ours.weights.tolist() == weights
                if with_positions:
                    assert ours.counts.tolist() == expected.counts.tolist()
                    assert ours.positions.tolist() == expected.positions.tolist()
        assert several_blocks >= 3
    store.close()


def test_a_search_matching_every_article_keeps_its_ranking_as_two_columns(generated):
    _, index_dir = generated
    store = Store.open(index_dir / "whoosh")
    result = store.search("story", None)
    with store._current_searcher() as searcher:
        # Every article but six: those whose first paragraph is a seed's page header take its
        # headline as their title ("Trade talks story 6" above it reads as a topic's label).
        expected = len(list(searcher.docs_for_query(store.parse("story"))))
    assert result.total == len(result.ids) == expected >= 294
    pairs = list(result.ids)
    assert [score for _, score in pairs] == sorted((score for _, score in pairs), reverse=True)
    assert result.ids == pairs and result.ids[:3] == pairs[:3] and result.ids[0] == pairs[0]
    assert isinstance(result.ids, Ranked) and result.ids.article_ids == tuple(i for i, _ in pairs)
    assert Ranked.of(pairs) == result.ids and Ranked.of([]) == Ranked() == ()
    store.close()
