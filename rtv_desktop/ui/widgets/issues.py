"""Validation shown where it belongs: red-bordered fields, marked table cells, a list.

``Issue.field`` is a document path; each page maps it to a widget object name (usually
the same string) and :func:`mark_widgets` sets the ``invalid`` property that the style
sheet draws as a red border, with the message in the tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from ...core import Issue

ERROR_COLOUR = "#d5281b"  # NHS red
WARNING_COLOUR = "#8a5a00"
MAX_VISIBLE_ROWS = 4  # more scroll


def _repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def mark_widgets(widgets: dict[str, QWidget], issues_by_name: dict[str, list[Issue]]) -> None:
    """Mark the widgets named in ``issues_by_name``; clear the mark on all others."""
    for name, widget in widgets.items():
        found = issues_by_name.get(name, [])
        state = "error" if any(i.severity == "error" for i in found) else ("warning" if found else "")
        if widget.property("invalid") != state:
            widget.setProperty("invalid", state)
            _repolish(widget)
        base = widget.property("baseToolTip")
        if base is None:
            base = widget.toolTip()
            widget.setProperty("baseToolTip", base)
        messages = "\n".join(f"\u26a0 {i.message}" for i in found)
        widget.setToolTip(f"{messages}\n\n{base}".strip() if messages else base)


def group_by(issues: list[Issue], name_for) -> dict[str, list[Issue]]:
    """``{widget name: issues}`` using ``name_for(field) -> name or None``."""
    out: dict[str, list[Issue]] = {}
    for issue in issues:
        name = name_for(issue.field)
        if name is not None:
            out.setdefault(name, []).append(issue)
    return out


class IssuesList(QListWidget):
    """Every problem of the scenario, errors first; activating one asks to show its field."""

    fieldRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("issues.list")
        self.setAccessibleName("Problems with the scenario")
        self.setAlternatingRowColors(True)
        self.itemActivated.connect(lambda item: self.fieldRequested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.itemClicked.connect(lambda item: self.fieldRequested.emit(item.data(Qt.ItemDataRole.UserRole)))

    def show_issues(self, issues: list[Issue], describe) -> None:
        """``describe(field) -> str`` names a field for a person (e.g. 'Population (all ages)') when the
        issue does not name it already."""
        self.clear()
        for issue in sorted(issues, key=lambda i: i.severity != "error"):
            kind = "Error" if issue.severity == "error" else "Warning"
            text = f"{kind}: {issue.subject or describe(issue.field)} {issue.message}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, issue.field)
            item.setForeground(Qt.GlobalColor.darkRed if issue.severity == "error" else Qt.GlobalColor.darkYellow)
            item.setToolTip(f"{text}\nClick to go to the field.")
            self.addItem(item)
        rows = min(self.count(), MAX_VISIBLE_ROWS)
        self.setFixedHeight(rows * self.sizeHintForRow(0) + 2 * self.frameWidth() + 4 if rows else 0)
        self.setVisible(bool(issues))
