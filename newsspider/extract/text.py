"""Small text helpers shared by the field functions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Iterator
from functools import lru_cache

import lxml.html
from lxml import etree

_WORD = re.compile(r"\w+")
# \W keeps what str.isalnum keeps, and the underscore.
_NOT_LETTER_OR_DIGIT = re.compile(r"[\W_]+")
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
# Scripts written without spaces between words: Thai, Lao, Myanmar, Khmer, Japanese kana, CJK ideographs.
_SPACELESS_SCRIPT = re.compile("[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_PHRASE_ENDS = frozenset(".!?…,;)]")  # never directly followed by a letter in running text ("Category:Name" may be)
_UNREAD_TAGS = frozenset({"script", "style", "template", "noscript", "svg", "button"})  # code, icons, controls
_BREAKING_TAGS = frozenset(
    {
        "br", "hr", "div", "p", "li", "ul", "ol", "dl", "dt", "dd", "section", "article", "aside", "header", "footer",
        "nav", "main", "figure", "figcaption", "blockquote", "pre", "address", "table", "tr", "td", "th",
        "h1", "h2", "h3", "h4", "h5", "h6",
    }
)


def clean_text(text: str | None) -> str:
    """NFC-normalised text with whitespace runs collapsed and ends trimmed."""
    if not text:
        return ""
    # str.split() and re's \s agree on what whitespace is (str.isspace), and splitting is faster. ASCII text is
    # already NFC, and isascii() is a flag lookup: most text skips the normaliser's call and scan.
    return " ".join((text if text.isascii() else unicodedata.normalize("NFC", text)).split())


def text_content(element: etree._Element) -> str:
    """Every text node inside `element` joined, as lxml.html's text_content() gives it (both read libxml2's node
    content), through the text serialiser: half the cost of the XPath string() behind text_content()."""
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def element_text(element: lxml.html.HtmlElement) -> str:
    """Every text node of an element cleaned, a <script>'s or <style>'s included (`read_text` gives what a reader
    sees)."""
    return clean_text(text_content(element))


def short_element_text(element: lxml.html.HtmlElement, limit: int) -> str | None:
    """`element_text(element)` when shorter than `limit` characters, else None. A wrapper's text can be the whole
    page: when the cleaned head of it is already long enough, the rest is not cleaned."""
    raw = text_content(element)
    head = raw[: _HEAD_FACTOR * limit]
    # Normalising can join a few characters across the cut (a letter and the accents after it): the margin covers them.
    if len(head) < len(raw) and len(clean_text(head)) >= limit + _CUT_MARGIN:
        return None
    text = clean_text(raw)
    return text if len(text) < limit else None


_HEAD_FACTOR = 4  # characters of raw text read per character of limit: indentation pads a short text
_CUT_MARGIN = 8


# Counted in C: joining every text node of a page in Python costs more than the rest of the test.
_JOINED_TEXT_LENGTH = etree.XPath("string-length(string()) + count(.//text()) - 1")


def joined_text_length(element: etree._Element) -> int:
    """len(" ".join(element.itertext())) without building the string: one space between text nodes."""
    return max(int(_JOINED_TEXT_LENGTH(element)), 0)


def class_and_id(element: lxml.html.HtmlElement) -> str:
    """The element's class and id attributes, lower-cased, for keyword tests."""
    return joined_class_and_id(element.get("class"), element.get("id"))


def joined_class_and_id(names: str | None, ident: str | None) -> str:
    """A class and an id attribute value, lower-cased, as `class_and_id` gives them."""
    if names is None and ident is None:
        return " "  # most elements have neither: skip building and lower-casing the string
    return f"{names or ''} {ident or ''}".lower()


# Compiled once: the text nodes a reader sees, outside scripts and styles; each result string knows its element.
# The HTML parser reads a script's or style's content as raw text, never as elements, so only <noscript> (whose
# content is markup) needs a walk up the ancestors. One axis, tested on the text node: the walk gives document order,
# where a path through the elements (descendant-or-self::*/text()) merges per-element results, at a third more cost.
_VISIBLE_TEXT_NODES = etree.XPath("descendant::text()[not(parent::script or parent::style or ancestor::noscript)]")
# Without the walk up the ancestors: the same nodes when no element inside a <noscript> holds text (an <img> or
# <iframe> fallback has none), as on most pages.
_TEXT_NODES_OUTSIDE_SCRIPTS = etree.XPath("descendant::text()[not(parent::script or parent::style or parent::noscript)]")
_NOSCRIPT_INNER_TEXT = etree.XPath("boolean(.//noscript//*/text())")


def visible_text_nodes(root: lxml.html.HtmlElement) -> list[etree._ElementUnicodeResult]:
    """The text nodes a reader sees, in document order; the ancestors are looked up only when a <noscript> needs it."""
    if _NOSCRIPT_INNER_TEXT(root):
        return _VISIBLE_TEXT_NODES(root)
    return _TEXT_NODES_OUTSIDE_SCRIPTS(root)


class CaselessPattern:
    """A regex matched with case ignored, written in lower case (no \\S, \\W, \\D, \\B). ASCII text is lower-cased and
    matched case-sensitively, which re does about three times as fast; other text is matched with re.IGNORECASE."""

    def __init__(self, lower_case_pattern: str) -> None:
        self._lowered = re.compile(lower_case_pattern)
        self._caseless = re.compile(lower_case_pattern, re.IGNORECASE)

    def found_in(self, text: str) -> bool:
        """Whether the pattern occurs in `text`, case ignored."""
        if text.isascii():
            return self._lowered.search(text.lower()) is not None
        return self._caseless.search(text) is not None


def alphanumeric_key(text: str) -> str:
    """`text` casefolded, letters and digits only: one key for the spellings of a name or title ("sophie-foster" and
    "Sophie Foster"), whatever their spacing and punctuation."""
    return _NOT_LETTER_OR_DIGIT.sub("", text.casefold())


def words(text: str) -> list[str]:
    """Word tokens (Unicode word characters)."""
    return _WORD.findall(text)


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    """The text's runs of `size` lower-cased words: a measure of how much two texts share, whatever their lines."""
    tokens = words(text.lower())
    return {tuple(tokens[start : start + size]) for start in range(len(tokens) - size + 1)}


@lru_cache(maxsize=8)
def word_count(text: str) -> int:
    """len(words(text)), remembered: the body steps, the language and the page type count the same body."""
    return len(_WORD.findall(text))


def has_words(text: str, count: int) -> bool:
    """Whether `text` holds at least `count` (one or more) words: len(words(text)) >= count, without listing them all."""
    return _at_least_words(count).match(text) is not None


@lru_cache(maxsize=None)
def _at_least_words(count: int) -> re.Pattern[str]:
    # A word run and the gap after it, count - 1 times, then a word: the gaps leave no room for backtracking.
    return re.compile(rf"\W*(?:\w+\W+){{{count - 1}}}\w")


def without_invisible(text: str) -> str:
    """`text` without the invisible characters CMSs put in for line breaking: soft hyphens, zero-width spaces
    and word joiners, byte-order marks. Zero-width (non-)joiners stay: they shape Persian and Indic words."""
    return _INVISIBLE.sub("", text)


def written_without_spaces(character: str) -> bool:
    """Whether `character` belongs to a script that runs words together (Chinese, Japanese, Thai, ...)."""
    return _SPACELESS_SCRIPT.match(character) is not None


def repaired_mojibake(text: str) -> str:
    """`text` decoded once more when it is UTF-8 read as Latin-1 or Windows-1252 ("Investorâ\x80\x99s", "Ã©"):
    a page encoded twice. Text written in those charsets is almost never valid UTF-8 as bytes, so it stays."""
    if text.isascii():
        return text
    for charset in ("latin-1", "cp1252"):
        try:
            return text.encode(charset).decode("utf-8")
        except UnicodeError:
            continue
    return text


def text_pieces(
    node: lxml.html.HtmlElement, leave_out: Collection[lxml.html.HtmlElement] = frozenset()
) -> Iterator[str]:
    """The text pieces of `node` in reading order, without the `leave_out` descendants (their tails stay) and
    without scripts, icons and controls; a line break or a block child separates words, inline markup does not."""
    yield node.text or ""
    for child in node:
        if isinstance(child.tag, str) and child.tag not in _UNREAD_TAGS and child not in leave_out:
            breaks = child.tag in _BREAKING_TAGS
            yield " " if breaks else ""
            yield from text_pieces(child, leave_out)
            yield " " if breaks else ""
        yield child.tail or ""


def joined(pieces: Iterable[str]) -> str:
    """Text pieces joined as read. Where one ends in a lower-case letter and the next starts with a capital, or one
    ends a phrase (".", ",", ")") and the next starts with a letter, the page sets them apart with CSS ("Open
    Progress" over "Why collaborative…", a caption's "…to the sea." beside "Getty Images"): a space goes between."""
    text = ""
    for piece in pieces:
        text += " " + piece if drawn_apart(text[-1:], piece[:1]) else piece
    return text


def drawn_apart(last: str, first: str) -> bool:
    """Whether two characters that meet at an element boundary can only have been set apart on the page."""
    return last.islower() and first.isupper() or last in _PHRASE_ENDS and first.isalpha()


def read_text(node: lxml.html.HtmlElement, leave_out: Collection[lxml.html.HtmlElement] = frozenset()) -> str:
    """The text of `node` as a reader sees it (`text_pieces`, `joined`), invisible characters dropped, cleaned."""
    return clean_text(without_invisible(joined(text_pieces(node, leave_out))))
