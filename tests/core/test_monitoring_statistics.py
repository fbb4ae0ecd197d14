"""Observed effects (MODEL.md section 12): hand-worked rate ratios, difference in differences,
Welch intervals and the t quantile against printed tables."""

import math

import pytest

from rtv_desktop.core.monitoring import did_rate_ratio, rate_ratio, t_quantile, welch_interval
from rtv_desktop.core.observed import NotEstimable, incomplete_beta, t_cdf, welch_df


@pytest.mark.parametrize("p, df, table", [
    (0.975, 10, 2.228), (0.975, 1, 12.706), (0.975, 2, 4.303), (0.95, 5, 2.015), (0.975, 30, 2.042),
    (0.995, 3, 5.841), (0.975, 120, 1.980), (0.90, 20, 1.325)])
def test_t_quantile_matches_the_printed_table(p, df, table):
    assert t_quantile(p, df) == pytest.approx(table, abs=5e-4)


def test_t_quantile_is_symmetric_and_tends_to_the_normal():
    assert t_quantile(0.025, 10) == pytest.approx(-2.228, abs=5e-4)
    assert t_quantile(0.975, 1e6) == pytest.approx(1.95996, abs=1e-4)
    assert t_cdf(t_quantile(0.975, 12.5), 12.5) == pytest.approx(0.975, abs=1e-10)


def test_incomplete_beta_known_values():
    assert incomplete_beta(1.0, 1.0, 0.3) == pytest.approx(0.3)  # uniform
    assert incomplete_beta(2.0, 1.0, 0.5) == pytest.approx(0.25)  # x^2
    assert incomplete_beta(0.5, 0.5, 0.5) == pytest.approx(0.5)


def test_rate_ratio_hand_worked():
    # 200 contacts in 100 person-years before, 150 in 100 after: rr = 1.5 / 2.0 = 0.75.
    # var(log rr) = 1/200 + 1/150 = 0.011667, se = 0.10801, 1.96 se = 0.21170:
    # 0.75 * exp(-0.21170) = 0.6069, 0.75 * exp(0.21170) = 0.9268.
    rr, low, high = rate_ratio(200, 100, 150, 100)
    assert rr == pytest.approx(0.75)
    assert low == pytest.approx(0.6069, abs=1e-4)
    assert high == pytest.approx(0.9268, abs=1e-4)


def test_rate_ratio_uses_person_time():
    # the same contacts over twice the person-years after: half the rate
    assert rate_ratio(100, 50, 100, 100)[0] == pytest.approx(0.5)


def test_difference_in_differences_hand_worked():
    # participants 200/100 -> 150/100 (rr 0.75); comparison 100/100 -> 90/100 (rr 0.90):
    # ratio 0.75 / 0.90 = 0.8333; var = 1/200 + 1/150 + 1/100 + 1/90 = 0.032778, se = 0.18105,
    # 1.96 se = 0.35485: 0.8333 * exp(-0.35485) = 0.5844, 0.8333 * exp(0.35485) = 1.1883.
    ratio, low, high = did_rate_ratio((200, 100, 150, 100), (100, 100, 90, 100))
    assert ratio == pytest.approx(0.8333, abs=1e-4)
    assert low == pytest.approx(0.5844, abs=1e-4)
    assert high == pytest.approx(1.1883, abs=1e-4)


def test_welch_interval_hand_worked():
    # 6.8 (SD 2.0, n 50) before, 7.4 (SD 1.8, n 40) after: v1 = 4/50 = 0.08, v2 = 3.24/40 = 0.081,
    # se = sqrt(0.161) = 0.40125; df = 0.161^2 / (0.08^2/49 + 0.081^2/39) = 86.74;
    # t(0.975, 86.74) = 1.9876; half = 0.7976: 0.60 (-0.198 to 1.398).
    assert welch_df(2.0, 50, 1.8, 40) == pytest.approx(86.74, abs=0.01)
    gain, low, high = welch_interval(6.8, 2.0, 50, 7.4, 1.8, 40)
    assert gain == pytest.approx(0.6)
    assert low == pytest.approx(-0.198, abs=1e-3)
    assert high == pytest.approx(1.398, abs=1e-3)


def test_welch_equal_groups_use_the_pooled_df():
    # equal SDs and ns: df = 2n - 2 = 18, t = 2.101; se = sqrt(2 * 1/10) = 0.4472; half = 0.9396
    gain, low, high = welch_interval(5.0, 1.0, 10, 6.0, 1.0, 10)
    assert (low, high) == pytest.approx((1.0 - 2.1009 * math.sqrt(0.2), 1.0 + 2.1009 * math.sqrt(0.2)), abs=1e-3)


def test_estimates_that_cannot_be_made_say_so():
    with pytest.raises(NotEstimable, match="contacts"):
        rate_ratio(0, 100, 10, 100)
    with pytest.raises(NotEstimable, match="person-years"):
        rate_ratio(10, 0, 10, 100)
    with pytest.raises(NotEstimable, match="two people"):
        welch_interval(5, 1, 1, 6, 1, 10)
