"""The inputs of the QALY lens, cost optimism bias, funding, correlation and organisations edit the document."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QTableView

from rtv_desktop.ui.widgets.fields import NumberEdit


def edit(window, name) -> NumberEdit:
    found = window.findChild(NumberEdit, name)
    assert found is not None, name
    return found


def test_cost_grade_and_qaly_gain_edit_the_selected_intervention(window):
    window.interventions_page.select(1)
    edit(window, "interventions.selected.cost_grade").setValue(4)
    edit(window, "interventions.selected.qaly_gain.low").setValue(0.005)
    edit(window, "interventions.selected.qaly_gain").setValue(0.01)
    edit(window, "interventions.selected.qaly_gain.high").setValue(0.03)
    iv = window.session.scenario.interventions[1]
    assert iv.cost_grade == 4
    assert (iv.qaly_gain.low, iv.qaly_gain.central, iv.qaly_gain.high) == (0.005, 0.01, 0.03)
    grade = edit(window, "interventions.selected.cost_grade")
    grade.setValue(7)
    assert grade.property("invalid") == "error" and "from 1 to 6" in grade.toolTip()
    assert window.session.scenario.interventions[1].cost_grade == 7  # kept as typed, reported


def test_funding_shares_that_do_not_add_up_are_outlined_with_the_message(window):
    window.interventions_page.select(0)
    names = [f"interventions.selected.funding.{p}" for p in ("nhs", "council", "vcse", "other")]
    total = window.findChild(QLabel, "interventions.selected.funding.total")
    assert total.text() == "Total 100%"
    edit(window, names[0]).setValue(60)  # self-management: 80% NHS, 10% council, 5% VCSE, 5% other
    assert dict(window.session.scenario.interventions[0].funding) == pytest.approx(
        {"nhs": 0.6, "council": 0.1, "vcse": 0.05, "other": 0.05})
    assert all(edit(window, name).property("invalid") == "error" for name in names)
    assert "add up to 80%; they must add up to 100%" in total.text()
    assert "must add up to 100%" in edit(window, names[2]).toolTip()
    assert not window.session.is_runnable()
    edit(window, names[1]).setValue(20)
    edit(window, names[2]).setValue(10)
    edit(window, names[3]).setValue(10)
    assert dict(window.session.scenario.interventions[0].funding) == pytest.approx(
        {"nhs": 0.6, "council": 0.2, "vcse": 0.1, "other": 0.1})
    assert all(edit(window, name).property("invalid") == "" for name in names)
    assert total.text() == "Total 100%" and window.session.is_runnable()


def test_valuation_and_simulation_settings_edit_the_document(window):
    edit(window, "settings.correlation").setValue(30)
    edit(window, "settings.qaly_threshold").setValue(30000)
    edit(window, "settings.qaly_discount_rate").setValue(1.5)
    volunteer = window.findChild(QComboBox, "settings.volunteer_time")
    assert [volunteer.itemData(k) for k in range(volunteer.count())] == ["benefit", "cost", "excluded"]
    volunteer.setCurrentIndex(volunteer.findData("cost"))
    settings = window.session.document.settings
    assert (settings.correlation, settings.qaly_threshold, settings.qaly_discount_rate, settings.volunteer_time) \
        == (0.3, 30000, 0.015, "cost")
    correlation = edit(window, "settings.correlation")
    correlation.setValue(150)
    assert correlation.property("invalid") == "error" and "from 0% to 100%" in correlation.toolTip()


def test_a_service_can_be_given_any_organisation(window):
    view = window.findChild(QTableView, "services.table")
    model = view.model()
    column = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())].index(
        "Organisation")
    assert model.index(0, column).data() == "NHS"
    delegate = view.itemDelegateForColumn(column)
    editor = delegate.createEditor(view.viewport(), None, model.index(0, column))
    assert [editor.itemData(k) for k in range(editor.count())] == ["nhs", "council", "vcse", "other"]
    delegate.setEditorData(editor, model.index(0, column))
    assert editor.currentData() == "nhs"
    editor.setCurrentIndex(editor.findData("vcse"))
    delegate.setModelData(editor, model, model.index(0, column))
    assert window.session.scenario.services[0].party == "vcse"
    assert model.index(0, column).data() == "Voluntary and community sector"
    assert not model.setData(model.index(0, column), "residents")  # receives value, bears no service cost
    window.session.undo()
    assert window.session.scenario.services[0].party == "nhs"


def test_social_care_services_are_offered_for_the_council_and_flagged_to_fill_in(window):
    page = window.assumptions_page
    menu = page.add_service_menu
    sections = [a.text() for a in menu.actions() if a.isSeparator() and a.text()]
    assert sections[:2] == ["NHS (ICB and NHS providers)", "Council (social care, public health)"]
    council = [a.objectName() for a in menu.actions()][[a.text() for a in menu.actions()].index(sections[1]):]
    assert {"action.add_service_home_care", "action.add_service_residential_week",
            "action.add_service_nursing_week", "action.add_service_reablement"} <= set(council)
    window.findChild(QAction, "action.add_service_home_care").trigger()
    service = window.session.scenario.services[-1]
    assert service.id == "home_care" and service.party == "council"
    baseline = window.findChild(QTableView, "baseline_use.table").model()
    row = len(window.session.scenario.services) - 1
    assert all("to fill in" in baseline.index(row, k).data() for k in range(baseline.columnCount()))
