"""Fetch stage for web archives: read WARC files (local, over HTTP, Common Crawl's CC-NEWS) record by record."""
