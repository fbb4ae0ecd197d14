"""Timing shared by the benchmark scripts (run as ``uv run python benchmarks/<script>.py``)."""

from __future__ import annotations

import time


def fastest(action, repeats: int) -> float:
    """Seconds of the fastest of ``repeats`` calls of ``action`` (the least disturbed by other work)."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)
