"""newsspider: news websites to analytics-ready Parquet datasets."""

from .extract import extract_article
from .items import Article, Image

__all__ = ["Article", "Image", "extract_article"]
