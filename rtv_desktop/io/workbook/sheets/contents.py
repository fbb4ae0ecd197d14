"""The Contents sheet: a link to every sheet with its purpose, a map of the flow, and the print pack.

It comes first after the Cover. The map reads left to right as the workbook works: inputs feed
one calculation sheet per intervention, which feed Results, Comparison and By party. Each
sheet of the board pack (:data:`PACK_SHEETS`) has a print area, so printing those sheets gives
the pack without the workings.
"""

from __future__ import annotations

from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .. import styles as st
from ..layout import (
    AREA,
    ASSUMPTIONS,
    BASELINE,
    BY_PARTY,
    CHANGE_LOG,
    CHARTS,
    CHECKS,
    COMPARISON,
    CONTENTS,
    COVER,
    DETAILS,
    INTERVENTIONS,
    OPTIONS,
    PACK_SHEETS,
    RESULTS,
    SERVICES,
    SETTINGS,
    SUMMARY_000,
    TOTALS,
    UNCERTAINTY,
    quote_sheet,
)
from ..text_cells import write_text

LINK_FONT = Font(color="0563C1", underline="single")
PURPOSES = {
    COVER: "The question, the headline figures of each option, the checks' status and how to use the workbook.",
    CONTENTS: "This page: every sheet, the flow of the figures and what to print for a board pack.",
    RESULTS: "Every option's headline figures, as live formulas.",
    SUMMARY_000: "The main money figures of each option from Results, in thousands of pounds (£000).",
    COMPARISON: "Each option against the comparator, and the preferred option.",
    BY_PARTY: "Who pays and who benefits: the NHS, the council, the voluntary sector and residents.",
    CHARTS: "Charts of the live results.",
    DETAILS: "Each option's yearly totals (the payback year).",
    TOTALS: "Each calculation sheet's figures and the option it is in now, which the options' totals add up.",
    AREA: "Input: the local people, each figure with its source.",
    SETTINGS: "Input: appraisal settings (horizon, discount rates, values, optimism bias).",
    SERVICES: "Input: the services whose use can change, their unit costs and who bears them.",
    BASELINE: "Input: how often each target group uses each service.",
    OPTIONS: "Input: the options compared and the comparator.",
    INTERVENTIONS: "Input: every option's interventions, one row each.",
    CHECKS: "Live checks of the inputs and the totals: OK or CHECK, and what to do.",
    UNCERTAINTY: "The last simulation's results (values, not live) and when it ran.",
    ASSUMPTIONS: "What this document uses, each value with its source.",
    CHANGE_LOG: "Each export of this document: when, by which version and whom, and what changed since the last.",
}
CALC_PURPOSE = "Calculation: one intervention's equations, year by year."
FLOW = (
    "How the figures flow:",
    f"Inputs ({AREA}, {SETTINGS}, {SERVICES}, {BASELINE}, {OPTIONS}, {INTERVENTIONS})",
    "  -> Calc sheets (Calc 1.1, Calc 1.2, ...: one per intervention, each finding its row by name)",
    f"  -> {TOTALS} (each Calc sheet's figures under the option number its row holds now)",
    f"  -> {RESULTS} and {DETAILS}  -> {SUMMARY_000}, {COMPARISON}, {BY_PARTY}, {CHARTS}",
    f"{CHECKS} test the inputs and the totals; {UNCERTAINTY} and {ASSUMPTIONS} record the simulation and the sources.",
)


def purpose(sheet: str) -> str:
    return CALC_PURPOSE if sheet.startswith("Calc ") else PURPOSES.get(sheet, "")


def link(cell, sheet: str) -> None:
    """``cell`` names ``sheet`` and jumps to it when clicked."""
    write_text(cell, sheet)
    cell.hyperlink = f"#{quote_sheet(sheet)}!A1"
    cell.font = LINK_FONT


def set_pack_print_areas(wb) -> None:
    """Each board-pack sheet prints its used range (not stray cells far below)."""
    for sheet in PACK_SHEETS:
        if sheet in wb.sheetnames:
            ws = wb[sheet]
            ws.print_area = f"A1:{get_column_letter(ws.max_column)}{ws.max_row}"


def write_contents(wb) -> None:
    """The Contents sheet, second in the book; call it once every other sheet exists."""
    ws = wb.create_sheet(CONTENTS, 1)
    st.title(ws, "Contents", "Click a sheet's name to go to it. Yellow cells on the input sheets are what you may "
                             "change; everything else is calculated.")
    st.header_row(ws, 4, ("Sheet", "What it is for"))
    visible = [s.title for s in wb.worksheets if s.sheet_state == "visible"]
    for offset, sheet in enumerate(visible, start=5):
        link(ws.cell(offset, 1), sheet)
        write_text(ws.cell(offset, 2), purpose(sheet))
    row = 5 + len(visible) + 1
    for offset, line in enumerate(FLOW):
        ws.cell(row + offset, 1, line).font = st.BOLD if offset == 0 else Font()
        ws.merge_cells(start_row=row + offset, start_column=1, end_row=row + offset, end_column=2)
    row += len(FLOW) + 1
    ws.cell(row, 1, "Printing the board pack").font = st.BOLD
    pack = ", ".join(PACK_SHEETS)
    st.wrap(ws.cell(row + 1, 1, f"The pack is {pack}: each has a print area. Select those sheets (Ctrl+click their "
                                "tabs) and print; the calculation sheets are workings and need not be printed."), 110)
    ws.merge_cells(start_row=row + 1, start_column=1, end_row=row + 1, end_column=2)
    ws.cell(row + 2, 1, "Hidden sheet").font = st.BOLD
    st.wrap(ws.cell(row + 3, 1, "The hidden sheet _rtv holds a copy of the document as exported, so RtV Desktop "
                                "can list what you changed and carry the change log on; it holds no figures the workbook uses."), 110)
    ws.merge_cells(start_row=row + 3, start_column=1, end_row=row + 3, end_column=2)
    st.widths(ws, {"A": 26, "B": 96})
    st.print_layout(ws)
    st.protect(ws)
