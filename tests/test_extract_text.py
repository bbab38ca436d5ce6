"""Text helpers: whitespace, normalisation and class/id keywords."""

import lxml.html

from newsspider.extract.text import alphanumeric_key, class_and_id, clean_text, joined_text_length


def test_clean_text_collapses_every_unicode_space_and_composes() -> None:
    raw = "\u3000 Cafe\u0301\u00a0au\tlait\u2028with\u0085milk \x1c\n"
    assert clean_text(raw) == "Café au lait with milk"


def test_clean_text_of_nothing_is_empty() -> None:
    assert clean_text(None) == "" and clean_text(" \n ") == ""


def test_class_and_id_lower_cased_with_or_without_attributes() -> None:
    figure = lxml.html.fragment_fromstring('<div class="Photo-Caption" id="Lead"><span>x</span></div>')
    assert class_and_id(figure) == "photo-caption lead"
    assert class_and_id(figure[0]) == " "
    assert class_and_id(lxml.html.fragment_fromstring('<p id="Byline">x</p>')) == " byline"


def test_joined_text_length_counts_text_and_tails_with_one_space_between() -> None:
    page = lxml.html.document_fromstring(
        "<html><body><div>Lead <b>bold</b> tail<p>Café 😀</p><br>after <i></i>end</div><section></section></body></html>"
    )
    for element in page.iter():
        assert joined_text_length(element) == len(" ".join(element.itertext())), element.tag
    assert joined_text_length(page.find(".//section")) == 0


def test_alphanumeric_key_is_one_for_every_spelling_and_keeps_only_what_isalnum_keeps() -> None:
    assert alphanumeric_key("sophie-foster") == alphanumeric_key("Sophie Foster") == "sophiefoster"
    assert alphanumeric_key("Straße_2,5 ½") == "strasse25½"
