"""The options a document compares: pick the one whose mix is edited; add, copy, rename, delete,
reorder them and choose the comparator.

Object names: ``options.panel``; ``options.list`` (a list view: the open option is its current
row, the comparator is marked "(comparator)"; F2 or a double click renames in place);
``options.comparator`` (a drop-down list: "Do nothing", always offered, then each option);
``options.message`` (why a name was refused). Actions: ``action.add_option`` (a new empty
option), ``action.duplicate_option`` (a copy of the open one: its interventions keep their
ids), ``action.rename_option``, ``action.delete_option`` (asks first; never the last option),
``action.option_up``, ``action.option_down``. Each edit is one undoable step through
``Session.set_document``; choosing a row opens that option (``Session.set_option``).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QItemSelectionModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QInputDialog, QLabel, QListView,
                               QMessageBox, QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from ...session import Session
from ...core import edits
from ..style import readable_popup

DO_NOTHING = "Do nothing"
COMPARATOR_MARK = " (comparator)"


class OptionsModel(QAbstractListModel):
    """One row per option: its name, the comparator marked; editing a name calls ``rename(k, name)``."""

    def __init__(self, rename, parent=None):
        super().__init__(parent)
        self._rename = rename
        self._names: list[str] = []
        self._sizes: list[int] = []
        self._comparator: int | None = None

    def set_document(self, doc) -> None:
        names = doc.option_names()
        self._sizes = [len(option.interventions) for option in doc.options]
        self._comparator = doc.comparator
        if len(names) != len(self._names):
            self.beginResetModel()
            self._names = names
            self.endResetModel()
        else:
            self._names = names
            if names:
                self.dataChanged.emit(self.index(0), self.index(len(names) - 1))

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt's name)
        return 0 if parent.isValid() else len(self._names)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._names):
            return None
        k = index.row()
        is_comparator = k == self._comparator
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names[k] + (COMPARATOR_MARK if is_comparator else "")
        if role == Qt.ItemDataRole.EditRole:
            return self._names[k]
        if role == Qt.ItemDataRole.FontRole and is_comparator:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            count = self._sizes[k]
            what = f"{count} intervention{'' if count == 1 else 's'}"
            role_text = "; the others are compared with it" if is_comparator else ""
            return f"{self._names[k]}: {what}{role_text}. Choose it to edit its mix; F2 renames it."
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        return self._rename(index.row(), str(value))


class OptionsPanel(QWidget):
    """The options list and its actions, editing the session's document."""

    message = Signal(str)  # a short status-bar message

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("options.panel")
        self.session = session
        self.ask_name = self._ask_name  # (title, prompt, current) -> text or None; replaceable (tests)
        self.confirm_delete = self._confirm_delete  # (option name, interventions) -> True to delete
        self.model = OptionsModel(self.rename, self)
        self.actions_by_name: dict[str, QAction] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        heading = QLabel("Options")
        heading.setProperty("role", "section")
        layout.addWidget(heading)
        layout.addWidget(self._list(), 1)
        layout.addLayout(self._buttons())
        layout.addWidget(self._comparator())
        self.note = QLabel()
        self.note.setObjectName("options.message")
        self.note.setWordWrap(True)
        self.note.setProperty("role", "problem")
        self.note.hide()
        layout.addWidget(self.note)
        self.setMinimumWidth(170)
        self.setMaximumWidth(280)
        session.documentChanged.connect(lambda _doc: self.refresh())
        session.optionChanged.connect(lambda _k: self.refresh())
        self.refresh()

    def _list(self) -> QListView:
        view = QListView()
        view.setObjectName("options.list")
        view.setAccessibleName("Options")
        view.setModel(self.model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        view.setMinimumHeight(72)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.selectionModel().currentRowChanged.connect(lambda current, _: self.open_option(current.row()))
        self.view = view
        return view

    def _action(self, name: str, text: str, tip: str, slot, keys: str | None = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action.{name}")
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())
        if keys:  # when the list has the focus
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            self.view.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(4)
        specs = (("add_option", "Add", "Add a new, empty option (Insert)", self.add, "Insert"),
                 ("duplicate_option", "Duplicate", "Add a copy of the open option: the same interventions, with "
                  "the same ids, so they get the same random draws", self.duplicate, "Ctrl+D"),
                 ("rename_option", "Rename...", "Rename the open option (F2 renames in the list)", self.rename_open,
                  None),
                 ("delete_option", "Delete", "Delete the open option (Undo brings it back)", self.delete, "Delete"),
                 ("option_up", "Move up", "Move the open option up (Alt+Up)", lambda: self.move(-1), "Alt+Up"),
                 ("option_down", "Move down", "Move the open option down (Alt+Down)", lambda: self.move(1),
                  "Alt+Down"))
        for k, (name, text, tip, slot, keys) in enumerate(specs):
            button = QToolButton()
            button.setObjectName(f"options.{name.removesuffix('_option')}")
            button.setDefaultAction(self._action(name, text, tip, slot, keys))
            button.setText(text)  # "Rename..." keeps its dots: it asks for a name
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, k // 2, k % 2)
        return grid

    def _comparator(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(2)
        self.comparator = readable_popup(QComboBox())
        self.comparator.setObjectName("options.comparator")
        self.comparator.setAccessibleName("Compare the options with")
        self.comparator.setToolTip("The option the others are compared with (the current service, usually); "
                                   "with 'Do nothing', doing nothing competes with the options too")
        self.comparator.activated.connect(lambda row: self.set_comparator(self.comparator.itemData(row)))
        caption = QLabel("Co&mpare with:")
        caption.setBuddy(self.comparator)
        layout.addWidget(caption)
        layout.addWidget(self.comparator)
        return box

    # -- document -> widgets --------------------------------------------------------------------
    def refresh(self) -> None:
        doc, k = self.session.document, self.session.option
        self.model.set_document(doc)
        with QSignalBlocker(self.view.selectionModel()):
            self.view.selectionModel().setCurrentIndex(
                self.model.index(k), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        with QSignalBlocker(self.comparator):
            self.comparator.clear()
            self.comparator.addItem(DO_NOTHING, -1)
            for j, name in enumerate(doc.option_names()):
                self.comparator.addItem(name, j)
            self.comparator.setCurrentIndex(0 if doc.comparator is None else doc.comparator + 1)
        count = len(doc.options)
        self.actions_by_name["add_option"].setEnabled(edits.can_add(doc))
        self.actions_by_name["duplicate_option"].setEnabled(edits.can_add(doc))
        self.actions_by_name["delete_option"].setEnabled(count > 1)
        self.actions_by_name["option_up"].setEnabled(k > 0)
        self.actions_by_name["option_down"].setEnabled(k < count - 1)

    def say(self, text: str) -> None:
        """Show why an edit was refused beside the list (and in the status bar)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        if text:
            self.message.emit(text)

    # -- edits ----------------------------------------------------------------------------------
    def open_option(self, k: int) -> None:
        if 0 <= k < len(self.session.document.options):
            self.session.set_option(k)

    def _commit(self, doc, label: str, open_k: int | None = None) -> None:
        self.say("")
        self.session.set_document(doc, label)
        if open_k is not None:
            self.session.set_option(open_k)

    def add(self) -> None:
        doc = self.session.document
        if edits.can_add(doc):
            new, k = edits.add_option(doc)
            self._commit(new, "Add option", k)

    def duplicate(self) -> None:
        doc, k = self.session.document, self.session.option
        if edits.can_add(doc):
            new, j = edits.duplicate_option(doc, k)
            self._commit(new, f"Duplicate option '{doc.options[k].name}'", j)

    def rename(self, k: int, name: str) -> bool:
        """Rename option ``k``; a blank name or another option's name is refused, saying why."""
        doc = self.session.document
        problem = edits.name_problem(doc, name, k)
        if problem is not None:
            self.say(problem)
            return False
        if name.strip() != doc.options[k].name:
            self._commit(edits.rename_option(doc, k, name), f"Rename option to '{name.strip()}'")
        return True

    def rename_open(self) -> bool:
        k = self.session.option
        current = self.session.document.options[k].name
        name = self.ask_name("Rename option", f"New name for '{current}':", current)
        return self.rename(k, name) if name is not None else False

    def delete(self) -> bool:
        doc, k = self.session.document, self.session.option
        if len(doc.options) <= 1:
            self.say("A document keeps at least one option: add another before deleting this one.")
            return False
        option = doc.options[k]
        if not self.confirm_delete(option.name, len(option.interventions)):
            return False
        label = f"Delete option '{option.name}'"
        self._commit(edits.delete_option(doc, k), label, min(k, len(doc.options) - 2))
        if doc.comparator == k:
            self.message.emit(f"Deleted '{option.name}', the comparator: the options are now compared with "
                              "doing nothing")
        return True

    def move(self, delta: int) -> None:
        doc, k = self.session.document, self.session.option
        if 0 <= k + delta < len(doc.options):
            self._commit(edits.move_option(doc, k, delta), f"Move option '{doc.options[k].name}'", k + delta)

    def set_comparator(self, c) -> None:
        """Compare with option ``c`` (None or -1: doing nothing)."""
        doc = self.session.document
        c = None if c is None or c < 0 else int(c)
        if c != doc.comparator:
            label = "Compare with doing nothing" if c is None else f"Compare with '{doc.options[c].name}'"
            self._commit(edits.set_comparator(doc, c), label)

    # -- dialogs (replaceable) ----------------------------------------------------------------------
    def _ask_name(self, title: str, prompt: str, current: str) -> str | None:
        name, ok = QInputDialog.getText(self, title, prompt, text=current)
        return name if ok else None

    def _confirm_delete(self, name: str, interventions: int) -> bool:
        what = f" and its {interventions} intervention{'' if interventions == 1 else 's'}" if interventions else ""
        answer = QMessageBox.question(self, "Delete option?", f"Delete the option '{name}'{what}? Undo (Ctrl+Z) "
                                      "brings it back.", QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
