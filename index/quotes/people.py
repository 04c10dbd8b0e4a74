"""The persons named in one article: full names, the short forms they are referred to by
(the family name, first for Chinese, Korean and Vietnamese names), roles and gender."""

from __future__ import annotations

import re
from collections.abc import Sequence

from talks_tui.index.quotes.vocabulary import EAST_ASIAN_SURNAMES, FEMALE_NAMES, MALE_NAMES
from talks_tui.index.tokens import fold

ROYAL_TITLES = frozenset("king queen prince princess pope emperor empress".split())
_ROMAN_RE = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")


def is_regnal(word: str) -> bool:
    """A regnal number: "II" of Elizabeth II, "III" of Charles III."""
    return 0 < len(word) <= 5 and word.isupper() and bool(_ROMAN_RE.match(word))


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word.endswith(".")


def name_key(tokens: Sequence[str]) -> str:
    """Compare full names without case, accents or middle initials."""
    return " ".join(fold(t) for t in tokens if not _is_initial(t))


def short_keys(tokens: Sequence[str]) -> set[str]:
    """The short forms a full name may be referred to by: its family name (not a regnal
    number or a royal title: "King Charles III" is "Charles")."""
    words = [t for t in tokens if not _is_initial(t) and not is_regnal(t) and fold(t) not in ROYAL_TITLES]
    if not words:
        return set()
    keys = {fold(words[-1])}
    if 2 <= len(words) <= 3 and fold(words[0]) in EAST_ASIAN_SURNAMES:
        keys.add(fold(words[0]))
    return keys


def other_keys(tokens: Sequence[str]) -> set[str]:
    """Second-choice short forms: the first word of a two-word name ("Geng" of Geng Shuang,
    a family name missing from our list), used when no family name matches."""
    words = [t for t in tokens if not _is_initial(t)]
    if len(words) != 2:
        return set()
    return {fold(words[0])} - short_keys(words)


_VARIANT_MIN = 8  # letters: shorter names one letter apart are often other people (Kim / Lim)
_DOUBLED_MIN = 5  # a doubled letter is a misspelling in a shorter name too (Pinerra / Pinera)


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter added, dropped or changed."""
    if a == b or abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < _VARIANT_MIN:
        return False
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(a, b, score_cutoff=1) <= 1


def _doubled_letter_apart(a: str, b: str) -> bool:
    """One spelling with a letter doubled that the other has once: "Pinerra" / "Pinera"."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    if len(long) != len(short) + 1 or len(short) < _DOUBLED_MIN:
        return False
    return any(long[i] == long[i - 1] and long[:i] + long[i + 1 :] == short for i in range(1, len(long)))


class Person:
    """A person named in an article; mutable while the article is read, never returned."""

    __slots__ = ("_tokens", "keys", "alt_keys", "roles", "strong", "gender", "mentions")

    def __init__(self, tokens: tuple[str, ...], strong: bool) -> None:
        self.tokens = tokens
        self.roles: list[str] = []
        self.strong = strong  # known to be a person, not just a capitalised run
        first = fold(tokens[0]) if len(tokens) > 1 else ""
        self.gender: str | None = "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
        self.mentions = 0

    @property
    def tokens(self) -> tuple[str, ...]:
        return self._tokens

    @tokens.setter
    def tokens(self, value: tuple[str, ...]) -> None:
        self._tokens = value
        self.keys = short_keys(value)
        self.alt_keys = other_keys(value)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


class People:
    """The persons of one article, by full name and by the one word a person was named with."""

    def __init__(self) -> None:
        self.full: dict[str, Person] = {}
        self.short: dict[str, Person] = {}  # persons only ever named by one word

    def all(self) -> list[Person]:
        full = list(self.full.values())
        return full + [p for p in self.short.values() if p not in full]

    def add(self, tokens: Sequence[str], role: str | None = None, strong: bool = True) -> Person:
        tokens = tuple(tokens)
        if len(tokens) == 1:
            found = self.by_short(tokens[0], strong_only=False)
            p = found[0] if found else self.short.setdefault(fold(tokens[0]), Person(tokens, strong))
        else:
            key = name_key(tokens)
            p = self.full.get(key) or self._same_person(tokens)
            if p is None:
                p = Person(tokens, strong)
                for k in p.keys | p.alt_keys:
                    old = self.short.pop(k, None)
                    if old is not None:  # a person first named by one word gets the full name
                        old.tokens = tokens
                        p = old
                        break
                self.full[key] = p
        p.strong = p.strong or strong
        p.add_role(role)
        return p

    def _same_person(self, tokens: tuple[str, ...]) -> Person | None:
        """A full name already known in a longer or shorter form: "King Charles" and "King
        Charles III", "Joe Biden" and "Joseph R. Biden"? (only the first kind: one name's words
        all in the other's, the same family name)."""
        words = {fold(t) for t in tokens if not _is_initial(t)}
        keys = short_keys(tokens)
        for p in self.full.values():
            theirs = {fold(t) for t in p.tokens if not _is_initial(t)}
            if p.keys & keys and (words <= theirs or theirs <= words):
                if len(tokens) > len(p.tokens):
                    p.tokens = tokens  # the fuller form names the person
                return p
        return None

    def by_full(self, tokens: Sequence[str]) -> Person | None:
        return self.full.get(name_key(tokens))

    def by_short(self, word: str, strong_only: bool = True) -> list[Person]:
        k = fold(word)
        found = [p for p in self.full.values() if k in p.keys and (p.strong or not strong_only)]
        if not found and k in self.short and (self.short[k].strong or not strong_only):
            found = [self.short[k]]
        if not found:
            found = [p for p in self.full.values() if k in p.alt_keys and (p.strong or not strong_only)]
        if not found and len(k) >= _VARIANT_MIN:
            # Transliterations vary within one article: one letter apart in a long family name.
            found = [
                p
                for p in self.full.values()
                if (p.strong or not strong_only)
                and any(_one_edit_apart(k, key) for key in p.keys if len(key) >= _VARIANT_MIN)
            ]
        if not found and len(k) >= _DOUBLED_MIN:
            found = [
                p
                for p in self.full.values()
                if (p.strong or not strong_only) and any(_doubled_letter_apart(k, key) for key in p.keys)
            ]
        return found
