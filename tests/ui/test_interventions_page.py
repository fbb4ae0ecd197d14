"""The intervention mix: add from presets, duplicate, remove, reorder, edit the selected row."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QTableView

from rtv_desktop.core import Uncertain, approach_preset, blank_scenario, run

from .conftest import wait_for_results_of
from rtv_desktop.ui.widgets.fields import NumberEdit


def names(window):
    return [iv.name for iv in window.session.scenario.interventions]


def click(qtbot, window, name):
    qtbot.mouseClick(window.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def test_add_from_each_preset_appends_and_selects_it(qtbot, make_window):
    window = make_window(blank_scenario(), wait_for_results=False)
    page = window.interventions_page
    for approach in ("social_prescribing", "peer_support", "custom"):
        window.findChild(QAction, f"action.add_{approach}").trigger()
        assert window.session.scenario.interventions[-1] == approach_preset(approach)
        assert page.selected == len(window.session.scenario.interventions) - 1
    table = window.findChild(QTableView, "interventions.table")
    assert table.model().rowCount() == 3
    assert table.model().index(0, 0).data() == approach_preset("social_prescribing").name


def test_duplicate_remove_and_reorder(qtbot, window):
    page = window.interventions_page
    start = names(window)
    page.select(1)
    click(qtbot, window, "interventions.duplicate")
    assert names(window) == start[:2] + [f"{start[1]} (copy)"] + start[2:]
    assert page.selected == 2
    click(qtbot, window, "interventions.up")
    assert names(window)[1] == f"{start[1]} (copy)" and names(window)[2] == start[1]
    assert page.selected == 1
    click(qtbot, window, "interventions.down")
    click(qtbot, window, "interventions.down")
    assert names(window)[3] == f"{start[1]} (copy)"
    click(qtbot, window, "interventions.remove")
    assert names(window) == start
    page.select(0)
    assert not window.findChild(QPushButton, "interventions.up").isEnabled()


def test_results_follow_a_removed_intervention(qtbot, window):
    window.interventions_page.select(0)
    click(qtbot, window, "interventions.remove")
    results = wait_for_results_of(qtbot, window)
    assert len(results.scenario.interventions) == 5
    assert results.summary == run(window.session.scenario).summary


def test_detail_editor_edits_the_selected_row(qtbot, window):
    page = window.interventions_page
    page.select(2)
    reach_high = window.findChild(NumberEdit, "interventions.selected.reach.high")
    reach_high.setValue(2.5)
    assert window.session.scenario.interventions[2].reach.high == 0.025
    target = window.findChild(QComboBox, "interventions.selected.target_group")
    target.setCurrentIndex(target.findData("older_people"))
    assert window.session.scenario.interventions[2].target_group == "older_people"
    page.select(0)
    assert reach_high.value() == window.session.scenario.interventions[0].reach.high * 100


def test_effects_table_edits_low_central_high(qtbot, window):
    window.interventions_page.select(0)
    view = window.findChild(QTableView, "interventions.selected.effect")
    model = view.model()
    services = window.session.scenario.service_ids
    row = services.index("gp")
    assert window.session.scenario.interventions[0].evidence_for("service:gp") == "kennedy-2007-gp"
    assert model.setData(model.index(row, 3), 12.0)  # high, in %
    edited = window.session.scenario.interventions[0]
    assert dict(edited.effect)["gp"] == Uncertain(0.0, -0.10, 0.12)
    assert model.index(row, 3).data() == "12.0%"
    # Typed over the study's figure: a local figure, no longer cited, and the evidence panel says so.
    assert edited.evidence_for("service:gp") == ""
    status = window.findChild(QLabel, "interventions.selected.evidence.status").text()
    assert "GP consultation (surgery) is now your own figure" in status


def test_tooltips_cite_the_approach_source(window):
    window.interventions_page.select(5)
    reach = window.findChild(NumberEdit, "interventions.selected.reach")
    assert "Source:" in reach.toolTip()
    deadweight = window.findChild(NumberEdit, "interventions.selected.deadweight")
    assert "Assumption" in deadweight.toolTip() or "Source:" in deadweight.toolTip()


def test_keyboard_removes_and_reorders_the_selected_row(qtbot, window):
    view = window.findChild(QTableView, "interventions.table")
    window.pages.setCurrentWidget(window.interventions_page)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    window.interventions_page.select(1)
    start = names(window)
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names(window)[0] == start[1]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert names(window) == start[:1] + start[2:]


def test_the_mix_table_names_a_problem_in_the_words_of_the_screen(window):
    scenario = window.session.scenario
    first = scenario.interventions[0]
    wrong = replace(first, reach=Uncertain(0.5, 1.5, 0.9))
    session = window.session
    session.set_document(session.document.with_interventions(session.option, (wrong,) + scenario.interventions[1:]))
    table = window.findChild(QTableView, "interventions.table")
    tip = table.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(first.name) and "Reach" in tip and "interventions[" not in tip
