"""Change price year: the factor is shown before it is applied; money inputs change in one undoable step."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from rtv_desktop.core import bundled_deflator, default_document
from rtv_desktop.ui.dialogs.rebase import RebaseDialog

DEFLATOR_2020 = 85.2137  # HM Treasury GDP deflator, calendar 2020 (2024 = 100), bundled
DEFLATOR_2024 = 100.0


def ok_button(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_the_factor_of_a_bundled_year_is_shown_before_anything_changes(qtbot, window):
    before = window.session.document
    dialog = RebaseDialog(before, window)
    qtbot.addWidget(dialog)
    assert "calendar year it starts in (2024)" in dialog.findChildren(QLabel)[0].text()
    assert not ok_button(dialog).isEnabled()
    dialog.target.setText("2020/21")
    factor = DEFLATOR_2020 / DEFLATOR_2024
    shown = dialog.findChild(QLabel, "rebase.factor").text()
    assert f"multiplied by {factor:.4f}" in shown and f"£{1000 * factor:,.2f}" in shown
    assert "(calendar 2020)" in shown  # a financial year is converted with its first calendar year
    assert ok_button(dialog).isEnabled() and not dialog.findChild(QWidget, "rebase.target_value").isVisibleTo(dialog)
    assert window.session.document == before  # nothing is applied until asked
    dialog.target.setText("twenty")
    assert "is not a year" in dialog.findChild(QLabel, "rebase.problem").text() and not ok_button(dialog).isEnabled()
    dialog.target.setText("2024/25")
    assert "already" in dialog.findChild(QLabel, "rebase.problem").text()


def test_a_later_year_needs_its_deflator_and_source_typed(qtbot, window):
    dialog = RebaseDialog(window.session.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.target.setText("2026/27")
    value, source = dialog.findChild(QWidget, "rebase.target_value"), dialog.findChild(QWidget, "rebase.target_source")
    assert value.isVisible() and source.isVisible()
    assert "Type the deflator for 2026/27" in dialog.problem.text() and dialog.request() is None
    value.setText("104.9")
    assert "comes from" in dialog.problem.text() and not ok_button(dialog).isEnabled()
    source.setText("HM Treasury GDP deflator forecast, March 2026")
    target, bundled_source = dialog.request()
    assert (target.year, target.value, target.source) == ("2026/27", 104.9, "HM Treasury GDP deflator forecast, "
                                                                             "March 2026")
    assert bundled_source is None  # 2024/25 is in the bundled series
    assert "multiplied by 1.0490" in dialog.factor.text()


def test_rebasing_multiplies_money_inputs_and_is_undone_in_one_step(window):
    session, page = window.session, window.assumptions_page
    before = session.document
    page.ask_rebase = lambda doc: _fill(RebaseDialog(doc, window), "2020")
    window.findChild(QAction, "action.rebase").trigger()
    after = session.document
    factor = DEFLATOR_2020 / DEFLATOR_2024
    assert after.settings.price_year == "2020"
    assert after.services[0].unit_cost.central == pytest.approx(before.services[0].unit_cost.central * factor)
    assert after.services[3].unit_cost.high == pytest.approx(before.services[3].unit_cost.high * factor)
    iv_before, iv_after = before.options[0].interventions[2], after.options[0].interventions[2]
    assert iv_after.cost_per_starter.low == pytest.approx(iv_before.cost_per_starter.low * factor)
    assert iv_after.fixed_cost == pytest.approx(iv_before.fixed_cost * factor)
    assert after.settings.wellby_value.central == pytest.approx(before.settings.wellby_value.central * factor)
    assert after.settings.volunteer_hour_value == pytest.approx(before.settings.volunteer_hour_value * factor)
    assert after.settings.qaly_threshold == before.settings.qaly_threshold  # a policy value
    assert iv_after.reach == iv_before.reach
    note = window.findChild(QLabel, "settings.price_note").text()
    assert after.settings.price_note.startswith("Rebased from 2024/25 to 2020 prices")
    assert after.settings.price_note in note
    assert page.services_heading.text() == "Services and unit costs (2020 prices)"
    assert window.undo_action.text() == "&Undo change price year to 2020"
    session.undo()
    assert session.document == before
    assert "As entered: not rebased" in window.findChild(QLabel, "settings.price_note").text()


def test_the_rebase_action_is_in_a_menu_and_on_the_assumptions_page(window):
    action = window.findChild(QAction, "action.rebase")
    in_menus = [a for menu_action in window.menuBar().actions() for a in menu_action.menu().actions()]
    assert action in in_menus
    button = window.assumptions_page.findChild(QWidget, "settings.rebase")
    assert button.defaultAction() is action


def test_cancelling_changes_nothing(window):
    before = window.session.document
    window.assumptions_page.ask_rebase = lambda doc: None
    assert not window.assumptions_page.change_price_year()
    assert window.session.document == before and not window.session.history.can_undo()


def _fill(dialog, year):
    dialog.target.setText(year)
    assert bundled_deflator(year) is not None
    return dialog.request()


def test_a_price_year_outside_the_series_asks_for_its_own_deflator_too(qtbot, make_window):
    doc = default_document()
    doc = replace(doc, settings=replace(doc.settings, price_year="2026/27"))
    window = make_window(doc, wait_for_results=False)
    dialog = RebaseDialog(window.session.document, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(QWidget, "rebase.source_value").isVisible()
    dialog.target.setText("2024")
    assert "Type the deflator for 2026/27" in dialog.problem.text()
    dialog.findChild(QWidget, "rebase.source_value").setText("105")
    dialog.findChild(QWidget, "rebase.source_source").setText("HM Treasury forecast, March 2026")
    target, source = dialog.request()
    assert (target.value, source.value, source.source) == (100.0, 105.0, "HM Treasury forecast, March 2026")
    window.assumptions_page.ask_rebase = lambda _doc: (target, source)
    window.findChild(QAction, "action.rebase").trigger()
    after = window.session.document
    assert after.services[0].unit_cost.central == pytest.approx(doc.services[0].unit_cost.central * 100 / 105)
    assert "HM Treasury forecast, March 2026" in after.settings.price_note
