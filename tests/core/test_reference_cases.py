"""Hand-worked reference cases: the arithmetic is written out beside each assertion."""

import numpy as np
import pytest

from rtv_desktop.core import Area, Uncertain, run

from .builders import intervention, scenario, service

approx = pytest.approx


def test_case_1_one_intervention_discounted_no_payback():
    # E = 1000 adults x 1.0 = 1000; R = 1000 x 0.1 = 100 starters a year; C = 100 x 0.5 = 50.
    # pi = [1, 0.5, 0] (D = 2, d = 0.5); cumsum = [1, 1.5, 1.5]; K = 50 x cumsum = [50, 75, 75].
    # A = (1 - 0.2) x 1 x (1 - 0) = 0.8.
    # Saving per completer-year = u 4 x effect 0.1 x £50 x A 0.8 = £16 -> saving = [800, 1200, 1200].
    # Cashable 20% -> [160, 240, 240]. Cost = 100 x 100 + 1000 (+ 500 set-up in year 0) = [11500, 11000, 11000].
    # Wellbeing = K x 0.1 x 0.8 x £10,000 = K x 800 = [40000, 60000, 60000], health rate 0 -> PV 160,000.
    # Volunteer = 100 x 2 h x £10 = £2,000 a year. DF(10%) = [1, 1/1.1, 1/1.21].
    r = run(scenario())
    df = np.array([1, 1 / 1.1, 1 / 1.21])
    np.testing.assert_allclose(r.effect_weighted[0], [50, 75, 75])
    np.testing.assert_allclose(r.saving[0, :, 0], [800, 1200, 1200])
    np.testing.assert_allclose(r.avoided[0, :, 0], [16, 24, 24])  # 800 / £50
    np.testing.assert_allclose(r.cost[0], [11500, 11000, 11000])
    s = r.summary
    assert s["pv_cost"] == approx(11500 + 10000 + 11000 / 1.21)  # 30,590.909...
    assert s["pv_saving"] == approx(800 + 1200 / 1.1 + 1200 / 1.21)  # 2,882.645
    assert s["pv_cashable"] == approx(0.2 * s["pv_saving"])
    assert s["pv_wellbeing"] == approx(160_000)
    assert s["pv_volunteer"] == approx(2000 * df.sum())  # 5,471.07
    assert s["pv_social"] == approx(s["pv_saving"] + 160_000 + 2000 * df.sum())
    assert s["npv_fiscal"] == approx(2882.6446281 - 30590.9090909)
    assert s["bcr_social"] == approx(s["pv_social"] / s["pv_cost"])
    assert s["payback_year"] is None  # savings never catch up with costs
    assert s["starters"] == 300 and s["completers"] == 150  # 100 and 50 a year for 3 years
    assert s["total_cost"] == 33500 and s["cost_per_completer"] == approx(33500 / 150)


def test_case_2_payback_in_year_2_with_attribution_and_optimism_bias():
    # E = adults_ltc = 2000 x 0.5 x 0.2 = 200; R = 200 x 0.05 = 10; C = 10 x 1.0 = 10.
    # pi = [1, 1, 1] (d = 0, D = 3); K = [10, 20, 30].
    # A = (1 - 0) x 0.5 x (1 - ob(grade 3) 0.10) = 0.45.
    # Saving per completer-year = 1 x 0.5 x £1,000 x 0.45 = £225 -> saving = [2250, 4500, 6750].
    # Cost = 10 x £100 = 1000 a year, + 6000 set-up -> [7000, 1000, 1000].
    # Cumulative net (undiscounted): 2250-7000 = -4750; +3500 = -1250; +5750 = 4500 -> payback year 2.
    nel = service("nel", cost=1000.0, cashable=0.3, baseline=(0, 1.0, 0, 0, 0))
    iv = intervention(target_group="adults_ltc", reach=Uncertain.fixed(0.05), completion=Uncertain.fixed(1.0),
                      cost_per_starter=Uncertain.fixed(100.0), fixed_cost=0.0, setup_cost=6000.0,
                      effect=(("nel", Uncertain.fixed(0.5)),), effect_years=3, drop_off=Uncertain.fixed(0.0),
                      deadweight=Uncertain.fixed(0.0), attribution=0.5, evidence_grade=3,
                      wellbeing_gain=Uncertain.fixed(0.0), volunteer_hours=0.0)
    area = Area(area_name="Small", area_code="", population=2000.0, adult_share=0.5, over65_share=0.1,
                ltc_share=0.2, multimorbid_share=0.1)
    r = run(scenario([iv], [nel], area, discount_rate=0.0))
    s = r.summary
    np.testing.assert_allclose(r.cumulative_net, [-4750, -1250, 4500])
    assert s["payback_year"] == 2
    assert s["pv_cost"] == approx(9000) and s["pv_saving"] == approx(13500)
    assert s["npv_fiscal"] == approx(4500) and s["bcr_fiscal"] == approx(1.5) and s["roi_fiscal"] == approx(0.5)
    assert s["pv_cashable"] == approx(4050) and s["npv_cashable"] == approx(-4950)  # 30% of 13,500
    assert s["break_even_multiplier"] == approx(9000 / 13500)


def test_case_3_custom_group_negative_effect_long_persistence():
    # Custom group of 1000; R = 10; C = 8. D = 10 > horizon 4, d = 0.25:
    # pi = [1, .75, .5625, .421875]; cumsum = [1, 1.75, 2.3125, 2.734375]; K = [8, 14, 18.5, 21.875].
    # Effect -0.1 (10% MORE use) on u = 2 contacts at £100. A harm: optimism bias RAISES it
    # (MODEL.md 10b), A = (1 - 0.5) x 1 x (1 + ob(6) 0.4) = 0.7 (it was 0.3 when harms were shrunk).
    # Saving per completer-year = 2 x -0.1 x 100 x 0.7 = -£14 -> saving = [-112, -196, -259, -306.25].
    svc = service("svc", cost=100.0, cashable=0.0, baseline=(0, 0, 0, 0, 2.0))
    iv = intervention(target_group="custom", custom_size=1000.0, reach=Uncertain.fixed(0.01),
                      completion=Uncertain.fixed(0.8), effect=(("svc", Uncertain.fixed(-0.1)),),
                      effect_years=10, drop_off=Uncertain.fixed(0.25), deadweight=Uncertain.fixed(0.5),
                      evidence_grade=6, wellbeing_gain=Uncertain.fixed(0.0), volunteer_hours=0.0,
                      fixed_cost=0.0, setup_cost=0.0, cost_per_starter=Uncertain.fixed(10.0))
    r = run(scenario([iv], [svc], horizon_years=4, discount_rate=0.0))
    np.testing.assert_allclose(r.effect_weighted[0], [8, 14, 18.5, 21.875])
    np.testing.assert_allclose(r.saving[0, :, 0], [-112, -196, -259, -306.25])
    assert r.summary["pv_saving"] == approx(-873.25)
    assert r.summary["pv_cost"] == approx(400)  # 10 starters x £10 x 4 years
    # Savings below zero: no scaling of the effects breaks even (MODEL.md 10d).
    assert r.summary["break_even_multiplier"] is None


def test_zero_cost_gives_null_ratios_not_errors():
    iv = intervention(cost_per_starter=Uncertain.fixed(0.0), fixed_cost=0.0, setup_cost=0.0)
    s = run(scenario([iv])).summary
    assert s["pv_cost"] == 0
    assert s["bcr_fiscal"] is None and s["bcr_social"] is None and s["roi_fiscal"] is None


def test_no_interventions_gives_zeros_and_nulls():
    s = run(scenario([])).summary
    assert s["pv_cost"] == 0 and s["npv_social"] == 0 and s["starters"] == 0
    assert s["bcr_fiscal"] is None and s["break_even_multiplier"] is None and s["cost_per_completer"] is None
    assert s["payback_year"] is None  # nothing spent and nothing saved: no payback to report
