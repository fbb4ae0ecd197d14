"""The report's sections on the figures: options, value, who pays, uncertainty, evidence.

Each section is a list of blocks; a chart is one line (:func:`.charts.chart`), and every
chart has a table beside it, the form a screen reader and a business case can use.
"""

from __future__ import annotations

import numpy as np

from ..core import GRADE_NAMES, figure_evidence
from ..core.outputs import (NPV_FISCAL, NPV_SOCIAL, REPORT_INTERVALS, REPORT_OPTIONS, REPORT_PROBABILITIES,
                            TORNADO_METRICS, format_output, short)
from ..core.outputs import label as figure_label
from ..core.text import cost_per_qaly_simulated, drawn_phrase, format_input, mean_vs_central_note, simulation_basis
from ..ui.charts.savings import CumulativeChart
from ..ui.charts.uncertainty import FanChart, HistogramChart, TornadoChart
from ..ui.charts.value import ByInterventionChart, IcebergChart
from ..ui.charts.decision import ProbBestChart
from ..ui.charts.evidence import ValueByGradeChart
from ..ui.charts.options import OptionsChart
from ..ui.charts.parties import WhoPaysChart
from ..ui.charts.value import ICEBERG_LAYERS, iceberg_values
from .charts import chart
from .cost_effectiveness import cost_effectiveness
from .figures import ReportFigures, StoryPlace
from .model import Block, Heading, Paragraph, Quote, Table
from .summary import evpi_words, wellbeing_rests
from .words import count, listing, money, percent, pounds, probability, ratio, years

TORNADO_TABLE_ROWS = 10


def options_compared(f: ReportFigures) -> list[Block]:
    """Every option, its increments against the comparator, the preferred option and why."""
    if not f.several:
        return []
    doc, c, sim = f.document, f.comparison, f.simulation
    comparator = doc.options[doc.comparator].name if doc.comparator is not None else "doing nothing"
    # Headline form (£14.6m): seven columns of exact pounds do not fit an A4 page.
    each = tuple((o.name, *(format_output(key, r.summary[key], compact=True) for key in REPORT_OPTIONS))
                 for o, r in zip(doc.options, c.options))
    blocks: list[Block] = [
        Heading("Options compared", 1, "options"),
        Paragraph(f"{len(doc.options)} options valued on the same area, settings and services. " + _why(f)),
        *chart(OptionsChart, lambda ch: ch.update_comparison(c), alt=_options_alt(f)),
        Table(("Option", *(short(key) for key in REPORT_OPTIONS)), each,
              caption="Present values, rounded (the workbook has them to the pound).",
              numeric=tuple(range(1, len(REPORT_OPTIONS) + 1)),
              widths=(4, *(2,) * len(REPORT_OPTIONS))),  # as many columns as figures listed
        Heading(f"Against {comparator}", 2),
    ]
    rows = []
    for k, (option, inc) in enumerate(zip(doc.options, c.increments)):
        best = probability(sim.prob_best_social[k]) if sim is not None else "not simulated"
        if doc.comparator == k:  # kept for its chance of being best, so the column adds up
            rows.append((f"{option.name} (comparator)", "-", "-", "-", "-", best))
            continue
        rows.append((option.name, pounds(inc["inc_pv_cost"]), pounds(inc["inc_npv_social"]),
                     ratio(inc["inc_bcr_social"]), _icer(inc), best))
    if sim is not None and sim.prob_best_do_nothing is not None:
        rows.append(("Doing nothing", "-", "-", "-", "-", probability(sim.prob_best_do_nothing)))
    extra = ("inc_pv_cost", "inc_npv_social", "inc_bcr_social")
    blocks.append(Table(("Option", *(figure_label(key) for key in extra), "Cost per QALY gained",
                         "Probability best"), tuple(rows),
                        caption=f"Each option minus {comparator} (present values). Probability best: the share of "
                                "simulation draws in which the option has the highest net social value.",
                        numeric=(1, 2, 3, 4, 5), widths=(3, 2, 2, 2, 3, 2)))
    if sim is not None:
        drawn = chart(ProbBestChart, lambda ch: ch.update_simulation(sim), alt=_prob_best_alt(f))
        # The chart's note already gives the value of resolving uncertainty.
        said = "" if drawn else evpi_words(sim) + " "
        blocks += [Paragraph(said + "How to read this: [Uncertainty](#method-uncertainty) in the methods "
                                    "appendix."), *drawn]
    return blocks


def _options_alt(f: ReportFigures) -> str:
    parts = [f"{o.name}: fiscal {money(r.summary[NPV_FISCAL])}, social {money(r.summary[NPV_SOCIAL])}"
             for o, r in zip(f.document.options, f.comparison.options)]
    return "Bar chart of net fiscal and net social value of each option. " + "; ".join(parts) + "."


def _prob_best_alt(f: ReportFigures) -> str:
    sim = f.simulation
    parts = [f"{o.name} {probability(p)}" for o, p in zip(f.document.options, sim.prob_best_social)]
    if sim.prob_best_do_nothing is not None:
        parts.append(f"doing nothing {probability(sim.prob_best_do_nothing)}")
    return ("Bar chart of how likely each option is to have the highest net social value: " + "; ".join(parts)
            + ". " + evpi_words(sim))


def _why(f: ReportFigures) -> str:
    c = f.comparison
    if c.preferred is None:
        return "Doing nothing has a higher net social value than any option, so no option is preferred."
    ranked = [f.document.options[k].name if k is not None else "doing nothing" for k in c.ranking]
    return (f"The preferred option is **{f.document.options[c.preferred].name}**: it has the highest net social value "
            f"(ties go to the cheaper). From best to worst: {listing(ranked)}.")


def _icer(inc: dict) -> str:
    if inc["icer_quadrant"] is None:
        return "-"
    if inc["inc_qalys"] == 0:  # e.g. no QALY gains entered for what differs: "dominated" would mislead
        return "no QALY difference"
    if inc["icer_quadrant"] == "dominant":
        return "dominant: saves money and gains health"
    if inc["icer"] is None:
        return f"n/a ({inc['icer_quadrant']})"
    return f"{pounds(inc['icer'])} ({inc['icer_quadrant']})"


def value_sections(f: ReportFigures) -> list[Block]:
    r = f.results
    s = r.scenario.settings
    values = iceberg_values(r.summary)
    iceberg_rows = tuple((label, "above the waterline" if key == "cashable" else "below the waterline", pounds(v))
                         for (key, label, _colour), v in zip(ICEBERG_LAYERS, values))
    blocks: list[Block] = [
        Heading("The value iceberg", 1, "iceberg"),
        Paragraph("Only cashable savings release cash. Capacity released, volunteer time and wellbeing lie below the "
                  "waterline: real value that does not show in a budget."),
        *chart(IcebergChart, lambda ch: ch.update_results(r), alt=_iceberg_alt(values)),
        Table(("Layer", "Where", "Present value"), iceberg_rows, numeric=(2,), widths=(3, 3, 2)),
        Heading("Cumulative cost and savings", 1, "cumulative"),
        Paragraph(f"Cost and NHS savings added up year by year, not discounted ({s.price_year} prices). Payback is "
                  "the first year the savings cover the cost."),
        *chart(CumulativeChart, lambda ch: ch.update_results(r), alt=_cumulative_alt(r)),
        _yearly_table(r),
        Heading("Value by intervention", 1, "by-intervention"),
        *chart(ByInterventionChart, lambda ch: ch.update_results(r), alt=_by_intervention_alt(r)),
        _intervention_table(r),
    ]
    return blocks + local_voices(f)


def _iceberg_alt(values) -> str:
    parts = [f"{label} {money(v)}" for (_key, label, _c), v in zip(ICEBERG_LAYERS, values)]
    return "The value iceberg, present values: " + "; ".join(parts) + ". Only cashable savings are above the waterline."


def _cumulative_alt(r) -> str:
    totals = r.totals_by_year()
    cost, saving = np.cumsum(totals["cost"]), np.cumsum(totals["saving"])
    return (f"Line chart of cumulative cost and NHS savings over {years(cost.size)}: cost reaches {money(cost[-1])}, "
            f"savings {money(saving[-1])}. Payback: {r.summary['payback_year'] + 1 if r.summary['payback_year'] is not None else 'none within the horizon'}.")


def _yearly_table(r) -> Table:
    totals = r.totals_by_year()
    cost, saving = np.cumsum(totals["cost"]), np.cumsum(totals["saving"])
    rows = tuple((f"Year {t + 1}", pounds(totals["cost"][t]), pounds(totals["saving"][t]), pounds(cost[t]),
                  pounds(saving[t]), pounds(saving[t] - cost[t])) for t in range(cost.size))
    return Table(("Year", "Cost", "NHS savings", "Cumulative cost", "Cumulative savings", "Cumulative net"), rows,
                 caption="Undiscounted, in the price year's money.", numeric=(1, 2, 3, 4, 5))


def _by_intervention_alt(r) -> str:
    fiscal, social = r.by_intervention[NPV_FISCAL], r.by_intervention[NPV_SOCIAL]
    parts = [f"{iv.name}: fiscal {money(a)}, social {money(b)}"
             for iv, a, b in zip(r.scenario.interventions, fiscal, social)]
    return "Bar chart of net fiscal and net social value by intervention. " + "; ".join(parts) + "."


def _intervention_table(r) -> Table:
    by = r.by_intervention
    keys = ("pv_cost", NPV_FISCAL, NPV_SOCIAL)
    rows = tuple((iv.name, count(r.starters[i]), *(pounds(by[key][i]) for key in keys), f"{iv.evidence_grade}")
                 for i, iv in enumerate(r.scenario.interventions))
    return Table(("Intervention", "Starters a year", *(short(key) for key in keys), "Grade"),
                 rows, caption="Present values. Evidence grade 1 (strong local evidence) to 6 (untested assumption).",
                 numeric=(1, 2, 3, 4, 5), widths=(4, 2, 2, 2, 2, 1))


def local_voices(f: ReportFigures) -> list[Block]:
    """Stories with consent, each beside the figures of the intervention it illustrates."""
    if not f.stories and not f.stories_left_out:
        return []
    blocks: list[Block] = [Heading("Local voices", 2, "local-voices")]
    for place in f.stories:
        blocks += [Paragraph(_illustrates(f, place), "note"), Quote(place.story.title, place.story.text,
                                                                     place.story.teller)]
    if f.stories_left_out:
        n = f.stories_left_out
        blocks.append(Paragraph(f"{n} stor{'y was' if n == 1 else 'ies were'} left out: the tick \"consent given, no "
                                "identifying details\" is not set.", "note"))
    return blocks


def _illustrates(f: ReportFigures, place: StoryPlace) -> str:
    if place.option is None:
        r = f.results
        return (f"About the package as a whole ({f.option_name}): net social value {money(r.summary['npv_social'])}, "
                f"{count(r.summary['starters'])} people reached over {years(r.scenario.settings.horizon_years)}.")
    r = f.comparison.options[place.option]
    iv = r.scenario.interventions[place.row]
    where = f", in {f.document.options[place.option].name}" if f.several else ""
    return (f"About {iv.name}{where}: {count(r.starters[place.row])} people start each year; net social value "
            f"{money(r.by_intervention['npv_social'][place.row])}, net fiscal value "
            f"{money(r.by_intervention['npv_fiscal'][place.row])}.")


def who_pays(f: ReportFigures) -> list[Block]:
    r = f.results
    rows = tuple((row["label"], pounds(row["pays"]), pounds(row["saves"]), pounds(row["saves_cashable"]),
                  pounds(row["value"]), pounds(row["net"])) for row in r.by_party
                 if any(row[key] for key in ("pays", "saves", "value")))
    payers = [row["label"] for row in r.by_party if row["pays"] > 0]
    pay = "pay" if len(payers) > 1 else "pays"
    return [Heading("Who pays and who benefits", 1, "who-pays"),
            Paragraph(f"Each intervention's cost is split among its funders; each service's savings go to the "
                      f"organisation that bears its cost. {listing(payers) or 'Nobody'} {pay}; "
                      "residents and communities receive the wellbeing value (and volunteer time, when it counts as a "
                      "benefit)."),
            *chart(WhoPaysChart, lambda ch: ch.update_results(r), alt=_who_pays_alt(r)),
            Table(("Who", "Pays", "Saves", "Of which cashable", "Other value received", "Net"), rows,
                  caption="Present values. Net = saves + other value received - pays.", numeric=(1, 2, 3, 4, 5),
                  widths=(4, 2, 2, 2, 2, 2))]


def _who_pays_alt(r) -> str:
    parts = [f"{row['label']} pays {money(row['pays'])}, saves or receives {money(row['saves'] + row['value'])}"
             for row in r.by_party if any(row[key] for key in ("pays", "saves", "value"))]
    return "Bar chart of what each party pays against what it saves or receives: " + "; ".join(parts) + "."


def uncertainty(f: ReportFigures) -> list[Block]:
    r, sim = f.results, f.simulation
    blocks: list[Block] = [Heading("Uncertainty", 1, "uncertainty"),
                           Paragraph("How sure the figures are. How to read this: [Uncertainty](#method-uncertainty) "
                                     "in the methods appendix.")]
    if sim is None:
        blocks.append(Paragraph("No simulation was run for this report, so it shows no intervals or probabilities.",
                                "warning"))
    else:
        o = sim.options[f.focus]
        blocks += [
            Paragraph(f"Monte Carlo simulation of {f.option_name}: "
                      f"{simulation_basis(sim.iterations, sim.seed, sim.correlation)}. The same seed gives the same "
                      f"answer. {drawn_phrase(sim)}"),
            _interval_table(o.summary, r.summary),
            _probability_table(o.summary),
            *_mean_notes(o.summary, r.summary, sim.distributions),
            Paragraph(f"{cost_per_qaly_simulated(o.cost_per_qaly)} {evpi_words(sim)}"),
            *chart(HistogramChart, lambda ch: (ch.update_simulation(_option_view(sim, f.focus))),
                   alt=f"Histogram of net fiscal value over {sim.iterations:,} draws: median "
                       f"{money(o.summary[NPV_FISCAL]['p50'])}, 90% between {money(o.summary[NPV_FISCAL]['p5'])} "
                       f"and {money(o.summary[NPV_FISCAL]['p95'])}."),
            *chart(FanChart, lambda ch: ch.update_simulation(_option_view(sim, f.focus)),
                   alt="Fan chart of cumulative net fiscal value by year: median with the 5th to 95th percentile band."),
            *cost_effectiveness(sim),
        ]
    rows = f.tornados.get(NPV_SOCIAL) or []
    if rows:
        central = {key: r.summary[key] for key in TORNADO_METRICS}
        blocks += [Heading("What matters most", 2, "tornado"),
                   Paragraph("Each uncertain input moved alone to its low and its high value, the others at their "
                             "central values: the inputs whose range moves net social value most."),
                   *chart(TornadoChart, lambda ch: ch.update_rows(rows, central), alt=_tornado_alt(rows)),
                   _tornado_table(rows)]
    return blocks


class _option_view:
    """One option of a simulation, with the interface the histogram and fan charts read."""

    def __init__(self, sim, k: int):
        self._o, self.iterations, self.seed = sim.options[k], sim.iterations, sim.seed
        self.summary = self._o.summary

    def histogram(self, key=NPV_FISCAL, bins=40):
        return self._o.histogram(key, bins)

    def fan(self, percentiles=(5, 50, 95)):
        return self._o.fan(percentiles)


def _interval_table(summary: dict, central: dict) -> Table:
    rows = [(figure_label(key), pounds(central.get(key)),
             *(pounds(summary[key][stat]) for stat in ("mean", "p5", "p50", "p95")))
            for key in REPORT_INTERVALS if key in summary]
    return Table(("Figure", "Central values", "Mean", "5th percentile", "Median", "95th percentile"), tuple(rows),
                 caption="Central values: the run with every input at its central value. 90% of draws lie between "
                         "the 5th and 95th percentiles.",
                 numeric=(1, 2, 3, 4, 5), widths=(4, 2, 2, 2, 2, 2))


def _probability_table(summary: dict) -> Table:
    """The chances, in a column of their own (never under a percentile's heading)."""
    rows = tuple((figure_label(key), probability(summary[key])) for key in REPORT_PROBABILITIES)
    return Table(("Probability", "Share of draws"), rows, numeric=(1,), widths=(6, 2),
                 caption="The share of simulation draws in which each holds.")


def _mean_notes(summary: dict, central: dict, distributions: str) -> list[Block]:
    """One line for each figure whose simulated average differs from its central-value figure."""
    notes = [mean_vs_central_note(key, central.get(key), summary[key]["mean"], distributions)
             for key in REPORT_INTERVALS if key in summary]
    return [Paragraph(note) for note in notes if note]


def _tornado_alt(rows) -> str:
    top = rows[:3]
    parts = [f"{row.label} ({money(row.npv_social_low)} to {money(row.npv_social_high)})" for row in top]
    return "Tornado chart of net social value, inputs with the largest swing first: " + "; ".join(parts) + "."


def _tornado_table(rows) -> Table:
    out = tuple((row.label, f"{format_input(row.path, row.low_input)} to {format_input(row.path, row.high_input)}",
                 pounds(row.npv_social_low), pounds(row.npv_social_high), pounds(row.swing))
                for row in rows[:TORNADO_TABLE_ROWS])
    return Table(("Input", "Range", "Net social value at low", "at high", "Swing"), out, numeric=(2, 3, 4),
                 caption=f"The {len(out)} inputs with the largest swing in net social value.", widths=(5, 3, 2, 2, 2))


def evidence(f: ReportFigures) -> list[Block]:
    r = f.results
    total = float(np.sum(f.grades))
    rows = tuple((f"{g + 1}", GRADE_NAMES[g].capitalize(), pounds(value), percent(value / total) if total > 0 else "n/a")
                 for g, value in enumerate(f.grades))
    share = r.summary["share_social_weak_evidence"]
    lead = (f"{percent(share)} of the social value rests on evidence graded 4 to 6 (emerging, weak or untested), "
            "each outcome by its own grade: a wellbeing gain no study measured counts as untested, whatever the "
            "evidence for the same intervention's effect on services. Benefits are already cut by the optimism "
            "bias of each grade, and harms raised by it; the grade says how far the figures could still move."
            if share is not None else "There is no social value to weigh.")
    return [Heading("Strength of evidence behind the value", 1, "evidence"), Paragraph(lead),
            Paragraph(wellbeing_rests(r.summary)),
            *chart(ValueByGradeChart, lambda ch: _grades_alone(ch, r), alt=_grades_alt(f)),
            Table(("Grade", "Evidence", "Social value", "Share"), rows, numeric=(2, 3), widths=(1, 4, 2, 2),
                  caption="Present social value resting on evidence of each grade, each outcome by its own grade. "
                          "More: [What the value rests on](#method-what-the-value-rests-on)."),
            *_studies(r.scenario)]


def _studies(scenario) -> list[Block]:
    """The study behind each counted figure (the evidence library's entry), or that there is none."""
    rows = tuple((e.intervention, e.figure, e.value, f"{e.design}, grade {e.grade}",
                  f"{e.citation} ({e.entry_id}; {e.link})" if e.entry_id else e.citation)
                 for e in figure_evidence(scenario))
    if not rows:
        return []
    return [Heading("The studies behind each figure", 2, "evidence-studies"),
            Table(("Intervention", "Figure", "Central (range)", "Evidence", "Study"), rows, widths=(3, 3, 3, 3, 6),
                  caption="Each effect, wellbeing gain and QALY gain counted, with the entry of the evidence library "
                          "it comes from. Deadweight is taken off only figures without a comparison group.")]


def _grades_alone(panel: ValueByGradeChart, results) -> None:
    """The chart without the window's list of assumptions beside it (the appendix lists them)."""
    panel.side.hide()
    panel.update_results(results)


def _grades_alt(f: ReportFigures) -> str:
    parts = [f"grade {g + 1} {money(value)}" for g, value in enumerate(f.grades) if value]
    return ("Bar chart of present social value by evidence grade, grades 4 to 6 in yellow: "
            + ("; ".join(parts) or "no social value") + ".")
