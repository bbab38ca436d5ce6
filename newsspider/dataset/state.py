"""Per-URL refresh state in DIR/_state.sqlite: HTTP validators, entry dates and content hashes.

The Parquet parts are the truth; this state only lets a refresh skip work. A URL's validators are recorded
only once the row they vouch for is in a committed part (two-phase: staged with the part's name, promoted
after the rename), so a 304 or an unchanged sitemap date can never hide a row a killed run did not keep.
"""

from __future__ import annotations

import sqlite3
from dataclasses import astuple, dataclass
from pathlib import Path

import pyarrow as pa

from ..errors import BadInputError
from .layout import STATE_NAME, part_files
from .read import article_key, latest_rows
from .schema import read_part

SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url_key TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, lastmod TEXT, canonical_url TEXT, content_hash TEXT
);
CREATE TABLE IF NOT EXISTS articles (canonical_url TEXT PRIMARY KEY, content_hash TEXT);
CREATE TABLE IF NOT EXISTS staged (
    part TEXT, url_key TEXT, etag TEXT, last_modified TEXT, lastmod TEXT, canonical_url TEXT, content_hash TEXT
);
"""


@dataclass(frozen=True)
class PageVisit:
    """What one fetch of a URL tells the next refresh; url_key is the canonical form of the URL requested."""

    url_key: str
    etag: str | None = None
    last_modified: str | None = None
    lastmod: str | None = None
    canonical_url: str | None = None
    content_hash: str | None = None


class RefreshState:
    """The state database of one dataset (one connection; Scrapy's components run in one thread)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        path = root / STATE_NAME
        try:
            self.connection = sqlite3.connect(path)
            with self.connection:
                self.connection.executescript(SCHEMA)
        except sqlite3.DatabaseError as error:
            raise BadInputError(
                f"{path} is damaged ({error}): delete it, and the next crawl or refresh rebuilds it from the parts"
                " (fetching each page in full once)"
            ) from None

    def close(self) -> None:
        self.connection.close()

    def page(self, url_key: str) -> PageVisit | None:
        row = self.connection.execute(
            "SELECT url_key, etag, last_modified, lastmod, canonical_url, content_hash FROM pages WHERE url_key = ?", (url_key,)
        ).fetchone()
        return PageVisit(*row) if row else None

    def content_hash(self, canonical_url: str) -> str | None:
        row = self.connection.execute("SELECT content_hash FROM articles WHERE canonical_url = ?", (canonical_url,)).fetchone()
        return row[0] if row else None

    def record(self, visits: list[PageVisit]) -> None:
        """Remember visits whose rows are already committed (unchanged articles)."""
        with self.connection:
            self._upsert(visits)

    def stage(self, parts: list[str], visits: list[PageVisit]) -> None:
        """Phase one: the visits behind rows of `parts`, to be promoted once the parts are published."""
        with self.connection:
            self.connection.executemany(
                "INSERT INTO staged VALUES (?, ?, ?, ?, ?, ?, ?)", [(",".join(parts), *astuple(visit)) for visit in visits]
            )

    def promote(self, parts: list[str]) -> None:
        """Phase two: the parts are published, their visits now count."""
        self.promote_published(parts, parts)

    def promote_published(self, parts: list[str], published: list[str]) -> None:
        """Count the staged visits of one commit whose rows are in its `published` parts; forget the others."""
        key = ",".join(parts)
        with self.connection:
            rows = self.connection.execute(
                "SELECT url_key, etag, last_modified, lastmod, canonical_url, content_hash FROM staged WHERE part = ?", (key,)
            ).fetchall()
            visits = [PageVisit(*row) for row in rows]
            if published != parts:
                kept = self.rows_in(published)
                visits = [visit for visit in visits if (visit.canonical_url, visit.content_hash) in kept]
            self._upsert(visits)
            self.connection.execute("DELETE FROM staged WHERE part = ?", (key,))

    def recover(self) -> None:
        """After a kill: promote the staged visits whose rows were published. A commit writes one part per
        partition, renamed one after another, so a kill between two renames publishes some of its rows."""
        keys = [row[0] for row in self.connection.execute("SELECT DISTINCT part FROM staged").fetchall()]
        for key in keys:
            parts = key.split(",")
            self.promote_published(parts, [part for part in parts if (self.root / part).exists()])

    def rows_in(self, parts: list[str]) -> set[tuple[str | None, str | None]]:
        """(canonical_url, content_hash) of every row of the given parts."""
        rows: set[tuple[str | None, str | None]] = set()
        for part in parts:
            table = read_part(self.root / part, columns=["url", "canonical_url", "content_hash"]).to_pylist()
            rows.update((row["canonical_url"] or row["url"], row["content_hash"]) for row in table)
        return rows

    def seed_from_parts(self) -> int:
        """Rebuild the content hashes from the parts when the state is empty (lost, or an older dataset)."""
        if self.connection.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
            return 0
        columns = ["url", "canonical_url", "content_hash", "fetched_at"]
        parts = [read_part(path, columns=columns) for path in part_files(self.root)]
        if not parts:
            return 0
        # Parts written under another schema version (before a migration) may differ in a column's type or nullability.
        latest = latest_rows(pa.concat_tables(parts, promote_options="permissive"))
        hashes = list(zip(article_key(latest).to_pylist(), latest["content_hash"].to_pylist()))
        with self.connection:
            self.connection.executemany("INSERT INTO articles VALUES (?, ?)", hashes)
        return len(hashes)

    def _upsert(self, visits: list[PageVisit]) -> None:
        self.connection.executemany("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)", [astuple(visit) for visit in visits])
        self.connection.executemany(
            "INSERT OR REPLACE INTO articles VALUES (?, ?)",
            [(visit.canonical_url, visit.content_hash) for visit in visits if visit.canonical_url],
        )
