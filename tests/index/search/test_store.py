"""The matching engine agrees with Whoosh's own matching, across segments and deletions."""

from __future__ import annotations

import pytest

from talks_tui.index.corpus import open_corpus
from talks_tui.index.search.store import _decode_positions, _encode_positions, _positions
from talks_tui.index.terms import term_positions, term_spans

QUERIES = [
    "tariffs",
    "rare earths",
    '"rare earth"',
    '"expiration of a temporary tariff truce"',
    '"earth rare"',
    "soybeans OR fentanyl",
    "tariffs NOT truce",
    "NOT tariffs",
    "(soybeans OR fentanyl) AND taiwan",
    "title:trade",
    "outlet:scmp",
    'outlet:"global times"',
    "author:jennings",
    "date:[2025-10-25 to 2025-10-26]",
    "date:>2025-10-26",
    "shipbuil*",
    "zzzz",
    "",
]


@pytest.fixture
def changed_corpus(tmp_path, seeds_dir):
    """The seeds indexed in several commits, with a file changed and one removed: several
    segments, some with deleted documents."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    index_dir = tmp_path / "index"
    for seed in seeds[:3]:
        (folder / seed.name).write_bytes(seed.read_bytes())
        open_corpus([folder], index_dir=index_dir).close()
    for seed in seeds[3:]:
        (folder / seed.name).write_bytes(seed.read_bytes())
    (folder / seeds[0].name).write_bytes(seeds[0].read_bytes() + b"\n\nA late paragraph on tariffs.\n")
    (folder / seeds[1].name).unlink()
    corpus = open_corpus([folder], index_dir=index_dir)
    yield corpus
    corpus.close()


@pytest.mark.parametrize("text", QUERIES)
def test_engine_matches_whoosh(changed_corpus, text):
    store = changed_corpus.backend.store
    result = store.search(text, limit=None)
    with store._current_searcher() as searcher:
        assert len(searcher.leaf_searchers()) > 1 or searcher.reader().has_deletions()
        q = store.parse(text) if text else None
        expected = (
            {searcher.stored_fields(d)["id"] for d in searcher.docs_for_query(q)}
            if q is not None
            else {f["id"] for f in searcher.all_stored_fields()}
        )
    assert {article_id for article_id, _ in result.ids} == expected
    assert result.total == len(expected) == sum(result.per_outlet.values())
    scores = [score for _, score in result.ids]
    assert scores == sorted(scores, reverse=True)


def test_positions_round_trip():
    assert _decode_positions(_encode_positions([0, 3, 70000])) == [0, 3, 70000]


def test_index_terms_agree_with_highlighting_terms():
    text = "U.S. tariffs on China's rare-earth exports: negotiators’ talks, tariffs again."
    spans: dict[str, list[int]] = {}
    for term, position, _, _ in term_spans(text):
        spans.setdefault(term, []).append(position)
    assert term_positions(text) == spans
    assert {t.decode() for t, *_ in _positions(text).items} == set(spans)
