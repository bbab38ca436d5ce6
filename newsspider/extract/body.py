"""Body text as paragraphs, without bylines, date lines, captions or page furniture.

trafilatura finds the main-text blocks (with links kept, so link density can be judged) on a copy of the tree
with bylines, captions, furniture and what precedes the headline taken out; each block is then kept or dropped
here, and rendered one paragraph per block. When those edits took away much more text than trafilatura then
found, it also reads the untouched page, and its text wins if that holds far more running text ours lacks.
"""

from __future__ import annotations

import copy
import hashlib
import re
from functools import lru_cache

import lxml.html
import trafilatura
from lxml import etree

from ..items import Article
from .boilerplate import (
    block_text,
    furniture_containers,
    holds_prose,
    is_furniture_line,
    is_link_teaser,
    is_mostly_link,
    is_related_list,
    link_text_length,
)
from .declared_text import declared_instead
from .metadata import declares_article
from .page import Page
from .text import (
    clean_text,
    has_words,
    joined_text_length,
    shingles,
    text_content,
    visible_text_nodes,
    without_invisible,
    word_count,
    words,
    written_without_spaces,
)

_CONSUMED_MARK = "data-newsspider-consumed"
# A subheading's link to its own place on the page (<h3 id=x><a href="#x">): a permalink to the section, not a
# link away, so the subheading is text, not a teaser; a permalink sign beside it ("¶") is not text at all.
_SECTION_ANCHORS = etree.XPath("(//h2|//h3|//h4|//h5|//h6)//a[starts-with(@href, '#')]")
# Microdata hidden from the reader (<div style="display:none" itemscope>): a copy of the metadata, whose headline,
# keywords, dates and image address are no text of the article.
_HIDDEN_METADATA = etree.XPath(
    "//*[@itemscope or @itemprop][@hidden or contains(translate(@style, ' ', ''), 'display:none')]"
)
TITLE_MIN_WORDS = 3
SECTION_PARAGRAPHS = 2  # paragraphs of running text under a heading that make it a section's, not a teaser's
SECTION_NAME_SHARE = 0.3  # and the share of the heading's words they take up (a related story's are not the article's)
CHUNK_PARAGRAPH_WORDS = 10  # a paragraph of running text, not a caption or a button
MAX_STORY_CHUNKS = 5  # a story cut by a few ad rails; more repeats are a listing
LINK_INDEX_SHARE = 0.3  # links make up at least this share of the main text of an index page or a listing
# The same on a page that does not declare itself an article (og:type, JSON-LD): a service, product or collection
# page's link lines and cards are its content more often than an article's are.
UNDECLARED_INDEX_SHARE = 0.15
# The cut before the headline and the furniture removal took away this many times the text of the main text found:
# they may have led trafilatura to another container, so its text on the untouched page is read too.
EDITED_AWAY_SHARE = 2
ASTRAY_RUNNING_TEXT = 1.5  # and that text is taken when it holds this many times our words of running text,
ASTRAY_OVERLAP = 0.5  # and under this share of its word 4-grams are in ours: another part of the page
CONTENT_CHARACTERS = 400  # a block before the headline this long, with few links, is content
CONTENT_LINK_SHARE = 0.2  # "few links": under this share of such a block's text
_NOT_STORY_CHUNK = re.compile(r"post|message|reply|comment|answer|widget|product", re.I)


def fill(page: Page, article: Article) -> None:
    """Set body, word_count and content_hash."""
    paragraphs = body_paragraphs(page, article.title)
    article.body = "\n\n".join(paragraphs) or None
    article.word_count = word_count(article.body or "")
    article.content_hash = content_hash(article.body)


def body_paragraphs(page: Page, title: str | None) -> list[str]:
    """The main text's paragraphs and subheadings, in order, furniture and headline left out, or the article text
    the page declares when the main text leaves most of it out."""
    paragraphs = main_text_paragraphs(page, title)
    declared = declared_instead(paragraphs, page)
    return without_leading_title(declared, title) if declared else paragraphs


def main_text_paragraphs(page: Page, title: str | None) -> list[str]:
    """The main text's paragraphs; trafilatura's own text of the untouched page when the edits to the tree led it to
    another part of the page."""
    tree, edited_away = tree_for_extraction(page)
    main = main_text(tree)
    if main is None:
        main = main_text(with_headline_containers_unnamed(tree_for_extraction(page)[0]))
    if main is None:
        return []
    paragraphs = finished(article_paragraphs(main, link_index_share(page)), title)
    if edited_away < EDITED_AWAY_SHARE * len(block_text(main)):
        return paragraphs
    untouched = main_text(copy.deepcopy(page.tree))
    own = finished(all_paragraphs(untouched), title) if untouched is not None else []
    return own if led_astray(paragraphs, own) else paragraphs


def finished(paragraphs: list[str], title: str | None) -> list[str]:
    """Paragraphs cleaned, the empty ones and a leading headline left out."""
    # Soft hyphens and zero-width spaces break lines on the page; in the text they would split words.
    cleaned = [text for paragraph in paragraphs if (text := clean_text(without_invisible(paragraph)))]
    return without_leading_title(cleaned, title)


def led_astray(ours: list[str], theirs: list[str]) -> bool:
    """Whether trafilatura's text of the untouched page holds much more running text than ours (not a menu's lines)
    and is mostly not in ours: the edits to the tree (a cut, a furniture container) took away the content and left
    trafilatura another container."""
    if running_words(theirs) <= ASTRAY_RUNNING_TEXT * running_words(ours):
        return False
    their_shingles = shingles("\n".join(theirs))
    return len(their_shingles & shingles("\n".join(ours))) < ASTRAY_OVERLAP * len(their_shingles)


def running_words(paragraphs: list[str]) -> int:
    """The words of the paragraphs of running text, not of captions, buttons or menu lines."""
    return sum(count for paragraph in paragraphs if (count := len(words(paragraph))) >= CHUNK_PARAGRAPH_WORDS)


def main_text(tree: lxml.html.HtmlElement) -> etree._Element | None:
    """trafilatura's main-text element (p, head, list, quote, table blocks, links as <ref>) of a tree it may change.

    Links are kept only to judge link density; their targets are never read, so no URL is
    given and trafilatura does not resolve every link against it.
    """
    document = trafilatura.bare_extraction(
        tree,
        output_format="txt",  # the tree is all we read: "txt" spares the plain-text rendering of "python"
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=True,
        deduplicate=False,
        with_metadata=False,
    )
    return getattr(document, "body", None)


def link_index_share(page: Page) -> float:
    """The share of its text in links from which a page's main text is a link index: lower when the page does not
    declare itself an article."""
    return LINK_INDEX_SHARE if declares_article(page) else UNDECLARED_INDEX_SHARE


def article_paragraphs(main: etree._Element, index_share: float) -> list[str]:
    """The main text's article content as paragraphs, in order (a link index from `index_share` of links). Headings
    at the end introduce nothing: the teasers or links under them ("Empfohlene Beiträge", "External links") were
    left out as furniture. A main text of headings alone stays."""
    paragraphs: list[str] = []
    previous = ""
    index = is_link_index(main, index_share)
    ending_heading = 0  # paragraphs at the end from headings with nothing under them
    for block in main:
        if not isinstance(block.tag, str):
            continue
        introduced, previous = previous.endswith(":"), block_text(block)
        # A heading that is a link would be left out as a teaser, unless it heads a section.
        links_are_content = index or (block.tag == "head" and is_mostly_link(block) and heads_a_section(block))
        lines = [text for part in article_parts(block, introduced, links_are_content) for text in block_lines(part)]
        tail = tail_lines(block)
        paragraphs += lines + tail
        if lines or tail:
            ending_heading = ending_heading + len(lines) if block.tag == "head" and not tail else 0
    return paragraphs[: len(paragraphs) - ending_heading] if ending_heading < len(paragraphs) else paragraphs


def heads_a_section(heading: etree._Element) -> bool:
    """Whether running text follows the heading, two paragraphs (or lists) before the next heading, and speaks of
    what it names: a listicle's item linked to what it presents ("<h3><a href=https://shop/x>KitchenArm 29-in-1</a>
    </h3>"), not a teaser with its one-line summary, nor another story's headline set into the article."""
    texts: list[str] = []
    for block in heading.itersiblings():
        if block.tag == "head" or len(texts) >= SECTION_PARAGRAPHS:
            break
        if block.tag in ("p", "list") and has_words(text := block_text(block), CHUNK_PARAGRAPH_WORDS) and not is_mostly_link(block):
            texts.append(text)
    if len(texts) < SECTION_PARAGRAPHS:
        return False
    named = {word for word in words(block_text(heading).casefold()) if len(word) >= 4}
    told = set(words(" ".join(texts).casefold()))
    return len(named & told) >= SECTION_NAME_SHARE * len(named)


def all_paragraphs(main: etree._Element) -> list[str]:
    """Every block of a main text as paragraphs, in order, none left out as furniture."""
    return [text for block in main if isinstance(block.tag, str) for text in (*block_lines(block), *tail_lines(block))]


def is_link_index(main: etree._Element, share: float) -> bool:
    """Whether links make up `share` of the main text or more: an index or a listing (headlines, or product cards
    beside their prices), whose links are its content."""
    return link_text_length(main) >= share * len(block_text(main))


def article_parts(block: etree._Element, introduced: bool, index: bool) -> list[etree._Element]:
    """The block, or the items of a list, that are article content; a list announced by a colon is, and on a
    link index (a listing) the links are content too."""
    if block.tag == "list":
        if is_related_list(block) and not (introduced or index):
            return []
        return [item for item in block if item.tag == "item" and (introduced or not is_page_furniture(item, index))]
    return [] if is_page_furniture(block, index) else [block]


def is_page_furniture(block: etree._Element, index: bool) -> bool:
    """A call to action, or (but on a link index) a teaser or link line, rather than article text."""
    if is_furniture_line(block_text(block)):
        return True
    return not index and (is_mostly_link(block) or (block.tag == "item" and is_link_teaser(block)))


def block_lines(block: etree._Element) -> list[str]:
    """A block's text as paragraphs: one per table row or hard line break, else one."""
    if block.tag == "table":
        return [line for row in block.iter("row") if (line := row_text(row))]
    for line_break in block.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    return [text for line in joined_text(block).split("\n") if (text := clean_text(line))]


def joined_text(block: etree._Element) -> str:
    """The block's text pieces joined; trafilatura trims the spaces around links, so words are kept apart,
    except in scripts that run words together (a Japanese sentence's ruby-annotated words)."""
    text = ""
    for piece in block.itertext():
        if text and piece and words_meet(text[-1], piece[0]):
            text += " "
        text += piece
    return text


def words_meet(last: str, first: str) -> bool:
    """Whether two characters meeting at a piece boundary end one word and start another."""
    return last.isalnum() and first.isalnum() and not (written_without_spaces(last) and written_without_spaces(first))


def tail_lines(block: etree._Element) -> list[str]:
    """Text trafilatura left after a block, directly in the main text (it is body text too)."""
    text = clean_text(block.tail)
    return [text] if text and not is_furniture_line(text) else []


def row_text(row: etree._Element) -> str:
    """A table row as one line, cells separated by spaces."""
    return clean_text(" ".join(block_text(cell) for cell in row))


def without_leading_title(paragraphs: list[str], title: str | None) -> list[str]:
    """Drop the headline when the extracted text starts with it (or with the title minus a site name), unless it is
    all the text (a post whose title is its whole text)."""
    if len(paragraphs) < 2 or not title:
        return paragraphs
    first, headline = clean_text(paragraphs[0]).casefold(), clean_text(title).casefold()
    if first == headline or (len(words(first)) >= TITLE_MIN_WORDS and headline.startswith(first)):
        return paragraphs[1:]
    return paragraphs


def tree_for_extraction(page: Page) -> tuple[lxml.html.HtmlElement, int]:
    """A copy of the page tree with bylines, date lines, captions and the h1 emptied, furniture and ruby readings
    removed, and nothing left before the headline; and the length of the visible text the cut and the furniture
    removal took away.

    The elements stay in place, emptied: removing a headline can make trafilatura lose
    the article container around it.
    """
    for element in page.consumed:
        element.set(_CONSUMED_MARK, "1")
    tree = copy.deepcopy(page.tree)
    for element in page.consumed:
        element.attrib.pop(_CONSUMED_MARK, None)
    headline = tree.find(f".//h1[@{_CONSUMED_MARK}]")
    edited_away = drop_everything_before(headline) if headline is not None else 0
    for element in tree.xpath(f"//*[@{_CONSUMED_MARK}]"):  # a list: emptying one must not end the walk
        empty_element(element)
    for hidden in _HIDDEN_METADATA(tree):
        if hidden.getroottree().getroot() is tree:  # not inside one dropped before
            hidden.drop_tree()
    for container in furniture_containers(tree):
        if container.getroottree().getroot() is tree:  # not inside a container dropped before
            edited_away += visible_length(container)
            container.drop_tree()
    etree.strip_elements(tree, "rt", "rp", with_tail=False)  # ruby readings (furigana) spell out, they are not text
    for link in [link for link in tree.iter("a") if splits_a_word(link)]:
        link.drop_tag()
    for anchor in _SECTION_ANCHORS(tree):
        if words(text_content(anchor)):
            anchor.drop_tag()
        else:
            anchor.drop_tree()  # "¶", "#": a permalink's icon
    join_body_chunks(tree)
    return tree, edited_away


def splits_a_word(link: lxml.html.HtmlElement) -> bool:
    """Whether a link starts or ends inside a word ("changes i<a>n their first speech</a>"). trafilatura trims the
    spaces around links, and `joined_text` puts them back between words, so such a word would be cut in two."""
    text = link.text_content()
    if not text:
        return False
    previous = link.getprevious()
    before = (previous.tail if previous is not None else link.getparent().text) or ""
    after = link.tail or ""
    return bool(before and in_one_word(before[-1], text[0])) or bool(after and in_one_word(text[-1], after[0]))


def in_one_word(last: str, first: str) -> bool:
    """Two letters or digits of a script written with spaces, side by side: one word."""
    return last.isalnum() and first.isalnum() and not (written_without_spaces(last) or written_without_spaces(first))


def with_headline_containers_unnamed(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """`tree` with the class and id of the elements around its first <h1> taken away: they hold the article,
    whatever they are named, but a wrapper named like a popup, or a page header left open by broken markup, makes
    trafilatura drop the whole text."""
    headline = tree.find(".//h1")
    for container in headline.iterancestors() if headline is not None else ():
        container.attrib.pop("class", None)
        container.attrib.pop("id", None)
    return tree


def visible_length(element: lxml.html.HtmlElement) -> int:
    """Characters of the text a reader sees in the element."""
    return sum(len(text.strip()) for text in visible_text_nodes(element))


def join_body_chunks(tree: lxml.html.HtmlElement) -> None:
    """Join a story split into a few containers of one class, each in a wrapper of its own (the text cut by ad
    rails): trafilatura reads only the first container that matches its body patterns. Forum posts, product cards
    and listings repeat more often or are marked as such, and are left alone."""
    chunks: dict[tuple[str, str], list[lxml.html.HtmlElement]] = {}
    for element in tree.iter("div", "section"):
        names = element.get("class")
        if names and can_be_story_chunk(names) and prose_paragraphs(element) >= 2:
            chunks.setdefault((element.tag, names), []).append(element)
    for members in (group for group in chunks.values() if 1 < len(group) <= MAX_STORY_CHUNKS and not story_between(group)):
        # Into the chunk with the most text, in reading order: the first can be an intro the extractor skips.
        main = max(members, key=prose_paragraphs)
        position: int | None = 0  # where the next earlier chunk's paragraphs go; later chunks' are appended
        for chunk in members:
            if chunk is main:
                position = None
            elif apart(main, chunk):
                children = list(chunk)
                if position is None:
                    main.extend(children)
                else:
                    main[position:position] = children
                    position += len(children)
                chunk.drop_tree()


@lru_cache(maxsize=4096)  # a page repeats its class names on many containers: test each once
def can_be_story_chunk(names: str) -> bool:
    """Whether a container's class leaves it a story chunk: not a post, comment, widget or product card."""
    return _NOT_STORY_CHUNK.search(names) is None


def story_between(members: list[lxml.html.HtmlElement]) -> bool:
    """Running text between the first and the last chunk, outside them: the story goes on in other containers
    (an intro and an outro around a list of sections), so joining the chunks would cut it."""
    first, last = members[0], members[-1]
    before_last = set(last.xpath("preceding::p"))
    between = (
        paragraph
        for paragraph in first.xpath("following::p")
        if paragraph in before_last and not any(member in paragraph.iterancestors() for member in members)
    )
    return sum(map(is_prose_paragraph, between)) >= 2


def prose_paragraphs(element: lxml.html.HtmlElement) -> int:
    """The <p> children of `element` that hold running text."""
    return sum(map(is_prose_paragraph, element.iterchildren("p")))


def is_prose_paragraph(paragraph: lxml.html.HtmlElement) -> bool:
    """A paragraph of running text, not a caption or a button."""
    return has_words(text_content(paragraph), CHUNK_PARAGRAPH_WORDS)


def apart(main: lxml.html.HtmlElement, chunk: lxml.html.HtmlElement) -> bool:
    """Neither chunk inside the other, and not siblings: siblings share a container trafilatura can take whole,
    with what stands between them."""
    nested = main in chunk.iterancestors() or chunk in main.iterancestors()
    return not nested and main.getparent() is not chunk.getparent()


def drop_everything_before(headline: lxml.html.HtmlElement) -> int:
    """Remove what precedes the headline in the body (logos, menus, update lines): article text starts after it.
    Running text stays: some themes print the post's title under its first paragraphs. The length of the visible
    text removed."""
    node, removed = headline, 0
    while node.getparent() is not None and node.tag != "body":
        for sibling in list(node.itersiblings(preceding=True)):
            if isinstance(sibling.tag, str) and not holds_prose(sibling) and not holds_content(sibling):
                removed += visible_length(sibling)
                sibling.drop_tree()
        node = node.getparent()
    return removed


def holds_content(element: lxml.html.HtmlElement) -> bool:
    """A long block of text that is not links (a product description, a landing page's sections), outside page
    headers and menus: content placed before the headline."""
    if element.tag in ("header", "nav"):
        return False
    length = joined_text_length(element)
    links = sum(joined_text_length(link) for link in element.iter("a"))
    return length >= CONTENT_CHARACTERS and links < CONTENT_LINK_SHARE * length


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
    normalised = " ".join(body.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()
