"""A quotation's speaker from the cues of its own sentence: a cue right after the closing mark,
the last cue before the opening mark, a colon introduction, a source after it, an attribution
closing the sentence, the subject of an opening participle phrase."""

from __future__ import annotations

import re

from talks_tui.index.quotes.blocks import Block, title_before
from talks_tui.index.quotes.cues import Cue, Phrase, np_after, np_before, subject_before
from talks_tui.index.quotes.reading import ArticleReader, Draft
from talks_tui.index.quotes.vocabulary import (
    AUX_ADV,
    BE,
    CUE_FORMS,
    DOCUMENTS,
    EXPRESSION_VERBS,
    INVERSION,
    LABEL_CUES,
    NAMING_VERBS,
    NP_STOP,
    POST_ONLY,
    POSTMOD,
    SUBORDINATORS,
)
from talks_tui.index.quotes.word_kinds import is_possessive, is_role_head, span_text
from talks_tui.index.tokens import Tok


def is_label(b: Block, qi: int) -> bool:
    """A name or label in marks ("Phase One", the so-called "framework"): nobody's words."""
    span = b.spans[qi]
    text = b.text[span.start : span.end]
    k = b.q_open[qi]
    prev = b.toks[k - 1].low if k > 0 else ""
    if prev in LABEL_CUES or (prev == "as" and k > 1 and b.toks[k - 2].low == "known"):
        # (unless someone is named as its author: 'dubbed "D-Day" by Gov. Narongsak')
        qc = b.q_close[qi]
        return not (prev in NAMING_VERBS and qc + 1 < len(b.toks) and b.toks[qc + 1].low == "by")
    words = re.findall(r"[^\W\d_][\w'’-]*|\d+", text)
    if not words or len(words) > 6 or text.rstrip()[-1:] in ".,!?;:" or prev in ("said", "says", ":"):
        return False
    caps = [w for w in words if w.lower() not in ("of", "the", "and", "for", "on", "in", "a", "to", "de")]
    return bool(caps) and words[0][0].isupper() and all(w[0].isupper() or w[0].isdigit() for w in caps)


def _with_cue(d: Draft | None, cue: str) -> Draft | None:
    if d is not None:
        d.cue = cue
    return d


# Verbs of telling someone something: their subject is someone, never a thing.
_TOLD_VERBS = frozenset(("tell", "inform", "notify"))


def _teller(b: Block, ph: Phrase) -> Draft | None:
    """A teller read as a description: "the" and one to three lower-case words ("the shipowner")."""
    toks = b.toks
    words = toks[ph.lo : ph.hi]
    if not (2 <= len(words) <= 4 and words[0].low == "the" and all(t.kind == "w" and t.text.islower() for t in words)):
        return None
    return Draft(text=span_text(b.text, toks, ph.lo + 1, ph.hi), kind="description")


def frame_speaker(reader: ArticleReader, b: Block, qi: int) -> Draft | None:
    """The speaker of quote qi of block b, from the cues of its own sentence."""
    toks = b.toks
    qo, qc = b.q_open[qi], b.q_close[qi]
    si = b.sentence_of(qo)
    lo, hi = b.sents[si]
    cues = b.cues[si]
    opens = b.q_open
    # 1. A cue right after the closing mark: "...," said Li / "...," he told reporters.
    j = qc + 1
    while j < hi and toks[j].kind == "p" and toks[j].text in ",?!—–-…'’\"”":  # (a doubled '' mark too)
        j += 1
    # A clause after the quote with a quote of its own, in a sentence whose cue came before this
    # quote, is a new report: in 'May tweeted her thoughts were "with France," Merkel called it
    # "a symbol"', Merkel's verb is no attribution of May's words.
    cue_before = any(lo <= c.at < qo and not c.source for c in cues)
    if qc < len(toks) and j < hi:
        for c in cues:
            if c.source or (cue_before and any(c.at < o < hi for o in opens)):
                continue
            if c.at == j and (toks[j].low in INVERSION or toks[j].low in POST_ONLY):
                d = reader.phrase(b, c.fwd)
                if d is not None:
                    return _with_cue(d, c.text)
            if c.at == j and c.back is None and (d := _inverted_object_verb(reader, b, j, hi)) is not None:
                return _with_cue(d, c.text)
            if cue_before and CUE_FORMS.get(toks[c.at].low) == "report":
                # 'Hollande ... said attacks were thwarted "in recent weeks," the AP reported': the
                # report carries the sentence; the words are the speaker's of the cue before
                continue
            if j < c.at and c.back is not None and c.back.lo == j and not any(qo < o < c.at for o in opens):
                d = reader.phrase(b, c.back)
                if d is not None:
                    return _with_cue(d, c.text)
        d = _bare_attribution(reader, b, j, hi)
        if d is not None:
            return d
        # '"...," Hamidi was quoted as saying.' / '"...," the Times quoted Urzua as saying.'
        for c in cues:
            if qc < c.at < hi and c.participle and toks[c.at - 1].low == "as" and not any(qc < o < c.at for o in opens):
                d = _cue_speaker(reader, b, c, (qc + 1, hi), cues)
                if d is not None:
                    return _with_cue(d, c.text)
    # 2. A passive with its agent: 'an operation dubbed "D-Day" by Gov. Narongsak', 'the
    # situation is described by the IAEA as "very serious"'.
    d = _passive_agent(reader, b, qo, qc, lo, hi)
    if d is not None:
        return d
    # 3. The last cue before the opening mark: Li said the talks were "tough".
    # (Not a cue inside a relative clause: in 'Lubitz, the co-pilot who authorities say crashed
    # the plane, was "rather quiet"', the authorities say something else.)
    before = [c for c in cues if lo <= c.at < qo and not _in_relative_clause(b, c, qo)]
    for c in reversed(before):
        d = _cue_speaker(reader, b, c, (lo, hi), cues)
        if d is None and c.back is None and c.fwd is not None and c.fwd.hi <= qo and not c.source:
            d = reader.phrase(b, c.fwd)  # '"...," said Diab."Those responsible ..."': one sentence
        if d is None and c.back is not None and CUE_FORMS.get(toks[c.at].low) in _TOLD_VERBS:
            # "Evergreen said the shipowner has informed it that the ship "was suspected ...":
            # only someone tells or informs; the words are the teller's, whoever that is
            d = _teller(b, c.back)
            if d is None:
                break
        if d is not None:
            return _with_cue(d, c.text)
        if c.back is None or c.source or c.back.lo <= lo or not b.toks[c.back.lo].text.islower():
            break
        # "US Coast Guard says debris from the submersible suggests "catastrophic loss"": a
        # thing's verb reports no one; the clause is the speaker's before it
    # 4. A colon introduction without a verb: Li was blunt: "...".
    if not before and qo - 1 >= lo and toks[qo - 1].text == ":":
        d = _clause_subject(reader, b, lo, qo - 1)
        if d is not None:
            return _with_cue(d, ":")
    # 5. A source named after the quote: "...," according to X / ..., citing X. It comes after
    # the cue before the quote: in Li said "...", according to Xinhua, Li is the one quoted.
    after = [c for c in cues if qc < c.at < hi]
    for c in after:
        if c.source:
            d = reader.phrase(b, c.fwd, source=True)
            if d is not None:
                return _with_cue(d, c.text)
    # 6. An attribution closing the sentence: 'Not enough "upside surprise", Wall Street said.'
    # ... or inverted: '"Sadly ..." from an earlier toll, said Security Minister Cesar Navas.'
    for c in after:
        ph = c.back
        if c.fwd is not None and not c.source and toks[c.at - 1].text == "," and (ph is None or ph.lo >= c.at):
            ph = c.fwd
        elif c.source or ph is None or ph.lo <= qc or toks[ph.lo - 1].text != ",":
            continue
        if any(qc < o < c.at for o in opens):
            break  # another quote stands closer to this cue
        d = reader.phrase(b, ph)
        if d is not None:
            return _with_cue(d, c.text)
    # 7. Inside an opening participle phrase, whose subject is the main clause's:
    # 'Referring to the situation as "tending toward stability", Geng called on ...'
    first = toks[lo]
    if first.kind == "w" and first.text[0].isupper() and first.low.endswith("ing") and len(first.low) > 5:
        # The phrase ends at a comma, which may sit inside a quote: '... "moving ahead," Geng said'
        comma_closes = {b.q_close[x] for x, s in enumerate(b.spans) if b.text[s.start : s.end].rstrip().endswith(",")}
        end = next((k for k in range(qc, hi) if toks[k].text == "," or k in comma_closes), None)
        if end is not None:
            d = reader.phrase(b, np_after(toks, end + 1, hi, b.text))
            if d is not None and (d.person is not None or d.kind == "description"):
                return _with_cue(d, first.low)
    return None


def _inverted_object_verb(reader: ArticleReader, b: Block, j: int, hi: int) -> Draft | None:
    """ "...," accused President Igor Volkov, referring to ...: a verb of speech that elsewhere takes
    its object first ("accused Volkov of lying") comes before its subject right after a quotation
    when a named person follows it with nothing an object would take after it ("of", "for"): the
    sentence ends or goes on with a participle ("referring to ...")."""
    toks = b.toks
    if not toks[j].low.endswith("ed"):
        return None
    ph = np_after(toks, j + 1, hi, b.text)
    nxt = toks[ph.hi] if ph is not None and ph.hi < hi else None
    if ph is None or ph.lo != j + 1 or not (nxt is None or nxt.text in (",", ".", ";") or _participle(nxt)):
        return None
    d = reader.phrase(b, ph)
    return d if d is not None and d.person is not None else None


def _participle(t: Tok) -> bool:
    return t.kind == "w" and t.text.islower() and t.low.endswith("ing") and len(t.low) > 5


def _passive_agent(reader: ArticleReader, b: Block, qo: int, qc: int, lo: int, hi: int) -> Draft | None:
    """The agent of a passive verb of naming around a quote: '(was) dubbed "X" by Y' or
    'described by Y as "X"'."""
    toks = b.toks
    v = qo - 1 - (qo - 2 >= lo and toks[qo - 1].low == "as")
    if v >= lo and toks[v].low in NAMING_VERBS and qc + 2 < hi and toks[qc + 1].low == "by":
        ph = np_after(toks, qc + 2, hi, b.text)  # dubbed "D-Day" by Gov. Narongsak
    else:
        as_ = qo - 1
        v = next((k for k in range(as_ - 2, max(lo, as_ - 12) - 1, -1) if toks[k].low in NAMING_VERBS), None)
        if v is None or toks[as_].low != "as" or toks[v + 1].low != "by":
            return None
        ph = np_after(toks, v + 2, as_, b.text)  # described by the IAEA as "very serious"
    if ph is None or (v > lo and toks[v - 1].low not in BE and toks[v - 1].kind != "w"):
        return None
    return _with_cue(reader.phrase(b, ph), toks[v].text)


def _in_relative_clause(b: Block, c: Cue, qo: int) -> bool:
    """A cue whose subject follows "who" or "which", in a clause closed before the quote: 'the
    co-pilot who authorities say crashed the plane, was "..."' (not 'about which Rutte said:')."""
    toks = b.toks
    if _reduced_relative(toks, c):
        return True
    if c.back is None or c.back.lo == 0 or toks[c.back.lo - 1].low not in ("who", "whom", "which"):
        return False
    return any(toks[k].text == "," for k in range(c.at, qo))


def _reduced_relative(toks: list[Tok], c: Cue) -> bool:
    """A cue in a relative clause with no "that": a noun, a name and the verb, then the noun's own
    verb ("clarified the messages Abbott described were \"private\""): the name is the clause's
    subject, who did not say the main clause's words."""
    ph = c.back
    if ph is None or c.at + 1 >= len(toks) or toks[c.at + 1].low not in BE:
        return False
    if toks[ph.lo].low not in ("the", "this", "these", "those") or ph.hi != c.at:
        return False
    nouns = [t for t in toks[ph.lo + 1 : ph.hi] if t.text.islower()]
    names = [t for t in toks[ph.lo + 1 : ph.hi] if not t.text.islower()]
    k = ph.lo + 1 + len(nouns)
    return bool(nouns) and bool(names) and all(not t.text.islower() for t in toks[k : ph.hi])


def _bare_attribution(reader: ArticleReader, b: Block, j: int, hi: int) -> Draft | None:
    """ "...," Conley worries. / "...," he shrugged.: a person and one verb close the quote,
    whatever the verb; only a named person or a pronoun may speak this way."""
    toks = b.toks
    if toks[j].low in ("he", "she"):
        e = j + 1
    else:
        run = next(((a, z) for a, z in b.runs if j <= a < j + 6), None)
        if run is None or not (run[0] == j or (title_before(toks, run[0]) or (None,))[0] == j):
            return None
        e = run[1]
    if e >= hi or toks[e].kind != "w" or not toks[e].text.islower() or toks[e].low in NP_STOP:
        return None
    after = toks[e + 1] if e + 1 < hi else None
    if after is not None and after.kind != "p" and after.low not in POSTMOD and after.low not in SUBORDINATORS:
        return None
    d = reader.phrase(b, Phrase(j, e))
    if d is None or d.person is None:
        return None
    return _with_cue(d, toks[e].text)


# "Wang was quoted / a source was cited by Xinhua as saying": the one quoted speaks.
_QUOTED = frozenset(("quoted", "cited"))


def _cue_speaker(reader: ArticleReader, b: Block, c: Cue, sent: tuple[int, int], cues: list[Cue]) -> Draft | None:
    """Who speaks at cue c: its subject, the one quoted ("quoted as saying"), or for a
    participle ("..., saying") the subject of the clause it hangs on."""
    lo, _ = sent
    toks = b.toks
    if c.source:
        return reader.phrase(b, c.fwd, source=True)
    # A participle's noun phrase inside its clause is the object of the verb before it ("issued a
    # statement saying", "spoke to reporters saying"): its subject is the clause's.
    if c.back is not None and not (c.participle and c.back.lo > lo):
        d = reader.phrase(b, c.back)
        if d is not None:
            return d
    before = toks[c.at - 1].low if c.at > lo else ""
    k = c.at - 1
    while k > lo and toks[k].low in AUX_ADV and toks[k].text.islower():
        k -= 1
    # "Putin has spoken of "..." and has told ...": after an auxiliary, the verb joined to the
    # cue before speaks with its speaker (the cues below), not the sentence's first words
    joined = k < c.at - 1 and toks[k].low in ("and", "but")
    if before in ("and", "but"):
        # A second verb shares the first one's subject: "Correa lamented ... and noted that",
        # "Steenkamp said ... but added there was".
        d = _clause_subject(reader, b, lo, c.at)
        if d is not None:
            return d
    # "he sent a tweet which said:": the document's sender, the subject before it
    document = before in ("which", "that") and c.at - 2 >= lo and toks[c.at - 2].low in DOCUMENTS
    if not (c.participle or before in (",", "and", "but") or document or joined):
        return None
    if c.at >= 2 and toks[c.at - 1].low == "as":
        quoted = next((k for k in range(c.at - 2, lo - 1, -1) if toks[k].low in _QUOTED), None)
        if quoted is not None:
            # "Xinhua quoted Wang as saying" / "Wang was quoted (cited) by Xinhua as saying"
            end = c.at - 2 - (toks[c.at - 2].text == ",")  # "quoted Urzua, as saying"
            inner = np_before(toks, quoted + 1, end) if end > quoted else None
            if inner is not None and toks[quoted + 1].low != "by":
                ph = Phrase(inner, end + 1)
            else:
                k = quoted - 1 if quoted - 1 >= lo and toks[quoted - 1].low in BE else quoted
                ph = subject_before(toks, lo, k, b.text)
            d = reader.phrase(b, ph)
            if d is not None:
                return d
    for other in reversed([o for o in cues if o.at < c.at and not o.source]):
        d = _cue_speaker(reader, b, other, sent, cues)
        if d is not None:
            return d
    # The nearest person named before the cue who may be the main clause's subject: not one
    # named inside a subordinate clause ("Biden spoke after Chauvin was found guilty, saying":
    # Chauvin is the clause's), who speaks only when the main clause names no one ("Tensions
    # eased after Trump softened his tone, saying"); nor the object of a preposition ("Trump has
    # hedged his criticism of Saudi leaders over Khashoggi, insisting": Trump insists); nor a
    # possessive, which is no subject ("Dunn accepted Park's resignation, adding": Dunn adds).
    inner = None
    for k in range(c.at - 1, lo - 1, -1):
        p = reader.resolved.get((b.index, k))
        if p is None or not p.strong or reader.resolved.get((b.index, k + 1)) is p:
            continue  # (a name is judged once, at its last word)
        if is_possessive(b.toks[k]):
            continue
        if _object_of_preposition(reader, b, k, lo):
            continue
        if not _in_subordinate(toks, lo, k):
            return Draft(person=p, kind="person")
        inner = inner or p
    if inner is not None:
        return Draft(person=inner, kind="person")
    return _clause_subject(reader, b, lo, c.at)


_PREPOSITIONS = frozenset(
    "of over to with about for against on at from in into toward towards without under between among".split()
)


def _object_of_preposition(reader: ArticleReader, b: Block, k: int, lo: int) -> bool:
    """Is the name ending at token k the object of a preposition ("over Khashoggi", "with
    President Xi", "of the late Mr Li")?"""
    p = reader.resolved.get((b.index, k))
    a = k
    while a - 1 >= lo and reader.resolved.get((b.index, a - 1)) is p:
        a -= 1
    s = reader.phrase_start(b.toks, a, lo)
    return s - 1 >= lo and b.toks[s - 1].low in _PREPOSITIONS and b.toks[s - 1].text.islower()


# Words that open a subordinate clause of time, cause or concession inside a sentence.
_SUBORDINATE_LINKS = frozenset("after although because before once since though until when whereas while".split())


def _in_subordinate(toks: list[Tok], lo: int, k: int) -> bool:
    """Is token k inside a subordinate clause opened after the sentence's start ("Biden spoke
    after | Chauvin was found guilty")? The clause runs to the next comma."""
    for j in range(k - 1, lo, -1):
        if toks[j].text in (",", ";", ":"):
            return False
        if toks[j].low in _SUBORDINATE_LINKS and toks[j].text.islower():
            return True
    return False


def _clause_subject(reader: ArticleReader, b: Block, lo: int, end: int) -> Draft | None:
    """The speaker-like subject at the start of a sentence, after an introductory phrase."""
    toks = b.toks
    start = lo
    first = toks[start] if start < end else None
    if (
        first is not None
        and first.kind == "w"
        and (first.low in SUBORDINATORS or first.low in NP_STOP or first.low.endswith("ing"))
    ):
        comma = next((k for k in range(start, end) if toks[k].text == ","), None)
        if comma is None:
            return None
        start = comma + 1
    if start < end and toks[start].kind == "w" and toks[start].text.isupper() and len(toks[start].text) > 3:
        return None  # a dateline: "KUALA LUMPUR:"
    ph = np_after(toks, start, end, b.text)
    d = reader.phrase(b, ph)
    if d is None or ph is None:
        return None
    if d.person is None and ph.hi + 1 < end and toks[ph.hi].text == ",":
        # "A second miner, Mario Sepulveda (40) soon followed, admitting:": the name in apposition
        name = next(((a, z) for a, z in b.runs if a == ph.hi + 1 and z <= end), None)
        named = reader.phrase(b, Phrase(*name)) if name is not None else None
        if named is not None and named.person is not None:
            named.role = named.role or d.role
            return named
    last = toks[ph.hi - 1]
    if (
        d.person is None
        and d.kind != "organisation"
        and not is_role_head(last)
        and last.low not in ("administration", "government", "ministry")
    ):
        return None  # "The message was clear:" names no speaker
    return d


def _closes_sentence(b: Block, c: Cue, hi: int) -> bool:
    """ "..., Li said." / "..., said Li on Sunday.": a cue after a comma, near the sentence's end."""
    toks = b.toks
    start = c.back.lo if c.back is not None and c.back.lo < c.at else c.at
    end = c.fwd.hi if c.fwd is not None else c.at + 1
    if c.source or start == 0 or toks[start - 1].text != ",":
        return False
    return sum(t.kind in "wan" for t in toks[end:hi]) <= 4


def sentence_speaker(reader: ArticleReader, b: Block, si: int) -> Draft | None:
    """Who speaks in a sentence of reported speech ("..., Li said." / "Li said that ...")."""
    lo, hi = b.sents[si]
    cues = b.cues[si]
    # An attribution closing the sentence governs all of it: in "The US side expressed its
    # position ..., Li said." Li speaks, not the subject of the clause he reports.
    closing = [c for c in cues if _closes_sentence(b, c, hi)]
    for c in closing or sorted(cues, key=lambda c: c.source):
        if c.source:
            d = reader.phrase(b, c.fwd, source=True)
        else:
            d = reader.phrase(b, c.fwd) if c.fwd is not None and c.back is None else None
            d = d or _cue_speaker(reader, b, c, (lo, hi), cues)
        if d is not None:
            return _with_cue(d, c.text)
    return None


_PLATFORMS = frozenset("twitter facebook instagram x social".split())


# (EXPRESSION_VERBS: verbs of a message given without words of speech: "President Kenyatta
# mourned the monarch as a towering icon.", "Smith paid tribute to the crew.")
def expression_speaker(reader: ArticleReader, b: Block, si: int) -> Draft | None:
    """The named person who opens a sentence with a verb of expression, with no quotation in it:
    the speaker of a quotation standing alone right after it."""
    lo, hi = b.sents[si]
    toks = b.toks
    for v in range(lo + 1, min(hi, lo + 14)):
        t = toks[v]
        took = t.low == "took" and v + 2 < hi and toks[v + 1].low == "to" and toks[v + 2].low in _PLATFORMS
        if t.kind != "w" or not (t.low in EXPRESSION_VERBS or took):
            continue
        ph = subject_before(toks, lo, v, b.text)
        if ph is None or ph.lo != lo or not toks[lo].text[0].isupper():
            return None  # the subject opens the sentence ("In Kenya, ..." is no subject)
        d = reader.phrase(b, ph)
        if d is None or d.person is None or d.how != "same-sentence":
            return None  # a named person, not "he" or a role read back to someone
        d.cue = t.text
        return d
    return None
