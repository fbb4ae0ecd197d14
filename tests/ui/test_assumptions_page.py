"""Assumptions: unit costs, baseline use with marked assumptions, settings, services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView

from rtv_desktop.core import GROUPS, run, service_catalogue

from .conftest import wait_for_results_of
from rtv_desktop.ui.widgets.fields import NumberEdit


def test_unit_cost_edit_reaches_the_results(qtbot, window):
    view = window.findChild(QTableView, "services.table")
    model = view.model()
    nel = window.session.scenario.service_ids.index("nel")
    assert model.setData(model.index(nel, 1), 3_000.0)
    assert window.session.scenario.services[nel].unit_cost.central == 3_000.0
    results = wait_for_results_of(qtbot, window)
    assert results.summary == run(window.session.scenario).summary
    assert model.index(nel, 1).data() == "£3,000.00"


def test_cashable_share_is_edited_in_percent(window):
    model = window.findChild(QTableView, "services.table").model()
    assert model.setData(model.index(0, 4), 40.0)
    # A cashable share has a range since version 3 (MODEL.md 11b): the cell sets its central value.
    assert window.session.scenario.services[0].cashable_share.central == 0.4


def test_baseline_cells_mark_assumptions_and_edit_the_right_group(window):
    model = window.findChild(QTableView, "baseline_use.table").model()
    ae = window.session.scenario.service_ids.index("ae")
    ltc = GROUPS.index("adults_ltc")
    assumed = model.index(ae, ltc)
    assert "Assumption, editable" in assumed.data(Qt.ItemDataRole.ToolTipRole)
    assert assumed.data(Qt.ItemDataRole.BackgroundRole) is not None
    derived = model.index(window.session.scenario.service_ids.index("gp"), GROUPS.index("all_adults"))
    assert "Assumption" not in derived.data(Qt.ItemDataRole.ToolTipRole)
    assert model.setData(assumed, 1.1)
    assert window.session.scenario.baseline_use["adults_ltc"]["ae"] == 1.1
    assert window.session.scenario.baseline_use["older_people"]["ae"] == 0.53


def test_adding_and_removing_a_catalogue_service(qtbot, window):
    window.findChild(QAction, "action.add_service_ambulance").trigger()
    ids = window.session.scenario.service_ids
    assert ids[-1] == "ambulance"
    catalogue = {s.id: s for s in service_catalogue()}
    assert window.session.scenario.services[-1] == catalogue["ambulance"]
    assert window.findChild(QAction, "action.add_service_ambulance") is None
    asked = []
    window.assumptions_page.confirm_remove = lambda name, users: asked.append((name, users)) or True
    window.assumptions_page.remove_service(ids.index("gp"))
    assert asked and len(asked[0][1]) == 3  # three interventions change GP use: confirmed first
    scenario = window.session.scenario
    assert "gp" not in scenario.service_ids
    assert all(sid != "gp" for iv in scenario.interventions for sid, _ in iv.effect)
    results = wait_for_results_of(qtbot, window)
    assert results.summary == run(scenario).summary


def test_settings_fields_edit_settings(window):
    window.findChild(NumberEdit, "settings.wellby_value.high").setValue(25_000)
    window.findChild(NumberEdit, "settings.optimism_bias[5]").setValue(50.0)
    settings = window.session.scenario.settings
    assert settings.wellby_value.high == 25_000 and settings.optimism_bias[5] == 0.5


def test_invalid_table_cells_are_tinted_with_the_message(window):
    model = window.findChild(QTableView, "services.table").model()
    model.setData(model.index(0, 2), 90.0)  # low above central (£48): the low cell is the one marked
    assert model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is None
    assert "is above the central value (£48)" in model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole)
    assert window.results_page.is_stale


def test_area_and_settings_tooltips_cite_sources(window):
    for name in ("area.population", "area.ltc_share", "settings.wellby_value", "settings.discount_rate"):
        assert "Source:" in window.findChild(NumberEdit, name).toolTip(), name
