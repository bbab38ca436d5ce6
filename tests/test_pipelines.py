"""The Scrapy pipelines run exactly the parsing that extract_article runs."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.misc import load_object
from scrapy.utils.reactor import install_reactor, is_reactor_installed
from scrapy.utils.test import get_crawler

from newsspider import extract_article
from newsspider.extract import FIELD_STEPS
from newsspider.items import Article
from newsspider.pipelines import FetchedPage, FieldStepPipeline
from newsspider.runner import project_settings

PAGES = Path(__file__).parent / "pages"
FETCHED_AT = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc)


def pipeline_chain(**overrides: object) -> list[object]:
    """The configured item pipelines, built the way Scrapy builds them, in priority order."""
    settings = project_settings()
    if not is_reactor_installed():
        install_reactor(settings["TWISTED_REACTOR"])
    crawler = get_crawler(settings_dict={**dict(settings), **overrides})
    crawler.stats.open_spider()
    ordered = sorted(settings.getdict("ITEM_PIPELINES").items(), key=lambda pair: pair[1])
    chain = []
    for path, _ in ordered:
        cls = load_object(path)
        chain.append(cls.from_crawler(crawler) if hasattr(cls, "from_crawler") else cls())
    return chain


def run_chain(page: FetchedPage, **overrides: object) -> object:
    item: object = page
    for pipeline in pipeline_chain(**overrides):
        item = pipeline.process_item(item)
    return item


def test_field_pipelines_follow_field_steps_in_order() -> None:
    steps = [type(p).step for p in pipeline_chain() if isinstance(p, FieldStepPipeline)]
    assert steps == list(FIELD_STEPS)


def test_pipelines_and_extract_article_agree_on_the_sample_article() -> None:
    html = (PAGES / "caspian_sample.html").read_bytes()
    url = "https://caspiannews.com/news-detail/sample-2023-7-25-0/"
    fetched = FetchedPage(url, html, "text/html; charset=utf-8", FETCHED_AT, crawl_id="c1", site_timezone="Asia/Baku")
    from_pipelines = run_chain(fetched)
    direct = extract_article(html, url, fetched_at=FETCHED_AT, site_timezone="Asia/Baku")
    direct.crawl_id = "c1"
    assert isinstance(from_pipelines, Article)
    assert from_pipelines == direct


def test_pipelines_and_extract_article_agree_with_profile_selectors() -> None:
    html = (PAGES / "caspian_sample.html").read_bytes()
    url = "https://caspiannews.com/news-detail/sample-2023-7-25-0/"
    selectors = {"title": "//meta[@property='og:site_name']/@content", "body": "//h1"}
    fetched = FetchedPage(url, html, "text/html; charset=utf-8", FETCHED_AT, crawl_id="c1", site_timezone="Asia/Baku")
    from_pipelines = run_chain(fetched, NEWSSPIDER_SELECTORS=selectors)
    direct = extract_article(html, url, fetched_at=FETCHED_AT, site_timezone="Asia/Baku", selectors=selectors)
    direct.crawl_id = "c1"
    generic = extract_article(html, url, fetched_at=FETCHED_AT, site_timezone="Asia/Baku")
    assert isinstance(from_pipelines, Article)
    assert from_pipelines == direct
    assert direct.title == "Caspian News" != generic.title and direct.body != generic.body


def test_a_page_that_is_not_html_is_dropped_with_a_reason() -> None:
    fetched = FetchedPage("https://example.com/a.pdf", b"%PDF-1.7 \x00\x01", "application/pdf", FETCHED_AT)
    with pytest.raises(DropItem, match="not_html"):
        run_chain(fetched)


def test_a_listing_page_is_dropped_as_not_an_article() -> None:
    links = "".join(f'<li><a href="/news/story-{n}">Story number {n} headline</a></li>' for n in range(40))
    html = f"<html><head><title>News</title></head><body><h1>Latest news</h1><ul>{links}</ul></body></html>"
    fetched = FetchedPage("https://example.com/section/news/", html.encode(), "text/html", FETCHED_AT)
    with pytest.raises(DropItem, match=f"^{re.escape('not_article: https://example.com/section/news/')}$"):
        run_chain(fetched)
