"""Money, ratio, percent and count formatting for people to read."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtv_desktop.core.text import (
    format_count,
    format_money,
    format_money_axis,
    format_money_tick,
    format_payback,
    format_percent,
    format_ratio,
    is_negative,
    year_label,
)


@pytest.mark.parametrize("value, text", [
    (0, "£0"), (0.4, "£0"), (-0.4, "£0"), (1234.4, "£1,234"), (-1234.6, "-£1,235"),
    (12_158_000, "£12,158,000"), (None, "n/a"), (math.nan, "n/a"),
])
def test_exact_money_has_pound_sign_separators_and_minus(value, text):
    assert format_money(value) == text


@pytest.mark.parametrize("value, text", [
    (0, "£0"), (9_999, "£9,999"), (10_000, "£10k"), (350_400, "£350k"), (-350_400, "-£350k"),
    (999_950, "£1.0m"), (1_234_567, "£1.2m"), (-10_744_861.5, "-£10.7m"), (85_116_818, "£85.1m"),
    (2_500_000_000, "£2.5bn"), (None, "n/a"),
])
def test_compact_money_uses_k_m_bn(value, text):
    assert format_money(value, compact=True) == text


@given(st.floats(min_value=-1e13, max_value=1e13, allow_nan=False))
def test_exact_money_reads_back_to_the_rounded_pound(value):
    text = format_money(value)
    digits = text.replace("£", "").replace(",", "")
    assert int(digits) == round(value)
    assert text.startswith("-") == (round(value) < 0)


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_compact_money_keeps_the_sign_and_order_of_magnitude(value):
    text = format_money(value, compact=True)
    assert text.startswith("-") == (text != "£0" and value < 0)
    unit = {"k": 1e3, "m": 1e6, "bn": 1e9}
    body = text.lstrip("-").lstrip("£").replace(",", "")
    suffix = next((s for s in ("bn", "m", "k") if body.endswith(s)), "")
    number = float(body[: len(body) - len(suffix)]) * unit.get(suffix, 1.0)
    assert number == pytest.approx(abs(value), rel=0.06, abs=0.5)


def test_axis_labels_are_exact_pounds():
    assert format_money_axis(2_500_000) == "£2,500,000"
    assert format_money_axis(-2_000_000) == "-£2,000,000"


@pytest.mark.parametrize("value, spacing, largest, text", [
    (-12e6, 2e6, None, "-£12m"), (0.0, 2e6, None, "£0"), (1e-9, 2e6, None, "£0"),
    (1.25e6, 2.5e5, None, "£1.25m"), (350e3, 50e3, None, "£350k"), (900, 100, None, "£900"),
    (8_000, 2_000, 12_000, "£8k"), (2.5e9, 5e8, None, "£2.5bn"),
])
def test_tick_labels_are_short_and_distinct(value, spacing, largest, text):
    assert format_money_tick(value, spacing, largest) == text


@pytest.mark.parametrize("value, text", [
    (0.05505665, "£0.06 back per £1"), (8.4854916, "£8.49 back per £1"), (0.0, "£0.00 back per £1"),
    (-0.5, "nothing back: £0.50 more cost per £1"), (None, "n/a"), (math.nan, "n/a"),
])
def test_ratio_reads_as_pounds_back_per_pound(value, text):
    assert format_ratio(value) == text


def test_percent_count_and_none():
    assert format_percent(0.42) == "42%"
    assert format_percent(0.4251) == "43%"
    assert format_percent(0.0312, 1) == "3.1%"
    assert format_percent(None) == "n/a"
    assert format_count(46_970.0) == "46,970"
    assert format_count(0.2) == "0"
    assert format_count(None) == "n/a"


def test_payback_counts_years_from_one():
    assert format_payback(2, 5) == "Year 3"
    assert format_payback(0, 5) == "Year 1"
    assert format_payback(None, 5) == "Not within 5 years"
    assert format_payback(None, 1) == "Not within 1 year"
    assert year_label(0) == "Year 1"


def test_is_negative():
    assert is_negative(-0.01)
    assert not is_negative(0)
    assert not is_negative(None)
    assert not is_negative(math.nan)
