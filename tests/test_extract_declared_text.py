"""The article text a page declares (JSON-LD articleBody) as the body, when the text read from the page leaves most
of it out: on saved real pages and on small pages that isolate each rule."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsspider import extract_article
from newsspider.extract import parse_page
from newsspider.extract.declared_text import declared_paragraphs, split_at_page_paragraphs

PAGES = Path(__file__).parent / "pages" / "body"
STORY = [
    "The harbour authority approved the new ferry terminal on Tuesday after three years of hearings and objections.",
    "Construction starts in spring, and the first ships are due to dock there before the end of next year.",
    "Residents near the quay had asked for a noise barrier, which the plan now includes along the whole pier.",
    "The city expects the terminal to carry two million passengers a year once every berth is in service.",
]


def paragraphs_of(html: str | bytes, url: str = "https://news.example.com/2024/05/ferry-terminal") -> list[str]:
    return (extract_article(html, url).body or "").split("\n\n")


def page_declaring(article_body: str, content: str) -> str:
    """An article page whose JSON-LD declares `article_body` and whose <article> holds `content`."""
    data = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry terminal approved",
                       "articleBody": article_body})
    return (
        '<html><head><title>Ferry terminal approved</title><script type="application/ld+json">'
        f"{data}</script></head><body><article><h1>Ferry terminal approved</h1>{content}</article></body></html>"
    )


TEASER = "<figure><img src='/ferry.jpg'><figcaption>The quay at dawn. Photo: Port Authority</figcaption></figure>"


def test_a_page_rendered_by_script_gets_the_declared_text_line_by_line() -> None:
    assert paragraphs_of(page_declaring("\n".join(STORY), TEASER)) == STORY


def test_declared_html_is_read_as_paragraphs() -> None:
    declared = "".join(f"<p>{paragraph}</p>" for paragraph in STORY).replace("<p>", "&lt;p&gt;").replace("</p>", "&lt;/p&gt;")
    assert paragraphs_of(page_declaring(declared, TEASER)) == STORY


def test_declared_run_is_cut_where_the_page_paragraphs_begin() -> None:
    """A gallery's items, each in a container of its own; the declared text runs them together without breaks."""
    items = "".join(f'<div class="gallery-item"><p>{paragraph}</p></div><div class="ad">Advertisement</div>' for paragraph in STORY)
    page = parse_page(page_declaring("".join(STORY), items), "https://news.example.com/2024/05/ferry-terminal")
    assert split_at_page_paragraphs("".join(STORY), page) == STORY


def test_declared_markdown_is_not_read() -> None:
    declared = "\n".join(f"**{paragraph}** [more](https://example.com/more){{: target=_blank}}" for paragraph in STORY)
    page = parse_page(page_declaring(declared, TEASER), "https://news.example.com/2024/05/ferry-terminal")
    assert declared_paragraphs(page) == []


def test_the_page_text_stays_when_it_holds_the_declared_text() -> None:
    """The page shows the article and declares it with one more sentence: the page's paragraphs are the body."""
    content = "".join(f"<p>{paragraph}</p>" for paragraph in STORY)
    declared = "\n".join([*STORY, "Subscribe to our newsletter for more harbour news every week."])
    assert paragraphs_of(page_declaring(declared, content)) == STORY


def test_widgets_give_way_to_the_declared_article() -> None:
    """wcxb-dev 0344: the main text found is the site's widgets and half the guide; its articleBody is the guide."""
    html = gzip.open(PAGES / "wcxb-0344.html.gz", "rb").read()
    paragraphs = paragraphs_of(html, "https://connect.bcbsok.com/medicare/b/weblog/posts/smartphone-basics")
    assert paragraphs[:2] == [
        "If you’re new to smartphones, they can seem scary and confusing. But they don’t have to be. Read on for a "
        "simple guide to the basics of using a smartphone.",
        "What are smartphone apps?",
    ]
    assert "Do you have an Android smartphone?" in paragraphs
    assert not any("Search for a doctor" in paragraph for paragraph in paragraphs)


def test_a_listicle_gets_every_item_from_the_declared_run() -> None:
    """wcxb-dev 0133: each service of the list sits in a container of its own; the articleBody runs them together."""
    html = gzip.open(PAGES / "wcxb-0133.html.gz", "rb").read()
    paragraphs = paragraphs_of(html, "https://www.elledecor.com/home-remodeling-renovating/g46066075/online-interior-design/")
    assert paragraphs[0].startswith("So you’ve decided to give your home a refresh.")
    assert "Fee: $99 for mini, $159 for full design, or in-person (in some cities) for $499." in paragraphs
    assert paragraphs[-1].startswith("Best for: The time-sensitive homeowner looking for one-stop shopping")
    assert len(paragraphs) == 34
