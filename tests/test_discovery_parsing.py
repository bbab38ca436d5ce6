"""Sitemaps, feeds, document sniffing and trap shapes: pure functions on saved inputs."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone

import lxml.html
import pytest

from newsspider.discovery import (
    DocumentTooLarge, Entry, announced_feeds, document_kind, is_before, maybe_gunzip, parse_feed, parse_since,
    parse_sitemap,
)
from newsspider.middlewares import parse_retry_after, query_parameter_count, url_shape

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/a/</loc><lastmod>2024-01-01</lastmod>
    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2024-03-01T10:00:00+02:00</news:publication_date><news:title>Harbour reopens</news:title>
    </news:news></url>
  <url><loc> https://news.example/b/ </loc></url>
  <url><lastmod>2024-01-01</lastmod></url>
</urlset>"""

INDEX = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example/s1.xml.gz</loc><lastmod>2024-05-01T12:00:00Z</lastmod></sitemap></sitemapindex>"""

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Example</title><link>https://news.example/</link>
<item><title>One</title><link>/one/</link><pubDate>Tue, 10 Jun 2003 04:00:00 GMT</pubDate></item>
<item><title>Two</title><guid isPermaLink="true">https://news.example/two/</guid></item>
<item><title>No link</title><guid isPermaLink="false">id-3</guid></item></channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Example</title>
<entry><title>Three</title><link rel="edit" href="https://news.example/edit/3"/><link rel="alternate" href="https://news.example/three/"/>
<published>2003-12-13T08:29:29-04:00</published><updated>2003-12-13T18:30:02Z</updated></entry></feed>"""


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_news_sitemap_gives_loc_and_newest_date() -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP)
    assert sitemap.kind == "urlset"
    assert sitemap.entries == [
        Entry("https://news.example/a/", utc(2024, 3, 1, 8)),
        Entry("https://news.example/b/"),
    ]


def test_gzipped_sitemap_index_is_read_after_gunzip() -> None:
    sitemap = parse_sitemap(maybe_gunzip(gzip.compress(INDEX), max_size=10_000))
    assert sitemap.kind == "sitemapindex"
    assert sitemap.entries == [Entry("https://news.example/s1.xml.gz", utc(2024, 5, 1, 12))]


def test_gzip_bomb_is_refused() -> None:
    with pytest.raises(DocumentTooLarge):
        maybe_gunzip(gzip.compress(b"<urlset>" + b" " * 100_000), max_size=1000)


def test_an_html_page_is_not_a_sitemap() -> None:
    assert parse_sitemap(b"<html><body>hi</body></html>").kind == "invalid"


def test_rss_items_with_relative_links_and_permalink_guids() -> None:
    assert parse_feed(RSS, "https://news.example/") == [
        Entry("https://news.example/one/", utc(2003, 6, 10, 4)),
        Entry("https://news.example/two/"),
    ]


def test_atom_entry_uses_its_alternate_link_and_newest_date() -> None:
    assert parse_feed(ATOM, "https://news.example/") == [Entry("https://news.example/three/", utc(2003, 12, 13, 18, 30, 2))]


def test_feeds_announced_in_the_head() -> None:
    html = lxml.html.fromstring(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss">'
        '<link rel="Alternate" type="application/atom+xml" href="https://cdn.example/atom.xml">'
        '<link rel="alternate" hreflang="de" href="/de/"><link rel="stylesheet" type="text/css" href="/s.css"></head></html>'
    )
    assert announced_feeds(html, "https://news.example/world/") == ["https://news.example/rss", "https://cdn.example/atom.xml"]


@pytest.mark.parametrize(
    ("body", "content_type", "kind"),
    [
        (NEWS_SITEMAP, "text/plain", "sitemap"),
        (INDEX, None, "sitemap"),
        (RSS, "text/xml", "feed"),
        (ATOM, "application/xml", "feed"),
        (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x"></rdf:RDF>', None, "feed"),
        (b"<!DOCTYPE html><!-- <rss> --><html><body><p>x</p></body></html>", None, "html"),
        (b"<div><p>a fragment served as text/html</p></div>", "text/html", "html"),
        (b"%PDF-1.4 binary", "application/pdf", "other"),
    ],
)
def test_document_kind_comes_from_the_root_element(body: bytes, content_type: str | None, kind: str) -> None:
    assert document_kind(body, content_type) == kind


def test_since_keeps_undated_and_newer_entries() -> None:
    since = parse_since("2024-01-01")
    assert since == utc(2024, 1, 1)
    assert is_before(Entry("x", utc(2023, 12, 31, 23)), since)
    assert not is_before(Entry("x", utc(2024, 1, 1)), since)
    assert not is_before(Entry("x"), since)
    assert not is_before(Entry("x", utc(2000, 1, 1)), None)


def test_calendar_pages_share_a_url_shape_and_articles_do_not() -> None:
    assert url_shape("https://a.example/calendar/2024/05/") == url_shape("https://a.example/calendar/1999/12/")
    assert url_shape("https://a.example/news/ferry/") != url_shape("https://a.example/news/storm/")
    assert url_shape("https://a.example/s/?page=2") == url_shape("https://a.example/s/?page=30&utm_source=x")


def test_tracking_parameters_do_not_count_as_query_parameters() -> None:
    assert query_parameter_count("https://a.example/s/?page=2&utm_source=x&fbclid=y") == 1
    assert query_parameter_count("https://a.example/s/?page=2&sort=new") == 2


def test_retry_after_as_seconds_or_http_date() -> None:
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past: retry now
    assert parse_retry_after("soon") is None
    assert parse_retry_after("²") is None  # a digit to str.isdigit, not to float()
