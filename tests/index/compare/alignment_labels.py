"""Hand-labelled sentence pairs across the seeds, and how well the aligner finds them.

Each label names two outlets, a piece of a sentence on each side, and whether the two sentences
report the same fact (positive) or not (negative, chosen to share words or setting: the traps).
Where a fact stands in two sentences of one side, either is a right partner (a tuple of pieces).
Read the seeds' sentences in full before changing a label; never tune a label to the aligner.

Used by tests/index/test_align.py (asserts the targets) and benchmarks/bench_compare.py (prints).
"""

from __future__ import annotations

from dataclasses import dataclass

GT, CAIXIN, SCMP, TT, CNA = "Global Times", "Caixin Global", "South China Morning Post", "Türkiye Today", "CNA"


@dataclass(frozen=True)
class Label:
    left_outlet: str
    right_outlet: str
    left: str  # a piece of exactly one sentence of the left article
    right: str | tuple[str, ...]  # a piece of the partner sentence (or of any acceptable partner)
    same: bool  # True: the same fact; False: must not be aligned


LABELS = (
    # Global Times and Caixin: the Xinhua and CCTV readouts of the same meeting, retold.
    Label(
        GT, CAIXIN, "delegations reached basic consensuses on arrangements", "Top trade negotiators from China", True
    ),
    Label(GT, CAIXIN, "He urged the US side to work with China", "He expressed hope that the U.S. would work", True),
    Label(
        GT, CAIXIN, "the most influential bilateral relationship in the world", "acknowledged that the U.S.-China", True
    ),
    Label(
        GT,
        CAIXIN,
        "make full use of the China-US economic and trade consultation",
        "Both parties agreed to continue",
        True,
    ),
    Label(GT, CAIXIN, "expressed its position in a tough manner", "the U.S. stance was “tough”", True),
    Label(
        GT, CAIXIN, "uphold the principles of mutual respect", "He added that disagreements should be resolved", True
    ),
    Label(
        GT,
        CAIXIN,
        "serves the shared interests of both countries",
        "maintaining stable development of these ties",
        True,
    ),
    Label(GT, CAIXIN, "had candid, in-depth and constructive exchanges", "The talks covered contentious topics", True),
    Label(GT, CAIXIN, "the first day lasted for 5.5 hours", "held from Oct. 25 to 26 local time", False),
    Label(GT, CAIXIN, "Such turbulence and fluctuations are not", "Following more than a day of intense", False),
    Label(GT, CAIXIN, "culminate in a formal written agreement", "Top trade negotiators from China", False),
    # Global Times and Türkiye Today.
    Label(GT, TT, "Such turbulence and fluctuations are not", "The current turbulences and twists", True),
    Label(GT, TT, "expressed its position in a tough manner", 'maintaining a "tough" stance', True),
    Label(
        GT,
        TT,
        "China and the US reached basic consensuses on properly",
        ('had reached a "preliminary consensus"', "reached a preliminary framework deal on Sunday"),
        True,
    ),
    Label(GT, TT, "carry special significance", "This marked the fifth round", False),
    # Global Times and CNA.
    Label(GT, CNA, "Both sides openly shared their perspectives", "I'm not sure the Chinese can agree", False),
    Label(GT, CNA, "since the China-US economic and trade talks in Geneva", "first meeting with He in Geneva", False),
    # Caixin and Türkiye Today, Caixin and South China Morning Post, Caixin and CNA.
    Label(CAIXIN, TT, "said on Oct. 26 that the U.S. stance", 'maintaining a "tough" stance', True),
    Label(
        CAIXIN,
        TT,
        "Top trade negotiators from China",
        ("reached a preliminary framework deal", 'had reached a "preliminary consensus"'),
        True,
    ),
    Label(CAIXIN, TT, "delay implementation of its rare earth licensing", "nearing an agreement to submit", False),
    Label(
        CAIXIN,
        SCMP,
        "are expected to meet on the sidelines",
        "Trump and President Xi Jinping will meet on Thursday",
        True,
    ),
    Label(CAIXIN, SCMP, "eliminated the threat of Trump’s 100% tariffs", "by an additional 100 per cent", True),
    Label(CAIXIN, CNA, "eliminated the threat of Trump’s 100% tariffs", "threatened new 100 per cent tariffs", True),
    # Türkiye Today and CNA.
    Label(TT, CNA, "temporary tariff truce on Nov. 10", "was due to expire on Nov 10", True),
    Label(TT, CNA, "took place at Merdeka 118", "Merdeka 118 tower", True),
    Label(TT, CNA, "reaching up to 145% by the U.S.", "led to a 90-day truce", True),
    Label(TT, CNA, "Speaking aboard Air Force One", "Aboard Air Force One, he also told", False),
    Label(TT, CNA, "reached a preliminary framework deal", "ended their first day of talks", False),
    Label(TT, CNA, "marked the beginning of his first regional tour", "does not have any plans to visit Taiwan", False),
    Label(TT, CNA, "took place at Merdeka 118", "have provided few details about the meeting", False),
    # Pairs an early aligner made from one shared word: a day, a "deal", a "point", a place.
    Label(TT, CNA, "reached a preliminary framework deal", "Some of those announcements may fall", False),
    Label(TT, CNA, "He did not confirm reports of a new U.S. fee", "TALKING POINTS", False),
    Label(TT, CNA, "Trump signed agreements with Malaysian", "blasted China's move", False),
    Label(TT, CNA, "marked the beginning of his first regional tour", "new tariff probe", False),
    Label(TT, CNA, "peace declaration between Thailand and Cambodia", "A Reuters witness saw Li", False),
    Label(TT, CNA, "scheduled to visit Japan and South Korea", "does not have any plans to visit Taiwan", False),
    Label(SCMP, CNA, "marks the fifth face-to-face meeting", "Some of those announcements may fall", False),
    Label(SCMP, CNA, "make a deal on, I think, everything", "If they make a deal", False),
    Label(SCMP, CNA, "It would be a shame to waste", "new tariff probe", False),
    Label(SCMP, CNA, "piles up further US leverage", "does not have any plans to visit Taiwan", False),
    Label(SCMP, CNA, "set to expire next month", "looking to avert an escalation", False),
    Label(SCMP, CNA, "have started a new round of trade talks", "seeking to avoid a return", False),
    # South China Morning Post and CNA, and Türkiye Today.
    Label(SCMP, CNA, "by an additional 100 per cent", "threatened new 100 per cent tariffs", True),
    Label(SCMP, CNA, "Tensions flared after October 9", "China struck back with the new global rare earth", True),
    Label(SCMP, CNA, "export curbs on US-made critical software", "software-powered exports to China", True),
    Label(SCMP, CNA, "compliance with the Phase One Trade Agreement", "new tariff probe", True),
    Label(
        SCMP,
        CNA,
        "Trump and President Xi Jinping will meet on Thursday",
        "for Trump and Xi to meet next Thursday",
        True,
    ),
    Label(SCMP, CNA, "retaliation for Washington’s expanded entity list", "vastly expanded an export blacklist", True),
    Label(SCMP, CNA, "last met in Madrid in September", "first meeting with He in Geneva", False),
    Label(
        SCMP,
        TT,
        "They had previously met in Stockholm",
        ("This marked the fifth round", "began negotiations in May in Geneva"),
        True,
    ),
    Label(
        SCMP, TT, "set to expire next month", ("temporary tariff truce on Nov. 10", "the tariff truce expiring"), True
    ),
)


@dataclass(frozen=True)
class Score:
    true_positives: int
    false_positives: int
    false_negatives: int
    mistakes: tuple[str, ...]  # one line per wrong answer, for a failing test to show

    @property
    def precision(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_positives)

    @property
    def recall(self) -> float:
        return self.true_positives / max(1, self.true_positives + self.false_negatives)


def _sentence_index(sentences, piece: str, where: str) -> int:
    found = [n for n, s in enumerate(sentences) if piece in s.text]
    if len(found) != 1:
        raise AssertionError(f"{piece!r} is in {len(found)} sentences of {where}, not one")
    return found[0]


def score_labels(corpus) -> Score:
    """Align each labelled pair of outlets once and score every label against the result.

    A sentence may have several partners: a positive is found when its left sentence is paired
    with any listed partner; a negative is a false positive when it is paired with one."""
    alignments = {}
    tp = fp = fn = 0
    mistakes = []
    for label in LABELS:
        key = (label.left_outlet, label.right_outlet)
        if key not in alignments:
            alignments[key] = corpus.compare(corpus.pick_article(key[0]), corpus.pick_article(key[1]))
        alignment = alignments[key]
        i = _sentence_index(alignment.left_sentences, label.left, label.left_outlet)
        pieces = label.right if isinstance(label.right, tuple) else (label.right,)
        partners = {_sentence_index(alignment.right_sentences, p, label.right_outlet) for p in pieces}
        paired = {p.right for p in alignment.pairs if p.left == i}
        if label.same and paired & partners:
            tp += 1
            continue
        if label.same:
            fn += 1
        elif paired & partners:
            fp += 1
        else:
            continue
        got = [alignment.right_sentences[j].text for j in paired] or "nothing"
        mistakes.append(f"{label.left_outlet} {label.left!r} ~ {label.right_outlet} {pieces[0]!r}: paired with {got!r}")
    return Score(tp, fp, fn, tuple(mistakes))
