"""Caption text: a caption split from its photo credit, and a credit without its label ("Photo:", "©")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .text import clean_text, without_invisible, words

# "Photo", "Bild", "Quelle", "Collage" and their compounds ("Symbolfoto", "Bildrechte", "Fotomontage"), in the
# languages the sites write. "Montage" alone heads an assembly section ("Montage: Reifen schlauchlos montieren").
_CREDIT_WORD = (
    r"(?:\w*(?:photo(?:graph)?s?|foto(?:graf(?:ie)?)?s?|fotoğraf|images?|bild(?:er)?|pictures?|credits?|copyright|source|quelle|rechte|fuente|"
    r"crédito?|isithombe|фото|источник|nuotr|ảnh|collage|коллаж|колаж|\wmontage|illustration(?:en)?)|사진(?:\s*출처)?|출처)"
)
CREDIT_LINE_WORDS = 6  # words after the label on a line that is only a credit ("Foto: Michael von Lingen (Copyright)")
_CREDIT_LABEL = rf"{_CREDIT_WORD}(?:\s+{_CREDIT_WORD})?"  # "Image credit:", "Photo source:"
_CREDIT_PATTERNS = (
    re.compile(r"^(?P<caption>.*?)\s*(?P<credit>(?:(?:bild|foto|photo)\s*)?(?:©|（ｃ）).{2,120})$", re.I),
    re.compile(rf"^(?P<caption>(?:.*?[\s.])??)(?P<label>{_CREDIT_LABEL})\s*:\s*(?P<credit>.{{2,100}})$", re.I),
    re.compile(rf"^(?P<caption>.*?)\s*\(\s*(?:(?P<label>{_CREDIT_LABEL})\s*:)?\s*(?P<credit>[^()]{{2,120}})\)\.?$", re.I),
    re.compile(rf"^(?P<caption>.*?)\s*\[\s*(?:(?P<label>{_CREDIT_LABEL})\s*[:=])?\s*(?P<credit>[^\[\]]{{2,60}})\]\.?$", re.I),
    re.compile(r"^(?P<caption>.*?)\s+(?:/|\|)\s+(?P<credit>[^|]{2,60})$"),
    # A few words after the caption's last sentence: "... for about an hour. AP", "... 있다. 연합뉴스".
    re.compile(r"^(?P<caption>.*\w[.!?])\s+(?P<credit>[^\s.!?]+(?:\s+[^\s.!?]+){0,2})$"),
)
# A label needs its separator: "picture alliance" and "Getty Images" are credits, not labels.
_CREDIT_PREFIX = re.compile(
    rf"^(?:(?:(?:bild|foto|photo)\s*©|©|\(c\)|（ｃ）|copyright\b|{_CREDIT_LABEL}\s*(?:[:©=]|(?:by|von|de|par)\b))\s*)+", re.I
)
# "... | Bildquelle: WDR / Biernat" at the end of an <img title>.
_TITLE_CREDIT = re.compile(rf"(?:^|[\s|.])(?:{_CREDIT_LABEL})\s*:\s*(?P<credit>.{{2,100}})$", re.I)
_NUMBERS_ONLY = re.compile(r"^[\d\W]*(?:min|sek|sec|s|h|std|uhr)?\W*$", re.I)
_POSITION = re.compile(
    r"^(?:from\s+)?(?:left|right|cent(?:er|re)|top|bottom|above|below|links|rechts|mitte|oben|unten|[lrm]|v\.\s*l\.(?:\s*n\.\s*r\.)?)\.?$",
    re.I,
)
_REPEATED = re.compile(r"^(.{3,}?)\s+(?:copyright\s+|©\s*)?\1$", re.I)


def split_credit(caption: str) -> tuple[str, str | None]:
    """A caption's text and its trailing credit: "... / President.Az", "(Reuters)", "Photo: AFP", "© X"."""
    for pattern in _CREDIT_PATTERNS:
        match = pattern.match(caption)
        if match and (labelled(match) or looks_like_credit(match.group("credit"))):
            return clean_text(match.group("caption")).rstrip(" -–—,;|"), strip_credit_prefix(match.group("credit"))
    return caption.rstrip(" -–—,;|"), None


def labelled(match: re.Match[str]) -> bool:
    """A credit announced by a label ("Photo:", "[사진 출처 = ...]"): it may be as long as the pattern lets it."""
    return bool(match.re.groupindex.get("label") and match.group("label"))


def looks_like_credit(text: str) -> bool:
    """Short, name-like text: not a sentence, a year, a video's running time ("2:43 min") or a position ("(left)")."""
    text = clean_text(text)
    if _NUMBERS_ONLY.match(text) or _POSITION.match(text):
        return False
    return 1 < len(text) <= 80 and len(text.split()) <= 8 and not ends_sentence(text) or text.startswith("©")


def ends_sentence(text: str) -> bool:
    """Text ending like a sentence; a lower-case abbreviation ("LRT nuotr.", "Archiv.") does not."""
    last_word = text.split()[-1] if text.split() else ""
    return text.endswith(("?", "!")) or text.endswith(".") and not (last_word.islower() and len(last_word) <= 6)


def worded(caption: str) -> str | None:
    """A caption with at least one word; punctuation left over from a split credit is none."""
    return caption if words(caption) else None


def is_credit_line(text: str) -> bool:
    """A line that is only a labelled credit or source ("Foto: dpa", "Bildquelle: WDR / Biernat", "Source: G2"): a
    picture's or a chart's credit set apart from it, not text."""
    label = _CREDIT_PREFIX.match(text)
    return label is not None and len(words(text[label.end():])) <= CREDIT_LINE_WORDS


def strip_credit_prefix(credit: str) -> str | None:
    """A credit without "Photo:", "©" or "Credit:" in front, and " | " written as "/"."""
    text = clean_text(without_invisible(credit))  # zero-width spaces some CMSs put after each "/"
    if text.startswith(("(", "[")) and text.endswith((")", "]")):
        text = clean_text(text[1:-1])
    text = clean_text(_CREDIT_PREFIX.sub("", text))
    return clean_text(re.sub(r"\s+\|\s+", "/", text)) or None


def labelled_title_credit(title: str) -> str | None:
    """The credit a picture's title announces with a label at its end ("... | Bildquelle: WDR / Biernat")."""
    match = _TITLE_CREDIT.search(title)
    return strip_credit_prefix(match.group("credit")) if match else None


def distinct_credits(texts: Iterable[str | None]) -> list[str]:
    """Non-empty credit texts, each once, in order (sites repeat a credit for screen readers, or twice in a row)."""
    seen: list[str] = []
    for text in texts:
        credit = written_once(text or "")
        if credit and credit not in seen:
            seen.append(credit)
    return seen


def written_once(text: str) -> str:
    """A text written twice in a row ("X Copyright X") as its one copy; other text as it is."""
    half = _REPEATED.match(text)
    return strip_credit_prefix(half.group(1)) or "" if half else text
