"""Text helpers: whitespace, normalisation and class/id keywords."""

import lxml.html

from newsspider.extract.text import class_and_id, clean_text


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
