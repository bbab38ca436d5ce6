"""Published and modified times, kept apart, timezone-aware, never after the fetch."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from types import MappingProxyType
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

import lxml.html
import htmldate

from ..items import Article
from .dateparse import (
    DATE_PATTERN,
    FUTURE_TOLERANCE,
    NUMERIC_DATE,
    declared_locales,
    find_date_span,
    first_parsed,
    first_valid,
    parse_date,
    parse_with_dateparser,
    parsed_all,
    to_aware,
)
from .datelines import (
    HEADLINE_REACH,
    MODIFIED_LABEL,
    PUBLISHED_LABEL,
    DateLines,
    ShownDates,
    by_placement,
    date_lines,
    labelled_text_dates,
    relative_text_dates,
    time_elements,
    unlabelled_text_dates,
)
from .page import ARTICLE_TYPES, POSTING_TYPES, Page
from .text import clean_text, read_text

_UPDATE_CLASS = re.compile(r"updat|modif|changed|revis", re.I)
# /2019/10/9/ or /2019-10-09-: a slug's "2024-4-4" is a version number, not a date.
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})(?:/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])|-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))(?:/|-|\b)"
)
# /2019/10/, /2025-12_, /20250114/; not the "/209302-" of a story number.
_URL_MONTH = re.compile(r"/((?:19|20)\d{2})(?:[/-](0[1-9]|1[0-2])[/_-]|(0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])/)")
_WRITTEN_OFFSET = re.compile(r"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*([+-])(\d{2}):?(\d{2})\b")
_WRITTEN_UTC = re.compile(r"\d[:.]\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|GMT|UTC)\b", re.I)
# A machine timestamp without an offset ("2026-02-15 03:05:48"): servers write these in UTC.
_BARE_STAMP = re.compile(r"\s*\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*$")
_CLOCK = re.compile(r"(?<![.\d])\d{1,2}[:.h]\d{2}(?![.\d])")  # "14.17 Uhr", but not the "06.01" of "06.01.2022"
_SAME_SEASON = timedelta(days=7)
_ONE_DAY = timedelta(days=1)
_QUARTER_HOUR = timedelta(minutes=15)
_ONE_SAVE = timedelta(minutes=5)  # a CMS stamping publication and modification on one save writes them this close
# Languages whose news is written in one time zone: a UTC stamp on such a page has that zone's local day.
_ONE_ZONE_LANGUAGES = MappingProxyType({"de": "Europe/Berlin", "it": "Europe/Rome", "nl": "Europe/Amsterdam", "pl": "Europe/Warsaw", "cs": "Europe/Prague"})
_SHOWN_TIME_LIMIT = 3  # visible date lines tried for a local time
_HTMLDATE_FORMAT = "%Y-%m-%dT%H:%M:%S"

PUBLISHED_META = (
    "article:published_time", "og:published_time", "datepublished", "published_time", "pubdate",
    "publishdate", "publish-date", "dc.date.issued", "dcterms.created", "dc.date", "date",
    "sailthru.date", "parsely-pub-date", "article.published", "cxenseparse:recs:publishtime",
)
# Metadata naming some date of the page without saying which (often its last save): alone, it yields to a date
# the page shows for the article.
GENERIC_DATE_META = frozenset({"dc.date", "date"})
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "modified_time", "dcterms.modified", "last-modified")


def fill(page: Page, article: Article) -> None:
    """Set published_at and modified_at from `page`."""
    lines = date_lines(page)  # one pass over the page for both dates
    article.published_at = published_at(page, lines)
    modified = modified_at(page, lines)
    if modified and article.published_at and modified < article.published_at:
        modified = None
    article.modified_at = modified


def published_at(page: Page, lines: DateLines | None = None) -> datetime | None:
    """Structured data first, then <time>, labelled and byline text, then the URL, then htmldate's search.

    A URL that files the page under a month (/2019/10/) overrules a date before it, and stands in for a date not
    found: the first date the page's text shows within that month is taken instead ("Advent of Code 2025 week 2
    20 December 2025", "wurde am 19. Mai 2010 um 23:03 Uhr gepostet"), else none.
    """
    lines = date_lines(page) if lines is None else lines
    own, in_url = own_published_at(page, lines), url_date(page)
    if own and in_url and not near_day(own, in_url):
        return in_url  # the URL's day is the publisher's own filing: a date far from it belongs to something else
    found = own or in_url or searched_date(page, lines) or relative_published(page, lines)
    if (found is not None and not before_url_month(page, found)) or url_month(page) is None:
        return found
    return next((value for _, value in parsed_all(page, text_dates(page)) if in_url_month(page, value)), None)


def relative_published(page: Page, lines: DateLines) -> datetime | None:
    """A time the page gives only relative to its fetch ("2 hours ago" under the headline, not after "Updated"), the
    article's own before the rest of the page's; lists of dated items and asides left out."""
    _, shown = relative_text_dates(lines)
    article_shown, other_shown = by_placement(page, [], shown)
    return first_valid(page, [text for _, text in [*article_shown, *other_shown]])


def text_dates(page: Page) -> Iterator[str]:
    """Every date expression of the page's text as read, running text included, in document order."""
    body = page.tree.find("body")
    text = read_text(page.tree if body is None else body)
    return (match.group(0) for match in DATE_PATTERN.finditer(text))


def searched_date(page: Page, lines: DateLines) -> datetime | None:
    """htmldate's search, unless all it found is a year: it reads "© 2026" as January 1, 2026, so a midnight
    on January 1 counts only when the page shows that day."""
    found = htmldate_date(page, original=True)
    if found is None or (found.month, found.day, found.time()) != (1, 1, time()):
        return found
    year = str(found.year)
    shown = (text for text in shown_dates(lines) if year in text)
    return found if any(value.date() == found.date() for _, value in parsed_all(page, shown)) else None


def shown_dates(lines: DateLines) -> Iterator[str]:
    """Every date expression of the short text lines, in document order."""
    for _, text in lines:
        span = find_date_span(text)
        if span:
            yield text[span[0]:span[1]]


def near_day(value: datetime, day: datetime) -> bool:
    """Within a day of `day`: the same local day, or one UTC offset away from it."""
    return abs((value.date() - day.date()).days) <= 1


def own_published_at(page: Page, lines: DateLines) -> datetime | None:
    """The page's publication date (declared, else shown), on the page's own clock."""
    jsonld = jsonld_dates(page, "datePublished", "dateCreated")
    declared = [*jsonld, *(page.meta_value(key) for key in PUBLISHED_META)]
    marked_times, plain_times = time_elements(page)
    labelled, unlabelled = labelled_text_dates(page, lines, PUBLISHED_LABEL), unlabelled_text_dates(lines)
    time_tags = {element for element, _ in [*marked_times, *plain_times]}
    # A line around a <time> shows the same date: the element's machine-readable value stands for it.
    around_no_time = [line for line in unlabelled if not any(tag in time_tags for tag in line[0].iter("time"))]
    article_shown, other_shown = by_placement(page, [*marked_times, *labelled], [*plain_times, *around_no_time])
    weighed = declared
    seen: list[str | None] = [text for _, text in [*article_shown, *other_shown]]  # the generic meta may be None
    if generic_declaration_yields(page, jsonld, [text for _, text in article_shown]):
        generic = published_meta(page, generic=True)
        weighed, seen = [], [*(text for _, text in article_shown), *generic, *(text for _, text in other_shown)]
    times = [text for _, text in [*marked_times, *plain_times]]
    visible = [text for _, text in [*labelled, *unlabelled]]
    resolved = read_as_confirmed(page, [*weighed, *seen])
    edited = {value.date() for _, value in parsed_all(page, updated_dates(page, lines))}
    shown = [text for text in resolved[len(weighed):] if text]
    found = declared_or_shown(page, resolved[: len(weighed)], shown, edited)
    found = republication(page, found, article_shown, shown, edited) or found
    if found is None:
        return None
    text, value = found
    if page.site_timezone or not (_WRITTEN_UTC.search(text) or _BARE_STAMP.match(text)):
        return value
    offset = (
        written_offset(value, [*declared, *times], page)
        or shown_offset(value, visible, page)
        or clock_offset(value, times)
        or language_offset(value, visible, page)
    )
    return value.astimezone(timezone(offset)) if offset else value


def generic_declaration_yields(page: Page, jsonld: list[str], article_shown: list[str]) -> bool:
    """Whether the page declares its date only in generic metadata ("date", "DC.date") and shows the article on
    another day (a publication mark or label, or a date in the headline's block): the metadata then often holds
    the last save, and the shown date comes before it."""
    if first_parsed(page, [*jsonld, *published_meta(page, generic=False)]) is not None:
        return False
    generic, shown = first_valid(page, published_meta(page, generic=True)), first_valid(page, article_shown)
    return generic is not None and shown is not None and shown.date() != generic.date()


def published_meta(page: Page, *, generic: bool) -> list[str | None]:
    """The values of the generic ("date") or of the specific publication metadata, in PUBLISHED_META order."""
    return [page.meta_value(key) for key in PUBLISHED_META if (key in GENERIC_DATE_META) == generic]


def read_as_confirmed(page: Page, texts: list[str | None]) -> list[str | None]:
    """Ambiguous numeric dates ("11/01/2021") rewritten as ISO in the reading another date of the page confirms.

    Templates print dates in a locale other than the page's (an en-US date filter on a German page); the page's
    unambiguous dates (ISO stamps, dotted or month-name dates) tell which reading is meant.
    """
    if not any(text and ambiguous_numeric_date(text) for text in texts):
        return texts
    days = {value.date() for _, value in parsed_all(page, [text for text in texts if text and not ambiguous_numeric_date(text)])}
    return [confirmed_reading(text, page, days) if text and ambiguous_numeric_date(text) else text for text in texts]


def ambiguous_numeric_date(text: str) -> re.Match[str] | None:
    """A leading day/month date whose two numbers could each be the month: "11/01/2021", not "25/07/2023" and not
    "01.11.2021" (a dotted date is day first everywhere)."""
    numeric = NUMERIC_DATE.match(clean_text(text))
    if numeric is None:
        return None
    first, separator, second = numeric.groups()
    return numeric if separator != "." and first != second and int(first) <= 12 and int(second) <= 12 else None


def confirmed_reading(text: str, page: Page, days: set[date]) -> str:
    """`text` with its date in the other reading when only that one is a day the page confirms."""
    value = parse_date(text, page)
    if value is None or value.date() in days:
        return text
    try:
        swapped = value.date().replace(month=value.day, day=value.month)
    except ValueError:
        return text
    if swapped not in days:
        return text
    text = clean_text(text)
    numeric = ambiguous_numeric_date(text)
    return swapped.isoformat() + text[numeric.end():] if numeric else text


def declared_or_shown(
    page: Page, declared: list[str | None], shown: list[str], edited: set[date]
) -> tuple[str, datetime] | None:
    """The declared publication time; the first shown date when the declaration is a re-publication stamp.

    A declared publication on a later day than the declared modification, or stamped by the same save as it,
    says when the page was last saved; a shown date before both is the first publication (a shown date on the
    modification day is the edit itself). Not when the page also shows the declared day, unlabelled as an
    edit (`edited`: the days shown as "Updated"): a new article's one save stamps both fields alike.
    """
    stated = first_parsed(page, declared)
    if stated is None:
        return first_parsed(page, shown)
    modified = first_valid(page, declared_modified(page))
    stated = shown_declaration(page, declared, shown, modified) or stated
    if modified is None or modified.date() >= stated[1].date() and not same_save(modified, stated[1]):
        return stated
    earlier = first_parsed(page, shown)
    if earlier is None or earlier[1].date() >= modified.date() or not in_url_month(page, earlier[1]):
        return stated
    if stated[1].date() not in edited and any(value.date() == stated[1].date() for _, value in parsed_all(page, shown)):
        return stated
    return earlier


def republication(
    page: Page, found: tuple[str, datetime] | None, article_shown: ShownDates, shown: list[str], edited: set[date]
) -> tuple[str, datetime] | None:
    """The date the headline's block shows when it is the declared modification's day and the publication
    `found` shows nowhere: the page was rewritten and given to the reader as new (a guide's yearly refresh, a story
    re-run), and the old day is the CMS's record of its first draft. Not when the page marks that day as an update
    (an "Updated" line, an "updated" or "date-modified" class): such a page keeps its first publication."""
    stamp = first_parsed(page, declared_modified(page))
    if found is None or stamp is None or stamp[1] < found[1] or not article_shown:
        return None
    modified = stamp[1]
    # A day apart may be one moment in two time zones, unless both are read on the page's own clock.
    if modified.date() == found[1].date() or (near_day(modified, found[1]) and not same_local_clock(stamp, found)):
        return None
    element, text = article_shown[0]
    headline_date = first_parsed(page, [text])
    if headline_date is None or headline_date[1].date() != modified.date() or modified.date() in edited:
        return None
    if marked_as_update(element) or any(value.date() == found[1].date() for _, value in parsed_all(page, shown)):
        return None
    return headline_date


def same_local_clock(first: tuple[str, datetime], second: tuple[str, datetime]) -> bool:
    """Whether two stamps are read on one clock that is the page's own: the same offset, neither written in UTC
    (a UTC stamp's day may be the local day before or after)."""
    return first[1].utcoffset() == second[1].utcoffset() and not any(_WRITTEN_UTC.search(text) for text, _ in (first, second))


def marked_as_update(element: lxml.html.HtmlElement) -> bool:
    """Whether the element showing a date, an element in it or one of its close ancestors has a class naming an
    update ("updated-on", "date-modified", "field--name-changed")."""
    related = [*element.iter(), *list(element.iterancestors())[:HEADLINE_REACH]]
    return any(_UPDATE_CLASS.search(node.get("class") or "") for node in related)


def same_save(first: datetime, second: datetime) -> bool:
    """Two stamps of one save: minutes apart, or one clock reading to the second written with two offsets
    ("14:20:08Z" and "14:20:08-04:00": one field's zone is mislabelled, no two saves share the second)."""
    return abs(first - second) <= _ONE_SAVE or first.replace(tzinfo=None) == second.replace(tzinfo=None)


def in_url_month(page: Page, value: datetime) -> bool:
    """True unless the URL files the page under another month (/2019/10/, /20250114/)."""
    month = url_month(page)
    return month is None or (value.year, value.month) == month


def before_url_month(page: Page, value: datetime) -> bool:
    """Whether `value` falls before the month the URL files the page under: a page is not published before its
    URL exists, so such a date is something else's (a sidebar's, a copyright year). A later one may be a re-run."""
    month = url_month(page)
    # A day's slack: a time zone may put the first of the month on the last day of the one before.
    return month is not None and value.date() + _ONE_DAY < date(*month, 1)


def url_month(page: Page) -> tuple[int, int] | None:
    """The year and month the URL files the page under."""
    match = _URL_MONTH.search(page.url)
    return (int(match[1]), int(match[2] or match[3])) if match else None


def shown_declaration(
    page: Page, declared: list[str | None], shown: list[str], modified: datetime | None
) -> tuple[str, datetime] | None:
    """When the declarations disagree on the day, the one on the day the page first shows.

    Templates stamp several publication fields (a creation, an import, a re-publication); the
    date printed for the reader says which of them is the article's.
    """
    days = {found[1].date(): found for found in parsed_all(page, declared) if not is_modification_stamp(found, modified)}
    if len(days) < 2:
        return None
    first_shown = first_parsed(page, shown)
    return days.get(first_shown[1].date()) if first_shown else None


def is_modification_stamp(found: tuple[str, datetime], modified: datetime | None) -> bool:
    """A publication field holding the declared modification: the same moment, or a bare date on its day."""
    text, value = found
    if modified is None:
        return False
    return value == modified or (not _CLOCK.search(text) and value.date() == modified.date())


def written_offset(value: datetime, texts: Iterable[str | None], page: Page) -> timedelta | None:
    """The non-zero UTC offset with which the page writes the same moment elsewhere ("2022-05-03T23:37:37-04:00")."""
    for text in texts:
        if text and _WRITTEN_OFFSET.search(text):
            same = parse_date(text, page)
            if same is not None and same == value and same.utcoffset():
                return same.utcoffset()
    return None


def shown_offset(value: datetime, visible: list[str], page: Page) -> timedelta | None:
    """The offset between a UTC time and the same moment shown on the page in local time ("03/05/2022 21:44").

    Only a shown time a whole quarter-hour away (give or take the seconds the page leaves out) is the same moment.
    """
    for text in visible[:_SHOWN_TIME_LIMIT]:
        if not _CLOCK.search(text):
            continue
        shown = parse_with_dateparser(text, page)
        if shown is None:
            continue
        if shown.tzinfo is not None:  # "5:00 am PST": the zone is written, the moment must match
            if shown == value and shown.utcoffset():
                return shown.utcoffset()
            continue
        gap = shown - value.replace(tzinfo=None)
        offset = _QUARTER_HOUR * round(gap / _QUARTER_HOUR)
        if abs(gap - offset) <= timedelta(minutes=1) and abs(offset) <= FUTURE_TOLERANCE:
            return offset or None
    return None


def language_offset(value: datetime, visible: list[str], page: Page) -> timedelta | None:
    """The offset at `value` of the one time zone the page's language is written in (German: Central European).

    Not when the page shows the reader the UTC day: the stamp is then local time mislabelled as UTC. Unless it is
    local midnight to the second ("2022-11-06T23:00:00Z"): a day entered without a time, printed in UTC by the template.
    """
    zone = _ONE_ZONE_LANGUAGES.get(next(iter(declared_locales(page)), "").split("-")[0])
    if zone is None:
        return None
    offset = ZoneInfo(zone).utcoffset(value.replace(tzinfo=None))
    if offset is None:
        return None
    local = value.astimezone(timezone(offset))
    if local.date() != value.date() and local.time() != time():
        shown_days = {shown.date() for _, shown in parsed_all(page, visible[:_SHOWN_TIME_LIMIT])}
        if value.date() in shown_days:
            return None
    return offset


def clock_offset(value: datetime, times: list[str]) -> timedelta | None:
    """The one non-zero offset of the <time datetime> values near `value` (comments, bylines): the site's clock.

    Only times within days of it count: an offset from another season may be off by daylight saving time.
    """
    offsets = set()
    for text in times:
        if _WRITTEN_OFFSET.search(text):
            try:
                written = datetime.fromisoformat(text.strip())
            except ValueError:
                continue
            if abs(written - value) <= _SAME_SEASON:
                offsets.add(written.utcoffset())
    return offsets.pop() if len(offsets) == 1 and None not in offsets and timedelta(0) not in offsets else None


def modified_at(page: Page, lines: DateLines | None = None) -> datetime | None:
    """dateModified and its meta twins, then an "Updated"/"Last update" line, then "Updated 2 hours ago"."""
    lines = date_lines(page) if lines is None else lines
    return first_valid(page, [*declared_modified(page), *updated_dates(page, lines)]) or first_valid(
        page, [text for _, text in relative_text_dates(lines)[0]]  # read only when no written update is found
    )


def updated_dates(page: Page, lines: DateLines) -> list[str]:
    """The dates of the page's "Updated" / "Last update" lines."""
    return [text for _, text in labelled_text_dates(page, lines, MODIFIED_LABEL)]


def declared_modified(page: Page) -> list[str | None]:
    """dateModified and its meta twins."""
    return [*jsonld_dates(page, "dateModified"), *(page.meta_value(key) for key in MODIFIED_META)]


def htmldate_date(page: Page, *, original: bool) -> datetime | None:
    """htmldate's extensive search (its own markup heuristics and free-text scan): the original or the latest date."""
    found = htmldate.find_date(
        page.tree, url=page.url or None, extensive_search=True, original_date=original, outputformat=_HTMLDATE_FORMAT
    )
    return parse_date(found, page) if found else None


def jsonld_dates(page: Page, *keys: str) -> list[str]:
    """Date strings of the JSON-LD article objects under `keys`."""
    values: list[str] = []
    for obj in page.jsonld_objects(*ARTICLE_TYPES, *POSTING_TYPES, "WebPage"):
        values.extend(str(obj[key]) for key in keys if isinstance(obj.get(key), (str, int)))
    return values


def url_date(page: Page) -> datetime | None:
    """A /YYYY/MM/DD/ date in the URL, at midnight site time."""
    match = _URL_DATE.search(page.url)
    if not match:
        return None
    year, month, day = int(match[1]), int(match[2] or match[4]), int(match[3] or match[5])
    try:
        return to_aware(datetime(year, month, day), page)
    except ValueError:
        return None


