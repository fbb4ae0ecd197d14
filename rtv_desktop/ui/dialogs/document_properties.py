"""File > Document properties: the name, author, notes and the decision asked of the board.

These are printed on the report and the workbook's Cover. OK applies every changed field as one
undoable edit ("Edit document properties"); Cancel changes nothing. The first delivery year and
the inflation for cash figures are settings, typed on the Assumptions page with the others.

A name nobody typed (File > New's, or the example's once the area or options are the user's
own) is not shown as the name: the field is blank, with the title the document gets from its
area and options as placeholder text, so OK without typing one keeps it untitled.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QVBoxLayout, QWidget)

from ...core.text import document_title
from ...session import Session

LABEL = "Edit document properties"
DECISION_PLACEHOLDER = "The board is asked to ..."
TEXT_HEIGHT = 80


class DocumentPropertiesDialog(QDialog):
    """A form of the document's properties, applied on OK (modal)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dialog.document_properties")
        self.setWindowTitle("Document properties")
        self.session = session
        doc = session.document
        title = document_title(doc)
        self.name = self._line("properties.name", doc.name if title == doc.name.strip() else "")
        self.name.setPlaceholderText(title)
        self.author = self._line("properties.author", doc.author)
        self.author.setPlaceholderText("Your name and organisation")
        self.decision = self._text("properties.decision", doc.decision, DECISION_PLACEHOLDER)
        self.notes = self._text("properties.notes", doc.notes, "Anything a reader should know about this document")
        self.initial = self.values()
        form = QFormLayout()
        form.addRow(self._label("&Name", self.name), self.name)
        form.addRow(self._label("&Author", self.author), self.author)
        form.addRow(self._label("&Decision asked of the board", self.decision), self.decision)
        form.addRow(self._label("N&otes", self.notes), self.notes)
        note = QLabel("The name, author and decision head the report and the workbook's Cover; a blank name is "
                      "made from the area and the options. The first delivery year and the inflation for cash "
                      "figures are on the Assumptions page.")
        note.setWordWrap(True)
        note.setProperty("role", "note")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("properties.buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.resize(640, self.sizeHint().height())

    def _line(self, name: str, text: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        return edit

    def _text(self, name: str, text: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)  # Tab moves on, as in the other fields of a form
        edit.setFixedHeight(TEXT_HEIGHT)
        return edit

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text + ":")
        label.setBuddy(buddy)
        buddy.setAccessibleName(text.replace("&", ""))
        return label

    def values(self) -> dict[str, str]:
        """The fields as typed, by document attribute."""
        return {"name": self.name.text(), "author": self.author.text(),
                "decision": self.decision.toPlainText(), "notes": self.notes.toPlainText()}

    def changes(self) -> dict[str, str]:
        """The fields typed differently from when the dialog opened."""
        return {key: value for key, value in self.values().items() if value != self.initial[key]}

    def accept(self) -> None:
        changed = self.changes()
        if changed:
            self.session.set_document(replace(self.session.document, **changed), LABEL)
        super().accept()
