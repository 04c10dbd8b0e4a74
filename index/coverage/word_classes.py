"""The classes of word coverage knows before reading a corpus, as keys (Snowball stems).

Function words, titles, the stock words of news writing and everyday vocabulary: general English
read from the lexicon's lists, nothing of any one story. The tokeniser and the candidates ask a
key's class: what may stand at a topic's edge, what may be a topic alone.
"""

from __future__ import annotations

from talks_tui.index import lexicon
from talks_tui.index.coverage.spelling import word_key
from talks_tui.index.terms import STOP_WORDS


def _stemmed(*names: str) -> frozenset[str]:
    """The keys of the lexicon's lists `names`, as the tokeniser keys words."""
    return frozenset(word_key(w) for name in names for w in lexicon.words(name))


# Never at the edge of a topic, never a topic.
FUNCTION_KEYS = _stemmed("function_words") | frozenset(STOP_WORDS) | {"&"}
# The name that follows is the topic (Vice Premier He Lifeng -> He Lifeng).
TITLE_KEYS = _stemmed("titles")
# Never at a topic's edge (unless capitalised inside a name), never a topic alone.
GENERIC_KEYS = _stemmed("news_stock_words", "number_words", "months", "weekdays")
# Alone, a topic only when written as a name; phrases of them judged by how their words go together.
COMMON_KEYS = _stemmed("common_words")
# May stand between the capitalised words of a name (Ministry of Commerce); not stemmed.
INNER_KEYS = lexicon.words("name_linking_words")
# Lower-case words in -ly that are not adverbs.
LY_WORDS = lexicon.words("non_adverbs_in_ly")
# Lower-case single words with these endings describe rather than name (agricultural, strategic).
DESCRIBING_ENDINGS = tuple(sorted(lexicon.words("describing_suffixes")))
