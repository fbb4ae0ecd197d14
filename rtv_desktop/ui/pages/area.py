"""Area & population: pick a bundled ONS area or type your own figures, each with its source.

Object names: ``area.search`` (type-to-search box), ``area.import`` (add areas from a CSV or
XLSX table, e.g. a newer ONS estimate), ``area.<field>`` for every ``Area`` field and
``area.<field>.note`` for the source shown beside it, ``area.need_adjustment`` (the local
need switch) and ``area.need_note``, ``groups.<group>`` for the derived target-group sizes
(read-only labels).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QCompleter, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox,
                               QPushButton, QScrollArea, QWidget)

from ...core import GROUP_LABELS, Area, FigureSource
from ...core.defaults import default_area
from ...core.need import NEED_BASES, adjust_for_need, adjusted_index, national_shares
from ...io import InputFileError
from ...io.areas.imported import read_area_table
from ...io.areas.bundled import CENSUS_ATTRIBUTION, ONS_ATTRIBUTION, bundled_areas, today
from ...session import Session
from ..widgets.declared_form import DeclaredForm
from ..widgets.fields import FormBinder
from ..widgets.forms import FormGrid
from ..widgets.issues import group_by, mark_widgets
from ...core.edits import edit_label, with_value


class AreaPage(QScrollArea):
    """The area's population and shares, with live target-group sizes."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.area")
        self.setWidgetResizable(True)
        self.session = session
        self._document_id = session.document_id
        self.binder = FormBinder(parent=self)
        self._records = {record.label: record for record in bundled_areas()}
        body = QWidget()
        self.grid = FormGrid(body, self.binder)
        self._build()
        self.setWidget(body)
        self.binder.edited.connect(self._on_edited)
        self.binder.problem.connect(session.set_entry_problem)
        session.documentChanged.connect(self.load)
        session.issuesChanged.connect(self.show_issues)
        self.load(session.document)
        self.show_issues(session.issues)

    def _build(self) -> None:
        self._build_search()
        self._build_fields()

    def _build_search(self) -> None:
        g = self.grid
        g.section("Choose an area")
        self.search = QLineEdit()
        self.search.setObjectName("area.search")
        self.search.setAccessibleName("Search bundled areas")
        self.search.setPlaceholderText("ICB or local authority name")
        self.search.setToolTip("Type to search the 42 ICBs (ONS mid-2022) and 153 upper-tier local authorities "
                               "(ONS mid-2023)")
        self.search.setMinimumWidth(260)
        self._labels = QStringListModel(list(self._records), self)
        completer = QCompleter(self._labels, self.search)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self.choose_area)
        self.search.setCompleter(completer)
        self._completer = completer
        self._fit_suggestions()
        self.search.returnPressed.connect(self.search_entered)
        caption = QLabel("&Find area:")
        caption.setBuddy(self.search)
        g.layout.addWidget(caption, g.row, 0)
        finder = QWidget()
        row = QHBoxLayout(finder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 1)
        self.import_button = QPushButton("&Import areas...")
        self.import_button.setObjectName("area.import")
        self.import_button.setToolTip("Add areas from a CSV or Excel table with the columns area_code, area_name, "
                                      "population_total, population_18_plus, population_65_plus, reference_period "
                                      "(for example a newer ONS mid-year estimate)")
        self.import_button.clicked.connect(self._ask_import)
        row.addWidget(self.import_button)
        g.layout.addWidget(finder, g.row, 1, 1, 4)
        g.row += 1
        self.search_note = QLabel()
        self.search_note.setObjectName("area.search_note")
        self.search_note.setWordWrap(True)
        self.search_note.setProperty("role", "note")
        self.search_note.hide()  # until a search finds nothing, or too much
        g.widget_row(self.search_note)
        self.import_note = QLabel()
        self.import_note.setObjectName("area.import_note")
        self.import_note.setWordWrap(True)
        self.import_note.setProperty("role", "note")
        self.import_note.hide()  # until areas are imported
        g.widget_row(self.import_note)
        self.attribution = QLabel(ONS_ATTRIBUTION)
        self.attribution.setWordWrap(True)
        self.attribution.setProperty("role", "note")
        g.widget_row(self.attribution)

    def _build_fields(self) -> None:
        g = self.grid
        DeclaredForm(g, Area, "area.", {"": "Population"}, notes=True).build()
        self.source_notes = {name: note for name, note in g.notes.items() if name.startswith("area.")}
        for note in self.source_notes.values():
            note.setWordWrap(True)
        self._build_need()

    def _build_need(self) -> None:
        g = self.grid
        self.need_box = QCheckBox("Adjust the long-term condition shares for &local need")
        self.need_box.setObjectName("area.need_adjustment")
        self.need_box.setChecked(True)
        self.need_box.setToolTip("When an ICB or council is chosen, its shares of adults with one and with 2+ "
                                 "long-term conditions are the national defaults times its need index (Census "
                                 "2021, the measure chosen beside)")
        self.need_box.toggled.connect(self.set_need_adjustment)
        self.need_basis = QComboBox()
        self.need_basis.setObjectName("area.need_basis")
        self.need_basis.setAccessibleName("Measure of local need")
        for basis, (words, england) in NEED_BASES.items():
            self.need_basis.addItem(f"{words[0].upper()}{words[1:]} (England {england:.2f}%)", basis)
        self.need_basis.setToolTip("Any long-term condition counts conditions that do not limit daily life too; "
                                   "disability under the Equality Act counts only those that do")
        self.need_basis.currentIndexChanged.connect(lambda _i: self.set_need_adjustment(self.need_box.isChecked(),
                                                                                      redo=True))
        g.widget_row(self.need_box)
        caption = QLabel("Need &measure:")
        caption.setBuddy(self.need_basis)
        g.layout.addWidget(caption, g.row, 0)
        g.layout.addWidget(self.need_basis, g.row, 1, 1, 4)
        g.row += 1
        self.need_note = QLabel()
        self.need_note.setObjectName("area.need_note")
        self.need_note.setWordWrap(True)
        self.need_note.setProperty("role", "note")
        g.widget_row(self.need_note)

        g.section("Target groups (derived)")
        self.group_labels: dict[str, QLabel] = {}
        for group, label in list(GROUP_LABELS.items())[:-1]:
            value = QLabel()
            value.setObjectName(f"groups.{group}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            value.setProperty("role", "figure")
            g.layout.addWidget(QLabel(label), g.row, 0)
            g.layout.addWidget(value, g.row, 1)
            g.row += 1
            self.group_labels[group] = value
        g.layout.setRowStretch(g.row, 1)

    # -- model -> widgets -----------------------------------------------------------------
    def load(self, document) -> None:
        if self.session.document_id != self._document_id:  # New or Open: no search left from before
            self._document_id = self.session.document_id
            with QSignalBlocker(self.search):
                self.search.clear()
            self.search_note.hide()
        self.binder.load(document, self.session.entry_problems)
        area = document.area
        for name, note in self.source_notes.items():
            note.setText(source_text(area.source_of(name.split(".", 1)[1])))
        self.need_note.setText(need_text(area))
        for group, size in area.group_sizes().items():
            self.group_labels[group].setText(f"{size:,.0f} people")

    def show_issues(self, issues) -> None:
        mark_widgets(self.binder.widgets, group_by(issues, self.name_for_field))

    def name_for_field(self, field: str) -> str | None:
        return field if field in self.binder.widgets else None

    # -- widgets -> model -----------------------------------------------------------------
    def _on_edited(self, path: str, value) -> None:
        """A typed figure is credited to the person typing, dated today."""
        document = with_value(self.session.document, path, value)
        area = document.area.with_sources(**{path.split(".", 1)[1]: FigureSource("Typed in", today())})
        self.session.set_document(replace(document, area=area), edit_label(path), merge_key=path)

    def search_entered(self) -> bool:
        """Enter in the search box: choose the one area that matches, or say why not."""
        text = self.search.text().strip()
        if not text:
            return False
        matches = [label for label in self._records if text.lower() in label.lower()]
        exact = [label for label in matches if label.lower() == text.lower()]
        if len(exact) == 1 or len(matches) == 1:
            return self.choose_area((exact or matches)[0])
        if not matches:
            self._say(f"No bundled area matches '{text}'. Check the spelling, try part of the name (such as "
                      "'Manchester'), or type the area's figures below.")
        else:
            self._say(f"{len(matches)} areas match '{text}': choose one from the list.")
            self._completer.complete()
        return False

    def _say(self, text: str) -> None:
        self.search_note.setText(text)
        self.search_note.show()

    def _fit_suggestions(self) -> None:
        """The suggestion list is wide enough for the longest area name (no cut-off ICB names)."""
        popup = self._completer.popup()
        popup.setTextElideMode(Qt.TextElideMode.ElideNone)
        widest = max((popup.fontMetrics().horizontalAdvance(label) for label in self._records), default=0)
        popup.setMinimumWidth(min(widest + 48, 900))

    def choose_area(self, label: str) -> bool:
        """Fill the area from the record labelled ``label``: population, ages and (when the need
        adjustment is on and the record has a need figure) the long-term condition shares."""
        record = self._records.get(label)
        if record is None:
            return False
        document = self.session.document
        new_area = record.apply_to(document.area, default_area() if self.need_box.isChecked() else None, self.basis)
        self.session.set_document(replace(document, area=new_area), f"Choose {record.name}")
        with QSignalBlocker(self.search):
            self.search.clear()
        self._say(f"Chose {record.label}.")
        return True

    def import_areas(self, path) -> int:
        """Add the areas of a CSV/XLSX table to the search list; returns how many were added.

        A file with problems adds nothing and shows every problem with its row.
        """
        try:
            table = read_area_table(path)
        except InputFileError as exc:
            QMessageBox.warning(self, "Import areas", exc.report())
            return 0
        for record in table.records:
            self._records[record.label] = record
        self._labels.setStringList(list(self._records))
        self._fit_suggestions()
        note = f"Added {len(table.records):,} areas from {table.records[0].table if table.records else path}."
        if table.warnings:
            note += " Notes: " + "; ".join(str(w) for w in table.warnings[:3])
            note += f" (and {len(table.warnings) - 3} more)" if len(table.warnings) > 3 else ""
        self.import_note.setText(note)
        self.import_note.show()
        return len(table.records)

    @property
    def basis(self) -> str:
        """The need measure chosen: "any_ltc" or "disability"."""
        return self.need_basis.currentData()

    def set_need_adjustment(self, on: bool, redo: bool = False) -> None:
        """Apply the chosen area's need index to the national shares, or go back to the national shares;
        ``redo`` applies it again (the measure changed)."""
        if self.need_box.isChecked() != on:
            with QSignalBlocker(self.need_box):
                self.need_box.setChecked(on)
        document = self.session.document
        area = document.area
        if not on:
            if adjusted_index(area) is None:
                return
            new_area = national_shares(area, default_area(), "National default (need adjustment switched off)",
                                       today())
            self.session.set_document(replace(document, area=new_area), "Switch off the need adjustment")
            return
        record = self._record_with_need(area.area_code)
        if record is None:
            if not redo:
                self._say("There is no need figure for this area on this measure: choose an ICB or council, or "
                          "import a table with an any_ltc_pct or disabled_equality_act_pct column.")
            return
        index = record.index_for(self.basis)
        if redo and adjusted_index(area) == index:
            return
        new_area = adjust_for_need(area, default_area(), index, record.need_description(self.basis), record.imported)
        self.session.set_document(replace(document, area=new_area), "Adjust for local need")

    def _record_with_need(self, code: str):
        return next((r for r in self._records.values() if r.code == code and r.index_for(self.basis) is not None),
                    None)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import areas", "", "Area tables (*.csv *.xlsx)")
        if path:
            self.import_areas(path)


def source_text(found) -> str:
    """Where a figure came from, in a few words for the note beside it."""
    if found is None:
        return "Source: not recorded"
    dated = f", {found.date}" if found.date else ""
    return f"{found.source}{dated}"


def need_text(area) -> str:
    """The note under the need switch: what the shares are, and what is never adjusted."""
    index = adjusted_index(area)
    kept = ("Baseline use per person is not adjusted: need changes how many people are in the groups, not "
            "how much each person uses services.")
    if index is None:
        return f"The long-term condition shares are not adjusted for local need. {kept}"
    found = area.source_of("ltc_share")
    measure = found.source.split(": ", 1)[-1] if found is not None else ""
    return (f"The long-term condition shares are the national defaults x need index {index:.3f}: {measure}. "
            f"{kept} {CENSUS_ATTRIBUTION}")
