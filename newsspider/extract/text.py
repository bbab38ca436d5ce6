"""Small text helpers shared by the field functions."""

from __future__ import annotations

import re
import unicodedata

import lxml.html

_SPACE = re.compile(r"\s+")


def clean_text(text: str | None) -> str:
    """NFC-normalised text with whitespace runs collapsed and ends trimmed."""
    if not text:
        return ""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def element_text(element: lxml.html.HtmlElement) -> str:
    """The visible text of an element, cleaned."""
    return clean_text(element.text_content())


def class_and_id(element: lxml.html.HtmlElement) -> str:
    """The element's class and id attributes, lower-cased, for keyword tests."""
    return f"{element.get('class', '')} {element.get('id', '')}".lower()


def words(text: str) -> list[str]:
    """Word tokens (Unicode word characters)."""
    return re.findall(r"\w+", text)
