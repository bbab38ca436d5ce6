"""What a fetched document is (sitemap, feed, HTML), and gzip handling with a size cap."""

from __future__ import annotations

import re
import zlib
from typing import Literal

DocumentKind = Literal["sitemap", "feed", "html", "other"]

GZIP_MAGIC = b"\x1f\x8b"
_COMMENT_OR_DECLARATION = re.compile(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", re.S | re.I)
_FIRST_TAG = re.compile(rb"<([A-Za-z][\w.:-]*)")
_ROOT_KINDS: dict[bytes, DocumentKind] = {
    b"urlset": "sitemap",
    b"sitemapindex": "sitemap",
    b"rss": "feed",
    b"feed": "feed",
    b"rdf": "feed",
    b"html": "html",
}


class DocumentTooLarge(ValueError):
    """A compressed document expands beyond the allowed size."""


def maybe_gunzip(body: bytes, max_size: int) -> bytes:
    """The body, decompressed when it is gzip data; DocumentTooLarge past `max_size` bytes."""
    if not body.startswith(GZIP_MAGIC):
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = decompressor.decompress(body, max_size + 1)
    except zlib.error:
        return b""
    if len(data) > max_size:
        raise DocumentTooLarge(f"gzip body expands beyond {max_size} bytes")
    return data


def root_tag(body: bytes) -> bytes:
    """The local name of the first element of an XML/HTML document, lower-cased."""
    head = _COMMENT_OR_DECLARATION.sub(b"", body[:8192].lstrip(b"\xef\xbb\xbf"))
    match = _FIRST_TAG.search(head)
    return match.group(1).rsplit(b":", 1)[-1].lower() if match else b""


def document_kind(body: bytes, content_type: str | None = None) -> DocumentKind:
    """Sitemap, feed or HTML, from the root element (content types are often wrong for XML)."""
    kind = _ROOT_KINDS.get(root_tag(body))
    if kind:
        return kind
    if "html" in (content_type or "").lower() or re.search(rb"<(?:head|body|div|p)\b", body[:65536], re.I):
        return "html"
    return "other"
