"""Is this page an article? Listing, product, forum, docs, service and contact pages are not.

Each clue adds or takes away evidence; the page is an article when the sum reaches
ARTICLE_EVIDENCE. Weights were set on pages of many kinds of sites, no site in particular.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from ..items import Article
from .page import ARTICLE_TYPES, Page, jsonld_types
from .text import words

# Structured types that name what a non-article page is.
NON_ARTICLE_TYPES = frozenset(
    {
        "Product",
        "ProductGroup",
        "Offer",
        "CollectionPage",
        "SearchResultsPage",
        "ContactPage",
        "ProfilePage",
        "DiscussionForumPosting",
        "QAPage",
        "ItemList",
        "SoftwareApplication",
        "Course",
        "Event",
        "JobPosting",
    }
)
_NON_ARTICLE_PATH = re.compile(
    r"/(?:products?|shop|store|cart|c|collections?|category|categories|tags?|topics?|forums?|threads?|"
    r"questions?|discussions?|comments|docs?|documentation|library|reference|api|apps?|item|dp|search|"
    r"authors?|about|contact|services?|solutions?|pricing|features?|schedule|chart|page/\d+|archive)(?:/|$|\.)",
    re.I,
)
_ARTICLE_PATH = re.compile(
    r"/(?:blogs?|news|articles?|story|stories|posts?|insights?|guides?|learn|resources|knowledge|magazine|opinion|p)/[^/]+",
    re.I,
)
_DATE_PATH = re.compile(r"/(?:19|20)\d{2}/[01]?\d/|/(?:19|20)\d{2}-\d{2}-\d{2}|\d{8}")

ARTICLE_EVIDENCE = 1.5
MIN_BODY_WORDS = 150
SLUG_WORDS = 4
PROSE_PARAGRAPH_WORDS = 30


def fill(page: Page, article: Article) -> None:
    """Set article.is_article from the page's clues."""
    article.is_article = article_evidence(page, article) >= ARTICLE_EVIDENCE


def article_evidence(page: Page, article: Article) -> float:
    """The summed evidence that the page is an article (positive) or something else (negative)."""
    return declared_evidence(page) + url_evidence(page.url) + content_evidence(article)


def declared_types(page: Page) -> set[str]:
    """Every JSON-LD @type on the page."""
    return {kind for obj in page.jsonld for kind in jsonld_types(obj)}


def declared_evidence(page: Page) -> float:
    """What the page says it is: JSON-LD types and og:type."""
    types = declared_types(page)
    og_type = (page.meta_value("og:type") or "").lower()
    evidence = 0.0
    evidence += 2.0 if types & set(ARTICLE_TYPES) - {"TechArticle"} else 0.0  # TechArticle is mostly docs
    evidence += 1.5 if og_type == "article" else 0.0
    evidence -= 3.0 if types & NON_ARTICLE_TYPES else 0.0
    evidence -= 3.0 if og_type.startswith("product") else 0.0
    evidence -= 0.5 if og_type == "website" else 0.0
    return evidence


def url_evidence(url: str | None) -> float:
    """The URL's shape: a dated or blog/news path, a long slug; a home, shop, forum or docs path."""
    path = urlsplit(url or "").path
    if path in ("", "/"):
        return -3.0
    evidence = 0.0
    evidence += 1.5 if _DATE_PATH.search(path) else 0.0
    evidence += 1.5 if _ARTICLE_PATH.search(path) else 0.0
    evidence -= 1.5 if _NON_ARTICLE_PATH.search(path) else 0.0
    evidence += 1.0 if slug_word_count(path) >= SLUG_WORDS else 0.0
    return evidence


def slug_word_count(path: str) -> int:
    """Words in the last path segment ("how-to-plant-tulips.html" has 4): headlines make long slugs."""
    segments = [segment for segment in path.split("/") if segment]
    slug = re.sub(r"\.\w+$", "", segments[-1]) if segments else ""
    return sum(part.isalpha() for part in re.split(r"[-_]", slug))


def content_evidence(article: Article) -> float:
    """What was extracted: a byline, a date, enough running prose."""
    paragraphs = [paragraph for paragraph in (article.body or "").split("\n\n") if paragraph.strip()]
    body_words = len(words(article.body or ""))
    evidence = 0.0
    evidence += 1.0 if article.authors else 0.0
    evidence += 1.0 if article.published_at else 0.0
    evidence -= 2.0 if body_words < MIN_BODY_WORDS else 0.0
    evidence += 0.5 if paragraphs and body_words / len(paragraphs) >= PROSE_PARAGRAPH_WORDS else 0.0
    return evidence
