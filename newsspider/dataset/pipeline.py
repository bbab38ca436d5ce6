"""The Scrapy side of a dataset run: the item pipeline that writes new and changed articles."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any, Self

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request, Response
from scrapy.utils.asyncio import create_looping_call
from scrapy.utils.defer import deferred_from_coro

from ..exporters import DEFAULT_ROW_GROUP_SIZE
from ..extract.urls import canonicalize_url
from ..items import Article
from .state import PageVisit, RefreshState
from .writer import PartitionedWriter, PartNumbers, publish_parts, relative_names

STAT_PREFIX = "newsspider/dataset/"
WRITE_ERROR_STAT = STAT_PREFIX + "write_error"


def url_key(request: Request) -> str:
    """The URL a spider will request again next time: the first of a redirect chain, canonicalised."""
    return canonicalize_url(request.meta.get("redirect_urls", [request.url])[0])


def header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def entry_date(request: Request) -> str | None:
    """The sitemap lastmod / feed date discovery attached to the request, as ISO 8601 UTC."""
    lastmod = request.meta.get("newsspider_lastmod")
    return lastmod.isoformat() if lastmod is not None else None


class DatasetWriterPipeline:
    """Writes an Article only when it is new or its content_hash changed; commits every N rows, and every S seconds
    whatever rows are open (so a crawl that finds articles slowly still publishes them, a kill loses at most S seconds).

    Settings: NEWSSPIDER_DATASET_DIR, NEWSSPIDER_DATASET_RUN_ID, NEWSSPIDER_DATASET_PART_NUMBERS ("start,step"),
    NEWSSPIDER_DATASET_COMMIT_ROWS, NEWSSPIDER_DATASET_COMMIT_SECONDS, NEWSSPIDER_PARQUET_ROW_GROUP_SIZE.
    """

    def __init__(self, crawler: Crawler, root: Path, run_id: str) -> None:
        settings = crawler.settings
        self.crawler = crawler
        self.root = root
        start, step = (int(value) for value in settings.get("NEWSSPIDER_DATASET_PART_NUMBERS", "0,1").split(","))
        row_group_size = settings.getint("NEWSSPIDER_PARQUET_ROW_GROUP_SIZE", DEFAULT_ROW_GROUP_SIZE)
        self.writer = PartitionedWriter(root, run_id, PartNumbers(start, step), row_group_size)
        self.commit_rows = settings.getint("NEWSSPIDER_DATASET_COMMIT_ROWS")
        self.commit_seconds = settings.getfloat("NEWSSPIDER_DATASET_COMMIT_SECONDS")
        self.state = RefreshState(root)
        self.visits: dict[str, PageVisit] = {}
        self.uncommitted: dict[str, PageVisit] = {}
        self.failed = False
        self.ticker = create_looping_call(self.commit_open_rows)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        root = crawler.settings.get("NEWSSPIDER_DATASET_DIR")
        if not root:
            raise NotConfigured("NEWSSPIDER_DATASET_DIR is not set")
        pipeline = cls(crawler, Path(root), crawler.settings["NEWSSPIDER_DATASET_RUN_ID"])
        crawler.signals.connect(pipeline.remember_response, signal=signals.response_received)
        crawler.signals.connect(pipeline.forget_dropped, signal=signals.item_dropped)
        return pipeline

    def remember_response(self, response: Response, request: Request, spider: Any) -> None:
        """Keep the validators of each response until its article comes out of the pipelines."""
        if response.status == 200:
            self.visits[response.url] = PageVisit(url_key(request), header(response, "ETag"), header(response, "Last-Modified"), entry_date(request))

    def forget_dropped(self, item: Any, **kwargs: Any) -> None:
        url = getattr(getattr(item, "article", item), "url", None)
        if isinstance(url, str):
            self.visits.pop(url, None)

    def open_spider(self) -> None:
        self.ticker.start(self.commit_seconds, now=False)

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article) or self.failed:
            return item
        canonical = item.canonical_url or item.url
        visit = self.visits.pop(item.url, PageVisit(canonicalize_url(item.url)))
        visit = PageVisit(visit.url_key, visit.etag, visit.last_modified, visit.lastmod, canonical, item.content_hash)
        known = self.uncommitted[canonical].content_hash if canonical in self.uncommitted else self.state.content_hash(canonical)
        if known == item.content_hash:
            self.count("articles_unchanged")
            if canonical not in self.uncommitted:
                self.state.record([visit])
            return item
        self.count("articles_new" if known is None else "articles_changed")
        self.guarded(self.write, item, visit)
        return item

    def write(self, item: Article, visit: PageVisit) -> None:
        self.writer.write(item.to_record())
        self.uncommitted[visit.canonical_url or visit.url_key] = visit
        if len(self.uncommitted) >= self.commit_rows:
            self.commit()

    def commit_open_rows(self) -> None:
        """The timer's commit: the rows written since the last one, if any."""
        if self.uncommitted and not self.failed:
            self.guarded(self.commit)

    def commit(self) -> None:
        """Publish the open parts, then let the state vouch for their rows (see RefreshState)."""
        parts = self.writer.finish()
        if parts:
            names = relative_names(self.root, parts)
            self.state.stage(names, list(self.uncommitted.values()))
            publish_parts(parts)
            self.state.promote(names)
            self.count("parts_written", len(parts))
        self.uncommitted = {}

    def guarded(self, action: Any, *args: Any) -> None:
        """Run a write; on a disk error stop the crawl, keep the message, and publish nothing more."""
        try:
            action(*args)
        except (OSError, sqlite3.Error) as error:
            self.failed = True
            self.writer.discard()
            self.uncommitted = {}
            assert self.crawler.stats is not None and self.crawler.engine is not None
            self.crawler.stats.set_value(WRITE_ERROR_STAT, f"cannot write to {self.root}: {getattr(error, 'strerror', None) or error}")
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="dataset_write_error"))

    def close_spider(self) -> None:
        if self.ticker.running:
            self.ticker.stop()
        if not self.failed:
            self.guarded(self.commit)
        self.state.close()

    def count(self, name: str, amount: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(STAT_PREFIX + name, amount)
