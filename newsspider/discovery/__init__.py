"""Discover: pure functions that find article URLs in sitemaps, feeds and robots.txt; no Scrapy imports."""

from .documents import DocumentTooLarge, document_kind, maybe_gunzip
from .entries import Entry, is_before, parse_since
from .feeds import announced_feeds, parse_feed
from .sitemaps import SitemapDocument, parse_sitemap

__all__ = [
    "DocumentTooLarge",
    "announced_feeds",
    "Entry",
    "SitemapDocument",
    "document_kind",
    "is_before",
    "maybe_gunzip",
    "parse_feed",
    "parse_since",
    "parse_sitemap",
]
