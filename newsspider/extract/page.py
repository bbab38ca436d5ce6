"""Parse a page once into the shared view every field function reads from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.html
from extruct.jsonld import JsonLdExtractor
from lxml import etree
from lxml.etree import ParserError
from w3lib.encoding import html_to_unicode

from .text import clean_text, text_content


def html_parser() -> etree.HTMLParser:
    """A parser giving lxml.html's element classes (form fields included), picked in C.

    lxml.html's own parser calls a Python lookup for every element touched, ours and
    trafilatura's walks alike: about a twelfth of the extraction time.
    """
    lookup = etree.ElementNamespaceClassLookup(
        etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    tag_classes = lookup.get_namespace(None)
    tag_classes["form"] = lxml.html.FormElement
    tag_classes["input"] = lxml.html.InputElement
    tag_classes["label"] = lxml.html.LabelElement
    tag_classes["select"] = lxml.html.SelectElement
    tag_classes["textarea"] = lxml.html.TextareaElement
    # Text is re-encoded as UTF-8 so a stale <meta charset> in it cannot mislead lxml. No id index: only
    # XPath's id() reads it, and nothing here or in trafilatura calls it (trafilatura's own parser skips it too).
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, collect_ids=False)
    parser.set_element_class_lookup(lookup)
    return parser


UTF8_PARSER = html_parser()


_HTML_MARKUP = re.compile(r"<(?:!doctype\s+html|html|head|body|title|meta|div|p|article|main)\b", re.I)
# </body> and </html>: a browser reads on after them (the HTML standard puts what follows into the body), libxml2 can
# drop it, and some templates close the document before the article.
_DOCUMENT_END_TAGS = re.compile(r"</(?:body|html)\s*>", re.I)
# Control characters XML cannot hold: never shown, and a tree with one makes trafilatura drop the whole text.
_NOT_XML_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# PHP's error messages in the HTML it prints them in ("<b>Warning</b>: ... in <b>/x.php</b> on line <b>928</b>"):
# the server's output, not the page's; a sidebar full of them outweighs a short post.
_PHP_MESSAGES = re.compile(
    r"<b>(?:Warning|Notice|Deprecated|Strict Standards|(?:Catchable fatal|Fatal|Parse) error)</b>:.{0,2000}? on line <b>\d+</b>",
    re.IGNORECASE | re.DOTALL,
)


LINE_LIMIT = 1000  # raw characters of an element's text, indentation included, that can still make a line


class NotHTMLError(ValueError):
    """The input is not an HTML document."""


@dataclass
class Page:
    """One fetched page: its tree, structured data and meta tags, parsed once."""

    url: str
    tree: lxml.html.HtmlElement
    jsonld: list[dict[str, Any]]
    meta: dict[str, list[str]]
    fetched_at: datetime
    site_timezone: str | None = None
    # Elements a field function took (byline, date line, caption): kept out of the body.
    consumed: set[lxml.html.HtmlElement] = field(default_factory=set)
    # line_text's answers: the bylines and dates steps scan the same short elements.
    line_texts: dict[lxml.html.HtmlElement, str | None] = field(default_factory=dict, repr=False)
    # images.is_marked_caption's answers: the nested blocks around a picture scan the same descendants for a caption.
    caption_marks: dict[lxml.html.HtmlElement, bool] = field(default_factory=dict, repr=False)
    # Every element of the tree, held while the page lives: lxml then hands each walk of the steps the element
    # objects it made before instead of making new ones, which halves the cost of a walk over the tree.
    elements: list[lxml.html.HtmlElement] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.elements = list(self.tree.iter())

    def line_text(self, element: lxml.html.HtmlElement) -> str | None:
        """The element's cleaned text when its raw text is at most LINE_LIMIT characters, else None (a wrapper's text
        can be the whole page: it is not cleaned). Read once per element and page."""
        if element not in self.line_texts:
            raw = text_content(element)
            self.line_texts[element] = clean_text(raw) if len(raw) <= LINE_LIMIT else None
        return self.line_texts[element]

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def is_front_page(self) -> bool:
        """The site's front page ("https://example.com/"; "/?p=123" is a post): the headlines and bylines in its
        text are its teasers'."""
        parts = urlsplit(self.url)
        return parts.path in ("", "/") and not parts.query

    @cached_property  # looked up for every link resolved; finding <base> walks the whole tree
    def base_url(self) -> str:
        """The URL relative links resolve against: <base href>, else the page URL."""
        base = self.tree.find(".//base[@href]")
        try:
            return urljoin(self.url, base.get("href").strip()) if base is not None else self.url
        except ValueError:  # a malformed host ("http://[url]/")
            return self.url

    def absolute_url(self, link: str | None) -> str | None:
        """`link` resolved against the page; None for empty or data: links."""
        link = (link or "").strip()
        if not link or link.startswith("data:"):
            return None
        try:
            return urljoin(self.base_url, link)
        except ValueError:
            return None

    def meta_value(self, *keys: str) -> str | None:
        """The first non-empty value among the meta tags named `keys`."""
        for key in keys:
            for value in self.meta.get(key.lower(), []):
                if value.strip():
                    return value.strip()
        return None

    def referenced(self, value: Any) -> Any:
        """The JSON-LD object a bare {"@id": ...} reference points to (Yoast's graph nodes), else `value`."""
        if not isinstance(value, dict) or set(value) - {"@id", "@type"} or not value.get("@id"):
            return value
        return next((obj for obj in self.jsonld if obj.get("@id") == value["@id"] and obj is not value), value)

    def jsonld_objects(self, *types: str) -> Iterator[dict[str, Any]]:
        """JSON-LD objects whose @type is one of `types` (all objects if none given)."""
        wanted = set(types)
        for obj in self.jsonld:
            if not wanted or wanted & set(jsonld_types(obj)):
                yield obj


# A forum thread or a social post: its opening post is dated and signed like an article.
POSTING_TYPES = ("DiscussionForumPosting", "SocialMediaPosting")

ARTICLE_TYPES = (
    "Article",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
)


def jsonld_types(obj: dict[str, Any]) -> list[str]:
    """The @type values of a JSON-LD object, without a schema.org prefix."""
    raw = obj.get("@type", [])
    types = raw if isinstance(raw, list) else [raw]
    return [str(t).rsplit("/", 1)[-1] for t in types]


def decode_html(html: str | bytes, content_type: str | None = None) -> str:
    """HTML as text: valid UTF-8 as UTF-8, else the header, BOM or meta charset."""
    if isinstance(html, str):
        return html
    utf8 = strict_utf8(html)
    if utf8 is not None:
        return utf8
    _, text = html_to_unicode(content_type, html)
    return text


def strict_utf8(html: bytes) -> str | None:
    """`html` as UTF-8 when it decodes without error.

    Text in a single-byte charset with any non-ASCII letter is almost never valid UTF-8,
    while pages that declare latin-1 but are UTF-8 are common, so validity wins.
    """
    try:
        return html.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        return None


def parse_tree(text: str) -> lxml.html.HtmlElement:
    """An lxml tree of `text`; NotHTMLError when there is no document in it."""
    if is_binary(text) or not _HTML_MARKUP.search(text[:65536]):
        raise NotHTMLError("no HTML markup in the input")
    try:
        tree = lxml.html.document_fromstring(read_as_a_browser(text).encode("utf-8", "replace"), parser=UTF8_PARSER)
    except (ParserError, ValueError) as error:
        raise NotHTMLError(str(error)) from error
    return tree


def is_binary(text: str) -> bool:
    """A NUL byte near the start of what does not start as markup: an image, a PDF, an archive. A page that opens
    with a tag and carries a stray NUL (a CMS's padding) is still HTML; the NULs are read past as a browser does."""
    return "\x00" in text[:4096] and not text.lstrip(" \t\r\n\x00").startswith("<")


def read_as_a_browser(text: str) -> str:
    """`text` as a browser shows it to libxml2 and trafilatura: without </body> and </html> (what follows is read
    on), control characters, and PHP's error messages."""
    for unread in (_DOCUMENT_END_TAGS, _NOT_XML_CHARACTERS, _PHP_MESSAGES):
        text = unread.sub("", text)
    return text


def flatten_jsonld(items: list[Any]) -> list[dict[str, Any]]:
    """Every JSON-LD object, @graph members and nested mainEntity included."""
    found: list[dict[str, Any]] = []
    stack = list(items)
    while stack:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            if "@graph" in item:
                stack[:0] = item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]]
            if "@type" in item:
                found.append(item)
            for key in ("mainEntity", "mainEntityOfPage", "hasPart", "itemListElement"):
                nested = item.get(key)
                if isinstance(nested, (dict, list)):
                    stack.append(nested)
    return found


def read_meta(tree: lxml.html.HtmlElement) -> dict[str, list[str]]:
    """Meta tags by lower-cased name/property/itemprop, in document order."""
    meta: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or element.get("itemprop")
        content = element.get("content")
        if key and content is not None:
            meta.setdefault(key.strip().lower(), []).append(content)
    return meta


def read_jsonld(tree: lxml.html.HtmlElement, url: str) -> list[dict[str, Any]]:
    """JSON-LD objects of the page; broken blocks are skipped, not fatal."""
    try:
        items = JsonLdExtractor().extract_items(tree, base_url=url)
        return flatten_jsonld(list(items))
    except Exception:  # noqa: BLE001 - a malformed block must not lose the page
        return []


def parse_page(
    html: str | bytes,
    url: str,
    *,
    fetched_at: datetime | None = None,
    site_timezone: str | None = None,
    content_type: str | None = None,
) -> Page:
    """Decode and parse `html` once for all field functions."""
    url = url or ""  # a page saved without its address still parses
    # Links stay as written (rewriting every link of a large page is slow): resolve with absolute_url.
    tree = parse_tree(decode_html(html, content_type))
    return Page(
        url=url,
        tree=tree,
        jsonld=read_jsonld(tree, url),
        meta=read_meta(tree),
        fetched_at=fetched_at or datetime.now(timezone.utc),
        site_timezone=site_timezone,
    )
