"""Cell editors for numeric table cells: a plain text editor that keeps what was typed.

A spin box would clamp "150" to 100 and drop the "-" of "-1"; this editor hands the text
as typed to the model, which reads it with :func:`~rtv_desktop.ui.fields.parse_number`
(out-of-range numbers go to validation, text that is not a number stays shown and listed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate


class NumberDelegate(QStyledItemDelegate):
    """Edits a cell's ``EditRole`` text; the model decides what the text means."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt's name)
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setFrame(False)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
