"""Options compared (MODEL.md section 6): increments, ICER, the preferred option, and the
simulation with common random numbers, probability best, EVPI and acceptability."""

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rtv_desktop.core import (Document, Option, Uncertain, compare, default_document, quadrant, run, simulate,
                              validate_document)

from .builders import intervention, scenario

approx = pytest.approx
PV_COST = 11500 + 10000 + 11000 / 1.21  # case 1: 30,590.909
PV_SAVING = 800 + 1200 / 1.1 + 1200 / 1.21  # 2,882.645
QALY_FACTOR = 0.016 * (50 + 75 / 1.035 + 75 / 1.035**2)  # K x 0.8 x DFq per unit of qaly_gain / 0.02


def _document(*options, comparator=0, **settings_):
    frame = scenario([], **settings_)
    return replace(Document.from_scenario(frame), options=tuple(options), comparator=comparator)


def test_hand_worked_two_options_against_a_current_service_that_costs_money():
    # Current service (comparator): intervention "a", QALY gain 0.01 -> cost 30,590.91, savings 2,882.65,
    # QALYs 0.5 x 3.079633 = 1.539817.
    # Option B adds "b" (same as "a" but QALY gain 0.03): increments = b's own figures:
    # inc cost 30,590.91, inc savings 2,882.65, inc QALYs 1.5 x 3.079633 = 4.619450;
    # ICER = (30,590.91 - 2,882.65) / 4.619450 = £5,998.17 per QALY, more costly and more effective.
    # Option C is "a" with twice the reach and no QALY change: cost (2 x 10,000 + 1,000 (+500)) =
    # [21,500, 21,000, 21,000] -> PV 21,500 + 19,090.91 + 17,355.37 = 57,946.28; savings x2 = 5,765.29;
    # inc cost 27,355.37, inc savings 2,882.65, inc QALYs 1.539817 -> ICER 17,994.5.
    a = intervention(id="a", qaly_gain=Uncertain.fixed(0.01))
    b = intervention(id="b", name="Extra", qaly_gain=Uncertain.fixed(0.03))
    c = replace(a, reach=Uncertain.fixed(0.2))
    doc = _document(Option("Current service", (a,)), Option("Add b", (a, b)), Option("Scale up a", (c,)))
    cmp = compare(doc)
    qalys_a = 0.5 * 3.0796331
    assert cmp.options[0].summary["qalys"] == approx(qalys_a, rel=1e-6)
    inc = cmp.increments[1]
    assert inc["inc_pv_cost"] == approx(PV_COST) and inc["inc_pv_saving"] == approx(PV_SAVING)
    assert inc["inc_qalys"] == approx(3 * qalys_a, rel=1e-6)
    assert inc["icer"] == approx((PV_COST - PV_SAVING) / (3 * qalys_a), rel=1e-6)  # 5,998.2
    assert inc["icer_quadrant"] == "more costly, more effective"
    pv_cost_c = 21500 + 21000 / 1.1 + 21000 / 1.21
    inc_c = cmp.increments[2]
    assert inc_c["inc_pv_cost"] == approx(pv_cost_c - PV_COST)
    assert inc_c["icer"] == approx((pv_cost_c - PV_COST - PV_SAVING) / qalys_a, rel=1e-6)  # 17,994.5
    assert all(v in (0, None) for v in cmp.increments[0].values())  # the comparator's own increments
    assert inc["inc_bcr_social"] == approx(run(scenario([b])).summary["bcr_social"])
    # Net social value: a + b beats a alone beats nothing extra; scaling a up doubles it.
    npv = [r.summary["npv_social"] for r in cmp.options]
    assert cmp.preferred == int(np.argmax(npv)) and cmp.ranking[0] == cmp.preferred


def test_doing_nothing_competes_when_there_is_no_comparator():
    loser = intervention(id="x", wellbeing_gain=Uncertain.fixed(0.0), effect=(), volunteer_hours=0.0)
    doc = _document(Option("Costs only", (loser,)), comparator=None)
    cmp = compare(doc)
    assert cmp.preferred is None and cmp.ranking == (None, 0)
    assert cmp.increments[0]["inc_pv_cost"] == approx(PV_COST)


@pytest.mark.parametrize("net_cost,qalys,expected", [
    (-1, 1, "dominant"), (0, 1, "dominant"), (-1, 0, "dominant"), (1, -1, "dominated"), (1, 0, "dominated"),
    (1, 1, "more costly, more effective"), (-1, -1, "cheaper, less effective"), (0, 0, None)])
def test_icer_quadrants(net_cost, qalys, expected):
    assert quadrant(net_cost, qalys) == expected


def test_an_option_identical_to_the_comparator_has_zero_increments_and_shares_probability_best():
    doc = default_document()
    doc = replace(doc, options=(doc.options[0], replace(doc.options[0], name="Same again")), comparator=0)
    cmp = compare(doc)
    assert all(v in (0, 0.0, None) for v in cmp.increments[1].values())
    sim = simulate(doc, iterations=2000, seed=3)
    assert sim.prob_best_social == approx((0.5, 0.5)) and sim.prob_best_do_nothing is None
    np.testing.assert_array_equal(sim.options[0].samples["npv_social"], sim.options[1].samples["npv_social"])
    assert sim.evpi_social == approx(0, abs=1e-6)


def _crn_document(extra_in_both):
    """Two options sharing "x" (and optionally "w"), differing only in "y" against "z"."""
    x = intervention(id="x", reach=Uncertain(0.1, 0.05, 0.2), wellbeing_gain=Uncertain(0.1, 0.0, 0.3))
    y = intervention(id="y", name="Y", effect=(("gp", Uncertain(0.1, 0.0, 0.3)),))
    z = intervention(id="z", name="Z", completion=Uncertain(0.5, 0.2, 0.9))
    w = intervention(id="w", name="W", cost_per_starter=Uncertain(100.0, 50.0, 400.0))
    shared = (x, w) if extra_in_both else (x,)
    return _document(Option("With y", shared + (y,)), Option("With z", shared + (z,)), comparator=None,
                     correlation=0.0)


def test_common_random_numbers_make_differences_depend_only_on_the_differing_interventions():
    one, two = (simulate(_crn_document(extra), iterations=3000, seed=11) for extra in (False, True))
    diff_one = one.options[0].samples["npv_social"] - one.options[1].samples["npv_social"]
    diff_two = two.options[0].samples["npv_social"] - two.options[1].samples["npv_social"]
    np.testing.assert_allclose(diff_one, diff_two, rtol=1e-9, atol=1e-6)
    # The shared intervention "x" cancels draw by draw: the same differences as without it at all.
    doc = _crn_document(False)
    bare = replace(doc, options=tuple(replace(o, interventions=o.interventions[1:]) for o in doc.options))
    none = simulate(bare, iterations=3000, seed=11)
    diff_none = none.options[0].samples["npv_social"] - none.options[1].samples["npv_social"]
    np.testing.assert_allclose(diff_one, diff_none, rtol=1e-9, atol=1e-6)
    assert np.std(one.options[0].samples["npv_social"]) > 2 * np.std(diff_one)  # x's own spread is large


def test_the_same_intervention_gets_the_same_draws_in_every_option_and_in_a_scenario_alone():
    doc = _crn_document(False)
    alone = simulate(doc.scenario(0), iterations=1500, seed=2)
    together = simulate(doc, iterations=1500, seed=2)
    np.testing.assert_allclose(alone.samples["npv_social"], together.options[0].samples["npv_social"])


def test_probability_best_and_evpi_from_the_draws():
    sim = simulate(_crn_document(False), iterations=4000, seed=5)
    social = np.column_stack([o.samples["npv_social"] for o in sim.options] + [np.zeros(4000)])
    best = social.argmax(axis=1)
    assert sim.prob_best_social == approx(tuple(np.mean(best == k) for k in range(2)))
    assert sim.prob_best_do_nothing == approx(np.mean(best == 2))
    assert sum(sim.prob_best_social) + sim.prob_best_do_nothing == approx(1)
    assert sim.evpi_social == approx(social.max(axis=1).mean() - social.mean(axis=0).max())
    assert sim.evpi_social >= 0


def test_evpi_of_an_option_best_in_every_draw_is_exactly_zero():
    # The default mix beats doing nothing on net social value in every draw: knowing the draw
    # changes no choice. Means of near-equal columns, subtracted, once gave -4e-8 here.
    # Beta-PERT keeps every draw inside its range, so the mix wins every draw; fitted tails
    # (MODEL.md 11a, the default since version 3) let doing nothing win a few.
    doc = default_document()
    sim = simulate(replace(doc, settings=replace(doc.settings, distributions="pert")), iterations=5000, seed=20160301)
    assert sim.prob_best_do_nothing == 0
    assert sim.evpi_social == 0.0


def test_acceptability_curve_over_the_wellby_value():
    doc = _crn_document(False)
    sim = simulate(doc, iterations=2000, seed=8)
    values, probs = sim.acceptability
    assert values.shape == (41,) and values[0] == 0 and values[-1] == approx(2 * doc.settings.wellby_value.high)
    total = sum(probs) + sim.acceptability_do_nothing
    np.testing.assert_allclose(total, 1.0)
    # At the document's own WELLBY value (a fixed £10,000 here), the curve gives the probabilities reported.
    k = int(np.argmin(np.abs(values - 10_000)))
    lam = values[k]
    social = np.column_stack([o.samples["npv_social"] - o.samples["pv_wellbeing"] * (1 - lam / 10_000)
                              for o in sim.options] + [np.zeros(2000)])
    assert probs[0][k] == approx(np.mean(social.argmax(axis=1) == 0), abs=1e-9)


def test_simulating_k_options_draws_the_union_once_and_agrees_with_each_option_alone():
    doc = default_document()
    doc = replace(doc, settings=replace(doc.settings, correlation=0.0))
    sp_only = Option("Social prescribing only", doc.options[0].interventions[-1:])
    doc = replace(doc, options=doc.options + (sp_only,), comparator=0)
    together = simulate(doc, iterations=1000, seed=9)
    for k in range(2):
        alone = simulate(doc.scenario(k), iterations=1000, seed=9)
        np.testing.assert_allclose(together.options[k].samples["npv_fiscal"], alone.samples["npv_fiscal"])


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 3), st.floats(0.0, 0.05))
def test_option_figures_add_up_over_their_interventions(k, reach):
    base = default_document()
    ivs = tuple(replace(iv, reach=Uncertain.fixed(reach)) for iv in base.options[0].interventions[:k])
    doc = replace(base, options=(Option("Subset", ivs),))
    assert not [i for i in validate_document(doc) if i.severity == "error"]
    total = compare(doc).options[0].summary["pv_cost"]
    assert total == approx(sum(run(replace(doc.scenario(0), interventions=(iv,))).summary["pv_cost"] for iv in ivs))


def test_validation_of_options_ids_and_funding():
    doc = default_document()
    iv = doc.options[0].interventions[0]
    broken = replace(doc, comparator=3, options=(
        Option("Same", (iv, replace(iv, name="Copy"))),  # duplicate id within an option
        Option("same", (replace(iv, funding=(("nhs", 0.5), ("council", 0.4))),)),
    ))
    fields = {i.field for i in validate_document(broken) if i.severity == "error"}
    assert fields == {"comparator", "options[1].name", "options[0].interventions[1].id",
                      "options[1].interventions[0].funding"}
    messages = {i.field: i.text for i in validate_document(broken)}
    assert messages["options[1].interventions[0].funding"].endswith("Funding shares add up to 90%; they must add up to 100%")


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**32), st.integers(1, 2500), st.integers(50, 900))
def test_options_simulation_does_not_depend_on_the_chunk_size(seed, n, chunk):
    doc = _crn_document(True)
    a = simulate(doc, iterations=n, seed=seed)
    b = simulate(doc, iterations=n, seed=seed, chunk_size=chunk)
    for k in range(2):
        np.testing.assert_array_equal(a.options[k].samples["npv_social"], b.options[k].samples["npv_social"])
        np.testing.assert_array_equal(a.options[k].samples["qalys"], b.options[k].samples["qalys"])


def test_a_comparator_that_is_not_an_option_is_refused_not_read_from_the_end():
    with pytest.raises(ValueError, match="comparator -1 is not one of the 1 options"):
        compare(replace(default_document(), comparator=-1))


def test_funding_written_beside_top_level_interventions_is_read():
    data = default_document().to_dict()
    option = data.pop("options")[0]
    data.pop("comparator", None)
    data["interventions"] = option["interventions"]
    data["interventions"][0]["funding"] = {"nhs": 0.5, "council": 0.5}
    doc = Document.from_dict(data)
    assert dict(doc.options[0].interventions[0].funding) == {"nhs": 0.5, "council": 0.5}
