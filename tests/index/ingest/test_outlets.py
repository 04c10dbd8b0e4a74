"""The outlet table: loading, user files, lookup, and detection from page text."""

import os
from pathlib import Path

import pytest

from talks_tui.index.ingest.outlets import Outlet, OutletTable


@pytest.fixture(scope="module")
def table() -> OutletTable:
    return OutletTable.load()


def test_builtin_table_has_the_well_known_outlets(table):
    names = {o.name for o in table.outlets}
    assert len(names) >= 30
    assert {
        "Global Times",
        "Caixin Global",
        "South China Morning Post",
        "Türkiye Today",
        "CNA",
        "Reuters",
    } <= names
    assert all(o.kind for o in table.outlets)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Global Times", "Global Times"),
        ("global times", "Global Times"),
        ("SCMP", "South China Morning Post"),
        ("scmp", "South China Morning Post"),
        ("The South China Morning Post", "South China Morning Post"),
        ("Turkiye Today", "Türkiye Today"),
        ("caixinglobal.com", "Caixin Global"),
        ("https://www.caixinglobal.com/2025-10-27/story.html", "Caixin Global"),
        ("m.scmp.com", "South China Morning Post"),
        ("Channel NewsAsia", "CNA"),
        ("The Associated Press", "Associated Press"),
        ("AP", "Associated Press"),
        # regional, trade and local outlets as well as national ones
        ("https://www.fourfourtwo.com/news/x", "FourFourTwo"),
        ("https://www.flightglobal.com/x.article", "FlightGlobal"),
        ("https://www.wexfordpeople.ie/news/x", "Wexford People"),
        ("https://www.emirates247.com/news/x", "Emirates 24|7"),
        ("https://nairobinews.nation.africa/x", "Nairobi News"),
        ("https://nation.africa/kenya/x", "Daily Nation"),
    ],
)
def test_lookup_by_name_alias_or_domain(table, name, expected):
    assert table.lookup(name).name == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # a site's stages and servers are the site
        ("https://digital-staging.thehill.com/policy/x", "The Hill"),
        ("https://phoenix.mkoga-1.edsqa01.aws.sbs.com.au/news/article/x", "SBS News"),
        # a publishing platform or the AMP cache names the outlet in its host
        ("https://irishtimes-irishtimes-staging.cdn.arcpublishing.com/news/x", "The Irish Times"),
        ("https://www-scmp-com.cdn.ampproject.org/c/s/www.scmp.com/news/x", "South China Morning Post"),
        # one label before a group's domain may be another paper of the group: no guess
        ("https://winnipeg.citynews.ca/2018/x", None),
        # ...unless the table names that exact host (a station of a network's shared domain),
        # or the label is an edition of the same outlet
        ("https://newyork.cbslocal.com/2016/x", "CBS New York"),
        ("https://usa.chinadaily.com.cn/a/x.html", "China Daily"),
        # a site's archive, embedded pages and sections are the site
        ("http://travel.usatoday.com/cruises/story/x", "USA Today"),
        ("https://iframe.standard.co.uk/news/world/x", "Evening Standard"),
        ("https://article-swipe.standard.co.uk/news/world/x", "Evening Standard"),  # a way of showing its pages
        ("https://archive.almanar.com.lb/english/article.php?id=1", "Al-Manar"),
        # an archived copy is its original's
        ("https://web.archive.org/web/20190315000000/https://www.bbc.com/news/x", "BBC News"),
        ("http://archive.today/2019/https://www.theguardian.com/world/x", "The Guardian"),
        ("https://storage.googleapis.com/bucket/page.html", None),
        # Google's AMP viewer and its translation proxy show the publisher's page
        ("https://www.google.com/amp/s/www.bbc.co.uk/news/x.amp", "BBC News"),
        ("https://www-lemonde-fr.translate.goog/international/x?_x_tr_sl=fr&_x_tr_tl=en", "Le Monde"),
        ("https://www.google.com/search?q=talks", None),
        # an outlet's own name under its country's domain
        ("http://timesofpakistan.pk/international-news/x", "Times of Pakistan"),
        ("http://www.aljazeera.qa/x", "Al Jazeera"),
        ("https://thenational.ie/x", None),  # a name several outlets' domains start with: no guess
        ("https://timesofpakistan.co.uk/x", None),  # another country's domain
        ("https://world.timesofpakistan.pk/x", None),  # a label of its own before it
        # a mirror serving an outlet's pages under its short name and a language
        ("https://lfwp.net/dw/en/family-of-titanic-sub-tourists/a-1", "Deutsche Welle"),
        ("https://example.com/news/en/x", None),
        ("https://example.com/bbc/uk/x", None),  # a country, not a language: no guess
    ],
)
def test_hosts_under_a_known_domain(table, url, expected):
    found = table.lookup(url)
    assert (found.name if found else None) == expected


def test_lookup_of_an_unknown_name_is_none(table):
    assert table.lookup("Foo Daily") is None
    assert table.lookup("") is None


def test_fingerprint_is_short_stable_and_follows_the_content(table, tmp_path):
    assert len(table.fingerprint) == 12
    assert OutletTable.load().fingerprint == table.fingerprint
    extra = tmp_path / "outlets.toml"
    extra.write_text('[[outlet]]\nname = "Foo Daily"\n', encoding="utf-8")
    assert OutletTable.load(extra).fingerprint != table.fingerprint


def test_user_file_adds_an_outlet(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text(
        """
[[outlet]]
name = "Harbour Times"
aliases = ["HT Daily"]
domains = ["harbourtimes.example"]
signatures = ['^Harbour Times staff report$']
country = "Malaysia"
kind = "commercial"
""",
        encoding="utf-8",
    )
    table = OutletTable.load(extra)
    outlet = table.lookup("ht daily")
    assert outlet == Outlet(
        name="Harbour Times",
        aliases=("HT Daily",),
        signatures=("^Harbour Times staff report$",),
        domains=("harbourtimes.example",),
        country="Malaysia",
        kind="commercial",
    )
    assert table.lookup("Global Times") is not None  # the built-in entries are still there
    assert table.detect(["Some story text.", "Harbour Times staff report"]).name == "Harbour Times"


def test_user_file_replaces_an_outlet_with_the_same_name(tmp_path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[outlet]]\nname = "global times"\nkind = "tabloid"\n', encoding="utf-8")
    table = OutletTable.load(extra)
    assert table.lookup("Global Times").kind == "tabloid"
    assert sum(o.name.lower() == "global times" for o in table.outlets) == 1


@pytest.mark.parametrize(
    "content",
    [
        "[[outlet]\nname = 'broken'",  # not TOML
        "[[outlet]]\naliases = ['no name']",
        "[[outlet]]\nname = 'Foo'\nsignatures = ['(unclosed']",
        "[[outlet]]\nname = 'Foo'\nalias = ['typo']",
        "[[outlet]]\nname = 'Foo'\naliases = 'x'\ndomains = [1, 2]",
        "[site]\nname = 'Foo'",
    ],
)
def test_malformed_user_file_raises_one_line_naming_the_file(tmp_path, content):
    extra = tmp_path / "bad.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as error:
        OutletTable.load(extra)
    message = str(error.value)
    assert str(extra) in message
    assert "\n" not in message


def test_outlets_toml_in_the_xdg_config_folder_is_read(private_dirs):
    folder = private_dirs / "config" / "talks-tui"  # XDG_CONFIG_HOME is set by conftest
    folder.mkdir(parents=True)
    (folder / "outlets.toml").write_text('[[outlet]]\nname = "Harbour Times"\naliases = ["HT"]\n', encoding="utf-8")
    assert OutletTable.load().lookup("ht").name == "Harbour Times"
    # --outlets FILE comes after it, so it wins for the same name
    extra = private_dirs / "mine.toml"
    extra.write_text('[[outlet]]\nname = "Harbour Times"\nkind = "public"\n', encoding="utf-8")
    assert OutletTable.load(extra).lookup("Harbour Times").kind == "public"


def test_missing_user_file_raises_value_error(tmp_path):
    with pytest.raises(ValueError, match="nope.toml"):
        OutletTable.load(tmp_path / "nope.toml")


# --- detection ------------------------------------------------------------------------


def test_house_signature_beats_a_mention_of_another_outlet(table):
    lines = [
        "Officials met in Kuala Lumpur on Sunday, the Global Times was told by an expert.",
        "According to Reuters and the South China Morning Post, the talks were productive.",
        "Copyright scmp",
    ]
    assert table.detect(lines).name == "South China Morning Post"


def test_mentions_alone_name_no_outlet(table):
    lines = ["Zhou told the Global Times on Sunday that the talks went well, according to Reuters."]
    assert table.detect(lines) is None


def test_unknown_outlet_named_by_copyright_or_more_from(table):
    assert table.detect(["Story text.", "© 2025 Foo Daily. All rights reserved."]).name == "Foo Daily"
    assert table.detect(["Story text.", "More From Bar News"]).name == "Bar News"
    assert table.detect(["Story text.", "Copyright 2025 Baz Media."]).name == "Baz Media"


def test_an_unknown_company_that_owns_the_copy_is_no_outlet(table):
    """A TV station's page of syndicated copy carries the producer's notice; a publishing group
    owns many outlets. Neither is the outlet, which stays unknown rather than wrong."""
    assert table.detect(["Story text.", "Copyright (c) 2020 CBS Studios Inc. All Rights Reserved."]) is None
    assert table.detect(["Story text.", "© 2025 Graham Media Group"]) is None
    assert table.detect(["Story text.", "Copyright 2025 Baz Media Ltd."]) is None
    assert table.detect(["Story text.", "© 2025 SCMP Publishers Ltd."]).name == "South China Morning Post"


def test_an_address_below_the_story_links_to_its_source_and_is_no_outlet(table):
    """A page's own address stands above the story; a bare address after it is the copy's source
    (a site that republishes RT's story ends with RT's link)."""
    story = "Kobe Bryant, a universally-loved NBA star, has reportedly been killed in a helicopter crash in California."
    assert table.detect([story, "https://www.rt.com/sport/479248-kobe-bryant-killed/"]) is None
    assert table.detect(["https://www.rt.com/sport/479248-kobe-bryant-killed/", story]).name == "RT"
    match = table.decide([story, "https://www.rt.com/sport/479248/"], url="https://theduran.com/nba-legend/")
    assert match.outlet is None


def test_domain_and_contact_address_name_the_outlet(table):
    assert table.detect(["caixinglobal.com is the English-language portal of Caixin."]).name == "Caixin Global"
    assert table.detect(["Contact editor Jane Doe (janedoe@caixin.com)"]).name == "Caixin Global"


def test_reprinter_does_not_beat_the_original_outlet(table):
    lines = ["scmp.com is the online edition of the paper. Foo Neighbours is authorized to reprint this article."]
    assert table.detect(lines).name == "South China Morning Post"


def test_claims_from_page_metadata_count(table):
    assert table.detect(["Story text."], claims=["Global Times"]).name == "Global Times"
    assert table.detect(["Story text."], claims=["The Harbour Times"]).name == "The Harbour Times"


def test_wire_copy_carried_by_a_publisher_names_both(table):
    match = table.identify(["Story text.", "Source: Reuters/ht"])
    assert match.outlet.name == "CNA"  # CNA's house credit format
    assert match.wire.name == "Reuters"


def test_wire_story_alone_is_the_wire(table):
    lines = ["WASHINGTON (Reuters) - The U.S. economy grew faster than expected.", "Writing by Jane Doe"]
    match = table.identify(lines)
    assert match.outlet.name == "Reuters"
    assert match.wire is None


def test_wire_story_with_publisher_copyright(table):
    lines = ["BEIJING, Oct. 26 (Xinhua) -- China said on Sunday...", "© 2025 Foo Daily. All rights reserved."]
    match = table.identify(lines)
    assert match.outlet.name == "Foo Daily"
    assert match.wire.name == "Xinhua"


def test_photo_credit_copyright_is_not_an_outlet(table):
    lines = ["Officials arrive for the talks in Kuala Lumpur on Saturday. (Photo © Jane Doe for Foo Wire)"]
    assert table.detect(lines) is None


# --- deciding the outlet from all there is to know ------------------------------------------


def test_a_known_domain_names_the_outlet_whatever_the_text_says(table):
    match = table.decide(["BEIJING (Reuters) - Talks went on."], url="https://www.scmp.com/news/china/article/1")
    assert (match.outlet.name, match.source, match.wire.name) == ("South China Morning Post", "url", "Reuters")


def test_an_unknown_site_names_no_outlet_but_its_site_name_does(table):
    assert table.decide(["Some story."], url="https://harbourtimes.example/a/1").outlet is None
    match = table.decide(["Some story."], url="https://harbourtimes.example/a/1", site_names=["Harbour Times"])
    assert (match.outlet.name, match.source) == ("Harbour Times", "site-name")


def test_a_wire_credit_or_a_byline_is_never_the_outlet(table):
    match = table.decide(["LONDON (Reuters) - The vote was close.", "Reporting by A. Writer; Editing by B. Editor"])
    assert match.outlet is None and match.wire.name == "Reuters"
    match = table.decide(["The vote was close."], byline_outlet="Jane Doe The Associated Press")
    assert match.outlet is None


def test_declared_and_file_names(table):
    assert table.decide([], declared="Harbour Times").source == "declared"
    match = table.decide(["A story."], path_parts=["scmp", "001_talks.txt"])
    assert (match.outlet.name, match.source) == ("South China Morning Post", "file-name")
    assert table.decide(["A story."], path_parts=["news", "daily_001.txt"]).outlet is None


def test_registered_domain_uses_the_public_suffix_list():
    from talks_tui.index.ingest.outlets import registered_domain

    assert registered_domain("https://www.bbc.co.uk/news/x") == "bbc.co.uk"
    assert registered_domain("http://newyork.cbslocal.com/a") == "cbslocal.com"
    assert registered_domain("not a url") is None


def test_the_built_in_table_is_consistent():
    import tomllib
    from collections import Counter
    from importlib.resources import files

    from talks_tui.index.ingest.outlets import name_key

    package = files("talks_tui.index.ingest")
    folder = package.joinpath("outlet_table")
    paths = [package.joinpath("outlets.toml"), *sorted(p for p in folder.iterdir() if p.name.endswith(".toml"))]
    entries = [o for p in paths for o in tomllib.loads(p.read_text(encoding="utf-8"))["outlet"]]
    assert len(entries) >= 1000
    names = Counter(name_key(o["name"]) for o in entries)
    assert not [n for n, c in names.items() if c > 1], "a name stands twice"
    domains = Counter(d for o in entries for d in o.get("domains", []))
    assert not [d for d, c in domains.items() if c > 1], "a domain names two outlets"
    assert all(d == d.lower() and "." in d and "/" not in d and not d.startswith("www.") for d in domains)
    kinds = {o.get("kind") for o in entries}
    assert kinds <= {None, "commercial", "public broadcaster", "state media", "state news agency", "news agency",
                     "wire", "aggregator", "nonprofit"}  # fmt: skip


def test_a_bracket_that_tells_outlets_apart_is_not_shown(table):
    outlet = table.lookup("abc.net.au")
    assert outlet is not None and outlet.display_name == "ABC News" and outlet.country == "Australia"
    assert table.lookup("zz-parish-weekly.inquirer.net") is None  # another paper than inquirer.net
    assert table.lookup("edition.cnn.com").name == "CNN"


def test_an_unknown_site_that_spells_its_domain_in_its_pages(table):
    lines = ["Arsenal held at home", "Some story text about World Soccer rankings."]
    match = table.decide(lines, url="https://www.worldsoccerweekly.example/x")
    assert match.outlet is None  # the words do not spell this domain
    match = table.decide(["Some story.", "Read more at NigerianEye"], url="https://nigerianeye.com/2016/05/x.html")
    assert (match.outlet.name, match.source) == ("NigerianEye", "url")
    # or its whole domain, as it writes it
    lines = ["Some story.", "Read the latest at NigerianEye.com every day"]
    match = table.decide(lines, url="https://nigerianeye.com/2016/05/x.html")
    assert (match.outlet.name, match.source) == ("NigerianEye.com", "url")


def test_a_bracketed_credit_of_two_sources_names_the_publisher_and_the_wire(table):
    lines = ["Hundreds dead after earthquake strikes China's Yunnan province", "Some story.", "(FRANCE 24 with AP)"]
    match = table.decide(lines, url="https://gulanmedia.com/en/story/114491/x")
    assert (match.outlet.name, match.wire.name, match.source) == ("France 24", "Associated Press", "text")
    assert table.decide(["Some story.", "(Jane Doe with John Roe)"]).outlet is None  # names, not outlets


def test_the_built_in_table_is_kept_parsed_and_a_bad_copy_is_parsed_again(monkeypatch):
    from talks_tui.index.ingest import outlets as module

    module._builtin_table.cache_clear()
    parsed = module._builtin_table()
    copies = list((Path(os.environ["XDG_CACHE_HOME"]) / "talks-tui" / "outlets").glob("*.pickle"))
    assert len(copies) == 1
    module._builtin_table.cache_clear()
    with monkeypatch.context() as m:
        m.setattr(module.tomllib, "loads", lambda text: pytest.fail("parsed again"))
        assert module._builtin_table() == parsed  # the copy
    copies[0].write_bytes(b"not what was written")
    module._builtin_table.cache_clear()
    assert module._builtin_table() == parsed
    module._builtin_table.cache_clear()


def test_copies_of_other_versions_of_the_table_are_kept_a_while(tmp_path):
    """Two installs of different versions share the cache folder: each keeps its parsed copy, and
    only copies beyond the few used last are cleared away."""
    from talks_tui.index.ingest import outlets as module

    folder = tmp_path / "outlets"
    folder.mkdir()
    for n in range(6):
        old = folder / f"old{n}.pickle"
        old.write_bytes(b"x")
        os.utime(old, (1_000_000 + n, 1_000_000 + n))
    table = ((module.Outlet(name="Foo Daily"),), "0123456789ab")
    module._ParsedCopy(folder, "mine").write(table)
    kept = sorted(p.name for p in folder.glob("*.pickle"))
    assert kept == ["mine.pickle", "old3.pickle", "old4.pickle", "old5.pickle"]
    assert module._ParsedCopy(folder, "mine").read() == table


def test_a_kiosk_of_digital_editions_is_the_paper_its_address_names(table):
    """pressreader.com shows papers' editions: the paper in the path is the outlet; an unknown one
    leaves the outlet empty rather than name the kiosk."""
    match = table.decide(["Story."], url="http://www.pressreader.com/usa/star-tribune/20210421/281496459122371")
    assert (match.outlet.name, match.source) == ("Star Tribune", "url")
    assert table.decide(["Story."], url="https://www.pressreader.com/usa/no-such-gazette-x/20210421/1").outlet is None


def test_an_unknown_site_is_named_as_its_story_writes_it_not_as_its_handle(table):
    lines = [
        "Some story.",
        "Leave news tips on Twitter @HarbourTimesNow",
        "Officials told Harbour Times Now on Friday.",
    ]
    match = table.decide(lines, url="https://www.harbourtimesnow.com/news/1")
    assert (match.outlet.name, match.source) == ("Harbour Times Now", "url")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # self-promotion: the site's own, so a name the table does not know is taken as written
        ("Sign up for Harbour Weekly's Free Newsletters", "Harbour Weekly"),
        (
            "From our briefing to a weekly digest, get the best of Harbour Weekly delivered to your inbox.",
            "Harbour Weekly",
        ),
        ("Want more Harbour Weekly in your life? Sign up to our newsletter.", "Harbour Weekly"),
        ("Stay up to date with notifications from The Independent", "The Independent"),
        ("Find out what's happening in Miamifor free with the latest updates from Harbour Patch.", "Harbour Patch"),
        ("Advertise on HarbourEye.com to reach thousands of our daily users", "HarbourEye"),
        ("Press TV’s website can also be accessed at the following alternate addresses:", "Press TV"),
        ("HarbourWire.com would like to send you notifications for breaking news alerts.", "HarbourWire"),
        ("Download the free KHARB7 app for iOS or Android to stay informed on the latest news", "KHARB7"),
        # known outlets only: a staff credit, "Subscribe to X", "stay tuned to X"
        ("Subscribe to The Independent", "The Independent"),
        ("For full coverage, stay tuned to ABC News. Watch at 6:30 p.m.", "ABC News"),
        ("Washington Post Staff Writers", "The Washington Post"),
        ("Mourners gathered outside the palace. (ABC News: Jane Sample)", "ABC News"),
        ("The port after the blast [Jane Sample/Al Jazeera]", "Al Jazeera"),
        # a station's name glued in its dateline
        ("MIAMI (CBSMiami) – The search continues for more survivors.", "CBS Miami"),
    ],
)
def test_a_page_that_speaks_of_itself_names_its_outlet(table, line, expected):
    match = table.decide(["Some story told at length in the page's own words.", line])
    assert match.outlet is not None and match.outlet.name == expected, match
    assert match.source == "text"


@pytest.mark.parametrize(
    "line",
    [
        "A survivor told The Independent that the water rose within minutes.",
        "Officials spoke to Harbour Weekly reporters, according to Harbour Weekly.",
        "The families gathered at the port. Photo: USA TODAY",
        "PHOTO: REUTERS",
        "Subscribe to our newsletter",
        "Subscribe to Harbour Weekly",  # unknown: a podcast or a show as much as a site
        "Sign up to our newsletter, and follow us on Instagram.",
        "Related: Miami condo collapse: Live updates from South Florida",
        "Photo by Jane Sample/Getty Images",
        "Crowds on the street. Photo by Jane Sample/USA Today",  # an outlet's photographer, not its page
        "Photo: Stuff / Jane Sample",
        "LONDON (Reuters) - The vote was close.",
        "Harbour Weekly staff",  # a staff credit names a known outlet only
        "Download the free Harbour Maps app",  # an app of no news site
    ],
)
def test_mentions_credits_and_generic_furniture_name_no_outlet(table, line):
    assert table.decide(["Some story told at length in the page's own words.", line]).outlet is None


def test_a_wire_photographer_credit_names_no_wire(table):
    match = table.decide(["Some story.", "The port after the blast [Jane Sample/Reuters]", "(Jane Sample/AP)"])
    assert match.outlet is None and match.wire is None


def test_photo_credit_of_another_outlet_does_not_beat_the_page_naming_itself(table):
    lines = [
        "Some story.",
        "Crowds on the street. Photo by Jane Sample/USA Today",
        "Sign up for Harbour Weekly's Free Newsletters",
    ]
    assert table.decide(lines).outlet.name == "Harbour Weekly"
