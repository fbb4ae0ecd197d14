"""File > Export report...: the board report of the open document, from the window.

The report sits above the window's layer, so the application attaches this action to the
window's File menu (:func:`attach`). A simulation of this document already on screen is
used as it is; otherwise one runs at the document's iterations and seed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog

from ..core import InvalidScenario
from ..io.errors import SaveError
from .build import build_report, write_report

FILTERS = "PDF for print (*.pdf);;Word, the accessible version (*.docx)"
FIX_FIRST = "The report needs figures: fix the problems listed below the pages first."


class ReportAction(QAction):
    """``action.report``: ask for a file name, build and write the report."""

    def __init__(self, window):
        super().__init__("Export &report...", window)
        self.window = window
        self.setObjectName("action.report")
        self.setShortcut("Ctrl+Shift+E")
        self.setStatusTip("Write the board report: PDF for print, or Word (the accessible version)")
        self.triggered.connect(self.choose_and_export)

    def choose_and_export(self) -> bool:
        session = self.window.session
        known = session.path or session.origin
        folder = known.parent if known is not None else Path.home()
        stem = known.stem if known is not None else "board report"
        path, chosen = QFileDialog.getSaveFileName(self.window, "Export report", str(folder / f"{stem} report.pdf"),
                                                   FILTERS)
        if not path:
            return False
        if Path(path).suffix.lower() not in (".pdf", ".docx"):
            path += ".docx" if "docx" in chosen else ".pdf"
        return self.export_to(path)

    def export_to(self, path) -> bool:
        """Write the report of the open document to ``path``; errors are shown, never raised."""
        session, documents = self.window.session, self.window.documents
        if not session.is_runnable():
            documents.show_error("Could not write the report", FIX_FIRST)
            return False
        known = session.path or session.origin
        simulation = session.simulation if session.simulation_current else True
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = build_report(session.document, known.name if known is not None else "", simulation=simulation)
            written = write_report(report, path)
        except (SaveError, InvalidScenario) as exc:
            documents.show_error("Could not write the report", str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        documents.message.emit(f"Wrote the report to {Path(written).name}")
        return True


def attach(window) -> ReportAction:
    """Add File > Export report... after File > Export results."""
    action = ReportAction(window)
    window.addAction(action)
    menu = window.file_menu
    after = next((a for a in menu.actions() if a.objectName() == "action.export"), None)
    actions = menu.actions()
    following = actions[actions.index(after) + 1] if after is not None and after is not actions[-1] else None
    menu.insertAction(following, action) if following is not None else menu.addAction(action)
    window.report_action = action
    return action
