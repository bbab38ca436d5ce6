"""Canonical URL, section, tags, language and summary from structured data first."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import SplitResult, urlsplit

import lxml.html

from ..items import Article
from .page import ARTICLE_TYPES, Page
from .text import alphanumeric_key, class_and_id, clean_text, element_text, without_invisible, words
from .urls import canonicalize_url

_SECTION_LENGTH = 40
# "Category: Travel", "isRepublished:false": a short key before a colon.
_KEY_VALUE = re.compile(r"[^\W\d][^:\s]*(?:\s[^:\s]+){0,2}\s?:")
_SETTINGS = 2  # "key: value" tags and more: settings; one tag with a colon is a title ("Star Wars: A New Hope")
# "editors_pick", "isRepublished:false", a UUID, "splitscreenimagerightinset": one token with an underscore or a
# colon inside, hex digits in dashed groups, or 24 lower-case letters and more (longer than most compounds written in
# lower case, "brennstoffzellenheizung").
_MACHINE_TOKEN = re.compile(
    r"\S*_\S*|[^\W\d]\w*:\S+|[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}|[a-z]{24,}"
)
_SUBJECT_CODE = re.compile(r"[A-Z][A-Z0-9]{0,7}")
_CODE_LIST_LENGTH = 5  # subject codes and more: a few upper-case tags ("EU, NATO") are names
_SLUG_WORDS = 5  # slug words and more: a tag or two may well repeat the slug
_TAG_WORDS = 6  # words of the longest tag ("Ministry of Health and Social Care")
_OTHER_TAG_META = re.compile(r"[-:._](?:tags|keywords)$")
# A link to a tag or topic page ("/thema/dax", "/tag/climate-change/", "/topics/almeria"), not to a page below one.
_TOPIC_PAGE = re.compile(
    r"/(?:tags?|topics?|themen|thema|schlagworte?|stichworte?|keywords?|temas?|etiquetas?)/[^/?#]+/?(?:[?#]|$)", re.I
)
_TAG_COUNT = re.compile(r"\(?\d+\)?")  # the number of stories a tag cloud gives beside a tag: "3", "(24)"
_LIST_LABEL = 20  # characters of a list of links beside the links: a label ("Mehr zum Thema:"), separators
_MENU_ROLES = frozenset({"navigation", "menu", "menubar", "dialog"})
_HOME_NAMES = frozenset({"home", "homepage", "start", "startseite", "accueil", "inicio", "portada", "главная"})


def fill(page: Page, article: Article) -> None:
    """Set the metadata fields of `article` from `page`."""
    article.source = page.host
    article.canonical_url = canonical_url(page)
    article.section = section(page)
    article.tags = tags(page)
    article.language = declared_language(page)
    article.summary = summary(page)


def first_article_object(page: Page) -> dict[str, Any]:
    """The page's JSON-LD article object, or an empty dict."""
    return next(page.jsonld_objects(*ARTICLE_TYPES), {})


def declares_article(page: Page) -> bool:
    """Whether the page says it is an article: og:type "article", or a JSON-LD article object."""
    return (page.meta_value("og:type") or "").casefold() == "article" or bool(first_article_object(page))


def jsonld_text(value: Any) -> str | None:
    """A JSON-LD value as one clean string (first of a list, name of an object)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value")
    text = clean_text(str(value)) if value else ""
    return text or None


def canonical_url(page: Page) -> str:
    """rel=canonical, then og:url, then the fetched URL, canonicalised."""
    for link in page.tree.iterfind(".//link[@rel]"):
        if "canonical" in link.get("rel", "").lower().split() and (href := page.absolute_url(link.get("href"))):
            return canonicalize_url(href)
    return canonicalize_url(page.absolute_url(page.meta_value("og:url")) or page.url)


def leads_above(link: str | None, page_url: str) -> bool:
    """Whether `link` goes to a page above this one (its path leads this page's path): the home page or a section."""
    if not link:
        return False
    target, here = urlsplit(link), urlsplit(page_url)
    return same_host(target, here) and here.path.rstrip("/").startswith(target.path.rstrip("/") + "/")


def same_host(target: SplitResult, here: SplitResult) -> bool:
    """Two URLs on the same host, a leading "www." aside."""
    return (target.hostname or "").removeprefix("www.") == (here.hostname or "").removeprefix("www.")


def section(page: Page) -> str | None:
    """article:section or JSON-LD articleSection, else the breadcrumb, else the article's category link."""
    value = page.meta_value("article:section") or jsonld_text(first_article_object(page).get("articleSection"))
    return clean_text(html.unescape(value or "")) or breadcrumb_section(page) or category_link_section(page)


def breadcrumb_section(page: Page) -> str | None:
    """The first breadcrumb step below the home page: JSON-LD BreadcrumbList, else a breadcrumb trail's links."""
    steps = jsonld_breadcrumb_steps(page) or visible_breadcrumb_steps(page)
    return next((name for name, link in steps if is_section_name(name) and not is_home_or_self(name, link, page)), None)


def is_section_name(text: str) -> bool:
    """Short enough to name a section: a trail that ends in the headline does not."""
    return 0 < len(text) <= _SECTION_LENGTH


def jsonld_breadcrumb_steps(page: Page) -> list[tuple[str, str | None]]:
    """(name, link) of each ListItem of the first BreadcrumbList, in position order."""
    for trail in page.jsonld_objects("BreadcrumbList"):
        items = [item for item in as_list(trail.get("itemListElement")) if isinstance(item, dict)]
        items.sort(key=lambda item: int(item["position"]) if str(item.get("position", "")).isdecimal() else 0)
        return [(name, link) for name, link in (breadcrumb_item(item) for item in items) if name]
    return []


def as_list(value: Any) -> list[Any]:
    """A JSON-LD property's values: a list as it is, one value as a list of it, nothing (None, "") as []."""
    return value if isinstance(value, list) else [value] if value else []


def breadcrumb_item(item: dict[str, Any]) -> tuple[str, str | None]:
    """A ListItem's name and link; both may sit on its nested `item`."""
    inner = item.get("item")
    name = jsonld_text(item.get("name")) or (jsonld_text(inner.get("name")) if isinstance(inner, dict) else None)
    link = inner.get("@id") or inner.get("url") if isinstance(inner, dict) else inner
    return name or "", link if isinstance(link, str) else None


def visible_breadcrumb_steps(page: Page) -> list[tuple[str, str | None]]:
    """(text, href) of the links in the first element marked as a breadcrumb trail."""
    for trail in page.tree.iter():
        if isinstance(trail.tag, str) and "breadcrumb" in class_and_id(trail):
            links = [(element_text(a), a.get("href")) for a in trail.iter("a")]
            if links:
                return [(text, href) for text, href in links if text]
    return []


def is_home_or_self(name: str, link: str | None, page: Page) -> bool:
    """A breadcrumb step that is the home page or the article itself."""
    url = page.absolute_url(link) if link else None
    if url and canonicalize_url(url) == canonicalize_url(page.url):
        return True
    return (url is not None and urlsplit(url).path in ("", "/")) or alphanumeric_key(name) in _HOME_NAMES


def category_link_section(page: Page) -> str | None:
    """The text of the article's category link: rel="category" (WordPress) or a link in a "category" block."""
    for link in page.tree.iter("a"):
        rel = (link.get("rel") or "").lower().split()
        marked = "category" in rel or any("category" in class_and_id(e) for e in (link, link.getparent()) if e is not None)
        text = element_text(link)
        if marked and is_section_name(text) and not in_page_furniture(link):
            return text
    return None


def in_page_furniture(element: lxml.html.HtmlElement) -> bool:
    """Inside navigation, a sidebar or the footer, where links name other pages' sections."""
    return any(ancestor.tag in ("nav", "aside", "footer") for ancestor in element.iterancestors())


def split_keywords(value: Any) -> list[str]:
    """Keywords from a list or a comma-separated string, cleaned, in order, once each."""
    items = value if isinstance(value, list) else [value or ""]
    seen: dict[str, str] = {}
    for item in (part for item in items for part in str(item).split(",")):
        text = clean_text(without_invisible(html.unescape(item)))
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def tags(page: Page) -> list[str]:
    """The first source that names real tags: article:tag meta, news_keywords meta (Google News' tags of an article;
    CMSs fill JSON-LD keywords with labels and search phrases too), JSON-LD keywords, the article's rel=tag links, the
    keywords meta tag, a CMS's own tags meta, the article's visible list of topic links; a source of codes, ids and
    labels alone gives way to the next."""
    sources: tuple[Callable[[], Any], ...] = (
        lambda: page.meta.get("article:tag"),
        lambda: page.meta_value("news_keywords"),
        lambda: first_article_object(page).get("keywords"),
        lambda: tag_link_texts(page),
        lambda: page.meta_value("keywords"),
        lambda: other_tag_meta(page),
        lambda: topic_list_texts(page),
    )
    for source in sources:
        found = without_settings([tag for tag in split_keywords(source()) if not is_machine_tag(tag, page)])
        if found and not (is_code_list(found) or is_run_together(found) or is_url_slug(found, page)):
            return found
    return []


def without_settings(found: list[str]) -> list[str]:
    """The tags without the "key: value" settings a CMS lists among them ("Category: Travel", "NLP Category: General");
    it takes two such tags to tell settings from a title with a colon."""
    settings = [tag for tag in found if _KEY_VALUE.match(tag)]
    return [tag for tag in found if tag not in settings] if len(settings) >= _SETTINGS else found


def is_machine_tag(tag: str, page: Page) -> bool:
    """A label for the site's machinery, not a topic: an id, a setting or a CSS-like token, the site's host."""
    if _MACHINE_TOKEN.fullmatch(tag):
        return True
    return alphanumeric_key(tag) == alphanumeric_key(page.host.removeprefix("www."))


def is_code_list(found: list[str]) -> bool:
    """A wire service's subject codes ("AER, AIRS08, ASXPAC, ..."): many tags, every one a short upper-case token."""
    return len(found) >= _CODE_LIST_LENGTH and all(_SUBJECT_CODE.fullmatch(tag) for tag in found)


def is_run_together(found: list[str]) -> bool:
    """Keywords written without commas, one string of them for a tag ("deutschland katastrophenschutz berlin
    ukraine teltow", "humanitarian-aid icj international-court-of-justice"): more words than a tag has."""
    return len(found) == 1 and len(words(found[0])) > _TAG_WORDS


def is_url_slug(found: list[str], page: Page) -> bool:
    """Tags a CMS made of the page's URL slug, not of its topics: five and more of its words as one tag ("dollar bill
    worth THOUSANDS check") or one a tag ("mueren, seis, personas, incendio, forestal")."""
    slug = urlsplit(page.url).path.rstrip("/").rsplit("/", 1)[-1].split(".", 1)[0]
    if len(found) == 1:
        return len(words(found[0])) >= _SLUG_WORDS and alphanumeric_key(found[0]) == alphanumeric_key(slug)
    slug_words = set(words(slug.casefold()))
    return len(found) >= _SLUG_WORDS and all(tag.casefold() in slug_words for tag in found)


def other_tag_meta(page: Page) -> list[str]:
    """The values of the meta tags a CMS names after tags or keywords of its own ("custom-keywords",
    "classification-tags", "sailthru.tags"), not its "key:value" settings (whose values hold commas)."""
    found = (value for name, values in page.meta.items() if _OTHER_TAG_META.search(name) for value in values)
    return [value for value in found if not _KEY_VALUE.match(value)]


def tag_link_texts(page: Page) -> list[str]:
    """Texts of rel=tag links outside navigation and sidebars (tag clouds list every tag of the site)."""
    links = page.tree.xpath("//a[contains(concat(' ', normalize-space(@rel), ' '), ' tag ')]")
    return [element_text(link) for link in links if not in_page_furniture(link)]


def topic_list_texts(page: Page) -> list[str]:
    """The article's visible list of topic links: the longest list of two and more links to tag or topic pages below
    the headline, outside menus, that makes up its block's text."""
    lists = [texts for texts in topic_lists(page).values() if len(texts) >= 2]
    return max(lists, key=len) if lists else []


def topic_lists(page: Page) -> dict[lxml.html.HtmlElement, list[str]]:
    """The texts of the links to tag or topic pages below the first h1 by the block around them (the nearest ancestor
    with more text than the link); blocks with more text than their links (a paragraph), menus and teasers (an
    <article> without the headline: another story's card) left out."""
    lists: dict[lxml.html.HtmlElement, list[str]] = {}
    headline: lxml.html.HtmlElement | None = None
    for element in page.elements:
        if headline is None and element.tag == "h1":
            headline = element
        if headline is None or element.tag != "a" or not is_topic_link(element, page):
            continue
        text = page.line_text(element)
        block = next((e for e in element.iterancestors() if page.line_text(e) != text), None)
        if text and len(text) <= _SECTION_LENGTH and block is not None and not in_menu_or_teaser(element, headline):
            lists.setdefault(block, []).append(tag_label(element))
    return {block: texts for block, texts in lists.items() if is_link_list(page.line_text(block), texts)}


def is_topic_link(link: lxml.html.HtmlElement, page: Page) -> bool:
    """A link to a tag or topic page other than this page (a listing's sort links lead to itself)."""
    href = link.get("href") or ""
    target = page.absolute_url(href) if _TOPIC_PAGE.search(href) else None
    return target is not None and urlsplit(target).path.rstrip("/") != urlsplit(page.url).path.rstrip("/")


def tag_label(link: lxml.html.HtmlElement) -> str:
    """A tag link's text without the story count a tag cloud writes after it ("coffee<span>3</span>")."""
    texts = [text for text in link.itertext() if text.strip()]
    if len(texts) > 1 and _TAG_COUNT.fullmatch(texts[-1].strip()):
        texts.pop()
    return clean_text("".join(texts))


def is_link_list(block_text: str | None, texts: list[str]) -> bool:
    """A block whose text is its links' texts, a label and separators aside."""
    return block_text is not None and len(block_text) <= sum(len(text) + 3 for text in texts) + _LIST_LABEL


def in_menu_or_teaser(element: lxml.html.HtmlElement, headline: lxml.html.HtmlElement) -> bool:
    """In navigation, a sidebar, the footer, an element whose role is a menu or a dialog, or a teaser of another
    story: an <article> without the `headline` whose heading is a link."""
    if in_page_furniture(element) or any(a.get("role") in _MENU_ROLES for a in element.iterancestors()):
        return True
    return any(is_teaser(card, headline) for card in element.iterancestors("article"))


def is_teaser(card: lxml.html.HtmlElement, headline: lxml.html.HtmlElement) -> bool:
    """An <article> that does not hold the page's `headline` and whose first h2-h4 heading is (or holds) a link."""
    if card in headline.iterancestors("article"):
        return False
    heading = next(card.iterdescendants("h2", "h3", "h4"), None)
    return heading is not None and (heading.find(".//a") is not None or any(a.tag == "a" for a in heading.iterancestors()))


def declared_language(page: Page) -> str | None:
    """The language the page declares (<html lang>, og:locale, Content-Language, ...) as a lower-case primary tag; the
    language step checks it against the text."""
    value = (
        page.tree.get("lang")
        or page.meta_value("og:locale", "content-language", "dc.language", "language")
        or jsonld_text(first_article_object(page).get("inLanguage"))
    )
    if not value:
        return None
    primary = re.split(r"[-_]", value.strip())[0].lower()
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def summary(page: Page) -> str | None:
    """The description the page gives of itself."""
    value = page.meta_value("description", "og:description", "twitter:description") or jsonld_text(
        first_article_object(page).get("description")
    )
    return clean_text(value) or None
