"""Article images with their captions, photo credits and alt text."""

from __future__ import annotations

import re
from typing import Any, Iterable
from urllib.parse import urljoin

import lxml.html

from ..items import Article, Image
from .page import ARTICLE_TYPES, Page
from .text import class_and_id, clean_text, element_text, text_without

_CAPTION_HINTS = ("caption", "legend", "image-text", "img-text", "photo-text")
_CREDIT_HINTS = ("credit", "copyright", "source", "author", "byline", "photographer")
_CREDIT_PATTERNS = (
    re.compile(r"^(?P<caption>.*?)\s*[/|]\s*(?P<credit>[^/|]{2,60})$"),
    re.compile(r"^(?P<caption>.*?)[\s.]*\(\s*(?:photo|foto|image|bild|credit)?:?\s*(?P<credit>[^()]{2,60})\)\.?$", re.I),
    re.compile(r"^(?P<caption>.*?)[\s.]*(?:photo|foto|image|bild|picture|credit|source|quelle|fuente)s?\s*:\s*(?P<credit>.{2,80})$", re.I),
    re.compile(r"^(?P<caption>.*?)[\s.]*(?P<credit>©.{2,80})$"),
)
_CREDIT_PREFIX = re.compile(r"^(?:©|\(c\)|photo|foto|image|bild|credit|source|quelle|fuente)s?\s*[:/©]?\s*", re.I)
_LAZY_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-srcset", "srcset", "src")


def fill(page: Page, article: Article) -> None:
    """Set article.images: figures in the page, then JSON-LD images not already seen."""
    images = [image for image in captioned_images(page) if image.url]
    seen = {image.url for image in images}
    images += [image for image in jsonld_images(page) if image.url not in seen]
    article.images = images


def captioned_images(page: Page) -> list[Image]:
    """Images in <figure> or beside a caption element, in document order."""
    images: list[Image] = []
    for container in image_containers(page):
        img = container.find(".//img")
        if img is None:
            continue
        caption, credit = container_caption(container, page)
        images.append(Image(url=image_url(img, page.url), caption=caption, credit=credit, alt=clean_text(img.get("alt")) or None))
    return images


def image_containers(page: Page) -> Iterable[lxml.html.HtmlElement]:
    """<figure> elements, and caption-bearing divs around an <img> outside any figure."""
    for element in page.tree.iter("figure", "div"):
        if element.tag == "figure":
            yield element
        elif "figure" not in [a.tag for a in element.iterancestors()] and has_caption_child(element):
            yield element


def has_caption_child(element: lxml.html.HtmlElement) -> bool:
    """A div that directly holds an image and a caption element."""
    children = list(element)
    holds_image = any(child.tag == "img" or child.find(".//img") is not None and len(element_text(child)) < 5 for child in children)
    return holds_image and any(is_caption_element(child) for child in children)


def is_caption_element(element: lxml.html.HtmlElement) -> bool:
    return element.tag == "figcaption" or any(hint in class_and_id(element) for hint in _CAPTION_HINTS)


def container_caption(container: lxml.html.HtmlElement, page: Page) -> tuple[str | None, str | None]:
    """The caption and credit in a figure: separate credit elements first, else split from the text."""
    caption_elements = [e for e in container.iter() if isinstance(e.tag, str) and e is not container and is_caption_element(e)]
    credit_elements = [e for e in container.iter() if isinstance(e.tag, str) and e is not container and is_credit_element(e)]
    page.consumed.update(caption_elements + credit_elements)
    credit_text = clean_text(" ".join(element_text(e) for e in credit_elements)) or None
    caption_text = " ".join(text_without(e, credit_elements) for e in outermost(caption_elements))
    caption_text = clean_text(caption_text)
    if credit_text:
        return caption_text or None, strip_credit_prefix(credit_text)
    caption, credit = split_credit(caption_text)
    return caption or None, credit


def outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """Elements not inside another element of the list."""
    members = set(elements)
    return [e for e in elements if not any(a in members for a in e.iterancestors())]


def is_credit_element(element: lxml.html.HtmlElement) -> bool:
    return element.tag != "img" and any(hint in class_and_id(element) for hint in _CREDIT_HINTS)


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption's text and its trailing credit: "... / President.Az", "(Reuters)", "Photo: AFP", "© X"."""
    for pattern in _CREDIT_PATTERNS:
        match = pattern.match(caption)
        if match and looks_like_credit(match.group("credit")):
            return clean_text(match.group("caption")).rstrip(" -–—,;"), strip_credit_prefix(match.group("credit"))
    return caption, None


def looks_like_credit(text: str) -> bool:
    """Short, name-like text: not a sentence."""
    text = clean_text(text)
    return 1 < len(text) <= 80 and len(text.split()) <= 8 and not text.endswith((".", "?", "!")) or text.startswith("©")


def strip_credit_prefix(credit: str) -> str | None:
    """A credit without "Photo:", "©" or "Credit:" in front."""
    text = clean_text(_CREDIT_PREFIX.sub("", clean_text(credit))).strip(" ()")
    return text or None


def image_url(img: lxml.html.HtmlElement, base_url: str) -> str | None:
    """The absolute source of a possibly lazy-loaded <img>: data-src, srcset, then src."""
    for attribute in _LAZY_ATTRIBUTES:
        value = (img.get(attribute) or "").strip()
        if not value or value.startswith("data:"):
            continue
        if "srcset" in attribute:
            value = largest_srcset_candidate(value)
        return urljoin(base_url, value)
    return None


def largest_srcset_candidate(srcset: str) -> str:
    """The URL of the widest candidate in a srcset."""
    best, best_width = "", -1.0
    for candidate in srcset.split(","):
        pieces = candidate.split()
        if not pieces:
            continue
        width = float(re.sub(r"[^\d.]", "", pieces[1]) or 0) if len(pieces) > 1 else 0.0
        if width > best_width:
            best, best_width = pieces[0], width
    return best


def jsonld_images(page: Page) -> list[Image]:
    """ImageObject values of the JSON-LD article's image property."""
    images = []
    for obj in page.jsonld_objects(*ARTICLE_TYPES):
        for value in obj.get("image") if isinstance(obj.get("image"), list) else [obj.get("image")]:
            image = jsonld_image(value)
            if image:
                images.append(image)
    return images


def jsonld_image(value: Any) -> Image | None:
    if isinstance(value, str):
        return Image(url=value)
    if isinstance(value, dict) and (value.get("url") or value.get("contentUrl")):
        caption = clean_text(str(value.get("caption") or "")) or None
        credit = clean_text(str(value.get("creditText") or value.get("copyrightHolder") or "")) or None
        return Image(url=value.get("url") or value.get("contentUrl"), caption=caption, credit=credit)
    return None
