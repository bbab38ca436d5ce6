"""A small news site that changes between crawls, served by http.server in a thread, with a request log.

Articles are listed in /sitemap.xml, most with a <lastmod>, some without (those are revalidated with
If-None-Match / If-Modified-Since). Pages carry an ETag and a Last-Modified; a matching conditional request
gets a 304. Tests add, edit, touch (new lastmod, same content) and remove articles between runs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from newsspider.demo.server import running_in_thread

WORDS = (
    "council budget harbour ferry schedule residents committee ministry report teachers hospital museum "
    "river bridge election district farmers market weather festival library railway station port energy"
).split()


def paragraphs(slug: str, version: int) -> list[str]:
    """Deterministic text long enough to be an article; a new version changes the last paragraph."""
    seed = sum(map(ord, slug))
    sentences = []
    for index in range(18):
        words = [WORDS[(seed + index * 7 + offset * 3) % len(WORDS)] for offset in range(9)]
        sentences.append(f"The {' '.join(words)} were discussed on day {index + 1} of the {slug} story.")
    body = [" ".join(sentences[start : start + 6]) for start in range(0, 18, 6)]
    body.append(f"This is version {version} of the report, updated with comments from officials.")
    return body


@dataclass
class Story:
    slug: str
    published: datetime
    lastmod: datetime
    version: int = 1
    in_sitemap_with_date: bool = True

    @property
    def etag(self) -> str:
        return f'"{self.slug}-v{self.version}"'

    @property
    def title(self) -> str:
        return f"{self.slug.replace('-', ' ').title()} reported by the city desk"


@dataclass
class Hit:
    path: str
    status: int
    conditional: bool


@dataclass
class ChangingSite:
    """The site's current content; mutate it between crawls."""

    stories: dict[str, Story] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)
    article_delay: float = 0.0
    delays: dict[str, float] = field(default_factory=dict)  # per slug, instead of article_delay
    base_url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, slug: str, published: datetime, *, dated: bool = True) -> None:
        self.stories[slug] = Story(slug, published, published, in_sitemap_with_date=dated)

    def edit(self, slug: str) -> None:
        """New content: new version, ETag, Last-Modified and sitemap lastmod."""
        story = self.stories[slug]
        story.version += 1
        story.lastmod += timedelta(days=1)

    def touch(self, slug: str) -> None:
        """A new sitemap lastmod with the same content (the server answers the revalidation with 304)."""
        self.stories[slug].lastmod += timedelta(hours=1)

    def remove(self, slug: str) -> None:
        del self.stories[slug]

    def url(self, slug: str) -> str:
        return f"{self.base_url}/news/{slug}.html"

    def article_hits(self, slug: str) -> list[Hit]:
        with self.lock:
            return [hit for hit in self.hits if hit.path == f"/news/{slug}.html"]

    def full_downloads(self) -> list[str]:
        """Article paths answered with a 200 (the body sent in full)."""
        with self.lock:
            return [hit.path for hit in self.hits if hit.path.startswith("/news/") and hit.status == 200]

    def clear_log(self) -> None:
        with self.lock:
            self.hits.clear()

    def log(self, hit: Hit) -> None:
        with self.lock:
            self.hits.append(hit)

    def sitemap(self) -> str:
        entries = []
        for story in self.stories.values():
            lastmod = f"<lastmod>{story.lastmod.isoformat()}</lastmod>" if story.in_sitemap_with_date else ""
            entries.append(f"<url><loc>{self.url(story.slug)}</loc>{lastmod}</url>")
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(entries)
            + "</urlset>"
        )

    def article_html(self, story: Story) -> str:
        body = "".join(f"<p>{text}</p>" for text in paragraphs(story.slug, story.version))
        published = story.published.isoformat()
        return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{story.title}</title><link rel="canonical" href="{self.url(story.slug)}">
<meta property="og:type" content="article">
<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "{story.title}", "datePublished": "{published}",
"author": {{"@type": "Person", "name": "Dana Reyes"}}}}</script></head>
<body><article><h1>{story.title}</h1><p class="byline">By Dana Reyes</p>
<time datetime="{published}">{story.published:%d %B %Y}</time>{body}</article></body></html>"""


def handler_for(site: ChangingSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.answer(200, "text/plain", "User-agent: *\nAllow: /\n")
            elif self.path == "/sitemap.xml":
                self.answer(200, "application/xml", site.sitemap())
            elif self.path.startswith("/news/") and self.path.endswith(".html"):
                self.article(self.path.removeprefix("/news/").removesuffix(".html"))
            else:
                self.answer(404, "text/plain", "not found")

        def article(self, slug: str) -> None:
            story = site.stories.get(slug)
            conditional = "If-None-Match" in self.headers or "If-Modified-Since" in self.headers
            if delay := site.delays.get(slug, site.article_delay):
                time.sleep(delay)
            if story is None:
                self.answer(404, "text/plain", "gone", conditional)
            elif self.headers.get("If-None-Match") == story.etag:
                self.answer(304, None, "", conditional, story)
            else:
                self.answer(200, "text/html; charset=utf-8", site.article_html(story), conditional, story)

        def answer(self, status: int, content_type: str | None, text: str, conditional: bool = False, story: Story | None = None) -> None:
            site.log(Hit(self.path, status, conditional))
            body = text.encode("utf-8")
            self.send_response(status)
            if content_type:
                self.send_header("Content-Type", content_type)
            if story is not None:
                self.send_header("ETag", story.etag)
                self.send_header("Last-Modified", format_datetime(story.lastmod, usegmt=True))
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the request log is site.hits

    return Handler


@contextmanager
def serve(site: ChangingSite) -> Iterator[ChangingSite]:
    """Serve `site` on 127.0.0.1 (a free port) while the block runs."""
    with running_in_thread(ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))) as server:
        site.base_url = f"http://127.0.0.1:{server.server_address[1]}"
        yield site


def newsroom(count: int = 6) -> ChangingSite:
    """A site with `count` dated articles and two undated sitemap entries, a month apart in publication."""
    site = ChangingSite()
    start = datetime(2024, 4, 20, 9, 0, tzinfo=timezone.utc)
    for index in range(count):
        site.add(f"story-{index}", start + timedelta(days=4 * index))
    site.add("undated-a", start + timedelta(days=1), dated=False)
    site.add("undated-b", start + timedelta(days=2), dated=False)
    return site
