"""File > Monitoring: write the monitoring workbook, and import the actuals filled in it.

New monitoring workbook asks for the first quarter's financial year (the document's start year
offered) and a file name through the usual save dialog, which confirms before replacing a file;
it never writes over the open document or a workbook it was read from. Import actuals reads
the filled workbook: a problem is shown with its sheet and cell (``dialog.error``) and the
document stays as it was; otherwise the actuals go into the document as one undo step.
:attr:`ask_start_year`, :attr:`ask_save_path` and :attr:`ask_open_path` are replaceable (e.g. by tests).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog

from ... import messages
from ...core.years import financial_year, financial_year_problem, next_financial_year
from ...io import InputFileError, SaveError
from ...io.files import same_file
from ...session import Session
from .document_actions import _action, document_name, file_stem, unused_name

WORKBOOK_FILTER = "Excel workbook (*.xlsx)"
YEARS_BEFORE, YEARS_AFTER = 3, 5  # start years offered around the document's


def start_years(default: str) -> list[str]:
    """Financial years offered for the first quarter: a few before and after ``default``."""
    if financial_year_problem(default) is not None:
        default = next_financial_year()
    return [financial_year(default, t) for t in range(-YEARS_BEFORE, YEARS_AFTER + 1)]


class MonitoringActions(QObject):
    """The actions of File > Monitoring (also the Monitoring page's buttons)."""

    message = Signal(str)

    def __init__(self, session: Session, documents, window):
        super().__init__(window)
        self.session, self.documents, self.window = session, documents, window
        self.ask_start_year = self._ask_start_year  # (default) -> "2026/27", or "" to stop
        self.ask_save_path = self._ask_save_path  # (suggested Path) -> path, or "" to stop
        self.ask_open_path = self._ask_open_path  # () -> path, or "" to stop
        self.new_workbook = _action(self, "new_monitoring_workbook", "&New monitoring workbook...", None,
                                    "Write a workbook to record starters, completers, spend and outcomes by quarter")
        self.import_actuals = _action(self, "import_actuals", "&Import actuals...", None,
                                      "Read a filled monitoring workbook: forecast against actual, observed effects")
        self.new_workbook.triggered.connect(self.choose_and_write_template)
        self.import_actuals.triggered.connect(self.choose_and_import)

    # -- dialogs (replaceable) ---------------------------------------------------------------------
    def _ask_start_year(self, default: str) -> str:
        years = start_years(default)
        chosen, ok = QInputDialog.getItem(self.window, "New monitoring workbook",
                                          "Financial year of the first quarter:", years,
                                          years.index(default) if default in years else YEARS_BEFORE, False)
        return chosen if ok else ""

    def _ask_save_path(self, suggested: Path) -> str:
        path, _ = QFileDialog.getSaveFileName(self.window, "New monitoring workbook", str(suggested), WORKBOOK_FILTER)
        return path

    def _ask_open_path(self) -> str:
        folder = self.session.path.parent if self.session.path is not None else self.documents.export_folder()
        path, _ = QFileDialog.getOpenFileName(self.window, "Import actuals", str(folder), WORKBOOK_FILTER)
        return path

    # -- commands ----------------------------------------------------------------------------------
    def suggested_path(self) -> Path:
        known = self.session.path or self.session.origin
        folder = known.parent if known is not None else self.documents.export_folder()
        stem = known.stem if known is not None else file_stem(document_name(self.session.document))
        return unused_name(Path(folder), f"{stem} monitoring", ".xlsx")

    def choose_and_write_template(self) -> bool:
        start = self.ask_start_year(self.session.document.settings.start_year)
        if not start:
            return False
        path = self.ask_save_path(self.suggested_path())
        return self.write_template_to(path, start) if path else False

    def write_template_to(self, path, start_year: str) -> bool:
        """Write the monitoring workbook of the open document to ``path`` (never over its own file)."""
        from ...io.monitoring import write_template  # noqa: PLC0415 (openpyxl is slow to import)

        path = Path(path).with_suffix(".xlsx")
        try:
            if self.session.was_read(path):
                raise SaveError(messages.will_not_save_over_read_workbook(path))
            if self.session.path is not None and same_file(path, self.session.path):
                raise SaveError(f"'{path.name}' is the open document's own file: choose another name for the "
                                "monitoring workbook.")
            write_template(self.session.document, path, start_year=start_year)
        except SaveError as exc:
            self.documents.show_error("Could not write the monitoring workbook", str(exc))
            return False
        except OSError as exc:
            self.documents.show_error("Could not write the monitoring workbook", f"'{path}' could not be written: {exc}")
            return False
        self.documents.remember_export_folder(path)
        self.message.emit(f"Wrote the monitoring workbook {path.name}: fill in the yellow cells each quarter")
        return True

    def choose_and_import(self) -> bool:
        path = self.ask_open_path()
        return self.import_from(path) if path else False

    def import_from(self, path) -> bool:
        """Read the actuals in ``path`` into the document (one undo step); on a problem, say where."""
        from ...io.monitoring import read_actuals  # noqa: PLC0415 (openpyxl is slow to import)

        path = Path(path)
        try:
            actuals = read_actuals(self.session.document, path)
        except InputFileError as exc:
            self.documents.show_error("Could not import the actuals", exc.report())
            return False
        except OSError as exc:
            self.documents.show_error("Could not import the actuals", f"'{path}' could not be read: {exc}")
            return False
        self.session.set_document(replace(self.session.document, actuals=actuals), f"Import actuals from {path.name}")
        self.message.emit(f"Imported the actuals from {path.name}")
        return True
