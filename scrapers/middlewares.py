"""Downloader middlewares: the address guard, and retries that honour ``Retry-After``."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.response import response_status_message

from .safety import is_public_host


class BlockedAddress(IgnoreRequest):
    """A request that would leave the public web (or http/https) and was refused."""


class AddressGuardMiddleware:
    """Refuse non-http(s) URLs and private, loopback or link-local hosts.

    A private host is allowed only when a configured source URL itself is on it (the demo, the tests,
    an intranet), and then only for requests of that source (robots.txt requests included). Redirects
    come back through this middleware, so a redirect to a private address is refused too.
    """

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        spider = spider or (self.crawler.spider if self.crawler is not None else None)
        parts = urlsplit(request.url)
        if parts.scheme not in ("http", "https"):
            raise BlockedAddress(f"scheme {parts.scheme!r} is not allowed")
        host = (parts.hostname or "").lower()
        if not host:
            raise BlockedAddress("URL has no host")
        if is_public_host(host):
            return None
        allowed = request.meta.get("pantau_private_hosts")
        if allowed is None:  # robots.txt and other requests Scrapy makes on its own
            allowed = getattr(spider, "private_hosts", frozenset()) if spider is not None else frozenset()
        if host in allowed:
            return None
        if spider is not None:
            spider.logger.warning("refused %s: %s is not a public address", request.url, host)
        raise BlockedAddress(f"host {host} is not a public address and not one of this source's own hosts")


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
