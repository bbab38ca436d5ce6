"""Sitemaps and sitemap indexes, including Google News sitemaps (news:publication_date).

Scrapy's `scrapy.utils.sitemap.Sitemap` only keeps direct children of <url>, so the nested
<news:news> block would be lost; this reader keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import lxml.etree

from .entries import Entry, newest, parse_listing_date
from .xml import child_text, local_name, parse_xml


@dataclass
class SitemapDocument:
    """An index lists child sitemaps; a urlset lists pages."""

    kind: Literal["sitemapindex", "urlset", "invalid"]
    entries: list[Entry] = field(default_factory=list)


def parse_sitemap(body: bytes) -> SitemapDocument:
    """The entries of a (decompressed) sitemap or sitemap index."""
    root = parse_xml(body)
    kind = local_name(root) if root is not None else ""
    if root is None or kind not in ("sitemapindex", "urlset"):
        return SitemapDocument("invalid")
    item_name = "sitemap" if kind == "sitemapindex" else "url"
    entries = [entry for element in root if local_name(element) == item_name and (entry := sitemap_entry(element))]
    return SitemapDocument(kind, entries)  # type: ignore[arg-type]


def sitemap_entry(element: lxml.etree._Element) -> Entry | None:
    """One <url> or <sitemap>: its loc, and the newest of lastmod and news:publication_date."""
    loc = next((child.text.strip() for child in element if local_name(child) == "loc" and child.text), None)
    if not loc:
        return None
    lastmod = parse_listing_date(next((child.text for child in element if local_name(child) == "lastmod"), None))
    news = next((child for child in element if local_name(child) == "news"), None)
    published = parse_listing_date(child_text(news, "publication_date")) if news is not None else None
    return Entry(loc, newest(lastmod, published))
