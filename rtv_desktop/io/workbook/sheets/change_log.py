"""The Change log sheet: every export of this document, when, by which version and whom, and what changed.

One row per change; an export's date, version and author head its first row. The rows come
from the document's export log (:mod:`rtv_desktop.core.export_log`), which the hidden copy of
the document carries, so a workbook read back and exported again keeps its log.
"""

from __future__ import annotations

from openpyxl.styles import Border

from ....core import Document
from .. import styles as st
from ..layout import CHANGE_LOG
from ..text_cells import write_text

HEADERS = ("Exported on", "RtV Desktop version", "Author", "What changed since the previous export")
FIRST_ROW = 5
SEPARATOR = Border(top=st.THIN)


def write_change_log(wb, doc: Document) -> None:
    ws = wb.create_sheet(CHANGE_LOG)
    st.title(ws, "Change log", "Each export of this document adds its rows here: when, by which version of RtV "
                               "Desktop and whom, and which inputs changed since the export before.")
    st.header_row(ws, FIRST_ROW - 1, HEADERS)
    row = FIRST_ROW
    for record in doc.export_log.records:
        for column in range(1, len(HEADERS) + 1):  # a line above each export's rows
            ws.cell(row, column).border = SEPARATOR
        ws.cell(row, 1, record.at).font = st.BOLD
        for column, text in ((2, record.version), (3, record.author)):
            write_text(ws.cell(row, column), text)
        for change in record.changes or ("",):
            write_text(ws.cell(row, 4), change)
            st.wrap(ws.cell(row, 4), 90)
            row += 1
    if not doc.export_log.records:
        ws.cell(row, 1, "No exports recorded yet.")
    ws.freeze_panes = f"A{FIRST_ROW}"
    st.widths(ws, {"A": 18, "B": 20, "C": 28, "D": 90})
    st.print_layout(ws, landscape=True, title_rows=f"{FIRST_ROW - 1}:{FIRST_ROW - 1}")
    st.protect(ws)
