"""Speed of the valuation core; prints JSON figures.

    uv run python benchmarks/core_speed.py

The plain loop is ``tests/core/loop_reference.py`` (central values, summary only).
Targets (issue: valuation core): deterministic run of the default scenario < 2 ms and >= 10x
faster than a plain per-year Python loop; 10,000-draw simulation < 0.1 s and costing no more
than 100 deterministic runs; 200,000 draws in bounded memory (chunks) with progress.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dataclasses import replace  # noqa: E402

from rtv_desktop.core import default_scenario, run, service_catalogue, simulate  # noqa: E402
from tests.core.loop_reference import loop_summary  # noqa: E402


def best_of(fn, repeat: int) -> float:
    """Median seconds of ``repeat`` calls after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def largest_scenario():
    """The biggest scenario the app allows: 50 interventions, 10 years, all 7 catalogue services."""
    s = default_scenario()
    services = tuple(v for v in service_catalogue())
    ivs = tuple(replace(iv, id=f"iv_{k}", name=f"{iv.name} {k}", effect_years=4)
                for k, iv in enumerate((s.interventions * 9)[:50]))
    return replace(s, services=services, interventions=ivs, settings=replace(s.settings, horizon_years=10))


def main() -> None:
    s = default_scenario()
    per_draw_loop_s = best_of(lambda: [loop_summary(s) for _ in range(1000)], 3) * 10  # 10,000 draws
    big = largest_scenario()
    big_run_s = best_of(lambda: run(big), 50)
    big_loop_s = best_of(lambda: loop_summary(big), 10)
    big_sim_s = best_of(lambda: simulate(big, iterations=10_000, seed=1), 3)
    s = default_scenario()
    run_s = best_of(lambda: run(s), 200)
    loop_s = best_of(lambda: loop_summary(s), 50)
    sim_s = best_of(lambda: simulate(s, iterations=10_000, seed=1), 10)
    progress_calls = []
    tracemalloc.start()
    start = time.perf_counter()
    simulate(s, iterations=200_000, seed=1, progress=lambda done, total: progress_calls.append(done))
    big_s = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({
        "deterministic_run_ms": round(run_s * 1e3, 3),
        "python_loop_ms": round(loop_s * 1e3, 3),
        "speedup_vs_loop": round(loop_s / run_s, 1),
        "simulate_10k_s": round(sim_s, 4),
        "simulate_10k_in_deterministic_runs": round(sim_s / run_s, 1),
        "simulate_10k_as_python_loop_per_draw_s": round(per_draw_loop_s, 3),
        "simulate_200k_s": round(big_s, 3),
        "simulate_200k_peak_mib": round(peak / 2**20, 1),
        "simulate_200k_progress_calls": len(progress_calls),
        "largest_50x10x7": {
            "deterministic_run_ms": round(big_run_s * 1e3, 3),
            "python_loop_ms": round(big_loop_s * 1e3, 3),
            "speedup_vs_loop": round(big_loop_s / big_run_s, 1),
            "simulate_10k_s": round(big_sim_s, 4),
            "simulate_10k_in_deterministic_runs": round(big_sim_s / big_run_s, 1),
        },
    }, indent=2))


if __name__ == "__main__":
    main()
