"""Is this page an article? Listing, tag, author, about and contact pages are not."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..items import Article
from .page import ARTICLE_TYPES, Page

_NON_ARTICLE_PATH = re.compile(
    r"/(?:tags?|topics?|category|categories|section|author|authors|about|contact|search|page/\d+|archive)(?:/|$)", re.I
)
MIN_ARTICLE_WORDS = 120


def fill(page: Page, article: Article) -> None:
    """Set article.is_article from structured type, URL shape and the extracted fields."""
    article.is_article = is_article(page, article)


def declares_article(page: Page) -> bool:
    """JSON-LD article type or og:type article."""
    return any(True for _ in page.jsonld_objects(*ARTICLE_TYPES)) or (page.meta_value("og:type") or "").lower() == "article"


def has_listing_url(page: Page) -> bool:
    path = urlsplit(page.url).path
    return path in ("", "/") or bool(_NON_ARTICLE_PATH.search(path))


def is_article(page: Page, article: Article) -> bool:
    """Enough body text and either a declared article type or a title with a date or byline."""
    if article.word_count < MIN_ARTICLE_WORDS or has_listing_url(page):
        return False
    if declares_article(page):
        return True
    return bool(article.title) and (article.published_at is not None or bool(article.authors))
