"""How fast this machine runs Python at the moment, printed with the benchmarks so that figures
from different runs can be compared: on a shared host the same build can take a fifth longer an
hour later, with nothing else running on the machine."""

from __future__ import annotations

import statistics
import time


def reference_seconds(runs: int = 5) -> float:
    """Median time of a fixed pure-Python workload: ten million additions in a loop."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        total = 0
        for number in range(10_000_000):
            total += number
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def describe() -> str:
    return f"reference workload {reference_seconds():.2f} s (10 million additions in Python)"
