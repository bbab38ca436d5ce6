"""Incremental fetching: skip entries whose sitemap/feed date did not move, revalidate pages seen before."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response

from .pipeline import STAT_PREFIX, url_key
from .state import PageVisit, RefreshState

CONDITIONAL_HEADERS = (b"If-None-Match", b"If-Modified-Since")


def entry_unchanged(stored: PageVisit, request: Request) -> bool:
    """The entry's date (sitemap lastmod, feed date) is no later than when its row was written."""
    lastmod: datetime | None = request.meta.get("newsspider_lastmod")
    return lastmod is not None and stored.lastmod is not None and lastmod <= datetime.fromisoformat(stored.lastmod)


def add_validators(stored: PageVisit, request: Request) -> None:
    if stored.etag:
        request.headers.setdefault(b"If-None-Match", stored.etag)
    if stored.last_modified:
        request.headers.setdefault(b"If-Modified-Since", stored.last_modified)


class ConditionalRequestMiddleware:
    """Downloader middleware reading the dataset's RefreshState (NEWSSPIDER_DATASET_DIR).

    An unchanged entry date ends the request before it is sent; otherwise a URL seen before is asked
    with If-None-Match / If-Modified-Since, and a 304 ends it after. Only URLs whose article row is
    committed have state, so sitemaps, feeds and listing pages are always fetched in full.
    """

    def __init__(self, crawler: Crawler, root: Path) -> None:
        self.crawler = crawler
        self.state = RefreshState(root)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        root = crawler.settings.get("NEWSSPIDER_DATASET_DIR")
        if not root:
            raise NotConfigured("NEWSSPIDER_DATASET_DIR is not set")
        middleware = cls(crawler, Path(root))
        crawler.signals.connect(middleware.state.close, signal=signals.spider_closed)
        return middleware

    def process_request(self, request: Request) -> None:
        stored = self.state.page(url_key(request))
        if stored is None:
            return
        if entry_unchanged(stored, request):
            self.count("skipped_unchanged_date")
            raise IgnoreRequest(f"entry date unchanged: {request.url}")
        add_validators(stored, request)

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status == 304 and any(name in request.headers for name in CONDITIONAL_HEADERS):
            self.count("not_modified")
            self.remember_entry_date(request)
            raise IgnoreRequest(f"not modified: {request.url}")
        return response

    def remember_entry_date(self, request: Request) -> None:
        """A 304 confirms the stored row for the entry's new date too, so the next refresh skips it outright."""
        stored = self.state.page(url_key(request))
        lastmod = request.meta.get("newsspider_lastmod")
        if stored is not None and lastmod is not None:
            self.state.record([replace(stored, lastmod=lastmod.isoformat())])

    def count(self, name: str) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(STAT_PREFIX + name)
