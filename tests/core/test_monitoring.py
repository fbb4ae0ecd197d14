"""Benefits realisation (MODEL.md section 12): forecast by quarter, blank actuals, observed
effects as local evidence, the re-forecast and the document's JSON."""

from dataclasses import replace

import numpy as np
import pytest

from rtv_desktop.core import Document, run
from rtv_desktop.core.library import entries_for, entry, entry_problems
from rtv_desktop.core.monitoring import (Figures, OutcomeRecord, accept_local_evidence, forecast_activity, local_entry,
                                         monitoring_summary, observed_effects, quarters, reforecast, variance,
                                         with_actuals)
from tests.core.builders import intervention, scenario


def document(**iv_fields):
    s = scenario([intervention(id="coach", **iv_fields)], start_year="2026/27")
    return Document.from_scenario(s, "Coaching")


def test_quarters_are_labelled_by_financial_year():
    assert quarters("2026/27", 2) == ["2026/27 Q1", "2026/27 Q2", "2026/27 Q3", "2026/27 Q4",
                                      "2027/28 Q1", "2027/28 Q2", "2027/28 Q3", "2027/28 Q4"]


def test_forecast_is_the_yearly_figure_over_four_quarters_with_set_up_in_the_first():
    # E = 1000 adults, reach 0.1: 100 starters a year, 50 completers; cost a year 100 * £100 +
    # £1,000 fixed = £11,000, plus £500 set-up in year 0. Quarters: 25 starters, 12.5 completers,
    # £2,750 spend, and £3,250 in 2026/27 Q1.
    doc = document()
    rows = forecast_activity(doc)
    assert len(rows) == 3 * 4
    assert rows[0].quarter == "2026/27 Q1" and rows[0].intervention_id == "coach"
    assert rows[0].forecast == Figures(25.0, 12.5, 3250.0)
    assert rows[1].forecast == Figures(25.0, 12.5, 2750.0)
    assert rows[4].forecast == Figures(25.0, 12.5, 2750.0)
    assert all(row.actual == Figures() for row in rows)
    cost = run(doc.scenario(0)).cost[0]
    by_year = [sum(row.forecast.spend for row in rows[4 * t:4 * t + 4]) for t in range(3)]
    assert by_year == pytest.approx(list(cost))


def test_forecast_spend_counts_the_cost_uplift_once_and_is_cash():
    # cost grade 2: +5% on every cost, set-up included (as the model counts it)
    doc = document(cost_grade=2)
    rows = forecast_activity(doc)
    assert rows[0].forecast.spend == pytest.approx(11000 * 1.05 / 4 + 525.0)
    # 2% inflation, prices of 2024/25, first quarter in 2026/27: two years on, x 1.0404
    doc = replace(doc, settings=replace(doc.settings, inflation_rate=0.02))
    assert forecast_activity(doc)[0].forecast.spend == pytest.approx((11000 * 1.05 / 4 + 525.0) * 1.0404)
    assert forecast_activity(doc, "2027/28")[0].quarter == "2027/28 Q1"


def test_blank_actuals_are_never_counted_as_zero():
    doc = document()
    forecast = forecast_activity(doc)
    actuals = with_actuals(forecast, {(0, "2026/27 Q1", "coach"): Figures(starters=20.0)})
    first = actuals.activity[0]
    change = variance(first.forecast, first.actual)
    assert change["starters"] == {"number": -5.0, "percent": -20.0}
    assert change["completers"] is None and change["spend"] is None
    assert all(v is None for v in variance(actuals.activity[1].forecast, actuals.activity[1].actual).values())
    # completers and spend unknown: completion and cost per starter stay the document's
    iv = reforecast(doc, actuals).options[0].interventions[0]
    assert iv.reach.central == pytest.approx(20 * 4 / 1000)
    assert iv.completion == doc.options[0].interventions[0].completion
    assert iv.cost_per_starter == doc.options[0].interventions[0].cost_per_starter
    # a service-use row with a blank count gives no effect (not a rate of zero)
    blank = OutcomeRecord(0, "coach", "service:gp", "participants", before_contacts=200, before_person_years=100,
                          after_person_years=100)
    assert observed_effects(replace(actuals, outcomes=(blank,))) == ()


def half_year_actuals(doc):
    """A first year with half the forecast starters (12.5 a quarter) at the forecast prices."""
    forecast = forecast_activity(doc)
    filled = {}
    for row in forecast[:4]:
        spend = 12.5 * 100 + 250 + (500 if row.quarter.endswith("Q1") else 0)
        filled[(0, row.quarter, "coach")] = Figures(12.5, 6.25, spend)
    return with_actuals(forecast, filled, source="returns.xlsx")


def test_reforecast_with_half_the_starters_lowers_the_present_value_of_cost():
    doc = document()
    again = reforecast(doc, half_year_actuals(doc))
    iv = again.options[0].interventions[0]
    # 50 starters a year of 1000: reach 0.05; 25 / 50 complete; (£7,500 - £500 set-up - £1,000
    # fixed) / 50 starters = £100 each
    assert iv.reach.central == pytest.approx(0.05)
    assert iv.completion.central == pytest.approx(0.5)
    assert iv.cost_per_starter.central == pytest.approx(100.0)
    before, after = run(doc.scenario(0)).summary["pv_cost"], run(again.scenario(0)).summary["pv_cost"]
    # 50 * £100 + £1,000 = £6,000 a year at 10%: 6000 * (1 + 1/1.1 + 1/1.21) + 500
    assert after == pytest.approx(6000 * (1 + 1 / 1.1 + 1 / 1.21) + 500)
    assert after < before


def test_reforecast_gives_back_the_spend_observed_with_a_cost_uplift():
    doc = document(cost_grade=3)  # +10%
    forecast = forecast_activity(doc)
    filled = {(0, row.quarter, "coach"): replace(row.forecast) for row in forecast[:4]}
    again = reforecast(doc, with_actuals(forecast, filled))
    assert again.options[0].interventions[0].cost_per_starter.central == pytest.approx(100.0)


def outcomes_with_comparison():
    return (
        OutcomeRecord(0, "coach", "service:gp", "participants", before_contacts=200, before_person_years=100,
                      after_contacts=150, after_person_years=100),
        OutcomeRecord(0, "coach", "service:gp", "comparison", before_contacts=100, before_person_years=100,
                      after_contacts=90, after_person_years=100),
        OutcomeRecord(0, "coach", "life_satisfaction", "participants", before_mean=6.8, before_sd=2.0, before_n=50,
                      after_mean=7.4, after_sd=1.8, after_n=40),
    )


def test_observed_effects_design_grade_and_swapped_interval():
    doc = document()
    actuals = replace(half_year_actuals(doc), outcomes=outcomes_with_comparison())
    gp, wellbeing = observed_effects(actuals)
    # 1 - 0.8333 = 0.1667; interval 1 - 1.1883 to 1 - 0.5844
    assert (gp.outcome, gp.design, gp.grade, gp.n) == ("service:gp", "controlled", 2, 100)
    assert (gp.value, gp.low, gp.high) == pytest.approx((0.1667, -0.1883, 0.4156), abs=1e-4)
    assert gp.quarters_observed == 4
    assert (wellbeing.outcome, wellbeing.design, wellbeing.grade, wellbeing.n) == ("wellbeing", "uncontrolled", 4, 40)
    assert (wellbeing.low, wellbeing.value, wellbeing.high) == pytest.approx((-0.198, 0.6, 1.398), abs=1e-3)
    uncontrolled, _ = observed_effects(replace(actuals, outcomes=outcomes_with_comparison()[::2]))
    assert (uncontrolled.design, uncontrolled.grade) == ("uncontrolled", 4)
    assert uncontrolled.value == pytest.approx(0.25)


def test_local_entry_fills_every_field_and_is_found_through_the_document():
    doc = document()
    actuals = replace(half_year_actuals(doc), outcomes=outcomes_with_comparison())
    gp = observed_effects(actuals)[0]
    found = local_entry(gp, doc, "returns.xlsx")
    assert found.id == "local-coach-service-gp" and found.is_local
    assert found.citation == "Local monitoring: returns.xlsx" and found.setting == "local"
    assert found.follow_up_months == 12 and found.n == 100
    assert "200 contacts in 100 person-years before" in found.measure and "1/c + 1/d" in found.conversion
    assert entry_problems(found.to_json(), {"gp"}) == []
    accepted = accept_local_evidence(doc, gp, "returns.xlsx")
    iv = accepted.options[0].interventions[0]
    assert iv.effect_on("gp").central == pytest.approx(gp.value)
    assert (iv.effect_design, iv.evidence_grade) == ("controlled", 2)
    assert iv.evidence_for("service:gp") == found.id
    assert entry(found.id) is None and entry(found.id, accepted) == found
    assert entries_for("health_coaching", "service:gp", doc=accepted)[0] == found
    # accepting again replaces the entry rather than adding a second one
    assert len(accept_local_evidence(accepted, gp, "returns.xlsx").local_evidence) == 1


def test_document_round_trips_local_evidence_and_actuals():
    doc = document()
    actuals = replace(half_year_actuals(doc), outcomes=outcomes_with_comparison())
    accepted = replace(accept_local_evidence(doc, observed_effects(actuals)[0], "returns.xlsx"), actuals=actuals)
    data = accepted.to_dict()
    assert data["version"] == 3 and data["local_evidence"][0]["id"] == "local-coach-service-gp"
    assert data["monitoring"]["activity"][0]["actual"] == {"starters": 12.5, "completers": 6.25, "spend": 2000.0}
    assert data["monitoring"]["activity"][5]["actual"] == {"starters": None, "completers": None, "spend": None}
    assert Document.from_dict(data) == accepted
    assert Document.from_dict(doc.to_dict()).actuals is None


def test_monitoring_summary_puts_forecast_actual_and_reforecast_side_by_side():
    doc = document()
    actuals = replace(half_year_actuals(doc), outcomes=outcomes_with_comparison())
    summary = monitoring_summary(doc, actuals)
    (option,) = summary["options"]
    assert option["name"] == "Coaching" and len(option["quarters"]) == 12
    first = option["quarters"][0]
    assert first["variance"]["starters"] == {"number": -12.5, "percent": -50.0}
    assert option["quarters"][4]["variance"]["starters"] is None
    assert [e["outcome"] for e in option["observed_effects"]] == ["service:gp", "wellbeing"]
    assert option["reforecast"]["pv_cost"] < option["forecast"]["pv_cost"]
    assert option["forecast"] == run(doc.scenario(0)).summary
    assert np.isfinite(option["reforecast"]["starters"])
