"""Pantau: monitoring Indonesian regional news about JKN / BPJS Kesehatan into a DuckDB warehouse."""
