"""Speed of valuing every area at once; prints JSON figures.

    uv run python benchmarks/areas_speed.py

Targets: all 153 upper-tier councils x 3 options, deterministic, under 1 s (one vectorised
evaluation, not 153 runs); with 1,000 draws for every area, memory bounded (peak reported)
and progress reported area by area.
"""

from __future__ import annotations

import json
import sys
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.core_speed import best_of  # noqa: E402
from rtv_desktop.core import Option, default_document, run  # noqa: E402
from rtv_desktop.io.areas.run import area_inputs, run_all_areas  # noqa: E402
from rtv_desktop.io.areas.bundled import areas_at  # noqa: E402


def three_options():
    doc = default_document()
    ivs = doc.options[0].interventions
    return replace(doc, options=(doc.options[0], Option("Social prescribing only", ivs[-1:]),
                                 Option("Four approaches", ivs[:4])), comparator=0)


def main() -> None:
    doc = three_options()
    deterministic_s = best_of(lambda: run_all_areas(doc, "utla"), 5)
    areas = area_inputs(doc, areas_at("utla"))
    one_by_one_s = best_of(lambda: [run(replace(doc, area=a).scenario(k)) for a in areas for k in range(3)], 2)
    progress = []
    tracemalloc.start()
    start = time.perf_counter()
    run_all_areas(doc, "utla", iterations=1000, seed=1, progress=lambda done, total: progress.append(done))
    simulated_s = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({
        "areas": len(areas),
        "options": len(doc.options),
        "deterministic_all_areas_s": round(deterministic_s, 4),
        "target_deterministic_s": 1.0,
        "same_as_separate_runs_s": round(one_by_one_s, 3),
        "speedup_vs_separate_runs": round(one_by_one_s / deterministic_s, 1),
        "simulated_1000_draws_each_s": round(simulated_s, 2),
        "simulated_peak_mib": round(peak / 2**20, 1),
        "progress_reports": len(progress),
    }, indent=2))


if __name__ == "__main__":
    main()
