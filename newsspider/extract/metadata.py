"""Title, canonical URL, section, tags, language and summary from structured data first."""

from __future__ import annotations

import re
from typing import Any

import lxml.html

from ..items import Article
from .page import ARTICLE_TYPES, Page
from .text import clean_text, element_text
from .urls import canonicalize_url

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·:»\-]\s+")


def fill(page: Page, article: Article) -> None:
    """Set the metadata fields of `article` from `page`."""
    article.source = page.host
    article.canonical_url = canonical_url(page)
    article.title = title(page)
    article.section = section(page)
    article.tags = tags(page)
    article.language = language(page)
    article.summary = summary(page)
    article.publisher = site_publisher(page)


def first_article_object(page: Page) -> dict[str, Any]:
    """The page's JSON-LD article object, or an empty dict."""
    return next(page.jsonld_objects(*ARTICLE_TYPES), {})


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
        if "canonical" in link.get("rel", "").lower().split() and link.get("href", "").strip():
            return canonicalize_url(link.get("href").strip())
    return canonicalize_url(page.meta_value("og:url") or page.url)


def first_h1(page: Page) -> lxml.html.HtmlElement | None:
    """The first <h1> with text."""
    return next((heading for heading in page.tree.iter("h1") if element_text(heading)), None)


def strip_site_name(text: str, page: Page) -> str:
    """A <title> without the " | Site Name" part around the headline."""
    parts = _TITLE_SEPARATORS.split(text)
    if len(parts) == 1:
        return text
    site = (page.meta_value("og:site_name") or "").casefold()
    kept = [part for part in parts if part.casefold() != site]
    return max(kept or parts, key=len)


def title(page: Page) -> str | None:
    """The headline: og:title or JSON-LD headline when the page's <h1> agrees, else the best guess."""
    h1 = first_h1(page)
    heading = element_text(h1) if h1 is not None else None
    candidates = [
        jsonld_text(first_article_object(page).get("headline")),
        page.meta_value("og:title", "twitter:title", "dc.title"),
    ]
    structured = [clean_text(c) for c in candidates if c]
    if heading and (not structured or any(heading.casefold() in c.casefold() for c in structured)):
        page.consumed.add(h1)  # the headline is not body text
        return heading
    if structured:
        return strip_site_name(structured[0], page)
    title_element = page.tree.find(".//title")
    return strip_site_name(element_text(title_element), page) if title_element is not None else None


def section(page: Page) -> str | None:
    """article:section or JSON-LD articleSection."""
    value = page.meta_value("article:section") or jsonld_text(first_article_object(page).get("articleSection"))
    return clean_text(value) or None


def split_keywords(value: Any) -> list[str]:
    """Keywords from a list or a comma-separated string, cleaned, in order, once each."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    seen: dict[str, str] = {}
    for item in items:
        text = clean_text(str(item))
        if text and text.casefold() not in seen:
            seen[text.casefold()] = text
    return list(seen.values())


def tags(page: Page) -> list[str]:
    """article:tag meta, else JSON-LD keywords, else the keywords meta tag."""
    if page.meta.get("article:tag"):
        return split_keywords(page.meta["article:tag"])
    keywords = first_article_object(page).get("keywords")
    if keywords:
        return split_keywords(keywords)
    return split_keywords(page.meta_value("news_keywords", "keywords"))


def language(page: Page) -> str | None:
    """The <html lang>, og:locale or Content-Language, as a lower-case primary tag."""
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


def site_publisher(page: Page) -> str | None:
    """The publishing organisation: JSON-LD publisher, else og:site_name."""
    return jsonld_text(first_article_object(page).get("publisher")) or page.meta_value("og:site_name")
