"""Bylines: person names from JSON-LD, meta and the visible byline; agencies kept apart."""

from __future__ import annotations

import pytest

from newsspider.extract import extract_article
from newsspider.extract.credits import parse_byline


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Ilham Karimli July 25, 2023", ["Ilham Karimli"]),
        ("Nicole Forbes, Master Horticulturalist & Garden Educator", ["Nicole Forbes"]),  # titles, not people
        ("Samer Morqos, Counseling Psychologist", ["Samer Morqos"]),
        ("More articles by Jane Doe", ["Jane Doe"]),  # a "see more" link names the writer
        ("By Jane Doe and John Smith", ["Jane Doe", "John Smith"]),
        ("By Jane Doe, John Smith and Ann Lee, Senior Correspondents", ["Jane Doe", "John Smith", "Ann Lee"]),
        ("By Jane Doe jane.doe@example.com @janedoe", ["Jane Doe"]),
        ("Updated By Jane Doe", ["Jane Doe"]),
        ("Von Max Mustermann, Berlin", ["Max Mustermann"]),
        ("Ein Artikel von Pamela Sladky | 27.01.2022 - 12:45", ["Pamela Sladky"]),
        ("신현주 기자", ["신현주"]),
        ("By Marco Bellini, Theatre Critic", ["Marco Bellini"]),
        ("Associated Press in Valencia", ["Associated Press"]),
        ("Reuters in London", ["Reuters"]),
        ("Get in touch", []),  # a word alone before "in" is a phrase's
        ("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)", ["Eberhard Fuhr"]),  # a job title in brackets
        ("Deutsche Welle (www.dw.com)", []),  # a word alone in brackets stays the name's: no person's
        ("Gesponserte Inhalte", []),  # sponsored content, as "Sponsored" is
        ("By Maria & Katerina", ["Maria & Katerina"]),  # first names joined are one credit
        ("Linny and Peter", ["Linny and Peter"]),
        ("AFP, dpa", ["AFP", "dpa"]),
        ("김철수, 이영희", ["김철수", "이영희"]),
        ("Human in the Loop", []),
        ("Euronews with Agencies", ["Euronews"]),
        ("Author: Jane Doe", ["Jane Doe"]),
        ("Text by Hunter Dukes", ["Hunter Dukes"]),
        ('By clicking "Join" you agree to our Terms and Privacy Policy', []),
        ("Powered by", []),
        ("By Price", []),
        ("By Collection", []),
        ("From Apple", []),
        ("By Webmaster", []),
        ("NOC Admin", []),  # a site's account, not a writer
        ("MDR THÜRINGEN Stand", ["MDR THÜRINGEN"]),
        ("Jane Doe Chief Political Editor", ["Jane Doe"]),
        ("Preetam Jinka Co-founder", ["Preetam Jinka"]),
        ("By Brett Cruz , Privacy and Digital Security Expert", ["Brett Cruz"]),
        ("Posted by BeauHD on Friday December 19, 2025 @08:00PM", ["BeauHD"]),
        ("Von Max Mustermann am 3. Mai 2024", ["Max Mustermann"]),
        ("Posted on September 21, 2020 by Adi Tzlil", ["Adi Tzlil"]),
        ("By Nathan Parker and Kiran C Nair - Chrome Safe Browsing team", ["Nathan Parker", "Kiran C Nair", "Chrome Safe Browsing team"]),
        ("Lori Campbell says:", []),
        ("L-MAG – Das Magazin für Lesben", ["L-MAG"]),
        ("Erstellt von Andri Bryner", ["Andri Bryner"]),
        ("Inga Hoeltmann Follow", ["Inga Hoeltmann"]),
        ("Artikel von", []),
        ("Publiziert am", []),
        ("Johanna Kropfitsch Alle Artikel", ["Johanna Kropfitsch"]),
        ("Text von Christian Seiler Illustration von Markus Roost", ["Christian Seiler"]),
        ("By Jane Doe Photos by John Smith", ["Jane Doe"]),
        ("Von Max Mustermann Fotos: Erika Muster", ["Max Mustermann"]),
        ("By Haley Hoekstra • March 12, 2025", ["Haley Hoekstra"]),
        ("Jane Doe · John Smith", ["Jane Doe", "John Smith"]),
        ("Dec. 19, 2025 · Niko Matsakis on behalf of Vision Doc group", ["Niko Matsakis"]),
        ("Richard David Precht im Gespräch mit Karin Fischer", ["Richard David Precht", "Karin Fischer"]),
        ("This post was written by Danielle Padula, Head of Marketing and Community Development", ["Danielle Padula"]),
        ("Bayerische Landesanstalt für Wald und Forstwirtschaft - LWF", []),
        ("March 15, 2022 · 3 min read · By ASU Online", ["ASU Online"]),
        ("Redaktion: Roman Warschauer und Marcel Sommer", ["Roman Warschauer", "Marcel Sommer"]),
    ],
)
def test_parse_byline(byline: str, names: list[str]) -> None:
    assert parse_byline(byline) == names


def page(body: str, head: str = "") -> str:
    return f"<html><head><title>A headline</title>{head}</head><body><article><h1>A headline</h1>{body}</article></body></html>"


def authors_of(body: str, head: str = "", url: str = "https://example.com/a") -> list[str]:
    """The authors extracted from a page around `body`."""
    return extract_article(page(body, head), url).authors


@pytest.mark.parametrize(
    ("byline", "authors", "publisher"),
    [
        ("By Jane Doe, Anadolu Ajansı", ["Jane Doe"], "Anadolu Ajansı"),
        ("Von Max Muster und dpa-AFX", ["Max Muster"], "dpa-AFX"),
        ("By Priya Sharma, Press Trust of India", ["Priya Sharma"], "Press Trust of India"),
        ("By Yonhap News Agency", [], "Yonhap News Agency"),
    ],
)
def test_the_wire_services_of_many_countries_go_to_publisher(byline: str, authors: list[str], publisher: str) -> None:
    article = extract_article(page(f'<p class="byline">{byline}</p><p>Text.</p>'), "https://example.com/a")
    assert (article.authors, article.publisher) == (authors, publisher)


def test_an_agency_in_the_article_author_meta_is_the_publisher_not_the_site_named_as_a_person() -> None:
    head = (
        '<meta name="articleAuthor" content="Anadolu Ajansı"><meta property="og:site_name" content="Habertürk">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "T", "author": {"@type": "Person",'
        ' "name": "Habertürk"}, "publisher": {"@type": "Organization", "name": "Habertürk"}}</script>'
    )
    article = extract_article(page("<p>Text.</p>", head), "https://example.com/a")
    assert (article.authors, article.publisher) == ([], "Anadolu Ajansı")


def test_visible_byline_with_agency_puts_the_agency_in_publisher() -> None:
    article = extract_article(page('<p class="byline">By Jane Doe and Reuters</p><p>Text.</p>'), "https://example.com/a")
    assert article.authors == ["Jane Doe"]
    assert article.publisher == "Reuters"


def test_jsonld_person_objects_come_before_the_visible_byline() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "NewsArticle",'
        ' "headline": "A headline", "author": [{"@type": "Person", "name": "Ann Lee"}, "Bob Stone"]}]}</script>'
    )
    article = extract_article(page('<p class="byline">By Someone Else</p>', head=jsonld), "https://example.com/a")
    assert article.authors == ["Ann Lee", "Bob Stone"]


def test_the_author_of_a_jsonld_web_page_is_read_through_its_person_reference() -> None:
    # Yoast's graph on many WordPress posts: no Article object, the WebPage credits the Person by @id.
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebPage", "@id": "https://example.org/a#webpage", "author": {"@id": "https://example.org/#/person/1"}},'
        '{"@type": "Person", "@id": "https://example.org/#/person/1", "name": "Giovanni Gaggero"}]}</script>'
    )
    assert authors_of(PROSE, head=jsonld, url="https://example.org/a") == ["Giovanni Gaggero"]


def test_a_given_name_alone_is_completed_from_the_persons_biography_that_opens_with_the_full_name() -> None:
    person = '{{"@type": "Person", "name": "{}", "description": "{}"}}'
    for name, description, authors in [
        ("Stefanus", "Stefanus Stahl - Maschinenbauer und Abenteurer.", ["Stefanus Stahl"]),
        ("Nils", "Nils Pickert, freier Autor und Journalist.", ["Nils Pickert"]),
        ("Nils", "Nils schreibt über Kinder.", ["Nils"]),
        ("Ann Lee", "Ann Lee Smith writes about food.", ["Ann Lee"]),
    ]:
        jsonld = (
            '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",'
            f' "headline": "A headline", "author": {person.format(name, description)}}}</script>'
        )
        assert authors_of(PROSE, head=jsonld, url="https://example.org/a") == authors, description


def test_html_escapes_in_jsonld_author_names_are_read_as_the_characters() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A",'
        ' "author": [{"@type": "Person", "name": "Jos&eacute; P&eacute;rez"}, "Ana Mar&iacute;a Ruiz"]}</script>'
    )
    assert authors_of(PROSE, head=jsonld, url="https://example.org/a") == ["José Pérez", "Ana María Ruiz"]


def test_a_credit_label_with_a_colon_in_a_marked_byline_is_left_out_of_the_name() -> None:
    byline = '<div class="author"><p><a class="author-link" href="/suche?author=x">Interview: Julia Lauter</a></p></div>'
    assert authors_of(byline + PROSE) == ["Julia Lauter"]


def test_a_byline_in_a_figcaption_credits_the_media_not_the_article() -> None:
    audio = '<figure><figcaption><span class="media-byline">| Roman Warschauer</span></figcaption></figure>'
    credit = '<p class="text-byline">Redaktion: Roman Warschauer und <a href="/redaktion/ms">Marcel Sommer</a></p>'
    article = extract_article(page(audio + PROSE + credit), "https://example.com/a")
    assert article.authors == ["Roman Warschauer", "Marcel Sommer"]


def test_a_posted_by_line_in_the_articles_own_footer_is_a_byline_but_not_one_in_the_page_footer() -> None:
    credit = '<p>Posted by <a href="/author/colin-watson.html">Colin Watson</a> on 2025-12-18 in debusine.</p>'
    html = f"<html><body><article><h1>A post</h1>{PROSE}<footer>{credit}</footer></article></body></html>"
    assert extract_article(html, "https://example.org/blog/a").authors == ["Colin Watson"]
    html = f"<html><body><article><h1>A post</h1>{PROSE}</article><footer>{credit}</footer></body></html>"
    assert extract_article(html, "https://example.org/blog/a").authors == []


def test_a_camel_case_author_class_marks_a_byline_whose_names_follow_the_date() -> None:
    byline = '<div class="styles_dateAndAuthorContainer__JAvHP"><span>Dec 17, 2025</span><span>Julian K. Arni</span></div>'
    assert authors_of(byline + PROSE) == ["Julian K. Arni"]


def test_label_elements_marked_like_the_byline_are_not_names() -> None:
    label = '<span class="liveArticleAuthorDateBlockLabel">{}</span>'
    byline = (
        f'<div class="liveArticleAuthorDateBlock">{label.format("Datum:")} 19.11.2021<br>'
        f'{label.format("Autor:")} Fritz Imhof<br>{label.format("Quelle:")} Livenet<br></div>'
    )
    assert authors_of(byline + PROSE) == ["Fritz Imhof"]


def test_an_author_box_names_the_writer_in_the_heading_it_opens_with_but_not_in_its_biography() -> None:
    bio = "Lauren is a growth-focused marketing professional specializing in healthcare technology and B2B software. " * 2
    box = f'<div class="blog_author-text"><div class="name">Lauren Vetter</div><p>{bio}</p></div>'
    assert authors_of(PROSE + box) == ["Lauren Vetter"]
    untitled = f'<div class="blog_author-text"><p>{bio}</p></div>'
    assert authors_of(PROSE + untitled) == []


def test_bylines_in_a_listing_of_related_articles_are_not_the_articles() -> None:
    listing = (
        '<div class="fachartikel-listing"><div class="fachartikel-listing__item">'
        '<div class="fachartikel-listing__item__author">Von Jörn Mecher am 08.12.2022</div></div></div>'
    )
    own = "<p>Von Jörg Weber</p>"
    assert authors_of(own + PROSE + listing) == ["Jörg Weber"]


def test_a_short_line_of_a_date_then_a_full_name_is_a_signature_but_a_dated_headline_is_not() -> None:
    for line, names in {
        "<small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>": ["Uta Helkenberg"],
        "<p>25.10.2022 - Reiner Nagel</p>": ["Reiner Nagel"],
        "<p>12. März 2021 - Neue Regeln für Reiter</p>": [],
    }.items():
        assert authors_of(line + PROSE, url="https://example.de/a") == names, line


def test_a_short_line_of_a_full_name_then_a_date_is_a_signature_but_a_titled_date_is_not() -> None:
    for line, names in {
        '<div><span>Sehernur Karsu &nbsp;|</span> <span class="tarih">05.04.2025 - Güncelleme : 05.04.2025</span></div>': [
            "Sehernur Karsu"
        ],
        "<p>Neue Regeln für Reiter | 12. März 2021</p>": [],
    }.items():
        assert authors_of(line + PROSE) == names, line


def test_a_heading_that_says_written_by_is_a_byline_but_a_section_title_by_type_is_not() -> None:
    box = "<h3>Written by Cassidy Horton</h3><p>Cassidy Horton is a finance writer.</p>"
    assert authors_of(PROSE + box) == ["Cassidy Horton"]
    assert authors_of(PROSE + "<h3>By Type</h3><p>Cordless drills.</p>") == []


def test_a_contributors_label_with_a_colon_names_the_writers() -> None:
    line = "<div><strong>Contributors: Janet Loughrey, Jane Doe</strong></div>"
    assert authors_of(line + PROSE) == ["Janet Loughrey", "Jane Doe"]


def test_a_link_to_a_writers_page_around_a_card_names_the_writer_by_its_first_line() -> None:
    card = (
        '<div class="author"><a href="/author/harry-rabinowitz"><div class="card"><p class="name">Harry Rabinowitz</p>'
        '<p class="job">Tech Reporter</p></div></a></div>'
    )
    assert authors_of(card + PROSE) == ["Harry Rabinowitz"]


def test_the_bylines_of_teasers_on_the_sites_front_page_name_no_author() -> None:
    teaser = '<div class="post"><h2><a href="/a">A headline</a></h2><p class="byline">By Jane Doe</p></div>'
    assert authors_of(teaser + PROSE, url="https://example.com/") == []
    assert authors_of(teaser + PROSE) == ["Jane Doe"]  # the post's own


def test_a_forum_threads_starter_is_its_author_not_the_first_user_card() -> None:
    card = '<section itemprop="author"><h4><a href="/members/aeacus.1/">Aeacus</a></h4><h5>Titan</h5></section>'
    for header, authors in {
        '<ul><li><span class="u-srOnly">Thread starter</span> <a href="/members/sean_g.8/">sean_g</a></li></ul>': ["sean_g"],
        '<p>Discussion in \'<a href="/forums/x/">Advice</a>\' started by <a href="/members/pelex.1/">pelex</a>, May 26</p>': [
            "pelex"
        ],
    }.items():
        assert authors_of(header + card + PROSE, url="https://example.com/threads/a.1/") == authors, header
    prose = '<p>You can get started by <a href="/signup">signing up here</a>.</p>'
    assert authors_of(prose + PROSE) == []


def test_a_microdata_author_is_named_by_its_name_property_beside_an_avatar_initial() -> None:
    card = (
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><span class="avatar">J</span>'
        '<span itemprop="name">JWoodguy13</span><span>28 posts</span></div>'
    )
    assert authors_of(card + PROSE, url="https://example.com/threads/a.1/") == ["JWoodguy13"]
    header = (
        '<div class="post-header" itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<meta itemprop="name" content="julian"><span class="avatar">J</span> Offline <b>julian</b> wrote</div>'
    )
    assert authors_of(header + PROSE, url="https://example.com/topic/1/a") == ["julian"]


def test_a_link_to_a_users_profile_inside_a_byline_names_the_writer_but_a_members_widget_does_not() -> None:
    card = '<div class="post-author"><a href="/users/203539/ewok">ewok</a> <span>4,701</span> 18 gold badges</div>'
    assert authors_of(card + PROSE, url="https://example.com/questions/1/a") == ["ewok"]
    reddit = '<p class="tagline">submitted by <a href="https://old.reddit.com/user/InsaneSnow45" class="author">InsaneSnow45</a></p>'
    assert authors_of(reddit + PROSE, url="https://old.reddit.com/r/science/comments/1/a/") == ["InsaneSnow45"]
    widget = '<ul class="widget"><li><a href="/members/klitschkonull/">Klitschkonull</a></li></ul>'
    assert authors_of(PROSE + widget, url="https://example.com/news/a") == []


def test_a_link_marked_as_a_user_name_in_a_byline_names_the_writer_as_typed() -> None:
    byline = (
        '<p class="author">by <strong><a href="./memberlist.php?mode=viewprofile&amp;u=72760" class="username">'
        "galitsyn</a></strong> &raquo; Wed Sep 11, 2024 4:36 pm</p>"
    )
    assert authors_of(byline + PROSE, url="https://example.com/viewtopic.php?t=1") == ["galitsyn"]


def test_a_german_link_to_a_profile_is_not_the_writers_name() -> None:
    box = (
        '<div class="recipe-author"><a href="/user/profil/98d8/jesusfreak.html"><span>Zum Profil von jesusfreak</span></a>'
        '<a class="bi-profile" href="/user/profil/98d8/jesusfreak.html">jesusfreak</a></div>'
    )
    assert authors_of(box + PROSE, url="https://example.de/rezepte/1/a.html") == ["jesusfreak"]


def test_the_site_itself_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">'
    article = extract_article(page('<p class="byline">By Jane Doe</p>', head=head), "https://example.com/a")
    assert article.authors == ["Jane Doe"]


def test_a_desk_signing_under_the_site_name_in_capitals_is_not_an_author() -> None:
    byline = '<p class="byline">Jane Doe, MDR THÜRINGEN</p><p>Text.</p>'
    article = extract_article(page(byline), "https://www.mdr.de/a")
    assert (article.authors, article.publisher) == (["Jane Doe"], None)


def test_a_staff_byline_names_no_person() -> None:
    article = extract_article(page('<p class="byline">By Staff Reporter</p><p>Text.</p>'), "https://example.com/a")
    assert article.authors == []


def test_a_site_credit_gives_way_to_a_person_named_later() -> None:
    head = (
        '<meta property="og:site_name" content="Example News"><meta name="author" content="Example News">'
        '<meta name="author" content="Jane Doe">'
    )
    assert authors_of("<p>Text.</p>", head=head) == ["Jane Doe"]


def test_an_unsigned_piece_credited_to_the_site_has_the_site_as_publisher_and_no_author() -> None:
    head = '<meta property="og:site_name" content="The Herald"><meta name="author" content="The Herald">'
    article = extract_article(page("<p>Text of the article.</p>", head=head), "https://example.com/a")
    assert (article.authors, article.publisher) == ([], "The Herald")


def test_rel_author_links_mark_where_each_name_ends() -> None:
    byline = '<p class="byline">By <a rel="author" href="/a/">Marco Bellini</a>, Theatre Critic at Large</p>'
    assert authors_of(byline) == ["Marco Bellini"]


def test_spaced_parts_of_a_byline_and_no_menus_or_lookalike_classes() -> None:
    html = page(
        '<nav><ul><li><span>By Category</span></li></ul></nav><div class="authorization">Sign In</div>'
        '<div class="author-and-date">By<span>Summer Swann</span>-June 12, 2025</div>'
    )
    assert extract_article(html, "https://example.com/a").authors == ["Summer Swann"]


def test_the_site_name_is_never_the_publisher() -> None:
    head = '<meta property="og:site_name" content="Example News">'
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Example News"}}</script>'
    article = extract_article(page('<p class="byline">By Jane Doe</p>', head=head + jsonld), "https://example.com/a")
    assert (article.authors, article.publisher) == (["Jane Doe"], None)


def test_a_jsonld_author_given_by_id_reference_is_resolved_in_the_graph() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "Article", "headline": "A headline", "author": [{"@id": "https://example.com/#/person/1"}]},'
        '{"@type": "Person", "@id": "https://example.com/#/person/1", "name": "Nirmita Panchal"}]}</script>'
    )
    assert authors_of("<p>Text.</p>", head=jsonld) == ["Nirmita Panchal"]


def test_a_site_whose_jsonld_types_its_name_as_a_person_credits_that_person() -> None:
    head = (
        '<meta property="og:site_name" content="Sam Bossley"><script type="application/ld+json">'
        '{"@type": "BlogPosting", "headline": "A headline", "author": {"@type": "Person", "name": "Sam Bossley"}}</script>'
    )
    article = extract_article(page("<p>Text.</p>", head=head), "https://sam.bossley.com/a")
    assert (article.authors, article.publisher) == (["Sam Bossley"], None)


def test_a_site_typed_as_person_gives_way_to_the_visible_byline() -> None:
    head = (
        '<meta property="og:site_name" content="Krautreporter"><script type="application/ld+json">'
        '{"@type": "Article", "headline": "A headline", "author": {"@type": "Person", "name": "Krautreporter"}}</script>'
    )
    article = extract_article(page('<p class="byline">Von Shany Littman</p>', head=head), "https://krautreporter.de/a")
    assert article.authors == ["Shany Littman"]


def test_the_writer_of_a_forum_question_is_its_author() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@type": "QAPage", "mainEntity": {"@type": "Question", "name": "Why?",'
        ' "author": {"@type": "Person", "name": "amondale"}}}</script>'
    )
    assert authors_of("<p>Text.</p>", head=jsonld, url="https://forums.example.com/t/1") == ["amondale"]


PROSE = "<p>" + "The doctors said the treatment had worked well for most of their patients this year. " * 2 + "</p>"


def test_a_bold_name_signed_under_the_text_is_the_author() -> None:
    body = PROSE * 3 + "<p><strong>Lê Phương</strong></p>"
    article = extract_article(page(body), "https://example.com/a")
    assert (article.authors, "Lê Phương" in article.body) == (["Lê Phương"], False)


def test_a_bold_line_after_a_short_item_is_not_a_signature() -> None:
    body = PROSE * 3 + "<p>Weight: 2 kg</p><p><strong>Easy Cleanup</strong></p>"
    assert authors_of(body) == []


def test_a_bold_line_heading_a_list_is_not_a_signature() -> None:
    body = PROSE * 3 + '<p><b>Weitere Informationen</b></p><ul><li><a href="/x">Aktionsworkshop</a></li></ul>'
    assert authors_of(body) == []


def test_a_readers_comment_is_not_the_byline() -> None:
    comments = '<ol class="comment-list"><li><div class="comment-author vcard">Florence Day says:</div><p>Nice.</p></li></ol>'
    assert authors_of(PROSE + comments) == []


def test_page_flags_on_body_do_not_hide_the_byline() -> None:
    html = page('<div class="post_author">Jane Doe</div>' + PROSE).replace("<body>", '<body class="showing-comments">')
    assert extract_article(html, "https://example.com/a").authors == ["Jane Doe"]


def test_an_author_box_gives_the_name_without_the_job_title_beside_it() -> None:
    box = (
        '<div class="author-box"><div class="author-box__avatar"></div><div class="author-box__text">'
        '<h4 class="author-box__name">Liz Kenny</h4><div class="author-box__bio">Former McKinsey Consultant</div></div></div>'
    )
    assert authors_of(box + PROSE) == ["Liz Kenny"]


def test_a_team_or_desk_signs_as_publisher_not_as_a_person() -> None:
    article = extract_article(page('<p class="byline">By The Investopedia Team</p><p>Text.</p>'), "https://example.com/a")
    assert (article.authors, article.publisher) == ([], "The Investopedia Team")


def test_a_team_credit_gives_way_to_a_person_named_later() -> None:
    head = '<meta name="author" content="BR24 Redaktion">'
    article = extract_article(page('<p class="byline">Von Jane Doe</p>', head=head), "https://example.com/a")
    assert (article.authors, article.publisher) == (["Jane Doe"], None)


def test_product_reviews_are_not_the_byline() -> None:
    reviews = '<div class="product-reviews"><div class="product-review__byline">by Vaughn on October 25, 2023</div></div>'
    assert authors_of(PROSE + reviews) == []


def test_the_written_by_label_of_the_twitter_card_names_the_writer() -> None:
    head = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Tyler Brown">'
    assert authors_of(PROSE, head=head) == ["Tyler Brown"]


def test_a_written_by_label_names_the_writer_in_the_element_after_it() -> None:
    byline = '<div><p class="label">Written by</p><p class="grey">Edzel Tabing</p></div>'
    assert authors_of(byline + PROSE) == ["Edzel Tabing"]


def test_links_to_author_pages_split_the_names_and_skip_the_editor() -> None:
    byline = (
        '<div class="byline"><ul><li><a href="/authors/emily-walker/">Emily Walker</a></li>'
        '<li><a href="/authors/casey-mcdevitt/">Casey McDevitt</a></li></ul>'
        '<span>Edited by: <a href="/authors/kristina-zagame/">Kristina Zagame</a></span>'
        '<a href="/authors/emily-walker/">More posts</a></div>'
    )
    assert authors_of(byline + PROSE) == ["Emily Walker", "Casey McDevitt"]


def test_a_by_label_names_the_writer_in_the_next_element_but_a_team_code_does_not() -> None:
    byline = '<div class="meta"><span>By</span><span><a href="/about/newsteam/alex-b">Alex Bozarjian</a></span></div>'
    assert authors_of(byline + PROSE) == ["Alex Bozarjian"]
    barred = '<div class="article_meta_info"><span class="trending">yas!</span><span class="screen-reader-text">| By </span><span>Cara Stiles</span> | <time>April 13, 2020</time></div>'
    assert authors_of(barred + PROSE) == ["Cara Stiles"]
    scores = '<div class="scores"><span>POR</span><span>Portland Trail Blazers</span></div>'
    assert authors_of(scores + PROSE) == []


def test_a_short_von_line_of_a_full_name_is_a_byline_but_running_text_is_not() -> None:
    assert authors_of("<p><i>von Daniela Obers</i></p>" + PROSE) == ["Daniela Obers"]
    for line in (
        "<p>Von Montag bis Freitag geöffnet</p>",
        "<p><strong>Door View Cam</strong></p>",
        "<p>Von Einheimischen, Gästen und ganz viel Kühen</p>",  # a list of words joined is no person
    ):
        assert authors_of(line + PROSE) == []


def test_a_cms_account_gives_way_to_the_real_name_on_the_page_but_not_on_a_forum() -> None:
    jsonld = '<script type="application/ld+json">{"@type": "Article", "headline": "A headline", "author": {"@type": "Person", "name": "andrew.keaveney"}}</script>'
    byline = '<span class="author_name">Denise Everheart</span>'
    assert authors_of(byline + PROSE, head=jsonld) == ["Denise Everheart"]
    forum = jsonld.replace('"Article"', '"DiscussionForumPosting"')
    assert authors_of(byline + PROSE, head=forum, url="https://example.com/t/1") == ["andrew.keaveney"]


@pytest.mark.parametrize("account", ["KatieS", "TurboTaxLisa"])
def test_an_account_name_written_in_camel_case_gives_way_to_the_real_name(account: str) -> None:
    jsonld = f'<script type="application/ld+json">{{"@type": "Article", "author": {{"@type": "Person", "name": "{account}"}}}}</script>'
    byline = "<span class=\"author_name\">Aoife O'Riordan</span>"
    assert authors_of(byline + PROSE, head=jsonld) == ["Aoife O'Riordan"]


def test_an_organisation_credited_as_author_is_the_publisher_and_a_person_named_later_the_author() -> None:
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline", "author": {"@type": "Person", "name": "British Heart Foundation"}}</script>'
    article = extract_article(page('<p class="byline">by Tracy Parker</p>' + PROSE, head=jsonld), "https://example.com/a")
    assert (article.authors, article.publisher) == (["Tracy Parker"], None)
    article = extract_article(page(PROSE, head=jsonld), "https://example.com/a")
    assert (article.authors, article.publisher) == ([], "British Heart Foundation")


def test_unmarked_bylines_with_a_colon_a_bar_or_several_names_are_read() -> None:
    cases = {
        "<p>Auteur : Kossivi Tiassou</p>": ["Kossivi Tiassou"],
        '<ul><li>Von: <a href="/bill-mccarthy">Bill MCCARTHY</a>, <a href="/m-goldhamer">Marisha GOLDHAMER</a></li></ul>': [
            "Bill MCCARTHY",
            "Marisha GOLDHAMER",
        ],
        '<div><span class="sr">| By </span> <span>Cara Stiles</span></div>': ["Cara Stiles"],
        "<p>Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>": ["Volkmar Kabisch", "Jan Lukas Strozyk", "Benedikt Strunz"],
        '<div><h4 class="title">Autor</h4><p><a href="/profil/nikolai-huke">Nikolai Huke</a></p></div>': ["Nikolai Huke"],
        '<div>Von <a href="/lisa-petrich">Lisa Petrich</a> <a href="/archiv">Mi, 18. Oktober 2023</a> um 12:50 Uhr</div>': ["Lisa Petrich"],
    }
    for byline, names in cases.items():
        assert authors_of(byline + PROSE) == names, byline


def test_by_links_in_menus_and_by_headings_are_not_bylines() -> None:
    for html in (
        '<ul class="bottom-menu"><li><a href="/countries">By Countries</a></li></ul>',
        '<h4 data-opens="hotels">By Ovolo Collective Hotels</h4>',
    ):
        assert authors_of(html + PROSE) == [], html



def test_a_label_element_names_the_writer_in_its_tail_text() -> None:
    cases = {
        '<div><h5 class="t">Autor: </h5>Peter Maahn/SP-X</div>': ["Peter Maahn"],
        "<div><span>Autor:</span> Fritz Imhof<br>Quelle: Livenet</div>": ["Fritz Imhof"],
        '<a href="#"><b>Von:</b> <br> <br> Götz Warnke</a>': ["Götz Warnke"],  # across line breaks
    }
    for byline, names in cases.items():
        assert authors_of(byline + PROSE) == names, byline


def test_a_custom_byline_tag_marks_the_byline() -> None:
    byline = "<div><p>Quelle: dpa-AFX</p><byline>Von David Hutzler, dpa</byline></div>"
    article = extract_article(page(byline + PROSE), "https://example.com/a")
    assert (article.authors, article.publisher) == (["David Hutzler"], "dpa")


def test_a_news_section_named_as_author_is_no_person() -> None:
    meta = '<meta name="author" content="Nachrichten">'
    assert authors_of(PROSE, head=meta) == []


def test_a_long_author_box_gives_its_name_but_keeps_its_text_in_the_page() -> None:
    # A wrapper marked "author-..." holds the story: only the name leaf is the byline, the story stays the body.
    story = "".join(f"<p>Paragraph {n} of the story tells the reader what happened in the town this week.</p>" for n in range(8))
    html = (
        '<html><body><h1>Headline</h1><div class="post author-carlos">'
        f'<span class="author-name">Carlos Nadalim</span>{story}</div></body></html>'
    )
    article = extract_article(html, "https://example.com/blog/a")
    assert article.authors == ["Carlos Nadalim"]
    assert "Paragraph 7 of the story" in (article.body or "")


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von Roland Brockmann und Sebastian Drescher<br>Kakuma", ["Roland Brockmann", "Sebastian Drescher"]),  # a place
        ("By<br>Jane Doe", ["Jane Doe"]),  # the first line that names someone
        ("Kontakt<br>schreiben Sie uns eine Nachricht über das Formular", []),  # names nobody as a whole: no line either
    ],
)
def test_a_line_break_ends_the_names_of_a_byline(byline: str, expected: list[str]) -> None:
    html = f'<html><body><h1>Headline</h1><p class="byline">{byline}</p><p>{"Story text. " * 30}</p></body></html>'
    assert extract_article(html, "https://example.com/a").authors == expected


def test_a_link_to_the_writers_page_that_spells_the_writers_name_is_a_byline() -> None:
    body = (
        '<div class="meta"><svg></svg><span><a href="/authors/trevor-jackins">Trevor Jackins</a></span></div>'
        '<p>Text.</p><ul class="related"><li><a href="/authors/ann-lee/">More from our team</a></li></ul>'
    )
    assert authors_of(body, url="https://example.com/blog/a") == ["Trevor Jackins"]
    other = '<p>Text.</p><p>Read <a href="/authors/ann-lee">the archive</a>.</p>'
    assert authors_of(other, url="https://example.com/blog/a") == []


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        ('<meta name="author" content="kirstin boatto">', ["kirstin boatto"]),  # written in lower case by its owner
        ('<meta name="author" content="admin">', []),  # a CMS's default account
        ('<meta name="author" content="Sophie Foster"><meta name="author" content="sophie-foster">', ["Sophie Foster"]),
        ('<meta name="articleAuthor" content="Ayşe Yılmaz">', ["Ayşe Yılmaz"]),
    ],
)
def test_author_meta_names_as_their_owners_write_them_each_once(head: str, authors: list[str]) -> None:
    assert authors_of("<p>Text.</p>", head=head, url="https://example.com/blog/a") == authors


def test_a_writer_link_vouches_for_an_account_name_that_no_real_name_replaces() -> None:
    byline = '<div class="meta">By <a href="/author/oradmin/" title="Posts by oradmin" rel="author">oradmin</a></div><p>Text.</p>'
    assert authors_of(byline, url="https://example.com/blog/a") == ["oradmin"]
    head = '<meta name="author" content="Jane Doe">'
    assert authors_of(byline, head=head, url="https://example.com/blog/a") == ["Jane Doe"]


def test_an_unmarked_article_by_line_in_german_names_its_writer() -> None:
    body = '<div class="metaInfo">Ein Artikel von <strong>Pamela Sladky</strong> | 27.01.2022 - 12:45</div><p>Text.</p>'
    assert authors_of(body) == ["Pamela Sladky"]


@pytest.mark.parametrize(
    "byline",
    [
        "Sat, 20 Dec, 2025 - 06:36",
        "Donnerstag, 20.01.2022",
        "Sun Dec 17, 2023 11:23 am",
        "Donnerstag, 4. November 2021Donnerstag, 4. November 2021",  # the same date twice, no name after it
    ],
)
def test_a_weekday_before_a_date_is_no_name(byline: str) -> None:
    assert parse_byline(byline) == []


def test_an_author_box_names_its_writer_not_the_bio_link_or_the_fact_checker() -> None:
    box = (
        '<div class="bylines"><div class="author-tooltip"><span>By</span> <span class="author-tooltip__name">Jane Doe</span>'
        '<a class="author-tooltip__link" href="/contributors/1/">Full Bio</a><p>Jane has written about money for '
        + "twenty years and more, " * 10 + '</p></div><div class="author-tooltip"><span>Fact checked by</span> '
        '<span class="author-tooltip__name">Ann Lee</span><a class="author-tooltip__link" href="/ann-lee">Full Bio</a>'
        "</div></div><p>Text.</p>"
    )
    assert authors_of(box) == ["Jane Doe"]


def teasers(href: str) -> str:
    """A listing of teasers whose headings link to `href`, each with its writer's byline."""
    items = "".join(
        f'<li><h3><a href="{href}">Story {number}</a></h3><span class="author">By {name}</span><p>A summary.</p></li>'
        for number, name in enumerate(["Jane Doe", "John Smith"])
    )
    return f"<html><head><title>News</title></head><body><h1>News</h1><ul>{items}</ul></body></html>"


def test_a_teasers_byline_names_another_articles_writer() -> None:
    assert extract_article(teasers("/news/other-story"), "https://example.com/news").authors == []


def test_a_byline_under_a_heading_that_links_to_this_page_names_its_writer() -> None:
    """A forum post's heading links to the post's anchor on the thread's own page."""
    assert extract_article(teasers("/news#post-2"), "https://example.com/news").authors == ["Jane Doe"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ('<span>March 20, 2023</span> | <span class="byline__category"><a href="/health">Wellness &amp; Prevention</a></span>', []),
        ('<a class="tag" href="/blog/personal-finance">Personal Finance</a> <span>January 27, 2025</span>', []),
        ('By Jane Doe in <a href="/topics/health/">Health News</a>', ["Jane Doe"]),
        (  # writers filed as a taxonomy
            '<strong>Por:</strong> <a href="/autor/yaima/" rel="category tag">Yaima Puig</a>, '
            '<a href="/autor/rene/" rel="tag">René Tamayo</a>',
            ["Yaima Puig", "René Tamayo"],
        ),
    ],
)
def test_a_category_or_tag_link_in_a_byline_names_no_one(byline: str, authors: list[str]) -> None:
    body = f'<section class="byline">{byline}</section><p>Text.</p>'
    assert authors_of(body) == authors


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="news-author"><svg viewBox="0 0 100 100"><text x="50%">CM</text></svg></div>'
        '<div><h3><a href="/profile/cm">Craig McCarthy</a></h3><p>Last updated on 17 December 2025</p></div>',
        '<span class="avatar author-avatar"><span class="initials">CM</span></span>'
        '<div class="author-meta"><span class="author-meta--name">Craig McCarthy</span><p>' + "Craig writes. " * 20 + "</p></div>",
    ],
)
def test_an_avatars_initials_are_no_name(byline: str) -> None:
    body = f'<div class="author-card">{byline}</div><p>Text.</p>'
    assert authors_of(body) == ["Craig McCarthy"]


def test_a_short_author_box_names_the_writer_it_opens_with() -> None:
    box = (
        '<div class="author-bio"><h3>Martin Junker</h3><p><a href="/author/martin">Alles von Martin Junker</a><br><br>'
        '<a href="#">Kontakt</a> | <a href="tel:+4903056">+49 030 5683 8000 60</a></p></div>'
    )
    assert authors_of(PROSE + box) == ["Martin Junker"]


@pytest.mark.parametrize(("kind", "publisher"), [("NewsArticle", "kicker"), ("BlogPosting", None)])
def test_a_newsroom_that_signs_a_news_article_is_its_publisher(kind: str, publisher: str | None) -> None:
    author = '{"@type": "Organization", "name": "kicker"}'
    jsonld = f'<script type="application/ld+json">{{"@type": "{kind}", "headline": "A headline", "author": {author}}}</script>'
    article = extract_article(page(PROSE, head=jsonld), "https://example.com/a")
    assert (article.authors, article.publisher) == ([], publisher)


def reply(author: str) -> str:
    """A comment list where the post's author (marked bypostauthor) answers a reader."""
    return (
        '<ol class="comment-list"><li class="comment byuser comment-author-reader"><div class="comment-author vcard">'
        '<cite class="fn">Reader</cite> says:</div><p>Nice post.</p></li><li class="comment byuser bypostauthor">'
        f'<div class="comment-author vcard"><cite class="fn">{author}</cite> <span class="says">says:</span></div>'
        "<p>Thank you!</p></li></ol>"
    )


def test_the_posts_author_replying_among_the_comments_is_the_writer() -> None:
    assert authors_of(PROSE + reply("jancak")) == ["jancak"]


def test_the_site_replying_among_the_comments_signs_nothing() -> None:
    head = '<meta property="og:site_name" content="Nord Republic">'
    article = extract_article(page(PROSE + reply("Nord Republic"), head=head), "https://example.com/a")
    assert (article.authors, article.publisher) == ([], None)


@pytest.mark.parametrize(
    "quote",
    [
        '<div class="panel_teamMemberQuote"><p>“They doubled our traffic.”</p><p class="byline">Rex Du</p></div>',
        '<blockquote><p>“They doubled our traffic.”</p><footer class="author">Rex Du</footer></blockquote>',
        '<section class="identity-customers"><p>“Great service.”</p><div class="customers_author-wrapper">Rex Du</div></section>',
    ],
)
def test_a_quotes_attribution_is_not_the_byline(quote: str) -> None:
    assert authors_of(PROSE + quote) == []


@pytest.mark.parametrize(
    ("site", "prose", "authors", "publisher"),
    [
        ("Rick Steves", "<p>Travel insurance is worth buying when a trip is costly to cancel.</p>", ["Rick Steves"], None),
        ("CBC Bank", "<p>Open a bank account with us when a trip is costly to plan.</p>", [], "CBC Bank"),
        # Only what a reader sees outside the menu counts: a script's mail address, a lower-case menu item.
        (
            "Myles Katherine",
            '<script>var mail = "myles@example.com";</script><nav><a>learn with katherine</a></nav><p>Prints.</p>',
            ["Myles Katherine"],
            None,
        ),
    ],
)
def test_a_personal_site_named_after_its_writer_credits_the_writer(
    site: str, prose: str, authors: list[str], publisher: str | None
) -> None:
    head = f'<meta property="og:site_name" content="{site}"><meta name="author" content="{site}">'
    article = extract_article(page(prose, head=head), "https://example.com/a")
    assert (article.authors, article.publisher) == (authors, publisher)


def test_the_citation_tags_of_a_scholarly_page_name_every_writer_in_reading_order() -> None:
    head = '<meta name="citation_author" content="Roy, Aniruddha"><meta name="citation_author" content="Jeni Green">'
    assert authors_of(PROSE, head=head) == ["Aniruddha Roy", "Jeni Green"]


def test_a_link_to_a_writers_page_brings_the_other_writers_linked_in_its_line() -> None:
    byline = (
        '<ul><li><span class="content-left"><a href="/ueber-uns/autoren/Clara-Loew">Clara Löw</a>, '
        '<a href="/ueber-uns/autoren/Siddharth-Prakash">Siddharth Prakash</a> &amp; '
        '<a href="/ueber-uns/autoren/Klaus-Jacob">Klaus Jacob</a></span></li></ul>'
    )
    authors = authors_of(byline + PROSE)
    assert authors == ["Clara Löw", "Siddharth Prakash", "Klaus Jacob"]


def test_the_share_plugins_author_meta_names_the_writer() -> None:
    head = '<meta name="shareaholic:article_author_name" content="Wolfgang Michal">'
    assert authors_of(PROSE, head=head) == ["Wolfgang Michal"]


def test_a_title_led_by_an_article_is_the_publication_not_the_writer_a_later_byline_names() -> None:
    head = '<meta name="author" content="Die FURCHE">'
    article = extract_article(page('<p class="byline">Ursula Baatz</p>' + PROSE, head=head), "https://example.com/a")
    assert article.authors == ["Ursula Baatz"]


def test_the_author_metas_of_a_cited_work_or_a_review_are_not_the_pages_writers() -> None:
    head = '<meta name="dc.creator" content="Marwan H. Adwan">'
    body = PROSE + (
        '<ol><li itemprop="citation" itemscope itemtype="http://schema.org/ScholarlyArticle">'
        '<meta itemprop="author" content="PB. Grabar, "><span>A cited paper</span></li></ol>'
    )
    assert authors_of(body, head=head) == ["Marwan H. Adwan"]


def test_the_author_meta_of_the_main_entity_of_a_web_page_item_is_the_pages_writer() -> None:
    body = (
        '<div itemscope itemtype="http://schema.org/WebPage"><div itemprop="mainEntity" itemscope '
        'itemtype="http://schema.org/Article"><meta itemprop="author" content="Jane Roe">' + PROSE + "</div></div>"
    )
    assert authors_of(body) == ["Jane Roe"]


AUTHORS_MENU = (
    '<div class="menu-authors-container"><h3>Auteurs</h3><ul class="nav">'
    '<li><a href="/auteur/pierre-puchot/">Pierre Puchot</a></li><li><a href="/auteur/leo-guy/">Léo Guy-Denarcy</a></li>'
    "</ul></div>"
)
OPINION = (
    "<h1>Pour le néolibéralisme, la retraite est un archaïsme</h1>"
    '<p class="author">Par <a href="/auteur/barbara-stiegler/">Barbara Stiegler</a></p>'
    "<p>La réforme des retraites relève d'un projet politique plus ancien, que ses promoteurs présentent comme une "
    "simple adaptation aux temps nouveaux, alors qu'elle engage toute une vision de la société.</p>"
)


def test_the_site_s_list_of_writers_in_its_navigation_is_no_byline() -> None:
    """trafilatura-corpus aoc.media: the menu lists every writer, marked "menu-authors", above the article."""
    html = f"<html><body><header><nav>{AUTHORS_MENU}</nav></header><article>{OPINION}</article></body></html>"
    assert extract_article(html, "https://aoc.media/opinion/2019/12/09/la-retraite-est-un-archaisme/").authors == [
        "Barbara Stiegler"
    ]


def test_a_byline_inside_a_menu_item_its_markup_left_open_is_still_read() -> None:
    """wcxb-dev 4858: an unclosed <li class="menu-item"> holds the whole article, headline and byline included."""
    html = f'<html><body><ul class="menu"><li class="menu-item"><a href="/">Home</a><article>{OPINION}</article></body></html>'
    assert extract_article(html, "https://aoc.media/opinion/2019/12/09/la-retraite-est-un-archaisme/").authors == [
        "Barbara Stiegler"
    ]


def test_a_date_s_label_is_no_name() -> None:
    """trafilatura-corpus mdr.de marks "Stand: 20. April 2020, 14:57 Uhr" (as of) as its author box."""
    assert parse_byline("Stand: 20. April 2020, 14:57 Uhr") == []
    assert parse_byline("AFP: 20. April 2020") == ["AFP"]


def test_the_makers_credit_in_the_page_footer_is_no_byline() -> None:
    """trafilatura-corpus lostiempos.com: "Hecho en Bolivia con Drupal por Smartica" in a box marked "author"."""
    unsigned = OPINION.replace('<p class="author">Par <a href="/auteur/barbara-stiegler/">Barbara Stiegler</a></p>', "")
    html = (
        f"<html><body><article>{unsigned}</article><footer><div class='credits'><div class='author'>"
        "Hecho en Bolivia con Drupal por Smartica</div></div></footer></body></html>"
    )
    assert extract_article(html, "https://www.lostiempos.com/actualidad/pais/20200214/juicio").authors == []
