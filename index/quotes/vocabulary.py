"""The words attribution reads: verbs and nouns of speech, titles and roles, names, and the small
closed classes of English grammar it needs. The long lists are lexicon files (index/lexicon), each
with a comment that says why it is there; the short closed classes are written here."""

from __future__ import annotations

from talks_tui.index import lexicon

words = lexicon.words


def _forms(base: str) -> set[str]:
    """Regular verb forms: warn -> warn, warns, warned, warning; note -> noted, noting."""
    if base.endswith("e"):
        return {base, base + "s", base + "d", base[:-1] + "ing"}
    if base.endswith("y") and base[-2] not in "aeiou":
        return {base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    stem = base + base[-1] if base in ("dub", "slam", "quip", "admit", "beg", "sob") else base
    plural = base + "es" if base.endswith(("s", "sh", "ch", "x")) else base + "s"
    return {base, plural, stem + "ed", stem + "ing"}


def _split(text: str) -> frozenset[str]:
    return frozenset(text.split())


# -- verbs and nouns of speech ------------------------------------------------------------------

# Every form of a verb of speech -> its base form ("warned" -> "warn").
CUE_FORMS: dict[str, str] = {}
for _verb in words("speech_verbs"):
    CUE_FORMS.update(dict.fromkeys(_forms(_verb), _verb))
for _verb in words("speech_verbs_also_nouns"):
    CUE_FORMS.update({f: _verb for f in _forms(_verb) if f.endswith(("ed", "ing"))})
CUE_FORMS.update(dict.fromkeys(("say", "says", "said", "saying"), "say"))
CUE_FORMS.update(dict.fromkeys(("tell", "tells", "told", "telling"), "tell"))
CUE_FORMS.update(dict.fromkeys(("write", "writes", "wrote", "writing", "written"), "write"))
CUE_FORMS["warns"] = "warn"
CUE_FORMS.pop("reporting", None)
# Their -s forms ("boasts", "claims", "vows"), which are as often plural nouns ("his claims"): a
# cue only after a subject and right before the quotation or a determiner and the quotation
# ('CrowdStrike boasts the "most advanced platform"'), as the verbs of expression below. Not the
# verbs of naming ("calls the "deal" a scam", "brands the "organic" range": a label, not words
# said) nor "addresses the "crisis"" (a topic).
PRESENT_OF_NOUN_VERBS: dict[str, str] = {}
for _verb in words("speech_verbs_also_nouns") - {"call", "brand", "label", "term", "address"}:
    PRESENT_OF_NOUN_VERBS.update({f: _verb for f in _forms(_verb) if f != _verb and f.endswith("s")})
for _form in CUE_FORMS:
    PRESENT_OF_NOUN_VERBS.pop(_form, None)
# Verb-first attributions after a quote or a comma ("...," said Li).
# (Any past or present form of a verb of speech may come first: '"...," pleaded Isaac, 18';
# but not of those whose object follows them: '"...," thanked firefighters' is no speaker.)
_OBJECT_FIRST = _split(
    """applaud condemn congratulate decry denounce herald laud reassure salute thank voice praise
    accuse blast slam hail welcome criticise criticize dismiss urge remind assure advise tout express
    beg implore"""
)
INVERSION = words("speech_verbs_before_subject") | {
    f for f, verb in CUE_FORMS.items() if f.endswith(("ed", "s")) and verb not in _OBJECT_FIRST
}
# Only right after a quote: "...," he continued / he went on.
POST_ONLY = {"continued": "continue", "continues": "continue", "went": "go"}
SOURCE_CUES = _split("citing quoting")
INTENT_VERBS = words("intent_verbs")  # "sought to assure", "tried to explain": the subject speaks
NOUN_CUES = words("speech_nouns")
# A cue followed by one of these is another verb: "added to the tension", "called off the talks".
NOT_CUE_NEXT = {
    "add": {"to"},
    "call": {"off", "up", "back", "in"},
    "note": {"for"},
    "report": {"to"},
    "post": {"a", "an", "the", "gains", "losses", "growth", "profit", "profits", "record"},
    "term": {"of"},
    "ask": {"for", "to"},
    # "the party continues with its agenda", "continued to rise", "continue the work": no speech
    "continue": {"to", "with", "the", "a", "an", "its", "his", "her", "their", "our"},
}
TOLD_OBJECTS = _split("reporters journalists parliament lawmakers supporters")
# Verbs of a message given without words of speech ("Kenyatta mourned the monarch"; "Merkel
# mourned "with the New Zealanders""; "Johnson blamed the "herd instinct"", his own term): a cue
# only right before the quote's mark, or a determiner and the mark (or, for "blamed" and
# "mourned", after their object and its preposition: 'blamed the delays on a "staffing crisis"').
EXPRESSION_VERBS = _split("mourned expressed offered extended sent issued paid conveyed condoled blamed")
# The same verbs after "to" ("made a call to Trump to express "confidence""), as speech verbs are.
EXPRESSION_INFINITIVES = _split("mourn express offer extend send issue pay convey condole")
OBJECT_CONTROL_VERBS = words("object_control_verbs")  # "urged him to say": the object's act
# Documents that "say" what their authors wrote.
DOCUMENTS = _split("statement statements sheet letter report readout memo note post tweet release")
# Words that make a quoted name or phrase a label rather than someone's words.
LABEL_CUES = _split("so-called so known titled entitled named nicknamed code-named codenamed dubbed")
# Verbs that give something a name or a label: passive with its agent ('dubbed "D-Day" by Gov.
# Narongsak'), or active with the labeller as subject ('Morgan labelled Djokovic a "cheat"').
NAMING_VERBS = _split("described dubbed called labelled labeled branded termed characterised characterized hailed")

# -- grammar ------------------------------------------------------------------------------------

BE = _split("is are was were be been being 's ’s")
DETERMINERS = _split("a an the")
POSS_DET = _split("his her its their our my your")
PRONOUNS = _split("he she they it we i him")  # "her" only where it ends a phrase (see tokens.personal)
SUBORDINATORS = words("subordinators")
AUX_ADV = words("adverbs_before_cues")
# "one of the boys", "some of the residents": a part of a group that speaks.
QUANTIFIERS = _split("one some many several two three four five both each none")
# Words after the head of a description: "a source familiar with the matter".
POSTMOD = _split("of for at with on in from familiar close briefed involved aware who")
ASIDE_STARTS = words("aside_starts")
STOPWORDS = words("statement_stop_words")
FUNCTION_WORDS = words("function_words")
MONTHS = words("months") | {row[0] for row in lexicon.forms("weekdays")}
# Words that end a speaker phrase read backwards or forwards.
NP_STOP = words("phrase_boundaries") | frozenset(CUE_FORMS) | MONTHS
NOT_ADVERBS = words("non_adverbs_in_ly")
# Everyday words, which a headline's capitals do not make names.
COMMON_WORDS = words("common_words") | words("news_stock_words")
# Lower-case -ed / -ing words that may stand inside a speaker phrase ("acting chairman").
NP_LOWER_OK = _split("acting leading ruling governing founding managing retired elected unnamed named")

# -- titles, roles and bodies -------------------------------------------------------------------

HONORIFICS = {
    # Malay and Arabic honorifics before a name: "Datuk Seri Najib", "Haji Ahmad"
    "datuk": None, "dato": None, "dato'": None, "datin": "f", "seri": None, "haji": "m", "hajjah": "f",
    "mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
    "madam": "f", "mme": "f", "mme.": "f", "dr": None, "dr.": None, "prof": None, "prof.": None,
    "sir": "m", "dame": "f", "lord": "m", "lady": "f", "messrs": None, "messrs.": None,
}  # fmt: skip
ROLE_HEADS = words("role_heads")
# Abbreviated titles, with the full stop and, as British papers write them, without ("Capt
# Schettino", "Supt Tim Jones"); those that are also words or names ("Sen", "Rep") need the stop.
TITLE_ABBREV = _split("sen. rep. gov. gen. lt. col. sgt. capt. adm. pres. capt lt col sgt adm cmdr supt insp")
PORTFOLIO = words("office_words")
ROLE_MODIFIERS = words("role_modifiers")
ORG_WORDS = words("organisation_words")
# Words of a company's name; "the company", "the group" or "the firm" is the company named before.
# Alone, capitalised, one is no company's name ("Airlines have been notified"): a common noun.
COMPANY_WORDS = frozenset(
    "company firm group corp corporation inc ltd co holdings motors industries technologies "
    "airline airlines airways carrier".split()
)
SPEAKER_NOUNS = words("speaker_nouns")
MODIFIED_NOUNS = words("name_modified_nouns")

# -- names and places ---------------------------------------------------------------------------

DEMONYMS = words("demonyms")
PLACE_NAMES = words("countries")
NUMBER_WORDS = words("number_words")
CAP_STOP = words("capitalised_non_names")
EAST_ASIAN_SURNAMES = words("east_asian_surnames")
FEMALE_NAMES = words("female_given_names")
MALE_NAMES = words("male_given_names")
PLACE_STARTS = words("place_name_starts")
NAME_PARTICLES = words("name_particles")
PLATFORMS = words("online_platforms")
COUNTRY_ALIASES = {
    "chinese": "china", "u.s.": "us", "american": "us", "america": "us", "united": "us",
    "british": "uk", "u.k.": "uk", "japanese": "japan", "russian": "russia", "korean": "korea",
}  # fmt: skip
# Countries and bodies written with stops ("U.S.", "U.N."): never a person's initials.
DOTTED_PLACES = _split("u.s. u.k. u.n. e.u. u.s.a. u.a.e. u.s.s.r. d.c. p.r.c.")
COUNTRIES = _split("china us uk japan russia korea eu india france germany")
