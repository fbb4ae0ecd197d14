"""Chart export without dialogs: PNG, SVG (with its data as CSV beside it), CSV, clipboard.

Files are written atomically (temp file, fsync, rename), so a failed save never leaves
half a picture; no ``.bak`` is kept, since a chart is re-made from the scenario at will.
SVG is drawn by rendering the widget through ``QSvgGenerator``, which keeps axis labels
where they appear on screen (pyqtgraph's own SVG exporter misplaces them).
"""

from __future__ import annotations

import contextlib
import csv
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgGenerator

from ...io.atomic import atomic_write
from ...io.errors import SaveError

# Pictures are rendered at twice screen resolution so they stay sharp in printed papers.
PNG_SCALE = 2.0


EMPTY_CHART = "The chart is empty: there is nothing to copy or save until it shows figures."


def _require_data(chart) -> None:
    """An empty chart (a placeholder, or no figures) is never exported."""
    has_data = getattr(chart, "has_data", None)
    if has_data is not None and not has_data():
        raise SaveError(EMPTY_CHART)


def _export_widget(chart):
    """The part of a chart panel to draw: its body (title, plot, note)."""
    return getattr(chart, "body", chart)


def _without_chrome(chart):
    """Buttons and selectors are for the screen, not for a board paper."""
    hide = getattr(chart, "chrome_hidden", None)
    return hide() if hide is not None else contextlib.nullcontext()


def _ensure_laid_out(widget) -> None:
    # A chart on a hidden tab may never have been laid out: give it a sensible size.
    if widget.width() < 50 or widget.height() < 50:
        widget.resize(QSize(800, 450))
    widget.ensurePolished()


def render_image(chart, scale: float = PNG_SCALE) -> QImage:
    """The chart drawn into an image at ``scale`` times its on-screen size."""
    _require_data(chart)
    widget = _export_widget(chart)
    _ensure_laid_out(widget)
    pixmap = QPixmap(widget.size() * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill()
    with _without_chrome(chart):
        widget.render(pixmap)
    return pixmap.toImage()


def export_png(chart, path) -> Path:
    """Save the chart as a PNG picture at ``path``."""
    image = render_image(chart)

    def write(temp: Path) -> None:
        if not image.save(str(temp), "PNG"):
            raise OSError("the picture could not be encoded as PNG")

    return atomic_write(path, write, keep_backup=False)


def export_svg(chart, path) -> Path:
    """Save the chart as an SVG drawing at ``path`` and its data as CSV beside it.

    The CSV has the same name with ``.csv`` ("board.svg" -> "board.csv").
    """
    path = Path(path)
    _require_data(chart)
    widget = _export_widget(chart)
    _ensure_laid_out(widget)

    def write(temp: Path) -> None:
        generator = QSvgGenerator()
        generator.setFileName(str(temp))
        generator.setSize(widget.size())
        generator.setViewBox(QRect(0, 0, widget.width(), widget.height()))
        generator.setTitle(chart.title_label.text() if hasattr(chart, "title_label") else chart.objectName())
        generator.setDescription("RtV Desktop chart")
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError("the SVG drawing could not be started")
        try:
            with _without_chrome(chart):
                widget.render(painter, QPoint(0, 0))
        finally:
            painter.end()

    atomic_write(path, write, keep_backup=False)
    export_csv(chart, path.with_suffix(".csv"))
    return path


def export_csv(chart, path) -> Path:
    """Save the data behind the chart as CSV (UTF-8 with a byte-order mark, for Excel).

    The first row holds column headers with units; numbers are written in full precision
    so the file reads back to exactly the values drawn.
    """
    _require_data(chart)
    headers, rows = chart.table()

    def write(temp: Path) -> None:
        # The byte-order mark makes Excel read "£" correctly; it is still UTF-8.
        with open(temp, "w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(headers)
            writer.writerows(rows)

    return atomic_write(path, write, keep_backup=False)


def copy_to_clipboard(chart) -> QImage:
    """Put the chart on the clipboard as an image, to paste into a document or slide."""
    image = render_image(chart)
    QGuiApplication.clipboard().setImage(image)
    return image
