"""Editing inputs in the window recomputes the headline figures exactly as the core does."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QLabel

from rtv_desktop.core import run, tornado
from rtv_desktop.core.text import format_money

from .conftest import wait_for_results_of
from rtv_desktop.ui.widgets.fields import NumberEdit


def test_first_results_match_the_core(window):
    expected = run(window.session.scenario).summary
    kpi = window.findChild(QLabel, "kpi.npv_fiscal")
    assert kpi.toolTip() == format_money(expected["npv_fiscal"])
    assert window.session.results.summary == expected


def test_editing_population_moves_the_headline_to_the_core_value(qtbot, window):
    spin = window.findChild(NumberEdit, "area.population")
    spin.setValue(250_000)
    results = wait_for_results_of(qtbot, window)
    edited = replace(window.session.scenario, area=replace(window.session.scenario.area, population=250_000.0))
    assert window.session.scenario == edited
    expected = run(edited).summary
    assert results.summary == expected
    kpi = window.findChild(QLabel, "kpi.npv_fiscal")
    qtbot.waitUntil(lambda: kpi.toolTip() == format_money(expected["npv_fiscal"]))
    assert kpi.text() == format_money(expected["npv_fiscal"], compact=True)
    headline = window.findChild(QLabel, "headline.npv_fiscal")
    assert headline.text() == format_money(expected["npv_fiscal"], compact=True)


def test_tornado_is_computed_with_every_result(qtbot, window):
    window.findChild(NumberEdit, "settings.discount_rate").setValue(5.0)
    wait_for_results_of(qtbot, window)
    assert window.session.scenario.settings.discount_rate == 0.05
    assert window.session.tornado == tornado(window.session.scenario)


def test_fraction_fields_show_percent_and_store_fractions(qtbot, window):
    spin = window.findChild(NumberEdit, "area.ltc_share")
    assert spin.value() == pytest.approx(55.0) and spin.suffix() == "%"
    spin.setValue(45.0)
    assert window.session.scenario.area.ltc_share == 0.45
    groups = window.findChild(QLabel, "groups.adults_ltc")
    assert groups.text() == f"{1_000_000 * 0.792 * 0.45:,.0f} people"


def test_rapid_edits_are_debounced_to_one_run_of_the_last_value(qtbot, window):
    submitted = []
    original = window.runner.submit
    window.runner.submit = lambda d, k=0: submitted.append(d) or original(d, k)
    spin = window.findChild(NumberEdit, "area.population")
    for value in (100_000, 200_000, 300_000, 400_000):
        spin.setValue(value)
    results = wait_for_results_of(qtbot, window)
    assert [s.area.population for s in submitted] == [400_000.0]
    assert results.scenario.area.population == 400_000.0
