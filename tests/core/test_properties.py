"""Properties of the valuation that must hold for any valid scenario (hypothesis)."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from rtv_desktop.core import Uncertain, default_scenario, run, simulate, validate
from rtv_desktop.core.engine import persistence

from .loop_reference import loop_summary

fraction = st.floats(0.0, 1.0)
designs = st.sampled_from(("rct", "controlled", "uncontrolled", "judgement"))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def scenarios(draw):
    """Valid scenarios: the default mix with every central value redrawn within its range."""
    s = default_scenario()
    ivs = []
    for iv in s.interventions[: draw(st.integers(0, len(s.interventions)))]:
        effect = tuple((sid, Uncertain.fixed(draw(st.floats(-0.5, 0.5)))) for sid, _ in iv.effect)
        ivs.append(replace(
            iv,
            reach=Uncertain.fixed(draw(st.floats(0.0, 0.05))),
            completion=Uncertain.fixed(draw(fraction)),
            drop_off=Uncertain.fixed(draw(fraction)),
            deadweight=Uncertain.fixed(draw(fraction)),
            effect_years=draw(st.integers(1, 10)),
            evidence_grade=draw(st.integers(1, 6)),
            wellbeing_grade=draw(st.integers(1, 6)),
            qaly_grade=draw(st.integers(1, 6)),
            effect_design=draw(designs),
            wellbeing_design=draw(designs),
            qaly_design=draw(designs),
            cost_grade=draw(st.integers(1, 6)),
            wellbeing_gain=Uncertain.fixed(draw(st.floats(-0.3, 0.5))),
            qaly_gain=Uncertain.fixed(draw(st.floats(-0.05, 0.1))),
            effect=effect,
        ))
    settings_ = replace(s.settings, horizon_years=draw(st.integers(1, 10)),
                        discount_rate=draw(st.floats(0.0, 0.2)), health_discount_rate=draw(st.floats(0.0, 0.2)),
                        qaly_discount_rate=draw(st.floats(0.0, 0.2)),
                        volunteer_time=draw(st.sampled_from(("benefit", "cost", "excluded"))))
    area = replace(s.area, population=draw(st.floats(1.0, 5e6)))
    out = replace(s, interventions=tuple(ivs), settings=settings_, area=area)
    assert not [i for i in validate(out) if i.severity == "error"]
    return out


def _scale_effects(s, k):
    return replace(s, interventions=tuple(
        replace(iv, effect=tuple((sid, v.scaled(k)) for sid, v in iv.effect)) for iv in s.interventions))


@SETTINGS
@given(scenarios())
def test_engine_matches_a_plain_per_year_loop(s):
    expected = loop_summary(s)
    got = run(s).summary
    for key, value in expected.items():
        assert got[key] == pytest.approx(value, rel=1e-9, abs=1e-6), key


@SETTINGS
@given(scenarios())
def test_zero_reach_gives_no_benefit_and_only_fixed_costs(s):
    s = replace(s, interventions=tuple(replace(iv, reach=Uncertain.fixed(0.0)) for iv in s.interventions))
    r = run(s)
    assert r.summary["pv_social"] == 0 and r.summary["starters"] == 0
    uplift = [1 + s.settings.optimism_bias[iv.cost_grade - 1] for iv in s.interventions]  # cost optimism bias
    fixed_only = sum(iv.fixed_cost * u for iv, u in zip(s.interventions, uplift)) * r.discount.sum()
    fixed_only += sum(iv.setup_cost * u for iv, u in zip(s.interventions, uplift))
    assert r.summary["pv_cost"] == pytest.approx(fixed_only)
    free = replace(s, interventions=tuple(replace(iv, fixed_cost=0.0, setup_cost=0.0) for iv in s.interventions))
    assert run(free).summary["pv_cost"] == 0


@SETTINGS
@given(scenarios(), st.floats(0.0, 2.0))  # effects stay within [-1, 1]
def test_savings_scale_linearly_with_effects(s, k):
    base, scaled = run(s).summary, run(_scale_effects(s, k)).summary
    for key in ("pv_saving", "pv_cashable"):
        assert scaled[key] == pytest.approx(k * base[key], rel=1e-9, abs=1e-6)
    assert scaled["pv_cost"] == pytest.approx(base["pv_cost"])


@SETTINGS
@given(scenarios(), st.floats(0.01, 10.0))
def test_benefits_scale_linearly_with_population(s, k):
    assume(s.area.population * k >= 1)  # an area has at least one resident
    s = replace(s, interventions=tuple(replace(iv, fixed_cost=0.0, setup_cost=0.0) for iv in s.interventions))
    bigger = replace(s, area=replace(s.area, population=s.area.population * k))
    base, scaled = run(s).summary, run(bigger).summary
    for key in ("pv_saving", "pv_wellbeing", "pv_volunteer", "pv_cost", "starters"):
        assert scaled[key] == pytest.approx(k * base[key], rel=1e-9, abs=1e-6)


@SETTINGS
@given(scenarios(), st.floats(0.0, 0.2), st.floats(0.0, 0.2))
def test_higher_discount_rate_never_raises_pv_of_positive_stream(s, r1, r2):
    lo, hi = sorted((r1, r2))
    at = lambda r: run(replace(s, settings=replace(s.settings, discount_rate=r, health_discount_rate=r))).summary
    a, b = at(lo), at(hi)
    gains_only = all(iv.wellbeing_gain.central >= 0 for iv in s.interventions)
    for key in ("pv_cost", "pv_volunteer") + (("pv_wellbeing",) if gains_only else ()):  # never negative
        assert b[key] <= a[key] + 1e-9 * max(1.0, abs(a[key]))


@given(st.lists(fraction, min_size=1, max_size=5), st.lists(st.integers(1, 10), min_size=5, max_size=5),
       st.integers(1, 10))
def test_persistence_never_exceeds_effect_years(drops, years, horizon):
    d = np.array(drops)
    lasting = np.array(years[: len(drops)])
    pi = persistence(d[None, :], lasting, horizon)[0]
    for i, last in enumerate(lasting):
        assert np.all(pi[i, last:] == 0)
        assert np.all((pi[i] >= 0) & (pi[i] <= 1))
        assert pi[i, 0] == 1.0


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 3000))
def test_same_seed_same_simulation_whatever_the_chunk_size(seed, n):
    s = default_scenario()
    a = simulate(s, iterations=n, seed=seed)
    b = simulate(s, iterations=n, seed=seed, chunk_size=97)
    np.testing.assert_array_equal(a.samples["npv_social"], b.samples["npv_social"])
    assert a.summary == b.summary


def test_different_seeds_give_different_draws():
    s = default_scenario()
    assert not np.array_equal(simulate(s, 500, seed=1).samples["npv_fiscal"],
                              simulate(s, 500, seed=2).samples["npv_fiscal"])


def _degenerate(s):
    fix = lambda u: Uncertain.fixed(u.central)
    ivs = tuple(replace(iv, **{k: fix(getattr(iv, k)) for k in
                               ("reach", "completion", "cost_per_starter", "drop_off", "deadweight", "wellbeing_gain")},
                        effect=tuple((sid, fix(v)) for sid, v in iv.effect)) for iv in s.interventions)
    # Baseline use and cashable shares are drawn since version 3 (MODEL.md 11b): fixed here too.
    services = tuple(replace(v, unit_cost=fix(v.unit_cost), cashable_share=fix(v.cashable_share),
                             baseline=tuple(fix(u) for u in v.baseline)) for v in s.services)
    return replace(s, interventions=ivs, services=services,
                   settings=replace(s.settings, wellby_value=fix(s.settings.wellby_value)))


def test_simulation_equals_deterministic_when_low_equals_high():
    s = _degenerate(default_scenario())
    sim, det = simulate(s, 200, seed=3), run(s).summary
    for key in ("npv_fiscal", "npv_social", "pv_cost", "bcr_social"):
        assert sim.summary[key]["mean"] == pytest.approx(det[key], rel=1e-12)
        assert sim.summary[key]["p5"] == pytest.approx(det[key], rel=1e-12)


def test_simulation_mean_converges_to_deterministic_for_narrow_ranges():
    s = default_scenario()
    narrow = lambda u: Uncertain(u.central, u.central - 1e-3 * abs(u.central), u.central + 1e-3 * abs(u.central))
    ivs = tuple(replace(iv, cost_per_starter=narrow(iv.cost_per_starter), wellbeing_gain=narrow(iv.wellbeing_gain))
                for iv in _degenerate(s).interventions)
    s = replace(_degenerate(s), interventions=ivs)
    sim = simulate(s, 5000, seed=11)
    det = run(s).summary
    assert sim.summary["npv_social"]["mean"] == pytest.approx(det["npv_social"], rel=1e-4)


@given(st.lists(fraction, min_size=1, max_size=5), st.integers(1, 10), st.integers(1, 10))
def test_cumulative_persistence_is_the_cumsum_of_persistence(drops, last, horizon):
    from rtv_desktop.core.engine import cumulative_persistence

    d = np.array(drops)[None, :]
    lasting = np.full(len(drops), last)
    np.testing.assert_allclose(cumulative_persistence(d, lasting, horizon),
                               np.cumsum(persistence(d, lasting, horizon), axis=-1), rtol=1e-12)


def test_persistence_worked_out_once_when_no_drop_off_varies_gives_the_same_figures():
    from dataclasses import replace as copy

    from rtv_desktop.core import engine
    from rtv_desktop.core.params import draws_at, fixed_inputs

    s = default_scenario()
    fixed = fixed_inputs(s)
    assert not fixed.drop_off_varies  # every shipped drop-off is a single figure
    draws = draws_at(s, 50)
    draws["reach"] *= np.linspace(0.5, 1.5, 50)[:, None]  # draws that differ in other inputs
    once = engine.evaluate(fixed, draws)
    every = engine.evaluate(copy(fixed, drop_off_varies=True), draws)
    for key, value in every.items():
        np.testing.assert_allclose(once[key], value, rtol=1e-12, err_msg=key)


@SETTINGS
@given(scenarios(), st.integers(1, 5))
def test_a_harm_never_shrinks_as_its_grade_worsens(s, grade):
    """MODEL.md 10b: optimism bias raises a harm, so a worse grade never makes a loss smaller
    (and never makes a gain larger)."""
    def graded(g):
        ivs = tuple(replace(iv, evidence_grade=g, wellbeing_grade=g, qaly_grade=g) for iv in s.interventions)
        return run(replace(s, interventions=ivs))

    better, worse = graded(grade), graded(grade + 1)
    for i, iv in enumerate(s.interventions):
        for key, value in (("pv_saving", None), ("pv_wellbeing", iv.wellbeing_gain.central),
                           ("qalys", iv.qaly_gain.central)):
            a, b = better.by_intervention[key][i], worse.by_intervention[key][i]
            if value is None:  # the savings: one sign only when every effect has it
                effects = [v.central for _, v in iv.effect]
                value = 1.0 if all(e >= 0 for e in effects) else -1.0 if all(e <= 0 for e in effects) else None
            if value is None:
                continue  # effects of both signs: the net may move either way
            tolerance = 1e-9 * max(1.0, abs(a))
            assert b <= a + tolerance  # a gain shrinks and a loss grows (or they stay)
            if value >= 0:
                assert b >= -tolerance  # a gain never turns into a loss
