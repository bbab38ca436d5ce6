"""Is this page an article? Listing, product, forum, docs, service and contact pages are not.

A logistic model over cheap clues, each scaled to about [0, 1]: what the page declares
(JSON-LD types, og:type), the URL's shape, what the other field steps extracted (body,
byline, dates, title) and how the page is built (prose, links, repeated teaser and post
blocks, whether the main text starts inside one of several dated posts, <article> elements,
pagination, forms, prices, share buttons, links to other sites). No clue reads words of one
language in the page text, so the model holds for news in any language. WEIGHTS were fitted
by `benchmarks/pagetype.py --fit` on wcxb-dev (sites of many kinds) plus two all-news
corpora; refit them there rather than by hand.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from ..items import Article
from .page import ARTICLE_TYPES, POSTING_TYPES, Page, jsonld_types
from .text import CaselessPattern, clean_text, element_text, has_words, text_content, visible_text_nodes, word_count, words

ARTICLE_PROBABILITY = 0.5
BIAS = -5.108
# Fitted by `python -m benchmarks.pagetype --fit` on wcxb-dev plus aeb and fundus-dev (all news articles).
# Positive weights speak for an article, negative ones against; clues are in about [0, 1].
WEIGHTS: dict[str, float] = {
    "article_elements": 0.677,
    "body_in_posts": -1.550,
    "body_share": 1.177,
    "body_short": 0.006,
    "byline": 0.913,
    "external_links": 1.540,
    "forms": -0.759,
    "h1_is_title": 0.809,
    "headings": 0.275,
    "headline_in_article": 0.623,
    "headline_links": -0.380,
    "host_blog": 1.038,
    "host_docs": -2.056,
    "host_forum": -1.307,
    "ld_article": 1.934,
    "ld_date": -0.686,
    "ld_forum": -0.570,
    "ld_offering": -0.398,
    "ld_plain_page": -0.324,
    "ld_product": -1.612,
    "link_density": -0.882,
    "meta_author": 0.399,
    "meta_published": 0.637,
    "modified": 0.489,
    "og_article": 0.644,
    "og_product": -1.190,
    "page_words": 0.091,
    "pager_arrows": -0.269,
    "paragraph_words": 2.077,
    "paragraphs": -0.332,
    "post_blocks": -0.653,
    "prices": -0.529,
    "profile_links": -1.120,
    "profile_people": -1.221,
    "prose_share": 0.954,
    "published": 0.113,
    "rel_next": -0.635,
    "repeated_posts": -0.690,
    "share_links": 2.296,
    "tables": -0.224,
    "teaser_blocks": -0.222,
    "teasers": -0.284,
    "times": -0.397,
    "title_marks": 0.908,
    "title_words": 1.919,
    "url_article": 2.132,
    "url_date": 1.347,
    "url_depth": 0.643,
    "url_docs": -1.703,
    "url_ends_in_section": -0.942,
    "url_forum": -2.837,
    "url_home": -1.075,
    "url_long_slug": 0.771,
    "url_service": -1.250,
    "url_shop": -1.097,
    "url_slug_words": 1.471,
}

NEWS_ARTICLE_TYPES = frozenset(ARTICLE_TYPES) - {"TechArticle"}  # TechArticle is mostly docs
PRODUCT_TYPES = frozenset({"Product", "ProductGroup", "Offer", "AggregateOffer", "IndividualProduct"})
FORUM_TYPES = frozenset({*POSTING_TYPES, "QAPage", "Question"})

# Path segments (other than the last) that name the kind of section a page sits in.
_SECTION_SEGMENTS = {
    # Not "p": blogs and newsletters file posts under /p/ (Substack, many personal sites).
    "url_shop": r"products?|shop|store|cart|item|dp|buy|deals?|sale|checkout|ip|itm|app",
    "url_docs": r"docs?|documentation|reference|api|library|manual|guide|wiki|developers?|sdk|tutorial|kb|support|help",
    "url_forum": r"forums?|threads?|t|questions?|discussions?|community|comments|r|topic|answers",
    "url_service": r"services?|solutions?|pricing|plans|features?|about|contact|company|careers|enterprise|industries|platform",
    "url_article": r"blogs?|news|articles?|story|stories|posts?|insights?|magazine|opinion|features|journal|press|updates"
    # The same sections as news sites in other languages name them ("/presse/meldungen/", "/aktuelles/", "/noticias/").
    r"|newsroom|pressroom|aktuelles|aktuell|nachrichten|meldungen|kurzmeldungen|fachmeldungen|pressemitteilungen?|presse"
    r"|medienmitteilungen|artikel|beitrag|berichte?|blogg|actualites?|actualidad|noticias|noticies|notizie|nieuws|nyheter"
    r"|uutiset|wiadomosci|aktualnosci|relacja|haberler|zpravy|novinky",
}
_SECTION_PATTERNS = {name: re.compile(rf"^(?:{alternatives})$", re.IGNORECASE) for name, alternatives in _SECTION_SEGMENTS.items()}
# Listing sections end a URL as a section's front page ("/tag/budget/" is not, "/tag/" is); a page filed under one
# tells nothing of its own kind, so they count only for url_ends_in_section.
_LISTING_SEGMENT = re.compile(
    r"^(?:c|category|categories|collections?|tags?|topics?|archives?|search|page|authors?|sections?|browse|all)$", re.IGNORECASE
)
_SEGMENT_PARTS = re.compile(r"[-_]")
# Forum sections have short names ("t", "r", "topic") that a compound segment also holds: "/t-shirts/", "/topic-library/".
_WHOLE_SEGMENT_SECTIONS = frozenset({"url_forum"})
# Subdomains that name what a whole host serves ("docs.example.com", "forum.example.com").
_HOST_PATTERNS = {
    "host_docs": re.compile(r"^(?:docs?|developers?|dev|help|support|learn|api|wiki|kb|manual)$"),
    "host_forum": re.compile(r"^(?:forums?|community|discuss|talk|answers|groups)$"),
    "host_blog": re.compile(r"^(?:blogs?|news|magazine|press)$"),
}
_DATE_PATH = re.compile(r"/(?:19|20)\d{2}/[01]?\d/|(?:19|20)\d{2}-[01]\d-[0-3]\d|/(?:19|20)\d{2}[01]\d[0-3]\d")
_TITLE_MARKS = re.compile(r"^\d+\s|[?？¿]")  # "10 ways to ...", a question: headline shapes in any language
_PRICE = re.compile(r"[$€£¥₹]\s?\d|\d(?:[.,]\d\d)?\s?(?:€|USD|EUR|GBP)\b")
_PROFILE_LINK = CaselessPattern(r"/(?:u|user|users|members?|profiles?|people)/|member\.php|[?&](?:u|user|userid)=")
# The share endpoints of social networks and mail ("facebook.com/sharer", "twitter.com/intent/tweet", "mailto:?subject="):
# stories carry share buttons, service, product and docs pages seldom do.
_SHARE_LINK = CaselessPattern(
    r"sharer|/intent/tweet|(?:twitter|x)\.com/share|sharearticle|whatsapp://send|api\.whatsapp\.com/send"
    r"|pinterest\.com/pin/create|reddit\.com/submit|mailto:\?|/share\?url|addtoany|(?:telegram|t)\.me/share"
)
_LINK_HOST = re.compile(r"^(?:https?:)?//([^/?#:@]+)", re.IGNORECASE)
_POST_CLASS = re.compile(r"\b(?:post|message|reply|comment|answer)\b", re.IGNORECASE)
_PAGER_ARROW = re.compile(r"^[«‹←]|[»›→]$")
# "2024-08-10", "10.08.24", "14:03": a post's date or time written in digits, in any language.
_DIGIT_DATE = re.compile(r"(?<!\d)(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}:\d{2})(?!\d)")
OFFERING_TYPES = frozenset({
    "Service", "ProfessionalService", "LocalBusiness", "Course", "EducationalOccupationalProgram", "Event",
    "SoftwareApplication", "MobileApplication", "WebApplication", "FAQPage",
})
PLAIN_PAGE_TYPES = frozenset({"WebPage", "AboutPage", "ContactPage", "FAQPage", "ProfilePage"})
BLOCK_TAGS = frozenset({"div", "li", "article", "section", "tr"})
POST_TAGS = BLOCK_TAGS | {"tbody", "table"}  # old boards give each post its own table
TEASER_WORDS = 8
POST_WORDS = 40
PROSE_WORDS = 20
ANCHOR_WORDS = 8
TITLE_WORDS = 15
SHORT_BODY_WORDS = 150
SLUG_WORDS = 4
HEADLINE_LINK_WORDS = 5


def fill(page: Page, article: Article) -> None:
    """Set article.is_article from the page's clues."""
    article.is_article = article_probability(page, article) >= ARTICLE_PROBABILITY


def article_probability(page: Page, article: Article) -> float:
    """The model's probability that the page is an article."""
    clues = page_clues(page, article)
    score = BIAS + sum(weight * clues[name] for name, weight in WEIGHTS.items())
    return 1.0 / (1.0 + math.exp(-max(min(score, 30.0), -30.0)))


def page_clues(page: Page, article: Article) -> dict[str, float]:
    """Every clue the model reads, by name."""
    return declared_clues(page) | url_clues(page.url) | extracted_clues(article) | layout_clues(page, article)


def declared_types(page: Page) -> set[str]:
    """Every JSON-LD @type on the page."""
    return {kind for obj in page.jsonld for kind in jsonld_types(obj)}


def declared_clues(page: Page) -> dict[str, float]:
    """What the page says it is: JSON-LD types and dates, og:type, article:published_time, a meta author."""
    types = declared_types(page)
    og_type = (page.meta_value("og:type") or "").lower()
    return {
        "ld_article": float(bool(types & NEWS_ARTICLE_TYPES)),
        "ld_product": float(bool(types & PRODUCT_TYPES)),
        "ld_forum": float(bool(types & FORUM_TYPES)),
        "ld_offering": float(bool(types & OFFERING_TYPES)),
        "ld_plain_page": float(bool(types & PLAIN_PAGE_TYPES) and not types & NEWS_ARTICLE_TYPES),
        "ld_date": float(any(obj.get("datePublished") for obj in page.jsonld)),
        "og_article": float(og_type == "article"),
        "og_product": float(og_type.startswith("product")),
        "meta_published": float(page.meta_value("article:published_time") is not None),
        # <meta name=author> or article:author: a page that names who wrote it; service and product pages seldom do.
        "meta_author": float(page.meta_value("author", "article:author") is not None),
    }


def url_clues(url: str | None) -> dict[str, float]:
    """The URL's shape: home page, date, headline slug, depth, and the kind of section and host."""
    parts = urlsplit(url or "")
    segments = [segment for segment in parts.path.split("/") if segment]
    sections = segments[:-1]  # "/news" is the news section's front page, not a story filed under news
    # A compound segment names its section in a part: "/news-and-updates/", "/presse-medien/", "/support-services/".
    section_words = [*sections, *(part for segment in sections for part in _SEGMENT_PARTS.split(segment))]
    last = segments[-1] if segments else ""
    subdomains = (parts.hostname or "").split(".")[:-2]
    slug = slug_word_count(parts.path)
    return (
        {
            name: float(any(pattern.match(word) for word in (sections if name in _WHOLE_SEGMENT_SECTIONS else section_words)))
            for name, pattern in _SECTION_PATTERNS.items()
        }
        | {name: float(any(pattern.match(label) for label in subdomains)) for name, pattern in _HOST_PATTERNS.items()}
        | {
            "url_home": float(not segments and not parts.query),  # "/?p=123" is a post
            "url_date": float(bool(_DATE_PATH.search(parts.path))),
            "url_ends_in_section": float(any(pattern.match(last) for pattern in (_LISTING_SEGMENT, *_SECTION_PATTERNS.values()))),
            "url_slug_words": min(slug, 10) / 10,
            "url_long_slug": float(slug >= SLUG_WORDS),
            "url_depth": min(len(segments), 5) / 5,
        }
    )


def slug_word_count(path: str) -> int:
    """Words in the last path segment ("how-to-plant-tulips.html" has 4): headlines make long slugs."""
    segments = [segment for segment in path.split("/") if segment]
    slug = re.sub(r"\.\w+$", "", segments[-1]) if segments else ""
    return sum(part.isalpha() for part in re.split(r"[-_]", slug))


def extracted_clues(article: Article) -> dict[str, float]:
    """What the other field steps found: running prose, a byline, publication and modified dates, a headline-like title."""
    body = article.body or ""
    paragraphs = [paragraph for paragraph in body.split("\n\n") if paragraph.strip()]
    body_words = word_count(body)
    title = article.title or ""
    return {
        "body_short": float(body_words < SHORT_BODY_WORDS),
        "paragraph_words": scaled_log(body_words / len(paragraphs) if paragraphs else 0.0, 100),
        "paragraphs": scaled_log(len(paragraphs), 50),
        "byline": float(bool(article.authors)),
        # Any date the dates step trusts (visible, URL, metadata): stories are dated, service and docs pages mostly not.
        "published": float(article.published_at is not None),
        "modified": float(article.modified_at is not None),
        "title_words": min(len(words(title)), TITLE_WORDS) / TITLE_WORDS,
        "title_marks": float(bool(_TITLE_MARKS.search(title))),
    }


def layout_clues(page: Page, article: Article) -> dict[str, float]:
    """How the page is built: link density, prose, teasers, repeated blocks, forms, prices, forum posts, pagination,
    share buttons and links to other sites."""
    # The parser puts the one <body> under <html>: find() reaches it directly, where lxml.html's .body walks the
    # whole tree twice (//body|//x:body).
    body = page.tree.find("body")
    root = page.tree if body is None else body
    text_nodes = visible_text_nodes(root)  # one walk for the page text and the body_in_posts clue
    text = " ".join(text_nodes)
    page_words = max(len(words(text)), 1)
    link_texts = [text_content(link) for link in root.iter("a")]
    link_word_counts = [len(words(text)) for text in link_texts]
    headline_link_words = sum(count for count in link_word_counts if count >= HEADLINE_LINK_WORDS)
    teaser_blocks, post_blocks = repeated_blocks(root)
    article_elements = root.findall(".//article")
    hrefs = root.xpath(".//a/@href")
    profile_hrefs = [href for href in hrefs if _PROFILE_LINK.found_in(href)]
    return {
        "link_density": min(sum(link_word_counts) / page_words, 1.0),
        "headline_links": min(headline_link_words / page_words, 1.0),
        "body_share": min(word_count(article.body or "") / page_words, 1.0),
        "teasers": scaled_log(teaser_headings(root), 50),
        "headings": scaled_log(len(root.xpath(".//h2|.//h3|.//h4")), 100),
        "h1_is_title": float(h1_matches_title(root, article.title)),
        "forms": scaled_log(len(root.xpath(".//input|.//select|.//textarea|.//button")), 100),
        "prices": scaled_log(len(_PRICE.findall(text)), 50),
        "times": scaled_log(len(root.findall(".//time")), 30),
        "profile_links": scaled_log(len(profile_hrefs), 50),
        # A thread links many posters' profiles; a story links its one or two writers', however often.
        "profile_people": scaled_log(len({href.split("#")[0] for href in profile_hrefs}), 30),
        "share_links": scaled_log(sum(map(_SHARE_LINK.found_in, hrefs)), 10),
        "external_links": scaled_log(external_link_count(hrefs, page.host), 50),
        "repeated_posts": scaled_log(repeated_post_blocks(root), 50),
        "pager_arrows": float(any(_PAGER_ARROW.search(clean_text(text)) for text in link_texts)),
        "rel_next": float(bool(_PAGER_RELATIONS(page.tree))),
        "prose_share": min(prose_words(root) / page_words, 1.0),
        "page_words": scaled_log(page_words, 10000),
        # The story's own <article> holds its headline; a listing's teaser cards hold smaller headings.
        "headline_in_article": float(len(article_elements) == 1 and article_elements[0].find(".//h1") is not None),
        "article_elements": scaled_log(len(article_elements), 30),
        "teaser_blocks": scaled_log(teaser_blocks, 50),
        "post_blocks": scaled_log(post_blocks, 30),
        "tables": scaled_log(len(root.findall(".//table")), 10),
        "body_in_posts": float(body_in_dated_posts(text_nodes, article.body)),
    }


# Name tests in the path, not in a predicate: libxml2 matches a name while it walks, a predicate is evaluated per element.
_PAGER_RELATIONS = etree.XPath("//link[@rel='next' or @rel='prev'] | //a[@rel='next' or @rel='prev']")
_TEASER_HEADINGS = etree.XPath("count((.//h2 | .//h3 | .//h4)[.//a[@href] or ancestor::a[@href]])")
_UNLINKED_PARAGRAPHS = etree.XPath(".//p[not(ancestor::a)]")


def external_link_count(hrefs: list[str], host: str) -> int:
    """Links to other sites: stories cite their sources, a service or product page keeps the reader on its own site."""
    own = host.removeprefix("www.")
    return sum(bool(own) and own not in match.group(1).lower() for match in map(_LINK_HOST.match, hrefs) if match)


def teaser_headings(root: lxml.html.HtmlElement) -> int:
    """Headings that are (or hold) a link: the repeated teaser blocks of listing pages."""
    return int(_TEASER_HEADINGS(root))


def prose_words(root: lxml.html.HtmlElement) -> int:
    """Words in paragraphs of running text (20 words or more, not inside a link)."""
    counts = (len(words(text_content(paragraph))) for paragraph in _UNLINKED_PARAGRAPHS(root))
    return sum(count for count in counts if count >= PROSE_WORDS)


def sibling_groups(root: lxml.html.HtmlElement) -> Iterator[list[lxml.html.HtmlElement]]:
    """Three or more sibling blocks of one tag and class: cards, list items, posts."""
    # One pass over the block elements only: visiting every element's children costs twice as much.
    groups: dict[tuple[lxml.html.HtmlElement, str, str], list[lxml.html.HtmlElement]] = {}
    for block in root.iter(*BLOCK_TAGS):
        if block is not root:
            groups.setdefault((block.getparent(), block.tag, block.get("class", "")), []).append(block)
    yield from (members for members in groups.values() if len(members) >= 3)


def repeated_blocks(root: lxml.html.HtmlElement) -> tuple[int, int]:
    """The largest run of linked teaser blocks (a link and a few words each) and of post-sized blocks."""
    teasers = posts = 0
    for members in sibling_groups(root):
        texts = [text_content(member) for member in members]
        linked = sum(has_words(text, TEASER_WORDS) and member.find(".//a[@href]") is not None for member, text in zip(members, texts))
        teasers = max(teasers, linked)
        posts = max(posts, sum(has_words(text, POST_WORDS) for text in texts))
    return teasers, posts


def repeated_post_blocks(root: lxml.html.HtmlElement) -> int:
    """The largest number of elements sharing one post-like class: a thread's posts, a page's comments."""
    # Count the class values first: a page repeats a few of them on many elements, and each is tested once.
    counts = Counter(_CLASS_VALUES(root))
    return max((count for name, count in counts.items() if _POST_CLASS.search(name)), default=0)


# Plain strings: a "smart" one that knows its element costs more than the counting.
_CLASS_VALUES = etree.XPath(".//*/@class", smart_strings=False)


def body_in_dated_posts(text_nodes: list[etree._ElementUnicodeResult], body: str | None) -> bool:
    """Whether the main text starts inside one of several dated sibling blocks: a thread's first post,
    a hub's dated cards. A story's comments are such blocks too, but its main text starts before them."""
    start = body_start(text_nodes, body)
    if start is None:
        return False
    return any(can_be_post(block) and is_one_of_dated_posts(block) for block in (start, *start.iterancestors()))


def can_be_post(block: lxml.html.HtmlElement) -> bool:
    """Whether an element may wrap one post: a block or table, or a custom element (<shreddit-comment>, <forum-post>),
    whose name has a hyphen by the HTML standard; web-component boards build their posts from those."""
    return block.tag in POST_TAGS or (isinstance(block.tag, str) and "-" in block.tag)  # a comment node has no tag name


def body_start(text_nodes: list[etree._ElementUnicodeResult], body: str | None) -> lxml.html.HtmlElement | None:
    """The element holding the first run of page text (8 words or more) that the body step took."""
    flat = clean_text(body)
    if not flat:
        return None
    for node in text_nodes:
        text = clean_text(node)
        # Most nodes are a few words or blank: the word test fails sooner than a search of the body.
        if has_words(text, ANCHOR_WORDS) and text in flat:
            return node.getparent()
    return None


def is_one_of_dated_posts(block: lxml.html.HtmlElement) -> bool:
    """Whether `block` and two or more siblings of its tag and first class each hold prose and a date."""
    parent, kind = block.getparent(), first_class(block)
    if parent is None:
        return False
    siblings = [sibling for sibling in parent if sibling.tag == block.tag and first_class(sibling) == kind]
    # Most blocks have fewer than three such siblings: skip reading their text.
    return len(siblings) >= 3 and sum(holds_prose_and_date(sibling) for sibling in siblings) >= 3


def first_class(element: lxml.html.HtmlElement) -> str:
    """The first class name: posts alternate "post odd" and "post even" but share the first."""
    names = (element.get("class") or "").split()
    return names[0] if names else ""


# A date marked for scripts: a <time>, or an element carrying the moment in an attribute, as boards that write the date
# in words do ('<abbr data-time="1704067200">12 de enero</abbr>').
_DATE_MARK = etree.XPath(
    ".//time or .//*[@datetime or @data-time or @data-timestamp or @data-date or @data-datetime or @data-utime]"
)


def holds_prose_and_date(block: lxml.html.HtmlElement) -> bool:
    """A post: some words of text and a marked date (_DATE_MARK) or a date written in digits."""
    text = text_content(block)
    return has_words(text, PROSE_WORDS) and (bool(_DIGIT_DATE.search(text)) or _DATE_MARK(block))


def h1_matches_title(root: lxml.html.HtmlElement, title: str | None) -> bool:
    """Whether an <h1> reads like the extracted title."""
    wanted = clean_text(title).casefold()
    return bool(wanted) and any(element_text(h1).casefold() == wanted for h1 in root.iter("h1"))


def scaled_log(value: float, ceiling: float) -> float:
    """log(1 + value) scaled so that `ceiling` maps to 1 (and above it stays 1)."""
    return min(math.log1p(max(value, 0.0)) / math.log1p(ceiling), 1.0)
