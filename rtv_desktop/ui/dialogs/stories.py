"""Edit > Case stories: people's own accounts, printed in the report beside the figures.

A story is printed only when "Consent given, no identifying details" is ticked. Every change
(add, delete, each field) is one undoable edit of the document through the session; typing
in one field merges into one step, as in the other forms.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from ...core import Story, all_interventions
from ...session import Session

CONSENT = "Consent given, no identifying details"
WHOLE_PACKAGE = "The package as a whole"
NO_STORIES = "No stories yet. Add one: a person's own account of what a service changed for them."


class StoriesDialog(QDialog):
    """A list of the document's stories and a form for the one selected (non-modal)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dialog.stories")
        self.setWindowTitle("Case stories")
        self.resize(760, 480)
        self.session = session
        self.list = QListWidget()
        self.list.setObjectName("stories.list")
        self.list.setAccessibleName("Stories")
        self.add_button = QPushButton("&Add story")
        self.add_button.setObjectName("stories.add")
        self.delete_button = QPushButton("&Delete story")
        self.delete_button.setObjectName("stories.delete")
        self.title = self._line("stories.title", "Title")
        self.teller = self._line("stories.teller", "Who told it")
        self.teller.setPlaceholderText("e.g. A member of the Tuesday walking group (no names)")
        self.intervention = QComboBox()
        self.intervention.setObjectName("stories.intervention")
        self.text = QPlainTextEdit()
        self.text.setObjectName("stories.text")
        self.consent = QCheckBox(CONSENT)
        self.consent.setObjectName("stories.consent")
        self.empty = QLabel(NO_STORIES)
        self.empty.setWordWrap(True)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.addRow("&Title", self.title)
        form.addRow("&Illustrates", self.intervention)
        form.addRow("Told &by", self.teller)
        form.addRow("Sto&ry", self.text)
        form.addRow("", self.consent)
        note = QLabel("Only stories with consent ticked are printed in the report; the report says how many were "
                      "left out.")
        note.setWordWrap(True)
        note.setStyleSheet("color: #425563;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        right = QVBoxLayout()
        right.addWidget(self.empty)
        right.addWidget(self.form, 1)
        right.addWidget(note)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(buttons)
        self._connect()
        self.refresh()

    def _line(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        return edit

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_story)
        self.delete_button.clicked.connect(self.delete_story)
        self.list.currentRowChanged.connect(lambda _row: self._show_selected())
        self.title.textEdited.connect(lambda text: self._edit("title", text, "Edit story title"))
        self.teller.textEdited.connect(lambda text: self._edit("teller", text, "Edit who told the story"))
        self.text.textChanged.connect(lambda: self._edit("text", self.text.toPlainText(), "Edit story"))
        self.consent.toggled.connect(lambda on: self._edit("consent", on, "Set story consent", merge=False))
        self.intervention.activated.connect(
            lambda _i: self._edit("intervention_id", self.intervention.currentData() or "",
                                  "Choose what the story illustrates", merge=False))
        self.session.documentChanged.connect(lambda _doc: self.refresh())

    # -- the document's stories ----------------------------------------------------------------
    @property
    def stories(self) -> tuple[Story, ...]:
        return self.session.document.stories

    def selected(self) -> int:
        return self.list.currentRow()

    def add_story(self) -> None:
        stories = self.stories + (Story(f"Story {len(self.stories) + 1}"),)
        self.session.set_document(replace(self.session.document, stories=stories), "Add story")
        self.list.setCurrentRow(len(stories) - 1)
        self.title.setFocus()
        self.title.selectAll()

    def delete_story(self) -> None:
        k = self.selected()
        if 0 <= k < len(self.stories):
            stories = self.stories[:k] + self.stories[k + 1:]
            self.session.set_document(replace(self.session.document, stories=stories), "Delete story")

    def _edit(self, name: str, value, label: str, merge: bool = True) -> None:
        k = self.selected()
        if not 0 <= k < len(self.stories) or getattr(self.stories[k], name) == value:
            return
        stories = list(self.stories)
        stories[k] = replace(stories[k], **{name: value})
        self.session.set_document(replace(self.session.document, stories=tuple(stories)), label,
                                  merge_key=f"story.{k}.{name}" if merge else None)

    # -- widgets from the document -------------------------------------------------------------
    def refresh(self) -> None:
        """Show the document's stories (after any edit, undo or redo), keeping the selection."""
        k = self.selected()
        with QSignalBlocker(self.list):
            self.list.clear()
            for story in self.stories:
                self.list.addItem(("" if story.consent else "(no consent) ") + (story.title or "Untitled"))
            if self.stories:
                self.list.setCurrentRow(min(max(k, 0), len(self.stories) - 1))
        self._fill_interventions()
        self._show_selected()

    def _fill_interventions(self) -> None:
        doc = self.session.document
        with QSignalBlocker(self.intervention):
            self.intervention.clear()
            self.intervention.addItem(WHOLE_PACKAGE, "")
            several = len(doc.options) > 1
            seen = set()
            for k, _row, iv in all_interventions(doc):
                if iv.id and iv.id not in seen:
                    seen.add(iv.id)
                    where = f" ({doc.options[k].name})" if several else ""
                    self.intervention.addItem(f"{iv.name}{where}", iv.id)

    def _show_selected(self) -> None:
        k = self.selected()
        has = 0 <= k < len(self.stories)
        self.form.setEnabled(has)
        self.delete_button.setEnabled(has)
        self.empty.setVisible(not self.stories)
        story = self.stories[k] if has else Story("")
        for widget, value in ((self.title, story.title), (self.teller, story.teller)):
            if widget.text() != value:
                with QSignalBlocker(widget):
                    widget.setText(value)
        if self.text.toPlainText() != story.text:
            with QSignalBlocker(self.text):
                self.text.setPlainText(story.text)
        with QSignalBlocker(self.consent):
            self.consent.setChecked(story.consent)
        with QSignalBlocker(self.intervention):
            index = self.intervention.findData(story.intervention_id)
            self.intervention.setCurrentIndex(index if index >= 0 else 0)
        self.consent.setToolTip("Tick only when the teller agreed to the story being used and it holds nothing "
                                "that could identify them.")
