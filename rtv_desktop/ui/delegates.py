"""Cell editors for numeric table cells: the right range, decimals and unit for each column."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QStyledItemDelegate


class NumberDelegate(QStyledItemDelegate):
    """Edits a cell's ``EditRole`` number with a spin box of range ``[lo, hi]``."""

    def __init__(self, lo: float, hi: float, decimals: int = 2, prefix: str = "", suffix: str = "", parent=None):
        super().__init__(parent)
        self._spec = (lo, hi, decimals, prefix, suffix)

    def createEditor(self, parent, option, index):
        lo, hi, decimals, prefix, suffix = self._spec
        editor = QDoubleSpinBox(parent)
        editor.setRange(lo, hi)
        editor.setDecimals(decimals)
        editor.setPrefix(prefix)
        editor.setSuffix(suffix)
        editor.setGroupSeparatorShown(True)
        editor.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setValue(float(value) if value is not None else 0.0)

    def setModelData(self, editor, model, index):
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
