"""One key for the spellings of one word: with or without accents ("Eugénie", "Eugenie"), British
or American ("jewellery", "jewelry"; "colour", "color"; "organise", "organize"; "centre",
"center"; "travelled", "traveled"; "catalogue", "catalog"; "analyse", "analyze").

The regular patterns are rewrites of the word, the rest a lexicon list (spelling_variants). A
rewrite that gives a form no other word has is harmless, so the rules only have to keep distinct
words apart: "-our" after three letters (colour, not four or flour), a doubled "l" only after a
second syllable (travelled, not filling), "-re" after b or t (centre, fibre, not genre or acre).
Accents are taken off Latin letters only: a mark over another script is part of its letter.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from talks_tui.index import lexicon
from talks_tui.index.terms import stem

_RULES = [
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, realisation
    (re.compile(r"(?<=\w{2})ys(e|es|ed|ing)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"(?:(?<=\w\w[^aeiou\W])|(?<=\w{3}i))our(s|ed|ing|ite|ites|able|er|ers|ful)?$"), r"or\1"),  # colour
    (re.compile(r"(?<=\w\w[bt])re(s|d)?$"), r"er\1"),  # centre, theatre, fibre
    (re.compile(r"(?<=\w{3})ogue(s)?$"), r"og\1"),  # catalogue, dialogue
    (re.compile(r"([aeiouy][^aeiouy\W]{1,3}[aeiou])ll(ed|ing|er|ers|or|ors|ous|ery|eries|ation|ations)$"), r"\1l\2"),
]


def _variants() -> dict[str, str]:
    """The lexicon's irregular variants, stem to stem, so that plurals follow ("programmes")."""
    return {stem(variant): stem(row[0]) for row in lexicon.forms("spelling_variants") for variant in row[1:]}


_IRREGULAR = _variants()


def unaccented(word: str) -> str:
    """The word without the marks over its Latin letters ("eugénie" -> "eugenie")."""
    if word.isascii():
        return word
    kept: list[str] = []
    for c in unicodedata.normalize("NFD", word):
        if unicodedata.combining(c) and kept and "a" <= kept[-1].lower() <= "z":
            continue
        kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept))


@lru_cache(maxsize=65536)
def word_key(lower: str) -> str:
    """The key of a lower-case word: its Snowball stem, whatever its spelling."""
    word = unaccented(lower)
    if len(word) >= 5:
        for pattern, replacement in _RULES:
            word = pattern.sub(replacement, word)
    key = stem(word)
    return _IRREGULAR.get(key, key)
