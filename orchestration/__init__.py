"""The Dagster code location: wires fetch, clean, extract, load and the dbt models together."""
