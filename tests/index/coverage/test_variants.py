"""One thing is one topic however it is written (spelling, accents, a name's short form), and a
longer name never takes in a shorter one that is another thing. Made-up articles."""

from __future__ import annotations

import re

from talks_tui.index.coverage.spelling import word_key
from talks_tui.index.coverage.topics import Coverage, Topic, find_coverage
from talks_tui.index.model import Article


def art(n: int, outlet: str, title: str, *paragraphs: str) -> Article:
    return Article(
        id=f"v{n}", file=f"v{n}.txt", path=f"/tmp/v{n}.txt", title=title, outlet=outlet, date=None,
        paragraphs=paragraphs,
    )  # fmt: skip


EXHIBITION = [
    art(1, "Harbour Herald", "Biarritz shows the wardrobe of Empress Eugénie",
        "A museum in Biarritz has opened an exhibition of the jewellery and gowns of Empress Eugénie, the wife of "
        "Napoleon III.",
        "The Empress spent her summers in the town, the curator said. Her jewellery was sold at auction in 1872.",
        "France lent twelve pieces from national collections. The show runs until March.",
        "Napoleon III built the villa for the Empress in 1854, and France later turned it into a hotel."),
    art(2, "Coastal Times", "Eugenie exhibition draws crowds",
        "Queues formed outside the Biarritz museum on Saturday to see the jewelry of Empress Eugenie.",
        "The Empress, born in Granada, married Napoleon III in 1853. The jewelry on show includes a brooch of 2,438 "
        "pearls.",
        "France Inter broadcast its morning programme from the museum. France has not shown the brooch since 1887.",
        "Visitors also see a portrait of Napoleon, the first emperor, whose nephew was Napoleon III."),
    art(3, "Valley Post", "A summer of Eugénie in Biarritz",
        "Empress Eugénie is the star of the season in Biarritz, where an exhibition of her jewellery opened this week.",
        "The Empress made the town fashionable, the mayor told France Inter.",
        "France and Spain both claim her: she was born in Granada and died in Madrid in 1920.",
        "A room is given to Napoleon and his campaigns, a second to Napoleon III and the villa he built."),
    art(4, "Daily Ledger", "Biarritz museum opens Eugenie show",
        "The exhibition of jewelry worn by Empress Eugenie opened in Biarritz on Friday.",
        "Napoleon III gave the Empress a tiara of 212 pearls, now lent by France for the show.",
        "France Inter said tickets for the first week had sold out. France expects 80,000 visitors.",
        "Napoleon III and the Empress spent every summer at the villa from 1856."),
]  # fmt: skip


def topic(coverage: Coverage, label: str) -> Topic:
    found = [t for t in coverage.topics if t.label.lower() == label.lower()]
    assert len(found) == 1, (label, [t.label for t in coverage.topics])
    return found[0]


def mentions(pattern: str) -> dict[str, int]:
    """Mentions per outlet by a plain search of the text (case kept: names are capitalised)."""
    counts: dict[str, int] = {}
    for article in EXHIBITION:
        n = sum(len(re.findall(pattern, text)) for text in (article.title, *article.paragraphs))
        if n:
            counts[article.outlet] = n
    return counts


def test_british_and_american_spellings_are_one_topic():
    coverage = find_coverage(EXHIBITION)
    jewellery = topic(coverage, "jewellery")
    assert jewellery.counts == mentions(r"\b(?:jewellery|jewelry)\b")
    assert set(jewellery.counts) == {"Harbour Herald", "Coastal Times", "Valley Post", "Daily Ledger"}
    assert not [t for t in coverage.topics if t.label == "jewelry"]
    assert set(jewellery.query.split(" OR ")) == {"jewellery", "jewelry"}  # the search finds both


def test_a_name_with_and_without_accents_and_its_short_form_are_one_topic():
    coverage = find_coverage(EXHIBITION)
    empress = topic(coverage, "Empress Eugénie")
    assert empress.kind == "entity"
    assert empress.counts == mentions(r"\bEmpress\b")  # "the Empress" counts for her
    labels = {t.label.lower() for t in coverage.topics}
    assert not labels & {"empress eugenie", "eugenie", "eugénie", "empress"}


def test_a_longer_name_never_takes_in_a_shorter_one_that_is_another_thing():
    coverage = find_coverage(EXHIBITION)
    assert topic(coverage, "France Inter").counts == mentions(r"\bFrance Inter\b")
    assert topic(coverage, "France").counts == mentions(r"\bFrance\b(?! Inter)")  # not the radio's name
    assert topic(coverage, "Napoleon III").counts == mentions(r"\bNapoleon III\b")  # not the first emperor


def test_spelling_keys_bring_variants_together_and_keep_words_apart():
    for a, b in [
        ("jewellery", "jewelry"), ("jewelleries", "jewelry"), ("eugénie", "eugenie"), ("colours", "colors"),
        ("organisation", "organization"), ("centre", "center"), ("travelled", "traveled"), ("catalogue", "catalog"),
        ("analyse", "analyze"), ("behaviour", "behavior"), ("programmes", "programs"), ("defence", "defense"),
    ]:  # fmt: skip
        assert word_key(a) == word_key(b), (a, b)
    for a, b in [("four", "for"), ("flour", "floor"), ("filling", "filing"), ("holy", "holly"), ("genre", "gender")]:
        assert word_key(a) != word_key(b), (a, b)
    assert word_key("करोड़") == "करोड़" and word_key("москва") == "москва"  # marks of other scripts stay
