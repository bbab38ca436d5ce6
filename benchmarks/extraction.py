"""Extraction quality and speed of newsspider beside trafilatura and htmldate on the corpora.

    .venv/bin/python -m benchmarks.extraction [CORPORA_ROOT] [--corpus NAME] [--systems ...]
        [--limit N] [--worst K] [--json OUT] [--jobs N]

Every system runs on the same pages in the same worker processes; only the extraction call
is timed. See benchmarks/README.md for what each figure means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import multiprocessing
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from benchmarks.fields import FIELDS, Field, PageScore, Truth
from benchmarks.systems import DEFAULT_SYSTEMS, SYSTEMS, Prediction

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
# A short story of a few sentences: long enough that every step runs (newsspider reads the language of 30 words
# or more, and loads that model on first use), so no system pays a one-off set-up inside the timed pages.
WARM_UP_PAGE = (
    b"<html><head><title>Warm up</title></head><body><article><h1>Warm up</h1><p>By Jane Doe, 3 March 2024</p>"
    + b"<p>The council met on Tuesday evening and voted to repair the old bridge over the river next spring.</p>"
    + b"<p>The work is expected to take about six months, and traffic will be diverted through the town centre.</p>"
    + b"<p>Residents were told about the plans at a public meeting held in the library on Monday night.</p>"
    + b"</article></body></html>"
)
SHOWN_ERRORS = 3
# field name -> system -> (truth row, page score) of every annotated page
ScoredPages = dict[str, dict[str, list[tuple[Truth, PageScore]]]]


@dataclass(frozen=True)
class Page:
    """What a worker needs to run one page."""

    corpus: str
    id: str
    url: str
    path: Path


@dataclass(frozen=True)
class Run:
    """One system on one page: its prediction, its time and its error, if any."""

    corpus: str
    id: str
    url: str
    system: str
    seconds: float
    error: str | None
    prediction: Prediction


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_CORPORA, help="folder holding the corpora")
    parser.add_argument("--corpus", action="append", help="corpus name (repeatable; default: all)")
    parser.add_argument("--systems", nargs="+", default=list(DEFAULT_SYSTEMS), choices=sorted(SYSTEMS))
    parser.add_argument("--limit", type=int, help="first N pages of each corpus only")
    parser.add_argument("--worst", type=int, default=5, help="worst newsspider pages shown per field")
    parser.add_argument("--json", type=Path, help="write every page's predictions and scores here")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    return parser.parse_args(argv)


def corpus_names(root: Path, wanted: Sequence[str] | None) -> list[str]:
    """The requested corpora, or every folder under `root` that holds a truth.jsonl."""
    available = sorted(path.parent.name for path in root.glob("*/truth.jsonl"))
    missing = sorted(set(wanted or []) - set(available))
    if missing:
        raise SystemExit(f"no corpus {', '.join(missing)} under {root} (have: {', '.join(available)})")
    return list(wanted) if wanted else available


def load_truth(corpus_dir: Path, limit: int | None) -> list[Truth]:
    """The first `limit` truth rows of a corpus (all when None)."""
    with (corpus_dir / "truth.jsonl").open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return rows[:limit] if limit else rows


def usable_systems(names: Sequence[str]) -> list[str]:
    """The systems whose library imports; the others are reported and left out."""
    usable = []
    for name in names:
        try:
            SYSTEMS[name].extract(WARM_UP_PAGE, "https://example.org/warm-up")
        except ImportError as error:
            print(f"skipping {name}: {error} (`make bench-peers` installs the optional peers)", file=sys.stderr)
            continue
        except Exception:  # a failure on the warm-up page is scored on real pages, not here
            pass
        usable.append(name)
    return usable


def warm_up(names: Sequence[str]) -> None:
    """Run each system once so lazy imports and caches are not timed on the first page."""
    for name in names:
        try:
            SYSTEMS[name].extract(WARM_UP_PAGE, "https://example.org/warm-up")
        except Exception:  # see usable_systems
            pass


def run_page(page: Page, names: Sequence[str]) -> list[Run]:
    """Every system on one page; an exception is recorded and the next system runs."""
    html = gzip.open(page.path, "rb").read()
    runs = []
    for name in names:
        error, prediction = None, {}
        start = time.perf_counter()
        try:
            prediction = SYSTEMS[name].extract(html, page.url)
        except Exception:
            error = traceback.format_exc().strip().splitlines()[-1]
        seconds = time.perf_counter() - start
        runs.append(Run(page.corpus, page.id, page.url, name, seconds, error, prediction))
    return runs


def run_page_task(task: tuple[Page, Sequence[str]]) -> list[Run]:
    """`run_page` with one argument, for Pool.imap."""
    return run_page(*task)


def run_all(pages: Sequence[Page], names: Sequence[str], jobs: int) -> Iterator[list[Run]]:
    """The runs of every page, in page order, from `jobs` worker processes."""
    tasks = [(page, tuple(names)) for page in pages]
    with multiprocessing.Pool(jobs, initializer=warm_up, initargs=(tuple(names),)) as pool:
        for done, runs in enumerate(pool.imap(run_page_task, tasks, chunksize=2), start=1):
            if done % 100 == 0 or done == len(tasks):
                print(f"  {done}/{len(tasks)} pages", file=sys.stderr)
            yield runs


# --- scoring ------------------------------------------------------------------------------


def page_scores(field: Field, truths: Sequence[Truth], runs: dict[str, Run]) -> list[tuple[Truth, PageScore]]:
    """One system's score on every annotated page of a field; a crashed page predicts nothing."""
    return [(truth, field.score_page(truth, runs[truth["id"]].prediction)) for truth in truths if field.annotated(truth)]


def pages_per_second(runs: Sequence[Run]) -> float | None:
    """Pages divided by the summed time of the extraction calls."""
    seconds = sum(run.seconds for run in runs)
    return len(runs) / seconds if seconds else None


def figure(value: float | None) -> str:
    """A score as three decimals, or n/a."""
    return "n/a" if value is None else f"{value:.3f}"


def corpus_table(
    corpus: str, truths: Sequence[Truth], runs: dict[str, dict[str, Run]], names: Sequence[str]
) -> tuple[Table, ScoredPages]:
    """The corpus table (one row per field metric, one column per system) and the page scores."""
    table = Table(title=f"{corpus} ({len(truths)} pages)", title_justify="left")
    for header in ("field", "metric", "pages", *names):
        table.add_column(header, justify="left" if header in ("field", "metric") else "right")
    scored: ScoredPages = {}
    for field in FIELDS:
        pages = sum(field.annotated(truth) for truth in truths)
        if not pages:
            continue
        summaries = {}
        for name in names:
            if field.needs in SYSTEMS[name].fields:
                scores = page_scores(field, truths, runs[name])
                scored.setdefault(field.name, {})[name] = scores
                summaries[name] = field.summarise([score for _, score in scores])
        metric_names = next(iter(summaries.values())).keys() if summaries else ["-"]
        for metric in metric_names:
            cells = [figure(summaries[name][metric]) if name in summaries else "n/a" for name in names]
            table.add_row(field.name, metric, str(pages), *cells)
    table.add_section()
    table.add_row("robustness", "exceptions", str(len(truths)), *(str(errors(runs[name])) for name in names))
    table.add_row("speed", "pages/s", str(len(truths)), *(speed(list(runs[name].values())) for name in names))
    return table, scored


def errors(runs: dict[str, Run]) -> int:
    """Pages on which the system raised."""
    return sum(run.error is not None for run in runs.values())


def speed(runs: Sequence[Run]) -> str:
    """Pages per second, as a cell."""
    rate = pages_per_second(runs)
    return "n/a" if rate is None else f"{rate:.1f}"


def speed_ratio(runs: dict[str, dict[str, Run]]) -> str | None:
    """newsspider's speed as a multiple of trafilatura's, when both ran."""
    if "newsspider" not in runs or "trafilatura" not in runs:
        return None
    ours, theirs = (pages_per_second(list(runs[name].values())) for name in ("newsspider", "trafilatura"))
    return f"speed newsspider/trafilatura: {ours / theirs:.2f}x" if ours and theirs else None


def worst_pages(scores: Sequence[tuple[Truth, PageScore]], k: int) -> list[tuple[Truth, PageScore]]:
    """The `k` lowest-scoring imperfect pages."""
    imperfect = [(truth, score) for truth, score in scores if score.value < 1]
    return sorted(imperfect, key=lambda item: (item[1].value, item[0]["id"]))[:k]


def print_corpus(console: Console, corpus: str, truths: Sequence[Truth], runs: dict[str, dict[str, Run]], worst: int) -> ScoredPages:
    """Print one corpus: table, speed ratio, first errors, worst newsspider pages; return page scores."""
    names = list(runs)
    table, scored = corpus_table(corpus, truths, runs, names)
    console.print(table)
    if ratio := speed_ratio(runs):
        console.print(ratio)
    for name in names:
        failures = [run for run in runs[name].values() if run.error]
        for run in failures[:SHOWN_ERRORS]:
            console.print(f"  {name} raised on {run.id}: {run.error}", markup=False, soft_wrap=True)
    if "newsspider" in names and worst:
        console.print(f"worst newsspider pages per field ({corpus}):")
        for field_name, by_system in scored.items():
            for truth, score in worst_pages(by_system["newsspider"], worst):
                console.print(f"  {field_name:<24} {score.value:.2f} {truth['id']} {truth['url']}", markup=False, soft_wrap=True)
                console.print(f"      {score.hint}", markup=False, soft_wrap=True)
    console.print()
    return scored


def overall_line(all_runs: dict[str, list[Run]]) -> str:
    """Pages, exceptions and speed of each system over every corpus run."""
    parts = []
    for name, runs in all_runs.items():
        failures = sum(run.error is not None for run in runs)
        parts.append(f"{name} {len(runs)} pages, {failures} exceptions, {speed(runs)} pages/s")
    return "all corpora: " + "; ".join(parts)


def page_records(runs: dict[str, dict[str, Run]], scored: ScoredPages) -> list[dict[str, Any]]:
    """JSON-ready rows: every run with its per-field page values."""
    values: dict[tuple[str, str], dict[str, float]] = {}
    for field_name, by_system in scored.items():
        for system, scores in by_system.items():
            for truth, score in scores:
                values.setdefault((system, truth["id"]), {})[field_name] = score.value
    return [
        {**asdict(run), "scores": values.get((system, run.id), {})}
        for system, by_id in runs.items()
        for run in by_id.values()
    ]


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark and print one table per corpus."""
    arguments = parse_arguments(argv)
    console = Console(width=140, highlight=False)
    names = usable_systems(arguments.systems)
    records: list[dict[str, Any]] = []
    all_runs: dict[str, list[Run]] = {name: [] for name in names}
    for corpus in corpus_names(arguments.root, arguments.corpus):
        truths = load_truth(arguments.root / corpus, arguments.limit)
        pages = [Page(corpus, truth["id"], truth["url"], arguments.root / corpus / truth["html"]) for truth in truths]
        print(f"{corpus}: {len(pages)} pages x {len(names)} systems", file=sys.stderr)
        runs: dict[str, dict[str, Run]] = {name: {} for name in names}
        for page_runs in run_all(pages, names, arguments.jobs):
            for run in page_runs:
                runs[run.system][run.id] = run
                all_runs[run.system].append(run)
        scored = print_corpus(console, corpus, truths, runs, arguments.worst)
        records.extend(page_records(runs, scored))
    console.print(overall_line(all_runs), soft_wrap=True)
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(records, ensure_ascii=False, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
