"""Crawl hygiene: retries with backoff, one fetch per canonical URL, bounded traps, no non-HTML downloads, a request budget."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import IgnoreRequest, StopDownload
from scrapy.http import Response
from scrapy.utils.asyncio import sleep

from .extract.urls import canonicalize_url, is_tracking_parameter

# Request.meta keys shared by the spider and these components.
KIND = "newsspider_kind"  # "page", "sitemap", "feed", "robots" or "target"
LINK_DEPTH = "newsspider_link_depth"  # link hops from a start page; only on requests found in page links
RETRY_DELAY = "newsspider_retry_delay"

_DIGITS = re.compile(r"\d+")


class CanonicalUrlDupeFilter(RFPDupeFilter):
    """Requests are duplicates when their canonical URLs are: tracking parameters, www and fragments ignored."""

    def request_seen(self, request: Request) -> bool:
        return super().request_seen(request.replace(url=canonicalize_url(request.url)))


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries, each one delayed: exponential backoff, or the server's Retry-After on 429/503."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler.settings)
        self.crawler = crawler
        self.backoff_base = crawler.settings.getfloat("NEWSSPIDER_RETRY_BACKOFF_BASE")
        self.backoff_max = crawler.settings.getfloat("NEWSSPIDER_RETRY_BACKOFF_MAX")
        self.retry_after_max = crawler.settings.getfloat("NEWSSPIDER_RETRY_AFTER_MAX")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        delay = request.meta.pop(RETRY_DELAY, 0.0)
        if delay > 0:
            await sleep(delay)

    def process_response(self, request: Request, response: Response) -> Request | Response:  # type: ignore[override]
        result = super().process_response(request, response)
        if isinstance(result, Request):
            result.meta[RETRY_DELAY] = self.retry_after(response) or self.backoff(result)
        return result

    def process_exception(self, request: Request, exception: Exception) -> Request | Response | None:  # type: ignore[override]
        result = super().process_exception(request, exception)
        if isinstance(result, Request):
            result.meta[RETRY_DELAY] = self.backoff(result)
        return result

    def backoff(self, retry: Request) -> float:
        """base * 2^(n-1) seconds before the n-th retry, capped."""
        return min(self.backoff_base * 2 ** (retry.meta.get("retry_times", 1) - 1), self.backoff_max)

    def retry_after(self, response: Response) -> float | None:
        """Seconds the server asked us to wait (429/503 Retry-After), capped; None if it did not say."""
        if response.status not in (429, 503):
            return None
        seconds = parse_retry_after((response.headers.get("Retry-After") or b"").decode("latin-1"))
        return None if seconds is None else min(seconds, self.retry_after_max)


def parse_retry_after(value: str) -> float | None:
    """Retry-After as seconds: either delta-seconds or an HTTP date."""
    value = value.strip()
    if not value:
        return None
    if value.isdecimal():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


def url_shape(url: str) -> str:
    """The URL with numbers blanked and query values dropped: all pages of a calendar share one shape."""
    parts = urlsplit(url)
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_parameter(key)})
    return f"{parts.hostname}{_DIGITS.sub('0', parts.path)}?{'&'.join(keys)}"


def query_parameter_count(url: str) -> int:
    """Query parameters other than tracking ones."""
    return sum(1 for key, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True) if not is_tracking_parameter(key))


class TrapGuardMiddleware:
    """Bounds link-following: link depth, query-string explosion and pages per URL shape (calendars, facets).

    Only requests found in page links are checked; sitemap and feed entries are listed by the site itself.
    """

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.stats = crawler.stats
        self.max_depth = settings.getint("NEWSSPIDER_MAX_DEPTH")
        self.max_query_parameters = settings.getint("NEWSSPIDER_MAX_QUERY_PARAMETERS")
        self.max_pages_per_shape = settings.getint("NEWSSPIDER_MAX_PAGES_PER_URL_SHAPE")
        self.urls_by_shape: dict[str, set[str]] = defaultdict(set)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            if not isinstance(output, Request) or LINK_DEPTH not in output.meta or self.allows(output):
                yield output

    def allows(self, request: Request) -> bool:
        reason = self.trap_reason(request)
        if reason:
            assert self.stats is not None
            self.stats.inc_value(f"newsspider/trap/{reason}")
        return reason is None

    def trap_reason(self, request: Request) -> str | None:
        """Why a followed link is not fetched: 'depth', 'query' or 'url_shape'; None to fetch it."""
        if self.max_depth and request.meta[LINK_DEPTH] > self.max_depth:
            return "depth"
        if query_parameter_count(request.url) > self.max_query_parameters:
            return "query"
        seen = self.urls_by_shape[url_shape(request.url)]
        canonical = canonicalize_url(request.url)
        if canonical not in seen and self.max_pages_per_shape and len(seen) >= self.max_pages_per_shape:
            return "url_shape"
        seen.add(canonical)
        return None


class SkipNonHtmlDownloads:
    """Stops a page download as soon as its headers say it is not HTML (PDFs, images, videos)."""

    def __init__(self, crawler: Crawler) -> None:
        crawler.signals.connect(self.headers_received, signal=signals.headers_received)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def headers_received(self, headers: Any, body_length: int, request: Request, spider: Any) -> None:
        content_type = headers.get(b"Content-Type", b"").decode("latin-1").lower()
        # The spider still gets the (empty) response and counts it as skipped.
        if request.meta.get(KIND) == "page" and content_type and not is_html_type(content_type):
            raise StopDownload(fail=False)


def is_html_type(content_type: str) -> bool:
    """A lower-cased Content-Type of an HTML page (text/html, application/xhtml+xml)."""
    return "html" in content_type


class RequestBudgetMiddleware:
    """--max-pages N: at most N requests reach the sites (robots.txt, sitemaps, feeds, pages and retries alike).

    It sits after the offsite and robots.txt checks (a request they refuse is never sent), and the
    robots.txt request RobotsTxtMiddleware sends through the engine passes it too. Requests over budget are dropped rather than the crawl closed, so
    the ones already on the wire finish and are written; the crawl ends when its queue has drained.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        self.budget = crawler.settings.getint("NEWSSPIDER_MAX_PAGES")
        self.sent = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if self.budget and self.sent >= self.budget:
            assert self.stats is not None
            self.stats.inc_value("newsspider/skipped/max_pages")
            raise IgnoreRequest("--max-pages budget spent")
        self.sent += 1
