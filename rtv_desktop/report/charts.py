"""Charts for the report, drawn offscreen by the same chart classes the window shows.

A section adds a chart with one line::

    blocks += chart(IcebergChart, lambda c: c.update_results(results), alt="...")

The chart is fed as the window feeds it, laid out at :data:`CHART_SIZE` and rendered at
:data:`PRINT_SCALE` times that size, which is print resolution at the width of an A4 page.
"""

from __future__ import annotations

import sys
from contextlib import contextmanager
from typing import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, qInstallMessageHandler

from ..ui.charts.export import render_image
from .model import Figure

# Logical size [px] of a chart: about the text width of an A4 page at 96 px an inch, so the
# chart's own fonts print near their size on screen.
CHART_SIZE = (680, 360)
PRINT_SCALE = 2.0  # 1,360 px across 17 cm: about 200 dots an inch, sharp in print


def chart(chart_class, feed: Callable, alt: str, size: tuple[int, int] = CHART_SIZE) -> list[Figure]:
    """``chart_class`` fed by ``feed(chart)`` as a picture, or nothing when it has no figures to show."""
    with _quiet_offscreen():
        return _draw(chart_class, feed, alt, size)


def _draw(chart_class, feed: Callable, alt: str, size: tuple[int, int]) -> list[Figure]:
    panel = chart_class()
    try:
        # Shown but never on screen, so the plot sizes its axes to their tick labels as in the window.
        panel.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        panel.resize(*size)
        panel.show()
        feed(panel)
        QCoreApplication.sendPostedEvents()
        if not panel.has_data():
            return []
        image = render_image(panel, PRINT_SCALE)
        return [Figure(panel.name, _png(image), image.width(), image.height(), alt)]
    finally:
        panel.hide()
        panel.deleteLater()


@contextmanager
def _quiet_offscreen():
    """The offscreen platform warns that it "does not support propagateSizeHints()" on every
    show: harmless, and not for the command's error output. Other messages pass through."""
    previous = None

    def handler(mode, context, message):
        if "propagateSizeHints" not in message and previous is not None:
            previous(mode, context, message)
        elif "propagateSizeHints" not in message:
            sys.stderr.write(message + "\n")

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _png(image) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("a chart could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())
