"""Intervention mix: the options, the open option's interventions and the editor of the selected one.

Object names: ``interventions.option`` (whose mix it is: "Mix of option: Full mix"),
``interventions.table`` (the view), ``interventions.add`` (a button with a menu of the six
approaches and custom; its actions are ``action.add_<approach>``), ``interventions.duplicate``,
``interventions.remove``, ``interventions.up``, ``interventions.down``,
``interventions.copy_to`` (copy the selected interventions to another option, keeping their
ids; its actions are ``action.copy_to_option_<k>``); the options list is documented in
:mod:`rtv_desktop.ui.pages.options_panel`, the editor's names in
:mod:`rtv_desktop.ui.pages.intervention_editor`. A new intervention (added, or duplicated within its
option) gets a fresh ``id``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QScrollArea,
                               QSplitter, QStackedWidget, QTableView, QToolButton, QVBoxLayout, QWidget)

from ...core import APPROACH_LABELS, APPROACHES, MAX_INTERVENTIONS, approach_preset
from ...session import Session
from ...core import edits
from .intervention_editor import InterventionEditor
from ..models.interventions import InterventionTableModel
from .options_panel import OptionsPanel
from ...core import entry
from ...core.edits import edit_label, intervention_path, with_value
from ...core.library import apply_entry, stale_links, without_entry

_OPTION_FIELD = re.compile(r"^options\[(\d+)\]\.?(.*)$")
_ROW_FIELD = re.compile(r"^interventions\[(\d+)\]")


class InterventionsPage(QWidget):
    """Pick the option; add, duplicate, remove, reorder and copy its interventions; edit the selected one."""

    message = Signal(str)  # a short status-bar message

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.interventions")
        self.session = session
        self.model = InterventionTableModel(self)
        self.editor = InterventionEditor()
        self.editor.edited.connect(self._on_field_edited)
        self.editor.problem.connect(session.set_entry_problem)
        self.editor.effect_edit_handler = self._on_effect_edited
        self.editor.evidence.chosen.connect(self._on_evidence_chosen)
        self._typed_over: tuple[str, ...] = ()  # outcomes just typed over a study's figure
        self.options = OptionsPanel(session)
        self.options.message.connect(self.message)
        outer = QHBoxLayout(self)
        sides = QSplitter(Qt.Orientation.Horizontal)
        sides.setChildrenCollapsible(False)
        sides.addWidget(self.options)
        mix = QWidget()
        sides.addWidget(mix)
        sides.setStretchFactor(1, 1)
        sides.setSizes([200, 800])
        outer.addWidget(sides)
        layout = QVBoxLayout(mix)
        layout.setContentsMargins(4, 0, 0, 0)
        self.option_label = QLabel()
        self.option_label.setObjectName("interventions.option")
        self.option_label.setProperty("role", "section")
        layout.addWidget(self.option_label)
        layout.addLayout(self._buttons())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._table())
        scroll = QScrollArea()
        scroll.setAccessibleName("The intervention chosen")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        # With no intervention there is nothing to edit: say how to add one instead of greyed values.
        self.detail = QStackedWidget()
        self.detail.addWidget(scroll)
        self.detail.addWidget(self._empty_prompt())
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)
        session.documentChanged.connect(self.load)
        session.issuesChanged.connect(self.show_issues)
        session.resultsChanged.connect(self.model.set_results)
        session.optionChanged.connect(self._on_option_opened)
        self.load()
        self.select(0)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QToolButton()
        self.add_button.setObjectName("interventions.add")
        self.add_button.setText("&Add intervention")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.add_button)
        for approach in APPROACHES:
            action = QAction(APPROACH_LABELS[approach], menu)
            action.setObjectName(f"action.add_{approach}")
            action.triggered.connect(lambda _=False, a=approach: self.add(a))
            menu.addAction(action)
        self.add_button.setMenu(menu)
        row.addWidget(self.add_button)
        self.buttons = {}
        for key, text, slot in (("duplicate", "D&uplicate", self.duplicate), ("remove", "Re&move", self.remove),
                                ("up", "Move u&p", lambda: self.move(-1)), ("down", "Move do&wn", lambda: self.move(1))):
            button = QPushButton(text)
            button.setObjectName(f"interventions.{key}")
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.copy_button = QToolButton()
        self.copy_button.setObjectName("interventions.copy_to")
        self.copy_button.setText("Cop&y to option")
        self.copy_button.setToolTip("Copy the selected interventions to another option: they keep their ids, so "
                                    "a simulation draws the same values for them in both options")
        self.copy_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.copy_menu = QMenu(self.copy_button)
        self.copy_menu.aboutToShow.connect(self._fill_copy_menu)
        self.copy_button.setMenu(self.copy_menu)
        row.addWidget(self.copy_button)
        row.addStretch(1)
        return row

    def _empty_prompt(self) -> QWidget:
        prompt = QWidget()
        prompt.setObjectName("interventions.empty")
        layout = QVBoxLayout(prompt)
        text = QLabel("No interventions yet. Add one to see what it is worth: choose one of the six approaches "
                      "(with evidence-based defaults) or a custom intervention.")
        text.setWordWrap(True)
        text.setProperty("role", "section")
        button = QPushButton("Add an intervention...")
        button.setObjectName("interventions.add_first")
        button.clicked.connect(lambda: self.add_button.showMenu())
        layout.addStretch(1)
        layout.addWidget(text)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(2)
        return prompt

    def _table(self) -> QTableView:
        view = QTableView()
        view.setObjectName("interventions.table")
        view.setAccessibleName("Interventions")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl/Shift-click, Ctrl+A) can be removed or duplicated at once.
        view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        view.setAlternatingRowColors(True)
        view.setTabKeyNavigation(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().setDefaultSectionSize(24)
        view.selectionModel().currentRowChanged.connect(lambda current, _: self._on_row(current.row()))
        view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons()
                                                       if hasattr(self, "detail") else None)
        view.setMinimumHeight(120)
        # Keyboard: Delete removes, Ctrl+D duplicates, Alt+Up / Alt+Down reorder the selected row.
        for keys, slot in (("Delete", self.remove), ("Ctrl+D", self.duplicate),
                           ("Alt+Up", lambda: self.move(-1)), ("Alt+Down", lambda: self.move(1))):
            shortcut = QShortcut(QKeySequence(keys), view, context=Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.view = view
        return view

    # -- document -> widgets ----------------------------------------------------------------
    @property
    def rows(self) -> tuple:
        """The open option's interventions."""
        doc = self.session.document
        return doc.options[self.session.option].interventions if doc.options else ()

    @property
    def selected(self) -> int | None:
        index = self.view.selectionModel().currentIndex()
        return index.row() if index.isValid() else None

    @property
    def selected_rows(self) -> list[int]:
        """Every selected row, in order (the current row when none is selected)."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        return rows or ([self.selected] if self.selected is not None else [])

    def select_rows(self, rows: list[int]) -> None:
        """Select ``rows`` (the first becomes current, shown in the editor)."""
        self.select(rows[0] if rows else None)
        model, selection = self.model, self.view.selectionModel()
        for row in rows[1:]:
            selection.select(model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                             | QItemSelectionModel.SelectionFlag.Rows)

    def select(self, row: int | None) -> None:
        count = self.model.rowCount()
        if row is None or count == 0:
            self.view.selectionModel().clearCurrentIndex()
            self._on_row(-1)
            return
        row = max(0, min(row, count - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.view.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)
        self._on_row(row)

    def load(self, _document=None) -> None:
        """Show the open option's interventions (after any change of the document)."""
        self._show_option_name()
        selected, rows = self.selected, self.rows
        self.model.set_rows(rows, self.session.option)
        if selected is not None and selected >= len(rows):
            selected = len(rows) - 1
        if self.selected is None and rows:
            self.select(selected if selected is not None else 0)
        else:
            self._load_editor(self.selected)
        self._update_buttons()

    def _on_option_opened(self, _k: int) -> None:
        self.load()
        self.select(0)

    def _load_editor(self, row: int | None) -> None:
        typed_over, self._typed_over = self._typed_over, ()
        self.editor.load(self.session.document, self.session.option, row, self.session.entry_problems, typed_over)

    def show_issues(self, issues) -> None:
        self.model.set_issues(issues)
        self.editor.show_issues(issues)

    def _on_row(self, row: int) -> None:
        self._load_editor(row if row >= 0 else None)
        self.editor.show_issues(self.session.issues)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.selected, len(self.rows)
        chosen = len(self.selected_rows)
        self.detail.setCurrentIndex(0 if count else 1)
        self.add_button.setEnabled(count < MAX_INTERVENTIONS)
        self.buttons["duplicate"].setEnabled(row is not None and count + chosen <= MAX_INTERVENTIONS)
        self.buttons["remove"].setEnabled(row is not None)
        self.buttons["remove"].setText("Re&move" if chosen <= 1 else f"Re&move {chosen}")
        self.buttons["duplicate"].setText("D&uplicate" if chosen <= 1 else f"D&uplicate {chosen}")
        self.buttons["up"].setEnabled(row is not None and row > 0)
        self.buttons["down"].setEnabled(row is not None and row < count - 1)
        self.copy_button.setEnabled(row is not None and len(self.session.document.options) > 1)

    def _show_option_name(self) -> None:
        doc, k = self.session.document, self.session.option
        name = doc.options[k].name if doc.options else ""
        role = " (the comparator)" if doc.comparator == k else ""
        self.option_label.setText(f"Mix of option: {name}{role}")

    def name_for_field(self, field: str) -> str | None:
        return self.editor.name_for_field(field)

    # -- edits -----------------------------------------------------------------------------------
    def _commit(self, interventions, label: str, select: int | None, merge_key: str | None = None) -> None:
        # Rows added, removed or moved: "interventions[2]" now means another row, so text
        # typed there that was not a number is let go (the values shown are the document's).
        self.editor.binder.entries.forget_all()
        self.editor.effects.entries.forget_all()
        document = self.session.document.with_interventions(self.session.option, interventions)
        self.session.set_document(document, label, merge_key)
        self.select(select)

    def add(self, approach: str) -> None:
        """Append a new intervention from ``approach``'s preset (with a fresh id) and select it."""
        rows = list(self.rows)
        if len(rows) >= MAX_INTERVENTIONS:
            return
        rows.append(edits.with_fresh_id(approach_preset(approach), [iv.id for iv in rows]))
        self._commit(rows, f"Add {APPROACH_LABELS[approach]}", len(rows) - 1)

    def duplicate(self) -> None:
        """Copy every selected intervention (each copy just after its original); the copies are selected."""
        chosen, rows = self.selected_rows, list(self.rows)
        if not chosen or len(rows) + len(chosen) > MAX_INTERVENTIONS:
            return
        copies = []
        for offset, row in enumerate(chosen):
            at = row + offset + 1
            copy = replace(rows[at - 1], name=f"{rows[at - 1].name} (copy)")
            rows.insert(at, edits.with_fresh_id(copy, [iv.id for iv in rows]))
            copies.append(at)
        label = "Duplicate intervention" if len(chosen) == 1 else f"Duplicate {len(chosen)} interventions"
        self._commit(rows, label, copies[0])
        self.select_rows(copies)

    def remove(self) -> None:
        """Remove every selected intervention."""
        chosen, rows = self.selected_rows, list(self.rows)
        if not chosen:
            return
        for row in reversed(chosen):
            del rows[row]
        label = "Remove intervention" if len(chosen) == 1 else f"Remove {len(chosen)} interventions"
        self._commit(rows, label, min(chosen[0], len(rows) - 1) if rows else None)

    def move(self, delta: int) -> None:
        row, rows = self.selected, list(self.rows)
        if row is None or not 0 <= row + delta < len(rows):
            return
        rows[row], rows[row + delta] = rows[row + delta], rows[row]
        self._commit(rows, "Move intervention", row + delta)

    def _fill_copy_menu(self) -> None:
        self.copy_menu.clear()
        doc, k = self.session.document, self.session.option
        for j, option in enumerate(doc.options):
            if j != k:
                action = self.copy_menu.addAction(option.name.replace("&", "&&"))
                action.setObjectName(f"action.copy_to_option_{j}")
                action.triggered.connect(lambda _=False, j=j: self.copy_to_option(j))

    def copy_to_option(self, target: int) -> bool:
        """Copy the selected interventions to option ``target``, keeping their ids (one undoable step)."""
        doc, k, rows = self.session.document, self.session.option, self.selected_rows
        if not rows or target == k or not 0 <= target < len(doc.options):
            return False
        new, replaced = edits.copy_interventions(doc, k, rows, target)
        name = doc.options[target].name
        if len(new.options[target].interventions) > MAX_INTERVENTIONS:
            self.message.emit(f"'{name}' would have more than {MAX_INTERVENTIONS} interventions: nothing copied")
            return False
        what = "intervention" if len(rows) == 1 else f"{len(rows)} interventions"
        self.session.set_document(new, f"Copy {what} to '{name}'")
        again = f" ({replaced} replaced the copy already there)" if replaced else ""
        self.message.emit(f"Copied {what} to '{name}'{again}")
        return True

    def focus_field(self, field: str) -> bool:
        """Open the option a document path is about and show its field; False if not an option's path."""
        if field == "comparator":
            self.options.comparator.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        match = _OPTION_FIELD.match(field)
        if match is None:
            if field == "options":
                self.options.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return field == "options"
        k, rest = int(match.group(1)), match.group(2)
        self.session.set_option(k)
        inner = _ROW_FIELD.match(rest)
        if inner is None:
            self.options.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        self.select(int(inner.group(1)))
        name = self.name_for_field(field)
        widget = self.findChild(QWidget, name) if name else None
        (widget or self.view).setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _on_field_edited(self, path: str, value) -> None:
        document = self._as_local_figures(with_value(self.session.document, path, value))
        self.session.set_document(document, edit_label(path), merge_key=path)

    def _on_effect_edited(self, index: int, service_id: str, value) -> None:
        rows = list(self.rows)
        rows[index] = rows[index].with_effect(service_id, value)
        path = intervention_path(self.session.option, index, f"effect.{service_id}")
        document = self._as_local_figures(self.session.document.with_interventions(self.session.option, rows))
        self.session.set_document(document, "Edit effect", merge_key=path)

    def _as_local_figures(self, edited):
        """A figure typed over a study's is the user's own: it no longer cites the study, and the
        evidence panel asks for its design and grade."""
        k, i = self.session.option, self.editor.index
        if i is None or i >= len(self.rows):
            return edited
        after = edited.options[k].interventions[i]
        stale = stale_links(self.rows[i], after)
        if not stale:
            return edited
        for outcome in stale:
            after = without_entry(after, outcome)
        rows = list(edited.options[k].interventions)
        rows[i] = after
        self._typed_over = tuple(stale)
        return edited.with_interventions(k, rows)

    def _on_evidence_chosen(self, entry_id: str) -> None:
        i, found = self.editor.index, entry(entry_id, self.session.document)
        if i is None or found is None:
            return
        rows = list(self.rows)
        rows[i] = apply_entry(rows[i], found)
        self.session.set_document(self.session.document.with_interventions(self.session.option, rows),
                                  f"Use the figure of {entry_id}")
        self.message.emit(f"{rows[i].name}: figure, interval, design and grade set from {entry_id}")
