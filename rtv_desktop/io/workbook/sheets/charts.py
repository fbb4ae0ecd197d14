"""The Charts sheet: native Excel charts that follow the live results.

Net present value by option, each option's value iceberg, and each option's cumulative net
fiscal value by year; one chart a printed page.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import StrRef
from openpyxl.chart.series import SeriesLabel
from openpyxl.utils.cell import column_index_from_string
from openpyxl.worksheet.pagebreak import Break

from ....core.outputs import TORNADO_METRICS
from .. import styles as st
from .calc import YEAR_LETTERS
from ..layout import CHARTS, DETAILS, RESULTS
from .results import ResultsLayout

CHART_ROWS = 20


def write_charts(wb, layout: ResultsLayout) -> None:
    ws = wb.create_sheet(CHARTS, 4)
    st.title(ws, "Charts", "Native charts of the live results on the Results sheets.")
    if not layout.columns:
        ws["A4"] = "No options to chart."
        st.protect(ws)
        return
    results, details = wb[RESULTS], wb[DETAILS]
    first, last = (column_index_from_string(c) for c in (layout.columns[0], layout.columns[-1]))
    names = Reference(results, min_col=first, max_col=last, min_row=layout.name_row)

    npv = BarChart()
    npv.type, npv.title, npv.y_axis.title = "col", "Net present value by option, £", "£"
    for key in TORNADO_METRICS[::-1]:  # net fiscal, then net social value
        npv.add_data(Reference(results, min_col=first, max_col=last, min_row=layout.rows[key]), from_rows=True,
                     titles_from_data=False)
        _title(npv.series[-1], RESULTS, f"$A${layout.rows[key]}")
    npv.set_categories(names)
    _place(ws, npv, "A4")

    top, bottom = layout.iceberg
    iceberg = BarChart()
    iceberg.type, iceberg.title, iceberg.y_axis.title = "bar", "Value iceberg: present value, £", "£"
    for k, col in enumerate(range(first, last + 1)):
        iceberg.add_data(Reference(results, min_col=col, min_row=top, max_row=bottom), titles_from_data=False)
        _title(iceberg.series[-1], RESULTS, f"${layout.columns[k]}${layout.name_row}")
    iceberg.set_categories(Reference(results, min_col=1, min_row=top, max_row=bottom))
    iceberg.x_axis.scaling.orientation = "maxMin"  # cash at the tip, at the top
    _place(ws, iceberg, f"A{4 + CHART_ROWS}")

    line = LineChart()
    line.title, line.y_axis.title, line.x_axis.title = "Cumulative net fiscal value by option (undiscounted)", "£", \
        "Financial year"
    for k, rows in enumerate(layout.years):
        line.add_data(Reference(details, min_col=3, max_col=2 + len(YEAR_LETTERS), min_row=rows["cum_net"]),
                      from_rows=True, titles_from_data=False)
        _title(line.series[-1], RESULTS, f"${layout.columns[k]}${layout.name_row}")
        line.series[-1].smooth = False  # straight lines between years, as the figures are
    line.set_categories(Reference(details, min_col=3, max_col=2 + len(YEAR_LETTERS), min_row=layout.years[0]["financial_year"]))
    _place(ws, line, f"A{4 + 2 * CHART_ROWS}")
    for row in (3 + CHART_ROWS, 3 + 2 * CHART_ROWS):
        ws.row_breaks.append(Break(id=row))  # one chart a printed page
    st.print_layout(ws, landscape=True)
    st.protect(ws)


def _title(series, sheet: str, cell: str) -> None:
    """A series named by a cell (an option's or a figure's name), so it follows renames."""
    series.tx = SeriesLabel(strRef=StrRef(f"'{sheet}'!{cell}"))


def _place(ws, chart, anchor: str) -> None:
    """Same size for every chart; axes shown (recent Excel hides axes unless told)."""
    chart.height, chart.width = 9, 24
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, anchor)
