"""The detail editor of the selected intervention: every field of ``Intervention``.

Object names: ``interventions.selected.<field>`` for each field (``name``, ``approach``,
``target_group``, ``custom_size``, ``reach``, ``reach.low``, ``reach.high``,
``completion[.low|.high]``, ``cost_per_starter[.low|.high]``, ``fixed_cost``,
``setup_cost``, ``effect_years``, ``drop_off[.low|.high]``, ``deadweight[.low|.high]``,
``attribution``, ``evidence_grade``, ``wellbeing_gain[.low|.high]``,
``volunteer_hours``, ``notes``), and ``interventions.selected.effect`` for the effects
table (a row per service; columns central, low, high in %). They edit
``interventions[k]`` where ``k`` is the row selected in ``interventions.table``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from ..core import APPROACH_LABELS, GROUP_LABELS
from .delegates import NumberDelegate
from .fields import ChoiceCombo, FormBinder, NotesEdit, NumberEdit, TextEdit, source_tooltip
from .forms import FormGrid
from .intervention_models import EffectsModel
from .issues import group_by, mark_widgets
from .paths import value_at

PREFIX = "interventions.selected."
_COMMON_FIELDS = {"fixed_cost", "setup_cost", "deadweight", "attribution"}
_EFFECT = re.compile(r"^interventions\[(\d+)\]\.effect\.(\w+?)(?:\.(low|high))?$")
_FIELD = re.compile(r"^interventions\[(\d+)\]\.(.+)$")


class InterventionEditor(QWidget):
    """Edits one intervention; ``edited(path, value)`` and ``effectEdited(sid, Uncertain)``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("interventions.editor")
        self.index: int | None = None
        self.binder = FormBinder(self._resolve, self)
        self.edited = self.binder.edited
        self.problem = self.binder.problem  # (field, message or None): typed text that is not a number
        self.effects = EffectsModel(self._on_effect_edit, self, on_problem=self.binder.problem.emit)
        self.effect_edit_handler = None
        self.grid = FormGrid(self, self.binder, lambda name: "")
        self._build()

    def _build(self) -> None:
        g, p = self.grid, PREFIX
        g.section("Selected intervention")
        g.wide("&Name:", p + "name", TextEdit())
        g.wide("A&pproach:", p + "approach", ChoiceCombo(APPROACH_LABELS))
        g.wide("&Target group:", p + "target_group", ChoiceCombo(GROUP_LABELS))
        g.single("Custom group si&ze:", p + "custom_size", NumberEdit("persons"),
                 "Eligible people when the target group is 'Custom' [persons]")
        g.section("Scale and cost", with_range_header=True)
        g.uncertain("&Reach per year:", p + "reach", "percent2", "Share of the eligible group starting each year")
        g.uncertain("C&ompletion:", p + "completion", "fraction", "Share of starters who complete")
        g.uncertain("Cost per &starter:", p + "cost_per_starter", "money", "Delivery cost per person who starts [£]")
        g.single("&Fixed cost per year:", p + "fixed_cost", NumberEdit("money"), "Coordination, venues, training [£/yr]")
        g.single("Set-&up cost:", p + "setup_cost", NumberEdit("money"), "One-off, in the first year [£]")
        g.section("Effect on service use (per completer, while the effect lasts)")
        g.widget_row(self._effects_view())
        g.section("Persistence, additionality and evidence", with_range_header=True)
        g.single("Effect &years:", p + "effect_years", NumberEdit("effect_years"), "Years the effect can last")
        g.uncertain("&Drop-off per year:", p + "drop_off", "fraction", "Share of the effect lost each later year")
        g.uncertain("Dead&weight:", p + "deadweight", "fraction", "Share of the change that would happen anyway")
        g.single("Attri&bution:", p + "attribution", NumberEdit("fraction"), "Share of the change due to this intervention")
        g.single("E&vidence grade:", p + "evidence_grade", NumberEdit("whole"),
                 "1 = strong local evidence ... 6 = untested assumption (sets the optimism-bias haircut)")
        g.section("Wellbeing and volunteering", with_range_header=True)
        g.uncertain("Wellbeing &gain:", p + "wellbeing_gain", "points",
                    "Life-satisfaction points (0-10 scale) per completer per year while the effect lasts")
        g.single("Vo&lunteer hours:", p + "volunteer_hours", NumberEdit("hours"), "Hours per starter in their start year")
        notes = g.wide("Not&es:", p + "notes", NotesEdit())
        notes.setFixedHeight(60)
        g.layout.setRowStretch(g.row, 1)

    def _effects_view(self) -> QTableView:
        view = QTableView()
        view.setObjectName(PREFIX + "effect")
        view.setAccessibleName("Effect on each service")
        view.setModel(self.effects)
        view.setItemDelegate(NumberDelegate(view))
        view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setTabKeyNavigation(False)
        self.effects_view = view
        return view

    # -- selection and scenario -> widgets ------------------------------------------------
    def load(self, scenario, index: int | None, live_problems=None) -> None:
        """Show intervention ``index`` of ``scenario`` (disabled when there is none).

        ``live_problems``: the session's entry-problem fields (typed text kept on screen).
        """
        self.index = index if index is not None and 0 <= index < len(scenario.interventions) else None
        self.setEnabled(self.index is not None)
        if live_problems is not None:
            self.effects.entries.refresh(lambda field: value_at(scenario, field), set(live_problems))
        if self.index is None:
            self.effects.set_rows(scenario.services, None)
            return
        self.binder.load(scenario, live_problems)
        intervention = scenario.interventions[self.index]
        self.effects.set_rows(scenario.services, intervention, self.index)
        self._fit_effects_height()
        self._set_source_tooltips(intervention.approach)
        # Only a custom group has a size to type; the others follow from the area.
        self.binder.widgets[PREFIX + "custom_size"].setEnabled(intervention.target_group == "custom")

    def _fit_effects_height(self) -> None:
        view = self.effects_view
        rows = self.effects.rowCount()
        header = view.horizontalHeader().sizeHint().height()
        view.setFixedHeight(header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2)

    def _set_source_tooltips(self, approach: str) -> None:
        for name, widget in self.binder.widgets.items():
            field = name[len(PREFIX):].split(".")[0]
            path = "approach.common" if field in _COMMON_FIELDS else f"approach.{approach}"
            base = source_tooltip(path, widget.property("what") or "")
            widget.setProperty("baseToolTip", base)
            widget.setToolTip(base)

    def show_issues(self, issues) -> None:
        mark_widgets(self.binder.widgets, group_by(issues, self.name_for_field))
        by_cell: dict[tuple[str, str], list] = {}
        for issue in issues:
            match = _EFFECT.match(issue.field)
            if match and self.index is not None and int(match.group(1)) == self.index:
                by_cell.setdefault((match.group(2), match.group(3) or "central"), []).append(issue)
        self.effects.set_issues(by_cell)

    def name_for_field(self, field: str) -> str | None:
        match = _FIELD.match(field)
        if not match or self.index is None or int(match.group(1)) != self.index:
            return None
        name = PREFIX + match.group(2)
        return name if name in self.binder.widgets else None

    # -- widgets -> scenario ------------------------------------------------------------------
    def _resolve(self, name: str) -> str | None:
        if self.index is None:
            return None
        return f"interventions[{self.index}].{name[len(PREFIX):]}"

    def _on_effect_edit(self, service_id: str, value) -> None:
        if self.effect_edit_handler is not None and self.index is not None:
            self.effect_edit_handler(self.index, service_id, value)

