"""Parse: pure, Scrapy-free functions from HTML to an Article record."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime

from ..items import Article
from . import body, bylines, dates, images, language, metadata, pagetype, scripted, titles
from .overrides import apply_selectors
from .page import NotHTMLError, Page, parse_page

FieldStep = Callable[[Page, Article], None]

# Order matters: the title leaves out the section name; bylines, date lines and captions are marked taken before
# the body is cut (and the body leaves out the title); a page drawn by script is read from its scripts only when
# its markup gave no body.
CONTENT_STEPS: tuple[FieldStep, ...] = (
    metadata.fill, titles.fill, bylines.fill, dates.fill, images.fill, body.fill, scripted.fill
)
# A site profile's selectors replace content fields between the two, so the language and the page type are judged
# on them.
JUDGING_STEPS: tuple[FieldStep, ...] = (language.fill, pagetype.fill)
FIELD_STEPS: tuple[FieldStep, ...] = (*CONTENT_STEPS, *JUDGING_STEPS)


def extract_article(
    html: str | bytes,
    url: str,
    *,
    fetched_at: datetime | None = None,
    site_timezone: str | None = None,
    content_type: str | None = None,
    selectors: Mapping[str, str] | None = None,
) -> Article:
    """Every field of the page at `url`, exactly as the Scrapy pipelines compute them.

    `selectors` are a site profile's (field -> XPath, `Profile.selectors`): a field whose selector matches
    replaces what the generic step found, as in a crawl with that profile.
    """
    with collector_paused():
        page = parse_page(html, url, fetched_at=fetched_at, site_timezone=site_timezone, content_type=content_type)
        article = Article(url=url, fetched_at=page.fetched_at)
        for step in CONTENT_STEPS:
            step(page, article)
        if selectors:
            apply_selectors(page, article, selectors)
        for step in JUDGING_STEPS:
            step(page, article)
        del page  # its element objects are freed before the collector runs again
    return article


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for one page's extraction (if it was on).

    A page holds every element object of its tree (Page.elements): thousands of tracked objects that outlive the
    young collections and so set off full ones, about a twentieth of the extraction time. The steps make no
    reference cycles to speak of; what the page made is freed by reference counting when it goes.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


__all__ = ["CONTENT_STEPS", "FIELD_STEPS", "NotHTMLError", "Page", "extract_article", "parse_page"]
