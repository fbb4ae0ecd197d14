"""validate() finds every problem at once and names the scenario path of each."""

from dataclasses import replace

import pytest

from rtv_desktop.core import InvalidScenario, Uncertain, default_scenario, run, validate

NAN, INF = float("nan"), float("inf")


def fields_of(scenario, severity="error"):
    return {i.field for i in validate(scenario) if i.severity == severity}


def with_area(**kw):
    s = default_scenario()
    return replace(s, area=replace(s.area, **kw))


def with_settings(**kw):
    s = default_scenario()
    return replace(s, settings=replace(s.settings, **kw))


def with_intervention(k=0, **kw):
    s = default_scenario()
    ivs = list(s.interventions)
    ivs[k] = replace(ivs[k], **kw)
    return replace(s, interventions=tuple(ivs))


def with_service(j=0, **kw):
    s = default_scenario()
    services = list(s.services)
    services[j] = replace(services[j], **kw)
    return replace(s, services=tuple(services))


def test_default_scenario_is_clean():
    assert validate(default_scenario()) == []


@pytest.mark.parametrize("value", [-1.0, NAN, INF])
def test_population_must_be_finite_and_not_negative(value):
    assert fields_of(with_area(population=value)) == {"area.population"}


@pytest.mark.parametrize("name", ["adult_share", "over65_share", "ltc_share", "multimorbid_share"])
@pytest.mark.parametrize("value", [-0.01, 1.01, NAN])
def test_area_shares_are_fractions(name, value):
    assert f"area.{name}" in fields_of(with_area(**{name: value}))


def test_area_subgroups_cannot_exceed_their_parent_group():
    assert fields_of(with_area(over65_share=0.9, adult_share=0.8)) == {"area.over65_share"}
    assert fields_of(with_area(multimorbid_share=0.4, ltc_share=0.3)) == {"area.multimorbid_share"}


@pytest.mark.parametrize("value", [0, 11, 2.5, NAN])
def test_horizon_is_a_whole_number_from_1_to_10(value):
    assert fields_of(with_settings(horizon_years=value)) == {"settings.horizon_years"}


@pytest.mark.parametrize("name", ["discount_rate", "health_discount_rate", "volunteer_hour_value"])
@pytest.mark.parametrize("value", [-0.01, NAN, INF])
def test_settings_numbers(name, value):
    assert fields_of(with_settings(**{name: value})) == {f"settings.{name}"}


def test_wellby_range_must_be_ordered_and_non_negative():
    # The end that is out of order is the one outlined: here the low end, above the central value.
    assert fields_of(with_settings(wellby_value=Uncertain(10.0, 20.0, 30.0))) == {"settings.wellby_value.low"}
    assert fields_of(with_settings(wellby_value=Uncertain(40.0, 20.0, 30.0))) == {"settings.wellby_value.high"}
    assert fields_of(with_settings(wellby_value=Uncertain(10.0, -5.0, 30.0))) == {"settings.wellby_value.low"}


def test_optimism_bias_by_grade():
    assert fields_of(with_settings(optimism_bias=(0, 0, 0, 1.5, 0, 0))) == {"settings.optimism_bias[3]"}
    assert "settings.optimism_bias" in fields_of(with_settings(optimism_bias=(0, 0)))


@pytest.mark.parametrize("name,value", [("iterations", 0), ("iterations", 2_000_000), ("seed", -1), ("seed", 1.5)])
def test_iterations_and_seed(name, value):
    assert fields_of(with_settings(**{name: value})) == {f"settings.{name}"}


@pytest.mark.parametrize("name", ["reach", "completion", "drop_off", "deadweight"])
@pytest.mark.parametrize("value", [-0.1, 1.1, NAN])
def test_intervention_fractions(name, value):
    assert f"interventions[2].{name}" in fields_of(with_intervention(2, **{name: Uncertain.fixed(value)}))


@pytest.mark.parametrize("name", ["fixed_cost", "setup_cost", "volunteer_hours", "custom_size"])
def test_intervention_amounts_not_negative(name):
    assert fields_of(with_intervention(1, **{name: -1.0})) == {f"interventions[1].{name}"}


def test_intervention_uncertain_ends_are_reported_by_end():
    s = with_intervention(0, cost_per_starter=Uncertain(100.0, -5.0, 200.0))
    assert fields_of(s) == {"interventions[0].cost_per_starter.low"}
    s = with_intervention(0, completion=Uncertain(0.5, 0.6, 0.7))
    assert fields_of(s) == {"interventions[0].completion.low"}


@pytest.mark.parametrize("name,value", [("effect_years", 0), ("effect_years", 11), ("evidence_grade", 0),
                                        ("evidence_grade", 7), ("attribution", 1.5)])
def test_intervention_whole_numbers_and_attribution(name, value):
    assert fields_of(with_intervention(0, **{name: value})) == {f"interventions[0].{name}"}


def test_intervention_labels_and_effects():
    s = with_intervention(0, name=" ", approach="magic", target_group="everyone",
                          effect=(("xray", Uncertain.fixed(0.1)), ("gp", Uncertain(0.1, 0.0, 1.5))))
    assert fields_of(s) == {"interventions[0].name", "interventions[0].approach", "interventions[0].target_group",
                            "interventions[0].effect.xray", "interventions[0].effect.gp.high"}


def test_services_ids_costs_shares_and_baseline():
    renamed = fields_of(with_service(0, id="GP consult"))
    assert "services[0].id" in renamed
    assert "interventions[0].effect.gp" in renamed  # effects on 'gp' now point at no service
    assert fields_of(with_service(1, id="gp")) == {"services[1].id"}
    assert fields_of(with_service(0, cashable_share=2.0)) == {"services[0].cashable_share"}
    assert fields_of(with_service(0, unit_cost=Uncertain(-1.0, -1.0, 5.0))) == {
        "services[0].unit_cost", "services[0].unit_cost.low"}
    assert fields_of(with_service(0, baseline=(1, -1, 1, 1, 1))) == {"baseline_use.adults_ltc.gp"}


def test_every_problem_is_reported_at_once():
    s = with_area(population=-1, adult_share=2.0)
    s = replace(s, settings=replace(s.settings, horizon_years=0))
    assert {"area.population", "area.adult_share", "settings.horizon_years"} <= fields_of(s)


def test_over_recruiting_a_group_is_a_warning_not_an_error():
    s = with_intervention(0, reach=Uncertain.fixed(0.5))
    assert fields_of(s) == set()
    assert "interventions[0].reach" in fields_of(s, "warning")
    run(s)  # warnings do not stop a run


def test_too_many_interventions():
    s = default_scenario()
    s = replace(s, interventions=s.interventions * 9)
    assert "interventions" in fields_of(s)


def test_run_refuses_an_invalid_scenario_with_its_issues():
    with pytest.raises(InvalidScenario) as caught:
        run(with_area(population=-5))
    assert [i.field for i in caught.value.issues] == ["area.population"]


@pytest.mark.parametrize("name,value", [("fixed_cost", 1e11), ("setup_cost", 1e308), ("volunteer_hours", 10_000),
                                        ("custom_size", 2e9)])
def test_amounts_have_upper_bounds_against_typos_and_overflow(name, value):
    assert fields_of(with_intervention(0, **{name: value})) == {f"interventions[0].{name}"}


def test_population_upper_bound():
    assert fields_of(with_area(population=1e308)) == {"area.population"}


def test_a_wrong_choice_lists_the_codes_a_file_accepts_with_what_they_mean():
    from dataclasses import replace  # noqa: PLC0415

    from rtv_desktop.core import default_document, validate_document  # noqa: PLC0415

    doc = default_document()
    doc = replace(doc, settings=replace(doc.settings, volunteer_time="costs"))
    text = " ".join(i.message for i in validate_document(doc) if i.field == "settings.volunteer_time")
    assert "'cost' (" in text and "'benefit' (" in text and "'excluded' (" in text and "it is 'costs'" in text


def test_a_document_that_cannot_be_read_names_each_problem_as_the_screen_does():
    from rtv_desktop.core import Document, ScenarioFormatError, default_document  # noqa: PLC0415

    data = default_document().to_dict()
    data["settings"]["horizon_years"] = "five"
    with pytest.raises(ScenarioFormatError) as caught:
        Document.from_dict(data)
    assert "Horizon must be a number, not text" in str(caught.value) and "settings." not in str(caught.value)
