"""The comparison table: every option's headline figures, its increments against the comparator
(or doing nothing) and, after a simulation, how likely each is to be best.

Columns are the options in document order, then "Doing nothing" when no comparator is chosen
(it competes: all its figures are zero). Rows are figures in sections; a section row has a
title and no figures. :func:`cell_text` is how the window writes each figure.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...core.text import format_money, format_percent, format_ratio, payback_text
from ...core.text import DO_NOTHING, cost_per_qaly_text, quadrant_text

PREFERRED_BRUSH = QBrush(QColor("#E3F2E8"))
SECTION_BRUSH = QBrush(QColor("#E8EDEE"))
NEGATIVE_BRUSH = QBrush(QColor("#A83232"))
STALE_BRUSH = QBrush(QColor("#AEB7BD"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DASH = "\u2014"
SECTION_ROLE = Qt.ItemDataRole.UserRole  # vertical header: True for a section title row
HEADER_CHARS = 18  # column titles wrap at about this many characters


@dataclass(frozen=True)
class Figure:
    """One row: where its value comes from (``summary``, ``increment`` or ``simulation``), its key and kind."""

    source: str
    key: str
    label: str
    kind: str  # money, ratio, qalys, cost_per_qaly, payback, quadrant, probability, range


OPTION_FIGURES = (
    Figure("summary", "npv_fiscal", "Net fiscal value", "money"),
    Figure("summary", "npv_cashable", "Net cashable value", "money"),
    Figure("summary", "npv_social", "Net social value", "money"),
    Figure("summary", "pv_cost", "Cost (present value)", "money"),
    Figure("summary", "bcr_social", "Social return", "ratio"),
    Figure("summary", "qalys", "QALYs gained", "qalys"),
    Figure("summary", "cost_per_qaly", "Cost per QALY", "cost_per_qaly"),
    Figure("summary", "nmb", "Net monetary benefit", "money"),
    Figure("summary", "payback_year", "Payback", "payback"),
)
INCREMENT_FIGURES = (
    Figure("increment", "inc_pv_cost", "Extra cost", "money"),
    Figure("increment", "inc_pv_saving", "Extra savings", "money"),
    Figure("increment", "inc_npv_fiscal", "Extra net fiscal value", "money"),
    Figure("increment", "inc_npv_cashable", "Extra net cashable value", "money"),
    Figure("increment", "inc_npv_social", "Extra net social value", "money"),
    Figure("increment", "inc_bcr_social", "Social return on the extra cost", "ratio"),
    Figure("increment", "inc_qalys", "Extra QALYs", "qalys"),
    Figure("increment", "inc_nmb", "Extra net monetary benefit", "money"),
    Figure("increment", "icer", "Extra cost per extra QALY (ICER)", "icer"),
    Figure("increment", "icer_quadrant", "Where it sits", "quadrant"),
)
SIMULATION_FIGURES = (
    Figure("simulation", "prob_best_social", "Chance best on net social value", "probability"),
    Figure("simulation", "prob_best_fiscal", "Chance best on net fiscal value", "probability"),
    Figure("simulation", "prob_npv_social_positive", "Chance net social value > 0", "probability"),
    Figure("simulation", "prob_nmb_positive", "Chance net monetary benefit > 0", "probability"),
    Figure("simulation", "npv_social", "Net social value, 90% of draws", "range"),
)


def nothing_summary() -> dict:
    """Doing nothing: no cost, no saving, no value (MODEL.md section 6)."""
    zero = {key: 0.0 for key in ("npv_fiscal", "npv_cashable", "npv_social", "pv_cost", "qalys", "net_cost", "nmb",
                                 "total_cost")}
    return {**zero, "bcr_social": None, "cost_per_qaly": None, "payback_year": None}


def cell_value(figure: Figure, comparison, k: int | None, sim=None):
    """The number (or word) behind a cell: option ``k``, or doing nothing for ``None``."""
    if figure.source == "summary":
        summary = nothing_summary() if k is None else comparison.options[k].summary
        return summary.get(figure.key)
    if figure.source == "increment":
        if k is None:  # doing nothing is what the options are compared with
            return None if figure.kind in ("ratio", "icer", "quadrant") else 0.0
        return comparison.increments[k].get(figure.key)
    return _simulated(figure, sim, k)


def _simulated(figure: Figure, sim, k: int | None):
    if sim is None:
        return None
    if figure.key in ("prob_best_social", "prob_best_fiscal"):
        if k is None:
            return sim.prob_best_do_nothing if figure.key == "prob_best_social" else sim.prob_best_fiscal_do_nothing
        return getattr(sim, figure.key)[k]
    if k is None:
        return None
    stats = sim.options[k].summary[figure.key]
    return (stats["p5"], stats["p95"]) if figure.kind == "range" else stats


def cell_text(figure: Figure, comparison, k: int | None, sim=None) -> str:
    """A cell as the window writes it."""
    value = cell_value(figure, comparison, k, sim)
    kind = figure.kind
    if kind == "cost_per_qaly":
        summary = nothing_summary() if k is None else comparison.options[k].summary
        return cost_per_qaly_text(summary)
    if kind == "payback":
        summary = nothing_summary() if k is None else comparison.options[k].summary
        return payback_text(summary, comparison.document.settings.horizon_years)
    if kind == "quadrant":
        return quadrant_text(value) or DASH
    if value is None:
        return "" if figure.source == "simulation" else "n/a"
    if kind == "money" or kind == "icer":
        return format_money(value, compact=True)
    if kind == "ratio":
        return format_ratio(value)
    if kind == "qalys":
        return f"{value:,.1f}"
    if kind == "probability":
        return format_percent(value)
    return f"{format_money(value[0], True)} to {format_money(value[1], True)}"


class ComparisonModel(QAbstractTableModel):
    """Read-only table of the options (columns) and their figures (rows, in sections)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.comparison = None
        self.sim = None
        self.sim_outdated = False
        self.stale = False
        self.rows: list[Figure | str] = []  # a str is a section title
        self.columns: list[int | None] = []  # option index, None for doing nothing

    def set_comparison(self, comparison, sim=None, sim_outdated: bool = False) -> None:
        """Show ``comparison`` (and ``sim`` when it has the same options), or nothing for ``None``."""
        self.beginResetModel()
        self.comparison = comparison
        matches = (sim is not None and comparison is not None
                   and [o.name for o in sim.options] == [o.name for o in comparison.document.options])
        self.sim = sim if matches else None
        self.sim_outdated = sim_outdated
        self.rows, self.columns = self._layout()
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        if stale != self.stale:
            self.stale = stale
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def _layout(self):
        comparison = self.comparison
        if comparison is None:
            return [], []
        columns: list[int | None] = list(range(len(comparison.options)))
        nothing = comparison.comparator is None
        if nothing:
            columns.append(None)
        against = DO_NOTHING.lower() if nothing else comparison.document.options[comparison.comparator].name
        rows: list[Figure | str] = ["Each option", *OPTION_FIGURES, f"Against {against}", *INCREMENT_FIGURES]
        if self.sim is not None:
            outdated = ", inputs changed since" if self.sim_outdated else ""
            rows += [f"Simulation ({self.sim.iterations:,} draws{outdated})", *SIMULATION_FIGURES]
        return rows, columns

    def preferred_column(self) -> int | None:
        if self.comparison is None:
            return None
        return self.columns.index(self.comparison.preferred)

    # -- Qt's model interface ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self.rows[index.row()], str):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows) and 0 <= index.column() < len(self.columns)):
            return None
        figure, k = self.rows[index.row()], self.columns[index.column()]
        if isinstance(figure, str):
            return SECTION_BRUSH if role == Qt.ItemDataRole.BackgroundRole else None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(figure, self.comparison, k, self.sim)
        if role == Qt.ItemDataRole.UserRole:
            return cell_value(figure, self.comparison, k, self.sim)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            value = cell_value(figure, self.comparison, k, self.sim)
            return format_money(value) if figure.kind in ("money", "icer") and value is not None else None
        if role == Qt.ItemDataRole.BackgroundRole and k == self.comparison.preferred:
            return PREFERRED_BRUSH
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(figure, k)
        return None

    def _foreground(self, figure: Figure, k: int | None):
        if self.stale:
            return STALE_BRUSH
        value = cell_value(figure, self.comparison, k, self.sim)
        if figure.kind == "money" and value is not None and value < 0 and round(value):
            return NEGATIVE_BRUSH
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            return self._column_header(section, role)
        if not 0 <= section < len(self.rows):
            return None
        row = self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return row if isinstance(row, str) else row.label
        if role == SECTION_ROLE:
            return isinstance(row, str)
        return None

    def _column_header(self, section: int, role):
        if not 0 <= section < len(self.columns):
            return None
        k = self.columns[section]
        comparison = self.comparison
        if role == Qt.ItemDataRole.DisplayRole:
            # Long names wrap rather than being cut off in a narrow column.
            name = textwrap.fill(DO_NOTHING if k is None else comparison.document.options[k].name, HEADER_CHARS)
            marks = [word for word, on in (("preferred", k == comparison.preferred),
                                           ("comparator", k is not None and k == comparison.comparator)) if on]
            return f"{name}\n({', '.join(marks)})" if marks else name
        if role == Qt.ItemDataRole.FontRole and k == comparison.preferred:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def as_rows(self) -> list[list[str]]:
        """The table as text (header row first), for the clipboard."""
        headers = [""] + [" ".join(str(self.headerData(c, Qt.Orientation.Horizontal)).split())
                          for c in range(self.columnCount())]
        out = [headers]
        for r, row in enumerate(self.rows):
            label = row if isinstance(row, str) else row.label
            out.append([label] + ["" if isinstance(row, str) else self.data(self.index(r, c)) or ""
                                  for c in range(self.columnCount())])
        return out
