"""A site profile's selectors: a field whose selector matches replaces what the generic step found."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

import lxml.html

from ..items import Article
from .body import content_hash
from .captions import split_credit, worded
from .credits import parse_byline
from .dates import parse_date
from .image_sources import image_url
from .page import Page
from .text import clean_text, element_text, word_count

Matches = list[Any]  # elements, or strings when the XPath selects attributes or text


def apply_selectors(page: Page, article: Article, selectors: Mapping[str, str]) -> None:
    """Run each field's XPath on the page and let its setter replace the field when something matched."""
    for name, xpath in selectors.items():
        matches = page.tree.xpath(xpath)
        matches = matches if isinstance(matches, list) else [matches]
        if any(match_text(match) for match in matches):
            FIELD_SETTERS[name](page, article, matches)


def match_text(match: Any) -> str:
    """The cleaned text of an element or of a selected string."""
    return element_text(match) if isinstance(match, lxml.html.HtmlElement) else clean_text(str(match))


def set_title(page: Page, article: Article, matches: Matches) -> None:
    article.title = next(text for match in matches if (text := match_text(match)))


def set_authors(page: Page, article: Article, matches: Matches) -> None:
    names = [name for match in matches for name in parse_byline(match_text(match))]
    if names:
        article.authors = list(dict.fromkeys(names))


def first_date(page: Page, matches: Matches) -> datetime | None:
    """The first match that reads as a date."""
    return next((value for match in matches if (value := parse_date(match_text(match), page))), None)


def set_published_at(page: Page, article: Article, matches: Matches) -> None:
    article.published_at = first_date(page, matches) or article.published_at


def set_modified_at(page: Page, article: Article, matches: Matches) -> None:
    article.modified_at = first_date(page, matches) or article.modified_at


def set_body(page: Page, article: Article, matches: Matches) -> None:
    """Paragraphs of the matched containers (their <p> children, or their whole text)."""
    paragraphs = [text for match in matches for text in element_paragraphs(match) if text]
    article.body = "\n\n".join(paragraphs) or None
    article.word_count = word_count(article.body or "")
    article.content_hash = content_hash(article.body)


def element_paragraphs(match: Any) -> list[str]:
    """The cleaned text of each <p> in a matched element, else its whole text; a selected string as it is."""
    if not isinstance(match, lxml.html.HtmlElement):
        return [match_text(match)]
    paragraphs = match.xpath(".//p")
    return [element_text(p) for p in paragraphs] if paragraphs else [element_text(match)]


def set_captions(page: Page, article: Article, matches: Matches) -> None:
    """Each matched caption goes to the image sharing its nearest container."""
    by_url = {image.url: image for image in article.images}
    for caption_element in (match for match in matches if isinstance(match, lxml.html.HtmlElement)):
        image = by_url.get(nearest_image_url(caption_element, page))
        if image is not None:
            caption, credit = split_credit(element_text(caption_element))
            image.caption, image.credit = worded(caption), credit or image.credit


def nearest_image_url(element: lxml.html.HtmlElement, page: Page) -> str | None:
    """The source of the first <img> in the caption's closest ancestor that has one."""
    for ancestor in element.iterancestors():
        img = next(ancestor.iter("img"), None)
        if img is not None:
            return image_url(img, page)
    return None


FIELD_SETTERS: dict[str, Callable[[Page, Article, Matches], None]] = {
    "title": set_title,
    "authors": set_authors,
    "published_at": set_published_at,
    "modified_at": set_modified_at,
    "captions": set_captions,
    "body": set_body,
}
