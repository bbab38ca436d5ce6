"""Crawl-hygiene components on their own: duplicate URLs, trap bounds and retry delays."""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.http import HtmlResponse
from scrapy.utils.test import get_crawler

from newsspider.middlewares import LINK_DEPTH, BackoffRetryMiddleware, CanonicalUrlDupeFilter, TrapGuardMiddleware
from newsspider.runner import project_settings


def crawler(**overrides: object):  # type: ignore[no-untyped-def]
    # No reactor: these components are exercised directly, without a crawl.
    settings = dict(project_settings(overrides)) | {"TWISTED_REACTOR_ENABLED": False}
    return get_crawler(settings_dict=settings)  # type: ignore[arg-type]


def link(url: str, depth: int = 1) -> Request:
    return Request(url, meta={LINK_DEPTH: depth})


def test_tracking_parameters_fragments_and_www_are_one_request() -> None:
    seen = CanonicalUrlDupeFilter.from_crawler(crawler())
    assert not seen.request_seen(Request("https://www.news.example/a/?utm_source=x#top"))
    assert seen.request_seen(Request("https://news.example/a/"))
    assert not seen.request_seen(Request("https://news.example/b/"))


def test_trap_guard_bounds_depth_facets_and_url_shapes() -> None:
    guard = TrapGuardMiddleware.from_crawler(crawler(NEWSSPIDER_MAX_DEPTH=3, NEWSSPIDER_MAX_PAGES_PER_URL_SHAPE=2))
    assert guard.trap_reason(link("https://n.example/x/", depth=4)) == "depth"
    assert guard.trap_reason(link("https://n.example/s/?page=2&sort=new")) == "query"
    months = [guard.trap_reason(link(f"https://n.example/calendar/2024/{month:02d}/")) for month in (1, 2, 3)]
    assert months == [None, None, "url_shape"]
    assert guard.trap_reason(link("https://n.example/calendar/2024/01/?utm_source=x")) is None  # already counted
    assert guard.trap_reason(link("https://n.example/news/some-story/")) is None


def test_retries_back_off_and_follow_retry_after() -> None:
    retry = BackoffRetryMiddleware.from_crawler(crawler(NEWSSPIDER_RETRY_BACKOFF_BASE=2, NEWSSPIDER_RETRY_AFTER_MAX=30))
    retry.crawler.spider = Spider.from_crawler(retry.crawler, name="probe")
    request = Request("https://n.example/a/")
    first = retry.process_response(request, HtmlResponse(request.url, status=500, request=request))
    second = retry.process_response(first, HtmlResponse(request.url, status=502, request=first))
    assert (first.meta["newsspider_retry_delay"], second.meta["newsspider_retry_delay"]) == (2, 4)
    throttled = retry.process_response(request, HtmlResponse(request.url, status=429, headers={"Retry-After": "120"}))
    assert throttled.meta["newsspider_retry_delay"] == 30  # capped
    not_found = HtmlResponse(request.url, status=404, request=request)
    assert retry.process_response(request, not_found) is not_found
