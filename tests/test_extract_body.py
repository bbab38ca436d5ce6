"""Body text on saved real pages: the article's paragraphs, in order, without page furniture."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from newsspider import extract_article
from newsspider.extract import bylines, images, metadata, parse_page, titles
from newsspider.extract.body import tree_for_extraction
from newsspider.extract.boilerplate import furniture_containers, is_furniture_line, is_mostly_link, is_related_list
from newsspider.extract.page import NotHTMLError, parse_tree
from newsspider.extract.text import clean_text
from newsspider.items import Article

PAGES = Path(__file__).parent / "pages" / "body"


def body_of(name: str, url: str) -> list[str]:
    """The extracted body of a saved page, as paragraphs."""
    article = extract_article(gzip.open(PAGES / name, "rb").read(), url)
    assert article.body, name
    return article.body.split("\n\n")


def test_sciencealert_body_is_exactly_the_article_paragraphs() -> None:
    paragraphs = body_of(
        "aeb-sciencealert-europa.html.gz",
        "https://www.sciencealert.com/nasa-finds-water-plumes-above-the-surface-of-jupiter-s-icy-moon-europa",
    )
    assert paragraphs[0] == (
        "A team led by researchers out of NASA's Goddard Space Flight Center in Greenbelt, Maryland, has "
        "confirmed traces of water vapor above the surface of Jupiter's icy moon Europa."
    )
    assert paragraphs[-1] == "This article was originally published by Futurism. Read the original article."
    assert len(paragraphs) == 14
    assert not any("NASA Just Confirmed" in paragraph for paragraph in paragraphs)  # the headline


def test_express_body_leaves_out_teasers_and_read_more_lines() -> None:
    paragraphs = body_of(
        "aeb-express-plague.html.gz",
        "https://www.express.co.uk/news/science/1205992/bubonic-plague-china-plague-news-the-plague-pneumonic-plague-in-china-2019-symptoms",
    )
    body = "\n\n".join(paragraphs)
    assert paragraphs[-1] == "Isolated cases often also spring up in the US, with up to a dozen people diagnosed annually."
    assert "Health authorities in China’s Inner Mongolia have confirmed that a third instance of the plague" in body
    assert "The pneumonic plague is just one of three diseases caused by the Yersinia pestis bacterium." in body
    for furniture in ("DON'T MISS", "READ MORE", "[INSIGHT]", "Holidaymakers die after eating marmot", "Bubonic plague: Third case"):
        assert furniture not in body


@pytest.mark.parametrize(
    ("line", "furniture"),
    [
        ("READ MORE: China plague outbreak confirmed", True),
        ("Like this story? Share it with a friend!", True),
        ("DON’T MISS", True),
        ("Updated at 1:23 p.m.", True),
        ("https://www.example.com/news/article-123.php", True),
        ("Czytaj też: Wyścig zbrojeń ruszył z kopyta", True),
        ("Schon gelesen?", True),
        ("Das könnte Dich auch interessieren: Olympischer Fackellauf in Peking gestartet", True),
        ("Pour lire la suite", True),
        ("Never miss the latest news by signing up to our newsletter today!", True),
        ("Voir aussi les chiffres de l'Insee, publiés mardi, qui confirment la baisse du chômage.", True),
        ("Czytaj dalej, a zrozumiesz, dlaczego rząd zmienił zdanie w sprawie podatków.", False),
        ("13 MIN READ", True),
        ("3 Minuten Lesezeit", True),
        ("Lesezeit: 2 Minuten", True),
        ("Ten tekst przeczytasz w mniej niż minutę", True),
        ("Tags:", True),
        ("Materiał chroniony prawem autorskim - zasady przedruków określa regulamin.", True),
        ("Alle Rechte vorbehalten.", True),
        ("Foto: Michael von Lingen (Copyright)", True),
        ("Quelle: Deutsche Rentenversicherung", True),
        ("Photo: A man walks past the bank in the city center on Monday morning", False),
        ("Montage: Reifen schlauchlos montieren", False),
        ("LE PUEDE INTERESAR: La ficha de Juan Orlando Hernández en el MDC de Nueva York", True),
        ("NOTAS RELACIONADAS", True),
        ("Das Thema könnte dich auch interessieren:", True),
        ("For the latest stories and breaking news updates download the Nationnews apps", True),
        ("Follow The Gleaner on Twitter and Instagram @JamaicaGleaner", True),
        ("Weitere Artikel zum Thema", True),
        ("Keine Kommentare (Kommentare erscheinen erst nach unserer Freigabe)", True),
        ("If you enjoyed reading this post – would you consider supporting our work?", True),
        ("Video verfügbar bis 28.02.2021", True),
        ("Auch interessant:", True),
        ("Auch interessant ist, dass die Stadt die Gebühren seit zehn Jahren nicht erhöht hat.", False),
        ("Weitere Themen waren die Rente und die Pflege.", False),
        ("Keine Kommentare gab es am Montag vom Konzern zu den Vorwürfen.", False),
        ("Weitere Artikel des Gesetzes regeln die Fristen, sagte die Ministerin am Dienstag in Berlin vor der Presse.", False),
        ("Kommentare", True),
        ("Comments on the draft law are due by Friday, the ministry said.", False),
        ("Reading time matters less than what readers take away from a story.", False),
        ("Read the full report, which the agency published on Monday, before the vote.", False),
        ("More than 100 million people may have perished.", False),
        ("Updated guidance from the agency says the plague is treatable with antibiotics when caught early.", False),
    ],
)
def test_furniture_lines(line: str, furniture: bool) -> None:
    assert is_furniture_line(line) is furniture


def xml(markup: str) -> etree._Element:
    return etree.fromstring(markup)


def test_a_list_of_headline_links_is_related_stories_but_a_list_of_facts_is_not() -> None:
    related = xml(
        '<list><item><ref target="/a">Pochettino fired by Tottenham</ref><head>He took the club to the final</head></item>'
        '<item><ref target="/b">Results from MLS Expansion Draft</ref><head>What you need to know</head></item></list>'
    )
    facts = xml(
        "<list><item>England (Group A): 10th appearance</item>"
        '<item>Wales (Group E): second appearance, see <ref target="/w">Wales</ref></item></list>'
    )
    assert is_related_list(related)
    assert not is_related_list(facts)


def test_a_paragraph_wrapped_in_one_long_link_is_prose_but_a_run_of_teaser_links_is_not() -> None:
    affiliate = xml(
        '<p><ref target="/deal">This is the lowest price we have ever seen for one of the best gaming monitors out '
        "there. If you are looking for the ultimate beast in gaming monitors, this one should be on your list, with "
        "a curved panel, fast response and a high refresh rate.</ref></p>"
    )
    teasers = xml(
        '<p>DON\'T MISS<lb/><ref target="/1">Plague warning: CDC names EIGHT deadly diseases</ref> [WARNING]<lb/>'
        '<ref target="/2">BLACK DEATH PLAGUE fears: Holidaymakers die after eating marmot</ref> [INSIGHT]<lb/>'
        '<ref target="/3">Plane passengers quarantined after BUBONIC PLAGUE outbreak in the region</ref> [NEWS]</p>'
    )
    assert not is_mostly_link(affiliate)
    assert is_mostly_link(teasers)


ARTICLE_TEXT = "".join(
    f"<p>Paragraph {n} of the story tells readers what happened in the harbour and why it matters to them.</p>"
    for n in range(1, 7)
)


def test_nothing_before_the_headline_is_body_text() -> None:
    html = (
        "<html><body><div class='news'><div class='brand'><span>Newsroom logo</span></div>"
        "<p>Breaking: markets open higher</p>"
        f"<h1>Harbour reopens after storm</h1><div class='text'>{ARTICLE_TEXT}</div></div></body></html>"
    )
    body = extract_article(html, "https://example.com/news/harbour-reopens").body or ""
    assert body.startswith("Paragraph 1 of the story")
    assert "Newsroom logo" not in body and "Breaking" not in body


@pytest.mark.parametrize(
    "line", ["August 17, 2023", "September 1, 2023 Updated September 3, 2023", "2023-10-22T12:30:00+04:00", "Published 25.07.2023 14:05"]
)
def test_a_line_of_dates_alone_is_furniture(line: str) -> None:
    assert is_furniture_line(line)


def test_a_sentence_that_mentions_a_date_is_not_furniture() -> None:
    assert not is_furniture_line("The council will vote on March 3, 2024 on the new harbour plan.")


def test_furniture_containers_are_recognised_whatever_the_case_of_their_names() -> None:
    tree = parse_tree(
        f"<html><body><div class='Story'>{ARTICLE_TEXT}</div><div class='NewsLetter-Box'>Sign up today</div>"
        "<aside id='RELATED'><a href='/a'>Another story</a></aside><div class='byline'>By Ann Lee</div></body></html>"
    )
    assert [element.get("class") or element.get("id") for element in furniture_containers(tree)] == ["NewsLetter-Box", "RELATED"]


def test_the_parsed_tree_has_lxml_html_element_classes() -> None:
    tree = parse_tree("<html><body><form><input name='q'><textarea></textarea></form><p>Text</p></body></html>")
    assert all(isinstance(element, lxml.html.HtmlElement) for element in tree.iter())
    assert isinstance(tree.find(".//form"), lxml.html.FormElement)
    assert isinstance(tree.find(".//input"), lxml.html.InputElement)
    assert isinstance(tree.find(".//textarea"), lxml.html.TextareaElement)


def test_an_article_after_a_template_closed_the_document_is_read_as_a_browser_reads_it() -> None:
    """wcxb-dev 0310's template writes "</body></html>" after its menu and then the article."""
    paragraphs = [
        "When defined in the simplest way possible, human resources work is about the people of a company.",
        "Outsourcing it means teaming up with an external agency that carries out those duties for the firm.",
    ]
    html = (
        "<html><head><title>Types of HR outsourcing</title></head><body><nav><a href='/'>Home</a></nav></body></html>\n"
        "<div class='blog-detail-page'><h1>Types of HR outsourcing</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>"
    )
    assert extract_article(html, "https://hr.example.com/blog/types-of-hr-outsourcing").body == "\n\n".join(paragraphs)


def test_an_article_inside_a_wrapper_named_like_a_popup_is_read() -> None:
    """wcxb-dev 4111 wraps the whole page in "Popup-Outer", and a page header its markup leaves open holds the
    article: trafilatura drops them and finds no text."""
    paragraphs = [
        "Sustainable fashion does not have to cost a fortune, and these shops prove it with every collection.",
        "Each of them pays fair wages, uses organic or recycled fibres, and publishes where its clothes are made.",
        "We tested the cheapest pieces of every brand for a season and kept wearing most of them afterwards.",
    ]
    html = (
        "<html><head><title>Affordable sustainable fashion</title></head><body><aside class='Popup-Overlay'>"
        "<div class='Popup-Outer'><header class='Header-Main'><nav><a href='/'>Home</a></nav><div class='Content'>"
        "<article><h1>Affordable sustainable fashion</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article>"
        "</div></header></div></aside></body></html>"
    )
    assert extract_article(html, "https://shop.example.com/affordable-sustainable-fashion/").body == "\n\n".join(paragraphs)


def test_control_characters_in_the_text_do_not_lose_the_body() -> None:
    """trafilatura drops the whole text of a tree holding a character XML cannot hold (trafilatura-corpus
    careelite.de has 25 of them)."""
    paragraphs = [
        "Meat takes up far more farmland than most people think, and the gap keeps growing every year.\x1f",
        "A kilo of beef needs many times the land that the same amount of grain\x0b needs to grow.",
    ]
    html = main_page("Farmland for meat", "".join(f"<p>{p}</p>" for p in paragraphs))
    assert extract_article(html, "https://news.example.com/farmland-for-meat/").body == (
        "Meat takes up far more farmland than most people think, and the gap keeps growing every year.\n\n"
        "A kilo of beef needs many times the land that the same amount of grain needs to grow."
    )


def test_a_page_with_nul_bytes_is_read_and_a_binary_file_is_not_html() -> None:
    paragraph = "Meat takes up far more farmland than most people think, and the gap keeps growing every year."
    html = main_page("Farmland for meat", f"<p>{paragraph}\x00\x00</p>").encode()
    assert extract_article(html, "https://news.example.com/farmland-for-meat/").body == paragraph
    with pytest.raises(NotHTMLError):  # a JPEG whose bytes happen to hold "<p "
        extract_article(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00<p class=x>" + bytes(range(256)), "https://news.example.com/a.jpg")


def test_php_error_messages_are_not_the_body_of_a_short_post() -> None:
    """trafilatura-corpus seelenradio.de: a sidebar plugin prints PHP warnings, which outweigh the two-line post."""
    warning = (
        "<br />\n<b>Warning</b>:  Use of undefined constant comments - assumed 'comments' (this will throw an Error in a "
        "future version of PHP) in <b>/htdocs/wp-content/plugins/get-recent-comments/get-recent-comments.php</b> "
        "on line <b>928</b><br />\n"
    )
    post = [
        "It has been a while since Henry was born, and a few days ago his brother Leo made it too.",
        "This is how it looked when Henry saw the newcomer for the first time.",
    ]
    html = (
        "<html><head><title>Number two: Leo</title></head><body><div id='content'><div class='post'>"
        "<h2 class='posttitle'>Number two: Leo</h2><div class='postentry'>" + "".join(f"<p>{p}</p>" for p in post)
        + "</div></div></div><div id='sidebar'><ul><li><h2>Recent comments</h2><ul>" + warning * 4 + "</ul></li></ul></div>"
        "</body></html>"
    )
    assert extract_article(html, "http://blog.example.com/number-two-leo/").body == "\n\n".join(post)


def test_a_heading_left_at_the_end_without_its_links_is_not_body_text() -> None:
    """trafilatura-corpus digitale-exzellenz.de: its body ended with "Empfohlene Beiträge" once the teasers under it
    were left out."""
    paragraphs = body_of(
        "traf-digitale-exzellenz.html.gz",
        "https://www.digitale-exzellenz.de/ki-china-teil-2-wie-das-fernost-facebook-das-gesundheitswesen-revolutioniert/",
    )
    assert paragraphs[-1].startswith("Yirou Chen ist seit Juli 2018 Werkstudentin im DigiLab von Sopra Steria")
    assert "Empfohlene Beiträge" not in paragraphs


def test_the_extraction_tree_empties_every_consumed_element_not_only_the_first() -> None:
    pictures = "".join(
        f'<div class="photo"><img src="/img/{n}.jpg"><div class="caption"><span>Caption {n}.</span>'
        f' <span class="credit">Agency {n}</span></div></div><p>Paragraph {n}.</p>'
        for n in range(1, 4)
    )
    html = f"<html><head><title>Headline</title></head><body><article><h1>Headline</h1>" \
        f"<p class='byline'>By <b>Jane Doe</b></p>{pictures}</article></body></html>"
    page = parse_page(html, "https://example.com/news/story")
    article = Article(url=page.url)
    for step in (metadata.fill, titles.fill, bylines.fill, images.fill):
        step(page, article)
    assert clean_text(tree_for_extraction(page)[0].body.text_content()) == "Paragraph 1.Paragraph 2.Paragraph 3."


def test_a_story_split_into_chunks_by_ad_rails_is_read_whole() -> None:
    paragraph = "<p>{} " + "The council voted late on Tuesday to approve the new budget for the coming year. " * 2 + "</p>"
    chunk = '<div class="grid grid-layout--adrail"><div class="body body__container article__body">{}{}</div><aside>Advertisement</aside></div>'
    html = (
        "<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>"
        + chunk.format(paragraph.format("First."), paragraph.format("Second."))
        + chunk.format(paragraph.format("Third."), paragraph.format("Fourth."))
        + "</article></body></html>"
    )
    body = extract_article(html, "https://example.com/story/budget").body or ""
    assert [line.split()[0] for line in body.split("\n\n")] == ["First.", "Second.", "Third.", "Fourth."]


def test_story_chunks_join_in_reading_order_around_the_longest() -> None:
    paragraph = "<p>{} " + "The council voted late on Tuesday to approve the new budget for the coming year. " * 2 + "</p>"
    chunk = '<div class="grid grid-layout--adrail"><div class="article__body">{}</div><aside>Advertisement</aside></div>'
    labels = [["A1.", "A2."], ["B1.", "B2."], ["C1.", "C2.", "C3.", "C4."], ["D1.", "D2."]]
    chunks = "".join(chunk.format("".join(paragraph.format(label) for label in group)) for group in labels)
    html = f"<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>{chunks}</article></body></html>"
    body = extract_article(html, "https://example.com/story/budget").body or ""
    assert [line.split()[0] for line in body.split("\n\n")] == [label for group in labels for label in group]


def test_an_intro_and_an_outro_of_one_class_around_the_story_sections_stay_apart() -> None:
    paragraph = "<p>{} The brand makes its clothes from recycled fibres in small workshops in Los Angeles.</p>"
    text = '<div class="article__block"><div class="article__content rich-text">{}</div></div>'
    section = '<div class="layout-block"><h2>Brand {0}</h2><div class="layout-block__content">{1}{2}</div></div>'
    intro = text.format(paragraph.format("I1.") + paragraph.format("I2."))
    sections = "".join(section.format(index, paragraph.format(f"S{index}a."), paragraph.format(f"S{index}b.")) for index in range(1, 11))
    outro = text.format(paragraph.format("O1.") + paragraph.format("O2."))
    html = f"<html><head><title>Brands</title></head><body><article><h1>Brands</h1>{intro}{sections}{outro}</article></body></html>"
    body = extract_article(html, "https://example.com/brands-made-in-the-usa").body or ""
    labels = [line.split()[0] for line in body.split("\n\n") if not line.startswith("Brand ")]
    assert labels == ["I1.", "I2.", *(f"S{i}{part}." for i in range(1, 11) for part in "ab"), "O1.", "O2."]


def test_soft_hyphens_and_zero_width_spaces_do_not_split_body_words() -> None:
    sentence = "Schon im Mit\u00adtel\u00adal\u00adter war der St. Mag\u00adda\u00adle\u00adner das Aus\u00adhän\u00adge\u00adschild der Region."
    paragraphs = "".join(f"<p>{sentence} Absatz {index}.</p>" for index in range(4)) + "<p>\u200b</p>"
    html = f"<html><head><title>Wein</title></head><body><article><h1>Wein</h1>{paragraphs}</article></body></html>"
    body = extract_article(html, "https://example.de/wein/st-magdalener").body or ""
    assert body.split("\n\n")[0] == "Schon im Mittelalter war der St. Magdalener das Aushängeschild der Region. Absatz 0."
    assert len(body.split("\n\n")) == 4


def test_ruby_annotated_japanese_words_are_not_spaced_apart() -> None:
    sentence = "子どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための<ruby>法律<rt>ほうりつ</rt></ruby>ができて、<ruby>親<rt>おや</rt></ruby>が子どもを教育するために体罰を禁止することになりました。"
    paragraphs = "".join(f"<p>{sentence}</p>" for _ in range(4))
    html = f'<html lang="ja"><head><title>法律</title></head><body><article><h1>法律</h1>{paragraphs}</article></body></html>'
    body = extract_article(html, "https://www3.nhk.or.jp/news/easy/k10011959621000/k10011959621000.html").body or ""
    assert body.split("\n\n")[0].startswith("子どもへの虐待をなくすための法律ができて、親が子どもを教育するために")


def test_running_text_before_a_headline_printed_under_it_stays() -> None:
    paragraph = "<p>{} " + "Back from Berlin Fashion Week and full of impressions from behind the scenes. " * 2 + "</p>"
    content = '<div class="entry-content">' + "".join(paragraph.format(f"P{index}.") for index in range(1, 6)) + "</div>"
    html = (
        "<html><head><title>Top 5 must-haves</title></head><body><header><p>Menu</p></header><article>"
        f'{content}<div class="entry-header"><h1 class="entry-title">Top 5 must-haves</h1></div></article></body></html>'
    )
    body = extract_article(html, "https://example.com/top-5-fashion-must-haves-2018/").body or ""
    assert [line.split()[0] for line in body.split("\n\n")] == ["P1.", "P2.", "P3.", "P4.", "P5."]


def main_page(title: str, content: str, head: str = "") -> str:
    """A page whose <main> holds the headline `title` and then `content`."""
    return f"<html><head><title>{title}</title>{head}</head><body><main><h1>{title}</h1>{content}</main></body></html>"


FORUM_POST = (
    '<article class="post"><div class="thread-comment-body"><p>Post {0}. I upgraded the board firmware last week and since '
    "then the fans spin at full speed after every restart, whatever the profile says.</p><p>Asked by user {0}.</p></div></article>"
)


def test_forum_posts_in_comment_named_containers_are_the_body() -> None:
    posts = "".join(FORUM_POST.format(number) for number in range(1, 7))
    html = main_page("Fans at full speed", posts)
    body = extract_article(html, "https://forum.example.com/topic/123-fans-at-full-speed/").body or ""
    assert [line.split(".")[0] for line in body.split("\n\n")] == [
        text for number in range(1, 7) for text in (f"Post {number}", f"Asked by user {number}")
    ]


def test_comments_after_an_article_stay_out_of_the_body() -> None:
    paragraph = "<p>{} " + "The council voted late on Tuesday to approve the new budget for the coming year. " * 2 + "</p>"
    story = "".join(paragraph.format(f"P{index}.") for index in range(1, 4))
    comments = "".join(FORUM_POST.format(number) for number in range(1, 7))
    html = f"<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>{story}</article>{comments}</body></html>"
    body = extract_article(html, "https://example.com/story/budget").body or ""
    assert [line.split()[0] for line in body.split("\n\n")] == ["P1.", "P2.", "P3."]


def test_the_headline_links_of_a_listing_page_are_its_body() -> None:
    item = '<p><a href="/science/story-{0}">Story {0}: researchers map the ocean floor with a fleet of autonomous drones</a></p>'
    intro = "<p>The latest science news from our reporters, updated through the day.</p>"
    stories = "".join(item.format(number) for number in range(1, 6))
    html = main_page("Science", intro + stories)
    body = extract_article(html, "https://example.com/science/").body or ""
    assert [line.split(":")[0] for line in body.split("\n\n")] == [
        "The latest science news from our reporters, updated through the day.", *(f"Story {n}" for n in range(1, 6))
    ]


def test_related_story_links_under_an_article_stay_out_of_the_body() -> None:
    paragraph = "<p>{} " + "The council voted late on Tuesday to approve the new budget for the coming year. " * 2 + "</p>"
    story = "".join(paragraph.format(f"P{index}.") for index in range(1, 4))
    link = '<p><a href="/story-{0}">Story {0}: the mayor explains where the money goes</a></p>'
    html = f"<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>{story}" \
        + "".join(link.format(number) for number in range(1, 3)) + "</article></body></html>"
    body = extract_article(html, "https://example.com/story/budget").body or ""
    assert [line.split()[0] for line in body.split("\n\n")] == ["P1.", "P2.", "P3."]


def test_a_product_description_placed_before_the_headline_stays() -> None:
    details = "".join(
        f"<li>Detail {n}: pre-seasoned cast iron that holds heat evenly, for searing, baking and frying.</li>" for n in range(1, 7)
    )
    html = (
        "<html><head><title>Cast Iron Skillet</title></head><body><header><nav><a href='/'>Home</a> <a href='/shop'>Shop</a>"
        f"</nav></header><main><div class='gallery-and-details'><ul>{details}</ul></div>"
        "<div class='buy-box'><h1>Cast Iron Skillet</h1><p>Price: $29.90</p></div></main></body></html>"
    )
    body = extract_article(html, "https://shop.example.com/p/cast-iron-skillet").body or ""
    assert [line.split(":")[0] for line in body.split("\n\n")] == [*(f"Detail {n}" for n in range(1, 7)), "Price"]


def test_a_post_whose_title_is_its_whole_text_keeps_it_as_the_body() -> None:
    text = "FCC chair to Europe: restrict our satellite providers and we will ban yours here, the regulator says."
    html = f'<html><head><title>{text}</title><meta property="og:title" content="{text}"></head><body><main><p>{text}</p></main></body></html>'
    assert extract_article(html, "https://forum.example.com/r/technology/comments/1/fcc_chair/").body == text


def test_the_product_cards_of_a_listing_with_text_beside_their_links_are_its_body() -> None:
    card = '<li><a href="/p/bottle-{0}">Trail bottle {0}, 32 fl. oz.</a> $17.00, screw cap, narrow opening</li>'
    intro = "<p>Bottles for hiking and camping, from the brands we test.</p>"
    cards = "".join(card.format(number) for number in range(1, 7))
    html = main_page("Water bottles", f"{intro}<ul>{cards}</ul>")
    body = extract_article(html, "https://shop.example.com/c/water-bottles").body or ""
    assert [line.split(",")[0] for line in body.split("\n\n")] == [
        "Bottles for hiking and camping", *(f"Trail bottle {n}" for n in range(1, 7))
    ]


def test_forum_posts_after_a_long_notice_before_the_headline_are_the_body() -> None:
    notice = "We and our partners store and read data on your device to measure visits and show you relevant content. " * 5
    posts = "".join(FORUM_POST.format(number) for number in range(1, 4))
    html = (
        f"<html><head><title>Fans at full speed</title></head><body><div class='consent-box'><p>{notice}</p>"
        f"<button>Accept</button></div><main><h1>Fans at full speed</h1>{posts}</main></body></html>"
    )
    body = extract_article(html, "https://forum.example.com/topic/123-fans-at-full-speed/").body or ""
    assert [line.split(".")[0] for line in body.split("\n\n")] == [
        text for number in range(1, 4) for text in (f"Post {number}", f"Asked by user {number}")
    ]


SERVICES = ("Tax returns for companies", "Payroll for small teams", "Bookkeeping by the month", "Advice on founding a firm")


def service_page(declared_type: str) -> str:
    """A service page whose list of linked services holds about a quarter of its text."""
    intro = (
        "<p>We look after the books of small firms in the city, from the first invoice to the yearly accounts, and we "
        "answer questions by phone or at our office.</p><p>Every client has one accountant who knows the firm, and the "
        "fees are agreed before the work starts, so there are no surprises.</p>"
    )
    services = "".join(f'<li><a href="/services/{n}">{name}</a> at a fixed price</li>' for n, name in enumerate(SERVICES))
    meta = f'<meta property="og:type" content="{declared_type}">'
    return main_page("Our services", f"{intro}<ul>{services}</ul>", head=meta)


def test_the_linked_items_of_a_page_not_declared_an_article_are_its_body() -> None:
    body = extract_article(service_page("website"), "https://accounts.example.com/services").body or ""
    assert body.split("\n\n")[2:] == [f"{name} at a fixed price" for name in SERVICES]


def test_the_same_linked_items_under_a_declared_article_stay_out_of_its_body() -> None:
    body = extract_article(service_page("article"), "https://accounts.example.com/services").body or ""
    assert [line.split(",")[0] for line in body.split("\n\n")] == [
        "We look after the books of small firms in the city",
        "Every client has one accountant who knows the firm",
    ]


def test_story_cards_in_furniture_named_containers_that_hold_most_of_a_page_are_its_body() -> None:
    card = (
        '<div class="card promo-card"><h2><a href="/story-{0}">Story {0}: the river is cleaner than it has been in decades</a>'
        "</h2><p>Summary {0}. Volunteers counted fish at ten places along the banks this spring, and found more kinds than "
        "at any count since the survey began.</p></div>"
    )
    intro = (
        "<p>Our reporting on the rivers of the region: what lives in them, who looks after them and what the towns along "
        "them put in.</p>"
    )
    cards = "".join(card.format(number) for number in range(1, 4))
    html = main_page("Rivers", f"{intro}<div class='grid'>{cards}</div>")
    body = extract_article(html, "https://example.com/topics/rivers").body or ""
    assert [line.split(".")[0].split(":")[0] for line in body.split("\n\n")] == [
        "Our reporting on the rivers of the region",
        *(text for number in range(1, 4) for text in (f"Story {number}", f"Summary {number}")),
    ]


def test_a_menu_cut_before_the_headline_does_not_come_back_as_the_body() -> None:
    groups = {
        "Platform": ("What is new", "Security", "Integrations", "Pricing plans"),
        "Design": ("Spec hub", "Manage specifications", "Mock servers", "Validate behaviour"),
        "Build": ("Collections", "Organise requests", "Workspaces", "Collaborate with teams", "Flows", "Create visual workflows"),
    }
    menu = "".join(
        f"<div class='col'><p>{group}</p>" + "".join(f"<p><a href='/{n}'>{link}</a></p>" for n, link in enumerate(links)) + "</div>"
        for group, links in groups.items()
    )
    tagline = "Design, test and ship your programming interfaces. Built for engineers, ready for a large firm."
    html = (
        "<html><head><title>The interface platform</title></head><body><div class='main-content'>"
        f"<div class='menu'>{menu}</div><div class='hero'><h1>The interface platform</h1><p>{tagline}</p></div></div></body></html>"
    )
    assert extract_article(html, "https://www.acme.example/platform").body == tagline


def test_subheadings_linked_to_their_own_section_are_body_text() -> None:
    """wcxb-dev 0091 (a Nuxt site) links each subheading to itself, <h3 id=x><a href="#x">, and lost every one as a
    link line; a Sphinx manual puts a "¶" permalink beside its headings, which is not text."""
    sentence = "Learning to play an instrument can enhance memory, attention and problem-solving skills at any age."
    sections = "".join(
        f"<h3 id='s{n}'><a href='#s{n}'>Benefit number {n}</a></h3><p>{sentence} {sentence}</p>"
        f"<h3>Practice plan {n}<a class='headerlink' href='#p{n}'>¶</a></h3><p>{sentence}</p>"
        for n in range(1, 4)
    )
    html = (
        "<html><head><title>A guide to music lessons</title></head><body><article><h1>A guide to music lessons</h1>"
        f"{sections}</article></body></html>"
    )
    body = extract_article(html, "https://example.com/articles/music-lessons").body
    assert body
    headings = [paragraph for paragraph in body.split("\n\n") if sentence not in paragraph]
    assert headings == [f"{kind} {n}" for n in range(1, 4) for kind in ("Benefit number", "Practice plan")]


def test_a_listicle_heading_linked_to_its_item_is_body_text_a_related_story_heading_is_not() -> None:
    """wcxb-dev breaddad, agencyanalytics: each item's heading links to the product or guide presented, and was lost
    as a link line. A linked headline of another story set into an article (ABC, soy502) stays out: the paragraphs
    after it do not speak of it."""
    items = "".join(
        f"<h3><a href='https://shop.example/{name.lower()}'>{name} bread machine</a></h3>"
        f"<p>The {name} bread machine bakes a two pound loaf and keeps it warm for an hour after baking.</p>"
        f"<p>Owners of the {name} like its quiet motor, its clear display and its twelve baking programs.</p>"
        for name in ("Zojirushi", "Cuisinart", "Breadman")
    )
    related = (
        "<h3><a href='/2025/01/12/other-story'>Detenida una madre por dejar encerrada a su hija</a></h3>"
        "<p>The council will vote on the new budget for schools and roads at its meeting next Tuesday evening.</p>"
        "<p>Residents may comment on the plan at the town hall until the end of the month, the mayor said.</p>"
    )
    html = (
        "<html><head><title>The best bread machines</title></head><body><article><h1>The best bread machines</h1>"
        f"{items}{related}</article></body></html>"
    )
    body = extract_article(html, "https://example.com/best-bread-machines/").body
    assert body
    headings = [paragraph for paragraph in body.split("\n\n") if len(paragraph.split()) < 8]
    assert headings == ["Zojirushi bread machine", "Cuisinart bread machine", "Breadman bread machine"]
    assert "The council will vote" in body
    assert "Detenida" not in body


def test_microdata_hidden_from_the_reader_is_not_body_text() -> None:
    """aeb businessinsider: a <div style="display:none" itemscope> repeats the headline, keywords, dates and image
    address as text, and trafilatura took it for the article's end."""
    first = "The attorney general is investigating the company over its handling of customer data and fees."
    second = "The chief executive will step down in May and hand the company to its longtime operations chief."
    microdata = (
        "<div style='display: none;' itemscope itemtype='http://schema.org/NewsArticle'>"
        "<div itemprop='headline'>10 things in tech you need to know today</div>"
        "<div itemprop='keywords'>10 things in tech,10 things in tech SAI</div>"
        "<div itemprop='datePublished'>2019-11-19T08:57:40+01:00</div>"
        "<div itemprop='image' itemscope><div itemprop='url'>https://static.example.com/image/10-things.jpg</div></div>"
        "</div>"
    )
    html = (
        "<html><head><title>10 things in tech you need to know today</title></head><body><article>"
        f"<h1>10 things in tech you need to know today</h1><p>{first}</p><p>{second}</p>{microdata}"
        "</article></body></html>"
    )
    body = extract_article(html, "https://www.example.com/10-things-in-tech-2019-11").body
    assert body == f"{first}\n\n{second}"


def test_a_link_that_starts_inside_a_word_does_not_cut_it() -> None:
    """fundus-dev Metro: "sweeping changes i<a href=...>n their first King's Speech</a>" became "i n their"."""
    first = (
        "Labour has announced sweeping changes i<a href='/2024/07/16/kings-speech/'>n their first King's Speech</a>,"
        " including confirmation of VAT on private school fees and plans to build new homes."
    )
    second = "The event is full of pomp, ceremony and quirky oddities, but it is also a crucial part of the calendar."
    html = main_page("King's Speech: what was announced", f"<p>{first}</p><p>{second}</p>")
    body = extract_article(html, "https://news.example.com/kings-speech/").body
    assert body is not None and body.startswith("Labour has announced sweeping changes in their first King's Speech,")
