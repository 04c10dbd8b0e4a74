"""The lexicon: word lists as data files, each saying why it is there, none tuned to the bundled story."""

from __future__ import annotations

from importlib.resources import files

import pytest

from talks_tui.index import lexicon

NAMES = sorted(p.name.removesuffix(".txt") for p in files(lexicon).iterdir() if p.name.endswith(".txt"))


@pytest.mark.parametrize("name", NAMES)
def test_every_list_opens_with_the_reason_it_is_there(name):
    text = files(lexicon).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    assert text.startswith("# ") and len(text.split("\n", 1)[0]) > 30
    assert lexicon.words(name), f"{name} is empty"
    assert all(w == w.lower() for w in lexicon.words(name)), f"{name}: entries are lower case"


def test_no_list_holds_words_of_the_bundled_story_only():
    # Names and words of the Kuala Lumpur talks that once sat in the lists because the seeds have them.
    story_only = {"bessent", "greer", "jamieson", "lifeng", "chenggang", "kuala", "lumpur", "merdeka"}
    story_only |= {"avert", "turbulence", "coexistence", "candid"}
    for name in NAMES:
        assert not (lexicon.words(name) & story_only), name


def test_month_and_weekday_numbers_and_alternation():
    assert lexicon.month_number("Sept.") == 9 and lexicon.month_number("MAY") == 5
    assert lexicon.weekday_numbers()["thurs"] == 3
    pattern = lexicon.alternation("months")
    alternatives = pattern.split("|")
    assert alternatives.index("september") < alternatives.index("sept") < alternatives.index("sep")
