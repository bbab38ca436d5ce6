"""Partition values are safe directory names that every reader parses the same way."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from dataset_helpers import read_by_all_four

from newsspider.dataset.layout import partition_path, publish, safe_site
from newsspider.dataset.writer import PartitionedWriter, PartNumbers
from newsspider.items import Article


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("www.Example.COM", "www.example.com"),
        ("127.0.0.1:8080", "127.0.0.1_8080"),
        ("../../etc", "_._etc"),
        ("a/b\\c", "a_b_c"),
        ("xn--bcher-kva.example", "xn--bcher-kva.example"),
        ("", "unknown"),
        (None, "unknown"),
    ],
)
def test_site_values_have_no_separators_dots_pairs_or_ports(source: str | None, expected: str) -> None:
    assert safe_site(source) == expected


def test_undated_articles_have_their_own_partition() -> None:
    assert partition_path("news.example", None) == Path("site=news.example/year=0000/month=00")
    dated = datetime(2024, 3, 9, 23, 30, tzinfo=timezone.utc)
    assert partition_path("news.example", dated) == Path("site=news.example/year=2024/month=03")


def test_the_partition_month_is_the_utc_month_that_readers_see() -> None:
    baku = timezone(timedelta(hours=4))
    first_of_march_in_baku = datetime(2024, 3, 1, 0, 0, tzinfo=baku)  # still February 29 in UTC
    assert partition_path("news.example", first_of_march_in_baku) == Path("site=news.example/year=2024/month=02")


def test_four_readers_agree_on_dated_undated_and_port_partitions(tmp_path: Path) -> None:
    writer = PartitionedWriter(tmp_path, "run", PartNumbers())
    when = datetime(2024, 3, 9, tzinfo=timezone.utc)
    for source, published in [("news.example", when), ("news.example", None), ("127.0.0.1:8080", when)]:
        url = f"http://{source}/{published}"
        writer.write(Article(url=url, canonical_url=url, source=source, published_at=published, fetched_at=when, content_hash=url).to_record())
    for part in writer.finish():
        publish(part.temporary, part.final)
    rows = read_by_all_four(tmp_path)
    assert {(row[2], row[3], row[4], row[5]) for row in rows} == {
        ("news.example", "news.example", 2024, 3),
        ("news.example", "news.example", 0, 0),
        ("127.0.0.1_8080", "127.0.0.1:8080", 2024, 3),
    }
