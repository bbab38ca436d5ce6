"""Scheduled refreshes in the foreground, one at a time, a clean Ctrl-C; the progress display."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from changing_site import ChangingSite, newsroom, serve
from dataset_helpers import LOCAL, manifest, newsspider, started

from newsspider.dataset.lock import DatasetLock


@pytest.fixture(scope="module")
def live_site() -> Iterator[ChangingSite]:
    with serve(newsroom()) as site:
        yield site


@pytest.fixture()
def dataset(live_site: ChangingSite, tmp_path: Path) -> Path:
    root = tmp_path / "news"
    result = newsspider("crawl", f"{live_site.base_url}/sitemap.xml", "--out", str(root), *LOCAL)
    assert result.returncode == 0, result.stderr
    return root


def refreshes(root: Path) -> list[str]:
    return [run["status"] for run in manifest(root)["runs"] if run["kind"] == "refresh"]


def test_schedule_every_interval_runs_refreshes_one_after_another(dataset: Path) -> None:
    result = newsspider("schedule", str(dataset), "--every", "1s", "--max-runs", "2")
    assert result.returncode == 0, result.stderr
    assert refreshes(dataset) == ["finished", "finished"]
    assert "refresh 1: done" in result.stderr and "refresh 2: done" in result.stderr


def test_schedule_skips_a_turn_while_another_command_holds_the_dataset(dataset: Path) -> None:
    with DatasetLock(dataset):
        result = newsspider("schedule", str(dataset), "--every", "1s", "--max-runs", "1")
    assert result.returncode == 0, result.stderr
    assert "refresh 1: skipped, the dataset is busy" in result.stderr and refreshes(dataset) == []


def test_ctrl_c_stops_the_schedule_cleanly(dataset: Path) -> None:
    schedule = started("schedule", str(dataset), "--cron", "0 0 1 1 *")  # next turn is months away
    assert schedule.stderr is not None
    waiting = schedule.stderr.readline()  # interrupt the waiting schedule, not a Python still starting up
    schedule.send_signal(signal.SIGINT)
    _, stderr = schedule.communicate(timeout=20)
    assert waiting.startswith(f"refreshing {dataset} ") and waiting.endswith("; Ctrl-C stops\n"), waiting
    assert schedule.returncode == 130 and stderr == "newsspider: interrupted\n", stderr
    assert refreshes(dataset) == []


def test_schedule_rejects_a_bad_interval(dataset: Path) -> None:
    result = newsspider("schedule", str(dataset), "--every", "soon", "--max-runs", "1")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert result.stderr == (
        "newsspider: error: argument --every: an interval like 30m, 2h or 1h30m, got 'soon' (see newsspider schedule -h)\n"
    )
    assert refreshes(dataset) == []


@pytest.mark.parametrize("runs", ["0", "-1"])
def test_schedule_refuses_a_max_runs_below_one_instead_of_running_once(dataset: Path, runs: str) -> None:
    result = newsspider("schedule", str(dataset), "--every", "1s", "--max-runs", runs)
    assert (result.returncode, result.stderr) == (
        2, f"newsspider: error: argument --max-runs: must be at least 1, got {runs} (see newsspider schedule -h)\n"
    )
    assert refreshes(dataset) == []


def test_schedule_refuses_a_setting_scrapy_cannot_read_before_it_starts(dataset: Path) -> None:
    result = newsspider("schedule", str(dataset), "--every", "1s", "--max-runs", "1", "-s", "RETRY_TIMES=three")
    assert (result.returncode, result.stderr) == (2, "newsspider: error: -s RETRY_TIMES needs a number, got 'three'\n")
    assert refreshes(dataset) == []


def test_schedule_refuses_a_bad_cron_expression_or_a_missing_dataset_before_it_starts(dataset: Path, tmp_path: Path) -> None:
    """Bad input ends in one line at once, not a schedule announced and then dropped, nor one failing forever."""
    cron = newsspider("schedule", str(dataset), "--cron", "99 * * * *", "--max-runs", "1")
    assert (cron.returncode, cron.stderr) == (2, "newsspider: error: not a cron expression: '99 * * * *'\n")
    typo = tmp_path / "typo"
    missing = newsspider("schedule", str(typo), "--every", "1s", "--max-runs", "1")
    assert (missing.returncode, missing.stderr) == (2, f"newsspider: error: {typo} is not a newsspider dataset (no _dataset.json)\n")
    assert refreshes(dataset) == [] and not typo.exists()


def test_progress_is_plain_lines_when_not_on_a_terminal(tmp_path: Path) -> None:
    site = newsroom()
    site.article_delay = 0.3
    with serve(site):
        result = newsspider(
            "crawl", f"{site.base_url}/sitemap.xml", "--out", str(tmp_path / "news"), *LOCAL,
            "-s", "CONCURRENT_REQUESTS=1", "-s", "NEWSSPIDER_PROGRESS_INTERVAL=0.5",
        )
    assert result.returncode == 0, result.stderr
    progress = [line for line in result.stderr.splitlines() if line.startswith("progress: ")]
    assert progress and "pages " in progress[-1] and "articles written " in progress[-1] and "/s)" in progress[-1]
    assert "\x1b[" not in result.stderr


def test_progress_is_a_live_line_on_a_terminal(tmp_path: Path) -> None:
    site = newsroom()
    site.article_delay = 0.3
    controller, terminal = pty.openpty()
    with serve(site):
        command = [sys.executable, "-m", "newsspider", "crawl", f"{site.base_url}/sitemap.xml", "--out", str(tmp_path / "news"), *LOCAL, "-s", "CONCURRENT_REQUESTS=1"]
        crawl = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=terminal)
        os.close(terminal)
        screen = b""
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            screen += chunk
        crawl.wait(timeout=60)
    os.close(controller)
    assert crawl.returncode == 0
    assert b"\x1b[" in screen and b"articles written" in screen and b"progress: " not in screen
