"""Bylines: a list of person names, with news agencies kept apart."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from copy import deepcopy
from functools import lru_cache
from itertools import chain
from typing import Any
from urllib.parse import urlsplit

import lxml.html

from ..items import Article
from .credits import (
    AUTHOR_LABEL,
    BAR_BETWEEN,
    COMMENT_VERB,
    LEADING_BARS,
    clean_name,
    completed_name,
    given_name_first,
    is_account_name,
    is_agency,
    is_group_credit,
    is_publication_title,
    looks_like_person,
    name_as_typed,
    parse_byline,
    split_people_and_agencies,
)
from .dateparse import find_date_span
from .metadata import as_list, same_host
from .page import ARTICLE_TYPES, POSTING_TYPES, Page, jsonld_types
from .text import (
    alphanumeric_key,
    class_and_id,
    clean_text,
    element_text,
    joined_class_and_id,
    joined_text_length,
    read_text,
    short_element_text,
    text_pieces,
    words,
)


# Between a date and the names after it: "Dec 17, 2025 · Jane Doe", "25.10.2022 - Reiner Nagel".
_DATE_NAME_SEPARATOR = re.compile(rf"\s*{BAR_BETWEEN}")
# Between a name and the date after it: "Sehernur Karsu | 05.04.2025".
_NAME_DATE_SEPARATOR = re.compile(rf"{BAR_BETWEEN}\s*$")
_DATED_SIGNATURE_LENGTH = 80  # characters: a date and one name, not a teaser
# A marker word, not a longer word that contains it ("authorization", "writeReview").
_BYLINE_MARKER = re.compile(r"(?<![a-z])(?:by-?line|author|writer|contributor)(?!i[tz]|ing|eview)")
_CAMEL_CASE_BOUNDARY = re.compile(r"(?<=[a-z])(?=[A-Z])")
_LINE_END = "\u2028"  # marks a <br> while a byline is read line by line
_BYLINE_LENGTH = 200  # characters: longer text is a biography, a teaser or a whole post, not a byline
# Readers' comments, testimonials, product reviews, and listings of related articles: their writers are not the
# article's.
_RESPONSE_MARKER = re.compile(
    r"(?<![a-z])(?:comment|testimonial|(?:product|customer|user)[-_]?review|reviews(?![a-z])|listing|related"
    r"|customers(?![a-z]))|quote"
)
_AUTHOR_META = (
    "author", "article:author", "articleauthor", "dc.creator", "parsely-author", "sailthru.author",
    "shareaholic:article_author_name",
)
# The page's article may be the main entity of its WebPage item, and its authors are the page's.
_NESTED_ITEM_AUTHOR = (
    '//meta[@itemprop="author"]'
    '[ancestor::*[@itemscope][1][@itemprop and not(@itemprop="mainEntity" or @itemprop="mainEntityOfPage")]]'
)
# Scholarly pages' citation tags, one writer a tag, often written "Last, First" ("Roy, Aniruddha").
_CITATION_META = ("citation_author", "citation_authors")
# "Written by" as a label before the name, in a Twitter card or a page; a bar may set it off ("| By").
# Case matters for the short foreign words: "POR" is Portland's team code, not "by".
_WRITTEN_BY_LABEL = re.compile(
    rf"{LEADING_BARS}(?:(?i:(?:written\s+)?by|verfasst\s+von|geschrieben\s+von|escrito\s+por|écrit\s+par|scritto\s+da|{AUTHOR_LABEL})"
    r"|[Vv]on|[Pp]or|[Pp]ar)\s*:?\s*$"
)
# An English "By" line without markup; other languages' "von", "par" are too common in running text.
# A rule or bar before it ("| By", "— by") sets the credit apart from the title.
_BY_LINE_START = re.compile(rf"{LEADING_BARS}(?:(?:written|posted|words|story|text|reporting)\s+)?by\b", re.I)
# A writer's own page: /author/jane-doe/, /autoren/max/, /contributors/x; the slug is the last part.
_WRITER_PAGE_FOLDERS = r"authors?|autor(?:en|in)?|auteurs?|writers?|contributors?|journalists?"
# Inside a byline a user's profile is the writer's page too: "/users/4818/kumikogoingcrazy", "/user/julian";
# elsewhere on a page such links are a members' widget.
_AUTHOR_PAGE_PATH = re.compile(rf"/(?:{_WRITER_PAGE_FOLDERS}|users?|members?)/[^/?#]", re.I)
_AUTHOR_PAGE_SLUG = re.compile(rf"/(?:{_WRITER_PAGE_FOLDERS})/([^/?#]+?)/?(?:[?#]|$)", re.I)
# The words of a "see all posts" or "Zum Profil von ..." link to an author page, which is not the byline's name.
_SEE_MORE_WORDS = re.compile(
    r"\b(?:more|posts|articles|view|see|all|profile|profil|bio|biography|alle|alles|mehr|artikel|beiträge|autorenseite)\b", re.I
)
# Credits for other work than the writing, before a linked name.
_OTHER_CREDIT = re.compile(
    r"(?:edited|reviewed|fact[- ]checked|checked|photos?|photographs?|illustrat\w*|translated|produced)\s+by\s*:?\s*$"
    r"|(?:editor|reviewer)\s*:?\s*$",
    re.I,
)
# "Von Jane Doe", "Ein Artikel von ...", "par Jean Dupont": checked for full names before it counts (is_foreign_by_line).
# "Autorin: Jane Doe", "Auteur : Jean Dupont", "Contributors: Janet Loughrey": the label word and a colon.
_FOREIGN_BY_LINE_START = re.compile(
    r"^(?:(?:ein|blog)\s+)?(?:(?:text|erstellt|geschrieben|verfasst|artikel|beitrag|escrito|écrit|scritto)\s+)?(?:von|par|por)\s*:?\s+\S"
    r"|^(?:autor(?:in)?|auteur|autore|contributors?)\s*:\s*\S",
    re.I,
)
_CONTROL_ANCESTORS = ("form", "select", "button")
# A heading may label the byline ("<h4>Autor</h4><p>Jane Doe</p>"); a heading "By Type" is a section's title.
_LABEL_HEADINGS = ("h3", "h4", "h5", "h6")
# A heading that says who wrote ("<h3>Written by Cassidy Horton</h3>" over an author box) is a byline all the same.
_WRITTEN_BY_HEADING = re.compile(r"(?:written|posted)\s+by\s+\S", re.I)
_CARD_BLOCKS = ("p", "div", "h2", "h3", "h4", "h5", "h6", "li")  # the lines of a writer's card
# A forum thread's header credits the user who started it: "Thread starter", "Themenstarter", "started by".
_THREAD_STARTER_LABEL = re.compile(r"^(?:thread\s+starter|themenstarter|themenersteller)\s*:?$", re.I)
_STARTED_BY = re.compile(r"\bstarted\s+by\s*:?\s*$", re.I)
_LIST_TAGS = ("ul", "ol", "dl", "table")
_TEASER_HEADINGS = ("h1", "h2", "h3", "h4")
_TEASER_LENGTH = 1500  # characters: a teaser's heading, byline and summary; more is the article itself
# A category, tag or topic link ("byline__category", "tag tag--linked", "/tag/personal-finance"): a section, not a writer.
_TOPIC_MARKER = re.compile(r"(?<![a-z])(?:categor(?:y|ies)|tags?|topics?)(?![a-z])")
_TOPIC_PATH = re.compile(r"/(?:categor(?:y|ies)|tags?|topics?)/", re.I)
_AVATAR_MARKER = re.compile(r"(?<![a-z])(?:avatar|initials)(?![a-z])")
_POST_AUTHOR_REPLY = '//*[contains(concat(" ", normalize-space(@class), " "), " bypostauthor ")]'
_REPLY_NAME_LENGTH = 60  # characters: a commenter's name, not the comment
_MENU_MARKER = re.compile(r"(?<![a-z])(?:menu|dropdown)")


def fill(page: Page, article: Article) -> None:
    """Set authors (people only) and publisher: a credited agency, or on a piece no person signed the desk or
    team that did ("BR24 Redaktion") or the site itself.
    """
    credited, site_credit = byline_names(page)
    people, agencies = split_people_and_agencies(credited)
    article.authors = people
    if agencies:
        article.publisher = agencies[0]
    elif site_credit and not people:
        article.publisher = site_credit[0]


def byline_names(page: Page) -> tuple[list[str], list[str]]:
    """The writers from the first source that names one (`writer_names`), and the first credit of the site itself:
    the newsroom that signs a news article (`newsroom_names`), else the first source's names that are not a writer's.
    A later source may still name the writer; an unsigned piece is the site's, unless its credit is a person's.
    """
    newsroom = newsroom_names(page)
    site_credit = newsroom
    account_credit: list[str] = []
    for source in name_sources(page):
        names = source(page)
        credited = writer_names(names, page)
        if credited and not only_account_names(credited, source, page):
            return credited, site_credit
        account_credit = account_credit or credited
        site_credit = site_credit or [name for name in names if name not in credited]
    if account_credit:
        return account_credit, site_credit
    return people_in_site_credit(site_credit, newsroom, page), site_credit


NameSource = Callable[[Page], list[str]]


def name_sources(page: Page) -> tuple[NameSource, ...]:
    """Where a byline is read, in order: JSON-LD, meta, a forum thread's starter, then the visible byline and the
    rest; on the site's front page only the data, as the bylines in its text are its teasers'."""
    sources = (
        jsonld_author_names,
        meta_author_names,
        thread_starter_names,
        visible_byline_names,
        signature_names,
        author_page_names,
        post_author_reply_names,
    )
    return sources[:2] if page.is_front_page else sources


def writer_names(names: list[str], page: Page) -> list[str]:
    """The names that credit a person or agency: not the site itself ("Example News"), a desk or team signing as a
    group ("BR24 Redaktion") or a publication's title ("Die FURCHE")."""
    return [
        name
        for name in names
        if not names_the_site(name, page) and not is_group_credit(name) and not is_publication_title(name)
    ]


def only_account_names(credited: list[str], source: NameSource, page: Page) -> bool:
    """CMS account names only, on an article: kept only when no later source names a person. On a forum thread
    or from its starter's label a user name is the right byline."""
    on_article = is_article_page(page) and source is not thread_starter_names
    return on_article and all(is_account_name(name) for name in credited)


def people_in_site_credit(site_credit: list[str], newsroom: list[str], page: Page) -> list[str]:
    """The names of an unsigned piece's site credit that are a person's (typed Person in JSON-LD, or
    `reads_as_person`: a personal site named after its writer), never the newsroom's."""
    typed_people = jsonld_person_names(page)
    return [
        name
        for name in site_credit
        if name not in newsroom and (name in typed_people or reads_as_person(name, page)) and not is_group_credit(name)
    ]


def reads_as_person(name: str, page: Page) -> bool:
    """A full name none of whose words the page writes in lower case: "Rick Steves" on ricksteves.com names a
    person; "Top Growth Marketing", "CBC Bank" are made of words the page uses as common nouns ("marketing"). Only
    text a reader sees outside the menu counts: scripts spell the owner's mail address in lower case ("myles@..."),
    and menus may be styled so ("learn with elizabeth")."""
    if not looks_like_person(name):
        return False
    common_words = {word for word in words(read_text(page.tree, set(page.tree.iter("nav")))) if word.islower()}
    return not any(word.casefold() in common_words for word in words(name))


def is_article_page(page: Page) -> bool:
    """No forum thread, social post or question in the JSON-LD: on those a user name is the right byline."""
    return next(page.jsonld_objects(*_POSTING_TYPES_AND_QUESTIONS), None) is None


def names_the_site(name: str, page: Page) -> bool:
    """An "author" that is the publication itself (its og:site_name, publisher or host) or one of its desks, not a
    writer.
    """
    if names_a_site_desk(name, page):
        return True
    key = alphanumeric_key(name)
    publisher = next((obj.get("publisher") for obj in page.jsonld_objects(*ARTICLE_TYPES) if obj.get("publisher")), None)
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else publisher
    site_names = (page.meta_value("og:site_name"), publisher_name if isinstance(publisher_name, str) else None, page.host.removeprefix("www."))
    return any(key == alphanumeric_key(site) or key == alphanumeric_key(site.rsplit(".", 1)[0]) for site in site_names if site)


def names_a_site_desk(name: str, page: Page) -> bool:
    """A desk of the site signing under the site's name in capitals ("MDR THÜRINGEN" on mdr.de), not a writer."""
    tokens = name.split()
    host_labels = page.host.split(".")[:-1]
    return len(tokens) > 1 and tokens[0].isupper() and alphanumeric_key(tokens[0]) in host_labels


_POSTING_TYPES_AND_QUESTIONS = (*POSTING_TYPES, "Question", "QAPage")
_NEWS_TYPES = tuple(kind for kind in ARTICLE_TYPES if kind.endswith("NewsArticle"))
# Forum threads and Q&A pages credit the opening post's writer the same way articles do.
_AUTHORED_TYPES = (*ARTICLE_TYPES, *POSTING_TYPES, "Question")


def jsonld_author_names(page: Page) -> list[str]:
    """author of the page's JSON-LD article, as Person objects (inline or by @id reference) or strings."""
    for values in jsonld_author_values(page):
        names = [name for value in values for name in author_value_names(value)]
        if names:
            return names
    return []


def jsonld_author_values(page: Page) -> Iterator[list[Any]]:
    """The author values of each JSON-LD article or posting, then of a WebPage (Yoast's graph credits the writer
    there on WordPress posts without an Article), @id references resolved."""
    for obj in chain(page.jsonld_objects(*_AUTHORED_TYPES), page.jsonld_objects("WebPage")):
        yield [page.referenced(value) for value in as_list(obj.get("author"))]


def newsroom_names(page: Page) -> list[str]:
    """The organisations a JSON-LD news article names as its author ("kicker", "mbl.is"): the newsroom signs an
    unsigned piece, as the site's credit, never a person's."""
    authors = [page.referenced(value) for obj in page.jsonld_objects(*_NEWS_TYPES) for value in as_list(obj.get("author"))]
    return [clean_text(str(value["name"])) for value in authors if is_organisation_object(value) and value.get("name")]


def is_organisation_object(value: Any) -> bool:
    return isinstance(value, dict) and bool({"Organization", "NewsMediaOrganization"} & set(jsonld_types(value)))


def jsonld_person_names(page: Page) -> set[str]:
    """Authors typed Person: on a personal site the writer's name is also the site's, and still a person."""
    authors = [value for values in jsonld_author_values(page) for value in values]
    return {name for value in authors if is_person_object(value) for name in author_value_names(value)}


def is_person_object(value: Any) -> bool:
    return isinstance(value, dict) and "Person" in jsonld_types(value)


def author_value_names(value: Any) -> list[str]:
    """Names in one JSON-LD author value: a Person/Organization object or a string."""
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(str(part) for part in name)
        if not name:
            return []
        if is_organisation_object(value):
            return [clean_text(str(name))] if is_agency(str(name)) else []
        name = html.unescape(str(name))  # some CMSs escape the JSON-LD text as HTML: "Maria &amp; Katerina"
        names = parse_byline(name) or name_as_typed(name)
        description = value.get("description")
        return [completed_name(names[0], description)] if len(names) == 1 and isinstance(description, str) else names
    if isinstance(value, str):
        return parse_byline(html.unescape(value))
    return []


def meta_author_names(page: Page) -> list[str]:
    """The author meta tags, every one of them (not URLs, which some sites put there), the citation tags of a
    scholarly page, and the writer that a "Written by" label of the Twitter card (as SEO plugins fill it) names.
    """
    names: dict[str, str] = {}  # one name per spelling: "sophie-foster" beside "Sophie Foster" is the same
    nested = nested_item_authors(page)
    values = [value for key in _AUTHOR_META for value in page.meta.get(key, []) if value not in nested]
    values += [given_name_first(value) for key in _CITATION_META for value in page.meta.get(key, [])]
    for value in [*values, *twitter_card_writers(page)]:
        if not value.strip().startswith("http"):
            for name in parse_byline(value) or name_as_typed(value):
                names.setdefault(alphanumeric_key(name), name)
    return list(names.values())


def nested_item_authors(page: Page) -> set[str]:
    """The microdata author metas of an item inside another, a property of it: a cited work's writers ("<li
    itemprop=citation itemscope><meta itemprop=author content='PB. Grabar, '>"), a review's, a comment's."""
    return {str(meta.get("content")) for meta in page.tree.xpath(_NESTED_ITEM_AUTHOR)}


def twitter_card_writers(page: Page) -> list[str]:
    """twitter:dataN values whose twitter:labelN says "Written by"."""
    return [
        data
        for number in range(1, 5)
        for label in page.meta.get(f"twitter:label{number}", [])[:1]
        if _WRITTEN_BY_LABEL.match(label)
        for data in page.meta.get(f"twitter:data{number}", [])[:1]
    ]


def marked_byline_elements(page: Page) -> Iterable[lxml.html.HtmlElement]:
    """Elements marked as bylines or authors, in document order."""
    for element in page.tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "meta", "link", "script", "style"):
            continue
        if is_byline_marker(element.get("class"), element.get("id"), element.get("rel"), element.get("itemprop"), element.tag):
            yield element


@lru_cache(maxsize=4096)  # a page repeats its class names on many elements: test each combination once
def is_byline_marker(names: str | None, ident: str | None, rel: str | None, itemprop: str | None, tag: str) -> bool:
    """Whether an element's class, id, rel, itemprop or tag marks a byline."""
    # A custom tag ("<byline>") marks it as plainly as a class.
    marker = f"{joined_class_and_id(names, ident)} {rel or ''} {itemprop or ''} {tag}"
    return bool(_BYLINE_MARKER.search(marker) or _BYLINE_MARKER.search(camel_case_words(names or "")))


def camel_case_words(names: str) -> str:
    """Class names written in camel case, their words set apart: "dateAndAuthorContainer" as "date-and-author-container"."""
    return _CAMEL_CASE_BOUNDARY.sub("-", names).lower() if not names.islower() else ""


def unmarked_byline_elements(page: Page) -> Iterable[lxml.html.HtmlElement]:
    """Bylines without markup: short elements whose text starts with "By " or "Written by " (a heading only with
    "Written by"), and the element after a label that is only "Written by" ("<p>Written by</p><p>Jane Doe</p>").
    """
    for element in page.tree.iter("p", "div", "span", "address", "dt", "strong", "b", "li", "small", *_LABEL_HEADINGS):
        text = short_line_text(page, element, 160)
        if text is None:
            continue
        if _WRITTEN_BY_LABEL.match(text):
            byline = element.getnext()
        elif element.tag in _LABEL_HEADINGS and _WRITTEN_BY_HEADING.match(text):
            byline = element
        elif element.tag not in _LABEL_HEADINGS and (_BY_LINE_START.match(text) or is_foreign_by_line(text) or is_dated_signature(text)):
            byline = element
        else:
            continue
        if byline is not None and not in_menu(element) and not in_responses(element):
            yield byline


def short_line_text(page: Page, element: lxml.html.HtmlElement, limit: int) -> str | None:
    """short_element_text(element, limit) through the page's line texts, which the dates step reads too."""
    text = page.line_text(element)
    if text is None:  # over the line limit raw, yet maybe short once cleaned (deep indentation)
        return short_element_text(element, limit)
    return text if len(text) < limit else None


def is_foreign_by_line(text: str) -> bool:
    """A short "Von Jane Doe" / "par Jean Dupont" line whose every name looks like a person's: these words
    open running text too ("Von Montag bis Freitag"), so the names must be capitalised full names.
    """
    if len(text) > 120 or not _FOREIGN_BY_LINE_START.match(text):
        return False
    names = parse_byline(text)
    return bool(names) and all(looks_like_person(name) for name in names)


def is_dated_signature(text: str) -> bool:
    """A short line of a date and a full name set off from it by a separator, either way round:
    "04.02.2022 | 13:10 Uhr | Uta Helkenberg", "25.10.2022 - Reiner Nagel", "Sehernur Karsu | 05.04.2025"."""
    if len(text) > _DATED_SIGNATURE_LENGTH:
        return False
    span = find_date_span(text)
    if not span:
        return False
    date_first = span[0] == 0 and _DATE_NAME_SEPARATOR.match(text[span[1]:])
    if not (date_first or _NAME_DATE_SEPARATOR.search(text[: span[0]])):
        return False
    names = parse_byline(text)
    return len(names) == 1 and looks_like_person(names[0])


def in_menu(element: lxml.html.HtmlElement) -> bool:
    """Inside navigation, a menu, the page's footer or a form: "By Category", "By clicking ..." are not bylines.
    An <article>'s own <footer> holds its credits ("Posted by Jane Doe")."""
    return any(is_site_menu(ancestor) or ancestor.tag in _CONTROL_ANCESTORS for ancestor in element.iterancestors())


def in_navigation(element: lxml.html.HtmlElement) -> bool:
    """Inside <nav>, a menu list or the page's footer: the site's list of its writers ("Auteurs") or its makers'
    credit ("con Drupal por Smartica"), not a byline. A menu or footer around the page's <h1> is one its broken
    markup left open, and holds the article; a marked byline may also sit in a button that opens the writer's bio,
    or in a form."""
    return any(is_site_menu(ancestor) and ancestor.find(".//h1") is None for ancestor in element.iterancestors())


def is_site_menu(element: lxml.html.HtmlElement) -> bool:
    """<nav>, a list marked as a menu, or the page's own footer (not an article's)."""
    return element.tag == "nav" or is_menu_list(element) or (element.tag == "footer" and not is_article_footer(element))


def is_article_footer(element: lxml.html.HtmlElement) -> bool:
    return element.tag == "footer" and next(element.iterancestors("article"), None) is not None


def is_menu_list(element: lxml.html.HtmlElement) -> bool:
    """A list marked as a menu ("<ul class=bottom-menu>", "<li class=menu-item>"): menus built without <nav>."""
    return element.tag in ("ul", "ol", "li") and bool(_MENU_MARKER.search(class_and_id(element)))


def thread_starter_names(page: Page) -> list[str]:
    """The user a forum thread's header names as its starter ("<span>Thread starter</span> <a>SamuelMIz</a>",
    "Discussion in 'Advice' started by <a>pelex</a>"): the opening post's writer, whom the posts' own bylines
    (a reply quoted first, a moderator's note) may not name first."""
    for element in page.tree.iter("a", "span"):
        previous = element.getprevious()
        label = element_text(previous) if previous is not None and not (previous.tail or "").strip() else ""
        before = (previous.tail if previous is not None else element.getparent().text) or ""
        if (_THREAD_STARTER_LABEL.match(label) or _STARTED_BY.search(before)) and not in_menu(element):
            text = element_text(element)
            # A user name is one word as typed ("pelex"); lower-case words are a link in prose ("get started by
            # signing up here").
            return parse_byline(text) or (name_as_typed(text) if " " not in text else [])
    return []


def visible_byline_names(page: Page) -> list[str]:
    """Names in the first byline element (or "By ..." line) that yields any, readers' comments left out, and the
    bylines of captions too: they credit an audio or a picture, not the article."""
    marked = {
        element: None
        for element in marked_byline_elements(page)
        if not in_responses(element)
        and not is_label(element)
        and not in_navigation(element)
        and next(element.iterancestors("figcaption"), None) is None
    }
    for element in chain(marked, unmarked_byline_elements(page)):  # the "By ..." lines only when no marked byline names anyone
        names = element_byline_names(element, marked.keys())
        if names and not in_teaser(element, page):
            page.consumed.update(byline_parts(element, marked.keys()))
            return names
    return label_tail_names(page)


def in_teaser(element: lxml.html.HtmlElement, page: Page) -> bool:
    """Inside a teaser of another article: the nearest short block around the byline that holds a heading (not the
    page's <h1>) links that heading to another page of the site ("<li><h3><a href=/other-story>...</a></h3>
    <span class=author>...</span></li>")."""
    inside = set(element.iter())
    for ancestor in element.iterancestors():
        if joined_text_length(ancestor) > _TEASER_LENGTH:
            return False
        headings = [heading for heading in ancestor.iter(*_TEASER_HEADINGS) if heading not in inside]
        if headings:
            links = [link.get("href") for heading in headings for link in chain(heading.iter("a"), heading.iterancestors("a"))]
            return all(heading.tag != "h1" for heading in headings) and any(
                leads_elsewhere_on_site(page.absolute_url(link), page.url) for link in links
            )
    return False


def leads_elsewhere_on_site(link: str | None, page_url: str) -> bool:
    """A link to another page of the same site (another path; not an anchor or a post of this thread)."""
    if not link:
        return False
    target, here = urlsplit(link), urlsplit(page_url)
    return same_host(target, here) and target.path.rstrip("/") != here.path.rstrip("/")


def label_tail_names(page: Page) -> list[str]:
    """The name written right after a label element, as its tail ("<h5>Autor: </h5>Peter Maahn<br>")."""
    for element in page.tree.iter("span", "strong", "b", "h5", "h6", "label", "dt", "em"):
        tail = clean_text(text_after(element))
        if tail and len(tail) <= 80 and _WRITTEN_BY_LABEL.match(element_text(element)) and not in_menu(element):
            names = parse_byline(tail)
            if names and not in_responses(element):
                return names
    return []


def text_after(element: lxml.html.HtmlElement) -> str:
    """The text right after `element`, across line breaks ("<b>Von:</b><br><br>Götz Warnke")."""
    text = element.tail or ""
    for sibling in element.itersiblings():
        if sibling.tag != "br" or text.strip():
            break
        text += sibling.tail or ""
    return text


def element_byline_names(element: lxml.html.HtmlElement, marked: Collection[lxml.html.HtmlElement]) -> list[str]:
    """Names in one byline element: its rel=author links, else its name leaves, else its own text, else the name
    it opens with (an author box). Long text is a biography or a teaser, not a byline.
    """
    text = byline_text(element)
    short = 0 < len(text) <= _BYLINE_LENGTH
    linked = linked_author_names(element) if short else []
    names = (
        microdata_names(element)
        or linked
        or name_leaves_names(element, marked)
        or (first_line_names(element, text) if short else [])
        or box_heading_name(element)
    )
    return without_topics(names, element)


def microdata_names(element: lxml.html.HtmlElement) -> list[str]:
    """The name of a microdata author ("<div itemprop=author><span itemprop=name>JWoodguy13</span>", or a
    "<meta itemprop=name content=julian>"): the markup says where the name is, beside an avatar's initial or a post
    count, and that it is one even as typed."""
    if element.get("itemprop") != "author":
        return []
    texts = [
        clean_text(name.get("content")) if name.tag == "meta" else element_text(name)
        for name in element.iterdescendants()
        if name.get("itemprop") == "name"
    ]
    return [name for text in texts[:1] for name in parse_byline(text) or name_as_typed(text)]


def box_heading_name(box: lxml.html.HtmlElement) -> list[str]:
    """The name an author box opens with, in an element of its own before the biography ("<div class=author-box>
    <h4>Lauren Vetter</h4><p>Lauren is a growth-focused marketer ...</p>"): a full name, alone in its element."""
    first = next((leaf for leaf in box.iterdescendants() if isinstance(leaf.tag, str) and clean_text(leaf.text or "")), None)
    if first is None or len(first) or first.tag in ("p", "a"):
        return []
    names = parse_byline(element_text(first))
    return names if len(names) == 1 and looks_like_person(names[0]) else []


def first_line_names(element: lxml.html.HtmlElement, text: str) -> list[str]:
    """Names of a byline read as a whole, taken from its first line that has any: a line break ends the names
    ("Von Jane Doe<br>Kakuma" names Jane Doe, not "Jane Doe Kakuma"); text that names nobody as a whole names
    nobody line by line either.
    """
    names = parse_byline(text)
    if not names or next(element.iter("br"), None) is None:
        return names
    copy = deepcopy(element)
    for line_break in copy.iter("br"):
        line_break.tail = _LINE_END + (line_break.tail or "")
    lines = " ".join(copy.itertext()).split(_LINE_END)
    return next((found for line in lines if (found := parse_byline(clean_text(line)))), names)


def name_leaves_names(element: lxml.html.HtmlElement, marked: Collection[lxml.html.HtmlElement]) -> list[str]:
    """Names in the byline elements inside `element` that hold no other: "<div class=author-box><h4 class=author-name>
    Jane Doe</h4><p class=author-title>Senior Editor</p>" gives the name alone, not the name run into the title.
    The first leaf with a name and the leaves marked like it ("author-name" twice) are the writers; a leaf after
    "Fact checked by" or "Edited by" names someone else.
    """
    leaves = [leaf for leaf in marked_leaves(element, marked) if not credits_other_work(leaf)]
    for leaf in leaves:
        names = element_byline_names(leaf, ())
        if names:
            twins = [other for other in leaves if other is not leaf and other.get("class") == leaf.get("class")]
            names.extend(name for twin in twins for name in element_byline_names(twin, ()) if name not in names)
            return names
    return []


def is_label(element: lxml.html.HtmlElement) -> bool:
    """A label before a value ("Datum:", "Autor:"), not a name."""
    return element_text(element).endswith(":")


def byline_parts(element: lxml.html.HtmlElement, marked: Collection[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """What a byline takes out of the body: a short byline whole; of a long element (an author box with a
    biography, a post wrapper marked "author-..."), only its short name leaves, so the text around them stays.
    """
    if len(byline_text(element)) <= _BYLINE_LENGTH:
        return [element]
    return [leaf for leaf in marked_leaves(element, marked) if len(byline_text(leaf)) <= _BYLINE_LENGTH]


def marked_leaves(element: lxml.html.HtmlElement, marked: Collection[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """Byline elements inside `element` that hold no other byline element."""
    inner = [descendant for descendant in element.iterdescendants() if descendant in marked]
    inside_others = {ancestor for leaf in inner for ancestor in leaf.iterancestors()}
    return [leaf for leaf in inner if leaf not in inside_others]


def in_responses(element: lxml.html.HtmlElement) -> bool:
    """Inside readers' comments, testimonials, customers' quotes, product reviews or a listing of related articles:
    their writers are not the article's. The <body> classes are page flags ("showing-comments"), not a section.
    """
    sections = [node for node in (element, *element.iterancestors()) if node.tag not in ("body", "html")]
    return any(node.tag == "blockquote" or _RESPONSE_MARKER.search(class_and_id(node)) for node in sections)


def signature_names(page: Page) -> list[str]:
    """A name signed under the text: the last paragraph of a run of paragraphs is only a bold name
    ("<p><strong>Lê Phương</strong></p>"), as many Vietnamese, Spanish and Italian sites sign.
    """
    for paragraph in page.tree.xpath("//p[last()][count(preceding-sibling::p) >= 3]"):
        bold = [child for child in paragraph if child.tag in ("strong", "b")]
        text = element_text(paragraph)
        if len(bold) == 1 and element_text(bold[0]) == text and ends_text(paragraph) and not in_menu(paragraph):
            name = clean_name(text)
            if name and 2 <= len(name.split()) <= 4 and all(token[:1].isupper() for token in name.split()):
                page.consumed.add(paragraph)
                return [name]
    return []


def author_page_names(page: Page) -> list[str]:
    """The name of the first link to a writer's page whose text is the name its address spells
    ("<a href=/authors/trevor-jackins>Trevor Jackins</a>"), outside menus and readers' comments: a byline
    built without byline markup.
    """
    for link in page.tree.iter("a"):
        match = _AUTHOR_PAGE_SLUG.search(link.get("href") or "")
        if match is None or in_menu(link) or in_responses(link):
            continue
        names = parse_byline(element_text(link))
        if len(names) == 1 and alphanumeric_key(names[0]) == alphanumeric_key(match[1]):
            return co_writers(link) or names
    return []


def co_writers(link: lxml.html.HtmlElement) -> list[str]:
    """The names of every writer's link in the short line that holds `link` ("<span><a href=/autoren/Clara-Loew>Clara
    Löw</a>, <a href=/autoren/Siddharth-Prakash>Siddharth Prakash</a> & ...</span>"): the writers of one piece."""
    line = link.getparent()
    return linked_author_names(line) if line is not None and len(byline_text(line)) <= _BYLINE_LENGTH else []


def post_author_reply_names(page: Page) -> list[str]:
    """The writer as the comments name him: blog software marks the post's author's own replies ("<li class='comment
    bypostauthor'>... <span class=fn>jancak</span>"); his name is the reply's vcard name, else its short byline. The
    site answering as itself (a shop under its product's reviews) signs nothing."""
    for reply in page.tree.xpath(_POST_AUTHOR_REPLY):
        parts = [part for part in reply.iterdescendants() if isinstance(part.tag, str)]
        vcard_names = [part for part in parts if "fn" in (part.get("class") or "").split()]
        marked = [part for part in parts if is_byline_marker(part.get("class"), part.get("id"), None, None, part.tag)]
        for part in [*vcard_names, *marked]:
            text = COMMENT_VERB.sub("", short_element_text(part, _REPLY_NAME_LENGTH) or "")  # "Jane says:"
            if names := parse_byline(text) or name_as_typed(text):
                return [] if names_the_site(names[0], page) else names[:1]  # a shop answering its reviews
    return []


def ends_text(paragraph: lxml.html.HtmlElement) -> bool:
    """The paragraph follows running text and heads no list or table: a signature, not a list's heading
    ("<p><b>Weitere Informationen</b></p><ul>...")."""
    after = paragraph.getnext()
    return (after is None or after.tag not in _LIST_TAGS) and follows_prose(paragraph)


def follows_prose(paragraph: lxml.html.HtmlElement) -> bool:
    """The paragraph before ends a sentence of running text: a signature, not a subheading before more text."""
    previous = paragraph.getprevious()
    text = element_text(previous) if previous is not None and previous.tag == "p" else ""
    return len(text) >= 80 and text.rstrip("\"”»’)").endswith((".", "!", "?", "…"))


def byline_text(element: lxml.html.HtmlElement) -> str:
    """The byline's text with its parts spaced ("By<span>Jane Doe</span>" is two words), without what is drawn
    rather than written: icons, an avatar's initials ("<svg><text>CM</text></svg> Craig McCarthy"), scripts and buttons."""
    avatars = [part for part in element.iter() if isinstance(part.tag, str) and _AVATAR_MARKER.search(class_and_id(part))]
    return clean_text(" ".join(text_pieces(element, avatars)))


def without_topics(names: list[str], element: lxml.html.HtmlElement) -> list[str]:
    """`names` without the words of the links to a category or tag that some bylines show beside the date
    ("March 20, 2023 | <a href=/tag/x>Wellness &amp; Prevention</a>")."""
    topics = " ".join(element_text(link) for link in element.iter("a") if is_topic_link(link)).casefold()
    return [name for name in names if name.casefold() not in topics] if topics else names


def is_topic_link(link: lxml.html.HtmlElement) -> bool:
    """A link to a category, tag or topic page: so marked (rel, class, or its parent's class) or so addressed, and
    not to a writer's page (a CMS may file its writers as a taxonomy: "<a rel='category tag' href=/autor/x>")."""
    if _AUTHOR_PAGE_PATH.search(link.get("href") or ""):
        return False
    rel = (link.get("rel") or "").lower().split()
    parent = link.getparent()
    marks = class_and_id(link) + (class_and_id(parent) if parent is not None else "")
    return "tag" in rel or "category" in rel or bool(_TOPIC_MARKER.search(marks) or _TOPIC_PATH.search(link.get("href") or ""))


def linked_author_names(element: lxml.html.HtmlElement) -> list[str]:
    """Names of the links to author pages in a byline (rel=author, or an /author/ path): the markup says where
    each name ends ("<li><a href=/authors/a/>Emily Walker</a></li><li><a href=/authors/b/>Casey McDevitt</a>").
    """
    names: list[str] = []
    for link in element.iter("a"):
        if "author" in (link.get("rel") or "").split() or is_user_name_link(link) or is_writer_page_link(link):
            # The link says its text is a writer's name, even one written as an account ("oradmin").
            text = link_text(link)
            names.extend(name for name in parse_byline(text) or name_as_typed(text) if name not in names)
    return names


def link_text(link: lxml.html.HtmlElement) -> str:
    """The text of a link to a writer's page; of a link around a card of blocks (the name, then the job title:
    "<a><p>Harry Rabinowitz</p><p>Tech Reporter</p></a>"), the first innermost block with text."""
    for block in link.iterdescendants(*_CARD_BLOCKS):
        if next(block.iterdescendants(*_CARD_BLOCKS), None) is None and (text := element_text(block)):
            return text
    return element_text(link)


def is_user_name_link(link: lxml.html.HtmlElement) -> bool:
    """A link marked as a user's name ("<a class=username href=memberlist.php?mode=viewprofile&u=72760>"), as
    forum software marks a post's writer."""
    return "username" in (link.get("class") or "").lower().split()


def is_writer_page_link(link: lxml.html.HtmlElement) -> bool:
    """A link to a writer's page that names the writer: not "More posts by ...", nor the editor's or
    reviewer's link that follows "Edited by".
    """
    if not _AUTHOR_PAGE_PATH.search(link.get("href") or "") or _SEE_MORE_WORDS.search(element_text(link)):
        return False
    return not credits_other_work(link)


def credits_other_work(element: lxml.html.HtmlElement) -> bool:
    """The name follows "Edited by", "Fact checked by", "Reviewed by": the editor's or reviewer's, not the writer's."""
    before = element.xpath("preceding::text()[normalize-space()][1]")
    return bool(before) and _OTHER_CREDIT.search(str(before[0])) is not None


