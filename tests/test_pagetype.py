"""is_article on saved real pages: articles pass, product and collection pages do not."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newsspider import extract_article
from newsspider.extract.pagetype import slug_word_count, url_evidence

PAGES = Path(__file__).parent / "pages" / "body"


@pytest.mark.parametrize(
    ("name", "url", "is_article"),
    [
        ("wcxb-0414.html.gz", "https://sam.bossley.com/thoughts/25/08/thoughts-on-zig", True),
        ("wcxb-0437.html.gz", "https://www.coryd.dev/posts/2021/a-brief-intro-to-git", True),
        ("wcxb-4736.html.gz", "https://www.anthropologie.com/collection-decorative-candles", False),
        ("wcxb-4720.html.gz", "https://www.aliexpress.com/item/1005010537563439.html", False),
        ("aeb-sciencealert-europa.html.gz", "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa", True),
    ],
)
def test_is_article_on_saved_pages(name: str, url: str, is_article: bool) -> None:
    article = extract_article(gzip.open(PAGES / name, "rb").read(), url)
    assert article.is_article is is_article


def test_blog_post_body_keeps_its_first_and_last_paragraphs_and_drops_the_headline() -> None:
    article = extract_article(
        gzip.open(PAGES / "wcxb-0437.html.gz", "rb").read(), "https://www.coryd.dev/posts/2021/a-brief-intro-to-git"
    )
    paragraphs = (article.body or "").split("\n\n")
    assert paragraphs[0].startswith("As a developer, a version control system is a critical part of your toolkit")
    assert paragraphs[-1].endswith("There are a number of other options I'd suggest for learning more about git:")


def test_url_shapes() -> None:
    assert url_evidence("https://example.com/") < 0
    assert url_evidence("https://example.com/products/blue-kettle") < 0
    assert url_evidence("https://example.com/2024/05/council-approves-new-budget-for-schools") > 0
    assert url_evidence("https://example.com/blog/why-rust-for-embedded-systems") > 0
    assert url_evidence(None) < 0
    assert slug_word_count("/news/how-to-plant-tulips.html") == 4
