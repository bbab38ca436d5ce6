"""`newsspider crawl URL... --out DIR`: fetch article URLs into a Parquet file in DIR."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from w3lib.url import is_url

from ..errors import BadInputError, CrawlFailedError
from ..runner import ensure_writable_dir, run_crawl
from ..spiders.articles import ArticlesSpider, new_crawl_id
from .summary import crawl_report, summarize


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("crawl", help="crawl article URLs into a Parquet dataset")
    parser.add_argument("urls", nargs="+", metavar="URL", help="article URLs (http or https)")
    add_crawl_options(parser)
    parser.set_defaults(run=run)


def add_crawl_options(parser: argparse.ArgumentParser) -> None:
    """Options every crawling command shares."""
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory")
    parser.add_argument("--timezone", help="site timezone for dates without one (IANA name, default UTC)")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")


def check_urls(urls: list[str]) -> list[str]:
    bad = [url for url in urls if not is_url(url) or not url.startswith(("http://", "https://"))]
    if bad:
        raise BadInputError(f"not an http(s) URL: {bad[0]}")
    return urls


def setting_overrides(args: argparse.Namespace) -> dict[str, Any]:
    # Without -v the summary reports errors; Scrapy's log (with its tracebacks) stays quiet.
    overrides: dict[str, Any] = {"LOG_LEVEL": "INFO" if args.verbose else "CRITICAL"}
    for pair in args.set:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise BadInputError(f"--set needs NAME=VALUE, got {pair!r}")
        overrides[name] = value
    return overrides


def crawl_urls(urls: list[str], out_dir: Path, args: argparse.Namespace, extra_settings: dict[str, Any] | None = None) -> Path:
    """Crawl `urls` into DIR/part-<crawl_id>.parquet, report on stderr, and return its path."""
    ensure_writable_dir(out_dir)
    crawl_id = new_crawl_id()
    output = out_dir / f"part-{crawl_id}.parquet"
    settings = setting_overrides(args) | (extra_settings or {})
    settings["FEEDS"] = {str(output): {"format": "parquet", "overwrite": True}}
    stats = run_crawl(ArticlesSpider, {"urls": urls, "crawl_id": crawl_id, "site_timezone": args.timezone}, settings)
    try:
        check_fetched(stats, len(urls))
    except CrawlFailedError:
        output.unlink(missing_ok=True)
        raise
    print(crawl_report(stats), file=sys.stderr)
    return output


def check_fetched(stats: dict[str, Any], requested: int) -> None:
    """A crawl that fetched nothing at all failed, whatever the reason."""
    if stats.get("response_received_count", 0) == 0:
        errors = stats.get("downloader/exception_count", 0)
        reason = next((key.rsplit("/", 1)[-1] for key in stats if key.startswith("downloader/exception_type_count/")), "")
        detail = f" ({errors} download errors, {reason.rsplit('.', 1)[-1]})" if errors else ""
        raise CrawlFailedError(f"could not fetch any of the {requested} URLs{detail}")


def run(args: argparse.Namespace) -> int:
    output = crawl_urls(check_urls(args.urls), args.out, args)
    print(summarize(output))
    return 0
