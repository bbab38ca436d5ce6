"""newsspider: news websites to analytics-ready Parquet datasets."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extract import extract_article
    from .items import Article, Image

__all__ = ["Article", "Image", "extract_article"]
_HOMES = {"Article": ".items", "Image": ".items", "extract_article": ".extract"}


def __getattr__(name: str) -> Any:
    """The public names, imported on first use: the command line starts (and answers Ctrl-C) before pyarrow,
    trafilatura and Scrapy are loaded."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name], __name__), name)
