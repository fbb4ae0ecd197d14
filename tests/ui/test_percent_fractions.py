"""A bare number below 1 typed into a percent field is read as Excel reads it (0.25 is 25%),
and the field says so; "%" typed explicitly always wins. Forms and table cells alike."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.test_typed_text_is_kept import field, type_in_cell, type_into

QUARTER = "Read as 25%: type 0.25% for a quarter of a percent"


def note(window, name) -> QLabel:
    label = window.findChild(QLabel, name)
    assert label is not None, name
    return label


def test_a_fraction_typed_into_a_form_field_is_a_percentage_and_the_field_says_so(qtbot, window):
    rate, said = field(window, "settings.discount_rate"), note(window, "settings.discount_rate.fraction_note")
    window.pages.setCurrentWidget(window.assumptions_page)
    type_into(qtbot, rate, "0.25")
    assert window.session.document.settings.discount_rate == pytest.approx(0.25)
    assert rate.text() == "0.25"  # what was typed stays on screen
    assert not said.isHidden() and said.text() == QUARTER
    assert rate.accessibleDescription() == QUARTER

    type_into(qtbot, rate, "0.25%")
    assert window.session.document.settings.discount_rate == pytest.approx(0.0025)
    assert said.isHidden()

    type_into(qtbot, rate, "0")
    assert window.session.document.settings.discount_rate == 0 and said.isHidden()


def test_undo_takes_the_note_away_with_the_value(qtbot, window):
    rate, said = field(window, "settings.discount_rate"), note(window, "settings.discount_rate.fraction_note")
    window.pages.setCurrentWidget(window.assumptions_page)
    before = window.session.document.settings.discount_rate
    type_into(qtbot, rate, "0.05")
    assert not said.isHidden() and said.text() == "Read as 5%: type 0.05% for 0.05 of a percent"
    while window.session.document.settings.discount_rate != before:
        window.session.undo()
    assert rate.text().endswith("%") and said.isHidden()


def test_each_end_of_a_range_is_read_and_named(qtbot, window):
    window.interventions_page.select(0)
    low = field(window, "interventions.selected.reach.low")
    type_into(qtbot, low, "0.1")
    said = note(window, "interventions.selected.reach.fraction_note")
    assert window.session.document.options[0].interventions[0].reach.low == pytest.approx(0.1)
    assert said.text() == "Low read as 10%: type 0.1% for a tenth of a percent"


def test_a_fraction_typed_into_a_services_cell_is_a_percentage_and_the_table_says_so(qtbot, window):
    page = window.assumptions_page
    window.pages.setCurrentWidget(page)
    model, view = page.services_model, page.services_view
    column = next(c for c in range(1, model.columnCount()) if model.field_for(0, c) == "services[0].cashable_share")
    name = window.session.document.services[0].name
    type_in_cell(qtbot, view, 0, column, "0.25")
    assert window.session.document.services[0].cashable_share.central == pytest.approx(0.25)
    assert not page.services_note.isHidden()
    assert page.services_note.text() == f"{name}, cashable share read as 25%: type 0.25% for a quarter of a percent"

    type_in_cell(qtbot, view, 0, column, "0.25%")
    assert window.session.document.services[0].cashable_share.central == pytest.approx(0.0025)
    assert page.services_note.isHidden()


def test_a_negative_fraction_in_an_effects_cell_is_a_negative_percentage(qtbot, window):
    window.pages.setCurrentWidget(window.interventions_page)
    window.interventions_page.select(0)
    editor = window.interventions_page.editor
    service = window.session.document.services[0]
    type_in_cell(qtbot, editor.effects_view, 0, 2, "-0.05")  # the low end
    effect = dict(window.session.document.options[0].interventions[0].effect)[service.id]
    assert effect.low == pytest.approx(-0.05)
    assert not editor.effects_note.isHidden()
    assert editor.effects_note.text() == (f"{service.name}, low read as -5%: type -0.05% for minus 0.05 of a "
                                          "percent")
    type_in_cell(qtbot, editor.effects_view, 0, 2, "-5")
    assert dict(window.session.document.options[0].interventions[0].effect)[service.id].low == pytest.approx(-0.05)
    assert editor.effects_note.isHidden()
