"""Attribution: cues, speaker phrases and roles, short names, pronouns, the surname "He"."""

from __future__ import annotations

import pytest

from talks_tui.index.model import Article
from talks_tui.index.quotes.extract import extract_quotes
from talks_tui.index.quotes.people import name_key, short_keys


def article(title: str | None, *paragraphs: str, aid: str = "a1") -> Article:
    return Article(
        id=aid, file=f"{aid}.txt", path=f"/corpus/{aid}.txt", title=title, outlet="Wire", date=None,
        paragraphs=paragraphs,
    )  # fmt: skip


def speakers(*paragraphs: str, title: str | None = None) -> dict[str, str | None]:
    return {q.text: q.speaker for q in extract_quotes(article(title, *paragraphs))}


def quote(text: str, *paragraphs: str, title: str | None = None):
    return next(q for q in extract_quotes(article(title, *paragraphs)) if q.text == text)


# --- where the speaker stands ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "speaker", "cue"),
    [
        ('"We are ready to talk," said Wang Wentao.', "Wang Wentao", "said"),
        ('"We are ready to talk," Wang Wentao said.', "Wang Wentao", "said"),
        ('"We are ready to talk," Wang Wentao told reporters in Beijing.', "Wang Wentao",
         "told reporters"),
        ('"We are ready to talk," Wang Wentao told Reuters.', "Wang Wentao", "told"),
        ('Wang Wentao said: "We are ready to talk."', "Wang Wentao", "said"),
        ('Wang Wentao said on Sunday that "we are ready to talk."', "Wang Wentao", "said"),
        ('Wang Wentao told reporters the talks were "candid".', "Wang Wentao", "told reporters"),
        ('"We are ready to talk," Wang Wentao noted.', "Wang Wentao", "noted"),
        ('Wang Wentao added that China was "ready to talk".', "Wang Wentao", "added"),
        ('Wang Wentao urged Washington to "meet China halfway".', "Wang Wentao", "urged"),
        ('Wang Wentao warned of "serious consequences".', "Wang Wentao", "warned"),
        ('"It is a great deal," Donald Trump wrote on Truth Social.', "Donald Trump", "wrote"),
        ('Wang Wentao described the talks as "candid".', "Wang Wentao", "described"),
        ('According to Wang Wentao, "the door is open."', "Wang Wentao", "according to"),
        ('"The door is open," according to Wang Wentao.', "Wang Wentao", "according to"),
        ("The talks paved the way for a \"productive meeting\", citing Washington's top trade envoy.",
         "Washington's top trade envoy", "citing"),
        ('Wang Wentao was blunt: "We will not accept threats."', "Wang Wentao", ":"),
        ('"Why would we accept that?" asked Wang Wentao.', "Wang Wentao", "asked"),
        ('Wang Wentao was quoted by Xinhua as saying the US "must stop" its pressure.', "Wang Wentao",
         "saying"),
        ('Xinhua quoted Wang Wentao as saying the talks had been "candid".', "Wang Wentao", "saying"),
        ('Wang Wentao, who led the delegation, said "progress was made."', "Wang Wentao", "said"),
        ('"It is done," says Wang Wentao.', "Wang Wentao", "says"),
        ('Trump softened his tone, saying the levy was "not sustainable".', "Trump", "saying"),
    ],
)  # fmt: skip
def test_speaker_and_cue(paragraph: str, speaker: str, cue: str) -> None:
    (q,) = extract_quotes(article(None, paragraph))
    assert (q.speaker, q.cue) == (speaker, cue)


def test_multiple_speakers_in_one_paragraph() -> None:
    s = speakers('"We agree," said Wang Wentao. "We do not," said Gina Raimondo, the US commerce secretary.')
    assert s == {"We agree,": "Wang Wentao", "We do not,": "Gina Raimondo"}


def test_two_fragments_and_a_statement_in_one_sentence() -> None:
    s = speakers(
        'Bessent told reporters that the meetings were "constructive, far-reaching, and in-depth," saying '
        'they created a "very positive framework" for the talks, while Li said the US was "tough".'
    )
    assert s == {
        "constructive, far-reaching, and in-depth,": "Bessent",
        "very positive framework": "Bessent",
        "tough": "Li",
    }


def test_quotes_in_a_long_paragraph_each_take_their_own_speaker() -> None:
    s = speakers(
        "Trump, who has spoken optimistically about the talks, confirmed that the two leaders have a "
        '"pretty long meeting scheduled". "We\'ll make a deal on, I think, everything," he told reporters '
        "during a meeting with Nato Secretary General Mark Rutte. "
        '"All options are on the table," Bessent said, adding that he hoped the presidents can "enter their '
        'talks on a more positive note". "It would be a shame to waste it," he said.'
    )
    assert s == {
        "pretty long meeting scheduled": "Trump",
        "We'll make a deal on, I think, everything,": "Trump",
        "All options are on the table,": "Bessent",
        "enter their talks on a more positive note": "Bessent",
        "It would be a shame to waste it,": "Bessent",
    }


# --- speaker phrases: titles, roles, unnamed speakers ------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "speaker", "role"),
    [
        ('US Treasury Secretary Scott Bessent said the talks were "constructive".', "Scott Bessent",
         "US Treasury Secretary"),
        ('"We are ready," Chinese Vice Premier He Lifeng said.', "He Lifeng", "Chinese Vice Premier"),
        ('Secretary of State Marco Rubio said it was "a good step".', "Marco Rubio", "Secretary of State"),
        ("China's top trade negotiator Li Chenggang said the US was \"tough\".", "Li Chenggang",
         "China's top trade negotiator"),
        ('"It was candid," said Zhou Mi, a senior research fellow at the Chinese Academy of International '
         'Trade and Economic Cooperation.', "Zhou Mi",
         "a senior research fellow at the Chinese Academy of International Trade and Economic Cooperation"),
        ('Guo Jiakun, a spokesperson for the Foreign Ministry, said on Friday that "we will keep you '
         'updated."', "Guo Jiakun", "a spokesperson for the Foreign Ministry"),
        ("The home secretary, Suella Braverman, said the plan was 'working'.", "Suella Braverman",
         "The home secretary"),
        ('"We expect them to resume," a US Treasury spokesperson said of the talks.',
         "US Treasury spokesperson", "a US Treasury spokesperson"),
        ('A source familiar with the matter said a deal could come "within weeks".',
         "source familiar with the matter", "A source familiar with the matter"),
        ('Analysts at Goldman Sachs wrote: "We expect tariffs to stay."', "Analysts at Goldman Sachs",
         "Analysts at Goldman Sachs"),
        ('"We will not be a bystander," said Ursula von der Leyen, president of the European Commission.',
         "Ursula von der Leyen", "president of the European Commission"),
        ('"It\'s too little, too late," said Sen. Marco Rubio.', "Marco Rubio", "Sen."),
    ],
)  # fmt: skip
def test_title_and_role(paragraph: str, speaker: str, role: str) -> None:
    (q,) = extract_quotes(article(None, paragraph))
    assert (q.speaker, q.role) == (speaker, role)


def test_unnamed_speakers_keep_their_description_and_organisations_speak() -> None:
    s = speakers(
        'About the talks, a Treasury spokesperson said: "They have been very constructive."',
        'In a statement, the commerce ministry said it "firmly opposes" the measures. '
        '"China will take necessary countermeasures," it added.',
        'Chinese officials said they were "disappointed". "We expected more," they said.',
    )
    assert s == {
        "They have been very constructive.": "Treasury spokesperson",
        "firmly opposes": "commerce ministry",
        "China will take necessary countermeasures,": "commerce ministry",
        "disappointed": "Chinese officials",
        "We expected more,": "Chinese officials",
    }


def test_definite_description_resolves_to_the_role_holder() -> None:
    s = speakers(
        "Chinese Commerce Minister Wang Wentao met US Trade Representative Jamieson Greer on Monday.",
        'The minister said the talks were "frank".',
        'The US trade representative called them "useful".',
    )
    assert s == {"frank": "Wang Wentao", "useful": "Jamieson Greer"}


def test_definite_description_without_a_holder_reuses_the_earlier_unnamed_speaker() -> None:
    s = speakers(
        '"They have been very constructive," a US Treasury spokesperson said.',
        'The spokesperson added that talks would "resume in the morning".',
    )
    assert set(s.values()) == {"US Treasury spokesperson"}


def test_coordinated_speakers() -> None:
    (q,) = extract_quotes(
        article(
            None,
            "US Treasury Secretary Scott Bessent and US Trade Representative Jamieson Greer met He Lifeng.",
            'Bessent and Greer blasted China\'s move as a "global supply chain power grab".',
        )
    )
    assert (q.speaker, q.co_speakers) == ("Scott Bessent", ("Jamieson Greer",))


# --- short names -------------------------------------------------------------------------------


def test_short_names_resolve_to_the_full_name_in_the_article() -> None:
    s = speakers(
        "China's top trade negotiator Li Chenggang and US Treasury Secretary Scott Bessent met on Sunday.",
        '"The US side expressed its position in a tough manner," Li said.',
        '"We have a framework," Bessent told reporters.',
        '"Both sides gained," Mr Li added.',
        'Zhou Mi, a senior fellow, said the outcome was "positive". "It is progress," Zhou said.',
    )
    assert s == {
        "The US side expressed its position in a tough manner,": "Li Chenggang",
        "We have a framework,": "Scott Bessent",
        "Both sides gained,": "Li Chenggang",
        "positive": "Zhou Mi",
        "It is progress,": "Zhou Mi",
    }


def test_family_name_first_or_last() -> None:
    assert short_keys(("Li", "Chenggang")) == {"li", "chenggang"}
    assert short_keys(("Xinyi", "Wu")) == {"wu"}
    assert "lee" in short_keys(("Lee", "Jae-myung"))
    assert short_keys(("Scott", "Bessent")) == {"bessent"}
    assert short_keys(("Donald", "J.", "Trump")) == {"trump"}
    assert name_key(("Donald", "J.", "Trump")) == name_key(("donald", "trump"))


def test_short_name_of_a_woman_with_honorific() -> None:
    s = speakers(
        "Xinyi Wu, an analyst at the Rhodium Group, said exports would fall.",
        '"The tariffs will bite," Ms Wu said. "Exporters are worried," she added.',
    )
    assert set(s.values()) == {"Xinyi Wu"}


def test_a_name_given_in_full_only_later_is_still_one_person() -> None:
    s = speakers('"We are close," Lutnick said.', "Commerce Secretary Howard Lutnick spoke in Washington.")
    assert s == {"We are close,": "Howard Lutnick"}


# --- pronouns ----------------------------------------------------------------------------------


def test_he_resolves_to_the_last_person_in_subject_position() -> None:
    s = speakers(
        "Li Chenggang, China's trade representative, met US Treasury Secretary Scott Bessent's deputy.",
        '"The current turbulences are the ones that we do not wish to see," he noted.',
        "Bessent met Li on Tuesday.",
        '"We made progress," he said.',
    )
    assert s == {
        "The current turbulences are the ones that we do not wish to see,": "Li Chenggang",
        "We made progress,": "Scott Bessent",
    }


def test_she_skips_a_man() -> None:
    s = speakers(
        "Commerce Secretary Gina Raimondo met Wang Wentao in Beijing.",
        '"The talks were candid," she said.',
        '"They were useful," he said.',
    )
    assert s == {"The talks were candid,": "Gina Raimondo", "They were useful,": "Wang Wentao"}


def test_pronoun_with_nobody_to_refer_to_stays_unresolved() -> None:
    assert speakers('"We are ready," he said.') == {"We are ready,": None}


def test_names_inside_a_quote_are_not_antecedents() -> None:
    s = speakers(
        'Bessent said: "President Trump will meet Xi Jinping."',
        '"It will be a good meeting," he said.',
    )
    assert s["It will be a good meeting,"] == "Bessent"


# --- the surname He ----------------------------------------------------------------------------

HE_INTRO = "Chinese Vice Premier He Lifeng led the Chinese delegation to Kuala Lumpur."


def test_he_is_the_vice_premier_when_no_one_else_could_be_meant() -> None:
    s = speakers(
        HE_INTRO,
        "The two sides agreed to work out the details, the ministry said.",
        'He urged the US side to "meet China halfway".',
    )
    assert s == {"meet China halfway": "He Lifeng"}


def test_he_is_a_pronoun_when_another_man_was_just_the_subject() -> None:
    s = speakers(
        HE_INTRO,
        "Li Chenggang told reporters the talks were difficult.",
        'He said: "We will never give up our principles."',
    )
    assert s == {"We will never give up our principles.": "Li Chenggang"}


def test_he_inside_a_sentence_is_the_surname() -> None:
    s = speakers(
        HE_INTRO,
        "Li Chenggang told reporters the talks were difficult.",
        '"The US must correct its mistakes," He said.',
        'Safeguarding the gains requires "joint efforts", He said.',
    )
    assert set(s.values()) == {"He Lifeng"}


def test_he_followed_by_an_appositive_or_a_name_is_the_surname() -> None:
    s = speakers(
        HE_INTRO,
        "Trump arrived in Malaysia on Sunday.",
        'He, China\'s lead negotiator, said the talks were "candid".',
        'He and Bessent described the talks as "constructive".',
    )
    assert s == {"candid": "He Lifeng", "constructive": "He Lifeng"}


def test_he_is_always_a_pronoun_without_a_person_surnamed_he() -> None:
    s = speakers("Josh Lipsky spoke in Washington.", 'He said: "The Chinese cannot agree to that."')
    assert s == {"The Chinese cannot agree to that.": "Josh Lipsky"}


# --- quotes without a cue ----------------------------------------------------------------------


def test_quote_paragraph_continues_the_previous_speaker() -> None:
    s = speakers(
        '"We won\'t know until Trump and Xi meet," said Scott Kennedy, a China expert at CSIS.',
        '"If they make a deal, their gambit will have paid off."',
        "TALKING POINTS",
        '"Nobody knows," the official said.',
    )
    assert s == {
        "We won't know until Trump and Xi meet,": "Scott Kennedy",
        "If they make a deal, their gambit will have paid off.": "Scott Kennedy",
        "Nobody knows,": "official",
    }


def test_quote_paragraph_after_reported_speech_continues_that_speaker() -> None:
    s = speakers(
        "Zhou Mi, a senior fellow at a think tank, said the talks were productive.",
        '"Both sides showed goodwill."',
    )
    assert s == {"Both sides showed goodwill.": "Zhou Mi"}


def test_second_sentence_of_a_paragraph_continues_its_speaker() -> None:
    s = speakers('"We are very close to a deal," Trump told reporters. "But it has to be a good deal."')
    assert set(s.values()) == {"Trump"}


def test_headline_quote_takes_the_speaker_of_the_body_passage_it_repeats() -> None:
    s = speakers(
        "China's trade representative Li Chenggang briefed the press on Sunday.",
        "The US side expressed its position in a tough manner, and the Chinese side remained resolute "
        "in safeguarding its interests, Li said.",
        title="'US expresses its position in a tough manner, China remains resolute in safeguarding its "
        "interests'; China, US reach basic consensus",
    )
    assert set(s.values()) == {"Li Chenggang"}


def test_headline_quote_with_its_own_cue() -> None:
    s = speakers(
        'US President Donald Trump said on Monday a deal was "very close".',
        title="Trump says China deal 'very close'",
    )
    assert s == {"very close": "Donald Trump"}


def test_headline_quote_without_a_matching_passage_has_no_speaker() -> None:
    assert speakers("The talks ended on Sunday.", title="Talks 'very constructive'") == {"very constructive": None}


# --- less common shapes of attribution ---------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # any verb closes a quote when a person stands right after it
        (('"We will see," Li Chenggang shrugged.',), {"We will see,": "Li Chenggang"}),
        # a possessive before a noun of speech
        (("Admiral Harry Harris's remarks about readiness to \"confront\" China drew a reply.",),
         {"confront": "Harry Harris"}),
        # inside an opening participle phrase, the main clause's subject speaks
        (('Referring to the situation as "tending toward stability," Geng Shuang called on the US to act.',),
         {"tending toward stability,": "Geng Shuang"}),
        # an attribution that closes the sentence, after other words
        (('Sorry, not enough "upside surprise" on the revenue, the analyst said.',),
         {"upside surprise": "analyst"}),
        # "Mr." with a full stop, and a dateline before the quote
        (("Commerce Minister Wang Wentao arrived on Monday.", 'BEIJING: "We are ready," Mr. Wang said.'),
         {"We are ready,": "Wang Wentao"}),
        # an age or a party label between commas
        (('"We are ready," Wang Lei, 45, told reporters.',), {"We are ready,": "Wang Lei"}),
        (('"It is too early," Sen. Marco Rubio (R-Fla.) said.',), {"It is too early,": "Marco Rubio"}),
    ],
)  # fmt: skip
def test_less_common_attributions(paragraphs: tuple[str, ...], expected: dict[str, str]) -> None:
    assert speakers(*paragraphs) == expected


def test_a_source_named_by_one_word_is_a_body_and_not_a_pronoun_antecedent() -> None:
    quotes = extract_quotes(
        article(
            None,
            "Bessent told reporters the talks covered rare earths, according to Bloomberg.",
            'He said the talks were "constructive, far-reaching and in-depth."',
            '"The two sides are close," according to Xinhua.',
        )
    )
    assert [(q.speaker, q.speaker_kind) for q in quotes] == [
        ("Bessent", "person"),
        ("Xinhua", "organisation"),
    ]


def test_the_ministry_is_the_ministry_named_before() -> None:
    s = speakers(
        "Vice Premier He Lifeng will attend, China's Ministry of Foreign Affairs announced.",
        '"The Chinese side is ready," the ministry said.',
    )
    assert s == {"The Chinese side is ready,": "Ministry of Foreign Affairs"}


def test_she_prefers_a_woman_named_as_such_over_a_closer_body() -> None:
    s = speakers(
        "Not enough surprise, Wall Street said, as shares fell after a statement by CEO Denise Morrison.",
        '"I am disappointed that our plans did not drive stronger sales," she said.',
    )
    assert s == {"I am disappointed that our plans did not drive stronger sales,": "Denise Morrison"}


def test_he_after_a_dateline_starts_a_sentence() -> None:
    s = speakers(
        HE_INTRO,
        "Li Chenggang told reporters the talks were difficult.",
        'KUALA LUMPUR: He said: "We will not give in."',
        'BEIJING (Reuters) - "The talks are over," He said.',
    )
    assert s == {"We will not give in.": "Li Chenggang", "The talks are over,": "He Lifeng"}


# --- forms met on news the rules were not written for (each sentence made up here) -------------


@pytest.mark.parametrize(
    ("paragraphs", "text", "speaker", "attribution"),
    [
        # any verb of speech may come before its subject, and an age before the name
        (['"Help us, please," pleaded Marta Ruiz, 40.'], "Help us, please,", "Marta Ruiz", "same-sentence"),
        (['"I will stay," said 71-year-old Jonas Berg, sitting by his door.'], "I will stay,", "Jonas Berg",
         "same-sentence"),
        # but not a verb whose object follows it
        (['Lena Park, who also said "we will rebuild," thanked the volunteers.'], "we will rebuild,", "Lena Park",
         "same-sentence"),
        # a time, or an aside between dashes, between the subject and its verb
        (['The agency on Friday, Oct. 3 said its team "found the fault line".'], "found the fault line", "agency",
         "same-sentence"),
        (['A tearful Mr Okafor – his wife at his side – said it was "time to go".'], "time to go", "Okafor",
         "same-sentence"),
        (['A report released by the Ministry of Health -- its first in a year -- said the "worst is over".'],
         "worst is over", "Ministry of Health", "same-sentence"),
        # a document's author
        (['"The limit is safer," said a statement issued by the World Meteorological Organization.'],
         "The limit is safer,", "World Meteorological Organization", "same-sentence"),
        # a name between commas after a description or a title phrase
        (['One of the miners, Tomas Reyes, told reporters: "We never lost hope."'], "We never lost hope.",
         "Tomas Reyes", "same-sentence"),
        (['"It is burning," the spokesman for the abbey, Paul Girard, told AFP.'], "It is burning,", "Paul Girard",
         "same-sentence"),
        # a second verb shares the first one's subject; a participle's noun phrase is its object
        (['Governor Ana Silva lamented the losses and noted that the town was "gone".'], "gone", "Ana Silva",
         "same-sentence"),
        (['President Ana Silva issued a statement saying, "We stand together."'], "We stand together.",
         "Ana Silva", "same-sentence"),
        # a month in a name is no date and no auxiliary
        (['Theresa May tweeted that her thoughts were "with Paris tonight".'], "with Paris tonight", "Theresa May",
         "same-sentence"),
        (['June Okoro said the verdict was "fair," she said.'], "fair,", "June Okoro", "pronoun"),
        # a part of a group speaks as such
        (['"Stay calm," one of the boys recalled.'], "Stay calm,", "one of the boys", "same-sentence"),
        # a clause with its own quote after a quote whose cue came before is a new report
        (['Ana Silva said it was "a sad day," Jonas Berg called it "a disaster".'], "a sad day,", "Ana Silva",
         "same-sentence"),
    ],
)  # fmt: skip
def test_forms_of_attribution_in_unseen_news(paragraphs, text, speaker, attribution):
    q = quote(text, *paragraphs)
    assert (q.speaker, q.attribution) == (speaker, attribution)


def test_a_pronoun_takes_the_closest_fitting_person_not_a_known_woman_further_back():
    paragraphs = (
        'Ruth Adler, 50, said the water had gone. "We are afraid," she said.',
        "Neighbour Fe Tolentino queued for food.",
        '"We sleep outside," she told reporters.',
    )
    q = quote("We sleep outside,", *paragraphs)
    assert (q.speaker, q.attribution) == ("Fe Tolentino", "pronoun")


def test_a_description_before_a_name_leaves_the_name_the_subject():
    paragraphs = (
        'Diane Ocampo said: "We lost the house."',
        "Mother-of-three Lucia Vera, 43, lined up for water.",
        '"We cannot even wash," she said.',
    )
    assert quote("We cannot even wash,", *paragraphs).speaker == "Lucia Vera"


def test_a_place_or_a_name_qualifying_a_noun_is_no_antecedent():
    paragraphs = (
        "Another Lisbon resident said the shaking was brief.",
        'Rescuers reached Bogo City on Monday. "It was terrible," he said.',
    )
    assert quote("It was terrible,", *paragraphs).speaker is None  # no person is named: better none


def test_it_after_a_speaker_named_by_one_word():
    paragraphs = (
        'Sismologia said its team "mapped the rupture".',
        'It added that "field checks are ongoing."',
    )
    q = quote("field checks are ongoing.", *paragraphs)
    assert (q.speaker, q.speaker_kind, q.attribution) == ("Sismologia", "organisation", "pronoun")


def test_a_quote_without_a_cue_continues_and_says_so():
    paragraphs = ('"We were lucky," Omar Haddad said. "The wall held."',)
    q = quote("The wall held.", *paragraphs)
    assert (q.speaker, q.attribution) == ("Omar Haddad", "continued")
    assert quote("We were lucky,", *paragraphs).attribution == "same-sentence"


def test_a_role_taken_in_the_headline_or_with_as_names_its_holder():
    q = quote("It is time,", '"It is time," the PM said.', title="Prime Minister Ana Silva resigns")
    assert (q.speaker, q.attribution) == ("Ana Silva", "role")
    paragraphs = (
        "Jonas Berg has resigned as prime minister after the vote.",
        'The prime minister said he was "at peace".',
    )
    assert quote("at peace", *paragraphs).speaker == "Jonas Berg"


def test_a_role_holder_named_only_further_on_is_no_one_yet():
    paragraphs = ('The minister said the bridge was "safe".', "Later, Minister Ana Silva visited the site.")
    assert quote("safe", *paragraphs).speaker != "Ana Silva"


def test_the_company_is_the_company_named_before():
    paragraphs = ("Acme Motors has not yet named a successor.", 'The company said it expects "more changes".')
    q = quote("more changes", *paragraphs)
    assert (q.speaker, q.speaker_kind, q.attribution) == ("Acme Motors", "organisation", "role")


def test_his_office_is_named_by_whose_it_is_but_not_his_wife():
    paragraphs = ('President Ana Silva will host the crews to share "words of thanks", according to her office.',)
    assert quote("words of thanks", *paragraphs).speaker == "Ana Silva's office"
    paragraphs = ("Rescuer Tomas Reyes died on Friday.", '"He is in heaven now," his wife said.')
    assert quote("He is in heaven now,", *paragraphs).speaker == "wife"


@pytest.mark.parametrize(
    ("paragraphs", "text", "speaker"),
    [
        (["''We are searching every sea lane,'' Transport Minister Amir Rahman told reporters."],
         "We are searching every sea lane,", "Amir Rahman"),
        (['Home Minister Amir Rahman criticised the checks.', '"I am still shocked," Rahman was quoted as saying.'],
         "I am still shocked,", "Amir Rahman"),
        (['Miner Luis Soto came up first.', '"Thanks to everybody," the Times quoted Soto, as saying.'],
         "Thanks to everybody,", "Luis Soto"),
        (['"This is a miracle," said his jubilant uncle, Alberto Rios, who rushed to the platform.'],
         "This is a miracle,", "Alberto Rios"),
        (['Foreign Minister Karen Lind says tourists should leave.', '"If it is not essential, go home," said.'],
         "If it is not essential, go home,", "Karen Lind"),
        (['Contact was lost, according to airline chief Ahmad Yusof. "We deeply regret it."'],
         "We deeply regret it.", "Ahmad Yusof"),
        (['Next up was Mario Soto, 39.', '"I\'m so happy!" Soto yelled. Then he asked: "How\'s the dog?"'],
         "How's the dog?", "Mario Soto"),
        (['Manager Ken Ito met Governor Yuhei Sano, who vented his anger.',
          '"Do you understand how people feel?" he told Ito.'], "Do you understand how people feel?", "Yuhei Sano"),
        (['Deputy Defence Minister Omar Latif denied it.', 'The defence minister said the search was "thorough".'],
         "thorough", "defence minister"),
        (['Flanked by aides, Datuk Seri Najib Razak spoke.', 'Datuk Seri Najib told reporters: "It ended."'],
         "It ended.", "Najib Razak"),
        # a body's short form in brackets inside a description; people named by their plight
        (['"We cannot tell when," a Northern Power Co (NPC) spokesperson said.'], "We cannot tell when,",
         "Northern Power Co spokesperson"),
        (['"When can we go home?" one evacuee demanded as the chief executive bowed.'], "When can we go home?",
         "one evacuee"),
        # a speech given ("addressed the nation") introduces the words after it
        (['President Ana Silva addressed the nation.  "Long live the republic!"'], "Long live the republic!",
         "Ana Silva"),
        # "the airline" is the airline named before, whose name ends with its word
        (['An Ostland Airlines Boeing 737 crashed on Sunday.', '"There are no survivors," the airline said.'],
         "There are no survivors,", "Ostland Airlines"),
        (['Only one airline, Fiji Airways, is affected.', '"We are grounding the fleet," the airline said.'],
         "We are grounding the fleet,", "Fiji Airways"),
        # a participle clause between the subject and the verb, with no commas
        (['President Ana Silva while sending her condolences said, "She was a pillar of strength."'],
         "She was a pillar of strength.", "Ana Silva"),
        # a second verb after "but" shares the first one's subject
        (['Ruth Adler said the verdict gave her "closure", but added there was none "unless you bring her back".'],
         "unless you bring her back", "Ruth Adler"),
        # an age standing for the person the story is about
        (['Maria Zambrano refuses to leave the town.', '"What would my husband say?" the 74-year-old asks.'],
         "What would my husband say?", "Maria Zambrano"),
        # a role taken after a label's dash; an honorific with an adjective is no role
        (['SKY NEWS:- Tom Ward has resigned as Prime Minister.', 'A tearful Mr Ward said it was "time".',
          'The PM said: "I love this country."'], "I love this country.", "Tom Ward"),
        # a given name after a word that describes its bearer, misspelt or not, is a person
        (['Tourists such as Carol Dunn said they were leaving. Her 10-year-old daughhter Lucy was more '
          'emphatic. "I\'m scared," she said.'], "I'm scared,", "Lucy"),
        # the gender of given names from many languages: "she" skips the man
        (['Lars Berg met Ingrid Holm on Monday.', '"We found nothing," she said.'], "We found nothing,",
         "Ingrid Holm"),
        # a nationality word is a family name after an honorific or a given name, not before a noun
        (['Annette German was among the crowds.', 'Ms German continued: "I share a birthday with her."'],
         "I share a birthday with her.", "Annette German"),
        (['"Only 10 houses are standing," said Arjun Nepali, a resident.'], "Only 10 houses are standing,",
         "Arjun Nepali"),
        (['Angela Merkel met the German ambassador, who said it was "sad".'], "sad", "German ambassador"),
        # a title of a science before a name is a title, not part of the name
        (['Chief Forecaster Peter Lund said the cloud would "stay north".'], "stay north", "Peter Lund"),
    ],
)  # fmt: skip
def test_forms_met_on_held_out_news(paragraphs, text, speaker):
    assert quote(text, *paragraphs).speaker == speaker


def test_a_paragraph_about_the_speaker_by_pronoun_bridges_to_his_words():
    paragraphs = (
        "Chief Forecaster Peter Lund said the winds would keep the cloud far to the north.",
        "His office and the NRL had both been fielding calls about the plant.",
        '"People are worried for no good reason.',
        '"I am not worried in the slightest."',
    )
    q = quote("People are worried for no good reason.", *paragraphs)
    assert (q.speaker, q.attribution) == ("Peter Lund", "previous-paragraph")
    assert quote("I am not worried in the slightest.", *paragraphs).speaker == "Peter Lund"


@pytest.mark.parametrize(
    "bridge",
    [
        "Her office had been fielding calls about the plant.",  # the pronoun does not fit him
        "His office and Maria Santos had both been fielding calls.",  # someone else is named
    ],
)
def test_a_bridge_that_may_speak_of_someone_else_leaves_the_speaker_empty(bridge):
    paragraphs = ("Forecaster Peter Lund said the winds would keep the cloud north.", bridge, '"Nobody should worry."')
    assert quote("Nobody should worry.", *paragraphs).speaker is None


def test_headline_capitals_make_no_names():
    q = quote(
        "Miracle",
        "President Ana Silva called it a miracle.",
        title="All 33 Miners Rescued as President Calls It a 'Miracle'",
    )
    assert q.speaker != "Calls"


def test_regnal_names_places_nationalities_and_appositions():
    paragraphs = (
        "The new monarch, whose title was confirmed as King Henry IX, spoke of his grief.",
        'Henry said in a statement: "It is a moment of great sadness."',
        '"I am so angry," said Yemeni citizen Omar Saleh, 38.',
        '"Those who can are walking down," said Hari Joshi of Nepal\'s tourism department.',
        'Dr L.B. Thapa said: "He thanked me."',
    )
    got = {q.text: q.speaker for q in extract_quotes(article(None, *paragraphs))}
    assert got["It is a moment of great sadness."] == "King Henry IX"
    assert got["I am so angry,"] == "Omar Saleh"
    assert got["Those who can are walking down,"] == "Hari Joshi"
    assert got["He thanked me."] == "L.B. Thapa"


def test_a_name_in_apposition_to_an_object_is_no_subject():
    paragraphs = (
        "Tomas Rivas had seen his friend, miner Luis Ortega, saved. But he too said he would stay.",
        '"I am staying here," he said.',
    )
    assert quote("I am staying here,", *paragraphs).speaker == "Tomas Rivas"


def test_a_name_in_apposition_described_further_is_no_subject():
    """'his son, Amir Haddad from Lyon' names the one waited for: the "he" who speaks next is the
    one waiting, the subject, not the last name read."""
    paragraphs = (
        "Karim Haddad stood by the arrivals board at the station all morning.",
        "Karim was waiting for his son, Amir Haddad from Lyon. He was due on the 9:40 train.",
        '"Nobody at the desk can tell us anything," he said.',
    )
    assert quote("Nobody at the desk can tell us anything,", *paragraphs).speaker == "Karim Haddad"
    # Not an apposition: an opening phrase before the name, whose verb follows it.
    paragraphs = (
        "Karim Haddad waited at the station.",
        "In the afternoon, Amir Haddad from Lyon arrived. He was tired.",
        '"The train stopped for an hour," he said.',
    )
    assert quote("The train stopped for an hour,", *paragraphs).speaker == "Amir Haddad"


def test_begging_imploring_and_fuming_are_ways_of_speaking():
    """A named subject with one of these verbs says the quotation, even when the sentence goes on
    to say who reported it ("according to …")."""
    paragraphs = (
        "Lena Ortiz, a cook at the inn, was carried out of the rubble on Friday.",
        '"Find my sister," Lena begged rescuers, according to fire officer Paul Grant.',
        '"We have waited four days," Mr Colin Reeve fumed.',
        '"Please open the road," Ms Ada Brenner implored the council.',
    )
    assert quote("Find my sister,", *paragraphs).speaker == "Lena Ortiz"
    assert quote("We have waited four days,", *paragraphs).speaker == "Colin Reeve"
    assert quote("Please open the road,", *paragraphs).speaker == "Ada Brenner"


def test_a_description_with_a_name_in_apposition_is_that_person():
    paragraphs = (
        "The first worker reached the surface at midnight.",
        "A second worker, Tomasz Wolny (38) soon followed, admitting: “I did not think I would see the sky.”",
    )
    assert quote("I did not think I would see the sky.", *paragraphs).speaker == "Tomasz Wolny"
    # No name after the comma: the description stays.
    text = "A second worker, pale and tired, soon followed, saying: “We are fine.”"
    assert quote("We are fine.", text).speaker == "second worker"


def test_a_day_after_an_inverted_speaker_is_not_part_of_the_name():
    """'said X on Thursday': "on" joins the words of a body's name ("Convention on Climate
    Change"), never a name and a date."""
    assert quote("fit to fly,", 'He was "fit to fly," said airline chief Dieter Kraus on Thursday.').speaker == (
        "Dieter Kraus"
    )
    assert quote("We agree,", '"We agree," said Anna Berg on March 3.').speaker == "Anna Berg"
    text = '"The target is binding," said the Framework Convention on Climate Change.'
    assert quote("The target is binding,", text).speaker == "Framework Convention on Climate Change"


def test_a_title_abbreviated_without_a_full_stop_is_a_title():
    paragraphs = (
        "Captain Aldo Ferrante was questioned on Monday.",
        "Capt Ferrante later said he had “slipped into” the boat.",
        "Supt Rhona Kerr said the search was “over for tonight”.",
    )
    assert quote("slipped into", *paragraphs).speaker == "Aldo Ferrante"
    assert quote("over for tonight", *paragraphs).speaker == "Rhona Kerr"


def test_a_statement_from_a_body_is_that_body_speaking():
    text = '"We grieve with every family," said a statement from the Harbour Trust, the port\'s charity.'
    assert quote("We grieve with every family,", text).speaker == "Harbour Trust"


def test_it_is_the_one_body_just_named_when_no_body_has_spoken():
    paragraphs = (
        "Norway's Coastal Administration (NCA) on Monday said it was in contact with the ship's owners.",
        '"We will cooperate fully with the investigation," it said.',
    )
    speaker = quote("We will cooperate fully with the investigation,", *paragraphs).speaker
    assert speaker in ("Coastal Administration", "Norway's Coastal Administration")
    # Two bodies named: "it" could be either, so no one is named.
    paragraphs = (
        "The Coastal Administration and the Harbour Authority met on Monday.",
        '"We will cooperate fully," it said.',
    )
    assert quote("We will cooperate fully,", *paragraphs).speaker is None


def test_the_statement_speaks_for_the_body_that_gave_it():
    paragraphs = (
        '"Our thoughts are with the crew," the Harbour Board said in a statement.',
        '"We ask that speculation is avoided," the statement said.',
    )
    assert quote("We ask that speculation is avoided,", *paragraphs).speaker == "Harbour Board"


def test_a_description_owned_by_a_person_names_them_in_full():
    paragraphs = (
        "Hamid Sadiq, a retired pilot, was among the passengers.",
        "In a statement, Mr Sadiq’s family said they were “united in grief”.",
    )
    assert quote("united in grief", *paragraphs).speaker == "Hamid Sadiq’s family"


def test_a_headline_role_is_the_person_the_body_gives_it_to():
    title = "Rail chief says he is 'shocked' by the crash report"
    text = 'Northline Rail chief executive Mara Olsen said on Friday she was "shocked" by the report.'
    assert quote("shocked", text, title=title).speaker == "Mara Olsen"
    # A headline's description that the body's speaker does not hold stays as it is.
    title = "Passenger says she was 'shocked' by the crash"
    assert quote("shocked", text, title=title).speaker == "Passenger"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"The deal builds on progress," said a White House fact sheet.', "White House"),
        ('"We are ready," a Kremlin statement said.', "Kremlin"),
        ('"We regret it," the company statement said.', "company statement"),  # no body named
    ],
)
def test_a_named_bodys_document_speaks_for_the_body(sentence, speaker):
    assert extract_quotes(article(None, sentence))[0].speaker == speaker


def test_nouns_of_crying_out_are_no_verbs_of_speech():
    """'screams', 'cries' are nouns as often as verbs: only 'screamed', 'cried' are cues."""
    title = "Parade scenes: explosions, screams, ‘glass all over Main Street’"
    paragraphs = ("“There was glass all over Main Street,” Lena Ruiz said.",)
    found = extract_quotes(article(title, *paragraphs))
    assert found[0].headline and found[0].speaker in (None, "Lena Ruiz")
    assert quote("Run now,", "“Run now,” Omar Haddad yelled.").speaker == "Omar Haddad"
    assert quote("Help me,", "“Help me,” cried Ana Dias.").speaker == "Ana Dias"


def test_a_long_title_with_its_short_form_in_brackets_before_a_name():
    text = "“The cores remain uncovered,” International Civil Safety Agency (ICSA) head Kenji Morita said today."
    assert quote("The cores remain uncovered,", text).speaker == "Kenji Morita"


def test_a_document_named_with_its_body_speaks_for_it_later():
    """ "the report says" after "the Dutch Safety Board's final report"; "the fact sheet said"
    after "a fact sheet released by the White House"; "the statement read" (devset5, devset)."""
    paragraphs = (
        "The Dutch Safety Board’s final report released today falls short of identifying who was responsible.",
        "“Persons of interest” key to the investigation have been identified, the report says.",
    )
    assert quote("Persons of interest", *paragraphs).speaker == "Dutch Safety Board"
    paragraphs = (
        "A fact sheet released by the White House said the deal was “ambitious”.",
        '"For the first time, all countries commit to targets," the fact sheet said.',
    )
    assert quote("For the first time, all countries commit to targets,", *paragraphs).speaker == "White House"
    paragraphs = (
        '"Contact was lost with their craft," Engro Corporation said in a statement.',
        '"We humbly request that speculation is avoided," the statement read.',
    )
    assert quote("We humbly request that speculation is avoided,", *paragraphs).speaker == "Engro Corporation"
    # A person's report is no body's: nothing is guessed.
    paragraphs = (
        "Mr Joustra’s final report was released today.",
        "“Persons of interest” have been identified, the report says.",
    )
    assert quote("Persons of interest", *paragraphs).speaker in (None, "report")


def test_a_body_that_released_a_statement_is_it_and_the_company():
    """One word no one is known by, after "a statement released by", is a body: "it said" and
    "the company said" go on with it (devset4)."""
    paragraphs = (
        "All five are believed dead, according to a statement released by OceanGate, which operates the vessel.",
        '"These men were true explorers," it said.',
        'The company said it grieved the "loss of life".',
    )
    found = {q.text: q for q in extract_quotes(article(None, *paragraphs))}
    assert found["These men were true explorers,"].speaker == "OceanGate"
    assert found["loss of life"].speaker == "OceanGate"
    assert found["loss of life"].speaker_kind == "organisation"


def test_a_quotation_right_after_asking_for_is_the_askers():
    """ "asking for "help"": the quoted word is the speaker's, though "asking for" alone is no
    cue; the quotation after it continues her (devset3)."""
    text = (
        "External Affairs Minister Sushma Swaraj took to Twitter on Sunday, asking for “help” to get in "
        "touch with Garg’s family. “I have tried her husband’s number many times.”"
    )
    got = speakers(text)
    assert got["help"] == "Sushma Swaraj"
    assert got["I have tried her husband’s number many times."] == "Sushma Swaraj"
    assert speakers("The families were asking for more money to rebuild.") == {}


def test_the_carrier_is_the_airline_named_before_or_in_the_headline():
    """ "The carrier, which ..., said" and "the airline tweeted" name the company named before,
    in the body or the headline (devset3)."""
    paragraphs = (
        'Ethiopian Airlines said the plane had taken off at 8:38 am and "lost contact" six minutes later.',
        'The carrier, which changed its logo on Twitter to black and white, said "there are no survivors."',
    )
    assert quote("there are no survivors.", *paragraphs).speaker == "Ethiopian Airlines"
    title = "Ethiopian Airlines crash: no survivors among 157 on board"
    text = "“There are no survivors,” the airline tweeted alongside a picture of its chief executive."
    assert quote("There are no survivors,", text, title=title).speaker == "Ethiopian Airlines"


def test_they_after_a_person_and_his_wife_is_the_person_first_named():
    paragraphs = (
        'In a statement, U.S. President Joe Biden and his wife Jill Biden said the Queen\'s "legacy will loom large".',
        '"She was a steadying presence," they said.',
    )
    got = speakers(*paragraphs)
    assert got["legacy will loom large"] == "Joe Biden"
    assert got["She was a steadying presence,"] == "Joe Biden"


def test_a_things_verb_inside_reported_speech_leaves_the_speaker_before_it():
    """ "X says debris suggests "catastrophic loss"": a thing reports nothing; X speaks (devset4)."""
    text = 'The Coast Guard commander says debris from the submersible suggests a "catastrophic loss" of the vessel.'
    assert quote("catastrophic loss", text).speaker == "Coast Guard commander"


def test_authorities_said_is_a_description_but_not_inside_a_relative_clause():
    text = 'Lubitz had engaged in "very smooth, very cool" conversation with the pilot, authorities said.'
    assert quote("very smooth, very cool", text).speaker == "authorities"
    text = (
        "Andreas Lubitz, the co-pilot who authorities say deliberately crashed a plane, was "
        '"rather quiet", people who know him said Thursday.'
    )
    assert quote("rather quiet", text).speaker != "authorities"
    text = (
        'A separate investigation is taking place, about which Prime Minister Mark Rutte said: "We appeal to Russia."'
    )
    assert quote("We appeal to Russia.", text).speaker == "Mark Rutte"


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        ('They evacuated the boys in an operation dubbed "D-Day" by Chiang Rai Gov. Narongsak Osottanakorn.',
         "D-Day", "Narongsak Osottanakorn"),
        ('The situation is described by the International Atomic Energy Agency as "very serious" by now.',
         "very serious", "International Atomic Energy Agency"),
        ('The plan was described as "reckless" by Senator Jane Holt.', "reckless", "Jane Holt"),
        ('The plan was dubbed "Phase One".', "Phase One", None),  # a label: nobody's words
    ],
)  # fmt: skip
def test_the_agent_of_a_passive_verb_of_naming_is_the_speaker(sentence, quoted, speaker):
    found = [q for q in extract_quotes(article(None, sentence)) if q.text == quoted]
    assert (found[0].speaker if found else None) == speaker


def test_a_title_after_a_person_named_without_one_is_that_person():
    """ "Donald Trump expressed ... The US president tweeted": the person the sentence before is
    about, named with no title, while no one else is named (devset, devset5)."""
    paragraphs = (
        "Donald Trump expressed his “warmest sympathy” to the people of New Zealand.",
        "The US president tweeted that “innocent people have so senselessly died”.",
    )
    assert quote("innocent people have so senselessly died", *paragraphs).speaker == "Donald Trump"
    # Not when the title has more to it ("the head of the rescue operation"), nor when the
    # person was meant by a pronoun only, nor when another person is named before it.
    paragraphs = (
        "Musk was quick to offer his help. Days later, he started promoting his mini-submarine.",
        "The head of the rescue operation said the offer was “not practical”.",
    )
    assert quote("not practical", *paragraphs).speaker != "Musk"
    paragraphs = (
        "Donald Trump spoke to reporters on Friday.",
        "After meeting Jacinda Ardern, the prime minister said it was “a dark day”.",
    )
    assert quote("a dark day", *paragraphs).speaker != "Donald Trump"


def test_a_quotation_after_a_named_person_who_mourned_is_theirs():
    """A quotation alone right after 'X mourned / paid tribute / took to Twitter' (devset3)."""
    text = (
        "President Uhuru Kenyatta mourned the 96-year-old monarch as a towering global icon. "
        "“Her Majesty was a towering icon of selfless service to humanity.”"
    )
    assert quote("Her Majesty was a towering icon of selfless service to humanity.", text).speaker == "Uhuru Kenyatta"
    # No verb of expression: the quotation may be anyone's.
    text = "Captain Mark Tilley was killed in the crash. “He was a hero to all of us.”"
    assert quote("He was a hero to all of us.", text).speaker is None


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        ('IAEA head Yukiya Amano yesterday told a board meeting that "we are starting to see progress."',
         "we are starting to see progress.", "Yukiya Amano"),
        ('John Young from AMSA’s emergency response division said the objects were "probably awash".',
         "probably awash", "John Young"),
        ('The Dutch Safety Board’s final report is out. The 279-page report argues the system "does not work".',
         "does not work", "Dutch Safety Board"),
    ],
)  # fmt: skip
def test_speaker_phrases_past_a_day_a_body_and_a_size(sentence, quoted, speaker):
    assert quote(quoted, sentence).speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "quoted", "speaker"),
    [
        ('In Europe, German Chancellor Angela Merkel mourned "with the New Zealanders for their fellow citizens".',
         "with the New Zealanders for their fellow citizens", "Angela Merkel"),
        ('In a tweet, U.S. President Donald Trump sent "warmest sympathy and best wishes" to New Zealand.',
         "warmest sympathy and best wishes", "Donald Trump"),
        ('Prime Minister Hassan Diab in his speech promised announcements about "this dangerous warehouse".',
         "this dangerous warehouse", "Hassan Diab"),
        ('Belgian Prime Minister Charles Michel said the vote must be respected and he sent a tweet which said: '
         '"We have to define our priorities."', "We have to define our priorities.", "Charles Michel"),
    ],
)  # fmt: skip
def test_messages_sent_mourned_or_tweeted_in_so_many_words(sentence, quoted, speaker):
    """A verb of expression right before the quote's mark, 'X in his speech promised', 'he sent a
    tweet which said:' (devset, devset5)."""
    assert quote(quoted, sentence).speaker == speaker


def test_a_verb_of_expression_with_no_quote_after_it_is_no_cue():
    assert speakers('Officials sent the "Phase Two" plans to Congress.').get("Phase Two") is None


def test_a_short_paragraph_introducing_the_next_ones_quotation():
    """ "Unsworth continued:" alone in its paragraph, the quotation in the next (devset)."""
    paragraphs = (
        "British caver Vern Unsworth dismissed the submarine offer in an interview.",
        "Unsworth continued:",
        "“The sub I believe was five or six feet long, rigid. Just a PR stunt.”",
    )
    assert quote("The sub I believe was five or six feet long, rigid. Just a PR stunt.", *paragraphs).speaker == (
        "Vern Unsworth"
    )


def test_a_family_name_misspelt_with_a_doubled_letter_is_the_same_person():
    paragraphs = (
        "President Sebastian Pinera greeted the last rescuer.",
        '"We are proud of this team of rescuers," Mr Pinerra said.',
    )
    assert quote("We are proud of this team of rescuers,", *paragraphs).speaker == "Sebastian Pinera"


def test_a_headline_gives_its_speaker_after_a_dash():
    """ "'We are the luckiest ones' - survivors of Christchurch killings" (devset5); a name or a
    description, never a place or a topic after the dash."""
    body = "Some body text about the events of the day and what followed them."
    title = "'We are the luckiest ones' - survivors of Christchurch killings"
    assert quote("We are the luckiest ones", body, title=title).speaker == "survivors of Christchurch killings"
    title = "'We will rebuild' – Prime Minister Jacinda Ardern"
    assert quote("We will rebuild", body, title=title).speaker == "Jacinda Ardern"
    for title in ("'Disaster area' - Beirut in ruins after blast", "'Quote here' - Trump on China"):
        assert extract_quotes(article(title, body))[0].speaker is None


def test_officials_now_say_and_a_sentence_the_page_did_not_split():
    text = 'The situation is serious and US officials now say workers may get "lethal doses" in a short time.'
    assert quote("lethal doses", text).speaker == "US officials"
    text = "“What happened will not pass without accountability,” said Diab.”Those responsible will pay the price.”"
    assert quote("Those responsible will pay the price.", text).speaker == "Diab"


def test_a_role_of_another_portfolio_is_not_the_minister_named_before():
    """ "the country's deputy prime minister Matteo Salvini. / Italy's Transport minister said
    ..." (devset6): the transport minister is another minister, whom the text never names; the
    deputy prime minister is not the prime minister either."""
    paragraphs = (
        "The death toll has risen to 30, according to the country's deputy prime minister Matteo Salvini.",
        "Italy's Transport minister said it's shaping up to be a \"huge tragedy\".",
    )
    q = quote("huge tragedy", *paragraphs)
    assert q.speaker == "Italy's Transport minister" and q.speaker_kind == "description"
    paragraphs = (
        "The death toll has risen to 30, according to the country's deputy prime minister Matteo Salvini.",
        'The prime minister said it was "a huge tragedy".',
    )
    assert quote("a huge tragedy", *paragraphs).speaker != "Matteo Salvini"
    # The same portfolio, or none named, is still the minister named before.
    paragraphs = (
        "Transport Minister Marc Garneau said the plane had been cleared.",
        'The transport minister said the rules were "very clear".',
    )
    assert quote("very clear", *paragraphs).speaker == "Marc Garneau"
    paragraphs = (
        "Transport Minister Marc Garneau said the plane had been cleared.",
        'The minister said the rules were "very clear".',
    )
    assert quote("very clear", *paragraphs).speaker == "Marc Garneau"


def test_a_line_of_page_furniture_names_no_one_a_pronoun_may_mean():
    """A video's title in the page ("Going for Culinary Gold | SaltWire") is not the story's:
    'She ... left Havva ...' and then '"...," she told Reuters' are Havva Tuncay's (devset6)."""
    paragraphs = (
        "Going for Culinary Gold | SaltWire #nscc #food #worldskills",
        "ANTAKYA (Reuters) - Havva Tuncay was living in a tent when another earthquake hit on Monday "
        "night. She had been having trouble sleeping after the first shocks left Havva and her "
        "children homeless two weeks ago.",
        '"I cannot sleep at night. We are very scared," she told Reuters outside her tent.',
    )
    assert quote("I cannot sleep at night. We are very scared,", *paragraphs).speaker == "Havva Tuncay"
    # Without a name in the story's sentences, the furniture's name is no one's antecedent.
    paragraphs = (
        "Going for Culinary Gold | SaltWire #nscc #food #worldskills",
        '"I cannot sleep at night," she told Reuters outside her tent.',
    )
    assert quote("I cannot sleep at night,", *paragraphs).speaker is None


def test_one_heard_calling_out_is_the_speaker_not_the_one_who_reports_it():
    """'"...," one survivor could be heard calling out ..., said a resident' (devset6): the
    survivor speaks; the resident reports it."""
    text = (
        "“I don’t have the strength anymore,” one survivor could be heard calling out from beneath "
        "the rubble in the Turkish city of Adana, as rescue workers tried to reach him, said a "
        "resident, journalism student Muhammet Fatih Yavuz."
    )
    assert quote("I don’t have the strength anymore,", text).speaker == "one survivor"
    text = '"Help us," a woman was heard shouting from the second floor, a neighbour said.'
    assert quote("Help us,", text).speaker == "woman"
    # Heard by someone, with no verb of speech after it, is no cue of the one heard.
    text = '"It was a huge bang," said a resident who heard the blast.'
    assert quote("It was a huge bang,", text).speaker == "resident"


def test_he_is_the_unnamed_person_the_story_just_spoke_of():
    """ "The unnamed diver had to separate the boy and girl because he could not carry both. /
    "...," he told the newspaper' (devset6): the diver, though no one is named."""
    paragraphs = (
        "A diver has spoken of the moment he found the bodies of a boy and girl.",
        "The unnamed diver had to separate the boy and girl because he could not carry both of them.",
        '"I started to cry thinking that they didn\'t want to leave each other," he told the newspaper.',
    )
    q = quote("I started to cry thinking that they didn't want to leave each other,", *paragraphs)
    assert q.speaker == "unnamed diver" and q.speaker_kind == "description"
    paragraphs = (
        "A boy and girl tied their life jacket cords together, a diver who recovered their bodies said.",
        "The diver said he had to separate the two because he could not carry two corpses.",
        '"I started to cry," he told the newspaper.',
    )
    assert quote("I started to cry,", *paragraphs).speaker == "diver"
    # Not when someone is named after the unnamed one: "A popular man, Ranieri ..." is Ranieri
    # (an adverb after a name is no noun it qualifies: "Ranieri typically passed").
    paragraphs = (
        "Leicester boss Claudio Ranieri praised his players.",
        "A popular man, Ranieri typically passed on the plaudits.",
        '"I am so proud," he said.',
    )
    assert quote("I am so proud,", *paragraphs).speaker == "Claudio Ranieri"
    # Nor a thing ("A notice indicated ..."), nor a role held by someone named before.
    paragraphs = (
        "Isaac Lwugi was expecting his brother. A notice indicated that the flight had been cancelled.",
        '"We have no information till now," he said.',
    )
    assert quote("We have no information till now,", *paragraphs).speaker == "Isaac Lwugi"
    paragraphs = (
        "British diver John Volanthen found the boys on Monday.",
        "The diver said he had been amazed to find them all alive.",
        '"They were very calm," he said.',
    )
    assert quote("They were very calm,", *paragraphs).speaker == "John Volanthen"


def test_sympathy_offered_in_the_words_of_a_quotation():
    """'He offered condolences at the country's time of "great sorrow."' (devset6): the words
    of the one who offered them; not a verb of expression with some other object, nor a
    quotation after another verb."""
    paragraphs = (
        "The disaster cast a pall over President Barack Obama's trip to South Korea on Friday. He "
        "offered condolences at the country’s time of “great sorrow.”",
    )
    assert quote("great sorrow.", *paragraphs).speaker == "Barack Obama"
    text = 'Jacinda Ardern expressed her sympathy for the "senseless" loss of life.'
    assert quote("senseless", text).speaker == "Jacinda Ardern"
    text = 'Jacinda Ardern issued a warning of "severe" weather on the coast.'
    assert extract_quotes(article(None, text))[0].speaker is None
    text = 'Jacinda Ardern offered condolences after officials called the attack "a massacre".'
    assert quote("a massacre", text).speaker == "officials"


def test_a_nations_adjective_is_never_a_body_that_speaks():
    """ "according to a Chinese readout" is the readout's words, not a body called "Chinese"; and
    "the company" or "the airline" later is not that body either (a misquote each time)."""
    paragraphs = (
        '"Nothing is agreed until everything is agreed," according to a Chinese readout.',
        'The company said the recall was "a precaution."',
        '"We will resume flights," said the airline.',
    )
    found = {q.text: q for q in extract_quotes(article(None, *paragraphs))}
    assert found["Nothing is agreed until everything is agreed,"].speaker == "Chinese readout"
    assert found["Nothing is agreed until everything is agreed,"].speaker_kind == "description"
    assert found["a precaution."].speaker == "company"
    assert found["We will resume flights,"].speaker == "airline"
    assert found["We will resume flights,"].speaker_kind == "description"


@pytest.mark.parametrize("verb", ["advises", "advised", "explains", "warns", "recalls", "insists"])
def test_a_present_tense_verb_before_its_subject_names_the_speaker(verb):
    """Feature copy puts the speaker after a present-tense verb: '"...," advises psychologist
    Lynn Alvord.'"""
    assert speakers(f'"Talk to other people about it," {verb} psychologist Lynn Alvord.') == {
        "Talk to other people about it,": "Lynn Alvord"
    }


@pytest.mark.parametrize(
    ("paragraphs", "text", "speaker"),
    [
        (['Retired teacher Anna German walked slowly to the shelter.', 'German, 71, said she had lost her home.',
          '"There is nothing left," German said.'], "There is nothing left,", "Anna German"),
        (['Farmer Paul French lost his barn.', '"We saw the smoke at noon," said French.'],
         "We saw the smoke at noon,", "Paul French"),
        (['Ms English, 84, waited outside.', '"I am not leaving," English said.'], "I am not leaving,", "English"),
    ],
)  # fmt: skip
def test_a_nations_adjective_that_is_a_persons_family_name_is_that_person(paragraphs, text, speaker):
    """A family name that is also a nation's adjective ("Michael French") stands alone for the
    person later in the article: "French said" is him."""
    assert speakers(*paragraphs)[text] == speaker


def test_a_nations_adjective_is_still_an_adjective_beside_a_person_of_that_name():
    """With a Paul French in the article, "French officials" and "the French" are still no one."""
    found = speakers(
        "Paul French walked to the square.",
        'French officials said the fire was "under control".',
        'The French said they were "ready to help".',
    )
    assert found == {"under control": "French officials", "ready to help": None}


def test_he_after_the_official_and_an_object_him_is_the_official():
    """ "The official" after a named speaker is that speaker, and the subject of its sentence; a
    "him" is never the subject of its own clause ("Mwangi had asked him" is not Mwangi), and the
    subject of an "although" clause is less the topic than the main subject: so "he" after it is
    the official, not the governor named last."""
    found = speakers(
        '"We expect a deal soon," Harlan Obuya told reporters.',
        "The official said his agency was ready, although Governor Peter Mwangi had asked him to wait.",
        '"The port is open," he said.',
    )
    assert found["The port is open,"] == "Harlan Obuya"


def test_he_is_the_main_clause_subject_rather_than_a_subordinate_ones():
    found = speakers('Paul Amos chaired the talks, though John Kerr later criticised him. "We stand by it," he said.')
    assert found["We stand by it,"] == "Paul Amos"


def test_he_after_a_subordinate_clause_alone_is_still_its_subject():
    """With no one else in the sentence, the subject of a "when" clause is still who "he" means."""
    found = speakers('When Paul Amos arrived, the talks had begun. "We are late," he said.')
    assert found["We are late,"] == "Paul Amos"


def test_a_verb_a_scraper_ran_into_a_name_is_not_part_of_the_name():
    """ "Reporter Anna Lindqvistwitnessed the attack": the page lost a space; the speaker is Anna
    Lindqvist, and a name that merely ends like a verb is left whole."""
    found = speakers(
        'Reporter Anna Lindqvistwitnessed the attack and recalled it. "We hid under the seats," she said.',
        '"It was calm by then," said Omar Bloodstained.',
    )
    assert found == {"We hid under the seats,": "Anna Lindqvist", "It was calm by then,": "Omar Bloodstained"}


def test_a_company_named_with_a_stopped_suffix_before_its_cue_speaks():
    """ "Harbour Lines Ltd. said": the full stop ends the company's name, not the sentence."""
    found = speakers('"We regret the delay," Harbour Lines Ltd. said. "We are working to fix it."')
    assert found == {"We regret the delay,": "Harbour Lines Ltd", "We are working to fix it.": "Harbour Lines Ltd"}


def test_a_standfirst_quote_that_repeats_part_of_a_body_quote_has_its_speaker():
    """A pull quote above the story repeats the end of a longer quotation in the body: the body's
    speaker said it. A short excerpt (under six words) is too common to tell."""
    body = (
        'Councillor Rosa Imbert walked the riverbank. "We lost the mill and the school. The bridge is gone. '
        'We will need a year to rebuild it," Imbert said.'
    )
    long = '"The bridge is gone. We will need a year to rebuild it." Most roads are closed, officials said.'
    assert speakers(long, body)["The bridge is gone. We will need a year to rebuild it."] == "Rosa Imbert"
    assert speakers('"A year to rebuild it."', body)["A year to rebuild it."] is None


def test_words_a_company_relays_from_whoever_informed_it_are_the_tellers():
    """ "X said the shipowner has informed it that the ship 'was ...'": the words are the
    shipowner's, who told them, not X's; a verb of telling has someone for its subject."""
    found = speakers(
        'Harbour Lines said the charterer has informed it that the vessel "was blown off course".',
        'Harbour Lines said the captain told it that the vessel "was safe".',
    )
    assert found == {"was blown off course": "charterer", "was safe": "captain"}


def test_on_after_a_persons_name_or_before_a_platform_ends_the_speaker():
    """ "said Senate Leader Dana Whitlow on Twitter": the platform is where she spoke, not part of
    her name; "on" still joins a body's name ("the Convention on Coastal Waters")."""
    found = speakers(
        '"Justice was served," said Senate Majority Leader Dana Whitlow on Twitter.',
        '"They deserved better," wrote Marla Pettigrew on Threads.',
        '"We will appeal," said the Harbour Board on Facebook.',
        '"The rules hold," said the Regional Convention on Coastal Waters.',
    )
    assert found == {
        "Justice was served,": "Dana Whitlow",
        "They deserved better,": "Marla Pettigrew",
        "We will appeal,": "Harbour Board",
        "The rules hold,": "Regional Convention on Coastal Waters",
    }


def test_a_dotted_country_before_a_name_is_no_initial():
    """ "... gun violence in the U.S. Okafor said": "U.S." ends the sentence; it is not the
    initials of Okafor (as "L.B. Basnet" would be)."""
    found = speakers(
        "Press secretary Adaeze Okafor spoke on Friday.",
        'Okafor called for action on gun violence in the U.S. Okafor said the White House is "disappointed".',
    )
    assert found == {"disappointed": "Adaeze Okafor"}


def test_she_after_according_to_a_person_means_that_person():
    """ "..., according to Press Secretary Nadia Okonjo." then '"...," she said': the one the
    words were credited to speaks next, rather than a woman named as a subject before."""
    found = speakers(
        "Governor Tom Varga and First Lady Anne Varga will travel to Dayton, Ohio Sunday to visit the families.",
        "Varga will meet with the families of the victims, according to Press Secretary Nadia Okonjo.",
        '"These were children," she said during a briefing Thursday.',
    )
    assert found == {"These were children,": "Nadia Okonjo"}


def test_a_given_name_that_is_also_a_faith_or_nationality_opens_a_name():
    """ "Christian" is a given name as well as a faith: before a family name it opens the name
    ("Christian Okafor"), so "Okafor said" is Christian Okafor."""
    found = speakers(
        "One of those parents was Christian Okafor — the father of a girl at the school.",
        '"Then my brother called me," Okafor said.',
    )
    assert found == {"Then my brother called me,": "Christian Okafor"}


def test_a_participle_cue_takes_the_main_clause_subject_not_a_subordinate_ones():
    """ "Varga spoke after Hurst was found guilty, saying": Varga speaks, Hurst is the subject of
    the clause "after ..."; a person named there speaks only when the main clause names no one."""
    found = speakers(
        'Governor Tom Varga spoke Tuesday night after Dale Hurst was found guilty of murder, saying, "It is justice."',
        'Tensions eased after Varga softened his tone, saying the levy was "not sustainable".',
    )
    assert found == {"It is justice.": "Tom Varga", "not sustainable": "Tom Varga"}


def test_a_whose_clause_between_subject_and_verb_is_skipped():
    """ "Reyes, whose office oversaw Hurst's prosecution, praised ...": the relative clause is
    passed over; Reyes speaks, not the person named inside it."""
    found = speakers(
        "Dale Hurst was found guilty on Tuesday.",
        "State Attorney General Mona Reyes, whose office oversaw Hurst's prosecution, praised the "
        '"bouquet of humanity" at the trial.',
    )
    assert found == {"bouquet of humanity": "Mona Reyes"}


def test_a_word_of_a_bodys_name_is_no_person():
    """ "Sgt. Erick Vance of the State Department of Public Safety told reporters": Safety is part
    of the body's name, never a person whom a "he" may mean."""
    found = speakers(
        "The car crashed outside the school, Sgt. Erick Vance of the State Department of Public Safety told reporters.",
        '"It was over in minutes," he said.',
    )
    assert found == {"It was over in minutes,": "Erick Vance"}


def test_he_said_after_a_sentence_a_named_person_spoke_means_that_speaker():
    """ "He killed his uncle first, said state Sen. Ruben Alcala." then '"...," he said': the
    speaker of the sentence before speaks on, rather than the man "he" meant in it."""
    found = speakers(
        "The gunman crashed his car outside the school, Sgt. Erick Vance of the state police told reporters.",
        "He killed his uncle before heading to the school, said state Sen. Ruben Alcala, who stated he had "
        "been briefed by state police.",
        '"That was the first thing he did on his birthday," he said.',
    )
    assert found == {"That was the first thing he did on his birthday,": "Ruben Alcala"}


def test_a_name_in_a_reduced_relative_clause_is_not_the_speaker():
    """ "But the parent company Veltro, quickly clarified the messages Hale described were
    '...'": Hale only described the messages; the subject, past a stray comma, speaks."""
    found = speakers(
        "Governor Dan Hale said the gunman had posted messages online before the attack.",
        "But Harbour Media's parent company Veltro, quickly clarified the messages Hale described were "
        '"private one-to-one text messages".',
    )
    assert found == {"private one-to-one text messages": "Veltro"}


@pytest.mark.parametrize(
    ("paragraph", "speaker"),
    [
        ('Christian Democrats said "the coalition is finished for good."', "Christian Democrats"),
        ('U.S. Steel said "the deal will close next year as planned."', "U.S. Steel"),
        ('Global Steel said "output will rise by ten percent."', "Global Steel"),
        ('The Christian Church said "we will not accept this change."', "Christian Church"),
        ('The Russian Orthodox Church said "the service will go ahead."', "Russian Orthodox Church"),
    ],
)
def test_an_everyday_word_after_a_capitalised_word_that_is_no_name_ends_a_body(paragraph: str, speaker: str):
    """ "U.S. Steel", "Christian Democrats": an everyday noun, a plural or a body's word after a
    capitalised word that is no name is the end of a body's or a group's name, never a person."""
    q = quote(paragraph.split('"')[1], paragraph)
    assert (q.speaker, q.speaker_kind) == (speaker, "organisation")


@pytest.mark.parametrize(
    ("paragraph", "speaker", "kind"),
    [
        ('Democrats said "the vote was a travesty of justice."', "Democrats", "organisation"),
        ('Conservatives said "the tax will hurt families."', "Conservatives", "organisation"),
        ('Critics said "the plan does nothing for renters."', "Critics", "description"),
        ('Supporters said "she was the best candidate by far."', "Supporters", "description"),
        ('Witnesses said "the car was going very fast."', "Witnesses", "description"),
        ('Israelis said "we just want to live in peace."', None, None),
    ],
)
def test_a_plural_of_an_everyday_noun_or_of_a_party_member_is_no_person(paragraph, speaker, kind):
    """ "Democrats said", "Critics said": the members of a party, the plural of an everyday noun
    or of a people, which no one of the article is known by, are a group, never one person."""
    q = quote(paragraph.split('"')[1], paragraph)
    assert (q.speaker, q.speaker_kind) == (speaker, kind)


def test_a_plural_everyday_word_that_is_a_known_family_name_is_the_person():
    found = speakers(
        "Microsoft founder Bill Gates visited the clinic on Monday.",
        'Gates said "the vaccine will save lives."',
    )
    assert found == {"the vaccine will save lives.": "Bill Gates"}


def test_the_possessor_of_a_speech_is_not_the_he_who_speaks_next():
    """ "Omar Haddad, head of a rights group, told reporters that he had expected more from
    Kaya's speech": Kaya is named only as the speech's owner; the "he" who speaks next is the
    subject of the sentence, Haddad."""
    found = speakers(
        "The journalist was killed in a planned operation, President Selim Kaya said on Tuesday.",
        "The country, he said, is seeking answers.",
        "Omar Haddad, campaigner and head of a rights group, told reporters that he had expected more "
        "from Kaya's speech on Tuesday.",
        '"We expected something more honest," he said. "We expected more information."',
    )
    assert found == {
        "We expected something more honest,": "Omar Haddad",
        "We expected more information.": "Omar Haddad",
    }


def test_cited_as_saying_names_the_one_cited():
    """ "X was cited by Y as saying", as "X was quoted by Y as saying": X speaks, not the last
    person named before it."""
    found = speakers(
        'President Selim Kaya and Crown Prince Fahd Nasser discussed over the phone "joint efforts" to '
        "shed light on the killing of journalist Omar Haddad, a presidential source was cited by state news "
        "agency Anadolu as saying.",
    )
    assert found == {"joint efforts": "presidential source"}


def test_a_noun_phrase_that_opens_a_new_clause_is_no_appositive():
    """ "the case of Omar Haddad, a presidential source said": the source is the subject of a new
    clause, not Haddad's description; "the source" later is not Haddad."""
    found = speakers(
        "Leaders discussed the case of Omar Haddad, a presidential source said on Tuesday.",
        '"It was a tough call," the source said.',
    )
    assert found == {"It was a tough call,": "presidential source"}


def test_a_participle_takes_the_main_clause_subject_not_a_prepositional_object():
    """ "Hale has hedged his criticism of the company over Omar Haddad, insisting ...": the one
    who hedged insists; Haddad is the object of "over"."""
    found = speakers(
        "Omar Haddad, a journalist, was killed in October. Governor Dan Hale met his family on Monday.",
        "Hale has hedged his criticism of the company over Omar Haddad, insisting he does not want to "
        'imperil a "tremendous order" of weapons.',
    )
    assert found == {"tremendous order": "Dan Hale"}


def test_a_capitalised_verb_inside_a_newspaper_name_is_no_cue():
    """ "She later told the Miami Herald: ...": "Herald" is part of the paper's name, not the verb
    "herald" whose subject would be the city ("the Miami")."""
    found = speakers(
        "Student Ana Ruiz hid in a closet with a group of other students.",
        'She later told the Miami Herald: "I never thought that could happen."',
    )
    assert found == {"I never thought that could happen.": "Ana Ruiz"}


@pytest.mark.parametrize("year", ["Freshman", "Sophomore"])
def test_a_students_year_before_the_name_is_a_role_not_a_name(year):
    assert speakers(f'{year} Sarah Crescitelli said: "I am shocked."') == {"I am shocked.": "Sarah Crescitelli"}


def test_a_report_closing_a_sentence_does_not_take_its_speakers_words():
    """'..., the AP reported' after a speaker's own cue names where the report came from; the
    words stay the speaker's. Alone, 'X reported' still names X."""
    found = speakers(
        'President Francois Hollande called it "a terrorist attack," and said other attacks were thwarted'
        ' "in recent weeks," the AP reported.',
        '"The talks went well," Xinhua reported.',
    )
    assert found["in recent weeks,"] == "Francois Hollande"
    assert found["The talks went well,"] == "Xinhua"


def test_a_name_in_apposition_to_the_sentences_opening_noun_is_its_subject():
    """ "One of the club patrons, Chris Hansen, thought ..." makes Hansen the one a "he" next means,
    not a man named in an earlier paragraph."""
    found = speakers(
        "Ray Rivera, a DJ, was playing music when the shooting began.",
        'One of the club patrons, Chris Hansen, thought the popping sound was part of the music. "It went with'
        ' the beat almost," he said later.',
    )
    assert found == {"It went with the beat almost,": "Chris Hansen"}


def test_a_participle_takes_the_subject_not_a_possessive_in_the_object():
    """ "Mayor Rick Dunn accepted Park's resignation, adding, ...": the one who accepted adds; a
    possessive inside the object is never the subject, however recently that person was named."""
    found = speakers(
        "Lee Park, the head of the agency, resigned on Friday.",
        'Mayor Rick Dunn accepted Park’s resignation, adding, "We will find someone soon."',
    )
    assert found == {"We will find someone soon.": "Rick Dunn"}


def test_a_capitalised_company_noun_alone_is_no_company_name():
    """ "Airlines were told ...": a common noun capitalised at a sentence's start names no body, so
    "the company" later is not "Airlines"."""
    found = speakers(
        "Airlines were told on Monday to ground the jets, the minister said.",
        'The company said it had "full trust in the design" of the jet.',
    )
    assert found["full trust in the design"] != "Airlines"


def test_the_company_is_the_one_that_spoke_last_not_one_named_further_back():
    """ "... after the Kenya Airways crash. / Vantor said ... The company said": the company the
    sentence before made its subject, not the airline named a paragraph earlier."""
    found = speakers(
        "Regulators ordered the jets grounded after the Kenya Airways crash on Sunday.",
        'Vantor said it backed the decision "out of caution." The company said it had "full trust in the'
        ' design" of the jet.',
    )
    assert found == {"out of caution.": "Vantor", "full trust in the design": "Vantor"}


@pytest.mark.parametrize("verb", ["continues with", "continues to back", "continued the work of"])
def test_continue_with_an_object_is_no_speech_verb(verb):
    """ "... it was vital that the Green party continues with its plan so as to unlock all the
    "energy and talent"": continuing with something says nothing; the words are the one who said."""
    found = speakers(
        "Mayor Dana Ortiz spoke on Monday.",
        f"She also said it was vital that the Green party {verb} its housing plan so as to unlock all the"
        ' "energy and talent" in the city.',
    )
    assert found == {"energy and talent": "Dana Ortiz"}


@pytest.mark.parametrize("intent", ["sought to assure", "wanted to reassure", "tried to assure", "moved to reassure"])
def test_a_speech_verb_after_a_verb_of_intent_is_the_subjects_cue(intent):
    """ "Reyes sought to assure savers that they will "have their money by Friday"": the one who
    sought to assure speaks, not the object she assures."""
    found = speakers(f'Governor Ana Reyes {intent} Mayor Tom Hill that savers will "have their money by Friday."')
    assert found == {"have their money by Friday.": "Ana Reyes"}


@pytest.mark.parametrize("tail", [", referring to the rebels.", " referring to the rebels.", "."])
def test_an_object_first_speech_verb_inverted_after_a_quote_takes_the_name_after_it(tail):
    """In '"...," accused President Igor Volkov, referring to ...', right after a quotation, the verb
    comes before its subject; with "of" or "for" after the name it would be the object."""
    found = speakers(f'"The army has its orders. Traitors will pay," accused President Igor Volkov{tail}')
    assert found == {"The army has its orders. Traitors will pay,": "Igor Volkov"}


def test_an_object_first_verb_with_its_object_complement_names_no_speaker():
    assert speakers('"It is over," slammed Mayor Ivan Petrov for his silence.') == {"It is over,": None}


def test_a_purpose_infinitive_of_expression_is_the_subjects_not_a_cited_source():
    """ "According to the paper, citing two unnamed sources, Moss made a brief call to Lund to
    express "..."": the one who called to express it; the paper's sources report the call."""
    found = speakers(
        "According to the paper, citing two unnamed sources, Chief Executive Dan Moss made a brief call to"
        ' Mayor Eve Lund to express "confidence in the safety of the new buses."'
    )
    assert found == {"confidence in the safety of the new buses.": "Dan Moss"}


@pytest.mark.parametrize(
    "sentence",
    [
        'The protests pushed Mayor Eve Lund to express "regret" for the delay.',
        'Mayor Eve Lund declined to say "anything at all" about it.',
    ],
)
def test_an_infinitive_after_a_refusal_or_an_object_control_verb_names_no_speaker(sentence):
    assert list(speakers(sentence).values()) == [None]


def test_a_definite_epithet_is_the_person_the_article_described_so():
    """ "Ana Ruiz, a mother from Kansas, ... / "...," the Kansas mother told reporters": the one
    person the article gave that description; with no such description, or two persons given it,
    the epithet stays a description."""
    told = '"We ran for the water," the Kansas mother told reporters.'
    described = speakers(
        "Ana Ruiz, a mother from Kansas, was in a car with her children when the fire came.",
        "An elderly woman was helped into the sea.",
        told,
    )
    assert described == {"We ran for the water,": "Ana Ruiz"}
    assert speakers("Ana Ruiz was in a car with her children.", told) == {"We ran for the water,": "Kansas mother"}
    two = speakers(
        "Ana Ruiz, a mother from Kansas, and Lia Ford, a Kansas mother of two, fled the fire.",
        told,
    )
    assert two == {"We ran for the water,": "Kansas mother"}


def test_a_quoted_term_right_after_blamed_the_is_the_subjects():
    """ "Petrov blamed the "pack mentality" for his defeat": the term is the one who blamed it, as
    with "mourned" or "expressed"; a "he" later blames in his name."""
    found = speakers(
        'Mayor Ivan Petrov blamed the "pack mentality" at city hall for his defeat.',
        'He also blamed "the press" on Friday.',
    )
    assert found == {"pack mentality": "Ivan Petrov", "the press": "Ivan Petrov"}


def test_an_active_verb_of_naming_gives_the_label_to_its_subject():
    """ "Morgan labelled Ruiz a "cheat"": the labeller's word; a thing "labelled" so is no one's."""
    found = speakers(
        "The broadcaster Piers Morgan spoke on Monday.",
        "Later Morgan labelled Ana Ruiz a 'cheat' and a 'liar'.",
        'The shop sold a product labelled "organic" to Ana Ruiz.',
    )
    assert found == {"cheat": "Piers Morgan", "liar": "Piers Morgan", "organic": None}


def test_spoken_of_and_a_second_verb_after_an_auxiliary_keep_the_subject():
    """ "Oslo, (dpa) - Mayor Volkov has spoken of a "crisis" ..., and has told residents they will get
    "full support"": "spoken of" is speech, and the verb joined to it after "and has" is the same
    speaker's, not the dateline's nor the person named in between."""
    found = speakers(
        'Oslo, Jun. 24, (dpa) - Mayor Igor Volkov has spoken of a "crisis" after the fire set by the head of'
        ' the gang, Ivan Petrov, and has told residents they will get "full support" from the city.'
    )
    assert found == {"crisis": "Igor Volkov", "full support": "Igor Volkov"}


def test_a_participle_speaking_of_takes_the_main_clause_subject():
    found = speakers(
        'This is how Igor Volkov, in a televised address, defined the revolt, speaking of "serious acts of treason".'
    )
    assert found == {"serious acts of treason": "Igor Volkov"}


def test_a_subject_that_boasts_or_claims_the_quoted_words_speaks():
    """ "According to its brochure, Velora boasts the "…"": the -s form of a speech verb that is
    also a plural noun ("boasts", "claims", "vows") is a cue after a subject and right before the
    quotation or a determiner and the quotation; with no subject before it ("amid claims") it is a
    noun."""
    found = speakers(
        'Velora Foods was founded in 1998. According to its brochure, Velora boasts the "freshest bread in town."'
    )
    assert found == {"freshest bread in town.": "Velora Foods"}
    assert speakers('The vote came amid claims "the count was rigged" in the north.') == {"the count was rigged": None}
    assert speakers('The union vows "no surrender" as talks stall.') == {"no surrender": "union"}


def test_a_source_owned_by_his_her_or_its_is_the_owners_words():
    """ "according to her statement", "according to its website": the words of the person or body
    the possessive stands for; when no one is known, of no one (not of "statement")."""
    person = speakers(
        "Mayor Ana Ruiz visited the flooded district on Monday.",
        'According to her statement, the town faces a "grave crisis."',
    )
    assert person == {"grave crisis.": "Ana Ruiz"}
    body = speakers(
        "Harbor Rail Corporation said trains would run late.",
        'According to its website, services will resume "within days."',
    )
    assert body == {"within days.": "Harbor Rail Corporation"}
    assert speakers('According to its website, services will resume "within days."') == {"within days.": None}


def test_blamed_or_mourned_with_an_object_and_its_preposition_before_the_quotation():
    """ "Ruiz blamed the delays on a "staffing crisis"", "Petrov mourned the queen as a "towering
    icon"": the words are the subject's, as with 'blamed the "..."'; not when a verb stands between
    ("the delays that followed on a ...")."""
    found = speakers(
        'Mayor Ana Ruiz blamed the delays on a "staffing crisis" at the port.',
        'President Ivan Petrov mourned the late queen as a "towering icon".',
    )
    assert found == {"staffing crisis": "Ana Ruiz", "towering icon": "Ivan Petrov"}
    found = speakers('Governor Lia Ford blamed the delays that followed on a "staffing crisis" at the port.')
    assert found == {"staffing crisis": None}


def test_accepted_that_with_a_quotation_in_its_clause_is_a_cue():
    """ "Ruiz accepted that "mistakes were made"": conceded, as "acknowledged that"; but "accepted
    the "offer"" reports no words."""
    found = speakers(
        'Mayor Ana Ruiz further accepted that the plan was "deeply flawed" on Monday.',
        'Governor Lia Ford accepted the "offer" from the union.',
    )
    assert found == {"deeply flawed": "Ana Ruiz", "offer": None}


def test_an_unnamed_person_whose_words_a_named_person_says_in_full_is_that_person():
    """A standfirst's "One man said he saw "a wall of water" and "the cars were floating down the
    street."" whose words all stand in one quotation the body gives to Tom Reyes is Reyes's; not
    when the words are too short to be known by, nor when the description's noun is of the other
    gender."""
    body = (
        "Tom Reyes of Dayton said the river rose within minutes.",
        '"I looked out and saw a wall of water, and the cars were floating down the street," Reyes told'
        " reporters. He said he was lucky.",
    )
    found = speakers('One man said he saw "a wall of water" and "the cars were floating down the street."', *body)
    assert found["a wall of water"] == "Tom Reyes"
    assert found["the cars were floating down the street."] == "Tom Reyes"
    short = speakers('One man said he saw "a wall of water" coming.', *body)
    assert short["a wall of water"] == "One man"
    woman = speakers('One woman said "the cars were floating down the street."', *body)
    assert woman["the cars were floating down the street."] == "One woman"


def test_a_rank_before_a_name_is_a_title_not_a_first_name():
    """ "Senior Superintendent Jane Doyle" is Jane Doyle, and "Superintendent Doyle" later is
    she; likewise a detective, a constable, a coroner."""
    found = speakers(
        "Senior Superintendent Jane Doyle of the fire service spoke on Thursday.",
        '"The cladding burned fast," Superintendent Doyle said.',
        '"We found no alarm," said Detective Constable Anil Rao.',
        '"It was an accident," Coroner Maria Lind said.',
    )
    assert found == {
        "The cladding burned fast,": "Jane Doyle",
        "We found no alarm,": "Anil Rao",
        "It was an accident,": "Maria Lind",
    }


def test_an_office_word_after_a_given_name_is_a_family_name():
    """An office word ends a person's name after a given name ("Jim Justice", "Lena Senior") when
    a mark, a cue or "who" follows; "the Obama Justice Department" stays a body's name."""
    found = speakers(
        '"We will rebuild the bridge," Lena Justice told reporters on Friday.',
        'Carl Justice, who runs the ferry, said: "We lost everything."',
        'Officials at the Obama Justice Department called the plan "dead".',
    )
    assert found == {
        "We will rebuild the bridge,": "Lena Justice",
        "We lost everything.": "Carl Justice",
        "dead": "Officials at the Obama Justice Department",
    }


def test_an_age_and_a_hometown_between_commas_stand_between_a_name_and_its_verb():
    """ "Ann Cole, 25, of Dayton, said", "Ann Cole, of Dayton, Ohio, said": the age and the place a
    person lives are asides; "the mayor, of the party, said" is no hometown."""
    found = speakers(
        '"We waited all night," Ann Cole, 25, of Dayton, said after the vote.',
        'Ben Ruiz, 41, from Akron, Ohio, said the water was "everywhere".',
        '"It is over," Lia Park, of Toledo, said.',
    )
    assert found == {"We waited all night,": "Ann Cole", "everywhere": "Ben Ruiz", "It is over,": "Lia Park"}


def test_disclosed_is_a_verb_of_speech_as_revealed():
    found = speakers('Chief Ray Olsen disclosed that there were "not enough boats" on the river.')
    assert found == {"not enough boats": "Ray Olsen"}


def test_sobbed_and_wailed_say_how_the_words_were_said():
    """As "cried" and "screamed": '"...," one man sobbed'; but "a sob" or "the wail of sirens"
    reports no words."""
    found = speakers(
        '"Where is my son?" one father sobbed outside the school.',
        '"Not again," an old woman wailed as the water rose.',
        'Amid the wail of sirens, a sign read "closed".',
    )
    assert found["Where is my son?"] == "one father"
    assert found["Not again,"] == "old woman"
    assert found["closed"] is None


def test_names_with_a_list_comma_and_a_counted_description_speak():
    """ "Ana, Luis, and Marta, three neighbours who ..., told": a list with its comma before "and",
    and a number with a noun for people set off by commas, describe the persons named."""
    found = speakers(
        '"The roof fell in," Ana, Luis, and Marta, three neighbours who asked that their surnames be'
        " withheld, told the radio.",
        '"We ran," Tom Berg and Lia Dahl, two students, told reporters.',
        'Anna Berg, Tom Dahl, and Lia Park said the river was "rising".',
    )
    assert found == {"The roof fell in,": "Ana", "We ran,": "Tom Berg", "rising": "Anna Berg"}


def test_a_person_at_the_scene_of_an_event_is_the_whole_description():
    """ "A policeman at the scene of the shooting told reporters": the person, read back over "of"
    and the place, not "the shooting" (a noun after its article) nor "the town"."""
    found = speakers(
        'A policeman at the scene of the shooting told reporters "it was chaos."',
        'A resident at the edge of the town said the river was "still rising".',
    )
    assert found == {
        "it was chaos.": "policeman at the scene of the shooting",
        "still rising": "resident at the edge of the town",
    }


def test_an_age_before_an_appositive_is_an_aside_too():
    """ "Karki, 73, an academic, has told ..." reads back over the appositive and the age."""
    found = speakers(
        'Mira Dahl, 73, a retired judge, has told reporters that "the court still stands".',
        '"We are ready," Tomas Lind, 45, a farmer, said.',
    )
    assert found == {"the court still stands": "Mira Dahl", "We are ready,": "Tomas Lind"}
