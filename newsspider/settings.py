"""Scrapy settings for newsspider; every value can be overridden with -s NAME=VALUE."""

BOT_NAME = "newsspider"
SPIDER_MODULES = ["newsspider.spiders"]
NEWSPIDER_MODULE = "newsspider.spiders"

USER_AGENT = "newsspider/0.1 (+https://github.com/newsspider/newsspider)"
ROBOTSTXT_OBEY = True
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.5
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_ENABLED = True
RETRY_TIMES = 3
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]

# Parse: one pipeline per field concern, in the order of newsspider.extract.FIELD_STEPS.
ITEM_PIPELINES = {
    "newsspider.pipelines.ParsePagePipeline": 100,
    "newsspider.pipelines.MetadataPipeline": 200,
    "newsspider.pipelines.BylinesPipeline": 300,
    "newsspider.pipelines.DatesPipeline": 400,
    "newsspider.pipelines.ImagesPipeline": 500,
    "newsspider.pipelines.BodyPipeline": 600,
    "newsspider.pipelines.PageTypePipeline": 700,
    "newsspider.pipelines.ValidateArticlePipeline": 900,
}

# Store: `-O out.parquet` and FEEDS entries with format "parquet".
FEED_EXPORTERS = {"parquet": "newsspider.exporters.ParquetItemExporter"}
FEED_STORAGES = {"": "newsspider.exporters.AtomicFileFeedStorage", "file": "newsspider.exporters.AtomicFileFeedStorage"}
FEED_EXPORT_ENCODING = "utf-8"
NEWSSPIDER_PARQUET_ROW_GROUP_SIZE = 500
NEWSSPIDER_SITE_TIMEZONE = "UTC"

LOG_LEVEL = "INFO"
