"""What a search's speaker:, role: and quote: parts highlight in the quotations, on the seeds:
the same quotations the quotation index finds, and a count a list can show beside the reader's."""

from __future__ import annotations

from talks_tui.index.search.quotehits import hit_count, hit_spans, matches_any, text_terms


def _quotes(seed_corpus, article_id):
    return [row.quote for row in seed_corpus.quote_rows() if row.quote.article_id == article_id]


def test_a_speaker_part_hits_that_speakers_quotations_whole(seed_corpus):
    matches = seed_corpus.match("speaker:bessent")
    assert matches.quote_parts == (("speaker", "words", ("bessent",)),)
    assert matches.terms == frozenset()
    for article_id, occurrences in zip(matches.ids, matches.occurrences, strict=True):
        assert occurrences == 0  # no title or body word was asked for
        quotes = _quotes(seed_corpus, article_id)
        hit = [q for q in quotes if matches_any(q, matches.quote_parts)]
        assert hit and all("Scott Bessent" in (q.speaker, *q.co_speakers) for q in hit)
        assert [hit_spans(q, matches.quote_parts) for q in hit] == [[(q.start, q.end)] for q in hit]
        assert hit_count(quotes, matches.quote_parts) == len(hit)
    # Every article the search finds has a hit; no other article has one.
    others = {r.quote.article_id for r in seed_corpus.quote_rows()} - set(matches.ids)
    assert all(hit_count(_quotes(seed_corpus, a), matches.quote_parts) == 0 for a in others)


def test_a_quote_part_hits_its_words_inside_quotations_only(seed_corpus):
    matches = seed_corpus.match("quote:tough")
    assert matches.terms == frozenset()  # "tough" outside a quotation is not what was asked
    for article_id in matches.ids:
        article = seed_corpus.article(article_id)
        spans = [(q.paragraph, s) for q in _quotes(seed_corpus, article_id) for s in hit_spans(q, matches.quote_parts)]
        assert spans
        for paragraph, (start, end) in spans:
            text = article.title if paragraph is None else article.paragraphs[paragraph]
            assert text[start:end].lower() == "tough"
    # Asked for in the text as well, the word is highlighted everywhere.
    assert text_terms("tough quote:tough", frozenset({"tough"}), matches.quote_parts) == {"tough"}


def test_prefix_and_role_parts(seed_corpus):
    by_prefix = seed_corpus.match("speaker:bess*")
    assert set(by_prefix.ids) == set(seed_corpus.match("speaker:bessent").ids)
    assert by_prefix.quote_parts == (("speaker", "prefix", ("bess",)),)
    role = seed_corpus.match("role:spokesperson")
    for article_id in role.ids:
        hit = [q for q in _quotes(seed_corpus, article_id) if matches_any(q, role.quote_parts)]
        assert hit and all("spokesperson" in (q.role or "").lower() for q in hit)


def test_the_outlet_field_is_no_occurrence(seed_corpus):
    """`Trump outlet:caixin`: the count is the Trumps of the text, as a reader highlights them."""
    alone = dict(zip(*(lambda m: (m.ids, m.occurrences))(seed_corpus.match("Trump")), strict=True))
    both = seed_corpus.match("Trump outlet:caixin")
    assert len(both.ids) == 1 and both.occurrences[0] == alone[both.ids[0]]
