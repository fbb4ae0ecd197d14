"""The board report: one model of the document's figures, written as PDF (print) and Word (accessible).

>>> report = build_report(document)          # doctest: +SKIP (needs a QApplication for the charts)
>>> write_report(report, "board paper.pdf")  # doctest: +SKIP

The names below load their modules on first use, so attaching the report's action to the
window (:mod:`.window`) costs nothing until a report is written.
"""

from __future__ import annotations

import importlib

_WHERE = {"build_report": "build", "report_format": "build", "write_report": "build", "Report": "model"}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{_WHERE[name]}", __name__), name)
