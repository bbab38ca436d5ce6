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


def text_without(element: lxml.html.HtmlElement, excluded: list[lxml.html.HtmlElement]) -> str:
    """Text of `element` leaving out the text of `excluded` descendants."""
    parts: list[str] = []
    skip = set(excluded)

    def walk(node: lxml.html.HtmlElement) -> None:
        if node in skip:
            if node.tail:
                parts.append(node.tail)
            return
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            elif child.tail:
                parts.append(child.tail)
        if node is not element and node.tail:
            parts.append(node.tail)

    walk(element)
    return clean_text(" ".join(parts))
