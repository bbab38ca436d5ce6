"""`newsspider crawl TARGET... --out DIR`: discover and fetch a site's articles into the dataset in DIR."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from scrapy.settings import BaseSettings, Settings

from ..dataset.run import crawl_to_dataset
from ..discovery import parse_since
from ..errors import BadInputError
from ..profiles import load_profile
from ..runner import project_settings
from ..spiders.site import SiteSpider
from .extract import checked_timezone, checked_url
from .summary import summarize


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "crawl",
        help="discover and crawl a news site's articles into a Parquet dataset",
        description="TARGET is a home or section page (the whole site is discovered), a sitemap, a feed or an article URL.",
    )
    parser.add_argument("targets", nargs="*", metavar="TARGET", help="site, sitemap, feed or article URL (http or https)")
    add_crawl_options(parser)
    add_discovery_options(parser)
    parser.set_defaults(run=run)


def add_crawl_options(parser: argparse.ArgumentParser) -> None:
    """Options every crawling command shares."""
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="output directory")
    parser.add_argument("--timezone", help="site timezone for dates without one (IANA name, default UTC)")
    parser.add_argument("-s", "--set", action="append", default=[], metavar="NAME=VALUE", help="a Scrapy setting")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log")


def add_discovery_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="skip sitemap and feed entries dated before this day")
    parser.add_argument("--max-articles", type=positive_int, metavar="N", help="stop after N articles (exactly N written into a new dataset; unchanged ones of an existing dataset count too)")
    parser.add_argument("--max-pages", type=positive_int, metavar="N", help="send at most N requests (robots.txt, sitemaps and feeds count)")
    parser.add_argument("--depth", type=positive_int, metavar="N", help="follow in-site links at most N hops (default 10)")
    parser.add_argument("--profile", metavar="PATH", help="a site profile (TOML file, or the name of a bundled one)")
    parser.add_argument("--contact", metavar="URL", help="contact URL sent in the User-Agent")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def check_urls(urls: list[str]) -> list[str]:
    return [checked_url(url) for url in urls]


def checked_since(text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return parse_since(text).date().isoformat()
    except ValueError:
        raise BadInputError(f"--since needs a date like 2024-05-01, got {text!r}") from None


def spider_arguments(args: argparse.Namespace) -> dict[str, Any]:
    """The SiteSpider keyword arguments for these options, checked (plain values, storable as JSON)."""
    profile = load_profile(args.profile) if args.profile else None
    targets = check_urls(list(args.targets))
    if not targets and not (profile and check_urls(list(profile.start_urls))):
        raise BadInputError("give a TARGET URL, or a --profile with start_urls")
    return {
        "targets": targets,
        "since": checked_since(args.since),
        "max_articles": args.max_articles,
        "max_pages": args.max_pages,
        "depth": args.depth,
        "profile": str(profile.path) if profile else None,
        "site_timezone": checked_timezone(args.timezone),
    }


def setting_overrides(args: argparse.Namespace) -> dict[str, Any]:
    # Without -v the summary reports errors; Scrapy's log (with its tracebacks) stays quiet.
    overrides: dict[str, Any] = {"LOG_LEVEL": "INFO" if args.verbose else "CRITICAL"}
    if getattr(args, "contact", None):
        overrides["NEWSSPIDER_CONTACT_URL"] = args.contact
    for pair in args.set:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise BadInputError(f"--set needs NAME=VALUE, got {pair!r}")
        overrides[name] = checked_setting(name, value)
    return overrides


def checked_setting(name: str, value: str) -> str:
    """A -s value Scrapy can read as the kind of the setting's default (a number, true/false, a JSON object); else bad
    input now, not a traceback mid-crawl (nor a crawl configuration stored for refreshes that would fail every time)."""
    default = project_settings().get(name)
    try:
        check = Settings({name: value})  # a dict setting is parsed here already
        if isinstance(default, bool):
            check.getbool(name)
        elif isinstance(default, (int, float)):
            check.getfloat(name)  # an int default may still be read as a float (DOWNLOAD_DELAY)
        elif isinstance(default, (dict, BaseSettings)):
            check.getdict(name)
    except (ValueError, TypeError):
        kind = "true or false" if isinstance(default, bool) else "a number" if isinstance(default, (int, float)) else "a JSON object"
        raise BadInputError(f"-s {name} needs {kind}, got {value!r}") from None
    return value


def run(args: argparse.Namespace) -> int:
    output = crawl_to_dataset(args.out, SiteSpider.name, spider_arguments(args), setting_overrides(args))
    print(summarize(output))
    return 0
