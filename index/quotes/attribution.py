"""Who said it: cue verbs, speaker phrases, and names, pronouns and roles resolved in one article.

A quotation's speaker is looked for in its own sentence, in this order: a cue right after the
closing mark ("...," said Li / he told reporters), the last cue before the opening mark (Li said
the talks were "tough"; a spokesperson said: "..."), a colon introduction (Li was blunt: "..."),
a source named after it (according to X, citing X), an attribution closing the sentence, and the
subject of an opening participle phrase. A quotation alone in its sentence continues the speaker
of the quotation before it (same paragraph, the previous paragraph, or the piece it runs on
from); one the article attributes elsewhere in the same words keeps that speaker; a headline
quotation takes the speaker of the body passage it repeats.

A speaker phrase is split into a name and a role with a lexicon of title words ("US Treasury
Secretary Scott Bessent" -> Scott Bessent, US Treasury Secretary). The article is read in order,
keeping the persons named so far: a short form takes the full name that shares its family name
(Chinese names put it first: "Li" -> Li Chenggang), "he"/"she" the most recent person in subject
position, "the minister" the person who holds that role, "the ministry" the body named before.
The capitalised surname "He" (Vice Premier He Lifeng) is told from the pronoun by its place: a
name inside a sentence, and at a sentence start when a pronoun would have no one else to mean.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from talks_tui.index.quotes.blocks import Block, demonym_surnames, headline_like, org_names
from talks_tui.index.quotes.cues import Phrase, np_after
from talks_tui.index.quotes.marks import MarkedSpan
from talks_tui.index.quotes.people import Person
from talks_tui.index.quotes.reading import ArticleReader, Draft, one_unnamed_person
from talks_tui.index.quotes.speaker_rules import expression_speaker, frame_speaker, is_label, sentence_speaker
from talks_tui.index.quotes.statements import STATEMENT_MIN_WORDS, reported_clause_in, statement_stems
from talks_tui.index.quotes.vocabulary import AUX_ADV, CUE_FORMS, EAST_ASIAN_SURNAMES
from talks_tui.index.quotes.word_kinds import is_name_word
from talks_tui.index.tokens import ALNUM_RE, fold


@dataclass(frozen=True)
class Attribution:
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    kind: str | None = None  # "person", "description" (an unnamed speaker), "organisation"
    co_speakers: tuple[str, ...] = ()
    method: str = "none"  # how the speaker was found: a key of model.ATTRIBUTIONS
    # For a short fragment, the clause reported around it (see `reported_clause`): worked out
    # here, where the paragraph is already read, rather than again when variants are grouped.
    statement: str | None = None


NONE = Attribution()


def attribute_article(
    title: str | None,
    title_spans: Sequence[MarkedSpan],
    paragraphs: Sequence[str],
    spans: Sequence[Sequence[MarkedSpan]],
) -> tuple[list[Attribution], list[list[Attribution]]]:
    """Attribute every marked span of an article: (title attributions, per-paragraph lists)."""
    blocks = [Block(i, p, s) for i, (p, s) in enumerate(zip(paragraphs, spans, strict=True))]
    if surnames := demonym_surnames(blocks):
        for b in blocks:
            b.name_surnames(surnames)
    reader = ArticleReader(blocks)
    if title:
        reader.titled_names(Block(-1, title, ()))  # "Prime Minister David Cameron announces ..."
        # and its bodies, for "the airline" of the first paragraph
        reader.org_names.extend((-1, a, name) for a, name in org_names(Block(-1, title, ())))
    reader.collect()
    reader.read()

    drafts: list[list[Draft | None]] = []
    labels: list[list[bool]] = []
    reported: dict[tuple[int, int], Draft] = {}  # (block, sentence) -> speaker of reported speech
    expressed: dict[tuple[int, int], Draft] = {}  # (block, sentence) -> who mourned, paid tribute ...
    for b in blocks:
        labels.append([is_label(b, qi) for qi in range(len(b.spans))])
        drafts.append([None if labels[-1][qi] else frame_speaker(reader, b, qi) for qi in range(len(b.spans))])
        quoted = {b.sentence_of(o) for o in b.q_open}
        for si in range(len(b.sents)):
            if si not in quoted:
                d = sentence_speaker(reader, b, si)
                if d is not None:
                    reported[(b.index, si)] = d
                elif (d := expression_speaker(reader, b, si)) is not None:
                    expressed[(b.index, si)] = d

    _continue_speakers(blocks, drafts, labels, reported, expressed)
    _same_words_same_speaker(blocks, drafts, labels, reported)
    _described_then_named(blocks, drafts)

    # The title: its own cue ("Trump says ..."), else the body passage it repeats.
    title_drafts: list[Draft | None] = []
    if title and title_spans:
        tb = Block(-1, title, title_spans)
        for qi, span in enumerate(title_spans):
            d = frame_speaker(reader, tb, qi) or _dash_speaker(reader, tb, qi)
            if d is not None and d.person is None and d.kind != "description":
                d = None
            source = _headline_source(title[span.start : span.end], blocks, drafts, reported)
            if d is not None and d.person is None and source is not None and _names_holder(d, source):
                d = None  # "Lufthansa chief says he's 'stunned'": the body names the chief
            title_drafts.append(d or _inferred(source, "headline"))
    body = [
        [_with_statement(_finish(d), b, span) for d, span in zip(row, b.spans, strict=True)]
        for row, b in zip(drafts, blocks, strict=True)
    ]
    return [_finish(d) for d in title_drafts], body


def _dash_speaker(reader: ArticleReader, tb: Block, qi: int) -> Draft | None:
    """A headline that gives its speaker after a dash: "'We are the luckiest ones' - survivors of
    Christchurch killings" (nothing but the speaker after the dash)."""
    toks, qc = tb.toks, tb.q_close[qi]
    k = qc + 1
    if k + 1 >= len(toks) or toks[k].text not in ("-", "–", "—") or any(t.kind == "q" for t in toks[k:]):
        return None
    end = len(toks) - (toks[-1].kind == "p")
    ph = np_after(toks, k + 1, end, tb.text)
    if ph is not None and ph.hi != end and toks[k + 1].text.islower() and toks[ph.hi].low == "of":
        ph = Phrase(ph.lo, end)  # "survivors of Christchurch killings": a description in full
    if ph is None or ph.hi != end:
        return None
    d = reader.phrase(tb, ph)
    if d is None or not (d.person is not None or (d.kind == "description" and toks[k + 1].text.islower())):
        return None
    return d


def _with_statement(attribution: Attribution, b: Block, span: MarkedSpan) -> Attribution:
    if len(b.text[span.start : span.end].split()) >= STATEMENT_MIN_WORDS:
        return attribution
    return replace(attribution, statement=reported_clause_in(b, span.start, span.end))


def _reported_before(b: Block, qi: int, reported: dict[tuple[int, int], Draft]) -> Draft | None:
    """The speaker of reported speech in the sentence before a quotation, in its paragraph,
    when no quotation stands between them."""
    si = b.sentence_of(b.q_open[qi])
    if si == 0 or (qi > 0 and b.sentence_of(b.q_open[qi - 1]) >= si - 1):
        return None
    return reported.get((b.index, si - 1))


def _alone_in_sentence(b: Block, qi: int) -> bool:
    """No words in the quotation's sentence but the quotation, or only a cue that names no
    speaker ('"...," said.', 'Adding: "..."')."""
    lo, hi = b.sents[b.sentence_of(b.q_open[qi])]
    qo, qc = b.q_open[qi], b.q_close[qi]
    outside = [t for k, t in enumerate(b.toks[lo:hi], lo) if not qo <= k <= qc and t.kind in "wan"]
    return all(t.low in CUE_FORMS or t.low in AUX_ADV for t in outside)


def _is_story(b: Block) -> bool:
    """Story text rather than a subhead ("TALKING POINTS") between paragraphs."""
    if b.text.rstrip().endswith(":") and any(b.cues):
        return True  # "Unsworth continued:", its quotation in the next paragraph
    return bool(b.spans) or sum(t.kind in "wan" for t in b.toks) >= 5


def _continue_speakers(
    blocks: list[Block],
    drafts: list[list[Draft | None]],
    labels: list[list[bool]],
    reported: dict[tuple[int, int], Draft],
    expressed: dict[tuple[int, int], Draft],
) -> None:
    """Quotes with no cue of their own continue the speaker before them."""
    last_story: int | None = None  # the previous paragraph of story text
    story_before: int | None = None  # and the one before it
    for bi, b in enumerate(blocks):
        row = drafts[bi]
        for qi, span in enumerate(b.spans):
            if row[qi] is not None or labels[bi][qi]:
                continue
            prev_row = drafts[last_story] if last_story is not None else []
            if span.continued and last_story is not None:
                row[qi] = _inferred(next((d for d in reversed(prev_row) if d is not None), None), "continued")
                if row[qi] is not None:
                    continue
            if not _alone_in_sentence(b, qi):
                continue
            earlier = next((row[k] for k in range(qi - 1, -1, -1) if row[k] is not None), None)
            later = next((row[k] for k in range(qi + 1, len(row)) if row[k] is not None), None)
            if earlier is not None or later is not None:
                row[qi] = _inferred(earlier or later, "continued")  # "...," he said. "..."
            elif (before := _reported_before(b, qi, reported)) is not None:
                # "Ahmad said the contact was lost. "We deeply regret ..."": the same speaker
                row[qi] = _inferred(before, "continued")
            elif (before := _reported_before(b, qi, expressed)) is not None:
                # "President Kenyatta mourned the monarch as a towering icon. "Her Majesty ...""
                row[qi] = _inferred(before, "continued")
            elif qi == 0 and b.q_open[0] <= 3 and last_story is not None:
                # A paragraph that opens with a quote continues the last speaker before it.
                prev = next((d for d in reversed(prev_row) if d is not None), None)
                if prev is None:
                    prev = _last_reported(blocks[last_story], reported)
                if prev is None and (bridge := _bridged(blocks, last_story, story_before)) is not None:
                    # "X said ... / His organisation had been fielding inquiries. / "...": a
                    # paragraph about the speaker, by pronoun only, between him and his words
                    earlier_row = drafts[bridge]
                    prev = next((d for d in reversed(earlier_row) if d is not None), None)
                    prev = prev or _last_reported(blocks[bridge], reported)
                    prev = prev if _agrees(prev, blocks[last_story]) else None
                row[qi] = _inferred(prev, "previous-paragraph")
        # A quote that runs on into this paragraph gives its speaker to the piece before.
        if b.spans and b.spans[0].continued and row[0] is not None and last_story is not None:
            prev_row = drafts[last_story]
            if prev_row and prev_row[-1] is None and not labels[last_story][-1]:
                prev_row[-1] = _inferred(row[0], "continued")
        if _is_story(b):
            story_before, last_story = last_story, bi


def _last_reported(b: Block, reported: dict[tuple[int, int], Draft]) -> Draft | None:
    """The speaker of the last reported speech in a paragraph."""
    sents = range(len(b.sents) - 1, -1, -1)
    return next((reported[(b.index, si)] for si in sents if (b.index, si) in reported), None)


def _bridged(blocks: list[Block], last_story: int, story_before: int | None) -> int | None:
    """The paragraph before the last one when the last one only speaks of someone by pronoun
    ("His organisation had been fielding inquiries."): no quotation, no capitalised word but
    the first and acronyms, and a pronoun at its start."""
    pb = blocks[last_story]
    if story_before is None or pb.spans or not pb.toks or pb.toks[0].low not in _BRIDGE_PRONOUNS:
        return None
    if any(t.kind == "w" and t.text[0].isupper() and not t.text.isupper() for t in pb.toks[1:]):
        return None  # someone else may be named there (an acronym is a body: "the NRL")
    return story_before


_BRIDGE_PRONOUNS = {"he": "m", "his": "m", "him": "m", "she": "f", "her": "f"}


def _agrees(d: Draft | None, pb: Block) -> bool:
    """A person's known gender agrees with the pronoun that opens the bridging paragraph."""
    if d is None or d.person is None:
        return False
    return d.person.gender in (None, _BRIDGE_PRONOUNS[pb.toks[0].low])


def _inferred(d: Draft | None, how: str) -> Draft | None:
    """A speaker taken from elsewhere (a copy: the original keeps how it was found)."""
    return None if d is None else replace(d, how=how)


def _quote_key(text: str) -> str:
    return " ".join(ALNUM_RE.findall(fold(text)))


def _same_words_same_speaker(
    blocks: list[Block],
    drafts: list[list[Draft | None]],
    labels: list[list[bool]],
    reported: dict[tuple[int, int], Draft],
) -> None:
    """A quote with no cue whose words the article attributes elsewhere has that speaker; a
    headline line kept in the body is matched like the title."""
    said: dict[str, Draft] = {}
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            d = drafts[bi][qi]
            if d is not None:
                said.setdefault(_quote_key(b.text[span.start : span.end]), d)
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            if drafts[bi][qi] is not None or labels[bi][qi]:
                continue
            text = b.text[span.start : span.end]
            d = _inferred(said.get(_quote_key(text)) or _said_within(_quote_key(text), said), "same-words")
            if d is None and headline_like(b):
                d = _inferred(_headline_source(text, blocks, drafts, reported), "headline")
            drafts[bi][qi] = d


# Words a quotation needs to be known by the longer one it is an excerpt of.
_EXCERPT_MIN_WORDS = 6


def _said_within(key: str, said: dict[str, Draft]) -> Draft | None:
    """The speaker of the one longer quotation whose words hold these words in a row (a
    standfirst or pull quote that repeats part of a quotation in the body), if only one speaker's do."""
    if len(key.split()) < _EXCERPT_MIN_WORDS:
        return None
    found = [d for k, d in said.items() if k != key and f" {key} " in f" {k} "]
    names = {(d.person.name if d.person is not None else d.text) for d in found}
    return found[0] if len(names) == 1 else None


def _described_then_named(blocks: list[Block], drafts: list[list[Draft | None]]) -> None:
    """Quotations a sentence gives to one unnamed person ("One woman said she heard a "big bang"
    and ... "the oxygen masks were hanging from the ceiling."", a standfirst) whose words all
    stand in one quotation the article gives to a named person ("...I heard like a big bang ... the
    oxygen masks were hanging from the ceiling," Le told ...): that person's, when one of them is
    long enough to be known by (an excerpt of six words or more), the words are in no other named
    person's quotation, and the person's gender, if known, agrees with the description's noun."""
    said: list[tuple[str, Draft]] = []
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            d = drafts[bi][qi]
            if d is not None and d.person is not None:
                said.append((f" {_quote_key(b.text[span.start : span.end])} ", d))
    if not said:
        return
    for bi, b in enumerate(blocks):
        groups: dict[tuple[int, str], list[int]] = {}
        for qi, d in enumerate(drafts[bi]):
            if d is not None and d.person is None and d.kind == "description" and d.text:
                groups.setdefault((b.sentence_of(b.q_open[qi]), d.text), []).append(qi)
        for (_, description), members in groups.items():
            one, gender = one_unnamed_person(description)
            if not one:
                continue
            keys = [_quote_key(b.text[b.spans[qi].start : b.spans[qi].end]) for qi in members]
            if not any(len(k.split()) >= _EXCERPT_MIN_WORDS for k in keys):
                continue
            found = [d for whole, d in said if all(f" {k} " in whole for k in keys)]
            persons = {id(d.person): d.person for d in found if d.person is not None}
            if len(persons) != 1:
                continue
            person = next(iter(persons.values()))
            if gender is not None and person.gender not in (None, gender):
                continue
            for qi in members:
                drafts[bi][qi] = _inferred(found[0], "same-words")


def _names_holder(description: Draft, source: Draft) -> bool:
    """Does the body's speaker of the same words hold the role a headline describes: "Lufthansa
    chief" and Carsten Spohr, "Lufthansa chief executive"?"""
    if source.person is None or not description.text:
        return False
    want = set(fold(description.text).split())
    return any(want <= set(fold(role).split()) for role in source.person.roles)


def _headline_source(
    text: str,
    blocks: list[Block],
    drafts: list[list[Draft | None]],
    reported: dict[tuple[int, int], Draft],
) -> Draft | None:
    """The speaker of the body quote or reported sentence that a headline quote repeats:
    a short quote must appear word for word, a longer one share 60% of its words."""
    want = statement_stems(text)
    if not want:
        return None
    phrase = " ".join(fold(text).split()).strip(" .,;:!?")
    short = len(want) <= 3

    def score(body: str) -> float:
        if short:
            return 1.0 if phrase in " ".join(fold(body).split()) else 0.0
        return len(want & statement_stems(body)) / len(want)

    best, best_score = None, 0.0
    for bi, b in enumerate(blocks):
        for qi, span in enumerate(b.spans):
            d = drafts[bi][qi]
            if d is not None:
                s = score(b.text[span.start : span.end]) + 0.001  # a quote beats an equal sentence
                if s > best_score:
                    best, best_score = d, s
        for si, (lo, hi) in enumerate(b.sents):
            d = reported.get((b.index, si))
            if d is not None:
                s = score(b.text[b.toks[lo].start : b.toks[hi - 1].end])
                if s > best_score:
                    best, best_score = d, s
    return best if best_score >= 0.6 else None


def _finish(d: Draft | None) -> Attribution:
    if d is None:
        return NONE
    co = tuple(x.name if isinstance(x, Person) else x for x in d.co if x)
    if d.person is not None:
        role = d.role or (d.person.roles[0] if d.person.roles else None)
        return Attribution(d.person.name, role, d.cue, "person", co, method=d.how)
    if d.text:
        text = re.sub(r"^(?:a|an|the)\s+", "", d.text, flags=re.I)
        return Attribution(text, d.role, d.cue, d.kind or "description", co, method=d.how)
    return NONE


# ---------------------------------------------------------------------------------------------
# For the corpus level (talks_tui.index.quotes.speakers)


def full_names_for(words: Iterable[str], paragraphs: Iterable[str]) -> list[str]:
    """Full names in the text whose family name is one of `words` ("Bessent" -> "Scott
    Bessent", "Li" -> "Li Chenggang"): a cheap scan, so that a corpus is not read twice."""
    keys = sorted({w for w in words if w and w[0].isupper()})
    if not keys:
        return []
    alternatives = "|".join(map(re.escape, keys))
    mention = re.compile(rf"\b(?:{alternatives})\b")
    found = []
    for text in paragraphs:
        for m in mention.finditer(text):
            # the name words just before ("Scott Bessent") ...
            before = text[max(0, m.start() - 60) : m.start()].split()[-3:]
            k = len(before)
            while k > 0 and before[k - 1][-1:].isalpha() and is_name_word(before[k - 1]):
                k -= 1  # (a comma or full stop ends a name: "... Abdul Rahman, Najib told")
            if k < len(before):
                found.append(" ".join([*before[k:], m.group()]))
            # ... or just after a family name written first ("Li Chenggang")
            if fold(m.group()) in EAST_ASIAN_SURNAMES:
                after = text[m.end() : m.end() + 30].split()[:1]
                if after and is_name_word(after[0]) and after[0].isalpha():
                    found.append(f"{m.group()} {after[0]}")
    return found
