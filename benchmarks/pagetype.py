"""is_article: fit the page-type model on wcxb-dev plus two all-news corpora, and measure it honestly.

    .venv/bin/python -m benchmarks.pagetype [CORPORA_ROOT] [--fit] [--folds K] [--jobs N] [--clues FILE] [--errors]

Without --fit the shipped weights (newsspider/extract/pagetype.py) are scored. With --fit the
model is refitted on wcxb-dev (labelled pages) plus aeb and fundus-dev (all news articles) and its
weight table printed, ready to paste. Either way the grouped cross-validation refits on K-1 folds of
sites and predicts the held-out sites, so no site is in both train and test; the trafilatura corpus is
never trained on. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np

from newsspider.extract import CONTENT_STEPS, parse_page
from newsspider.extract.pagetype import ARTICLE_PROBABILITY, BIAS, WEIGHTS, page_clues
from newsspider.items import Article

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
LABELLED_CORPUS = "wcxb-dev"  # articles and other pages (service, product, listing, forum, docs)
# Every page is a news article: trained on too, so the model keeps news articles in many languages.
NEWS_CORPORA = ("aeb", "fundus-dev")
CHECK_CORPUS = "trafilatura"  # nearly all articles, mostly German; never trained on
L2_PENALTY = 1.0
SEED = 20260401
# Second-level labels under which a country code holds the registrable name ("bbc.co.uk").
_SHARED_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or"})


@dataclass(frozen=True)
class Sample:
    """One page's clues and label."""

    corpus: str
    id: str
    url: str
    site: str
    is_article: bool | None  # None: the corpus gives no page type (all-article corpora)
    clues: dict[str, float]


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_CORPORA, help="folder holding the corpora")
    parser.add_argument("--fit", action="store_true", help="refit on wcxb-dev, aeb and fundus-dev and print the weight table")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (sites, not pages)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--clues", type=Path, help="cache of page clues (JSON lines): read if present, else written")
    parser.add_argument("--errors", action="store_true", help="list the labelled pages the cross-validation gets wrong")
    return parser.parse_args(argv)


def site_of(url: str, fallback: str) -> str:
    """The registrable domain ("shop.example.co.uk" -> "example.co.uk"): pages of one site share it."""
    labels = (urlsplit(url or "").hostname or "").removeprefix("www.").split(".")
    if len(labels) < 2:
        return fallback
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SHARED_SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def page_sample(task: tuple[Path, str, dict]) -> Sample:
    """Run the content steps on one page, as extract_article does, and read the clues it judges the page type on."""
    corpus_dir, corpus, row = task
    with gzip.open(corpus_dir / "pages" / f"{row['id']}.html.gz", "rb") as saved:
        html = saved.read()
    url = row.get("url") or ""
    page = parse_page(html, url)
    article = Article(url=url, fetched_at=page.fetched_at)
    for step in CONTENT_STEPS:
        step(page, article)
    page_type = row.get("page_type")
    return Sample(
        corpus=corpus,
        id=row["id"],
        url=url,
        site=site_of(url, f"{corpus}:{row['id']}"),
        is_article=None if page_type is None else page_type == "article",
        clues=page_clues(page, article),
    )


def corpus_samples(root: Path, corpus: str, jobs: int) -> list[Sample]:
    """Every page of one corpus as a Sample."""
    corpus_dir = root / corpus
    rows = [json.loads(line) for line in (corpus_dir / "truth.jsonl").open(encoding="utf-8")]
    tasks = [(corpus_dir, corpus, row) for row in rows]
    with multiprocessing.Pool(jobs) as pool:
        return pool.map(page_sample, tasks, chunksize=4)


def load_samples(root: Path, corpora: Sequence[str], jobs: int, cache: Path | None) -> list[Sample]:
    """The samples of `corpora`, from the cache when it has them."""
    if cache and cache.exists():
        samples = [Sample(**json.loads(line)) for line in cache.open(encoding="utf-8")]
        if {sample.corpus for sample in samples} >= set(corpora):
            return [sample for sample in samples if sample.corpus in corpora]
    samples = [sample for corpus in corpora for sample in corpus_samples(root, corpus, jobs)]
    if cache:
        cache.write_text("".join(json.dumps(sample.__dict__) + "\n" for sample in samples), encoding="utf-8")
    return samples


def matrix(samples: Sequence[Sample], names: Sequence[str]) -> np.ndarray:
    """The clue matrix, one row per sample, one column per clue name."""
    return np.array([[sample.clues[name] for name in names] for sample in samples], dtype=float)


def fit_logistic(x: np.ndarray, y: np.ndarray, penalty: float = L2_PENALTY) -> tuple[float, np.ndarray]:
    """L2-penalised logistic regression by Newton's method (the bias is not penalised)."""
    design = np.hstack([np.ones((len(x), 1)), x])
    ridge = penalty * np.eye(design.shape[1])
    ridge[0, 0] = 0.0
    beta = np.zeros(design.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-np.clip(design @ beta, -30.0, 30.0)))
        gradient = design.T @ (p - y) + ridge @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + ridge
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-9:
            break
    return float(beta[0]), beta[1:]


def predict(x: np.ndarray, bias: float, weights: np.ndarray) -> np.ndarray:
    """is_article for each row."""
    return 1.0 / (1.0 + np.exp(-(bias + x @ weights))) >= ARTICLE_PROBABILITY


def site_folds(samples: Sequence[Sample], folds: int) -> np.ndarray:
    """A fold number per sample; all pages of a site share one fold."""
    sites = sorted({sample.site for sample in samples})
    random.Random(SEED).shuffle(sites)
    fold_of = {site: index % folds for index, site in enumerate(sites)}
    return np.array([fold_of[sample.site] for sample in samples])


def grouped_predictions(x: np.ndarray, y: np.ndarray, fold: np.ndarray) -> np.ndarray:
    """Each sample predicted by a model fitted without any page of its site."""
    predicted = np.zeros(len(y), dtype=bool)
    for held_out in np.unique(fold):
        train = fold != held_out
        bias, weights = fit_logistic(x[train], y[train])
        predicted[~train] = predict(x[~train], bias, weights)
    return predicted


def precision_recall_f1(y: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    """Precision, recall and F1 of the article class."""
    true_positives = float(np.sum(predicted & y))
    precision = true_positives / max(float(np.sum(predicted)), 1.0)
    recall = true_positives / max(float(np.sum(y)), 1.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def weight_table(names: Sequence[str], bias: float, weights: np.ndarray) -> str:
    """The fitted model as the Python constants pagetype.py ships."""
    lines = [f"BIAS = {bias:.3f}", "WEIGHTS: dict[str, float] = {"]
    lines += [f'    "{name}": {weight:.3f},' for name, weight in zip(names, weights)]
    return "\n".join(lines + ["}"])


def label(sample: Sample) -> bool:
    """The page type; pages of the news corpora are all articles."""
    return True if sample.is_article is None else sample.is_article


def print_errors(samples: Sequence[Sample], y: np.ndarray, predicted: np.ndarray) -> None:
    """The pages a model fitted without their site gets wrong: FP called an article, FN missed."""
    for sample, truth, guess in zip(samples, y, predicted):
        if truth != guess:
            print(f"  {'FN' if truth else 'FP'} {sample.corpus}/{sample.id} {sample.url}")


def main(argv: Sequence[str] | None = None) -> None:
    arguments = parse_arguments(argv)
    corpora = [LABELLED_CORPUS, *NEWS_CORPORA, CHECK_CORPUS]
    samples = load_samples(arguments.root, corpora, arguments.jobs, arguments.clues)
    training = [sample for sample in samples if sample.corpus != CHECK_CORPUS]
    names = sorted(training[0].clues)
    x, y = matrix(training, names), np.array([label(sample) for sample in training])
    if arguments.fit:
        bias, weights = fit_logistic(x, y)
        print(weight_table(names, bias, weights), end="\n\n")
    else:
        bias, weights = BIAS, np.array([WEIGHTS.get(name, 0.0) for name in names])
    cross_validated = grouped_predictions(x, y, site_folds(training, arguments.folds))
    in_sample = predict(x, bias, weights)
    kind = "fitted" if arguments.fit else "shipped"
    for corpus in [LABELLED_CORPUS, *NEWS_CORPORA]:
        mask = np.array([sample.corpus == corpus for sample in training])
        sites = len({sample.site for sample, chosen in zip(training, mask) if chosen})
        print(f"{corpus}: {int(mask.sum())} pages, {int(y[mask].sum())} articles, {sites} sites")
        print("  grouped {}-fold CV over all training sites  P {:.3f}  R {:.3f}  F1 {:.3f}".format(
            arguments.folds, *precision_recall_f1(y[mask], cross_validated[mask])))
        print("  in-sample ({} weights)  P {:.3f}  R {:.3f}  F1 {:.3f}".format(
            kind, *precision_recall_f1(y[mask], in_sample[mask])))
    if arguments.errors:
        print_errors(training, y, cross_validated)
    pages = [sample for sample in samples if sample.corpus == CHECK_CORPUS]
    recall = float(np.mean(predict(matrix(pages, names), bias, weights)))
    print(f"{CHECK_CORPUS} (never trained on): {len(pages)} pages, share called articles {recall:.3f}")


if __name__ == "__main__":
    main()
