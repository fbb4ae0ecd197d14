"""Services: removing one in use asks first, new services are flagged to fill in, your own service."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView

from rtv_desktop.core import validate


def test_removing_a_service_in_use_asks_and_cancel_keeps_everything(window):
    before = window.session.scenario
    asked = []
    window.assumptions_page.confirm_remove = lambda name, users: asked.append((name, users)) or False
    window.assumptions_page.remove_service(before.service_ids.index("nel"))
    assert window.session.scenario == before
    name, users = asked[0]
    assert name == "Non-elective admission" and set(users) <= {iv.name for iv in before.interventions} and users


def test_a_service_nobody_uses_goes_without_asking(window):
    window.findChild(QAction, "action.add_service_ambulance").trigger()
    window.assumptions_page.confirm_remove = lambda name, users: (_ for _ in ()).throw(AssertionError("asked"))
    window.assumptions_page.remove_service(window.session.scenario.service_ids.index("ambulance"))
    assert "ambulance" not in window.session.scenario.service_ids


def test_a_new_service_without_shipped_baseline_is_flagged_to_fill_in(window):
    window.findChild(QAction, "action.add_service_cmh").trigger()
    view = window.findChild(QTableView, "baseline_use.table")
    row = window.session.scenario.service_ids.index("cmh")
    cell = view.model().index(row, 0)
    assert "to fill in" in cell.data(Qt.ItemDataRole.DisplayRole)
    assert "To fill in" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None
    gp = view.model().index(window.session.scenario.service_ids.index("gp"), 0)
    assert "to fill in" not in gp.data(Qt.ItemDataRole.DisplayRole)


def test_your_own_service_can_be_added(window):
    window.assumptions_page.ask_service_name = lambda: "Community pharmacy"
    menu_names = [a.objectName() for a in window.assumptions_page.add_service_menu.actions()]
    assert "action.add_service_custom" in menu_names
    window.findChild(QAction, "action.add_service_custom").trigger()
    service = window.session.scenario.services[-1]
    assert (service.id, service.name) == ("community_pharmacy", "Community pharmacy")
    assert not [i for i in validate(window.session.scenario) if i.severity == "error"]
    window.findChild(QAction, "action.add_service_custom").trigger()
    assert window.session.scenario.services[-1].id == "community_pharmacy_2"
