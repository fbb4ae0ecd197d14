"""Huge but finite numbers: refused (by the reader or validate) or valued to finite figures; never inf or NaN."""

from __future__ import annotations

import json
import math
import warnings
from dataclasses import replace

import pytest

from rtv_desktop.core import default_scenario, errors, run, validate
from rtv_desktop.io.limits import MAX_NUMBER_MAGNITUDE
from rtv_desktop.io.scenario_json import scenario_from_json_text, scenario_json_text

from . import oracle

BASE = json.loads(scenario_json_text(default_scenario()))


def numeric_paths() -> list[tuple]:
    found = []
    for path in oracle.leaf_paths(BASE):
        value = BASE
        for key in path:
            value = value[key]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            found.append(path)
    return found


@pytest.mark.parametrize("value", [MAX_NUMBER_MAGNITUDE, -MAX_NUMBER_MAGNITUDE, 1e15, 1e-300])
def test_every_number_at_the_cap_is_refused_or_valued_finitely(value):
    paths = numeric_paths()
    assert len(paths) > 50
    outcomes = []
    for path in paths:
        text = json.dumps(oracle.replaced(BASE, path, value))
        outcomes.append(oracle.answer(scenario_from_json_text, text))
    assert oracle.REFUSED in outcomes or value == 1e-300


def test_just_over_the_cap_is_refused_everywhere():
    for path in numeric_paths():
        text = json.dumps(oracle.replaced(BASE, path, MAX_NUMBER_MAGNITUDE * 1.01))
        assert oracle.answer(scenario_from_json_text, text) == oracle.REFUSED, path


# Inputs whose only natural bound is a maximum in validate().
BIG_FIELDS = [("area", "population"), ("interventions", "fixed_cost"), ("interventions", "setup_cost"),
              ("interventions", "volunteer_hours"), ("interventions", "custom_size")]


def _with_huge(part: str, name: str, value: float):
    s = default_scenario()
    if part == "area":
        return replace(s, area=replace(s.area, **{name: value}))
    group = "custom" if name == "custom_size" else s.interventions[0].target_group
    first = replace(s.interventions[0], **{name: value}, target_group=group)
    return replace(s, interventions=(first, *s.interventions[1:]))


def refused_or_finite(scenario) -> bool:
    """True when ``validate`` refuses ``scenario`` or ``run`` values it to finite figures, warning-free."""
    if errors(validate(scenario)):
        return True
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning is a failure too
        summary = run(scenario).summary
    return all(v is None or math.isfinite(v) for v in summary.values())


@pytest.mark.parametrize("value", [1e9, 1e10, MAX_NUMBER_MAGNITUDE, 1e308, 1.7976931348623157e308])
@pytest.mark.parametrize("part,name", BIG_FIELDS)
def test_core_refuses_huge_inputs_or_values_them_finitely(part, name, value):
    assert refused_or_finite(_with_huge(part, name, value))


def test_largest_valid_inputs_together_still_value_finitely():
    scenario = default_scenario()
    for part_, name_ in BIG_FIELDS:  # every big field at the largest value validate accepts
        for value in (1e10, 1e9, 8760.0):
            candidate = _with_huge(part_, name_, value)
            if not errors(validate(candidate)):
                scenario = _merge(scenario, candidate, part_, name_)
                break
    assert not errors(validate(scenario))
    assert refused_or_finite(scenario)


def _merge(scenario, candidate, part: str, name: str):
    if part == "area":
        return replace(scenario, area=replace(scenario.area, **{name: getattr(candidate.area, name)}))
    source = candidate.interventions[0]
    first = replace(scenario.interventions[0], **{name: getattr(source, name)}, target_group=source.target_group)
    return replace(scenario, interventions=(first, *scenario.interventions[1:]))
