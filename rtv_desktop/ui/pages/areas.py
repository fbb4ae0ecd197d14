"""All areas: the document's options valued in every ICB or upper-tier council at once.

Each area carries the mix as written, with its own population and need (``io.areas.run``).
The run goes to the worker; without draws it is quick and reruns by itself while the page
is shown, with draws it runs when asked, with progress and cancel. Object names:
``page.areas``, ``areas.level``, ``areas.draws``, ``areas.run``, ``areas.cancel``,
``areas.progress``, ``areas.option``, ``areas.scale``, ``areas.figure``, ``areas.export``,
``areas.status``, ``areas.tabs``, ``areas.table``; chart ``chart.areas``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QTimer, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFrame, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QProgressBar, QPushButton, QScrollArea, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from ... import messages
from ...core import errors
from ...io.areas.run import AreaTableRun, write_area_table
from ...io.errors import InputFileError, SaveError
from ...runner import ComputeRunner
from ...session import Session
from ..models.areas import (
    FIGURES,
    AreaSortProxy,
    AreaTableModel,
    figure_value,
    is_england,
    short_area_name,
)
from ..charts.lazy import LazyCharts, LazyTab
from ...core.outputs import NPV_SOCIAL, short
from ...core.text import simulation_basis
from ..style import readable_popup

LEVELS = (("icb", "ICBs (42)", "ICBs"), ("utla", "Upper-tier councils (153)", "upper-tier councils"))
DRAWS = ((0, "No simulation"), (1_000, "1,000 draws per area"), (5_000, "5,000 draws per area"))
RANKED = tuple(f for f in FIGURES if f.kind == "money")  # the chart's axis is in pounds
ALL_OPTIONS = "All options"
# The workbook first (labels and number formats, for finance); CSV keeps the keys, for scripts.
EXPORT_FILTERS = "Excel workbook, labelled (*.xlsx);;CSV table, keys for scripts (*.csv)"
RERUN_MS = 400  # quick reruns wait for typing to pause
NOTE_STYLE = "color: #425563; font-size: 9pt;"
OUTDATED_STYLE = "background: #FFF4D6; color: #212B32; border-left: 4px solid #FFB81C; padding: 3px 6px; font-size: 9pt;"


def _combo(name: str, items, tip: str) -> QComboBox:
    combo = readable_popup(QComboBox())
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setAccessibleName(tip)
    for data, text in items:
        combo.addItem(text, data)
    return combo


class AllAreasPage(QWidget):
    """Controls, a sortable table and a ranked chart of every area."""

    message = Signal(str)

    def __init__(self, session: Session, runner: ComputeRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.areas")
        self.session, self.runner = session, runner
        self.table_run: AreaTableRun | None = None
        self._run_document = None  # the document the table was run on
        self._pending = None  # the document of the run in progress
        self._run_id = 0
        self._document_id = session.document_id  # New and Open drop the last run and any run in progress
        # Where exports go: the folder last used (set by the window; the home folder without it).
        self.export_folder: Callable[[], Path] = Path.home
        self.remember_export_folder: Callable[[Path], None] = lambda _path: None
        self._build_controls()
        self.model = AreaTableModel(self)
        self.proxy = AreaSortProxy(self)
        self.proxy.setSourceModel(self.model)
        self._charts = LazyCharts({"areas": "areas.RankedAreasChart"})  # made when its tab is first shown
        self.tabs = QTabWidget()
        self.tabs.setObjectName("areas.tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_table(), "Table")
        self._chart_tab = LazyTab(self._chart_scroll)
        self.tabs.addTab(self._chart_tab, "Ranked chart")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(self._run_row)
        layout.addLayout(self._view_row)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        self._rerun = QTimer(self)
        self._rerun.setSingleShot(True)
        self._rerun.setInterval(RERUN_MS)
        self._rerun.timeout.connect(self._auto_run)
        self._connect()
        self._show_options()
        self._show_status()

    # -- construction ---------------------------------------------------------------------------
    def _build_controls(self) -> None:
        self.level = _combo("areas.level", [(key, text) for key, text, _ in LEVELS], "Areas to run")
        self.draws = _combo("areas.draws", DRAWS, "Monte Carlo draws per area")
        self.run_button = QPushButton("&Run every area")
        self.run_button.setObjectName("areas.run")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("areas.cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setObjectName("areas.progress")
        self.progress.setAccessibleName("All-areas progress")
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.option = _combo("areas.option", [], "Option shown")
        self.scale = _combo("areas.scale", [(False, "Totals"), (True, "Per 100,000 residents")], "Totals or per head")
        self.figure = _combo("areas.figure", [(f.key, f.title) for f in RANKED], "Figure the chart ranks")
        self.figure.setCurrentIndex(self.figure.findData(NPV_SOCIAL))
        self.export_button = QPushButton("E&xport...")
        self.export_button.setObjectName("areas.export")
        self.export_button.setToolTip("Save every option in every area, and England, as an Excel workbook "
                                      "(labelled, formatted) or a CSV table (keys, for scripts), with the "
                                      "data's licence beside it")
        self._run_row = self._row([QLabel("Areas:"), self.level, QLabel("Uncertainty:"), self.draws,
                                   self.run_button, self.cancel_button, self.progress])
        self._view_row = self._row([QLabel("Option:"), self.option, QLabel("Show:"), self.scale,
                                    QLabel("Chart ranks:"), self.figure, self.export_button])
        self.status = QLabel()
        self.status.setObjectName("areas.status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(NOTE_STYLE)

    @staticmethod
    def _row(widgets) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(6)
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("areas.table")
        table.setAccessibleName("Every area's figures")
        table.setAccessibleDescription("One row per area and option, England last; sort by a column's header")
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # bundled order until a header is clicked
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setDefaultSectionSize(118)
        header.resizeSection(0, 230)
        header.resizeSection(1, 170)
        self.table = table
        return table

    @property
    def chart(self):
        """The ranked chart (``chart.areas``), with its tab built if it was not yet shown."""
        self._chart_tab.ensure_built()
        return self._charts.get("areas")

    def _chart_scroll(self) -> QScrollArea:
        scroll = QScrollArea()
        scroll.setObjectName("areas.chart_scroll")
        scroll.setAccessibleName("Areas ranked")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self._charts.get("areas"))
        return scroll

    def _connect(self) -> None:
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.runner.cancel_areas)
        self.level.currentIndexChanged.connect(lambda _i: self._settings_changed())
        self.draws.currentIndexChanged.connect(lambda _i: self._show_status())
        self.option.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.scale.currentIndexChanged.connect(lambda _i: self._show_rows())
        self.figure.currentIndexChanged.connect(lambda _i: self._show_chart())
        self.export_button.clicked.connect(self._export_clicked)
        self.runner.areasReady.connect(self._on_ready)
        self.runner.areasProgress.connect(self._on_progress)
        self.runner.areasCancelled.connect(self._on_cancelled)
        self.runner.areasFailed.connect(self._on_failed)
        self.runner.areasBusyChanged.connect(self._on_busy)
        self.session.documentChanged.connect(self._on_document_changed)

    # -- running ---------------------------------------------------------------------------------
    @property
    def outdated(self) -> bool:
        return self.table_run is not None and self._run_document != self.session.document

    def run(self) -> bool:
        """Run the document's options for every area of the chosen level (with the chosen draws)."""
        problems = errors(self.session.issues)
        if problems:
            self.status.setText(f"Fix the {len(problems)} problem{'s' if len(problems) != 1 else ''} listed "
                                "before running every area.")
            return False
        draws = self.draws.currentData()
        document = self.session.document
        self._pending = document
        self._run_id = self.runner.run_areas(document, self.level.currentData(), draws or None,
                                             document.settings.seed if draws else None)
        self.progress.setRange(0, 0)  # busy until the first area is done
        return True

    def _auto_run(self) -> None:
        # Quick (no draws) runs follow edits by themselves while the page is shown.
        if self.isVisible() and not self.draws.currentData() and not self.runner.areas_busy \
                and (self.table_run is None or self.outdated or self.table_run.level != self.level.currentData()):
            self.run()

    def _settings_changed(self) -> None:
        self._show_status()
        if not self.draws.currentData():
            self._rerun.start()

    def _on_document_changed(self, _document) -> None:
        if self.session.document_id != self._document_id:
            self._forget_runs()
        if self.table_run is None:
            self._show_options()
        self._show_status()
        if self.isVisible() and not self.draws.currentData():
            self._rerun.start()

    def _forget_runs(self) -> None:
        """Another document is open: its areas are not the last document's."""
        self._document_id = self.session.document_id
        if self.runner.areas_busy:
            self.runner.cancel_areas()
        self._run_id = 0  # what the old run still sends is ignored
        self.table_run = self._run_document = self._pending = None
        self._show_rows()

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self._rerun.start(0)

    # -- runner -> page ---------------------------------------------------------------------------
    def _on_ready(self, run_id: int, table: AreaTableRun) -> None:
        if run_id != self._run_id:
            return
        self.table_run = table
        self._run_document = self._pending
        self._show_options()
        self._show_rows()
        self._show_status()

    def _on_progress(self, run_id: int, done: int, total: int) -> None:
        if run_id == self._run_id:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_cancelled(self, run_id: int, text: str) -> None:
        if run_id == self._run_id:
            self.message.emit(f"All-areas run {text}.")
            self._show_status(f"Run {text}." + (" The last finished run is still shown." if self.table_run else ""))

    def _on_failed(self, run_id: int, text: str) -> None:
        if run_id == self._run_id:
            self._show_status(f"The run failed: {text.splitlines()[0] if text else ''}")

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        self.run_button.setEnabled(not busy)

    # -- views -------------------------------------------------------------------------------------
    def _option_names(self) -> list[str]:
        """The options of the run shown (or of the document, before any run), in order."""
        if self.table_run is None:
            return [option.name for option in self.session.document.options]
        return list(dict.fromkeys(row["option"] for row in self.table_run.rows))

    def _show_options(self) -> None:
        names = self._option_names()
        items = ([(ALL_OPTIONS, None)] if len(names) > 1 else []) + [(name, name) for name in names]
        if items == [(self.option.itemText(i), self.option.itemData(i)) for i in range(self.option.count())]:
            return
        current = self.option.currentData() if self.option.count() else None
        self.option.blockSignals(True)
        self.option.clear()
        for text, data in items:
            self.option.addItem(text, data)
        self.option.setCurrentIndex(max(0, self.option.findData(current)))
        self.option.blockSignals(False)
        self.option.setEnabled(len(items) > 1)
        self._show_rows()

    def shown_rows(self) -> list[dict]:
        """The rows shown (every option's, or the chosen option's; England last) from the last run."""
        if self.table_run is None:
            return []
        chosen = self.option.currentData()
        rows = [row for row in self.table_run.rows if chosen is None or row["option"] == chosen]
        return [row for row in rows if not is_england(row)] + [row for row in rows if is_england(row)]

    def _show_rows(self) -> None:
        self.model.set_rows(self.shown_rows(), bool(self.table_run and self.table_run.iterations))
        self.model.set_per_100k(bool(self.scale.currentData()))
        self._show_chart()

    def _show_chart(self) -> None:
        rows = self.shown_rows()
        figure = next(f for f in RANKED if f.key == self.figure.currentData())
        per_100k = bool(self.scale.currentData())
        areas = [row for row in rows if not is_england(row)]
        if not areas:
            self._charts.send("areas", "clear")
            return
        names = self._option_names()
        englands = [row for row in rows if is_england(row)]
        scale = " per 100,000 residents" if per_100k else ""
        chosen = self.option.currentText() if self.option.currentData() is not None or len(names) == 1 else ALL_OPTIONS
        self._charts.send("areas", "update_ranking", [short_area_name(row["area_name"]) for row in areas],
                          [figure_value(row, figure, per_100k) for row in areas],
                          f"{figure.title}{scale}: {chosen.lower() if chosen == ALL_OPTIONS else chosen}",
                          f"{short(figure.base)}{scale} (present value)",
                          figure_value(englands[0], figure, True) if per_100k and len(englands) == 1 else None,
                          options=[row["option"] for row in areas], option_order=names)
        self._charts.send("areas", "set_note", self._describe())

    def _describe(self) -> str:
        run = self.table_run
        if run is None:
            return ""
        noun = next(words for key, _text, words in LEVELS if key == run.level)
        areas = len({row["area_code"] for row in run.rows if not is_england(row)})
        settings = (self._run_document or self.session.document).settings
        how = (simulation_basis(run.iterations, settings.seed, settings.correlation, per="per area")
               if run.iterations else "central values")
        return (f"{areas} {noun}, each with its own population and need; {how}. England is the sum of the areas. "
                f"Money in {settings.price_year} prices.")

    def _show_status(self, extra: str = "") -> None:
        text = self._describe() or "Not run yet: choose the areas and run."
        if self.outdated:
            text = "The document changed since this run: run it again. " + text
        elif self.table_run is not None and self.table_run.level != self.level.currentData():
            text = "Showing another level: run again for the areas chosen. " + text
        self.status.setText(f"{extra} {text}".strip())
        self.status.setStyleSheet(OUTDATED_STYLE if self.outdated or extra else NOTE_STYLE)
        self.export_button.setEnabled(self.table_run is not None)

    # -- export ------------------------------------------------------------------------------------
    def export_to(self, path) -> list[Path]:
        """Write the last run (every option, totals) to ``path`` (.csv or .xlsx); the files written."""
        if self.table_run is None:
            raise SaveError("Nothing to export yet: run every area first.")
        if self.session.was_read(path):
            raise SaveError(messages.will_not_save_over_read_workbook(Path(path)))
        written = write_area_table(self.table_run, path)
        self.message.emit("Saved " + ", ".join(p.name for p in written))
        return written

    def _export_clicked(self) -> None:
        level = self.table_run.level if self.table_run else "areas"
        suggested = self.export_folder() / f"all-{level}.xlsx"
        path, chosen = QFileDialog.getSaveFileName(self, "Export every area", str(suggested), EXPORT_FILTERS)
        if not path:
            return
        if Path(path).suffix.lower() not in (".csv", ".xlsx"):
            path += ".csv" if "csv" in chosen.lower() else ".xlsx"
        try:
            self.export_to(path)
        except (SaveError, InputFileError) as exc:
            QMessageBox.warning(self, "Could not export", str(exc))
            return
        self.remember_export_folder(Path(path))
