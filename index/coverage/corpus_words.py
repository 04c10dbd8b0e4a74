"""The corpus read once: its tokens, and what is known about each word (key) across it.

For every key: its word class (function word, title, stock word of news, everyday word, name
linker), its number of mentions, and whether it is a name. Capitalisation is learnt per word where
it means something (not at the start of a sentence or quotation, not in a headline set in title
case or capitals): a word mostly written with a capital there is a name; a word never seen there
is a name if always written in capitals, or always capitalised and not an everyday word.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from talks_tui.index.coverage.tokens import ACRONYM, BREAK, CAPITAL, HEADLINE, KNOWN, WORD, Tokens
from talks_tui.index.coverage.word_classes import COMMON_KEYS, FUNCTION_KEYS, GENERIC_KEYS, INNER_KEYS, TITLE_KEYS
from talks_tui.index.terms import STOP_WORDS


class CorpusWords:
    """The articles' tokens, and per key (indexed by key id) arrays of what is known about it."""

    def __init__(self, texts: Sequence[Sequence[str]]) -> None:
        tokens = self.tokens = Tokens(texts)
        vocab = tokens.vocab
        keys = vocab.keys
        self.n_articles = len(texts)
        n_keys = self.n_keys = len(keys)
        kinds = self.kinds = np.array(vocab.kinds, dtype=np.int8)
        word = kinds == WORD
        self.function = np.array([k in FUNCTION_KEYS for k in keys], dtype=bool) & word
        self.title = np.array([k in TITLE_KEYS for k in keys], dtype=bool) & word
        self.generic = np.array([k in GENERIC_KEYS or k.startswith("~") for k in keys], dtype=bool) & word
        self.common = np.array([k in COMMON_KEYS for k in keys], dtype=bool) & word
        self.inner = np.array([k in INNER_KEYS for k in keys], dtype=bool) & word
        self.stop = np.array([k in STOP_WORDS for k in keys], dtype=bool) & word
        ids = tokens.ids
        case = tokens.case
        # How often each word is written with a capital where that means something.
        known = (case & KNOWN) > 0
        capitals = np.bincount(ids[known], weights=(case[known] & CAPITAL), minlength=n_keys)
        seen = np.bincount(ids[known], minlength=n_keys)
        ratio = np.full(n_keys, np.nan)
        np.divide(capitals, seen, out=ratio, where=seen > 0)
        ratio[kinds == ACRONYM] = 1.0
        self.capital_ratio = ratio
        proper = (np.nan_to_num(ratio, nan=0.0) >= 0.6) | (kinds == ACRONYM)
        # Never seen where a capital means something ("(ASEAN)", a sentence's first word): a name
        # if always written in capitals, or always capitalised and not an everyday word.
        body = ((case & HEADLINE) == 0) & (ids != BREAK)
        written = [(w.isupper() and len(w) > 1, w[:1].isupper()) for w in vocab.surfaces]
        upper = np.array([u for u, _ in written], dtype=bool)[tokens.surfaces]
        capital = np.array([c for _, c in written], dtype=bool)[tokens.surfaces]
        total = np.bincount(ids[body], minlength=n_keys)
        in_upper = np.bincount(ids[body], weights=upper[body], minlength=n_keys)
        in_capital = np.bincount(ids[body], weights=capital[body], minlength=n_keys)
        everyday = self.common | self.generic | self.function | self.title
        proper |= (total > 0) & (in_upper >= 0.6 * total) & word
        proper |= (total > 0) & (in_capital == total) & np.isnan(ratio) & ~everyday & word
        self.proper = proper
        self.key_tf = np.bincount(ids, minlength=n_keys)
