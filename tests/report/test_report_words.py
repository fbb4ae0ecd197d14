"""Sentences of the report worked by hand: QALYs in each quadrant, probabilities near 0 and 1,
a package that costs nothing, savings below zero."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rtv_desktop.report.summary import money_to_the_nhs, qalys_sentence
from rtv_desktop.report.words import probability


def figures(**summary):
    settings = SimpleNamespace(qaly_threshold=20_000, horizon_years=5, volunteer_time="benefit")
    return SimpleNamespace(results=SimpleNamespace(summary=summary, scenario=SimpleNamespace(settings=settings)))


@pytest.mark.parametrize("value, shown", [(0, "0%"), (0.0002, "<0.1%"), (0.001, "0.1%"), (0.005, "0.5%"),
                                          (0.42, "42%"), (0.995, "99.5%"), (0.9998, ">99.9%"), (1, "100%")])
def test_a_chance_near_zero_or_one_is_never_rounded_to_it(value, shown):
    assert probability(value) == shown


def test_qalys_gained_at_a_net_cost_give_the_cost_per_qaly():
    # 20 QALYs for a net cost of £100,000: £5,000 per QALY; NMB = 20 x 20,000 - 100,000 = £300,000.
    text = qalys_sentence(figures(qalys=20.0, net_cost=100_000.0, cost_per_qaly=5_000.0, nmb=300_000.0))
    assert "gains 20.0 QALYs: a net cost of £5,000 per QALY" in text and "£300k" in text


def test_qalys_gained_while_saving_money_are_dominant_not_a_negative_cost():
    text = qalys_sentence(figures(qalys=20.0, net_cost=-100_000.0, cost_per_qaly=-5_000.0, nmb=500_000.0))
    assert "it is dominant, saving money and gaining health" in text and "-£5,000" not in text


def test_qalys_lost_are_said_to_be_lost():
    text = qalys_sentence(figures(qalys=-2.0, net_cost=100_000.0, cost_per_qaly=None, nmb=-140_000.0))
    assert "loses 2.0 QALYs, so cost per QALY does not apply" in text and "n/a" not in text


def test_nothing_spent_is_no_claim_that_savings_fall_short():
    text = money_to_the_nhs(figures(pv_cost=0.0, pv_saving=0.0, pv_cashable=0.0, npv_fiscal=0.0, npv_social=0.0))
    assert text.startswith("**Nothing is spent**") and "do not cover" not in text


def test_unit_costs_are_listed_in_the_price_year_they_are_in_after_a_rebase():
    from rtv_desktop.core import bundled_deflator, default_document  # noqa: PLC0415
    from rtv_desktop.core.rebase import rebase  # noqa: PLC0415
    from rtv_desktop.report.appendix import _services_table  # noqa: PLC0415

    doc = rebase(default_document(), bundled_deflator("2020/21"))
    table = _services_table(doc.scenario(0))
    assert table.rows and {row[-1] for row in table.rows} == {"2020/21"}


def test_the_settings_appendix_writes_each_setting_as_its_form_field_does():
    from dataclasses import replace  # noqa: PLC0415

    from rtv_desktop.core import Settings, default_document, specs  # noqa: PLC0415
    from rtv_desktop.report.appendix import _settings_table  # noqa: PLC0415

    settings = replace(default_document().settings, correlation=0.3, horizon_years=7, qaly_threshold=30_000.0)
    label = {name: spec.label for name, spec in specs(Settings)}
    shown = {row[0]: row[1] for row in _settings_table(settings).rows}
    assert shown[label["correlation"]] == "30%"  # the form's 30%, never 0.3
    assert shown[label["horizon_years"]] == "7 years"
    assert shown[label["qaly_threshold"]] == "£30,000 per QALY"
    assert shown[label["discount_rate"]] == "3.5%"
