"""The scenario's JSON form round-trips exactly and reports bad documents field by field."""

import json

import pytest
from hypothesis import given, settings

from rtv_desktop.core import Scenario, ScenarioFormatError, default_scenario

from .test_properties import scenarios


def test_default_round_trips_through_json():
    s = default_scenario()
    assert Scenario.from_dict(json.loads(json.dumps(s.to_dict()))) == s


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_generated_scenarios_round_trip(s):
    assert Scenario.from_dict(json.loads(json.dumps(s.to_dict()))) == s


def test_uncertain_numbers_are_plain_when_fixed_and_ranges_otherwise():
    d = default_scenario().to_dict()
    sme = d["interventions"][0]
    assert sme["reach"] == 0.0027
    assert sme["completion"] == {"central": 0.7, "low": 0.6, "high": 0.8}
    assert d["baseline_use"]["adults_ltc"]["gp"] == 3.9
    assert sme["effect"]["gp"] == {"central": 0.0, "low": -0.05, "high": 0.07}


def test_missing_settings_take_defaults_but_area_is_required():
    d = default_scenario().to_dict()
    del d["settings"]
    assert Scenario.from_dict(d).settings == default_scenario().settings
    del d["area"]["population"]
    with pytest.raises(ScenarioFormatError) as caught:
        Scenario.from_dict(d)
    assert [i.field for i in caught.value.issues] == ["area.population"]


def test_every_type_problem_is_reported_with_its_path():
    d = default_scenario().to_dict()
    d["area"]["population"] = "lots"
    d["settings"]["horizon_years"] = 2.5
    d["interventions"][1]["reach"] = {"low": 0.1}
    d["interventions"][2]["effect"]["gp"] = True
    del d["baseline_use"]["older_people"]["nel"]
    with pytest.raises(ScenarioFormatError) as caught:
        Scenario.from_dict(d)
    fields = {i.field for i in caught.value.issues}
    assert fields == {"area.population", "settings.horizon_years", "interventions[1].reach.central",
                      "interventions[2].effect.gp", "baseline_use.older_people.nel"}
    assert "must be a number, not text" in str(caught.value)


def test_not_an_object():
    with pytest.raises(ScenarioFormatError):
        Scenario.from_dict([1, 2, 3])


def test_large_whole_numbers_stay_exact():
    d = default_scenario().to_dict()
    d["settings"]["seed"] = 2**63 - 1
    assert Scenario.from_dict(json.loads(json.dumps(d))).settings.seed == 2**63 - 1


def test_an_integer_too_large_for_a_float_is_a_located_problem():
    d = default_scenario().to_dict()
    d["area"]["population"] = 10**400
    with pytest.raises(ScenarioFormatError) as caught:
        Scenario.from_dict(d)
    assert [i.field for i in caught.value.issues] == ["area.population"]
