"""The board report: one model of the document's figures, written as PDF (print) and Word (accessible).

>>> report = build_report(document)          # doctest: +SKIP (needs a QApplication for the charts)
>>> write_report(report, "board paper.pdf")  # doctest: +SKIP
"""

from .build import build_report, report_format, write_report
from .model import Report

__all__ = ["Report", "build_report", "report_format", "write_report"]
