"""The article text a page declares in its JSON-LD (articleBody), as paragraphs: the body when the text read from
the page leaves most of it out.

A page whose text is put in by script shows a teaser or a caption; a gallery or a listicle keeps each item in a
container of its own, and the main-text extraction takes one of them. The declared text is then the article. It is
written as plain text (one line per paragraph, or one run), as HTML, or as a CMS's markdown; the markdown is not
read, since its signs would end up in the text.
"""

from __future__ import annotations

import html
import re

import lxml.html

from .page import Page
from .text import clean_text, shingles, text_content, without_invisible, words

DECLARED_WORDS_SHARE = 1.5  # the declared text holds at least this many times the words read from the page,
COVERED_SHARE = 0.4  # and under this share of its word 4-grams are in them
PARAGRAPH_START_CHARACTERS = 20  # a shorter paragraph of the page ("Read more") may be found anywhere in a run
_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_MARKDOWN = re.compile(r"\]\(|\|\|\||\{:|^#+\s", re.MULTILINE)  # a link or an image, a CMS's attributes, a heading
_PARAGRAPH_TAGS = ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption")
_BREAKS = ("br", "div", *_PARAGRAPH_TAGS)


def declared_instead(paragraphs: list[str], page: Page) -> list[str]:
    """The page's declared article text as paragraphs when it holds far more words than `paragraphs` and most of it
    is not in them; else []."""
    declared = declared_paragraphs(page)
    if not declared or not (leaves_out(paragraphs, declared) or runs_together(paragraphs, declared)):
        return []
    return split_at_page_paragraphs(declared[0], page) if len(declared) == 1 else declared


def leaves_out(paragraphs: list[str], declared: list[str]) -> bool:
    """Whether `declared` holds DECLARED_WORDS_SHARE times the words of `paragraphs` and under COVERED_SHARE of its
    word 4-grams are in them."""
    ours, theirs = "\n".join(paragraphs), "\n".join(declared)
    if len(words(theirs)) < DECLARED_WORDS_SHARE * len(words(ours)):
        return False
    declared_shingles = shingles(theirs)
    return len(declared_shingles & shingles(ours)) < COVERED_SHARE * len(declared_shingles)


def runs_together(paragraphs: list[str], declared: list[str]) -> bool:
    """Whether `paragraphs` are the declared paragraphs run into one (trafilatura reads the articleBody of a page
    whose markup holds too little text)."""
    return len(paragraphs) == 1 < len(declared) and words(paragraphs[0]) == words(" ".join(declared))


def declared_paragraphs(page: Page) -> list[str]:
    """The longest articleBody of the page's JSON-LD as paragraphs (its lines), entities decoded; [] without one or
    when it is written in markdown."""
    bodies = [text for obj in page.jsonld_objects() if isinstance(text := obj.get("articleBody"), str)]
    text = html.unescape(max(bodies, key=len, default=""))
    if _MARKDOWN.search(text):
        return []
    lines = html_lines(text) if _TAG.search(text) else text.splitlines()
    return [paragraph for line in lines if (paragraph := clean_text(without_invisible(line)))]


def html_lines(text: str) -> list[str]:
    """The text of an HTML fragment, one line per paragraph, heading, list item or line break."""
    fragment = lxml.html.fragment_fromstring(text, create_parent="div")
    for element in fragment.iter(*_BREAKS):
        element.tail = "\n" + (element.tail or "")
    return text_content(fragment).splitlines()


def split_at_page_paragraphs(text: str, page: Page) -> list[str]:
    """A declared text written as one run, cut where the page's own paragraphs and headings begin in it."""
    starts = {0}
    for element in page.tree.iter(*_PARAGRAPH_TAGS):
        paragraph = clean_text(text_content(element))
        if len(paragraph) >= PARAGRAPH_START_CHARACTERS and (start := text.find(paragraph)) > 0:
            starts.add(start)
    bounds = sorted(starts)
    pieces = (text[start:end] for start, end in zip(bounds, [*bounds[1:], len(text)]))
    return [paragraph for piece in pieces if (paragraph := piece.strip())]
