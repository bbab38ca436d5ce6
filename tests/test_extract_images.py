"""Images: every article picture with caption, credit and alt; teasers left out; captions kept out of the body."""

from __future__ import annotations

import pytest

from newsspider.extract import extract_article, images, parse_page
from newsspider.extract.images import split_credit
from newsspider.extract.text import element_text
from newsspider.items import Article, Image


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("President Ilham Aliyev in Shusha, July 21, 2023 / President.Az", "President Ilham Aliyev in Shusha, July 21, 2023", "President.Az"),
        ("Firefighters at work. © DPA Images | Christoph Soeder", "Firefighters at work.", "DPA Images/Christoph Soeder"),
        ("A man walks past the bank. Photo: AFP", "A man walks past the bank.", "AFP"),
        ("Smoke over the city (Reuters)", "Smoke over the city", "Reuters"),
        ("Credit: Jane Doe", "", "Jane Doe"),
        ("Bheki/ Informal Traders/ City of Johannesburg", "Bheki/ Informal Traders/ City of Johannesburg", None),
    ],
)
def test_split_credit(text: str, caption: str, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


ARTICLE = """<html><head><title>T</title></head><body><article><h1>T</h1>
<figure><img data-src="/img/lead.jpg" src="data:image/gif;base64,R0lGOD" alt="Lead">
<figcaption>The harbour at dawn. <span class="credit">Jane Doe/AFP</span></figcaption></figure>
<p>First paragraph of the story, long enough to be body text for the extractor here.</p>
<div class="image-block"><picture><source srcset="/img/small.jpg 300w, /img/big.jpg 1200w"><img src="/img/small.jpg"></picture>
<p class="caption">Boats in the bay / Example Photo Agency</p></div>
<p>Second paragraph of the story, also long enough to be body text for the extractor.</p>
<aside class="related"><figure><a href="/other-story"><img src="/img/teaser.jpg"></a><figcaption>Read this other story</figcaption></figure></aside>
</article></body></html>"""


def test_figures_captions_and_credits() -> None:
    article = extract_article(ARTICLE, "https://example.com/news/story")
    assert article.images == [
        Image(url="https://example.com/img/lead.jpg", caption="The harbour at dawn.", credit="Jane Doe/AFP", alt="Lead"),
        Image(url="https://example.com/img/big.jpg", caption="Boats in the bay", credit="Example Photo Agency", alt=None),
    ]


def test_captions_and_credits_are_marked_consumed_for_the_body_step() -> None:
    page = parse_page(ARTICLE, "https://example.com/news/story")
    images.fill(page, Article(url=page.url))
    consumed = sorted(element_text(element) for element in page.consumed)
    assert consumed == [
        "Boats in the bay / Example Photo Agency",
        "Jane Doe/AFP",
        "The harbour at dawn. Jane Doe/AFP",
    ]


def test_jsonld_image_object_fills_a_missing_caption_and_credit() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", "image":'
        ' {"@type": "ImageObject", "url": "https://example.com/img/a.jpg?w=1200", "caption": "Fans &quot;cheer&quot;",'
        ' "author": {"@type": "Person", "name": "Max Muster"}}}</script></head>'
        '<body><h1>T</h1><figure><img src="/img/a.jpg?w=320"></figure></body></html>'
    )
    article = extract_article(html, "https://example.com/a")
    assert article.images == [Image(url="https://example.com/img/a.jpg?w=320", caption='Fans "cheer"', credit="Max Muster")]


def test_a_lazy_image_with_its_noscript_copy_is_one_picture_with_its_caption() -> None:
    html = (
        '<html><body><article><h1>T</h1><div class="image-block"><img class="lazyload" src="data:image/gif;base64,R0lGOD"'
        ' data-src="/media/talks.jpg" alt="Talks"><noscript><img src="/media/talks.jpg" alt="Talks"></noscript>'
        '<div class="caption">Negotiators leave the talks. <span class="credit">AFP</span></div></div><p>Text.</p>'
        "</article></body></html>"
    )
    [image] = extract_article(html, "https://example.com/a").images
    assert (image.url, image.caption, image.credit) == ("https://example.com/media/talks.jpg", "Negotiators leave the talks.", "AFP")
