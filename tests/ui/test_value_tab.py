"""The Results page says what its figures rest on: evidence behind the value, who pays and who
benefits, the QALY lens, the correlation and volunteer-time treatment, the price year."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QListWidget

from rtv_desktop.core import (PARTY_LABELS, assumptions_in_use, compare, run, simulate, value_by_grade,
                              weak_evidence_note)
from rtv_desktop.core.text import simulation_caption
from rtv_desktop.core.text import format_money, format_percent
from rtv_desktop.ui.widgets.party_flows import PartyFlowsModel
from rtv_desktop.ui.pages.results import ResultsPage

from .option_documents import dominant, three_options


@pytest.fixture(scope="module")
def doc():
    return three_options()


@pytest.fixture(scope="module")
def comparison(doc):
    return compare(doc)


@pytest.fixture(scope="module")
def sim(doc):
    return simulate(doc, iterations=500, seed=3)


@pytest.fixture
def page(qtbot):
    widget = ResultsPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_value_by_strength_of_evidence_is_the_core_breakdown(page, comparison):
    full = comparison.options[1]
    page.show_results(full)
    chart = page.chart("value_by_grade")
    np.testing.assert_allclose(chart.values(), value_by_grade(full))
    assert chart.names[0] == "1 strong local evidence" and chart.names[5] == "6 untested assumption"
    share = full.summary["share_social_weak_evidence"]
    assert chart.note_label.text().startswith(f"{format_percent(share)} of the social value rests on grades 4-6")
    listed = page.findChild(QListWidget, "value_by_grade.assumptions")
    found = assumptions_in_use(full.scenario)
    assert listed.count() == len(found) > 0
    assert listed.item(0).text() == f"{found[0].what}: {found[0].value}"
    assert listed.item(0).toolTip() == found[0].source.source
    assert page.findChild(QLabel, "value_by_grade.assumptions_title").text().startswith(f"{len(found)} shipped")


def test_who_pays_and_who_benefits_is_each_partys_core_figures(page, comparison):
    groups = comparison.options[2]  # groups part-funded by the council and the voluntary sector
    page.show_results(groups)
    chart = page.chart("who_pays")
    rows = {row["party"]: row for row in groups.by_party}
    parties = ("nhs", "council", "vcse", "other", "residents")  # groups are part-funded by lottery and charity
    assert chart.names == [PARTY_LABELS[p] for p in parties]
    np.testing.assert_allclose(chart.values(0), [rows[p]["pays"] for p in parties])
    np.testing.assert_allclose(chart.values(1), [rows[p]["saves"] + rows[p]["value"] for p in parties])
    # What the parties pay adds up to the cost; residents pay nothing and receive the wellbeing.
    assert chart.values(0).sum() == pytest.approx(groups.summary["pv_cost"])
    assert rows["residents"]["value"] > 0 and rows["council"]["saves"] > 0
    assert f"Council {format_money(rows['council']['net'], True)}" in chart.note_label.text()


def test_each_partys_cash_flow_by_year_is_the_core_flow(page, comparison):
    groups = comparison.options[2]
    page.show_results(groups)
    model = page.party_flows.model
    titles = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert titles[:4] == ["NHS: pays", "NHS: saves", "NHS: of which cash", "NHS: net (saves minus pays)"]
    assert titles[-1] == "Residents and communities: value received"
    years = groups.scenario.settings.horizon_years
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == \
        [f"Year {t + 1}" for t in range(years)] + ["Total"]
    council = groups.party_flows["council"]
    row = titles.index("Council: pays")
    np.testing.assert_allclose([model.value(row, t) for t in range(years)], council["pays"])
    net = titles.index("Council: net (saves minus pays)")
    expected = council["saves"] - council["pays"]
    np.testing.assert_allclose([model.value(net, t) for t in range(years + 1)], [*expected, expected.sum()])
    assert model.index(net, years).data() == format_money(expected.sum())
    assert "Other funders: pays" in titles  # lottery and charitable funders pay part of the groups


def test_party_flows_model_passes_the_model_tester(qtmodeltester, comparison):
    model = PartyFlowsModel()
    model.set_flows(comparison.options[2].party_flows, 5)
    qtmodeltester.check(model, force_py=True)
    model.set_flows(None)


def test_the_basis_of_the_figures_is_stated_with_them(page, doc):
    results = run(doc.scenario(1))
    page.show_results(results)
    basis = page.findChild(QLabel, "results.basis").text()
    assert "Money in 2024/25 prices" in basis
    assert "Volunteer time counted as a benefit (Realising the Value convention)" in basis
    assert "Simulation draws correlated at 50% across interventions" in basis
    settings = replace(doc.settings, volunteer_time="cost", correlation=0.0, price_year="2025/26",
                       price_note="Rebased from 2024/25 with the GDP deflator")
    page.show_results(run(replace(doc, settings=settings).scenario(1)))
    basis = page.findChild(QLabel, "results.basis").text()
    assert "Volunteer time counted as an in-kind cost (usual cost-benefit practice)" in basis
    assert "draws independent across interventions" in basis
    assert "Money in 2025/26 prices (Rebased from 2024/25 with the GDP deflator)" in basis


def test_a_headline_note_when_most_value_rests_on_weak_evidence(page, doc, comparison):
    weak = tuple(replace(iv, evidence_grade=5, wellbeing_grade=6) for iv in doc.options[1].interventions)
    full = run(replace(doc.scenario(1), interventions=weak))
    note = weak_evidence_note(full)
    assert note.startswith("100% of the social value rests on")  # every outcome graded 5 or 6
    page.show_results(full)
    label = page.findChild(QLabel, "results.evidence_note")
    assert label.isVisibleTo(page) and label.text() == f"\u26a0 {note} See the Value tab."
    strong = tuple(replace(iv, evidence_grade=2, wellbeing_grade=2) for iv in doc.options[1].interventions)
    page.show_results(run(replace(doc.scenario(1), interventions=strong)))
    assert not label.isVisibleTo(page)


def test_qaly_cards_and_the_chance_nmb_is_positive(page, comparison, sim):
    full = comparison.options[1]
    page.show_results(full)
    s = full.summary

    def card(key):
        return page.findChild(QLabel, f"kpi.{key}")

    assert card("qalys").text() == f"{s['qalys']:,.1f}"
    assert card("cost_per_qaly").text() == format_money(s["cost_per_qaly"])
    assert card("nmb").text() == format_money(s["nmb"], compact=True)
    assert page.findChild(QLabel, "kpi.nmb.caption").text() == "QALYs valued at £20,000 each, minus net cost"
    assert card("prob_nmb_positive").text() == "\u2014"
    page.show_simulation(sim, option=1)
    assert card("prob_nmb_positive").text() == format_percent(sim.options[1].summary["prob_nmb_positive"])
    page.show_results(run(dominant().scenario(0)))
    assert card("cost_per_qaly").text() == "Dominant"
    assert page.findChild(QLabel, "kpi.cost_per_qaly.caption").text() == "Saves money and gains health"


@pytest.mark.parametrize("width", [1008, 895])  # the page in 1024x600 and 1366x768-at-150% windows
def test_every_card_figure_and_title_fits(page, comparison, sim, qtbot, width):
    page.show_results(comparison.options[1])
    page.show_simulation(sim, option=1)
    page.resize(width, 560)
    qtbot.wait(10)
    assert len(page.kpis.cards) == 12 and page.kpis.columns == 6
    for card in page.kpis.cards.values():
        for label in (card.title_label, card.value_label):
            assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.width(), label.text()


def test_the_results_tab_shows_the_open_options_part_of_the_simulation(page, sim):
    page.show_simulation(sim, option=2)
    counts, edges = sim.options[2].histogram("npv_fiscal")
    np.testing.assert_array_equal(page.chart("histogram").curve.getData()[1], counts)
    np.testing.assert_allclose(page.chart("fan").curves[50].getData()[1], sim.options[2].fan()[1])
    label = page.findChild(QLabel, "results.simulation_info").text()
    assert "of Peer support and groups" in label and simulation_caption(sim) in label
    assert "correlated at 50% across interventions" in label
    page.show_simulation(sim, option=3)  # an option added after the simulation ran
    assert page.chart("histogram").showing_placeholder
    assert "run it again" in page.chart("histogram").placeholder_label.text()


def test_opening_another_option_in_the_window_shows_its_simulation(qtbot, make_window, doc, sim):
    window = make_window(doc)
    window.session.set_simulation(sim)
    window.session.set_option(1)
    counts, _edges = sim.options[1].histogram("npv_fiscal")
    histogram = window.results_page.chart("histogram")
    qtbot.waitUntil(lambda: np.array_equal(histogram.curve.getData()[1], counts))
    assert window.findChild(QLabel, "kpi.prob_nmb_positive").text() == \
        format_percent(sim.options[1].summary["prob_nmb_positive"])


def test_after_deleting_an_option_each_option_shows_its_own_draws(qtbot, make_window, doc, sim):
    window = make_window(doc)
    window.session.set_simulation(sim)
    first, *others = window.session.document.options
    window.session.set_document(replace(window.session.document, options=tuple(others), comparator=None), "Delete")
    window.session.set_option(0)  # the option that was second when the simulation ran
    counts, _edges = sim.options[1].histogram("npv_fiscal")
    histogram = window.results_page.chart("histogram")
    qtbot.waitUntil(lambda: np.array_equal(histogram.curve.getData()[1], counts))
    assert window.findChild(QLabel, "kpi.prob_nmb_positive").text() == \
        format_percent(sim.options[1].summary["prob_nmb_positive"])
