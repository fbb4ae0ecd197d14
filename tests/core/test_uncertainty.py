"""Scenarios, tornado and simulation outputs."""

from dataclasses import replace

import numpy as np
import pytest

from rtv_desktop.core import (SimulationCancelled, Uncertain, default_scenario, run, scenarios, simulate, tornado, tornados,
                              uncertain_inputs)


def test_tornado_rows_sorted_by_swing_with_both_nets_at_each_end():
    s = default_scenario()
    rows = tornado(s)
    swings = [r.swing for r in rows]
    assert swings == sorted(swings, reverse=True)
    top = rows[0]
    assert top.swing == pytest.approx(abs(top.npv_social_high - top.npv_social_low))
    assert len(rows) == sum(not u.value.is_fixed for u in uncertain_inputs(s))


def test_tornado_end_equals_a_run_with_that_input_moved():
    s = default_scenario()
    row = next(r for r in tornado(s, metric="npv_fiscal") if r.path == "interventions[5].effect.gp")
    ivs = list(s.interventions)
    ivs[5] = ivs[5].with_effect("gp", Uncertain(0.05, -0.05, 0.05))  # social prescribing: GP 0 (-5% to 5%)
    moved = run(replace(s, interventions=tuple(ivs))).summary
    assert row.npv_fiscal_high == pytest.approx(moved["npv_fiscal"])
    assert row.high_input == 0.05


def test_low_central_high_scenarios_are_ordered():
    out = scenarios(default_scenario())
    assert out["low"].summary["npv_social"] < out["central"].summary["npv_social"] < out["high"].summary["npv_social"]
    assert out["central"].summary == run(default_scenario()).summary


def test_simulation_summary_shape_and_probabilities():
    sim = simulate(default_scenario(), iterations=2000, seed=5)
    npv = sim.summary["npv_fiscal"]
    assert npv["p5"] <= npv["p50"] <= npv["p95"] and npv["median"] == npv["p50"]
    assert 0 <= sim.summary["prob_npv_fiscal_positive"] <= 1
    assert sim.summary["prob_bcr_social_above_1"] == pytest.approx(np.mean(sim.samples["bcr_social"] > 1))
    counts, edges = sim.histogram("npv_social", bins=30)
    assert counts.sum() == 2000 and len(edges) == 31
    fan = sim.fan()
    assert fan.shape == (3, 5) and np.all(fan[0] <= fan[2])


def test_pert_draws_stay_within_their_range():
    s = default_scenario()  # read as hard limits, PERT (not the fitted default since version 3)
    sim = simulate(replace(s, settings=replace(s.settings, distributions="pert")), iterations=3000, seed=9)
    assert np.all(sim.samples["pv_cost"] > 0)
    # wellbeing gains are >= 0 and WELLBY >= 12,300 at the low end, so wellbeing value is never negative
    assert np.all(sim.samples["pv_wellbeing"] >= 0)


def test_progress_and_cooperative_cancel():
    seen = []
    simulate(default_scenario(), iterations=1000, seed=1, chunk_size=300, progress=lambda d, t: seen.append((d, t)))
    assert seen == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]
    calls = []

    def cancel_after_two():
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(SimulationCancelled):
        simulate(default_scenario(), iterations=10_000, seed=1, chunk_size=100, cancelled=cancel_after_two)
    assert len(calls) == 3


def test_fan_is_precomputed_and_equals_the_percentiles_of_the_draws():
    sim = simulate(default_scenario(), iterations=1500, seed=4)
    np.testing.assert_array_equal(sim.fan(), np.percentile(sim.cumulative_net, (5, 50, 95), axis=0))
    np.testing.assert_array_equal(sim.fan((10, 90)), np.percentile(sim.cumulative_net, (10, 90), axis=0))


def test_both_tornados_from_one_evaluation_equal_each_metric_alone():
    s = default_scenario()
    both = tornados(s)
    for metric in ("npv_social", "npv_fiscal"):
        assert both[metric] == tornado(s, metric)
    with pytest.raises(ValueError):
        tornados(s, ("bcr_social",))
