"""On the Uncertainty sheet: the cost-effectiveness acceptability curve and the plane, as values.

MODEL.md section 11c. The curve is one row per threshold (£0 to £100,000 per QALY in steps of
£2,500) and one column per option (and doing nothing when it competes); the plane is one row per
option against the comparator. Simulation results, written as values: no formula can redo them,
and the reader never reads them back.
"""

from __future__ import annotations

from ....core import SimulationResults
from ....core.cost_effectiveness import (PLANE_AREAS, PLANE_AREA_WORDS, comparator_name, contenders,
                                         plane_summary)
from .. import styles as st
from ..layout import MONEY
from ..text_cells import write_text

PERCENT = "0.0%"
CEAC_TITLE = "Cost-effectiveness acceptability curve (simulation results: values, not formulas)"
PLANE_TITLE = "Cost-effectiveness plane, summarised (simulation results: values, not formulas)"


def _note(ws, row: int, text: str) -> None:
    ws.cell(row, 1, text).font = st.SUBTITLE_FONT


def _heading(words: str) -> str:
    return words[:1].upper() + words[1:]  # "QALYs" keeps its capitals


def write_ceac(ws, sim: SimulationResults, row: int) -> int:
    """The curve from ``row``: title, note, header and 41 rows. Returns the next free row."""
    ws.cell(row, 1, CEAC_TITLE).font = st.BOLD
    _note(ws, row + 1, "Share of the simulation's draws in which each option has the highest net monetary benefit "
                       "(QALYs x threshold - net cost, where net cost is cost less NHS savings).")
    names = contenders(sim)
    st.header_row(ws, row + 2, ("Threshold (£ per QALY)", *names))
    thresholds, probs = sim.ceac
    columns = [*probs, *(() if sim.ceac_do_nothing is None else (sim.ceac_do_nothing,))]
    for offset, threshold in enumerate(thresholds, start=row + 3):
        ws.cell(offset, 1, float(threshold)).number_format = MONEY
        for col, values in enumerate(columns, start=2):
            ws.cell(offset, col, float(values[offset - row - 3])).number_format = PERCENT
    return row + 3 + len(thresholds) + 1


def write_plane(ws, sim: SimulationResults, row: int) -> int:
    """Each option against the comparator: mean increments, share of draws in each part of the plane."""
    doc = sim.document
    threshold = doc.settings.qaly_threshold
    ws.cell(row, 1, PLANE_TITLE).font = st.BOLD
    _note(ws, row + 1, f"Each option against {comparator_name(doc)}, over all {sim.iterations:,} draws: the mean "
                       "extra QALYs and extra net cost, and the share of draws in each part of the plane.")
    st.header_row(ws, row + 2, ("Option", "Mean extra QALYs", "Mean extra net cost (£)",
                                *(_heading(PLANE_AREA_WORDS[area]) for area in PLANE_AREAS),
                                f"Cost-effective at £{threshold:,.0f} per QALY"))
    row += 3
    for k, option in enumerate(sim.options):
        if k == doc.comparator:
            continue
        summary = plane_summary(*sim.plane(k), threshold)
        write_text(ws.cell(row, 1), option.name)
        ws.cell(row, 2, summary["inc_qalys"]).number_format = "#,##0.00"
        ws.cell(row, 3, summary["inc_net_cost"]).number_format = MONEY
        shares = [summary["areas"][area] for area in PLANE_AREAS] + [summary["cost_effective"]]
        for col, share in enumerate(shares, start=4):
            ws.cell(row, col, share).number_format = PERCENT
        row += 1
    return row + 1
