"""Layout pieces the scrolling pages share: charts in one or two columns, a table that shows every
row (the page scrolls, not the table), and a table copied as cells for Excel."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGridLayout, QTableView, QWidget

TWO_COLUMNS_FROM = 880  # [px] narrower pages stack the charts


def columns_for(width: int) -> int:
    """Two chart columns on a page at least ``TWO_COLUMNS_FROM`` wide, else one."""
    return 2 if width >= TWO_COLUMNS_FROM else 1


def place_in_columns(grid: QGridLayout, widgets: list[QWidget], columns: int, min_height: int) -> None:
    """``widgets`` in ``grid``, row by row in ``columns`` columns of equal width, each at least
    ``min_height`` tall."""
    for index, widget in enumerate(widgets):
        grid.removeWidget(widget)
        grid.addWidget(widget, index // columns, index % columns)
        widget.setMinimumHeight(min_height)
    for column in range(2):
        grid.setColumnStretch(column, 1 if column < columns else 0)


def fit_height_to_rows(table: QTableView, rows: int) -> None:
    """Make ``table`` tall enough for its header, ``rows`` rows and its horizontal scroll bar."""
    header = table.horizontalHeader().sizeHint().height()
    scroll = table.horizontalScrollBar().sizeHint().height()
    table.setFixedHeight(header + rows * table.verticalHeader().defaultSectionSize() + scroll + 4)


def copy_rows(rows: list[list[str]]) -> str:
    """Put ``rows`` on the clipboard as tab-separated text (pastes into Excel as cells); returns it."""
    text = "\n".join("\t".join(row) for row in rows)
    QGuiApplication.clipboard().setText(text)
    return text
