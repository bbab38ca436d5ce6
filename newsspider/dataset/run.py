"""One crawl or refresh of a dataset: lock, record the run in the manifest, crawl each stored configuration."""

from __future__ import annotations

import logging
import sys
from dataclasses import fields
from pathlib import Path
from typing import Any

from scrapy.crawler import Crawler, CrawlerProcess

from ..errors import BadInputError, CrawlFailedError, OutputError
from ..progress import run_counts, show_progress
from ..runner import project_settings
from ..spiders.base import new_crawl_id
from .manifest import FAILED, FINISHED, INTERRUPTED, CrawlSpec, RunCounts, RunRecord, manifest_path, save_manifest, utc_now
from .pipeline import STAT_PREFIX, WRITE_ERROR_STAT
from .store import open_for_writing

WRITER = "newsspider.dataset.pipeline.DatasetWriterPipeline"
CONDITIONAL = "newsspider.dataset.incremental.ConditionalRequestMiddleware"


def dataset_settings(root: Path, run_id: str, index: int, count: int) -> dict[str, Any]:
    """What turns a crawl into a dataset run: the writer pipeline, conditional requests, unique part numbers."""
    base = project_settings()
    return {
        "NEWSSPIDER_DATASET_DIR": str(root),
        "NEWSSPIDER_DATASET_RUN_ID": run_id,
        "NEWSSPIDER_DATASET_PART_NUMBERS": f"{index},{count}",
        "ITEM_PIPELINES": base.getdict("ITEM_PIPELINES") | {WRITER: 1000},
        "DOWNLOADER_MIDDLEWARES": base.getdict("DOWNLOADER_MIDDLEWARES") | {CONDITIONAL: 560},
    }


def run_specs(root: Path, specs: list[CrawlSpec], run_id: str, session_settings: dict[str, Any]) -> list[dict[str, Any]]:
    """Run every configuration as one crawler of a single CrawlerProcess; their final stats."""
    process = CrawlerProcess(project_settings(session_settings))
    crawlers = []
    for index, spec in enumerate(specs):
        settings = project_settings(spec.settings | session_settings | dataset_settings(root, run_id, index, len(specs)))
        try:
            spider = process.spider_loader.load(spec.spider)
        except KeyError:
            raise BadInputError(f"{manifest_path(root)}: crawls: unknown spider {spec.spider!r}") from None
        crawler = Crawler(spider, settings, init_reactor=index == 0)
        process.crawl(crawler, **spec.arguments, crawl_id=run_id)
        crawlers.append(crawler)
    with show_progress(crawlers):
        process.start()
    logging.getLogger("scrapy").handlers.clear()
    return [dict(crawler.stats.get_stats()) if crawler.stats is not None else {} for crawler in crawlers]


def fill_record(record: RunRecord, all_stats: list[dict[str, Any]]) -> None:
    counts = run_counts(all_stats)
    for counter in fields(RunCounts):
        setattr(record, counter.name, getattr(counts, counter.name))
    record.parts_written = sum(stats.get(STAT_PREFIX + "parts_written", 0) for stats in all_stats)
    reasons = {stats.get("finish_reason") for stats in all_stats}
    record.status = INTERRUPTED if "shutdown" in reasons else FINISHED


def reached_nothing(all_stats: list[dict[str, Any]]) -> bool:
    """No page answered at all, not even with a 304 or a skip: the site was not reached."""
    counts = run_counts(all_stats)
    return counts.pages_fetched + counts.not_modified + counts.skipped_unchanged_date == 0


def failure_detail(all_stats: list[dict[str, Any]]) -> str:
    errors = sum(stats.get("downloader/exception_count", 0) for stats in all_stats)
    reason = next((key.rsplit(".", 1)[-1] for stats in all_stats for key in stats if key.startswith("downloader/exception_type_count/")), "")
    return f" ({errors} download errors, {reason})" if errors else ""


def crawl_dataset(root: Path, spec: CrawlSpec | None, *, kind: str, session_settings: dict[str, Any]) -> RunRecord:
    """Crawl `spec` into the dataset (remembering it), or with spec None re-run every stored one (a refresh).

    `session_settings` apply to this run only (log level, politeness for a local server); the spec's own
    settings are stored and reused by later refreshes.
    """
    with open_for_writing(root) as manifest:
        if spec is not None:
            manifest.add_crawl(spec)
        specs = [spec] if spec is not None else manifest.crawls
        if not specs:
            raise BadInputError(f"{root} holds no crawl configuration to refresh: create it with `newsspider crawl ... --out {root}`")
        record = RunRecord(run_id=new_crawl_id(), kind=kind)
        manifest.runs.append(record)
        save_manifest(root, manifest)
        all_stats: list[dict[str, Any]] = []
        try:
            all_stats = run_specs(root, specs, record.run_id, session_settings)
            fill_record(record, all_stats)
        except BaseException:
            record.status = FAILED
            raise
        finally:
            write_error = next((stats[WRITE_ERROR_STAT] for stats in all_stats if WRITE_ERROR_STAT in stats), None)
            if write_error or (all_stats and reached_nothing(all_stats)):
                record.status = FAILED
            record.message = write_error
            record.ended_at = utc_now()
            save_manifest(root, manifest)
        if write_error:
            raise OutputError(write_error)
        if reached_nothing(all_stats):
            raise CrawlFailedError(f"could not fetch anything for {root}{failure_detail(all_stats)}")
    return record


def run_report(record: RunRecord) -> str:
    """One paragraph a user reads after a run."""
    return (
        f"{record.kind} {record.run_id} {record.status}: {record.pages_fetched} pages fetched, "
        f"{record.articles_new} new and {record.articles_changed} changed articles written, "
        f"{record.articles_unchanged} unchanged, {record.not_modified} not modified (304), "
        f"{record.skipped_unchanged_date} skipped by unchanged date, {record.errors} errors"
    )


# Settings that shape this one run's output on the terminal, not the crawl a refresh repeats.
SESSION_ONLY_SETTINGS = frozenset({"LOG_LEVEL"})


def crawl_to_dataset(out_dir: Path, spider_name: str, spider_kwargs: dict[str, Any], settings: dict[str, Any]) -> Path:
    """`crawl --out DIR`: create or extend the dataset in DIR with this crawl, remember it for refreshes, report; DIR."""
    stored = {name: value for name, value in settings.items() if name not in SESSION_ONLY_SETTINGS}
    session = {name: value for name, value in settings.items() if name in SESSION_ONLY_SETTINGS}
    spec = CrawlSpec(spider_name, spider_kwargs, stored)
    record = crawl_dataset(out_dir, spec, kind="crawl", session_settings=session)
    print(run_report(record), file=sys.stderr)
    return out_dir
