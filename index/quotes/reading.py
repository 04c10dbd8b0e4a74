"""The article read in order: who is named (pass 1), then each mention, pronoun and capitalised
"He" resolved to a person (pass 2); speaker phrases resolved to a person, an unnamed speaker's
description or a body."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from talks_tui.index.quotes.blocks import (
    Block,
    body_name_end,
    headline_like,
    norm_country,
    org_names,
    plural_noun,
    run_words,
    title_before,
    trailing_name,
)
from talks_tui.index.quotes.cues import Phrase, insert_kind, np_after
from talks_tui.index.quotes.people import People, Person
from talks_tui.index.quotes.vocabulary import (
    AUX_ADV,
    BE,
    COMPANY_WORDS,
    COUNTRIES,
    CUE_FORMS,
    DEMONYMS,
    DETERMINERS,
    DOCUMENTS,
    FEMALE_NAMES,
    FUNCTION_WORDS,
    HONORIFICS,
    MALE_NAMES,
    MODIFIED_NOUNS,
    NAME_PARTICLES,
    NOT_ADVERBS,
    NP_STOP,
    ORG_WORDS,
    PLACE_STARTS,
    PORTFOLIO,
    POSS_DET,
    POSTMOD,
    PRONOUNS,
    QUANTIFIERS,
    ROLE_HEADS,
    SPEAKER_NOUNS,
    STOPWORDS,
    SUBORDINATORS,
)
from talks_tui.index.quotes.word_kinds import (
    is_group_word,
    is_name_token,
    is_name_word,
    is_possessive,
    is_role_head,
    personal,
    possessive_name,
    span_text,
)
from talks_tui.index.tokens import Tok, fold

# What a person or a body puts its words out in: "his statement", "its website".
_OWNED_SOURCES = DOCUMENTS | {"website", "blog", "account"}
_ACRONYM_RE = re.compile(r"\s*\([A-Z]{2,}\)")  # "Tokyo Electric Power Co (TEPCO) spokesperson"


@dataclass
class Draft:
    """A speaker while the article is read: a person (whose name may still grow) or a text."""

    person: Person | None = None
    text: str | None = None  # an unnamed speaker's description, or a body's name
    kind: str | None = None
    role: str | None = None
    cue: str | None = None
    co: tuple[Person | str, ...] = ()
    how: str = "same-sentence"  # how it was found: a key of model.ATTRIBUTIONS


@dataclass
class _Mention:
    person: Person
    block: int
    tok: int
    subject: bool  # in subject position: the likely referent of a following "he"
    sentence: int  # the article's sentences counted in reading order
    subordinate: bool = False  # the subject of a subordinate clause ("although X had asked")
    speaker: bool = False  # named as the one who speaks at a cue ("said X", "according to X")


# How a pronoun's antecedent is chosen among the persons of the last few paragraphs: each
# sentence back costs one point; the subject of its clause, a gender known to match and a person
# known as such (not just a capitalised run) gain. So the subject of the sentence before beats
# an object there, but not a person two sentences further back, whatever is known of them.
_ANTECEDENT_BLOCKS = 3
# Words that go on describing a name in apposition ("his brother, X from Canada"), where a
# subject's verb would follow.
# Verbs and auxiliaries that make the words after a name and a comma a clause of their own.
_CLAUSE_VERBS = frozenset("is are was were has have had will would could can may might should".split())
_APPOSITION_TAILS = frozenset("from of in at with".split())
_SUBJECT = 0.6
_SUBORDINATE = 0.5  # the share of it a subordinate clause's subject gains
# Words that open a subordinate clause, whose subject is less the sentence's topic than the main
# clause's ("and", "but" join main clauses).
_SUBORDINATE_OPENERS = frozenset(
    "after although as because before if once since though until when whereas while".split()
)
_GENDER_KNOWN = 0.5
# What a speaker named at a cue gains for a "he" or "she" that speaks in turn ('"...," he said').
_SPEAKER = 0.6
_STRONG = {True: 0.3, False: -0.7}


# Words that make a role another one: the deputy minister is not the minister.
_RANK_WORDS = frozenset("deputy vice acting assistant former ex associate junior under interim".split())


def _rank_before(role: str, head: str) -> set[str]:
    """The rank words just before the role's head word: "Deputy Defence Minister" -> {"deputy"}
    (not the "vice" of a second role further on: "... and vice minister of commerce")."""
    words = re.findall(r"[\w.]+", fold(role))
    at = next((i for i, w in enumerate(words) if w == head or w.split("-")[-1] == head), None)
    return set() if at is None else _RANK_WORDS.intersection(words[max(0, at - 3) : at])


# Titles written short, as a role holder is looked up by the words of the full title.
_ROLE_ABBREVIATIONS = {"pm": "prime minister", "fm": "foreign minister", "ceo": "chief executive"}


_AGE_NOUN_GENDER = {"woman": "f", "girl": "f", "man": "m", "boy": "m"}


def _determiner(t: Tok) -> bool:
    return t.low in DETERMINERS or t.low in POSS_DET


def _after_object_noun(toks: list[Tok], comma: int, lo: int) -> bool:
    """Does a noun phrase the clause's verb acts on end at `comma`: "was expecting his brother,"?
    Not an opening phrase ("In the afternoon,", "In his speech,"), which no verb comes before."""
    k = comma - 1
    while k >= lo and toks[k].kind == "w" and toks[k].text.islower() and not _determiner(toks[k]):
        k -= 1
    if k < lo or k == comma - 1 or not _determiner(toks[k]):
        return False
    return any(t.kind == "w" and t.text.islower() and t.low not in FUNCTION_WORDS for t in toks[lo:k])


def _age_epithet(toks: list[Tok], k: int, lo: int) -> bool:
    """ "the 74-year-old" standing for a person named before: "the", a number, "year-old", and
    then no noun but a gendered one ("the 74-year-old woman")."""
    if toks[k].low not in ("year-old", "years-old") or k - 3 < lo:
        return False
    if not (toks[k - 1].text == "-" and toks[k - 2].kind == "n" and toks[k - 3].low == "the"):
        return False
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is None or nxt.kind != "w" or nxt.low in _AGE_NOUN_GENDER or nxt.low in CUE_FORMS


def _described_given_name(before: Tok, name: str) -> bool:
    """A known given name after a lower-case noun that describes its bearer ("her daughter
    Lucy", misspelt or not; "the teenager Pemba"), not after a function word or a verb of speech."""
    low = fold(name)
    if low not in FEMALE_NAMES and low not in MALE_NAMES:
        return False
    w = before.low
    return (
        before.kind == "w"
        and before.text.isalpha()
        and before.text.islower()
        and len(w) > 3
        and (w not in FUNCTION_WORDS and w not in CUE_FORMS and not w.endswith("ly"))
    )


def _lower_word(t: Tok) -> bool:
    return t.kind == "w" and t.text.islower() and not is_possessive(t)


def _maybe_body(p: Person) -> bool:
    """A speaker named by one word of no known gender that no title marks as a person."""
    return p.strong and len(p.tokens) == 1 and p.gender is None and not p.roles


def _descriptor(t: Tok) -> bool:
    """A description before a name: a number, a hyphenated description ("43-year-old",
    "Mother-of-four") or a noun for a person ("neighbour", "villager")."""
    if t.kind == "n" or t.low in SPEAKER_NOUNS:
        return True
    return t.kind == "w" and "-" in t.text and not is_name_word(t.text)


def _modifies_noun(toks: list[Tok], z: int) -> bool:
    """A one-word name followed by the noun it qualifies, whose verb follows ("Cebu residents
    described", "a Dubai resident said"): the name is no one's mention."""
    if z + 1 >= len(toks):
        return False
    noun, verb = toks[z], toks[z + 1]
    if noun.kind != "w" or not noun.text.islower() or noun.low in CUE_FORMS or noun.low in BE or noun.low in AUX_ADV:
        return False
    if noun.low.endswith(("ed", "ing")) or noun.low in NP_STOP:
        return False
    if noun.low.endswith("ly") and len(noun.low) > 4 and noun.low not in NOT_ADVERBS:
        return False  # an adverb: "Ranieri typically passed"
    return verb.kind == "w" and (
        verb.low in CUE_FORMS or verb.low in BE or verb.low in AUX_ADV or verb.low.endswith("ed")
    )


# Role words that any holder of an office answers to, whatever his title: "the official".
_GENERIC_HEADS = frozenset(("official",))
_UNNAMED_DETERMINERS = frozenset("a an the one another".split())
_NOUN_GENDER = {
    "man": "m", "boy": "m", "father": "m", "son": "m", "brother": "m", "husband": "m",
    "woman": "f", "girl": "f", "mother": "f", "daughter": "f", "sister": "f", "wife": "f",
}  # fmt: skip
# Nouns of speakers that are no single person: bodies, groups, documents.
_NOT_A_PERSON = frozenset(
    "account document filing letter media memo note notice people post readout report side source "
    "statement website camp family fact sheet".split()
)


def one_unnamed_person(description: str) -> tuple[bool, str | None]:
    """Does a description name one unnamed person ("One woman", "a passenger"), and of which
    gender, if its noun says ("woman": "f")?"""
    words = description.split()
    head = fold(words[-1]) if words else ""
    return _person_noun(head), _NOUN_GENDER.get(head)


def _person_noun(low: str) -> bool:
    """A singular noun for one person: "diver", "survivor", "resident", "witness"."""
    if low in DOCUMENTS or low in ORG_WORDS or low in _NOT_A_PERSON:
        return False
    if not (low in ROLE_HEADS or low in SPEAKER_NOUNS):
        return False
    return not (low.endswith("s") and (low[:-1] in ROLE_HEADS or low[:-1] in SPEAKER_NOUNS))


def _opening_noun_phrase(toks: list[Tok]) -> bool:
    """A short noun phrase of lower-case words after a determiner, such as opens a sentence as
    its subject: "One of the club patrons", "A patron" (not "Tomas Rivas had seen his friend")."""
    if not 1 <= len(toks) <= 6 or toks[0].low not in _OPENERS:
        return False
    rest = toks[1:]
    return all(t.kind == "w" and t.text.islower() and t.low not in _VERBISH and not t.low.endswith("ed") for t in rest)


_OPENERS = DETERMINERS | POSS_DET | QUANTIFIERS | {"one"}
_VERBISH = BE | frozenset("had has have did does do will would could can should may might must".split())


def _ends_subject(t: Tok) -> bool:
    """The word after a subject: its verb, an auxiliary, "who", or a comma."""
    if t.text == ",":
        return True
    if t.kind != "w" or not t.text.islower():
        return False
    return t.low in ("who", "had", "has", "was", "is") or t.low in AUX_ADV or t.low in CUE_FORMS or t.low.endswith("ed")


class ArticleReader:
    """Reads an article's blocks in order, keeping who was named and who spoke."""

    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self.people = People()
        self.history: list[_Mention] = []
        self.owners: dict[tuple[int, int], Person | None] = {}  # (block, token) of his/her -> whose
        self.sentence = 0  # the sentence being read, counted from the start of the article
        self.resolved: dict[tuple[int, int], Person | None] = {}  # (block, token) -> person
        self.descriptions: list[tuple[str, str]] = []  # (head, description) of unnamed speakers
        # Descriptions the article gives a named person in apposition ("Tee Dang, a mother from
        # Kansas,"): (block, token, person, the description's words), for "the Kansas mother"
        self.described: list[tuple[int, int, Person, frozenset[str]]] = []
        self.orgs: list[tuple[str, bool]] = []  # bodies that spoke, for "it": (name, is a document)
        self.org_names: list[tuple[int, int, str]] = []  # (block, token, name) of named bodies
        self.cue_phrases: set[tuple[int, int]] = set()  # (block, token) inside a speaker phrase
        self.source_phrases: set[tuple[int, int]] = set()  # (block, token) after "according to"
        self.speaker_phrases: set[tuple[int, int]] = set()  # (block, token) of a cue's speaker
        self.he_persons: list[Person] = []  # persons whose family name is He
        self.plural: list[tuple[int, Draft]] = []  # groups "they" may refer to
        self.documents: list[tuple[int, int, str, str]] = []  # (block, token, noun, body) of documents
        self.sentence_at: dict[tuple[int, int], int] = {}  # (block, first token) -> sentence number
        self._furniture = False  # reading a line outside the story's sentences
        # Unnamed persons a "he" or "she" may mean ("The unnamed diver had to ... he told"):
        # (block, token, sentence, description, gender) of each mention, pronouns included
        self.unnamed: list[tuple[int, int, int, str, str | None]] = []
        self.unnamed_at: dict[tuple[int, int], str] = {}  # (block, token) of he/she -> description

    # -- pass 1: who is named, with which roles ------------------------------------------------
    def titled_names(self, b: Block) -> None:
        """The persons a headline names with a title, and their roles (no mention is counted)."""
        for a, z in b.runs:
            title = title_before(b.toks, a)
            if title is not None and b.toks[a - 1].low not in HONORIFICS:
                self.people.add(run_words(b.toks, a, z), span_text(b.text, b.toks, title[0], a), strong=True)

    def _roles_taken(self, b: Block) -> None:
        """ "David Cameron has resigned as Prime Minister": the role the subject holds or held."""
        toks = b.toks
        for lo, hi in b.sents:
            runs = [(a, z) for a, z in b.runs if lo <= a < hi]
            if not runs or not self._subject_like(b, *runs[0], lo):
                continue
            for k in range(runs[0][1], hi - 1):
                if toks[k].low != "as":
                    continue
                end = k + 1 + (toks[k + 1].low in DETERMINERS)
                stop = end
                while stop < hi and stop - end < 4 and toks[stop].kind == "w" and toks[stop].low not in NP_STOP:
                    stop += 1
                if stop > end and is_role_head(toks[stop - 1]):
                    person = self.people.by_full(run_words(toks, *runs[0]))
                    if person is not None:
                        person.add_role(span_text(b.text, toks, end, stop))
                break

    def collect(self) -> None:
        for b in self.blocks:
            toks = b.toks
            for cues in b.cues:
                for c in cues:
                    # "according to Xinhua" names a source, often a body: only speakers count
                    for ph in (c.back,) if c.source else (c.back, c.fwd):
                        if ph is not None:
                            self.cue_phrases.update((b.index, k) for k in range(ph.lo, ph.hi))
                    if c.source and c.fwd is not None:
                        self.source_phrases.update((b.index, k) for k in range(c.fwd.lo, c.fwd.hi))
                    # ("continues", "went on" speak only after a quotation: "Article continues ...")
                    if c.lemma not in ("continue", "go") or (c.at > 0 and toks[c.at - 1].kind in "pq"):
                        for ph in (c.back, c.fwd):
                            if ph is not None:
                                self.speaker_phrases.update((b.index, k) for k in range(ph.lo, ph.hi))
            for a, z in b.runs:
                words = run_words(toks, a, z)
                title = title_before(toks, a)
                if title is not None:
                    start, gender = title
                    role = None if toks[a - 1].low in HONORIFICS else span_text(b.text, toks, start, a)
                    p = self.people.add(words, role, strong=True)
                    p.gender = gender or p.gender
                    continue
                if len(words) == 1 and a > 0 and toks[a - 1].text.islower() and toks[a - 1].low in SPEAKER_NOUNS:
                    self.people.add(words, None, strong=True)  # "his daughter Lucy", "neighbour Omar"
                    continue
                if len(words) == 1 and a > 0 and _described_given_name(toks[a - 1], words[0]):
                    p = self.people.add(words, None, strong=True)  # "her 10-year-old daughhter Lucy"
                    p.gender = p.gender or ("f" if fold(words[0]) in FEMALE_NAMES else "m")
                    continue
                if len(words) >= 2 and not any(w.lower() in ORG_WORDS for w in words):
                    # A two- or three-word name that is the subject of a clause is a person
                    # ("Josh Lipsky spoke"), unless it looks like a place ("South Korea will").
                    appos = self._appositive_after(b, z)
                    # (Four words when a given name opens them: "Michael Jude Gean Alburo".)
                    given = fold(words[0]) in MALE_NAMES or fold(words[0]) in FEMALE_NAMES
                    subject = (
                        len(words) <= (4 if given else 3)
                        and fold(words[0]) not in PLACE_STARTS
                        and self._subject_like(b, a, z, b.sents[b.sentence_of(a)][0])
                    )
                    strong = bool(appos) or (b.index, a) in self.cue_phrases or subject
                    self.people.add(words, appos, strong=strong)
            self.org_names.extend((b.index, a, name) for a, name in org_names(b))
            self.documents.extend(self._document_owners(b))
            self.described.extend(self._described_persons(b))
        for b in self.blocks:
            self._roles_taken(b)
        self.he_persons = [p for p in self.people.all() if "he" in p.keys or p.tokens == ("He",)]

    def _described_persons(self, b: Block) -> list[tuple[int, int, Person, frozenset[str]]]:
        """ "Tee Dang, a mother from Kansas, ...": a named person and the indefinite description in
        apposition after the name, when its words name a person ("mother", "survivor")."""
        toks, found = b.toks, []
        for a, z in b.runs:
            if z + 2 >= len(toks) or toks[z].text != "," or toks[z + 1].low not in ("a", "an"):
                continue
            k = z + 2
            while k < len(toks) and k - z <= 8 and toks[k].kind in "wan":
                k += 1
            if not any(toks[j].kind == "w" and _person_noun(toks[j].low) for j in range(z + 2, k)):
                continue
            person = self.people.by_full(run_words(toks, a, z))
            if person is not None:
                found.append((b.index, a, person, frozenset(fold(t.text) for t in toks[z + 2 : k])))
        return found

    def _described_as(self, b: Block, lo: int, hi: int) -> Person | None:
        """The one person named before whom the article described with every word of "the Kansas
        mother" ("Tee Dang, a mother from Kansas"); no one if none or more than one was."""
        want = {fold(t.text) for t in b.toks[lo:hi]}
        here = (b.index, lo)
        persons = {id(p): p for bi, k, p, words in self.described if (bi, k) < here and want <= words}
        return next(iter(persons.values())) if len(persons) == 1 else None

    def _document_owners(self, b: Block) -> list[tuple[int, int, str, str]]:
        """Documents named with the body they are from, for "the report" later on: "the Dutch
        Safety Board's final report", "a fact sheet released by the White House"."""
        toks, found = b.toks, []
        for k, t in enumerate(toks):
            if t.low not in DOCUMENTS or not t.text.islower():
                continue
            j = k - 1  # back over "final", "279-page" to the owner's possessive
            while j >= 0 and k - j <= 4 and (toks[j].kind == "n" or toks[j].text == "-" or _lower_word(toks[j])):
                j -= 1
            owner = None
            if j >= 0 and is_possessive(toks[j]) and toks[j].text[0].isupper():
                i = j
                while i > 0 and toks[i - 1].kind in "wa" and toks[i - 1].text[0].isupper() and toks[i - 1].low != "the":
                    i -= 1
                owner = (i, j + 1)
            else:
                e = k + 1
                if (
                    e + 1 < len(toks)
                    and toks[e].low in ("released", "issued", "published", "sent")
                    and toks[e + 1].low == "by"
                ):
                    e += 2
                elif e < len(toks) and toks[e].low == "from":
                    e += 1
                else:
                    continue
                e += e < len(toks) and toks[e].low == "the"
                z = e
                while (
                    z < len(toks) and toks[z].kind in "wa" and toks[z].text[0].isupper() and not is_possessive(toks[z])
                ):
                    z += 1
                owner = (e, z) if z > e else None
            if owner is None:
                continue
            name = span_text(b.text, toks, *owner)
            name = name[:-2] if name.endswith(("'s", "’s")) else name
            if self._is_body_name(name):
                found.append((b.index, k, t.low, name))
        return found

    def _is_body_name(self, name: str) -> bool:
        """A name that is a body's rather than a person's: it holds a body's word, or is one word
        no one of this article is known by, or an acronym."""
        words = name.split()
        if not words or any(w.lower() in ORG_WORDS for w in words) or name.isupper():
            return bool(words)
        known = self.people.by_short(words[-1], strong_only=False)
        return len(words) == 1 and all(_maybe_body(p) or not p.strong for p in known)

    def _document_of(self, b: Block, lo: int, noun: str) -> str | None:
        """The body whose document "the report" is: the last one named with that noun before."""
        here = (b.index, lo)
        return next((n for bi, k, w, n in reversed(self.documents) if w == noun and (bi, k) < here), None)

    def _appositive_after(self, b: Block, z: int) -> str | None:
        """ "Li Chenggang, China's trade representative, ...": the role after a name."""
        toks = b.toks
        if z + 1 >= len(toks) or toks[z].text != "," or insert_kind(toks, z + 1, len(toks)) != "appositive":
            return None
        k = z + 1
        relative = False
        while k < len(toks) and toks[k].text not in (",", ";", ".") and toks[k].kind != "q":
            t = toks[k]
            relative = relative or t.low in ("who", "which", "that", "whose")
            if not relative and t.kind == "w" and t.text.islower() and (t.low in _CLAUSE_VERBS or t.low in CUE_FORMS):
                # "the killing of Jamal Khashoggi, a presidential source said": the subject of a
                # new clause, not a description of the name before the comma
                return None
            k += 1
        if any(is_role_head(t) for t in toks[z + 1 : k]):
            return span_text(b.text, toks, z + 1, k)
        return None

    @staticmethod
    def phrase_start(toks: list[Tok], a: int, lo: int) -> int:
        """Where the phrase of the name at `a` starts: before its title and the descriptive words
        before that ("18-year-old Diane Madrigal", "Mother-of-four X")."""
        title = title_before(toks, a)
        s = title[0] if title is not None else a
        while s - 1 >= lo and (toks[s - 1].low in DETERMINERS or _descriptor(toks[s - 1])):
            s -= 1
        return s

    def _subordinate(self, toks: list[Tok], a: int, lo: int) -> bool:
        """Is the name at `a` the subject of a subordinate clause ("..., although President X had
        asked him")?"""
        s = self.phrase_start(toks, a, lo)
        return s - 1 >= lo and toks[s - 1].low in _SUBORDINATE_OPENERS

    def _subject_like(self, b: Block, a: int, z: int, lo: int) -> bool:
        """Is the name at tokens [a, z) the subject of its clause?"""
        toks = b.toks
        if is_possessive(toks[z - 1]):
            return False  # "Erdogan's speech": the possessor, even of a speech, is no subject
        if (b.index, a) in self.cue_phrases:
            return True
        s = self.phrase_start(toks, a, lo)
        prev = toks[s - 1] if s - 1 >= lo else None
        nxt = toks[z] if z < len(toks) else None
        if prev is None:
            return nxt is None or nxt.low not in MODIFIED_NOUNS
        after_quote = prev.kind == "p" and prev.text in "\"'”’"  # '"I'm so happy!" Sepulveda yelled'
        after_label = prev.text in (",", ":", ";", "-", "–", "—")  # "SKY NEWS:- David Cameron has"
        if not (after_label or prev.low in SUBORDINATORS or after_quote) or nxt is None:
            return False
        if nxt.text == ",":
            # "One of the club patrons, Chris Hansen, thought": a name in apposition to the noun
            # phrase that opens the sentence is its subject ...
            if prev.text == "," and _opening_noun_phrase(toks[lo : s - 1]):
                return True
            # ... but "expecting his friend, Bolivian miner Carlos Mamani, ...": a name in apposition
            # to a noun later in the sentence is that noun's, an object as often as a subject
            return not (prev.text == "," and s - 2 >= lo and toks[s - 2].kind == "w" and toks[s - 2].text.islower())
        if prev.text == "," and nxt.low in _APPOSITION_TAILS and _after_object_noun(toks, s - 1, lo):
            return False  # "expecting his brother, Derrick Lwugi from Canada": the noun's, an object
        return (
            nxt.kind == "w"
            and nxt.text[0].islower()
            and nxt.low not in ("and", "or", "nor", "of")
            and nxt.low not in MODIFIED_NOUNS
        )

    # -- pass 2: mentions and pronouns in reading order ------------------------------------------
    def read(self) -> None:
        for b in self.blocks:
            # A line outside the story's sentences (a video's title, a link to another story)
            # names no one a pronoun of the story may mean: "Going for Culinary Gold | SaltWire"
            self._furniture = headline_like(b)
            for lo, hi in b.sents:
                self.sentence += 1
                self.sentence_at[(b.index, lo)] = self.sentence
                self._read_sentence(b, lo, hi)

    def _read_sentence(self, b: Block, lo: int, hi: int) -> None:
        toks = b.toks
        runs = [(a, z) for a, z in b.runs if lo <= a < hi]
        events: list[tuple[int, int, bool | None]] = [(a, z, False) for a, z in runs]
        events += [(k, k + 1, True) for k in range(lo, hi) if personal(toks, k) and toks[k].text != "He"]
        events += [(a, z, None) for a, z in self._unnamed_subjects(b, lo, hi)]
        events.sort(key=lambda e: e[:2])
        for a, z, pronoun in events:
            if pronoun is None:
                holder = self._described_holder(b, a, z)
                if holder is not None:
                    # "The official pointed out ...": a mention of the person, as its subject
                    if not self._furniture:
                        self.history.append(_Mention(holder, b.index, a, True, self.sentence))
                elif not self._furniture:
                    d = span_text(b.text, toks, a, z)
                    self.unnamed.append((b.index, a, self.sentence, d, _NOUN_GENDER.get(toks[z - 1].low)))
                continue
            if toks[a].text == "He" and z - a == 1:
                if self._he_is_surname(b, a, lo):
                    self._mention(self._recent(self.he_persons), b, a, z, lo)
                    continue
                pronoun = True
            if pronoun:
                gender = "f" if toks[a].low in ("she", "her") else "m"
                # Not someone named later in the same sentence: in '"...?" he told Shimizu', he
                # is not Shimizu.
                named_after = {id(p) for r in runs if r[0] > a for p in self._named_by(toks, *r)}
                if toks[a].low in ("him", "her"):
                    # Nor the subject of its own clause: in "Al-Sisi had asked him", him is not Al-Sisi.
                    named_after |= self._clause_subject(b.index, a)
                # The speaker of a cue, with no one named before it in its sentence ('"...," he said')
                fresh = not self.history or self.history[-1].sentence != self.sentence
                speaker = (b.index, a) in self.speaker_phrases
                speech = speaker and fresh
                person = self._antecedent(gender, b.index, exclude=named_after, speech=speech)
                unnamed = self._unnamed_antecedent(gender, b.index, a, person)
                if unnamed is not None and toks[a].low in ("he", "she") and not self._furniture:
                    # the unnamed person last spoken of, rather than someone named before
                    self.unnamed_at[(b.index, a)] = unnamed
                    self.unnamed.append((b.index, a, self.sentence, unnamed, gender))
                    person = None
                self.resolved[(b.index, a)] = person
                if person is not None and not self._furniture:
                    person.gender = person.gender or gender
                    subject = toks[a].low in ("he", "she")
                    self.history.append(_Mention(person, b.index, a, subject, self.sentence, speaker=speaker))
                continue
            person = self._person_for_run(b, a, z, run_words(toks, a, z))
            if person is not None:
                self._mention(person, b, a, z, lo)
        for k in range(lo, hi):
            if _age_epithet(toks, k, lo):
                # "the 74-year-old asks": the person the story is about, as for a pronoun
                self.resolved[(b.index, k)] = self._antecedent(_AGE_NOUN_GENDER.get(toks[k + 1].low, ""), b.index)
            # "his office", "her family": whose, for a speaker described so (no mention is counted)
            if toks[k].low in ("his", "her") and not personal(toks, k):
                self.owners[(b.index, k)] = self._antecedent("f" if toks[k].low == "her" else "m", b.index)

    def _clause_subject(self, block: int, k: int) -> set[int]:
        """The person last mentioned as a subject in this sentence before token k (the subject of
        the clause an object pronoun at k stands in), as a set of ids."""
        for m in reversed(self.history):
            if m.sentence != self.sentence or m.block != block:
                break
            if m.tok < k and m.subject:
                return {id(m.person)}
        return set()

    def _unnamed_subjects(self, b: Block, lo: int, hi: int) -> list[tuple[int, int]]:
        """Unnamed persons a sentence speaks of as its subject: at its start ("The unnamed diver
        had to separate ...", "A diver has spoken of ...") or before a cue ("..., a diver who
        recovered their bodies said"): a determiner, a few lower-case words and a noun for a
        person, who holds no role a person of the article was named with."""
        toks, found = b.toks, []
        starts = [lo] + [c.back.lo for c in b.cues[b.sentence_of(lo)] if c.back is not None and c.back.lo > lo]
        for a in starts:
            if toks[a].low not in _UNNAMED_DETERMINERS:
                continue
            z = a + 1
            while z < hi and z - a <= 5 and (toks[z].kind == "n" or toks[z].text == "-" or _lower_word(toks[z])):
                t = toks[z]
                if t.kind == "w" and _person_noun(t.low):
                    nxt = toks[z + 1] if z + 1 < hi else None
                    if nxt is not None and _ends_subject(nxt):
                        found.append((a, z + 1))
                    break
                if t.kind == "w" and (t.low in NP_STOP or t.low in BE or t.low in AUX_ADV or t.low in CUE_FORMS):
                    break
                z += 1
        return found

    def _described_holder(self, b: Block, a: int, z: int) -> Person | None:
        """ "the diver" after "British diver John Volanthen": the person named before whom a
        definite description of a subject stands for, if any."""
        if b.toks[a].low != "the":
            return None
        head = b.toks[z - 1].low
        holder = self._role_holder(span_text(b.text, b.toks, a + 1, z), head, (b.index, a))
        if holder is None and head in ROLE_HEADS:
            holder = self._untitled_subject_before(b, a, head)
        return holder

    def _unnamed_antecedent(self, gender: str, block: int, k: int, person: Person | None) -> str | None:
        """The unnamed person a "he" or "she" means: the one spoken of in this sentence or the one
        before, after anyone named who may be meant."""
        if not self.unnamed:
            return None
        bi, tok, sentence, text, g = self.unnamed[-1]
        if self.sentence - sentence > 1 or block - bi > 1 or g not in (None, gender):
            return None
        if any((m.block, m.tok) > (bi, tok) for m in self.history):
            return None  # someone was named after the unnamed one ("A popular man, Ranieri ...")
        return text

    def _named_by(self, toks: list[Tok], a: int, z: int) -> list[Person]:
        """The persons a run of name words may stand for (nothing is recorded)."""
        words = run_words(toks, a, z)
        if len(words) >= 2 and (p := self.people.by_full(words)) is not None:
            return [p]
        return self.people.by_short(words[-1], strong_only=False)

    def _antecedent(
        self,
        gender: str,
        block: int,
        window: int | None = None,
        exclude: set[int] = frozenset(),
        speech: bool = False,
    ) -> Person | None:
        """The person a "he" or "she" most likely refers to: the best-scored of the persons
        mentioned in the last few sentences (see _ANTECEDENT), of a compatible gender."""
        best, best_score = None, float("-inf")
        for m in reversed(self.history):
            if block - m.block > (_ANTECEDENT_BLOCKS if window is None else window):
                break
            person = m.person
            if id(person) in exclude:
                continue  # (each of a person's mentions is scored: the best speaks for it)
            g = person.gender
            if (gender == "m" and g == "f") or (gender == "f" and g == "m"):
                continue
            distance = self.sentence - m.sentence
            subject = _SUBJECT * m.subject * (_SUBORDINATE if m.subordinate else 1)
            score = -distance + subject + _GENDER_KNOWN * (g == gender) + _STRONG[person.strong]
            # The speaker of the sentence before speaks on: '"...," he said'
            score += _SPEAKER * (speech and m.speaker and distance == 1 and not m.subordinate)

            if score > best_score:
                best, best_score = person, score
        return best

    def _he_is_surname(self, b: Block, k: int, lo: int) -> bool:
        """Capitalised "He" when someone surnamed He is named: the name, or the pronoun?"""
        if not self.he_persons:
            return False
        toks = b.toks
        if k > lo and toks[k - 1].text not in ("(", ":", "-", "—", "–"):
            return True  # capitalised inside a sentence (not after a dateline): the surname
        nxt = toks[k + 1] if k + 1 < len(toks) else None
        after = toks[k + 2] if k + 2 < len(toks) else None
        if nxt is not None and after is not None:
            if nxt.text == "," and (after.low in DETERMINERS or is_possessive(after) or is_role_head(after)):
                return True  # "He, China's lead negotiator, said"
            if nxt.low == "and" and is_name_token(after):
                return True  # "He and Bessent met"
        # "He said ...": the pronoun, unless it would have no one else to refer to
        antecedent = self._antecedent("m", b.index, window=2)
        return antecedent is None or antecedent in self.he_persons

    def _recent(self, persons: list[Person]) -> Person:
        for m in reversed(self.history):
            if m.person in persons:
                return m.person
        return max(persons, key=lambda p: p.mentions)

    def _mention(self, person: Person, b: Block, a: int, z: int, lo: int) -> None:
        person.mentions += 1
        for k in range(a, z):
            self.resolved[(b.index, k)] = person
        title = title_before(b.toks, a)
        if title is not None and title[1]:
            person.gender = person.gender or title[1]
        # A name not known to be a person (named once, as an object) is a last-resort antecedent.
        if self._furniture:
            return
        # The person a sentence's words are credited to ("..., according to Press Secretary X")
        # is its speaker, whom a "she said" next is likeliest to mean, as a subject would be.
        source = (b.index, a) in self.source_phrases
        subject = person.strong and (source or self._subject_like(b, a, z, lo))
        subordinate = subject and self._subordinate(b.toks, a, lo)
        # (nor is the possessor of a speech, "from Erdogan's speech", one who speaks on)
        speaker = (b.index, a) in self.speaker_phrases and not is_possessive(b.toks[z - 1])
        self.history.append(_Mention(person, b.index, a, subject, self.sentence, subordinate, speaker))

    def _person_for_run(self, b: Block, a: int, z: int, words: tuple[str, ...]) -> Person | None:
        toks = b.toks
        nxt = toks[z] if z < len(toks) else None
        if nxt is not None and nxt.low in MODIFIED_NOUNS and nxt.text[0].islower():
            return None  # "the Trump administration"
        if len(words) == 1 and _modifies_noun(toks, z):
            return None  # "Cebu residents said", "another Dubai resident said"
        if nxt is not None and nxt.text[0].isupper() and (nxt.low in ORG_WORDS or nxt.low in PORTFOLIO):
            return None  # part of a body's name: "Wall Street", "Fox Business Network"
        in_cue = (b.index, a) in self.cue_phrases
        if len(words) >= 2:
            p = self.people.by_full(words)
            if p is not None and (p.strong or fold(words[0]) not in PLACE_STARTS):
                return p
            if p is None:
                # "Donald J. Trump", or a run that starts with a sentence-initial word: its end
                found = self.people.by_short(words[-1])
                if len(found) == 1:
                    return found[0]
                if in_cue:
                    return self.people.add(words, None, strong=True)
            return p
        found = self.people.by_short(words[0])
        if not found and in_cue:
            # A speaker named by one word: a weakly known full name, or a new person.
            found = self.people.by_short(words[0], strong_only=False)
            if not found:
                if plural_noun(words[0].lower()):
                    return None  # "Critics said", "Supporters said": an everyday noun's plural
                return self.people.add(words, None, strong=True)
            for p in found:
                p.strong = True
        if not found:
            return None
        return found[0] if len(found) == 1 else self._recent(found)

    # -- speaker phrases ------------------------------------------------------------------------
    def phrase(self, b: Block, ph: Phrase | None, source: bool = False) -> Draft | None:
        """Resolve a speaker phrase to a person, an unnamed speaker's description or a body.
        A source ("according to Xinhua") named by one unknown word is taken for a body."""
        if ph is None or ph.lo >= ph.hi:
            return None
        toks = b.toks
        if ph.hi - ph.lo == 1 and (toks[ph.lo].low in PRONOUNS or personal(toks, ph.lo)):
            return self._pronoun(b, ph.lo, toks[ph.lo])
        author = self._author(b, ph)
        if author is not None:
            return author
        # Coordinated speakers: "Bessent and Greer", "Bessent, Greer and He".
        parts: list[tuple[int, int]] = []
        start = ph.lo
        for k in range(ph.lo, ph.hi):
            if toks[k].low == "and" or toks[k].text == ",":
                if k > start:
                    parts.append((start, k))
                start = k + 1
        if ph.hi > start:
            parts.append((start, ph.hi))
        if len(parts) > 1 and all(is_name_token(toks[z - 1]) for _, z in parts):
            drafts = [d for d in (self._single(b, Phrase(a, z)) for a, z in parts) if d is not None]
            if drafts:
                first = drafts[0]
                first.co = tuple(d.person or d.text for d in drafts[1:] if d.person or d.text)
                self.plural.append((b.index, first))
                return first
        return self._single(b, ph, source)

    def _author(self, b: Block, ph: Phrase) -> Draft | None:
        """The author of a document that speaks: "said a statement issued by the UNFCCC"."""
        toks, k = b.toks, ph.hi
        if toks[k - 1].low not in DOCUMENTS or k + 1 >= len(toks):
            return None
        if toks[k].low == "from" and (toks[k + 1].text[0].isupper() or toks[k + 1].low == "the"):
            start = k + 1  # "said a statement from the Dawood Foundation"
        elif k + 2 < len(toks) and toks[k + 1].low == "by" and toks[k].low.endswith("ed") and toks[k].text.islower():
            start = k + 2  # "said a statement issued by the UNFCCC"
        else:
            return None
        d = self.phrase(b, np_after(toks, start, len(toks), b.text))
        if d is not None and d.person is not None and _maybe_body(d.person):
            # "a statement released by OceanGate": one word, no title, no gender: the company
            self.orgs.append((d.person.name, False))
            d = Draft(text=d.person.name, kind="organisation")
        if d is not None:
            d.role = span_text(b.text, toks, ph.lo, k)
        return d

    def _named_body(self, b: Block, ph: Phrase, head: str) -> str | None:
        """The body "the ministry" or "the company" means: the last one named before, with that
        word in its name ("China's Ministry of Foreign Affairs", "Buckingham Palace") or, for a
        company, with a company's word ("Volkswagen Group") or named by one word ("Volkswagen has")."""
        here = (b.index, ph.lo)
        words = COMPANY_WORDS if head in COMPANY_WORDS else {head}
        at, named = next(
            (((bi, k), n) for bi, k, n in reversed(self.org_names) if (bi, k) < here and words & set(fold(n).split())),
            (None, None),
        )
        if head in COMPANY_WORDS:
            # A company named by one word that spoke since, as a subject ("Vantor said ... The
            # company said"), is the one meant: the most recent, not one named further back
            m = self._recent_body_mention(b.index, ph.lo)
            if m is not None and m.subject and (at is None or (m.block, m.tok) > at):
                named = m.person.name
        last = self._last_body() if named is None and head in COMPANY_WORDS else None
        if (
            last is not None
            and last[:1].isupper()
            and not {fold(w) for w in last.split()} & (ORG_WORDS - COMPANY_WORDS)
        ):
            # "a statement released by OceanGate ... the company said": the body that spoke last,
            # when it was named (not "the company" itself) and its name holds no word of another
            # kind of body ("US Coast Guard")
            named = last
        if named is not None:
            self.orgs.append((named, False))
        return named

    def _last_body(self) -> str | None:
        """The body that spoke last (not a document or a group of people)."""
        return next((n for n, doc in reversed(self.orgs) if not doc), None)

    def _document_body(self, b: Block, lo: int, head: int) -> str | None:
        """The name before a document's noun, when it is a body's: "a White House fact sheet"."""
        toks = b.toks
        end = next((k for k in range(lo, head + 1) if not toks[k].text[0].isupper()), head + 1)
        if end == lo or end > head or not all(t.kind in "wa" for t in toks[lo:end]):
            return None
        if end - lo == 1 and toks[lo].low in DEMONYMS:
            return None  # "a Chinese readout": a nation's adjective names no body
        if self.people.by_short(toks[end - 1].text):
            return None  # "a Reyes statement": a person's
        return span_text(b.text, toks, lo, end).strip(" ,")

    def _only_body_named(self, block: int, tok: int) -> str | None:
        """The one body named in this paragraph before `tok` and the paragraph before it, if
        just one is: what "it said" stands for when no body has spoken yet."""
        names = {n for bi, k, n in self.org_names if block - 1 <= bi and (bi, k) < (block, tok)}
        return next(iter(names)) if len(names) == 1 else None

    def _recent_body(self, block: int, tok: int) -> Person | None:
        """The last speaker before (block, tok), in this paragraph or the two before, that may be a
        body though read as a person: one word, no gender, no title ("Volkswagen", "Phivolcs")."""
        m = self._recent_body_mention(block, tok)
        return None if m is None else m.person

    def _recent_body_mention(self, block: int, tok: int) -> _Mention | None:
        for m in reversed(self.history):
            if (m.block, m.tok) >= (block, tok):
                continue  # the whole article is read by now: only what comes before counts
            if block - m.block > 2:
                return None
            if _maybe_body(m.person):
                return m
        return None

    def _pronoun(self, b: Block, k: int, t: Tok) -> Draft | None:
        if t.low in ("he", "she", "him", "her"):
            p = self.resolved.get((b.index, k))  # resolved while reading (the surname He too)
            if p is None and (unnamed := self.unnamed_at.get((b.index, k))) is not None:
                return Draft(text=unnamed, kind="description", how="pronoun")  # "the diver ... he"
            return None if p is None else Draft(person=p, kind="person", how="pronoun")
        if t.low == "it":
            name = self._body_for_it(b, k)
            return None if name is None else Draft(text=name, kind="organisation", how="pronoun")
        if t.low == "they" and self.plural and b.index - self.plural[-1][0] <= 1:
            return replace(self.plural[-1][1], cue=None, role=None, how="pronoun")
        return None

    def _body_for_it(self, b: Block, k: int) -> str | None:
        """The body "it" (or "its") at token k stands for."""
        if self.orgs:
            # "it added": the body that spoke last, rather than its statement or report
            return self._last_body() or self.orgs[-1][0]
        # No body has spoken, but a speaker named by one unknown word may be one: "Phivolcs
        # said ... It added". A person would be "he" or "she".
        body = self._recent_body(b.index, k)
        if body is not None:
            return body.name
        named = self._only_body_named(b.index, k)
        if named is not None:
            # "Singapore's Maritime and Port Authority on Tuesday said ... '…,' it said"
            self.orgs.append((named, False))
        return named

    def _owner(self, b: Block, k: int) -> Draft | None:
        """Whose "his", "her" or "its" at token k is: a person, or the body "it" stands for."""
        if b.toks[k].low == "its":
            name = self._body_for_it(b, k)
            return None if name is None else Draft(text=name, kind="organisation", how="pronoun")
        owner = self.owners.get((b.index, k))
        return None if owner is None else Draft(person=owner, kind="person", how="pronoun")

    def _single(self, b: Block, ph: Phrase, source: bool = False) -> Draft | None:
        toks = b.toks
        lo, hi = ph.lo, ph.hi
        det = None
        if toks[lo].low in DETERMINERS or toks[lo].low in POSS_DET:
            det = toks[lo].low
            lo += 1
        gender = None
        while lo < hi and toks[lo].low in HONORIFICS:
            gender = HONORIFICS[toks[lo].low]
            lo += 1
        if lo >= hi:
            return None
        if hi - lo == 1 and toks[lo].low in PRONOUNS:
            return self._pronoun(b, lo, toks[lo])
        if hi - lo <= 3 and _age_epithet(toks, hi - 1, 0) and (p := self.resolved.get((b.index, hi - 1))):
            return Draft(person=p, kind="person", how="pronoun")  # "the 74-year-old"
        if det in ("his", "her", "its") and toks[hi - 1].low in _OWNED_SOURCES and toks[hi - 1].text.islower():
            # "according to its website", "his statement said": the words of whose it is, or of
            # no one known (not of "website")
            d = self._owner(b, lo - 1)
            if d is not None:
                d.role = span_text(b.text, toks, ph.lo, hi)
            return d
        owner = self.owners.get((b.index, lo - 1)) if det in ("his", "her") else None
        if owner is not None and toks[hi - 1].low in ORG_WORDS:
            # "his office", "her ministry": named by whose they are
            return Draft(text=f"{owner.name}'s {toks[hi - 1].text}", kind="description", role=None, how="pronoun")
        # A person's name before "of/from/at ...": "Tulsi Gautam of Nepal's tourism department"
        # speaks; what follows is the role.
        k = next((k for k in range(lo, hi) if not (is_name_token(toks[k]) or toks[k].low in NAME_PARTICLES)), hi)
        if (
            k - lo >= 2
            and k < hi
            and toks[k].low in ("of", "from", "at")
            and not any(t.low in ORG_WORDS for t in toks[lo:k])
        ):
            role = Phrase(lo, k, span_text(b.text, toks, lo, hi))
            return self._named(b, role, lo, lo, k, run_words(toks, lo, k), gender)
        # A name ends the phrase: "US Treasury Secretary Scott Bessent", "Mr Li".
        n = trailing_name(toks, lo, hi)
        # a name run the block found ends here: it may hold a word no name holds alone ("Ms German")
        n = next((a for a, z in b.runs if z == hi and lo <= a < n), n)
        name_words = run_words(toks, n, hi) if n < hi else ()
        if hi - n == 1 and body_name_end(toks, n):
            name_words = ()  # "U.S. Steel", "Christian Democrats": a body's or a group's name
        if (
            n == lo == hi - 1
            and det is None
            and plural_noun(toks[n].low)
            and self.resolved.get((b.index, n)) is None
            and not self.people.by_short(toks[n].text, strong_only=False)
        ):
            # "Critics said", "Supporters said": the plural of an everyday noun, which no one of
            # the article is known by, describes a group ("Gates said" after "Bill Gates" is his)
            text = toks[n].text
            d = Draft(text=text, kind="description", role=text)
            self.plural.append((b.index, d))
            return d
        if n > lo and (toks[n - 1].low in POSTMOD or toks[n - 1].low in DETERMINERS):
            name_words = ()  # "analysts at Goldman Sachs": the name is not the speaker
        if (
            source
            and len(name_words) == 1
            and n == lo
            and name_words[0].lower() not in DEMONYMS  # "according to a Chinese readout": no body
            and not self.people.by_short(name_words[0])
        ):
            self.orgs.append((name_words[0], False))
            return Draft(text=name_words[0], kind="organisation")  # "according to Bloomberg"
        if name_words and (det is None or n > lo) and not any(w.lower() in ORG_WORDS for w in name_words):
            return self._named(b, ph, lo, n, hi, name_words, gender)
        # Otherwise a description ("a source familiar with the matter") or a body: find its head.
        h = lo
        if toks[lo].low in QUANTIFIERS and lo + 2 < hi and toks[lo + 1].low == "of":
            h = lo + 2  # "one of the boys": the head is "boys"
            while h < hi and (toks[h].low in DETERMINERS or toks[h].low in POSS_DET):
                h += 1
        while h + 1 < hi and toks[h + 1].low not in POSTMOD:
            h += 1
        head_tok = toks[h]
        head = head_tok.low
        text = _ACRONYM_RE.sub("", span_text(b.text, toks, lo, hi)).strip(" ,")
        owners = self.people.by_short(toks[lo].text[:-2]) if possessive_name(toks[lo]) and lo < hi - 1 else []
        owner = owners[0] if len(owners) == 1 else None
        if owner is not None and len(owner.name.split()) > 1 and toks[lo].text[:-2] in owner.name.split():
            # "Mr Harding's family": whose family in full, as the article named him
            text = owner.name + toks[lo].text[-2:] + text[len(toks[lo].text) :]
        full = _ACRONYM_RE.sub("", span_text(b.text, toks, ph.lo, hi)).strip(" ,")
        if head in DOCUMENTS and (body := self._document_body(b, lo, h)) is not None:
            # "a Kremlin statement", "a White House fact sheet": the body whose document it is
            self.orgs.append((body, False))
            return Draft(text=body, kind="organisation", role=full)
        is_role = is_role_head(head_tok)
        named_body = (
            head in ORG_WORDS
            or head_tok.kind == "a"
            or head_tok.text.isupper()
            or is_name_token(head_tok)
            or is_group_word(head)  # "Democrats", "Christian Democrats"
        )
        if (
            det == "the"
            and head in DOCUMENTS
            and all(t.kind == "n" or t.text == "-" or _lower_word(t) for t in toks[lo:hi])
            and (name := self._document_of(b, lo, head)) is not None
        ):
            # "the report says" after "the Dutch Safety Board's final report": the board's words
            self.orgs.append((name, False))
            return Draft(text=name, kind="organisation", role=full, how="role")
        if det == "the" and h == lo == hi - 1 and head in DOCUMENTS and (name := self._last_body()) is not None:
            # "the statement read": the body whose statement it is, as for "it"
            return Draft(text=name, kind="organisation", role=full, how="pronoun")
        body_head = head in ORG_WORDS or head in COMPANY_WORDS  # "the carrier"
        if det == "the" and h == lo == hi - 1 and body_head and (named := self._named_body(b, ph, head)):
            return Draft(text=named, kind="organisation", role=full, how="role")  # "the Palace said"
        if head_tok.text[0].isupper() and not is_role and named_body:
            self.orgs.append((text, False))
            return Draft(text=text, kind="organisation")
        if not (is_role or head in ORG_WORDS or head in SPEAKER_NOUNS):
            return None  # "the talks", "the deal": only people, roles and bodies speak
        if det == "the" and head in ORG_WORDS and h == hi - 1 and (named := self._named_body(b, ph, head)):
            return Draft(text=named, kind="organisation", role=full, how="role")
        holder = self._role_holder(text, head, (b.index, ph.lo)) if det not in ("a", "an") else None
        if holder is None and det == "the" and head in ROLE_HEADS and h == hi - 1:
            holder = self._untitled_subject_before(b, ph.lo, head)
        if holder is None and det == "the" and head in SPEAKER_NOUNS and h == hi - 1:
            holder = self._described_as(b, lo, hi)  # "the Kansas mother": the one so described
        if holder is not None:
            return Draft(person=holder, kind="person", role=full, how="role")
        mine = set(fold(text).split())
        for hd, d in reversed(self.descriptions):
            theirs = set(fold(d).split())
            if hd == head and (mine <= theirs or theirs <= mine):
                return Draft(text=d, kind="description", role=full)  # the spokesperson again
        self.descriptions.append((head, text))
        if head in ORG_WORDS or head in SPEAKER_NOUNS:
            self.orgs.append((text, head not in ORG_WORDS))
        d = Draft(text=text, kind="description", role=full)
        if head == "people" or (head.endswith("s") and (is_role or head[:-1] in SPEAKER_NOUNS)):
            self.plural.append((b.index, d))
        return d

    def _named(
        self, b: Block, ph: Phrase, lo: int, n: int, hi: int, words: tuple[str, ...], gender: str | None
    ) -> Draft:
        """A speaker phrase that ends with a name: the person, with the title before it as role."""
        toks = b.toks
        role = span_text(b.text, toks, lo, n).strip(" ,") or None
        titled = title_before(toks, n) is not None and toks[n - 1].low not in HONORIFICS
        if role and not (titled or any(is_role_head(t) for t in toks[lo:n])):
            role = None  # "Following the talks" is no title, nor "A tearful Mr"
        person = self.resolved.get((b.index, n)) or self.resolved.get((b.index, hi - 1))
        if person is None:
            person = self._person_for_run(b, n, hi, words) or self.people.add(words, None, True)
        person.gender = person.gender or gender
        person.add_role(ph.role)
        person.add_role(role)
        return Draft(person=person, kind="person", role=ph.role or role)

    def _role_holder(self, text: str, head: str, here: tuple[int, int]) -> Person | None:
        """The person of this article, named before `here`, who holds the role a definite
        description names."""
        if head not in ROLE_HEADS:
            return None  # plural ("officials") and non-title heads name no one in particular
        text = _ROLE_ABBREVIATIONS.get(fold(text), text)
        head = _ROLE_ABBREVIATIONS.get(head, head).split()[-1]
        want = {norm_country(w) for w in re.findall(r"[\w.]+", fold(text))} - STOPWORDS
        countries = want & COUNTRIES
        best, best_score = None, 0
        later = {id(m.person) for m in self.history if (m.block, m.tok) >= here}
        earlier = {id(m.person) for m in self.history if (m.block, m.tok) < here}
        for p in self.people.all():
            if not p.strong or (id(p) in later and id(p) not in earlier):
                continue  # named only further on
            for r in p.roles:
                have = {norm_country(w) for w in re.findall(r"[\w.]+", fold(r))}
                if head not in have and head not in {w.split("-")[-1] for w in have}:
                    continue
                if countries and not countries <= have:
                    continue  # "the Chinese trade representative" is not the US one
                if _rank_before(r, head) - want:
                    continue  # "the defence minister" is not the deputy defence minister
                if (want & PORTFOLIO) - _RANK_WORDS - have:
                    continue  # "the transport minister" is not a minister of another portfolio
                score = len(want & have)
                if score > best_score or (score == best_score and best is not None and self._later(p, best)):
                    best, best_score = p, score
        return best

    def _untitled_subject_before(self, b: Block, k: int, head: str | None = None) -> Person | None:
        """ "Donald Trump expressed his sympathy. The US president tweeted ...": the title of a
        person named with none, the one person of the sentence before, its subject, while no one
        else is named before the title in its own sentence."""
        lo = b.sents[b.sentence_of(k)][0]
        here = self.sentence_at.get((b.index, lo))
        if here is None:
            return None
        before = [m for m in self.history if m.sentence == here - 1]
        now = [m for m in self.history if m.sentence == here and (m.block, m.tok) < (b.index, k)]
        persons = {id(m.person) for m in before}
        if len(persons) != 1 or now or b.index - before[0].block > 1:
            return None
        p = before[0].person
        named = [m for m in before if m.subject and self.blocks[m.block].toks[m.tok].text[0].isupper()]
        if head in _GENERIC_HEADS and named and p.strong:
            return p  # '"...," Rabie told local media. The official pointed out ...': any office's
        if not (named and p.strong and not p.roles and len(p.tokens) >= 2):
            return None  # (named as the subject, not by "he": 'Musk ... he started promoting')
        return p

    def _later(self, a: Person, b: Person) -> bool:
        for m in reversed(self.history):
            if m.person is a:
                return True
            if m.person is b:
                return False
        return False
