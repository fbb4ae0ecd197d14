"""A chart panel: a titled pyqtgraph plot with a note, a placeholder and export buttons.

Each concrete chart builds its plot items once in ``__init__`` and later only calls
``setData``/``setOpts`` on them, so updates are cheap and tests can read the data back.
"""

from __future__ import annotations

import html
from contextlib import contextmanager

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QFileDialog, QHBoxLayout, QLabel, QMenu, QMessageBox, QSizePolicy,
                               QStackedLayout, QToolButton, QVBoxLayout, QWidget)

from ...io.errors import SaveError
from ...core.text import year_label
from . import export
from .style import NHS_DARK_GREY, NHS_MID_GREY, TEXT, MoneyAxis, PercentAxis, style_axis


class PlotView(pg.PlotWidget):
    """A plot that leaves the mouse wheel to the page (it scrolls the page) unless it can zoom."""

    def wheelEvent(self, event):  # noqa: N802 (Qt's name)
        if not any(self.getViewBox().state["mouseEnabled"]):
            event.ignore()  # passed on to the scrolling page around the chart
            return
        super().wheelEvent(event)


class TitleLabel(QLabel):
    """A chart title that tells the chart when it changes (the chart is named after it)."""

    def __init__(self, text: str, changed):
        super().__init__(text)
        self._changed = changed

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self._changed()


# Up to this many years the axis says "Year 1"; beyond, "1", "2", ... so labels do not collide.
LONG_YEAR_LABELS_UP_TO = 6


class ChartPanel(QWidget):
    """Base class of every chart; ``objectName`` is ``chart.<name>``.

    Subclasses fill :attr:`plot` with items, and override :meth:`table` (the data behind
    the chart, for CSV) and :meth:`clear`.
    """

    money_axes: tuple[str, ...] = ("left",)
    percent_axes: tuple[str, ...] = ()

    def __init__(self, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.name = name
        self.setObjectName(f"chart.{name}")
        axes = {side: MoneyAxis(side) for side in self.money_axes}
        axes.update({side: PercentAxis(side) for side in self.percent_axes})
        self.plot_widget = PlotView(background="w", axisItems=axes)
        self.plot = self.plot_widget.getPlotItem()
        self._configure_plot()
        self.title_label = TitleLabel(title, self._name_for_readers)
        self._style_label(self.title_label, f"font-size: 11pt; font-weight: 600; color: {TEXT};")
        self.title_label.setWordWrap(True)
        self.note_label = self._make_label("", f"font-size: 9pt; color: {NHS_DARK_GREY};")
        self.note_label.setObjectName(f"chart.{name}.note")
        self.note_label.setWordWrap(True)
        self.note_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        # The legend sits above the plot, never on it: at any size it cannot cover data.
        self.legend_label = self._make_label("", f"font-size: 9pt; color: {TEXT};")
        self.legend_label.setObjectName(f"chart.{name}.legend")
        self.legend_label.setWordWrap(True)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)
        self.legend_label.hide()
        self.legend_entries: list[tuple[str, str, str]] = []
        self.placeholder_label = self._make_label("", f"font-size: 11pt; color: {NHS_MID_GREY};")
        self.placeholder_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder_label.setWordWrap(True)
        self.placeholder_label.setObjectName(f"chart.{name}.placeholder")
        self.toolbar = QHBoxLayout()
        self.chrome: list[QWidget] = []  # buttons and selectors: on screen, not in exports
        self._export_note = ""
        self._build_actions()
        self.body = self._build_body()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.body, 1)
        self._name_for_readers()

    # ----- construction -------------------------------------------------------------
    @staticmethod
    def _make_label(text: str, style: str) -> QLabel:
        return ChartPanel._style_label(QLabel(text), style)

    @staticmethod
    def _style_label(label: QLabel, style: str) -> QLabel:
        label.setStyleSheet(style)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _name_for_readers(self) -> None:
        """Name the chart and its plot (which takes focus) after the title, and describe what it shows,
        so a screen reader says more than "graphics view"."""
        if not hasattr(self, "_stack"):
            return  # still being built
        name = f"Chart: {self.title_label.text()}"
        if self.showing_placeholder:
            shows = self.placeholder_label.text()
        else:
            note = self.note_label.text().strip()
            shows = (f"{note} " if note else "") + "Its figures: Copy / save, Show as table."
        for widget in (self, self.plot_widget, self.plot_widget.viewport()):
            widget.setAccessibleName(name)
            widget.setAccessibleDescription(shows)

    def _configure_plot(self) -> None:
        # Calm, static charts for reading and pasting into papers: no pan, zoom or menu.
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.showGrid(x=False, y=True, alpha=0.15)
        for side in ("left", "bottom"):
            style_axis(self.plot.getAxis(side))
        # Ignored: the chart takes the room the page gives it, and its large default size hint
        # must not make a scrolling page taller than the window.
        self.plot_widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.plot_widget.setMinimumHeight(120)

    def _build_body(self) -> QWidget:
        """Title row (with the export button), plot (or placeholder) and note."""
        body = QWidget()
        body.setObjectName(f"chart.{self.name}.body")
        body.setAutoFillBackground(True)
        body.setStyleSheet("background: white;")
        self._stack = QStackedLayout()
        self._stack.addWidget(self.plot_widget)
        self._stack.addWidget(self.placeholder_label)
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        self.toolbar.addWidget(self.title_label, 1)
        self.toolbar.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.legend_label)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.note_label)
        return body

    def _build_actions(self) -> None:
        self.actions_by_key = {}
        for key, text, slot, tip in (
            ("copy", "Copy", self._copy, "Copy the chart as an image, to paste into a document"),
            ("save_png", "Save as PNG...", self._save_png, "Save the chart as a PNG picture"),
            ("save_svg", "Save as SVG...", self._save_svg,
             "Save the chart as an SVG drawing, with its data as CSV beside it"),
            ("save_csv", "Save data as CSV...", self._save_csv,
             "Save the figures behind the chart as a CSV table (opens in Excel)"),
            ("show_table", "Show as &table...", self.show_table,
             "Show the figures behind the chart in a table (readable from the keyboard and by screen readers)"),
        ):
            action = QAction(text, self)
            action.setObjectName(f"chart.{self.name}.{key}")
            action.setToolTip(tip)
            action.triggered.connect(slot)
            self.actions_by_key[key] = action
            self.addAction(action)
        # The same actions from a right click anywhere on the chart, or from the button.
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.export_button = QToolButton()
        self.export_button.setObjectName(f"chart.{self.name}.export")
        self.export_button.setText("Copy / save")
        self.export_button.setToolTip("Copy this chart, or save it as a picture with its data")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setAutoRaise(True)
        menu = QMenu(self.export_button)
        menu.addActions(list(self.actions_by_key.values()))
        self.export_button.setMenu(menu)
        self.chrome.append(self.export_button)

    def add_control(self, widget: QWidget) -> None:
        """Put a control (such as a selector) in the title row, before the export button."""
        self.toolbar.insertWidget(self.toolbar.count() - 1, widget, 0, Qt.AlignmentFlag.AlignTop)
        self.chrome.append(widget)

    def set_export_note(self, text: str) -> None:
        """A line added to the note in exports only (e.g. draws and seed, said once on screen)."""
        self._export_note = text

    @contextmanager
    def chrome_hidden(self):
        """Hide buttons and selectors while the chart is drawn for export; add the export note."""
        shown = [widget for widget in self.chrome if not widget.isHidden()]
        note = self.note_label.text()
        for widget in shown:
            widget.hide()
        if self._export_note:
            self.note_label.setText(f"{note} {self._export_note}".strip())
        try:
            yield
        finally:
            self.note_label.setText(note)
            for widget in shown:
                widget.show()

    # ----- state ---------------------------------------------------------------------
    def show_placeholder(self, text: str) -> None:
        """Replace the plot with a message saying what to do to see it."""
        self.placeholder_label.setText(text)
        self._stack.setCurrentWidget(self.placeholder_label)
        self.legend_label.hide()
        self._update_exportable()
        self._name_for_readers()

    def show_plot(self) -> None:
        self._stack.setCurrentWidget(self.plot_widget)
        self.legend_label.setVisible(bool(self.legend_entries))
        self._update_exportable()
        self._name_for_readers()

    @property
    def showing_placeholder(self) -> bool:
        return self._stack.currentWidget() is self.placeholder_label

    def set_legend(self, entries) -> None:
        """``(colour, label, swatch)`` entries (swatch :data:`LINE` or :data:`BOX`), or none."""
        self.legend_entries = list(entries)
        self.legend_label.setText(legend_html(self.legend_entries))
        self.legend_label.setVisible(bool(self.legend_entries) and not self.showing_placeholder)

    def set_note(self, text: str) -> None:
        self.note_label.setText(text)
        self._name_for_readers()

    def set_year_ticks(self, years: int, axis: str = "bottom") -> None:
        """Label positions 1..years as "Year 1".. "Year N" (just "1".."N" when there are many)."""
        ticks = [(t + 1, year_label(t) if years <= LONG_YEAR_LABELS_UP_TO else str(t + 1)) for t in range(years)]
        self.plot.getAxis(axis).setTicks([ticks, []])

    def fit_money_axis(self, values, side: str = "left") -> None:
        """Size a money axis so its tick labels fit from the first paint."""
        axis = self.plot.getAxis(side)
        if isinstance(axis, MoneyAxis):
            axis.fit_to(values)

    def table(self) -> tuple[list[str], list[list]]:
        """Column headers (with units) and rows of the data drawn; empty when cleared."""
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    # ----- export buttons ------------------------------------------------------------
    def _copy(self) -> None:
        export.copy_to_clipboard(self)

    def _save_png(self) -> None:
        self._save("PNG picture (*.png)", ".png", export.export_png)

    def _save_svg(self) -> None:
        self._save("SVG drawing (*.svg)", ".svg", export.export_svg)

    def _save_csv(self) -> None:
        self._save("CSV table (*.csv)", ".csv", export.export_csv)

    def show_table(self):
        """Open the figures behind the chart in a small table dialog (not modal); the dialog."""
        from .figures_table import FiguresDialog  # noqa: PLC0415 (made on demand)

        self._table_dialog = FiguresDialog(self, self.window())
        self._table_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._table_dialog.show()
        return self._table_dialog

    def has_data(self) -> bool:
        """True when the chart shows figures (an empty chart is not offered for export)."""
        return not self.showing_placeholder and bool(self.table()[1])

    def _update_exportable(self) -> None:
        exportable = self.has_data()
        for action in self.actions_by_key.values():
            action.setEnabled(exportable)
        self.export_button.setEnabled(exportable)
        self.export_button.setToolTip("Copy this chart, or save it as a picture or its data" if exportable
                                      else "Nothing to copy or save until the chart shows figures")

    def _save(self, file_filter: str, suffix: str, write) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Save chart", self.name + suffix, file_filter)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        try:
            write(self, path)
        except SaveError as exc:
            QMessageBox.warning(self, "Could not save the chart", str(exc))


LINE, BOX = "\u2501", "\u25a0"  # legend swatches: a thick line, a filled square


def legend_html(entries) -> str:
    """``(colour, label, swatch)`` entries as one wrapping line of rich text; an entry never breaks."""
    parts = []
    for colour, label, swatch in entries:
        words = html.escape(label).replace(" ", "&nbsp;")
        parts.append(f'<span style="color:{colour}; font-size:13pt;">{swatch}</span>&nbsp;{words}')
    return " &nbsp;&nbsp; ".join(parts)
