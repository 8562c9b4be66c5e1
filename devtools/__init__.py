"""Tooling around the product: the demo's sample-site server, the extraction evaluation harness, and the
web archives generated for the tests and the benchmark."""
