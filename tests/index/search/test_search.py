"""Search over the seeds: stemming, fields, phrases, booleans, dates, snippets, suggestions, errors."""

from __future__ import annotations

import pytest

from talks_tui.index.model import QueryError
from talks_tui.index.terms import stem

GT, CAIXIN, SCMP, TURKIYE, CNA = (
    "000_bc1bdba27e597c2f.txt",
    "001_d262437398b2ef6c.txt",
    "002_226ded49a171c2f9.txt",
    "003_d5655a0cafe0ffc0.txt",
    "004_700e003a7b071ea3.txt",
)


def files(result) -> set[str]:
    return {hit.article.file for hit in result.hits}


def highlighted_words(result) -> set[str]:
    return {s.text[a:b].lower() for h in result.hits for s in h.snippets for a, b in s.spans}


def test_stemming_joins_inflections(seed_corpus):
    assert stem("negotiating") == stem("negotiations") == stem("negotiate")
    result = seed_corpus.search("negotiating")
    assert TURKIYE in files(result)  # says "negotiations", never "negotiating"
    assert "negotiations" in highlighted_words(result)
    singular = seed_corpus.search("tariff")
    assert files(singular) == files(seed_corpus.search("tariffs"))
    assert {"tariffs", "tariff"} <= highlighted_words(singular)


def test_title_matches_rank_first(seed_corpus):
    result = seed_corpus.search("constructive")
    assert result.hits[0].article.file == CNA  # the only title with the word


def test_field_queries(seed_corpus):
    assert files(seed_corpus.search("outlet:scmp")) == {SCMP}
    assert files(seed_corpus.search('outlet:"south china morning post"')) == {SCMP}
    assert files(seed_corpus.search("author:jennings")) == {SCMP}
    assert files(seed_corpus.search('author:"chi jingyi"')) == {GT}
    assert files(seed_corpus.search("title:malaysia")) == {TURKIYE, CNA}
    assert files(seed_corpus.search("title:malaysia outlet:cna")) == {CNA}


def test_date_queries(seed_corpus):
    assert files(seed_corpus.search("date:2025-10-30")) == {CAIXIN}
    assert files(seed_corpus.search("date:[2025-10-25 to 2025-10-26]")) == {TURKIYE, CNA}
    assert files(seed_corpus.search("date:>2025-10-27")) == {CAIXIN}
    assert files(seed_corpus.search("date:[2025-10-27 to]")) == {GT, SCMP, CAIXIN}


def test_phrases(seed_corpus):
    assert files(seed_corpus.search('"Section 301"')) == {GT, CAIXIN}
    assert files(seed_corpus.search('"earth rare"')) == set()
    # "of a" are stop words that are not indexed, yet the phrase still holds together
    assert files(seed_corpus.search('"expiration of a temporary tariff truce"')) == {TURKIYE}


def test_boolean_operators(seed_corpus):
    soy, fent = files(seed_corpus.search("soybeans")), files(seed_corpus.search("fentanyl"))
    assert files(seed_corpus.search("soybeans OR fentanyl")) == soy | fent
    assert files(seed_corpus.search("soybeans AND fentanyl")) == soy & fent
    assert files(seed_corpus.search("fentanyl NOT soybeans")) == fent - soy
    assert files(seed_corpus.search("(soybeans OR fentanyl) AND taiwan")) == (soy | fent) & files(
        seed_corpus.search("taiwan")
    )


def test_prefix_query(seed_corpus):
    result = seed_corpus.search("shipbuil*")
    assert files(result) == {GT, CAIXIN}


def test_counts_per_outlet(seed_corpus):
    result = seed_corpus.search("tariffs")
    assert result.total == len(result.hits) == sum(result.per_outlet.values())
    assert set(result.per_outlet) == {h.article.outlet for h in result.hits}


def test_snippets_are_plain_text_with_spans(seed_corpus):
    result = seed_corpus.search('"rare earth"')
    assert result.hits
    for hit in result.hits:
        assert hit.snippets
        for snippet in hit.snippets:
            assert snippet.spans
            for a, b in snippet.spans:
                assert stem(snippet.text[a:b].lower()) in {"rare", "earth"}


def test_limit_keeps_total(seed_corpus):
    result = seed_corpus.search("trade", limit=2)
    assert len(result.hits) == 2 and result.total == 5


def test_no_hits_suggests_a_correction(seed_corpus):
    result = seed_corpus.search("tarrifs")
    assert result.total == 0
    assert result.suggestion in ("tariffs", "tariff")
    assert seed_corpus.search(result.suggestion).total > 0
    result = seed_corpus.search("soybeens taiwan")
    assert result.suggestion is not None and "taiwan" in result.suggestion
    assert seed_corpus.search(result.suggestion).total > 0


def test_nonsense_gets_no_suggestion(seed_corpus):
    result = seed_corpus.search("xqzvwk")
    assert result.total == 0 and result.suggestion is None


@pytest.mark.parametrize(
    "query, words",
    [
        ('"rare earth', "quote"),
        ("(tariffs OR soybeans", "("),
        ("tariffs)", ")"),
        ("date:[2025-10-25 to", "range"),
        ("colour:red", "unknown field"),
        ("AND", "no words"),
    ],
)
def test_bad_queries_get_one_plain_line(seed_corpus, query, words):
    with pytest.raises(QueryError) as error:
        seed_corpus.search(query)
    message = str(error.value)
    assert words in message and "\n" not in message and "Traceback" not in message


def test_empty_query_lists_everything(seed_corpus):
    result = seed_corpus.search("")
    assert result.total == 5


def test_match_lists_every_article_with_occurrences(seed_corpus):
    matches = seed_corpus.match("tariffs")
    assert matches.total == len(matches.ids) == 5
    assert list(matches.scores) == sorted(matches.scores, reverse=True)
    by_id = dict(zip(matches.ids, matches.occurrences, strict=True))
    for article in seed_corpus.articles():
        words = [
            w
            for w in seed_corpus.article(article.id).body.lower().split()
            if w.strip(".,;:\"“”'’()").startswith("tariff")
        ]
        assert by_id[article.id] >= len(words) > 0
    assert "tariff" in matches.terms
    assert seed_corpus.match("tarrifs").suggestion in ("tariffs", "tariff")


def test_as_you_type_finds_the_words_a_last_word_begins(seed_corpus):
    from talks_tui.index.search.querytext import as_you_type

    assert as_you_type("soyb") == "soyb*"
    assert as_you_type("rare earths") == "rare earth*"
    for typing in ("soyb", "soybean", "soybeans"):
        assert seed_corpus.match(as_you_type(typing)).total == seed_corpus.match("soybeans").total == 2
    for finished in ("rare ea", '"rare ear', "tariffs AND", "outlet:cna", "date:2025"):
        assert as_you_type(finished) == finished
