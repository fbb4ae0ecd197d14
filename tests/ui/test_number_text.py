"""Reading and writing numbers as typed: no clamping, no rounding away, malformed text refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rtv_desktop.ui.widgets.fields import KINDS, format_number, parse_number


@pytest.mark.parametrize("kind, text, value", [
    ("fraction", "150", 1.5), ("fraction", "150%", 1.5), ("fraction", "-5", -0.05), ("fraction", "0.5", 0.5),
    ("fraction", "0.5%", 0.005),
    ("signed_fraction", "-0.05", -0.05), ("fraction", "-0.05", -0.0005), ("rate", "0", 0.0), ("fraction", "1", 0.01),
    ("persons", "-5000", -5000), ("persons", "1,000,000", 1_000_000), ("persons", "2.5e6", 2_500_000),
    ("money", "£1,250", 1250), ("money", "-£40", -40), ("money", "£-40", -40),
    ("count", "99,999,999", 99_999_999), ("seed", "9223372036854775807", 2**63 - 1),
    ("seed", "99999999999999999999", 99_999_999_999_999_999_999), ("years", "5 years", 5), ("years", "2.5", 2.5),
    ("hours", "2.5 hours", 2.5), ("points", "-0.25 points", -0.25),
    # The unit's other spellings, as people type them.
    ("hours", "2.5 h", 2.5), ("hours", "1 hour", 1), ("hours", "3hrs", 3), ("points", "0.5 pts", 0.5),
    ("years", "3 yrs", 3), ("effect_years", "3 years", 3), ("effect_years", "3 yr", 3), ("qalys", "0.02 QALY", 0.02),
])
def test_numbers_are_read_as_typed(kind, text, value):
    assert parse_number(text, KINDS[kind]) == pytest.approx(value, rel=1e-12)


@pytest.mark.parametrize("text", ["", " ", "-", "12a", "1e", "£", "%", "1,0", "1,00,000", "1.2.3", "nan", "inf",
                                  "--5", "5-", "five", "1 000"])
def test_text_that_is_not_a_number_is_refused(text):
    assert parse_number(text, KINDS["fraction"]) is None
    assert parse_number(text, KINDS["persons"]) is None


def test_whole_numbers_stay_exact():
    assert parse_number("9007199254740993", KINDS["seed"]) == 9007199254740993


@given(st.sampled_from(sorted(KINDS)), st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_what_is_shown_reads_back_to_the_value(kind_name, value):
    kind = KINDS[kind_name]
    if kind.whole:
        value = int(value)
    shown = format_number(value, kind)
    assert parse_number(shown, kind) == pytest.approx(value, rel=1e-6, abs=1e-6 / kind.scale)
