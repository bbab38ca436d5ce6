"""Language: the declared one, unless the article's text plainly reads as another or the page declares none."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsspider.extract import extract_article

GERMAN = (
    "Der Gemeinderat hat am Dienstagabend beschlossen, die Brücke über den Fluss im kommenden Frühjahr zu sanieren. "
    "Die Arbeiten sollen etwa sechs Monate dauern, und während dieser Zeit wird der Verkehr über eine Umleitung "
    "durch die Innenstadt geführt. Die Anwohner wurden in einer Versammlung über die Pläne informiert."
)
ENGLISH = (
    "The city council voted on Tuesday evening to repair the bridge over the river next spring. The work is "
    "expected to take about six months, and during that time traffic will be diverted through the town centre. "
    "Residents were told about the plans at a public meeting held in the library."
)
NORWEGIAN = (
    "Bystyret vedtok tirsdag kveld å reparere brua over elva til våren. Arbeidet ventes å ta om lag seks måneder, "
    "og i den tiden blir trafikken ledet gjennom sentrum. Beboerne fikk høre om planene på et møte i biblioteket, "
    "der mange stilte spørsmål om støy og parkering."
)


def language_of(text: str, lang: str | None) -> str | None:
    declared = f' lang="{lang}"' if lang else ""
    html = f"<html{declared}><head><title>Bridge</title></head><body><article><h1>Bridge</h1><p>{text}</p></article></body></html>"
    return extract_article(html, "https://example.com/news/bridge").language


@pytest.mark.parametrize(
    ("text", "declared", "expected"),
    [
        (GERMAN, "en-US", "de"),  # a CMS's default declaration on a German story
        (ENGLISH, "de", "en"),
        (ENGLISH, None, "en"),  # nothing declared: the text tells
        (GERMAN, "de-DE", "de"),
        (NORWEGIAN, "nb", "nb"),  # Bokmål is Norwegian: the declared, finer tag is kept
        ("Kurzmeldung: The council votes on the bridge today.", "de", "de"),  # too short to overrule the page
    ],
)
def test_the_text_fills_or_overrules_the_declared_language(text: str, declared: str | None, expected: str) -> None:
    assert language_of(text, declared) == expected


def test_without_room_to_unpack_the_model_the_declared_language_stands() -> None:
    """py3langid unpacks its model through a temporary file: on a full disk the page keeps its declaration."""
    script = (
        "import resource, signal\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from newsspider.extract import extract_article\n"
        f"html = '<html lang=\"en\"><body><article><h1>Bridge</h1><p>{GERMAN}</p></article></body></html>'\n"
        "print(extract_article(html, 'https://example.com/news/bridge').language)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "en"
