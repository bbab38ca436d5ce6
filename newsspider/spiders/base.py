"""What every newsspider spider shares: the run id, and fetched HTML pages handed to the pipelines.

Article URLs given as targets are fetched by SiteSpider (spiders/site.py), which recognises them."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone
from typing import Any, Iterable, TypeGuard

import scrapy
from scrapy.http import Response, TextResponse

from ..middlewares import is_html_type
from ..pipelines import FetchedPage


def new_crawl_id() -> str:
    """A sortable, unique id for one run: UTC time plus a random suffix."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def split_urls(urls: str | Iterable[str]) -> list[str]:
    """URLs from a list or from a whitespace/comma separated string (as `-a urls=...` gives)."""
    items = urls.replace(",", " ").split() if isinstance(urls, str) else list(urls)
    return [url.strip() for url in items if url.strip()]


def content_type(response: Response) -> str | None:
    """The response's Content-Type header, or None."""
    return (response.headers.get("Content-Type") or b"").decode("latin-1") or None


class PageSpider(scrapy.Spider):
    """Base: turns HTML responses into FetchedPage items tagged with the run's id and timezone."""

    def __init__(self, *args: Any, crawl_id: str | None = None, site_timezone: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.crawl_id = crawl_id or new_crawl_id()
        self.site_timezone = site_timezone

    def fetched_page(self, response: Response) -> FetchedPage:
        return FetchedPage(
            url=response.url,
            body=response.body,
            content_type=content_type(response),
            fetched_at=datetime.now(timezone.utc),
            crawl_id=self.crawl_id,
            site_timezone=self.site_timezone or self.settings.get("NEWSSPIDER_SITE_TIMEZONE"),
        )

    @staticmethod
    def is_html(response: Response) -> TypeGuard[TextResponse]:
        declared = (content_type(response) or "").lower()
        return isinstance(response, TextResponse) and (is_html_type(declared) or not declared)
