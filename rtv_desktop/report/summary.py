"""Sentences generated from the figures (the board paper's and the annex's), and the headline table.

It is honest about what the figures rest on: when NHS savings do not cover the cost it says
so and says what the case rests on instead, how much of the social value rests on weak
evidence, and which correlation and volunteer-time treatment were used.
"""

from __future__ import annotations

import numpy as np

from ..core.outputs import CARDS, NPV_FISCAL, NPV_SOCIAL, REPORT_PARTS, caption, format_output, said, short
from ..core.text import drawn_phrase, evpi_text, mean_vs_central_note, setting_text
from .figures import ReportFigures
from .model import Block, Heading, Paragraph, Table
from .words import listing, money, payback, percent, pounds, probability, ratio, volunteer_treatment, years


def what_is_valued(f: ReportFigures) -> str:
    """What the paper values: the option's interventions, the area and the horizon."""
    s = f.results.scenario
    names = [iv.name for iv in s.interventions]
    mix = f"{len(names)} intervention{'s' if len(names) != 1 else ''} ({listing(names)})" if names else \
        "no interventions"
    area = s.area.area_name or "the area"
    return (f"{f.option_name} is {mix} for {area} (population {s.area.population:,.0f}), valued over "
            f"{years(s.settings.horizon_years)} at {s.settings.price_year} prices.")


def money_to_the_nhs(f: ReportFigures) -> str:
    s, r = f.results.scenario.settings, f.results.summary
    cost, saving, cashable = r["pv_cost"], r["pv_saving"], r["pv_cashable"]
    if cost <= 0:
        return (f"**Nothing is spent**, so there is no return on spending to report: savings to services are "
                f"{money(saving)} and net social value is {money(r[NPV_SOCIAL])}.")
    if r[NPV_FISCAL] >= 0:
        return (f"**NHS savings cover the cost.** The package costs {money(cost)} and saves {money(saving)} in "
                f"services, a net fiscal value of **{money(r[NPV_FISCAL])}** ({ratio(r['bcr_fiscal'])}). Of the "
                f"savings, {money(cashable)} is cashable (releases cash); the rest is capacity released, time "
                f"freed that does not show in a budget. Payback: {payback(r, s.horizon_years)}.")
    falls = "Savings are below zero: on the central inputs some interventions increase the use of services " \
            f"({listing(_adding_use(f))}). " if saving < 0 else ""
    effect = f"saves {money(saving)} in services" if saving >= 0 else \
        f"adds {money(-saving)} to the cost of services"
    text = (f"**NHS savings do not cover the cost.** The package costs {money(cost)} and {effect}, so its net "
            f"fiscal value is **{money(r[NPV_FISCAL])}**: it does not pay for itself in cash "
            f"within {years(s.horizon_years)}. {falls}")
    volunteer = f" and volunteer time worth {money(r['pv_volunteer'])}" if s.volunteer_time == "benefit" else ""
    if r[NPV_SOCIAL] > 0:
        return text + (f"The case rests instead on value to residents and communities: wellbeing worth "
                       f"{money(r['pv_wellbeing'])}{volunteer}, giving a net social value of "
                       f"**{money(r[NPV_SOCIAL])}** ({ratio(r['bcr_social'])}).")
    return text + (f"Counting wellbeing ({money(r['pv_wellbeing'])}){volunteer} as well, the value still does not "
                   f"cover the cost: net social value is **{money(r[NPV_SOCIAL])}**.")


def _adding_use(f: ReportFigures) -> list[str]:
    saving = np.asarray(f.results.by_intervention[NPV_FISCAL]) + np.asarray(f.results.by_intervention["pv_cost"])
    names = [iv.name for iv, value in zip(f.results.scenario.interventions, saving) if value < 0]
    return names or ["see Value by intervention"]


def rests_on_detail(f: ReportFigures) -> str:
    r, s = f.results.summary, f.results.scenario.settings
    share = r["share_social_weak_evidence"]
    if share is None:
        weak = "There is no social value to weigh by strength of evidence."
    else:
        weak = (f"**{percent(share)} of the social value rests on evidence that is emerging, weak or untested** "
                f"(grades 4 to 6, each outcome by its own grade: a wellbeing gain no study measured is untested); "
                f"{percent(1 - share)} rests on stronger evidence (grades 1 to 3).")
    weak += " " + wellbeing_rests(r)
    assumptions = (f" {len(f.assumptions)} inputs still use shipped figures that no published source supports "
                   "(listed under [Assumptions and sources](#assumptions)): replace them with local evidence."
                   if f.assumptions else " Every input the figures use either has a source or was entered locally.")
    correlation = setting_text("correlation", s.correlation)  # as the form shows it: 50%
    settings = (f" Volunteer time is {volunteer_treatment(s.volunteer_time)}. The simulation draws the uncertain "
                f"inputs of one kind with a correlation of {correlation} between interventions "
                f"(0% = independent evidence, 100% = all move together).")
    return weak + assumptions + settings


def wellbeing_rests(summary: dict) -> str:
    """How much of the case is wellbeing: the value without it and the switching value (MODEL.md 10d)."""
    without = summary["npv_social_excl_wellbeing"]
    switch = summary["switch_wellbeing"]
    said = f"Without any wellbeing value, net social value would be {money(without)}."
    if switch is None:
        return said + " No wellbeing value is counted."
    return f"{said} Wellbeing gains needed to break even: {format_output('switch_wellbeing', switch)}."


def uncertainty_detail(f: ReportFigures) -> str:
    sim = f.simulation
    if sim is None:
        return "No simulation was run for this report, so it gives no probabilities; the tornado shows which " \
               "inputs matter most."
    o = sim.options[f.focus].summary
    social, fiscal = o[NPV_SOCIAL], o[NPV_FISCAL]
    text = (f"In a simulation of {sim.iterations:,} draws (seed {sim.seed}), net social value was above zero in "
            f"**{probability(o['prob_npv_social_positive'])}** of draws (90% between {money(social['p5'])} and "
            f"{money(social['p95'])}), and net fiscal value in {probability(o['prob_npv_fiscal_positive'])} "
            f"(90% between {money(fiscal['p5'])} and {money(fiscal['p95'])}).")
    rows = f.tornados.get(NPV_SOCIAL) or []
    if rows:
        top = rows[0]
        text += (f" The input that matters most is {top.label}: at its low and high ends net social value runs from "
                 f"{money(min(top.npv_social_low, top.npv_social_high))} to "
                 f"{money(max(top.npv_social_low, top.npv_social_high))}.")
    if f.several:
        text += (f" {f.option_name} was best in {probability(sim.prob_best_social[f.focus])} of draws. "
                 f"{evpi_words(sim)}")
    return text + " " + drawn_phrase(sim)


def evpi_words(sim) -> str:
    """The expected value of perfect information, in words a board can act on (:func:`evpi_text`)."""
    return (f"{evpi_text(sim)} Research or local evaluation of the drawn inputs costing more than that is "
            "unlikely to pay for itself in a better choice.")


def qalys_sentence(f: ReportFigures) -> str:
    r, s = f.results.summary, f.results.scenario.settings
    qalys = r["qalys"]
    if not qalys:
        return "No QALY gains are entered, so the NICE measure (cost per QALY) is not available."
    if qalys < 0:
        gains = f"loses {-qalys:,.1f} QALYs, so cost per QALY does not apply"
    elif r["net_cost"] <= 0:
        gains = f"gains {qalys:,.1f} QALYs: it is dominant, saving money and gaining health"
    else:
        gains = f"gains {qalys:,.1f} QALYs: a net cost of {money(r['cost_per_qaly'])} per QALY"
    return (f"On NICE's measure, the package {gains}. At a threshold of "
            f"{pounds(s.qaly_threshold)} per QALY its net monetary benefit is {money(r['nmb'])}.")


def headline_table(f: ReportFigures) -> list[Block]:
    """The headline cards as the window shows them, then the parts they are made of."""
    r, s = f.results.summary, f.results.scenario.settings
    period = years(s.horizon_years)
    rows = []
    for key in CARDS:
        text = payback(r, s.horizon_years) if key == "payback_year" else \
            format_output(key, r[key], compact=True, horizon_years=s.horizon_years)
        rows.append((short(key), text, caption(key, s.horizon_years, s.price_year, s.qaly_threshold)))
    for key in REPORT_PARTS:
        title, value = said(key, r[key])  # savings below zero read as extra cost to services
        rows.append((title, format_output(key, value), caption(key, s.horizon_years, s.price_year, s.qaly_threshold)))
    return [Heading("Headline figures", 1, "headline"),
            Paragraph(f"{f.option_name}: present values over {period}, {s.price_year} prices. What each figure "
                      f"means: [The results](#method-the-results) in the methods appendix."),
            Table(("Figure", "Value", "What it means"), tuple(rows), numeric=(1,), widths=(3, 2, 5))]
