"""Parse stage: thin Scrapy adapters around the pure field functions in newsspider.extract."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar, Self

from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

from . import extract
from .extract import FieldStep, NotHTMLError, Page, parse_page
from .items import Article


@dataclass
class FetchedPage:
    """What a spider yields: a fetched page, not parsed yet."""

    url: str
    body: bytes
    content_type: str | None
    fetched_at: Any
    crawl_id: str | None = None
    site_timezone: str | None = None


@dataclass
class PageInProgress:
    """A page between pipelines: the parsed page and the record filled so far."""

    page: Page
    article: Article


class StatsPipeline:
    """Base: keeps the crawler for its stats."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def drop(self, reason: str, url: str) -> DropItem:
        """A DropItem whose reason is counted in the crawl stats."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newsspider/dropped/{reason}")
        return DropItem(f"{reason}: {url}")


class ParsePagePipeline(StatsPipeline):
    """FetchedPage -> PageInProgress: decode and parse the HTML once."""

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, FetchedPage):
            return item
        try:
            page = parse_page(
                item.body,
                item.url,
                fetched_at=item.fetched_at,
                site_timezone=item.site_timezone,
                content_type=item.content_type,
            )
        except NotHTMLError:
            raise self.drop("not_html", item.url) from None
        return PageInProgress(page, Article(url=item.url, fetched_at=page.fetched_at, crawl_id=item.crawl_id))


class FieldStepPipeline:
    """Base: runs one field function of newsspider.extract on the page in progress."""

    step: ClassVar[FieldStep]

    def process_item(self, item: Any) -> Any:
        if isinstance(item, PageInProgress):
            type(self).step(item.page, item.article)
        return item


class MetadataPipeline(FieldStepPipeline):
    step = extract.metadata.fill


class TitlesPipeline(FieldStepPipeline):
    step = extract.titles.fill


class BylinesPipeline(FieldStepPipeline):
    step = extract.bylines.fill


class DatesPipeline(FieldStepPipeline):
    step = extract.dates.fill


class ImagesPipeline(FieldStepPipeline):
    step = extract.images.fill


class BodyPipeline(FieldStepPipeline):
    step = extract.body.fill


class ScriptedPipeline(FieldStepPipeline):
    step = extract.scripted.fill


class LanguagePipeline(FieldStepPipeline):
    step = extract.language.fill


class PageTypePipeline(FieldStepPipeline):
    step = extract.pagetype.fill


class ValidateArticlePipeline(StatsPipeline):
    """PageInProgress -> Article; pages that are not articles are dropped with a counted reason."""

    def process_item(self, item: Any) -> Any:
        if not isinstance(item, PageInProgress):
            return item
        article = item.article
        if not article.title:
            raise self.drop("no_title", article.url)
        if not article.body:
            raise self.drop("no_body", article.url)
        if not article.is_article:
            raise self.drop("not_article", article.url)
        return article
