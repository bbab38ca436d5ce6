"""The extractors compared, each behind one function: page bytes and URL in, a prediction out.

A prediction is a JSON-ready dict holding only the fields the system gives: title,
authors (list), published (ISO 8601), tags (list), body, images (caption/credit/url dicts) and
is_article. A field a system does not give is scored "n/a", never as wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from benchmarks.metrics import split_author_string

Prediction = dict[str, Any]


@dataclass(frozen=True)
class System:
    """One extractor: its name, the fields it gives and how to run it on a page."""

    name: str
    fields: frozenset[str]
    extract: Callable[[bytes, str], Prediction]


def newsspider_prediction(html: bytes, url: str) -> Prediction:
    """Every field of `newsspider.extract_article`."""
    from newsspider import extract_article

    article = extract_article(html, url)
    return {
        "title": article.title,
        "authors": list(article.authors),
        "credited": list(article.authors) + ([article.publisher] if article.publisher else []),
        "published": article.published_at.isoformat() if article.published_at else None,
        "body": article.body,
        "tags": list(article.tags),
        "images": [{"caption": image.caption, "credit": image.credit, "url": image.url} for image in article.images],
        "is_article": article.is_article,
    }


def trafilatura_prediction(html: bytes, url: str) -> Prediction:
    """trafilatura's default text extraction (the published baseline) plus its metadata.

    The author string is split into names by the corpora's own rule
    (`metrics.split_author_string`); trafilatura itself joins several authors with "; ".
    """
    import trafilatura
    from trafilatura.metadata import extract_metadata

    body = trafilatura.extract(html, url=url, output_format="txt", include_comments=False, with_metadata=False)
    metadata = extract_metadata(html, default_url=url)
    authors = split_author_string(metadata.author)
    return {
        "title": metadata.title,
        "authors": authors,
        "credited": authors,  # trafilatura does not tell people from organisations
        "published": metadata.date,
        "tags": list(metadata.tags or []),
        "body": body,
    }


def htmldate_prediction(html: bytes, url: str) -> Prediction:
    """htmldate's publication date in extensive mode."""
    from htmldate import find_date

    return {"published": find_date(html, url=url, extensive_search=True, original_date=True)}


def newspaper4k_prediction(html: bytes, url: str) -> Prediction:
    """newspaper4k's title, authors, date, tags and text (no NLP step)."""
    import newspaper

    article = newspaper.Article(url, fetch_images=False)  # its image-size probe would download every image
    article.download(input_html=html)
    article.parse()
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.publish_date.isoformat() if article.publish_date else None,
        "tags": sorted(article.tags or []) or list(article.meta_keywords),  # its tag links, else the keywords meta
        "body": article.text,
    }


def news_please_prediction(html: bytes, url: str) -> Prediction:
    """news-please's article extraction without its crawler (`NewsPlease.from_html`: newspaper4k, readability and
    its own date rules, best field of each); title, authors, date, main text."""
    from newsplease import NewsPlease

    # It reads the host of any URL it is given: the trafilatura corpus's "hard::name.html" pages get none.
    given_url = url if urlsplit(url).hostname else None
    article = NewsPlease.from_html(html.decode("utf-8", "replace"), url=given_url, fetch_images=False)
    return {
        "title": article.title,
        "authors": list(article.authors or []),
        "published": article.date_publish.isoformat() if article.date_publish else None,
        "body": article.maintext,
    }


SYSTEMS: Mapping[str, System] = MappingProxyType(
    {
        "newsspider": System(
            "newsspider",
            frozenset({"title", "authors", "credited", "published", "tags", "body", "images", "is_article"}),
            newsspider_prediction,
        ),
        "trafilatura": System(
            "trafilatura", frozenset({"title", "authors", "credited", "published", "tags", "body"}), trafilatura_prediction
        ),
        "htmldate": System("htmldate", frozenset({"published"}), htmldate_prediction),
        "newspaper4k": System(
            "newspaper4k", frozenset({"title", "authors", "published", "tags", "body"}), newspaper4k_prediction
        ),
        "news-please": System(
            "news-please", frozenset({"title", "authors", "published", "body"}), news_please_prediction
        ),
    }
)
DEFAULT_SYSTEMS = ("newsspider", "trafilatura", "htmldate")
