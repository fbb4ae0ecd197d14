"""Cell editors: numbers as a plain text editor that keeps what was typed; choices as a list.

A spin box would clamp "150" to 100 and drop the "-" of "-1"; this editor hands the text
as typed to the model, which reads it with :func:`~rtv_desktop.ui.widgets.fields.parse_number`
(out-of-range numbers go to validation, text that is not a number stays shown and listed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QStyledItemDelegate

from ..style import readable_popup


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
        editor.setProperty("shown", editor.text())

    def setModelData(self, editor, model, index):  # noqa: N802
        # The editor shows a rounded form of the value: passing through a cell must not store it.
        if editor.text() != editor.property("shown"):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell holding one of a fixed set of codes with a drop-down list of their labels.

    The model's ``EditRole`` is the code; picking an entry commits it at once.
    """

    def __init__(self, choices: dict[str, str], parent=None):
        super().__init__(parent)
        self.choices = dict(choices)

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt's name)
        editor = readable_popup(QComboBox(parent))
        for code, label in self.choices.items():
            editor.addItem(label, code)
        editor.activated.connect(lambda _: self._commit(editor))
        return editor

    def _commit(self, editor) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def reading_note(model, name: str) -> QLabel:
    """A line under a table saying how a bare fraction typed into a percent cell was read
    (the model's ``noted`` signal); hidden while there is nothing to say."""
    note = QLabel()
    note.setObjectName(name)
    note.setProperty("role", "note")
    note.setWordWrap(True)
    note.hide()

    def show(text: str) -> None:
        note.setText(text)
        note.setVisible(bool(text))

    model.noted.connect(show)
    return note
