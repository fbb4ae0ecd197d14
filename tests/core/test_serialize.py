"""The JSON form round-trips exactly, reads version-1 files and reports bad documents field by field."""

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings

from rtv_desktop.core import (Document, FigureSource, Option, Scenario, ScenarioFormatError, Story, Uncertain,
                              default_document, default_scenario, read_document, run, validate_document)

from rtv_desktop.core.years import next_financial_year

from .test_properties import scenarios

V1 = Path(__file__).parents[1] / "fixtures" / "v1"


def test_default_round_trips_through_json():
    s = default_scenario()
    assert Scenario.from_dict(json.loads(json.dumps(s.to_dict()))) == s


@settings(max_examples=40, deadline=None)
@given(scenarios())
def test_generated_scenarios_round_trip(s):
    assert Scenario.from_dict(json.loads(json.dumps(s.to_dict()))) == s


def test_uncertain_numbers_are_plain_when_fixed_and_ranges_otherwise():
    d = default_scenario().to_dict()
    sme = d["options"][0]["interventions"][0]
    assert sme["reach"] == 0.0027
    assert sme["completion"] == {"central": 0.7, "low": 0.6, "high": 0.8}
    # Baseline use and cashable shares carry ranges since version 3 (MODEL.md 11b); a degenerate one is a number.
    assert d["baseline_use"]["adults_ltc"]["gp"] == {"central": 4.3, "low": 4.0, "high": 5.3}
    assert d["services"][2]["cashable_share"] == {"central": 0.25, "low": 0.1, "high": 0.4}
    assert sme["effect"]["gp"] == {"central": 0.0, "low": -0.10, "high": 0.10}


def test_version_2_baseline_use_and_cashable_shares_read_as_numbers_known_exactly():
    d = default_scenario().to_dict()
    d["version"] = 2
    del d["settings"]["distributions"]  # a version-2 file has no such setting
    d["baseline_use"] = {g: {sid: (v["central"] if isinstance(v, dict) else v) for sid, v in row.items()}
                         for g, row in d["baseline_use"].items()}
    for svc in d["services"]:
        svc["cashable_share"] = svc["cashable_share"]["central"] if isinstance(svc["cashable_share"], dict) \
            else svc["cashable_share"]
    doc = Document.from_dict(d)
    assert doc.services[2].cashable_share == Uncertain.fixed(0.25)
    assert all(u.is_fixed for svc in doc.services for u in svc.baseline)
    assert doc.settings.distributions == "pert"


def test_baseline_ranges_are_checked_with_their_paths():
    d = default_scenario().to_dict()
    d["baseline_use"]["adults_ltc"]["gp"] = {"central": 4.3, "low": 4.5, "high": 5.3}
    problems = validate_document(Document.from_dict(d))
    assert [p.field for p in problems if p.severity == "error"] == ["baseline_use.adults_ltc.gp.low"]
    assert "Baseline use of GP consultation (surgery), Adults with a long-term condition (low)" in \
        [p.subject for p in problems]


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
    d["options"][0]["interventions"][1]["reach"] = {"low": 0.1}
    d["options"][0]["interventions"][2]["effect"]["gp"] = True
    del d["baseline_use"]["older_people"]["nel"]
    with pytest.raises(ScenarioFormatError) as caught:
        Scenario.from_dict(d)
    fields = {i.field for i in caught.value.issues}
    assert fields == {"area.population", "settings.horizon_years", "options[0].interventions[1].reach.central",
                      "options[0].interventions[2].effect.gp", "baseline_use.older_people.nel"}
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


def test_a_document_with_options_comparator_stories_and_sources_round_trips():
    doc = default_document()
    sp = doc.options[0].interventions[-1]
    doc = replace(
        doc,
        options=doc.options + (Option("Social prescribing only", (replace(sp, cost_grade=4, funding=(
            ("nhs", 0.6), ("council", 0.4)), qaly_gain=Uncertain(0.01, 0.0, 0.02)),), "Cheaper package"),),
        comparator=1,
        stories=(Story("Back to the allotment", "I have friends again.", "Peer support member", True, sp.id),),
        area=doc.area.with_sources(population=FigureSource("Typed in", "2026-12-01"),
                                   ltc_share=FigureSource("National default x need index", "2026-12-01", 1.18)))
    d = json.loads(json.dumps(doc.to_dict()))
    assert d["version"] == 3 and d["comparator"] == 1
    assert d["area"]["sources"]["ltc_share"] == {"source": "National default x need index", "date": "2026-12-01",
                                                 "need_index": 1.18}
    assert d["options"][1]["interventions"][0]["funding"] == {"nhs": 0.6, "council": 0.4}
    assert Document.from_dict(d) == doc


def test_a_real_version_1_file_opens_as_one_option_with_the_same_figures():
    data = json.loads((V1 / "greater-manchester-v1.json").read_text())
    assert data["version"] == 1 and "interventions" in data
    doc = Document.from_dict(data)
    assert doc.comparator is None and [o.name for o in doc.options] == ["Greater Manchester pilot"]
    ids = [iv.id for iv in doc.options[0].interventions]
    assert ids == ["iv1", "iv2", "iv3", "iv4", "iv5", "iv6"]  # from the row order
    ivs = doc.options[0].interventions
    assert {iv.cost_grade for iv in ivs} == {1} and {iv.funding for iv in ivs} == {(("nhs", 1.0),)}
    assert all(iv.qaly_gain == Uncertain.fixed(0.0) for iv in ivs)
    # The one reference period of version 1 becomes the source of each population figure.
    assert doc.area.source_of("population").source.startswith("ONS mid-2022")
    assert doc.area.source_of("ltc_share") is None
    expected = json.loads((V1 / "greater-manchester-v1.summary.json").read_text())
    got = run(doc.scenario(0)).summary
    for key, value in expected.items():
        assert got[key] == (None if value is None else pytest.approx(value, rel=1e-12)), key


def test_every_problem_is_found_in_one_pass_with_a_best_effort_document():
    d = default_scenario().to_dict()
    d["area"]["population"] = "lots"
    d["options"][0]["interventions"][0]["approach"] = "magic"
    doc, issues = read_document(d)
    assert [i.field for i in issues] == ["area.population"]  # types and structure
    assert doc.options[0].interventions[0].approach == "magic"  # kept, for validation to report


def test_options_must_be_a_list_and_the_comparator_a_number():
    d = default_scenario().to_dict()
    d["comparator"] = "first"
    d["options"][0]["interventions"][0]["funding"] = {"nhs": "half"}
    with pytest.raises(ScenarioFormatError) as caught:
        Document.from_dict(d)
    assert {i.field for i in caught.value.issues} == {"comparator", "options[0].interventions[0].funding.nhs"}


def test_a_version_2_file_reads_every_outcome_as_uncontrolled_and_graded_as_before():
    d = json.loads(json.dumps(default_document().to_dict()))
    d["version"] = 2
    for option in d["options"]:
        for iv in option["interventions"]:
            for name in ("effect_design", "wellbeing_design", "qaly_design", "wellbeing_grade", "qaly_grade",
                         "evidence"):
                iv.pop(name)
    d["settings"].pop("distributions")
    doc = Document.from_dict(d)
    for iv in doc.options[0].interventions:
        assert (iv.effect_design, iv.wellbeing_design, iv.qaly_design) == ("uncontrolled",) * 3
        assert iv.wellbeing_grade == iv.qaly_grade == iv.evidence_grade
        assert iv.evidence == ()
    assert doc.settings.distributions == "pert"  # its simulations do not move
    assert doc.to_dict()["version"] == 3


def test_the_decision_start_year_and_inflation_round_trip_in_their_documented_shape():
    doc = default_document()
    doc = replace(doc, name="Peer support for Greater Manchester", author="A. Finance", notes="For the March board",
                  decision="The board is asked to fund two years of peer support.",
                  settings=replace(doc.settings, start_year="2026/27", inflation_rate=0.02,
                                   inflation_source="OBR GDP deflator forecast, March 2026"))
    d = json.loads(json.dumps(doc.to_dict()))
    assert d["decision"] == "The board is asked to fund two years of peer support."
    assert d["settings"]["start_year"] == "2026/27"
    assert d["settings"]["inflation"] == {"rate": 0.02, "source": "OBR GDP deflator forecast, March 2026"}
    assert "inflation_rate" not in d["settings"] and "inflation_source" not in d["settings"]
    assert Document.from_dict(d) == doc


def test_inflation_also_reads_as_flat_settings_and_absent_or_null_means_todays_prices():
    d = json.loads(json.dumps(default_document().to_dict()))
    del d["settings"]["inflation"]
    d["settings"].update(inflation_rate=0.025, inflation_source="Bank of England target")
    settings_ = Document.from_dict(d).settings
    assert (settings_.inflation_rate, settings_.inflation_source) == (0.025, "Bank of England target")
    for absent in (None, {}):
        d["settings"] = {**d["settings"], "inflation": absent}
        d["settings"].pop("inflation_rate"), d["settings"].pop("inflation_source")
        settings_ = Document.from_dict(d).settings
        assert (settings_.inflation_rate, settings_.inflation_source) == (0.0, "")
        d["settings"].update(inflation_rate=0.0, inflation_source="")


def test_a_bad_inflation_or_start_year_is_named_by_its_field():
    d = json.loads(json.dumps(default_document().to_dict()))
    d["settings"]["inflation"] = {"rate": "two percent", "source": ""}
    with pytest.raises(ScenarioFormatError) as caught:
        Document.from_dict(d)
    assert [i.field for i in caught.value.issues] == ["settings.inflation_rate"]
    assert "Inflation for cash figures" in str(caught.value)
    d["settings"]["inflation"] = {"rate": 0.02, "source": ""}
    d["settings"]["start_year"] = "2026/28"
    problems = validate_document(Document.from_dict(d))
    assert [(p.field, p.severity) for p in problems if p.field == "settings.start_year"] == \
        [("settings.start_year", "error")]
    assert "two consecutive years, such as 2026/27" in next(p.text for p in problems
                                                            if p.field == "settings.start_year")


def test_a_version_2_file_reads_no_decision_no_inflation_and_starts_next_financial_year():
    data = json.loads((Path(__file__).parents[1] / "fixtures" / "v2" / "example-v2.json").read_text())
    assert data["version"] == 2 and "decision" not in data and "start_year" not in data["settings"]
    doc = Document.from_dict(data)
    assert doc.decision == ""
    assert doc.settings.start_year == next_financial_year()
    assert (doc.settings.inflation_rate, doc.settings.inflation_source) == (0.0, "")
    assert doc.to_dict()["settings"]["start_year"] == next_financial_year()
