"""Bylines: person names from JSON-LD, meta and the visible byline; agencies kept apart."""

from __future__ import annotations

import pytest

from newsspider.extract import extract_article
from newsspider.extract.bylines import parse_byline


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ilham Karimli July 25, 2023", ["Ilham Karimli"]),
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("By Jane Doe, John Smith and Ann Lee, Senior Correspondents", ["Jane Doe", "John Smith", "Ann Lee"]),
        ("By Jane Doe jane.doe@example.com @janedoe", ["Jane Doe"]),
        ("Updated By Jane Doe", ["Jane Doe"]),
        ("Von Max Mustermann, Berlin", ["Max Mustermann"]),
        ("신현주 기자", ["신현주"]),
    ],
)
def test_parse_byline(byline: str, names: list[str]) -> None:
    assert parse_byline(byline) == names


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>A headline</title>{head}</head><body><article><h1>A headline</h1>{body}</article></body></html>"


def test_visible_byline_with_agency_puts_the_agency_in_publisher() -> None:
    article = extract_article(page('<p class="byline">By Jane Doe and Reuters</p><p>Text.</p>'), "https://example.com/a")
    assert article.authors == ["Jane Doe"]
    assert article.publisher == "Reuters"


def test_jsonld_person_objects_come_before_the_visible_byline() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
        ' "headline": "A headline", "author": [{"@type": "Person", "name": "Ann Lee"}, "Bob Stone"]}]}</script>'
    )
    article = extract_article(page('<p class="byline">By Someone Else</p>', head=jsonld), "https://example.com/a")
    assert article.authors == ["Ann Lee", "Bob Stone"]


def test_the_site_itself_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">'
    article = extract_article(page('<p class="byline">By Jane Doe</p>', head=head), "https://example.com/a")
    assert article.authors == ["Jane Doe"]


def test_a_staff_byline_names_no_person() -> None:
    article = extract_article(page('<p class="byline">By Staff Reporter</p><p>Text.</p>'), "https://example.com/a")
    assert article.authors == []
