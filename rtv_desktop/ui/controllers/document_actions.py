"""File menu behaviour: New, Open, Save, Save As, Open Recent, Export results.

Errors from reading or writing (``InputFileError``, ``SaveError``) are shown in full in
a message box (object name ``dialog.error``, opened without blocking) and the open
scenario is left as it was. A workbook edited in Excel since it was exported opens only
after the user accepts the list of changes (:attr:`DocumentActions.review_changes`); one whose
price year was typed over is offered a rebase to that year (:attr:`DocumentActions.ask_typed_price_year`
and :attr:`DocumentActions.ask_rebase`), since typing the year only relabels the figures.
Unsaved changes are confirmed through :attr:`DocumentActions.ask_save_changes`, which
returns ``"save"``, ``"discard"`` or ``"cancel"``. Both are replaceable (e.g. by tests).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QFontMetrics, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from ... import messages
from ...core import blank_document, blank_scenario, default_scenario, rebase
from ...io import InputFileError, SaveError, export_document
from ...io.files import WORKBOOK_SUFFIXES
from ...session import Session

log = logging.getLogger(__name__)
RECENT_KEY = "recent_files"
MAX_RECENT = 8
RECENT_FOLDER_PX = 320  # longer folders are elided in the middle; the tooltip has the full path
OPEN_FILTERS = "Scenarios and workbooks (*.json *.xlsx);;Scenario files (*.json);;RtV workbooks (*.xlsx)"
# The workbook first: the one file finance can open and audit (README); JSON is the plain scenario.
SAVE_FILTERS = "RtV workbook (*.xlsx);;Scenario file (*.json)"
EXPORT_FOLDER_KEY = "export_folder"


def _action(parent, name: str, text: str, shortcut=None, tip: str = "") -> QAction:
    action = QAction(text, parent)
    action.setObjectName(f"action.{name}")
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


class DocumentActions(QObject):
    """The File menu's actions and what they do to the session."""

    message = Signal(str)  # a short status-bar message

    def __init__(self, session: Session, settings: QSettings, window: QWidget):
        super().__init__(window)
        self.session, self.settings, self.window = session, settings, window
        self.ask_save_changes = self._ask_save_changes
        self.review_changes = self._review_changes  # (changes) -> True to accept a workbook's edits
        self.ask_typed_price_year = self._ask_typed_price_year  # (exported, typed) -> "rebase", "keep" or "cancel"
        self.ask_rebase = self._ask_rebase  # (document, typed year) -> (target, source) deflators, or None
        self.last_error: QMessageBox | None = None
        self._overrides: list = []
        self.new = _action(self, "new", "&New", QKeySequence.StandardKey.New, "Start a new scenario")
        self.open = _action(self, "open", "&Open...", QKeySequence.StandardKey.Open, "Open a scenario or workbook")
        self.save = _action(self, "save", "&Save", QKeySequence.StandardKey.Save, "Save the scenario")
        self.save_as = _action(self, "save_as", "Save &As...", QKeySequence.StandardKey.SaveAs,
                               "Save the scenario under a new name")
        self.export = _action(self, "export", "&Export results to Excel...", "Ctrl+E",
                              "Save a workbook with the scenario, its results and any simulation")
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.setObjectName("menu.recent")
        self.new.triggered.connect(self.new_document)
        self.open.triggered.connect(self.choose_and_open)
        self.save.triggered.connect(self.save_current)
        self.save_as.triggered.connect(self.choose_and_save)
        self.export.triggered.connect(self.choose_and_export)
        self._rebuild_recent()

    # -- unsaved changes --------------------------------------------------------------------------
    def _ask_save_changes(self) -> str:
        answer = QMessageBox.question(
            self.window, "Unsaved changes", "The scenario has unsaved changes. Save them first?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(
            answer, "cancel")

    def confirm_discard(self) -> bool:
        """True when it is fine to drop the current scenario (saved, discarded or clean)."""
        if not self.session.dirty:
            return True
        answer = self.ask_save_changes()
        if answer == "save":
            return self.save_current()
        return answer == "discard"

    # -- commands ------------------------------------------------------------------------------------
    def new_document(self) -> bool:
        if not self.confirm_discard():
            return False
        self.session.replace_document(blank_document(), None, saved=True)
        self.message.emit("New scenario: the default area and services, no interventions yet")
        return True

    def choose_and_open(self) -> bool:
        if not self.confirm_discard():
            return False
        path, _ = QFileDialog.getOpenFileName(self.window, "Open scenario", self._folder(), OPEN_FILTERS)
        return self.open_path(path, confirm=False) if path else False

    def open_path(self, path, confirm: bool = True) -> bool:
        """Open ``path``; on a bad file show every problem and keep the current scenario."""
        if confirm and not self.confirm_discard():
            return False
        try:
            if not self._open_document(Path(path)):
                self.message.emit("Kept the scenario that was open")
                return False
        except InputFileError as exc:
            self.show_error("Could not open the file", exc.report())
            return False
        except OSError as exc:
            self.show_error("Could not open the file", f"'{path}' could not be read: {exc}")
            return False
        self._remember(path)
        self.message.emit(f"Opened {Path(path).name}")
        return True

    def _open_document(self, path: Path) -> bool:
        """Open a scenario file, or a workbook after the user accepts any edits made in Excel."""
        if path.suffix.lower() not in WORKBOOK_SUFFIXES:
            self.session.open(path)
            return True
        from ...io.workbook.read.reader import read_workbook  # noqa: PLC0415 (openpyxl is slow to import)

        imported = read_workbook(path, offer_rebase=True)
        self._overrides = imported.overrides  # shown beside the changes in the review
        if (imported.changes or imported.overrides) and not self.review_changes(imported.changes):
            return False
        answer = self.ask_typed_price_year(*imported.typed_price_year) if imported.typed_price_year else "keep"
        if answer == "cancel":
            return False
        self.session.replace_document(imported.document, path, saved=True)
        if imported.typed_price_year:
            self._rebase_to_typed_year(answer == "rebase", *imported.typed_price_year)
        # Formulas typed over were in the review just accepted: warn about the rest only, once.
        rest = [w for w in imported.warnings if w not in imported.overrides]
        if rest:
            self.show_error("Opened with warnings", "\n".join(str(w) for w in rest), QMessageBox.Icon.Warning)
        return True

    def _rebase_to_typed_year(self, wanted: bool, exported: str, typed: str) -> None:
        """The rebase the user asked for, as one undoable step after opening; else say the year was kept."""
        request = self.ask_rebase(self.session.document, typed) if wanted else None
        if request is None:
            self.message.emit(messages.price_year_kept(exported, typed))
            return
        target, source = request
        self.session.set_document(rebase(self.session.document, target, source), f"Change price year to {target.year}")
        self.message.emit(f"Rebased every money input from {exported} to {target.year} prices")

    def typed_price_year_box(self, exported: str, typed: str) -> QMessageBox:
        """The question asked when a workbook's price year was typed over (object name ``dialog.typed_price_year``)."""
        box = QMessageBox(QMessageBox.Icon.Question, "Price year typed in the workbook",
                          messages.price_year_typed(exported, typed), QMessageBox.StandardButton.NoButton,
                          self.window)
        box.setObjectName("dialog.typed_price_year")
        box.addButton(f"Rebase to {typed} prices...", QMessageBox.ButtonRole.AcceptRole).setObjectName(
            "typed_price_year.rebase")
        box.addButton(f"Keep {exported} prices", QMessageBox.ButtonRole.RejectRole).setObjectName(
            "typed_price_year.keep")
        box.addButton(QMessageBox.StandardButton.Cancel).setObjectName("typed_price_year.cancel")
        return box

    def _ask_typed_price_year(self, exported: str, typed: str) -> str:
        box = self.typed_price_year_box(exported, typed)
        box.exec()
        return {"typed_price_year.rebase": "rebase", "typed_price_year.keep": "keep"}.get(
            box.clickedButton().objectName() if box.clickedButton() else "", "cancel")

    def _ask_rebase(self, document, typed: str):
        from ..dialogs.rebase import RebaseDialog  # noqa: PLC0415

        dialog = RebaseDialog(document, self.window, target=typed)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _review_changes(self, changes) -> bool:
        from ..dialogs.change_review import ChangeReviewDialog  # noqa: PLC0415

        dialog = ChangeReviewDialog(changes, self.window, overrides=self._overrides)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def save_current(self) -> bool:
        if self.session.path is None:
            return self.choose_and_save()
        return self.save_to(self.session.path)

    def choose_and_save(self) -> bool:
        suggested = str(self.suggested_save_path())
        initial_filter = SAVE_FILTERS.split(";;")[0 if suggested.endswith(".xlsx") else 1]
        path, chosen = QFileDialog.getSaveFileName(self.window, "Save scenario as", suggested, SAVE_FILTERS,
                                                   initial_filter)
        if not path:
            return False
        if not Path(path).suffix:
            path += ".xlsx" if "xlsx" in chosen else ".json"
        return self.save_to(path)

    def suggested_save_path(self) -> Path:
        """Where Save As starts: the current file, a new name beside a workbook read, or the scenario's name."""
        session = self.session
        if session.path is not None:
            return session.path
        if session.origin is not None:
            return unused_name(session.origin.parent, f"{session.origin.stem} (RtV)", ".xlsx")
        return Path(self._folder()) / f"{file_stem(document_name(session.document))}.xlsx"

    def save_to(self, path) -> bool:
        options = {}
        if Path(path).suffix.lower() == ".xlsx":
            options = self._workbook_contents()
        try:
            self.session.save(path, **options)
        except SaveError as exc:
            self.show_error("Could not save", str(exc))
            return False
        self._remember(path)
        self.message.emit(f"Saved {Path(path).name}")
        return True

    def choose_and_export(self) -> bool:
        known = self.session.path or self.session.origin
        folder = known.parent if known is not None else Path(self._folder())
        stem = known.stem if known is not None else file_stem(document_name(self.session.document))
        suggested = unused_name(folder, f"{stem} results", ".xlsx")
        path, _ = QFileDialog.getSaveFileName(self.window, "Export results", str(suggested),
                                              "Excel workbook (*.xlsx)")
        return self.export_to(path) if path else False

    def export_to(self, path) -> bool:
        """Write a workbook with the scenario, its results and any simulation; the document keeps the new row of
        its change log (marked modified, so the log is saved with it)."""
        path = Path(path).with_suffix(".xlsx")
        try:
            if self.session.was_read(path):
                raise SaveError(messages.will_not_save_over_read_workbook(path))
            exported = export_document(self.session.document, path, **self._workbook_contents())
        except SaveError as exc:
            self.show_error("Could not export", str(exc))
            return False
        self.session.record_export(exported)
        self.message.emit(f"Exported results to {path.name}")
        return True

    def _workbook_contents(self) -> dict:
        """What a workbook shows besides the inputs: the latest results, tornado and simulation."""
        session = self.session
        simulation = session.simulation if session.simulation_current else None  # never one of other inputs
        return {"results": session.comparison, "simulation": simulation, "tornado_rows": session.tornado}

    def show_error(self, title: str, text: str, icon=QMessageBox.Icon.Critical) -> QMessageBox:
        log.info("%s: %s", title, text)
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName("dialog.error")
        box.open()
        self.last_error = box
        return box

    # -- recent files -----------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _remember(self, path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files() if f != path]
        self.settings.setValue(RECENT_KEY, files[:MAX_RECENT])
        self._rebuild_recent()

    def _rebuild_recent(self) -> None:
        self.recent_menu.clear()
        self.recent_menu.setToolTipsVisible(True)
        files = self.recent_files()
        metrics = QFontMetrics(self.recent_menu.font())
        for number, path in enumerate(files, start=1):
            # The folder tells apart files of one name (every ICB's "scenario.json").
            folder = metrics.elidedText(str(Path(path).parent), Qt.TextElideMode.ElideMiddle, RECENT_FOLDER_PX)
            action = self.recent_menu.addAction(f"&{number} {_menu_text(Path(path).name)}    {_menu_text(folder)}")
            action.setObjectName(f"action.recent_{number}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(files))

    def export_folder(self) -> Path:
        """Where an export is first offered: the folder of the last export, else of the last file."""
        last = self.settings.value(EXPORT_FOLDER_KEY, "")
        if last and Path(str(last)).is_dir():
            return Path(str(last))
        return Path(self._folder())

    def remember_export_folder(self, path) -> None:
        self.settings.setValue(EXPORT_FOLDER_KEY, str(Path(path).resolve().parent))

    def _folder(self) -> str:
        files = self.recent_files()
        return str(Path(files[0]).parent) if files else str(Path.home())


def _menu_text(text: str) -> str:
    return text.replace("&", "&&")  # a file name's "&" is not a keyboard accelerator


def document_name(document) -> str:
    """The document's own name; the area's for the example and New documents, whose names are generic."""
    generic = {default_scenario().name, blank_scenario().name, ""}
    return document.area.area_name if document.name.strip() in generic and document.area.area_name else document.name


def file_stem(name: str) -> str:
    """``name`` made safe as a file name on Windows (no \\ / : * ? " < > |), at most 80 characters."""
    cleaned = "".join("-" if ch in '\\/:*?"<>|' or ord(ch) < 32 else ch for ch in name).strip(" .")
    return cleaned[:80].rstrip(" .") or "scenario"


def unused_name(folder: Path, stem: str, suffix: str) -> Path:
    """``folder/stem suffix``, or ``stem 2``, ``stem 3``... when that file exists."""
    candidate, number = folder / f"{stem}{suffix}", 2
    while candidate.exists():
        candidate, number = folder / f"{stem} {number}{suffix}", number + 1
    return candidate
