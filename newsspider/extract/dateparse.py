"""Dates in text: where a string writes one, and the moment it means (timezone-aware, never after the fetch)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any, Iterable, Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dateparser
from dateparser.data.languages_info import language_order

from .page import Page
from .text import clean_text

_MONTHS = (
    r"jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|jun(?:e|\.)?|jul(?:y|\.)?|"
    r"aug(?:ust|\.)?|sep(?:t(?:ember)?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|"
    r"januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"septiembre|octubre|noviembre|diciembre"
)
# A time of day; a zone after it is upper case ("PDT"), not the "Kateg" of "11:38Kategorie".
_TIME = r"(?:,?\s*(?:[|·•]\s*)?(?:at\s+|um\s+|à\s+|a\s+las\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|uhr|h)?(?:\s*(?-i:[A-Z]{2,5})(?![^\W\d_]))?)?"
DATE_PATTERN = re.compile(
    r"(?:\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    rf"|(?<!\d)\d{{4}}([./])(?:0?[1-9]|1[0-2])\1(?:0?[1-9]|[12]\d|3[01])(?!\d){_TIME}"  # 2025.12.17, 2025/12/17
    rf"|(?<!\d)\d{{1,2}}[./]\s?\d{{1,2}}[./]\s?\d{{2,4}}{_TIME}"
    rf"|(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}{_TIME}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{_MONTHS})\.?,?\s+\d{{4}}{_TIME})",
    re.I,
)
DIGIT = re.compile(r"\d")
# A time before the fetch in words, which dateparser reads against the fetch time: "2 hours ago", "vor 3 Stunden",
# "il y a 5 minutes", "hace 2 días", "3 giorni fa", "2 uur geleden", "yesterday", "gestern". (French "hier" is also
# German and Dutch for "here", so it is left out.)
RELATIVE_DATE = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b"
    r"|\bvor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)\b"
    r"|\bil\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans?)\b"
    r"|\bhace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?)\b"
    r"|\b(?:\d+|una?|uno)\s+(?:second[oi]|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa\b"
    r"|\b(?:\d+|een)\s+(?:seconden?|minuten?|uur|dagen?|weken?|maanden?|jaar|jaren)\s+geleden\b"
    r"|\b(?:yesterday|gestern|ayer|ieri|gisteren)\b",
    re.I,
)
NUMERIC_DATE = re.compile(r"(\d{1,2})\s?([./-])\s?(\d{1,2})[./-]\s?\d{2,4}\b")
_DATEPARSER_LANGUAGES = frozenset(language_order)
FUTURE_TOLERANCE = timedelta(hours=14)  # the widest UTC offset: a local date may look ahead of UTC


@lru_cache(maxsize=4096)  # a page's short lines are searched for bylines, labelled and unlabelled dates alike
def find_date_span(text: str) -> tuple[int, int] | None:
    """Where the first date expression in `text` starts and ends."""
    # Every date form has a digit; most short lines have none, and the pattern is slow to fail on them.
    match = DATE_PATTERN.search(text) if DIGIT.search(text) else None
    return match.span() if match else None


def first_valid(page: Page, candidates: Iterable[str | None]) -> datetime | None:
    """The first candidate that parses to a time not after the fetch."""
    found = first_parsed(page, candidates)
    return found[1] if found else None


def first_parsed(page: Page, candidates: Iterable[str | None]) -> tuple[str, datetime] | None:
    """The first candidate that parses to a time not after the fetch, with its text."""
    return next(parsed_all(page, candidates), None)


def parsed_all(page: Page, candidates: Iterable[str | None]) -> Iterator[tuple[str, datetime]]:
    """Every candidate that parses to a time not after the fetch, with its text, in order."""
    for candidate in candidates:
        if candidate:
            value = parse_date(candidate, page)
            if value is not None:
                yield candidate, value


def site_zone(page: Page) -> ZoneInfo | timezone:
    """The site's timezone; UTC when none is given or the name is unknown."""
    try:
        return ZoneInfo(page.site_timezone) if page.site_timezone else timezone.utc
    except (ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def to_aware(value: datetime, page: Page) -> datetime:
    """A timezone-aware time: the page's own offset kept (its local day is the news day), naive values in site time.

    A time the page gives in UTC says nothing about its local day, so it is shown in site time when that is known.
    """
    if value.tzinfo is None:
        return value.replace(tzinfo=site_zone(page))
    if page.site_timezone and value.utcoffset() == timedelta(0):
        return value.astimezone(site_zone(page))
    return value


def parse_date(text: str, page: Page) -> datetime | None:
    """One date string as a timezone-aware time (`to_aware`: the page's offset, else site time), None before 1990 or
    after the fetch: ISO 8601 fast, anything else through dateparser."""
    text = clean_text(text)
    value: datetime | None
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        value = parse_with_dateparser(text, page)
    if value is None or value.year < 1990:
        return None
    value = to_aware(value, page)
    if value > page.fetched_at + FUTURE_TOLERANCE:
        return None
    return value


def date_order(text: str, page: Page) -> str:
    """How to read a numeric date: "25.07.2023" is day first; "07/08/2023" is month first only on US pages."""
    if re.match(r"\d{4}", text):
        return "YMD"
    numeric = NUMERIC_DATE.match(text)
    if numeric:
        first, separator, second = numeric.groups()
        month_first = int(second) > 12 or (int(first) <= 12 and separator != "." and is_us_page(page))
        return "MDY" if month_first else "DMY"
    return "DMY" if re.match(r"\d", text) else "MDY"


def declared_locales(page: Page) -> list[str]:
    """The locales the page declares (<html lang>, og:locale), lower-case with "-": "en-us"."""
    locales = (page.tree.get("lang"), page.meta_value("og:locale"))
    return [locale.strip().lower().replace("_", "-") for locale in locales if locale]


def is_us_page(page: Page) -> bool:
    """The page declares US English (<html lang="en-US">, og:locale en_US): its numeric dates put the month first."""
    return "en-us" in declared_locales(page)


def date_languages(page: Page) -> list[str] | None:
    """The page's declared language and English (dates are often written in English), when dateparser knows it.

    Trying only these locales, not all ~200, makes a string that is no date cheap to reject.
    """
    language = next(iter(declared_locales(page)), "").split("-")[0]
    return sorted({language, "en"}) if language in _DATEPARSER_LANGUAGES else None


def parse_with_dateparser(text: str, page: Page) -> datetime | None:
    """dateparser with numeric dates in the page's order and the fetch time as the base for "2 hours ago"."""
    languages = date_languages(page)
    base = page.fetched_at.astimezone(site_zone(page)).replace(tzinfo=None)
    return dateparser_date(text, date_order(text, page), tuple(languages) if languages else None, base)


@lru_cache(maxsize=1024)  # a page's date lines are read for the publication and again for the modification
def dateparser_date(text: str, order: str, languages: tuple[str, ...] | None, base: datetime) -> datetime | None:
    """dateparser's reading of `text` in one date order and set of languages, relative to `base`."""
    settings: dict[str, Any] = {
        "DATE_ORDER": order,
        "PREFER_DAY_OF_MONTH": "current",  # "2 months ago" keeps its day; a date written without one is refused
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": base,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    try:
        return dateparser.parse(text, languages=list(languages) if languages else None, settings=settings)
    except (ValueError, OverflowError, TypeError):
        return None
