"""An item pipeline that fails on every page (tests only): a crawl must count such pages as errors."""

from __future__ import annotations

from typing import Any


class FailOnEveryPage:
    def process_item(self, item: Any) -> Any:
        raise ValueError("broken on purpose")
