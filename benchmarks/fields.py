"""Which pages each field is scored on, how one page scores, and how pages add up.

A field pairs a truth annotation with a prediction key. Its page score keeps what the
corpus-level figure needs (`stats`), a 0..1 `value` to rank the worst pages by, and a
short `hint` that says what went wrong.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import reduce
from typing import Any

from benchmarks import metrics
from benchmarks.systems import Prediction

Truth = dict[str, Any]
Scores = dict[str, float | None]


@dataclass(frozen=True)
class PageScore:
    """One page's score on one field."""

    value: float
    hint: str
    stats: Any


@dataclass(frozen=True)
class Field:
    """One scored field: the prediction key it reads, its pages, its page score and its sum."""

    name: str
    needs: str
    annotated: Callable[[Truth], bool]
    score_page: Callable[[Truth, Prediction], PageScore]
    summarise: Callable[[Sequence[PageScore]], Scores]


def clip(text: Any, width: int = 60) -> str:
    """A one-line, at most `width` characters rendering of a value for a hint."""
    line = metrics.collapse_whitespace(str(text))
    return line if len(line) <= width else line[: width - 1] + "…"


def is_article_page(truth: Truth) -> bool:
    """Whether the page is annotated as an article page (WCXB page_type)."""
    return truth.get("page_type") == "article"


# --- body ----------------------------------------------------------------------------


def body_shingles(truth: Truth, prediction: Prediction) -> PageScore:
    """Shingle precision/recall of the extracted body against the gold body."""
    counts = metrics.shingle_counts(truth["body"], prediction.get("body"))
    precision, recall = counts.precision, counts.recall
    page_f1 = metrics.harmonic_mean(precision or 0.0, recall or 0.0) or 0.0
    gold_words, extracted_words = len(metrics.words(truth["body"])), len(metrics.words(prediction.get("body")))
    hint = f"P={precision or 0:.2f} R={recall or 0:.2f}, {extracted_words} words extracted vs {gold_words} gold"
    return PageScore(page_f1, hint, (counts, metrics.same_tokens(truth["body"], prediction.get("body"))))


def summarise_shingles(pages: Sequence[PageScore]) -> Scores:
    """The benchmark's P, R, F1 of the means, and accuracy."""
    return metrics.shingle_scores([page.stats[0] for page in pages], [page.stats[1] for page in pages])


def body_word_bag(truth: Truth, prediction: Prediction) -> PageScore:
    """WCXB's word-bag F1 of one page."""
    f1 = metrics.word_bag_f1(truth["body"], prediction.get("body"))
    return PageScore(f1, f"word-bag F1={f1:.2f}", f1)


def summarise_word_bag(pages: Sequence[PageScore]) -> Scores:
    """Mean per-page word-bag F1, as WCXB reports it."""
    return {"f1": metrics.mean(page.stats for page in pages)}


def body_snippets(truth: Truth, prediction: Prediction) -> PageScore:
    """With/without snippet counts of one page."""
    wanted, unwanted = truth.get("body_with") or [], truth.get("body_without") or []
    counts = metrics.snippet_counts(prediction.get("body"), wanted, unwanted)
    text = metrics.collapse_whitespace(prediction.get("body"))
    missing = [snippet for snippet in wanted if metrics.collapse_whitespace(snippet) not in text]
    leaked = [snippet for snippet in unwanted if text and metrics.collapse_whitespace(snippet) in text]
    total = len(wanted) + len(unwanted)
    value = 1 - (counts.fn + counts.fp) / total if total else 1.0
    hint = f"missing {len(missing)}/{len(wanted)}, leaked {len(leaked)}/{len(unwanted)}"
    hint += "".join(f"; {label} {clip(found[0], 50)!r}" for label, found in (("missing", missing), ("leaked", leaked)) if found)
    return PageScore(value, hint, counts)


def summarise_snippets(pages: Sequence[PageScore]) -> Scores:
    """Micro P/R/accuracy/F1 over the pooled snippet counts."""
    return metrics.snippet_scores(pooled_counts(pages))


def pooled_counts(pages: Sequence[PageScore]) -> metrics.SnippetCounts:
    """The pages' TP/FN/FP/TN counts added up."""
    return reduce(lambda a, b: a + b, (page.stats for page in pages), metrics.SnippetCounts())


# --- metadata --------------------------------------------------------------------------


def published_day(truth: Truth, prediction: Prediction) -> PageScore:
    """Same calendar day as the gold publication date."""
    outcome = metrics.date_outcome(truth["published"], prediction.get("published"))
    return PageScore(float(outcome == "tp"), f"gold {truth['published']} vs {prediction.get('published')}", outcome)


def summarise_outcomes(pages: Sequence[PageScore]) -> Scores:
    """Precision, recall and accuracy over tp/fp/fn page outcomes."""
    return metrics.outcome_scores([page.stats for page in pages])


def author_set(truth: Truth, prediction: Prediction, key: str = "authors") -> PageScore:
    """Normalised set equality of the author names (`key`: the prediction's people, or everyone credited)."""
    correct = metrics.authors_match(truth["authors"], prediction.get(key))
    return PageScore(float(correct), f"gold {truth['authors']} vs {clip(prediction.get(key), 80)}", correct)


def credited_set(truth: Truth, prediction: Prediction) -> PageScore:
    """Normalised set equality with everyone credited: people plus an agency or the site on unsigned pieces,
    the corpora's convention (newsspider keeps organisations in `publisher`, out of `authors`)."""
    return author_set(truth, prediction, key="credited")


def title_match(truth: Truth, prediction: Prediction) -> PageScore:
    """Normalised exact title match."""
    correct = metrics.titles_match(truth["title"], prediction.get("title"))
    return PageScore(float(correct), f"gold {clip(truth['title'], 100)!r} vs {clip(prediction.get('title'), 100)!r}", correct)


def tag_set(truth: Truth, prediction: Prediction) -> PageScore:
    """Tags against the gold topics, as sets of normalised names."""
    counts = metrics.tag_counts(truth["topics"], prediction.get("tags"))
    value = metrics.ratio(2 * counts.tp, 2 * counts.tp + counts.fp + counts.fn)
    return PageScore(1.0 if value is None else value, f"gold {clip(truth['topics'], 70)} vs {clip(prediction.get('tags'), 70)}", counts)


def summarise_tags(pages: Sequence[PageScore]) -> Scores:
    """Micro P/R/F1 over the pooled tag counts."""
    return metrics.tag_scores(pooled_counts(pages))


def summarise_accuracy(pages: Sequence[PageScore]) -> Scores:
    """Share of correct pages."""
    return {"accuracy": metrics.mean(float(page.stats) for page in pages)}


# --- images ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CaptionCounts:
    """Caption and credit counts of one page."""

    gold: int
    extracted: int
    matched: int
    credits_right: int


def image_captions(truth: Truth, prediction: Prediction) -> PageScore:
    """Captions matched one-to-one by token F1 >= 0.8, and credits of the matched images."""
    gold_images = [image for image in truth["images"] if image.get("caption")]
    extracted_images = [image for image in prediction.get("images") or [] if image.get("caption")]
    pairs = metrics.match_captions(
        [image["caption"] for image in gold_images], [image["caption"] for image in extracted_images]
    )
    wrong_credits = [
        (gold_images[g]["credit"], extracted_images[e].get("credit"))
        for g, e in pairs
        if not metrics.credits_match(gold_images[g]["credit"], extracted_images[e].get("credit"))
    ]
    counts = CaptionCounts(len(gold_images), len(extracted_images), len(pairs), len(pairs) - len(wrong_credits))
    value = metrics.ratio(2 * counts.matched, counts.gold + counts.extracted)
    hint = f"captions {counts.matched} matched of {counts.gold} gold, {counts.extracted} extracted"
    if wrong_credits:
        hint += f"; credit gold {wrong_credits[0][0]} vs {wrong_credits[0][1]!r}"
    elif counts.matched < counts.gold:
        matched_gold = {gold_index for gold_index, _ in pairs}
        missed = next(image for index, image in enumerate(gold_images) if index not in matched_gold)
        hint += f"; missed {clip(missed['caption'])!r}"
    return PageScore(1.0 if value is None else value, hint, counts)


def summarise_captions(pages: Sequence[PageScore]) -> Scores:
    """Pooled caption recall and precision, and credit accuracy over matched captions."""
    gold = sum(page.stats.gold for page in pages)
    extracted = sum(page.stats.extracted for page in pages)
    matched = sum(page.stats.matched for page in pages)
    return {
        "caption recall": metrics.ratio(matched, gold),
        "caption precision": metrics.ratio(matched, extracted),
        "credit accuracy": metrics.ratio(sum(page.stats.credits_right for page in pages), matched),
    }


# --- is_article --------------------------------------------------------------------------


def article_verdict(truth: Truth, prediction: Prediction) -> PageScore:
    """is_article against page_type == "article"."""
    pair = (is_article_page(truth), bool(prediction.get("is_article")))
    return PageScore(float(pair[0] == pair[1]), f"page_type {truth['page_type']} vs is_article {pair[1]}", pair)


def summarise_verdicts(pages: Sequence[PageScore]) -> Scores:
    """Precision, recall and F1 of the article class."""
    return metrics.classification_scores([page.stats for page in pages])


FIELDS: tuple[Field, ...] = (
    Field("body", "body", lambda t: t.get("body") is not None, body_shingles, summarise_shingles),
    Field(
        "body, articles",
        "body",
        lambda t: t.get("body") is not None and is_article_page(t),
        body_shingles,
        summarise_shingles,
    ),
    Field(
        "body word-bag (WCXB)",
        "body",
        lambda t: t.get("body") is not None and t.get("page_type") is not None,
        body_word_bag,
        summarise_word_bag,
    ),
    Field(
        "body word-bag, articles",
        "body",
        lambda t: t.get("body") is not None and is_article_page(t),
        body_word_bag,
        summarise_word_bag,
    ),
    Field(
        "snippets",
        "body",
        lambda t: t.get("body_with") is not None or t.get("body_without") is not None,
        body_snippets,
        summarise_snippets,
    ),
    Field("published", "published", lambda t: t.get("published") is not None, published_day, summarise_outcomes),
    Field("authors", "authors", lambda t: t.get("authors") is not None, author_set, summarise_accuracy),
    Field("authors+orgs", "credited", lambda t: t.get("authors") is not None, credited_set, summarise_accuracy),
    Field("title", "title", lambda t: t.get("title") is not None, title_match, summarise_accuracy),
    Field("tags", "tags", lambda t: t.get("topics") is not None, tag_set, summarise_tags),
    Field("images", "images", lambda t: t.get("images") is not None, image_captions, summarise_captions),
    Field("is_article", "is_article", lambda t: t.get("page_type") is not None, article_verdict, summarise_verdicts),
)
