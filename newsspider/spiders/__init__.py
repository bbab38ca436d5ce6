"""Crawl stage: spiders that decide what to fetch."""
