"""The Summary £000 sheet: each option's main money figures in thousands of pounds, as board papers show them.

Each cell refers to its Results cell and holds the same value: the number format shows it in
thousands (``#,##0,``) with negatives in brackets, so nothing is rounded before it is added up.
"""

from __future__ import annotations

from ....core import Document
from ....core.outputs import NPV_CASHABLE, NPV_FISCAL, NPV_SOCIAL
from .. import formulas as fx
from .. import styles as st
from ..figures import label
from ..layout import SUMMARY_000
from .results import ResultsLayout

THOUSANDS = "#,##0,;(#,##0,)"  # the value in £, shown in £000 (Excel's trailing comma divides by 1000)
KEYS = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "pv_social", NPV_FISCAL,
        NPV_CASHABLE, NPV_SOCIAL, "npv_social_excl_wellbeing", "total_cost", "nmb")
HEADER_ROW = 5


def write_thousands(wb, doc: Document, layout: ResultsLayout, index: int) -> dict[str, int]:
    """The sheet at position ``index``; returns the row of each figure."""
    ws = wb.create_sheet(SUMMARY_000, index)
    st.title(ws, "Summary in £000", "Each option's main figures from Results, in thousands of pounds; "
                                    "negatives in brackets.")
    ws["A3"] = fx.stated_basis()
    ws["A3"].font = st.SUBTITLE_FONT
    st.header_row(ws, HEADER_ROW, ["Figure", "Unit", *[""] * len(doc.options)])
    for k in range(len(doc.options)):  # the option's name, live, in the header's style
        ws.cell(HEADER_ROW, 3 + k).value = f"=INDEX(option_names,{k + 1})"
    ws.row_dimensions[HEADER_ROW].height = 30
    rows = {}
    for offset, key in enumerate(KEYS, start=1):
        r = HEADER_ROW + offset
        ws.cell(r, 1, label(key))
        ws.cell(r, 2, "£000")
        for k in range(len(doc.options)):
            st.as_calc(ws.cell(r, 3 + k, "=" + layout.cell(k, key)), THOUSANDS, key.startswith("npv"))
        rows[key] = r
    ws.freeze_panes = f"C{HEADER_ROW + 1}"
    st.widths(ws, {"A": 44, "B": 8, **{chr(ord("C") + k): 17 for k in range(len(doc.options))}})
    st.print_layout(ws, landscape=len(doc.options) > 4, title_cols="A:B")
    st.protect(ws)
    return rows
