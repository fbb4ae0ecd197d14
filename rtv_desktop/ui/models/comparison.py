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

from ...core.outputs import (COMPARISON, COMPARISON_INCREMENTS, COMPARISON_SIMULATION, NPV_SOCIAL, SUMMARY_KEYS,
                              format_output, label, output, outputs)
from ...core.text import DO_NOTHING, cost_per_qaly_text, format_money, payback_text, quadrant_text

PREFERRED_BRUSH = QBrush(QColor("#E3F2E8"))
SECTION_BRUSH = QBrush(QColor("#E8EDEE"))
NEGATIVE_BRUSH = QBrush(QColor("#A83232"))
STALE_BRUSH = QBrush(QColor("#AEB7BD"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
DASH = "\u2014"
SECTION_ROLE = Qt.ItemDataRole.UserRole  # vertical header: True for a section title row
HEADER_CHARS = 18  # column titles wrap at about this many characters
NO_ZERO_KINDS = ("ratio", "roi", "multiplier", "cost_per_qaly", "payback", "percent", "switch")  # none for doing nothing


@dataclass(frozen=True)
class Figure:
    """One row: where its value comes from (``summary``, ``increment`` or ``simulation``), its
    key, and its words and kind as declared in :mod:`rtv_desktop.core.outputs` (``range``: the
    5th to 95th percentile of a simulated figure)."""

    source: str
    key: str
    label: str
    kind: str


def _figures(keys, source: str | None = None) -> tuple[Figure, ...]:
    return tuple(Figure(source or o.source, o.key, o.label, o.kind) for o in outputs(keys))


OPTION_FIGURES = _figures(COMPARISON)
INCREMENT_FIGURES = _figures(COMPARISON_INCREMENTS)
SIMULATION_FIGURES = _figures(COMPARISON_SIMULATION) + (
    Figure("simulation", NPV_SOCIAL, f"{label(NPV_SOCIAL)}, 90% of draws", "range"),)


def nothing_summary() -> dict:
    """Doing nothing: no cost, no saving, no value (MODEL.md section 6); ratios do not exist."""
    return {key: None if output(key).kind in NO_ZERO_KINDS else 0.0 for key in SUMMARY_KEYS}


def cell_value(figure: Figure, comparison, k: int | None, sim=None):
    """The number (or word) behind a cell: option ``k``, or doing nothing for ``None``."""
    if figure.source == "summary":
        summary = nothing_summary() if k is None else comparison.options[k].summary
        return summary.get(figure.key)
    if figure.source == "increment":
        if k is None:  # doing nothing is what the options are compared with
            return None if figure.kind in ("ratio", "cost_per_qaly", "quadrant") else 0.0
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
    if figure.key == "cost_per_qaly":  # in words when dominant or when no QALYs are gained
        summary = nothing_summary() if k is None else comparison.options[k].summary
        return cost_per_qaly_text(summary)
    if kind == "payback":
        summary = nothing_summary() if k is None else comparison.options[k].summary
        return payback_text(summary, comparison.document.settings.horizon_years)
    if kind == "quadrant":
        increments = comparison.increments[k] if k is not None and figure.source == "increment" else {}
        return quadrant_text(value, increments.get("inc_net_cost"), increments.get("inc_qalys")) or DASH
    if value is None:
        return "" if figure.source == "simulation" else "n/a"
    if kind == "range":
        return f"{format_money(value[0], True)} to {format_money(value[1], True)}"
    if kind == "cost_per_qaly":  # the ICER: short, like the money around it
        return format_money(value, compact=True)
    return format_output(figure.key, value, compact=True)


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
            exact = figure.kind == "money" or figure.key == "icer"
            return format_money(value) if exact and value is not None else None
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
