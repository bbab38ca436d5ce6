"""Article images with their captions, photo credits and alt text."""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml import etree

from ..items import Article, Image
from .captions import distinct_credits, labelled_title_credit, split_credit, strip_credit_prefix, worded
from .image_sources import IMAGE_FILE, image_url
from .metadata import as_list
from .page import ARTICLE_TYPES, Page
from .text import class_and_id, clean_text, element_text, joined_class_and_id, read_text, visible_text_nodes, words

_CAPTION_HINTS = (
    "caption", "legend", "image-text", "img-text", "photo-text", "image-info", "img-info", "bildtext", "unterschrift",
    "subtitle", "infotext",
)
# "description" also names what product cards and list entries say about their thing, not about the photo.
_DESCRIPTION_HINT = "description"
# Interactive or list markup is never a caption, whatever its (utility) classes say.
_NOT_CAPTION_TAGS = frozenset(
    {"a", "button", "ul", "ol", "li", "nav", "svg", "input", "select", "option", "picture", "img", "source", "video"}
)
_HEADLINE_ANCESTORS = "ancestor-or-self::*[self::header or self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
_ALT_CAPTION_WORDS = 4  # a short alt ("Logo", "Latest in phones") repeated nearby is a label, not a caption
_ALT_BLOCK_SLACK = 20  # characters of button labels or counters ("1/5") a block with an unmarked caption may hold
# <img>, <picture>, and web components named for a picture that carry its source (<amp-img>, <brick-image-v3>).
_PICTURES = (
    ".//img|.//picture|.//*[contains(local-name(), '-')][contains(local-name(), 'img') or contains(local-name(), 'image')]"
    "[@src or @data-src or @srcset or @data-srcset]"
)
_CREDIT_HINTS = ("credit", "copyright", "source", "author", "byline", "photographer", "quelle", "rights")
_NOT_ARTICLE_IMAGE = re.compile(
    r"related|teaser-(?:list|box|item|card)|recommend|promo(?!ted)|most-|trending|newsletter|read-?more|"
    r"author|byline|avatar|profile|testimonial|logo|advert|sponsor|comment|banner"
)
# An audio player's still is never an article image. Video posters are left in: sites caption a lead video as
# they caption a lead photo, and the gold data counts some of those captions.
_AUDIO_PLAYER = re.compile(r"audio|podcast")
_BYLINE_START = re.compile(r"^(?:by|von|par|por|door)\s", re.I)
_TEASER_DEPTH = 6
_ICON_PIXELS = 50
_VIEWER_PATH = re.compile(r"/(?:images?|photos?|fotos?|bilder?|galler(?:y|ie)|galerie|lightbox|zoom)(?:/|$)", re.I)
_VIEWER_MARKER = re.compile(r"lightbox|zoom|enlarge|fullscreen|vergr", re.I)  # "vergrößern": German for enlarge
# An id or a hash in a file name: hexadecimal, longer than a date written as 20250602 ("happyface313" is a word).
_FILE_NAME_TOKEN = re.compile(r"(?<![0-9a-z])[0-9a-f]{9,}(?![0-9a-z])")
_IMAGE_EXTENSIONS = re.compile(r"(?:\.(?:jpe?g|png|gif|webp|avif))+$")  # "x.jpg.webp": a CDN's conversion of x.jpg
_PICTURE_SIZE = re.compile(r"\d+x\d+")  # "-2048x1152", "size=320x180": a rendition's size
_DISTINCT_FILE_NAME = 12  # characters of a file name that names one picture, not a size ("large", "image")
_DECORATION_CAPTIONS = 3  # one photo may run twice under two captions; a file under three is decoration
_CREDIT_ALLOWANCE = 120  # characters of credit and labels a picture block may hold beside its caption
# Class and id keywords as one pattern: one search per element instead of one substring test per keyword.
_CAPTION_NAME = re.compile("|".join(map(re.escape, _CAPTION_HINTS)))
_CREDIT_NAME = re.compile("|".join(map(re.escape, _CREDIT_HINTS)))
# Compiled once: lxml compiles a string XPath anew on every call.
_FIND_PICTURES = etree.XPath(_PICTURES)
_LINK_OR_HEADLINE = etree.XPath(f".//a|ancestor::a|{_HEADLINE_ANCESTORS}")


# What two entries for one picture may share: ("path", path), ("file", file key), ("caption", caption's words).
PictureKey = tuple[str, str | tuple[str, ...]]


def fill(page: Page, article: Article) -> None:
    """Set article.images: the article's figures, then JSON-LD images, one entry per picture."""
    figures = [image for image in captioned_images(page) if image.url]
    article.images = merge_images(without_decoration(figures) + jsonld_images(page))


def without_decoration(images: list[Image]) -> list[Image]:
    """The pictures less any file shown under three or more captions: an icon, a placeholder, a card background."""
    captions_by_path: dict[str, set[str | None]] = {}
    for image in images:
        captions_by_path.setdefault(picture_path(image), set()).add(image.caption)
    return [image for image in images if len(captions_by_path[picture_path(image)]) < _DECORATION_CAPTIONS]


def picture_path(image: Image) -> str:
    """The picture's file, whatever size or crop the query asks for."""
    return urlsplit(image.url or "").path


def merge_images(images: list[Image]) -> list[Image]:
    """One entry per picture (same path or same caption), missing captions and credits filled in.

    Each entry is compared only with the kept ones that share its path, a file key or its caption (an index of
    them), not with all: a gallery of thousands of pictures stays linear.
    """
    merged: list[Image] = []
    kept_by_key: dict[PictureKey, list[int]] = {}
    for image in images:
        candidates = sorted({position for key in picture_keys(image) for position in kept_by_key.get(key, ())})
        found = next((position for position in candidates if same_picture(merged[position], image)), None)
        if found is None:
            for key in picture_keys(image):
                kept_by_key.setdefault(key, []).append(len(merged))
            merged.append(image)
            continue
        twin = merged[found]
        if not twin.caption and image.caption:  # the twin is now found by this caption too
            kept_by_key.setdefault(caption_key(image.caption), []).append(found)
        twin.caption = twin.caption or image.caption
        twin.credit = twin.credit or image.credit
        twin.alt = twin.alt or image.alt
    return merged


def picture_keys(image: Image) -> list[PictureKey]:
    """What `same_picture` may match an entry by: its path, its file keys, its caption's words."""
    keys: list[PictureKey] = [("path", picture_path(image)), *(("file", key) for key in file_keys(image))]
    return [*keys, caption_key(image.caption)] if image.caption else keys


def caption_key(caption: str) -> PictureKey:
    return ("caption", tuple(words(caption.lower())))


def same_picture(a: Image, b: Image) -> bool:
    """Two entries for one picture: one caption, or one file (sizes differ in the query, the folder or the name's
    suffix) unless captioned apart."""
    if not (a.caption and b.caption):
        return bool(a.url and b.url) and (picture_path(a) == picture_path(b) or bool(file_keys(a) & file_keys(b)))
    shorter, longer = sorted((words(a.caption.lower()), words(b.caption.lower())), key=len)
    if picture_path(a) != picture_path(b):
        return shorter == longer
    # A site that reuses a photo under a new caption (a video's poster, a second mention) shows it twice;
    # metadata may cut a caption short.
    return longer[: len(shorter)] == shorter


def file_keys(image: Image) -> set[str]:
    """What names one picture across its renditions: a long file name ("fbi-director-christopher-wray.jpg" under
    /686/384/ and /931/523/), and the ids and hashes in it ("459163063-750x412.jpg" and "459163063.jpg",
    "…a5dac8b442e3…_P1.png" and "…a5dac8b442e3…_R.png"), whatever format the file is served in ("x.jpg.webp").
    Sizes, short names ("large.jpg") and dates name no picture."""
    name = unquote(unquote(picture_path(image).rsplit("/", 1)[-1])).lower()
    without_formats = _IMAGE_EXTENSIONS.sub("", name)
    stem = _PICTURE_SIZE.sub("", without_formats if without_formats != name else name.rsplit(".", 1)[0])
    ids = {token for token in _FILE_NAME_TOKEN.findall(stem) if any(char.isdigit() for char in token)}
    return ids | ({stem} if len(stem) >= _DISTINCT_FILE_NAME else set())


def captioned_images(page: Page) -> list[Image]:
    """Images in <figure> or beside a caption element, in document order, teasers left out."""
    images: list[Image] = []
    for container in image_containers(page):
        img = container if container.tag in ("picture", "img") else next(iter(_FIND_PICTURES(container)), None)
        if img is None or is_icon(img) or is_teaser(container, img, page) or is_audio_player(container):
            continue
        caption, credit = container_caption(container, page)
        credit = credit or credit_in_title(img)
        if caption and _BYLINE_START.match(caption):
            continue  # an author's portrait beside the byline
        images.append(Image(url=image_url(img, page), caption=caption, credit=credit, alt=clean_text(img.get("alt")) or None))
    return images


def is_icon(img: lxml.html.HtmlElement) -> bool:
    """An <img> drawn smaller than a photo can be shown: an arrow, a flag, a badge."""
    sizes = [[e.get(side) or "" for side in ("width", "height")] for e in img.iter("img")]
    return any(all(size.isdecimal() and 0 < int(size) < _ICON_PIXELS for size in pair) for pair in sizes)


def credit_in_title(img: lxml.html.HtmlElement) -> str | None:
    """A credit the picture's title attribute announces with a label."""
    titled = next((e for e in img.iter() if isinstance(e.tag, str) and e.get("title")), None)
    return labelled_title_credit(clean_text(titled.get("title"))) if titled is not None else None


def is_teaser(container: lxml.html.HtmlElement, img: lxml.html.HtmlElement, page: Page) -> bool:
    """A picture that belongs to navigation, a related-links box, an author box or a link to another page
    (a link that only enlarges the picture is the article's own)."""
    # Only near ancestors: page wrappers carry classes such as "has-sidebar" that say nothing here.
    for element in [container, *container.iterancestors()][:_TEASER_DEPTH]:
        if element.tag in ("body", "html"):
            break
        if element.tag in ("aside", "nav", "footer") or _NOT_ARTICLE_IMAGE.search(class_and_id(element)):
            return True
    link = next(img.iterancestors("a"), None)
    href = page.absolute_url(link.get("href")) if link is not None else None
    if link is None or not href or href.split("#")[0] == page.url.split("#")[0]:
        return False
    return not opens_the_picture(link, href)


def opens_the_picture(link: lxml.html.HtmlElement, href: str) -> bool:
    """A link that enlarges the picture: to the file itself, an image or gallery page, or a lightbox."""
    if IMAGE_FILE.search(href) or _VIEWER_PATH.search(urlsplit(href).path):
        return True
    markers = [link, *list(link.iterancestors())[:2]]
    return any(_VIEWER_MARKER.search(" ".join([class_and_id(e), *e.attrib.keys()])) for e in markers)


def is_audio_player(container: lxml.html.HtmlElement) -> bool:
    """A picture in an audio player: an <audio> element or audio/podcast-named block in or near its container."""
    if next(container.iter("audio"), None) is not None:
        return True
    near = [*container.iter(), *list(container.iterancestors())[: _TEASER_DEPTH - 1]]
    return any(isinstance(e.tag, str) and e.tag not in ("body", "html") and _AUDIO_PLAYER.search(class_and_id(e)) for e in near)


def image_containers(page: Page) -> Iterable[lxml.html.HtmlElement]:
    """<figure> elements (each figure of a gallery), the smallest blocks holding one picture and its caption outside
    any figure, and bare pictures with a caption written right after them."""
    counts = PictureCounts.of(page.tree)
    covered: set[lxml.html.HtmlElement] = set()
    for element in page.tree.iter("figure", "div", "section", "li", "picture", "img"):
        if element in covered:
            continue
        if (
            is_single_figure(element)
            or is_picture_block(element, counts, page)
            or is_bare_captioned_picture(element)
        ):
            covered.update(element.iter())
            yield element


@dataclass(frozen=True)
class PictureCounts:
    """How many pictures, and how many <img>s outside <noscript>, each element holds; counted once per page."""

    pictures: Counter[lxml.html.HtmlElement]
    shown_imgs: Counter[lxml.html.HtmlElement]

    @classmethod
    def of(cls, tree: lxml.html.HtmlElement) -> PictureCounts:
        pictures: Counter[lxml.html.HtmlElement] = Counter()
        shown_imgs: Counter[lxml.html.HtmlElement] = Counter()
        for picture in _FIND_PICTURES(tree):
            ancestors = list(picture.iterancestors())
            pictures.update(ancestors)
            # A <noscript> copy of a lazy-loaded <img> is the same picture.
            if picture.tag == "img" and not any(a.tag == "noscript" for a in ancestors):
                shown_imgs.update(ancestors)
        return cls(pictures, shown_imgs)


def is_single_figure(element: lxml.html.HtmlElement) -> bool:
    """A <figure> that is not a gallery of figures (each of those has its own caption)."""
    return element.tag == "figure" and next(element.iterdescendants("figure"), None) is None


def is_bare_captioned_picture(element: lxml.html.HtmlElement) -> bool:
    """A <picture> or <img> outside any block whose next sibling is its caption (<picture> then <figcaption>)."""
    return element.tag in ("picture", "img") and bool(trailing_caption(element))


def is_picture_block(element: lxml.html.HtmlElement, counts: PictureCounts, page: Page) -> bool:
    """A block with one picture and a caption, and little text besides the caption."""
    if not counts.pictures[element] or counts.shown_imgs[element] > 1:
        return False
    captions = caption_elements(element, page)
    return bool(captions) and visible_length(element) <= visible_length(captions[0]) + _CREDIT_ALLOWANCE


def caption_elements(container: lxml.html.HtmlElement, page: Page) -> list[lxml.html.HtmlElement]:
    """The container's caption-marked elements, else the unmarked text that repeats its picture's alt text."""
    marked = [e for e in container.iterdescendants(etree.Element) if is_marked_caption(e, page)]
    return marked or alt_repeating_text(container)


def alt_repeating_text(container: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """The text beside the picture that repeats its alt text and ends in a photo credit, in a block that holds
    nothing else: a caption without caption markup (a plain <p> under the photo)."""
    alt = picture_alt(container)
    # Cards (related stories, products) repeat their headline as the alt: they sit in lists and link elsewhere.
    links_away = any(not IMAGE_FILE.search(a.get("href") or "") for a in container.iter("a") if a.get("href"))
    if len(alt.split()) < _ALT_CAPTION_WORDS or links_away or container.xpath("ancestor-or-self::li"):
        return []
    repeating = [
        e
        for e in container.iterdescendants()
        if isinstance(e.tag, str)
        and e.tag not in _NOT_CAPTION_TAGS
        and not _FIND_PICTURES(e)
        # A headline repeating the alt, linked or set as a heading, is a teaser card's.
        and not _LINK_OR_HEADLINE(e)
        and element_text(e).lower().startswith(alt.lower())
    ]
    caption = next(iter(outermost(repeating)), None)
    if caption is None or visible_length(container) > visible_length(caption) + _ALT_BLOCK_SLACK:
        return []
    # Only a photo credit after the alt tells a caption from a card's title or a badge's label.
    return [caption] if split_credit(element_text(caption))[1] else []


def picture_alt(container: lxml.html.HtmlElement) -> str:
    """The alt text of the container's (one) picture."""
    return clean_text(next((e.get("alt") for e in container.iter(etree.Element) if e.get("alt")), None))


def is_marked_caption(element: lxml.html.HtmlElement, page: Page) -> bool:
    """is_caption_element, asked once per element and page (kept in page.caption_marks)."""
    if element not in page.caption_marks:
        page.caption_marks[element] = is_caption_element(element)
    return page.caption_marks[element]


def visible_length(element: lxml.html.HtmlElement) -> int:
    """Characters of visible text (`visible_text_nodes`): an embedded JSON-LD, script or <noscript> fallback does not
    make a picture block a text block."""
    return len(clean_text(" ".join(visible_text_nodes(element))))


def is_caption_element(element: lxml.html.HtmlElement) -> bool:
    """A <figcaption>, an element named for a caption, or a "description" that describes the photo."""
    tag = element.tag
    if tag in _NOT_CAPTION_TAGS:
        return False
    if tag == "figcaption":
        return True
    names_caption, names_description = caption_naming(element.get("class"), element.get("id"))
    return names_caption or names_description and describes_photo(element)


@lru_cache(maxsize=4096)  # a page repeats its class names on many elements: test each pair once
def caption_naming(names: str | None, ident: str | None) -> tuple[bool, bool]:
    """Whether a class and an id attribute name a caption, and whether they name a description."""
    name = joined_class_and_id(names, ident)
    return _CAPTION_NAME.search(name) is not None, _DESCRIPTION_HINT in name


def describes_photo(element: lxml.html.HtmlElement) -> bool:
    """A description inside a <figure>, or one ending in a photo credit ("... (AP Photo/Evan Vucci)")."""
    return next(element.iterancestors("figure"), None) is not None or split_credit(element_text(element))[1] is not None


def container_caption(container: lxml.html.HtmlElement, page: Page) -> tuple[str | None, str | None]:
    """The caption and credit in a figure: separate credit elements first, else split from the text. Both kinds of
    element are marked consumed, so the body leaves them out."""
    parts = [e for e in container.iter() if isinstance(e.tag, str) and e is not container]
    captions = caption_elements(container, page) or trailing_caption(container)
    parts += [e for caption in captions for e in caption.iter() if isinstance(e.tag, str) and e not in parts]
    credit_elements = [e for e in parts if is_credit_element(e)]
    page.consumed.update(captions + credit_elements)
    credit_texts = distinct_credits(strip_credit_prefix(element_text(e)) for e in outermost(credit_elements))
    # Sites repeat a caption in a second element (visible and screen-reader copies): each text once.
    caption_texts = dict.fromkeys(read_text(e, credit_elements) for e in outermost(captions) if e not in credit_elements)
    caption_text = clean_text(html.unescape(" ".join(caption_texts)))
    caption, credit = split_credit(caption_text)
    return worded(caption), ", ".join(credit_texts) or credit


def trailing_caption(container: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    """A caption written right after the picture's container (AMP pages put <figcaption> beside <figure>)."""
    following = container.getnext()
    while following is not None and not isinstance(following.tag, str):
        following = following.getnext()
    if following is None or not is_caption_element(following) or _FIND_PICTURES(following):
        return []
    return [following]


def outermost(elements: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """Elements not inside another element of the list."""
    members = set(elements)
    return [e for e in elements if not any(a in members for a in e.iterancestors())]


def is_credit_element(element: lxml.html.HtmlElement) -> bool:
    """A credit's own element: a credit-like class, or <cite> (a caption citing its source)."""
    tag = element.tag
    return tag == "cite" or tag != "img" and _CREDIT_NAME.search(class_and_id(element)) is not None


def jsonld_images(page: Page) -> list[Image]:
    """ImageObject values of the JSON-LD article's image property."""
    images: list[Image] = []
    for obj in page.jsonld_objects(*ARTICLE_TYPES):
        read = (jsonld_image(value, page) for value in as_list(obj.get("image")))
        images.extend(image for image in read if image and image.url)
    return images


def jsonld_image(value: Any, page: Page) -> Image | None:
    """One JSON-LD image: a URL string or an ImageObject (or a reference to one) with caption and credit."""
    if isinstance(value, str):
        return Image(url=page.absolute_url(value))
    if not isinstance(value, dict):
        return None
    value = page.referenced(value)
    url = first_string(value.get("url") or value.get("contentUrl"))
    # Plugins often write the credit into the caption: "... (Photo: UN Photo / Frank van Beek)".
    caption, credit_in_caption = split_credit(jsonld_joined_text(value.get("caption")))
    credit = jsonld_joined_text(value.get("creditText") or value.get("copyrightHolder") or value.get("author")) or None
    return Image(
        url=page.absolute_url(url),
        caption=worded(caption),
        credit=strip_credit_prefix(credit) if credit else credit_in_caption,
    )


def first_string(value: Any) -> str | None:
    """A JSON-LD value, or the first of a list of them, when it is a string (an ImageObject's url); else None."""
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def jsonld_joined_text(value: Any) -> str:
    """A JSON-LD text, the name of a Person/Organization, or every one of a list of them joined by ", ", HTML
    entities read, as one clean string (metadata.jsonld_text keeps only the first of a list)."""
    if isinstance(value, list):
        return ", ".join(filter(None, (jsonld_joined_text(item) for item in value)))
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or ""
    return clean_text(html.unescape(str(value or "")))
