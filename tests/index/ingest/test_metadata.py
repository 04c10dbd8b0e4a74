"""Dates, bylines, headlines and declared metadata, on the forms news pages use."""

import datetime as dt

import pytest

from talks_tui.index.ingest.boilerplate import Kind, classify_lines
from talks_tui.index.ingest.metadata import (
    Declared,
    clean_title,
    date_line,
    parse_byline,
    parse_date,
    read_page,
    reporting_credits,
    split_leading_date,
    split_names,
)
from talks_tui.index.ingest.outlets import OutletTable


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return OutletTable.load()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-10-27", "2025-10-27"),
        ("2025-10-27T08:30:00+08:00", "2025-10-27"),
        ("2025/10/7", "2025-10-07"),
        ("30 Oct 2025", "2025-10-30"),
        ("26th October, 2025", "2025-10-26"),
        ("October 26, 2025 01:55 PM GMT+03:00", "2025-10-26"),
        ("Oct. 26, 2025", "2025-10-26"),
        ("Sept. 5, 2025", "2025-09-05"),
        ("Saturday, Oct. 25, 2025", "2025-10-25"),
        ("2025年10月27日", "2025-10-27"),
        ("27/10/2025", "2025-10-27"),
        ("10/27/2025", "2025-10-27"),
        ("05/06/2025", None),  # day and month could be either way round
        ("05-06-2025", None),
        ("Updated: 26-03-2024 16:28 IST", "2024-03-26"),  # day first: 26 is no month
        ("News | DW | 02.04.2015", "2015-04-02"),  # dots are written day first
        ("2025-02-30", None),
        ("no date here", None),
        (dt.date(2025, 10, 27), "2025-10-27"),
        (dt.datetime(2025, 10, 27, 23, 0), "2025-10-27"),
        (1761523200, "2025-10-27"),
        (None, None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("30 Oct 2025", (True, "2025-10-30")),
        ("October 26, 2025 01:55 PM GMT+03:00", (True, "2025-10-26")),
        ("Published 5 hours ago | Updated Oct 26, 2025, 10:02 a.m.", (True, "2025-10-26")),
        ("Updated 10:05 AM EDT, October 25, 2025", (True, "2025-10-25")),
        ("Published: Monday, 27 October 2025, 8:30 am", (True, "2025-10-27")),
        ("2 hours ago", (True, None)),
        # a masthead's date cut into pieces, one a line, and a time glued to its "am"
        ("• Sat", (True, None)),
        ("• Updated: 2:41am", (True, None)),
        ("UPDATED : Saturday, 19 April, 2014, 8:06pm", (True, "2014-04-19")),
        ("Sat Sun Mon", (False, None)),
        ("Samsung", (False, None)),
        ("2025-10-21", (True, "2025-10-21")),
        ("Talks resumed on October 26, 2025 in Kuala Lumpur", (False, None)),
        ("East Asia", (False, None)),
        ("2 killed, 5 injured", (False, None)),
    ],
)
def test_date_line(line, expected):
    assert date_line(line) == expected


def test_split_leading_date_separates_a_date_glued_to_the_headline():
    line = "date 2025-10-27 ‘US expresses its position in a tough manner'; China, US reach consensus"
    assert split_leading_date(line) == (
        "2025-10-27",
        "‘US expresses its position in a tough manner'; China, US reach consensus",
    )
    assert split_leading_date("October 26, 2025 01:55 PM | Talks end in Kuala Lumpur") == (
        "2025-10-26",
        "Talks end in Kuala Lumpur",
    )
    assert split_leading_date("2025 was a year of trade wars") == (None, "2025 was a year of trade wars")


@pytest.mark.parametrize(
    ("line", "authors", "outlet", "date"),
    [
        ("By Chi Jingyi and Li Xuanmin ( Global Times", ("Chi Jingyi", "Li Xuanmin"), "Global Times", None),
        ("Ralph Jennings,Xinyi Wu 🕒︎ 2025-10-27", ("Ralph Jennings", "Xinyi Wu"), None, "2025-10-27"),
        ("By JANE DOE and JOHN ROE, Associated Press", ("Jane Doe", "John Roe"), "Associated Press", None),
        ("By Jane Doe | Reuters", ("Jane Doe",), "Reuters", None),
        ("By Jane Doe in Beijing and John Roe in Washington", ("Jane Doe", "John Roe"), None, None),
        ("By Maria de la Cruz, Staff Writer", ("Maria de la Cruz",), None, None),
        ("Written by Siti Aminah & Lee Kah Wai", ("Siti Aminah", "Lee Kah Wai"), None, None),
        ("By Reuters Staff", (), "Reuters", None),
        ("Jane Doe, Senior Correspondent", ("Jane Doe",), None, None),
        ("Jane Doe | Published October 26, 2025", ("Jane Doe",), None, "2025-10-26"),
        ("Xinhua | Updated: 2025-10-26 18:42", (), "Xinhua", "2025-10-26"),
        ("By Tassanee Vejpongsa The Associated Press", ("Tassanee Vejpongsa",), "The Associated Press", None),
        # a photo's label and a station's call sign after the name; "By" glued to it
        ("ByLaura Anthony KGO logo", ("Laura Anthony",), None, None),
        ("By JANE DOE AP", ("Jane Doe",), "AP", None),
    ],
)
def test_parse_byline(table, line, authors, outlet, date):
    byline = parse_byline(line, table, header=True)
    assert byline is not None
    assert (byline.authors, byline.outlet, byline.date) == (authors, outlet, date)


@pytest.mark.parametrize(
    "line",
    [
        "By contrast, the talks in Geneva lasted two days.",
        "By Friday the two sides had agreed on a framework",
        "East Asia",
        "China, US trade talks start in Kuala Lumpur ahead of possible Xi-Trump summit",
        "Contact editor Lu Zhenhua (zhenhualu@caixin.com)",
        "Xi Jinping, Donald Trump",
        "China Earthquake Kills 400, Thousands Injured",  # a number is no date beside names
        "DUBAI-The Associated Press",  # a dateline run into the wire's credit
    ],
)
def test_not_a_byline(table, line):
    assert parse_byline(line, table, header=True) is None


@pytest.mark.parametrize("line", ["By Reporter", "By Reporter 5", "By Our Reporter", "By Our Correspondent"])
def test_a_job_alone_is_no_outlet(table, line):
    # The table knows an outlet called "The Reporter" (Ethiopia): "By Reporter" is not its byline.
    assert table.lookup("Reporter") is not None
    byline = parse_byline(line, table, header=True)
    assert byline is None or byline.outlet is None


def test_a_byline_without_by_counts_only_in_the_header(table):
    assert parse_byline("Jane Doe | Reuters", table, header=False) is None
    assert parse_byline("By Jane Doe", table, header=False).authors == ("Jane Doe",)


def test_reporting_credits_name_reporters_not_editors():
    line = "Reporting by David Lawder in Washington and Ellen Zhang in Beijing; Editing by Sam Holmes"
    assert reporting_credits(line) == ("David Lawder", "Ellen Zhang")
    assert reporting_credits("Additional reporting by Jane Roe; Editing by Sam Holmes") == ()


def test_clean_title_drops_site_names_but_not_other_parts(table):
    assert clean_title("Trade talks resume | Reuters", table) == "Trade talks resume"
    assert clean_title("Trade talks resume - South China Morning Post", table) == "Trade talks resume"
    assert clean_title("SCMP | Trade talks resume", table) == "Trade talks resume"
    assert clean_title("Trade talks resume | www.example.com", table) == "Trade talks resume"
    assert clean_title("Trade war - what happens next", table) == "Trade war - what happens next"
    assert clean_title("Xi-Trump summit set", table) == "Xi-Trump summit set"


def test_declared_metadata_from_a_mapping():
    declared, warnings = Declared.from_mapping(
        {
            "title": " Talks  resume ",
            "outlet": "Reuters",
            "date": dt.date(2025, 10, 26),
            "author": "Jane Doe and John Roe",
        }
    )
    assert declared == Declared(
        title="Talks resume", outlet="Reuters", date="2025-10-26", authors=("Jane Doe", "John Roe")
    )
    assert warnings == []
    declared, warnings = Declared.from_mapping({"date": "next week", "authors": 5, "title": ["x"], "id": 42})
    assert declared == Declared(id="42")
    assert len(warnings) == 3


def test_split_names_keeps_a_surname_first_name_as_one():
    assert split_names("Doe, Jane") == ("Doe, Jane",)
    assert split_names("Jane Doe, John Roe") == ("Jane Doe", "John Roe")


def _page(table, lines):
    return read_page(lines, classify_lines(lines), table)


def test_date_inferred_from_a_weekday_checked_against_the_calendar(table):
    lines = [
        "Talks end with a deal in sight",
        "Officials from both sides met in Kuala Lumpur on Saturday (Oct 25) and again on Sunday, they said.",
        "The truce was first agreed in Geneva on May 12, 2025, and extended twice since then by both sides.",
    ]
    assert _page(table, lines).date == "2025-10-25"


def test_date_from_a_wire_dateline_with_the_year_from_the_text(table):
    lines = [
        "China and US reach consensus",
        "BEIJING, Oct. 26 (Xinhua) -- China and the United States reached a basic consensus, officials said.",
        "The talks followed earlier rounds held since May 2025 in Geneva, London, Stockholm and Madrid.",
    ]
    assert _page(table, lines).date == "2025-10-26"


def test_no_reliable_date_gives_none(table):
    lines = [
        "Talks end with a deal in sight",
        "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said.",
    ]
    assert _page(table, lines).date is None


def test_headline_is_the_line_before_the_byline_not_the_site_tagline(table):
    lines = [
        "Exclusive news, data and analytics for financial market professionals",
        "World",
        "China's exports slow as US tariffs bite, data shows",
        "By David Lawder",
        "BEIJING (Reuters) - China's export growth slowed sharply in September, customs data showed.",
    ]
    page = _page(table, lines)
    assert page.title == "China's exports slow as US tariffs bite, data shows"
    assert page.kinds[3] is Kind.BYLINE
    assert page.authors == ("David Lawder",)


def test_repeated_headline_wins_over_a_section_label(table):
    lines = [
        "East Asia",
        "US-China trade talks in Malaysia 'very constructive'",
        '"They have been very constructive," a US Treasury spokesperson said of the talks on Saturday.',
        "US-China trade talks in Malaysia 'very constructive'",
        "Top economic officials from the US and China ended their first day of talks in Kuala Lumpur.",
    ]
    page = _page(table, lines)
    assert page.title == "US-China trade talks in Malaysia 'very constructive'"
    assert page.title_index == 1


def test_page_starting_with_prose_has_no_title(table):
    lines = ["Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said."]
    assert _page(table, lines).title is None


@pytest.mark.parametrize(
    ("lines", "title", "date"),
    [
        # a caption with a photo credit or ending with its date is no headline
        (["Storm hits coast as thousands flee", "Residents wade through water in Tacloban, Philippines. (Jane Roe, AP)",
          "A storm struck the coast on Sunday, forcing thousands of people from their homes, officials said."],
         "Storm hits coast as thousands flee", None),
        (["Workers are seen near the flooded mine in Atacama, Chile, on October 8, 2010. Copyright JOHN ROE",
          "Miners reached after weeks underground",
          "Rescuers reached the trapped miners on Saturday after weeks of drilling through solid rock, they said."],
         "Miners reached after weeks underground", None),  # a caption's date is the photo's: no guess
        # a byline, a label or a labelled date is no headline either
        (["Flood waters rise in the north", "By: Associated Press", "What you need to know:",
          "Flood waters rose across the north on Monday as the rain went on for a third day, officials said."],
         "Flood waters rise in the north", None),
        # a headline's bracketed date; a labelled date line with a section label after it
        (["Miners rescued after ten weeks [October 13 2010]",
          "All the miners were brought up safely overnight in a capsule, to cheers from their families."],
         "Miners rescued after ten weeks", "2010-10-13"),
        (["Published on 17 Mar 2011 Sections , ,", "Foreigners leave the city",
          "Thousands of foreigners left the city on Thursday as fears grew over the damaged plant, officials said."],
         "Foreigners leave the city", "2011-03-17"),
        # the publication date, not a later update, and a year glued to the next word
        (["Leaders hail climate deal",
          "December 14, 2015 01:42 am | Updated December 04, 2021 11:04 pm IST - WASHINGTON:",
          "The agreement represents a huge step forward for the planet, the president said on Saturday night."],
         "Leaders hail climate deal", "2015-12-14"),
        # the date on a header line with the page's tools; a caption ending with a photo agency
        (["Climate deal agreed in Paris", "Xinhua, December 14, 2015 Adjust font size:",
          "Delegates applaud the agreement in Paris, France, Dec. 12, 2015. /CFP",
          "Nearly 200 nations adopted the first global pact to fight climate change on Saturday evening."],
         "Climate deal agreed in Paris", "2015-12-14"),
        (["Quake death toll rises", "August 3, 2014Chinese officials said overnight that the toll had risen to 381."],
         "Quake death toll rises", "2014-08-03"),
        # a month glued to the word before it: the scraper dropped the space
        (["Leaders welcome climate pact", "Paris climate summitDecember,13,2015: The world leaders led by the US "
          "President on Sunday welcomed the adoption of a legally binding pact to limit global warming."],
         "Leaders welcome climate pact", "2015-12-13"),
        # the masthead's clock above the headline is the day the page was read, not the story's
        (["90 F Clouds", "Saturday, Jun 22 2024, 11:27 AM", "Close Ad", "Back To Listing",
          "Region's sadness at Queen's passing", "Government 11 Sep, 2022 Follow News",
          "Region's sadness at Queen's passing",
          "Caribbean leaders were quick to send condolences over the death of Queen Elizabeth II, who died "
          "in Scotland on Thursday."],
         "Region's sadness at Queen's passing", "2022-09-11"),
        # a masthead's date in pieces above the headline; the story's own date is labelled under it
        (["• Sat", "• Aug 23, 2014", "• Updated: 2:41am",
          "I ordered passengers to stay put for their own safety, says arrested captain of sunken South Korean ferry",
          "PUBLISHED : Saturday, 19 April, 2014, 12:01am", "UPDATED : Saturday, 19 April, 2014, 8:06pm",
          "The captain of a sunken South Korean ferry was arrested Saturday on suspicion of negligence and "
          "abandoning people in need."],
         "I ordered passengers to stay put for their own safety, says arrested captain of sunken South Korean ferry",
         "2014-04-19"),
        # a caption the page gives twice (under the photo, then in the story) dates the photo, not the story
        (["Türkiye quakes: Survivor accounts from the epicentre",
          "On February 8, 2023, Mesude Akar, a 24-year-old teacher in Hatay, Türkiye, was pulled from under "
          "rubble of a collapsed concrete building 49 hours after a massive earthquake hit Türkiye and Syria.",
          "AA",
          "On February 8, 2023, Mesude Akar, a 24-year-old teacher in Hatay, Türkiye, was pulled from under "
          "rubble of a collapsed concrete building 49 hours after a massive earthquake hit Türkiye and Syria.",
          "Elbistan, a town of 150,000 people in Türkiye’s Mediterranean province of Kahramanmaras, was the "
          "epicentre of one of Türkiye’s two devastating earthquakes."],
         "Türkiye quakes: Survivor accounts from the epicentre", None),
        # a widget's line between the standfirst and the story is no headline
        (["Little hope of more survivors in Genoa bridge collapse as 39 confirmed dead",
          "Former footballer survives 80-metre fall as rescuers lose hope of finding more survivors, Federica "
          "Marsi reports from the scene",
          "Powered by automated translation",
          "Rescuers on the site of the collapsed motorway bridge that killed 39 people in Genoa signalled on "
          "Wednesday there was little hope of finding more survivors."],
         "Little hope of more survivors in Genoa bridge collapse as 39 confirmed dead", None),
        # the masthead (the site's name, the day the page was served) and a section label above the
        # headline: the headline is under them, and the served day is not the story's date
        (["tbo: Tampa Bay Online.", "Wednesday, Jun 20, 2018", "• Home", "AP US & World News",
          "Weather, debris block divers seeking ferry dead",
          "SEOUL, South Korea — South Korean officials searching for 115 people still missing from the sunken "
          "ferry said Saturday that divers have reached two large rooms where many of the lost may lie dead."],
         "Weather, debris block divers seeking ferry dead", None),
        # but a date line opening the page, or under the headline, is the story's
        (["Wednesday, Jun 20, 2018", "Weather, debris block divers seeking ferry dead",
          "South Korean officials searching for 115 people still missing from the sunken ferry said "
          "Saturday that divers have reached two large rooms."],
         "Weather, debris block divers seeking ferry dead", "2018-06-20"),
        (["Weather, debris block divers seeking ferry dead", "Wednesday, Jun 20, 2018",
          "South Korean officials searching for 115 people still missing from the sunken ferry said "
          "Saturday that divers have reached two large rooms."],
         "Weather, debris block divers seeking ferry dead", "2018-06-20"),
        (["AP US & World News", "Rescue goes slowly in Ecuador after 7.8 quake",
          "Rescuers in Ecuador worked through the night on Sunday to reach survivors of the earthquake, "
          "officials said."],
         "Rescue goes slowly in Ecuador after 7.8 quake", None),
        # a breadcrumb glued to the headline, which the page then gives alone
        (["News National UPDATE: Images of possible flight debris, planes on site",
          "UPDATE: Images of possible flight debris, planes on site", "Twitter Facebook Reddit Pinterest Email",
          "Objects possibly related to the search for a missing Malaysia Airlines plane have been identified in "
          "the Southern Ocean search area."],
         "UPDATE: Images of possible flight debris, planes on site", None),
        # a title bar that ends with the date
        (["Haltern mourns Germanwings victims | News | DW | 02.04.2015", "1. Inhalt", "2. Navigation",
          "Haltern mourns Germanwings victims",
          "More than a thousand people in the western German town of Haltern am See have flocked to a "
          "church memorial honoring those killed on the flight."],
         "Haltern mourns Germanwings victims", "2015-04-02"),
    ],
)  # fmt: skip
def test_headlines_and_dates_where_pages_put_them(table, lines, title, date):
    page = read_page(lines, classify_lines(lines), table)
    assert (page.title, page.date) == (title, date)


def test_a_year_less_dateline_takes_its_year_from_the_page(table):
    lines = [
        "Fashion week opens in Milan",
        "Milan, 20 October (LaPresse) - The city's fashion week opened on Monday with 60 shows planned.",
        "The shows run until 26 October 2025, and more visitors are expected than ever before, organisers said.",
    ]
    assert _page(table, lines).date == "2025-10-20"  # the dateline's day, the year of the page


@pytest.mark.parametrize(
    "line",
    [
        "2023-06-26 Shahzada Dawood (left) with his son Suleman. — Engro Corporation Limited",
        "Mayor Ana Ruiz (right) and Tom Hale, March 3, 2024",
    ],
)
def test_a_caption_naming_who_is_where_is_no_byline(table, line):
    assert parse_byline(line, table, header=True) is None


def test_names_alone_with_the_outlet_on_the_next_line_are_the_byline(table):
    lines = [
        "Prosecutor: Co-pilot deliberately crashed plane",
        "Doug Stanglin, Jane Onyanga-Omara and John Bacon",
        "USA Today",
        "The co-pilot of the flight locked the pilot out of the cockpit and worked to destroy the plane, "
        "a French prosecutor said at a news conference on Thursday in Marseille.",
    ]
    page = read_page(lines, classify_lines(lines), table)
    assert page.authors == ("Doug Stanglin", "Jane Onyanga-Omara", "John Bacon")
    # Names with no outlet after them stay no byline: a section label is not a person.
    assert read_page([lines[0], "East Asia", "Opinion", lines[3]], [None] * 4, table).authors == ()


def test_a_title_line_cut_short_gives_way_to_the_headline_in_full(table):
    lines = [
        "Three dead, hundreds wounded after bombs blast Boston Marathon f - WFXG FOX 54 - News Now",
        "Three dead, hundreds wounded after bombs blast Boston Marathon finish line",
        "Around 2:50pm, back to back explosions rocked the finish line of the Boston Marathon, and two people "
        "are dead.",
    ]
    page = read_page(lines, classify_lines(lines), table)
    assert page.title == lines[1]


def test_a_caption_the_story_opens_with_is_not_the_headline(table):
    caption = "Sister Mary Quinn (33) died when a stairwell collapsed in the school she was working at"
    lines = [
        "Northern Ireland",
        "Derry nun Sr Mary Quinn killed in Ecuador earthquake",
        caption,
        "A YOUNG Irish nun described as a superstar by her family has been killed in the earthquake in Ecuador.",
        caption + " in Playa Prieta, her order said on Sunday, as rescuers searched the town.",
        caption,
    ]
    page = read_page(lines, classify_lines(lines), table)
    assert page.title == lines[1]


def test_a_name_alone_with_the_date_on_the_next_line_is_the_byline(table):
    lines = [
        "Plane crash: British victims identified",
        "Jane Dalton",
        "Sunday 10 March 2019 23:17 GMT",
        "Seven Britons were among the 157 passengers and crew killed when the plane came down shortly after "
        "take-off on Sunday morning.",
    ]
    page = read_page(lines, classify_lines(lines), table)
    assert page.authors == ("Jane Dalton",) and page.date == "2019-03-10"


STORY_LINE = (
    "Rescue teams reached the flooded town on Tuesday as officials warned that the toll would rise, the agency said."
)


@pytest.mark.parametrize(
    ("chrome", "headline"),
    [
        # a photo's caption printed twice in a row (alt text, then caption) is not the headline
        (
            [
                "Eyewitness talks about bloodbath at concert",
                "A concert goer being taken away in the aftermath",
                "A concert goer being taken away in the aftermath",
            ],
            "Eyewitness talks about bloodbath at concert",
        ),
        # a link's arrow and brackets are not words
        (
            ["Breaking News", "More () »", "Camp Fire: 9 killed in Butte County fire"],
            "Camp Fire: 9 killed in Butte County fire",
        ),
        # a known outlet's name run into its motto
        (
            ["The Washington PostDemocracy Dies in Darkness", "Death toll rises to 76 in California wildfires"],
            "Death toll rises to 76 in California wildfires",
        ),
        # a site's motto with the year it was founded
        (
            ["A Free Press for a Free People - Since 1997", "Flood waters rise in the north", "Deck under it"],
            "Flood waters rise in the north",
        ),
        (["Your Town's Paper (Est. 1886)", "Flood waters rise in the north"], "Flood waters rise in the north"),
        # a video's title, known by the length and source under it
        (
            [
                "Sri Lanka mourns as investigation into deadly blasts continues",
                "Funerals begin for Sri Lanka victims",
                "01:01 - Source: CNN",
            ],
            "Sri Lanka mourns as investigation into deadly blasts continues",
        ),
        # a box's label over its bullet points
        (
            [
                "Flood waters rise in the north",
                "Photo: Jane Roe/AP",
                "What you need to know",
                "• What happened: rain fell for three days on the hills above the town.",
            ],
            "Flood waters rise in the north",
        ),
        # a photo's alt text given again around its credit
        (
            ["Flood waters rise in the north", "Not Available Lead", "Image via Jane Roe", "Not Available Lead"],
            "Flood waters rise in the north",
        ),
        # a video's title with its length run on, its description and its title again
        (
            [
                "Mother reacts to texts from son1:16",
                "A mother waits for news of her son after receiving texts from inside the club.",
                "Mother reacts to texts from son",
                "Texts a hostage sent to his mother during the shooting",
            ],
            "Texts a hostage sent to his mother during the shooting",
        ),
        # a site's language menu
        (
            [
                "English हिन्दी Hindi বাংলা Bengali मराठी Marathi ગુજરાતી Gujarati",
                "Sri Lanka Govt Declares Curfew After Attacks",
            ],
            "Sri Lanka Govt Declares Curfew After Attacks",
        ),
        # a redirect notice
        (
            [
                "You will be redirected to the page you want to view in seconds.",
                "Superstorm Sandy kills dozens, deals out billions in damage",
            ],
            "Superstorm Sandy kills dozens, deals out billions in damage",
        ),
        # a breadcrumb's tail, a fragment of a date line, a photo's credit
        (
            ["Home » Washington, DC News »", "Day after Capitol chaos, local leaders react"],
            "Day after Capitol chaos, local leaders react",
        ),
        (
            ["Death toll rises to 9 in building collapse", "Posted", "and last updated"],
            "Death toll rises to 9 in building collapse",
        ),
        (
            ["Britain Ariana Grande Concert Blast", "Published 1:16 pm Tuesday, May 23, 2017", "Peter Byrne/PA via AP"],
            "Britain Ariana Grande Concert Blast",
        ),
        # a section's name with its separator, a browser notice
        (
            ["Skip to content", "Crime and Public Safety |", "Floyd's family, community react to guilty verdicts"],
            "Floyd's family, community react to guilty verdicts",
        ),
        (
            [
                "IE 11 Not Supported",
                "For optimal browsing, we recommend Chrome, Firefox or Safari browsers.",
                "159 People Are Missing in Florida Condo Collapse",
            ],
            "159 People Are Missing in Florida Condo Collapse",
        ),
    ],
)
def test_page_chrome_is_never_the_title(table, chrome, headline):
    assert _page(table, [*chrome, STORY_LINE]).title == headline


def test_bylines_the_page_runs_into_other_lines(table):
    story = "BRUSSELS — The Islamic State claimed responsibility for the attacks on the airport and metro."
    glued = ["Kobe Bryant, 4 others killed in California chopper crashBy STEPHANIE DAZIO", story + " It said so."]
    assert _page(table, glued).authors == ("Stephanie Dazio",)
    names = ["Islamic State claims attacks", "Kim Hjelmgaard, Delphine Reuter and John Bacon", story + " Police said."]
    assert _page(table, names).authors == ("Kim Hjelmgaard", "Delphine Reuter", "John Bacon")
    tags = ["Talks end in Kuala Lumpur", "Xi Jinping, Donald Trump", story + " Police said."]
    assert _page(table, tags).authors == ()  # a list of tags has no "and"
    lead = (
        "by Pierre-Henry DESHAYES Agence France Presse OSLO, Norway (AFP) — Investigative journalists Maria Ressa"
        " of the Philippines and Dmitry Muratov of Russia won the Nobel Peace Prize on Friday for their fight."
    )
    assert _page(table, ["Journalists win Nobel Peace Prize", lead]).authors == ("Pierre-Henry Deshayes",)


def test_a_topic_label_above_the_headline_is_not_the_title(table):
    headline = "I ordered passengers to stay put for their own safety, says arrested captain of sunken ferry"
    assert _page(table, ["South Korea ferry disaster", headline, STORY_LINE]).title == headline


def test_a_title_bar_with_its_description_run_on_is_not_the_story(table):
    headline = "Sandy Makes Landfall In New Jersey With Punishing Winds, Driving Rain"
    bar = (
        f"{headline} : The Two-Way The storm made landfall with winds exceeding 90 mph and has left many without power."
    )
    assert _page(table, [bar, headline, STORY_LINE]).title == headline


def test_a_question_on_the_first_line_above_the_story_is_its_headline(table):
    headline = "Sam Altman sacked: Who is Mira Murati, interim CEO of ChatGPT's OpenAI?"
    assert _page(table, [headline, STORY_LINE]).title == headline


def test_a_headline_of_five_capitalised_words_is_no_byline(table):
    page = _page(table, ["Britain Ariana Grande Concert Blast", "Published 1:16 pm Tuesday, May 23, 2017", STORY_LINE])
    assert page.authors == ()


def test_bylines_set_off_by_a_dash_or_after_the_authors_photo_label(table):
    dash = ["Guilty on all counts", "- Chao Xiong and Paul Walsh STAR TRIBUNE", STORY_LINE]
    assert _page(table, dash).authors == ("Chao Xiong", "Paul Walsh")
    label = ["Top Texas cop: police chief made the wrong decision", "Art Moore By Art Moore", STORY_LINE]
    assert _page(table, label).authors == ("Art Moore",)


def test_a_name_printed_twice_above_the_headline_is_the_byline(table):
    """The author's photo labelled with the name, then the name: a byline, not the headline."""
    page = _page(table, ["Jane Roe Jane Roe", "Talks end with a deal in sight", "(Photo: Getty)", STORY_LINE])
    assert (page.title, page.authors) == ("Talks end with a deal in sight", ("Jane Roe",))
    assert _page(table, ["Talks end Talks end", STORY_LINE]).authors == ()  # not a name


def test_a_date_under_a_records_labels_is_the_articles_not_a_masthead_clock(table):
    """Under the site's name, the day's date is the masthead's clock; under an ID and its number
    it is the record's own date."""
    lines = ["ID :", "99958", "Thu, 01/14/2010 - 11:32", "Nine Aussies confirmed safe in Haiti", STORY_LINE]
    assert _page(table, lines).date == "2010-01-14"
    masthead = ["tbo: Tampa Bay Online.", "Wednesday, Jun 20, 2018", "Divers reach sunken ferry", STORY_LINE]
    assert _page(table, masthead).date is None


def test_a_short_capitalised_headline_quoting_someone_is_no_label(table):
    """A tabloid's headline of three capitalised words with a quoted one is the headline, over
    its longer deck; three capitals alone are a section's label."""
    lines = ["Daily Courier", "MAYOR FEARS ‘CHAOS’", "Council warns of cuts", STORY_LINE]
    assert _page(table, lines).title == "MAYOR FEARS ‘CHAOS’"
    label = ["Daily Courier", "LOCAL NEWS", "Council warns of cuts to buses", STORY_LINE]
    assert _page(table, label).title == "Council warns of cuts to buses"


def test_a_video_pages_labelled_headline_is_its_title_when_nothing_else_is(table):
    """A "Watch: ..." line inside a story links to another one; heading a page with no other headline
    above the story, it is the video's headline."""
    headline = "Watch: Mayor’s last message to city staff before the vote"
    assert _page(table, ["Skip to main content", "Politics", headline, STORY_LINE]).title == headline
    other = ["Mayor loses the vote", "Watch: Mayor’s last message to city staff before the vote", STORY_LINE]
    assert _page(table, other).title == "Mayor loses the vote"


def test_a_first_line_sentence_the_lede_tells_again_is_the_headline(table):
    """A headline written as a sentence, full stop and all, above a long first paragraph that
    gives most of its words again; a lede above a paragraph of new facts stays the story."""
    headline = "Harbour bridge closed after cargo ship strikes pillar in fog."
    lede = (
        "The harbour bridge was closed on Monday after a cargo ship struck one of its pillars in thick fog, "
        "port officials said, and engineers were sent to inspect the damage before traffic could return. "
        "No one was hurt, the coastguard said."
    )
    assert _page(table, [headline, lede]).title == headline
    first = "The harbour bridge was closed on Monday after a ship struck it."
    more = (
        "Engineers from the city spent the afternoon checking the steel beneath the road, and drivers were told "
        "to use the tunnel to the north until at least Friday, the transport office said in a statement."
    )
    assert _page(table, [first, more]).title is None


def test_the_headline_under_a_topic_tag_in_small_letters_even_written_as_sentences(table):
    """A tag in small letters ("harbour bridge crash") sits over the headline; a headline of two
    sentences under it is still the headline, not the story's opening, unless a headline stands
    above the tag."""
    headline = "A cargo ship hit the harbour bridge in fog. See the moment a pillar gave way."
    lede = (
        "Port officials closed the harbour bridge on Monday after a cargo ship struck one of its pillars in thick "
        "fog. Engineers were sent to inspect the damage before traffic could return."
    )
    assert _page(table, ["Quick Takes", "harbour bridge crash", headline, lede, STORY_LINE]).title == headline
    above = ["Port reopens after crash", "harbour bridge crash", headline, lede, STORY_LINE]
    assert _page(table, above).title == "Port reopens after crash"


def test_a_short_headline_phrase_over_its_deck_is_no_topic_label(table):
    """A line "Guilty on every charge" is a phrase in small letters after its first word: a short
    headline over its long deck. A topic's name has capitals ("Harbour Bridge Crash")."""
    deck = "Jury convicts former harbour pilot of manslaughter over the collision that killed two crew members"
    byline = "- Jane Roe and John Doe DAILY COURIER"
    lines = ["Daily Courier", "Guilty on every charge", deck, byline, STORY_LINE]
    assert _page(table, lines).title == "Guilty on every charge"
    label = ["Daily Courier", "Harbour Bridge Crash", deck, byline, STORY_LINE]
    assert _page(table, label).title == deck
    button = ["Daily Courier", "Save for later", deck, byline, STORY_LINE]
    assert _page(table, button).title == deck


def test_a_name_alone_under_the_headline_over_the_pages_buttons_is_the_byline(table):
    """The author's name alone under the headline, the comments button under it: the byline, and
    the headline is the line above it, not a caption lower down."""
    caption = "Mayor Ana Ruiz arrives at a press conference in Seabrook to discuss the flooding of the harbour"
    lines = ["Mayor, officials comment on Seabrook flooding", "J.D. Roe", "View Comments", caption, STORY_LINE]
    page = _page(table, lines)
    assert (page.title, page.authors) == ("Mayor, officials comment on Seabrook flooding", ("J.D. Roe",))
    tag = ["Mayor, officials comment on Seabrook flooding", "Ana Ruiz", caption, STORY_LINE]
    assert _page(table, tag).authors == ()


def test_a_quoted_kicker_in_small_letters_gives_way_to_the_headline(table):
    lines = ["Daily Courier", "‘Never again’", "Council cuts bus routes", "- Jane Roe DAILY COURIER", STORY_LINE]
    assert _page(table, lines).title == "Council cuts bus routes"


def test_an_identifier_above_the_headline_is_no_headline(table):
    """An image's or record's identifier left above the headline ("C4FADE9B 71AC 4D0E ...") is
    groups of hexadecimal digits; a headline of such words ("Beef 2024 Cafe Face") still is one."""
    story = f"{STORY_LINE} {STORY_LINE}"
    lines = ["C4FADE9B 71AC 4D0E ACDC 5BE2FA0C9D1E", "Harbour flooded after storm breaches sea wall", story, story]
    assert _page(table, lines).title == "Harbour flooded after storm breaches sea wall"
    assert _page(table, ["Beef 2024 Cafe Face", story]).title == "Beef 2024 Cafe Face"


def test_a_byline_with_the_sites_source_label_run_on(table):
    """ "By Jane Roe Source Harbour Weather": the names, then the page's label for its source."""
    byline = parse_byline("By Jane Roe Source Harbour Weather", table, header=False)
    assert byline is not None and byline.authors == ("Jane Roe",) and byline.outlet == "Harbour Weather"
    assert parse_byline("By Jane Roe", table, header=False).authors == ("Jane Roe",)


def test_an_app_banner_is_no_headline_and_a_columns_name_leaves_it(table):
    """ "Get Apps" over the page is an app banner; "Harbourline | Tide of grief: ..." opens with
    the name of a column the header prints alone, which is no part of the headline."""
    story = f"{STORY_LINE} {STORY_LINE}"
    headline = "Tide of grief: one family's night in the harbour fire"
    lines = ["Get Apps", "Get Apps", "Harbour Daily", f"Harbourline | {headline}", "Harbourline", story, story]
    assert _page(table, lines).title == headline
    assert _page(table, [f"Harbourline | {headline}", story]).title == f"Harbourline | {headline}"


def test_a_wire_agency_in_the_byline_is_no_author(table):
    """ "By Agence France-Presse" reads like a person's name, but it is the wire: no author."""
    byline = parse_byline("By Agence France-Presse", table, header=True)
    assert byline is not None and byline.authors == () and byline.outlet == "Agence France-Presse"
    assert parse_byline("By Jane Roe, Agence France-Presse", table, header=True).authors == ("Jane Roe",)
