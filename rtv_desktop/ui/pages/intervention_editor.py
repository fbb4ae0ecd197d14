"""The detail editor of the selected intervention: every declared field of ``Intervention``.

The rows are laid out from the declarations (:mod:`rtv_desktop.ui.widgets.declared_form`), so a new
input appears here by itself. Object names: ``interventions.selected.<field>`` for each field
(``.low`` and ``.high`` for the ends of an uncertain one); two fields have a shape of their
own: ``interventions.selected.effect`` is the effects table (a row per service; central, low,
high in %) and ``interventions.selected.funding.<party>`` the funding share of each funder,
with ``interventions.selected.funding.total`` saying what they add up to. They edit the
document path ``options[k].interventions[i]``: ``k`` the open option, ``i`` the row selected in
``interventions.table``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from ...core import FUNDERS, PARTY_LABELS, Intervention, Spec, source_for
from ..widgets.declared_form import DeclaredForm
from ..widgets.evidence_picker import EvidencePicker
from ..widgets.delegates import NumberDelegate, reading_note
from ..widgets.fields import FormBinder, NumberEdit, source_tooltip
from ..widgets.forms import FormGrid
from ..models.interventions import EffectsModel
from ..widgets.issues import group_by, mark_widgets
from ...core.edits import intervention_path, value_at

PREFIX = "interventions.selected."
SECTION_TITLES = {
    "about": "Selected intervention",
    "scale": "Scale and cost",
    "effect": "Effect on service use (per completer, while the effect lasts)",
    "evidence": "Persistence, additionality and evidence",
    "outcomes": "Outcomes: wellbeing, health and volunteering",
    "notes": None,
}
EVIDENCE_TITLE = "Evidence: the studies behind these figures"
FUNDER_SHORT = {"vcse": "VCSE"}  # the sector's usual short name keeps the label column narrow
_ROW = r"^options\[(\d+)\]\.interventions\[(\d+)\]"
_EFFECT = re.compile(_ROW + r"\.effect\.(\w+?)(?:\.(low|high))?$")
_FIELD = re.compile(_ROW + r"\.(.+)$")
_SHARES_TOTAL = re.compile(_ROW + r"\.funding$")


class InterventionEditor(QWidget):
    """Edits one intervention; ``edited(path, value)`` and ``effectEdited(sid, Uncertain)``."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("interventions.editor")
        self.option = 0
        self.index: int | None = None
        self._intervention: Intervention | None = None
        self.binder = FormBinder(self._resolve, self)
        self.edited = self.binder.edited
        self.problem = self.binder.problem  # (field, message or None): typed text that is not a number
        self.effects = EffectsModel(self._on_effect_edit, self, on_problem=self.binder.problem.emit)
        self.effect_edit_handler = None
        self.grid = FormGrid(self, self.binder, lambda name: "")
        self.form = DeclaredForm(self.grid, Intervention, PREFIX, SECTION_TITLES, hidden=("id",),
                                 special={"effect": self._effects_row, "funding": self._funding_rows})
        self.form.build()
        self.grid.section(EVIDENCE_TITLE)
        self.evidence = EvidencePicker(self)
        self.grid.widget_row(self.evidence, 6)
        self.grid.layout.setRowStretch(self.grid.row, 1)

    def _effects_row(self, spec: Spec) -> None:
        self.grid.widget_row(self._effects_view())
        self.effects_note = reading_note(self.effects, PREFIX + "effect.reading_note")
        self.grid.widget_row(self.effects_note)

    def _funding_rows(self, spec: Spec) -> None:
        """A share for each funder, and what they add up to (the core's message when not 100%)."""
        g = self.grid
        heading = QLabel(f"{spec.label} by funder ({spec.help[0].lower()}{spec.help[1:]}):")
        heading.setWordWrap(True)
        g.widget_row(heading)
        self.funding_edits: dict[str, NumberEdit] = {}
        for party in FUNDERS:
            name = f"{PREFIX}funding.{party}"
            edit = g.single(f"    {FUNDER_SHORT.get(party, PARTY_LABELS[party].split(' (')[0])}:", name,
                            NumberEdit(spec.kind),
                            f"{PARTY_LABELS[party]}: {spec.unit}")
            self.funding_edits[party] = edit
        self.funding_total = QLabel()
        self.funding_total.setObjectName(PREFIX + "funding.total")
        self.funding_total.setWordWrap(True)
        self.funding_total.setProperty("role", "note")
        g.layout.addWidget(self.funding_total, g.row, 1, 1, 4)
        g.row += 1
        self._funding_spec = spec

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

    # -- selection and document -> widgets ------------------------------------------------
    def load(self, document, option: int, index: int | None, live_problems=None, typed_over=()) -> None:
        """Show intervention ``index`` of ``document``'s option ``option`` (disabled when there is none).

        ``live_problems``: the session's entry-problem fields (typed text kept on screen);
        ``typed_over``: outcomes whose study figure was just typed over (the evidence panel says so).
        """
        interventions = document.options[option].interventions if document.options else ()
        self.option = option
        self.index = index if index is not None and 0 <= index < len(interventions) else None
        self.setEnabled(self.index is not None)
        if live_problems is not None:
            self.effects.entries.refresh(lambda field: value_at(document, field), set(live_problems))
        if self.index is None:
            self.effects.set_rows(document.services, None)
            return
        self.binder.load(document, live_problems)
        intervention = self._intervention = interventions[self.index]
        self.effects.set_rows(document.services, intervention, intervention_path(option, self.index))
        self._fit_effects_height()
        self._set_source_tooltips(intervention.approach)
        self._show_funding_total(intervention, None)
        self.evidence.show_for(intervention, {svc.id: svc.name for svc in document.services}, list(typed_over),
                               document)
        # Only a custom group has a size to type; the others follow from the area.
        self.binder.widgets[PREFIX + "custom_size"].setEnabled(intervention.target_group == "custom")

    def _fit_effects_height(self) -> None:
        view = self.effects_view
        rows = self.effects.rowCount()
        header = view.horizontalHeader().sizeHint().height()
        view.setFixedHeight(header + rows * view.verticalHeader().defaultSectionSize() + 2 * view.frameWidth() + 2)

    def _set_source_tooltips(self, approach: str) -> None:
        """Each field cites the source of its default for this approach (or the approach's)."""
        for name, widget in self.binder.widgets.items():
            field = name[len(PREFIX):].split(".")[0]
            path = f"approach.{approach}.{field}"
            base = source_tooltip(path if source_for(path) else f"approach.{approach}", widget.property("what") or "")
            widget.setProperty("baseToolTip", base)
            widget.setToolTip(base)

    def _show_funding_total(self, intervention, problem) -> None:
        """What the funding shares add up to; the validation's message when it is not 100%."""
        if problem is not None:
            self.funding_total.setText(f"\u26a0 Funding shares {problem.message}.")
            self.funding_total.setProperty("role", "problem")
        else:
            total = sum(share for _party, share in intervention.funding) if intervention is not None else 1.0
            self.funding_total.setText(f"Total {self._funding_spec.show(total)}")
            self.funding_total.setProperty("role", "note")
        self.funding_total.style().unpolish(self.funding_total)
        self.funding_total.style().polish(self.funding_total)

    def show_issues(self, issues) -> None:
        by_name = group_by(issues, self.name_for_field)
        total = [issue for issue in issues if self._is_own(_SHARES_TOTAL.match(issue.field))]
        for edit in self.funding_edits.values():  # shares that do not add up: every share is in question
            if total:
                by_name.setdefault(edit.objectName(), []).extend(total)
        mark_widgets(self.binder.widgets, by_name)
        if self.index is not None:
            self._show_funding_total(None if total else self._intervention, total[0] if total else None)
        by_cell: dict[tuple[str, str], list] = {}
        for issue in issues:
            match = _EFFECT.match(issue.field)
            if self._is_own(match):
                by_cell.setdefault((match.group(3), match.group(4) or "central"), []).append(issue)
        self.effects.set_issues(by_cell)

    def _is_own(self, match) -> bool:
        """True when a path matched with the option and row numbers first is about the row shown."""
        return (bool(match) and self.index is not None and int(match.group(1)) == self.option
                and int(match.group(2)) == self.index)

    def name_for_field(self, field: str) -> str | None:
        match = _FIELD.match(field)
        if not self._is_own(match):
            return None
        name = PREFIX + match.group(3)
        return name if name in self.binder.widgets else None

    # -- widgets -> document ------------------------------------------------------------------
    def _resolve(self, name: str) -> str | None:
        if self.index is None:
            return None
        return intervention_path(self.option, self.index, name[len(PREFIX):])

    def _on_effect_edit(self, service_id: str, value) -> None:
        if self.effect_edit_handler is not None and self.index is not None:
            self.effect_edit_handler(self.index, service_id, value)

