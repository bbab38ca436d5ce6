"""The bundled demo news site: its articles, the truth about them, and an in-process HTTP server."""

from newsspider.demo.content import SITE_NAME, SITE_TIMEZONE, expected_articles, load_articles
from newsspider.demo.routes import DemoSite
from newsspider.demo.server import demo_article_urls, serve_demo_site

__all__ = [
    "SITE_NAME",
    "SITE_TIMEZONE",
    "DemoSite",
    "demo_article_urls",
    "expected_articles",
    "load_articles",
    "serve_demo_site",
]
