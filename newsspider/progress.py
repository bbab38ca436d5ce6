"""Live progress of running crawls: a rich display on a terminal, plain log lines otherwise."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Protocol, Self, TextIO

from rich.console import Console
from rich.live import Live
from rich.text import Text
from scrapy import signals
from scrapy.crawler import Crawler

from .dataset.manifest import RunCounts
from .dataset.pipeline import STAT_PREFIX

TERMINAL_INTERVAL = 0.5


IGNORED = "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest"
ITEM_ERRORS = "newsspider/item_errors"


def error_count(stats: dict[str, Any]) -> int:
    """Download errors (not requests deliberately ignored: robots.txt, unchanged entries), spider exceptions, pages
    a pipeline failed on, HTTP 4xx/5xx."""
    http_errors = sum(
        value for key, value in stats.items() if key.startswith("downloader/response_status_count/") and int(key.rsplit("/", 1)[-1]) >= 400
    )
    download_errors = stats.get("downloader/exception_count", 0) - stats.get(IGNORED, 0)
    return download_errors + stats.get("spider_exceptions/count", 0) + stats.get(ITEM_ERRORS, 0) + http_errors


class ItemErrorStats:
    """Counts the pages a pipeline failed on: Scrapy logs them (unseen without -v) but keeps no stat of them."""

    def __init__(self, crawler: Crawler) -> None:
        self.stats = crawler.stats
        crawler.signals.connect(self.item_error, signal=signals.item_error)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def item_error(self, item: Any, response: Any, spider: Any, failure: Any) -> None:
        assert self.stats is not None
        self.stats.inc_value(ITEM_ERRORS)


# Counters the dataset writer keeps in the crawl stats under STAT_PREFIX, by their RunCounts name.
WRITER_COUNTERS = ("articles_new", "articles_changed", "articles_unchanged", "not_modified", "skipped_unchanged_date")


def run_counts(all_stats: list[dict[str, Any]]) -> RunCounts:
    """The counts of one run, summed over its crawlers' stats."""
    counts = RunCounts()
    for stats in all_stats:
        counts.pages_fetched += stats.get("response_received_count", 0)
        for name in WRITER_COUNTERS:
            setattr(counts, name, getattr(counts, name) + stats.get(STAT_PREFIX + name, 0))
        counts.errors += error_count(stats)
    return counts


def progress_line(counts: RunCounts, elapsed: float) -> str:
    rate = counts.pages_fetched / elapsed if elapsed > 0 else 0.0
    written = counts.articles_new + counts.articles_changed
    return (
        f"pages {counts.pages_fetched} ({rate:.1f}/s) | articles written {written} "
        f"(new {counts.articles_new}, changed {counts.articles_changed}) | unchanged {counts.articles_unchanged} | "
        f"not modified {counts.not_modified} | skipped by date {counts.skipped_unchanged_date} | errors {counts.errors}"
    )


class Display(Protocol):
    def show(self, text: str) -> None: ...
    def close(self) -> None: ...


class TerminalDisplay:
    """One line redrawn in place, gone at the end (the run's report follows)."""

    def __init__(self, stream: TextIO) -> None:
        self.live = Live(Text(""), console=Console(file=stream), refresh_per_second=4, transient=True)
        self.live.start()

    def show(self, text: str) -> None:
        self.live.update(Text(text))

    def close(self) -> None:
        self.live.stop()


class LogDisplay:
    """A line every NEWSSPIDER_PROGRESS_INTERVAL seconds, for logs and pipes; nothing at the end (the run's report follows)."""

    def __init__(self, stream: TextIO, interval: float) -> None:
        self.stream = stream
        self.interval = interval
        self.last_shown = time.monotonic()

    def show(self, text: str) -> None:
        if time.monotonic() - self.last_shown >= self.interval:
            self.last_shown = time.monotonic()
            print(f"progress: {text}", file=self.stream, flush=True)

    def close(self) -> None:
        pass


def stats_of(crawlers: list[Crawler]) -> list[dict[str, Any]]:
    return [crawler.stats.get_stats() if crawler.stats is not None else {} for crawler in crawlers]


def wants_live_display(stream: TextIO, crawlers: list[Crawler]) -> bool:
    """A terminal whose lines Scrapy's own log is not writing to (without -v the log only shows critical errors)."""
    return stream.isatty() and all(crawler.settings.get("LOG_LEVEL") == "CRITICAL" for crawler in crawlers)


@contextmanager
def show_progress(crawlers: list[Crawler], *, stream: TextIO = sys.stderr) -> Iterator[None]:
    """Show the crawlers' progress (one or more) while the block runs the reactor (after they were handed to the process)."""
    from scrapy.utils.asyncio import create_looping_call  # the reactor is installed by now

    started = time.monotonic()
    interval = crawlers[0].settings.getfloat("NEWSSPIDER_PROGRESS_INTERVAL")
    display: Display = TerminalDisplay(stream) if wants_live_display(stream, crawlers) else LogDisplay(stream, interval)
    ticker = create_looping_call(lambda: display.show(progress_line(run_counts(stats_of(crawlers)), time.monotonic() - started)))
    ticker.start(TERMINAL_INTERVAL, now=False)
    try:
        yield
    finally:
        if ticker.running:
            ticker.stop()
        display.close()
