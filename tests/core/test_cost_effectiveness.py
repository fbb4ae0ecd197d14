"""The cost-effectiveness acceptability curve and plane (MODEL.md section 11c): a hand-worked case
of four draws, then the properties a real simulation must have."""

from dataclasses import replace

import numpy as np
import pytest

from rtv_desktop.core import Option, default_document, simulate
from rtv_desktop.core.cost_effectiveness import (CEAC_THRESHOLDS, ceac_sentence, plane_areas, plane_sentence,
                                                 plane_summary)

approx = pytest.approx

# Four draws of two options, A and B (doing nothing competes: net monetary benefit 0).
#   draw   A: QALYs, net cost    B: QALYs, net cost
#   1      1, £10,000            2, £30,000
#   2      2, £50,000            1, £10,000
#   3      0, -£5,000            1, £20,000
#   4      1, £30,000            0, £0        (B always level with doing nothing)
A_QALYS, A_COST = [1.0, 2.0, 0.0, 1.0], [10_000.0, 50_000.0, -5_000.0, 30_000.0]
B_QALYS, B_COST = [2.0, 1.0, 1.0, 0.0], [30_000.0, 10_000.0, 20_000.0, 0.0]


def _two_options(comparator=None):
    base = default_document()
    ivs = base.options[0].interventions
    return replace(base, options=(Option("A", ivs[:1]), Option("B", ivs[1:2])), comparator=comparator)


def _enumerated(comparator=None):
    """A simulation of two options whose draws are the four above (the rest of its figures are real)."""
    sim = simulate(_two_options(comparator), iterations=4, seed=1)
    options = tuple(replace(o, samples={**o.samples, "qalys": np.array(q), "net_cost": np.array(c)})
                    for o, q, c in zip(sim.options, (A_QALYS, B_QALYS), (A_COST, B_COST)))
    return replace(sim, options=options)


def test_hand_worked_ceac_with_doing_nothing():
    sim = _enumerated()
    thresholds, (a, b) = sim.ceac
    nothing = sim.ceac_do_nothing
    np.testing.assert_array_equal(thresholds, np.linspace(0, 100_000, 41))
    # £0: draws 1 and 2 doing nothing; 3 A (it saves £5,000); 4 B and doing nothing level, half each.
    at = lambda lam: int(np.flatnonzero(thresholds == lam)[0])  # noqa: E731
    assert (a[at(0)], b[at(0)], nothing[at(0)]) == (0.25, 0.125, 0.625)
    # £20,000: draw 1 A and B level (£10,000 each); 2 B; 3 A (£5,000 against £0); 4 B and doing nothing level.
    assert (a[at(20_000)], b[at(20_000)], nothing[at(20_000)]) == (0.375, 0.5, 0.125)
    # £50,000: draw 1 B (£70,000), 2 A (£50,000), 3 B (£30,000), 4 A (£20,000).
    assert (a[at(50_000)], b[at(50_000)], nothing[at(50_000)]) == (0.5, 0.5, 0.0)
    np.testing.assert_allclose(a + b + nothing, 1.0, rtol=0, atol=1e-12)
    assert sim.ceac_at(20_000) == ((0.375, 0.5), 0.125)
    assert ceac_sentence(sim, 20_000) == "At £20,000 per QALY, B is the most cost-effective in 50% of draws."
    assert ceac_sentence(sim, 0) == "At £0 per QALY, doing nothing is the most cost-effective in 62% of draws."


def test_hand_worked_plane_against_an_option_and_against_doing_nothing():
    sim = _enumerated(comparator=0)
    assert sim.ceac_do_nothing is None  # with a comparator, doing nothing is not on the table
    _t, (a, b) = sim.ceac
    np.testing.assert_allclose(a + b, 1.0)
    dq, dc = sim.plane(1)
    np.testing.assert_array_equal(dq, [1.0, -1.0, 1.0, -1.0])
    np.testing.assert_array_equal(dc, [20_000.0, -40_000.0, 25_000.0, -30_000.0])
    same_q, same_c = sim.plane(0)
    assert not same_q.any() and not same_c.any()
    assert plane_areas(dq, dc) == {"dominant": 0.0, "dominated": 0.0, "more costly, more effective": 0.5,
                                   "cheaper, less effective": 0.5, "no difference": 0.0}
    # Against doing nothing, A's own figures: draw 3 gains nothing and saves money (dominant).
    own_q, own_c = _enumerated().plane(0)
    np.testing.assert_array_equal(own_q, A_QALYS)
    np.testing.assert_array_equal(own_c, A_COST)
    summary = plane_summary(own_q, own_c, 20_000)
    assert summary["inc_qalys"] == 1.0 and summary["inc_net_cost"] == 21_250.0
    assert summary["areas"]["dominant"] == 0.25 and summary["areas"]["more costly, more effective"] == 0.75
    assert summary["cost_effective"] == 0.5  # draws 1 and 3 have a net monetary benefit above zero
    assert plane_sentence("A", "doing nothing", summary, 20_000) == (
        "Against doing nothing, A gains 1.0 QALYs for £21k more net cost on average; it is cost-effective at "
        "£20,000 per QALY in 50% of draws.")


@pytest.fixture(scope="module")
def sims():
    return {c: simulate(_two_options(c), iterations=3000, seed=4) for c in (None, 1)}


def test_the_curve_sums_to_one_and_agrees_with_the_net_monetary_benefit_at_the_document_threshold(sims):
    sim = sims[None]
    thresholds, probs = sim.ceac
    assert thresholds.shape == (41,) and all(p.shape == (41,) for p in probs)
    np.testing.assert_allclose(sum(probs) + sim.ceac_do_nothing, 1.0, rtol=0, atol=1e-12)
    threshold = sim.document.settings.qaly_threshold
    k = int(np.flatnonzero(CEAC_THRESHOLDS == threshold)[0])
    nmb = np.column_stack([o.samples["nmb"] for o in sim.options] + [np.zeros(sim.iterations)])
    best = nmb.argmax(axis=1)
    for j, p in enumerate([*probs, sim.ceac_do_nothing]):
        assert p[k] == approx(np.mean(best == j), abs=1e-12)
    assert "_ceac" in vars(sim)  # worked out once, when first asked for, and kept
    assert not probs[0].flags.writeable


def test_plane_increments_are_the_option_minus_the_comparator_in_each_draw(sims):
    sim = sims[1]
    assert sim.ceac_do_nothing is None
    np.testing.assert_allclose(sum(sim.ceac[1]), 1.0)
    dq, dc = sim.plane(0)
    a, b = sim.options
    np.testing.assert_array_equal(dq, a.samples["qalys"] - b.samples["qalys"])
    np.testing.assert_array_equal(dc, a.samples["net_cost"] - b.samples["net_cost"])
    # Against doing nothing (no comparator), the option's own draws.
    own_q, own_c = sims[None].plane(1)
    np.testing.assert_array_equal(own_q, sims[None].options[1].samples["qalys"])
    np.testing.assert_array_equal(own_c, sims[None].options[1].samples["net_cost"])
    assert sum(plane_areas(dq, dc).values()) == approx(1.0)
