"""Where a text writes a date: one pattern for the date forms of many languages, read by the dates, bylines,
credits and boilerplate steps."""

from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=4096)  # a page's short lines are searched for bylines, labelled and unlabelled dates alike
def find_date_span(text: str) -> tuple[int, int] | None:
    """Where the first date expression in `text` starts and ends."""
    # Every date form has a digit; most short lines have none, and the pattern is slow to fail on them.
    match = DATE_PATTERN.search(text) if DIGIT.search(text) else None
    return match.span() if match else None
