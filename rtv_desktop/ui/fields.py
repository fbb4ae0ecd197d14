"""Input widgets for scenario values, and the binder that ties them to scenario paths.

Every widget's ``objectName`` is its scenario path. Fractions are shown as percentages
(the widget holds 5.0 for a scenario value of 0.05); money shows £ and thousands
separators. A :class:`FormBinder` turns widget edits into ``edited(path, value)`` and
loads a scenario into its widgets without echoing signals back.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QDoubleSpinBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from ..core import source_for
from .paths import get_value

# kind -> (minimum, maximum, decimals, prefix, suffix, single step)
KINDS = {
    "money": (0.0, 1e9, 0, "£", "", 100.0),
    "money_pence": (0.0, 1e6, 2, "£", "", 0.5),
    "fraction": (0.0, 100.0, 1, "", "%", 1.0),
    "percent2": (0.0, 100.0, 2, "", "%", 0.1),
    "signed_fraction": (-100.0, 100.0, 1, "", "%", 1.0),
    "rate": (0.0, 50.0, 2, "", "%", 0.1),
    "persons": (0.0, 1e9, 0, "", "", 1000.0),
    "hours": (0.0, 1e5, 1, "", " h", 1.0),
    "points": (-10.0, 10.0, 2, "", " pts", 0.05),
}
PERCENT_KINDS = {"fraction", "percent2", "signed_fraction", "rate"}


class ValueSpin(QDoubleSpinBox):
    """A number in scenario units, displayed in the units a person expects (%, £)."""

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        lo, hi, decimals, prefix, suffix, step = KINDS[kind]
        self.kind = kind
        self.setDecimals(decimals)
        self.setRange(lo, hi)
        self.setPrefix(prefix)
        self.setSuffix(suffix)
        self.setSingleStep(step)
        self.setGroupSeparatorShown(True)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setMinimumWidth(96)
        self.setMaximumWidth(170)

    def model_value(self) -> float:
        value = self.value()
        return value / 100.0 if self.kind in PERCENT_KINDS else value

    def set_model_value(self, value: float) -> None:
        shown = value * 100.0 if self.kind in PERCENT_KINDS else value
        if abs(shown - self.value()) > 10 ** -(self.decimals() + 1):
            self.setValue(shown)


class IntSpin(QSpinBox):
    """A whole number (years, grade, iterations)."""

    def __init__(self, lo: int, hi: int, suffix: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(lo, hi)
        self.setSuffix(suffix)
        self.setGroupSeparatorShown(True)
        self.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(96)
        self.setMaximumWidth(170)

    def model_value(self) -> int:
        return self.value()

    def set_model_value(self, value: int) -> None:
        if int(value) != self.value():
            self.setValue(int(value))


class SeedEdit(QLineEdit):
    """A seed can be up to 2**63 - 1, beyond a QSpinBox; digits only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtGui import QRegularExpressionValidator  # noqa: PLC0415

        self.setValidator(QRegularExpressionValidator(r"\d{1,18}", self))
        self.setMinimumWidth(96)

    def model_value(self) -> int:
        return int(self.text() or 0)

    def set_model_value(self, value: int) -> None:
        if self.text() != str(value):
            self.setText(str(value))


class TextEdit(QLineEdit):
    def model_value(self) -> str:
        return self.text()

    def set_model_value(self, value: str) -> None:
        if self.text() != value:
            self.setText(value)


class NotesEdit(QPlainTextEdit):
    def model_value(self) -> str:
        return self.toPlainText()

    def set_model_value(self, value: str) -> None:
        if self.toPlainText() != value:
            self.setPlainText(value)


class ChoiceCombo(QComboBox):
    """One of a fixed set of codes, shown by label."""

    def __init__(self, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        for code, label in labels.items():
            self.addItem(label, code)

    def model_value(self) -> str:
        return self.currentData()

    def set_model_value(self, value: str) -> None:
        index = self.findData(value)
        if index != self.currentIndex():
            self.setCurrentIndex(index)


def _change_signal(widget):
    if isinstance(widget, (QDoubleSpinBox, QSpinBox)):
        return widget.valueChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    return widget.textEdited


def source_tooltip(path: str, what: str = "") -> str:
    """``what`` plus the shipped default's source for ``path``, if there is one."""
    source = source_for(path)
    lines = [what] if what else []
    if source is not None:
        year = f" ({source.price_year} prices)" if source.price_year else ""
        tag = "Assumption, editable. " if source.assumption else ""
        lines.append(f"Default {source.value}{year}. {tag}Source: {source.source}")
    return "\n".join(lines)


class FormBinder(QObject):
    """Connects input widgets to scenario paths.

    ``resolve(name)`` maps a widget's object name to the data path it edits (identity
    for area and settings; the selected intervention's editor maps
    ``interventions.selected.x`` to ``interventions[k].x``).
    """

    edited = Signal(str, object)  # data path, new value

    def __init__(self, resolve: Callable[[str], str | None] = lambda name: name, parent: QObject | None = None):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self._resolve = resolve

    def bind(self, widget: QWidget, name: str, label: str = "") -> QWidget:
        widget.setObjectName(name)
        widget.setAccessibleName(label or name)
        self.widgets[name] = widget
        _change_signal(widget).connect(lambda *_: self._emit(name))
        return widget

    def _emit(self, name: str) -> None:
        path = self._resolve(name)
        if path is not None:
            self.edited.emit(path, self.widgets[name].model_value())

    def load(self, scenario) -> None:
        """Show ``scenario``'s values; widgets already showing the value are left alone."""
        for name, widget in self.widgets.items():
            path = self._resolve(name)
            if path is None:
                continue
            with QSignalBlocker(widget):
                widget.set_model_value(get_value(scenario, path))
