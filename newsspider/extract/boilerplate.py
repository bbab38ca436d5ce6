"""Decide which blocks of an extracted main text are page furniture, not article text.

The blocks are trafilatura's output elements (p, head, list, item, quote, table) with
links kept as <ref>, so link density can be measured on exactly what would be printed.
"""

from __future__ import annotations

import re

from lxml import etree

from .text import clean_text, words

# Calls to action and teasers that sit inside article containers on many sites; matched
# only on short blocks, so a paragraph that merely mentions a newsletter is kept.
_FURNITURE_LINE = re.compile(
    r"^(?:"
    r"(?:read|see|watch|listen to|discover) (?:more|also|next)\b|related(?: articles?| stories| content| coverage)?\s*:|"
    r"also (?:read|on|see)\b|more (?:from|on|stories|news)\b|don'?t miss\b|recommended\b|"
    r"you (?:may|might) (?:also )?(?:like|be interested)\b|"
    r"(?:lesen sie|lies) (?:auch|mehr)\b|mehr zum thema\b|weiterlesen\b|(?:à )?lire aussi\b|leer m[aá]s\b|"
    r"(?:share|like) this (?:article|story|post)|share on\b|sign up\b|subscribe\b|"
    r"(?:thanks|thank you) for (?:signing up|subscribing)|click here to\b|get (?:the|our) .{0,40}\bapp\b|"
    r"follow (?:us|@?\w+) on\b|join (?:us|our) on\b|advertisement\b|anzeige\b|"
    r"copyright\b|©|all rights reserved\b"
    r")",
    re.I,
)
FURNITURE_MAX_WORDS = 30
LINK_LIST_SHARE = 0.8
LINK_ITEM_DENSITY = 0.3


def block_text(block: etree._Element) -> str:
    """The visible text of an output block, line breaks kept as spaces."""
    return clean_text(" ".join(block.itertext()))


def link_text_length(block: etree._Element) -> int:
    """Characters of the block's text that sit inside links."""
    return sum(len(clean_text(" ".join(ref.itertext()))) for ref in block.iter("ref"))


def starts_with_link(block: etree._Element) -> bool:
    """The block's first visible text is a link (a teaser), not running prose."""
    if (block.text or "").strip():
        return False
    first = next(iter(block), None)
    while first is not None and first.tag not in ("ref",) and not (first.text or "").strip():
        first = next(iter(first), None)
    return first is not None and first.tag == "ref"


def is_link_teaser(block: etree._Element) -> bool:
    """A block that opens with a link making up a fair part of it: a related-story teaser."""
    text = block_text(block)
    return bool(text) and starts_with_link(block) and link_text_length(block) >= LINK_ITEM_DENSITY * len(text)


def is_related_list(block: etree._Element) -> bool:
    """A list whose items are mostly link teasers: related stories, not article content."""
    items = [item for item in block if item.tag == "item"]
    if len(items) < 2:
        return False
    teasers = sum(is_link_teaser(item) for item in items)
    return teasers >= LINK_LIST_SHARE * len(items)


def is_furniture_line(text: str) -> bool:
    """A short call to action or teaser line ("Read more: ...", "Sign up for ...")."""
    return len(words(text)) <= FURNITURE_MAX_WORDS and bool(_FURNITURE_LINE.match(text.lstrip("-–—•*>|[( ")))


def is_mostly_link(block: etree._Element) -> bool:
    """A short paragraph that is nearly all link text (a teaser or a navigation line)."""
    text = block_text(block)
    return bool(text) and len(words(text)) <= FURNITURE_MAX_WORDS and link_text_length(block) >= 0.8 * len(text)
