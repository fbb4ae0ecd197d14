"""A tab of charts laid out for the room it has: side by side, or scrolling when short or narrow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QVBoxLayout, QWidget

# Below this width [px] the charts stack one above another.
WIDE_MIN_WIDTH = 880
# Each grid row of charts needs this height [px] to be readable; below it the tab scrolls.
ROW_MIN_HEIGHT = 260
# Height [px] of each chart (per grid row it spans) when the charts are stacked.
STACKED_CHART_HEIGHT = 340

FIT, SCROLL_GRID, STACK = "fit", "scroll_grid", "stack"


class ChartTab(QWidget):
    """Charts in a grid that fills the tab, or scrolls when the tab is too short or narrow.

    ``cells`` are ``(chart, row, column, row_span, column_span)`` for the grid; when the tab
    is narrow the charts are stacked in the same order; a ``footer`` (such as a table) goes
    below them at its own height. Modes: ``"fit"`` (grid, no
    scrolling), ``"scroll_grid"`` (grid of readable height, scrolling) and ``"stack"``.
    """

    def __init__(self, cells, column_stretch=(1, 1), header: QWidget | None = None, parent: QWidget | None = None,
                 footer: QWidget | None = None):
        super().__init__(parent)
        self.cells = list(cells)
        self.footer = footer
        self.column_stretch = column_stretch
        self.rows = max(row + span for _chart, row, _column, span, _ in self.cells)
        self.mode: str | None = None
        self.charts_widget = QWidget()
        self._grid = QGridLayout(self.charts_widget)
        self._grid.setContentsMargins(0, 4, 0, 0)
        self._grid.setSpacing(8)
        self.scroll = QScrollArea()
        self.scroll.setAccessibleName("Charts")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 4, 0, 0)
        self._layout.setSpacing(2)
        self.header = header
        if header is not None:
            self._layout.addWidget(header)
        self._layout.addWidget(self.scroll, 1)
        # An explicit minimum lets the tab get smaller than the grid needs, which is what
        # switches it to a scrolling layout.
        self.setMinimumSize(320, 150)
        self._arrange(FIT)

    @property
    def wide(self) -> bool:
        return self.mode != STACK

    def mode_for(self, width: int, height: int) -> str:
        if width < WIDE_MIN_WIDTH:
            return STACK
        footer = self.footer.sizeHint().height() if self.footer is not None else 0
        return FIT if height >= self.rows * ROW_MIN_HEIGHT + footer else SCROLL_GRID

    def _arrange(self, mode: str) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self._place_cells(mode)
        if mode == FIT:
            self.scroll.takeWidget()
            self.scroll.hide()
            self._layout.addWidget(self.charts_widget, 1)
        elif self.scroll.widget() is not self.charts_widget:
            self._layout.removeWidget(self.charts_widget)
            self.scroll.setWidget(self.charts_widget)
            self.scroll.show()
        self.charts_widget.show()

    def _place_cells(self, mode: str) -> None:
        for chart, *_ in self.cells:
            self._grid.removeWidget(chart)
        for index, (chart, row, column, row_span, column_span) in enumerate(self.cells):
            if mode == STACK:
                self._grid.addWidget(chart, index, 0)
            else:
                self._grid.addWidget(chart, row, column, row_span, column_span)
            height = {FIT: 0, SCROLL_GRID: ROW_MIN_HEIGHT, STACK: STACKED_CHART_HEIGHT}[mode]
            chart.setMinimumHeight(height * row_span)
        if self.footer is not None:
            self._grid.removeWidget(self.footer)
            row = len(self.cells) if mode == STACK else self.rows
            self._grid.addWidget(self.footer, row, 0, 1, 1 if mode == STACK else len(self.column_stretch))
            for chart_row in range(row):  # the charts take the spare height, the footer its own
                self._grid.setRowStretch(chart_row, 1)
            self._grid.setRowStretch(row, 0)
        for column, stretch in enumerate(self.column_stretch):
            self._grid.setColumnStretch(column, int(column == 0) if mode == STACK else stretch)

    def resizeEvent(self, event):  # noqa: N802 (Qt's name)
        header_height = self.header.sizeHint().height() if self.header is not None else 0
        self._arrange(self.mode_for(event.size().width(), event.size().height() - header_height))
        super().resizeEvent(event)
