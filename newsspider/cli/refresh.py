"""`newsspider refresh DIR`: re-run a dataset's stored crawls, fetching only what is new or changed."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..dataset.check import require_dataset
from ..dataset.manifest import INTERRUPTED
from ..dataset.run import crawl_dataset, run_report
from .crawl import setting_overrides


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("refresh", help="update a dataset: new and changed articles only")
    parser.add_argument("dataset", type=Path, metavar="DIR", help="a dataset made by `newsspider crawl ... --out DIR`")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting for this run only")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    require_dataset(args.dataset)  # before the lock and recovery create one
    record = crawl_dataset(args.dataset, None, kind="refresh", session_settings=setting_overrides(args))
    print(run_report(record))
    return 130 if record.status == INTERRUPTED else 0
