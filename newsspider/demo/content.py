"""The demo site's articles, read from site/articles.json, and the record a careful reader would write for each."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from importlib.resources import files
from typing import Any
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

SITE_NAME = "The Meridian Post"
SITE_TIMEZONE = "Asia/Baku"

# A date alone (the page never says the hour) or a tz-aware datetime.
Moment = date | datetime


@dataclass(frozen=True)
class Heading:
    """A subheading inside an article body (not a paragraph)."""

    text: str


@dataclass(frozen=True)
class DemoImage:
    """An article image and what a reader sees under it."""

    file: str
    alt: str
    caption: str
    credit: str | None = None

    @property
    def path(self) -> str:
        return f"/media/{self.file}"


@dataclass(frozen=True)
class Markup:
    """How one article is presented: which template variant renders each part."""

    layout: str = "classic"
    meta: str = "none"
    author_style: str = "person"
    dates_in_utc: bool = False
    date_format: str = "long"
    time_element: bool = True
    caption_style: str = "figure+span"
    image_loading: str = "src"
    boxes: tuple[str, ...] = ()


# Layouts that print the summary under the headline (a standfirst, or a bold lead paragraph).
LAYOUTS_WITH_STANDFIRST = ("classic", "magazine")


@dataclass(frozen=True)
class DemoArticle:
    """One article: what it says (the truth) plus how it is marked up."""

    path: str
    section: str
    title: str
    summary: str
    byline: str
    authors: tuple[str, ...]
    publisher: str | None
    published: Moment
    modified: Moment | None
    tags: tuple[str, ...]
    images: tuple[DemoImage, ...]
    body: tuple[str | Heading, ...]
    markup: Markup = field(default_factory=Markup)

    @property
    def paragraphs(self) -> list[str]:
        """The text paragraphs a reader sees under the headline: the standfirst, where the layout prints one, then the body."""
        standfirst = [self.summary] if self.markup.layout in LAYOUTS_WITH_STANDFIRST else []
        return standfirst + [block for block in self.body if isinstance(block, str)]

    @property
    def section_slug(self) -> str:
        return slugify(self.section)

    @property
    def last_changed(self) -> datetime:
        return as_site_datetime(self.modified or self.published)

    def expected(self, base_url: str) -> dict[str, Any]:
        """The record a careful human reader would write for this page (JSON-ready)."""
        return {
            "url": urljoin(base_url, self.path),
            "title": self.title,
            "authors": list(self.authors),
            "publisher": self.publisher,
            "published": self.published.isoformat(),
            "modified": self.modified.isoformat() if self.modified else None,
            "section": self.section,
            "tags": list(self.tags),
            "images": [
                {"url": urljoin(base_url, image.path), "caption": image.caption, "credit": image.credit}
                for image in self.images
            ],
            "first_paragraph": self.paragraphs[0],
            "last_paragraph": self.paragraphs[-1],
            "paragraphs": self.paragraphs,
        }


def slugify(text: str) -> str:
    """The URL slug of a section, tag or author name."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def as_site_datetime(moment: Moment) -> datetime:
    """A tz-aware datetime; a bare date means midnight in the site's timezone."""
    if isinstance(moment, datetime):
        return moment
    return datetime.combine(moment, time(0), ZoneInfo(SITE_TIMEZONE))


def parse_moment(text: str) -> Moment:
    """A date or, when the text has a time, a datetime that must carry its offset."""
    if "T" not in text:
        return date.fromisoformat(text)
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"demo data datetime without offset: {text}")
    return moment


def article_from_json(raw: dict[str, Any]) -> DemoArticle:
    """One DemoArticle from its entry in articles.json."""
    markup = dict(raw.get("markup", {}))
    markup["boxes"] = tuple(markup.get("boxes", ()))
    return DemoArticle(
        path=raw["path"],
        section=raw["section"],
        title=raw["title"],
        summary=raw["summary"],
        byline=raw["byline"],
        authors=tuple(raw["authors"]),
        publisher=raw.get("publisher"),
        published=parse_moment(raw["published"]),
        modified=parse_moment(raw["modified"]) if raw.get("modified") else None,
        tags=tuple(raw.get("tags", ())),
        images=tuple(DemoImage(**image) for image in raw.get("images", ())),
        body=tuple(Heading(block["h2"]) if isinstance(block, dict) else block for block in raw["body"]),
        markup=Markup(**markup),
    )


def load_articles() -> list[DemoArticle]:
    """Every demo article, in the order of the data file."""
    text = files("newsspider.demo").joinpath("site", "articles.json").read_text(encoding="utf-8")
    return [article_from_json(raw) for raw in json.loads(text)]


def expected_articles(base_url: str, articles: Sequence[DemoArticle] | None = None) -> dict[str, dict[str, Any]]:
    """The truth for every demo article, keyed by its absolute URL."""
    chosen = load_articles() if articles is None else articles
    return {record["url"]: record for record in (article.expected(base_url) for article in chosen)}
