"""Scrapy settings for Pantau: every crawling knob in one place.

Paths and the User-Agent come from the environment that ``pantau.settings.Settings.env()`` gives the
crawl subprocess; ``PANTAU_CRAWL_DELAY`` lowers politeness delays for the local sample site only.
"""

import os

BOT_NAME = "pantau"
SPIDER_MODULES = ["scrapers.spiders"]
NEWSPIDER_MODULE = "scrapers.spiders"

USER_AGENT = os.environ.get(
    "PANTAU_USER_AGENT",
    "PantauBot/0.1 (+https://github.com/pantau-jkn/pantau; news monitoring of JKN coverage for public-health research)",
)
ROBOTSTXT_OBEY = True

# Politeness: few parallel requests per site, adaptive delay, back-off on errors.
_DELAY = float(os.environ.get("PANTAU_CRAWL_DELAY", "1.0"))
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = int(os.environ.get("PANTAU_CONCURRENCY_PER_DOMAIN", "2"))
DOWNLOAD_DELAY = _DELAY
DOWNLOAD_DELAY_JITTER = 0.5  # each wait is 0.5–1.5 × the delay, so requests do not come in lockstep
AUTOTHROTTLE_ENABLED = _DELAY > 0  # adaptive politeness for real sites; off for our own loopback site
AUTOTHROTTLE_START_DELAY = max(_DELAY, 0.1)
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

RETRY_ENABLED = True
RETRY_TIMES = int(os.environ.get("PANTAU_RETRY_TIMES", "3"))
RETRY_HTTP_CODES = [429, 500, 502, 503, 504, 522, 524, 408]
DOWNLOAD_TIMEOUT = float(os.environ.get("PANTAU_DOWNLOAD_TIMEOUT", "30"))
DOWNLOAD_MAXSIZE = int(os.environ.get("PANTAU_DOWNLOAD_MAXSIZE", str(5 * 1024 * 1024)))
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
REDIRECT_MAX_TIMES = 5
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False  # no listening ports from a crawler
HTTPCACHE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    "scrapers.middlewares.AddressGuardMiddleware": 50,
    "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
    "scrapers.middlewares.RetryAfterMiddleware": 550,
}
ITEM_PIPELINES = {"scrapers.pipelines.JsonLinesWriter": 300}
PANTAU_OUTPUT = os.environ.get("PANTAU_OUTPUT", "")

LOG_LEVEL = os.environ.get("PANTAU_SCRAPY_LOG_LEVEL", "INFO")
LOGSTATS_INTERVAL = 15.0
FEED_EXPORT_ENCODING = "utf-8"
TWISTED_REACTOR = "twisted.internet.asyncioreactor.AsyncioSelectorReactor"
