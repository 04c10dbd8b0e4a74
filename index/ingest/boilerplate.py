"""Tell a news story's paragraphs from the page furniture scraped along with them.

Scraped pages put one element per line: navigation words, "Advertisement", photo captions and
credits, share buttons, breadcrumbs, copyright and reprint footers, "More From ..." link lists.
Lines are classified by category (what the line *is*), never by matching one outlet's exact
strings, so the same rules hold for pages we have not seen. Metadata lines (title, byline,
date) are found by `index.metadata`; this module assembles what is left into the story.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence

from talks_tui.index import lexicon
from talks_tui.index.tokens import ALNUM_RE


class Kind(enum.Enum):
    """Why a line is not part of the story."""

    NAV = "navigation"  # menus, social links, "Skip to main content", "5 min read"
    AD = "advertisement"
    BREADCRUMB = "breadcrumb"  # "Home / Business / <headline>"
    CAPTION = "caption"  # photo captions and credits
    CREDIT = "credit"  # "Source: Reuters", "Reporting by ...; Editing by ..."
    COPYRIGHT = "copyright"
    REPRINT = "reprint"  # "X is authorized to reprint", "originally published in", publisher blurbs
    CONTACT = "contact"  # "Contact editor ...", e-mail footers
    PROMO = "promotion"  # "Sign up for our newsletter", "Follow us on X", "Share this article"
    RELATED = "related"  # "Guess You Like", "More From X" and the links after them
    LINK = "link"  # "Read more: <headline>" inserted in the story
    NOISE = "noise"  # punctuation only, bare URLs, end markers
    TITLE = "title"  # the headline, or a repeat of it
    BYLINE = "byline"
    DATE = "date"


_NAV_WORDS = lexicon.words("page_furniture_words")
_FUNCTION_WORDS = lexicon.words("function_words")
_LANGUAGE_NAMES = lexicon.words("language_names")
# A sentence's end, before any closing marks (also one typed the wrong way round: 'gone.“').
_TERMINAL_RE = re.compile(r"(?:[.!?…:;]|[.!?…,][\"“”‘’'»)\]]+)$")
# Words a scraper ran together: "Skip to main contentSkip to navigation".
GLUED_WORDS_RE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")
_MENU_ITEM_RE = re.compile(r"\s*(\d{1,2})\.\s+\S")
_LETTER_RE = re.compile(r"[^\W\d_]")

_AD_RE = re.compile(
    r"(?:advertisement|advertising|advert|ads?|sponsored(?: content| post| links?| stories)?|"
    r"paid (?:content|post|partner content)|promoted(?: content| stories)?|partner content|"
    r"(?:story|article|text) continues (?:below|after)(?: (?:this )?(?:ad|advertisement))?|"
    r"continue reading (?:below|the main story)|scroll (?:down )?to continue(?: reading)?|"
    r"advertisement\W+scroll to continue|ad feedback|report this ad)[\s.:!-]*",
    re.IGNORECASE,
)
# Headings of link lists: everything after them is other stories.
_RELATED_RE = re.compile(
    r"(?:guess you like|you (?:may|might|will) (?:also )?(?:like|enjoy|be interested in)|"
    r"(?:also|more) worth reading|(?:read|see) (?:more|next|also)|also read|read this next|"
    r"related(?: (?:articles?|stories|story|news|content|coverage|topics|posts|links|reading|videos?))?|"
    r"more (?:from|on|in|at|about|by) \S.{0,60}|"
    r"more (?:stories|news|articles|headlines|coverage|to read|videos)|"
    r"most (?:read|popular|viewed|shared|commented|watched)(?: (?:stories|articles|news|now|today))?|"
    r"(?:top|trending|latest|popular|featured|recommended|suggested|related|editor'?s'? picks?|"
    r"editors'? choice)"
    r"(?: (?:stories|news|articles|now|videos|reads?|topics|tags|for you|in \w+))?|"
    r"recommended (?:for you|reading|stories|articles)|what to read next|further reading|"
    r"don'?t miss(?: this)?|in (?:other|case you missed) news|you may have missed|keep reading|up next|"
    r"(?:explore|discover) more|trending (?:now|topics)|read the latest|"
    r"(?:tags|topics|keywords|filed under)\s*:?)\W*",
    re.IGNORECASE,
)
_LINK_RE = re.compile(
    r"^(?:read more|read also|also read|related|see also|watch|listen|recommended|read|more)"
    r"\s*[:|»>–—-]\s*\S",
    re.IGNORECASE,
)
_BREADCRUMB_SEPARATORS = (" / ", " > ", "»", "›", " | ")
_BREADCRUMB_SPLIT_RE = re.compile(r"\s+[/>»›|]\s+|\s*[»›]\s*")
_BREADCRUMB_HOME_RE = re.compile(r"^(?:home|homepage|news|main|首页)\s*(?:[/>»›|]|$)", re.IGNORECASE)

# Captions end with a credit: "... Photo: Xinhua", "(AFP Photo)", "(Photo via X/@handle)",
# "REUTERS/Name/File Photo", "Image: x – stock.adobe.com". Each form has its own cheap test.
_LABEL_CREDIT_RE = re.compile(
    r"""(?:(?:^|[.!?"”’)]\s+|\s[-–—|]\s*)
            (?:photos?|photograph|picture|image|pic|illustration|graphic|file\ photo)(?:\ credits?)?\s*[:/|]
        |\s(?-i:Photos?|PHOTOS?|Image|IMAGE|Picture|File\ Photo)\s*:
        )\s*\S[^.]{0,60}\.?$""",
    re.IGNORECASE | re.VERBOSE,
)
_CREDIT_WORD_RE = re.compile(r"photo|image|picture|pic\b|illustration|graphic", re.IGNORECASE)
_PAREN_CREDIT_RE = re.compile(
    r"""\((?:[^()]*?\b(?:photos?|photograph(?:er|s)?|image|images|picture|pictures|pic|pics|illustration|
        getty|shutterstock|handout|file\ photo|screenshot|screengrab|courtesy)\b[^()]*
        |(?-i:[A-Z][\w.&-]*(?:\ [A-Z][\w.&-]*)*/[^()]+))\)""",
    re.IGNORECASE | re.VERBOSE,
)
_SLASH_CREDIT_RE = re.compile(
    r"(?:^|[.!?\"”’)]\s+|\s[-–—|]\s*)(?:[A-Z][A-Z&.-]+(?: [A-Z][A-Z&.-]+)?|AP Photo|AFP Photo|Reuters|Xinhua)"
    r"/ ?[^\W\d_][^\W\d]*(?:[ .'’-]+[^\W\d_][^\W\d]*){0,5}(?:/[\w.'’@ -]{1,30}){0,3}\.?$"
)
# Buttons that scrapers glue to the end of a caption.
_WIDGET_ENDINGS = ("Rights", "rights", "Photo", "photo", "image", "Image", "caption", "Caption", "tab")
_WIDGET_SUFFIX_RE = re.compile(
    r"(?:\s*,?\s*(?:purchase licensing rights|buy (?:this )?photo|enlarge (?:this )?image|toggle caption|"
    r"hide caption|opens new tab))+$",
    re.IGNORECASE,
)
# Photo agencies and stock libraries credited at the very end of a caption.
_STOCK_CREDITS = ("getty images", "shutterstock", "shutterstock.com", "stock.adobe.com", "adobe stock") + (
    "istock",
    "istockphoto",
    "alamy",
    "unsplash",
    "dreamstime",
    "imaginechina",
    "visual china group",
    "vcg",
    "ic photo",
)
# A caption's credit at its end: a photographer and an agency, or a photographer's copyright.
# (A bare "(Reuters)" closing a line is a story's credit or dateline, not a photo's.)
_AGENCY_CREDIT_RE = re.compile(
    r"\((?:[^()]{2,60},\s*(?:AP|AFP|EPA|AAP|PA|Getty(?: Images)?|Reuters|Xinhua|Bloomberg|ANP|dpa|Anadolu)"
    r"|(?:AP|AFP|EPA|Reuters|Xinhua)\s+Photo)\)\.?$"
)
_COPYRIGHT_NAME_RE = re.compile(r"[.!?]\s+(?:Copyright|©)\s+[A-Z][A-Z .'’-]{2,40}$")
# "Francois Hollande, right, ... and Ban Ki-moon, left, join hands": people placed in a picture.
_POSITION_RE = re.compile(
    r",\s(?:second |far |top |bottom )?(?:left|right|centre|center)(?: to right)?,\s", re.IGNORECASE
)
_CAPTION_START_RE = re.compile(
    r"^(?:photos?|photograph|picture|image|pic|illustration|graphic|file photo|caption|photo credit|"
    r"image credit|image source|top image|main image|header image|cover image|featured image|video)"
    r"\s*(?:[:|/–—-]|by\b|via\b)",
    re.IGNORECASE,
)
_COPYRIGHT_START_RE = re.compile(r"\W{0,3}(?:©|\(c\)\s|&copy;|copyright\b)", re.IGNORECASE)
_COPYRIGHT_ANY_RE = re.compile(
    r"all rights? reserved|"
    r"(?:may|must) not be (?:published|reproduced|broadcast|rewritten|redistributed|copied)",
    re.IGNORECASE,
)
_REPRINT_START_RE = re.compile(
    r"\(?(?:this (?:article|story|piece|report|post|column) (?:was |is |has been )?)?(?:originally|first) "
    r"(?:published|appeared|ran)\b|\(?(?:republished|reprinted|reproduced) (?:with|by|under|from)\b|"
    r"(?:this|the) (?:article|story|piece|report|content) (?:was |is |has been )?(?:originally |first |"
    r"auto-?)?(?:published|produced|written|provided|generated|republished|syndicated)\b|"
    r"(?:the )?views (?:expressed|in this)|\(?this story has not been edited|"
    r"(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s+(?:is|was)\s+(?:the|a|an|part)\b|"
    r"(?:the )?(?:author|writer)s? (?:is|are) (?:a|an|the)\b",
    re.IGNORECASE,
)
_REPRINT_ANY_RE = re.compile(r"authori[sz]ed to (?:re)?(?:print|publish)|does not necessarily reflect", re.IGNORECASE)
_CONTACT_RE = re.compile(
    r"^(?:contact|email|e-mail|write to|reach|send) (?:the )?(?:editor|reporter|author|writer|us|editors|"
    r"newsroom|journalist|desk)s?\b|"
    r"^(?:edited|editing|produced|compiled|translated|proofread|reviewed|fact[- ]checked|sub-?edited|"
    r"designed|graphics?) by\b|^(?:editor|editors|responsible editor|chief editor|web editor)\s*[:：]|"
    r"^(?:for|send (?:us )?(?:your )?) ?(?:feedback|tips|corrections|queries|comments)\b|"
    r"^(?:have|got) a (?:news )?tip\b",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# "Associated Press writer Ken Moritsugu in Beijing contributed to this report."
_CONTRIBUTED_RE = re.compile(r"\bcontributed (?:to (?:this|the) (?:report|story|article)|reporting)", re.IGNORECASE)
_CREDIT_RE = re.compile(
    r"^(?:sources?|credits?|courtesy(?: of)?)\s*[:：]|"
    r"^\(?\s*(?:(?:additional |further )?reporting|writing|reported|written|editing|edited|compiled|"
    r"research|production|sub-?editing) by\b.*(?:;|\)|$)|"
    r"^\(?\s*with (?:inputs?|files|reporting|additional reporting|assistance) (?:from|by)\b|"
    r"^[-–—]+\s*[^\W\d_][\w.&' -]{0,40}$|"
    r"^\((?:[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})\)\.?$|"
    r"^(?:agencies|wires|agency|news agencies|reuters|afp|ap|xinhua|bernama|pti|ani|ians)\s*$",
    re.IGNORECASE,
)
_PROMO_RE = re.compile(
    r"^(?:sign up|subscribe|register|log in|login|sign in)\b.{0,80}(?:newsletter|free|today|now|account|"
    r"updates|access|read|continue|unlimited)|"
    r"^(?:get|receive) (?:our|the) .{0,40}(?:newsletter|app|alerts)|"
    r"^follow (?:us|@|\S+(?: \S+){0,4} on (?:twitter|x|facebook|instagram|linkedin|telegram|whatsapp|"
    r"threads|bluesky|google news|youtube|tiktok))|"
    r"^join (?:our|us on)\b.{0,40}(?:channel|community|group|newsletter)|"
    r"^share (?:this|on|via|the|article|story)\b|^(?:click|tap) (?:here|to)\b|"
    r"^download (?:the|our) (?:\w+ )?app\b|^(?:get|download|open) (?:the |our )?(?:\w+ )?apps?\s*$|"
    r"^(?:to )?read (?:the )?(?:full|rest|more|this)\b.{0,40}"
    r"(?:subscribe|sign|log|app|here|story|article)|^already (?:a )?(?:subscriber|member)\b|"
    r"^(?:we use|this (?:site|website) uses) cookies|^please (?:enable|disable|turn off|allow)\b|"
    r"^(?:support|fund) (?:our|independent|quality) journalism|^(?:thanks|thank you) for reading|"
    r"^(?:like|liked|enjoy(?:ed)?) this (?:article|story)|^(?:report|spotted) an? (?:error|typo|mistake)|"
    r"^(?:stay|keep) (?:informed|updated|up to date)\b|^for (?:the latest|more) (?:news|updates|stories)"
    r"\b.{0,80}(?:follow|visit|download|subscribe|sign|join|click)|"
    r"^(?:this (?:article|story|content) is (?:for|available to|only available to) (?:subscribers|members))|"
    r"^(?:listen to|listening to) (?:this|the) (?:article|story)|^(?:audio|video) (?:length|duration)\b|"
    r"^you will be redirected\b|"
    r"^(?:ie|internet explorer) ?\d* (?:is )?not supported|^for (?:optimal|the best) (?:browsing|viewing)\b|"
    r"^(?:subscribe|newsletter)s?\b.{0,30}$",
    re.IGNORECASE,
)
_META_RE = re.compile(
    r"^\d+\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+read\b.*|^(?:reading time|read time)\s*:?.*|"
    r"^\d+\s+(?:comments?|shares?|views?|likes?)\b.*|"
    r"^(?:show|hide|view|load|see) (?:\d+ )?(?:more )?comments?\b.*|"
    r"^\d{1,2}:\d{2}(?:\s*/\s*\d{1,2}:\d{2})?$|^\d+\s*/\s*\d+$|"
    r"^\d{1,2}:\d{2}(?::\d{2})?\s*[-–|]\s*source\s*:\s*\S.{0,40}$|"  # a video's length: "01:01 - Source: CNN"
    r"^(?:\(|\[)?\s*(?:end|ends)\s*(?:\)|\])?$|"
    r"^-?\s*30\s*-?$|^#{3}$|^-+\s*end\s*-+$|"
    r"^you are here\s*:?(?:\s*home)?$|"  # a breadcrumb with only its first step
    # A widget's or a platform's credit line: "Powered by automated translation", "Powered by Frankly".
    r"^powered by\s+[^.!?]{1,60}$",
    re.IGNORECASE,
)
_VIDEO_LENGTH_RE = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?\s*[-–|]\s*source\b", re.IGNORECASE)
_GLUED_LENGTH_RE = re.compile(r"(?<=[^\W\d_])\d{1,2}:\d{2}$")  # "...reacts to texts from son1:16"
_URL_LINE_RE = re.compile(r"^(?:https?://\S+|(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?:/\S*)?)$", re.IGNORECASE)


# Every category recognised by how a line starts, in one alternation: a line that matches
# none of them (most story prose) skips those checks after a single regex call.
_STARTS_RE = re.compile(
    "|".join(
        f"(?:{p.pattern})"
        for p in (
            _LINK_RE,
            _CAPTION_START_RE,
            _COPYRIGHT_START_RE,
            _REPRINT_START_RE,
            _CONTACT_RE,
            _CREDIT_RE,
            _PROMO_RE,
            _META_RE,
            _URL_LINE_RE,
        )
    ),
    re.IGNORECASE,
)


def words(line: str) -> int:
    """Word count of a cleaned line (single spaces, no space at the ends): counting spaces is
    much cheaper than splitting, and this runs several times per line."""
    return line.count(" ") + 1 if line else 0


def ends_sentence(line: str) -> bool:
    """Ends like a sentence: a subheading "What's next?" does, a headline link does not."""
    return bool(_TERMINAL_RE.search(line[-4:]))


def is_all_caps(line: str) -> bool:
    return line.isupper() and len(line) >= 3


def is_story_paragraph(line: str) -> bool:
    """Unmistakably prose: a real sentence of some length, or a long block of text."""
    n = words(line)
    return (n >= 12 and ends_sentence(line)) or n >= 40


def key(line: str) -> str:
    """Comparison key for repeated lines: letters and digits only, case-folded."""
    return " ".join(ALNUM_RE.findall(line.casefold()))


def classify_line(line: str) -> Kind | None:
    """The category of one stripped line on its own, or None when it may be story text."""
    if not line:
        return Kind.NOISE
    n = words(line)
    if not _LETTER_RE.search(line):
        return Kind.NOISE
    low = line.lower()
    if line.count(" • ") + line.count(" · ") >= 3:
        return Kind.NAV  # a ticker or a list of links: "Women win seats • Clashes in Darfur • ..."
    if n >= 3 and _is_language_menu(line):
        return Kind.NAV
    if n > 40:  # long prose: only footers and captions glued to a credit can be boilerplate
        if _has_caption_credit(line):
            return Kind.CAPTION
        if _is_copyright(line, low):
            return Kind.COPYRIGHT
        if _is_reprint(line, low):
            return Kind.REPRINT
        return None
    if n <= 8:
        # Menu items glued together by the scraper count one by one: "Skip to main contentSkip to navigation".
        unglued = GLUED_WORDS_RE.sub(" ", line).lower() if GLUED_WORDS_RE.search(line) else None
        for text in (low, unglued) if unglued else (low,):
            tokens = ALNUM_RE.findall(text)
            if tokens and all(t in _NAV_WORDS for t in tokens) and not all(t in _FUNCTION_WORDS for t in tokens):
                return Kind.NAV
        if _AD_RE.fullmatch(line):
            return Kind.AD
        if (not ends_sentence(line) or line.endswith(":")) and _RELATED_RE.fullmatch(line):
            return Kind.RELATED
    starts = _STARTS_RE.match(line) is not None
    if starts and n <= 30 and _LINK_RE.match(line) and not ends_sentence(line):
        return Kind.LINK
    if any(sep in line for sep in _BREADCRUMB_SEPARATORS) and _is_breadcrumb(line):
        return Kind.BREADCRUMB
    if (starts and _CAPTION_START_RE.match(line)) or (n >= 2 and _has_caption_credit(line)):
        return Kind.CAPTION
    if _is_copyright(line, low):
        return Kind.COPYRIGHT
    if _is_reprint(line, low):
        return Kind.REPRINT
    if n <= 20 and ((starts and _CONTACT_RE.match(line)) or ("@" in line and _EMAIL_RE.search(line))):
        return Kind.CONTACT
    if n <= 30 and "contributed" in low and _CONTRIBUTED_RE.search(line):
        return Kind.CREDIT
    if not starts:
        return None
    if n <= 25 and _CREDIT_RE.match(line):
        return Kind.CREDIT
    if n <= 30 and _PROMO_RE.match(line):
        return Kind.PROMO
    if _META_RE.match(line):
        return Kind.NAV
    if n == 1 and _URL_LINE_RE.match(line):
        return Kind.NOISE
    return None


def _has_caption_credit(line: str) -> bool:
    tail = line[-120:].rstrip(" .")
    if tail.endswith(_WIDGET_ENDINGS):  # "REUTERS/Name Purchase Licensing Rights"
        tail = _WIDGET_SUFFIX_RE.sub("", tail).rstrip(" .")
    if tail.endswith(")"):
        opening = tail.rfind("(")
        if opening >= 0 and _PAREN_CREDIT_RE.fullmatch(tail[opening:]):
            return True
    if "/" in tail and _SLASH_CREDIT_RE.search(tail):
        return True
    if _AGENCY_CREDIT_RE.search(tail) or _COPYRIGHT_NAME_RE.search(tail) or _POSITION_RE.search(line):
        return True  # "(Dolores Ochoa, AP)", "... Copyright TYRONE SIU", "Hollande, right, and ..."
    if (":" in tail or "|" in tail or "/" in tail) and _CREDIT_WORD_RE.search(tail) and _LABEL_CREDIT_RE.search(tail):
        return True
    return tail[-20:].lower().endswith(_STOCK_CREDITS)


def _is_copyright(line: str, low: str) -> bool:
    if line[:4].lstrip("([ ")[:1] in "©(cC&" and _COPYRIGHT_START_RE.match(line):
        return True
    return ("reserved" in low or "not be" in low) and bool(_COPYRIGHT_ANY_RE.search(line))


def _is_reprint(line: str, low: str) -> bool:
    if _REPRINT_START_RE.match(line):
        return True
    return ("authori" in low or "necessarily" in low) and bool(_REPRINT_ANY_RE.search(line))


def _is_breadcrumb(line: str) -> bool:
    parts = _BREADCRUMB_SPLIT_RE.split(line)
    if len(parts) < 2 or not all(parts):
        return False
    if _BREADCRUMB_HOME_RE.match(line):
        return True
    # Every step but the last is a short section name (no digits: "Oct 26, 2025 | 01:55 PM"
    # is a date line); the last may be the headline.
    return len(parts) >= 3 and all(
        words(p) <= 4 and not ends_sentence(p) and not any(c.isdigit() for c in p) for p in parts[:-1]
    )


def breadcrumb_tail(line: str) -> str:
    """The last step of a breadcrumb, which is often the headline."""
    return _BREADCRUMB_SPLIT_RE.split(line)[-1].strip()


def _is_language_menu(line: str) -> bool:
    """A site's language menu: "English हिन्दी Hindi বাংলা Bengali मराठी Marathi", three or more
    names of languages making up most of a short line (a sentence may name two)."""
    tokens = GLUED_WORDS_RE.sub(" ", line).lower().split()
    named = sum(t.strip(",|/·•") in _LANGUAGE_NAMES for t in tokens)
    return named >= 3 and named >= 0.4 * len(tokens)


def classify_lines(lines: Sequence[str]) -> list[Kind | None]:
    """Classify every line, then extend link-list headings over the links that follow them."""
    kinds = [classify_line(line) for line in lines]
    for i in _numbered_menu(lines):
        kinds[i] = Kind.NAV
    for i in range(1, len(lines)):
        if kinds[i] is Kind.NAV and kinds[i - 1] is None and _VIDEO_LENGTH_RE.match(lines[i]):
            kinds[i - 1] = Kind.CAPTION  # the video's title: "Funerals begin for victims" / "01:01 - Source: CNN"
    for i in range(len(lines)):
        if kinds[i] is None and (glued := _GLUED_LENGTH_RE.search(lines[i])):
            # A video's title with its length run on ("... texts from son1:16"), then its
            # description and its title again: the player's, not the story's.
            kinds[i] = Kind.CAPTION
            title = lines[i][: glued.start()].strip()
            again = next((j for j in range(i + 1, min(len(lines), i + 4)) if lines[j].strip() == title), None)
            for j in range(i + 1, (again or i) + 1):
                kinds[j] = Kind.CAPTION
    if Kind.RELATED not in kinds:
        return kinds
    total = sum(len(line) for line in lines) or 1
    last_story = max((j for j, k in enumerate(kinds) if k is None and is_story_paragraph(lines[j])), default=-1)
    offset = 0
    for i, line in enumerate(lines):
        if kinds[i] is Kind.RELATED:
            if offset / total >= 0.5 or last_story < i:
                # Near the end of the page: the rest is other stories, whatever it looks like.
                for j in range(i + 1, len(lines)):
                    if kinds[j] in (None, Kind.NOISE):
                        kinds[j] = Kind.RELATED
            else:
                # A box inside the story: drop its links, up to the next real paragraph.
                for j in range(i + 1, len(lines)):
                    if kinds[j] is None and is_story_paragraph(lines[j]):
                        break
                    kinds[j] = kinds[j] or Kind.RELATED
        offset += len(line)
    return kinds


def story_paragraphs(
    lines: Sequence[str],
    kinds: Sequence[Kind | None],
    *,
    title: str | None,
    title_index: int,
    start: int,
) -> list[str]:
    """The story's paragraphs in order.

    `start` is the first line of unmistakable prose; lines before it form the page header,
    where only a standfirst after the headline is kept. Inside the story, headline-like lines
    without end punctuation are links to other stories and are dropped, while short ALL-CAPS
    subheadings and questions ("What's next?") are kept. After the last sentence, only page
    furniture follows.
    """
    title_key = key(title) if title else None
    title_len = len(title) if title else -100
    last = max((i for i, k in enumerate(kinds) if k is None and _ends_story_text(lines[i])), default=-1)
    paragraphs: list[str] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        if kinds[i] is not None or i > last:
            continue
        # The headline repeated: only a line of about its length can be it.
        if abs(len(line) - title_len) <= title_len // 5 + 5 and key(line) == title_key:
            continue
        n = words(line)
        if i < start:
            # The header: keep a standfirst after the headline, nothing before it.
            if i <= title_index or is_all_caps(line) or not ((ends_sentence(line) and n >= 5) or n >= 8):
                continue
        elif not ends_sentence(line) and n < 25 and not (is_all_caps(line) and n <= 10) and not _is_list_item(line):
            continue
        if line in seen:  # captions and pull quotes repeated by the page
            continue
        seen.add(line)
        paragraphs.append(line)
    return paragraphs


def _numbered_menu(lines: Sequence[str]) -> list[int]:
    """Lines of a numbered menu: three or more short items in a row, numbered 1, 2, 3… and none
    ending like a sentence ("1. Inhalt", "2. Navigation", "6. Choose from 30 Languages")."""
    found: list[int] = []
    run: list[int] = []
    for i, line in enumerate([*lines, ""]):
        m = _MENU_ITEM_RE.match(line)
        if m and int(m.group(1)) == len(run) + 1 and words(line) <= 6 and not ends_sentence(line):
            run.append(i)
            continue
        if len(run) >= 3:
            found += run
        run = [i] if m and m.group(1) == "1" and words(line) <= 6 and not ends_sentence(line) else []
    return found


def _ends_story_text(line: str) -> bool:
    # A lead-in ending with ":" cannot end a story ("Suggested Topics:").
    return (ends_sentence(line) and words(line) >= 2 and not line.endswith(":")) or words(line) >= 25


def _is_list_item(line: str) -> bool:
    return line[:1] in "•·*–-▪◦●" and words(line) >= 2
