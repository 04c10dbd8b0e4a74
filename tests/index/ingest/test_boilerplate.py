"""Page furniture is told from story text by category, on lines in many outlets' styles."""

import pytest

from talks_tui.index.ingest.boilerplate import Kind, classify_line, classify_lines, story_paragraphs


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # navigation, social buttons, widgets
        ("Skip to main content", Kind.NAV),
        ("Close", Kind.NAV),
        ("newsletters Newsletters", Kind.NAV),
        ("X Instagram Youtube", Kind.NAV),
        ("Share on Facebook Share on X Email", Kind.NAV),
        ("Connect to share and comment", Kind.NAV),
        ("You are here: Home", Kind.NAV),
        ("Photo", Kind.NAV),
        ("BigPhoto", Kind.NAV),
        ("Back to top", Kind.NAV),
        ("5 min read", Kind.NAV),
        ("Listen to this article", Kind.NAV),
        ("12 Comments", Kind.NAV),
        # advertising
        ("Advertisement", Kind.NAV),
        ("ADVERTISEMENT", Kind.NAV),
        ("Advertisement · Scroll to continue", Kind.AD),
        ("Story continues below advertisement", Kind.AD),
        ("Sponsored Content", Kind.NAV),
        # breadcrumbs
        ("Homepage / business / China, US trade talks start in Kuala Lumpur", Kind.BREADCRUMB),
        ("Home > World > Asia", Kind.BREADCRUMB),
        ("News » Business » Trade", Kind.BREADCRUMB),
        # captions and photo credits
        (
            "Leaders pose for a photo on October 25, 2025 before talks in Kuala Lumpur. Photo: Xinhua",
            Kind.CAPTION,
        ),
        ("US and Chinese flags before a meeting in Geneva, May 10, 2025. (AFP Photo)", Kind.CAPTION),
        ("He Lifeng arrives in Kuala Lumpur on Oct 25, 2025. REUTERS/Hasnoor Hussain", Kind.CAPTION),
        ("Greer looks on in Madrid on Sep 15, 2025. REUTERS/Violeta Santos Moura/File Photo", Kind.CAPTION),
        (
            "Bessent (R) and He (L) pose for a photo in Kuala Lumpur. (Photo via X/@CGTNOfficial)",
            Kind.CAPTION,
        ),
        ("Image: naraichal – stock.adobe.com", Kind.CAPTION),
        ("Bessent arrives for talks in Kuala Lumpur. (AP Photo/Vincent Thian)", Kind.CAPTION),
        ("Xi and Trump shake hands in Osaka in 2019. (Xinhua/Li Xueren)", Kind.CAPTION),
        (
            "Containers at a port in Qingdao. REUTERS/Stringer/File Photo Purchase Licensing Rights",
            Kind.CAPTION,
        ),
        ("A cargo ship docks at Port Klang. Getty Images", Kind.CAPTION),
        ("Photo by Jane Doe/Getty Images", Kind.CAPTION),
        ("Image via Jane Doe Studio", Kind.CAPTION),
        # footers
        ("Copyright scmp", Kind.COPYRIGHT),
        ("© 2025 The Associated Press. All rights reserved.", Kind.COPYRIGHT),
        ("This material may not be published, broadcast, rewritten or redistributed.", Kind.COPYRIGHT),
        ("caixinglobal.com is the English-language online news portal of Caixin.", Kind.REPRINT),
        ("Global Neighbours is authorized to reprint this article.", Kind.REPRINT),
        ("This article was originally published on The Conversation.", Kind.REPRINT),
        ("The views expressed in this article are the author's own.", Kind.REPRINT),
        ("Contact editor Lu Zhenhua (zhenhualu@caixin.com)", Kind.CONTACT),
        ("Edited by Jane Doe", Kind.CONTACT),
        ("Got a tip? Email tips@example.com", Kind.CONTACT),
        ("Source: Reuters/ht", Kind.CREDIT),
        ("Source: Xinhua", Kind.CREDIT),
        ("Reporting by David Lawder; Editing by Sam Holmes", Kind.CREDIT),
        ("(With inputs from agencies)", Kind.CREDIT),
        ("— AFP", Kind.CREDIT),
        ("Associated Press writer Ken Moritsugu in Beijing contributed to this report.", Kind.CREDIT),
        # promotion
        ("Sign up for our newsletter to get the latest news every morning.", Kind.PROMO),
        ("Follow us on Google News", Kind.PROMO),
        ("Follow Foo Daily on Telegram for the latest updates", Kind.PROMO),
        ("Share this article", Kind.NAV),
        ("Download the Foo app for breaking news alerts", Kind.PROMO),
        # link lists
        ("Guess You Like", Kind.RELATED),
        ("More From Türkiye Today", Kind.RELATED),
        ("Also worth reading", Kind.RELATED),
        ("Related:", Kind.RELATED),
        ("You may also like", Kind.RELATED),
        ("Most Read", Kind.RELATED),
        ("Read more: China's factory activity shrinks for sixth month", Kind.LINK),
        ("RELATED | Tariff truce extended for 90 days", Kind.LINK),
        ("Women win seats • Clashes in Darfur • Floods in Kerala • Markets fall", Kind.NAV),
        # a widget's or a platform's credit line
        ("Powered by automated translation", Kind.NAV),
        ("Powered by Frankly", Kind.NAV),
        # noise
        ("|", Kind.NOISE),
        ("1/5", Kind.NOISE),
        ("www.example.com", Kind.NOISE),
    ],
)
def test_boilerplate_line_categories(line, kind):
    assert classify_line(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        "KUALA LUMPUR: Top economic officials from the US and China ended their first day of talks.",
        "BEIJING, Oct 24 (Reuters) - China's export growth slowed sharply in September, data showed.",
        "\"I'm not sure the Chinese can agree to that. It's the primary leverage,\" Lipsky said.",
        "He posted a photo of the meeting on X, saying talks were constructive.",
        "The report, first published in the Financial Times, said a deal was close.",
        "TALKING POINTS",
        "What's next?",
        "East Asia",  # a section label is only dropped in context, not on its own
        "By contrast, the talks in Geneva lasted two days.",
        "More than 100 officials attended the talks, the ministry said.",
        "[bold]Tariffs[/] rose [link=x]sharply[/link], officials said.",
    ],
)
def test_story_lines_are_not_boilerplate(line):
    assert classify_line(line) is None


def test_related_list_near_the_end_cuts_everything_after_it():
    story = "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said."
    lines = [story] * 4 + [
        "Guess You Like",
        "Modi greets Bolivia's new president",
        "Prime Minister Narendra Modi o...",
        "2025-10-21",
    ]
    kinds = classify_lines(lines)
    assert kinds[:4] == [None] * 4
    assert kinds[4:] == [Kind.RELATED] * 4


def test_related_box_inside_the_story_drops_only_its_links():
    story = "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said."
    lines = [
        story,
        "Related stories",
        "Trump lands in Malaysia",
        "Tariff truce extended",
        story,
        story,
        story,
        story,
    ]
    kinds = classify_lines(lines)
    assert kinds == [None, Kind.RELATED, Kind.RELATED, Kind.RELATED, None, None, None, None]


def test_story_keeps_subheadings_and_drops_inserted_headline_links():
    lines = [
        "Section",
        "Talks end with a deal in sight",
        "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said.",
        "Talks yield tentative breakthrough in US-China trade dialogue",
        "DELICATE BALANCE",
        "What's next?",
        "The two sides will meet again next week in South Korea, where their leaders will attend a summit.",
        "Talks end with a deal in sight",
        "The two sides will meet again next week in South Korea, where their leaders will attend a summit.",
        "Asia Pacific",
    ]
    kinds = [None] * len(lines)
    paragraphs = story_paragraphs(lines, kinds, title=lines[1], title_index=1, start=2)
    assert paragraphs == [lines[2], "DELICATE BALANCE", "What's next?", lines[6]]


def test_standfirst_after_the_headline_is_kept_but_labels_before_it_are_not():
    lines = [
        "World News Asia",
        "Talks end with a deal in sight",
        "Negotiators from Washington and Beijing signal progress ahead of leaders' meeting",
        "ANALYSIS",
        "Officials from both sides met in Kuala Lumpur on Saturday and again on Sunday, a spokesperson said.",
    ]
    paragraphs = story_paragraphs(lines, [None] * 5, title=lines[1], title_index=1, start=4)
    assert paragraphs == [lines[2], lines[4]]


def test_a_short_quotation_closed_with_a_mark_the_wrong_way_round_is_story_text():
    lines = [
        "Ferry sinks off the coast",
        "Dozens of passengers were rescued from the water on Sunday after a ferry sank near the harbour.",
        "“We were on that ferry last week. Now it is gone.“",
        "The coastguard said the search would go on through the night, with two boats and a helicopter.",
    ]
    paragraphs = story_paragraphs(lines, [None] * len(lines), title=lines[0], title_index=0, start=1)
    assert lines[2] in paragraphs


def test_menu_items_glued_together_are_navigation():
    assert classify_line("Skip to main contentSkip to navigation") is Kind.NAV
    assert classify_line("HomeSearchMenu") is Kind.NAV
    assert classify_line("McDonald's shares rise") is None  # a capital inside a name is no glue


def test_a_numbered_menu_is_navigation_but_numbered_points_are_not():
    menu = ["1. Inhalt", "2. Navigation", "3. Weitere Inhalte", "4. Suche", "5. Choose from 30 Languages"]
    lines = ["Town mourns its dead", *menu, "More than a thousand people came to the church on Wednesday evening."]
    kinds = classify_lines(lines)
    assert kinds[1:6] == [Kind.NAV] * 5 and kinds[0] is None and kinds[6] is None
    points = ["1. Lower tariffs on soybeans.", "2. A pause on export controls.", "3. More talks in December."]
    assert classify_lines(points) == [None, None, None]
    assert classify_lines(["1. Inhalt", "2. Navigation"]) == [None, None]  # two lines are no menu
