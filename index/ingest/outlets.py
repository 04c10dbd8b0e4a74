"""Which outlet an article comes from: a table of known outlets, and detection from page text.

Detection trusts what a page says about itself (copyright lines, credit lines, house signatures,
domains, "More From X", byline parentheticals) and ignores mere mentions of other outlets in the
story ("told the Global Times", "according to Reuters"), because outlets cite each other all the
time. When the text is wire copy carried by a publisher ("Source: Reuters" on a CNA page), the
publisher is the outlet and the wire is reported alongside.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

_BUILTIN = Path(__file__).with_name("outlets.toml")
_REGIONS = Path(__file__).with_name("outlet_table")
_FIELDS = ("name", "aliases", "domains", "signatures", "country", "kind")
_QUALIFIER_RE = re.compile(r"\s+\([^()]+\)$")


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()  # regexes, matched case-insensitively against single lines
    domains: tuple[str, ...] = ()
    country: str | None = None
    kind: str | None = None  # "state media" | "wire" | "commercial" | "public broadcaster" ...

    @property
    def display_name(self) -> str:
        """The name as the outlet writes it: the table tells outlets of one name apart with a
        bracket ("The Guardian (Nigeria)", "ABC News (Australia)") that is not theirs."""
        return _QUALIFIER_RE.sub("", self.name)

    @property
    def is_wire(self) -> bool:
        """Wires and agencies sell copy that other outlets publish under their own name."""
        return bool(self.kind) and ("wire" in self.kind or "agency" in self.kind)


_OUTLET_FIELDS = tuple(f.name for f in fields(Outlet))


@dataclass(frozen=True)
class OutletMatch:
    """The result of detection: the outlet, and the wire whose copy it carries, if any."""

    outlet: Outlet | None
    wire: Outlet | None = None
    evidence: str = ""  # the line that weighed most, to explain the choice
    # How the outlet was found, firmest first: "declared" (front matter, an export's fields),
    # "url" (a known domain), "site-name" (the page's own metadata), "text" (signatures,
    # copyright and credit lines), "file-name"; or "none".
    source: str = "none"


# Cue weights: how strongly a kind of line says "this page is from that outlet".
_W_SIGNATURE = 12  # a house signature from the table
_W_COPYRIGHT = 10
_W_ORIGIN = 9  # "originally published by X": X wrote it
_W_CLAIM = 8  # the page's own metadata or byline: "By A ( Global Times", og:site_name
_W_DOMAIN = 8  # "caixinglobal.com is the English-language portal of ..."
_W_CREDIT = 7  # "Source: Reuters", "— AFP"
_W_MORE_FROM = 6
_W_DATELINE = 6  # "BEIJING (Reuters) -"
_W_SELF = 8  # the site promoting itself: "Sign up for The Week's Free Newsletters"
_W_STAFF = 6  # a staff credit: "Photo: RNZ / Samuel Rillstone", "(ABC News: Nick Sas)"
_W_CONTACT = 6  # an e-mail address at the outlet's domain in a short line
_W_SITE_NAME = 5  # a line that is nothing but an outlet's name (logo text)
_W_REPRINT = 1  # "X is authorized to reprint": X only carries the copy
_STRONG = 6  # a publisher must have at least this much to beat a wire
_LONG = 100  # characters: a line longer than this is story prose

_LEGAL_SUFFIX_RE = re.compile(
    r"(?:[\s,]+(?:ltd|limited|inc|llc|plc|corp|corporation|co|gmbh|s\.?a|pte|pty|bhd|sdn))+\.?\s*$",
    re.IGNORECASE,
)
_PUBLISHER_WORDS_RE = re.compile(
    r"(?:\s+(?:publishers?|publishing|media|group|holdings|company|news ?paper|newspapers))+\s*$",
    re.IGNORECASE,
)
_COMPANY_WORDS_RE = re.compile(
    r"\b(?:group|holdings|studios|enterprises|communications|corporation|company|publishing|publishers)\b",
    re.IGNORECASE,
)
# What a copyright or credit line may name instead of an outlet.
_GENERIC_NAMES = frozenset(
    ("the author", "author", "authors", "the authors", "original author", "the original author", "staff")
    + ("respective owners", "its respective owners", "agencies", "agency", "news agencies", "wire services")
    + ("wires", "this website", "the publisher", "publisher", "all", "us", "we", "this article", "this story")
    + ("the story", "this section", "reuters staff")
)
_NON_WORD_RE = re.compile(r"[^\w]+")
_DOMAIN_RE = re.compile(r"\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24}\b", re.IGNORECASE)
_HOST_RE = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?(?:[^@/\s]*@)?([^/:?#\s]+)", re.IGNORECASE)

_COPYRIGHT_MARK_RE = re.compile(r"©|\(c\)|&copy;|\bcopyright\b|\ball rights? reserved\b", re.IGNORECASE)
_COPYRIGHT_START_RE = re.compile(r"^\W{0,3}(?:©|\(c\)|&copy;|copyright\b)", re.IGNORECASE)
_COPYRIGHT_NOISE_RE = re.compile(
    r"©|\(c\)|&copy;|\bcopyright(?:ed)?\b|\ball rights? reserved\b\.?|"
    r"\b(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)?\d{2,4})?\b|"
    r"^\W*by\b",
    re.IGNORECASE,
)
_SOURCE_RE = re.compile(r"^(?:sources?|credits?|courtesy(?: of)?)\s*[:：]\s*(?P<name>.{1,80})$", re.IGNORECASE)
_DASH_CREDIT_RE = re.compile(r"^[-–—]+\s*(?P<name>[^\W\d_][\w.&' -]{0,40})$")
_INPUTS_RE = re.compile(
    r"^\(?\s*with (?:inputs?|files|additional reporting) (?:from|by) (?P<name>[^)]{1,80})\)?\.?$",
    re.IGNORECASE,
)
# A credit line of its own in brackets naming two sources: "(FRANCE 24 with AP)", "(Reuters and AFP)".
_JOINT_CREDIT_RE = re.compile(
    r"^\(\s*(?P<first>[^\W\d_][\w .&'’-]{0,40}?)\s+(?:with|and|/)\s+(?P<second>[^\W\d_][\w .&'’-]{0,40}?)\s*\)\.?$",
    re.IGNORECASE,
)
_MORE_FROM_RE = re.compile(
    r"^(?:more|more stories|more news|latest) (?P<prep>from|on|at) (?P<name>.{2,60})$", re.IGNORECASE
)
_REPRINT_RE = re.compile(
    r"(?:^|[.;]\s+)(?P<name>[^\W\d_][\w&.'’ -]{1,60}?)\s+(?:is|are|has been|was)\s+"
    r"authori[sz]ed to (?:re)?(?:print|publish)",
    re.IGNORECASE,
)
_ORIGIN_RE = re.compile(
    r"(?:originally|first) (?:published|appeared|ran) (?:in|on|by|at|with) (?:the )?"
    r"(?P<name>[^\W\d_][^.,;:()]{1,60})",
    re.IGNORECASE,
)
_DOMAIN_LEAD_RE = re.compile(
    r"^(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)\s+(?:is|was|are)\b", re.IGNORECASE
)
_EMAIL_RE = re.compile(r"[\w.+-]+@(?P<host>[\w-]+(?:\.[\w-]+)+)")
_BARE_HOST_RE = re.compile(r"^(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)(?:/\S*)?$", re.IGNORECASE)
_DATELINE_RE = re.compile(
    r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z]{1,8}\.?\s+\d{1,2})?\s*"
    r"\((?P<name>[A-Za-z][\w .&/-]{0,30})\)\s*[-–—:]"
)
# A name as a site writes its own: capitalised words ("The Week", "KHON2", "NigerianEye.com"),
# with "of", "the", "and" between them.
_SELF_NAME = r"(?P<name>[A-Z0-9][\w’'.&-]*(?:\s(?:of\s|the\s|and\s|&\s)?[A-Z0-9][\w’'.&-]*){0,4}?)"
_PERSON = r"[A-Z][\w’'.-]+(?:\s[A-Z][\w’'.-]+){1,3}"
# Page furniture in which a site speaks of itself, each with words it cannot be without (the
# cheap test, rare in prose: the cues are tried on every line of every page) and whether it may
# name a site the table does not know. Self-promotion is only ever the site's own; a staff
# credit is trusted for known outlets only, and only in the house styles of captions that name
# the site's own staff: "Photo: X / Name" and "Photo by Name/X" also name agencies and other
# outlets ("Photo: Stuff / …" on RNZ, "/USA TODAY" on a station's page).
_SELF_CUES: tuple[tuple[str, re.Pattern[str], bool, int], ...] = tuple(
    (literal, re.compile(pattern), unknown_ok, weight)
    for literal, pattern, unknown_ok, weight in (
        ("newsletter", rf"(?i:\bsign up (?:for|to)) {_SELF_NAME}['’]s (?i:(?:free |daily |weekly )*newsletters?\b)",
         True, _W_SELF),
        ("best of", rf"(?i:\bget the best of) {_SELF_NAME} (?i:delivered\b)", True, _W_SELF),
        ("in your life", rf"^(?i:want more) {_SELF_NAME} (?i:in your life\?)", True, _W_SELF),
        ("stay up to date", rf"(?i:\bstay up to date with (?:notifications|alerts) from) {_SELF_NAME}[.!]?$",
         True, _W_SELF),
        ("latest updates from", rf"(?i:for free with the latest updates from) {_SELF_NAME}[.!]?$", True, _W_SELF),
        ("advertise", rf"^(?i:advertise (?:on|with|in)) {_SELF_NAME} (?i:to reach\b)", True, _W_SELF),
        ("accessed", rf"^{_SELF_NAME}['’]s (?i:website can also be accessed\b)", True, _W_SELF),
        ("would like", rf"^{_SELF_NAME} (?i:would like to send you (?:push )?notifications\b)", True, _W_SELF),
        ("app", rf"^(?i:download the (?:free |official )?){_SELF_NAME} "
                rf"(?i:app\b.{{0,40}}\b(?:news|informed|headlines)\b)", True, _W_SELF),
        ("viewing", rf"(?i:\bviewing (?:this )?on the) {_SELF_NAME} (?i:app\b)", True, _W_SELF),
        ("subscribe", rf"^(?i:subscribe to) {_SELF_NAME}$", False, _W_SELF),
        ("stay tuned", rf"(?i:\bstay tuned to) {_SELF_NAME}[.!]", False, _W_SELF),
        ("staff", rf"^{_SELF_NAME} (?i:staff(?: writers?| reporters?)?)$", False, _W_STAFF),
        (": ", rf"\({_SELF_NAME}: {_PERSON}\s?\)", False, _W_STAFF),  # the ABC's captions
        ("/", rf"\[{_PERSON}\s?/\s?{_SELF_NAME}\]", False, _W_STAFF),  # Al Jazeera's
    )
)  # fmt: skip
_GLUED_RE = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_GENERIC_TLD_RE = re.compile(r"\.(?:com|net|org|co|news)$", re.IGNORECASE)

_SPLIT_NAMES_RE = re.compile(r"\s*(?:/|,|;|&|\band\b|\(|\))\s*")
_DATE_TAIL_RE = re.compile(r"\s+(?:on|in)\s+\w+\s+\d.*$|\s+\d{1,2}\s+\w+\s+\d{4}.*$")


@lru_cache(maxsize=8192)
def name_key(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Türkiye Today" == "turkiye today"."""
    folded = name.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(_NON_WORD_RE.sub(" ", folded).split())
    return folded[4:] if folded.startswith("the ") else folded


# Domain labels too common to name one outlet when they stand alone in a file name.
_GENERIC_STEMS = frozenset("news daily times today world online media press radio story stories".split())
_NAME_LINES = 40  # lines from each end of a page where a site prints its own name
_CAPITALISED_RUN_RE = re.compile(r"(?:[A-Z0-9][\w’'.&-]*(?:\s+|$))+")
_GENERIC_LABELS = frozenset(
    "www www2 www3 m mobile amp edition editions english en news beta web origin global intl international "
    "live video videos cdn static".split()
    # a site's archive, embedded or printable pages, and its sections: travel.usatoday.com is USA Today
    + "archive archives iframe embed print travel sport sports business money entertainment lifestyle "
    "tech technology health science opinion".split()
    # the ways a site shows its articles: "article-swipe.standard.co.uk" is the Evening Standard
    + "article articles swipe share gallery galleries".split()
)


# Parts of host labels for a site's own servers and stages: "digital-staging", "www-prod".
_SERVER_PARTS = frozenset(
    "www www1 www2 www3 web cdn amp beta origin staging stage stg digital preview prod production dev "
    "test qa uat secure static assets edge live new old".split()
)
# Hosts that serve many outlets' pages, named in the first labels: Arc XP, the AMP cache.
_PUBLISHING_PLATFORMS = frozenset(("arcpublishing.com", "ampproject.org"))


def _spelled_name(line: str, label: str, wanted: set[str], spaced: bool = False) -> str | None:
    """Capitalised words of the line that spell the site's domain label ("NigerianEye",
    "World Soccer"); with `spaced`, only a spelling of two words or more."""
    if label[:3] not in line.lower().replace(" ", ""):
        return None
    for m in _CAPITALISED_RUN_RE.finditer(line):
        words = m.group().split()
        for a in range(len(words)):
            for z in range(a + 2 if spaced else a + 1, min(a + 5, len(words) + 1)):
                phrase = " ".join(words[a:z]).strip(".,;:")
                if re.sub(r"[^a-z0-9]", "", phrase.lower()) in wanted:
                    return phrase
    return None


# Kiosks of digital editions: each page is some paper's, named in the path.
_KIOSK_DOMAINS = frozenset("pressreader.com issuu.com magzter.com zinio.com readly.com calameo.com".split())


def _is_kiosk(url: str) -> bool:
    host = host_of(url) or ""
    return any(host == d or host.endswith("." + d) for d in _KIOSK_DOMAINS)


def _generic_label(label: str) -> bool:
    """A host label that names a view of a site, not a site of its own."""
    if label in _GENERIC_LABELS or (len(label) == 2 and label.isalpha()):
        return True
    parts = label.split("-")
    return "-" in label and all(p in _SERVER_PARTS or p in _GENERIC_LABELS or p.isdigit() for p in parts)


# Hosts that keep copies of other sites' pages, the original's address in the path:
# web.archive.org/web/20190315000000/https://www.bbc.com/…, storage.googleapis.com/qurium/site.com/…
_ARCHIVE_HOSTS = frozenset(
    "web.archive.org archive.org archive.today archive.ph archive.is archive.li webcache.googleusercontent.com "
    "storage.googleapis.com s3.amazonaws.com".split()
    + ["google.com"]  # its AMP viewer: google.com/amp/s/www.bbc.co.uk/news/…
)
_PATH_DOMAIN_RE = re.compile(r"/(?:https?:/{1,2})?((?:[a-z0-9-]+\.)+[a-z]{2,24})(?=[/:?#]|$)", re.IGNORECASE)


_LANGUAGES = "en fr de es it pt ru ar zh ja ko tr fa hi ur bn id ms sw nl pl ro el he sv da fi cs hu vi th".split()
_MIRROR_PATH_RE = re.compile(rf"^[a-z][a-z0-9+.-]*://[^/]+/([a-z]{{2,8}})/(?:{'|'.join(_LANGUAGES)})/", re.IGNORECASE)


def _archived_url(url: str) -> str:
    """The original address of an archived copy; any other address as it is."""
    host = host_of(url)
    if host not in _ARCHIVE_HOSTS:
        return url
    m = _PATH_DOMAIN_RE.search(url, url.find(host) + len(host))
    return m.group(1) if m else url


def _unwrapped_host(host: str) -> str:
    """The publisher's host of a page served from Google's AMP cache or its translation proxy:
    "www-bbc-co-uk.cdn.ampproject.org" -> "bbc.co.uk", "www-lemonde-fr.translate.goog" ->
    "lemonde.fr" ("--" stands for a hyphen)."""
    if not host.endswith((".cdn.ampproject.org", ".translate.goog")):
        return host
    encoded = host.split(".")[0]
    decoded = encoded.replace("--", "\0").replace("-", ".").replace("\0", "-")
    return decoded.removeprefix("www.")


# Country-code top-level domains and the table's names of their countries: an outlet's own name
# under its country's domain is the outlet ("timesofpakistan.pk" is timesofpakistan.com's).
_CCTLD_COUNTRIES = dict(
    pair.split(":")
    for pair in (
        "uk:United Kingdom,us:United States,in:India,fr:France,ca:Canada,au:Australia,es:Spain,de:Germany,"
        "ru:Russia,kr:South Korea,cz:Czech Republic,it:Italy,cn:China,jp:Japan,id:Indonesia,pk:Pakistan,"
        "tr:Türkiye,ng:Nigeria,br:Brazil,za:South Africa,pl:Poland,th:Thailand,ph:Philippines,vn:Vietnam,"
        "tw:Taiwan,nl:Netherlands,my:Malaysia,bd:Bangladesh,mx:Mexico,ae:United Arab Emirates,il:Israel,ir:Iran,"
        "eg:Egypt,ua:Ukraine,hk:Hong Kong,sg:Singapore,nz:New Zealand,ie:Ireland,be:Belgium,ch:Switzerland,"
        "lk:Sri Lanka,pt:Portugal,lb:Lebanon,ar:Argentina,rs:Serbia,ro:Romania,kz:Kazakhstan,gr:Greece,"
        "se:Sweden,iq:Iraq,hu:Hungary,ge:Georgia,sa:Saudi Arabia,no:Norway,np:Nepal,ma:Morocco,ke:Kenya,"
        "co:Colombia,af:Afghanistan,ve:Venezuela,qa:Qatar,cl:Chile,az:Azerbaijan,at:Austria,jo:Jordan,gh:Ghana,"
        "bg:Bulgaria,am:Armenia,pe:Peru,mm:Myanmar,lv:Latvia,fi:Finland,dk:Denmark,hr:Croatia,dz:Algeria,"
        "zw:Zimbabwe,tn:Tunisia,sk:Slovakia,mv:Maldives,et:Ethiopia,kh:Cambodia,si:Slovenia,sn:Senegal,"
        "lt:Lithuania,ee:Estonia,cu:Cuba,uz:Uzbekistan,ug:Uganda,mt:Malta,kw:Kuwait,ec:Ecuador,ye:Yemen,"
        "pg:Papua New Guinea,om:Oman,mz:Mozambique,mn:Mongolia,jm:Jamaica,fj:Fiji,cy:Cyprus,cr:Costa Rica,"
        "cm:Cameroon,bo:Bolivia,bh:Bahrain,al:Albania,zm:Zambia,uy:Uruguay,tz:Tanzania,rw:Rwanda,py:Paraguay,"
        "pa:Panama,na:Namibia,is:Iceland,mw:Malawi,bt:Bhutan,bs:Bahamas,ky:Cayman Islands,bm:Bermuda,"
        "tt:Trinidad and Tobago,gy:Guyana,ls:Lesotho,bw:Botswana,mu:Mauritius,so:Somalia,sd:Sudan"
    ).split(",")
)
_GENERIC_TLDS = frozenset("com net org info biz news online co".split())

_FILE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".jsonl", ".json", ".mht", ".mhtml")


def registered_domain(url: str) -> str | None:
    """The domain a site registered ("www.theguardian.com/world" -> "theguardian.com"), read
    with the Public Suffix List that the `tld` package ships (no network)."""
    from tld import get_fld

    host = host_of(url)
    if not host:
        return None
    return get_fld(host, fix_protocol=True, fail_silently=True) or None


def host_of(text: str) -> str | None:
    """The host name in a URL, domain or e-mail-like string, lower case, without "www."."""
    m = _HOST_RE.match(text.strip())
    if not m or "." not in m.group(1):
        return None
    host = m.group(1).lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


class OutletTable:
    """Known outlets, looked up by name, alias or domain, and detected from page text."""

    def __init__(self, outlets: Iterable[Outlet], fingerprint: str | None = None) -> None:
        """`fingerprint`: the table's, if known (see load), else worked out from the outlets."""
        self.outlets: tuple[Outlet, ...] = tuple(outlets)
        self._by_name: dict[str, Outlet] = {}
        self._by_domain: dict[str, Outlet] = {}
        for outlet in self.outlets:
            for name in (outlet.name, *outlet.aliases):
                self._by_name.setdefault(name_key(name), outlet)
            for domain in outlet.domains:
                host = host_of(domain)
                if host:
                    self._by_domain.setdefault(host, outlet)
        # "thestar" of thestar.com.my, "scmp" of scmp.com: a domain's first label, for file names
        self._by_domain_stem: dict[str, Outlet] = {}
        for host, outlet in self._by_domain.items():
            self._by_domain_stem.setdefault(host.split(".")[0], outlet)
        stems: dict[str, set[int]] = {}
        for host, outlet in self._by_domain.items():
            stems.setdefault(host.split(".")[0], set()).add(id(outlet))
        self._unique_stem = {stem: o for stem, o in self._by_domain_stem.items() if len(stems[stem]) == 1}
        self._signatures = _Signatures(self.outlets)
        self.fingerprint: str = fingerprint or _fingerprint(self.outlets)

    @classmethod
    def load(cls, extra: Path | None = None) -> OutletTable:
        """The built-in table, then the user's `outlets.toml` in the settings folder, then `extra`
        (`--outlets FILE`): each file's entries add to or replace the table's by name."""
        from talks_tui.index.config import user_outlets_file

        builtin, fingerprint = _builtin_table()
        outlets = {name_key(o.name): o for o in builtin}
        added: list[Outlet] = []
        for path in (user_outlets_file(), extra):
            if path is not None:
                added += _read_outlets_file(Path(path))
        for outlet in added:
            outlets[name_key(outlet.name)] = outlet
        # The built-in table's fingerprint is kept with its parsed copy: working it out again
        # would be 30 ms of every start. The user's entries change it.
        return cls(outlets.values(), _fingerprint(added, fingerprint) if added else fingerprint)

    def lookup(self, name: str) -> Outlet | None:
        """The outlet known by this name, alias, domain or URL (case-insensitive), if any."""
        text = (name or "").strip()
        if not text:
            return None
        if "." in text and " " not in text:
            return self._by_host(_unwrapped_host(host_of(_archived_url(text)) or "")) or self._by_mirror_path(text)
        return self._by_name.get(name_key(text))

    def _by_mirror_path(self, url: str) -> Outlet | None:
        """A mirror that serves an outlet's pages under its short name and a language:
        lfwp.net/dw/en/… is DW's English site."""
        m = _MIRROR_PATH_RE.match(url)
        return self._by_name.get(name_key(m.group(1))) if m else None

    def _by_host(self, host: str) -> Outlet | None:
        """The outlet of a host name: its own domain's, or a known domain's it lies under when
        the labels before that name a view of the same site ("www.", "edition.", "m.",
        "digital-staging.") or its servers ("phoenix.mkoga-1.edsqa01.aws.sbs.com.au"), not when
        they may name another paper of the group ("cebudailynews.inquirer.net"). A page on a
        publishing platform names its outlet in its host ("irishtimes-staging.cdn.arcpublishing.com")."""
        labels = host.split(".")
        for i in range(len(labels) - 1):
            known = self._by_domain.get(".".join(labels[i:]))
            if known is not None:
                below = labels[:i]
                return known if all(_generic_label(b) for b in below) or len(below) >= 3 else None
        if (twin := self._country_twin(host)) is not None:
            return twin
        if len(labels) > 2 and ".".join(labels[-2:]) in _PUBLISHING_PLATFORMS:
            stems = {part for part in re.split(r"[-.]", ".".join(labels[:-2])) if len(part) >= 4}
            found = {id(o): o for stem in stems if (o := self._unique_stem.get(stem)) is not None}
            return next(iter(found.values())) if len(found) == 1 else None
        return None

    def _country_twin(self, host: str) -> Outlet | None:
        """A known outlet whose name, the label of its own domain under a generic ending, stands
        under its country's domain: "timesofpakistan.pk" for Times of Pakistan (Pakistan) of
        timesofpakistan.com. Only a name that no other outlet's domain starts with, and long
        enough to be a name (not "news", "abc")."""
        domain = registered_domain(host)
        below = host.removesuffix(domain or "").rstrip(".")
        if not domain or (below and not all(_generic_label(label) for label in below.split("."))):
            return None
        stem, _, suffix = domain.partition(".")
        country = _CCTLD_COUNTRIES.get(suffix.rsplit(".", 1)[-1])
        known = self._unique_stem.get(stem) if len(stem) >= 8 and stem not in _GENERIC_STEMS else None
        if known is None or country is None or known.country != country:
            return None
        own = [h for d in known.domains if (h := host_of(d)) and h.split(".")[0] == stem]
        return known if own and all(h.rsplit(".", 1)[-1] in _GENERIC_TLDS for h in own) else None

    def named_in_text(self, url: str, lines: Sequence[str]) -> Outlet | None:
        """An unknown site's name as its own pages write it: the words that spell its domain
        ("NigerianEye" on nigerianeye.com, "World Soccer" on worldsoccer.com)."""
        domain = registered_domain(url)
        if not domain:
            return None
        label = domain.split(".")[0].lower()
        if len(label) < 4 or label in _GENERIC_STEMS:
            return None
        # its name alone ("NigerianEye"), or its whole domain as the site writes it ("NigerianEye.com")
        wanted = {label, label.removeprefix("the"), re.sub(r"[^a-z0-9]", "", domain.lower())}
        found = None
        for line in lines[:_NAME_LINES] + lines[-_NAME_LINES:]:
            found = found or _spelled_name(line, label, wanted)
        if found is not None and " " not in found:
            # "@MiddleEastEye" in a sign-off; "Middle East Eye" in the story is how it writes itself
            spaced = (name for line in lines if (name := _spelled_name(line, label, wanted, spaced=True)))
            found = next(spaced, found)
        return Outlet(name=found) if found else None

    def _known(self, name: str) -> Outlet | None:
        """The known outlet a name (maybe with a publisher's suffix) stands for, if any."""
        found = self.resolve(name)
        return found if found is not None and self.lookup(found.name) is found else None

    def resolve(self, name: str) -> Outlet | None:
        """A known outlet by name, or else a new entry carrying just the name as written.
        "SCMP Publishers Ltd" is the known SCMP; "Foo Daily Ltd." is a new "Foo Daily"."""
        known = self.lookup(name)
        if known is not None:
            return known
        cleaned = _clean_unknown_name(name)
        if not cleaned:
            return None
        return self.lookup(cleaned) or self.lookup(_PUBLISHER_WORDS_RE.sub("", cleaned)) or Outlet(name=cleaned)

    def decide(
        self,
        lines: Sequence[str],
        *,
        declared: str | None = None,
        url: str | None = None,
        site_names: Sequence[str] = (),
        byline_outlet: str | None = None,
        path_parts: Sequence[str] = (),
    ) -> OutletMatch:
        """The outlet of an article from all there is to know, the firmest evidence first.

        A wire's credit or dateline ("(Reuters) -", "Source: AFP") and a byline name no outlet on
        their own: the wire is reported apart, the outlet left empty, since a wire's copy runs
        under many outlets' names and a wrong outlet is worse than none."""
        if declared:
            return OutletMatch(self.lookup(declared) or Outlet(name=declared), source="declared")
        text = self.identify(lines, [byline] if (byline := byline_outlet) and self.lookup(byline) else [])
        wire = text.wire or (text.outlet if text.outlet is not None and text.outlet.is_wire else None)
        if url and _is_kiosk(url):
            # A kiosk of digital editions (pressreader.com/usa/lodi-news-sentinel/...) publishes
            # nothing of its own: the paper its path names, if known, else no outlet.
            known = self._kiosk_paper(url)
            return OutletMatch(known, wire, url if known else "", "url" if known else "none")
        if url and (known := self.lookup(url)):
            return OutletMatch(known, wire if wire is not known else None, url, "url")
        for name in site_names:
            if name and (named := self.resolve(name)) is not None and not _DOMAIN_RE.fullmatch(name.strip()):
                return OutletMatch(named, wire if wire is not named else None, name, "site-name")
        if text.outlet is not None and not text.outlet.is_wire:
            return OutletMatch(text.outlet, wire, text.evidence, "text")
        if url and (named := self.named_in_text(url, lines)) is not None:
            return OutletMatch(named, wire, url, "url")  # its own name, spelling its domain
        for part in path_parts:
            if (known := self._file_name_outlet(part)) is not None and not known.is_wire:
                return OutletMatch(known, wire, part, "file-name")
        # An unknown site (or none): no outlet rather than a guess. The site's domain is still
        # shown (see registered_domain), and the user can name it in outlets.toml.
        return OutletMatch(None, wire, text.evidence if wire else "", "none")

    def _kiosk_paper(self, url: str) -> Outlet | None:
        """The known paper a kiosk's address names by a path segment ("lodi-news-sentinel")."""
        for segment in urlsplit(url).path.split("/"):
            name = segment.replace("-", " ").replace("_", " ").strip()
            if len(name) >= 4 and not name.isdigit() and (known := self.lookup(name)) is not None:
                return known
        return None

    def _file_name_outlet(self, part: str) -> Outlet | None:
        """A known outlet named by a file or folder name: "001_thestar.txt", "ndtv", "scmp.com"."""
        stem = part.rsplit(".", 1)[0] if part.lower().endswith(_FILE_SUFFIXES) else part
        if known := self.lookup(stem):
            return known
        for word in re.split(r"[\s_+-]+", stem):
            if len(word) >= 3 and not word.isdigit():
                stem_ok = len(word) >= 5 and word.lower() not in _GENERIC_STEMS
                known = self.lookup(word) or (self._by_domain_stem.get(word.lower()) if stem_ok else None)
                if known is not None:
                    return known
        return None

    def detect(self, lines: Sequence[str], claims: Sequence[str] = ()) -> Outlet | None:
        """The outlet a page's lines point to, or None. `claims` are names the page states about
        itself outside the text (HTML site name, the outlet part of a byline)."""
        return self.identify(lines, claims).outlet

    def identify(self, lines: Sequence[str], claims: Sequence[str] = ()) -> OutletMatch:
        """Like detect, but also names the wire service whose copy the page carries."""
        scores: dict[str, float] = {}
        found: dict[str, Outlet] = {}
        evidence: dict[str, tuple[float, str]] = {}

        def add(outlet: Outlet | None, weight: float, line: str) -> None:
            if outlet is None:
                return
            key = name_key(outlet.name)
            found.setdefault(key, outlet)
            scores[key] = scores.get(key, 0.0) + weight
            if weight > evidence.get(key, (0.0, ""))[0]:
                evidence[key] = (weight, line)

        for claim in claims:
            if claim and claim.strip():
                add(self.resolve(claim), _W_CLAIM, claim)
        # Long lines are story prose: signatures (wire datelines, sign-offs) can only sit at the
        # start of its first paragraphs or the end of its last ones.
        long_lines = [i for i, line in enumerate(lines) if len(line) > _LONG]
        ends = {*long_lines[:3], *long_lines[-3:]}
        story_start = long_lines[0] if long_lines else len(lines)
        for i, line in enumerate(lines):
            if line:
                self._line_cues(line, add, story_end=i in ends, header=i < story_start)
        if not scores:
            return OutletMatch(None)
        ranked = sorted(scores, key=lambda k: -scores[k])  # stable: earlier cues win ties
        best = found[ranked[0]]
        publishers = [k for k in ranked if not found[k].is_wire and scores[k] >= _STRONG]
        wires = [k for k in ranked if found[k].is_wire and scores[k] >= _STRONG]
        if best.is_wire and publishers:
            return OutletMatch(found[publishers[0]], best, evidence[publishers[0]][1])
        wire = found[wires[0]] if wires and not best.is_wire else None
        return OutletMatch(best, wire, evidence[ranked[0]][1])

    def _line_cues(
        self, line: str, add: Callable[[Outlet | None, float, str], None], *, story_end: bool, header: bool = True
    ) -> None:
        """Cues in one line. Every regex is behind a cheap substring test: most lines are prose.
        A page's own address stands above the story; one after it links to the copy's source."""
        long_line = len(line) > _LONG
        if long_line:
            found = self._signatures.find(line[:150], floating=story_end)
            if story_end:
                found += self._signatures.find(line[-60:], at_start=False)
        else:
            found = self._signatures.find(line)
        for index in set(found):
            add(self.outlets[index], _W_SIGNATURE, line)
        low = line.lower()
        if not long_line:
            marked = "©" in line or "copyright" in low or "(c)" in low or "rights reserved" in low
            if marked and _is_copyright_line(line) and (holder := _copyright_holder(line)):
                # An unknown company ("© 2020 CBS Studios Inc." on a TV station's page of
                # syndicated copy, "Graham Media Group") owns the copy, and is no outlet.
                company = _LEGAL_SUFFIX_RE.search(holder) or _COMPANY_WORDS_RE.search(holder)
                add(self._known(holder) if company else self.resolve(holder), _W_COPYRIGHT, line)
            if low.startswith(("source", "credit", "courtesy")) and (m := _SOURCE_RE.match(line)):
                for part in _split_names(m.group("name")):
                    add(self.lookup(part), _W_CREDIT, line)
            elif line[:1] in "-–—" and (m := _DASH_CREDIT_RE.match(line)):
                add(self.lookup(m.group("name")), _W_CREDIT, line)
            elif low.startswith(("(with", "with ")) and (m := _INPUTS_RE.match(line)):
                for part in _split_names(m.group("name")):
                    add(self.lookup(part), _W_CREDIT, line)
            elif line.startswith("(") and line.endswith((")", ").")) and (m := _JOINT_CREDIT_RE.match(line)):
                for part in (m.group("first"), m.group("second")):
                    add(self.lookup(part), _W_CREDIT, line)  # known outlets only: "(Jane with Tom)" is no credit
            elif low.startswith(("more ", "latest ")) and (m := _MORE_FROM_RE.match(line)):
                name = m.group("name").strip()
                unknown_ok = m.group("prep").lower() == "from" and not name.endswith((".", "!", "?"))
                add(self.lookup(name) or (self.resolve(name) if unknown_ok else None), _W_MORE_FROM, line)
            elif header and " " not in line and "." in line and (m := _BARE_HOST_RE.match(line)):
                add(self.lookup(m.group("host")), _W_DOMAIN, line)
            if len(line) <= 60 and (known := self.lookup(line)) and name_key(line) == name_key(known.display_name):
                add(known, _W_SITE_NAME, line)  # the outlet's own name alone (not an alias: "Independent Online")
            if "@" in line:
                for m in _EMAIL_RE.finditer(line):
                    add(self.lookup(m.group("host")), _W_CONTACT, line)
        if "." in line[:40] and (m := _DOMAIN_LEAD_RE.match(line)):
            add(self.lookup(m.group("host")), _W_DOMAIN, line)
        if "(" in line[:60] and line[:1].isupper() and (m := _DATELINE_RE.match(line[:150])):
            for part in m.group("name").split("/"):
                # a station's name glued together: "MIAMI (CBSMiami) –", "(CBSNewYork/AP) —"
                add(self.lookup(part) or self.lookup(_GLUED_RE.sub(" ", part)), _W_DATELINE, line)
        if "uthori" in low and (m := _REPRINT_RE.search(line)):
            add(self.resolve(m.group("name")), _W_REPRINT, line)
        if ("published" in low or "appeared" in low or " ran " in low) and (m := _ORIGIN_RE.search(line)):
            name = _DATE_TAIL_RE.sub("", m.group("name"))
            add(self.resolve(name), _W_ORIGIN, line)
        for literal, pattern, unknown_ok, weight in _SELF_CUES:
            if literal in low and (m := pattern.search(line)):
                named = self._self_named(m.group("name"), unknown_ok)
                if weight == _W_SELF or (named is not None and not named.is_wire):
                    add(named, weight, line)  # a wire's photo credit says nothing of the text

    def _self_named(self, name: str, unknown_ok: bool) -> Outlet | None:
        """The outlet a page names as itself: a known one, or (`unknown_ok`) a new one by the
        name as written, without a generic ending ("NigerianEye.com" is NigerianEye)."""
        name = name.rstrip(".")
        if (known := self.lookup(name)) is not None or not unknown_ok:
            return known
        return self.resolve(_GENERIC_TLD_RE.sub("", name) if " " not in name else name)


def _split_names(text: str) -> list[str]:
    return [p for p in _SPLIT_NAMES_RE.split(text) if p]


def _is_copyright_line(line: str) -> bool:
    """A copyright notice, not a caption or sentence that happens to contain "©"."""
    if _COPYRIGHT_START_RE.match(line) or "rights reserved" in line.lower():
        return True
    return len(line.split()) <= 8 and bool(_COPYRIGHT_MARK_RE.search(line))


def _copyright_holder(line: str) -> str | None:
    """ "© 2025 The Associated Press. All rights reserved." -> "The Associated Press"."""
    text = _COPYRIGHT_NOISE_RE.sub(" ", line)
    for chunk in re.split(r"\.\s|\s[|•·]\s|\s[-–—]\s|;", text):
        chunk = chunk.strip(" \t.,:;-–—|")
        if re.search(r"[^\W\d_]", chunk):
            return chunk if len(chunk.split()) <= 6 else None
    return None


def _clean_unknown_name(name: str) -> str | None:
    text = re.sub(r"\s+", " ", name).strip(" \t.,:;|-–—()[]\"'“”‘’")
    text = _LEGAL_SUFFIX_RE.sub("", text).strip(" ,.")
    words = text.split()
    if not words or len(words) > 6 or name_key(text) in _GENERIC_NAMES:
        return None
    if not (text[0].isupper() or text[0].isdigit() or _DOMAIN_RE.fullmatch(text)):
        return None
    if re.search(r"[.!?]\s", text):  # a sentence, not a name
        return None
    return text


class _Signatures:
    """The table's signatures, arranged so that a line costs a few regex calls at most.

    Anchored signatures ("^...") are joined in one alternation tried at the start of the line.
    Floating ones are each tried only when the line contains their longest literal part
    ("(reuters)", "©"), since a long alternation searched at every position is slow in `re`.
    """

    def __init__(self, outlets: Sequence[Outlet]) -> None:
        parts = [(i, sig) for i, o in enumerate(outlets) for sig in o.signatures]
        anchored = [(i, sig[1:]) for i, sig in parts if sig.startswith("^")]
        self._anchored: list[tuple[re.Pattern[str], int | None]] = []
        if anchored:
            try:
                joined = "|".join(f"(?P<o{i}_{n}>{sig})" for n, (i, sig) in enumerate(anchored))
                self._anchored = [(re.compile(joined, re.IGNORECASE), None)]
            except re.error:  # a user regex that cannot be combined (its own group names...)
                self._anchored = [(re.compile(sig, re.IGNORECASE), i) for i, sig in anchored]
        self._floating = [
            (i, re.compile(sig, re.IGNORECASE), _required_literal(sig)) for i, sig in parts if not sig.startswith("^")
        ]

    def find(self, text: str, *, at_start: bool = True, floating: bool = True) -> list[int]:
        """Positions in the table of the outlets whose signatures occur in text (`at_start`:
        text begins a line, so anchored signatures apply)."""
        found = []
        if floating and self._floating:
            low = text.lower()
            found = [
                i
                for i, pattern, literal in self._floating
                if (literal is None or literal in low) and pattern.search(text)
            ]
        if at_start:
            for pattern, index in self._anchored:
                m = pattern.match(text)
                if m is not None:
                    found.append(index if index is not None else int((m.lastgroup or "o0")[1:].split("_")[0]))
        return found


def _required_literal(pattern: str) -> str | None:
    """The longest run of plain characters every match must contain, lower-cased, or None."""
    runs: list[str] = []
    run: list[str] = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            if pattern[i + 1].isalnum():  # \s, \d, \b...: a class or an assertion
                runs.append("".join(run))
                run = []
            else:
                run.append(pattern[i + 1])
            i += 2
        elif c in "([":
            runs.append("".join(run))
            run = []
            i = _skip_group(pattern, i)
        elif c == "|":
            return None  # alternatives at the top level: no single literal is required
        elif c in "*?{":
            if run:
                run.pop()  # the quantified character may be absent
            runs.append("".join(run))
            run = []
            i = pattern.find("}", i) + 1 if c == "{" else i + 1
            if i == 0:
                return None
        elif c in ".^$)+":
            runs.append("".join(run))
            run = [] if c != "+" else run[-1:]
            i += 1
        else:
            run.append(c)
            i += 1
    runs.append("".join(run))
    best = max(runs, key=len)
    return best.lower() if best else None


def _skip_group(pattern: str, i: int) -> int:
    """Index after the group or character class that starts at i."""
    if pattern[i] == "[":
        j = i + 1
        if j < len(pattern) and pattern[j] == "^":
            j += 1
        if j < len(pattern) and pattern[j] == "]":
            j += 1
        while j < len(pattern) and pattern[j] != "]":
            j += 2 if pattern[j] == "\\" else 1
        return j + 1
    depth = 0
    j = i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _skip_group(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return j


def _fingerprint(outlets: Iterable[Outlet], base: str = "") -> str:
    """A short digest of the outlets' every field (after `base`, another table's fingerprint)."""
    # As dataclasses.asdict would give them (all fields are flat), without its deep copies.
    records = [{name: getattr(o, name) for name in _OUTLET_FIELDS} for o in outlets]
    payload = base + json.dumps(records, ensure_ascii=False, sort_keys=True)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:12]


@lru_cache(maxsize=1)
def _builtin_table() -> tuple[tuple[Outlet, ...], str]:
    """outlets.toml, then the regional files of outlet_table/ in name order, with their
    fingerprint. Parsing them is a tenth of a second of every open, so they are kept parsed in the
    cache folder too, under a key made of this module's and the files' names, sizes and mtimes."""
    files = [_BUILTIN, *sorted(_REGIONS.glob("*.toml"))]
    cached = _parsed_copy(files)
    found = cached.read() if cached else None
    if found is not None:
        return found
    outlets = tuple(o for path in files for o in _parse_outlets(tomllib.loads(path.read_text(encoding="utf-8")), path))
    table = (outlets, _fingerprint(outlets))
    if cached:
        cached.write(table)
    return table


class _ParsedCopy:
    """The built-in table as parsed, in one file of the cache folder (any failure: parse again)."""

    def __init__(self, folder: Path, key: str):
        self.folder, self.path = folder, folder / f"{key}.pickle"

    def read(self) -> tuple[tuple[Outlet, ...], str] | None:
        try:
            table = pickle.loads(self.path.read_bytes())
        except Exception:  # missing, unreadable, or written by another version
            return None
        ok = isinstance(table, tuple) and len(table) == 2 and isinstance(table[0], tuple) and isinstance(table[1], str)
        ok = ok and all(type(o) is Outlet for o in table[0])
        if ok:
            with contextlib.suppress(OSError):
                os.utime(self.path)  # used now: the last to be cleared away
        return table if ok else None

    def write(self, table: tuple[tuple[Outlet, ...], str]) -> None:
        with contextlib.suppress(OSError):
            self.folder.mkdir(parents=True, exist_ok=True)
            # Copies of other versions of the files: keep the few used last, so that two installs
            # (two virtual environments, a checkout beside a release) do not evict each other's.
            others = sorted(self.folder.glob("*.pickle"), key=_mtime, reverse=True)
            for old in others[_KEEP_COPIES - 1 :]:
                old.unlink(missing_ok=True)
            temporary = self.path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_bytes(pickle.dumps(table, protocol=pickle.HIGHEST_PROTOCOL))
            temporary.replace(self.path)


_KEEP_COPIES = 4


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _parsed_copy(files: Sequence[Path]) -> _ParsedCopy | None:
    from platformdirs import user_cache_path

    try:
        stats = [(str(path), os.stat(path)) for path in (Path(__file__), *files)]
        folder = user_cache_path("talks-tui") / "outlets"
    except OSError:
        return None
    key = hashlib.sha1(repr([(path, st.st_size, st.st_mtime_ns) for path, st in stats]).encode()).hexdigest()[:16]
    return _ParsedCopy(folder, key)


def _read_outlets_file(path: Path) -> tuple[Outlet, ...]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ValueError(f"{path}: cannot read outlets file: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise ValueError(f"{path}: outlets file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as e:
        raise ValueError(f"{path}: not valid TOML: {e}") from None
    return _parse_outlets(data, path)


def _parse_outlets(data: dict, path: Path) -> tuple[Outlet, ...]:
    entries = data.get("outlet", data.get("outlets"))
    unknown_top = set(data) - {"outlet", "outlets"}
    if entries is None or unknown_top:
        raise ValueError(f"{path}: expected [[outlet]] tables, found {sorted(data) or 'nothing'}")
    if not isinstance(entries, list):
        raise ValueError(f"{path}: 'outlet' must be an array of tables ([[outlet]])")
    outlets = []
    for n, entry in enumerate(entries, 1):
        where = f"{path}: outlet #{n}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: expected a table")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where}: 'name' must be a non-empty string")
        where = f"{path}: outlet {name!r}"
        extra = set(entry) - set(_FIELDS)
        if extra:
            raise ValueError(f"{where}: unknown key {sorted(extra)[0]!r} (expected {', '.join(_FIELDS)})")
        lists = {}
        for key in ("aliases", "domains", "signatures"):
            value = entry.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{where}: {key!r} must be a list of strings")
            lists[key] = tuple(v.strip() for v in value if v.strip())
        for sig in lists["signatures"]:
            try:
                re.compile(sig)
            except re.error as e:
                raise ValueError(f"{where}: bad signature regex {sig!r}: {e}") from None
        for key in ("country", "kind"):
            if entry.get(key) is not None and not isinstance(entry[key], str):
                raise ValueError(f"{where}: {key!r} must be a string")
        outlets.append(
            Outlet(
                name=name.strip(),
                aliases=lists["aliases"],
                signatures=lists["signatures"],
                domains=lists["domains"],
                country=entry.get("country") or None,
                kind=entry.get("kind") or None,
            )
        )
    return tuple(outlets)
