"""Forgiving, safe XML parsing shared by the sitemap and feed readers."""

from __future__ import annotations

import lxml.etree

# No entities, no network: sitemaps and feeds come from the open web.
_PARSER_OPTIONS = dict(recover=True, resolve_entities=False, no_network=True, remove_comments=True, huge_tree=False)


def parse_xml(body: bytes) -> lxml.etree._Element | None:
    """The root element of `body`, or None when nothing could be parsed."""
    try:
        return lxml.etree.fromstring(body, parser=lxml.etree.XMLParser(**_PARSER_OPTIONS))
    except lxml.etree.XMLSyntaxError:
        return None


def local_name(element: lxml.etree._Element) -> str:
    """The tag without its namespace (`{ns}loc` -> `loc`)."""
    tag = element.tag
    return lxml.etree.QName(tag).localname if isinstance(tag, str) else ""


def child_text(element: lxml.etree._Element, name: str) -> str | None:
    """Text of the first descendant with local name `name` (and some text)."""
    for child in element.iter():
        if local_name(child) == name and (child.text or "").strip():
            return child.text.strip()
    return None
