"""Discovery end to end: `newsspider crawl` on the Northwind Gazette fixture site over real HTTP.

Each crawl runs in a subprocess (Scrapy's reactor cannot restart in one process) while the site runs
here and logs every request, so the tests can check what was fetched as well as what was written.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pyarrow.dataset as ds
import pytest

from sites.northwind import (
    ARTICLES, BEHIND_REDIRECT, BUSY, CANONICAL_TWIN, DISALLOWED, FLAKY, IN_FEED_ONLY, IN_GZ_SITEMAP,
    IN_NEWS_SITEMAP, MISSING, NON_ARTICLE_PATHS, OLD_ARTICLES, OLD_IN_FEED, OLD_IN_SITEMAP, ON_PAGE_TWO_ONLY, NorthwindServer, serve_northwind,
)

# A local server: no politeness delay, and retries that wait milliseconds, not seconds.
FAST = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSSPIDER_RETRY_BACKOFF_BASE=0.05"]


def crawl(*args: str, out: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "newsspider", "crawl", *args, "--out", str(out), *FAST],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def rows(out: Path) -> list[dict[str, Any]]:
    return ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()


def canonical_paths(out: Path) -> list[str]:
    return sorted(urlsplit(row["canonical_url"]).path for row in rows(out))


def paths(stories: Any) -> list[str]:
    return sorted(item.path for item in stories)


@pytest.fixture()
def site() -> Iterator[NorthwindServer]:
    with serve_northwind() as served:
        yield served


@pytest.fixture(scope="module")
def whole_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[NorthwindServer, Path]]:
    """One crawl from the home page, shared by the assertions about it."""
    out = tmp_path_factory.mktemp("northwind")
    with serve_northwind() as served:
        crawl(served.base, out=out)
        yield served, out


def test_home_page_crawl_writes_every_article_exactly_once(whole_site: tuple[NorthwindServer, Path]) -> None:
    _, out = whole_site
    assert canonical_paths(out) == paths(ARTICLES)


def test_no_listing_tag_author_or_about_page_is_written(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, out = whole_site
    written = {urlsplit(row["url"]).path for row in rows(out)}
    assert all(site.fetched(path) for path in NON_ARTICLE_PATHS)  # they were crawled for links...
    assert not written & set(NON_ARTICLE_PATHS)  # ...but never reached the dataset


def test_robots_disallowed_path_is_never_fetched(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, _ = whole_site
    assert site.fetched("/robots.txt") == 1  # the spider reads the sitemaps from the robots middleware's copy
    assert not [entry for entry in site.log if entry.path.startswith("/private/")]
    assert site.fetched(DISALLOWED) == 0


def test_each_article_is_fetched_once_despite_tracking_parameters_and_fragments(
    whole_site: tuple[NorthwindServer, Path],
) -> None:
    site, _ = whole_site
    retried = {FLAKY.path, BUSY.path}
    assert {path: site.fetched(path) for path in paths(ARTICLES) if path not in retried} == {
        path: 1 for path in paths(ARTICLES) if path not in retried
    }


def test_rel_canonical_twin_is_fetched_but_written_once(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, out = whole_site
    assert site.fetched(CANONICAL_TWIN) == 1
    twin_of = urlsplit(CANONICAL_TWIN).path.removeprefix("/amp")
    assert canonical_paths(out).count(twin_of) == 1


def test_500_and_429_are_retried_and_retry_after_is_honoured(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, out = whole_site
    assert site.fetched(FLAKY.path) == 2 and site.fetched(BUSY.path) == 2
    first, second = [entry.at for entry in site.log if entry.path == BUSY.path]
    assert second - first >= 0.9  # Retry-After: 1
    assert {FLAKY.path, BUSY.path} <= set(canonical_paths(out))


def test_404_is_not_retried_and_writes_nothing(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, out = whole_site
    assert site.fetched(MISSING) == 1
    assert MISSING not in canonical_paths(out)


def test_redirects_are_followed_on_site_only(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, out = whole_site
    assert site.fetched("/go/school-roof") == 1 and BEHIND_REDIRECT[0].path in canonical_paths(out)
    assert site.fetched("/go/elsewhere") == 1
    assert all(entry.host.startswith("127.0.0.1") for entry in site.log)  # the localhost redirect was not followed


def test_non_html_is_skipped_without_download(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, _ = whole_site
    assert site.fetched("/files/annual-report.pdf") == 0  # .pdf links and sitemap entries: not even requested
    assert site.fetched("/download/harbour-plan") == 1  # no extension: asked once, dropped at the headers


def test_calendar_and_facet_traps_are_bounded(whole_site: tuple[NorthwindServer, Path]) -> None:
    site, _ = whole_site
    calendar = [entry for entry in site.log if entry.path.startswith("/calendar/")]
    assert 1 < len(calendar) <= 2 * 10 + 1  # the default link depth of 10, in both directions
    assert not [entry for entry in site.log if "sort=" in entry.path]  # two query parameters: a facet


def test_since_skips_old_sitemap_and_feed_entries_without_fetching_them(site: NorthwindServer, tmp_path: Path) -> None:
    crawl(site.base, "--since", "2024-01-01", out=tmp_path)
    assert site.fetched("/sitemaps/archive.xml") == 1  # the sitemap was read...
    assert [site.fetched(path) for path in paths(OLD_ARTICLES)] == [0] * len(OLD_ARTICLES)  # ...its old entries not
    assert canonical_paths(tmp_path) == sorted(set(paths(ARTICLES)) - set(paths(OLD_ARTICLES)))


def test_sitemap_target_fetches_its_entries_and_follows_no_links(site: NorthwindServer, tmp_path: Path) -> None:
    crawl(site.base + "sitemaps/index.xml", out=tmp_path)
    listed = sorted({*paths(IN_GZ_SITEMAP), *paths(IN_NEWS_SITEMAP), *paths(OLD_IN_SITEMAP), FLAKY.path, BUSY.path})
    assert canonical_paths(tmp_path) == listed
    assert site.fetched("/") == 0 and site.fetched("/section/world/") == 0


def test_feed_target_fetches_its_items(site: NorthwindServer, tmp_path: Path) -> None:
    crawl(site.base + "feed.rss", out=tmp_path)
    assert canonical_paths(tmp_path) == sorted([*paths(IN_FEED_ONLY), *paths(OLD_IN_FEED), FLAKY.path])
    assert site.fetched("/sitemaps/index.xml") == 0


def test_article_target_fetches_that_article_alone_with_the_contact_in_the_user_agent(
    site: NorthwindServer, tmp_path: Path
) -> None:
    target = IN_GZ_SITEMAP[2]
    crawl(site.base + target.path.lstrip("/") + "?utm_campaign=share", "--contact", "https://ops.example/bot", out=tmp_path)
    assert canonical_paths(tmp_path) == [target.path]
    assert {urlsplit(entry.path).path for entry in site.log} == {"/robots.txt", target.path}
    assert {entry.agent for entry in site.log} == {"newsspider/0.1 (+https://ops.example/bot)"}


def test_max_articles_writes_exactly_that_many(site: NorthwindServer, tmp_path: Path) -> None:
    crawl(site.base, "--max-articles", "3", out=tmp_path)
    assert len(rows(tmp_path)) == 3


@pytest.mark.parametrize("budget", [2, 9])
def test_max_pages_sends_exactly_that_many_requests(site: NorthwindServer, tmp_path: Path, budget: int) -> None:
    result = crawl(site.base, "--max-pages", str(budget), out=tmp_path)
    assert len(site.log) == budget  # robots.txt and the home page count too
    articles = len(rows(tmp_path)) if budget > 2 else 0  # two requests reach no article: an empty dataset...
    assert result.stdout.startswith(f"{articles} articles in")  # ...still gets its summary


def test_profile_denies_paths_and_overrides_the_title(site: NorthwindServer, tmp_path: Path) -> None:
    profile = tmp_path / "northwind.toml"
    profile.write_text(textwrap.dedent("""
        name = "northwind"
        deny = ["/calendar/", "/amp/"]
        discovery = ["links"]
        timezone = "Europe/London"
        [selectors]
        title = { xpath = "//title/text()" }
    """))
    crawl(site.base, "--profile", str(profile), out=tmp_path / "out")
    assert not [entry for entry in site.log if entry.path.startswith(("/calendar/", "/amp/", "/sitemaps/"))]
    assert site.fetched("/feed.rss") == 0  # feeds are not in this profile's discovery
    titles = [row["title"] for row in rows(tmp_path / "out")]
    assert titles and all(title.endswith(" | Northwind Gazette") for title in titles)


def test_depth_limits_link_hops_from_the_home_page(site: NorthwindServer, tmp_path: Path) -> None:
    crawl(site.base, "--depth", "2", out=tmp_path)
    calendar = sorted(urlsplit(entry.path).path for entry in site.log if entry.path.startswith("/calendar/"))
    assert calendar == ["/calendar/2024/04/", "/calendar/2024/05/", "/calendar/2024/06/"]  # hops 1 and 2
    assert site.fetched("/section/world/") == 2  # page 1 (hop 1) and page 2 (hop 2)...
    assert site.fetched(ON_PAGE_TWO_ONLY[0].path) == 0  # ...but page 2's story is hop 3
