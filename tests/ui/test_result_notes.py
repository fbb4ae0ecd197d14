"""The sentences that go with the results: the verdict in each case, the basis, cost per QALY."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rtv_desktop.core import Option, compare, default_document, simulate
from rtv_desktop.core.text import format_money
from rtv_desktop.core.text import (
    basis_note,
    correlation_phrase,
    cost_per_qaly_text,
    evpi_sentence,
    verdict,
)

from .option_documents import dominant, nothing_wins, three_options


def money(value):
    return format_money(value, compact=True)


def test_the_comparator_preferred_is_said_to_be_unbeaten():
    doc = three_options(comparator=1)  # the full mix, which has the highest net social value
    c = compare(doc)
    second = c.ranking[1]  # the runner-up (peer support and groups, on the shipped evidence)
    gap = c.options[1].summary["npv_social"] - c.options[second].summary["npv_social"]
    assert verdict(c).startswith(f"Full mix, the comparator, has the highest net social value "
                                 f"({money(c.options[1].summary['npv_social'])}), {money(gap)} more than "
                                 f"{doc.options[second].name}: no option improves on it.")


def test_a_single_option_is_compared_with_doing_nothing():
    c = compare(default_document())
    value = c.options[0].summary["npv_social"]
    assert verdict(c).startswith(f"Six approaches has the highest net social value ({money(value)}), "
                                 f"{money(value)} more than doing nothing.")


def test_two_identical_options_are_level_and_the_first_is_taken():
    doc = default_document()
    twin = replace(doc, options=(doc.options[0], Option("Twin", doc.options[0].interventions)))
    assert "has the highest net social value" in verdict(compare(twin))
    assert ", level with Twin and no dearer." in verdict(compare(twin))


def test_doing_nothing_preferred_names_the_best_option_and_its_loss():
    c = compare(nothing_wins())
    best = max(range(2), key=lambda k: c.options[k].summary["npv_social"])
    assert verdict(c) == (f"Doing nothing is preferred: no option has a positive net social value; the best option, "
                          f"{c.document.options[best].name}, has {money(c.options[best].summary['npv_social'])}. "
                          "Doing nothing costs nothing and changes nothing.")


def test_the_fiscal_aside_appears_only_when_a_budget_reading_differs():
    assert "On net fiscal value alone" not in verdict(compare(dominant()))  # it saves money too
    assert "doing nothing would be preferred" in verdict(compare(three_options()))
    c = compare(three_options(comparator=1))
    top = max(range(3), key=lambda k: c.options[k].summary["npv_fiscal"])
    assert f"On net fiscal value alone, {c.document.options[top].name} would be preferred" in verdict(c)


@pytest.mark.parametrize("rho, words", [(0.5, "draws correlated at 50% across interventions"),
                                        (0.0, "draws independent across interventions"),
                                        (1.0, "draws correlated at 100% across interventions")])
def test_the_correlation_in_words(rho, words):
    assert correlation_phrase(rho) == words


def test_basis_names_prices_volunteer_time_and_correlation():
    settings = default_document().settings
    assert basis_note(settings, 0.5) == ("Money in 2024/25 prices. Volunteer time counted as a benefit (Realising "
                                         "the Value convention). Simulation draws correlated at 50% across "
                                         "interventions.")
    left_out = replace(settings, volunteer_time="excluded")
    assert "Volunteer time counted as left out" not in basis_note(left_out)
    assert "Volunteer time left out of the social value." in basis_note(left_out)


def test_cost_per_qaly_in_words():
    assert cost_per_qaly_text({"qalys": 2.0, "net_cost": -5.0, "cost_per_qaly": -2.5}) == \
        "dominant: saves money and gains health"
    assert cost_per_qaly_text({"qalys": 2.0, "net_cost": 0.0, "cost_per_qaly": 0.0}) == \
        "dominant: saves money and gains health"
    assert cost_per_qaly_text({"qalys": 0.0, "net_cost": 5.0, "cost_per_qaly": None}) == "n/a: no QALYs gained"
    assert cost_per_qaly_text({"qalys": 4.0, "net_cost": 100_000.0, "cost_per_qaly": 25_000.0}) == "£25,000"


def test_evpi_in_words():
    sim = simulate(default_document(), iterations=300, seed=1)
    sim = replace(sim, evpi_social=1_234_567.0)
    assert evpi_sentence(sim) == (
        "Perfect information would be worth about £1.2m on net social value, for the whole area over 5 years, "
        "counting only the inputs the simulation draws (its fixed inputs, such as reach per year, drop-off per "
        "year and effect years, are not counted).")
