"""Area & population: pick a bundled ONS area or type your own figures.

Object names: ``area.search`` (type-to-search box), ``area.<field>`` for every ``Area``
field, ``groups.<group>`` for the derived target-group sizes (read-only labels).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QScrollArea, QWidget

from ..core import GROUP_LABELS
from ..io.areas import ONS_ATTRIBUTION, bundled_areas
from ..session import Session
from .fields import FormBinder, TextEdit, ValueSpin
from .forms import FormGrid
from .issues import group_by, mark_widgets
from .paths import edit_label, with_value


class AreaPage(QScrollArea):
    """The area's population and shares, with live target-group sizes."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("page.area")
        self.setWidgetResizable(True)
        self.session = session
        self.binder = FormBinder(parent=self)
        self._records = {record.label: record for record in bundled_areas()}
        body = QWidget()
        self.grid = FormGrid(body, self.binder)
        self._build()
        self.setWidget(body)
        self.binder.edited.connect(self._on_edited)
        session.scenarioChanged.connect(self.load)
        session.issuesChanged.connect(self.show_issues)
        self.load(session.scenario)
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
        self.search.setPlaceholderText("Type to search 42 ICBs and 153 upper-tier local authorities")
        completer = QCompleter(list(self._records), self.search)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setMaxVisibleItems(12)
        completer.activated.connect(self.choose_area)
        self.search.setCompleter(completer)
        self.search.returnPressed.connect(lambda: self.choose_area(self.search.text()))
        caption = QLabel("&Find area:")
        caption.setBuddy(self.search)
        g.layout.addWidget(caption, g.row, 0)
        g.layout.addWidget(self.search, g.row, 1, 1, 4)
        g.row += 1
        self.attribution = QLabel(ONS_ATTRIBUTION)
        self.attribution.setWordWrap(True)
        self.attribution.setProperty("role", "note")
        g.widget_row(self.attribution)

    def _build_fields(self) -> None:
        g = self.grid
        g.section("Population")
        g.wide("Area &name:", "area.area_name", TextEdit())
        g.wide("ONS &code:", "area.area_code", TextEdit(), "Optional ONS or ODS code")
        g.single("&Population (all ages):", "area.population", ValueSpin("persons"), "Residents [persons]", note=" ")
        g.single("&Adults (18+):", "area.adult_share", ValueSpin("fraction"), "Share of the population aged 18+")
        g.single("Aged &65+:", "area.over65_share", ValueSpin("fraction"), "Share of the population aged 65+")
        g.single("Adults with a &long-term condition:", "area.ltc_share", ValueSpin("fraction"),
                 "Share of adults with one or more long-term conditions")
        g.single("Adults with 2+ LTCs (&multimorbid):", "area.multimorbid_share", ValueSpin("fraction"),
                 "Share of adults with two or more long-term conditions")
        self.reference_note = g.notes["area.population"]

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
    def load(self, scenario) -> None:
        self.binder.load(scenario)
        area = scenario.area
        period = area.reference_period or "typed in"
        self.reference_note.setText(f"Reference period: {period}")
        for group, size in area.group_sizes().items():
            self.group_labels[group].setText(f"{size:,.0f} people")

    def show_issues(self, issues) -> None:
        mark_widgets(self.binder.widgets, group_by(issues, self.name_for_field))

    def name_for_field(self, field: str) -> str | None:
        return field if field in self.binder.widgets else None

    # -- widgets -> model -----------------------------------------------------------------
    def _on_edited(self, path: str, value) -> None:
        scenario = with_value(self.session.scenario, path, value)
        self.session.set_scenario(scenario, edit_label(path), merge_key=path)

    def choose_area(self, label: str) -> bool:
        """Fill the area from the bundled record labelled ``label`` (LTC shares kept)."""
        record = self._records.get(label)
        if record is None:
            return False
        scenario = self.session.scenario
        new_area = record.apply_to(scenario.area)
        self.session.set_scenario(replace(scenario, area=new_area), f"Choose {record.name}")
        with QSignalBlocker(self.search):
            self.search.clear()
        return True
