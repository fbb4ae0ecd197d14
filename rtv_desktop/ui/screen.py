"""Windows sized to the screen they open on: a first window never hangs off a small laptop screen.

A window with no saved geometry asks for its preferred size (1280x800 for the main window),
but never more than the screen's available area (without task bars) less a margin, and is
centred in it. The title bar and borders are not known until the window is shown, so room is
left for them here and :func:`keep_on_screen` moves the shown window back if they still stick out.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

MARGIN = 24  # between a first window and the edges of the screen, when there is room for it
FRAME_ROOM = QSize(16, 40)  # a typical title bar and borders, until the real ones are known


def available_area(window: QWidget) -> QRect:
    """The part of the window's screen that windows may use (not task bars or docks)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(window: QWidget, preferred: QSize) -> None:
    """Size ``window`` to ``preferred`` or less, so that it and its frame lie within the available
    area, and centre it there. The window's minimum size still wins on a screen smaller than that."""
    area = available_area(window)
    frame = _frame_room(window)
    margin = min(MARGIN, max(0, (area.width() - frame.width() - window.minimumSizeHint().width()) // 2),
                 max(0, (area.height() - frame.height() - window.minimumSizeHint().height()) // 2))
    width = min(preferred.width(), area.width() - 2 * margin - frame.width())
    height = min(preferred.height(), area.height() - 2 * margin - frame.height())
    window.resize(max(width, 1), max(height, 1))
    outer = window.size() + frame
    window.move(area.x() + max(0, (area.width() - outer.width()) // 2),
                area.y() + max(0, (area.height() - outer.height()) // 2))


def keep_on_screen(window: QWidget) -> None:
    """Once shown (its frame known), shrink and move ``window`` so that its frame lies within the
    available area, where it sticks out."""
    area, outer = available_area(window), window.frameGeometry()
    if area.contains(outer):
        return
    frame = outer.size() - window.size()
    window.resize(min(window.width(), area.width() - frame.width()),
                  min(window.height(), area.height() - frame.height()))
    outer = window.frameGeometry()
    x = min(max(outer.x(), area.x()), area.right() + 1 - outer.width())
    y = min(max(outer.y(), area.y()), area.bottom() + 1 - outer.height())
    window.move(max(x, area.x()), max(y, area.y()))


def _frame_room(window: QWidget) -> QSize:
    if window.isVisible():
        return window.frameGeometry().size() - window.size()
    return FRAME_ROOM
