"""Each party's cash flow by year, undiscounted: the affordability view a Better Care Fund paper needs.

A table (``parties.flows``) of what each party pays and saves in each delivery year of the
open option, with totals; residents and communities receive the non-cash value.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from ...core import PARTY_LABELS, SHORT_PARTY_LABELS
from ...core.text import format_money, year_label

NEGATIVE = QBrush(QColor("#A83232"))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# (line key, words): what each funder's rows show, and the residents' one row.
FUNDER_LINES = (("pays", "pays"), ("saves", "saves"), ("saves_cashable", "of which cash"),
                ("net", "net (saves minus pays)"))
# Residents give their time when it counts as an in-kind cost (MODEL.md 13).
RESIDENT_LINES = (("pays", "give (volunteer time)"), ("value", "value received"))


def flow_rows(party_flows: dict) -> list[tuple[str, str, np.ndarray]]:
    """``(party, words, values by year)`` for the parties with any flow (the NHS and residents always)."""
    rows = []
    for party, flows in party_flows.items():
        if party not in ("nhs", "residents") and not any(np.any(flows[key]) for key in flows):
            continue
        if party == "residents":
            for key, words in RESIDENT_LINES:
                if key == "value" or np.any(flows[key]):
                    rows.append((party, words, np.asarray(flows[key], dtype=float)))
            continue
        for key, words in FUNDER_LINES:
            values = np.asarray(flows["saves"] - flows["pays"] if key == "net" else flows[key], dtype=float)
            if key.startswith("saves") and np.any(values.round() < 0):
                words += " (minus: extra cost)"  # savings below zero are a cost, not "saves -£97,408"
            rows.append((party, words, values))
    return rows


class PartyFlowsModel(QAbstractTableModel):
    """Rows: a party's line (pays, saves, ...); columns: Year 1..T and the total. Read-only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, str, np.ndarray]] = []
        self.years = 0

    def set_flows(self, party_flows: dict | None, years: int = 0) -> None:
        self.beginResetModel()
        self.rows = flow_rows(party_flows) if party_flows else []
        self.years = years if self.rows else 0
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() or not self.years else self.years + 1

    def value(self, row: int, column: int) -> float:
        values = self.rows[row][2]
        return float(values.sum()) if column == self.years else float(values[column])

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows) and 0 <= index.column() <= self.years):
            return None
        value = self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return format_money(value)
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT
        if role == Qt.ItemDataRole.ForegroundRole and value < 0 and round(value):
            return NEGATIVE
        if role == Qt.ItemDataRole.FontRole and (self.rows[index.row()][1].startswith("net")
                                                 or index.column() == self.years):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section <= self.years:
                return "Total" if section == self.years else year_label(section)
            return None
        if not 0 <= section < len(self.rows):
            return None
        party, words, _values = self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{SHORT_PARTY_LABELS[party]}: {words}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return PARTY_LABELS[party]
        return None


class PartyFlowsPanel(QWidget):
    """A titled, read-only table of the open option's cash flow by party and year."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("parties.panel")
        self.title = QLabel("Cash flow by party and year (not discounted)")
        self.title.setStyleSheet("font-size: 11pt; font-weight: 600; color: #212B32;")
        self.note = QLabel("")
        self.note.setObjectName("parties.note")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("font-size: 9pt; color: #425563;")
        self.model = PartyFlowsModel(self)
        self.table = QTableView()
        self.table.setObjectName("parties.flows")
        self.table.setAccessibleName(self.title.text())
        self.table.setAccessibleDescription("What each party pays (negative) and saves in each year of delivery, "
                                            "one row per party, one column per year")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(90)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(26)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self.show_results(None)

    def show_results(self, results) -> None:
        """Show the open option's party flows, or empty the table for ``None``."""
        if results is None:
            self.model.set_flows(None)
            self.note.setText("")
        else:
            settings = results.scenario.settings
            self.model.set_flows(results.party_flows, settings.horizon_years)
            self.note.setText(f"What each organisation pays and saves in each year, in {settings.price_year} "
                              "prices, not discounted (set-up costs fall in year 1). Savings include capacity "
                              "released as well as cash.")
        self._fit_height()

    def _fit_height(self) -> None:
        # Every row shows: the page scrolls, the table does not (room is kept for a horizontal
        # scroll bar, which a narrow window needs for ten years of figures).
        table = self.table
        header = table.horizontalHeader().sizeHint().height()
        rows = self.model.rowCount() * table.verticalHeader().defaultSectionSize()
        scroll = table.horizontalScrollBar().sizeHint().height()
        table.setFixedHeight(header + max(rows, 26) + scroll + 4)
