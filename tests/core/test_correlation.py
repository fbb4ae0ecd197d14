"""Correlated draws (MODEL.md section 7): Iman-Conover reordering of the beta-PERT samples."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtv_desktop.core import default_scenario, simulate, uncertain_inputs
from rtv_desktop.core.correlation import BLOCK, correlate, reorder, target_scores
from rtv_desktop.core.params import draws_at, stream
from rtv_desktop.core.uncertainty import pert


def _scenario(rho):
    s = default_scenario()
    return replace(s, settings=replace(s.settings, correlation=rho))


def _drawn(s, m=4000, seed=3):
    """Independent beta-PERT draws of every uncertain input, as simulate() makes them."""
    inputs = [u for u in uncertain_inputs(s) if not u.value.is_fixed]
    draws = draws_at(s, m)
    for item in inputs:
        v = item.value
        draws[item.array][(slice(None), *item.index)] = pert(stream(seed, item.key), v.low, v.central, v.high, m)
    return draws, inputs


def _columns(draws, inputs, kind):
    return np.column_stack([draws[u.array][(slice(None), *u.index)] for u in inputs if u.kind == kind])


def _spearman(a, b):
    ra, rb = (np.argsort(np.argsort(x)) for x in (a, b))
    return float(np.corrcoef(ra, rb)[0, 1])


def test_rho_zero_leaves_the_independent_draws_untouched():
    draws, inputs = _drawn(_scenario(0.0))
    before = {k: v.copy() for k, v in draws.items()}
    correlate(draws, inputs, 0.0, seed=3, block=0)
    for key in draws:
        np.testing.assert_array_equal(draws[key], before[key])


@pytest.mark.parametrize("rho", [0.3, 0.5, 0.8, 1.0])
def test_marginals_are_unchanged_and_ranks_follow_rho(rho):
    draws, inputs = _drawn(_scenario(rho))
    before = {k: v.copy() for k, v in draws.items()}
    correlate(draws, inputs, rho, seed=3, block=0)
    for key in draws:  # a reordering within each column: the sorted values are the same
        np.testing.assert_array_equal(np.sort(draws[key], axis=0), np.sort(before[key], axis=0))
    gains = _columns(draws, inputs, "wellbeing_gain")  # six interventions with uncertain wellbeing gains
    expected = 6 / np.pi * np.arcsin(rho / 2)  # Spearman's rho of normal scores with Pearson's rho
    pairs = [_spearman(gains[:, i], gains[:, j]) for i in range(gains.shape[1]) for j in range(i)]
    assert np.mean(pairs) == pytest.approx(expected, abs=0.03)


def test_at_rho_one_every_intervention_draws_at_the_same_rank_in_every_iteration():
    draws, inputs = _drawn(_scenario(1.0))
    correlate(draws, inputs, 1.0, seed=3, block=0)
    for kind in ("wellbeing_gain", "deadweight", "effect.gp"):
        columns = _columns(draws, inputs, kind)
        ranks = np.argsort(np.argsort(columns, axis=0), axis=0)
        assert columns.shape[1] >= 2
        assert np.all(ranks == ranks[:, :1]), kind


def test_frame_inputs_are_single_draws_and_never_reordered():
    draws, inputs = _drawn(_scenario(0.9))
    before = draws["unit_cost"].copy(), draws["wellby_value"].copy()
    correlate(draws, inputs, 0.9, seed=3, block=0)
    np.testing.assert_array_equal(draws["unit_cost"], before[0])
    np.testing.assert_array_equal(draws["wellby_value"], before[1])


def test_the_interval_of_net_social_value_widens_with_rho():
    widths = []
    for rho in (0.0, 0.25, 0.5, 0.75, 1.0):
        net = simulate(_scenario(rho), iterations=10_000, seed=20160301).summary["npv_social"]
        widths.append(net["p95"] - net["p5"])
    assert widths == sorted(widths) and widths[-1] > 1.5 * widths[0]


def test_the_chunk_size_does_not_change_a_correlated_simulation():
    s = _scenario(0.5)
    big = simulate(s, iterations=BLOCK + 2500, seed=7, chunk_size=5000)
    small = simulate(s, iterations=BLOCK + 2500, seed=7, chunk_size=777)
    np.testing.assert_array_equal(big.samples["npv_social"], small.samples["npv_social"])
    # Blocks of 10,000: the first 10,000 draws are those of a 10,000-draw run.
    first = simulate(s, iterations=BLOCK, seed=7)
    np.testing.assert_array_equal(big.samples["npv_social"][:BLOCK], first.samples["npv_social"])


@settings(max_examples=30, deadline=None)
@given(st.integers(2, 6), st.integers(3, 200), st.floats(0.0, 1.0))
def test_reorder_gives_each_column_the_ranks_of_its_target(k, m, rho):
    rng = np.random.default_rng(m * 7 + k)
    samples = rng.normal(size=(m, k))
    target = target_scores(m, k, rho, np.random.default_rng(1))
    perm = reorder(samples, target)
    moved = np.take_along_axis(samples, perm, axis=0)
    np.testing.assert_array_equal(np.sort(moved, axis=0), np.sort(samples, axis=0))
    np.testing.assert_array_equal(np.argsort(np.argsort(moved, axis=0), axis=0),
                                  np.argsort(np.argsort(target, axis=0, kind="stable"), axis=0, kind="stable"))
