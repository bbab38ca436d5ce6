"""A page drawn by script: its markup holds no body text, and its scripts carry the article's HTML in a JSON string
(the state a React or Next.js page starts from). That HTML is read as a page of its own for the body, and for the
captioned images and the bylines the markup did not give."""

from __future__ import annotations

import json
import re

import lxml.html

from ..items import Article
from . import body, bylines, images
from .page import Page, parse_page
from .text import alphanumeric_key, text_content, words

SCRIPTED_CHARACTERS = 500  # a JSON string this long that holds paragraphs may be an article's HTML
SCRIPTED_WORDS = 50  # and its text has at least this many words,
TITLE_WORDS_SHARE = 0.5  # and at least this share of the headline's words: the article, not a consent notice
_LONG_JSON_STRING = re.compile(rf'"((?:[^"\\]|\\.){{{SCRIPTED_CHARACTERS},}})"')
_PARAGRAPH_TAG = re.compile(r"(?:<|\\u003c)p[\s>]", re.IGNORECASE)


def fill(page: Page, article: Article) -> None:
    """A step after body.fill: when it found no body, the body (and the images and authors not found) from the
    article HTML the page's scripts carry."""
    if article.body:
        return
    html = scripted_article_html(page, article.title or "")
    if html is None:
        return
    drawn = parse_page(f"<html><body><article>{html}</article></body></html>", page.url, fetched_at=page.fetched_at)
    found = Article(url=article.url, fetched_at=article.fetched_at, title=article.title)
    for step in (bylines.fill, images.fill, body.fill):
        step(drawn, found)
    article.body, article.word_count, article.content_hash = found.body, found.word_count, found.content_hash
    article.images = images.merge_images([*found.images, *article.images])
    if not article.authors:
        article.authors = found.authors


def scripted_article_html(page: Page, title: str) -> str | None:
    """The longest HTML (by words) held in a JSON string of the page's scripts that has paragraphs, at least
    SCRIPTED_WORDS words, and most of the headline's words; None without one."""
    title_words = set(map(alphanumeric_key, words(title)))
    best, best_words = None, SCRIPTED_WORDS - 1
    for script in page.tree.iter("script"):
        for literal in _LONG_JSON_STRING.findall(script.text or ""):
            if not _PARAGRAPH_TAG.search(literal):
                continue
            try:
                html = json.loads(f'"{literal}"')
            except ValueError:  # not a JSON string after all (a JavaScript one)
                continue
            text = text_content(lxml.html.fragment_fromstring(html, create_parent="div"))
            text_words = words(text)
            if len(text_words) > best_words and holds_title(text_words, title_words):
                best, best_words = html, len(text_words)
    return best


def holds_title(text_words: list[str], title_words: set[str]) -> bool:
    """Whether at least TITLE_WORDS_SHARE of the headline's words are in the text."""
    present = set(map(alphanumeric_key, text_words))
    return bool(title_words) and len(title_words & present) >= TITLE_WORDS_SHARE * len(title_words)
