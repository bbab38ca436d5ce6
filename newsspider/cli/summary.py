"""A short report of what a dataset holds after a crawl, read back from its Parquet parts."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..dataset.check import FILL_FIELDS, fill_line
from ..dataset.read import latest_rows, read_rows


def summarize(root: Path) -> str:
    """Articles in the dataset (latest version of each), per section, and the fill rate of each field."""
    latest = latest_rows(read_rows(root, ["url", "canonical_url", "fetched_at", *FILL_FIELDS]))
    lines = [f"{latest.num_rows} articles in {root}"]
    if latest.num_rows:
        sections = Counter(section or "(none)" for section in latest["section"].to_pylist())
        lines.append("per section: " + ", ".join(f"{name} {count}" for name, count in sections.most_common()))
        lines.append(fill_line(latest))
    return "\n".join(lines)
