"""Pipelines a site crawl adds: profile selectors and defaults, --since, one row per article, the article cap."""

from __future__ import annotations

from typing import Any, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.defer import deferred_from_coro

from .discovery import parse_since
from .extract.overrides import apply_selectors
from .extract.urls import canonicalize_url
from .items import Article
from .pipelines import PageInProgress


class SitePipeline:
    """Base: keeps the crawler; `drop` counts the reason in the stats like the parse pipelines do."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.settings = crawler.settings

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def drop(self, reason: str, url: str) -> DropItem:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newsspider/dropped/{reason}")
        return DropItem(f"{reason}: {url}")


class ProfileSelectorsPipeline(SitePipeline):
    """The profile's per-field selectors (NEWSSPIDER_SELECTORS, field -> XPath) replace generic results."""

    def process_item(self, item: Any) -> Any:
        selectors = self.settings.getdict("NEWSSPIDER_SELECTORS")
        if selectors and isinstance(item, PageInProgress):
            apply_selectors(item.page, item.article, selectors)
        return item


class SiteDefaultsPipeline(SitePipeline):
    """The profile's language for articles whose page does not declare one."""

    def process_item(self, item: Any) -> Any:
        language = self.settings.get("NEWSSPIDER_SITE_LANGUAGE")
        if language and isinstance(item, Article) and not item.language:
            item.language = language
        return item


class SincePipeline(SitePipeline):
    """With --since, articles found through links but published before that day are not written either."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        since = crawler.settings.get("NEWSSPIDER_SINCE")
        self.since = parse_since(since) if since else None

    def process_item(self, item: Any) -> Any:
        if self.since and isinstance(item, Article) and item.published_at and item.published_at < self.since:
            raise self.drop("before_since", item.url)
        return item


class UniqueArticlePipeline(SitePipeline):
    """One row per canonical URL: two fetched URLs that declare the same rel=canonical are one article."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.seen: set[str] = set()

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        key = canonicalize_url(item.canonical_url or item.url)
        if key in self.seen:
            raise self.drop("duplicate", item.url)
        self.seen.add(key)
        return item


class ArticleLimitPipeline(SitePipeline):
    """--max-articles N: exactly N articles pass, then the crawl is closed."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.limit = crawler.settings.getint("NEWSSPIDER_MAX_ARTICLES")
        self.passed = 0

    def process_item(self, item: Any) -> Any:
        if not self.limit or not isinstance(item, Article):
            return item
        if self.passed >= self.limit:
            raise self.drop("max_articles", item.url)
        self.passed += 1
        if self.passed == self.limit:
            assert self.crawler.engine is not None
            # Scheduled, not awaited: closing waits for the item being processed right now.
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="max_articles"))
        return item
