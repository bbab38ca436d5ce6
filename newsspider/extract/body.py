"""Body text as paragraphs, without bylines, date lines, captions or page furniture.

trafilatura finds the main-text blocks (with links kept, so link density can be judged);
each block is then kept or dropped here, and rendered one paragraph per block.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Iterator

import lxml.html
import trafilatura
from lxml import etree

from ..items import Article
from .boilerplate import block_text, furniture_containers, is_furniture_line, is_link_teaser, is_mostly_link, is_related_list
from .page import Page
from .text import clean_text, words

_CONSUMED_MARK = "data-newsspider-consumed"
TITLE_MIN_WORDS = 3


def fill(page: Page, article: Article) -> None:
    """Set body, word_count and content_hash."""
    paragraphs = body_paragraphs(page, article.title)
    article.body = "\n\n".join(paragraphs) or None
    article.word_count = len(words(article.body or ""))
    article.content_hash = content_hash(article.body)


def body_paragraphs(page: Page, title: str | None = None) -> list[str]:
    """The main text's paragraphs and subheadings, in order, furniture and headline left out."""
    main = main_text(page)
    if main is None:
        return []
    paragraphs = [text for block in article_blocks(main) for text in block_lines(block)]
    return without_leading_title(paragraphs, title)


def main_text(page: Page) -> etree._Element | None:
    """trafilatura's main-text element (p, head, list, quote, table blocks, links as <ref>)."""
    document = trafilatura.bare_extraction(
        tree_for_extraction(page),
        url=page.url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        deduplicate=False,
        with_metadata=False,
    )
    return getattr(document, "body", None)


def article_blocks(main: etree._Element) -> Iterator[etree._Element]:
    """The top-level blocks of the main text that are article content."""
    previous = ""
    for block in main:
        if not isinstance(block.tag, str):
            continue
        introduced, previous = previous.endswith(":"), block_text(block)
        if is_related_list(block) and not introduced:  # "Further reading:" lists are content
            continue
        if block.tag == "list":
            yield from (item for item in block if item.tag == "item" and (introduced or not is_page_furniture(item)))
        elif not is_page_furniture(block):
            yield block


def is_page_furniture(block: etree._Element) -> bool:
    """A teaser, call to action or link line rather than article text."""
    text = block_text(block)
    return is_furniture_line(text) or is_mostly_link(block) or (block.tag == "item" and is_link_teaser(block))


def block_lines(block: etree._Element) -> list[str]:
    """A block's text as paragraphs: one per table row or hard line break, else one."""
    if block.tag == "table":
        return [line for row in block.iter("row") if (line := row_text(row))]
    for line_break in block.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    lines = "".join(block.itertext()).split("\n")
    return [text for line in lines if (text := clean_text(line))]


def row_text(row: etree._Element) -> str:
    """A table row as one line, cells separated by spaces."""
    return clean_text(" ".join(clean_text(" ".join(cell.itertext())) for cell in row))


def without_leading_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop the headline when the extracted text starts with it (or with the title minus a site name)."""
    if not paragraphs or not title:
        return paragraphs
    first, headline = clean_text(paragraphs[0]).casefold(), clean_text(title).casefold()
    if first == headline or (len(words(first)) >= TITLE_MIN_WORDS and headline.startswith(first)):
        return paragraphs[1:]
    return paragraphs


def tree_for_extraction(page: Page) -> lxml.html.HtmlElement:
    """A copy of the page tree with bylines, date lines, captions and the h1 emptied, furniture removed.

    The elements stay in place, emptied: removing a headline can make trafilatura lose
    the article container around it.
    """
    for element in page.consumed:
        element.set(_CONSUMED_MARK, "1")
    tree = copy.deepcopy(page.tree)
    for element in page.consumed:
        element.attrib.pop(_CONSUMED_MARK, None)
    for element in tree.iterfind(f".//*[@{_CONSUMED_MARK}]"):
        empty_element(element)
    for container in furniture_containers(tree):
        container.drop_tree()
    return tree


def empty_element(element: lxml.html.HtmlElement) -> None:
    """Remove an element's text and children, keeping the text that follows it."""
    for child in list(element):
        element.remove(child)
    element.text = None
    element.attrib.pop(_CONSUMED_MARK, None)


def content_hash(body: str | None) -> str | None:
    """sha256 of the body with whitespace and case normalised, for change detection."""
    if not body:
        return None
    normalised = re.sub(r"\s+", " ", body).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
