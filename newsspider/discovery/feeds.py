"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds, and the <link rel="alternate"> tags that announce them."""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.etree

from .entries import Entry, newest, parse_listing_date
from .xml import child_text, local_name, parse_xml

FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})


def announced_feeds(html_root: lxml.etree._Element, base_url: str) -> list[str]:
    """Feed URLs an HTML page announces with <link rel="alternate" type="application/rss+xml" ...>."""
    urls = []
    for link in html_root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "alternate" in rel and (link.get("type") or "").strip().lower() in FEED_TYPES and link.get("href"):
            urls.append(urljoin(base_url, link.get("href").strip()))
    return urls


def parse_feed(body: bytes, base_url: str) -> list[Entry]:
    """The entries of an RSS or Atom feed, links made absolute against `base_url`."""
    root = parse_xml(body)
    if root is None:
        return []
    entries = [feed_entry(item, base_url) for item in root.iter() if local_name(item) in ("item", "entry")]
    return [entry for entry in entries if entry is not None]


def feed_entry(item: lxml.etree._Element, base_url: str) -> Entry | None:
    """One <item> (RSS) or <entry> (Atom): its link and newest date."""
    link = entry_link(item)
    if not link:
        return None
    dates = (parse_listing_date(child_text(item, name)) for name in ("pubDate", "date", "updated", "published"))
    return Entry(urljoin(base_url, link), newest(*dates))


def entry_link(item: lxml.etree._Element) -> str | None:
    """RSS <link>text</link>, Atom <link rel="alternate" href>, or a permalink <guid>."""
    for child in item:
        if local_name(child) != "link":
            continue
        if child.get("href") and child.get("rel", "alternate") == "alternate":
            return child.get("href").strip()
        if (child.text or "").strip():
            return child.text.strip()
    guid = next((child for child in item if local_name(child) == "guid"), None)
    if guid is not None and guid.get("isPermaLink", "true") == "true" and (guid.text or "").startswith("http"):
        return guid.text.strip()
    return None
