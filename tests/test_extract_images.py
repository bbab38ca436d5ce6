"""Images: every article picture with caption, credit and alt; teasers left out; captions kept out of the body."""

from __future__ import annotations

import pytest

from newsspider.extract import extract_article, images, parse_page
from newsspider.extract.text import element_text
from newsspider.items import Article, Image


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


@pytest.mark.parametrize(
    ("figure", "declared"),
    [
        ("/uploads/2026/05/459163063-scaled-750x412.jpg", "/uploads/2026/05/459163063-scaled.jpg"),  # an id, another size
        ("/cms/news.a5dac8b442e34905b98a743f723995be_P1.png", "/cms/news.a5dac8b442e34905b98a743f723995be_R.png"),  # a hash
        ("/uploads/686/384/fbi-director-christopher-wray.jpg", "/uploads/931/523/fbi-director-christopher-wray.jpg"),
    ],
)
def test_the_declared_image_in_another_rendition_of_a_figure_is_that_figure(figure: str, declared: str) -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", "image":'
        f' "https://example.com{declared}"}}</script></head><body><article><h1>T</h1><figure><img src="{figure}">'
        "<figcaption>Divers search the harbour. Photo: Jane Doe</figcaption></figure></article></body></html>"
    )
    article = extract_article(html, "https://example.com/a")
    assert [image.url for image in article.images] == [f"https://example.com{figure}"]


def test_pictures_that_share_only_a_size_a_date_or_a_word_are_apart() -> None:
    files = ("/2025/photo-2048x1152.jpg", "/2025/other-2048x1152.jpg", "/20250602_a.jpg", "/20250602_b.jpg", "/large.jpg")
    figures = "".join(f'<figure><img src="/x{name}"></figure>' for name in files)
    declared = ", ".join(f'"https://example.com/y{name}"' for name in ("/happyface313-1.jpg", "/happyface313-2.jpg"))
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", "image":'
        f" [{declared}, \"https://example.com/z/large.jpg\"]}}</script></head><body><article><h1>T</h1>{figures}</article></body></html>"
    )
    article = extract_article(html, "https://example.com/a")
    assert [image.url for image in article.images] == [  # the figures in page order, then the declared images
        *(f"https://example.com/x{name}" for name in files),
        "https://example.com/y/happyface313-1.jpg", "https://example.com/y/happyface313-2.jpg", "https://example.com/z/large.jpg",
    ]


def test_a_lazy_image_with_its_noscript_copy_is_one_picture_with_its_caption() -> None:
    html = (
        '<html><body><article><h1>T</h1><div class="image-block"><img class="lazyload" src="data:image/gif;base64,R0lGOD"'
        ' data-src="/media/talks.jpg" alt="Talks"><noscript><img src="/media/talks.jpg" alt="Talks"></noscript>'
        '<div class="caption">Negotiators leave the talks. <span class="credit">AFP</span></div></div><p>Text.</p>'
        "</article></body></html>"
    )
    [image] = extract_article(html, "https://example.com/a").images
    assert (image.url, image.caption, image.credit) == ("https://example.com/media/talks.jpg", "Negotiators leave the talks.", "AFP")


def page_images(body: str) -> list[tuple[str | None, str | None, str | None]]:
    article = extract_article(f"<html><body><article><h1>T</h1>{body}<p>Text.</p></article></body></html>", "https://example.com/a")
    return [(image.url, image.caption, image.credit) for image in article.images]


def test_an_amp_image_with_its_figcaption_beside_the_figure() -> None:
    body = (
        '<div class="image-container"><figure><amp-img src="/img/devon.jpg" layout="fill"></amp-img></figure>'
        '<figcaption class="image__caption"><span class="caption">Police in Plymouth</span></figcaption></div>'
    )
    assert page_images(body) == [("https://example.com/img/devon.jpg", "Police in Plymouth", None)]


def test_a_cite_in_the_caption_is_the_credit() -> None:
    body = '<figure><img src="/img/court.jpg"><figcaption><p>Trump left after an hour. <cite>AP</cite></p></figcaption></figure>'
    assert page_images(body) == [("https://example.com/img/court.jpg", "Trump left after an hour.", "AP")]


def test_a_description_block_with_embedded_json_ld_is_a_picture_block_and_its_copies_count_once() -> None:
    body = (
        '<div class="media"><script type="application/ld+json">{"@type": "ImageObject", "description": "'
        + "x" * 300
        + '"}</script><img src="/img/demo.jpg" title="Firefighters protest | Bildquelle: WDR / Biernat">'
        '<div class="mediaInfo"><p class="infotext">Firefighters protest in Essen</p>'
        '<p class="img-description">Firefighters protest in Essen</p></div></div>'
    )
    assert page_images(body) == [("https://example.com/img/demo.jpg", "Firefighters protest in Essen", "WDR / Biernat")]


def test_buttons_with_caption_like_classes_are_not_captions() -> None:
    body = (
        '<div class="player"><img src="/img/still.jpg"><ul><li><button class="text-subtitle1">Facebook</button></li>'
        '<li><button class="text-subtitle1">E-Mail</button></li></ul></div>'
    )
    assert page_images(body) == []


def test_audio_player_stills_and_banner_pictures_are_not_article_images() -> None:
    body = (
        '<figure class="contentHeader__lead"><img src="/img/podcast.jpg"><figcaption>Audio: the job drive explained</figcaption>'
        '<div class="audioElement js-audio-ondemand"></div></figure>'
        '<div class="sports-banner__event"><img src="/img/rifle.png"><div class="caption">50 metre rifle</div></div>'
        '<figure><img src="/img/harbour.jpg"><figcaption>The harbour at dawn.</figcaption></figure>'
    )
    assert page_images(body) == [("https://example.com/img/harbour.jpg", "The harbour at dawn.", None)]


def test_a_lazy_loaders_own_attribute_and_a_placeholder_file_give_way_to_the_real_source() -> None:
    body = (
        '<figure><img src="data:image/svg+xml;base64,PHN2Zz4=" data-flickity-lazyload="/img/slide.jpg" data-lazy="true">'
        "<figcaption>A supporter cheers in Johnstown.</figcaption></figure>"
        '<figure><div><img src="/assets/lazy_placeholder.gif"><noscript><img src="/img/hall.jpg"></noscript></div>'
        "<figcaption>Workers in the hall.</figcaption></figure>"
    )
    assert page_images(body) == [
        ("https://example.com/img/slide.jpg", "A supporter cheers in Johnstown.", None),
        ("https://example.com/img/hall.jpg", "Workers in the hall.", None),
    ]


def test_one_photo_under_two_captions_is_two_images_but_an_icon_under_many_is_decoration() -> None:
    body = (
        '<figure><img src="/img/smoke.jpg?w=1600"><figcaption>Firefighters at the hall.</figcaption></figure>'
        '<figure><img src="/img/smoke.jpg?w=800"><figcaption>Smoke rises into the sky.</figcaption></figure>'
        + "".join(f'<figure><img src="/icons/tech.png"><figcaption>Conference in {city}</figcaption></figure>' for city in ("Rome", "Oslo", "Lima"))
    )
    assert [caption for _, caption, _ in page_images(body)] == ["Firefighters at the hall.", "Smoke rises into the sky."]


def test_a_json_ld_image_reference_is_followed_and_its_caption_credit_split() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "headline": "T",'
        ' "image": {"@id": "https://example.com/a#primaryimage"}}, {"@type": "ImageObject", "@id": "https://example.com/a#primaryimage",'
        ' "url": "https://example.com/img/icj.jpg", "caption": "Hearings began on Monday. (Photo: UN Photo / Frank van Beek)"}]}'
        "</script></head><body><h1>T</h1><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://example.com/a").images == [
        Image(url="https://example.com/img/icj.jpg", caption="Hearings began on Monday.", credit="UN Photo / Frank van Beek")
    ]


def test_each_figure_of_a_gallery_and_a_bare_picture_before_its_figcaption() -> None:
    body = (
        '<figure class="gallery"><ul><li><figure><img src="/img/a.jpg"><figcaption>The launch site.'
        ' <span class="credit">Etlaq</span></figcaption></figure></li><li><figure><img src="/img/b.jpg">'
        '<figcaption>The offices in Muscat. <span class="credit">Eman Ali</span></figcaption></figure></li></ul></figure>'
        '<picture><img src="/img/bike.jpg"></picture><figcaption><span>Lowes rides a strong season, Foto: LAT Images</span></figcaption>'
    )
    assert page_images(body) == [
        ("https://example.com/img/a.jpg", "The launch site.", "Etlaq"),
        ("https://example.com/img/b.jpg", "The offices in Muscat.", "Eman Ali"),
        ("https://example.com/img/bike.jpg", "Lowes rides a strong season", "LAT Images"),
    ]


def test_a_picture_web_component_with_its_caption_block() -> None:
    body = (
        '<div class="image-wrap"><brick-image-v3 data-src="/img/visit.jpeg" data-alt-text=""></brick-image-v3>'
        '<div class="article-img-caption-wrap"><span>VISIT: The manager came by.</span>'
        '<span class="image-photographer">Foto: Vilde Holta</span></div></div>'
    )
    assert page_images(body) == [("https://example.com/img/visit.jpeg", "VISIT: The manager came by.", "Vilde Holta")]


def test_an_unmarked_caption_repeating_the_alt_counts_only_with_a_credit_and_outside_cards() -> None:
    alt = "Uwe Schubert wants to collect as many points as possible"
    body = (
        f'<div class="picture"><picture><img src="/img/coach.jpg" alt="{alt}."></picture><p>{alt}. <span>IMAGO/Nico Herbertz</span></p></div>'
        f'<div class="card"><img src="/img/fire-pit.jpg" alt="Summit 24 inch Fire Pit"><p>Summit 24 inch Fire Pit</p></div>'
        f'<div class="card"><a href="/story"></a><img src="/img/story.jpg" alt="Minister resigns after the vote"><div>Minister resigns after the vote (AFP)</div></div>'
    )
    assert page_images(body) == [("https://example.com/img/coach.jpg", f"{alt}.", "IMAGO/Nico Herbertz")]


def test_a_picture_linked_to_its_viewer_is_an_article_image_but_one_linked_to_a_story_is_a_teaser() -> None:
    body = (
        '<figure><a href="/articles/image/sports/367061/287149"><img src="/img/team.jpg"><figcaption>The national team.'
        "</figcaption></a></figure>"
        '<div class="mediaCon" data-ctrl-lightbox-entry="image"><a href="/gallery-114.html"><img src="/img/hall.jpg"></a>'
        '<span class="mediaSubtitle">Many hands at work in the hall.</span></div>'
        '<figure><a href="/sport/other-story"><img src="/img/other.jpg"></a><figcaption>Another story</figcaption></figure>'
    )
    assert [caption for _, caption, _ in page_images(body)] == ["The national team.", "Many hands at work in the hall."]


def test_an_icon_sized_picture_is_not_an_article_image_and_a_bare_img_takes_its_figcaption() -> None:
    body = (
        '<div class="next-story-description"><img src="/images/arrow.png" width="24" height="20"><span>Next: a story</span></div>'
        '<img src="/img/gaza.jpg" width="1200" height="800"><figcaption>Doctors examine an injured child.</figcaption>'
    )
    assert page_images(body) == [("https://example.com/img/gaza.jpg", "Doctors examine an injured child.", None)]


def caption_and_credit(figure: str) -> tuple[str | None, str | None]:
    html = f'<html><body><article>{figure}<p>Body text.</p></article></body></html>'
    image = extract_article(html, "https://example.com/news/story").images[0]
    return image.caption, image.credit


def test_a_caption_reads_inline_markup_as_one_word_and_css_set_apart_parts_as_two() -> None:
    drop_cap = '<figure><img src="/a.jpg"><figcaption><span class="initial">C</span>ycle lanes in Paris</figcaption></figure>'
    assert caption_and_credit(drop_cap) == ("Cycle lanes in Paris", None)
    # React captions write caption and credit as sibling spans and space them with CSS only.
    spans = '<figure><img src="/a.jpg"><figcaption><span>Rest helps you recover.</span><span>Unsplash/Kelly Sikkema</span></figcaption></figure>'
    assert caption_and_credit(spans) == ("Rest helps you recover.", "Unsplash/Kelly Sikkema")


def test_invisible_hyphenation_hints_are_dropped_from_captions_and_credits_but_joiners_stay() -> None:
    figure = (
        '<figure><img src="/a.jpg"><figcaption>Der Ort St. Mag\u00adda\u00adle\u00adna und die Stadt Bozen.'
        '<span class="credit">Süd\u00adti\u00adrol Wein\ufeff / Tiberio</span></figcaption></figure>'
    )
    assert caption_and_credit(figure) == ("Der Ort St. Magdalena und die Stadt Bozen.", "Südtirol Wein / Tiberio")
    persian = '<figure><img src="/a.jpg"><figcaption>Tehran.<span class="credit">عکس\u200cها: ایسنا</span></figcaption></figure>'
    assert caption_and_credit(persian) == ("Tehran.", "عکس\u200cها: ایسنا")


def test_figures_resolve_against_the_base_href() -> None:
    html = (
        '<html><head><base href="https://cdn.example.org/media/"></head><body><article><h1>Flood</h1>'
        '<figure><img src="a.jpg"><figcaption>The river at dawn.</figcaption></figure>'
        '<figure><img src="/b.jpg"><figcaption>The bridge at noon.</figcaption></figure></article></body></html>'
    )
    article = extract_article(html, "https://news.example.com/2024/flood")
    assert [image.url for image in article.images] == ["https://cdn.example.org/media/a.jpg", "https://cdn.example.org/b.jpg"]


def test_a_base_href_with_a_malformed_host_is_ignored_as_browsers_ignore_it() -> None:
    html = (
        '<html><head><base href="http://[url]/"></head><body><article><h1>Flood</h1>'
        '<figure><img src="a.jpg"><figcaption>The river at dawn.</figcaption></figure></article></body></html>'
    )
    article = extract_article(html, "https://news.example.com/2024/flood")
    assert [image.url for image in article.images] == ["https://news.example.com/2024/a.jpg"]


def test_a_description_is_a_caption_only_in_a_figure_or_with_a_photo_credit() -> None:
    body = (
        '<div class="product-card"><img src="/img/lamp.jpg" alt="Lamp">'
        '<div class="product-description">A warm lamp that answers to your voice and dims itself at night.</div></div>'
        '<div class="carousel-slide"><img src="/img/rally.jpg" alt="Rally">'
        '<span class="slide-infoDescription"><p>Supporters cheer at the rally. (AP Photo/Evan Vucci)</p></span></div>'
        '<figure><img src="/img/bay.jpg"><div class="description">Boats in the bay</div></figure>'
    )
    assert page_images(body) == [
        ("https://example.com/img/rally.jpg", "Supporters cheer at the rally.", "AP Photo/Evan Vucci"),
        ("https://example.com/img/bay.jpg", "Boats in the bay", None),
    ]


def test_an_entry_that_gains_a_caption_from_its_twin_is_then_found_by_that_caption() -> None:
    entries = [
        Image(url="https://example.com/a.jpg"),
        Image(url="https://example.com/a.jpg?w=800", caption="The bridge at dawn.", credit="AFP"),
        Image(url="https://cdn.example.com/share/b.jpg", caption="The bridge at dawn."),
    ]
    merged = images.merge_images(entries)
    assert [(image.url, image.caption, image.credit) for image in merged] == [
        ("https://example.com/a.jpg", "The bridge at dawn.", "AFP")
    ]


def test_a_picture_served_converted_is_the_same_picture() -> None:
    """fundus-dev TechRadar: the figure's file is served as "…-1200-80.jpg.webp", the JSON-LD names "…-1200-80.jpg"
    with a caption; that is one picture, captioned, not two."""
    entries = [
        Image(url="https://cdn.example.net/rERQRhw7xajcatmufxPXAM-1200-80.jpg.webp", credit="Google"),
        Image(url="https://cdn.example.net/rERQRhw7xajcatmufxPXAM-1200-80.jpg", caption="Google search"),
    ]
    merged = images.merge_images(entries)
    assert [(image.url, image.caption, image.credit) for image in merged] == [
        ("https://cdn.example.net/rERQRhw7xajcatmufxPXAM-1200-80.jpg.webp", "Google search", "Google")
    ]


def test_each_picture_of_a_large_gallery_is_kept_once_in_page_order() -> None:
    entries = [Image(url=f"https://example.com/g/{n}.jpg", caption=f"Picture {n}") for n in range(2000)]
    entries += [Image(url=f"https://example.com/g/{n}.jpg?w=300") for n in range(0, 2000, 7)]
    merged = images.merge_images(entries)
    assert [image.url for image in merged] == [f"https://example.com/g/{n}.jpg" for n in range(2000)]


def test_a_srcset_descriptor_without_a_number_does_not_stop_the_page() -> None:
    html = """<html><body><h1>T</h1><figure><img srcset="/img/a.jpg 1.5.0w, /img/b.jpg 300w">
<figcaption>Boats in the bay at dawn</figcaption></figure></body></html>"""
    article = extract_article(html, "https://news.example/story/")
    assert [(image.url, image.caption) for image in article.images] == [("https://news.example/img/b.jpg", "Boats in the bay at dawn")]


def test_a_size_written_in_superscript_digits_does_not_stop_the_page() -> None:
    html = """<html><body><h1>T</h1><figure><img src="/img/a.jpg" width="²" height="²">
<figcaption>Boats in the bay at dawn</figcaption></figure></body></html>"""
    article = extract_article(html, "https://news.example/story/")
    assert [image.url for image in article.images] == ["https://news.example/img/a.jpg"]


def test_a_picture_source_with_a_malformed_host_does_not_stop_the_page() -> None:
    html = """<html><body><h1>T</h1><figure><img data-src="http://[url]/a.jpg" src="/img/b.jpg">
<figcaption>Boats in the bay at dawn</figcaption></figure></body></html>"""
    article = extract_article(html, "https://news.example/story/")
    assert [image.caption for image in article.images] == ["Boats in the bay at dawn"]
