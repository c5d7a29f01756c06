"""Medians and 95th percentiles of timings."""

from __future__ import annotations

import statistics
from collections.abc import Sequence


def percentile(samples: Sequence[float], pct: int) -> float:
    """The pct-th percentile, interpolated between the two nearest samples."""
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[pct - 1]


def summary(samples_ns: Sequence[int]) -> dict[str, float | int]:
    """Median and 95th percentile in milliseconds, and how many samples they come from."""
    ms = [ns / 1e6 for ns in samples_ns]
    return {"n": len(ms), "p50_ms": percentile(ms, 50), "p95_ms": percentile(ms, 95)}
