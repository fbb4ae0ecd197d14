"""Fitted distributions (MODEL.md 11a): the families, their tabulated quantiles, and what a simulation
of one uncertain input gives; beta-PERT kept for files before version 3."""

import json
import math
from dataclasses import replace
from pathlib import Path
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtv_desktop.core import Document, Uncertain, default_document, run, simulate
from rtv_desktop.core.distributions import fitted, inverse_normal_cdf, quantile, sample
from rtv_desktop.core.uncertainty import set_central
from rtv_desktop.core.params import uncertain_inputs

from .builders import intervention, scenario, service

V2 = Path(__file__).parents[1] / "fixtures" / "v2"
DRAWS = 20_000
_Z = np.linspace(-8.5, 8.5, 100_001)
_WEIGHT = np.exp(-_Z ** 2 / 2) / math.sqrt(2 * math.pi) * (_Z[1] - _Z[0])


def _moments(law):
    """Mean and sd of a distribution from its quantile function (integrated over normal scores)."""
    x = quantile(law, _Z)
    mean = float((x * _WEIGHT).sum())
    return mean, math.sqrt(float(((x - mean) ** 2 * _WEIGHT).sum()))


def test_inverse_normal_matches_the_standard_library_to_the_last_digits():
    p = np.concatenate([np.logspace(-300, -1, 300), np.linspace(0.01, 0.99, 99), 1 - np.logspace(-15, -1, 50)])
    expected = np.array([NormalDist().inv_cdf(v) for v in p])
    np.testing.assert_allclose(inverse_normal_cdf(p), expected, rtol=1e-14, atol=1e-14)


@settings(max_examples=40, deadline=None)
@given(st.floats(0.02, 0.98), st.floats(0.01, 1.0))
def test_a_fitted_beta_has_the_central_value_as_its_mean_and_the_capped_sd(m, spread):
    law = fitted(Uncertain(m, m - spread * m, m + spread * (1 - m)), "beta")
    sd_wanted = min(spread * 1 / 3.29, 0.99 * math.sqrt(m * (1 - m)))
    mean, sd = _moments(law)
    assert law.sd == pytest.approx(sd_wanted)
    # The tabulated quantiles keep the mean and sd to a small fraction of the sd, whatever the shape.
    assert abs(mean - m) < 2e-3 * law.sd
    assert sd == pytest.approx(law.sd, rel=2e-3)


@settings(max_examples=40, deadline=None)
@given(st.floats(1.0, 1e5), st.floats(0.01, 3.0))
def test_a_fitted_gamma_has_the_central_value_as_its_mean(m, cv):
    law = fitted(Uncertain(m, m * (1 - cv), m * (1 + cv)), "gamma")
    mean, sd = _moments(law)
    assert law.sd == pytest.approx(2 * cv * m / 3.29)
    assert abs(mean - m) < 2e-3 * law.sd
    assert sd == pytest.approx(law.sd, rel=5e-3)


@pytest.mark.parametrize("family, value", [("beta", Uncertain(0.2, 0.1, 0.35)), ("gamma", Uncertain(200, 150, 540)),
                                           ("beta", Uncertain(0.05, 0.0, 0.5)), ("gamma", Uncertain(48, 36, 56))])
def test_tabulated_quantiles_agree_with_numpys_own_sampler(family, value):
    law = fitted(value, family)
    drawn = np.sort(sample(law, np.random.default_rng(5), 400_000))
    probs = np.array([0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99])
    ours = quantile(law, np.array([NormalDist().inv_cdf(p) for p in probs]))
    theirs = np.quantile(drawn, probs)
    # Within the sampling error of numpy's quantiles (a few thousandths of an sd at 400,000 draws).
    np.testing.assert_allclose(ours, theirs, atol=0.02 * law.sd)


def test_closed_forms_and_constants():
    normal = fitted(Uncertain(0.2, 0.1, 0.3), "normal")
    assert quantile(normal, np.array([0.0]))[0] == 0.2 and normal.sd == pytest.approx(0.2 / 3.29)
    effect = fitted(Uncertain(0.1, 0.05, 0.15), "lognormal_complement")
    assert _moments(effect)[0] == pytest.approx(0.1, abs=1e-9)
    assert quantile(effect, np.array([1.0]))[0] > quantile(effect, np.array([0.0]))[0]  # higher score, larger effect
    # No spread keeps the mean: a share of 0, money of 0, a degenerate range.
    assert fitted(Uncertain(0.0, 0.0, 0.1), "beta").is_constant
    assert fitted(Uncertain(0.0, 0.0, 10.0), "gamma").is_constant
    assert fitted(Uncertain(3.0, 3.0, 3.0), "normal").is_constant


# -- one uncertain input, everything else fixed --------------------------------------------------
def _with_intervention(**fields):
    return lambda u: scenario(interventions=(intervention(**{k: (u if v is None else v) for k, v in fields.items()}),))


def _with_service(name):
    def build(u):
        svc = service()
        if name == "baseline":
            return scenario(services=(replace(svc, baseline=(u,) + svc.baseline[1:]),))
        return scenario(services=(replace(svc, **{name: u}),))
    return build


# (what, scenario with the input set to u, a figure linear in it, the input's interval)
ONE_INPUT = [
    ("normal: wellbeing gain", _with_intervention(wellbeing_gain=None), "pv_wellbeing", Uncertain(0.2, 0.1, 0.3)),
    ("normal: QALY gain", _with_intervention(qaly_gain=None), "qalys", Uncertain(0.02, 0.01, 0.03)),
    ("beta: completion", _with_intervention(completion=None), "pv_wellbeing", Uncertain(0.5, 0.4, 0.6)),
    ("beta: reach", _with_intervention(reach=None), "pv_cost", Uncertain(0.1, 0.08, 0.12)),
    ("beta: deadweight", _with_intervention(deadweight=None), "pv_wellbeing", Uncertain(0.3, 0.2, 0.4)),
    ("beta: cashable share", _with_service("cashable_share"), "pv_cashable", Uncertain(0.3, 0.2, 0.4)),
    ("gamma: cost per starter", _with_intervention(cost_per_starter=None), "pv_cost", Uncertain(100, 80, 120)),
    ("gamma: unit cost", _with_service("unit_cost"), "pv_saving", Uncertain(50, 40, 60)),
    ("gamma: baseline use", _with_service("baseline"), "pv_saving", Uncertain(4.0, 3.5, 4.5)),
    ("gamma: WELLBY value", lambda u: scenario(wellby_value=u), "pv_wellbeing", Uncertain(10_000, 8_000, 12_000)),
    ("lognormal: effect on use", lambda u: scenario(interventions=(intervention(effect=(("gp", u),)),)),
     "pv_saving", Uncertain(0.1, 0.05, 0.15)),
]


def _at(build, u, value, key):
    return run(build(Uncertain.fixed(value))).summary[key]


@pytest.mark.parametrize("what, build, key, u", ONE_INPUT, ids=[case[0] for case in ONE_INPUT])
def test_one_fitted_input_gives_the_central_figure_on_average_and_its_interval_at_5_and_95(what, build, key, u):
    s = build(u)
    s = replace(s, settings=replace(s.settings, distributions="fitted"))
    draws = simulate(s, iterations=DRAWS, seed=3).samples[key]
    central, at_low, at_high = (_at(build, u, x, key) for x in (u.central, u.low, u.high))
    span = abs(at_high - at_low)
    # The figure is linear in the input, so its mean is the central figure (within Monte Carlo error) ...
    assert abs(draws.mean() - central) < 4 * draws.std() / math.sqrt(DRAWS)
    # ... its 5-95% spread is the figure over the interval (a 90% interval; skew moves each end a little) ...
    p5, p95 = np.percentile(draws, (5, 95))
    assert p95 - p5 == pytest.approx(span, rel=0.04)
    assert min(p5, p95) == pytest.approx(min(at_low, at_high), abs=0.05 * span)
    # ... and the tails are not cut: a tenth of the draws lie beyond the interval, some well beyond.
    lower, upper = min(at_low, at_high), max(at_low, at_high)
    outside = np.mean((draws < lower) | (draws > upper))
    assert 0.08 < outside < 0.12
    assert np.percentile(draws, 2.5) < lower and np.percentile(draws, 97.5) > upper


@pytest.mark.parametrize("what, build, key, u", ONE_INPUT[:3], ids=[case[0] for case in ONE_INPUT[:3]])
def test_under_pert_the_range_is_a_hard_limit(what, build, key, u):
    s = build(u)
    s = replace(s, settings=replace(s.settings, distributions="pert"))
    draws = simulate(s, iterations=5000, seed=3).samples[key]
    at_low, at_high = (_at(build, u, x, key) for x in (u.low, u.high))
    assert draws.min() >= min(at_low, at_high) - 1e-9 and draws.max() <= max(at_low, at_high) + 1e-9
    assert np.percentile(draws, 5) > min(at_low, at_high)


def test_a_version_2_file_still_draws_beta_pert_with_the_same_numbers():
    """Figures of the example written as a version-2 file (no ranges on baseline use or cashable
    shares), simulated before fitted distributions existed (tests/fixtures/v2)."""
    doc = Document.from_dict(json.loads((V2 / "example-v2.json").read_text()))
    before = json.loads((V2 / "example-v2.simulation.json").read_text())
    assert doc.settings.distributions == "pert"
    sim = simulate(doc, iterations=before["iterations"], seed=before["seed"])
    for key in ("npv_social", "npv_fiscal", "pv_saving", "pv_cost"):
        assert sim.summary[key] == pytest.approx(before[key], rel=1e-12)
    assert sim.summary["prob_npv_social_positive"] == before["prob_npv_social_positive"]
    assert sim.evpi_social == pytest.approx(before["evpi_social"], rel=1e-12, abs=1e-6)


# -- the copula: correlation, common random numbers, chunks, seeds ------------------------------------
def _fitted_example(rho=0.5):
    doc = default_document()
    return replace(doc, settings=replace(doc.settings, distributions="fitted", correlation=rho))


def _spearman(a, b):
    ra, rb = (np.argsort(np.argsort(x)) for x in (a, b))
    return float(np.corrcoef(ra, rb)[0, 1])


def _deadweights(doc, n=DRAWS, seed=2):
    from rtv_desktop.core.simulation import draw_blocks, union_of_options

    union = union_of_options(doc).scenario
    blocks = list(draw_blocks(union, n, seed, doc.settings.correlation, "fitted"))
    return np.concatenate([block["deadweight"] for block in blocks])


@pytest.mark.parametrize("rho", [0.0, 0.3, 0.8])
def test_fitted_draws_of_one_kind_have_the_rank_correlation_asked_for(rho):
    columns = _deadweights(_fitted_example(rho))
    assert _spearman(columns[:, 0], columns[:, 1]) == pytest.approx(rho, abs=0.03)


def test_at_rho_one_every_intervention_draws_at_the_same_rank():
    columns = _deadweights(_fitted_example(1.0), n=2000)
    ranks = np.argsort(np.argsort(columns, axis=0), axis=0)
    assert (ranks == ranks[:, :1]).all()


def test_fitted_simulation_is_reproducible_and_independent_of_the_chunk_size():
    doc = _fitted_example()
    a = simulate(doc, iterations=12_000, seed=4)
    b = simulate(doc, iterations=12_000, seed=4, chunk_size=700)
    np.testing.assert_array_equal(a.samples["npv_social"], b.samples["npv_social"])
    assert not np.array_equal(a.samples["npv_social"], simulate(doc, iterations=12_000, seed=5).samples["npv_social"])


def test_fitted_draws_keep_common_random_numbers_across_options():
    doc = _fitted_example()
    ivs = doc.options[0].interventions
    two = replace(doc, options=(doc.options[0], replace(doc.options[0], name="Two", interventions=ivs[:2])))
    alone = replace(doc, options=(replace(doc.options[0], name="Two", interventions=ivs[:2]),))
    np.testing.assert_array_equal(simulate(two, 3000, seed=8).options[1].samples["npv_social"],
                                  simulate(alone, 3000, seed=8).options[0].samples["npv_social"])


def test_baseline_use_and_cashable_shares_are_drawn_and_the_central_run_is_unchanged():
    doc = _fitted_example()
    s = doc.scenario(0)
    keys = {item.array for item in uncertain_inputs(s) if not item.value.is_fixed}
    assert {"baseline", "cashable_share"} <= keys
    central = run(s).summary["pv_saving"]
    moved = [run(set_central(s, u, u.value.high)).summary["pv_saving"] for u in uncertain_inputs(s)
             if u.array == "baseline" and not u.value.is_fixed]
    assert any(value != central for value in moved)
    assert run(s).summary == run(doc.scenario(0)).summary  # the deterministic run stays on the central values
