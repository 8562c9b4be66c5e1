"""Cleaning stage: raw HTML → article text and metadata (trafilatura), and one article per syndicated story."""
