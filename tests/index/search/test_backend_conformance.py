"""The search backend protocol (index.search.backend), one suite for every backend.

Each backend in BACKENDS is filled with the bundled seeds (articles, then their quotations) and
must answer the same: field, phrase, boolean, date and wildcard queries; ranking, totals and
per-outlet counts; hits with snippets; counts by outlet and date; the quotation fields and
quotations by speaker; removal and re-adding; and plain errors for bad queries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from talks_tui.index.model import QueryError
from talks_tui.index.search.backend import SearchBackend
from talks_tui.index.search.documents import IndexDoc, analyse
from talks_tui.index.terms import stem

GT, CAIXIN, SCMP, TURKIYE, CNA = (
    "000_bc1bdba27e597c2f.txt",
    "001_d262437398b2ef6c.txt",
    "002_226ded49a171c2f9.txt",
    "003_d5655a0cafe0ffc0.txt",
    "004_700e003a7b071ea3.txt",
)
ALL = {GT, CAIXIN, SCMP, TURKIYE, CNA}
DATES = {GT: "2025-10-27", CAIXIN: "2025-10-30", SCMP: "2025-10-27", TURKIYE: "2025-10-26", CNA: "2025-10-25"}


@dataclass
class Filled:
    """A backend holding the seeds, and what the tests need to know about them."""

    backend: SearchBackend
    files: dict[str, str]  # article id -> file name
    docs: dict[str, IndexDoc]  # file name -> the document as added
    texts: dict[str, str]  # file name -> the article's title and body


def _embedded(tmp_path: Path, seeds: Path) -> Iterator[Filled]:
    from talks_tui.index.corpus import open_corpus

    corpus = open_corpus([seeds], index_dir=tmp_path / "embedded")
    corpus.update_quotes()  # finds the quotations and indexes them through backend.index_quotes
    articles = [corpus.article(a.id) for a in corpus.articles()]
    docs = {
        a.file: analyse(a.id, a.title or "", a.body, a.outlet, a.outlet or "", a.authors, a.date)
        for a in articles
        if a is not None
    }
    texts = {a.file: f"{a.title or ''}\n{a.body}" for a in articles if a is not None}
    yield Filled(corpus.backend, {a.id: a.file for a in corpus.articles()}, docs, texts)
    corpus.close()


# name -> a generator of a filled backend (set-up, then clean-up after the yield)
BACKENDS: dict[str, Callable[[Path, Path], Iterator[Filled]]] = {"embedded": _embedded}


@pytest.fixture(scope="module", params=sorted(BACKENDS))
def filled(request, tmp_path_factory, seeds_dir):
    making = BACKENDS[request.param](tmp_path_factory.mktemp(request.param), seeds_dir)
    yield next(making)
    next(making, None)


def found(filled: Filled, text: str) -> set[str]:
    result = filled.backend.search(text, None)
    return {filled.files[article_id] for article_id, _ in result.ids}


QUERIES = [
    ("negotiating", None),  # stems: finds "negotiations"
    ("tariff", None),
    ("constructive", None),
    ("outlet:scmp", {SCMP}),
    ('outlet:"south china morning post"', {SCMP}),
    ("author:jennings", {SCMP}),
    ('author:"chi jingyi"', {GT}),
    ("title:malaysia", {TURKIYE, CNA}),
    ("title:malaysia outlet:cna", {CNA}),
    ("date:2025-10-30", {CAIXIN}),
    ("date:[2025-10-25 to 2025-10-26]", {TURKIYE, CNA}),
    ("date:>2025-10-27", {CAIXIN}),
    ("date:[2025-10-27 to]", {GT, SCMP, CAIXIN}),
    ('"Section 301"', {GT, CAIXIN}),
    ('"earth rare"', set()),
    ('"expiration of a temporary tariff truce"', {TURKIYE}),  # stop words inside a phrase
    ("shipbuil*", {GT, CAIXIN}),
    ("zzzz", set()),
    ("", ALL),
]


@pytest.mark.parametrize(("text", "expected"), QUERIES)
def test_queries_find_the_same_articles(filled, text, expected):
    if expected is None:
        assert found(filled, text)
    else:
        assert found(filled, text) == expected


def test_stemming_and_booleans(filled):
    assert TURKIYE in found(filled, "negotiating")  # says "negotiations", never "negotiating"
    assert found(filled, "tariff") == found(filled, "tariffs")
    soy, fent, taiwan = found(filled, "soybeans"), found(filled, "fentanyl"), found(filled, "taiwan")
    assert soy and fent
    assert found(filled, "soybeans OR fentanyl") == soy | fent
    assert found(filled, "soybeans AND fentanyl") == soy & fent
    assert found(filled, "fentanyl NOT soybeans") == fent - soy
    assert found(filled, "NOT fentanyl") == ALL - fent
    assert found(filled, "(soybeans OR fentanyl) AND taiwan") == (soy | fent) & taiwan


def test_ranking_totals_and_outlet_counts(filled):
    result = filled.backend.search("constructive", None)
    assert filled.files[result.ids[0][0]] == CNA  # the only title with the word: titles weigh more
    scores = [score for _, score in result.ids]
    assert scores == sorted(scores, reverse=True)
    assert result.total == len(result.ids) == sum(result.per_outlet.values())
    top = filled.backend.search("tariffs", 2)
    assert len(top.ids) == 2 and top.total == len(found(filled, "tariffs"))
    assert top.per_outlet == filled.backend.search("tariffs", None).per_outlet
    assert stem("tariffs") in top.terms


def test_hits_have_metadata_and_snippets(filled):
    backend = filled.backend
    result = backend.search("rare earth", 3)
    hits = backend.hits(result)
    assert [h.article.id for h in hits] == [article_id for article_id, _ in result.ids]
    for hit in hits:
        assert hit.article.title and hit.article.outlet and hit.article.paragraphs == ()
        assert hit.snippets
        words = {s.text[a:b].lower() for s in hit.snippets for a, b in s.spans}
        assert words and all(stem(w) in {stem("rare"), stem("earth")} for w in words)
    assert all(not h.snippets for h in backend.hits(result, snippets=False))


def test_counts_by_outlet_and_date(filled):
    backend = filled.backend
    counts = backend.counts("tariffs")
    matched = found(filled, "tariffs")
    assert counts.total == len(matched)
    assert counts.by_outlet == backend.search("tariffs", None).per_outlet
    expected_dates: dict[str, int] = {}
    for file in matched:
        expected_dates[DATES[file]] = expected_dates.get(DATES[file], 0) + 1
    assert counts.by_date == expected_dates
    everything = backend.counts("")
    assert everything.total == backend.doc_count() == len(ALL)
    assert everything.by_date == {"2025-10-25": 1, "2025-10-26": 1, "2025-10-27": 2, "2025-10-30": 1}


def test_mentions_per_article(filled):
    backend = filled.backend
    words = {filled.files[i]: n for i, n in backend.mentions("tariffs").items()}
    assert set(words) == found(filled, "tariffs")
    assert words == {f: _occurrences(filled, f, r"\btariffs?\b") for f in words}
    phrase = {filled.files[i]: n for i, n in backend.mentions('"rare earth"').items()}
    assert phrase == {f: n for f in ALL if (n := _occurrences(filled, f, r"\brare[- ]earths?\b"))}
    # A place found by two parts of the query counts once: "Bessent" inside "Scott Bessent".
    assert backend.mentions('Bessent OR "Scott Bessent"') == backend.mentions("Bessent")
    both = backend.mentions("soybeans OR fentanyl")
    soy, fent = backend.mentions("soybeans"), backend.mentions("fentanyl")
    assert both == {i: soy.get(i, 0) + fent.get(i, 0) for i in soy.keys() | fent.keys()}
    assert backend.mentions("zzzz") == {}


def _occurrences(filled: Filled, file: str, pattern: str) -> int:
    """How many times the article's title and body match the pattern, case aside."""
    return len(re.findall(pattern, filled.texts[file], flags=re.IGNORECASE))


def test_quotation_fields(filled):
    assert found(filled, "speaker:bessent tariffs") == {SCMP, TURKIYE, CNA}
    assert found(filled, 'speaker:"scott bessent"') == found(filled, "speaker:bessent")
    assert found(filled, 'speaker:"bessent scott"') == set()  # a phrase keeps its order
    assert found(filled, "speaker:bess*") == found(filled, "speaker:bessent")
    assert found(filled, "speaker:bess?nt") == found(filled, "speaker:bessent")
    assert found(filled, 'speaker:"josh lipsky"') == {CNA}
    assert found(filled, "quote:tough") == {GT, CAIXIN, TURKIYE}
    assert CNA in found(filled, "role:spokesperson")
    assert found(filled, "speaker:nobodyatall") == set()


def test_quotations_by_speaker(filled):
    quotes = filled.backend.quotes_by_speaker("li chenggang")
    assert len(quotes) == 10
    assert {q.speaker for q, _ in quotes} == {"Li Chenggang"}
    assert {filled.files[q.article_id] for q, _ in quotes} == {GT, CAIXIN, TURKIYE}
    assert filled.backend.quotes_by_speaker("LI CHENG") == quotes  # the start of each word, any case
    assert filled.backend.quotes_by_speaker("chenggang li") == quotes  # words in any order
    assert filled.backend.quotes_by_speaker("nobody") == []
    groups = [group for _, group in quotes]
    assert any(groups.count(g) > 1 for g in groups)  # variants of one statement share a group


def test_quotations_can_be_indexed_again_from_a_stream(filled):
    backend = filled.backend
    before = backend.quotes_by_speaker("bessent")
    quotes = [q for q, _ in before]
    backend.index_quotes(iter(quotes))  # only Bessent's now
    assert found(filled, "speaker:chenggang") == set()
    assert backend.quotes_by_speaker("bessent") == before
    restore = getattr(backend, "catalog", None)
    if restore is not None:
        backend.index_quotes(q for q, _ in restore.iter_quotes())
    assert found(filled, "speaker:chenggang") == {GT, CAIXIN, TURKIYE}


@pytest.mark.parametrize("text", ['"unclosed', "(tariffs", "nosuchfield:x", "date:[2025-10-25"])
def test_bad_queries_are_plain_errors(filled, text):
    with pytest.raises(QueryError):
        filled.backend.search(text, 10)


def test_words_for_suggestions(filled):
    backend = filled.backend
    assert backend.has_term("tariffs") and not backend.has_term("zzzz")
    assert backend.closest_term("tarifs") == stem("tariffs")
    assert backend.example_article(stem("soybeans")) in {i for i, f in filled.files.items() if f in {SCMP, CNA}}
    frequencies = backend.document_frequencies([stem("soybeans"), "zzzz"])
    assert frequencies == {stem("soybeans"): len(found(filled, "soybeans")), "zzzz": 0}


# Last: it changes the index (Whoosh counts a deleted document's terms until segments merge).
def test_removing_and_adding_again(filled):
    backend = filled.backend
    doc = filled.docs[CNA]
    writer = backend.writer()
    writer.delete([doc.id])
    writer.cancel()
    assert CNA in found(filled, "soybeans")
    writer = backend.writer()
    writer.delete([doc.id])
    writer.commit()
    assert CNA not in found(filled, "soybeans") and found(filled, "soybeans")
    assert backend.doc_count() == len(ALL) - 1
    writer = backend.writer()
    writer.add(doc)
    writer.commit()
    assert CNA in found(filled, "soybeans")
    assert backend.doc_count() == len(ALL)
