"""The Uncertainty sheet: values of the last simulation and tornado (not live formulas).

Per option: cost per QALY (the ratio of means), each headline figure's mean and 5th, 50th and
95th percentiles and the headline probabilities; across options: the probability each is best,
the expected value of perfect information (on net social value, net fiscal value and net
monetary benefit, per person, and in words), how ranges were read, which inputs were drawn and
held fixed, the correlation the draws used, the seed and the iterations; then the
cost-effectiveness acceptability curve and the plane (:mod:`.cost_effectiveness`).
"""

from __future__ import annotations

from ....core import Settings, SimulationResults, spec_of
from ....core.text import cost_per_qaly_simulated, evpi_text, list_phrase
from .. import styles as st
from ..text_cells import write_text
from ..figures import FIGURES, fmt
from ..layout import MONEY, UNCERTAINTY, number_format
from .cost_effectiveness import write_ceac, write_plane
from .inputs import EXACT_INTEGER  # beyond it the Settings sheet holds a seed as text



def write_uncertainty(wb, simulation: SimulationResults | None, tornado_rows) -> None:
    ws = wb.create_sheet(UNCERTAINTY)
    st.title(ws, "Uncertainty", "Values from the last run in RtV Desktop, not live: they do not change when "
                                "you edit inputs here. Run the simulation again in RtV Desktop to update them.")
    row = 4
    if simulation is None:
        ws.cell(row, 1, "No Monte Carlo simulation was saved with this export.")
        row += 2
    else:
        row = _comparison_block(ws, simulation, row)
        for k, option in enumerate(simulation.options):
            row = _option_block(ws, f"Option {k + 1}: {option.name}", option.summary, row, option.cost_per_qaly)
        row = write_plane(ws, simulation, write_ceac(ws, simulation, row))
    if tornado_rows:
        _tornado_block(ws, tornado_rows, row)
    else:
        ws.cell(row, 1, "No one-way sensitivity (tornado) run was saved with this export.")
    st.widths(ws, {"A": 52, **{c: 18 for c in "BCDEFGHIJKLM"}})
    st.print_layout(ws, landscape=True)
    st.protect(ws)


def _pair(ws, row: int, label: str, value, number_format: str = "General") -> None:
    ws.cell(row, 1, label)
    ws.cell(row, 2, "" if value is None else value).number_format = number_format


def _text_pair(ws, row: int, label: str, text: str) -> None:
    ws.cell(row, 1, label)
    write_text(ws.cell(row, 2), text)


RAN_LABEL = "Simulation ran on (local date and time)"
CHANGED = "Inputs changed since this simulation: the Settings' iterations or seed differ from those run. Run it " \
          "again in RtV Desktop."
UNCHANGED = "The Settings' iterations and seed are those this simulation ran with."


def _literal(value: int) -> str:
    """``value`` in a formula as the Settings cell holds it: a number, or text beyond 2^53."""
    return f'"{value}"' if abs(value) > EXACT_INTEGER else str(value)


def changed_flag(sim: SimulationResults) -> str:
    """A live formula: "Inputs changed since this simulation" once Settings' iterations or seed differ."""
    return (f'=IF(OR(settings_iterations<>{_literal(sim.iterations)},settings_seed<>{_literal(sim.seed)}),'
            f'"{CHANGED}","{UNCHANGED}")')


def _comparison_block(ws, sim: SimulationResults, row: int) -> int:
    ws.cell(row, 1, "Monte Carlo simulation (values, not live)").font = st.BOLD
    _text_pair(ws, row + 1, RAN_LABEL, sim.ran_at or "not recorded")
    _pair(ws, row + 2, "Iterations", sim.iterations, "#,##0")
    _pair(ws, row + 3, "Seed", sim.seed, "0")
    ws.cell(row + 4, 1, "Settings still those of this run?").font = st.BOLD
    st.as_calc(ws.cell(row + 4, 2, changed_flag(sim)), "@", bold=True)
    row += 2
    # Shown as the form shows it (30%), from the setting's declaration.
    _pair(ws, row + 3, spec_of(Settings, "correlation").label, sim.correlation, number_format("fraction"))
    _pair(ws, row + 4, "Expected value of perfect information, net social value (£)", sim.evpi_social, MONEY)
    _pair(ws, row + 5, "Expected value of perfect information, net fiscal value (£)", sim.evpi_fiscal, MONEY)
    _pair(ws, row + 6, "Expected value of perfect information, net monetary benefit (£)", sim.evpi_nmb, MONEY)
    _pair(ws, row + 7, "Expected value of perfect information on net social value per person who starts (£)",
          sim.evpi_social_per_person, "£#,##0.00")
    _text_pair(ws, row + 8, "What the expected value of perfect information counts", evpi_text(sim))
    _text_pair(ws, row + 9, spec_of(Settings, "distributions").label, sim.distributions)
    _text_pair(ws, row + 10, "Inputs drawn", list_phrase(sim.drawn))
    _text_pair(ws, row + 11, "Inputs held fixed", list_phrase(sim.fixed))
    row += 13
    st.header_row(ws, row, ("Option", "Probability best: net social value", "Probability best: net fiscal value"))
    for k, option in enumerate(sim.options):
        write_text(ws.cell(row + 1 + k, 1), option.name)
        ws.cell(row + 1 + k, 2, sim.prob_best_social[k]).number_format = "0.0%"
        ws.cell(row + 1 + k, 3, sim.prob_best_fiscal[k]).number_format = "0.0%"
    row += 1 + len(sim.options)
    if sim.prob_best_do_nothing is not None:
        ws.cell(row, 1, "Doing nothing")
        ws.cell(row, 2, sim.prob_best_do_nothing).number_format = "0.0%"
        ws.cell(row, 3, sim.prob_best_fiscal_do_nothing).number_format = "0.0%"
        row += 1
    return row + 1


def _option_block(ws, title: str, summary: dict, row: int, cost_per_qaly: float | None) -> int:
    write_text(ws.cell(row, 1), title)
    ws.cell(row, 1).font = st.BOLD
    row += 1
    # The ratio of the means (MODEL.md 11c): one figure, no percentiles.
    _pair(ws, row, "Cost per QALY, ratio of means (£ per QALY)", cost_per_qaly, MONEY)
    write_text(ws.cell(row, 3), cost_per_qaly_simulated(cost_per_qaly))
    ws.cell(row, 6, "cost_per_qaly")
    row += 2
    st.header_row(ws, row, ("Figure", "Mean", "5th percentile", "Median (p50)", "95th percentile", "Key"))
    for key, stats in summary.items():
        if not isinstance(stats, dict):
            continue
        row += 1
        ws.cell(row, 1, FIGURES[key][0] if key in FIGURES else key)
        for col, part in enumerate(("mean", "p5", "p50", "p95"), start=2):
            value = stats.get(part)
            cell = ws.cell(row, col, "" if value is None else value)
            # Means of ratios, years and QALYs are fractional: two decimals whatever the figure's own format.
            cell.number_format = MONEY if key in FIGURES and fmt(key) == MONEY else "0.00"
        ws.cell(row, 6, key)
    row += 2
    st.header_row(ws, row, ("Probability", "Share of draws", "", "", "", "Key"))
    for key, value in summary.items():
        if not isinstance(value, dict):
            row += 1
            ws.cell(row, 1, FIGURES[key][0] if key in FIGURES else key)
            ws.cell(row, 2, value).number_format = "0.0%"
            ws.cell(row, 6, key)
    return row + 2


def _tornado_block(ws, rows, row: int) -> None:
    ws.cell(row, 1, "One-way sensitivity (tornado), sorted by swing (values, not live)").font = st.BOLD
    st.header_row(ws, row + 1, ("Input", "Low value", "High value", "NPV fiscal at low £", "NPV fiscal at high £",
                                "NPV social at low £", "NPV social at high £", "Swing £"))
    for offset, item in enumerate(rows, start=row + 2):
        write_text(ws.cell(offset, 1), item.label)
        values = (item.low_input, item.high_input, item.npv_fiscal_low, item.npv_fiscal_high,
                  item.npv_social_low, item.npv_social_high, item.swing)
        for col, value in enumerate(values, start=2):
            ws.cell(offset, col, value).number_format = "General" if col < 4 else MONEY
