"""What is typed stays as typed: out-of-range numbers go to validation, non-numbers are reported.

Every numeric field and table cell: area, intervention editor, effects, services, baseline,
settings, iterations and seed. Nothing is clamped, truncated or silently rewritten.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QStyleOptionViewItem, QTableView, QWidget

from rtv_desktop.core import GROUPS


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Select what the field shows and type ``text`` over it, key by key."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def type_in_cell(qtbot, view: QTableView, row: int, column: int, text: str) -> None:
    """Edit a table cell through its own delegate, as a double click and typing would."""
    index = view.model().index(row, column)
    delegate = view.itemDelegateForIndex(index)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    delegate.setModelData(editor, view.model(), index)
    editor.deleteLater()


def field(window, name) -> QLineEdit:
    widget = window.findChild(QWidget, name)
    assert widget is not None, name
    return widget


def listed(window) -> list[str]:
    issues = window.findChild(QListWidget, "issues.list")
    return [issues.item(k).data(Qt.ItemDataRole.UserRole) for k in range(issues.count())]


@pytest.mark.parametrize("name, typed, path_value", [
    ("area.adult_share", "150", ("area", "adult_share", 1.5)),
    ("area.population", "-5000", ("area", "population", -5000)),
    ("settings.iterations", "99,999,999", ("settings", "iterations", 99_999_999)),
    ("settings.seed", "-1", ("settings", "seed", -1)),
    ("settings.horizon_years", "40", ("settings", "horizon_years", 40)),
    ("settings.discount_rate", "75", ("settings", "discount_rate", 0.75)),
])
def test_out_of_range_numbers_reach_validation_as_typed(qtbot, window, name, typed, path_value):
    widget = field(window, name)
    type_into(qtbot, widget, typed)
    assert widget.text() == typed
    record, attribute, value = path_value
    assert getattr(getattr(window.session.scenario, record), attribute) == pytest.approx(value)
    assert widget.property("invalid") == "error"
    assert name in listed(window)
    assert window.results_page.is_stale and not window.compute.simulate.isEnabled()


def test_intervention_fields_keep_what_is_typed(qtbot, window):
    window.interventions_page.select(0)
    reach = field(window, "interventions.selected.reach")
    type_into(qtbot, reach, "150")
    assert reach.text() == "150"
    assert window.session.scenario.interventions[0].reach.central == pytest.approx(1.5)
    grade = field(window, "interventions.selected.evidence_grade")
    type_into(qtbot, grade, "9")
    assert grade.text() == "9" and window.session.scenario.interventions[0].evidence_grade == 9
    assert {"options[0].interventions[0].reach", "options[0].interventions[0].evidence_grade"} <= set(listed(window))


@pytest.mark.parametrize("name, typed", [("area.population", "12a"), ("area.adult_share", "-"),
                                         ("settings.seed", "1e"), ("settings.wellby_value.low", "£")])
def test_text_that_is_not_a_number_stays_shown_and_listed_and_nothing_is_computed(qtbot, window, name, typed):
    before = window.session.scenario
    widget = field(window, name)
    widget.setFocus()
    widget.selectAll()
    widget.insert(typed)  # pasted in one go
    assert widget.text() == typed
    assert window.session.scenario == before  # the scenario keeps its last number
    assert widget.property("invalid") == "error" and "is not a number" in widget.toolTip()
    assert name in listed(window)
    assert window.results_page.is_stale and not window.compute.simulate.isEnabled()
    submitted = []
    window.runner.submit = lambda *args, **kwargs: submitted.append(args)
    qtbot.wait(300)  # longer than the debounce: still nothing computed
    assert submitted == []


def test_a_bad_entry_survives_other_edits_and_clears_when_a_number_is_typed(qtbot, window):
    population = field(window, "area.population")
    type_into(qtbot, population, "12a")
    type_into(qtbot, field(window, "area.ltc_share"), "35")
    assert population.text() == "12a" and "area.population" in listed(window)
    type_into(qtbot, population, "500000")
    assert window.session.scenario.area.population == 500_000
    assert "area.population" not in listed(window) and population.property("invalid") == ""
    qtbot.waitUntil(lambda: not window.results_page.is_stale, timeout=10_000)


def test_new_lets_go_of_a_bad_entry(qtbot, window):
    population = field(window, "area.population")
    type_into(qtbot, population, "lots")
    window.documents.new_document()
    assert population.text() == "1,000,000" and window.session.issues == []


def test_effect_cells_keep_what_is_typed(qtbot, window):
    window.interventions_page.select(0)
    view = window.findChild(QTableView, "interventions.selected.effect")
    model = view.model()
    gp = window.session.scenario.service_ids.index("gp")
    type_in_cell(qtbot, view, gp, 1, "150")
    assert dict(window.session.scenario.interventions[0].effect)["gp"].central == pytest.approx(1.5)
    assert "options[0].interventions[0].effect.gp" in listed(window)
    before = window.session.scenario
    type_in_cell(qtbot, view, gp, 2, "abc")
    assert model.index(gp, 2).data() == "abc" and window.session.scenario == before
    assert "options[0].interventions[0].effect.gp.low" in listed(window)


def test_services_and_baseline_cells_keep_what_is_typed(qtbot, window):
    services = window.findChild(QTableView, "services.table")
    type_in_cell(qtbot, services, 0, 4, "150")
    assert window.session.scenario.services[0].cashable_share.central == pytest.approx(1.5)  # a range since v3
    type_in_cell(qtbot, services, 0, 1, "-20")
    assert window.session.scenario.services[0].unit_cost.central == -20
    baseline = window.findChild(QTableView, "baseline_use.table")
    type_in_cell(qtbot, baseline, 0, 0, "-1")
    assert window.session.scenario.services[0].baseline[0].central == -1  # a range since version 3
    assert baseline.model().index(0, 0).data() == "-1.00"
    service = window.session.scenario.services[1].id
    before = window.session.scenario
    type_in_cell(qtbot, baseline, 1, 2, "two")
    assert baseline.model().index(1, 2).data() == "two" and window.session.scenario == before
    assert {"services[0].cashable_share", "services[0].unit_cost", f"baseline_use.{GROUPS[0]}.{window.session.scenario.services[0].id}",
            f"baseline_use.{GROUPS[2]}.{service}"} <= set(listed(window))
    assert window.results_page.is_stale


def pass_through_cell(view: QTableView, row: int, column: int) -> None:
    """Open a cell's editor and leave it without typing, as arrowing through the table does."""
    index = view.model().index(row, column)
    delegate = view.itemDelegateForIndex(index)
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    delegate.setEditorData(editor, index)
    delegate.setModelData(editor, view.model(), index)
    editor.deleteLater()


def test_passing_through_a_cell_keeps_its_full_precision_and_is_no_edit(qtbot, window):
    document = window.session.document
    first = document.services[0]
    precise = replace(first, unit_cost=replace(first.unit_cost, central=117.57142612345))
    window.session.set_document(replace(document, services=(precise,) + document.services[1:]), "Rebase")
    window.session.history.break_merge()
    undo_label, document = window.session.history.undo_label(), window.session.document
    services = window.findChild(QTableView, "services.table")
    for column in range(1, services.model().columnCount()):
        pass_through_cell(services, 0, column)
    assert window.session.scenario.services[0].unit_cost.central == 117.57142612345
    assert window.session.document is document and window.session.history.undo_label() == undo_label
