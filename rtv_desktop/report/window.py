"""File > Export board paper... and File > Export board paper with technical annex...: the
report of the open document, from the window.

The report sits above the window's layer, so the application attaches this action to the
window's File menu (:func:`attach`). A simulation of this document already on screen is
used as it is; otherwise the window's own simulation runs first, on the worker with its
progress bar and Cancel, and the report is written when it finishes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog

from ..core import InvalidScenario
from ..io.errors import SaveError
from ..session import SimulationState

FILTERS = "PDF for print (*.pdf);;Word, the accessible version (*.docx)"
FIX_FIRST = "The report needs figures: fix the problems listed below the pages first."


class ReportAction(QAction):
    """``action.report`` (the board paper) or ``action.report_annex`` (with the technical annex):
    ask for a file name, build and write the report."""

    def __init__(self, window, annex: bool = False):
        super().__init__("Export report with technical &annex..." if annex else "Export &report (board paper)...",
                         window)
        self.window, self.annex = window, annex
        self.setObjectName("action.report_annex" if annex else "action.report")
        if not annex:
            self.setShortcut("Ctrl+Shift+E")
        self.setStatusTip("Write the board paper (at most 6 pages)" + (" and its technical annex" if annex else "")
                          + ": PDF for print, or Word (the accessible version)")
        self.triggered.connect(self.choose_and_export)
        self.pending: Path | None = None  # where to write once the simulation it waits for is done
        window.compute.stateChanged.connect(self._on_simulation_state)

    def choose_and_export(self) -> bool:
        session = self.window.session
        known = session.path or session.origin
        folder = known.parent if known is not None else Path.home()
        stem = known.stem if known is not None else "board"
        ending = "board paper with annex" if self.annex else "board paper"
        path, chosen = QFileDialog.getSaveFileName(self.window, self.text().replace("&", "").rstrip("."),
                                                   str(folder / f"{stem} {ending}.pdf"),
                                                   FILTERS)
        if not path:
            return False
        if Path(path).suffix.lower() not in (".pdf", ".docx"):
            path += ".docx" if "docx" in chosen else ".pdf"
        return self.export_to(path)

    def export_to(self, path) -> bool:
        """Write the report of the open document to ``path``, or start the simulation it needs first.

        Returns False when nothing will be written (the problem is shown); errors are never raised.
        """
        session, documents, compute = self.window.session, self.window.documents, self.window.compute
        if not session.is_runnable():
            documents.show_error("Could not write the report", FIX_FIRST)
            return False
        from .command import output_problem  # noqa: PLC0415 (the report's modules load on first use)

        problem = output_problem(path)
        if problem is not None:  # said now, not after a simulation the report cannot use
            documents.show_error("Could not write the report", problem)
            return False
        if session.simulation_current:
            return self._write(path)
        if compute.state is not SimulationState.RUNNING and not compute.start_simulation():
            documents.show_error("Could not write the report", "The simulation the report needs could not start.")
            return False
        self.pending = Path(path)
        documents.message.emit(f"Simulating first: the report is written to {self.pending.name} when it is done")
        return True

    def _on_simulation_state(self, state) -> None:
        if self.pending is None or state is SimulationState.RUNNING:
            return
        path, self.pending = self.pending, None
        if state is SimulationState.FINISHED and self.window.session.simulation_current:
            self._write(path)
            return
        why = "the simulation was cancelled" if state is SimulationState.CANCELLED else \
            "the document changed while it was simulated"
        self.window.documents.message.emit(f"The report was not written: {why}. Export it again when ready.")

    def _write(self, path) -> bool:
        session, documents = self.window.session, self.window.documents
        known = session.path or session.origin
        name = known.name if known is not None else ""
        if name and session.dirty:  # the SHA-256 is of the document as it is, not of the file
            name += " (with unsaved changes)"
        from .build import build_report, write_report  # noqa: PLC0415 (charts and python-docx load on first use)

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            report = build_report(session.document, name, simulation=session.simulation, annex=self.annex)
            written = write_report(report, path)
        except (SaveError, InvalidScenario) as exc:
            documents.show_error("Could not write the report", str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        documents.message.emit(f"Wrote the report to {Path(written).name}")
        return True


def attach(window) -> ReportAction:
    """Add the two report actions (board paper; with the technical annex) after File > Export results."""
    action, annex = ReportAction(window), ReportAction(window, annex=True)
    menu = window.file_menu
    after = next((a for a in menu.actions() if a.objectName() == "action.export"), None)
    actions = menu.actions()
    following = actions[actions.index(after) + 1] if after is not None and after is not actions[-1] else None
    for each in (action, annex):
        window.addAction(each)
        menu.insertAction(following, each) if following is not None else menu.addAction(each)
    window.report_action, window.report_annex_action = action, annex
    return action
