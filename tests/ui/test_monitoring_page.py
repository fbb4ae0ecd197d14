"""The Monitoring page driven as a user would: write the monitoring workbook, fill it with
openpyxl as a provider's return would, import it; forecast, actual and variance by quarter (a
blank is "not yet known", never 0); a bad workbook named by sheet and cell leaves the document
as it was; an observed effect used as local evidence and undone.

The document is small enough to work by hand: 1,000 adults, reach 10% (100 starters a year, 25 a
quarter), completion 50% (12.5 a quarter), £100 per starter, £1,000 fixed and £500 set-up a
year: spend £3,250 in the first quarter ((£11,500 - £500) / 4 + £500) and £2,750 after.
"""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from rtv_desktop.core import Document, simulate
from rtv_desktop.core.monitoring import local_entry_id, reforecast
from rtv_desktop.io.monitoring import ACTIVITY_HEADERS, OUTCOME_HEADERS
from rtv_desktop.ui.controllers.reforecast_simulation import paired_document
from rtv_desktop.ui.models.monitoring import NOT_KNOWN
from rtv_desktop.ui.pages.monitoring import simulation_text
from rtv_desktop.ui.widgets.evidence_picker import LOCAL_HEADING
from tests.core.builders import intervention, scenario

STARTERS_F, STARTERS_A, STARTERS_V = 1, 2, 3  # table columns: forecast, actual, variance of each figure
COMPLETERS_F, COMPLETERS_A, COMPLETERS_V = 4, 5, 6
SPEND_F, SPEND_A, SPEND_V = 7, 8, 9
FIRST = 5  # first data row of the workbook's sheets, under their headings


def small_document() -> Document:
    return Document.from_scenario(scenario([intervention(id="coach", name="Coaching")], start_year="2026/27"),
                                  "Coaching")


def _settle():
    for _ in range(5):
        QApplication.processEvents()


def fill(path, activity=(), outcomes=(), out=None):
    """Type ``(header, data row from 0, value)`` into the sheets, as a user would in Excel."""
    book = openpyxl.load_workbook(path)
    for sheet, values, headers in (("Activity", activity, ACTIVITY_HEADERS), ("Outcomes", outcomes, OUTCOME_HEADERS)):
        for header, row, value in values:
            book[sheet].cell(FIRST + row, headers.index(header) + 1, value)
    book.save(out or path)
    return out or path


# Q1: 20 starters (5 under 25: -20%), 15 completers (2.5 over 12.5: +20%), £2,600 (£650 under £3,250: -20%).
# Q2: 25 starters (as forecast), completers and spend not yet known.
Q1_Q2 = (("starters", 0, 20), ("completers", 0, 15), ("spend", 0, 2600), ("starters", 1, 25))
# Life satisfaction 6.8 (SD 2.0, n 50) before, 7.4 (SD 1.8, n 40) after: +0.60 points. GP use: 200 contacts
# in 100 person-years before, 150 after (rate ratio 0.75) against 100 and 90 for a comparison group (0.90):
# ratio of rate ratios 0.75 / 0.90 = 0.8333, effect 1 - 0.8333 = 17%.
OUTCOMES = (("before_mean", 0, 6.8), ("before_sd", 0, 2.0), ("before_n", 0, 50), ("after_mean", 0, 7.4),
            ("after_sd", 0, 1.8), ("after_n", 0, 40),
            ("before_contacts", 1, 200), ("before_person_years", 1, 100), ("after_contacts", 1, 150),
            ("after_person_years", 1, 100),
            ("before_contacts", 2, 100), ("before_person_years", 2, 100), ("after_contacts", 2, 90),
            ("after_person_years", 2, 100))


@pytest.fixture
def page_window(make_window):
    window = make_window(small_document())
    window.resize(1024, 600)
    window.show()
    window.pages.setCurrentWidget(window.monitoring_page)
    _settle()
    return window


def _template(window, folder):
    path = folder / "coaching monitoring.xlsx"
    window.monitoring.ask_start_year = lambda default: default
    window.monitoring.ask_save_path = lambda suggested: str(path)
    window.monitoring.new_workbook.trigger()
    assert path.exists()
    return path


def _import(window, path):
    window.monitoring.ask_open_path = lambda: str(path)
    window.monitoring_page.import_button.click()
    _settle()


def _cells(window, row):
    model = window.monitoring_page.model
    return [model.index(row, column).data() for column in range(model.columnCount())]


def test_file_monitoring_holds_the_two_commands_and_the_page_their_buttons(page_window):
    menu = page_window.findChild(QMenu, "menu.monitoring")
    assert menu.menuAction() in page_window.file_menu.actions()
    assert [a.objectName() for a in menu.actions()] == ["action.new_monitoring_workbook", "action.import_actuals"]
    page = page_window.monitoring_page
    assert page.new_button.defaultAction() is page_window.monitoring.new_workbook
    assert page.import_button.defaultAction() is page_window.monitoring.import_actuals


def test_before_any_import_the_page_shows_the_forecast_and_every_actual_not_yet_known(page_window):
    cells = _cells(page_window, 0)
    assert cells[:STARTERS_V + 1] == ["2026/27 Q1", "25", NOT_KNOWN, ""]
    assert cells[COMPLETERS_F] == "12.5" and cells[SPEND_F] == "£3,250" and cells[SPEND_A] == NOT_KNOWN
    assert _cells(page_window, 1)[SPEND_F] == "£2,750"
    assert page_window.monitoring_page.model.rowCount() == 12  # 3 years of quarters


def test_an_imported_workbook_shows_forecast_actual_and_variance_with_blanks_not_yet_known(page_window, tmp_path):
    filled = fill(_template(page_window, tmp_path), Q1_Q2, out=tmp_path / "filled.xlsx")
    before = filled.read_bytes()
    _import(page_window, filled)
    assert filled.read_bytes() == before  # the reader never changes the file it reads
    doc = page_window.session.document
    assert doc.actuals is not None and doc.actuals.source == "filled.xlsx"
    q1, q2 = _cells(page_window, 0), _cells(page_window, 1)
    assert q1[STARTERS_F:STARTERS_V + 1] == ["25", "20", "-5 (-20%)"]
    assert q1[COMPLETERS_F:COMPLETERS_V + 1] == ["12.5", "15", "+2.5 (+20%)"]
    assert q1[SPEND_F:SPEND_V + 1] == ["£3,250", "£2,600", "-£650 (-20%)"]
    assert q2[STARTERS_F:STARTERS_V + 1] == ["25", "25", "0 (+0%)"]
    assert q2[COMPLETERS_A:COMPLETERS_V + 1] == [NOT_KNOWN, ""]  # blank: not yet known, no variance, never 0
    assert q2[SPEND_A:SPEND_V + 1] == [NOT_KNOWN, ""]
    page = page_window.monitoring_page
    # Spend known for Q1 only: £2,600 against £3,250; the budget is the forecast over 3 years.
    assert "spent £2,600 in the 1 quarter known, against a forecast of £3,250 for them (80% of it)" in \
        page.budget_label.text()
    chart = page.chart("starters")
    x, cumulative = chart.actual_curve.getData()
    assert list(cumulative) == [20, 45]  # stops at Q3, not yet known
    assert "filled.xlsx: 2 quarters with figures up to 2026/27 Q2" in page.source_label.text()


def test_importing_is_one_undo_step(page_window, tmp_path):
    _import(page_window, fill(_template(page_window, tmp_path), Q1_Q2))
    assert page_window.session.document.actuals is not None
    assert page_window.undo_action.text() == "&Undo import actuals from coaching monitoring.xlsx"
    page_window.undo_action.trigger()
    _settle()
    assert page_window.session.document.actuals is None
    assert _cells(page_window, 0)[STARTERS_A] == NOT_KNOWN


def test_a_bad_workbook_is_named_by_sheet_and_cell_and_the_document_stays_as_it_was(page_window, tmp_path):
    bad = fill(_template(page_window, tmp_path), (("starters", 0, "about twenty"),))
    before, could_undo = page_window.session.document, page_window.session.history.can_undo()
    _import(page_window, bad)
    box = page_window.documents.last_error
    assert isinstance(box, QMessageBox) and box.isVisible() and box.objectName() == "dialog.error"
    assert box.windowTitle() == "Could not import the actuals"
    assert "Activity" in box.text() and "F5" in box.text()
    assert page_window.session.document is before and page_window.session.history.can_undo() == could_undo
    box.close()


def test_an_observed_effect_becomes_local_evidence_and_undo_restores_the_default(page_window, tmp_path):
    _import(page_window, fill(_template(page_window, tmp_path), Q1_Q2, OUTCOMES))
    page = page_window.monitoring_page
    titles = [card.title.text() for card in page.effects.cards]
    assert any("Coaching, effect on GP" in t and ": 17% (95% interval" in t for t in titles), titles
    assert any("Coaching, wellbeing gain: +0.60 points" in t for t in titles), titles
    gp = next(card for card in page.effects.cards if card.effect.outcome == "service:gp")
    assert "Controlled study, evidence grade 2" in gp.detail.text() and "Ratio of rate ratios 0.83" in gp.detail.text()
    default = page_window.session.document.options[0].interventions[0]
    gp.use.click()
    _settle()
    used = page_window.session.document.options[0].interventions[0]
    assert used.evidence_for("service:gp") == local_entry_id("coach", "service:gp")
    assert used.effect_on("gp").central == pytest.approx(1 - 0.75 / 0.90)
    assert (used.effect_design, used.evidence_grade) == ("controlled", 2)
    in_use = next(card for card in page.effects.cards if card.effect.outcome == "service:gp")
    assert not in_use.use.isEnabled() and in_use.use.text() == "In use as local evidence"
    # The intervention editor's study card says the figure is local evidence.
    page_window.pages.setCurrentWidget(page_window.interventions_page)
    _settle()
    picker = page_window.interventions_page.editor.evidence
    assert LOCAL_HEADING in picker.card.text() and "Local monitoring: coaching monitoring.xlsx" in picker.card.text()
    assert "local evidence (from monitoring)" in picker.status.text()
    page_window.pages.setCurrentWidget(page_window.monitoring_page)
    page_window.undo_action.trigger()  # Ctrl+Z
    _settle()
    restored = page_window.session.document.options[0].interventions[0]
    assert restored == default and page_window.session.document.local_evidence == ()
    assert page_window.session.document.actuals is not None  # the import is a step of its own


def test_the_re_forecast_with_fewer_starters_stands_beside_the_forecast(page_window, tmp_path):
    # Q1 and Q2: 20 and 25 starters against 25 and 25 forecast.
    _import(page_window, fill(_template(page_window, tmp_path), Q1_Q2))
    page = page_window.monitoring_page
    forecast = page.findChild(type(page.source_label), "monitoring.forecast.starters").text()
    again = page.findChild(type(page.source_label), "monitoring.reforecast.starters").text()
    assert forecast == "300" and again not in ("300", "\u2014")
    assert not page.chart("reforecast").showing_placeholder


def test_the_calculator_says_how_many_participants_a_change_needs(page_window, qtbot):
    calculator = page_window.monitoring_page.calculator
    calculator.sd.setValue(2.0)
    calculator.change.setValue(0.5)
    assert "123</b> before and 123 after" in calculator.answer.text()
    calculator.change.setValue(0.25)  # half the change: four times the people (491.7 -> 492)
    assert "492</b> before" in calculator.answer.text()


def test_a_new_workbook_never_writes_over_the_open_document(page_window, tmp_path):
    own = tmp_path / "coaching.json"
    page_window.documents.save_to(own)
    page_window.monitoring.ask_start_year = lambda default: "2027/28"
    page_window.monitoring.ask_save_path = lambda suggested: str(own.with_suffix(".xlsx"))
    page_window.documents.save_to(own.with_suffix(".xlsx"))  # the document is now this workbook
    saved = own.with_suffix(".xlsx").read_bytes()
    assert page_window.monitoring.new_workbook.trigger() is None
    assert own.with_suffix(".xlsx").read_bytes() == saved
    assert "open document's own file" in page_window.documents.last_error.text()
    page_window.documents.last_error.close()


def test_simulate_re_forecast_draws_both_together_off_the_window_thread(page_window, tmp_path, qtbot):
    _import(page_window, fill(_template(page_window, tmp_path), Q1_Q2))
    page = page_window.monitoring_page
    page.simulate_button.click()
    assert page.simulate_button.text() == "Stop simulation"  # the click returned: the work is elsewhere
    qtbot.waitUntil(lambda: page.simulation_label.text().startswith("Drawn together"), timeout=20_000)
    doc = page_window.session.document
    s = doc.settings
    expected = simulate(paired_document(doc, reforecast(doc, doc.actuals), 0), iterations=s.iterations, seed=s.seed)
    assert page.simulation_label.text() == simulation_text(expected, s)
    qtbot.waitUntil(lambda: page.simulate_button.text() == "Simulate re-forecast", timeout=5_000)
    page_window.session.set_document(replace(doc, name="Coaching, renamed"), "Rename")
    _settle()
    assert page.simulation_label.text() == ""  # of other inputs: not shown beside these


@pytest.mark.parametrize("suffix", [".json", ".xlsx"])
def test_the_actuals_and_local_evidence_are_saved_with_the_document(page_window, make_window, tmp_path, suffix):
    _import(page_window, fill(_template(page_window, tmp_path), Q1_Q2, OUTCOMES))
    gp = next(card for card in page_window.monitoring_page.effects.cards if card.effect.outcome == "service:gp")
    gp.use.click()
    _settle()
    saved = page_window.session.document
    assert page_window.documents.save_to(tmp_path / f"coaching{suffix}")
    again = make_window(wait_for_results=False)
    assert again.documents.open_path(tmp_path / f"coaching{suffix}", confirm=False)
    opened = again.session.document
    assert opened.actuals == saved.actuals and opened.local_evidence == saved.local_evidence
    assert opened.options[0].interventions[0].evidence_for("service:gp") == local_entry_id("coach", "service:gp")
    again.show()
    again.pages.setCurrentWidget(again.monitoring_page)
    _settle()
    assert _cells(again, 0)[STARTERS_F:STARTERS_V + 1] == ["25", "20", "-5 (-20%)"]
