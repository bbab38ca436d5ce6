"""Body text as paragraphs, without bylines, date lines, captions or page furniture."""

from __future__ import annotations

import copy
import hashlib
import re

import lxml.html
import trafilatura

from ..items import Article
from .page import Page
from .text import clean_text, words


def fill(page: Page, article: Article) -> None:
    """Set body, word_count and content_hash."""
    paragraphs = body_paragraphs(page)
    article.body = "\n\n".join(paragraphs) or None
    article.word_count = len(words(article.body or ""))
    article.content_hash = content_hash(article.body)


def body_paragraphs(page: Page) -> list[str]:
    """Main-text paragraphs from trafilatura run on the page minus what other fields took."""
    text = trafilatura.extract(
        tree_without_consumed(page),
        url=page.url,
        output_format="txt",
        include_comments=False,
        include_tables=False,
        include_images=False,
        deduplicate=False,
    )
    paragraphs = [clean_text(line) for line in (text or "").splitlines()]
    return [paragraph for paragraph in paragraphs if paragraph]


def tree_without_consumed(page: Page) -> lxml.html.HtmlElement:
    """A copy of the page tree with bylines, date lines and captions removed."""
    if not page.consumed:
        return copy.deepcopy(page.tree)
    marker = "data-newsspider-consumed"
    for element in page.consumed:
        element.set(marker, "1")
    tree = copy.deepcopy(page.tree)
    for element in page.consumed:
        element.attrib.pop(marker, None)
    for element in tree.xpath(f"//*[@{marker}]"):
        element.drop_tree()
    return tree


def content_hash(body: str | None) -> str | None:
    """sha256 of the body with whitespace and case normalised, for change detection."""
    if not body:
        return None
    normalised = re.sub(r"\s+", " ", body).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
