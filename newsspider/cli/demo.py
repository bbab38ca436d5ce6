"""`newsspider demo`: serve the bundled demo news site on 127.0.0.1 and crawl it."""

from __future__ import annotations

import argparse
from pathlib import Path

from .crawl import crawl_urls
from .summary import summarize

DEMO_TIMEZONE = "Asia/Baku"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="crawl the bundled demo news site into a Parquet dataset")
    parser.add_argument("--out", type=Path, default=Path("datasets/demo"), metavar="DIR", help="output directory")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    parser.set_defaults(run=run, set=[], timezone=DEMO_TIMEZONE)


def run(args: argparse.Namespace) -> int:
    from ..demo.server import demo_article_urls, serve_demo_site  # the demo package is only needed here

    with serve_demo_site() as base_url:
        print(f"demo site serving at {base_url}")
        # A local site: no politeness delay needed.
        output = crawl_urls(demo_article_urls(base_url), args.out, args, {"AUTOTHROTTLE_ENABLED": False})
    print(summarize(output))
    return 0
