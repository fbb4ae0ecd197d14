"""Intervention mix: the list of interventions and the editor of the selected one.

Object names: ``interventions.table`` (the view), ``interventions.add`` (a button with a
menu of the six approaches and custom; its actions are ``action.add_<approach>``),
``interventions.duplicate``, ``interventions.remove``, ``interventions.up``,
``interventions.down``; the editor's names are documented in
:mod:`rtv_desktop.ui.intervention_editor`.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QScrollArea,
                               QSplitter, QStackedWidget, QTableView, QToolButton, QVBoxLayout, QWidget)

from ..core import APPROACH_LABELS, APPROACHES, MAX_INTERVENTIONS, approach_preset
from ..session import Session
from .intervention_editor import InterventionEditor
from .intervention_models import InterventionTableModel
from .paths import edit_label, with_value


class InterventionsPage(QWidget):
    """Add, duplicate, remove and reorder interventions; edit the selected one."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.interventions")
        self.session = session
        self.model = InterventionTableModel(self)
        self.editor = InterventionEditor()
        self.editor.edited.connect(self._on_field_edited)
        self.editor.problem.connect(session.set_entry_problem)
        self.editor.effect_edit_handler = self._on_effect_edited
        layout = QVBoxLayout(self)
        layout.addLayout(self._buttons())
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._table())
        scroll = QScrollArea()
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
        session.scenarioChanged.connect(self.load)
        session.issuesChanged.connect(self.show_issues)
        session.resultsChanged.connect(self.model.set_results)
        self.load(session.scenario)
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

    # -- scenario -> widgets ----------------------------------------------------------------
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

    def load(self, scenario) -> None:
        selected = self.selected
        self.model.set_scenario(scenario)
        if selected is not None and selected >= len(scenario.interventions):
            selected = len(scenario.interventions) - 1
        if self.selected is None and scenario.interventions:
            self.select(selected if selected is not None else 0)
        else:
            self.editor.load(scenario, self.selected, self.session.entry_problems)
        self._update_buttons()

    def show_issues(self, issues) -> None:
        self.model.set_issues(issues)
        self.editor.show_issues(issues)

    def _on_row(self, row: int) -> None:
        self.editor.load(self.session.scenario, row if row >= 0 else None, self.session.entry_problems)
        self.editor.show_issues(self.session.issues)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.selected, len(self.session.scenario.interventions)
        chosen = len(self.selected_rows)
        self.detail.setCurrentIndex(0 if count else 1)
        self.add_button.setEnabled(count < MAX_INTERVENTIONS)
        self.buttons["duplicate"].setEnabled(row is not None and count + chosen <= MAX_INTERVENTIONS)
        self.buttons["remove"].setEnabled(row is not None)
        self.buttons["remove"].setText("Re&move" if chosen <= 1 else f"Re&move {chosen}")
        self.buttons["duplicate"].setText("D&uplicate" if chosen <= 1 else f"D&uplicate {chosen}")
        self.buttons["up"].setEnabled(row is not None and row > 0)
        self.buttons["down"].setEnabled(row is not None and row < count - 1)

    def name_for_field(self, field: str) -> str | None:
        return self.editor.name_for_field(field)

    # -- edits -----------------------------------------------------------------------------------
    def _commit(self, interventions, label: str, select: int | None, merge_key: str | None = None) -> None:
        # Rows added, removed or moved: "interventions[2]" now means another row, so text
        # typed there that was not a number is let go (the values shown are the scenario's).
        self.editor.binder.entries.forget_all()
        self.editor.effects.entries.forget_all()
        scenario = replace(self.session.scenario, interventions=tuple(interventions))
        self.session.set_scenario(scenario, label, merge_key)
        self.select(select)

    def add(self, approach: str) -> None:
        """Append a new intervention from ``approach``'s preset and select it."""
        rows = list(self.session.scenario.interventions)
        if len(rows) >= MAX_INTERVENTIONS:
            return
        rows.append(approach_preset(approach))
        self._commit(rows, f"Add {APPROACH_LABELS[approach]}", len(rows) - 1)

    def duplicate(self) -> None:
        """Copy every selected intervention (each copy just after its original); the copies are selected."""
        chosen, rows = self.selected_rows, list(self.session.scenario.interventions)
        if not chosen or len(rows) + len(chosen) > MAX_INTERVENTIONS:
            return
        copies = []
        for offset, row in enumerate(chosen):
            at = row + offset + 1
            rows.insert(at, replace(rows[at - 1], name=f"{rows[at - 1].name} (copy)"))
            copies.append(at)
        label = "Duplicate intervention" if len(chosen) == 1 else f"Duplicate {len(chosen)} interventions"
        self._commit(rows, label, copies[0])
        self.select_rows(copies)

    def remove(self) -> None:
        """Remove every selected intervention."""
        chosen, rows = self.selected_rows, list(self.session.scenario.interventions)
        if not chosen:
            return
        for row in reversed(chosen):
            del rows[row]
        label = "Remove intervention" if len(chosen) == 1 else f"Remove {len(chosen)} interventions"
        self._commit(rows, label, min(chosen[0], len(rows) - 1) if rows else None)

    def move(self, delta: int) -> None:
        row, rows = self.selected, list(self.session.scenario.interventions)
        if row is None or not 0 <= row + delta < len(rows):
            return
        rows[row], rows[row + delta] = rows[row + delta], rows[row]
        self._commit(rows, "Move intervention", row + delta)

    def _on_field_edited(self, path: str, value) -> None:
        scenario = with_value(self.session.scenario, path, value)
        self.session.set_scenario(scenario, edit_label(path), merge_key=path)

    def _on_effect_edited(self, index: int, service_id: str, value) -> None:
        rows = list(self.session.scenario.interventions)
        rows[index] = rows[index].with_effect(service_id, value)
        scenario = replace(self.session.scenario, interventions=tuple(rows))
        self.session.set_scenario(scenario, "Edit effect", merge_key=f"effect.{index}.{service_id}")
