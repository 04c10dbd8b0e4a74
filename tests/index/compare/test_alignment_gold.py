"""Compare on stories it was not written for: the development gold (22 article pairs, 7 stories)
and the difference flags over every pair of articles of one story in both development sets,
each flag judged by hand in tests/data/devset/difference_flags.json."""

from __future__ import annotations

import pytest
from alignment_gold import DEVSET, GOLD, score_flags, score_gold

from talks_tui.index.sentences import article_sentences

DATA = DEVSET.parent


@pytest.fixture(scope="module")
def devset_corpus(tmp_path_factory):
    from talks_tui.index.corpus import open_corpus

    corpus = open_corpus([DEVSET / "articles"], index_dir=tmp_path_factory.mktemp("devset-index"))
    yield corpus
    corpus.close()


def test_the_gold_pieces_are_in_one_sentence_each(devset_corpus):
    # A piece in no sentence or in two means the cleaning or the splitter changed since the gold
    # was made (ALIGNMENT.md): one caption is now joined to the sentence before it in 105.
    off = []
    for g in GOLD:
        for side in ("left", "right"):
            sentences = article_sentences(devset_corpus.pick_article(g[side]).paragraphs)
            for kind in ("pairs", "traps", "optional"):
                off += [(g[side], e[side]) for e in g.get(kind, []) if sum(e[side] in s.text for s in sentences) != 1]
    assert len(set(off)) <= 1, off


def test_the_development_gold_does_not_fall_back(devset_corpus):
    # Today's figures: precision 0.861, recall 0.538, 3 traps (before tallies past a day or in
    # words and twice-printed captions: 0.822, 0.480, 4 traps; before this aligner: 0.694, 0.393,
    # 6 traps). The targets (0.9 / 0.8) are not reached by word overlap alone: see the README.
    score = score_gold(devset_corpus)
    assert score.precision >= 0.85 and score.recall >= 0.53, score.line() + "\n" + "\n".join(score.mistakes)
    assert score.traps <= 3, score.line()


def test_difference_flags_are_judged_by_hand_and_nearly_all_real(tmp_path):
    score = score_flags(DATA, tmp_path)
    assert not score.unjudged, f"judge these flags by hand in difference_flags.json: {score.unjudged}"
    assert score.total >= 8  # the tolls and counts of injured that outlets give differently
    assert score.real >= 0.9 * score.total, score.line()


def _paired(corpus, left: str, right: str, left_piece: str, right_piece: str) -> bool:
    alignment = corpus.compare(corpus.pick_article(left), corpus.pick_article(right))
    return any(
        left_piece in alignment.left_sentences[p.left].text and right_piece in alignment.right_sentences[p.right].text
        for p in alignment.pairs
    )


def test_words_of_one_meaning_are_one_term():
    from talks_tui.index.compare.sentence_terms import term_of

    assert term_of("blaze") == term_of("fire") == term_of("flames")
    assert term_of("killed") == term_of("died") == term_of("toll")
    assert term_of("rebuilt") == term_of("reconstruction")
    assert term_of("cathedral") == "cathedr"  # a word of no list is its stem


def test_paraphrases_in_words_of_one_meaning_are_paired(devset_corpus):
    # "colossal fire swept through" / "huge fire tore through"; "rebuild" / "rebuilt"; "jail" /
    # "sentenced ... to prison": none of these pairs was found on shared words alone.
    notre_dame = ("112_a5307ea62fdd83e4.txt", "113_87bf844bdb2f6eb1.txt")
    assert _paired(devset_corpus, *notre_dame, "A colossal fire swept through", "A huge fire tore through")
    assert _paired(
        devset_corpus,
        "121_1dddcca0cede2b0a.txt",
        "122_a7bce8d0701743da.txt",
        "rebuild the cathedral in just 5 years",
        "to be rebuilt within five years",
    )
    assert _paired(
        devset_corpus,
        "004_c4fb56b9221489de.txt",
        "005_c7dc13253bad22b7.txt",
        "welcomed the decision to jail Oscar Pistorius",
        "was sentenced to five years in prison",
    )


def test_two_tolls_of_the_story_are_one_fact_and_their_figures_differ(devset_corpus):
    # Ecuador 107/109: "the death toll stood at 513" and "the death toll was 525" share few words
    # besides the backdrop; both count the dead of the story, so they pair and the counts differ.
    alignment = devset_corpus.compare(
        devset_corpus.pick_article("107_ea3fb4ff66301d4e.txt"), devset_corpus.pick_article("109_2f4340b32eead76e.txt")
    )
    pairs = [
        p
        for p in alignment.pairs
        if "the death toll stood at 513" in alignment.left_sentences[p.left].text
        and "that the death toll was 525" in alignment.right_sentences[p.right].text
    ]
    assert pairs and [(d.kind, [f.text for f in d.left], [f.text for f in d.right]) for d in pairs[0].differing] == [
        ("count", ["513"], ["525"])
    ]
    # Ludian 001/002: "589 people were confirmed dead" and "398 people are known to have died".
    assert _paired(
        devset_corpus,
        "001_914ccc019e0831e9.txt",
        "002_23e552956f1e9e3a.txt",
        "At least 589 people were confirmed dead",
        "398 people are known to have died",
    )


def test_a_toll_of_another_year_is_history_not_the_story(devset_corpus):
    # Ludian 000/003: the 2008 Sichuan toll and the 2012 Yunnan toll count the dead of other quakes.
    assert not _paired(
        devset_corpus,
        "000_ade1ae79bb79af59.txt",
        "003_216b386b610c6334.txt",
        "In 2008, a quake in Sichuan killed almost 70,000 people.",
        "In September 2012, 81 people died",
    )


def test_a_year_that_only_measures_against_the_past_does_not_make_a_toll_history(devset_corpus):
    # "the strongest to hit the country since 1979" dates no toll: the 260 dead are the story's.
    assert _paired(
        devset_corpus,
        "105_b01295ca9f8d9e53.txt",
        "110_006e5ba34d8146d6.txt",
        "More than 260 people died and 2,500 others were injured",
        "The 7.8 magnitude tremor has claimed at least 272 lives",
    )


@pytest.mark.parametrize(
    ("text", "measures"),
    [
        ("The death toll has risen to at least 587.", {"=dead"}),
        ("More than 260 people died and 2,500 others were injured in the quake.", {"=dead", "=injured"}),
        ("Sister Clare Theresa Crockett (33) died when a stairwell collapsed.", set()),  # an age
        ("Five more deaths were confirmed by the police.", set()),  # a part, in words
        ("Although seven more victims were rescued alive, hope is fading.", set()),
        ("Nearly 20 more people were killed in the town.", set()),  # an increase, not the toll
        ("Debris may have come from the missing Malaysia Airlines Boeing 777-200ER.", set()),  # a name's number
        # The measure past a day or in another clause: one tally, one measure in the sentence.
        ("Officials said the death toll for Sunday's earthquake had risen to 381 people.", {"=dead"}),
        ("Officials put number of people killed in Sunday's 6.1-magnitude quake at nearly 600", {"=dead"}),
        ("Among the dead are 14 foreigners, but the number is expected to rise.", set()),  # a unit of its own
        ("It could be the missing Boeing 777-200ER, with 239 passengers.", set()),  # a model's code
        ("A quake shook China on Sunday, causing hundreds of deaths.", {"=dead"}),  # a tally in words
    ],
)
def test_what_a_sentence_counts_is_a_tally_of_the_story(text, measures):
    from talks_tui.index.compare.differences import measured
    from talks_tui.index.compare.figures import find_figures

    assert measured(text, find_figures(text)) == measures


def test_a_figure_counts_what_the_nearest_measure_word_says():
    from talks_tui.index.compare.differences import _quantities
    from talks_tui.index.compare.figures import find_figures

    text = "A quake struck, leaving at least 69 people dead and dozens more injured after houses collapsed."
    assert [sorted(w for w in c if w.startswith("=")) for _, c in _quantities(text, find_figures(text))] == [["=dead"]]
    text = "More than 260 people died and 2,500 others were injured in the powerful quake."
    assert [sorted(w for w in c if w.startswith("=")) for _, c in _quantities(text, find_figures(text))] == [
        ["=dead"],
        ["=injured"],
    ]


def test_closest_matches_pair_on_fewer_shared_words(devset_corpus):
    # Each is the other's closest match, and they share two words or fewer: "nine-hour" and "took";
    # "Pistorius", "five years" and "prison" ("sentenced to" / "must serve").
    assert _paired(
        devset_corpus,
        "115_33dca388ebfa9a7d.txt",
        "116_1dca5bf0a24b3655.txt",
        "took part in the nine-hour battle",
        "It took nine hours to put the fire out.",
    )
    assert _paired(
        devset_corpus,
        "005_c7dc13253bad22b7.txt",
        "006_8f0f029152b559b3.txt",
        "was sentenced to five years in prison on Tuesday",
        "Today Judge Masipa ruled that Pistorius must serve 5 years in prison.",
    )
