"""Participants a before/after change in life satisfaction needs: hand-worked cases."""

import math

import pytest

from rtv_desktop.core.sample_size import participants_needed, z_for


def test_sd_two_change_half_a_point_needs_123():
    # z = 1.959964; 2 * (1.959964 * 2 / 0.5)^2 = 2 * 7.839856^2 = 2 * 61.4633 = 122.93 -> 123
    assert participants_needed(2.0, 0.5) == 123


def test_a_quarter_of_the_change_needs_sixteen_times_the_people():
    # 2 * (1.959964 * 2 / 0.125)^2 = 2 * 31.359424^2 = 1966.87 -> 1967 (16 x 122.93 = 1966.9)
    assert participants_needed(2.0, 0.125) == 1967


def test_a_fall_needs_as_many_as_a_rise():
    assert participants_needed(2.0, -0.5) == participants_needed(2.0, 0.5)


def test_ninety_percent_interval_needs_fewer():
    # z = 1.644854; 2 * (1.644854 * 2 / 0.5)^2 = 2 * 6.579415^2 = 86.58 -> 87
    assert participants_needed(2.0, 0.5, confidence=0.90) == 87


def test_the_size_found_just_excludes_zero_and_one_fewer_does_not():
    sd, change = 1.8, 0.4
    n = participants_needed(sd, change)
    half_width = lambda m: z_for(0.95) * sd * math.sqrt(2 / m)  # noqa: E731
    assert change - half_width(n) >= 0 > change - half_width(n - 1)


@pytest.mark.parametrize("sd, change, words", [(0.0, 0.5, "standard deviation"), (-1.0, 0.5, "standard deviation"),
                                               (2.0, 0.0, "change to detect")])
def test_impossible_figures_are_refused_with_their_name(sd, change, words):
    with pytest.raises(ValueError, match=words):
        participants_needed(sd, change)
