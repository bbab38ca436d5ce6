"""`newsspider dataset info|validate|compact DIR`: look at, check and compact a dataset."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..dataset.check import info_lines, require_dataset, validate
from ..dataset.compact import compact
from ..dataset.manifest import FAILED, FINISHED, RunRecord, save_manifest, utc_now
from ..dataset.store import open_for_writing
from ..items import SCHEMA_VERSION
from ..spiders.base import new_crawl_id


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("dataset", help="inspect, validate or compact a dataset")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    info = actions.add_parser("info", help="articles by source and month, field fill rates, last runs")
    info.set_defaults(run=run_info)
    check = actions.add_parser("validate", help="schema, duplicates, unreadable files (exit 1 on a problem)")
    check.set_defaults(run=run_validate)
    squeeze = actions.add_parser("compact", help="one row per article (latest fetch wins); migrates older schemas")
    squeeze.add_argument("--keep-history", action="store_true", help="keep superseded rows in DIR/_history/")
    squeeze.set_defaults(run=run_compact)
    for action in (info, check, squeeze):
        action.add_argument("dataset", type=Path, metavar="DIR")


def run_info(args: argparse.Namespace) -> int:
    print("\n".join(info_lines(args.dataset)))
    return 0


def run_validate(args: argparse.Namespace) -> int:
    findings = validate(args.dataset)
    for note in findings.notes:
        print(f"note: {note}")
    for problem in findings.problems:
        print(f"problem: {problem}")
    print(f"{args.dataset}: {'INVALID' if findings.problems else 'valid'} ({len(findings.problems)} problems)")
    return 1 if findings.problems else 0


def run_compact(args: argparse.Namespace) -> int:
    require_dataset(args.dataset)  # before the lock and recovery create one
    with open_for_writing(args.dataset, migrating=True) as manifest:
        record = RunRecord(run_id=new_crawl_id(), kind="compact")
        manifest.runs.append(record)
        save_manifest(args.dataset, manifest)
        try:
            report = compact(args.dataset, record.run_id, args.keep_history)
        except BaseException:
            record.status, record.ended_at = FAILED, utc_now()
            save_manifest(args.dataset, manifest)
            raise
        manifest.schema_version = SCHEMA_VERSION
        record.status, record.ended_at, record.parts_written = FINISHED, utc_now(), report.parts_after
        record.message = report.summary()
        save_manifest(args.dataset, manifest)
    print(report.summary())
    return 0
