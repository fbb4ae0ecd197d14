"""The All areas table: the options' key figures in every area, as totals or per 100,000 residents.

:class:`AreaTableModel` holds the rows shown (every option's, or one option's; England
last); :class:`AreaSortProxy` sorts them by the numbers behind the text (``SORT_ROLE``),
keeping the England rows at the bottom.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from ...io.areas.run import ENGLAND_CODE
from ...core.text import format_count
from ...core.outputs import AREA_PROBABILITIES, AREA_SIMULATED, AREAS, format_output, output, percentile_key, \
    percentile_label

PER_RESIDENTS = 100_000
HEADER_CHARS = 14
SORT_ROLE = Qt.ItemDataRole.UserRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
NEGATIVE = QBrush(QColor("#A83232"))
ENGLAND_BRUSH = QBrush(QColor("#F0F4F5"))


@dataclass(frozen=True)
class AreaFigure:
    """A column: its key in the run's rows, title, kind, whether it scales with population,
    and the declared figure it is written as (a percentile column is written as its figure)."""

    key: str
    title: str
    kind: str  # a kind of rtv_desktop.core.outputs: money, ratio, count, qalys, probability
    per_head: bool = True
    base: str = ""


PER_HEAD_KINDS = ("money", "count", "qalys")  # ratios and shares do not scale with population


def _figure(key: str, stat: str = "") -> AreaFigure:
    """A column as declared in :mod:`rtv_desktop.core.outputs` (``stat``: a percentile of it)."""
    o = output(key)
    if stat:
        return AreaFigure(percentile_key(key, stat), percentile_label(key, stat), o.kind, True, key)
    return AreaFigure(key, o.label, o.kind, o.kind in PER_HEAD_KINDS, key)


FIGURES = tuple(_figure(key) for key in AREAS)
# The window shows the spread of net social value; the export has net fiscal value's too.
SIMULATED_FIGURES = (*(_figure(AREA_SIMULATED[-1], stat) for stat in ("p5", "p95")),
                     *(_figure(key) for key in AREA_PROBABILITIES))
LEADING = ("Area", "Option", "Population")
AREA, OPTION, POPULATION = range(len(LEADING))  # the leading columns; figures follow
LEADING_KEYS = ("area_name", "option", "population")


def figure_value(row: dict, figure: AreaFigure, per_100k: bool):
    """A row's figure, divided by its population / 100,000 when ``per_100k`` and it scales."""
    value = row.get(figure.key)
    if value is None or not (per_100k and figure.per_head):
        return value
    return value * PER_RESIDENTS / row["population"] if row["population"] else None


def figure_text(value, figure: AreaFigure) -> str:
    """A cell as the table writes it: short money, ratios and shares as the cards write them."""
    return format_output(figure.base, value, compact=True)


def short_area_name(name: str) -> str:
    """An ICB's name without "NHS " and " Integrated Care Board", which every one of them has."""
    short = name.removeprefix("NHS ").removesuffix(" Integrated Care Board")
    return short or name


def is_england(row: dict) -> bool:
    return row["area_code"] == ENGLAND_CODE


class AreaTableModel(QAbstractTableModel):
    """Rows of an all-areas run (England last); columns: area, option, population, figures."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.figures: tuple[AreaFigure, ...] = FIGURES
        self.per_100k = False

    def set_rows(self, rows: list[dict], simulated: bool = False) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.figures = FIGURES + (SIMULATED_FIGURES if simulated else ())
        self.endResetModel()

    def set_per_100k(self, per_100k: bool) -> None:
        if per_100k != self.per_100k:
            self.beginResetModel()  # the sort order of every figure column may change
            self.per_100k = per_100k
            self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(LEADING) + len(self.figures)

    def value(self, row: int, column: int):
        """The number (or name) behind a cell."""
        record = self.rows[row]
        if column < len(LEADING):
            return record[LEADING_KEYS[column]]
        return figure_value(record, self.figures[column - len(LEADING)], self.per_100k)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows) and 0 <= index.column() < self.columnCount()):
            return None
        row, column = index.row(), index.column()
        value = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AREA:
                return short_area_name(value)
            if column == OPTION:
                return value
            if column == POPULATION:
                return format_count(value)
            return figure_text(value, self.figures[column - len(LEADING)])
        if role == SORT_ROLE:
            return value if value is not None else float("-inf")
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= POPULATION:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column == AREA:
            return f"{value} ({self.rows[row]['area_code']})"
        if role == Qt.ItemDataRole.ForegroundRole and column > POPULATION and isinstance(value, float) and value < 0:
            return NEGATIVE
        if is_england(self.rows[row]):
            if role == Qt.ItemDataRole.BackgroundRole:
                return ENGLAND_BRUSH
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.columnCount():
            return None
        if section < len(LEADING):
            return LEADING[section]
        figure = self.figures[section - len(LEADING)]
        title = textwrap.fill(figure.title, HEADER_CHARS)  # wrapped, not cut off, in a narrow column
        return f"{title}\nper 100,000" if self.per_100k and figure.per_head else title


class AreaSortProxy(QSortFilterProxyModel):
    """Sorts by the numbers behind the text; the England rows (sums of the areas) stay last,
    sorted among themselves."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right) -> bool:  # noqa: N802 (Qt's name)
        rows = self.sourceModel().rows
        left_england, right_england = is_england(rows[left.row()]), is_england(rows[right.row()])
        if left_england != right_england:
            # Ascending puts the larger last, descending the smaller: England is whichever that is.
            ascending = self.sortOrder() == Qt.SortOrder.AscendingOrder
            return right_england if ascending else left_england
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        if isinstance(a, str) or isinstance(b, str):
            return str(a).casefold() < str(b).casefold()
        return a < b
