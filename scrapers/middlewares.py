"""Downloader middlewares: the address guard, and retries that honour ``Retry-After``."""

from __future__ import annotations

import asyncio

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.response import response_status_message

from .safety import url_refusal


class BlockedAddress(IgnoreRequest):
    """A request that would leave the public web (or http/https) and was refused."""


class AddressGuardMiddleware:
    """Refuse non-http(s) URLs and private, loopback or link-local addresses outside their source's origins.

    A private address is allowed only at the origin (scheme, host, port) of one of the source's own
    configured URLs (the demo, the tests, an intranet), and then only for requests of that source;
    Scrapy's own requests (robots.txt) get the origins of all sources. Redirects come back through this
    middleware as new requests, so a redirect to another port or host on a private address is refused too.
    """

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spider = spider or (self.crawler.spider if self.crawler is not None else None)
        allowed = request.meta.get("pantau_private_origins")
        if allowed is None:  # robots.txt and other requests Scrapy makes on its own
            allowed = getattr(spider, "private_origins", frozenset()) if spider is not None else frozenset()
        reason = url_refusal(request.url, allowed)
        if reason is None:
            return None
        if spider is not None:
            spider.logger.warning("refused %s: %s", request.url, reason)
        raise BlockedAddress(reason)


class RetryAfterMiddleware(RetryMiddleware):
    """Scrapy's retry, waiting as long as a 429/503 ``Retry-After`` asks (capped) before retrying."""

    max_wait = 60.0

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        wait = response.headers.get(b"Retry-After")
        if wait:
            try:
                seconds = min(float(wait.decode().strip()), self.max_wait)
            except ValueError:
                seconds = 0.0
            if seconds > 0:
                await asyncio.sleep(seconds)
        reason = response_status_message(response.status)
        return self._retry(request, reason) or response
