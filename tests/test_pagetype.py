"""is_article on saved real pages: articles pass; product, collection, listing, forum and docs pages do not."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone
from pathlib import Path

import lxml.html
import pytest

from newsspider import extract_article
from newsspider.extract import parse_page
from newsspider.extract.pagetype import (
    WEIGHTS,
    declared_clues,
    external_link_count,
    extracted_clues,
    layout_clues,
    page_clues,
    repeated_blocks,
    slug_word_count,
    url_clues,
)
from newsspider.items import Article

PAGES = Path(__file__).parent / "pages" / "body"

SAVED_PAGES = [
    ("wcxb-0414.html.gz", "https://sam.bossley.com/thoughts/25/08/thoughts-on-zig", True),
    ("wcxb-0437.html.gz", "https://www.coryd.dev/posts/2021/a-brief-intro-to-git", True),
    # No JSON-LD article, no og:type article, no article:published_time: the page itself has to tell.
    ("wcxb-0118.html.gz", "https://www.accountingdepartment.com/gaap-compliance-applying-accounting-best-practices-to-your-business", True),
    # German news items filed under "/Presse/Meldungen/" and "/media-news/meldungen/": no declared type either.
    ("traf-bmas-meldung.html.gz", "https://www.bmas.de/DE/Service/Presse/Meldungen/2022/aenderung-der-anforderungen-an-impf-und-genesenennachweisen.html", True),
    ("traf-weisser-ring-meldung.html.gz", "https://weisser-ring.de/media-news/meldungen/29-10-2021", True),
    ("aeb-sciencealert-europa.html.gz", "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa", True),
    ("wcxb-4736.html.gz", "https://www.anthropologie.com/collection-decorative-candles", False),
    ("wcxb-4720.html.gz", "https://www.aliexpress.com/item/1005010537563439.html", False),
    ("wcxb-4632.html.gz", "https://confessionsofafitfoodie.com/category/recipes/cooking-method/airfryer/", False),
    ("wcxb-0545.html.gz", "https://discussion.evernote.com/forums/topic/150745-new-ui-2024/", False),
    ("wcxb-0661.html.gz", "https://docs.djangoproject.com/en/5.1/ref/middleware/", False),
]


def saved_page(name: str) -> bytes:
    return gzip.open(PAGES / name, "rb").read()


@pytest.mark.parametrize(("name", "url", "is_article"), SAVED_PAGES)
def test_is_article_on_saved_pages(name: str, url: str, is_article: bool) -> None:
    assert extract_article(saved_page(name), url).is_article is is_article


def test_every_clue_has_a_weight_and_stays_in_the_unit_range() -> None:
    name, url, _ = SAVED_PAGES[0]
    page = parse_page(saved_page(name), url)
    clues = page_clues(page, extract_article(saved_page(name), url))
    assert set(clues) == set(WEIGHTS)
    assert all(0.0 <= value <= 1.0 for value in clues.values())


def test_an_empty_page_is_not_an_article() -> None:
    page = parse_page("<html><head><title>Home</title></head><body><p>Welcome.</p></body></html>", "https://example.com/")
    assert set(page_clues(page, Article(url=page.url))) == set(WEIGHTS)
    assert extract_article("<html><body><p>Welcome.</p></body></html>", "https://example.com/").is_article is False


def test_blog_post_body_keeps_its_first_and_last_paragraphs_and_drops_the_headline() -> None:
    article = extract_article(saved_page("wcxb-0437.html.gz"), "https://www.coryd.dev/posts/2021/a-brief-intro-to-git")
    paragraphs = (article.body or "").split("\n\n")
    assert paragraphs[0].startswith("As a developer, a version control system is a critical part of your toolkit")
    assert paragraphs[-1].endswith("There are a number of other options I'd suggest for learning more about git:")


def test_url_shapes() -> None:
    assert url_clues("https://example.com/")["url_home"] == 1.0
    assert url_clues("https://example.com/?p=2895")["url_home"] == 0.0  # a WordPress post, not the home page
    assert url_clues(None)["url_home"] == 1.0
    assert url_clues("https://example.com/2024/05/council-approves-new-budget")["url_date"] == 1.0
    assert url_clues("https://example.com/blog/why-rust-for-embedded-systems")["url_article"] == 1.0
    # News sections named in other languages, or in a part of a compound segment.
    assert url_clues("https://example.de/presse/meldungen/neue-regeln-fuer-impfnachweise")["url_article"] == 1.0
    assert url_clues("https://example.es/noticias/el-ayuntamiento-aprueba-el-presupuesto")["url_article"] == 1.0
    assert url_clues("https://example.gov/news-and-updates/alerts/electrical-safety")["url_article"] == 1.0
    assert url_clues("https://example.com/support-services/security-consulting/")["url_service"] == 1.0
    assert url_clues("https://example.com/products/blue-kettle")["url_shop"] == 1.0
    assert url_clues("https://docs.example.com/en/stable/install.html")["host_docs"] == 1.0
    assert url_clues("https://example.com/forums/topic/150745-new-ui/")["url_forum"] == 1.0
    # Forum sections count only as whole segments: their short names turn up in compound ones.
    assert url_clues("https://example.com/t-shirts/blue-cotton-tee")["url_forum"] == 0.0
    assert url_clues("https://example.gov.au/topic-library/computer-basics/what-is-a-browser")["url_forum"] == 0.0
    assert url_clues("https://example.com/news/")["url_ends_in_section"] == 1.0
    # A section's own front page is not a page filed under it.
    assert url_clues("https://example.com/news")["url_article"] == 0.0
    assert url_clues("https://example.com/shop/")["url_shop"] == 0.0
    # /p/ files newsletter and blog posts (Substack), not products.
    assert url_clues("https://example.substack.com/p/why-the-council-cut-the-budget")["url_shop"] == 0.0
    assert slug_word_count("/news/how-to-plant-tulips.html") == 4


def cards(count: int, words_each: int, link: bool) -> str:
    text = " ".join(["mot"] * words_each)
    inner = f'<a href="/story-{{}}">{text}</a>' if link else f"<p>{text}</p>"
    return "".join(f'<div class="card">{inner.format(index)}</div>' for index in range(count))


def test_repeated_blocks_count_teasers_and_posts_in_any_language() -> None:
    listing = lxml.html.fromstring(f"<html><body><main>{cards(12, 10, link=True)}</main></body></html>")
    thread = lxml.html.fromstring(f"<html><body><main>{cards(6, 60, link=False)}</main></body></html>")
    story = lxml.html.fromstring("<html><body><article>" + "<p>" + "mot " * 60 + "</p>" + "</article></body></html>")
    assert repeated_blocks(listing.body) == (12, 0)
    assert repeated_blocks(thread.body) == (0, 6)
    assert repeated_blocks(story.body) == (0, 0)


def test_layout_clues_read_structure_not_words() -> None:
    prose = "<p>" + "palabra " * 30 + "</p>"
    page = parse_page(
        f'<html><head><link rel="next" href="/page/2"></head><body><article><h1>Título</h1>{prose * 3}</article></body></html>',
        "https://example.es/noticias/2024/05/un-titulo-largo-de-noticia",
    )
    clues = layout_clues(page, Article(url=page.url, title="Título"))
    assert clues["headline_in_article"] == 1.0
    assert clues["rel_next"] == 1.0
    assert clues["prose_share"] > 0.9
    teaser = parse_page('<html><body><h1>Tag: budget</h1><article><h2><a href="/a">Budget passes</a></h2></article></body></html>', page.url)
    assert layout_clues(teaser, Article(url=page.url))["headline_in_article"] == 0.0


def test_a_listing_section_counts_only_as_the_end_of_a_url() -> None:
    assert url_clues("https://example.com/blog/tag/")["url_ends_in_section"] == 1.0
    assert url_clues("https://example.com/category/budget-vote-passes")["url_ends_in_section"] == 0.0
    assert "url_listing" not in url_clues("https://example.com/tag/budget/")


def dated_post(index: int, text: str) -> str:
    return f'<div class="post {"odd" if index % 2 else "even"}"><span>2024-08-{index + 10:02d} 14:03</span><p>{text}</p></div>'


def test_a_thread_starts_in_one_of_its_dated_posts_but_a_story_starts_before_its_comments() -> None:
    opening = "primer mensaje " * 15
    replies = "".join(dated_post(index, "respuesta número " * 10) for index in range(1, 4))
    thread = parse_page(f"<html><body><main>{dated_post(0, opening)}{replies}</main></body></html>", "https://example.es/t/1")
    assert layout_clues(thread, Article(url=thread.url, body=opening))["body_in_posts"] == 1.0
    story_text = "texto de la noticia " * 15
    story = parse_page(
        f"<html><body><article><p>{story_text}</p></article><section>{replies}{dated_post(4, 'otro ' * 30)}</section></body></html>",
        "https://example.es/noticias/un-titulo",
    )
    assert layout_clues(story, Article(url=story.url, body=story_text))["body_in_posts"] == 0.0


def test_a_thread_whose_posts_write_their_dates_in_words_is_found_by_the_marked_moment() -> None:
    def post(index: int, text: str, mark: str) -> str:
        return f'<li class="message"><span class="DateTime" {mark}>{index + 10} de enero</span><p>{text}</p></li>'

    opening = "primer mensaje " * 15
    for mark, expected in (('data-time="1704067200"', 1.0), ('title="enero"', 0.0)):
        posts = post(0, opening, mark) + "".join(post(index, "respuesta número " * 10, mark) for index in range(1, 4))
        thread = parse_page(f"<html><body><ol>{posts}</ol></body></html>", "https://example.es/threads/1")
        assert layout_clues(thread, Article(url=thread.url, body=opening))["body_in_posts"] == expected


def test_a_dated_page_speaks_for_an_article() -> None:
    dated = Article(url="https://example.com/a", published_at=datetime(2024, 5, 1, tzinfo=timezone.utc))
    assert extracted_clues(dated)["published"] == 1.0
    assert extracted_clues(Article(url="https://example.com/a"))["published"] == 0.0
    assert WEIGHTS["published"] > 0


def test_a_thread_built_from_custom_elements_starts_in_one_of_its_posts() -> None:
    def post(index: int, text: str) -> str:
        return f'<forum-post><time datetime="2024-08-1{index}">1{index}.08.</time><p>{text}</p></forum-post>'

    opening = "primer mensaje " * 15
    replies = "".join(post(index, "respuesta número " * 10) for index in range(1, 4))
    thread = parse_page(f"<html><body><main>{post(0, opening)}{replies}</main></body></html>", "https://example.es/t/1")
    assert layout_clues(thread, Article(url=thread.url, body=opening))["body_in_posts"] == 1.0


def test_share_buttons_and_links_to_other_sites_speak_for_a_story() -> None:
    links = (
        '<a href="https://www.facebook.com/sharer/sharer.php?u=x">f</a><a href="https://twitter.com/intent/tweet?url=x">t</a>'
        '<a href="mailto:?subject=x">m</a><a href="https://other.org/study">Studie</a><a href="//cdn.example.de/a.pdf">a</a>'
        '<a href="/ressort/politik">p</a><a href="https://example.de/impressum">i</a>'
    )
    page = parse_page(f"<html><body><article><p>Text</p>{links}</article></body></html>", "https://www.example.de/a")
    clues = layout_clues(page, Article(url=page.url))
    assert clues["share_links"] > 0.4
    assert clues["external_links"] > 0.3
    plain = parse_page('<html><body><p>Text</p><a href="/kontakt">k</a></body></html>', page.url)
    assert layout_clues(plain, Article(url=page.url))["share_links"] == 0.0
    # The page's own host and its subdomains are not other sites; relative links are not either.
    assert external_link_count(["https://example.de/a", "//cdn.example.de/b", "/c", "https://other.org/d"], "www.example.de") == 1
    assert WEIGHTS["share_links"] > 0 and WEIGHTS["external_links"] > 0


def test_a_meta_author_speaks_for_a_story() -> None:
    named = parse_page('<html><head><meta name="author" content="Ana Ruiz"></head><body><p>Texto</p></body></html>', "https://example.es/a")
    tagged = parse_page('<html><head><meta property="article:author" content="https://example.es/ana"></head><body></body></html>', named.url)
    plain = parse_page("<html><head></head><body><p>Texto</p></body></html>", named.url)
    assert declared_clues(named)["meta_author"] == declared_clues(tagged)["meta_author"] == 1.0
    assert declared_clues(plain)["meta_author"] == 0.0
    assert WEIGHTS["meta_author"] > 0


def test_a_thread_links_many_posters_and_a_story_its_one_writer() -> None:
    posters = "".join(f'<a href="/members/{name}">{name}</a><a href="/members/{name}#posts">+</a>' for name in ("ana", "ben", "cem", "dai"))
    thread = parse_page(f"<html><body>{posters}</body></html>", "https://forum.example.org/t/1")
    writer = "".join('<a href="/profile/ana">Ana</a>' for _ in range(8))
    story = parse_page(f"<html><body>{writer}</body></html>", "https://example.org/news/a")
    assert layout_clues(thread, Article(url=thread.url))["profile_people"] > 0.4
    assert layout_clues(story, Article(url=story.url))["profile_people"] < 0.25 < layout_clues(story, Article(url=story.url))["profile_links"]
    assert WEIGHTS["profile_people"] < 0
