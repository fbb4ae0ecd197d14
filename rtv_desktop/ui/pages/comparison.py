"""The Comparison page: every option side by side, the preferred one and why, and the decision
under uncertainty after a simulation.

Live like the Results page: each edit recomputes every option on the worker and the session's
``comparisonChanged`` refreshes this page; ``simulationChanged`` brings the simulation. Object
names: ``page.comparison``, ``comparison.verdict``, ``comparison.basis``,
``comparison.evidence_note``, ``comparison.decision``, ``comparison.stale_banner``,
``comparison.table``, ``comparison.copy``; charts ``chart.options``,
``chart.options_cumulative``, ``chart.prob_best``, ``chart.acceptability``, ``chart.ceac`` (the
cost-effectiveness acceptability curve) and ``chart.plane`` (the cost-effectiveness plane).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QScrollArea, QTableView, QVBoxLayout, QWidget)

from ...core import errors, weak_evidence_note
from ...core.outputs import NPV_SOCIAL
from ...core.text import (basis_note, drawn_phrase, evpi_text, mean_vs_central_note, prob_best_sentence,
                          simulation_caption, verdict)
from ...session import Session
from ..charts.lazy import LazyCharts
from ..models.comparison import SECTION_ROLE, ComparisonModel
from ..widgets.page_layout import columns_for, copy_rows, fit_height_to_rows, place_in_columns

VERDICT_STYLE = ("background: #F0F4F5; color: #212B32; border-left: 4px solid #007F3B; padding: 6px 10px; "
                 "font-size: 11pt; font-weight: 600;")
NOTE_STYLE = "color: #425563; font-size: 9pt;"
WARNING_STYLE = ("background: #FFF9EC; color: #212B32; border-left: 4px solid #ED8B00; padding: 4px 8px; "
                 "font-size: 9pt;")
STALE_STYLE = ("background: #FFF4D6; color: #212B32; border-left: 4px solid #FFB81C; padding: 6px 10px; "
               "font-size: 10pt;")
NO_SIMULATION = ("Run a simulation (Ctrl+R) to see how likely each option is to be best, and about what perfect "
                 "information on the inputs it draws would be worth to this decision.")
OUTDATED = "Inputs changed since this simulation \u2014 run it again (Ctrl+R). "
TABLE_STYLE = ("QHeaderView::section:vertical { font-weight: 400; color: #212B32; background: white; "
               "border: none; border-bottom: 1px solid #E8EDEE; padding: 2px 8px; }")
SIMULATION_CHARTS = ("prob_best", "acceptability", "ceac", "plane")
CHART_HEIGHT = 300  # [px] each chart; the page scrolls


def _label(name: str, style: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class FigureHeader(QHeaderView):
    """Row titles: figures in plain type, section titles bold on grey, as in a printed table.

    Painted here because the window's style sheet sets one font for every header section.
    """

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:  # noqa: N802 (Qt's name)
        model = self.model()
        if model is None or not model.headerData(logical, Qt.Orientation.Vertical, SECTION_ROLE):
            super().paintSection(painter, rect, logical)
            return
        painter.save()
        painter.fillRect(rect, QColor("#E8EDEE"))
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#003087"))
        text = model.headerData(logical, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole)
        painter.drawText(rect.adjusted(8, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                         text)
        painter.restore()


class ComparisonPage(QScrollArea):
    """Options compared: verdict, table and charts, scrolling as one page."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.comparison")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.session = session
        self.stale_banner = _label("comparison.stale_banner", STALE_STYLE)
        self.stale_banner.hide()
        self.verdict_label = _label("comparison.verdict", VERDICT_STYLE)
        self.evidence_label = _label("comparison.evidence_note", WARNING_STYLE)
        self.evidence_label.hide()
        self.basis_label = _label("comparison.basis", NOTE_STYLE)
        self.decision_label = _label("comparison.decision", NOTE_STYLE)
        self.model = ComparisonModel(self)
        self.table = self._build_table()
        self.copy_button = QPushButton("Copy table")
        self.copy_button.setObjectName("comparison.copy")
        self.copy_button.setToolTip("Copy the table, to paste into a spreadsheet or a business case")
        self.copy_button.clicked.connect(self.copy_table)
        # Made when the page is first shown: most sessions open it late or never.
        self.charts = LazyCharts({"options": "options.OptionsChart", "options_cumulative": "options.OptionsCumulativeChart",
                                  "prob_best": "decision.ProbBestChart", "acceptability": "decision.AcceptabilityChart",
                                  "ceac": "cost_effectiveness.CeacChart", "plane": "cost_effectiveness.PlaneChart"})
        self._chart_grid = QGridLayout()
        self._columns = 0
        self.setWidget(self._content())
        session.comparisonChanged.connect(self._on_comparison)
        session.simulationChanged.connect(lambda _sim: self._refresh())
        session.documentChanged.connect(lambda _doc: self._refresh_simulation())
        session.issuesChanged.connect(self._on_issues)
        self._on_comparison(session.comparison)
        self._on_issues(session.issues)

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("comparison.table")
        table.setAccessibleName("Options compared")
        table.setAccessibleDescription("Each option's figures side by side, with its increments against the comparator")
        table.setVerticalHeader(FigureHeader(table))
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(130)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        # Figure names in plain type, section titles bold (the model's font), as in a printed table.
        table.setStyleSheet(TABLE_STYLE)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setDefaultSectionSize(24)
        self.model.modelReset.connect(self._fit_table_height)
        return table

    def _content(self) -> QWidget:
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(8)
        for label in (self.stale_banner, self.verdict_label, self.evidence_label, self.basis_label):
            layout.addWidget(label)
        bar = QHBoxLayout()
        title = QLabel("Options side by side (present values)")
        title.setProperty("role", "section")
        bar.addWidget(title, 1)
        bar.addWidget(self.copy_button)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.decision_label)
        layout.addLayout(self._chart_grid)
        layout.addStretch(1)
        return content

    # -- layout ------------------------------------------------------------------------------
    def _arrange_charts(self, columns: int) -> None:
        made = self.charts.made()
        if columns == self._columns or not made:
            return
        self._columns = columns
        place_in_columns(self._chart_grid, made, columns, CHART_HEIGHT)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        self._arrange_charts(columns_for(event.size().width()))
        super().resizeEvent(event)

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        self._make_charts()
        super().showEvent(event)

    def _make_charts(self) -> None:
        if self.charts.made():
            return
        for name in self.charts.names():
            self.charts.get(name)
        self._columns = 0
        self._arrange_charts(columns_for(self.width()) if self.isVisible() else 2)

    def _fit_table_height(self) -> None:
        fit_height_to_rows(self.table, self.model.rowCount())

    # -- session -> page ---------------------------------------------------------------------
    def _on_comparison(self, comparison) -> None:
        if comparison is None:
            return  # keep the last figures (greyed while the inputs have problems)
        self.charts.send("options", "update_comparison", comparison)
        self.charts.send("options_cumulative", "update_comparison", comparison)
        self.verdict_label.setText(verdict(comparison))
        settings = comparison.document.settings
        self.basis_label.setText(basis_note(settings, settings.correlation)
                                 + " Social return: present value of all value for each £1 of cost.")
        self._show_evidence_note(comparison)
        self._refresh()

    def _show_evidence_note(self, comparison) -> None:
        preferred = comparison.preferred
        note = weak_evidence_note(comparison.options[preferred]) if preferred is not None else ""
        name = comparison.document.options[preferred].name if preferred is not None else ""
        self.evidence_label.setText(f"\u26a0 {name}: {note}" if note else "")
        self.evidence_label.setVisible(bool(note))

    def _refresh(self) -> None:
        """Table and simulation charts from the last comparison and the document's simulation."""
        comparison, sim = self.session.comparison or self.model.comparison, self.session.simulation
        self.model.set_comparison(comparison, sim, sim is not None and not self.session.simulation_current)
        for name in SIMULATION_CHARTS:
            if sim is None:
                self.charts.send(name, "clear")
            else:
                self.charts.send(name, "update_simulation", sim)
        # Said once on the page; a copied or saved picture of these two carries it with it.
        for name in ("ceac", "plane"):
            self.charts.send(name, "set_export_note", f"Simulation: {simulation_caption(sim)}." if sim else "")
        self._refresh_simulation()

    def _refresh_simulation(self) -> None:
        sim = self.session.simulation
        if sim is None:
            self.decision_label.setText(NO_SIMULATION)
            self.decision_label.setStyleSheet(NOTE_STYLE)
            return
        outdated = not self.session.simulation_current
        if outdated != self.model.sim_outdated and self.model.comparison is not None:
            self.model.set_comparison(self.model.comparison, sim, outdated)
        text = (f"{prob_best_sentence(sim)} {evpi_text(sim)} {drawn_phrase(sim)} "
                f"Simulation: {simulation_caption(sim)}.{self._mean_notes(sim)}")
        self.decision_label.setText((OUTDATED if outdated else "") + text)
        self.decision_label.setStyleSheet(WARNING_STYLE if outdated else NOTE_STYLE)

    def _mean_notes(self, sim) -> str:
        """A line for each option whose simulated average net social value differs from its central figure."""
        comparison = self.model.comparison
        if comparison is None or len(comparison.options) != len(sim.options):
            return ""
        lines = []
        for option, central in zip(sim.options, comparison.options):
            note = mean_vs_central_note(NPV_SOCIAL, central.summary[NPV_SOCIAL], option.summary[NPV_SOCIAL]["mean"],
                                        sim.distributions)
            if note:
                lines.append(f"{option.name}: {note[:1].lower()}{note[1:]}")
        return "".join(f"\n{line}" for line in lines)

    def _on_issues(self, issues) -> None:
        problems = errors(issues)
        stale = bool(problems)
        noun = "problem" if len(problems) == 1 else "problems"
        self.stale_banner.setText(f"Figures are out of date: the document has {len(problems)} {noun}; fix the "
                                  "highlighted fields." if stale else "")
        self.stale_banner.setVisible(stale)
        self.model.set_stale(stale)

    # -- actions -----------------------------------------------------------------------------
    def copy_table(self) -> str:
        """Put the table on the clipboard as tab-separated text (pastes into Excel as cells)."""
        return copy_rows(self.model.as_rows())

    def chart(self, name: str):
        """The chart panel named ``chart.<name>``, made with the others if the page was not yet shown."""
        self._make_charts()
        return self.charts.get(name)
