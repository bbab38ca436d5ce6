"""`newsspider schedule DIR --every 30m | --cron EXPR`: refresh a dataset periodically, in the foreground.

Each refresh runs in its own process (Scrapy's reactor cannot restart), one at a time; the dataset lock
makes a refresh started elsewhere meanwhile wait for the next turn instead of running alongside.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from croniter import croniter

from ..dataset.check import require_dataset
from ..dataset.lock import DatasetLockedError
from ..errors import BadInputError
from .crawl import positive_int, setting_overrides

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"(\d+)([smhd])")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("schedule", help="refresh a dataset periodically (foreground; Ctrl-C stops)")
    parser.add_argument("dataset", type=Path, metavar="DIR")
    when = parser.add_mutually_exclusive_group(required=True)
    when.add_argument("--every", type=interval_seconds, metavar="INTERVAL", help="e.g. 30m, 2h, 1h30m (first refresh at once)")
    when.add_argument("--cron", metavar="EXPR", help='a cron expression in local time, e.g. "*/30 * * * *"')
    parser.add_argument("--max-runs", type=positive_int, metavar="N", help="stop after N refreshes")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting for each refresh")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    parser.set_defaults(run=run)


def interval_seconds(text: str) -> float:
    """`30m`, `2h`, `1h30m`, `45s`, `1d` as seconds."""
    parts = _INTERVAL.findall(text.strip().lower())
    if not parts or "".join(number + unit for number, unit in parts) != text.strip().lower():
        raise argparse.ArgumentTypeError(f"an interval like 30m, 2h or 1h30m, got {text!r}")
    seconds = sum(int(number) * UNITS[unit] for number, unit in parts)
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the interval must be longer than 0s")
    return float(seconds)


def start_times(args: argparse.Namespace) -> Iterator[datetime]:
    """When each refresh starts: now and every INTERVAL after, or the cron expression's times."""
    now = datetime.now().astimezone()
    if args.cron is not None:
        yield from croniter(args.cron, now).all_next(datetime)
    else:
        step = timedelta(seconds=args.every)
        while True:
            yield now
            now += step


def refresh_command(args: argparse.Namespace) -> list[str]:
    command = [sys.executable, "-m", "newsspider", "refresh", str(args.dataset)]
    for pair in args.set:
        command += ["-s", pair]
    return command + (["-v"] if args.verbose else [])


def sleep_until(moment: datetime) -> None:
    delay = (moment - datetime.now().astimezone()).total_seconds()
    if delay > 0:
        time.sleep(delay)


def refresh_once(args: argparse.Namespace) -> int:
    """One refresh in a child process; Ctrl-C reaches it too, and is waited for so it can close cleanly."""
    child = subprocess.Popen(refresh_command(args))
    try:
        return child.wait()
    except KeyboardInterrupt:
        child.wait()
        raise


def run(args: argparse.Namespace) -> int:
    if args.cron is not None and not croniter.is_valid(args.cron):
        raise BadInputError(f"not a cron expression: {args.cron!r}")
    require_dataset(args.dataset)
    setting_overrides(args)  # a -s value Scrapy cannot read fails now, not in every refresh
    every = f"every {args.every:g}s" if args.every else f"on cron {args.cron!r}"
    print(f"refreshing {args.dataset} {every}; Ctrl-C stops", file=sys.stderr, flush=True)
    count = 0
    for moment in start_times(args):
        if moment < datetime.now().astimezone() - timedelta(seconds=1):
            continue  # a refresh outlasted its interval: skip the missed turns rather than run back to back
        sleep_until(moment)
        count += 1
        code = refresh_once(args)
        outcome = {0: "done", DatasetLockedError.exit_code: "skipped, the dataset is busy"}.get(code, f"failed (exit {code})")
        print(f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S} refresh {count}: {outcome}", file=sys.stderr, flush=True)
        if args.max_runs is not None and count >= args.max_runs:
            break
    return 0
