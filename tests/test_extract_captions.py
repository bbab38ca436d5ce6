"""Captions: a caption's text split from its photo credit, and a credit without its label."""

from __future__ import annotations

import pytest

from newsspider.extract.captions import labelled_title_credit, split_credit, strip_credit_prefix


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        ("President Ilham Aliyev in Shusha, July 21, 2023 / President.Az", "President Ilham Aliyev in Shusha, July 21, 2023", "President.Az"),
        ("Firefighters at work. © DPA Images | Christoph Soeder", "Firefighters at work.", "DPA Images/Christoph Soeder"),
        ("A man walks past the bank. Photo: AFP", "A man walks past the bank.", "AFP"),
        ("Smoke over the city (Reuters)", "Smoke over the city", "Reuters"),
        ("Credit: Jane Doe", "", "Jane Doe"),
        ("коллаж: Андрей Калистратенко", "", "Андрей Калистратенко"),
        ("Die Kandidaten im Vergleich. Fotomontage: Jan Mayer", "Die Kandidaten im Vergleich.", "Jan Mayer"),
        ("Illustration: Jane Doe", "", "Jane Doe"),
        ("Image credit: TechRadar", "", "TechRadar"),
        ("Y bác sĩ nội soi cho bệnh nhân. Ảnh: Bệnh viện cung cấp", "Y bác sĩ nội soi cho bệnh nhân.", "Bệnh viện cung cấp"),
        ("Bheki/ Informal Traders/ City of Johannesburg", "Bheki/ Informal Traders/ City of Johannesburg", None),
        ("Rejoice Ndlovu. Isithombe: Sithunyelwe", "Rejoice Ndlovu.", "Sithunyelwe"),
        ("후보가 인사하고 있다. [사진 출처 = 연합뉴스]", "후보가 인사하고 있다.", "연합뉴스"),
        ("Trump only stayed in the court for about an hour. AP", "Trump only stayed in the court for about an hour.", "AP"),
        ("Vargas Llosa (l.) auf Mallorca.", "Vargas Llosa (l.) auf Mallorca.", None),
        ("BMW 2er Active Tourer (2022)", "BMW 2er Active Tourer (2022)", None),
        ("Zelensky (left) may have to fire Syrsky (right)", "Zelensky (left) may have to fire Syrsky (right)", None),
        ("日本代表の（左から）西田、石川（Ｃ）共同通信社", "日本代表の（左から）西田、石川", "共同通信社"),
        ("Young people protest against the war. 2:43 min", "Young people protest against the war. 2:43 min", None),
        ("Povilas Aleksandravičius / J. Stacevičiaus / LRT nuotr.", "Povilas Aleksandravičius", "J. Stacevičiaus / LRT nuotr."),
        (
            "Zane Dangor spoke. (Photo: Frank van Beek / UN Photo/ICJ-CIJ. Courtesy of the ICJ)",
            "Zane Dangor spoke.",
            "Frank van Beek / UN Photo/ICJ-CIJ. Courtesy of the ICJ",
        ),
    ],
)
def test_split_credit(text: str, caption: str, credit: str | None) -> None:
    assert split_credit(text) == (caption, credit)


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("(Foto: Pool via REUTERS)", "Pool via REUTERS"),
        ("Image: LightRocket via Getty Images", "LightRocket via Getty Images"),
        ("Symbolfoto: picture alliance/dpa", "picture alliance/dpa"),
        ("Bildrechte: MDR/David Straub", "MDR/David Straub"),
        ("Photograph: Eva Manez/Reuters", "Eva Manez/Reuters"),
        ("Copyright © Jane Doe", "Jane Doe"),
        ("Photo by Jane Doe", "Jane Doe"),
        ("picture alliance/dpa", "picture alliance/dpa"),
        ("Getty Images", "Getty Images"),
        ("( Image: Getty Images/iStockphoto)", "Getty Images/iStockphoto"),
        ("Alba Pacheco/\u200bAgencia LOF/\u200bdpa", "Alba Pacheco/Agencia LOF/dpa"),
    ],
)
def test_strip_credit_prefix(text: str, credit: str) -> None:
    assert strip_credit_prefix(text) == credit


@pytest.mark.parametrize(
    ("title", "credit"),
    [
        ("Firefighters protest | Bildquelle: WDR / Biernat", "WDR / Biernat"),
        ("Foto: dpa", "dpa"),
        ("Firefighters protest", None),  # no label: a title, not a credit
    ],
)
def test_labelled_title_credit(title: str, credit: str | None) -> None:
    assert labelled_title_credit(title) == credit
