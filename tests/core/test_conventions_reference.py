"""Hand-worked cases for MODEL.md section 8 (QALYs, cost optimism bias, volunteer time,
strength of evidence) and section 9 (who pays, who benefits). The arithmetic is beside
each assertion; the base case is case 1 of test_reference_cases.py."""

from dataclasses import replace

import numpy as np
import pytest

from rtv_desktop.core import Uncertain, run

from .builders import intervention, scenario, service

approx = pytest.approx
DF = np.array([1, 1 / 1.1, 1 / 1.21])  # 10% costs and savings
DFQ = np.array([1, 1 / 1.035, 1 / 1.035**2])  # 3.5% QALYs
K = np.array([50, 75, 75])  # effect-weighted completers (case 1)
PV_SAVING = 800 + 1200 / 1.1 + 1200 / 1.21  # 2,882.645
PV_WELLBEING = 160_000.0
PV_VOLUNTEER = 2000 * DF.sum()  # 5,471.07


def test_qalys_cost_per_qaly_and_net_monetary_benefit():
    # qalys[t] = K x qaly_gain 0.02 x A 0.8 = [0.8, 1.2, 1.2]; discounted at 3.5%:
    # 0.8 + 1.2/1.035 + 1.2/1.071225 = 3.079633.
    s = scenario([intervention(qaly_gain=Uncertain.fixed(0.02))], qaly_discount_rate=0.035, qaly_threshold=20_000)
    r = run(s)
    np.testing.assert_allclose(r.qalys[0], [0.8, 1.2, 1.2])
    qalys = float((K * 0.016 * DFQ).sum())
    assert r.summary["qalys"] == approx(qalys) == approx(3.079633, abs=1e-6)
    net_cost = (11500 + 10000 + 11000 / 1.21) - PV_SAVING  # PV cost 30,590.91 - savings 2,882.65
    assert r.summary["net_cost"] == approx(net_cost)
    assert r.summary["cost_per_qaly"] == approx(net_cost / qalys)  # about £8,998 per QALY
    assert r.summary["nmb"] == approx(qalys * 20_000 - net_cost)  # about £33,884


def test_no_qaly_gain_gives_no_cost_per_qaly():
    r = run(scenario())
    assert r.summary["qalys"] == 0 and r.summary["cost_per_qaly"] is None
    assert r.summary["nmb"] == approx(-r.summary["net_cost"])


def test_cost_optimism_bias_raises_every_cost_component():
    # Cost grade 3: ob 0.10, so every cost is x1.1: [(10,000 + 1,000 + 500) x 1.1, 11,000 x 1.1, 11,000 x 1.1]
    # = [12,650, 12,100, 12,100]; PV = 12,650 + 11,000 + 10,000 = 33,650. Benefits are unchanged.
    base, uplifted = run(scenario()), run(scenario([intervention(cost_grade=3)]))
    np.testing.assert_allclose(uplifted.cost[0], [12650, 12100, 12100])
    assert uplifted.summary["pv_cost"] == approx(33650)
    assert uplifted.summary["total_cost"] == approx(36850)  # 12,650 + 2 x 12,100
    assert uplifted.summary["pv_saving"] == approx(base.summary["pv_saving"])


@pytest.mark.parametrize("treatment,social,social_cost", [
    ("benefit", PV_SAVING + PV_WELLBEING + PV_VOLUNTEER, 30590.909090909),  # RtV: a benefit
    ("cost", PV_SAVING + PV_WELLBEING, 30590.909090909 + PV_VOLUNTEER),  # in-kind input: a cost
    ("excluded", PV_SAVING + PV_WELLBEING, 30590.909090909),  # left out
])
def test_three_treatments_of_volunteer_time(treatment, social, social_cost):
    s = run(scenario(volunteer_time=treatment)).summary
    assert s["pv_social"] == approx(social)
    assert s["npv_social"] == approx(social - social_cost)
    assert s["bcr_social"] == approx(social / social_cost)
    assert s["pv_volunteer"] == approx(PV_VOLUNTEER)  # always reported
    assert s["npv_fiscal"] == approx(PV_SAVING - 30590.909090909)  # fiscal figures never change


def test_share_of_social_value_resting_on_weak_evidence():
    # A: grade 1, social 2,882.65 + 160,000 + 5,471.07 = 168,353.72.
    # B: grade 5 (haircut 0.25): A_B = 0.8 x 0.75 = 0.6, so savings and wellbeing are x0.75 of A's:
    # 0.75 x 162,882.65 + 5,471.07 (volunteer time is not haircut) = 127,633.06.
    a = intervention(id="a")
    b = intervention(id="b", name="Weak", evidence_grade=5)
    s = run(scenario([a, b])).summary
    social_a = PV_SAVING + PV_WELLBEING + PV_VOLUNTEER
    social_b = 0.75 * (PV_SAVING + PV_WELLBEING) + PV_VOLUNTEER
    assert s["share_social_weak_evidence"] == approx(social_b / (social_a + social_b))  # 0.4312
    assert run(scenario([a])).summary["share_social_weak_evidence"] == 0
    assert run(scenario([])).summary["share_social_weak_evidence"] is None  # no social value to share


def test_two_funders_and_savings_across_three_organisations():
    # GP (NHS), home care (council, £25 an hour, 2 hours a year) and a VCSE-run service (£10, 3 a year),
    # all cut 10%. Per completer-year x A 0.8: GP 4 x 0.1 x 50 x 0.8 = £16, home care 2 x 0.1 x 25 x 0.8 = £4,
    # VCSE 3 x 0.1 x 10 x 0.8 = £2.4; PV factor sum(K x DF) = 50 + 75/1.1 + 75/1.21 = 180.165.
    services = (service("gp", 50.0, 0.2, (4.0,) * 5),
                replace(service("homecare", 25.0, 0.5, (2.0,) * 5), party="council"),
                replace(service("befriend", 10.0, 0.0, (3.0,) * 5), party="vcse"))
    effect = tuple((sid, Uncertain.fixed(0.1)) for sid in ("gp", "homecare", "befriend"))
    iv = intervention(effect=effect, funding=(("nhs", 0.6), ("council", 0.4)))
    r = run(scenario([iv], services=services))
    factor = float((K * DF).sum())
    pv_cost = 11500 + 10000 + 11000 / 1.21
    rows = {row["party"]: row for row in r.by_party}
    assert rows["nhs"]["pays"] == approx(0.6 * pv_cost) and rows["council"]["pays"] == approx(0.4 * pv_cost)
    assert rows["nhs"]["saves"] == approx(16 * factor)
    assert rows["council"]["saves"] == approx(4 * factor) and rows["council"]["saves_cashable"] == approx(2 * factor)
    assert rows["vcse"]["saves"] == approx(2.4 * factor) and rows["vcse"]["pays"] == 0
    assert rows["residents"]["value"] == approx(r.summary["pv_wellbeing"] + r.summary["pv_volunteer"])
    assert rows["council"]["net"] == approx(4 * factor - 0.4 * pv_cost)
    assert sum(row["saves"] for row in r.by_party) == approx(r.summary["pv_saving"])
    assert sum(row["pays"] for row in r.by_party) == approx(r.summary["pv_cost"])
    # Undiscounted cash flows by year: the council pays 40% of [11,500, 11,000, 11,000] and saves £4 x K.
    np.testing.assert_allclose(r.party_flows["council"]["pays"], [4600, 4400, 4400])
    np.testing.assert_allclose(r.party_flows["council"]["saves"], 4 * K)


def test_residents_give_their_time_when_it_is_an_in_kind_cost():
    # MODEL.md 13: residents pay PV_volunteer 5,471.07 (the time they give) and receive the wellbeing
    # 160,000: net 154,528.93. Undiscounted, they give 2,000 a year.
    r = run(scenario(volunteer_time="cost"))
    rows = {row["party"]: row for row in r.by_party}
    assert rows["residents"]["value"] == approx(PV_WELLBEING)
    assert rows["residents"]["pays"] == approx(PV_VOLUNTEER) and rows["residents"]["saves"] == 0
    assert rows["residents"]["net"] == approx(154_528.93, abs=0.01)
    np.testing.assert_allclose(r.party_flows["residents"]["pays"], [2000, 2000, 2000])


# Base case: the NHS pays PV cost 30,590.91 and saves 2,882.65 (net -27,708.26); residents receive the
# wellbeing 160,000 and, by treatment, receive, give or leave out the volunteer time 5,471.07.
PV_COST = 11500 + 10000 + 11000 / 1.21


@pytest.mark.parametrize("treatment,residents_pay,residents_value", [
    ("benefit", 0.0, PV_WELLBEING + PV_VOLUNTEER),  # net 165,471.07; total 137,762.81
    ("cost", PV_VOLUNTEER, PV_WELLBEING),  # net 154,528.93; total 126,820.67
    ("excluded", 0.0, PV_WELLBEING),  # net 160,000; total 132,291.74
])
def test_parties_nets_add_up_to_net_social_value(treatment, residents_pay, residents_value):
    r = run(scenario(volunteer_time=treatment))
    rows = {row["party"]: row for row in r.by_party}
    assert rows["nhs"]["net"] == approx(PV_SAVING - PV_COST)  # -27,708.26
    assert rows["residents"]["pays"] == approx(residents_pay)
    assert rows["residents"]["net"] == approx(residents_value - residents_pay)
    total = PV_SAVING - PV_COST + residents_value - residents_pay
    assert sum(row["net"] for row in r.by_party) == approx(total) == approx(r.summary["npv_social"])
