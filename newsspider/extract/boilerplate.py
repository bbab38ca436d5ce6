"""Decide which blocks of an extracted main text are page furniture, not article text.

The blocks are trafilatura's output elements (p, head, list, item, quote, table) with
links kept as <ref>, so link density can be measured on exactly what would be printed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import dropwhile

from lxml import etree

from .captions import is_credit_line
from .dateparse import find_date_span
from .text import clean_text, has_words, joined_class_and_id, joined_text_length

# Calls to action and teasers that sit inside article containers on many sites; matched
# only on short blocks, so a paragraph that merely mentions a newsletter is kept.
_FURNITURE_LINE = re.compile(
    r"^(?:"
    r"(?:read|see|watch|listen to|discover) (?:more|also|next)\b|related(?: articles?| stories| content| coverage)?\s*:|"
    r"also (?:read|on|see)\b|more (?:from|on|stories|news)\b|don['’]?t miss\b|recommended\b|"
    r"you (?:may|might) (?:also )?(?:like|be interested)\b|"
    r"(?:lesen sie|lies) (?:auch|mehr)\b|mehr zum thema\b|weiterlesen\b|(?:à )?lire aussi\b|leer m[aá]s\b|"
    r"schon gelesen\b|auch interessant\s*(?:[:?]|$)|(?:das(?: thema)? )?könnte (?:dich|sie) auch interessieren\b|(?:mehr|weitere) themen\s*(?::|$|auf\b)|"
    r"weitere artikel(?: zum thema\b|\s*:?$)|lust auf mehr\b|zum weiterlesen\b|zum newsletter\b|keine kommentare\s*(?:\(|:|$)|video verfügbar bis\b|"
    r"if you enjoyed (?:reading )?this\b|we want to hear what you think\b|"
    r"czytaj (?:też|także|również|więcej)\b|zobacz (?:też|także|również)\b|"
    r"pour lire la suite\b|(?:à )?lire également\b|voir aussi\b|(?:lee|lea) también\b|(?:le|te) puede interesar\b|"
    r"(?:contenido|notas|noticias) relacionad[ao]s\b|escucha esta nota\b|s[ií]guenos en\b|"
    r"for the latest (?:stories|news)\b|to (?:view|read) the full (?:story|article)\b|"
    r"leggi anche\b|potrebbe interessarti\b|(?:leia|veja) também\b|never miss\b|"
    r"\d+\s*(?:min(?:ute)?s?|minuten)\.?\s+(?:read|lesezeit|de lecture|de lectura)\b|"
    r"(?:reading time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|czas czytania)\s*:?\s*\d|ten tekst przeczytasz\b|"
    r"(?:temas|themen|tags|topics|schlagw(?:orte|örter)|suche|search|kommentieren|kommentare|comments)\s*:?$|"
    r"(?:share|like) this (?:article|story|post)|share on\b|sign up\b|subscribe\b|"
    r"(?:thanks|thank you) for (?:signing up|subscribing)|click here to\b|get (?:the|our) .{0,40}\bapp\b|"
    r"follow (?:us|@?\w+|the \w+) on\b|join (?:us|our) on\b|advertisement\b|anzeige\b|"
    r"copyright\b|©|all rights reserved\b|alle rechte vorbehalten\b|tous droits réservés\b|todos los derechos reservados\b|"
    r"tutti i diritti riservati\b|materiał chroniony prawem\b|"
    r"(?:updated|published|posted|last modified)\b(?=.{0,60}\d)|https?://\S+$"
    r")",
    re.I,
)
_DATE_LABEL_WORDS = re.compile(
    r"\b(?:updated|last updated|published|posted|modified|on|at|am|um|uhr|aktualisiert|veröffentlicht|"
    r"actualizado|publicado|mis à jour|publié le|le)\b",
    re.I,
)
FURNITURE_MAX_WORDS = 30
LINK_LIST_SHARE = 0.8
LINK_ITEM_DENSITY = 0.3
MOSTLY_LINK_SHARE = 0.75
HEADLINE_WORDS = 15


def block_text(block: etree._Element) -> str:
    """The text of an output block (or an element of the page), its text nodes joined by spaces and cleaned."""
    return clean_text(" ".join(block.itertext()))


def link_text_length(block: etree._Element) -> int:
    """Characters of the block's text that sit inside links."""
    return sum(len(block_text(ref)) for ref in block.iter("ref"))


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
    """A short call to action or teaser line ("Read more: ...", "Sign up for ..."), or a bare date line."""
    short = not has_words(text, FURNITURE_MAX_WORDS + 1)
    return short and (bool(_FURNITURE_LINE.match(text.lstrip("-–—•*>|[( "))) or is_date_line(text) or is_credit_line(text))


def is_date_line(text: str) -> bool:
    """A line that holds only dates and their labels ("September 1, 2023 Updated September 3, 2023")."""
    rest, found = text, False
    while span := find_date_span(rest):
        rest, found = rest[: span[0]] + " " + rest[span[1] :], True
    return found and not _DATE_LABEL_WORDS.sub("", rest).strip(" |·•,:-–—()")


def is_mostly_link(block: etree._Element) -> bool:
    """A paragraph that is nearly all link text: a teaser, a run of headline links or a navigation line.

    A long paragraph wrapped in one link (affiliate text) is prose and is kept.
    """
    text = block_text(block)
    if not text or link_text_length(block) < MOSTLY_LINK_SHARE * len(text):
        return False
    links = sum(1 for _ in block.iter("ref"))
    return not has_words(text, max(FURNITURE_MAX_WORDS, HEADLINE_WORDS * links) + 1)


# Containers named for furniture. trafilatura's own list matches case-sensitively and on
# fewer tags (not aside, form, ul), so newsletter boxes and "more stories" rails slip through.
# Matched against lower-cased names (joined_class_and_id): three times faster than re.I.
_FURNITURE_CONTAINER = re.compile(
    r"newsletter|subscri(?:be|ption)|sign-?up|outbrain|taboola|recirc|related|read-?more|more-?stories|"
    r"recommend|promo|social|share|sharing|advert|sponsor|(?:^|[\s_-])ads?(?:$|[\s_-])|comments?(?:$|[\s_-])"
)
_CONTAINER_TAGS = ("div", "section", "aside", "form", "ul", "ol", "nav", "footer", "figure")
PROSE_CHARACTERS = 120
MAX_PROSE_PARAGRAPHS = 2
MAX_CONTAINER_SHARE = 0.3
_NOT_TEXT = ("script", "style", "noscript", "template", "textarea")


def holds_prose(element: etree._Element) -> bool:
    """More than a couple of long paragraphs: article text, whatever the container is called."""
    long_paragraphs = 0
    for paragraph in element.iter("p"):
        long_paragraphs += is_long_paragraph(paragraph)
        if long_paragraphs > MAX_PROSE_PARAGRAPHS:
            return True
    return False


def furniture_containers(tree: etree._Element) -> list[etree._Element]:
    """Containers whose class or id names furniture and that hold neither prose nor much of the page.

    The guards keep an article wrapper with an unlucky class name ("has-comments", "gate-ad").
    """
    page_length = joined_text_length(tree)
    named = [element for element in tree.iter(*_CONTAINER_TAGS) if is_furniture_name(element.get("class"), element.get("id"))]
    posts = post_kinds(tree, named)
    return [
        element
        for element in named
        if container_kind(element) not in posts
        and not holds_prose(element)
        and joined_text_length(element) < MAX_CONTAINER_SHARE * page_length
    ]


def post_kinds(tree: etree._Element, containers: list[etree._Element]) -> set[tuple[str, str | None]]:
    """The kinds of repeated containers that hold the page's first paragraph of running text: the posts of a
    thread named "comment" are the page's content, while an article's comments follow its text."""
    first = first_prose_block(tree) if containers else None  # no named containers: no walk for the first prose
    if first is None:
        return set()
    holders = set(first.iterancestors())
    counts = Counter(map(container_kind, containers))
    return {kind for element in containers if element in holders and counts[kind := container_kind(element)] > 1}


def container_kind(element: etree._Element) -> tuple[str, str | None]:
    """A container's tag and class: the containers of a repeated kind (posts, comments, cards) share them."""
    return element.tag, element.get("class")


def first_prose_block(tree: etree._Element) -> etree._Element | None:
    """Where the page's running text begins: its first long paragraph after the headline (a cookie notice can come
    before it), else anywhere; in a <p> or straight in a container (a recipe's steps between line breaks)."""
    body = tree.find("body")
    root = body if body is not None else tree
    headline = root.find(".//h1")
    if headline is not None:
        after_headline = first_prose(dropwhile(lambda block: block is not headline, root.iter(etree.Element)))
        if after_headline is not None:
            return after_headline
    return first_prose(root.iter(etree.Element))


def first_prose(blocks: Iterable[etree._Element]) -> etree._Element | None:
    """The first of `blocks` that starts running text."""
    return next((block for block in blocks if block.tag not in _NOT_TEXT and starts_prose(block)), None)


def starts_prose(block: etree._Element) -> bool:
    """A long paragraph, or a container whose own text (not its children's) is as long as one."""
    if block.tag == "p":
        return is_long_paragraph(block)
    own_text = (block.text or "") + "".join(child.tail or "" for child in block)
    return len(clean_text(own_text)) >= PROSE_CHARACTERS


def is_long_paragraph(paragraph: etree._Element) -> bool:
    """A paragraph of running text; characters, not words: CJK text has no spaces between words."""
    return len(block_text(paragraph)) >= PROSE_CHARACTERS


@lru_cache(maxsize=4096)  # a page repeats its class names on many containers: test each pair once
def is_furniture_name(names: str | None, ident: str | None) -> bool:
    """Whether a class and an id attribute name furniture (newsletter, related stories, ads, comments)."""
    return _FURNITURE_CONTAINER.search(joined_class_and_id(names, ident)) is not None
