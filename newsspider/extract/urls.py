"""The one URL canonicaliser: fragments, tracking parameters and host variants folded."""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize

TRACKING_PARAMETERS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref_src", "cmpid", "ocid"}
)


def is_tracking_parameter(name: str) -> bool:
    """Query parameters that only say where a click came from."""
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMETERS


def canonicalize_url(url: str) -> str:
    """One spelling per page: https, no www., no fragment, no tracking parameters, sorted query."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:  # a malformed host or port ("http://[bad"): keep what the page wrote
        return url.strip()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_parameter(k)])
    host = (parts.hostname or "").lower().removeprefix("www.")
    netloc = f"{host}:{port}" if port else host
    scheme = "https" if parts.scheme in ("http", "https") and not port else parts.scheme
    return w3lib_canonicalize(urlunsplit((scheme, netloc, parts.path or "/", query, "")))


def split_url(url: str) -> SplitResult | None:
    """`url`'s parts, or None when it cannot be split: a page's link may name a malformed host ("http://[url]/")."""
    try:
        return urlsplit(url)
    except ValueError:
        return None
