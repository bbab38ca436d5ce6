"""Serve the demo site in-process over real HTTP, with conditional GET (ETag / Last-Modified → 304)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from email.message import Message
from email.utils import format_datetime, parsedate_to_datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar
from urllib.parse import unquote, urljoin, urlsplit

from newsspider.demo.routes import DemoSite, Page

ServerT = TypeVar("ServerT", bound=ThreadingHTTPServer)


class DemoHTTPServer(ThreadingHTTPServer):
    """A threaded HTTP server that knows which DemoSite it serves and under which base URL."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], site: DemoSite) -> None:
        super().__init__(address, DemoRequestHandler)
        self.site = site
        self.base_url = f"http://{address[0]}:{self.server_address[1]}/"


def http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(UTC), usegmt=True)


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison (RFC 9110 13.1.2): any listed tag, W/ or not, or "*"."""
    candidates = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in candidates or etag in candidates


def unchanged_since(if_modified_since: str, last_modified: datetime) -> bool:
    """True when the page has not changed since the client's copy (HTTP dates have whole seconds)."""
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError):
        return False
    if since.tzinfo is None:
        return False
    return last_modified.replace(microsecond=0) <= since


def is_not_modified(headers: Message, page: Page) -> bool:
    """Whether a conditional request may be answered 304; If-None-Match wins over If-Modified-Since."""
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        return etag_matches(if_none_match, page.etag)
    if_modified_since = headers.get("If-Modified-Since")
    return if_modified_since is not None and unchanged_since(if_modified_since, page.last_modified)


class DemoRequestHandler(BaseHTTPRequestHandler):
    """GET and HEAD for the demo site's pages; 404 for any other path."""

    server: DemoHTTPServer
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        self.respond(send_body=True)

    def do_HEAD(self) -> None:
        self.respond(send_body=False)

    def respond(self, send_body: bool) -> None:
        path = unquote(urlsplit(self.path).path)
        page = self.server.site.page(path, self.server.base_url)
        if page is None and self.server.site.page(path + "/", self.server.base_url) is not None:
            self.send_redirect(path + "/")
            return
        if page is None:
            self.send_not_found(send_body)
            return
        not_modified = is_not_modified(self.headers, page)
        self.send_response(HTTPStatus.NOT_MODIFIED if not_modified else HTTPStatus.OK)
        self.send_header("ETag", page.etag)
        self.send_header("Last-Modified", http_date(page.last_modified))
        self.send_header("Cache-Control", "max-age=60")
        if not_modified:
            self.end_headers()
            return
        self.send_header("Content-Type", page.content_type)
        self.send_header("Content-Length", str(len(page.body)))
        self.end_headers()
        if send_body:
            self.wfile.write(page.body)

    def send_redirect(self, path: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", urljoin(self.server.base_url, path))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def send_not_found(self, send_body: bool) -> None:
        body = b"<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>Not found</h1></body></html>"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        # Crawls make hundreds of requests; the access log would drown test and CLI output.
        return


@contextmanager
def running_in_thread(server: ServerT) -> Iterator[ServerT]:
    """Serve with `server` from a daemon thread while the block runs, then shut it down and close it."""
    thread = threading.Thread(target=server.serve_forever, name="newsspider-local-site", daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@contextmanager
def serve_demo_site(host: str = "127.0.0.1", port: int = 0, site: DemoSite | None = None) -> Iterator[str]:
    """Serve the demo site on host:port (0 = a free port) in a daemon thread; yield its base URL."""
    with running_in_thread(DemoHTTPServer((host, port), site or DemoSite())) as server:
        yield server.base_url


def demo_article_urls(base_url: str, site: DemoSite | None = None) -> list[str]:
    """The absolute URL of every demo article, newest first."""
    return [urljoin(base_url, path) for path in (site or DemoSite()).article_paths()]
