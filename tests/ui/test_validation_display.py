"""Invalid input is highlighted at its field, listed, and not computed."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget

from .conftest import wait_for_results_of
from rtv_desktop.ui.widgets.fields import NumberEdit


def test_invalid_share_is_marked_listed_and_not_computed(qtbot, window):
    submitted = []
    window.runner.submit = lambda d, k=0: submitted.append(d)
    over65 = window.findChild(NumberEdit, "area.over65_share")
    over65.setValue(90.0)  # more people aged 65+ than adults (79.2%)
    assert over65.property("invalid") == "error"
    assert "cannot exceed the share of adults (18+)" in over65.toolTip()
    issues = window.findChild(QListWidget, "issues.list")
    assert issues.isVisibleTo(window)
    assert any("Aged 65+ cannot exceed the share of adults (18+)" in issues.item(k).text()
               for k in range(issues.count()))
    assert window.results_page.is_stale
    assert window.session.results is None
    window.compute.compute_now()
    assert submitted == []
    assert not window.compute.simulate.isEnabled()


def test_fixing_the_value_clears_the_mark_and_recomputes(qtbot, window):
    over65 = window.findChild(NumberEdit, "area.over65_share")
    over65.setValue(90.0)
    over65.setValue(20.0)
    assert over65.property("invalid") == ""
    results = wait_for_results_of(qtbot, window)
    assert results.scenario.area.over65_share == 0.2
    qtbot.waitUntil(lambda: not window.results_page.is_stale)
    assert not window.issues_list.isVisibleTo(window)


def test_low_above_central_marks_the_low_field_that_is_wrong(qtbot, window):
    """The end that is out of order is outlined, not only the central value."""
    window.interventions_page.select(1)
    low = window.findChild(NumberEdit, "interventions.selected.cost_per_starter.low")
    low.setValue(900.0)
    central = window.findChild(NumberEdit, "interventions.selected.cost_per_starter")
    assert [i.field for i in window.session.issues if i.severity == "error"] == [
        "options[0].interventions[1].cost_per_starter.low"]
    assert low.property("invalid") == "error" and central.property("invalid") == ""
    assert "is above the central value (£150)" in low.toolTip() and "it is £900" in low.toolTip()
    model = window.interventions_page.model
    assert model.index(1, 0).data(0x8) is not None  # BackgroundRole: the row is tinted
    window.interventions_page.select(0)
    assert low.property("invalid") == ""


def test_clicking_an_issue_shows_its_field(qtbot, window):
    window.findChild(NumberEdit, "area.multimorbid_share").setValue(60.0)
    window.pages.setCurrentIndex(0)
    item = window.issues_list.item(0)
    window.issues_list.itemClicked.emit(item)
    assert window.pages.currentWidget() is window.area_page
