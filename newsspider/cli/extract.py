"""`newsspider extract FILE --url URL`: one saved page to a JSON record."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from urllib.parse import urlsplit

from ..errors import BadInputError
from ..extract import NotHTMLError, extract_article
from ..profiles import load_profile, zone_name


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="parse one saved HTML page and print its record as JSON")
    parser.add_argument("file", type=Path, help="a saved HTML page")
    parser.add_argument("--url", required=True, help="the URL the page was fetched from")
    parser.add_argument("--timezone", help="site timezone for dates without one (IANA name; default the profile's, else UTC)")
    parser.add_argument("--profile", help="site profile (bundled name or TOML file): its selectors and timezone apply")
    parser.set_defaults(run=run)


def read_page(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise BadInputError(f"cannot read {path}: {error.strerror or error}") from None


def is_http_url(url: str) -> bool:
    """An absolute http(s) URL with a host, one that can be taken apart ("http://[bad" cannot)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def checked_url(url: str) -> str:
    """`url`, when it is an http(s) URL; else bad input."""
    if not is_http_url(url):
        raise BadInputError(f"not an http(s) URL: {url}")
    return url


def checked_timezone(name: str | None) -> str | None:
    """An IANA zone name; a mistyped one is bad input, not UTC."""
    if name is None:
        return None
    try:
        return zone_name(name)
    except ValueError as error:
        raise BadInputError(f"--timezone: {error}") from None


def run(args: argparse.Namespace) -> int:
    url = checked_url(args.url)
    html = read_page(args.file)
    profile = load_profile(args.profile) if args.profile else None
    timezone = checked_timezone(args.timezone) or (profile.timezone if profile else None)
    selectors = profile.selectors if profile else None
    try:
        article = extract_article(html, url, site_timezone=timezone, selectors=selectors)
    except NotHTMLError:
        raise BadInputError(f"{args.file} is not an HTML page") from None
    print(json.dumps(article.to_json(), ensure_ascii=False, indent=2))
    return 0
