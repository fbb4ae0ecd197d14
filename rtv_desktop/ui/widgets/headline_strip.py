"""A one-line headline above every page, so the numbers move visibly while inputs are edited.

Labels are named ``headline.<summary key>``; the full figures and charts are on the
Results tab (``kpi.<summary key>``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from ...core import errors
from ...session import Session
from ...core.outputs import HEADLINE_STRIP
from ...core.outputs import label as figure_label
from ...core.text import format_money, format_ratio

FIGURES = tuple((key, figure_label(key)) for key in HEADLINE_STRIP)
OPTION_WIDTH, OPTION_MIN_WIDTH = 190, 60  # room for a short option name; cut short on a narrow window
STRIP_STYLE = """
QFrame#headline\\.strip { background: #F0F4F5; border: 1px solid #D8DDE0; border-left: 4px solid #005EB8;
                         border-radius: 3px; }
QLabel { background: transparent; }
QLabel[role="caption"] { color: #425563; font-size: 9pt; }
QLabel[role="value"] { color: #212B32; font-size: 12pt; font-weight: 700; }
QLabel[role="value"][negative="true"] { color: #A83232; }
QLabel[role="value"][stale="true"] { color: #AEB7BD; }
QLabel[role="option"] { color: #212B32; font-size: 10pt; font-weight: 600; }
QToolButton { background: #005EB8; color: white; font-weight: 600; border: none; border-radius: 3px;
              padding: 4px 12px; }
QToolButton:hover { background: #003087; }
QToolButton:disabled { background: #AEB7BD; }
QToolButton:focus { background: #FFEB3B; color: #212B32; border: 2px solid #212B32; }
"""


class ElidedLabel(QLabel):
    """One line of text cut short with "…" to the width it is given (in full in ``full``)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.full = text
        self.setMinimumWidth(OPTION_MIN_WIDTH)  # gives way before the figures do
        self.setMaximumWidth(OPTION_WIDTH)

    def set_full_text(self, text: str) -> None:
        self.full = text
        self._elide()

    def sizeHint(self):  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        hint.setWidth(min(OPTION_WIDTH, self.fontMetrics().horizontalAdvance(self.full) + 4))
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideRight, self.width()))


class HeadlineStrip(QFrame):
    """Four headline figures of the latest valid run; greyed while the inputs are invalid."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("headline.strip")
        self.setStyleSheet(STRIP_STYLE)
        self.session = session
        self.values: dict[str, QLabel] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 3, 10, 3)
        layout.setSpacing(20)
        self.option = self._option_column(layout)
        for key, caption in FIGURES:
            # Caption above figure: four figures and the button fit a 900-pixel-wide window.
            column = QVBoxLayout()
            column.setSpacing(0)
            text = QLabel(caption)
            text.setProperty("role", "caption")
            value = QLabel("-")
            value.setObjectName(f"headline.{key}")
            value.setProperty("role", "value")
            value.setAccessibleName(caption)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(text)
            column.addWidget(value)
            layout.addLayout(column)
            self.values[key] = value
        self.note = QLabel()
        self.note.setProperty("role", "caption")
        self.note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The note gives way first when the window is narrow; the figures never do.
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.note, 1)
        self._layout = layout
        session.resultsChanged.connect(self.show_results)
        session.issuesChanged.connect(self._on_issues)

    @staticmethod
    def _option_column(layout: QHBoxLayout) -> QLabel:
        """Which option the figures are of (a long name is cut short, in full in its tooltip)."""
        column = QVBoxLayout()
        column.setSpacing(0)
        caption = QLabel("Option shown")
        caption.setProperty("role", "caption")
        name = ElidedLabel("-")
        name.setObjectName("headline.option")
        name.setProperty("role", "option")
        name.setAccessibleName("Option shown")
        column.addWidget(caption)
        column.addWidget(name)
        layout.addLayout(column)
        return name

    def _show_option(self) -> None:
        document = self.session.document
        name = document.options[self.session.option].name if document.options else ""
        self.option.set_full_text(name)
        self.option.updateGeometry()
        self.option.setToolTip(f"The figures are those of {name}" if name else "")
        for key, label in self.values.items():
            label.setAccessibleName(f"{figure_label(key)}, {name}" if name else figure_label(key))

    def add_action_button(self, action, name: str) -> QToolButton:
        """A button at the right-hand end that triggers ``action`` (e.g. the simulation)."""
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._layout.addWidget(button)
        return button

    def show_results(self, results) -> None:
        if results is None:
            return  # keep the last figures until new ones arrive
        for key, label in self.values.items():
            value = results.summary[key]
            label.setText(format_ratio(value).replace(" back", "") if key.startswith("bcr")
                          else format_money(value, compact=True))
            label.setToolTip(format_money(value) if not key.startswith("bcr") else label.text())
            _set_flag(label, "negative", value is not None and value < 0)
        self._show_option()
        settings = results.scenario.settings
        self.note.setText("")
        self.note.setToolTip("")
        self.setToolTip(f"Present values over {settings.horizon_years} years, {settings.price_year} prices. "
                        "The Results tab has every figure and chart.")
        self._on_issues(self.session.issues)

    def _on_issues(self, issues) -> None:
        stale = bool(errors(issues))
        for label in self.values.values():
            _set_flag(label, "stale", stale)
        if stale:
            self.note.setText("Out of date")
            self.note.setToolTip("The inputs have problems (listed below the pages): fix them to update the figures")


def _set_flag(label: QLabel, name: str, on: bool) -> None:
    if label.property(name) != on:
        label.setProperty(name, on)
        label.style().unpolish(label)
        label.style().polish(label)
