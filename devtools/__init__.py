"""Tooling around the product: the demo's sample-site server and the extraction evaluation harness."""
