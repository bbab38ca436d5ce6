"""The demo site's URL layout: which path renders which page, with its type and last change."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from importlib.resources import files
from urllib.parse import urlencode, urljoin

from newsspider.demo import feeds, templates
from newsspider.demo.content import DemoArticle, load_articles, slugify

HTML = "text/html; charset=utf-8"
SECTION_PAGE_SIZE = 5
HOME_PAGE_SIZE = 10
# When the static pages (about, contact, style sheet) last changed.
SITE_LAUNCH = datetime.fromisoformat("2023-01-01T09:00:00+04:00")
STATIC_FILES = {
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
    "/static/logo.svg": ("logo.svg", "image/svg+xml"),
}


@dataclass(frozen=True)
class Page:
    """One response body with what conditional requests need."""

    body: bytes
    content_type: str
    last_modified: datetime

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha256(self.body).hexdigest()[:20] + '"'


Renderer = Callable[[str], Page]


def html_page(text: str, last_modified: datetime) -> Page:
    return Page(text.encode("utf-8"), HTML, last_modified)


def static_bytes(name: str) -> bytes:
    return files("newsspider.demo").joinpath("site", "static", name).read_bytes()


def newest_first(articles: Sequence[DemoArticle]) -> list[DemoArticle]:
    return sorted(articles, key=lambda article: article.last_changed, reverse=True)


def latest_change(articles: Sequence[DemoArticle]) -> datetime:
    return max((article.last_changed for article in articles), default=SITE_LAUNCH)


def tracking_link(article: DemoArticle) -> str:
    """The article's path with the campaign parameters a newsletter or widget adds."""
    return article.path + "?" + urlencode({"utm_source": "homepage", "utm_medium": "most_read"})


class DemoSite:
    """The demo news site: a set of articles and every page derived from them."""

    def __init__(self, articles: Sequence[DemoArticle] | None = None) -> None:
        self.articles = newest_first(load_articles() if articles is None else articles)
        self.sections = sorted({article.section for article in self.articles})
        self.routes: dict[str, Renderer] = {}
        self._add_site_routes()
        self._add_article_routes()
        self._add_listing_routes()

    def page(self, path: str, base_url: str) -> Page | None:
        """The page at `path` (no query), or None when the site has no such page."""
        renderer = self.routes.get(path)
        return renderer(base_url) if renderer else None

    def article_paths(self) -> list[str]:
        return [article.path for article in self.articles]

    def related(self, article: DemoArticle) -> list[DemoArticle]:
        """Up to three other stories of the same section, for the related box."""
        return [other for other in self.articles if other.section == article.section and other is not article][:3]

    def most_read(self) -> list[DemoArticle]:
        # The two oldest stories: their only home-page link is the tracked one.
        return self.articles[-2:]

    def _add_site_routes(self) -> None:
        changed = latest_change(self.articles)
        most_read = [(article, tracking_link(article)) for article in self.most_read()]
        home = templates.home_main(self.articles[:HOME_PAGE_SIZE], most_read)
        self._add_html("/", "Home", home, changed, "News, analysis and opinion from the Caspian region and beyond.")
        self._add_html("/about/", "About us", templates.ABOUT_MAIN, SITE_LAUNCH)
        self._add_html("/contact/", "Contact", templates.CONTACT_MAIN, SITE_LAUNCH)
        self._add_html(feeds.DISALLOWED_PATH, "Search", templates.SEARCH_MAIN, SITE_LAUNCH)
        listings = ["/", *(f"/section/{slugify(section)}/" for section in self.sections)]
        self._add_file("/robots.txt", "text/plain; charset=utf-8", SITE_LAUNCH, feeds.robots_txt)
        self._add_file(
            "/sitemap.xml", "application/xml; charset=utf-8", changed,
            lambda base: feeds.sitemap_xml(base, self.articles, listings),
        )
        self._add_file(
            "/feed.xml", "application/rss+xml; charset=utf-8", changed,
            lambda base: feeds.rss_feed(base, self.articles),
        )
        for path, (name, content_type) in STATIC_FILES.items():
            self._add_static(path, name, content_type)

    def _add_article_routes(self) -> None:
        for article in self.articles:
            self.routes[article.path] = self._article_renderer(article)
            for image in article.images:
                self._add_static(image.path, "placeholder.jpg", "image/jpeg")

    def _add_listing_routes(self) -> None:
        for section in self.sections:
            stories = [a for a in self.articles if a.section == section]
            intro = f"The latest {section.lower()} news."
            self._add_paginated(f"/section/{slugify(section)}/", section, intro, stories)
        for tag in sorted({tag for article in self.articles for tag in article.tags}):
            stories = [a for a in self.articles if tag in a.tags]
            self._add_paginated(f"/tag/{slugify(tag)}/", tag, f"Stories tagged {tag}.", stories)
        for author in sorted({name for article in self.articles for name in article.authors}):
            stories = [a for a in self.articles if author in a.authors]
            intro = f"{author} writes for {templates.SITE_NAME}."
            self._add_paginated(f"/author/{slugify(author)}/", author, intro, stories)

    def _add_paginated(self, base_path: str, heading: str, intro: str, stories: Sequence[DemoArticle]) -> None:
        """A listing split into pages: base_path, then base_path + page/2/, page/3/ ..."""
        chunks = [stories[i : i + SECTION_PAGE_SIZE] for i in range(0, len(stories), SECTION_PAGE_SIZE)]
        for number, chunk in enumerate(chunks, start=1):
            path = base_path if number == 1 else f"{base_path}page/{number}/"
            pagination = templates.pagination_html(base_path, number, len(chunks))
            main = templates.listing_main(heading, intro, chunk, pagination)
            self._add_html(path, heading, main, latest_change(chunk))

    def _add_html(self, path: str, title: str, main: str, changed: datetime, description: str = "") -> None:
        """A page of the site chrome around `main`; only its canonical link depends on the base URL."""

        def render(base: str) -> Page:
            html = templates.page_html(
                title=title, main=main, description=description, canonical=urljoin(base, path), sections=self.sections
            )
            return html_page(html, changed)

        self.routes[path] = render

    def _add_file(self, path: str, content_type: str, changed: datetime, text_of: Callable[[str], str]) -> None:
        self.routes[path] = lambda base: Page(text_of(base).encode("utf-8"), content_type, changed)

    def _add_static(self, path: str, name: str, content_type: str) -> None:
        self.routes[path] = lambda base: Page(static_bytes(name), content_type, SITE_LAUNCH)

    def _article_renderer(self, article: DemoArticle) -> Renderer:
        def render(base: str) -> Page:
            view = templates.ArticleView(article, self.related(article), base)
            return html_page(templates.article_page(view, self.sections), article.last_changed)

        return render
