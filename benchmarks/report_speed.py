"""Board report times for the default document, printed as JSON.

Target: under 3 s each for the PDF and the Word file, counting everything the command does
after start-up: valuing the document, its simulation (the document's 5,000 draws and seed),
the tornado, drawing the charts at print resolution and writing the file. Each figure is the
best of a few runs (seconds), after one warm-up run that pays the first imports.

    uv run python benchmarks/report_speed.py
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from rtv_desktop.core import default_document  # noqa: E402
from rtv_desktop.report import build_report, write_report  # noqa: E402
from rtv_desktop.report.figures import gather  # noqa: E402
from timing import fastest  # noqa: E402 (benchmarks/, the script's folder)

REPEATS = 3


def _best(action) -> float:
    return fastest(action, REPEATS)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    doc = default_document()
    folder = Path(tempfile.mkdtemp(prefix="rtv-report-bench-"))
    write_report(build_report(doc), folder / "warm.pdf")
    out = {"document": "default document, 1 option, 6 interventions",
           "iterations": doc.settings.iterations, "target_seconds": 3.0}
    out["figures_seconds"] = round(_best(lambda: gather(doc)), 3)
    out["model_with_charts_seconds"] = round(_best(lambda: build_report(doc)), 3)
    for suffix in ("pdf", "docx"):
        path = folder / f"report.{suffix}"
        out[f"{suffix}_seconds"] = round(_best(lambda p=path: write_report(build_report(doc), p)), 3)
        out[f"{suffix}_bytes"] = path.stat().st_size
    out["ok"] = out["pdf_seconds"] < 3.0 and out["docx_seconds"] < 3.0
    print(json.dumps(out, indent=2))
    app.quit()


if __name__ == "__main__":
    main()
