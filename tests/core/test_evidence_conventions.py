"""Hand-worked cases for MODEL.md section 10: deadweight by design, harms raised by optimism
bias, a grade per outcome, the value without wellbeing and the switching value. The base case
is case 1 of test_reference_cases.py: effect-weighted completers K = [50, 75, 75], GP effect 10%
on 4 contacts at £50, deadweight 0.2, wellbeing 0.1 points at £10,000, 10% discounting of
money, none of wellbeing."""

import pytest

from rtv_desktop.core import Uncertain, run

from .builders import intervention, scenario

approx = pytest.approx
PV_SAVING_GROSS = (1000 + 1500 / 1.1 + 1500 / 1.21)  # K x 4 x 0.1 x £50 before additionality: 3,603.31
PV_WELLBEING_GROSS = 200 * 0.1 * 10_000  # sum K x 0.1 points x £10,000 = 200,000
PV_COST = 11_500 + 10_000 + 11_000 / 1.21  # 30,590.91
PV_VOLUNTEER = 2000 * (1 + 1 / 1.1 + 1 / 1.21)  # 5,471.07


@pytest.mark.parametrize("design, kept", [("rct", 1.0), ("controlled", 1.0), ("uncontrolled", 0.8),
                                          ("judgement", 0.8)])
def test_deadweight_only_where_the_estimate_had_no_comparison_group(design, kept):
    # A randomised or controlled estimate already nets out what would have happened anyway.
    s = run(scenario([intervention(effect_design=design, wellbeing_design=design)])).summary
    assert s["pv_saving"] == approx(PV_SAVING_GROSS * kept)  # 3,603.31 or 2,882.64
    assert s["pv_wellbeing"] == approx(PV_WELLBEING_GROSS * kept)  # 200,000 or 160,000


def test_optimism_bias_raises_a_harm_and_lowers_a_benefit():
    # Grade 5 (ob 0.25), design uncontrolled (deadweight 0.2): a 10% fall in use is kept at
    # 0.8 x 0.75 = 0.6 of itself; a 10% RISE in use at 0.8 x 1.25 = 1.0 of itself.
    benefit = run(scenario([intervention(evidence_grade=5)])).summary["pv_saving"]
    harm = run(scenario([intervention(evidence_grade=5, effect=(("gp", Uncertain.fixed(-0.1)),))])).summary
    assert benefit == approx(PV_SAVING_GROSS * 0.6)  # 2,161.98
    assert harm["pv_saving"] == approx(-PV_SAVING_GROSS * 1.0)  # -3,603.31: never shrunk
    # A wellbeing loss likewise: -0.1 points at grade 5 is 0.8 x 1.25 of itself.
    loss = run(scenario([intervention(evidence_grade=5, wellbeing_gain=Uncertain.fixed(-0.1))])).summary
    assert loss["pv_wellbeing"] == approx(-PV_WELLBEING_GROSS * 1.0)


def test_each_outcome_has_its_own_grade():
    # Effects grade 1 (no haircut), wellbeing grade 6 (ob 0.40), QALYs grade 3 (ob 0.10).
    iv = intervention(evidence_grade=1, wellbeing_grade=6, qaly_grade=3, qaly_gain=Uncertain.fixed(0.02))
    s = run(scenario([iv], qaly_discount_rate=0.0)).summary
    assert s["pv_saving"] == approx(PV_SAVING_GROSS * 0.8)  # 2,882.64
    assert s["pv_wellbeing"] == approx(PV_WELLBEING_GROSS * 0.8 * 0.6)  # 96,000
    assert s["qalys"] == approx(200 * 0.02 * 0.8 * 0.9)  # 2.88
    # Weak evidence counted per outcome: only the wellbeing value (grade 6) is weak.
    social = PV_SAVING_GROSS * 0.8 + 96_000 + PV_VOLUNTEER
    assert s["share_social_weak_evidence"] == approx(96_000 / social)  # 0.9163


def test_the_value_without_wellbeing_and_the_switching_value():
    s = run(scenario()).summary
    social = PV_SAVING_GROSS * 0.8 + PV_WELLBEING_GROSS * 0.8 + PV_VOLUNTEER  # 168,353.72
    npv = social - PV_COST  # 137,762.81
    assert s["npv_social"] == approx(npv)
    assert s["npv_social_excl_wellbeing"] == approx(npv - 160_000)  # -22,237.19
    assert s["switch_wellbeing"] == approx(1 - npv / 160_000)  # 0.139: gains could be 86% smaller
    # At that factor on every wellbeing gain, net social value is zero.
    scaled = intervention(wellbeing_gain=Uncertain.fixed(0.1 * s["switch_wellbeing"]))
    assert run(scenario([scaled])).summary["npv_social"] == approx(0, abs=1e-6)
    # No wellbeing value: no switching value.
    assert run(scenario([intervention(wellbeing_gain=Uncertain.fixed(0.0))])).summary["switch_wellbeing"] is None


def test_break_even_is_none_when_savings_are_at_or_below_zero():
    harm = intervention(effect=(("gp", Uncertain.fixed(-0.1)),))
    assert run(scenario([harm])).summary["break_even_multiplier"] is None
    assert run(scenario([intervention(effect=())])).summary["break_even_multiplier"] is None  # no savings
    assert run(scenario()).summary["break_even_multiplier"] == approx(PV_COST / (PV_SAVING_GROSS * 0.8))
