"""Language: the one the article's text is written in.

Pages declare a language (`<html lang>`, og:locale; the metadata step reads it), but many declare their CMS's
default ("en-US" on a German or isiZulu site) or none at all. The text is read with py3langid; its reading fills a
missing declaration, and overrules a declared language only when it is near-certain.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from ..items import Article
from .page import Page
from .text import word_count

MIN_WORDS = 30  # shorter text (a teaser, a caption) is read too unreliably to contradict the page
TEXT_CHARACTERS = 2000  # the opening of the text is enough to tell its language
FILL_PROBABILITY = 0.5  # no language declared: the likeliest reading, when it is more likely than not
OVERRULE_PROBABILITY = 0.99  # a declared language gives way only to a near-certain reading
_NO_LINGUISTIC_CONTENT = "zxx"  # py3langid's reading of data, tables and code
_MACROLANGUAGES = {"nb": "no", "nn": "no"}  # Bokmål and Nynorsk are Norwegian, as py3langid reads them
LOGGER = logging.getLogger(__name__)


def fill(page: Page, article: Article) -> None:
    """Set article.language from the declared language and the article's text."""
    article.language = text_language(article.language, article.title, article.body)


def text_language(declared: str | None, title: str | None, body: str | None) -> str | None:
    """The declared language unless the text's reading fills or overrules it."""
    if word_count(body or "") < MIN_WORDS:
        return declared
    model = identifier()
    if model is None:
        return declared
    language, probability = identified_language(model, f"{title or ''}\n{body}")
    if language is None or same_language(language, declared):
        return declared
    return language if probability >= (OVERRULE_PROBABILITY if declared else FILL_PROBABILITY) else declared


def identified_language(model: LanguageIdentifier, text: str) -> tuple[str | None, float]:
    """The model's likeliest language of `text` (None for data or code) and its probability."""
    language, probability = model.classify(text[:TEXT_CHARACTERS])
    return (None if language == _NO_LINGUISTIC_CONTENT else language), probability


def same_language(identified: str, declared: str | None) -> bool:
    return declared is not None and _MACROLANGUAGES.get(identified, identified) == _MACROLANGUAGES.get(declared, declared)


@lru_cache(maxsize=1)
def identifier() -> LanguageIdentifier | None:
    """The model, loaded once (about half a second) when a text is first read; None when it cannot be: py3langid
    unpacks it through a temporary file, which a full disk refuses. Then declared languages stand, and the crawl
    goes on to fail, or not, where it writes its own files."""
    try:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    except OSError as error:
        LOGGER.warning("language model not loaded, declared languages are kept: %s", error)
        return None
