"""The command line as a user meets it: JSON out, and one-line errors with non-zero exits."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from changing_site import newsroom, serve
from dataset_helpers import LOCAL

from newsspider.progress import ITEM_ERRORS, error_count

PAGES = Path(__file__).parent / "pages"


def newsspider(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsspider", *args], capture_output=True, text=True, timeout=120, cwd=cwd
    )


def unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def assert_one_line_error(result: subprocess.CompletedProcess[str], expected_code: int, words: str) -> None:
    assert result.returncode == expected_code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("newsspider: error:") and words in lines[0]


def test_extract_prints_the_record_as_json() -> None:
    result = newsspider(
        "extract", str(PAGES / "caspian_sample.html"), "--url", "https://caspiannews.com/a/", "--timezone", "Asia/Baku"
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["authors"] == ["Ilham Karimli"]
    assert record["published_at"] == "2023-07-25T00:00:00+04:00"  # a date alone: midnight in the site's timezone
    assert record["modified_at"] == "2024-02-21T19:34:00+04:00"
    assert record["is_article"] is True


def test_extract_with_a_profile_applies_its_selectors_and_timezone(tmp_path: Path) -> None:
    profile = tmp_path / "caspian.toml"
    profile.write_text('name = "caspian"\ntimezone = "Asia/Baku"\n[selectors]\ntitle = { xpath = "//meta[@property=\'og:site_name\']/@content" }\n')
    result = newsspider("extract", str(PAGES / "caspian_sample.html"), "--url", "https://caspiannews.com/a/", "--profile", str(profile))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["title"] == "Caspian News"
    assert record["published_at"] == "2023-07-25T00:00:00+04:00"


def test_extract_with_a_malformed_profile_fails_in_one_line(tmp_path: Path) -> None:
    profile = tmp_path / "bad.toml"
    profile.write_text("[selectors]\ntitle = 'h1'\n")
    result = newsspider("extract", str(PAGES / "caspian_sample.html"), "--url", "https://x.org/", "--profile", str(profile))
    assert_one_line_error(result, 2, "selectors.title")


def test_extract_of_a_file_that_is_not_html_fails_in_one_line(tmp_path: Path) -> None:
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 8)
    assert_one_line_error(newsspider("extract", str(binary), "--url", "https://example.com/"), 2, "not an HTML page")


def test_extract_of_a_missing_file_fails_in_one_line(tmp_path: Path) -> None:
    assert_one_line_error(newsspider("extract", str(tmp_path / "nope.html"), "--url", "https://x.org/"), 2, "cannot read")


def test_an_unknown_timezone_fails_extract_and_crawl_in_one_line(tmp_path: Path) -> None:
    """A mistyped zone must not be read as UTC: every date without an offset would be hours off, silently."""
    extract = newsspider("extract", str(PAGES / "caspian_sample.html"), "--url", "https://caspiannews.com/a/", "--timezone", "Asia/Bakuu")
    assert_one_line_error(extract, 2, "--timezone: unknown time zone 'Asia/Bakuu'")
    assert extract.stdout == ""
    crawl = newsspider("crawl", "http://127.0.0.1:9/a", "--out", str(tmp_path / "out"), "--timezone", "Asia/Bakuu")
    assert_one_line_error(crawl, 2, "--timezone: unknown time zone 'Asia/Bakuu'")
    assert not (tmp_path / "out").exists()


def test_crawl_of_an_unreachable_url_fails_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "out"
    url = f"http://127.0.0.1:{unused_port()}/news/story"
    result = newsspider("crawl", url, "--out", str(out), "-s", "RETRY_TIMES=0")
    assert_one_line_error(result, 1, "could not fetch")
    assert not list(out.rglob("*.parquet"))


def test_crawl_into_an_unwritable_place_fails_in_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = newsspider("crawl", "http://127.0.0.1:9/a", "--out", str(blocker / "out"))
    assert_one_line_error(result, 2, "cannot write")


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ("CONCURRENT_REQUESTS=abc", "-s CONCURRENT_REQUESTS needs a number, got 'abc'"),
        ("AUTOTHROTTLE_ENABLED=maybe", "-s AUTOTHROTTLE_ENABLED needs true or false, got 'maybe'"),
        ("DOWNLOAD_DELAY=soon", "-s DOWNLOAD_DELAY needs a number, got 'soon'"),
        ("ITEM_PIPELINES={oops", "-s ITEM_PIPELINES needs a JSON object, got '{oops'"),
    ],
)
def test_a_setting_scrapy_cannot_read_fails_in_one_line_and_is_not_stored(tmp_path: Path, setting: str, words: str) -> None:
    """Read as the type of its default before the crawl starts: a stored bad value would fail every later refresh."""
    out = tmp_path / "out"
    result = newsspider("crawl", f"http://127.0.0.1:{unused_port()}/", "--out", str(out), "-s", setting)
    assert_one_line_error(result, 2, words)
    assert not out.exists()


def test_a_setting_of_the_right_kind_is_taken(tmp_path: Path) -> None:
    """DOWNLOAD_DELAY's default is the int 0, yet Scrapy reads it as a float: 0.5 is no bad input."""
    url = f"http://127.0.0.1:{unused_port()}/"
    result = newsspider("crawl", url, "--out", str(tmp_path / "out"), "-s", "DOWNLOAD_DELAY=0.5", "-s", "RETRY_TIMES=0")
    assert_one_line_error(result, 1, "could not fetch")


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["crawl", "https://news.example/"], "the following arguments are required: --out (see newsspider crawl -h)"),
        (["bogus"], "invalid choice: 'bogus'"),
        (["demo", "--port", "70000"], "argument --port: a TCP port is 0 to 65535, got 70000 (see newsspider demo -h)"),
        (["demo", "--port", "-1"], "argument --port: a TCP port is 0 to 65535, got -1 (see newsspider demo -h)"),
    ],
)
def test_a_malformed_command_line_fails_in_one_line_with_exit_code_2(args: list[str], words: str) -> None:
    assert_one_line_error(newsspider(*args), 2, words)


@pytest.mark.parametrize("url", ["not a url", "http://[bad", "http://", "ftp://example.com/a"])
def test_crawl_rejects_a_target_that_is_not_a_url_and_creates_nothing(tmp_path: Path, url: str) -> None:
    assert_one_line_error(newsspider("crawl", url, "--out", str(tmp_path / "out")), 2, f"not an http(s) URL: {url}")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("url", ["not a url", "http://[bad", "/a/story.html"])
def test_extract_rejects_a_url_that_is_not_one(url: str) -> None:
    """The URL resolves the page's links and names its site: a malformed one is bad input, not a traceback."""
    result = newsspider("extract", str(PAGES / "caspian_sample.html"), "--url", url)
    assert_one_line_error(result, 2, f"not an http(s) URL: {url}")
    assert result.stdout == ""


@pytest.mark.parametrize("command", [["refresh"], ["dataset", "compact"], ["dataset", "info"]])
def test_a_command_on_a_directory_that_is_no_dataset_fails_in_one_line_and_creates_nothing(tmp_path: Path, command: list[str]) -> None:
    """A mistyped path is bad input: no empty dataset may appear there (a later command would take it for one)."""
    missing, empty = tmp_path / "typo", tmp_path / "empty"
    empty.mkdir()
    for path in (missing, empty):
        result = newsspider(*command, str(path))
        assert (result.returncode, result.stdout) == (2, ""), result.stdout + result.stderr
        assert result.stderr == f"newsspider: error: {path} is not a newsspider dataset (no _dataset.json)\n"
    assert not missing.exists() and not list(empty.iterdir())


def test_crawl_shows_scrapys_log_only_with_v(tmp_path: Path) -> None:
    with serve(newsroom(1)) as site:
        quiet = newsspider("crawl", f"{site.base_url}/sitemap.xml", "--out", str(tmp_path / "quiet"), *LOCAL)
        verbose = newsspider("crawl", f"{site.base_url}/sitemap.xml", "--out", str(tmp_path / "verbose"), *LOCAL, "-v")
    assert (quiet.returncode, verbose.returncode) == (0, 0), quiet.stderr + verbose.stderr
    [summary] = quiet.stderr.splitlines()  # without -v: the run's summary alone
    assert summary.startswith("crawl ") and " finished: 5 pages fetched, 3 new " in summary
    assert "[scrapy.core.engine] INFO: Spider opened" in verbose.stderr
    assert verbose.stderr.splitlines()[-1].split(" ", 2)[2] == summary.split(" ", 2)[2]  # the same summary, last


def test_pages_a_pipeline_fails_on_are_counted_as_errors_in_the_summary(tmp_path: Path) -> None:
    """Scrapy logs a failing item pipeline only with -v: the summary must count those pages, not report 0 errors."""
    broken = '{"broken_pipeline.FailOnEveryPage": 150}'  # tests/broken_pipeline.py, beside the project's pipelines
    with serve(newsroom(3)) as site:
        result = subprocess.run(
            [sys.executable, "-m", "newsspider", "crawl", f"{site.base_url}/sitemap.xml", "--out", str(tmp_path / "news"),
             *LOCAL, "-s", f"ITEM_PIPELINES_BASE={broken}"],
            capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(Path(__file__).parent)},
        )
    assert result.returncode == 0, result.stderr
    summary = re.search(r"finished: (.*)$", result.stderr, re.MULTILINE)
    assert summary is not None, result.stderr
    # robots.txt, the sitemap and five article pages (three stories, two undated entries): each page an error
    assert summary.group(1) == (
        "7 pages fetched, 0 new and 0 changed articles written, 0 unchanged, 0 not modified (304), "
        "0 skipped by unchanged date, 5 errors"
    )


def test_errors_count_spider_exceptions_failed_pages_and_http_errors_by_scrapys_stat_names() -> None:
    stats = {
        "spider_exceptions/count": 2,  # the key Scrapy's scraper increments
        ITEM_ERRORS: 1,
        "downloader/response_status_count/404": 1,
        "downloader/response_status_count/200": 9,
    }
    assert error_count(stats) == 4


def test_ctrl_c_while_the_command_line_starts_up_is_a_clean_interrupt() -> None:
    """Ctrl-C in the second of imports (Scrapy, pyarrow, the extractors) before a command runs: one line, exit 130."""
    starting = subprocess.Popen(
        [sys.executable, "-X", "importtime", "-m", "newsspider", "profiles"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    assert starting.stderr is not None
    for line in starting.stderr:  # importtime reports each module as its import ends; many more follow pyarrow
        if line.rsplit("|", 1)[-1].strip() == "pyarrow":
            starting.send_signal(signal.SIGINT)
            break
    messages = [line for line in starting.stderr.read().splitlines() if not line.startswith("import time:")]
    assert starting.wait(timeout=60) == 130 and messages == ["newsspider: interrupted"], messages
