"""The bundled demo site, fetched over real HTTP from its in-process server."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.message import Message
from email.utils import format_datetime
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import lxml.html
import pytest

from newsspider.demo import DemoSite, demo_article_urls, expected_articles, load_articles, serve_demo_site

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CASPIAN_PATH = (
    "/news-detail/president-aliyev-reveals-reasons-for-lachin-checkpoint-"
    "in-meeting-with-media-representatives-2023-7-25-0/"
)


@dataclass
class Response:
    status: int
    headers: Message
    body: bytes
    url: str

    @property
    def content_type(self) -> str:
        return self.headers.get_content_type()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")


def fetch(url: str, headers: dict[str, str] | None = None, method: str = "GET") -> Response:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as reply:
            return Response(reply.status, reply.headers, reply.read(), reply.url)
    except urllib.error.HTTPError as error:  # 304 and 404 arrive as HTTPError
        return Response(error.code, error.headers, error.read(), url)


def visible_text(html: str) -> str:
    """What a reader sees in the page's main area (not the <title>, not the site navigation)."""
    main = lxml.html.fromstring(html).xpath("//main")[0]
    return " ".join(main.text_content().split())


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    with serve_demo_site() as url:
        yield url


@pytest.fixture(scope="module")
def truth(base_url: str) -> dict[str, dict]:
    return expected_articles(base_url)


@pytest.fixture(scope="module")
def article_pages(base_url: str) -> dict[str, Response]:
    return {url: fetch(url) for url in demo_article_urls(base_url)}


def test_serves_on_a_free_local_port_and_stops_on_exit() -> None:
    with serve_demo_site() as url:
        assert url.startswith("http://127.0.0.1:") and url.endswith("/")
        assert fetch(url).status == 200
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(url, timeout=2)


def test_site_has_enough_articles_and_sections(base_url: str) -> None:
    articles = load_articles()
    assert len(articles) >= 32
    assert len({article.section for article in articles}) >= 3
    assert len(demo_article_urls(base_url)) == len(articles)


def test_every_article_is_served_as_html_with_its_canonical(article_pages: dict[str, Response]) -> None:
    for url, page in article_pages.items():
        assert page.status == 200, url
        assert page.headers["Content-Type"] == "text/html; charset=utf-8"
        tree = lxml.html.fromstring(page.text)
        assert tree.xpath("//link[@rel='canonical']/@href") == [url]
        assert tree.xpath("//header//nav") and tree.xpath("//footer")


def test_article_pages_show_what_the_truth_says(
    article_pages: dict[str, Response], truth: dict[str, dict]
) -> None:
    for url, record in truth.items():
        html = article_pages[url].text
        text = visible_text(html)
        for expected in [record["title"], record["first_paragraph"], record["last_paragraph"], record["section"]]:
            assert expected in text, (url, expected)
        for image in record["images"]:
            assert image["caption"] in text and (image["credit"] or "") in text, (url, image)
            assert urlsplit(image["url"]).path in html
        assert all(tag in text for tag in record["tags"]), url


def test_times_in_the_truth_are_on_the_page(article_pages: dict[str, Response], truth: dict[str, dict]) -> None:
    """A datetime in the truth needs the hour somewhere on the page, else the truth claims more than it shows."""
    for url, record in truth.items():
        html = article_pages[url].text
        for stamp in filter(None, [record["published"], record["modified"]]):
            if "T" not in stamp:
                continue
            moment = datetime.fromisoformat(stamp)
            utc = moment.astimezone(UTC).isoformat().replace("+00:00", "Z")
            assert stamp in html or utc in html or f"{moment:%H:%M}" in visible_text(html), (url, stamp)


def test_boxes_inside_the_article_are_not_paragraphs_of_the_truth(truth: dict[str, dict]) -> None:
    box_words = ["Related stories", "Morning Briefing", "Share this article", "Advertisement", "Read more:"]
    for record in truth.values():
        body = "\n".join(record["paragraphs"])
        assert not any(word in body for word in box_words), record["url"]


def test_sample_article_reads_like_the_caspian_news_page(base_url: str, truth: dict[str, dict]) -> None:
    url = urljoin(base_url, CASPIAN_PATH)
    page = fetch(url)
    text = visible_text(page.text)
    in_reading_order = [
        "Last update: February 21, 2024 19:34",
        "Newsroom logo",
        "President Aliyev Reveals Reasons for Lachin Checkpoint in Meeting with Media Representatives",
        "By Ilham Karimli July 25, 2023",
        "President Ilham Aliyev at the meeting with media representatives in a global media forum in Shusha, "
        "Azerbaijan, July 21, 2023 / President.Az",
        "President Ilham Aliyev explained the reasons behind the establishment of the Lachin checkpoint",
        "within the framework of the good practice of how these issues are resolved in Azerbaijan as a whole,” he added.",
    ]
    positions = [text.index(phrase) for phrase in in_reading_order]
    assert positions == sorted(positions)
    assert "application/ld+json" not in page.text and "article:published_time" not in page.text
    record = truth[url]
    assert record["authors"] == ["Ilham Karimli"] and record["publisher"] is None
    assert record["published"] == "2023-07-25" and record["modified"] == "2024-02-21T19:34:00+04:00"
    assert record["images"][0]["credit"] == "President.Az"
    assert record["first_paragraph"].startswith("President Ilham Aliyev explained")
    assert record["last_paragraph"].endswith("he added.")


def test_truth_is_well_formed_for_every_article(base_url: str, truth: dict[str, dict]) -> None:
    assert sorted(truth) == sorted(demo_article_urls(base_url))
    for record in truth.values():
        assert record["title"] and record["section"] and record["paragraphs"]
        assert not any(name.startswith("By ") or " and " in name for name in record["authors"])
        assert record["authors"] or record["publisher"] is None or record["publisher"] in {"Reuters", "AFP"}
        published = date.fromisoformat(record["published"][:10])
        if record["modified"]:
            assert date.fromisoformat(record["modified"][:10]) >= published
        for stamp in filter(None, [record["published"], record["modified"]]):
            assert "T" not in stamp or datetime.fromisoformat(stamp).tzinfo is not None


def test_markup_varies_the_way_real_sites_do() -> None:
    articles = load_articles()
    used = {
        "meta": {article.markup.meta for article in articles},
        "layout": {article.markup.layout for article in articles},
        "dates": {(article.markup.date_format, article.markup.time_element) for article in articles},
        "captions": {article.markup.caption_style for article in articles if article.images},
        "loading": {article.markup.image_loading for article in articles if article.images},
    }
    assert {"jsonld", "jsonld_graph", "opengraph", "none"} <= used["meta"]
    assert {"classic", "magazine", "newsroom"} <= used["layout"]
    assert {("long", True), ("long", False), ("dotted", False), ("iso", False)} <= used["dates"]
    assert {"figure+span", "div+span", "figure+photo", "figure+paren", "div+slash"} <= used["captions"]
    assert {"src", "data-src", "srcset"} <= used["loading"]
    bylines = [article.byline for article in articles]
    assert any(" and " in line and "," not in line for line in bylines)
    assert any(", " in line and " and " in line for line in bylines)
    assert any(article.publisher and not article.authors for article in articles)
    assert any(article.modified for article in articles)


def test_home_page_announces_the_feed_and_links_two_tracked_articles(base_url: str) -> None:
    page = fetch(base_url)
    assert page.status == 200 and page.headers["Content-Type"] == "text/html; charset=utf-8"
    tree = lxml.html.fromstring(page.text)
    assert tree.xpath("//link[@rel='alternate' and @type='application/rss+xml']/@href") == ["/feed.xml"]
    tracked = [href for href in tree.xpath("//a/@href") if "utm_source=" in href]
    assert len(tracked) == 2
    for href in tracked:
        article = fetch(urljoin(base_url, href))
        clean = urljoin(base_url, urlsplit(href).path)
        assert article.status == 200 and clean in demo_article_urls(base_url)
        assert lxml.html.fromstring(article.text).xpath("//link[@rel='canonical']/@href") == [clean]


def test_section_pages_paginate_and_reach_every_article(base_url: str) -> None:
    first = lxml.html.fromstring(fetch(urljoin(base_url, "/section/politics/")).text)
    assert first.xpath("//a[@rel='next']/@href") == ["/section/politics/page/2/"]
    found: set[str] = set()
    for section in DemoSite().sections:
        next_page: str | None = f"/section/{section.lower()}/"
        while next_page:
            tree = lxml.html.fromstring(fetch(urljoin(base_url, next_page)).text)
            found |= {urljoin(base_url, href) for href in tree.xpath("//article[@class='teaser']//a/@href")}
            next_page = (tree.xpath("//a[@rel='next']/@href") or [None])[0]
    assert found == set(demo_article_urls(base_url))


def test_tag_author_about_and_contact_pages_exist(base_url: str) -> None:
    for path in ["/tag/elections/", "/author/jane-doe/", "/about/", "/contact/"]:
        page = fetch(urljoin(base_url, path))
        assert page.status == 200 and page.content_type == "text/html", path


def test_unknown_path_is_404_and_missing_slash_redirects(base_url: str) -> None:
    missing = fetch(urljoin(base_url, "/politics/no-such-story/"))
    assert missing.status == 404 and missing.content_type == "text/html"
    assert fetch(urljoin(base_url, "/about")).url == urljoin(base_url, "/about/")


def test_head_sends_headers_without_body(base_url: str) -> None:
    page = fetch(urljoin(base_url, "/about/"), method="HEAD")
    assert page.status == 200 and page.body == b"" and int(page.headers["Content-Length"]) > 0


def test_conditional_requests_get_304_until_the_page_changes(base_url: str) -> None:
    url = demo_article_urls(base_url)[0]
    first = fetch(url)
    etag, last_modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag and last_modified
    assert fetch(url, {"If-None-Match": etag}).status == 304
    assert fetch(url, {"If-None-Match": f'W/{etag}, "other"'}).status == 304
    assert fetch(url, {"If-None-Match": '"stale"'}).status == 200
    assert fetch(url, {"If-Modified-Since": last_modified}).status == 304
    long_ago = format_datetime(datetime(2020, 1, 1, tzinfo=UTC), usegmt=True)
    assert fetch(url, {"If-Modified-Since": long_ago}).status == 200
    # If-None-Match wins: a stale tag means a full response even with a fresh date.
    assert fetch(url, {"If-None-Match": '"stale"', "If-Modified-Since": last_modified}).status == 200


def test_robots_txt_names_the_sitemap_and_a_disallowed_path(base_url: str) -> None:
    page = fetch(urljoin(base_url, "/robots.txt"))
    assert page.status == 200 and page.content_type == "text/plain"
    lines = page.text.splitlines()
    assert "Disallow: /search/" in lines
    assert f"Sitemap: {urljoin(base_url, '/sitemap.xml')}" in lines


def test_sitemap_lists_every_article_with_lastmod(base_url: str) -> None:
    page = fetch(urljoin(base_url, "/sitemap.xml"))
    assert page.status == 200 and page.content_type == "application/xml"
    urls = {
        entry.findtext(f"{SITEMAP}loc"): entry.findtext(f"{SITEMAP}lastmod")
        for entry in ET.fromstring(page.body).iter(f"{SITEMAP}url")
    }
    for url in demo_article_urls(base_url):
        assert datetime.fromisoformat(urls[url]).tzinfo is not None, url


def test_feed_is_rss2_with_every_article(base_url: str) -> None:
    page = fetch(urljoin(base_url, "/feed.xml"))
    assert page.status == 200 and page.content_type == "application/rss+xml"
    rss = ET.fromstring(page.body)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    items = rss.findall("./channel/item")
    assert {item.findtext("link") for item in items} == set(demo_article_urls(base_url))
    assert all(item.findtext("pubDate") and item.findtext("title") for item in items)


def test_images_are_served(base_url: str, truth: dict[str, dict]) -> None:
    image_url = next(record["images"][0]["url"] for record in truth.values() if record["images"])
    page = fetch(image_url)
    assert page.status == 200 and page.content_type == "image/jpeg" and page.body.startswith(b"\xff\xd8")
