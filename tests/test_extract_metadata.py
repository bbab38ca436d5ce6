"""Title and page decoding: the visible headline confirmed by declared data, site names left out."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from newsspider.extract import extract_article

PAGES = Path(__file__).parent / "pages" / "fields"


def test_h1_confirmed_by_og_title_wins_over_the_document_title() -> None:
    html = (
        '<html><head><title>Storm hits coast | Example News</title><meta property="og:title" content="Storm hits coast">'
        '<meta property="og:site_name" content="Example News"></head><body><header><h1>Example News</h1></header>'
        "<article><h1>Storm hits coast</h1><p>Text.</p></article></body></html>"
    )
    assert extract_article(html, "https://example.com/a").title == "Storm hits coast"


def test_declared_headline_without_site_name_and_double_escaped_entities() -> None:
    html = (
        '<html><head><meta property="og:title" content="Mayor says &amp;quot;no&amp;quot; - Example News">'
        '<meta property="og:site_name" content="Example News"></head><body><p>Text.</p></body></html>'
    )
    assert extract_article(html, "https://example.com/a").title == 'Mayor says "no"'


def test_valid_utf8_is_read_as_utf8_despite_a_latin1_meta_charset() -> None:
    html = '<html><head><meta charset="iso-8859-15"><title>Sanción</title></head><body><h1>Sanción</h1></body></html>'
    assert extract_article(html.encode("utf-8"), "https://example.com/a").title == "Sanción"


def test_le_figaro_page_from_fundus() -> None:
    """Fundus page LeFigaro_2024_11_22 (MIT; see pages/fields/LICENSE.md)."""
    url = "https://www.lefigaro.fr/international/guerre-en-ukraine-deux-morts-dans-des-frappes-russes-dans-le-nord-est-du-pays-20241122"
    article = extract_article(
        (PAGES / "fundus_lefigaro_2024_11_22.html").read_bytes(), url, fetched_at=datetime(2024, 11, 23, tzinfo=timezone.utc)
    )
    assert article.title == "Guerre en Ukraine : la Russie affirme avoir fait échouer la campagne militaire ukrainienne pour 2025"
    assert article.authors == []  # "Le Figaro et AFP": the site and an agency, no person
    assert article.publisher == "AFP"
    assert article.published_at == datetime(2024, 11, 22, 6, 22, 44, tzinfo=timezone.utc)
    assert article.modified_at == datetime(2024, 11, 22, 8, 42, 28, tzinfo=timezone.utc)
    captioned = [image for image in article.images if image.caption]
    assert [(image.caption, image.credit) for image in captioned] == [
        ("Des pompiers ukrainiens après une attaque aérienne russe, à Dnipro en Ukraine.", "HANDOUT / AFP")
    ]


def test_canonical_url_from_link_and_the_page_url_when_og_url_is_malformed() -> None:
    html = '<html><head><link rel="canonical" href="/story?utm_source=feed&id=7"></head><body><h1>T</h1></body></html>'
    assert extract_article(html, "http://www.example.com/x#top").canonical_url == "https://example.com/story?id=7"
    broken = '<html><head><meta property="og:url" content="http://[broken/story"></head><body><h1>T</h1></body></html>'
    assert extract_article(broken, "https://www.example.com/x").canonical_url == "https://example.com/x"


def test_the_only_heading_when_nothing_else_names_the_page() -> None:
    assert extract_article("<html><body><h1>Council votes</h1><p>Text.</p></body></html>", "https://example.com/a").title == "Council votes"


def story(body: str, head: str = "") -> str:
    return f"<html><head><title>Rates held</title>{head}</head><body>{body}<article><h1>Rates held</h1><p>Text.</p></article></body></html>"


def test_section_from_a_breadcrumb_trail_below_the_home_page() -> None:
    trail = '<nav class="breadcrumb"><a href="/">Home</a> &rsaquo; <a href="/section/business/">Business</a></nav>'
    assert extract_article(story(trail), "https://example.com/business/rates").section == "Business"


def test_section_from_a_jsonld_breadcrumb_list_not_the_article_itself() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@type": "BreadcrumbList", "itemListElement": ['
        '{"@type": "ListItem", "position": 3, "name": "Rates held", "item": "https://example.com/business/rates"},'
        '{"@type": "ListItem", "position": 1, "name": "Start", "item": "https://example.com/"},'
        '{"@type": "ListItem", "position": 2, "name": "Economy", "item": "https://example.com/economy/"}]}</script>'
    )
    assert extract_article(story("", head=jsonld), "https://example.com/business/rates").section == "Economy"


def test_section_from_the_category_link_and_tags_from_rel_tag_links() -> None:
    html = story(
        '<aside><a rel="tag" href="/tag/all/">Every tag</a></aside><div class="post-category"><a href="/culture/">Culture</a></div>'
        '<div class="tags"><a rel="tag" href="/tag/books/">Books</a><a rel="tag" href="/tag/heritage/">Heritage</a></div>'
    )
    article = extract_article(html, "https://example.com/culture/books")
    assert (article.section, article.tags) == ("Culture", ["Books", "Heritage"])


def test_machine_labels_are_no_tags_and_a_source_of_codes_gives_way_to_the_next() -> None:
    head = (
        '<meta property="article:tag" content="AER,AIRS08,ASXPAC,NP,ASIA">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": ["Category: Travel", "NLP Category: General", "isRepublished:false",'
        ' "26157981-b4f7-4929-adc1-e860c6f03636", "o.example.com", "editors_pick", "splitscreenimagerightinset", "Jasper",'
        ' "G7 summit"]}</script>'
    )
    assert extract_article(story("", head=head), "https://o.example.com/a").tags == ["Jasper", "G7 summit"]


def test_one_tag_with_a_colon_is_a_title_not_a_setting() -> None:
    head = '<meta name="keywords" content="Star Wars: A New Hope, Lego, isRepublished:false">'
    assert extract_article(story("", head=head), "https://example.com/a").tags == ["Star Wars: A New Hope", "Lego"]


def test_without_tag_metadata_the_list_of_topic_page_links_below_the_headline_gives_the_tags() -> None:
    html = (
        '<html><body><div class="trending"><a href="/thema/weather">Weather</a> <a href="/thema/sport">Sport</a>'
        ' <a href="/thema/money">Money</a></div><div role="dialog"><ul><li><a href="/tag/a">A</a></li>'
        '<li><a href="/tag/b">B</a></li><li><a href="/tag/c">C</a></li></ul></div><article><h1>Rates held</h1>'
        '<p>The bank kept its rates, saying <a href="/thema/inflation">Inflation</a> and the <a href="/thema/euro">Euro</a> held.</p>'
        '<div>Topics: <ul><li><a href="/thema/dax">Dax<span>3</span></a></li><li><a href="/thema/euro/">Euro</a></li></ul></div>'
        '<div><a href="/thema/euro/older-story">Back</a> <a href="/thema/euro/newer-story">Next</a></div>'
        "</article></body></html>"
    )
    assert extract_article(html, "https://example.com/a").tags == ["Dax", "Euro"]


def test_topic_links_of_a_teaser_card_and_links_to_the_page_itself_are_no_tag_list() -> None:
    html = (
        '<html><body><main><h1>Rates held</h1><p>Text.</p><ul><li><a href="/tags/rates">Rates</a></li>'
        '<li><a href="/tags/banks">Banks</a></li></ul><div><a href="/tags/money?sort=new">Newest</a>'
        ' <a href="/tags/money?sort=old">Oldest</a> <a href="/tags/money?sort=top">Top</a></div>'
        '<article><h3><a href="/other-story">Another story</a></h3><div><a href="/tags/data">Data</a>'
        ' <a href="/tags/storage">Storage</a> <a href="/tags/security">Security</a></div></article></main></body></html>'
    )
    assert extract_article(html, "https://example.com/tags/money").tags == ["Rates", "Banks"]


def test_tags_made_of_the_url_slug_give_way_to_the_next_source() -> None:
    url = "https://example.com/local/20260710/mueren-seis-personas-incendio-forestal.html"
    words = story("", head='<meta property="article:tag" content="mueren,seis,personas,incendio,forestal">')
    slug = story("", head='<meta property="article:tag" content="Mueren seis personas incendio FORESTAL">'
                 '<meta name="keywords" content="Almería, Wildfires">')
    topics = '<ul><li><a href="/topics/almeria">Almería</a></li><li><a href="/topics/juanma-moreno">Juanma Moreno</a></li></ul>'
    assert extract_article(words.replace("<p>Text.</p>", f"<p>Text.</p>{topics}"), url).tags == ["Almería", "Juanma Moreno"]
    assert extract_article(slug, url).tags == ["Almería", "Wildfires"]


def test_a_cms_own_tags_or_keywords_meta_tag_gives_the_tags_but_not_its_key_value_settings() -> None:
    head = (
        '<meta name="mrf:tags" content="summary:Fire near the coast, 12 dead, thousands evacuated">'
        '<meta name="custom-keywords" content="Aufsichtsrat, Deutsche Bank">'
    )
    assert extract_article(story("", head=head), "https://example.com/a").tags == ["Aufsichtsrat", "Deutsche Bank"]


def test_keywords_run_together_without_commas_give_way_to_the_next_source() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": "deutschland katastrophenschutz berlin'
        ' ukraine teltow rettungswesen unfall"}</script><meta name="keywords" content="Berlin, Teltow, Unfall">'
    )
    assert extract_article(story("", head=head), "https://example.com/a").tags == ["Berlin", "Teltow", "Unfall"]


def test_news_keywords_win_over_jsonld_keywords() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": ["the control of nature", "the arctic",'
        ' "ice", "web"]}</script><meta name="news_keywords" content="the arctic,ice,climate change">'
    )
    assert extract_article(story("", head=head), "https://example.com/a").tags == ["the arctic", "ice", "climate change"]


def test_comma_separated_keywords_inside_a_list_are_split() -> None:
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "keywords": ["Police,Granada", "Courts"]}</script>'
    assert extract_article(story("", head=jsonld), "https://example.com/a").tags == ["Police", "Granada", "Courts"]


def zeit_heading(og_title: str) -> str:
    return (
        f'<html><head><meta property="og:title" content="{og_title}"><title>{og_title} | ZEIT ONLINE</title></head><body>'
        '<h1 class="article-heading"><span class="article-heading__kicker">Klimaschutz</span>'
        '<span class="visually-hidden">: </span><span class="article-heading__title">Bohren, bis es heiß wird</span></h1>'
        "<p>Text.</p></body></html>"
    )


def test_a_kicker_inside_the_h1_is_left_out_unless_the_declared_headline_has_it() -> None:
    url = "https://www.zeit.de/2019/43/klimaschutz"
    assert extract_article(zeit_heading("Bohren, bis es heiß wird"), url).title == "Bohren, bis es heiß wird"
    assert extract_article(zeit_heading("Klimaschutz: Bohren, bis es heiß wird"), url).title == "Klimaschutz: Bohren, bis es heiß wird"


def test_a_screen_reader_colon_between_kicker_and_headline_is_read() -> None:
    html = (
        '<html><head><meta property="og:title" content="Eskalation im Nordatlantik: „Wenn die Ozeane überhitzen“">'
        '</head><body><h1><span data-ob="kicker">Eskalation im Nordatlantik</span><span class="visually-hidden">:</span> '
        '<span data-ob="headline">„Wenn die Ozeane überhitzen“</span><span class="sr-only">Artikel vorlesen</span></h1>'
        "<p>Text.</p></body></html>"
    )
    title = extract_article(html, "https://www.tagesspiegel.de/wissen/a").title
    assert title == "Eskalation im Nordatlantik: „Wenn die Ozeane überhitzen“"


def test_a_kicker_on_a_line_of_its_own_takes_the_declared_punctuation_not_a_stray_separator() -> None:
    html = (
        '<html><head><meta property="og:title" content="Bubi-Bomber wieder da: Thioune fordert Geduld"></head><body>'
        '<h1 class="article-title"><span class="article-title__kicker">Bubi-Bomber wieder da</span>'
        '<span class="article-title__separator">: </span><span class="article-title__headline">Thioune fordert Geduld</span>'
        "</h1><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.bild.de/sport/a").title == "Bubi-Bomber wieder da: Thioune fordert Geduld"
    undeclared = html.replace('<meta property="og:title" content="Bubi-Bomber wieder da: Thioune fordert Geduld">', "")
    assert extract_article(undeclared, "https://www.bild.de/sport/a").title == "Thioune fordert Geduld"


def test_an_unmarked_kicker_in_its_own_markup_is_left_out_when_the_declared_headline_lacks_it() -> None:
    html = (
        '<html><head><meta property="og:title" content="Große Aufgaben für die neue Regierung"></head><body>'
        "<h1><small>Tunesien</small><br> Große Aufgaben für die neue Regierung </h1><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.hss.de/news/a").title == "Große Aufgaben für die neue Regierung"
    one_text = html.replace("<small>Tunesien</small><br>", "Tunesien")  # no markup around it: part of the headline
    assert extract_article(one_text, "https://www.hss.de/news/a").title == "Tunesien Große Aufgaben für die neue Regierung"


def test_the_blog_name_heading_linking_home_is_not_the_headline() -> None:
    html = (
        "<html><head><title>Was ist Virales Marketing? | Viral Notes</title></head><body>"
        '<h1><a href="https://www.dimido.de/">Viral Notes</a></h1><h2>Was ist Virales Marketing?</h2><p>Text.</p></body></html>'
    )
    assert extract_article(html, "https://www.dimido.de/2008/07/29/was-ist-virales-marketing/").title == "Was ist Virales Marketing?"


def test_an_h1_the_og_title_repeats_beats_a_hidden_h1_repeating_a_title_part() -> None:
    html = (
        '<html><head><title>News - Eawag</title><meta property="og:title" content="Auf das erste Elektron kommt es an">'
        '</head><body><h1 class="pagetitle hidden">News</h1><h1>Auf das erste Elektron kommt es an</h1></body></html>'
    )
    assert extract_article(html, "https://www.eawag.ch/de/news/a").title == "Auf das erste Elektron kommt es an"


def test_soft_hyphens_permalink_signs_and_code_are_not_part_of_the_headline() -> None:
    html = (
        "<html><body><h1><style>.x{}</style>Log\u00adging HOW<em>TO</em>"
        '<a class="headerlink" href="#logging-howto">¶</a></h1><p>Text.</p></body></html>'
    )
    assert extract_article(html, "https://docs.python.org/3/howto/logging.html").title == "Logging HOWTO"


def test_site_and_section_names_around_a_declared_headline_are_left_out() -> None:
    html = (
        '<html><head><meta property="og:title" content="국민 통합 외친 이재명-정치ㅣ한국일보">'
        '<meta property="og:site_name" content="한국일보"><meta property="article:section" content="정치"></head>'
        "<body><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.hankookilbo.com/news/a").title == "국민 통합 외친 이재명"
    heading = '<html><head><title>Cloud news | WRAL</title></head><body><h1>Cloud news | WRAL</h1></body></html>'
    assert extract_article(heading, "https://www.wral.com/cloud/").title == "Cloud news"


def test_a_headline_that_begins_with_the_domain_name_is_not_taken_for_the_site_name() -> None:
    html = '<html><head><meta property="og:title" content="Parallels Desktop 15 for Mac | Run Windows"></head><body></body></html>'
    assert extract_article(html, "https://www.parallels.com/products/desktop/").title == "Parallels Desktop 15 for Mac"


def test_a_headline_field_marked_label_hidden_is_still_the_headline() -> None:
    html = (
        '<html><head><title>Smart Thermostats | PSE&amp;G</title></head><body><h1 class="title">'
        '<span class="field field--name-title field--label-hidden">Smart Thermostats</span></h1></body></html>'
    )
    assert extract_article(html, "https://example.com/thermostats").title == "Smart Thermostats"


def test_a_site_name_with_a_tagline_after_a_spaced_colon_is_left_out() -> None:
    html = '<html><head><title>Das beste Musikvideo : Krimiblog-Archiv</title></head><body><p>Text.</p></body></html>'
    assert extract_article(html, "http://archiv.krimiblog.de/?p=2895").title == "Das beste Musikvideo"
    french = '<html><head><title>Guerre en Ukraine : la Russie avance</title></head><body><p>Text.</p></body></html>'
    assert extract_article(french, "https://www.lefigaro.fr/a").title == "Guerre en Ukraine : la Russie avance"


def test_a_site_name_holding_a_separator_itself_is_left_out_whole() -> None:
    html = (
        '<html><head><meta property="og:title" content="La retraite est un archaïsme | AOC media - Analyse Opinion Critique">'
        '<meta property="og:site_name" content="AOC media - Analyse Opinion Critique"></head><body></body></html>'
    )
    assert extract_article(html, "https://aoc.media/opinion/a").title == "La retraite est un archaïsme"


def test_the_og_title_beside_a_kicker_line_beats_a_document_title_that_keeps_the_kicker() -> None:
    html = (
        "<html><head><title>Open Progress - Why thinking together beats smarts | The Economist</title>"
        '<meta property="og:title" content="Why thinking together beats smarts"></head><body><h1>'
        '<span class="article__subheadline">Open Progress</span><span class="article__headline">Why thinking together beats smarts'
        "</span></h1></body></html>"
    )
    assert extract_article(html, "https://www.economist.com/open-future/a").title == "Why thinking together beats smarts"
    undeclared = html.replace('<meta property="og:title" content="Why thinking together beats smarts">', "")
    # The headline proper is marked as such beside the kicker line.
    assert extract_article(undeclared, "https://www.economist.com/open-future/a").title == "Why thinking together beats smarts"


def test_a_post_title_in_an_h2_the_title_repeats_beats_the_longest_title_part() -> None:
    html = (
        "<html><head><title>Villa Galaxy - Ferienvilla in Florida</title></head><body><h1>Ferienhäuser</h1>"
        "<aside><h2>Ferienvilla in Florida</h2></aside><h2>Villa Galaxy</h2><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.villacc.de/ferienvilla/119/Villa-Galaxy").title == "Villa Galaxy"


def test_the_only_h1_beats_a_search_engine_title_and_icons_and_buttons_are_not_read() -> None:
    html = (
        "<html><head><title>Blockhaus Typ 3 in Ludorf. Günstige Ferienhäuser an der Müritz. | Müritzurlauber</title></head>"
        '<body><h1 class="entry-title"><svg><title>Haus</title></svg>Blockhaus 3<button>Teilen</button></h1></body></html>'
    )
    assert extract_article(html, "http://www.mueritzurlauber.de/blockhaus-typ-3/").title == "Blockhaus 3"
    two_headings = html.replace("</h1>", "</h1><h1>Newsletter</h1>")
    assert extract_article(two_headings, "http://www.mueritzurlauber.de/blockhaus-typ-3/").title == (
        "Blockhaus Typ 3 in Ludorf. Günstige Ferienhäuser an der Müritz."
    )


def test_a_site_name_given_by_its_initials_or_inside_the_domain_is_left_out() -> None:
    acronym = (
        '<html><head><meta property="og:title" content="Top 100 Web3 Companies | WFA">'
        '<meta property="og:site_name" content="World Future Awards"></head><body></body></html>'
    )
    assert extract_article(acronym, "https://worldfutureawards.com/top-100/").title == "Top 100 Web3 Companies"
    in_domain = '<html><head><meta property="og:title" content="Top 5 HR Tools in 2026 | DianaHR"></head><body></body></html>'
    assert extract_article(in_domain, "https://www.getdianahr.com/blog/hr").title == "Top 5 HR Tools in 2026"


def test_a_title_encoded_twice_is_decoded_once_more_but_latin_text_stays() -> None:
    twice = "A DIY Investor’s Guide".encode("utf-8").decode("latin-1")
    html = (
        f"<html><head><title>{twice} | White Coat</title></head>"
        f'<body><h1>{twice}<a href="#top">Â¶</a></h1></body></html>'
    )
    assert extract_article(html, "https://www.whitecoatinvestor.com/a").title == "A DIY Investor’s Guide"
    latin = html.replace(twice, "Café crème in Zürich")
    assert extract_article(latin, "https://www.whitecoatinvestor.com/a").title == "Café crème in Zürich"


def test_a_date_set_before_the_headline_is_a_dateline_not_part_of_it() -> None:
    html = (
        "<html><head><title>23.01.2022 - Wierer darf noch jubeln - Biathlon Antholz</title></head>"
        '<body><h1><h2 class="headline">23.01.2022 - Wierer darf noch jubeln</h2></h1><p>Text.</p></body></html>'
    )
    assert extract_article(html, "https://www.biathlon-antholz.it/de/news/a").title == "Wierer darf noch jubeln"
    only_a_date = html.replace("23.01.2022 - Wierer darf noch jubeln", "2022-01-23")
    assert extract_article(only_a_date, "https://www.biathlon-antholz.it/de/news/a").title == "2022-01-23"


def test_signs_a_heading_is_drawn_with_are_not_the_headline_but_signs_joined_to_words_are() -> None:
    html = (
        "<html><head><title>site // » Jens Weber</title></head>"
        "<body><h1>Logo</h1><h2>[&gt; Jens Weber</h2></body></html>"
    )
    assert extract_article(html, "https://mediaarchitecture.de/weber").title == "Jens Weber"
    element = (
        "<html><head><title>&lt;table&gt;: The Table element | MDN</title></head>"
        "<body><h1>&lt;table&gt;: The Table element</h1></body></html>"
    )
    url = "https://developer.mozilla.org/en-US/docs/table"
    assert extract_article(element, url).title == "<table>: The Table element"


def test_a_site_name_with_words_added_or_cut_is_left_out_but_a_word_it_begins_is_not() -> None:
    added = '<html><head><meta property="og:title" content="Identity Theft Protection | Aura Official Site"></head><body></body></html>'
    assert extract_article(added, "https://www.aura.com/identity-theft-protection").title == "Identity Theft Protection"
    cut = (
        '<html><head><meta property="og:title" content="Website Design Portfolio | Thrive Internet Marketing">'
        '<meta property="og:site_name" content="Thrive Internet Marketing Agency"></head><body></body></html>'
    )
    assert extract_article(cut, "https://thriveagency.com/portfolio-work/").title == "Website Design Portfolio"
    inside_a_word = '<html><head><meta property="og:title" content="Headlamps | Auras of Light"></head><body></body></html>'
    assert extract_article(inside_a_word, "https://www.aura.com/headlamps").title == "Headlamps | Auras of Light"
    one_word_cut = (
        '<html><head><meta property="og:title" content="Letters | The"><meta property="og:site_name" content="The Times">'
        "</head><body></body></html>"
    )
    assert extract_article(one_word_cut, "https://www.thetimes.com/letters").title == "Letters | The"


def test_an_h1_the_title_repeats_before_a_colon_beats_the_search_engine_words_after_it() -> None:
    html = (
        "<html><head><title>Hiking Boots: Shop Boots for Hiking &amp; Backpacking | REI Co-op</title></head>"
        "<body><h1>Hiking Boots</h1><h1>Filters</h1></body></html>"
    )
    assert extract_article(html, "https://www.rei.com/c/hiking-boots").title == "Hiking Boots"
    unrelated = html.replace("<h1>Hiking Boots</h1>", "<h1>Sale</h1>")
    assert extract_article(unrelated, "https://www.rei.com/c/hiking-boots").title == "Hiking Boots: Shop Boots for Hiking & Backpacking"


def test_a_kicker_written_before_the_headline_in_the_h1_text_is_left_out_when_no_declared_title_has_it() -> None:
    html = (
        '<html><head><title>Klimavorreiter Oberland? - Tegernseerstimme</title><meta property="og:title" '
        'content="Klimavorreiter Oberland?"></head><body><h1>Energiewende Oberland: Klimavorreiter Oberland?</h1></body></html>'
    )
    assert extract_article(html, "https://tegernseerstimme.de/klimavorreiter/").title == "Klimavorreiter Oberland?"
    one_word = html.replace("Energiewende Oberland: Klimavorreiter", "Energiewende Oberland Super-Klimavorreiter").replace(
        "Klimavorreiter Oberland?", "Klimavorreiter Oberland mit Herz?"
    )
    assert extract_article(one_word, "https://tegernseerstimme.de/klimavorreiter/").title == (
        "Energiewende Oberland Super-Klimavorreiter Oberland mit Herz?"
    )


def test_the_board_and_forum_names_a_forum_writes_after_a_thread_title_are_left_out() -> None:
    html = (
        "<html><head><title>What happened with the ISO in 2024 / Arch Discussion / Arch Linux Forums</title></head>"
        "<body><h2>Arch Linux Forums</h2><p>Post.</p></body></html>"
    )
    assert extract_article(html, "https://bbs.archlinux.org/viewtopic.php?id=1").title == "What happened with the ISO in 2024"
    fraction = "<html><head><title>AC/DC play 1/2 of the set</title></head><body><p>Text.</p></body></html>"
    assert extract_article(fraction, "https://example.org/a").title == "AC/DC play 1/2 of the set"


def test_a_copy_of_the_headline_hidden_from_screen_readers_is_not_read_but_a_hidden_separator_is() -> None:
    animated = (
        '<html><head><title>Acme</title></head><body><h1><span aria-hidden="true"><span class="word">The product</span>'
        '<span class="word">development</span></span><span class="a11y">The product development</span></h1></body></html>'
    )
    assert extract_article(animated, "https://acme.example/").title == "The product development"
    separated = (
        "<html><head><title>Acme</title></head><body><h1>Zoonosen"
        '<span aria-hidden="true"> – </span>Wie Epidemien entstehen</h1></body></html>'
    )
    assert extract_article(separated, "https://acme.example/a").title == "Zoonosen – Wie Epidemien entstehen"


def test_a_separator_left_at_an_end_of_the_title_with_nothing_beyond_it_is_dropped() -> None:
    html = "<html><head><title>National Rail Enquiries - </title></head><body><p>Text.</p></body></html>"
    assert extract_article(html, "https://www.nationalrail.co.uk/a").title == "National Rail Enquiries"
    html = "<html><head><title>| Schneekarten auf Gipfelbuch.ch</title></head><body><p>Text.</p></body></html>"
    assert extract_article(html, "https://example.org/a").title == "Schneekarten auf Gipfelbuch.ch"
    hyphenated = "<html><head><title>Covid-19 and Covid-</title></head><body><p>Text.</p></body></html>"
    assert extract_article(hyphenated, "https://example.org/b").title == "Covid-19 and Covid-"


def test_a_small_line_inside_the_h1_is_a_kicker_left_out_when_the_declared_headline_lacks_it() -> None:
    html = (
        '<html><head><meta property="og:title" content="Einheit der Woche | Lagen-Pyramide mit GA2">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lagen-Pyramide mit GA2"}</script>'
        '</head><body><h1><span><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1></body></html>'
    )
    assert extract_article(html, "https://swim.de/training/lagen-pyramide").title == "Lagen-Pyramide mit GA2"
    sized = "<html><head><title>Acme</title></head><body><h1><small>Small</small> and big steps</h1></body></html>"
    assert extract_article(sized, "https://acme.example/a").title == "Small and big steps"


def test_keywords_a_pipe_sets_after_the_headline_are_left_out_but_a_one_word_label_before_it_is_kept() -> None:
    html = (
        '<html><head><title>Cloudflare CDN | Content Delivery Network | Cloudflare</title>'
        '<meta property="og:title" content="Cloudflare CDN | Content Delivery Network"></head>'
        "<body><h2>Cloudflare CDN</h2><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.cloudflare.com/cdn/").title == "Cloudflare CDN"
    opinion = '<html><head><meta property="og:title" content="Opinion | Cities need trees"></head><body></body></html>'
    assert extract_article(opinion, "https://example.com/a").title == "Opinion | Cities need trees"


def test_an_articles_only_h1_beats_a_different_social_title_but_a_shop_pages_declared_title_wins() -> None:
    html = (
        '<html><head><meta property="og:type" content="{kind}"><meta property="og:title" content="{og}"></head>'
        "<body><h1>{h1}</h1><p>Text.</p></body></html>"
    )
    article = html.format(kind="article", og="Privatkredit-Zinsen: So ermitteln Sie Ihre Kosten", h1="Wie hoch sind die Zinsen für einen Privatkredit?")
    assert extract_article(article, "https://example.de/ratgeber/zinsen").title == "Wie hoch sind die Zinsen für einen Privatkredit?"
    shop = html.format(kind="website", og="Quality Carry-On Luggage & Suitcases", h1="Carry-On")
    assert extract_article(shop, "https://example.com/luggage/carry-on").title == "Quality Carry-On Luggage & Suitcases"


def test_a_product_pages_title_leaves_out_a_short_variant_after_a_dash() -> None:
    html = (
        '<html><head><meta property="og:type" content="{kind}"><meta property="og:title" content="{title}"></head>'
        "<body><h1>{title}</h1><p>Text.</p></body></html>"
    )
    product = html.format(kind="product", title="Ridge Wallet - Royal Black")
    assert extract_article(product, "https://ridge.com/products/aluminum-black").title == "Ridge Wallet"
    described = html.format(kind="product", title="Qualità Oro - Perfect Symphony, 250g Dose")
    assert extract_article(described, "https://example.com/p/oro").title == "Qualità Oro - Perfect Symphony, 250g Dose"
    brand_first = html.format(kind="product", title="Microsoft - Surface Laptop")
    assert extract_article(brand_first, "https://example.com/p/surface").title == "Microsoft - Surface Laptop"
    story = html.format(kind="article", title="Storm hits coast - Thousands without power")
    assert extract_article(story, "https://example.com/news/a").title == "Storm hits coast - Thousands without power"


def test_a_menu_bar_h1_repeating_the_part_a_title_sets_after_the_pages_own_is_the_sites_name() -> None:
    html = (
        "<html><head><title>What is Ownership? - The Rust Programming Language</title></head><body>"
        '<div class="menu-bar"><h1 class="menu-title">The Rust Programming Language</h1></div>'
        "<main><h2>What is Ownership?</h2><p>Text.</p></main></body></html>"
    )
    assert extract_article(html, "https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html").title == "What is Ownership?"
    kicker = (
        '<html><head><title>Die Zukunft der Arbeit - Wir dekorieren um</title><meta property="og:title" '
        'content="Wir dekorieren um"></head><body><h1>Wir dekorieren um</h1><p>Text.</p></body></html>'
    )
    assert extract_article(kicker, "https://www.deutschlandfunk.de/a").title == "Wir dekorieren um"
    site_first = (
        "<html><head><title>TypeScript: Documentation - Creating Types from Types</title></head><body>"
        "<h1>Creating Types from Types</h1><p>Text.</p></body></html>"
    )
    assert extract_article(site_first, "https://www.typescriptlang.org/docs/a").title == "Creating Types from Types"


def test_an_h1_holding_a_paragraph_of_several_sentences_is_not_the_headline() -> None:
    intro = (
        "Learn which home renovations have the best return on investment. Get expert tips on how to understand and "
        "calculate the return of a home improvement. We will help you learn everything you need to know about it."
    )
    html = (
        '<html><head><meta property="og:type" content="article"><meta property="og:title" content="The 10 Best Home '
        f'Improvement Projects"></head><body><h1>{intro}</h1><p>Text.</p></body></html>'
    )
    assert extract_article(html, "https://example.com/renovation-roi/").title == "The 10 Best Home Improvement Projects"
    short = html.replace(intro, "Renovations that pay. Ten projects.")
    assert extract_article(short, "https://example.com/renovation-roi/").title == "Renovations that pay. Ten projects."


def test_a_declared_title_that_is_only_the_sites_name_names_no_page_but_the_home_page() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Bombas"><meta name="twitter:title" content="Bombas">'
        "<title>All Men's Socks</title></head><body><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://shop.bombas.com/collections/mens-socks").title == "All Men's Socks"
    assert extract_article(html, "https://shop.bombas.com/").title == "Bombas"


def test_a_shop_pages_only_h1_names_its_products_whatever_the_og_title_says_to_search_engines() -> None:
    html = (
        '<html><head><meta property="og:type" content="{kind}"><meta property="og:title" content="Buy Microphones at '
        'Thomann"></head><body><h1>Microphones</h1><p>Text.</p></body></html>'
    )
    shop = html.format(kind="product.group")
    assert extract_article(shop, "https://www.thomann.de/gb/microphones.html").title == "Microphones"
    page = html.format(kind="website")
    assert extract_article(page, "https://www.thomann.de/gb/microphones.html").title == "Buy Microphones at Thomann"


def test_of_two_h1s_the_title_parts_repeat_the_longer_is_the_headline_not_the_section_name() -> None:
    html = (
        "<html><head><title>Zoll online - Fachmeldungen - Verkündung des Tabaksteuergesetzes</title></head><body>"
        "<h1>Fachmeldungen</h1><h1>Verkündung des Tabaksteuergesetzes</h1><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.zoll.de/DE/Fachthemen/a.html").title == "Verkündung des Tabaksteuergesetzes"


def test_a_tagline_inside_the_h1_is_not_part_of_the_headline() -> None:
    html = (
        "<html><head><title>Black Edition | Huel US</title></head><body><h1>Black Edition"
        '<span class="product-header__tagline">Complete high-protein powder meal</span></h1><p>Text.</p></body></html>'
    )
    assert extract_article(html, "https://huel.com/products/huel-black-edition").title == "Black Edition"


def test_an_h1_marked_as_the_breadcrumb_trails_last_step_is_not_the_visible_headline() -> None:
    html = (
        '<html><head><meta property="og:title" content="Kim Jong Un: Der Diktator ist zurück"></head><body>'
        '<ol class="Breadcrumb-list"><li><a href="/politik/">Politik</a></li><li><h1 class="Breadcrumb-element-link">'
        "Nordkorea: Kim Jong Un ist zurück</h1></li></ol><h2>Kim Jong Un: Der Diktator ist zurück</h2><p>Text.</p>"
        "</body></html>"
    )
    assert extract_article(html, "https://www.fr.de/politik/a.html").title == "Kim Jong Un: Der Diktator ist zurück"
    marked = html.replace('class="Breadcrumb-element-link"', "data-breadcrumb-headline")
    assert extract_article(marked, "https://www.fr.de/politik/a.html").title == "Kim Jong Un: Der Diktator ist zurück"


def test_an_h1_set_inside_a_breadcrumb_trail_after_its_links_is_not_the_visible_headline() -> None:
    html = (
        '<html><head><meta property="og:title" content="Judy Lybke, ganz und gar nicht eigenartig">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Neue Leipziger Schule: Judy Lybke, '
        'ganz und gar nicht eigenartig"}</script></head><body><nav class="breadcrumb"><a href="/">Startseite</a> <a href="/leben/">Leben</a>'
        "<h1>Neue Leipziger Schule: Judy Lybke, ganz und gar nicht eigenartig</h1></nav>"
        "<h2>Judy Lybke, ganz und gar nicht eigenartig</h2><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.n-tv.de/leben/a.html").title == "Judy Lybke, ganz und gar nicht eigenartig"
    teaser = (
        '<html><head><title>Lübeck: Auktion in Kücknitz</title></head><body><div class="teaser-breadcrumb">'
        "<span>Kostenlos</span><h1>So lief die Auktion</h1></div><p>Text.</p></body></html>"
    )
    assert extract_article(teaser, "https://www.ln-online.de/a.html").title == "So lief die Auktion"


def test_the_part_of_a_heading_marked_as_the_headline_proper_reads_without_the_kicker_beside_it() -> None:
    html = (
        '<html><head><meta property="og:title" content="Trump spricht über Bodeneinsätze">'
        '<meta name="twitter:title" content="&quot;Es wird bald beginnen&quot;: Trump spricht über Bodeneinsätze"></head>'
        '<body><h1><span class="text-red">"Es wird bald beginnen"</span><span class="article-head_headline">'
        "Trump spricht über Bodeneinsätze</span></h1><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.n-tv.de/politik/a.html").title == "Trump spricht über Bodeneinsätze"
    subtitle = (
        "<html><head><title>Why thinking together beats smarts</title></head><body><h1>"
        '<span class="article__headline">Why thinking together beats smarts</span>'
        '<span class="article__subheadline">A column on open progress</span></h1><p>Text.</p></body></html>'
    )
    assert extract_article(subtitle, "https://www.economist.com/a").title == "Why thinking together beats smarts"


def test_a_crumb_trail_holding_the_h1_after_its_links_counts_as_a_breadcrumb() -> None:
    html = (
        '<html><head><meta property="og:title" content="Interimstrainer Schubert: Nicht mehr viel zu verlieren">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "MSV-Interimstrainer Schubert: '
        'Nicht mehr viel zu verlieren"}</script></head><body><div class="article__header__crumb"><a href="/msv/">MSV</a>'
        "<h1>MSV-Interimstrainer Schubert: Nicht mehr viel zu verlieren</h1></div>"
        "<h2>Interimstrainer Schubert: Nicht mehr viel zu verlieren</h2><p>Text.</p></body></html>"
    )
    title = extract_article(html, "https://www.kicker.de/a/artikel").title
    assert title == "Interimstrainer Schubert: Nicht mehr viel zu verlieren"


def test_a_shops_h1_may_set_the_brand_before_the_product_name_the_declared_title_gives_alone() -> None:
    html = (
        '<html><head><meta property="og:type" content="{kind}"><meta property="og:title" content="Deep Standing Desk">'
        "</head><body><h1>UPLIFT V3 Deep Standing Desk</h1><p>Text.</p></body></html>"
    )
    product = html.format(kind="product")
    assert extract_article(product, "https://www.upliftdesk.com/deep-standing-desk/").title == "Deep Standing Desk"
    article = html.format(kind="article")
    assert extract_article(article, "https://example.com/news/desk").title == "UPLIFT V3 Deep Standing Desk"


def test_a_section_label_h1_sharing_a_word_with_a_long_description_is_no_edited_headline() -> None:
    html = (
        '<html><head><meta property="og:title" content="Cybersecurity Sector Update–Fall 2025">'
        '<meta name="twitter:title" content="Kroll Cybersecurity Software Sector M&amp;A Industry Insights–Fall 2025 aims to '
        'identify trends and provide insights across the sector, focusing on key themes, deal activity and market changes. '
        'Download the report."></head><body><h1>M&amp;A Updates</h1><main><h2>Cybersecurity Sector Update–Fall 2025</h2>'
        "<p>Text.</p></main></body></html>"
    )
    assert extract_article(html, "https://www.kroll.com/en/reports/a").title == "Cybersecurity Sector Update–Fall 2025"


def test_a_declared_title_setting_the_kicker_after_the_headline_leaves_the_headline_alone() -> None:
    html = (
        "<html><head><title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt | tagesschau.de</title>"
        '<meta property="og:title" content="Daten von Rheinmetall gehackt - Interne Unterlagen im Netz"></head><body>'
        '<h1><span class="seitenkopf__topline">Interne Unterlagen im Netz</span> '
        "<span>Daten von Rheinmetall gehackt</span></h1><p>Text.</p></body></html>"
    )
    assert extract_article(html, "https://www.tagesschau.de/investigativ/a.html").title == "Daten von Rheinmetall gehackt"


def test_beside_an_articles_one_h1_an_h2_only_a_title_part_repeats_is_a_section_of_the_text() -> None:
    html = (
        '<html><head><title>What is Social Commerce - A guided introduction | Emplifi</title><meta property="og:type" '
        'content="article"><meta property="og:title" content="What is Social Commerce - A guided introduction"></head>'
        "<body><h1>An introduction to social commerce: What brands need to know in 2026</h1><article><p>Text.</p>"
        "<h2>What is social commerce?</h2><p>Text.</p></article></body></html>"
    )
    title = extract_article(html, "https://emplifi.io/resources/blog/a/").title
    assert title == "An introduction to social commerce: What brands need to know in 2026"
    blog = html.replace("<h1>An introduction to social commerce: What brands need to know in 2026</h1>", "")
    assert extract_article(blog, "https://emplifi.io/resources/blog/a/").title == "What is social commerce?"


def test_the_sites_host_name_set_before_the_title_with_a_space_is_left_out() -> None:
    html = (
        '<html><head><title>davidbau.com Vibe Coding</title></head><body><h1><a href="/">davidbau.com</a></h1>'
        "<article><h2>December 16, 2025</h2><h2>Vibe Coding</h2><p>Text.</p></article></body></html>"
    )
    assert extract_article(html, "https://davidbau.com/archives/2025/12/16/vibe_coding.html").title == "Vibe Coding"
    title_only = "<html><head><title>www.example.org Annual report 2025</title></head><body><p>Text.</p></body></html>"
    assert extract_article(title_only, "https://example.org/report").title == "Annual report 2025"


def test_the_part_before_a_separator_hidden_from_screen_readers_is_a_kicker() -> None:
    html = (
        "<html><head><title>Coronavirus und andere Zoonosen – Wie Umweltzerstörung neue Epidemien begünstigt | "
        'Tages-Anzeiger</title><meta property="og:title" content="Coronavirus und andere Zoonosen – Wie Umweltzerstörung '
        'neue Epidemien begünstigt"></head><body><h1><span class="head">Coronavirus und andere Zoonosen</span>'
        '<span aria-hidden="true"> – </span><span>Wie Umweltzerstörung neue Epidemien begünstigt</span></h1>'
        "<p>Text.</p></body></html>"
    )
    title = extract_article(html, "https://www.tagesanzeiger.ch/wie-umweltzerstoerung-1").title
    assert title == "Wie Umweltzerstörung neue Epidemien begünstigt"


def test_without_one_h1_the_headline_the_microdata_marks_names_the_page() -> None:
    html = (
        "<html><head><title>A journal of a woodworking beginner - Jan's Blog</title>"
        '<meta property="og:title" content="Introductions to my woodworking blog"></head><body>'
        '<header itemscope itemtype="https://schema.org/WPHeader"><p itemprop="headline"><a href="/">Jan\'s Blog</a></p>'
        '<h1><a href="/">Jan\'s Blog</a></h1></header><article itemscope itemtype="https://schema.org/BlogPosting">'
        '<h2 itemprop="headline">About my beginner woodworking blog</h2><p>Text.</p></article></body></html>'
    )
    assert extract_article(html, "https://blog.example.org/about/").title == "About my beginner woodworking blog"


def test_a_breadcrumb_position_in_superscript_digits_does_not_stop_the_page() -> None:
    trail = (
        '{"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": "²", "name": "Politics"},'
        ' {"@type": "ListItem", "position": 1, "name": "Home", "item": "https://news.example/"}]}'
    )
    html = f'<html><head><script type="application/ld+json">{trail}</script></head><body><h1>T</h1></body></html>'
    assert extract_article(html, "https://news.example/politics/story/").section == "Politics"
