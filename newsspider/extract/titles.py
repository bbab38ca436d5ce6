"""Title: the page's headline, read from its headings and checked against the titles it declares (JSON-LD, og,
Twitter, <title>), without kickers, datelines, site and section names."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

import lxml.html

from ..items import Article
from .metadata import declares_article, first_article_object, in_page_furniture, jsonld_text, leads_above
from .page import Page
from .text import (
    alphanumeric_key,
    class_and_id,
    clean_text,
    element_text,
    joined,
    read_text,
    repaired_mojibake,
    text_content,
    text_pieces,
    without_invisible,
    words,
)

# Signs that part a title when spaced ("Headline | Site"); a pipe or a Korean "ㅣ" needs no spaces. " / " sets off the
# steps of a trail forum software writes after a thread's title ("Topic / Board / Forum").
_TITLE_SIGNS = "|–—·»/-"
_TITLE_SEPARATORS = re.compile(rf"\s+[{re.escape(_TITLE_SIGNS)}]\s+|\s*[|ㅣ]\s*")
# " : " and " • " also set off a site name (or a section name) at either end, but inside a headline a colon is
# punctuation ("Ukraine : la Russie").
_SITE_NAME_SIGNS = _TITLE_SIGNS + "•:"
_SITE_NAME_SEPARATORS = re.compile(rf"\s+[{re.escape(_SITE_NAME_SIGNS)}]\s+|\s*[|ㅣ]\s*")
_HIDDEN_HINTS = re.compile(r"offscreen|sr-only|visually-hidden|screen-reader")
# Parts of an <h1> above the headline proper: "Klimaschutz" over "Bohren, bis es heiß wird"; part of the
# headline when the publisher's declared title has them too.
_KICKER_HINTS = re.compile(r"kicker|overline|dachzeile|eyebrow|topline|roofline|supertitle")
# The part of an <h1> holding the headline proper; a "subheadline" is a kicker or subtitle beside it.
_HEADLINE_HINTS = re.compile(r"(?<!sub)headline")
# Parts of an <h1> that never belong to the headline: a forum thread's prefix tag, a date, a subtitle or tagline.
_LABEL_HINTS = re.compile(r"label|date|subtitle|tagline")
# What is left around a headline when its kicker is taken out: "Kicker: Headline" reads ": Headline".
_LOOSE_SEPARATORS = " :|–—-·•/"
_LOOSE_SIGN = rf"[{re.escape(_LOOSE_SEPARATORS.strip())}]"
_KICKER_END = re.compile(rf"\S\s*{_LOOSE_SIGN}\s+$")  # a kicker's separator, then a space
_LOOSE_ENDS = re.compile(rf"^{_LOOSE_SIGN}+\s+|\s+{_LOOSE_SIGN}+$")
_HELD_WORDS = 3  # a shorter declared title ("News") is too likely to begin or end any heading
_DATELINE = re.compile(r"(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})\s+[-–—|]\s+")
_SITE_PART_WORDS = 4  # a site name with a tagline ("Aura Official Site"); a longer part reads as a sentence
_SITE_KEY_LENGTH = 5  # shorter domain names ("ft", "bbc") are too likely to begin a headline word
# A product's variant after a spaced dash: its colour, size, pack or seller ("Ridge Wallet - Royal Black").
_VARIANT = re.compile(r"\s+[-–—]\s+")
_VARIANT_WORDS = 3  # a longer part describes the product ("Perfect Symphony, 250g Dose")
_PRODUCT_TYPES = ("Product", "ProductGroup")
_SENTENCE_END = re.compile(r"[.!?](?=\s+\S)")
_PARAGRAPH_WORDS = 30  # the longest headlines run to about 25 words
_VARIANT_SHARE = 0.2  # of a declared title's words an edited headline keeps (measured: 0.1 to 0.25 alike)


def fill(page: Page, article: Article) -> None:
    """Set the title; a step after metadata.fill, whose section name a title leaves out ("Politics | Headline")."""
    article.title = headline(page, article.section)


class Heading(NamedTuple):
    """A heading element and the ways it may read (`heading_readings`), read once."""

    element: lxml.html.HtmlElement
    readings: list[str]


def read_headings(elements: Iterable[lxml.html.HtmlElement], page: Page) -> list[Heading]:
    """The elements that read as anything, with their readings."""
    return [Heading(element, readings) for element in elements if (readings := heading_readings(element, page))]


def headings(page: Page) -> list[Heading]:
    """The page's <h1> elements that may hold the headline: with text, not the site's name or logo, not a paragraph,
    not a breadcrumb step."""
    return [
        heading
        for heading in read_headings(page.tree.iter("h1"), page)
        if not names_the_site(heading.element, page)
        and not is_paragraph(heading.readings[0])
        and not is_breadcrumb_step(heading.element)
    ]


def is_breadcrumb_step(heading: lxml.html.HtmlElement) -> bool:
    """An <h1> marked as the breadcrumb trail's last step ('class="Breadcrumb-element-link"', data-breadcrumb-headline)
    or set right inside the trail ("breadcrumb", "article__header__crumb") after its links: a copy of the title for
    search engines, often with an older wording; the visible headline is set elsewhere. A box merely named so,
    without links, may hold the headline."""
    parent = heading.getparent()
    in_trail = parent is not None and "crumb" in class_and_id(parent) and parent.find(".//a[@href]") is not None
    return in_trail or "crumb" in class_and_id(heading) or any("crumb" in name for name in heading.attrib)


def is_paragraph(text: str) -> bool:
    """Several sentences of many words: an introduction or a copyright line set in heading markup, not a headline."""
    return len(_SENTENCE_END.findall(text)) >= 2 and len(words(text)) >= _PARAGRAPH_WORDS


def names_the_site(heading: lxml.html.HtmlElement, page: Page) -> bool:
    """An <h1> that is the site's name, or a link to the home page or a section above this page (a logo)."""
    if alphanumeric_key(heading_text(heading)) in site_keys(page):
        return True
    links = [*heading.iterancestors("a"), *heading.iter("a")]
    return any(leads_above(page.absolute_url(link.get("href")), page.url) for link in links)


def heading_text(heading: lxml.html.HtmlElement, leave_out: frozenset[lxml.html.HtmlElement] = frozenset()) -> str:
    """The text of a heading as read, without the `leave_out` parts, entities decoded (some are escaped twice)."""
    return readable(read_text(heading, leave_out))


def readable(text: str) -> str:
    """`text` with entities decoded (some are escaped twice), a double encoding undone, invisible characters dropped,
    spaces collapsed."""
    return clean_text(without_invisible(repaired_mojibake(html.unescape(text))))


def heading_readings(heading: lxml.html.HtmlElement, page: Page) -> list[str]:
    """How an <h1> may read, labels and site name left out: without kickers and screen-reader parts first, then whole."""
    labels = marked_parts(heading, _LABEL_HINTS)
    # A class like "field--label-hidden" can mark the headline itself: a label is only left out beside other text.
    unread = permalinks(heading) | (labels if heading_text(heading, labels) else frozenset())
    # A copy drawn for the eye (words split into animated spans) hides from screen readers beside the text they read.
    unseen = unheard_parts(heading)
    unread |= unseen if heading_text(heading, unread | unseen) else frozenset()
    # A screen-reader copy of the headline is left out; a screen-reader ": " between kicker and headline is not.
    hidden = frozenset(part for part in marked_parts(heading, _HIDDEN_HINTS) if alphanumeric_key(text_content(part)))
    kickers = marked_parts(heading, _KICKER_HINTS) | small_lines(heading) | parts_before_hidden_separator(heading)
    # Without kickers: the part marked as the headline proper, else the heading without the parts marked as kickers.
    proper = headline_part(heading)
    bare = heading_text(proper, unread | hidden) if proper is not None else heading_text(heading, unread | hidden | kickers)
    readings = [bare.strip(_LOOSE_SEPARATORS), heading_text(heading, unread), heading_text(heading, unread | hidden)]
    readings = [without_dateline(without_site_name(undecorated(reading), page)) for reading in readings]
    return [reading for reading in dict.fromkeys(readings) if reading]


def headline_part(heading: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The one part of `heading` marked as the headline proper, beside a kicker or label in markup of its own
    ('<span class="red">"Zitat"</span><span class="article-head_headline">Trump spricht</span>')."""
    parts = [part for part in marked_parts(heading, _HEADLINE_HINTS) if alphanumeric_key(text_content(part))]
    return parts[0] if len(parts) == 1 else None


def small_lines(heading: lxml.html.HtmlElement) -> frozenset[lxml.html.HtmlElement]:
    """<small> parts of `heading` set on a line of their own by a <br>: a kicker or subtitle above or below the
    headline. Small words inside the headline's line are its own."""
    return frozenset(small for small in heading.iterdescendants("small") if on_own_line(small))


def on_own_line(element: lxml.html.HtmlElement) -> bool:
    """Whether a <br> comes right after `element`, or right before it, with no text in between."""
    following, preceding = element.getnext(), element.getprevious()
    break_after = following is not None and following.tag == "br" and not (element.tail or "").strip()
    break_before = preceding is not None and preceding.tag == "br" and not (preceding.tail or "").strip()
    return break_after or break_before


def unheard_parts(heading: lxml.html.HtmlElement) -> frozenset[lxml.html.HtmlElement]:
    """Descendants of `heading` marked aria-hidden that hold words: screen readers skip them. A hidden separator
    ("Kicker – Headline") still parts what it stands between."""
    return frozenset(e for e in hidden_parts(heading) if alphanumeric_key(text_content(e)))


def parts_before_hidden_separator(heading: lxml.html.HtmlElement) -> frozenset[lxml.html.HtmlElement]:
    """The parts of `heading` set before a separator hidden from screen readers, a sign drawn only for the eye
    ('<span>Coronavirus und andere Zoonosen</span><span aria-hidden="true"> – </span><span>Wie ...</span>'): a
    kicker, which screen readers hear apart from the headline."""
    return frozenset(
        part
        for separator in hidden_parts(heading)
        if text_content(separator).strip() and not alphanumeric_key(text_content(separator))
        for part in separator.itersiblings(preceding=True)
        if isinstance(part.tag, str)
    )


def hidden_parts(heading: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """Descendants of `heading` marked aria-hidden."""
    return [e for e in heading.iterdescendants() if isinstance(e.tag, str) and e.get("aria-hidden") == "true"]


def undecorated(text: str) -> str:
    """`text` without the signs a heading is drawn with before its words: arrows, bullets, icons ("[> Jens Weber",
    "► News"). Signs joined to a word ("<table>", "$1 bill") are the words' own."""
    lead, _, rest = text.partition(" ")
    return rest.strip() if lead and rest and all(is_decoration(char, text) for char in lead) else text


def is_decoration(char: str, text: str) -> bool:
    """A symbol other than a currency sign, or a bracket left unclosed in `text`."""
    category = unicodedata.category(char)
    return char in "[]" and text.count("[") != text.count("]") or category.startswith("S") and category != "Sc"


def without_dateline(text: str) -> str:
    """`text` without a date set before it with a dash ("23.01.2022 - Wierer darf jubeln"): a dateline."""
    match = _DATELINE.match(text)
    return text[match.end():] if match and match.end() < len(text) else text


def permalinks(heading: lxml.html.HtmlElement) -> frozenset[lxml.html.HtmlElement]:
    """Links to the heading's own anchor drawn as a sign ("¶", "#"), as documentation pages add them."""
    return frozenset(
        link
        for link in heading.iter("a")
        if (link.get("href") or "").startswith("#") and not alphanumeric_key(readable(text_content(link)))
    )


def marked_parts(heading: lxml.html.HtmlElement, hints: re.Pattern[str]) -> frozenset[lxml.html.HtmlElement]:
    """Descendants of `heading` whose class or id matches `hints`."""
    return frozenset(e for e in heading.iterdescendants() if isinstance(e.tag, str) and hints.search(class_and_id(e)))


def structured_titles(page: Page, section_name: str | None) -> list[str]:
    """Headline values the page declares: JSON-LD headline/name, og:title, twitter:title, dc.title; not the site's name
    alone below the home page."""
    article = first_article_object(page)
    values = [
        jsonld_text(article.get("headline")) or jsonld_text(article.get("name")),
        page.meta_value("og:title"),
        page.meta_value("twitter:title"),
        page.meta_value("dc.title"),
    ]
    # Only the site's name ("Bombas" on a page of socks) names no page but the home page.
    site_only = set() if page.is_front_page else site_keys(page)
    named = [value for value in values if value and alphanumeric_key(value) not in site_only]
    return [declared_headline(value, page, section_name) for value in named]


def declared_headline(value: str, page: Page, section_name: str | None) -> str:
    """A declared title without the site name and the page's `section_name` around it."""
    return without_dateline(without_section(without_site_name(readable(value), page), section_name))


def without_site_name(text: str, page: Page) -> str:
    """`text` without a trailing " | Site Name" part, else a leading one, else a leading host name."""
    separators = list(_SITE_NAME_SEPARATORS.finditer(text))
    if not separators:
        return without_host_name(text, page)
    # From the last separator back, since a site name can hold one itself: "| AOC media - Analyse Opinion Critique".
    trailing = next((sep for sep in reversed(separators) if is_site_name(text[sep.end():], page)), None)
    if trailing is not None:
        return text[: trailing.start()]
    # A site name leads a title without a tagline: "Parallels Desktop for Mac" is a headline on parallels.com.
    if alphanumeric_key(text[: separators[0].start()]) in site_keys(page):
        return text[separators[0].end():]
    return without_host_name(text, page)


def without_host_name(text: str, page: Page) -> str:
    """`text` without the site's host name set before it with a space alone ("davidbau.com Vibe Coding"): a name
    written with its dot names the site, not the headline's first word."""
    lead, _, rest = text.partition(" ")
    host = page.host.casefold().removeprefix("www.")
    return rest if rest and lead.casefold().removeprefix("www.") == host else text


def without_section(text: str, name: str | None) -> str:
    """`text` without a trailing "- Section" part naming the page's section ("Headline - Politics | Site")."""
    if not name:
        return text
    match = re.search(rf"\s*[{re.escape(_SITE_NAME_SIGNS)}ㅣ]\s*{re.escape(name)}$", text, re.IGNORECASE)
    return text[: match.start()] if match and match.start() > 0 else text


def is_site_name(part: str, page: Page) -> bool:
    """A title part that names the site: its og:site_name or initials, its host name alone or with a tagline
    ("AOC media - Analyse"), or the name inside its domain ("DianaHR" on getdianahr.com)."""
    key = alphanumeric_key(part)
    domain = domain_name(page)
    if not key:
        return False
    if key in site_keys(page) or key == initials(page.meta_value("og:site_name") or ""):
        return True
    if any(extends_site_name(part, name) for name in (page.meta_value("og:site_name") or "", domain)):
        return True
    return len(domain) >= _SITE_KEY_LENGTH and key.startswith(domain) or len(key) >= _SITE_KEY_LENGTH and key in domain


def extends_site_name(part: str, name: str) -> bool:
    """A title part that is the site's name with words added ("REI Co-op", "Aura Official Site") or with its last
    words cut ("Thrive Internet Marketing" for "Thrive Internet Marketing Agency"). Whole words only, so that "Rei"
    never names the site in "Reindeer", and a cut name keeps two words, so that "The" never names "The Times"."""
    part_words, name_words = words(part.casefold()), words(name.casefold())
    if not name_words or len(part_words) > _SITE_PART_WORDS:
        return False
    if part_words[: len(name_words)] == name_words:
        return True
    return len(part_words) >= 2 and name_words[: len(part_words)] == part_words


def initials(name: str) -> str:
    """The initials of a name of three words or more, as its acronym: "wfa" for "World Future Awards"."""
    name_words = words(name.casefold())
    return "".join(word[0] for word in name_words) if len(name_words) >= 3 else ""


def site_keys(page: Page) -> set[str]:
    """The site's name as alphanumeric_key gives it: og:site_name, the host, the domain name."""
    host = page.host.removeprefix("www.")
    return {alphanumeric_key(page.meta_value("og:site_name") or ""), alphanumeric_key(host), domain_name(page)} - {""}


def domain_name(page: Page) -> str:
    """The registered name of the host, normalised: "nytimes" for www.nytimes.com."""
    return alphanumeric_key(page.host.removeprefix("www.").rsplit(".", 1)[0].rsplit(".", 1)[-1])


def document_titles(title: str, page: Page, section_name: str | None) -> tuple[list[str], list[str]]:
    """The <title>'s `title` as headlines may repeat it: whole (without the site name, then as written), and whole then
    its parts split at " | ", " - " and the like."""
    text = without_loose_separators(title)
    if not text:
        return [], []
    whole = list(dict.fromkeys([declared_headline(text, page, section_name), text]))
    pieces = _TITLE_SEPARATORS.split(text)
    pieces += [lead for piece in [text, *pieces] if (lead := before_colon(piece))]
    kept = [piece for piece in pieces if piece != text and not is_site_name(piece, page)]
    return whole, list(dict.fromkeys([*whole, *kept]))


def document_title(page: Page) -> str:
    """The <title>'s text as read (`readable`), or "" without one."""
    element = page.tree.find(".//title")
    return readable(element_text(element)) if element is not None else ""


def without_loose_separators(text: str) -> str:
    """`text` without a separator left at either end with nothing beyond it ("National Rail Enquiries -"): a site
    template whose headline or site name part was empty."""
    return _LOOSE_ENDS.sub("", text)


def before_colon(text: str) -> str:
    """What a title says before ": ", a part a heading may repeat: the page's own name when the rest is written
    for search engines ("Hiking Boots: Shop Boots for Hiking & Backpacking")."""
    lead, colon, _ = text.partition(": ")
    return lead.rstrip() if colon else ""


def same_title(a: str, b: str) -> bool:
    return a.casefold() == b.casefold()


def headline(page: Page, section_name: str | None) -> str | None:
    """The headline as written, its lead segment if a pipe sets keywords after it, a product's name without its
    variant."""
    written = written_headline(page, section_name)
    if not written:
        return written
    lead = lead_segment(written)
    return product_name(lead) if is_product_page(page) else lead


def is_product_page(page: Page) -> bool:
    """A page about a product or a group of products: shared as one, or a JSON-LD Product."""
    return shared_as_product(page) or next(page.jsonld_objects(*_PRODUCT_TYPES), None) is not None


def shared_as_product(page: Page) -> bool:
    """A shop's page: og:type product or product.group. (A JSON-LD Product also describes software, services and
    reviewed things on pages that are no shop's.)"""
    return (page.meta_value("og:type") or "").casefold().startswith("product")


def product_name(text: str) -> str:
    """A product's name without the variant a short part after a spaced dash gives: its colour, size, pack or seller
    ("Ridge Wallet - Royal Black", "CBD Relax Berries - (30ct) 300mg"). A one-word lead is a brand before the name
    ("Microsoft - Surface Laptop"), so that title is kept whole."""
    name, *variant = _VARIANT.split(text, maxsplit=1)
    if variant and len(words(name)) >= 2 and len(words(variant[0])) <= _VARIANT_WORDS:
        return name
    return text


def lead_segment(text: str) -> str:
    """What a title says before its first " | ": the words after a pipe are keywords or a tagline written for search
    engines ("Cloudflare CDN | Content Delivery Network"). A one-word lead ("Opinion | ...") is a label, not the
    headline, so that title is kept whole."""
    lead, pipe, _ = text.partition(" | ")
    return lead if pipe and len(words(lead)) >= 2 else text


def written_headline(page: Page, section_name: str | None) -> str | None:
    """The headline: a heading declared data confirms (an <h1>, else a blog post's <h2>), else the declared headline,
    <title>, first <h1>; each declared title without the page's `section_name`."""
    title = document_title(page)
    structured = structured_titles(page, section_name)
    whole_document, document = document_titles(title, page, section_name)
    candidates = headline_candidates(page, name_after_title(title, page, structured))
    found = confirmed_heading(page, candidates, structured, document) or confirmed_post_title(
        page, candidates, structured, whole_document, document
    )
    if found is not None:
        page.consumed.add(found[0])  # the headline is not body text
        return found[1]
    return unconfirmed_headline(page, candidates, structured, document)


def headline_candidates(page: Page, site_part: str | None) -> list[Heading]:
    """The <h1>s that may hold the headline, less one that is the <title>'s `site_part`; without one such <h1>, the
    headline the page's microdata marks stands in for it (a blog's <h2 itemprop="headline">)."""
    candidates = [h for h in headings(page) if alphanumeric_key(heading_text(h.element)) != site_part]
    if len(candidates) != 1:
        candidates = microdata_headline(page) or candidates
    return candidates


def confirmed_heading(
    page: Page, candidates: list[Heading], structured: list[str], document: list[str]
) -> tuple[lxml.html.HtmlElement, str] | None:
    """The candidate a declared title repeats or holds, else one sharing most of its words (an edited headline), and
    its headline."""
    # A heading the publisher's own headline data repeats beats one only a <title> part repeats (often a section name).
    for declared in (structured, document):
        found = (
            confirmed_title(candidates, declared, structured + document)
            # The <title> as a whole only: its parts ("Kicker - Headline | Site") would cut any heading apart.
            or first_held_title(candidates, declared[:1] if declared is document else declared)
        )
        if found is not None:
            return found
    # Else a heading whose first reading (without kickers and site name) an edited declared title shares words with.
    related = next((h for h in candidates if any(is_variant(h.readings[0], v) for v in structured + document)), None)
    if related is None:
        return None
    return related.element, declared_tail(related.readings[0], structured, is_product_page(page)) or related.readings[0]


def confirmed_post_title(
    page: Page, candidates: list[Heading], structured: list[str], whole_document: list[str], document: list[str]
) -> tuple[lxml.html.HtmlElement, str] | None:
    """The <h2> or <h3> a declared title repeats, and its headline: a blog post's title under the blog's name."""
    # Blogs set their name in the <h1> and each post's title in an <h2>. Beside an article's one <h1>, an <h2> only a
    # part of the <title> repeats is a section of the text ("What is social commerce?" under "What is Social
    # Commerce - A guided introduction"): only a whole title counts there.
    post_titles = subheadings(page)
    whole_only = len(candidates) == 1 and declares_article(page)
    for declared in (structured, whole_document if whole_only else document):
        found = confirmed_title(post_titles, declared, structured + document)
        if found is not None:
            return found
    return None


def unconfirmed_headline(page: Page, candidates: list[Heading], structured: list[str], document: list[str]) -> str | None:
    """The headline no declared title confirms: an article's or a shop's only <h1>, else the declared headline most
    sources agree on, else the only or first <h1>, else the <title> without the site name."""
    # An article's only <h1> is its headline as readers see it, whatever its og:title says to social media; a shop's
    # names its product or category, whatever its og:title says to search engines ("Buy Microphones at Thomann").
    if len(candidates) == 1 and (declares_article(page) or shared_as_product(page)):
        return candidates[0].readings[0]
    if structured:
        return agreed_title(structured)
    # A page's only <h1> names it better than a <title> written for search engines ("Blockhaus Typ 3 in Ludorf. Günstige …").
    if len(candidates) == 1 or candidates and not document:
        return candidates[0].readings[0]
    return longest_title_part(document[0], page) if document else None


def microdata_headline(page: Page) -> list[Heading]:
    """The one element the page's microdata marks as its headline (itemprop="headline"), unless it is the site's name
    (a WPHeader's "headline" linking home); none when several are marked."""
    marked = [
        element
        for element in page.tree.iterfind(".//*[@itemprop]")
        if "headline" in element.get("itemprop", "").split() and not names_the_site(element, page)
    ]
    found = read_headings(marked, page)
    return found if len(found) == 1 else []


def name_after_title(title: str, page: Page, structured: list[str]) -> str | None:
    """What a two-part <title> (`title`) sets after the page's own title, normalised: the place of the site's name, a
    book's or a wiki's ("What is Ownership? - The Rust Programming Language"), which an <h1> in its menu bar repeats.
    Nothing (None) when the site's name leads the title ("TypeScript: Documentation - Creating Types from Types") or a
    `structured` headline is that part ("Kicker - Headline")."""
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) != 2 or any(is_site_name(lead, page) for lead in (parts[0], before_colon(parts[0]))):
        return None
    tail = alphanumeric_key(parts[1])
    return None if not tail or tail in {alphanumeric_key(value) for value in structured} else tail


def agreeing_reading(readings: list[str], declared: list[str]) -> str | None:
    """The heading's headline a declared title repeats, whatever the spacing and punctuation.

    Its text without kicker, also when a declared title sets the kicker after it; else the declared text: kicker and
    headline sit on lines of their own, and only the declared title has the punctuation that joins them
    ("Kicker: Headline").
    """
    by_key = {alphanumeric_key(value): value for value in reversed(declared)}
    by_key.pop("", None)
    headline, *whole = readings
    if alphanumeric_key(headline) in by_key or any(key in by_key for key in kicker_set_after(headline, whole)):
        return headline
    return next((by_key[alphanumeric_key(reading)] for reading in whole if alphanumeric_key(reading) in by_key), None)


def kicker_set_after(headline: str, whole: list[str]) -> list[str]:
    """The heading's `headline` then its kicker, normalised: a declared title written so ("Daten von Rheinmetall
    gehackt - Interne Unterlagen im Netz" for the <h1> "Interne Unterlagen im Netz: Daten von Rheinmetall gehackt")
    sets the kicker apart from the headline, which stands alone."""
    bare = alphanumeric_key(headline)
    kickers = [text[: -len(bare)] for text in map(alphanumeric_key, whole) if bare and text.endswith(bare) and text != bare]
    return [bare + kicker for kicker in kickers]


def subheadings(page: Page) -> list[Heading]:
    """<h2> and <h3> elements outside navigation, sidebars and footers."""
    return read_headings((heading for heading in page.tree.iter("h2", "h3") if not in_page_furniture(heading)), page)


def confirmed_title(
    candidates: list[Heading], declared: list[str], every_declared: list[str]
) -> tuple[lxml.html.HtmlElement, str] | None:
    """The heading a `declared` title repeats, and its headline read against `every_declared` title. Of several, the
    one repeating the most words: a shorter one repeats a section name among the <title>'s parts ("Zoll online -
    Fachmeldungen - Verkündung des Gesetzes" over <h1>s "Fachmeldungen" and "Verkündung des Gesetzes")."""
    agreed = [(heading, reading) for heading in candidates if (reading := agreeing_reading(heading.readings, declared))]
    if not agreed:
        return None
    heading, _ = max(agreed, key=lambda pair: len(words(pair[1])))
    return heading.element, agreeing_reading(heading.readings, every_declared) or ""


def first_held_title(candidates: list[Heading], declared: list[str]) -> tuple[lxml.html.HtmlElement, str] | None:
    """The first heading holding a declared title beside other markup, and that title."""
    for heading in candidates:
        held = held_title(heading.element, declared)
        if held:
            return heading.element, held
    return None


def held_title(heading: lxml.html.HtmlElement, declared: list[str]) -> str | None:
    """The part of a heading a declared title repeats when the rest is separate markup: a kicker or a date line."""
    pieces = [piece for piece in text_pieces(heading) if alphanumeric_key(piece)]
    keys = {alphanumeric_key(value) for value in declared if len(words(value)) >= _HELD_WORDS}
    splits = [(pieces[:cut], pieces[cut:]) for cut in range(1, len(pieces))]
    for part in (side for split in splits for side in split):
        if alphanumeric_key("".join(part)) in keys:
            return readable(joined(part)).strip(_LOOSE_SEPARATORS)
    return None


def declared_tail(heading: str, declared: list[str], product: bool) -> str | None:
    """The end of a heading that every declared title gives alone, after a kicker set off by a separator in the same
    text ("Energiewende Oberland: Klimavorreiter Oberland?" declared as "Klimavorreiter Oberland?"); on a `product`
    page after the brand or range a shop sets before the product's name without one ("UPLIFT V3 24" Deep Standing
    Desk" declared as '24" Deep Standing Desk')."""
    tails = {value.casefold() for value in declared}
    if len(tails) != 1:
        return None
    tail = tails.pop()
    kicker = heading[: len(heading) - len(tail)]
    # A separator then a space: "Super-Headline" is one word, not a kicker "Super" and a headline.
    set_off = _KICKER_END.search(kicker) or product and kicker.endswith(" ") and len(words(tail)) >= 2
    return heading[len(kicker):] if heading.casefold().endswith(tail) and set_off else None


def is_variant(heading: str, declared: str) -> bool:
    """A heading that shares most of its words with a declared title, and a fair part of the declared title's: an
    edited headline, not a logo, nor a section label sharing a word with a description ("M&A Updates" beside a
    33-word twitter:title "Kroll Cybersecurity Software Sector M&A Industry Insights ...")."""
    heading_words, declared_words = set(words(heading.casefold())), set(words(declared.casefold()))
    shared = len(heading_words & declared_words)
    return len(heading_words) >= 3 and shared >= 0.5 * len(heading_words) and shared >= _VARIANT_SHARE * len(declared_words)


def agreed_title(structured: list[str]) -> str:
    """The declared headline most sources agree on (the first on a tie)."""
    return max(structured, key=lambda value: sum(same_title(value, other) for other in structured))


def longest_title_part(text: str, page: Page) -> str:
    """The longest part of a <title> once the site's name is gone from it (`without_site_name`) and from between its
    separators: the headline, as a last resort."""
    text = without_site_name(text, page)
    parts = _TITLE_SEPARATORS.split(text)
    if len(parts) == 1:
        return text
    kept = [part for part in parts if not is_site_name(part, page)]
    return max(kept or parts, key=len)
