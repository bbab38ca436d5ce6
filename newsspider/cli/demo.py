"""`newsspider demo`: serve the bundled demo news site on 127.0.0.1 and crawl it from its home page."""

from __future__ import annotations

import argparse
import sys
from contextlib import ExitStack
from pathlib import Path
from urllib.parse import urlsplit

from ..dataset.manifest import load_manifest
from ..dataset.run import crawl_to_dataset
from ..spiders.site import SiteSpider
from ..errors import BadInputError
from .crawl import setting_overrides, spider_arguments
from .summary import summarize

DEMO_PROFILE = "demo"
# A fixed port keeps the demo's URLs stable, so running it again refreshes the dataset instead of adding a copy.
DEMO_PORT = 8639


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="crawl the bundled demo news site into a Parquet dataset")
    parser.add_argument("--out", type=Path, default=Path("datasets/demo"), metavar="DIR", help="output directory")
    parser.add_argument(
        "--port", type=port_number, default=DEMO_PORT, help=f"port on 127.0.0.1 (default {DEMO_PORT}; 0 = the port of the demo crawl already in --out if free, else any free port)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")
    parser.set_defaults(
        run=run, set=[], timezone=None, since=None, max_articles=None, max_pages=None, depth=None, profile=DEMO_PROFILE
    )


def port_number(text: str) -> int:
    value = int(text)
    if not 0 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"a TCP port is 0 to 65535, got {value}")
    return value


def run(args: argparse.Namespace) -> int:
    from ..demo.server import serve_demo_site  # the demo package is only needed here

    # With --port 0, the port of the demo crawl the dataset already holds: the same URLs refresh its rows.
    port = args.port or recorded_port(args.out) or 0
    with ExitStack() as serving:
        try:
            base_url = serving.enter_context(serve_demo_site(port=port))
        except OSError as error:
            if args.port or not port:
                raise BadInputError(f"cannot serve the demo site on port {port}: {error.strerror}; try --port 0") from None
            print(
                f"newsspider: port {port} of the demo crawl in {args.out} is busy: serving on another port, whose URLs"
                " are new to the dataset, so its articles are added again (give a new --out to keep them apart)",
                file=sys.stderr,
            )
            base_url = serving.enter_context(serve_demo_site(port=0))
        print(f"demo site serving at {base_url}")
        args.targets = [base_url]
        # A local site: no politeness delay needed.
        settings = setting_overrides(args) | {"AUTOTHROTTLE_ENABLED": False}
        output = crawl_to_dataset(args.out, SiteSpider.name, spider_arguments(args), settings)
    print(summarize(output))
    return 0


def recorded_port(dataset: Path) -> int | None:
    """The 127.0.0.1 port of the demo crawl already in the dataset, if it holds one."""
    for crawl in load_manifest(dataset).crawls:
        for target in crawl.arguments.get("targets") or []:
            address = urlsplit(target)
            if address.hostname == "127.0.0.1" and address.port:
                return address.port
    return None
