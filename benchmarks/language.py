"""Language: where the article's text fills or overrules the language its page declares, on every corpus page.

    .venv/bin/python -m benchmarks.language [CORPORA_ROOT] [--corpus NAME] [--jobs N]

No corpus annotates the language, so this counts per corpus the pages that declare one, those whose text
filled a missing one, and those whose declaration the text overruled, and lists the overruled pages with
their opening words, to be checked by hand. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import gzip
import multiprocessing
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsspider.extract import CONTENT_STEPS, language, parse_page
from newsspider.items import Article

from .extraction import DEFAULT_CORPORA, corpus_names, load_truth

OPENING_CHARACTERS = 70


@dataclass(frozen=True)
class Reading:
    """One page's declared language and the language the record gets."""

    corpus: str
    id: str
    declared: str | None
    final: str | None
    opening: str


def read_page(job: tuple[Path, str, dict[str, Any]]) -> Reading:
    """The declared and final language of one corpus page."""
    root, corpus, truth = job
    url = truth.get("url") or "https://example.org/"
    page = parse_page(gzip.open(root / corpus / truth["html"], "rb").read(), url)
    article = Article(url=url, fetched_at=page.fetched_at)
    for step in CONTENT_STEPS:
        step(page, article)
    declared = article.language
    language.fill(page, article)
    opening = " ".join((article.body or "").split())[:OPENING_CHARACTERS]
    return Reading(corpus, str(truth["id"]), declared, article.language, opening)


def report(readings: Sequence[Reading], corpora: Sequence[str]) -> None:
    """Counts per corpus, then every overruled page."""
    print(f"{'corpus':12} {'pages':>6} {'declared':>9} {'filled':>7} {'overruled':>10} {'none':>5}")
    for corpus in corpora:
        rows = [reading for reading in readings if reading.corpus == corpus]
        declared = sum(reading.declared is not None for reading in rows)
        filled = sum(reading.declared is None and reading.final is not None for reading in rows)
        overruled = sum(reading.declared is not None and reading.final != reading.declared for reading in rows)
        left = sum(reading.final is None for reading in rows)
        print(f"{corpus:12} {len(rows):6} {declared:9} {filled:7} {overruled:10} {left:5}")
    print("\noverruled (declared -> read from the text):")
    for reading in readings:
        if reading.declared is not None and reading.final != reading.declared:
            print(f"  {reading.corpus} {reading.id[:32]:32} {reading.declared} -> {reading.final}  {reading.opening}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_CORPORA, help="folder holding the corpora")
    parser.add_argument("--corpus", action="append", help="corpus name (repeatable; default: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    arguments = parser.parse_args(argv)
    corpora = corpus_names(arguments.root, arguments.corpus)
    jobs = [(arguments.root, corpus, truth) for corpus in corpora for truth in load_truth(arguments.root / corpus, None)]
    with multiprocessing.Pool(arguments.jobs) as pool:
        readings = pool.map(read_page, jobs, chunksize=8)
    report(readings, corpora)


if __name__ == "__main__":
    main()
