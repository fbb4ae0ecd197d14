"""The board paper: at most six A4 pages in plain words (ARCHITECTURE.md v3, Board pack).

Recommendation and the decision asked, the options in one table, what it costs and saves whom
by financial year, what the case rests on, and the main risks; after go-live, the benefits so far
(:mod:`.benefits`). The words of method (seeds,
correlations, the value of information) belong to the technical annex (:mod:`.build`).
"""

from __future__ import annotations

import re

from ..core.outputs import NPV_FISCAL, NPV_SOCIAL, REPORT_OPTIONS, format_output, short
from ..core.text import format_switch
from .benefits import benefits_so_far
from .board_years import year_tables
from .figures import ReportFigures
from .model import Block, Bullets, Heading, Paragraph, Table
from .summary import money_to_the_nhs, qalys_sentence, what_is_valued
from .words import listing, money, percent, probability, ratio, years

RISK_INPUTS = 3  # inputs of the tornado named among the main risks
STUDIES_NAMED = 4  # studies named in the one sentence on what the main figures rest on


def board_paper(f: ReportFigures) -> list[Block]:
    if not f.results.scenario.interventions:
        return [Heading("Recommendation and decision", 1, "recommendation"),
                Paragraph("The option has no interventions yet, so every figure is zero. Add interventions in the "
                          "Intervention mix to value them.", "warning"),
                Paragraph(_decision(f))]
    return [*recommendation(f), *options_table(f), *benefits_so_far(f), *year_tables(f), *rests_on(f),
            *risks(f)]


# -- recommendation and the decision asked -----------------------------------------------------------
def recommendation(f: ReportFigures) -> list[Block]:
    return [Heading("Recommendation and decision", 1, "recommendation"),
            Paragraph(_recommend(f), "lead"),
            Paragraph(_decision(f)),
            Paragraph(what_is_valued(f)),
            Paragraph(money_to_the_nhs(f)),
            Paragraph(present_value_words(f)),
            Paragraph(qalys_sentence(f))]


def _recommend(f: ReportFigures) -> str:
    c, r = f.comparison, f.results.summary
    period = years(f.results.scenario.settings.horizon_years)
    if f.several and c.preferred is None:
        return (f"**No option is recommended on these figures**: doing nothing does better than every option on net "
                f"social value. The best option, {f.option_name}, would cost {money(r['pv_cost'])} over {period} "
                f"for a net social value of {money(r[NPV_SOCIAL])}.")
    if r[NPV_SOCIAL] <= 0:
        return (f"**{f.option_name} is not recommended on these figures**: over {period} it costs "
                f"{money(r['pv_cost'])} and its value does not cover that cost (net social value "
                f"{money(r[NPV_SOCIAL])}).")
    why = " It has the highest net social value of the options." if f.several else ""
    return (f"**We recommend {f.option_name}.** Over {period} it costs {money(r['pv_cost'])} and gives a net "
            f"social value of **{money(r[NPV_SOCIAL])}**: {ratio(r['bcr_social'])} in value to the NHS, the "
            f"council and residents.{why}")


def _decision(f: ReportFigures) -> str:
    typed = f.document.decision.strip()
    if typed:
        return f"**The decision asked:** {typed}"
    doc = f.document
    if f.several:
        what = f"the appraisal of {listing([o.name for o in doc.options])}"
        preferred = f.comparison.preferred
        best = (f", and that {doc.options[preferred].name} has the highest net social value" if preferred is not None
                else ", and that no option does better than doing nothing on net social value")
    else:
        what, best = f"the appraisal of {f.option_name}", ""
    return f"**The decision asked:** the board is asked to note {what}{best}."


def present_value_words(f: ReportFigures) -> str:
    """"Present value" said once, in words."""
    s = f.results.scenario.settings
    return (f"Money over {years(s.horizon_years)} is added up as a present value: each future year's pounds count "
            f"a little less than today's ({percent(s.discount_rate, 1)} less for each year ahead, as HM Treasury's "
            f"Green Book asks), all in {s.price_year} prices.")


# -- the options ---------------------------------------------------------------------------------------
def options_table(f: ReportFigures) -> list[Block]:
    doc, c, sim = f.document, f.comparison, f.simulation
    chance = sim is not None and f.several
    rows = []
    for k, (option, r) in enumerate(zip(doc.options, c.options)):
        name = option.name + (" (preferred)" if k == c.preferred else "") + \
            (" (comparator)" if k == doc.comparator else "")
        figures = tuple(format_output(key, r.summary[key], compact=True) for key in REPORT_OPTIONS)
        rows.append((name, *figures, *((probability(sim.prob_best_social[k]),) if chance else ())))
    if chance and sim.prob_best_do_nothing is not None:
        rows.append(("Doing nothing", *("-",) * len(REPORT_OPTIONS), probability(sim.prob_best_do_nothing)))
    headers = ("Option", *(short(key) for key in REPORT_OPTIONS), *(("Chance best",) if chance else ()))
    s = f.results.scenario.settings
    against = f"Each is compared with {doc.options[doc.comparator].name}. " if doc.comparator is not None else \
        "Each is compared with doing nothing. "
    return [Heading("The options", 1, "board-options"),
            Paragraph(against + "Net fiscal value is savings to services less cost; net social value adds the "
                      "value of wellbeing and volunteer time to residents. Social return: value for each £1 spent."),
            Table(headers, tuple(rows), numeric=tuple(range(1, len(headers))),
                  widths=(4, *(2,) * (len(headers) - 1)),
                  caption=f"Present values over {years(s.horizon_years)}, {s.price_year} prices, rounded."
                          + (" Chance best: how often the option came out best when the inputs were varied "
                             "together." if chance else ""))]


# -- what the case rests on ----------------------------------------------------------------------------
def rests_on(f: ReportFigures) -> list[Block]:
    r, s = f.results.summary, f.results.scenario.settings
    items = []
    share = r["share_social_weak_evidence"]
    if share is not None:
        items.append(f"**{percent(share)} of the social value rests on evidence that is emerging, weak or untested** "
                     f"(grades 4 to 6 of 6); {percent(1 - share)} rests on stronger evidence.")
    if r["pv_wellbeing"]:
        items.append(f"Wellbeing is worth {money(r['pv_wellbeing'])} of the value. {WELLBY_LINE} "
                     f"(£{s.wellby_value.central:,.0f} here).")
        items.append(f"Without any wellbeing value, net social value would be "
                     f"**{money(r['npv_social_excl_wellbeing'])}**. Wellbeing gains needed to break even: "
                     f"{format_switch(r['switch_wellbeing'])}.")
    studies = studies_sentence(f)
    if studies:
        items.append(studies)
    if f.assumptions:
        items.append(f"{len(f.assumptions)} inputs are still at shipped figures that no published source supports "
                     "(listed in the technical annex): replace them with local evidence before relying on them.")
    return [Heading("What the case rests on", 1, "rests-on"), Bullets(tuple(items))] if items else []


WELLBY_LINE = ("A WELLBY is one point of life satisfaction (on a 0 to 10 scale) for one person for one year, "
               "valued in money as HM Treasury advises")


def studies_sentence(f: ReportFigures) -> str:
    """The studies behind the main figures, in one sentence (the annex lists each figure's study)."""
    from ..core import figure_evidence  # noqa: PLC0415

    cited: list[str] = []
    local = 0
    for e in figure_evidence(f.results.scenario):
        if not e.entry_id:
            local += 1
        elif (name := short_citation(e.citation)) not in cited:
            cited.append(name)
    if not cited and not local:
        return ""
    named = listing(cited[:STUDIES_NAMED] + ([f"{len(cited) - STUDIES_NAMED} more"]
                                              if len(cited) > STUDIES_NAMED else []))
    text = f"The effects counted come from {named}" if cited else "No published study stands behind the effects counted"
    if local:
        text += f"; {local} figure{'s are' if local != 1 else ' is'} a local figure or judgement" if cited else \
            ": each is a local figure or judgement"
    return text + "."


def short_citation(citation: str) -> str:
    """"Kennedy A, et al. (2007) The effectiveness ..." -> "Kennedy et al. (2007)"."""
    year = re.search(r"\((\d{4})\)|\b(19|20)\d{2}\b", citation)
    author = re.split(r"[ ,.(]", citation.strip(), maxsplit=1)[0]
    if not year or not author:
        return citation.split(".")[0]
    found = year.group(1) or year.group(0)
    return f"{author} et al. ({found})"


# -- the main risks ------------------------------------------------------------------------------------
def risks(f: ReportFigures) -> list[Block]:
    items = [_chance(f)]
    rows = f.tornados.get(NPV_SOCIAL) or []
    if rows:
        named = [f"{row.label} ({money(min(row.npv_social_low, row.npv_social_high))} to "
                 f"{money(max(row.npv_social_low, row.npv_social_high))})" for row in rows[:RISK_INPUTS]]
        items.append("The figures depend most on " + listing(named) + " (in brackets: net social value with "
                     "that input at the low and at the high end of its range).")
    r = f.results.summary
    if r["pv_cost"] > 0 and r[NPV_FISCAL] < 0:
        items.append(f"Savings to services do not cover the cost (net fiscal value {money(r[NPV_FISCAL])}): the "
                     "funders pay more than services get back in cash or capacity.")
    share = r["share_social_weak_evidence"]
    if share is not None and share >= 0.5:
        items.append("Most of the value rests on weak or untested evidence: plan to measure outcomes locally (the "
                     "monitoring workbook) and revisit the decision with what is found.")
    return [Heading("The main risks", 1, "risks"), Bullets(tuple(items))]


def _chance(f: ReportFigures) -> str:
    sim = f.simulation
    if sim is None:
        return ("No simulation was run for this paper, so it gives no chances; the inputs that matter most are "
                "named below.")
    o = sim.options[f.focus].summary
    social = o[NPV_SOCIAL]
    text = (f"Varying all the uncertain inputs together, {f.option_name}'s net social value was above zero in "
            f"**{probability(o['prob_npv_social_positive'])}** of {sim.iterations:,} trials; in 9 trials out of 10 "
            f"it lay between {money(social['p5'])} and {money(social['p95'])}.")
    if f.several:
        text += f" It came out best in {probability(sim.prob_best_social[f.focus])} of them."
    return text
