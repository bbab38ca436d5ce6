"""Saved pages of ten publishers in nine languages (from Fundus's parser tests): every field of each record.

Each `<page>.json` holds the page's URL, what Fundus's hand-written parser for that publisher gives (title,
authors, publication time), and the whole record this extractor gave when it was recorded, checked by hand. A
change that alters any field fails here; after a deliberate one, re-record with
`pytest tests/test_publisher_pages.py --update-snapshots` and review the diff.
"""

from __future__ import annotations

import gzip
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from newsspider import extract_article

PAGES = Path(__file__).parent / "pages" / "publishers"
CASES = sorted(PAGES.glob("*.json"), key=lambda path: path.stem)
FETCHED_AT = datetime(2026, 11, 1, tzinfo=timezone.utc)


def record_of(case: Path) -> dict[str, Any]:
    """The extracted record of a saved page, as JSON-ready values."""
    url = json.loads(case.read_text(encoding="utf-8"))["url"]
    html = gzip.open(case.with_name(f"{case.stem}.html.gz"), "rb").read()
    return extract_article(html, url, fetched_at=FETCHED_AT).to_json()


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_every_field_is_the_recorded_one(case: Path, request: pytest.FixtureRequest) -> None:
    saved = json.loads(case.read_text(encoding="utf-8"))
    record = record_of(case)
    if request.config.getoption("--update-snapshots"):
        saved["record"] = record
        case.write_text(json.dumps(saved, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert record == saved["record"]


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_title_authors_and_publication_time_are_fundus_parsers(case: Path) -> None:
    fundus = json.loads(case.read_text(encoding="utf-8"))["fundus"]
    record = record_of(case)
    assert record["title"] == fundus["title"]
    assert record["authors"] == fundus["authors"]
    published = datetime.fromisoformat(fundus["published"])
    if published.tzinfo is None:  # Fundus gives UTC without an offset for some publishers
        published = published.replace(tzinfo=timezone.utc)
    assert datetime.fromisoformat(record["published_at"]) == published
