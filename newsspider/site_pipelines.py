"""Pipelines a site crawl adds: profile selectors and defaults, --since, one row per article, the article cap."""

from __future__ import annotations

from typing import Any

from scrapy.crawler import Crawler
from scrapy.utils.defer import deferred_from_coro

from .discovery import parse_since
from .extract.overrides import apply_selectors
from .extract.urls import canonicalize_url
from .items import Article
from .pipelines import PageInProgress, StatsPipeline


class ProfileSelectorsPipeline(StatsPipeline):
    """The profile's per-field selectors (NEWSSPIDER_SELECTORS, field -> XPath) replace generic results."""

    def process_item(self, item: Any) -> Any:
        selectors = self.crawler.settings.getdict("NEWSSPIDER_SELECTORS")
        if selectors and isinstance(item, PageInProgress):
            apply_selectors(item.page, item.article, selectors)
        return item


class SiteDefaultsPipeline(StatsPipeline):
    """The profile's language for articles whose page does not declare one."""

    def process_item(self, item: Any) -> Any:
        language = self.crawler.settings.get("NEWSSPIDER_SITE_LANGUAGE")
        if language and isinstance(item, Article) and not item.language:
            item.language = language
        return item


class SincePipeline(StatsPipeline):
    """With --since, articles found through links but published before that day are not written either."""

    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        since = crawler.settings.get("NEWSSPIDER_SINCE")
        self.since = parse_since(since) if since else None

    def process_item(self, item: Any) -> Any:
        if self.since and isinstance(item, Article) and item.published_at and item.published_at < self.since:
            raise self.drop("before_since", item.url)
        return item


class UniqueArticlePipeline(StatsPipeline):
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


class ArticleLimitPipeline(StatsPipeline):
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
