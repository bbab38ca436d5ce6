"""A spider that finds a site's articles by itself: robots.txt, sitemaps, feeds and in-site links.

Each TARGET is fetched first and recognised by its content: a sitemap or a feed gives its entries,
an article is fetched alone, and any other HTML page (home, section) starts discovery of its whole site.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable, Iterator
from typing import Any, Self
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.http import Response, TextResponse
from scrapy.linkextractors import IGNORED_EXTENSIONS, LinkExtractor
from scrapy.robotstxt import ProtegoRobotParser, RobotParser
from scrapy.utils.sitemap import sitemap_urls_from_robots
from scrapy.utils.url import url_has_any_extension

from ..discovery import DocumentTooLarge, Entry, announced_feeds, document_kind, is_before, maybe_gunzip, parse_feed
from ..discovery import parse_since, parse_sitemap
from ..extract import extract_article
from ..profiles import Profile, load_profile
from ..middlewares import KIND, LINK_DEPTH
from .base import PageSpider, content_type, split_urls

# Dates a sitemap or feed gave an entry (aware UTC datetime); the dataset layer uses it for refreshes.
LASTMOD = "newsspider_lastmod"
NON_HTML_EXTENSIONS = {f".{extension}" for extension in IGNORED_EXTENSIONS}
DEFAULT_PROFILE = Profile(name="default")


class SiteSpider(PageSpider):
    """Discovers and fetches the articles of the sites named by `targets` (or by the profile's start URLs)."""

    name = "site"
    user_agent: str  # set from NEWSSPIDER_CONTACT_URL; Scrapy's UserAgentMiddleware prefers it to the setting

    def __init__(
        self,
        *args: Any,
        targets: str | Iterable[str] = (),
        since: str | None = None,
        max_articles: int | None = None,
        max_pages: int | None = None,
        depth: int | None = None,
        profile: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.profile = load_profile(profile) if profile else DEFAULT_PROFILE
        self.targets = start_urls(split_urls(targets), self.profile)
        self.since = parse_since(since) if since else None
        self.limits = {"max_articles": max_articles, "max_pages": max_pages, "depth": depth}
        self.site_timezone = self.site_timezone or self.profile.timezone
        self.allowed_domains = site_domains(self.targets, self.profile)
        self.url_rules = UrlRules(self.profile)
        # Off-site links are left to Scrapy's OffsiteMiddleware, which (unlike allow_domains here) ignores ports.
        self.link_extractor = LinkExtractor(allow=self.profile.allow, deny=self.profile.deny)
        # Hosts whose every page is searched for links and feeds (a home or section page was a target).
        self.discovered_sites: set[str] = set()
        # Sitemaps listed by the robots.txt files RobotsTxtMiddleware already fetched, by host (netloc).
        self.robots_sitemaps: dict[str, list[str]] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.settings.setdict(spider.crawl_settings(), priority="spider")
        contact = crawler.settings.get("NEWSSPIDER_CONTACT_URL")
        if contact:
            # Scrapy's UserAgentMiddleware prefers the spider's user_agent attribute.
            spider.user_agent = f"{crawler.settings.get('NEWSSPIDER_PRODUCT')} (+{contact})"
        crawler.signals.connect(spider.remember_robots_sitemaps, signal=signals.robots_parsed)
        return spider

    def crawl_settings(self) -> dict[str, Any]:
        """The spider arguments that other components read as settings."""
        settings = {
            "NEWSSPIDER_SINCE": self.since and self.since.date().isoformat(),
            "NEWSSPIDER_MAX_ARTICLES": self.limits["max_articles"],
            "NEWSSPIDER_MAX_PAGES": self.limits["max_pages"],
            "NEWSSPIDER_MAX_DEPTH": self.limits["depth"],
            "NEWSSPIDER_SELECTORS": self.profile.selectors or None,
            "NEWSSPIDER_SITE_LANGUAGE": self.profile.language,
        }
        return {name: value for name, value in settings.items() if value is not None}

    async def start(self) -> AsyncIterator[Any]:
        for url in self.targets:
            yield scrapy.Request(url, callback=self.parse_target, meta={KIND: "target"})

    def parse_target(self, response: Response) -> Iterator[Any]:
        """Sitemap, feed, article or site: decided by what the target turned out to be."""
        body = self.document_body(response)
        kind = document_kind(body, content_type(response))
        if kind == "sitemap":
            yield from self.sitemap_requests(response, body)
        elif kind == "feed":
            yield from self.entry_requests(parse_feed(body, response.url))
        elif kind == "html" and self.is_html(response) and self.is_single_article(response):
            yield self.fetched_page(response)
        elif kind == "html" and self.is_html(response):
            yield from self.discover_site(response)
        else:
            self.count("skipped/not_html")

    def is_single_article(self, response: Response) -> bool:
        """An article named as target is fetched alone; the extraction layer decides what an article is."""
        article = extract_article(
            response.body, response.url, content_type=content_type(response), selectors=self.profile.selectors
        )
        return article.is_article

    def remember_robots_sitemaps(self, robotparser: RobotParser, request: scrapy.Request) -> None:
        """Keeps the sitemaps of a robots.txt that RobotsTxtMiddleware parsed, so it is not fetched again."""
        if isinstance(robotparser, ProtegoRobotParser):
            robots = urljoin(request.url, "/robots.txt")
            self.robots_sitemaps[urlsplit(request.url).netloc] = [urljoin(robots, url) for url in robotparser.rp.sitemaps]

    def discover_site(self, response: TextResponse) -> Iterator[Any]:
        """From a home or section page: robots.txt (for its sitemaps), then the page's feeds and links."""
        self.discovered_sites.add(site_key(response.url))
        if "sitemaps" in self.profile.discovery:
            yield from self.robots_sitemap_requests(response.url)
        yield from self.page_links(response)

    def robots_sitemap_requests(self, url: str) -> Iterator[scrapy.Request]:
        """The site's sitemaps from robots.txt: the copy the robots middleware parsed, else a fetch of our own."""
        robots = urljoin(url, "/robots.txt")
        listed = self.robots_sitemaps.get(urlsplit(url).netloc)
        if listed is None:
            yield scrapy.Request(robots, callback=self.parse_robots, meta={KIND: "robots", "handle_httpstatus_all": True})
        else:
            yield from self.sitemap_requests_from_robots(listed, robots)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        listed = list(sitemap_urls_from_robots(response.body, base_url=response.url)) if response.status == 200 else []
        yield from self.sitemap_requests_from_robots(listed, response.url)

    def sitemap_requests_from_robots(self, listed: list[str], robots_url: str) -> Iterator[scrapy.Request]:
        """The sitemaps robots.txt lists, or /sitemap.xml when it lists none."""
        for url in listed or [urljoin(robots_url, "/sitemap.xml")]:
            # A site may keep its sitemaps on another host; their entries are still checked.
            yield scrapy.Request(url, callback=self.parse_sitemap, meta={KIND: "sitemap", "allow_offsite": bool(listed)})

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        yield from self.sitemap_requests(response, self.document_body(response))

    def sitemap_requests(self, response: Response, body: bytes) -> Iterator[Any]:
        """Child sitemaps of an index, or page requests for the entries of a urlset."""
        sitemap = parse_sitemap(body)
        if sitemap.kind == "sitemapindex":
            for entry in self.fresh(sitemap.entries):
                yield scrapy.Request(entry.url, callback=self.parse_sitemap, meta={KIND: "sitemap"})
        elif sitemap.kind == "urlset":
            yield from self.entry_requests(sitemap.entries)
        else:
            self.count("skipped/invalid_sitemap")

    def parse_feed(self, response: Response) -> Iterator[Any]:
        yield from self.entry_requests(parse_feed(self.document_body(response), response.url))

    def entry_requests(self, entries: Iterable[Entry]) -> Iterator[scrapy.Request]:
        """Requests for the pages a sitemap or feed lists, dated ones carrying their date."""
        for entry in self.fresh(entries):
            if url_has_any_extension(entry.url, NON_HTML_EXTENSIONS):
                self.count("skipped/not_html_url")
            elif self.url_rules.allows(entry.url):
                meta: dict[str, Any] = {KIND: "page"}
                if entry.updated_at is not None:
                    meta[LASTMOD] = entry.updated_at
                yield scrapy.Request(entry.url, callback=self.parse_page, meta=meta)

    def fresh(self, entries: Iterable[Entry]) -> Iterator[Entry]:
        """Entries not dated before --since (undated ones included)."""
        for entry in entries:
            if is_before(entry, self.since):
                self.count("skipped/before_since")
            else:
                yield entry

    def parse_page(self, response: Response) -> Iterator[Any]:
        """Every HTML page goes to the pipelines (which drop non-articles); on discovered sites its links are followed."""
        if not self.is_html(response):
            self.count("skipped/not_html")
            return
        yield self.fetched_page(response)
        if site_key(response.url) in self.discovered_sites:
            yield from self.page_links(response)

    def page_links(self, response: TextResponse) -> Iterator[scrapy.Request]:
        """The feeds a page announces and, one link hop deeper, its in-site links."""
        if "feeds" in self.profile.discovery:
            for url in announced_feeds(response.selector.root, response.url):
                yield scrapy.Request(url, callback=self.parse_feed, meta={KIND: "feed"})
        if "links" in self.profile.discovery:
            depth = response.meta.get(LINK_DEPTH, 0) + 1
            for link in self.link_extractor.extract_links(response):
                yield scrapy.Request(link.url, callback=self.parse_page, meta={KIND: "page", LINK_DEPTH: depth})

    def document_body(self, response: Response) -> bytes:
        """The body, gunzipped when it is a .gz file (not a Content-Encoding, which Scrapy already undid)."""
        try:
            return maybe_gunzip(response.body, self.settings.getint("DOWNLOAD_MAXSIZE"))
        except DocumentTooLarge:
            self.count("skipped/too_large")
            return b""

    def count(self, key: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newsspider/{key}")


class UrlRules:
    """The profile's allow and deny URL patterns, for URLs that do not come through the link extractor."""

    def __init__(self, profile: Profile) -> None:
        self.allow = [re.compile(pattern) for pattern in profile.allow]
        self.deny = [re.compile(pattern) for pattern in profile.deny]

    def allows(self, url: str) -> bool:
        allowed = not self.allow or any(pattern.search(url) for pattern in self.allow)
        return allowed and not any(pattern.search(url) for pattern in self.deny)


def site_key(url: str) -> str:
    """A site's host without "www.", so both spellings count as one site."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def site_domains(targets: Iterable[str], profile: Profile) -> list[str]:
    """Domains the crawl may fetch from (subdomains included): the targets' and the profile's."""
    return sorted({site_key(url) for url in targets} | set(profile.allowed_domains))


def start_urls(targets: list[str], profile: Profile) -> list[str]:
    """The targets, plus the profile's start URLs (relative ones resolved against each target)."""
    if not targets:
        return list(profile.start_urls)
    extra = [urljoin(target, start) for target in targets for start in profile.start_urls]
    return list(dict.fromkeys([*targets, *extra]))
