"""Nothing lost: kill -9 in a crawl or a compaction, a full disk, a second writer, an older schema."""

from __future__ import annotations

import json
import os
import resource
import shutil
import signal
import subprocess
from collections.abc import Callable
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from changing_site import newsroom, serve
from dataset_helpers import LOCAL, latest_by_duckdb, manifest, newsspider, read_by_all_four, started

from newsspider.dataset.layout import part_files, publish
from newsspider.dataset.lock import DatasetLock
from newsspider.dataset.schema import schema_version
from newsspider.dataset.state import PageVisit, RefreshState
from newsspider.dataset.writer import PartitionedWriter, PartNumbers, relative_names
from newsspider.items import ARTICLE_SCHEMA, Article

SLOW_SMALL_COMMITS = [*LOCAL, "-s", "CONCURRENT_REQUESTS=2", "-s", "NEWSSPIDER_DATASET_COMMIT_ROWS=2"]


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def assert_sound(root: Path) -> list[tuple]:  # type: ignore[type-arg]
    """Readable by the four readers, manifest valid, no partial file among the parts, validate passes."""
    rows = read_by_all_four(root)
    manifest(root)
    assert not [path for path in root.rglob("*") if path.is_file() and "partial" in path.name and ".tmp" not in path.parts]
    result = newsspider("dataset", "validate", str(root))
    assert result.returncode == 0, result.stdout
    return rows


@pytest.fixture(scope="module")
def crawled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("safety") / "news"
    with serve(newsroom()) as site:
        result = newsspider("crawl", f"{site.base_url}/sitemap.xml", "--out", str(root), *LOCAL)
        assert result.returncode == 0, result.stderr
    return root


def test_a_crawl_publishes_its_rows_every_commit_seconds_while_the_next_article_is_slow_to_come(tmp_path: Path) -> None:
    """One article answers at once, the others hang: the timer commits the first (datasets/README: "every ... seconds")."""
    root = tmp_path / "news"
    site = newsroom(3)
    site.delays = {slug: 30.0 for slug in site.stories if slug != "story-0"}
    with serve(site):
        crawl = started("crawl", f"{site.base_url}/sitemap.xml", "--out", str(root), *LOCAL, "-s", "NEWSSPIDER_DATASET_COMMIT_SECONDS=1")
        try:
            wait_until(lambda: bool(part_files(root)), timeout=15)
            assert crawl.poll() is None  # published while the crawl still waits for the slow articles
        finally:
            crawl.send_signal(signal.SIGKILL)
            crawl.wait()
        assert [row[0] for row in assert_sound(root)] == [site.url("story-0")]


def test_kill_9_during_a_crawl_then_refresh_completes_without_duplicates(tmp_path: Path) -> None:
    root = tmp_path / "news"
    site = newsroom(16)
    site.article_delay = 0.25
    with serve(site):
        crawl = started("crawl", f"{site.base_url}/sitemap.xml", "--out", str(root), *SLOW_SMALL_COMMITS)
        wait_until(lambda: len(site.full_downloads()) >= 8)
        crawl.send_signal(signal.SIGKILL)
        crawl.wait()
        killed_rows = assert_sound(root)
        killed_run = manifest(root)["runs"][0]["run_id"]
        assert manifest(root)["runs"][0]["status"] == "running"
        assert 0 < len(killed_rows) < len(site.stories)
        kept = {row[0] for row in killed_rows}

        site.clear_log()
        site.article_delay = 0.0
        result = newsspider("refresh", str(root))
        assert result.returncode == 0, result.stderr
        rows = assert_sound(root)
        assert sorted(row[0] for row in rows) == sorted(site.url(slug) for slug in site.stories)  # each once
        refetched = {site.url(path.removeprefix("/news/").removesuffix(".html")) for path in site.full_downloads()}
        assert not kept & refetched  # what the killed run committed is not downloaded again
        runs = manifest(root)["runs"]
        assert (runs[0]["run_id"], runs[0]["status"], runs[1]["status"]) == (killed_run, "killed", "finished")


def many_versions(source: Path, root: Path, versions: int) -> None:
    """A dataset where every article was fetched `versions` times, in as many small parts."""
    shutil.copytree(source, root)
    rows = read_by_all_four(root)
    table = pa.concat_tables(pq.ParquetFile(path).read() for path in part_files(root))
    for version in range(versions):
        writer = PartitionedWriter(root, f"synthetic{version:04d}", PartNumbers())
        for row in table.to_pylist():
            writer.write(row | {"fetched_at": row["fetched_at"] - timedelta(days=1 + version)})
        for part in writer.finish():
            publish(part.temporary, part.final)
    assert len(read_by_all_four(root)) == len(rows) * (versions + 1)


def writing_parts(root: Path) -> bool:
    return any(path.name.startswith("part-") for path in (root / ".tmp").glob("*"))


def publishing_parts(root: Path) -> bool:
    return (root / "_compact-journal.json").exists()


def kill_when(process: subprocess.Popen[str], condition: Callable[[], bool]) -> None:
    """SIGKILL `process` the moment `condition` holds; it must still be running then."""
    while not condition():
        assert process.poll() is None, "the command finished before the moment to kill it"
        time.sleep(0.001)
    process.send_signal(signal.SIGKILL)
    process.wait()


@pytest.mark.parametrize("moment", [writing_parts, publishing_parts])
def test_kill_9_during_a_compaction_loses_nothing(crawled: Path, tmp_path: Path, moment: Callable[[Path], bool]) -> None:
    root = tmp_path / "news"
    many_versions(crawled, root, 60)
    expected = latest_by_duckdb(crawled)
    kill_when(started("dataset", "compact", str(root)), lambda: moment(root))
    assert moment(root)  # the kill left the compaction unfinished
    read_by_all_four(root)
    manifest(root)
    assert latest_by_duckdb(root) == expected  # at worst a row twice, the same fetch: the read path shows it once
    result = newsspider("dataset", "compact", str(root))
    assert result.returncode == 0, result.stderr
    assert sorted((row[0], row[1]) for row in assert_sound(root)) == expected


def test_a_second_writer_exits_at_once_with_a_clear_message(crawled: Path) -> None:
    with DatasetLock(crawled):
        for command in (["refresh", str(crawled)], ["dataset", "compact", str(crawled)], ["crawl", "http://127.0.0.1:9/", "--out", str(crawled)]):
            began = time.monotonic()
            result = newsspider(*command)
            assert result.returncode == 3, result.stderr
            assert result.stderr.strip() == f"newsspider: error: dataset {crawled} is busy: another newsspider command (pid {os.getpid()}) is writing it"
            assert time.monotonic() - began < 15


def limit_file_size() -> None:
    """Files may not grow past 4 KiB: the child meets EFBIG as it would meet a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))


def test_a_full_disk_is_one_line_and_leaves_the_dataset_as_it_was(crawled: Path, tmp_path: Path) -> None:
    root = tmp_path / "news"
    shutil.copytree(crawled, root)
    before = read_by_all_four(root)
    with serve(newsroom()) as site:
        manifest_data = manifest(root)
        manifest_data["crawls"][0]["arguments"]["targets"] = [f"{site.base_url}/sitemap.xml"]
        (root / "_dataset.json").write_text(__import__("json").dumps(manifest_data))
        site.edit("story-1")
        site.add("story-new", site.stories["story-0"].published)
        result = newsspider("refresh", str(root), preexec_fn=limit_file_size)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsspider: error: cannot write") and "File too large" in lines[0], result.stderr
    assert read_by_all_four(root) == before


def test_an_older_schema_is_refused_until_compact_migrates_it(crawled: Path, tmp_path: Path) -> None:
    root = tmp_path / "news"
    shutil.copytree(crawled, root)
    # Schema v0 as it might have been: no `publisher` column.
    old = pq.ParquetFile(part_files(root)[0]).read().drop_columns(["publisher"])
    old = old.replace_schema_metadata({b"newsspider.schema_version": b"0"})
    pq.write_table(old, part_files(root)[0])
    refused = newsspider("refresh", str(root))
    assert refused.returncode == 2
    assert "holds rows of schema v0, this newsspider writes v1: run `newsspider dataset compact" in refused.stderr
    checked = newsspider("dataset", "validate", str(root))
    assert checked.returncode == 1 and checked.stdout.splitlines() == [
        f"problem: {part_files(root)[0].relative_to(root)}: schema v0, not v1 (migrate with `newsspider dataset compact`)",
        f"{root}: INVALID (1 problems)",
    ], checked.stdout
    migrated = newsspider("dataset", "compact", str(root))
    assert migrated.returncode == 0 and "migrated to schema v1" in migrated.stdout, migrated.stderr
    rows = assert_sound(root)
    schemas = [pq.read_schema(path) for path in part_files(root)]
    assert len(rows) == 8 and all(schema.equals(ARTICLE_SCHEMA) and schema_version(schema) == 1 for schema in schemas)


def truncate(root: Path, part: Path) -> str:
    part.write_bytes(part.read_bytes()[:100])
    return f"{part.relative_to(root)}: unreadable ("


def drop_a_column(root: Path, part: Path) -> str:
    table = pq.ParquetFile(part).read()
    pq.write_table(table.drop_columns(["publisher"]).replace_schema_metadata(table.schema.metadata), part)
    return f"{part.relative_to(root)}: columns differ from schema v1"


def move_to_the_next_month(root: Path, part: Path) -> str:
    moved = part.rename(part.parent.with_name("month=05") / f"moved-{part.name}")
    return f"{moved.relative_to(root)}: 5 rows outside their partition"


def copy_beside(root: Path, part: Path) -> str:
    shutil.copy(part, part.with_name(f"copy-{part.name}"))
    return "5 duplicate rows (same canonical_url and content_hash)"


@pytest.mark.parametrize("damage", [truncate, drop_a_column, move_to_the_next_month, copy_beside])
def test_validate_names_each_kind_of_damage_and_exits_1(crawled: Path, tmp_path: Path, damage: Callable[[Path, Path], str]) -> None:
    """One problem line per damaged part (the duplicates: one for the dataset), then the verdict."""
    root = tmp_path / "news"
    shutil.copytree(crawled, root)
    april = part_files(root)[0]
    assert april.parent.name == "month=04" and pq.ParquetFile(april).metadata.num_rows == 5
    expected = damage(root, april)
    result = newsspider("dataset", "validate", str(root))
    assert result.returncode == 1, result.stdout + result.stderr
    [problem, verdict] = result.stdout.splitlines()
    assert problem.startswith(f"problem: {expected}") and verdict == f"{root}: INVALID (1 problems)", result.stdout
    assert damage is truncate or problem == f"problem: {expected}"  # only the reader's own error text may vary


def test_a_kill_between_the_renames_of_one_commit_keeps_what_was_published(tmp_path: Path) -> None:
    """A commit writes one part per month, renamed one after another: a kill between the renames has published some
    rows, and recovery must vouch for exactly those (else the next refresh writes them again)."""
    root = tmp_path / "news"
    root.mkdir()
    writer = PartitionedWriter(root, "run", PartNumbers())
    visits = []
    for month in (3, 4):
        url = f"https://news.example/2024/{month}/story"
        published = datetime(2024, month, 9, tzinfo=timezone.utc)
        writer.write(Article(url=url, canonical_url=url, source="news.example", published_at=published, fetched_at=published, content_hash=f"h{month}").to_record())
        visits.append(PageVisit(url, etag=f'"e{month}"', canonical_url=url, content_hash=f"h{month}"))
    parts = writer.finish()
    state = RefreshState(root)
    state.stage(relative_names(root, parts), visits)
    publish(parts[0].temporary, parts[0].final)  # killed here: the April part never renamed
    state.close()

    recovered = RefreshState(root)
    recovered.recover()
    march, april = visits
    assert pq.ParquetFile(parts[0].final).read(columns=["canonical_url"]).column(0).to_pylist() == [march.canonical_url]
    assert recovered.content_hash(march.url_key) == "h3"
    assert recovered.page(march.url_key) == march  # its ETag is kept: not downloaded again
    assert (recovered.content_hash(april.url_key), recovered.page(april.url_key)) == (None, None)  # fetched and written again


@pytest.mark.parametrize(
    "command, lose_state",
    [(["refresh"], False), (["refresh"], True), (["dataset", "info"], False), (["dataset", "compact"], False)],
    ids=["refresh", "refresh-without-state", "info", "compact"],
)
def test_a_damaged_part_stops_a_command_in_one_line_and_touches_no_part(
    crawled: Path, tmp_path: Path, command: list[str], lose_state: bool
) -> None:
    """A part pyarrow cannot read is bad input: one line naming it (validate lists them all), exit 2, no traceback."""
    root = tmp_path / "news"
    shutil.copytree(crawled, root)
    damaged = part_files(root)[0]
    truncate(root, damaged)
    if lose_state:
        (root / "_state.sqlite").unlink()  # the state is rebuilt from the parts, which reads every one
    before = {path: path.read_bytes() for path in part_files(root)}
    result = newsspider(*command, str(root))
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsspider: error: cannot read {damaged}: ") and line.endswith(
        "(`newsspider dataset validate` lists every damaged part)"
    ), result.stderr
    assert {path: path.read_bytes() for path in part_files(root)} == before


@pytest.mark.parametrize(
    "crawl, words",
    [
        ({"spider": "nosuch", "arguments": {}}, "_dataset.json: crawls: unknown spider 'nosuch'"),
        ({"spider": "site", "arguments": "oops"}, "_dataset.json is not a newsspider manifest: a crawl needs"),
        ({"spider": ["site"], "arguments": {}}, "_dataset.json is not a newsspider manifest: a crawl needs"),
    ],
    ids=["unknown-spider", "arguments-not-an-object", "spider-not-a-name"],
)
def test_a_refresh_of_a_hand_edited_crawl_in_the_manifest_fails_in_one_line(
    crawled: Path, tmp_path: Path, crawl: dict[str, object], words: str
) -> None:
    root = tmp_path / "news"
    shutil.copytree(crawled, root)
    edited = manifest(root) | {"crawls": [crawl]}
    (root / "_dataset.json").write_text(json.dumps(edited))
    before = {path: path.read_bytes() for path in part_files(root)}
    result = newsspider("refresh", str(root))
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("newsspider: error: ") and words in line, result.stderr
    assert {path: path.read_bytes() for path in part_files(root)} == before


def garble_the_journal(root: Path) -> str:
    (root / "_compact-journal.json").write_text("garbage")
    return f"{root / '_compact-journal.json'} is damaged"


def misshape_the_journal(root: Path) -> str:
    (root / "_compact-journal.json").write_text(json.dumps({"renames": [["only-one"]], "deletes": []}))
    return f"{root / '_compact-journal.json'} is damaged"


def garble_the_state(root: Path) -> str:
    (root / "_state.sqlite").write_bytes(b"garbage" * 100)
    return f"{root / '_state.sqlite'} is damaged (file is not a database): delete it"


def make_the_manifest_a_directory(root: Path) -> str:
    (root / "_dataset.json").unlink()
    (root / "_dataset.json").mkdir()
    return f"cannot read {root / '_dataset.json'}: Is a directory"


@pytest.mark.parametrize("damage", [garble_the_journal, misshape_the_journal, garble_the_state, make_the_manifest_a_directory])
@pytest.mark.parametrize("command", [["dataset", "compact"], ["refresh"]])
def test_a_damaged_working_file_stops_a_writer_in_one_line_and_touches_no_part(
    crawled: Path, tmp_path: Path, damage: Callable[[Path], str], command: list[str]
) -> None:
    root = tmp_path / "news"
    shutil.copytree(crawled, root)
    words = damage(root)
    before = {path: path.read_bytes() for path in part_files(root)}
    result = newsspider(*command, str(root))
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsspider: error: {words}"), result.stderr
    assert {path: path.read_bytes() for path in part_files(root)} == before


def test_a_refresh_after_the_state_is_lost_writes_no_article_again(tmp_path: Path) -> None:
    """The content hashes are rebuilt from each article's latest row: an article edited once is unchanged, not new."""
    root = tmp_path / "news"
    site = newsroom(3)
    with serve(site):
        assert newsspider("crawl", f"{site.base_url}/sitemap.xml", "--out", str(root), *LOCAL).returncode == 0
        site.edit("story-1")
        assert newsspider("refresh", str(root)).returncode == 0
        stored = sum(pq.read_metadata(path).num_rows for path in part_files(root))
        assert stored == 6  # five stories (two of them undated in the sitemap), and story-1's edit
        (root / "_state.sqlite").unlink()
        site.clear_log()
        result = newsspider("refresh", str(root))
        assert result.returncode == 0, result.stderr
        assert len(site.full_downloads()) == 5  # no validators left: every story is fetched in full
        assert sum(pq.read_metadata(path).num_rows for path in part_files(root)) == stored
        assert "0 new and 0 changed articles written, 5 unchanged" in result.stdout
