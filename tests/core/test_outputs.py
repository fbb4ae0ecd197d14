"""Every result figure is declared once (rtv_desktop.core.outputs), and written by its kind."""

from __future__ import annotations

import math

import pytest

from rtv_desktop.core import compare, default_document, run, simulate
from rtv_desktop.core import outputs as out
from rtv_desktop.core.declare import KINDS
from rtv_desktop.core.text import setting_text, simulation_basis


@pytest.fixture(scope="module")
def doc():
    return default_document()


def test_every_run_summary_key_is_declared_in_order(doc):
    summary = run(doc.scenario(0)).summary
    assert tuple(summary) == out.SUMMARY_KEYS
    assert all(out.output(key).source == "summary" for key in summary)


def test_every_increment_key_is_declared(doc):
    c = compare(doc)
    for increments in c.increments:
        missing = [key for key in increments if key not in out.OUTPUTS]
        assert not missing
        assert all(out.output(key).source == "increment" for key in increments)


def test_every_simulated_summary_key_is_declared(doc):
    sim = simulate(doc, iterations=200, seed=1)
    for option in sim.options:
        assert not [key for key in option.summary if key not in out.OUTPUTS]
    probabilities = [o.key for o in out.SIMULATION if o.source == "simulation"]
    assert {"prob_best_social", "prob_best_fiscal"} <= set(probabilities)


def test_labels_are_unique_and_every_figure_has_its_words():
    labels = [o.label for o in out.OUTPUTS.values()]
    assert len(labels) == len(set(labels))
    for o in out.OUTPUTS.values():
        assert o.label and o.short and o.unit and o.help, o.key
        assert o.kind in out.FORMATS, o.key
        assert o.source in ("summary", "increment", "simulation", "working"), o.key


def test_every_table_names_declared_figures():
    tables = (out.CARDS, out.HEALTH_CARDS, out.HEADLINE_STRIP, out.COMPARISON, out.COMPARISON_INCREMENTS,
              out.COMPARISON_SIMULATION, out.AREAS, out.AREA_SIMULATED, out.AREA_PROBABILITIES, out.COVER,
              out.REPORT_PARTS, out.REPORT_OPTIONS, out.REPORT_INTERVALS, out.REPORT_PROBABILITIES,
              out.TORNADO_METRICS)
    for table in tables:
        assert all(key in out.OUTPUTS for key in table), table


@pytest.mark.parametrize("key, value, compact, expected", [
    ("npv_fiscal", -14_782_026.27, False, "-£14,782,026"),   # exact: hyphen-minus, to the pound
    ("npv_fiscal", -14_782_026.27, True, "-£14.8m"),          # headline form
    ("pv_cost", 350_000.0, True, "£350k"),
    ("pv_cost", None, True, "n/a"),
    ("bcr_social", 1.234, False, "£1.23 back per £1"),
    ("bcr_social", None, False, "n/a"),                       # nothing spent: no ratio
    ("roi_fiscal", -0.9441, False, "-£0.94 net per £1"),
    ("break_even_multiplier", 17.25, False, "17.25 times"),
    ("break_even_multiplier", None, False, "none (savings at or below zero)"),
    ("switch_wellbeing", 0.4, False, "0.40 times the assumed gains (they could be 60% smaller and still break even)"),
    ("switch_wellbeing", 1.5, True, "1.50 times"),
    ("switch_wellbeing", -0.2, True, "none needed"),
    ("bcr_fiscal", -0.04, False, "nothing back: £0.04 more cost per £1"),
    ("share_social_weak_evidence", 0.425, False, "42%"),       # 0.425 is a hair under 42.5% in binary
    ("prob_nmb_positive", 0.875, False, "88%"),
    ("starters", 46_969.6, False, "46,970"),
    ("qalys", 46.2149, True, "46.2"),
    ("qalys", 46.2149, False, "46.215 QALYs"),
    ("cost_per_qaly", 12_345.6, False, "£12,346"),
    ("payback_year", 2, False, "Year 3"),                     # index 0 is the first delivery year
    ("payback_year", None, False, "Not within 5 years"),
    ("icer_quadrant", "dominant", False, "dominant: cheaper and more QALYs"),
])
def test_each_kind_is_written_as_worked_by_hand(key, value, compact, expected):
    assert out.format_output(key, value, compact=compact) == expected


def test_nan_is_not_available():
    assert out.format_output("bcr_fiscal", math.nan) == "n/a"


def test_a_negative_saving_is_said_as_extra_cost_to_services():
    assert out.said("pv_saving", -634_088.54) == ("Extra cost to services", 634_088.54)
    assert out.said("pv_saving", 10.0) == ("Savings to services (present value)", 10.0)
    assert out.said("npv_fiscal", -5.0) == ("Net fiscal value", -5.0)  # its label serves both signs


def test_captions_fill_in_the_horizon_price_year_and_threshold():
    assert out.caption("npv_fiscal", 1, "2024/25") == "PV of NHS savings minus PV of cost, 1 year, 2024/25 prices"
    assert out.caption("nmb", threshold=30_000) == "QALYs valued at £30,000 each, minus net cost"


def test_percentile_columns_are_named_from_their_figure():
    assert out.percentile_key("npv_social", "p5") == "npv_social_p5"
    assert out.percentile_label("npv_social", "p95") == "Net social value, 95th percentile"


def test_the_simulation_basis_reads_the_correlation_as_the_form_shows_it():
    assert setting_text("correlation", 0.3) == "30%"
    assert simulation_basis(2000, 12345, 0.3) == "2,000 draws, seed 12345, correlated at 30% across interventions"
    assert simulation_basis(500, 1, 0.0, per="per area") == \
        "500 draws per area, seed 1, independent across interventions"


def test_one_table_of_kinds_with_the_long_units():
    assert KINDS["hours"].unit_suffix == " hours" and KINDS["points"].unit_suffix == " points"
    from rtv_desktop.core.declare import show
    assert show("hours", 2.5) == "2.5 hours"
    assert show("seed", 123456) == "123456"  # seeds are never grouped
