"""The calculator of the Monitoring page: how many participants a before/after change in life
satisfaction needs before its 95% interval excludes zero (:mod:`rtv_desktop.core.sample_size`).

Object names: ``monitoring.sample.sd``, ``monitoring.sample.change``, ``monitoring.sample.answer``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QWidget

from ...core.sample_size import LIFE_SATISFACTION_SD, participants_needed

DESIGN_NOTE = ("Before and after taken as two independent groups of equal size. At this size the interval just "
               "excludes zero if the change is as large as typed; to see it four times in five, plan for about "
               "twice as many.")


def _spin(name: str, words: str, value: float, low: float, high: float, step: float) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setAccessibleName(words)
    spin.setRange(low, high)
    spin.setDecimals(2)
    spin.setSingleStep(step)
    spin.setValue(value)
    spin.setSuffix(" points")
    spin.findChild(QLineEdit).setAccessibleName(words)  # the part that takes focus
    spin.setMaximumWidth(spin.fontMetrics().horizontalAdvance("00.00 points") * 2)  # a figure, not a line
    return spin


class SampleSizeCalculator(QWidget):
    """SD and change to detect (points of ONS life satisfaction, 0-10) -> participants needed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.sd = _spin("monitoring.sample.sd", "Standard deviation of life satisfaction", LIFE_SATISFACTION_SD,
                        0.1, 5.0, 0.1)
        self.sd.setToolTip("How widely people's scores (0 to 10) spread; about 2 points among adults (ONS)")
        self.change = _spin("monitoring.sample.change", "Change to detect", 0.5, 0.05, 5.0, 0.05)
        self.change.setToolTip("The gain in life satisfaction you expect the intervention to make")
        self.answer = QLabel()
        self.answer.setObjectName("monitoring.sample.answer")
        self.answer.setWordWrap(True)
        self.answer.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        note = QLabel(DESIGN_NOTE)
        note.setWordWrap(True)
        note.setProperty("role", "note")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Standard deviation:", self.sd)
        form.addRow("&Change to detect:", self.change)
        form.addRow("Participants needed:", self.answer)
        form.addRow(note)
        for label, spin in ((form.labelForField(self.sd), self.sd), (form.labelForField(self.change), self.change)):
            label.setBuddy(spin)
        self.sd.valueChanged.connect(self._update)
        self.change.valueChanged.connect(self._update)
        self._update()

    def needed(self) -> int:
        return participants_needed(self.sd.value(), self.change.value())

    def _update(self, *_args) -> None:
        n = self.needed()
        self.answer.setText(f"<b>{n:,}</b> before and {n:,} after (95% interval)")
        self.answer.setAccessibleName(f"Participants needed: {n:,} before and {n:,} after")
