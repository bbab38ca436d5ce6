"""Shown dates: the page's short lines that show a date, labelled or not, and which of them are the article's
(near its headline) rather than another story's (teasers, lists, comments, asides)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .boilerplate import furniture_containers
from .bylines import is_writer_page_link
from .dateparse import DIGIT, RELATIVE_DATE, find_date_span
from .metadata import same_host
from .page import Page
from .text import clean_text, element_text, text_content
from .urls import split_url

DateLines = list[tuple[lxml.html.HtmlElement, str]]  # a short line of text that may show a date, with its element
ShownDates = list[tuple[lxml.html.HtmlElement, str]]  # a date string the page shows, with the element showing it
MODIFIED_LABEL = re.compile(
    r"\b(?:last\s+)?(?:updated?|modified|edited|revised|aktualisiert|actualizado|mis\s+à\s+jour|"
    r"aggiornato|bijgewerkt|zaktualizowano|обновлено)\b\s*(?:on|at|am|el|le)?\s*:?",
    re.I,
)
_ENDS_WITH_MODIFIED_LABEL = re.compile(rf"(?:{MODIFIED_LABEL.pattern})\s*$", re.I)
PUBLISHED_LABEL = re.compile(
    r"\b(?:published|posted|publiée?|veröffentlicht|erschienen|publicado|pubblicato|gepubliceerd|opublikowano)\b\s*(?:on|at|am|el|le)?\s*:?",
    re.I,
)
# A forum poster's or profile's date line: when the member joined, not when the page was published.
_MEMBER_SINCE_LABEL = re.compile(
    r"(?:registered|joined|member\s+since|registriert(?:\s+seit)?|mitglied\s+seit|dabei\s+seit|"
    r"inscrit(?:e)?(?:\s+(?:le|depuis))?|miembro\s+desde|registrado(?:\s+desde)?)\b",
    re.I,
)
# The reader's clock a forum or portal prints ("Current time: 2026-03-05, 12:41 PM"): the day the page was served.
_CLOCK_LABEL = re.compile(r"(?:current\s+(?:time|date)|today\s+is|it\s+is\s+currently|heute\s+ist|aktuelle\s+zeit)\b", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_RESPONSE_ITEM = re.compile(r"schema\.org/(?:Comment|Answer|Review)\b", re.I)  # microdata items answering the page
_DATE_ARCHIVE = re.compile(r"/(?:19|20)\d{2}/\d{1,2}(?:/\d{1,2})?/?$")  # a path that lists a month's or a day's pages
_DATELINE_REACH = 60  # characters of a paragraph's start where its dateline is looked for
_DATELINE_DASH = re.compile(r"\s*[–—-]\s")
_LABEL_GAP = 3  # characters allowed between a label and its date
HEADLINE_REACH = 3  # levels above the headline that still make its block (header, article head)
_HEADING_TAGS = ("h1", "h2", "h3")
_SUBHEADING_TAGS = ("h2", "h3", "h4", "h5", "h6")  # a kicker or post header may be a date ("January 23, 2025")
_ASIDE_TAGS = frozenset({"aside", "nav", "footer", "blockquote"})  # a quotation's date is the quoted post's or tweet's
_LIST_ITEM_DEPTH = 4  # levels above a date where the item of a teaser list or comment thread is looked for
_LIST_MIN_ITEMS = 3
_ELEMENTS_BEFORE = etree.XPath("count(ancestor::* | preceding::*)")


def time_elements(page: Page) -> tuple[ShownDates, ShownDates]:
    """<time datetime> values: those marked as publication, and the others."""
    marked: ShownDates = []
    plain: ShownDates = []
    for element in page.tree.iter("time"):
        value = element.get("datetime") or element_text(element)
        parent = element.getparent()  # a <time> after an "Updated" label dates the update: not kept as either
        if parent is not None and MODIFIED_LABEL.search(element_text(parent)[:40]):
            continue
        (marked if marks_publication(element) else plain).append((element, value))
    return marked, plain


def marks_publication(element: lxml.html.HtmlElement) -> bool:
    """A <time pubdate>, or one whose microdata property is a publication or creation date of the page's own item:
    a Q&A page's question has a dateCreated, and its answers and comments each have their own."""
    if element.get("pubdate") is not None:
        return True
    prop = (element.get("itemprop") or "").lower()
    if "published" not in prop and "datecreated" not in prop:
        return False
    scope = next((node for node in element.iterancestors() if node.get("itemscope") is not None), None)
    return scope is None or not _RESPONSE_ITEM.search(scope.get("itemtype") or "")


def by_placement(page: Page, stated: ShownDates, plain: ShownDates) -> tuple[ShownDates, ShownDates]:
    """Shown dates in the order they speak for the article, split into the article's own (stated ones, with a
    publication label or mark, then plain ones in the headline's block) and the rest of the page's.

    Items of dated lists and anything in an aside are left out: sidebars, "recent posts" rails and comments carry
    dates of other things, and a page showing only those has its own date elsewhere (markup htmldate finds) or none.
    """
    headline = headline_ancestors(page)
    # Read only to rank shown dates: a page that shows none skips the walk over its containers.
    furniture = set(furniture_containers(page.tree)) if stated or plain else set()
    listed = dated_list_items([element for element, _ in [*stated, *plain]], headline)

    def rank(element: lxml.html.HtmlElement, is_stated: bool) -> tuple[int, int]:
        ancestors = [element, *element.iterancestors()]
        reach = next((headline[node] for node in ancestors if node in headline), None)
        # The headline's block is the article's, whatever its class says ("newsletter-post", "sponsored").
        near = reach is not None and reach <= HEADLINE_REACH
        aside = not near and any(node in furniture or node.tag in _ASIDE_TAGS for node in ancestors)
        if element in listed or aside or links_elsewhere(page, element):
            return 3, 0  # another story's date: left out
        if is_stated:
            return 0, 0
        # Near the headline: document order; elsewhere the order the sources were read in (times, then lines).
        return (1, document_position(element)) if near else (2, 0)

    ranked = [(rank(element, True), (element, text)) for element, text in stated]
    ranked += [(rank(element, False), (element, text)) for element, text in plain]
    ordered = sorted(ranked, key=lambda pair: pair[0])
    return [candidate for key, candidate in ordered if key[0] <= 1], [candidate for key, candidate in ordered if key[0] == 2]


def links_elsewhere(page: Page, element: lxml.html.HtmlElement) -> bool:
    """Whether a date line is a link to another page saying more than the date: a menu entry or a teaser's title
    ("12M – 12. Mai 2012", "15.10.11 umschwung") dates the page it links to. A link that is only the date or a
    labelled date, a link to the day's archive ("Published <a href=/2023/11/08/>November 8, 2023</a>") and a
    byline's link to its writer's page still date this page."""
    text = page.line_text(element) or ""
    span = find_date_span(text)
    if span is None or not _LETTER.search(PUBLISHED_LABEL.sub("", text[: span[0]] + text[span[1]:])):
        return False
    link = next(element.iterancestors("a"), None)
    if link is None:
        links = element.findall(".//a")
        link = links[0] if len(links) == 1 and element_text(links[0]) == text else None
    if link is None:
        return False
    target = page.absolute_url(link.get("href"))
    if target is None or same_page(page.url, target) or _DATE_ARCHIVE.search(urlsplit(target).path):
        return False
    return "author" not in (link.get("rel") or "").split() and not is_writer_page_link(link)


def same_page(url: str, other: str) -> bool:
    """Whether two URLs name one page (host and path alike, query, fragment and a trailing slash aside)."""
    first, second = urlsplit(url), urlsplit(other)
    return same_host(first, second) and first.path.rstrip("/") == second.path.rstrip("/")


def document_position(element: lxml.html.HtmlElement) -> int:
    """How many elements come before `element` in document order: counted for the few dates near the headline,
    not by numbering every element of the page."""
    return int(_ELEMENTS_BEFORE(element))


def dated_list_items(elements: list[lxml.html.HtmlElement], headline: dict[lxml.html.HtmlElement, int]) -> set[lxml.html.HtmlElement]:
    """The date elements inside one item of a run of like items (same tag and class) that each show a date:
    teasers, archive rows, comments. The headline's own containers are no such item."""
    dated = {node for element in elements for node in [element, *element.iterancestors()]}
    listed = set()
    # Counted once per parent and kind of item: a thread of thousands of dated comments is one list, not a square.
    alike_counts: dict[tuple[lxml.html.HtmlElement, str, str | None], int] = {}
    for element in elements:
        for node in [element, *element.iterancestors()][:_LIST_ITEM_DEPTH]:
            parent = node.getparent()
            if parent is None or node in headline:
                break
            kind = (parent, node.tag, node.get("class"))
            if kind not in alike_counts:
                alike_counts[kind] = sum(1 for sibling in parent if (sibling.tag, sibling.get("class")) == kind[1:] and sibling in dated)
            if alike_counts[kind] >= _LIST_MIN_ITEMS:
                listed.add(element)
                break
    return listed


def headline_ancestors(page: Page) -> dict[lxml.html.HtmlElement, int]:
    """The headline and its ancestors below <body>, each with how many levels it sits above the headline."""
    headline = next((heading for heading in page.tree.iter(*_HEADING_TAGS) if heading in page.consumed), None)
    if headline is None:
        headline = next((heading for heading in page.tree.iter("h1") if not is_site_logo(heading)), None)
    if headline is None:
        return {}
    # <body> holds the whole page: sharing it says nothing about being near the headline.
    return {node: level for level, node in enumerate([headline, *headline.iterancestors()]) if node.tag not in ("body", "html")}


def is_site_logo(heading: lxml.html.HtmlElement) -> bool:
    """A heading that is one link to a site's home page (the logo or site name in the page header), not a headline."""
    links = heading.findall(".//a")
    if len(links) != 1 or element_text(links[0]) != element_text(heading):
        return False
    target = split_url(links[0].get("href") or "")
    return "home" in (links[0].get("rel") or "").split() or target is not None and target.path in ("", "/")


def date_lines(page: Page) -> DateLines:
    """Elements with short text, where date lines live, and paragraphs led by a dateline, in document order."""
    lines: DateLines = []
    for element in page.tree.iter("p", "div", "span", "time", "small", "li", "address", "header", "td", *_SUBHEADING_TAGS):
        text = page.line_text(element)  # None for a wrapper: it holds the whole page
        if text is not None and (6 <= len(text) <= 120 or (element.tag == "p" and opens_with_dateline(text))):
            lines.append((element, text))
        elif text is not None and element.find("br") is not None:
            lines.extend((element, line) for line in broken_lines(element) if 6 <= len(line) <= 120 and DIGIT.search(line))
    return lines


def broken_lines(element: lxml.html.HtmlElement) -> list[str]:
    """The element's text cut at its own <br> line breaks, each piece cleaned ("Letzte Änderung: 31.10.2023<br>
    Erschienen am: 01.11.2023<br>Lesungen: 61")."""
    pieces = [element.text or ""]
    for child in element:
        if child.tag == "br":
            pieces.append(child.tail or "")
        else:  # a comment's text is not shown, only its tail
            pieces[-1] += (text_content(child) if isinstance(child.tag, str) else "") + (child.tail or "")
    return [clean_text(piece) for piece in pieces]


def opens_with_dateline(text: str) -> bool:
    """A paragraph led by its dateline: a date set off by a dash ("29.11.2022 – Mehrfach und vehement ...") or in
    parentheses ("(21. November 2022) Energieverbraucher erhalten ...")."""
    span = find_date_span(text[:_DATELINE_REACH])
    if span is None or not opens_with_date(text, span):
        return False
    if span[0]:  # after the opening parenthesis
        return text.startswith(")", span[1])
    return _DATELINE_DASH.match(text, span[1]) is not None


def opens_with_date(text: str, span: tuple[int, int]) -> bool:
    """Whether the date at `span` opens the text, bare or in parentheses."""
    return text[: span[0]] in ("", "(")


def labelled_text_dates(page: Page, lines: DateLines, label: re.Pattern[str]) -> ShownDates:
    """Dates right after a label ("Last update:", "Updated") anywhere in short text blocks."""
    values: ShownDates = []
    for element, text in lines:
        if DIGIT.search(text) is None:  # every date has a digit; most lines have none and need no label search
            continue
        for match in label.finditer(text):
            after = text[match.end():]
            span = find_date_span(after)
            # The date right after the label: "Published May 1 · Updated: May 2" has two.
            if span and span[0] <= _LABEL_GAP:
                if page.line_text(element) == text:  # a <br> piece's element holds more than its date line
                    page.consumed.add(element)
                values.append((element, after[span[0]:span[1]]))
    return values


def relative_text_dates(lines: DateLines) -> tuple[ShownDates, ShownDates]:
    """Relative dates in short lines ("By Jane Doe · 2 hours ago", "Updated 5 minutes ago"): those right after an
    update label, and the others. A member's or a clock's line is no date of the page."""
    updated: ShownDates = []
    other: ShownDates = []
    for element, text in lines:
        for match in RELATIVE_DATE.finditer(text):
            if _MEMBER_SINCE_LABEL.search(text[: match.start()]) or _CLOCK_LABEL.search(text[: match.start()]):
                continue
            after_update = _ENDS_WITH_MODIFIED_LABEL.search(text[: match.start()]) is not None
            (updated if after_update else other).append((element, match.group(0)))
    return updated, other


def unlabelled_text_dates(lines: DateLines) -> ShownDates:
    """Dates in short unlabelled lines such as "By A July 25, 2023": a date that fills a quarter of its line or opens
    it ("05.02.2020 Kategorie: Aktuelles, Jugendarbeit, Weltweit")."""
    values: ShownDates = []
    for element, text in lines:
        span = find_date_span(text)  # most lines show no date: the label tests are left for those that do
        if not span or MODIFIED_LABEL.match(text) or _MEMBER_SINCE_LABEL.match(text) or _CLOCK_LABEL.match(text):
            continue
        if span[1] - span[0] >= len(text) * 0.25 or opens_with_date(text, span) or text.lower().startswith("by "):
            values.append((element, text[span[0]:span[1]]))
    return values
