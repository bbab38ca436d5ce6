"""The demo site's machine-facing files: robots.txt, sitemap.xml and the RSS 2.0 feed."""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import format_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from newsspider.demo.content import SITE_NAME, DemoArticle, as_site_datetime

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DC_NS = "http://purl.org/dc/elements/1.1/"
DISALLOWED_PATH = "/search/"


def robots_txt(base_url: str) -> str:
    return f"User-agent: *\nDisallow: {DISALLOWED_PATH}\n\nSitemap: {urljoin(base_url, '/sitemap.xml')}\n"


def sitemap_xml(base_url: str, articles: Sequence[DemoArticle], listing_paths: Sequence[str]) -> str:
    """A urlset of the listing pages and every article, articles with their lastmod."""
    ET.register_namespace("", SITEMAP_NS)
    urlset = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for path in listing_paths:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urljoin(base_url, path)
    for article in articles:
        url = ET.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = urljoin(base_url, article.path)
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = article.last_changed.isoformat()
    return ET.tostring(urlset, encoding="unicode", xml_declaration=True)


def rss_feed(base_url: str, articles: Sequence[DemoArticle]) -> str:
    """An RSS 2.0 channel with one item per article, newest first."""
    ET.register_namespace("dc", DC_NS)
    rss = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss, "channel")
    ET.SubElement(channel, "title").text = SITE_NAME
    ET.SubElement(channel, "link").text = base_url
    ET.SubElement(channel, "description").text = f"Latest stories from {SITE_NAME}"
    ET.SubElement(channel, "language").text = "en"
    for article in articles:
        item = ET.SubElement(channel, "item")
        link = urljoin(base_url, article.path)
        ET.SubElement(item, "title").text = article.title
        ET.SubElement(item, "link").text = link
        ET.SubElement(item, "guid", isPermaLink="true").text = link
        ET.SubElement(item, "description").text = article.summary
        ET.SubElement(item, "pubDate").text = format_datetime(as_site_datetime(article.published))
        ET.SubElement(item, "category").text = article.section
        for name in article.authors or ([article.publisher] if article.publisher else []):
            ET.SubElement(item, f"{{{DC_NS}}}creator").text = name
    return ET.tostring(rss, encoding="unicode", xml_declaration=True)
