"""Scrapy settings for newsspider; every value can be overridden with -s NAME=VALUE."""

BOT_NAME = "newsspider"
SPIDER_MODULES = ["newsspider.spiders"]
NEWSPIDER_MODULE = "newsspider.spiders"

# Identify the crawler; NEWSSPIDER_CONTACT_URL (`crawl --contact URL`) tells site owners who runs it.
NEWSSPIDER_PRODUCT = "newsspider/0.1"
NEWSSPIDER_CONTACT_URL = ""
USER_AGENT = f"{NEWSSPIDER_PRODUCT} (+https://github.com/newsspider/newsspider)"
ROBOTSTXT_OBEY = True
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

# Politeness: a per-domain concurrency limit and AutoThrottle on by default.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024

# 5xx and timeouts retried with exponential backoff; 429/503 wait for Retry-After (capped).
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
NEWSSPIDER_RETRY_BACKOFF_BASE = 1.0
NEWSSPIDER_RETRY_BACKOFF_MAX = 60.0
NEWSSPIDER_RETRY_AFTER_MAX = 300.0
DOWNLOADER_MIDDLEWARES = {
    "newsspider.middlewares.RequestBudgetMiddleware": 110,  # after the offsite and robots.txt checks
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "newsspider.middlewares.BackoffRetryMiddleware": 550,
}
EXTENSIONS = {"newsspider.middlewares.SkipNonHtmlDownloads": 100, "newsspider.progress.ItemErrorStats": 110}

# Discovery: one fetch per canonical URL, and link-following bounded against calendars and facets.
DUPEFILTER_CLASS = "newsspider.middlewares.CanonicalUrlDupeFilter"
SPIDER_MIDDLEWARES = {"newsspider.middlewares.TrapGuardMiddleware": 950}
NEWSSPIDER_MAX_DEPTH = 10
NEWSSPIDER_MAX_QUERY_PARAMETERS = 1
NEWSSPIDER_MAX_PAGES_PER_URL_SHAPE = 200
NEWSSPIDER_MAX_ARTICLES = 0
NEWSSPIDER_MAX_PAGES = 0
NEWSSPIDER_SINCE = None
NEWSSPIDER_SELECTORS: dict[str, str] = {}
NEWSSPIDER_SITE_LANGUAGE = None

# Parse: one pipeline per field concern, in the order of newsspider.extract.FIELD_STEPS.
ITEM_PIPELINES = {
    "newsspider.pipelines.ParsePagePipeline": 100,
    "newsspider.pipelines.MetadataPipeline": 200,
    "newsspider.pipelines.TitlesPipeline": 250,
    "newsspider.pipelines.BylinesPipeline": 300,
    "newsspider.pipelines.DatesPipeline": 400,
    "newsspider.pipelines.ImagesPipeline": 500,
    "newsspider.pipelines.BodyPipeline": 600,
    "newsspider.pipelines.ScriptedPipeline": 620,
    "newsspider.site_pipelines.ProfileSelectorsPipeline": 650,
    "newsspider.pipelines.LanguagePipeline": 680,
    "newsspider.pipelines.PageTypePipeline": 700,
    "newsspider.pipelines.ValidateArticlePipeline": 900,
    "newsspider.site_pipelines.SiteDefaultsPipeline": 910,
    "newsspider.site_pipelines.SincePipeline": 920,
    "newsspider.site_pipelines.UniqueArticlePipeline": 930,
    "newsspider.site_pipelines.ArticleLimitPipeline": 990,
}

# Store: `-O out.parquet` and FEEDS entries with format "parquet".
FEED_EXPORTERS = {"parquet": "newsspider.exporters.ParquetItemExporter"}
FEED_STORAGES = {"": "newsspider.exporters.AtomicFileFeedStorage", "file": "newsspider.exporters.AtomicFileFeedStorage"}
FEED_EXPORT_ENCODING = "utf-8"
NEWSSPIDER_PARQUET_ROW_GROUP_SIZE = 500
NEWSSPIDER_SITE_TIMEZONE = "UTC"
# `crawl --out` and `refresh`: open parts are published every N rows or S seconds (datasets/README.md).
NEWSSPIDER_DATASET_COMMIT_ROWS = 1000
NEWSSPIDER_DATASET_COMMIT_SECONDS = 60.0
# Off a terminal, a progress line every S seconds.
NEWSSPIDER_PROGRESS_INTERVAL = 10.0

LOG_LEVEL = "INFO"
