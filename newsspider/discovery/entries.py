"""A discovered URL with the date its sitemap or feed gave it, and date parsing for those formats."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime


@dataclass(frozen=True)
class Entry:
    """A URL listed by a sitemap or feed; `updated_at` is the newest date listed with it (UTC)."""

    url: str
    updated_at: datetime | None = None


def parse_listing_date(text: str | None) -> datetime | None:
    """A W3C datetime (sitemaps, Atom) or RFC 822 date (RSS) as an aware UTC datetime; None if unreadable."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    # Dates without a zone (e.g. "2024-05-01") are read as UTC: sitemaps rarely mean otherwise.
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def newest(*dates: datetime | None) -> datetime | None:
    """The latest of the given dates, ignoring missing ones."""
    present = [value for value in dates if value is not None]
    return max(present) if present else None


def parse_since(text: str) -> datetime:
    """`YYYY-MM-DD` as midnight UTC; ValueError otherwise."""
    day = date.fromisoformat(text.strip())
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def is_before(entry: Entry, since: datetime | None) -> bool:
    """True when the entry is dated and its date is older than `since`; undated entries are kept."""
    return since is not None and entry.updated_at is not None and entry.updated_at < since
