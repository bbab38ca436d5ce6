"""The Northwind Gazette: a second fixture news site for discovery tests, served over real HTTP.

Unlike the demo site it is built to be awkward: a sitemap index with a gzipped child, a Google News
sitemap, an RSS feed, paginated sections, redirects (one off-site), a 500 and a 429 that succeed on
retry, a 404, PDFs, tracking-parameter and rel=canonical duplicates, an endless calendar, a facet
explosion and a path robots.txt disallows. Every request is logged so tests can assert what was fetched.
"""

from __future__ import annotations

import gzip
import json
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from newsspider.demo.server import running_in_thread

SENTENCES = (
    "Harbour officials said the work would continue through the winter despite the storms.",
    "Residents of the old quarter gathered in the square to hear the announcement on Tuesday.",
    "The council has promised a full report on the costs before the budget debate next month.",
    "Local traders described the decision as overdue, while others feared higher rents.",
    "Engineers inspected the sea wall twice this year and found cracks in three places.",
    "A spokesperson for the ministry declined to comment on the timetable for the project.",
    "The ferry company said it would add two sailings a day during the summer season.",
    "Fishermen complained that the new rules had been drafted without asking them.",
    "Figures published by the statistics office show the population grew for a fifth year.",
    "Opposition members called for an independent inquiry into the tender process.",
)


@dataclass(frozen=True)
class Story:
    """One article of the site: where it lives and the date its listings give it."""

    slug: str
    title: str
    published: str  # ISO date
    author: str = "Jane Doe"

    @property
    def path(self) -> str:
        return f"/news/{self.slug}/"


def story(slug: str, published: str) -> Story:
    return Story(slug, slug.replace("-", " ").capitalize(), published)


IN_GZ_SITEMAP = [story("ferry-timetable-expanded", "2024-03-01"), story("sea-wall-repairs-begin", "2024-03-05"),
                 story("council-budget-vote", "2024-03-09"), story("storm-damage-assessed", "2024-03-12")]
IN_NEWS_SITEMAP = [story("harbour-festival-returns", "2024-05-02"), story("new-lighthouse-keeper", "2024-05-04")]
OLD_IN_SITEMAP = [story("lighthouse-centenary", "2019-06-01"), story("old-pier-closes", "2019-08-15")]
IN_FEED_ONLY = [story("fish-market-reopens", "2024-05-06")]
OLD_IN_FEED = [story("museum-opens-new-wing", "2018-02-02")]
ON_PAGE_TWO_ONLY = [story("tram-line-approved", "2024-02-20")]
BEHIND_REDIRECT = [story("school-roof-fixed", "2024-04-10")]
FLAKY = story("power-cut-explained", "2024-04-11")  # 500 on the first request
BUSY = story("bridge-tolls-scrapped", "2024-04-12")  # 429 with Retry-After: 1 on the first request
CANONICAL_TWIN = "/amp/news/sea-wall-repairs-begin/"  # same story, rel=canonical to the original
MISSING = "/news/withdrawn-story/"  # in a sitemap, 404
DISALLOWED = "/private/embargoed-story/"  # robots.txt disallows /private/

ARTICLES = [*IN_GZ_SITEMAP, *IN_NEWS_SITEMAP, *OLD_IN_SITEMAP, *IN_FEED_ONLY, *OLD_IN_FEED,
            *ON_PAGE_TWO_ONLY, *BEHIND_REDIRECT, FLAKY, BUSY]
OLD_ARTICLES = [*OLD_IN_SITEMAP, *OLD_IN_FEED]
NON_ARTICLE_PATHS = ["/", "/about/", "/contact/", "/tag/harbour/", "/author/jane-doe/", "/section/world/", "/search/"]


def article_html(item: Story, base: str, canonical_path: str | None = None) -> str:
    paragraphs = "".join(f"<p>{' '.join(SENTENCES[(i + j) % len(SENTENCES)] for j in range(4))}</p>" for i in range(5))
    jsonld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": item.title,
                         "datePublished": f"{item.published}T09:00:00Z", "author": {"@type": "Person", "name": item.author}})
    return f"""<!DOCTYPE html><html lang="en"><head><title>{item.title} | Northwind Gazette</title>
<link rel="canonical" href="{base}{(canonical_path or item.path).lstrip('/')}">
<script type="application/ld+json">{jsonld}</script></head><body>{navigation()}
<article><h1>{item.title}</h1><p class="byline">By {item.author}</p>{paragraphs}
<p>Read <a href="/files/annual-report.pdf">the annual report (PDF)</a> or <a href="/download/harbour-plan">the harbour plan</a>.</p>
</article></body></html>"""


def navigation() -> str:
    return ('<nav><a href="/">Home</a> <a href="/section/world/">World</a> <a href="/about/">About</a> '
            '<a href="/contact/">Contact</a> <a href="/tag/harbour/">Harbour</a> <a href="/author/jane-doe/">Jane Doe</a> '
            '<a href="/search/?q=harbour">Search</a> <a href="/calendar/2024/05/">Calendar</a></nav>')


def listing_html(title: str, links: list[str], extra: str = "") -> str:
    items = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (f'<!DOCTYPE html><html><head><title>{title}</title>'
            '<link rel="alternate" type="application/rss+xml" title="Northwind" href="/feed.rss"></head>'
            f"<body>{navigation()}<h1>{title}</h1><ul>{items}</ul>{extra}</body></html>")


def home_html() -> str:
    links = [
        IN_GZ_SITEMAP[0].path + "?utm_source=newsletter&utm_medium=email",  # tracking duplicate
        IN_GZ_SITEMAP[0].path + "#comments",
        IN_GZ_SITEMAP[1].path, CANONICAL_TWIN, "/go/school-roof", "/go/elsewhere", DISALLOWED,
        "/section/world/?page=2&sort=oldest",  # facet: two query parameters
        FLAKY.path, BUSY.path,
    ]
    return listing_html("Northwind Gazette", links)


def section_html(page: int) -> str:
    if page == 2:
        return listing_html("World, page 2", [item.path for item in ON_PAGE_TWO_ONLY], '<a href="/section/world/">Newer</a>')
    return listing_html("World", [item.path for item in IN_GZ_SITEMAP], '<a href="/section/world/?page=2">Older</a>')


def calendar_html(year: int, month: int) -> str:
    """An endless calendar: every month links to the one before and after."""
    before = (year, month - 1) if month > 1 else (year - 1, 12)
    after = (year, month + 1) if month < 12 else (year + 1, 1)
    links = [f"/calendar/{y}/{m:02d}/" for y, m in (before, after)]
    return listing_html(f"Calendar {year}-{month:02d}", links)


def urlset(entries: list[str], news: bool = False) -> str:
    namespace = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{namespace}>{"".join(entries)}</urlset>'


def url_entry(base: str, path: str, lastmod: str | None = None) -> str:
    return f"<url><loc>{base}{path.lstrip('/')}</loc>{f'<lastmod>{lastmod}</lastmod>' if lastmod else ''}</url>"


def news_entry(base: str, item: Story) -> str:
    return (f"<url><loc>{base}{item.path.lstrip('/')}</loc><news:news><news:publication><news:name>Northwind Gazette"
            f"</news:name><news:language>en</news:language></news:publication><news:publication_date>{item.published}"
            f"T08:00:00+01:00</news:publication_date><news:title>{item.title}</news:title></news:news></url>")


def sitemap_index(base: str) -> str:
    children = [("sitemaps/articles.xml.gz", "2024-03-12"), ("sitemaps/news.xml", "2024-05-04"),
                ("sitemaps/archive.xml", "2024-01-01")]  # the archive changed recently; its entries are old
    entries = "".join(f"<sitemap><loc>{base}{path}</loc><lastmod>{lastmod}</lastmod></sitemap>" for path, lastmod in children)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'


def rss(base: str) -> str:
    items = "".join(f"<item><title>{item.title}</title><link>{base}{item.path.lstrip('/')}</link>"
                    f"<pubDate>{rfc822(item.published)}</pubDate></item>" for item in [*IN_FEED_ONLY, *OLD_IN_FEED, FLAKY])
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Northwind Gazette</title><link>{base}</link>{items}</channel></rss>'


def rfc822(iso_date: str) -> str:
    return time.strftime("%a, %d %b %Y 09:00:00 GMT", time.strptime(iso_date, "%Y-%m-%d"))


@dataclass
class Logged:
    host: str
    path: str  # with query
    at: float
    agent: str


@dataclass
class NorthwindServer:
    """Routes plus the state the awkward pages need (first-request failures) and the request log."""

    base: str = ""
    log: list[Logged] = field(default_factory=list)
    hits: Counter[str] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, host: str, target: str, agent: str) -> int:
        with self.lock:
            self.log.append(Logged(host, target, time.monotonic(), agent))
            self.hits[urlsplit(target).path] += 1
            return self.hits[urlsplit(target).path]

    def fetched(self, path: str) -> int:
        """How many times a path (query ignored) was requested."""
        return sum(1 for entry in self.log if urlsplit(entry.path).path == path)

    def respond(self, target: str, hit: int) -> tuple[int, dict[str, str], bytes]:
        """Status, headers and body for a request target."""
        parts = urlsplit(target)
        path, query = parts.path, parse_qs(parts.query)
        base = self.base
        html = {"Content-Type": "text/html; charset=utf-8"}
        xml = {"Content-Type": "application/xml"}
        articles = {item.path: item for item in ARTICLES}
        if path == FLAKY.path and hit == 1:
            return 500, html, b"<html><body>Internal error</body></html>"
        if path == BUSY.path and hit == 1:
            return 429, {**html, "Retry-After": "1"}, b"<html><body>Slow down</body></html>"
        if path in articles:
            return 200, html, article_html(articles[path], base).encode()
        if path == CANONICAL_TWIN:
            return 200, html, article_html(IN_GZ_SITEMAP[1], base).encode()
        if path == DISALLOWED:
            return 200, html, article_html(story("embargoed-story", "2024-05-05"), base, DISALLOWED).encode()
        routes: dict[str, tuple[int, dict[str, str], bytes]] = {
            "/robots.txt": (200, {"Content-Type": "text/plain"},
                            f"User-agent: *\nDisallow: /private/\n\nSitemap: {base}sitemaps/index.xml\n".encode()),
            "/sitemaps/index.xml": (200, xml, sitemap_index(base).encode()),
            "/sitemaps/articles.xml.gz": (200, {"Content-Type": "application/x-gzip"}, gzip.compress(urlset(
                [url_entry(base, item.path, item.published) for item in IN_GZ_SITEMAP]
                + [url_entry(base, MISSING, "2024-03-02"), url_entry(base, DISALLOWED, "2024-03-03"),
                   url_entry(base, "/files/annual-report.pdf", "2024-03-04")]).encode())),
            "/sitemaps/news.xml": (200, xml, urlset([news_entry(base, item) for item in IN_NEWS_SITEMAP], news=True).encode()),
            "/sitemaps/archive.xml": (200, xml, urlset(
                [url_entry(base, item.path, item.published) for item in OLD_IN_SITEMAP]
                + [url_entry(base, FLAKY.path, FLAKY.published), url_entry(base, BUSY.path, BUSY.published)]).encode()),
            "/feed.rss": (200, {"Content-Type": "application/rss+xml"}, rss(base).encode()),
            "/": (200, html, home_html().encode()),
            "/section/world/": (200, html, section_html(int(query.get("page", ["1"])[0])).encode()),
            "/about/": (200, html, listing_html("About the Northwind Gazette", []).encode()),
            "/contact/": (200, html, listing_html("Contact us", []).encode()),
            "/tag/harbour/": (200, html, listing_html("Harbour", [item.path for item in IN_NEWS_SITEMAP]).encode()),
            "/author/jane-doe/": (200, html, listing_html("Jane Doe", [item.path for item in IN_NEWS_SITEMAP]).encode()),
            "/search/": (200, html, listing_html("Search results", []).encode()),
            "/go/school-roof": (301, {"Location": f"{base}{BEHIND_REDIRECT[0].path.lstrip('/')}"}, b""),
            "/go/elsewhere": (302, {"Location": base.replace("127.0.0.1", "localhost") + "news/off-site-story/"}, b""),
            "/download/harbour-plan": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 " + b"0" * 200_000),
            "/files/annual-report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 " + b"0" * 2000),
        }
        if path in routes:
            return routes[path]
        if path.startswith("/calendar/"):
            year, month = (int(piece) for piece in path.strip("/").split("/")[1:3])
            return 200, html, calendar_html(year, month).encode()
        return 404, html, b"<html><body><h1>Not found</h1></body></html>"


def handler_for(site: NorthwindServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            hit = site.record(self.headers.get("Host", ""), self.path, self.headers.get("User-Agent", ""))
            status, headers, body = site.respond(self.path, hit)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler stopped reading a non-HTML download on purpose

        def log_message(self, format: str, *args: object) -> None:
            return

    return Handler


@contextmanager
def serve_northwind() -> Iterator[NorthwindServer]:
    """Serve a fresh Northwind Gazette on a free 127.0.0.1 port in a thread."""
    site = NorthwindServer()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    server.daemon_threads = True
    with running_in_thread(server):
        site.base = f"http://127.0.0.1:{server.server_address[1]}/"
        yield site