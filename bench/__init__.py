"""Benchmarks of the course package; `python -m bench` runs them all (results: docs/benchmarks.md)."""
