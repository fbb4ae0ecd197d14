"""Workbook export and import times, printed as JSON.

Targets: export < 1 s and import < 0.5 s for the default scenario. Each figure is the
best of several runs (seconds), after one warm-up run that pays the import of openpyxl.

    uv run python benchmarks/workbook_speed.py
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import replace
from pathlib import Path

from rtv_desktop.core import MAX_INTERVENTIONS, Document, default_scenario, run
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook
from timing import fastest  # benchmarks/, the script's folder

REPEATS = 5


def _best(action) -> float:
    return fastest(action, REPEATS)


def _fifty_interventions():
    s = default_scenario()
    mix = [replace(s.interventions[k % len(s.interventions)], id=f"iv_{k + 1}", name=f"Intervention {k + 1}")
           for k in range(MAX_INTERVENTIONS)]
    return replace(s, interventions=tuple(mix))


def measure(folder: Path) -> dict:
    figures = {}
    for label, scenario in (("default", default_scenario()), ("fifty_interventions", _fifty_interventions())):
        path = folder / f"{label}.xlsx"
        results, document = run(scenario), Document.from_scenario(scenario)
        write_workbook(document, path, results=results)  # warm-up
        read_workbook(path)
        figures[f"export_seconds_{label}"] = round(_best(lambda: write_workbook(document, path, results=results)), 4)
        figures[f"import_seconds_{label}"] = round(_best(lambda: read_workbook(path)), 4)
        figures[f"file_kilobytes_{label}"] = round(path.stat().st_size / 1024, 1)
    figures["targets"] = {"export_seconds_default": 1.0, "import_seconds_default": 0.5}
    return figures


if __name__ == "__main__":
    with tempfile.TemporaryDirectory(prefix="rtv-bench-") as folder:
        print(json.dumps(measure(Path(folder)), indent=2))
