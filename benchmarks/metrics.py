"""The standard metrics of ../shared/corpora/README.md, one small function per rule.

Everything here is pure: strings and numbers in, numbers out, so the figures can be
checked by hand and reused by other scripts.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

WORD = re.compile(r"\w+")
WHITESPACE = re.compile(r"\s+")
# "A, B and C", "A und B", "A & B": the separators the corpora split author strings on.
NAME_SEPARATOR = re.compile(r"\s*,\s*(?:and|und)\s+|\s*,\s*|\s+(?:and|und)\s+|\s*&\s*", re.IGNORECASE)
LEADING_BY = re.compile(r"^(?:by|von)(?:\s*:\s*|\s+)")
# Credits are split on every separator, "/" included ("dpa/AP"), since agencies are one word.
CREDIT_SEPARATOR = re.compile(r"\s*[;,/&]\s*|\s+(?:and|und)\s+", re.IGNORECASE)
CAPTION_MATCH_F1 = 0.8


# --- body: 4-gram shingles (Scrapinghub article-extraction-benchmark) -------------------


@dataclass(frozen=True)
class ShingleCounts:
    """One page's shingle TP/FP/FN, normalised to sum to 1 so every page weighs the same."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float | None:
        """TP/(TP+FP); None when nothing was extracted (the page is left out of the mean)."""
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fp) if self.tp + self.fp > 0 else None

    @property
    def recall(self) -> float | None:
        """TP/(TP+FN); None when the gold is empty (the page is left out of the mean)."""
        if self.fp == self.fn == 0:
            return 1.0
        return self.tp / (self.tp + self.fn) if self.tp + self.fn > 0 else None


def words(text: str | None) -> list[str]:
    """Unicode \\w+ tokens, case kept."""
    return WORD.findall(text or "")


def shingles(text: str | None, size: int = 4) -> Counter[tuple[str, ...]]:
    """All `size`-token shingles as a multiset; a shorter text gives one shorter shingle."""
    tokens = words(text)
    return Counter(
        tuple(tokens[start : start + size]) for start in range(max(1, len(tokens) - size + 1)) if tokens
    )


def shingle_counts(gold: str | None, extracted: str | None) -> ShingleCounts:
    """Shared, extra and missing shingles of one page, normalised."""
    gold_shingles, extracted_shingles = shingles(gold), shingles(extracted)
    tp = sum((gold_shingles & extracted_shingles).values())
    fp = sum((extracted_shingles - gold_shingles).values())
    fn = sum((gold_shingles - extracted_shingles).values())
    total = tp + fp + fn
    return ShingleCounts(tp / total, fp / total, fn / total) if total else ShingleCounts(0.0, 0.0, 0.0)


def same_tokens(gold: str | None, extracted: str | None) -> bool:
    """Whether the token sequences are identical (the benchmark's accuracy)."""
    return words(gold) == words(extracted)


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not None; None when there are none."""
    kept = [value for value in values if value is not None]
    return statistics.fmean(kept) if kept else None


def harmonic_mean(a: float | None, b: float | None) -> float | None:
    """2ab/(a+b), the F1 of a precision and a recall."""
    if a is None or b is None:
        return None
    return 2 * a * b / (a + b) if a + b > 0 else 0.0


def shingle_scores(pages: Sequence[ShingleCounts], exact: Sequence[bool]) -> dict[str, float | None]:
    """Mean precision, mean recall, F1 of the two means, and exact-match accuracy."""
    precision = mean(page.precision for page in pages)
    recall = mean(page.recall for page in pages)
    return {
        "precision": precision,
        "recall": recall,
        "f1": harmonic_mean(precision, recall),
        "accuracy": sum(exact) / len(exact) if exact else None,
    }


# --- body: WCXB word-bag F1 ------------------------------------------------------------


def word_bag_f1(gold: str | None, extracted: str | None) -> float:
    """WCXB per-page F1 of lowercased \\w+ token multisets; an empty gold wants empty output."""
    gold_words, extracted_words = Counter(words((gold or "").lower())), Counter(words((extracted or "").lower()))
    if not gold_words:
        return 0.0 if extracted_words else 1.0
    overlap = sum((gold_words & extracted_words).values())
    if not overlap:
        return 0.0
    return harmonic_mean(overlap / sum(extracted_words.values()), overlap / sum(gold_words.values())) or 0.0


# --- body: with/without snippets (trafilatura's evaluation) ---------------------------------


@dataclass(frozen=True)
class SnippetCounts:
    """Confusion counts of the with/without snippets of one or more pages."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn)


def collapse_whitespace(text: str | None) -> str:
    """Whitespace runs as one space, ends stripped."""
    return WHITESPACE.sub(" ", text or "").strip()


def snippet_counts(extracted: str | None, wanted: Sequence[str], unwanted: Sequence[str]) -> SnippetCounts:
    """Found wanted snippets are TP, missing FN; found unwanted snippets are FP, missing TN."""
    text = collapse_whitespace(extracted)
    found_wanted = sum(collapse_whitespace(snippet) in text for snippet in wanted) if text else 0
    found_unwanted = sum(collapse_whitespace(snippet) in text for snippet in unwanted) if text else 0
    return SnippetCounts(found_wanted, len(wanted) - found_wanted, found_unwanted, len(unwanted) - found_unwanted)


def ratio(numerator: float, denominator: float) -> float | None:
    """numerator/denominator, None when the denominator is 0."""
    return numerator / denominator if denominator else None


def snippet_scores(counts: SnippetCounts) -> dict[str, float | None]:
    """Micro precision, recall, accuracy and F1 over pooled snippet counts."""
    total = counts.tp + counts.fn + counts.fp + counts.tn
    return {
        "precision": ratio(counts.tp, counts.tp + counts.fp),
        "recall": ratio(counts.tp, counts.tp + counts.fn),
        "accuracy": ratio(counts.tp + counts.tn, total),
        "f1": ratio(2 * counts.tp, 2 * counts.tp + counts.fp + counts.fn),
    }


# --- published date: same calendar day -------------------------------------------------


def parse_iso(value: str | datetime | None) -> datetime | None:
    """A datetime from an ISO 8601 date or datetime string; None when absent or unreadable."""
    if value is None or isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


def calendar_day(extracted: datetime, gold: datetime) -> date:
    """The extracted day, seen in the gold's UTC offset when both carry one."""
    if gold.tzinfo is not None and extracted.tzinfo is not None:
        extracted = extracted.astimezone(gold.tzinfo)
    return extracted.date()


def date_outcome(gold: str, extracted: str | datetime | None) -> str:
    """"tp" (same calendar day), "fp" (another or unreadable date) or "fn" (no date)."""
    if extracted is None or extracted == "":
        return "fn"
    gold_value, extracted_value = parse_iso(gold), parse_iso(extracted)
    if gold_value is None or extracted_value is None:
        return "fp"
    return "tp" if calendar_day(extracted_value, gold_value) == gold_value.date() else "fp"


def outcome_scores(outcomes: Sequence[str]) -> dict[str, float | None]:
    """Precision TP/(TP+FP), recall TP/(TP+FN), accuracy TP/pages."""
    tally = Counter(outcomes)
    return {
        "precision": ratio(tally["tp"], tally["tp"] + tally["fp"]),
        "recall": ratio(tally["tp"], tally["tp"] + tally["fn"]),
        "accuracy": ratio(tally["tp"], len(outcomes)),
    }


# --- authors and title ------------------------------------------------------------------


def strip_surrounding(text: str, categories: str = "P") -> str:
    """`text` without leading/trailing whitespace or characters of the Unicode categories."""
    keep = [not (char.isspace() or unicodedata.category(char)[0] in categories) for char in text]
    if not any(keep):
        return ""
    start, end = keep.index(True), len(keep) - keep[::-1].index(True)
    return text[start:end]


def normalise_text(text: str | None) -> str:
    """NFKC, casefold, whitespace collapsed."""
    return collapse_whitespace(unicodedata.normalize("NFKC", text or "").casefold())


def normalise_name(name: str, categories: str = "P") -> str:
    """The README's name normalisation: NFKC, casefold, whitespace, punctuation, "by"/"von"."""
    name = strip_surrounding(normalise_text(name), categories)
    return strip_surrounding(LEADING_BY.sub("", name), categories)


def name_set(names: Iterable[str]) -> frozenset[str]:
    """Normalised names, empty ones dropped."""
    return frozenset(filter(None, (normalise_name(name) for name in names)))


def authors_match(gold: Sequence[str], extracted: Sequence[str] | None) -> bool:
    """Normalised set equality; a gold [] is matched only by no authors."""
    return name_set(gold) == name_set(extracted or [])


def tag_counts(gold: Sequence[str], extracted: Sequence[str] | None) -> SnippetCounts:
    """Normalised tags (NFKC, casefold, whitespace, surrounding punctuation) found in both sets are TP, extra
    extracted ones FP, missed gold ones FN."""
    gold_tags, extracted_tags = name_set(gold), name_set(extracted or [])
    return SnippetCounts(
        tp=len(gold_tags & extracted_tags), fn=len(gold_tags - extracted_tags), fp=len(extracted_tags - gold_tags)
    )


def tag_scores(counts: SnippetCounts) -> dict[str, float | None]:
    """Micro precision, recall and F1 over pooled tag counts."""
    scores = snippet_scores(counts)
    return {key: scores[key] for key in ("precision", "recall", "f1")}


def split_author_string(byline: str | None) -> list[str]:
    """Names in an author string, by the corpora's own rule (SOURCE.md).

    ";" always separates; ",", " and ", " und " and "&" separate only when every piece has
    at least two words, so "Jane Doe, MD" or "Herz und Blut" stay whole; "/" never does.
    """
    names: list[str] = []
    for part in (byline or "").split(";"):
        pieces = [piece.strip() for piece in NAME_SEPARATOR.split(part) if piece.strip()]
        every_piece_a_name = len(pieces) > 1 and all(len(piece.split()) >= 2 for piece in pieces)
        names.extend(pieces if every_piece_a_name else [part.strip()])
    return [name for name in names if name]


def titles_match(gold: str, extracted: str | None) -> bool:
    """Exact match after NFKC, casefold and whitespace collapsing."""
    return normalise_text(gold) == normalise_text(extracted)


# --- images: captions and credits -------------------------------------------------------


def token_f1(a: str | None, b: str | None) -> float:
    """F1 of the lowercased \\w+ token multisets of two texts."""
    a_words, b_words = Counter(words((a or "").lower())), Counter(words((b or "").lower()))
    overlap = sum((a_words & b_words).values())
    if not overlap:
        return 0.0
    return harmonic_mean(overlap / sum(a_words.values()), overlap / sum(b_words.values())) or 0.0


def match_captions(gold: Sequence[str], extracted: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one (gold index, extracted index) pairs with token F1 >= 0.8, best pairs first."""
    candidates = sorted(
        (
            (score, gold_index, extracted_index)
            for gold_index, gold_caption in enumerate(gold)
            for extracted_index, extracted_caption in enumerate(extracted)
            if (score := token_f1(gold_caption, extracted_caption)) >= CAPTION_MATCH_F1
        ),
        key=lambda candidate: (-candidate[0], candidate[1], candidate[2]),
    )
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_extracted: set[int] = set()
    for _, gold_index, extracted_index in candidates:
        if gold_index not in used_gold and extracted_index not in used_extracted:
            pairs.append((gold_index, extracted_index))
            used_gold.add(gold_index)
            used_extracted.add(extracted_index)
    return pairs


def credit_set(credits: Iterable[str | None]) -> frozenset[str]:
    """Normalised credit names; "©" and other symbols around a name are dropped too."""
    pieces = (piece for credit in credits for piece in CREDIT_SEPARATOR.split(credit or ""))
    return frozenset(filter(None, (normalise_name(piece, categories="PS") for piece in pieces)))


def credits_match(gold: Sequence[str], extracted: str | None) -> bool:
    """Normalised set equality of the gold credit list and the extracted credit string."""
    return credit_set(gold) == credit_set([extracted])


# --- is_article: binary classification --------------------------------------------------


def classification_scores(pairs: Sequence[tuple[bool, bool]]) -> dict[str, float | None]:
    """Precision, recall and F1 of the positive class over (gold, predicted) pairs."""
    tp = sum(gold and predicted for gold, predicted in pairs)
    fp = sum(predicted and not gold for gold, predicted in pairs)
    fn = sum(gold and not predicted for gold, predicted in pairs)
    precision, recall = ratio(tp, tp + fp), ratio(tp, tp + fn)
    return {"precision": precision, "recall": recall, "f1": harmonic_mean(precision, recall)}
