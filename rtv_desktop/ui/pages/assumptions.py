"""Assumptions: services and unit costs, baseline use, and the appraisal settings.

The settings are laid out from their declarations (:mod:`rtv_desktop.ui.widgets.declared_form`).
Object names: ``services.table`` (a column per declared service input, the organisation a
drop-down list), ``services.add`` (menu of catalogue services by organisation, actions
``action.add_service_<id>``), ``services.remove``, ``baseline_use.table``,
``settings.<field>`` for every setting (``settings.wellby_value`` with ``.low`` and
``.high``; ``settings.optimism_bias[0]`` .. ``[5]``; ``settings.price_note`` is the recorded
price basis, shown), and ``action.rebase`` ("Change price year...", also on a button).
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QInputDialog, QLabel, QMenu,
                               QMessageBox, QPushButton, QScrollArea, QTableView, QToolButton, QVBoxLayout, QWidget)

from ...core import GRADE_NAMES, PARTY_LABELS, Service, Settings, Spec, all_interventions, rebase, service_catalogue
from ...session import Session
from ..models.assumptions import BaselineModel, ServicesModel
from ..widgets.declared_form import DeclaredForm, caption
from ..widgets.delegates import ChoiceDelegate, NumberDelegate, reading_note
from ..widgets.fields import FormBinder, NumberEdit
from ..widgets.forms import FormGrid
from ..widgets.issues import group_by, mark_widgets
from ...core.edits import edit_label, with_value
from ..dialogs.rebase import FINANCIAL_YEARS, RebaseDialog

SECTION_TITLES = {
    "appraisal": "Appraisal settings",
    "valuation": "Valuing outcomes",
    "optimism": "Optimism bias by evidence grade (haircut on benefits; costs are raised by their cost grade's)",
    "prices": "Prices",
    "simulation": "Monte Carlo simulation",
}


class AssumptionsPage(QScrollArea):
    """Unit costs, baseline use and settings; every number editable, every default sourced."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.assumptions")
        self.setWidgetResizable(True)
        self.session = session
        self.confirm_remove = self._confirm_remove  # (service name, intervention names) -> True to remove
        self.ask_service_name = self._ask_service_name  # () -> name or None; both replaceable (tests)
        self.ask_rebase = self._ask_rebase  # (document) -> (target, source) deflators or None; replaceable
        self.rebase_action = QAction("Change price &year...", self)
        self.rebase_action.setObjectName("action.rebase")
        self.rebase_action.setStatusTip("Bring every money input to another year's prices with the GDP deflator")
        self.rebase_action.triggered.connect(self.change_price_year)
        self.binder = FormBinder(parent=self)
        self.binder.edited.connect(self._on_edited)
        self.binder.problem.connect(session.set_entry_problem)
        self.services_model = ServicesModel(self._on_edited, self, on_problem=session.set_entry_problem)
        self.baseline_model = BaselineModel(self._on_edited, self, on_problem=session.set_entry_problem)
        body = QWidget()
        layout = QVBoxLayout(body)
        self.services_heading = _heading("Services and unit costs")
        layout.addWidget(self.services_heading)
        layout.addLayout(self._service_buttons())
        self.services_view = _table(self.services_model, "services.table", "Services and unit costs")
        self.services_view.setItemDelegate(NumberDelegate(self.services_view))
        for column, spec in self.services_model.choice_columns():
            self.services_view.setItemDelegateForColumn(column, ChoiceDelegate(spec.choices, self.services_view))
        self.services_view.verticalHeader().hide()
        header = self.services_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.services_view)
        self.services_note = reading_note(self.services_model, "services.reading_note")
        layout.addWidget(self.services_note)
        layout.addWidget(_heading("Baseline use: contacts per person per year"))
        self.baseline_view = _table(self.baseline_model, "baseline_use.table", "Baseline use")
        self.baseline_view.setItemDelegate(NumberDelegate(self.baseline_view))
        layout.addWidget(self.baseline_view)
        legend = QLabel("Shaded, italic cells are assumptions, editable: replace them with local figures. Cells "
                        "marked 'to fill in' have no shipped figure (0 until you type one). Hover over a cell to "
                        "see its source.")
        legend.setProperty("role", "note")
        legend.setWordWrap(True)
        layout.addWidget(legend)
        settings = QWidget()
        self._build_settings(FormGrid(settings, self.binder))
        layout.addWidget(settings)
        layout.addStretch(1)
        self.setWidget(body)
        session.documentChanged.connect(self.load)
        session.issuesChanged.connect(self.show_issues)
        self.load(session.document)
        self.show_issues(session.issues)

    def _service_buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_service_button = QToolButton()
        self.add_service_button.setObjectName("services.add")
        self.add_service_button.setText("Add &service")
        self.add_service_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_service_menu = QMenu(self.add_service_button)
        self.add_service_button.setMenu(self.add_service_menu)
        self.remove_service_button = QPushButton("Remove ser&vice")
        self.remove_service_button.setObjectName("services.remove")
        self.remove_service_button.clicked.connect(self.remove_selected_service)
        row.addWidget(self.add_service_button)
        row.addWidget(self.remove_service_button)
        row.addStretch(1)
        return row

    def _build_settings(self, g: FormGrid) -> None:
        special = {"optimism_bias": lambda spec: self._optimism_rows(g, spec),
                   "price_note": lambda spec: self._price_rows(g, spec)}
        DeclaredForm(g, Settings, "settings.", SECTION_TITLES, special=special).build()

    def _optimism_rows(self, g: FormGrid, spec: Spec) -> None:
        for k, name in enumerate(GRADE_NAMES):
            g.single(f"Grade {k + 1} ({name}):", f"settings.optimism_bias[{k}]", NumberEdit(spec.kind), spec.help)

    def _price_rows(self, g: FormGrid, spec: Spec) -> None:
        """The recorded price basis (shown, not typed) and the action that changes the price year."""
        g.layout.addWidget(QLabel(caption(spec).replace("&", "")), g.row, 0)
        self.price_note = QLabel()
        self.price_note.setObjectName("settings.price_note")
        self.price_note.setWordWrap(True)
        self.price_note.setProperty("role", "note")
        self.price_note.setToolTip(spec.help)
        g.layout.addWidget(self.price_note, g.row, 1, 1, 5)
        g.row += 1
        button = QToolButton()
        button.setObjectName("settings.rebase")
        button.setDefaultAction(self.rebase_action)
        button.setText(self.rebase_action.text())  # with its "..." and accelerator
        g.layout.addWidget(button, g.row, 1, 1, 2)
        g.row += 1

    # -- document -> widgets --------------------------------------------------------------------
    def load(self, document) -> None:
        live = self.session.entry_problems
        self.binder.load(document, live)
        for model in (self.services_model, self.baseline_model):
            model.refresh_entries(document, live)
        self.services_model.set_services(document.services)
        self.baseline_model.set_services(document.services)
        settings = document.settings
        self.services_heading.setText(f"Services and unit costs ({settings.price_year} prices)")
        self.price_note.setText(f"{settings.price_note.strip() or 'As entered: not rebased.'} {FINANCIAL_YEARS}")
        _fit_height(self.services_view)
        _fit_height(self.baseline_view)
        self._refresh_service_menu(document)

    def show_issues(self, issues) -> None:
        mark_widgets(self.binder.widgets, group_by(issues, self.name_for_field))
        self.services_model.set_issues(issues)
        self.baseline_model.set_issues(issues)

    def name_for_field(self, field: str) -> str | None:
        if field in self.binder.widgets:
            return field
        if field == "settings.optimism_bias":
            return "settings.optimism_bias[0]"
        return None

    def _refresh_service_menu(self, document) -> None:
        """Catalogue services not yet in the document, under the organisation that bears their cost."""
        self.add_service_menu.clear()
        present = set(document.service_ids)
        missing = [service for service in service_catalogue() if service.id not in present]
        for party, label in PARTY_LABELS.items():
            services = [service for service in missing if service.party == party]
            if services:
                self.add_service_menu.addSection(label)
            for service in services:
                action = QAction(service.name, self.add_service_menu)
                action.setObjectName(f"action.add_service_{service.id}")
                action.setToolTip(service.source)
                action.triggered.connect(lambda _=False, s=service: self.add_service(s.id))
                self.add_service_menu.addAction(action)
        self.add_service_menu.setToolTipsVisible(True)
        self.add_service_menu.addSeparator()
        custom = QAction("Your own service...", self.add_service_menu)
        custom.setObjectName("action.add_service_custom")
        custom.setToolTip("A service with no shipped figures: type its unit cost and baseline use")
        custom.triggered.connect(self.add_custom_service)
        self.add_service_menu.addAction(custom)

    # -- edits -----------------------------------------------------------------------------------
    def _on_edited(self, path: str, value) -> None:
        self.session.set_document(with_value(self.session.document, path, value), edit_label(path), merge_key=path)

    def add_service(self, service_id: str) -> None:
        """Add a catalogue service (its unit cost, cashable share and any shipped baseline)."""
        document = self.session.document
        service = next(s for s in service_catalogue() if s.id == service_id)
        if service_id not in document.service_ids:
            self.session.set_document(replace(document, services=document.services + (service,)),
                                      f"Add {service.name}")

    def add_custom_service(self) -> bool:
        """Add a service named by the user, with no figures yet (flagged in the tables to fill in)."""
        name = (self.ask_service_name() or "").strip()
        if not name:
            return False
        document = self.session.document
        service = Service(id=service_id_for(name, document.service_ids), name=name,
                          source="Typed in: no shipped figures")
        self.session.set_document(replace(document, services=document.services + (service,)), f"Add {name}")
        return True

    def change_price_year(self) -> bool:
        """Bring every money input to another price year, as one undoable edit."""
        document = self.session.document
        request = self.ask_rebase(document)
        if request is None:
            return False
        target, source = request
        self.session.set_document(rebase(document, target, source), f"Change price year to {target.year}")
        return True

    def _ask_rebase(self, document):
        dialog = RebaseDialog(document, self)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _ask_service_name(self) -> str | None:
        name, ok = QInputDialog.getText(self, "Add your own service", "Name of the service (e.g. 'Community "
                                        "pharmacy consultation'):")
        return name if ok else None

    def _confirm_remove(self, service: str, users: list[str]) -> bool:
        shown = ", ".join(users[:4]) + (f" and {len(users) - 4} more" if len(users) > 4 else "")
        answer = QMessageBox.question(
            self, "Remove service?", f"{len(users)} intervention(s) change the use of {service}: {shown}. "
            f"Removing it also removes those effects (Undo puts them back). Remove {service}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def remove_selected_service(self) -> None:
        index = self.services_view.currentIndex()
        if index.isValid():
            self.remove_service(index.row())

    def remove_service(self, row: int) -> None:
        """Remove a service and the effect on it of every intervention of every option."""
        document = self.session.document
        gone = document.services[row].id
        users = list(dict.fromkeys(iv.name for _k, _i, iv in all_interventions(document)
                                   if any(sid == gone and (u.central or u.low or u.high) for sid, u in iv.effect)))
        if users and not self.confirm_remove(document.services[row].name, users):
            return
        services = document.services[:row] + document.services[row + 1:]
        self.session.set_document(document.with_services(services), f"Remove {document.services[row].name}")


def service_id_for(name: str, taken) -> str:
    """A short unique id for a service named ``name`` ('Community pharmacy' -> 'community_pharmacy')."""
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_")
    base = (base if base[:1].isalpha() else f"s_{base}")[:28].rstrip("_") or "service"
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    return label


def _table(model, name: str, accessible: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setAccessibleName(accessible)
    view.setModel(model)
    view.setAlternatingRowColors(True)
    view.setTabKeyNavigation(False)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().setDefaultSectionSize(24)
    return view


def _fit_height(view: QTableView) -> None:
    """Show every row without an inner scroll bar (the page itself scrolls)."""
    rows = view.model().rowCount()
    header = view.horizontalHeader().sizeHint().height()
    view.setFixedHeight(header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2)
