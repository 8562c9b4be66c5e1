"""The DuckDB warehouse: its raw schema and the code that loads it."""
