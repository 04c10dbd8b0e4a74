"""How a topic is written: its commonest surface, its written forms, its label and search query.

The label is the commonest written form (not in capitals when there is another; a sentence's
first capital or a headline's capitals dropped from a phrase of everyday words; "100 per cent"
as "100%"; a date as "Nov 10"). The query joins with OR the written forms that the search stems
differently, so it finds exactly the articles counted.
"""

from __future__ import annotations

import re
from collections import Counter

from talks_tui.index.coverage.candidates import Candidate
from talks_tui.index.coverage.corpus_words import CorpusWords
from talks_tui.index.coverage.tokens import ACRONYM, DATE, KNOWN, MONTH_LABELS, WORD
from talks_tui.index.search.querytext import OPERATORS
from talks_tui.index.terms import query_terms

# The search's operators: a one-word query that is one of them goes in quotes.


def commonest_surface(corpus: CorpusWords, cand: Candidate) -> str:
    """The commonest way its first mentions write the candidate's first word (a sample of 50)."""
    forms = Counter(corpus.tokens.surfaces[cand.positions[:50]].tolist())
    return corpus.tokens.vocab.surfaces[forms.most_common(1)[0][0]]


def written_text(corpus: CorpusWords, start: int, n: int) -> str:
    """The text of `n` tokens from `start`, as written (a hyphen kept where the text has one)."""
    tokens = corpus.tokens
    surfaces = tokens.vocab.surfaces
    parts = []
    for i in range(start, start + n):
        if parts:
            parts.append("-" if tokens.joined[i] else " ")
        parts.append(surfaces[tokens.surfaces[i]])
    return "".join(parts)


def written_forms(corpus: CorpusWords, cand: Candidate) -> Counter[str]:
    """How the topic is written, each way with its number of mentions (up to a sample)."""
    n = len(cand.key)
    case = corpus.tokens.case
    kinds = corpus.kinds
    forms: Counter[str] = Counter()
    for p in cand.positions[:1000].tolist():
        text = written_text(corpus, p, n)
        if not cand.entity and kinds[cand.key[0]] == WORD and not all(case[i] & KNOWN for i in range(p, p + n)):
            text = text.lower()  # a sentence's first capital, a headline's capitals
        forms[text] += 1
    return forms


def topic_label(corpus: CorpusWords, cand: Candidate, forms: Counter[str]) -> str:
    kind = corpus.kinds[cand.key[0]]
    if len(cand.key) == 1 and kind == DATE:
        month, day = corpus.tokens.vocab.keys[cand.key[0]].split()
        return f"{MONTH_LABELS[month]} {day}"
    if len(cand.key) == 1 and kind == ACRONYM:
        return corpus.tokens.vocab.keys[cand.key[0]]
    # The commonest way of writing it, but not in capitals when there is another.
    ranked = sorted(forms.items(), key=lambda kv: (kv[0].isupper() and len(kv[0]) > 5, -kv[1], kv[0]))
    return re.sub(r"(\d)\s?(?:per\s?cent|percent)\b", r"\1%", ranked[0][0])


def _search_text(form: str) -> str:
    """One way of writing the topic as search text: a word, or a phrase in quotes."""
    form = form.replace('"', "")
    words = [w for w in re.findall(r"\w+(?:['’]\w+)*", form)]
    if not words:
        return ""
    if len(words) == 1 and re.fullmatch(r"\w+", form) and words[0].lower() not in OPERATORS:
        return form
    return f'"{form}"'


def search_query(forms: list[str]) -> str:
    """The ways of writing a topic that the search tells apart, joined with OR (at most four)."""
    parts: list[str] = []
    seen: set[tuple[str, ...]] = set()
    for form in forms:
        text = _search_text(form)
        terms = tuple(query_terms(text.strip('"')))
        if not terms or terms in seen:
            continue
        seen.add(terms)
        parts.append(text)
        if len(parts) == 4:
            break
    return " OR ".join(parts)
