"""Cover and the hidden copy of the document (``_rtv``)."""

from __future__ import annotations

import datetime as dt
import json

from .... import __version__
from ....core import Area, Document
from .. import styles as st
from ....core.outputs import COVER as COVER_KEYS
from ....core.text import document_title
from ..text_cells import write_text
from ..formulas import stated_basis
from .checks import cover_status
from .inputs import write_cover_fields
from ..figures import fmt, label
from ..layout import COVER, HIDDEN, defined_name, option_name, record_cells

# JSON is cut into cells this long: well under Excel's 32,767 even after escaping.
JSON_CHUNK = 8_000
HIDDEN_FORMAT = "rtv-desktop-workbook"
HIDDEN_VERSION = 2
HOW_TO_USE = (
    "Yellow cells are inputs; everything else is calculated. Change a yellow cell and every figure recomputes.",
    "Inputs: Area (each figure with its source), Settings, Services, Baseline use, Options, Interventions (one table "
    "for every option). Each calculation sheet (Calc 1.1, Calc 1.2, ...: option, intervention at export) shows one "
    "intervention's equations year by year; it finds its row by the table's Calculation sheet column, so sort the "
    "table or change an option number freely. A row you add gets its sheet when RtV Desktop exports the file again.",
    "Results holds every option's headline figures as live formulas; Comparison sets each option against the "
    "comparator and names the preferred option; By party shows who pays and who benefits. Checks says OK or CHECK.",
    "Uncertainty holds values from the last simulation in RtV Desktop (not live). Assumptions lists what this "
    "document uses, each value with its source (the shipped one, or entered for this document). Change log lists "
    "every export of this document and what changed since the one before; Summary £000 shows the main figures in "
    "thousands.",
    "Sheets are protected without a password so formulas are not overwritten by accident (Review > Unprotect).",
    "To bring your edits back, open this workbook in RtV Desktop: it shows what changed since export.",
)
COVER_FIGURES = COVER_KEYS  # rtv_desktop.core.outputs


def write_cover(wb, doc: Document, checks_range: str) -> None:
    ws = wb.active
    ws.title = COVER
    st.title(ws, "", "Realising the Value valuation workbook. Person- and community-centred approaches: cashable "
                     "savings, capacity released, wellbeing and volunteer value, for each option of a business case.")
    write_text(ws["A1"], document_title(doc))  # the user's words: never read as a formula
    row = write_cover_fields(wb, ws, doc) + 1
    info = [("Exported on", dt.date.today().isoformat(), "@"), ("RtV Desktop version", __version__, "@"),
            ("Basis", stated_basis(), "@")]
    # A blank text input reads as 0 in a formula: show it blank.
    info += [(c.label, f'=IF({name}="","",{name})', "@")
             for c in record_cells(Area) if c.is_text for name in [defined_name(f"area.{c.path}")]]
    info += [("Checks", cover_status(checks_range), "@"),
             ("Preferred option", '=IF(preferred="","Doing nothing",INDEX(option_names,preferred))', "@")]
    for offset, (text, value, number_format) in enumerate(info):
        ws.cell(row + offset, 1, text).font = st.BOLD
        st.as_calc(ws.cell(row + offset, 2, value), number_format)
    row += len(info) + 1
    row = _headlines(ws, doc, row) + 1
    ws.cell(row, 1, "How to use this workbook").font = st.BOLD
    for offset, line in enumerate(HOW_TO_USE, start=1):
        st.wrap(ws.cell(row + offset, 1, f"{offset}. {line}"), 140)
        ws.merge_cells(start_row=row + offset, start_column=1, end_row=row + offset, end_column=4)
    st.widths(ws, {"A": 44, "B": 60, "C": 18, "D": 20, "E": 18})
    st.print_layout(ws)
    st.protect(ws)


def _headlines(ws, doc: Document, row: int) -> int:
    """Each option's headline figures (live, from the Results sheet)."""
    st.header_row(ws, row, ("Option", *(label(key) for key in COVER_FIGURES)))
    ws.row_dimensions[row].height = 45
    for k in range(len(doc.options)):
        r = row + 1 + k
        st.as_calc(ws.cell(r, 1, f"=INDEX(option_names,{k + 1})"), "@")
        for j, key in enumerate(COVER_FIGURES, start=2):
            st.as_calc(ws.cell(r, j, f"={option_name(k, key)}"), fmt(key))
    return row + 1 + len(doc.options)


def write_hidden(wb, doc: Document, simulation) -> None:
    """The exported document as JSON text, so an import can show what changed."""
    ws = wb.create_sheet(HIDDEN)
    text = json.dumps(doc.to_dict(), ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    chunks = [text[k:k + JSON_CHUNK] for k in range(0, len(text), JSON_CHUNK)] or [""]
    rows = (("format", HIDDEN_FORMAT), ("format_version", HIDDEN_VERSION), ("app_version", __version__),
            ("seed", str(simulation.seed) if simulation else ""),
            ("iterations", simulation.iterations if simulation else ""),
            ("json_chunks", len(chunks)))
    for r, (key, value) in enumerate(rows, start=1):
        ws.cell(r, 1, key)
        if isinstance(value, str):
            write_text(ws.cell(r, 2), value)
        else:
            ws.cell(r, 2, value)
    for k, chunk in enumerate(chunks):
        write_text(ws.cell(len(rows) + 2 + k, 1), chunk)
    ws.sheet_state = "hidden"
    st.protect(ws)

