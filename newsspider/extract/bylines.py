"""Bylines: a list of person names, with news agencies kept apart."""

from __future__ import annotations

import re
from typing import Any, Iterable

import lxml.html

from ..items import Article
from .dates import find_date_span
from .page import ARTICLE_TYPES, Page, jsonld_types
from .text import class_and_id, clean_text, element_text

AGENCIES = (
    "Reuters", "AFP", "Agence France-Presse", "AP", "Associated Press", "The Associated Press", "dpa",
    "Deutsche Presse-Agentur", "EFE", "ANSA", "Xinhua", "TASS", "Bloomberg", "UPI", "PA Media", "PA",
    "APA", "KNA", "epd", "sda", "Keystone-SDA", "Anadolu", "AZERTAC", "Trend", "Kyodo", "Yonhap", "ANP",
    "Belga", "Europa Press", "Ritzau", "NTB", "TT", "Staff", "Staff Reporter", "Newsroom", "Editorial Board",
)
_AGENCY_KEYS = {name.casefold() for name in AGENCIES}

_BY_PREFIX = re.compile(
    r"^\s*(?:(?:updated|published|posted|aktualisiert|veröffentlicht)\s+)?(?:written\s+)?(?:by|von|par|por|di|door|av|af|przez)\b[:\s]*",
    re.I,
)
_TRAILING_ROLE = re.compile(r"\s+(?:기자|記者|특파원|reporter|redakteur(?:in)?|korrespondent(?:in)?)$", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bog\b|\boch\b|\bi\b)\s*", re.I)
_ROLE_WORDS = re.compile(
    r"\b(?:correspondent|reporter|editor|writer|columnist|contributor|producer|staff|analyst|"
    r"journalist|author|photographer|chief|senior|deputy|managing|bureau|desk|team|news|updated|published)\b",
    re.I,
)
_HANDLE_OR_EMAIL = re.compile(r"\S+@\S+|@\w+|https?://\S+")
_NAME_WORD = re.compile(r"^[\w'’.\-]+$")
_BYLINE_HINTS = ("byline", "author", "writer", "contributor", "by-line")


def fill(page: Page, article: Article) -> None:
    """Set authors (people) and, when credited, the agency as publisher."""
    people, agencies = split_people_and_agencies(byline_names(page))
    article.authors = people
    if agencies:
        article.publisher = agencies[0]


def byline_names(page: Page) -> list[str]:
    """Names from the first source that has any: JSON-LD, meta, then the visible byline."""
    for source in (jsonld_author_names, meta_author_names, visible_byline_names):
        names = [name for name in source(page) if not names_the_site(name, page)]
        if names:
            return names
    return []


def names_the_site(name: str, page: Page) -> bool:
    """An "author" that is the publication itself (its og:site_name, publisher or host), not a writer."""
    key = normalise_name(name)
    publisher = next((obj.get("publisher") for obj in page.jsonld_objects(*ARTICLE_TYPES) if obj.get("publisher")), None)
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else publisher
    site_names = (page.meta_value("og:site_name"), publisher_name if isinstance(publisher_name, str) else None, page.host.removeprefix("www."))
    return any(key == normalise_name(site) or key == normalise_name(site.rsplit(".", 1)[0]) for site in site_names if site)


def normalise_name(text: str) -> str:
    return "".join(char for char in text.casefold() if char.isalnum())


def jsonld_author_names(page: Page) -> list[str]:
    """author of the page's JSON-LD article, as Person objects or strings."""
    for obj in page.jsonld_objects(*ARTICLE_TYPES):
        names = [name for value in as_list(obj.get("author")) for name in author_value_names(value)]
        if names:
            return names
    return []


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def author_value_names(value: Any) -> list[str]:
    """Names in one JSON-LD author value: a Person/Organization object or a string."""
    if isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, list):
            name = " ".join(str(part) for part in name)
        if not name:
            return []
        if "Organization" in jsonld_types(value) or "NewsMediaOrganization" in jsonld_types(value):
            return [clean_text(str(name))] if is_agency(str(name)) else []
        return parse_byline(str(name))
    if isinstance(value, str):
        return parse_byline(value)
    return []


def meta_author_names(page: Page) -> list[str]:
    """The author meta tag (not URLs, which some sites put there)."""
    value = page.meta_value("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
    if not value or value.startswith("http"):
        return []
    return parse_byline(value)


def byline_elements(page: Page) -> Iterable[lxml.html.HtmlElement]:
    """Elements marked as bylines or authors, in document order."""
    for element in page.tree.iter():
        if not isinstance(element.tag, str) or element.tag in ("html", "body", "meta", "link", "script", "style"):
            continue
        marker = class_and_id(element) + " " + (element.get("rel") or "") + " " + (element.get("itemprop") or "")
        if any(hint in marker for hint in _BYLINE_HINTS):
            yield element


def by_line_elements(page: Page) -> Iterable[lxml.html.HtmlElement]:
    """Short elements whose own text starts with "By ": a byline without markup."""
    for element in page.tree.iter("p", "div", "span", "address", "li"):
        text = element_text(element)
        if len(text) < 160 and _BY_PREFIX.match(text) and text[:2].lower() == "by":
            yield element


def visible_byline_names(page: Page) -> list[str]:
    """Names in the first byline element (or "By ..." line) that yields any."""
    for element in [*byline_elements(page), *by_line_elements(page)]:
        text = element_text(element)
        if not text or len(text) > 200:
            continue
        names = parse_byline(text)
        if names:
            page.consumed.add(element)
            return names
    return []


def parse_byline(text: str) -> list[str]:
    """Person and agency names in a byline: "By A, B and C, Senior Correspondent July 25, 2023"."""
    text = _HANDLE_OR_EMAIL.sub(" ", clean_text(text))
    date_span = find_date_span(text)
    if date_span:
        text = text[: date_span[0]]
    text = _BY_PREFIX.sub("", text)
    names: list[str] = []
    for part in _NAME_SEPARATORS.split(text):
        name = clean_name(part)
        if name and name not in names:
            names.append(name)
    return without_places(names)


def without_places(names: list[str]) -> list[str]:
    """Names without one-word parts beside full names: "Von Max Mustermann, Berlin" names a place."""
    if not any(len(name.split()) > 1 for name in names):
        return names
    return [name for name in names if len(name.split()) > 1 or is_agency(name)]


def clean_name(part: str) -> str | None:
    """A name without roles and punctuation, or None when no name is left."""
    part = _TRAILING_ROLE.sub("", _BY_PREFIX.sub("", part.strip(" .:-–—()[]\"'")))
    if is_agency(part):
        return part
    if _ROLE_WORDS.search(part) or not part:
        return None
    tokens = part.split()
    if not 1 <= len(tokens) <= 5 or not all(_NAME_WORD.match(t) for t in tokens):
        return None
    # Lower-case first letters mark prose; scripts without case (CJK, Arabic) pass.
    if any(ch.isdigit() for ch in part) or tokens[0][:1].islower():
        return None
    return part


def is_agency(name: str) -> bool:
    return clean_text(name).casefold() in _AGENCY_KEYS


def split_people_and_agencies(names: list[str]) -> tuple[list[str], list[str]]:
    """People for `authors`, agencies for `publisher`."""
    people = [name for name in names if not is_agency(name)]
    agencies = [name for name in names if is_agency(name)]
    return people, agencies
