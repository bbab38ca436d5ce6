"""A page drawn by script: the article HTML its scripts carry is read when its markup holds no body text."""

from __future__ import annotations

import json

from newsspider import extract_article

URL = "https://news.example.com/politics/2026/01/29/ferry-terminal"
PARAGRAPHS = [
    "The harbour authority approved the new ferry terminal on Tuesday after three years of hearings and objections.",
    "Construction starts in spring, and the first ships are due to dock there before the end of next year.",
    "Residents near the quay had asked for a noise barrier, which the plan now includes along the whole pier.",
]
ARTICLE_HTML = (
    '<div class="img-box"><img src="https://img.example.com/quay.jpg"><div class="caption"><p>The quay at dawn. '
    "Photo: Port Authority</p></div></div>" + "".join(f'<p class="editor-p">{paragraph}</p>' for paragraph in PARAGRAPHS)
)
CONSENT_HTML = "<p>We and our partners use cookies to store and access information on your device. " * 8 + "</p>"


def script_drawn_page(*states: dict[str, str]) -> str:
    """A page whose markup is a shell and whose scripts push `states` (JSON, "<" escaped as \\u003c)."""
    pushes = "".join("window.__STATE__.push(" + json.dumps(state).replace("<", "\\u003c") + ");" for state in states)
    return (
        "<html><head><title>Ferry terminal approved for the harbour | Example News</title>"
        '<meta property="og:title" content="Ferry terminal approved for the harbour">'
        f'</head><body><div id="root"></div><script>window.__STATE__ = []; {pushes}</script></body></html>'
    )


def test_the_article_html_a_script_carries_is_the_body_with_its_captioned_image() -> None:
    html = script_drawn_page({"title": "Ferry terminal approved for the harbour", "contentHtml": ARTICLE_HTML})
    article = extract_article(html, URL)
    assert article.body == "\n\n".join(PARAGRAPHS)
    assert [(image.url, image.caption, image.credit) for image in article.images] == [
        ("https://img.example.com/quay.jpg", "The quay at dawn.", "Port Authority")
    ]


def test_scripted_html_without_the_headline_words_is_not_the_body() -> None:
    """A consent notice or a teaser of another story is HTML in a script too."""
    html = script_drawn_page({"consent": CONSENT_HTML})
    assert extract_article(html, URL).body is None


def test_the_markup_body_wins_over_scripted_html() -> None:
    html = script_drawn_page({"contentHtml": ARTICLE_HTML}).replace(
        '<div id="root"></div>', "<article><h1>Ferry terminal approved for the harbour</h1><p>"
        + " ".join(PARAGRAPHS[:2]) + "</p></article>"
    )
    assert extract_article(html, URL).body == " ".join(PARAGRAPHS[:2])
