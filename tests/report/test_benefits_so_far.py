"""The board paper's "Benefits so far": there only when the document holds actuals; forecast
against actual to date (a blank quarter counted on neither side), the local effects accepted and
the re-forecast beside the forecast, within the six pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rtv_desktop.core import run
from rtv_desktop.core.monitoring import (ActivityRow, Figures, accept_local_evidence, observed_effects,
                                         reforecast)
from rtv_desktop.core.outputs import NPV_SOCIAL, format_output
from rtv_desktop.report import build_report, write_report
from rtv_desktop.report.benefits import actual_cell, to_date
from rtv_desktop.report.words import count

from ..monitoring_documents import SOURCE, with_first_year
from .conftest import docx_body, docx_text, needs_poppler, pdf_pages, pdf_text, two_options
from .test_board_paper import BOARD_PAGES, NOT_ON_THE_BOARD_PAGES, WORD_BUDGET


def _row(quarter, forecast, actual):
    return ActivityRow(0, quarter, "iv", Figures(starters=forecast), Figures(starters=actual))


def test_to_date_adds_the_known_quarters_and_their_forecast_only():
    # Q1: 100 forecast, 80 actual; Q2: 100, not yet known; Q3: 100, 90.
    # To date: forecast 100 + 100 = 200 (Q2 left out), actual 80 + 90 = 170, -30 = -15%.
    rows = [_row("2027/28 Q1", 100, 80), _row("2027/28 Q2", 100, None), _row("2027/28 Q3", 100, 90)]
    assert to_date(rows, "starters") == (200, 170, 2)
    assert actual_cell(to_date(rows, "starters"), count) == "170 (-15%)"
    assert to_date(rows, "spend") is None and actual_cell(None, count) == "not yet known"


@pytest.fixture(scope="module")
def papers(qapp, tmp_path_factory):
    folder = tmp_path_factory.mktemp("benefits")
    plain = two_options()
    monitored = with_first_year(plain)
    for effect in observed_effects(monitored.actuals):
        monitored = accept_local_evidence(monitored, effect, SOURCE)
    written = {}
    for name, doc in (("plain", plain), ("monitored", monitored)):
        report = build_report(doc, "gm.json", simulation=False)
        written[name] = (doc, report, folder / f"{name}.pdf", folder / f"{name}.docx")
        write_report(report, written[name][2])
        write_report(report, written[name][3])
    return written


def test_the_section_is_there_only_when_the_document_holds_actuals(papers):
    assert "benefits-so-far" not in {h.anchor for h in papers["plain"][1].headings()}
    assert "Benefits so far" not in papers["plain"][1].text()
    assert "benefits-so-far" in {h.anchor for h in papers["monitored"][1].headings()}


@needs_poppler
def test_the_paper_with_benefits_so_far_stays_within_six_pages(papers):
    _doc, _report, pdf, word = papers["monitored"]
    assert pdf_pages(pdf) <= BOARD_PAGES
    words, breaks = docx_body(word)
    assert breaks == 0 and words <= WORD_BUDGET
    for text in (pdf_text(pdf), docx_text(word)):
        for method in NOT_ON_THE_BOARD_PAGES:
            assert method.lower() not in text.lower()


@needs_poppler
def test_forecast_and_actual_to_date_the_local_effects_and_the_re_forecast_are_said(papers):
    doc, report, pdf, word = papers["monitored"]
    first = doc.options[0].interventions[0]
    own = [row for row in doc.actuals.activity if row.option == 0]
    forecast, actual, _quarters = to_date(own, "starters")
    # 80% of the forecast was recorded in every quarter known: the actual to date is 20% under.
    assert actual == pytest.approx(0.8 * forecast, rel=0.01)
    again = run(reforecast(doc, doc.actuals).scenario(0)).summary
    for text in (report.text(), docx_text(word)):
        assert "2027/28 Q1 to 2027/28 Q4 (4 quarters recorded in first year.xlsx)" in text
        assert f"{count(forecast)} | {count(actual)} (-20%)" in report.text()
        assert f"{first.name}, wellbeing gain: +0.70 points (95% interval +0.23 points to +1.17 points)" in text
        assert "controlled study, evidence grade 2: measured locally" in text
        assert format_output(NPV_SOCIAL, again[NPV_SOCIAL], compact=True) in text


def test_without_accepted_effects_the_section_says_the_published_ones_still_count(qapp):
    report = build_report(with_first_year(two_options()), "gm.json", simulation=False)
    assert "No effect measured locally has been accepted yet" in report.text()


def test_effects_observed_but_not_used_are_said_with_the_figure_still_counted(qapp):
    # The first intervention's GP effect was measured (ratio of rate ratios 0.80 / 0.95 = 0.84, an
    # effect of 16%) and its wellbeing gain (+0.70 points); only the wellbeing gain is accepted.
    doc = with_first_year(two_options())
    wellbeing, service = sorted(observed_effects(doc.actuals), key=lambda e: e.outcome != "wellbeing")
    accepted = accept_local_evidence(doc, wellbeing, SOURCE)
    iv = accepted.options[0].interventions[0]
    counted = dict(iv.effect)[service.outcome.removeprefix("service:")].central
    text = build_report(accepted, "gm.json", simulation=False).text()
    assert "No effect measured locally has been accepted yet" not in text
    assert "+0.70 points" in text and "measured locally, now used in place of the default figure" in text
    assert f"{service.value * 100:.0f}% (95% interval" in text
    assert f"measured locally but not used; the model still counts {counted * 100:.0f}%." in text


def test_actuals_with_no_figure_yet_say_so(qapp):
    doc = with_first_year(two_options())
    blank = replace(doc.actuals, activity=tuple(replace(row, actual=Figures()) for row in doc.actuals.activity))
    text = build_report(replace(doc, actuals=blank), "gm.json", simulation=False).text()
    assert "has no actual figures yet: every quarter is not yet known" in text
