"""Crawl a site into a dataset, change the site, refresh: only new and changed articles are fetched and written."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from changing_site import ChangingSite, Hit, newsroom, serve
from dataset_helpers import LOCAL, latest_by_duckdb, manifest, newsspider, read_by_all_four


@dataclass
class Refreshed:
    root: Path
    site: ChangingSite
    crawl_hits: list[Hit]
    refresh_hits: list[Hit]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Refreshed]:
    root = tmp_path_factory.mktemp("refresh") / "news"
    with serve(newsroom()) as site:
        result = newsspider("crawl", f"{site.base_url}/sitemap.xml", "--out", str(root), *LOCAL)
        assert result.returncode == 0, result.stderr
        crawl_hits = list(site.hits)
        site.clear_log()
        site.edit("story-1")  # new content, ETag and lastmod
        site.touch("story-2")  # new lastmod, same content: the revalidation gets a 304
        site.add("story-new", site.stories["story-5"].published)
        site.remove("story-3")
        result = newsspider("refresh", str(root))
        assert result.returncode == 0, result.stderr
        yield Refreshed(root, site, crawl_hits, list(site.hits))


def article(hit: Hit) -> str:
    return hit.path.removeprefix("/news/").removesuffix(".html")


def test_refresh_downloads_in_full_only_new_and_changed_articles(refreshed: Refreshed) -> None:
    in_full = sorted(article(hit) for hit in refreshed.refresh_hits if hit.path.startswith("/news/") and hit.status == 200)
    assert in_full == ["story-1", "story-new"]


def test_unchanged_sitemap_dates_are_not_requested_and_others_are_revalidated(refreshed: Refreshed) -> None:
    requested = {article(hit): hit for hit in refreshed.refresh_hits if hit.path.startswith("/news/")}
    assert not {"story-0", "story-4", "story-5"} & set(requested)  # lastmod unchanged: not even a 304
    assert "story-3" not in requested  # removed from the sitemap
    for slug in ("story-2", "undated-a", "undated-b"):  # new lastmod, or no lastmod: asked conditionally
        assert requested[slug].conditional and requested[slug].status == 304
    assert requested["story-1"].conditional and requested["story-1"].status == 200


def test_refresh_writes_rows_only_for_new_and_changed_articles(refreshed: Refreshed) -> None:
    runs = manifest(refreshed.root)["runs"]
    assert [run["kind"] for run in runs] == ["crawl", "refresh"] and {run["status"] for run in runs} == {"finished"}
    assert (runs[0]["articles_new"], runs[0]["articles_changed"]) == (8, 0)
    refresh = runs[1]
    assert (refresh["articles_new"], refresh["articles_changed"], refresh["not_modified"], refresh["skipped_unchanged_date"]) == (1, 1, 3, 3)
    rows = read_by_all_four(refreshed.root)
    assert len(rows) == 10  # 8 from the crawl, then story-new and the new version of story-1
    urls = [row[0] for row in rows]
    assert urls.count(refreshed.site.url("story-1")) == 2 and urls.count(refreshed.site.url("story-new")) == 1


def test_the_documented_read_path_shows_the_latest_version_only(refreshed: Refreshed) -> None:
    latest = dict(latest_by_duckdb(refreshed.root))
    assert len(latest) == 9
    runs = [run["run_id"] for run in manifest(refreshed.root)["runs"]]
    written = ds.dataset(refreshed.root, format="parquet", partitioning="hive").to_table(columns=["canonical_url", "content_hash", "crawl_id"])
    versions = {row["crawl_id"]: row["content_hash"] for row in written.to_pylist() if row["canonical_url"] == refreshed.site.url("story-1")}
    assert set(versions) == set(runs) and versions[runs[0]] != versions[runs[1]]
    assert latest[refreshed.site.url("story-1")] == versions[runs[1]]  # the edit the refresh wrote, not the first crawl's


def test_partitions_are_site_year_month_and_source_stays_a_data_column(refreshed: Refreshed) -> None:
    rows = read_by_all_four(refreshed.root)
    assert {(row[2], row[3]) for row in rows} == {("127.0.0.1", "127.0.0.1")}
    assert {(row[4], row[5]) for row in rows} == {(2024, 4), (2024, 5)}
    parts = sorted(path.relative_to(refreshed.root).parent.as_posix() for path in refreshed.root.rglob("*.parquet"))
    assert set(parts) == {"site=127.0.0.1/year=2024/month=04", "site=127.0.0.1/year=2024/month=05"}


UTC = pa.timestamp("us", tz="UTC")
IMAGE = pa.struct([("url", pa.string()), ("caption", pa.string()), ("credit", pa.string()), ("alt", pa.string())])
# The README's "Dataset schema (v1)" table, written out here so that a change to the written schema fails.
README_SCHEMA = pa.schema(
    [
        pa.field("url", pa.string(), nullable=False), ("canonical_url", pa.string()), ("source", pa.string()),
        ("title", pa.string()), ("authors", pa.list_(pa.string())), ("publisher", pa.string()), ("published_at", UTC),
        ("modified_at", UTC), ("section", pa.string()), ("tags", pa.list_(pa.string())), ("language", pa.string()),
        ("summary", pa.string()), ("body", pa.string()), ("images", pa.list_(IMAGE)), ("word_count", pa.int32()),
        ("content_hash", pa.string()), ("fetched_at", UTC), ("crawl_id", pa.string()),
    ],
    metadata={b"newsspider.schema_version": b"1"},
)


def test_every_part_crawl_and_refresh_wrote_has_the_documented_schema(refreshed: Refreshed) -> None:
    parts = sorted(refreshed.root.rglob("*.parquet"))
    assert len(parts) == 4  # two months, by the crawl and by the refresh
    for part in parts:
        schema = pq.read_schema(part)
        assert schema.equals(README_SCHEMA, check_metadata=False), f"{part}: {schema}"
        assert schema.metadata[b"newsspider.schema_version"] == b"1"


def test_compact_keeps_each_article_once_latest_wins_and_history_apart(refreshed: Refreshed, tmp_path: Path) -> None:
    root = tmp_path / "news"
    shutil.copytree(refreshed.root, root)
    before = dict(latest_by_duckdb(root))
    result = newsspider("dataset", "compact", str(root), "--keep-history")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "10 rows in 4 parts -> 9 articles in 2 parts; 1 superseded rows kept in _history/\n"
    rows = read_by_all_four(root)
    assert dict((row[0], row[1]) for row in rows) == before and len(rows) == 9
    history = list((root / "_history").glob("*.parquet-history"))
    assert len(history) == 1
    old = pq.read_table(history[0]).to_pylist()
    assert [row["canonical_url"] for row in old] == [refreshed.site.url("story-1")] and old[0]["content_hash"] != before[old[0]["canonical_url"]]
    again = newsspider("dataset", "compact", str(root))
    assert (again.returncode, again.stdout) == (0, "already compact: 9 articles in 2 parts\n"), again.stderr
    assert newsspider("dataset", "validate", str(root)).returncode == 0


def test_compact_without_keep_history_drops_the_superseded_rows(refreshed: Refreshed, tmp_path: Path) -> None:
    root = tmp_path / "news"
    shutil.copytree(refreshed.root, root)
    before = latest_by_duckdb(root)
    result = newsspider("dataset", "compact", str(root))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["10 rows in 4 parts -> 9 articles in 2 parts"]
    assert sorted((row[0], row[1]) for row in read_by_all_four(root)) == before
    assert not (root / "_history").exists()
    checked = newsspider("dataset", "validate", str(root))
    assert checked.stdout.splitlines() == [f"{root}: valid (0 problems)"], checked.stdout


def test_info_reports_sources_months_fill_rates_and_runs(refreshed: Refreshed) -> None:
    result = newsspider("dataset", "info", str(refreshed.root))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "9 articles (1 superseded rows" in lines[0]
    # April: story-0, the edited story-1 (once), story-2 and the two undated entries; May: story-3 to 5 and story-new
    assert lines[1:5] == [
        "articles by source and month:",
        "  127.0.0.1  2024-04  5",
        "  127.0.0.1  2024-05  4",
        "fields filled: title 100%, authors 100%, published_at 100%, modified_at 0%, section 0%, tags 0%, "
        "language 100%, summary 0%, body 100%, images 0%",
    ]
    assert [line.split()[1:3] for line in lines[6:]] == [["crawl", "finished"], ["refresh", "finished"]]


def test_validate_accepts_a_refreshed_dataset_and_notes_superseded_rows(refreshed: Refreshed) -> None:
    result = newsspider("dataset", "validate", str(refreshed.root))
    assert result.returncode == 0, result.stdout
    assert "1 superseded rows" in result.stdout
