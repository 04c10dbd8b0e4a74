"""Quotations through the corpus: stored with the index, resolved across articles, searchable."""

from __future__ import annotations

from pathlib import Path

from talks_tui.index.corpus import open_corpus


def files(result) -> set[str]:
    return {hit.article.file for hit in result.hits}


def test_quotes_of_the_seeds(seed_corpus):
    rows = seed_corpus.quotes()
    assert len(rows) >= 30
    by_text = {(r.article.outlet, r.quote.text): r for r in rows}
    tough = by_text[("Caixin Global", "tough")]
    assert tough.quote.speaker == "Li Chenggang" and tough.quote.partial
    assert tough.article.paragraphs == ()  # listings carry metadata only
    # The same remark in three outlets is one group.
    group = {r.article.outlet for r in rows if r.group == tough.group}
    assert group == {"Global Times", "Caixin Global", "Türkiye Today"}
    assert tough.variants >= 3


def test_quote_spans_point_into_the_article(seed_corpus):
    for row in seed_corpus.quotes():
        q = row.quote
        article = seed_corpus.article(q.article_id)
        block = article.title if q.paragraph is None else article.paragraphs[q.paragraph]
        assert block[q.start : q.end] == q.text


def test_quote_filters(seed_corpus):
    bessent = seed_corpus.quotes(speaker="bessent")
    assert bessent and {r.quote.speaker for r in bessent} == {"Scott Bessent"}
    assert seed_corpus.quotes(speaker="scott bessent") == bessent
    scmp = seed_corpus.quotes(outlet="scmp")
    assert scmp and {r.article.outlet for r in scmp} == {"South China Morning Post"}
    assert seed_corpus.quotes(outlet="turkiye") == seed_corpus.quotes(outlet="Türkiye Today")
    tough = seed_corpus.quotes(grep="TOUGH")
    assert tough and all("tough" in r.quote.text.lower() for r in tough)
    both = seed_corpus.quotes(speaker="li", outlet="caixin")
    assert [r.quote.text for r in both] == ["tough", "firm"]
    assert seed_corpus.quotes(speaker="nobody at all") == []


def test_speaker_registry(seed_corpus):
    registry = {s.name: s for s in seed_corpus.speakers()}
    li = registry["Li Chenggang"]
    assert set(li.outlets) == {"Global Times", "Caixin Global", "Türkiye Today"}
    assert li.article_count == 3 and li.quote_count >= 7 and li.roles
    assert registry["Scott Bessent"].article_count == 3
    counts = [s.quote_count for s in seed_corpus.speakers()]
    assert counts == sorted(counts, reverse=True)


def test_speaker_and_quote_fields_in_search(seed_corpus):
    assert files(seed_corpus.search("speaker:bessent tariffs")) == {
        "002_226ded49a171c2f9.txt",
        "003_d5655a0cafe0ffc0.txt",
        "004_700e003a7b071ea3.txt",
    }
    assert files(seed_corpus.search('speaker:"josh lipsky"')) == {"004_700e003a7b071ea3.txt"}
    assert files(seed_corpus.search("quote:tough")) == {
        "000_bc1bdba27e597c2f.txt",
        "001_d262437398b2ef6c.txt",
        "003_d5655a0cafe0ffc0.txt",
    }
    assert files(seed_corpus.search("role:spokesperson")) >= {"004_700e003a7b071ea3.txt"}


def test_short_name_is_resolved_across_the_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Minister meets press\n\nTrade Minister Amara Okafor said on Monday that the deal was close.\n\n"
        '"We are nearly there," Okafor said.\n',
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        'Talks drag on\n\n"Nothing is agreed until everything is agreed," Okafor told reporters.\n',
        encoding="utf-8",
    )
    corpus = open_corpus([folder], index_dir=tmp_path / "index")
    speakers = {Path(r.article.path).name: r.quote.speaker for r in corpus.quotes()}
    assert speakers == {"a.txt": "Amara Okafor", "b.txt": "Amara Okafor"}
    # Removing the article that names her in full leaves the other with the short name.
    (folder / "a.txt").unlink()
    corpus = open_corpus([folder], index_dir=tmp_path / "index")
    assert [r.quote.speaker for r in corpus.quotes()] == ["Okafor"]


def test_quotation_index_of_an_earlier_layout_is_written_again(tmp_path, seeds_dir):
    """An index whose search fields were written without the table of each row's article (before
    quoteindex.LAYOUT 2) is written again from the catalog on the next speaker: search, and finds
    what it found before."""
    corpus = open_corpus([seeds_dir], index_dir=tmp_path / "index")
    queries = ["speaker:bessent tariffs", 'speaker:"li chenggang"', "speaker:bess*", "role:spokesperson", "quote:tough"]
    before = {q: files(corpus.search(q)) for q in queries}
    assert all(before.values())
    db = corpus.catalog._db
    db.execute("DELETE FROM quote_field_articles")
    corpus.catalog.set_meta("quotes_indexed", "1")  # as an earlier talks-tui left it
    corpus.close()
    corpus = open_corpus([seeds_dir], index_dir=tmp_path / "index")
    assert corpus.quotes_pending()  # worth a progress bar, which is told how far it is
    told = []
    corpus.update_quotes(lambda done, total, step: told.append((done, total, step)))
    count = corpus.catalog.quote_count()
    assert told and told[-1] == (count, count, "Indexing quotations")
    assert not corpus.quotes_pending()
    assert {q: files(corpus.search(q)) for q in queries} == before
    rows = corpus.catalog._db.execute("SELECT count(*) FROM quote_field_articles")[0][0]
    assert rows == corpus.catalog._db.execute("SELECT count(*) FROM quote_fields")[0][0] > 0
    corpus.close()


def test_quotation_fields_find_articles_in_every_segment(tmp_path, seeds_dir):
    """Articles added later are in a segment of their own: speaker:, role: and quote: find them
    there as in the first, as an index built in one go does."""
    queries = ["speaker:bessent tariffs", 'speaker:"li chenggang"', "speaker:bess*", "role:spokesperson", "quote:tough"]
    whole = open_corpus([seeds_dir], index_dir=tmp_path / "whole")
    expected = {q: files(whole.search(q)) for q in queries}
    whole.close()
    folder = tmp_path / "corpus"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for path in seeds[: len(seeds) // 2]:
        (folder / path.name).write_bytes(path.read_bytes())
    open_corpus([folder], index_dir=tmp_path / "index").update_quotes()
    for path in seeds[len(seeds) // 2 :]:
        (folder / path.name).write_bytes(path.read_bytes())
    corpus = open_corpus([folder], index_dir=tmp_path / "index")
    with corpus.backend.store._current_searcher() as searcher:
        assert len(searcher.leaf_searchers()) >= 2
    assert {q: files(corpus.search(q)) for q in queries} == expected
    assert all(expected.values())
    corpus.close()
