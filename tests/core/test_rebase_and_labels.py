"""Price-year rebasing (MODEL.md 8e) and field names in the words of the screen."""

from dataclasses import replace

import pytest

from rtv_desktop.core import (Deflator, Option, Uncertain, bundled_deflator, calendar_year, default_document,
                              describe_field, rebase, run, validate)
from rtv_desktop.core.rebase import deflator_series


def test_the_bundled_series_is_the_treasury_calendar_deflator():
    series = deflator_series()
    assert series[2024] == 100 and series[2019] == pytest.approx(81.1085) and min(series) == 1990


@pytest.mark.parametrize("label,year", [("2024/25", 2024), ("2019/20", 2019), ("2021", 2021), ("next year", None)])
def test_a_financial_year_uses_the_calendar_year_it_starts_in(label, year):
    assert calendar_year(label) == year


def test_rebasing_multiplies_every_money_input_but_not_the_qaly_threshold():
    doc = default_document()
    doc = replace(doc, options=doc.options + (Option("Two", doc.options[0].interventions[:2]),))
    target = bundled_deflator("2019/20")
    factor = 81.1085 / 100
    new = rebase(doc, target)
    assert new.settings.price_year == "2019/20"
    assert new.settings.wellby_value.central == pytest.approx(doc.settings.wellby_value.central * factor)
    assert new.settings.volunteer_hour_value == pytest.approx(doc.settings.volunteer_hour_value * factor)
    assert new.settings.qaly_threshold == doc.settings.qaly_threshold  # a policy value
    assert new.services[0].unit_cost.low == pytest.approx(doc.services[0].unit_cost.low * factor)
    for old_option, new_option in zip(doc.options, new.options):
        for old, iv in zip(old_option.interventions, new_option.interventions):
            assert iv.cost_per_starter.high == pytest.approx(old.cost_per_starter.high * factor)
            assert iv.fixed_cost == pytest.approx(old.fixed_cost * factor)
            assert iv.setup_cost == pytest.approx(old.setup_cost * factor)
            assert iv.reach == old.reach and iv.effect == old.effect  # not money
    assert "calendar 2019" in new.settings.price_note and "x0.8111" in new.settings.price_note
    # Every money figure scales with the prices; the ratios do not move.
    before, after = run(doc.scenario(0)).summary, run(new.scenario(0)).summary
    assert after["npv_fiscal"] == pytest.approx(before["npv_fiscal"] * factor)
    assert after["bcr_social"] == pytest.approx(before["bcr_social"])


def test_a_later_year_needs_a_typed_deflator_with_its_source():
    doc = default_document()
    assert bundled_deflator("2026/27") is None
    typed = Deflator("2026/27", 104.9, "HM Treasury GDP deflator forecast, typed in 2026-12-01")
    new = rebase(doc, typed)
    assert new.settings.price_year == "2026/27" and "typed in 2026-12-01" in new.settings.price_note
    assert new.settings.wellby_value.central == pytest.approx(doc.settings.wellby_value.central * 1.049)
    with pytest.raises(ValueError, match="deflator"):
        rebase(replace(doc, settings=replace(doc.settings, price_year="someday")), typed)


def test_paths_are_described_with_the_labels_on_screen():
    doc = default_document()
    s = doc.scenario(0)
    assert describe_field("area.population", s) == "Population (all ages)"
    assert describe_field("interventions[1].reach.low", s) == "Peer support: Reach per year (low)"
    assert describe_field("interventions[0].effect.gp.high", s) == \
        f"Self-management education: Effect on {s.services[0].name} (high)"
    assert describe_field("baseline_use.adults_ltc.ae", s) == \
        f"Baseline use of {s.services[2].name}, Adults with a long-term condition"
    assert describe_field("settings.optimism_bias[3]", s) == "Optimism bias, evidence grade 4"
    assert describe_field("services[2].unit_cost.low", s) == f"{s.services[2].name}: Unit cost (low)"
    assert describe_field("options[0].interventions[5].funding.council", doc) == \
        "Option 'Six approaches', Social prescribing: funding share, Council (social care, public health)"


@pytest.mark.parametrize("change,subject,message", [
    (lambda s: replace(s, area=replace(s.area, adult_share=1.5)), "Adults (18+)", "must be from 0% to 100%; it is 150%"),
    (lambda s: replace(s, area=replace(s.area, population=0.0)), "Population (all ages)",
     "must be from 1 to 1,000,000,000; it is 0"),
    (lambda s: replace(s, settings=replace(s.settings, iterations=99_999_999)), "Iterations",
     "must be from 1 to 1,000,000; it is 99,999,999"),
    (lambda s: replace(s, interventions=(replace(s.interventions[0], cost_per_starter=Uncertain(350.0, 400.0, 450.0)),)),
     "Self-management education: Cost per starter (low)",
     "is above the central value (£350): the low end must be at most the central value; it is £400"),
])
def test_messages_name_the_field_and_the_allowed_range_in_the_units_typed(change, subject, message):
    s = change(default_document().scenario(0))
    issues = [i for i in validate(s) if i.severity == "error"]
    assert [(i.subject, i.message) for i in issues] == [(subject, message)]
    assert issues[0].text == f"{subject} {message}"
