"""Benchmark tools for Foreign Desk: a deterministic corpus generator and its data."""
