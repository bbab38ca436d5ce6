"""An image's address: a lazy loader's attributes, the widest srcset candidate, its <noscript> copy, the file it links to."""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html

from .page import Page
from .urls import split_url

# A link to a picture file itself (the full-size picture), not to a page.
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|\?)", re.I)
_LAZY_ATTRIBUTES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-srcset", "srcset", "src")
_LAZY_SOURCE_NAME = re.compile(r"^data-.*(?:src|lazy)")
_PLACEHOLDER_FILE = re.compile(r"(?:blank|transparent|placeholder|spacer|pixel|empty)[^/]*\.(?:gif|png|svg)$", re.I)


def image_url(img: lxml.html.HtmlElement, page: Page) -> str | None:
    """The absolute source of a possibly lazy-loaded <img> or <picture>: data-src, srcset, src, its <noscript> copy,
    the image file it links to, and a lazy loader's placeholder only when nothing better is written; an address that
    cannot be resolved (a malformed host) is passed over."""
    sources = [*lazy_sources(img), *noscript_sources(img), *linked_image_file(img)]
    real = (value for value in sources if not is_placeholder(value) and page.absolute_url(value))
    source = next(real, None) or next((value for value in sources if not value.startswith("data:")), None)
    return page.absolute_url(source) if source else None


def lazy_sources(img: lxml.html.HtmlElement) -> Iterable[str]:
    """The addresses the picture's elements give, in the order a lazy loader prefers them."""
    for element in (e for e in img.iter() if isinstance(e.tag, str)):
        for attribute in source_attributes(element):
            value = (element.get(attribute) or "").strip()
            if "srcset" in attribute:
                value = largest_srcset_candidate(value)
            if value:
                yield value


def noscript_sources(img: lxml.html.HtmlElement) -> list[str]:
    """The source of the <img> a lazy-loading page repeats in a <noscript> beside the picture."""
    parent = img.getparent()
    copies = parent.xpath("./noscript//img") if parent is not None else []
    return [source for copy in copies for source in lazy_sources(copy)]


def linked_image_file(img: lxml.html.HtmlElement) -> list[str]:
    """The full-size file a picture links to (WordPress's "link to media file")."""
    link = next(img.iterancestors("a"), None)
    href = (link.get("href") or "").strip() if link is not None else ""
    return [href] if IMAGE_FILE.search(href) else []


def source_attributes(element: lxml.html.HtmlElement) -> list[str]:
    """The attributes that may hold the picture's address: the usual ones, then a lazy loader's own (data-flickity-lazyload)."""
    own = [
        name
        for name, value in element.attrib.items()
        if name not in _LAZY_ATTRIBUTES and _LAZY_SOURCE_NAME.search(name) and "/" in value  # a path, not a flag
    ]
    return [name for name in _LAZY_ATTRIBUTES if name in element.attrib] + own


def is_placeholder(source: str) -> bool:
    """An inline or blank stand-in a lazy loader swaps out: a data: URI or a transparent/spacer file."""
    parts = split_url(source)
    return source.startswith("data:") or parts is not None and bool(_PLACEHOLDER_FILE.search(parts.path))


def largest_srcset_candidate(srcset: str) -> str:
    """The URL of the widest candidate in a srcset."""
    best, best_width = "", -1.0
    for candidate in srcset.split(","):
        pieces = candidate.split()
        if not pieces:
            continue
        width = descriptor_width(pieces[1]) if len(pieces) > 1 else 0.0
        if width > best_width:
            best, best_width = pieces[0], width
    return best


def descriptor_width(descriptor: str) -> float:
    """The number in a srcset candidate's descriptor ("1200w", "2x"); 0 for one that holds none ("1.5.0w", "w")."""
    try:
        return float(re.sub(r"[^\d.]", "", descriptor) or 0)
    except ValueError:
        return 0.0
