"""Parse: pure, Scrapy-free functions from HTML to an Article record."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from ..items import Article
from . import body, bylines, dates, images, metadata, pagetype
from .page import NotHTMLError, Page, parse_page

FieldStep = Callable[[Page, Article], None]

# Order matters: bylines, date lines and captions are marked taken before the body is cut.
FIELD_STEPS: tuple[FieldStep, ...] = (metadata.fill, bylines.fill, dates.fill, images.fill, body.fill, pagetype.fill)


def extract_article(
    html: str | bytes,
    url: str,
    *,
    fetched_at: datetime | None = None,
    site_timezone: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Every field of the page at `url`, exactly as the Scrapy pipelines compute them."""
    page = parse_page(html, url, fetched_at=fetched_at, site_timezone=site_timezone, content_type=content_type)
    article = Article(url=url, fetched_at=page.fetched_at)
    for step in FIELD_STEPS:
        step(page, article)
    return article


__all__ = ["FIELD_STEPS", "NotHTMLError", "Page", "extract_article", "parse_page"]
