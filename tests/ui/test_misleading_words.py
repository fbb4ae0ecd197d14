"""Words that must not mislead: no "fewer QALYs" for the same QALYs, no savings below zero
called savings, and the headline strip names the option it shows."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from rtv_desktop.core import Option, Uncertain, compare
from rtv_desktop.core.text import quadrant_text
from rtv_desktop.ui.models.comparison import ComparisonModel

from .option_documents import nothing_wins


@pytest.mark.parametrize("quadrant, net_cost, qalys, words", [
    ("dominated", 1000.0, 0.0, "dearer, no QALY difference"),
    ("dominant", -1000.0, 0.0, "cheaper, no QALY difference"),
    ("dominated", 0.0, -2.0, "no cost difference, fewer QALYs"),
    ("dominated", 1000.0, -2.0, "dominated: dearer and fewer QALYs"),
    ("dominant", -1000.0, 2.0, "dominant: cheaper and more QALYs"),
    (None, 0.0, 0.0, ""),
])
def test_the_plane_in_words_says_an_edge_as_it_is(quadrant, net_cost, qalys, words):
    assert quadrant_text(quadrant, net_cost, qalys) == words


def test_a_dearer_option_with_the_same_qalys_is_not_said_to_have_fewer():
    doc = nothing_wins()
    coaching = doc.options[0].interventions[0]
    dearer = replace(coaching, cost_per_starter=Uncertain.fixed(coaching.cost_per_starter.central * 2))
    doc = replace(doc, options=(doc.options[0], Option("Coaching at twice the cost", (dearer,))), comparator=0)
    comparison = compare(doc)
    assert comparison.increments[1]["inc_qalys"] == 0 and comparison.increments[1]["icer_quadrant"] == "dominated"
    model = ComparisonModel()
    model.set_comparison(comparison)
    row = next(r for r, figure in enumerate(model.rows) if getattr(figure, "key", "") == "icer_quadrant")
    assert model.index(row, 1).data(Qt.ItemDataRole.DisplayRole) == "dearer, no QALY difference"


def _more_use():
    """One option whose only effect is more use of a service: its savings are below zero."""
    doc = nothing_wins()
    coaching = doc.options[0].interventions[0]
    service = doc.services[0].id
    worse = replace(coaching, effect=((service, Uncertain.fixed(-0.3)),))
    return replace(doc, options=(Option("More use", (worse,)),), comparator=None)


def test_savings_below_zero_are_said_as_extra_cost(qtbot):
    from rtv_desktop.core.text import savings_phrase
    from rtv_desktop.ui.charts.savings import CumulativeChart, SavingsByServiceChart
    from rtv_desktop.ui.widgets.party_flows import flow_rows

    assert savings_phrase(-682_000) == "extra cost to services £682k"
    assert savings_phrase(1_200_000) == "NHS savings £1.2m"
    results = compare(_more_use()).options[0]
    assert results.summary["pv_saving"] < 0
    for chart in (CumulativeChart(), SavingsByServiceChart()):
        qtbot.addWidget(chart)
        chart.update_results(results)
        note = chart.note_label.text()
        assert "extra cost to services £" in note and "savings -" not in note and "savings: -" not in note, note
    saves = [words for party, words, values in flow_rows(results.party_flows) if words.startswith("saves")]
    assert "saves (minus: extra cost)" in saves


def test_the_headline_strip_names_the_option_it_shows(qtbot, make_window):
    from tests.ui.option_documents import three_options

    window = make_window(three_options())
    shown = window.headline.option
    assert shown.full == window.session.document.options[0].name
    window.session.set_option(1)
    qtbot.waitUntil(lambda: shown.full == window.session.document.options[1].name, timeout=10_000)
    assert window.headline.values["npv_fiscal"].accessibleName().endswith(window.session.document.options[1].name)
