"""What a simulation says (MODEL.md 11b-d): cost per QALY as a ratio of means, EVPI on net monetary
benefit and per person, the inputs drawn and held fixed, and the sentences that state them."""

import re
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from rtv_desktop.core import Uncertain, default_document, simulate
from rtv_desktop.core.simulation import evpi, people_starting, ratio_of_means, union_of_options
from rtv_desktop.core.text import (drawn_phrase, evpi_sentence, evpi_text, mean_vs_central_note, means_differ)

from .builders import intervention, scenario

PACKAGE = Path(__file__).parents[2] / "rtv_desktop"


def test_cost_per_qaly_is_the_ratio_of_means_by_hand():
    # Two equally likely draws: the mean of the per-draw ratios would be (100/1 + 300/0.01)/2 = 15,050.
    net_cost, qalys = np.array([100.0, 300.0]), np.array([1.0, 0.01])
    assert ratio_of_means(net_cost, qalys) == pytest.approx(200.0 / 0.505)
    assert ratio_of_means(net_cost, np.array([0.5, -0.5])) is None  # no QALYs on average: no cost per QALY
    assert ratio_of_means(net_cost, np.zeros(2)) is None


def test_a_simulated_cost_per_qaly_has_no_percentiles():
    sim = simulate(default_document(), iterations=2000, seed=1)
    option = sim.options[0]
    assert "cost_per_qaly" not in option.summary and "cost_per_qaly" not in option.samples
    assert option.cost_per_qaly == pytest.approx(option.samples["net_cost"].mean() / option.samples["qalys"].mean())


def test_evpi_on_net_monetary_benefit_of_a_small_enumerated_case():
    # Four equally likely draws of the NMB of options A and B (£).
    nmb = np.array([[10.0, -2.0], [-6.0, 8.0], [5.0, -4.0], [-5.0, -6.0]])
    # With a comparator (doing nothing does not compete): A is best on average (mean 1 against -1);
    # knowing the draw picks 10, 8, 5, -5 (mean 4.5): EVPI = 4.5 - 1 = 3.5.
    assert evpi(nmb, nothing=False) == pytest.approx(3.5)
    # Doing nothing (0) competes: the last draw is worth 0 instead of -5, so 5.75 - 1 = 4.75.
    assert evpi(nmb, nothing=True) == pytest.approx(4.75)


def test_the_simulation_reports_evpi_on_nmb_and_per_person():
    doc = default_document()
    sim = simulate(doc, iterations=3000, seed=2)
    nmb = np.column_stack([o.samples["nmb"] for o in sim.options])
    assert sim.evpi_nmb == pytest.approx(evpi(nmb, doc.comparator is None))
    people = people_starting(union_of_options(doc))
    s = doc.scenario(0)
    assert people == pytest.approx(sum(s.eligible(iv) * iv.reach.central for iv in s.interventions)
                                   * s.settings.horizon_years)
    assert sim.evpi_social_per_person == pytest.approx(sim.evpi_social / people)


def test_drawn_and_fixed_inputs_are_named_by_their_declared_labels():
    sim = simulate(default_document(), iterations=500, seed=1)
    for label in ("Completion", "Cost per starter", "Effect on use", "Wellbeing gain", "Baseline use",
                  "Cashable share", "Unit cost", "WELLBY value"):
        assert label in sim.drawn
    for label in ("Effect years", "Attribution", "Fixed cost per year", "Set-up cost", "Volunteer hours",
                  "Discount rate", "Reach per year"):  # reach: a degenerate range in every intervention
        assert label in sim.fixed
    said = drawn_phrase(sim)
    assert "baseline use" in said and "cashable share" in said and "effect years" in said


def test_an_input_kind_with_degenerate_ranges_everywhere_counts_as_fixed():
    s = scenario(interventions=(intervention(completion=Uncertain(0.5, 0.4, 0.6)),))
    sim = simulate(s, iterations=200, seed=1)
    assert sim.drawn == ("Completion",)
    assert "Wellbeing gain" in sim.fixed and "Unit cost" in sim.fixed


def test_every_evpi_sentence_says_what_it_is_on_for_whom_and_over_what_and_about_not_at_most():
    sim = simulate(default_document(), iterations=1000, seed=1)
    for on, words in (("social", "on net social value"), ("nmb", "on net monetary benefit at £20,000 per QALY"),
                      ("fiscal", "on net fiscal value")):
        sentence = evpi_sentence(sim, on)
        assert sentence.startswith("Perfect information would be worth about £")
        assert words in sentence and "for the whole area over 5 years" in sentence
        assert "counting only the inputs the simulation draws" in sentence and "reach per year" in sentence
    text = evpi_text(sim)
    assert "at most" not in text and "for each of the" in text


def test_no_evpi_is_said_as_at_most_anywhere_in_the_package():
    said = re.compile(r"worth at most|at most \{(money|format_money)|at most £")
    found = [str(path) for path in PACKAGE.rglob("*.py") if said.search(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_mean_and_the_central_figure_are_both_given_with_a_reason_only_when_they_differ():
    assert not means_differ(1_000_000.0, 1_005_000.0)  # 0.5%: the same figure
    assert not means_differ(50_000.0, 50_900.0)  # 1.8% but under £1,000
    assert means_differ(-630_000.0, -410_000.0)
    note = mean_vs_central_note("pv_saving", -630_000.0, -410_000.0, "pert")
    assert note == ("Savings to services (present value): the simulation's average (-£410k) differs from the central "
                    "figure (-£630k) because the most likely value of a skewed range is not its average, and the "
                    "model multiplies uncertain inputs together.")
    assert "wider on one side" in mean_vs_central_note("npv_social", 1e6, 2e6, "fitted")
    assert "\n" not in note and mean_vs_central_note("npv_social", 1e6, 1e6) == ""


def test_fitted_draws_reach_beyond_the_ranges_that_pert_treats_as_limits():
    doc = default_document()
    pert = simulate(replace(doc, settings=replace(doc.settings, distributions="pert")), iterations=4000, seed=3)
    fitted = simulate(replace(doc, settings=replace(doc.settings, distributions="fitted")), iterations=4000, seed=3)
    width = {name: np.subtract(*np.percentile(sim.samples["npv_social"], (95, 5))) for name, sim in
             (("pert", pert), ("fitted", fitted))}
    assert width["fitted"] > width["pert"]
    assert fitted.distributions == "fitted" and pert.distributions == "pert"
