"""The Results sheet (live formulas over the calculation sheets) and the Charts sheet.

Every headline cell is a workbook-level defined name equal to its summary key
(``npv_fiscal``, ``bcr_social``, ...), holding a formula, so the figures recompute when any
input changes in Excel.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.worksheet.pagebreak import Break

from ..core import SUMMARY_KEYS, Results
from . import workbook_styles as st
from .workbook_calc import SUMMARY_ROWS, YEAR_LETTERS, CalcSheet
from .workbook_inputs import InputMap, add_name
from .workbook_layout import DECIMAL, INTERVENTIONS, MONEY, PERSONS, RESULTS, WHOLE, sheet_ref

HEADLINE = {
    "pv_cost": ("Present value of cost", MONEY, "£"),
    "pv_saving": ("Present value of NHS savings (cash and capacity)", MONEY, "£"),
    "pv_cashable": ("Present value of cashable savings", MONEY, "£"),
    "pv_wellbeing": ("Present value of wellbeing (WELLBY)", MONEY, "£"),
    "pv_volunteer": ("Present value of volunteer time", MONEY, "£"),
    "pv_social": ("Present value of social value (savings + wellbeing + volunteers)", MONEY, "£"),
    "npv_fiscal": ("Net present value, fiscal (savings - cost)", MONEY, "£"),
    "npv_cashable": ("Net present value, cashable", MONEY, "£"),
    "npv_social": ("Net present value, social", MONEY, "£"),
    "bcr_fiscal": ("Benefit-cost ratio, fiscal", DECIMAL, "£ back per £1"),
    "bcr_social": ("Benefit-cost ratio, social", DECIMAL, "£ back per £1"),
    "roi_fiscal": ("Return on investment, fiscal", DECIMAL, "net £ per £1"),
    "payback_year": ("Payback year (undiscounted; blank if none in the horizon)", WHOLE, "year (0 = first)"),
    "break_even_multiplier": ("Break-even multiplier on every effect", DECIMAL, "times"),
    "starters": ("People starting, over the horizon", PERSONS, "persons"),
    "completers": ("People completing, over the horizon", PERSONS, "persons"),
    "total_cost": ("Total cost over the horizon (undiscounted)", MONEY, "£"),
    "cost_per_completer": ("Cost per completer (undiscounted)", MONEY, "£"),
}
SUMMED = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "pv_social",
          "starters", "completers", "total_cost")
YEARLY_LABELS = {"cost": "Cost", "saving": "NHS savings", "cashable": "Cashable savings",
                 "wellbeing": "Wellbeing value", "volunteer": "Volunteer time"}
FIRST_HEADLINE_ROW = 5


def _headline_formula(key: str, per_iv: dict[str, str], yearly: dict[str, int]) -> str:
    if key in SUMMED:
        return f"=SUM({per_iv[key]})" if per_iv else "=0"
    first, last = YEAR_LETTERS[0], YEAR_LETTERS[-1]
    reached = f"{first}{yearly['reached']}:{last}{yearly['reached']}"
    return {
        "npv_fiscal": "=pv_saving-pv_cost",
        "npv_cashable": "=pv_cashable-pv_cost",
        "npv_social": "=pv_social-pv_cost",
        "bcr_fiscal": '=IF(pv_cost=0,"",pv_saving/pv_cost)',
        "bcr_social": '=IF(pv_cost=0,"",pv_social/pv_cost)',
        "roi_fiscal": '=IF(pv_cost=0,"",npv_fiscal/pv_cost)',
        "break_even_multiplier": '=IF(pv_saving=0,"",pv_cost/pv_saving)',
        "payback_year": f'=IF(SUM({reached})=0,"",MATCH(1,{reached},0)-1)',
        "cost_per_completer": '=IF(completers=0,"",total_cost/completers)',
    }[key]


def _per_intervention(ws, where: InputMap, calcs: list[CalcSheet], first_row: int) -> tuple[dict[str, str], int]:
    """One row per intervention pointing at its calculation sheet; returns column ranges by key."""
    ws.cell(first_row, 1, "By intervention (present values in £; from each calculation sheet)").font = st.BOLD
    keys = [key for _, key, _ in SUMMARY_ROWS]
    st.header_row(ws, first_row + 1, ["Intervention", "Sheet", *[label for label, _, _ in SUMMARY_ROWS]])
    ws.row_dimensions[first_row + 1].height = 60
    top = first_row + 2
    for i, calc in enumerate(calcs):
        r = top + i
        name = sheet_ref(INTERVENTIONS, f"{where.intervention_columns['name']}{where.intervention_rows[i]}")
        st.as_calc(ws.cell(r, 1, f"={name}"), "@")
        ws.cell(r, 2, calc.name)
        for k, (_, key, fmt) in enumerate(SUMMARY_ROWS):
            st.as_calc(ws.cell(r, 3 + k, "=" + sheet_ref(calc.name, calc.summary[key])), fmt)
    if not calcs:
        ws.cell(top, 1, "No interventions yet: add rows on the Interventions sheet in RtV Desktop.")
        return {}, top + 1
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    columns = {key: get_column_letter(3 + k) for k, key in enumerate(keys)}
    return {key: f"{col}{top}:{col}{top + len(calcs) - 1}" for key, col in columns.items()}, top + len(calcs)


def _yearly(ws, calcs: list[CalcSheet], first_row: int) -> dict[str, int]:
    """Yearly totals across interventions, cumulative lines and the payback flag."""
    ws.cell(first_row, 1, "By year (undiscounted £, all interventions)").font = st.BOLD
    rows: dict[str, int] = {}
    r = first_row + 1
    st.header_row(ws, r, ["Year t", "Unit", *range(len(YEAR_LETTERS))])
    rows["year"] = r
    r += 1
    for key, label in YEARLY_LABELS.items():
        ws.cell(r, 1, label)
        ws.cell(r, 2, "£")
        for c in YEAR_LETTERS:
            parts = ",".join(sheet_ref(calc.name, f"{c}{calc.yearly_rows[key]}") for calc in calcs)
            st.as_calc(ws[f"{c}{r}"], MONEY)
            ws[f"{c}{r}"] = f"=SUM({parts})" if parts else "=0"
        rows[key] = r
        r += 1
    first = YEAR_LETTERS[0]
    extra = (
        ("net", "Net fiscal (savings - cost)", MONEY, lambda c: f"={c}{rows['saving']}-{c}{rows['cost']}"),
        ("cum_net", "Cumulative net fiscal", MONEY, lambda c: f"=SUM(${first}{rows['net']}:{c}{rows['net']})"),
        ("cum_cost", "Cumulative cost", MONEY, lambda c: f"=SUM(${first}{rows['cost']}:{c}{rows['cost']})"),
        ("cum_saving", "Cumulative NHS savings", MONEY,
         lambda c: f"=SUM(${first}{rows['saving']}:{c}{rows['saving']})"),
        ("reached", "Payback reached (1 = yes, within the horizon)", WHOLE,
         lambda c: f"=IF(AND({c}${rows['year']}<settings_horizon_years,{c}{rows['cum_net']}>=0),1,0)"),
        ("df", "Discount factor", "0.0000",
         lambda c: f"=IF({c}${rows['year']}<settings_horizon_years,(1+settings_discount_rate)^(-{c}${rows['year']}),0)"),
        ("dfh", "Health discount factor", "0.0000",
         lambda c: f"=IF({c}${rows['year']}<settings_horizon_years,"
                   f"(1+settings_health_discount_rate)^(-{c}${rows['year']}),0)"),
    )
    for key, label, fmt, formula in extra:
        ws.cell(r, 1, label)
        for c in YEAR_LETTERS:
            st.as_calc(ws[f"{c}{r}"], fmt)
            ws[f"{c}{r}"] = formula(c)
        rows[key] = r
        r += 1
    return rows


def write_results(wb, where: InputMap, calcs: list[CalcSheet], results: Results | None) -> dict:
    """The Results sheet; returns row numbers the Checks and Charts sheets use."""
    ws = wb.create_sheet(RESULTS, 1)
    st.title(ws, "Results", "Live formulas: change any yellow input and these figures recompute. "
                            "Money in £ at the price year.")
    headers = ["Figure", "Value (live formula)", "Unit", "Name in workbook"]
    if results is not None:
        headers.append("RtV Desktop at export (not live)")
    st.header_row(ws, FIRST_HEADLINE_ROW - 1, headers)
    per_iv, next_row = _per_intervention(ws, where, calcs, FIRST_HEADLINE_ROW + len(SUMMARY_KEYS) + 8)
    yearly = _yearly(ws, calcs, next_row + 2)
    for offset, key in enumerate(SUMMARY_KEYS):
        r = FIRST_HEADLINE_ROW + offset
        label, fmt, unit = HEADLINE[key]
        ws.cell(r, 1, label)
        st.as_calc(ws.cell(r, 2, _headline_formula(key, per_iv, yearly)), fmt, bold=key.startswith(("npv", "bcr")))
        ws.cell(r, 3, unit)
        ws.cell(r, 4, key)
        add_name(wb, key, RESULTS, f"B{r}")
        if results is not None:
            value = results.summary[key]
            st.as_calc(ws.cell(r, 5, "" if value is None else value), fmt)
    iceberg = _iceberg(ws, FIRST_HEADLINE_ROW + len(SUMMARY_KEYS) + 1)
    st.widths(ws, {"A": 58, "B": 20, "C": 16, "D": 22, "E": 20, **{c: 16 for c in "FGHIJKLMNOPQR"}})
    st.protect(ws)
    return {"yearly": yearly, "per_iv": per_iv, "iceberg": iceberg, "interventions": len(calcs)}


def _iceberg(ws, first_row: int) -> tuple[int, int]:
    """The value iceberg: cash at the tip, then capacity, wellbeing and volunteer time."""
    ws.cell(first_row, 1, "Value iceberg (present values): what the chart on the Charts sheet shows").font = st.BOLD
    parts = (("Cashable savings", "=pv_cashable"), ("Capacity released (non-cash savings)", "=pv_saving-pv_cashable"),
             ("Wellbeing (WELLBY)", "=pv_wellbeing"), ("Volunteer time", "=pv_volunteer"), ("Cost", "=pv_cost"))
    for offset, (label, formula) in enumerate(parts):
        ws.cell(first_row + 1 + offset, 1, label)
        st.as_calc(ws.cell(first_row + 1 + offset, 2, formula), MONEY)
        ws.cell(first_row + 1 + offset, 3, "£")
    return first_row + 1, first_row + len(parts)


def write_charts(wb, layout: dict) -> None:
    """Native Excel charts of the main results (they follow the live figures)."""
    ws = wb.create_sheet("Charts", 2)
    st.title(ws, "Charts", "Native charts of the live results on the Results sheet.")
    st.protect(ws)
    results = wb[RESULTS]
    top, bottom = layout["iceberg"]
    bar = BarChart()
    bar.type, bar.title, bar.y_axis.title = "bar", "Value iceberg: present value, £", "£"
    bar.add_data(Reference(results, min_col=2, min_row=top, max_row=bottom), titles_from_data=False)
    bar.set_categories(Reference(results, min_col=1, min_row=top, max_row=bottom))
    bar.legend = None
    bar.x_axis.scaling.orientation = "maxMin"  # cash at the tip, at the top
    _place(ws, bar, "A4")
    for row in (22, 42):
        ws.row_breaks.append(Break(id=row))  # one chart a printed page
    yearly = layout["yearly"]
    line = LineChart()
    line.title, line.y_axis.title, line.x_axis.title = "Cumulative cost and savings (undiscounted)", "£", "Year"
    for key in ("cum_cost", "cum_saving"):
        line.add_data(Reference(results, min_col=1, max_col=2 + len(YEAR_LETTERS), min_row=yearly[key]),
                      from_rows=True, titles_from_data=True)
    line.set_categories(Reference(results, min_col=3, max_col=2 + len(YEAR_LETTERS), min_row=yearly["year"]))
    for series in line.series:
        series.smooth = False  # straight lines between years, as the figures are
    _place(ws, line, "A24")
    if layout["per_iv"]:
        _by_intervention_chart(ws, results, layout)


def _by_intervention_chart(ws, results, layout: dict) -> None:
    from openpyxl.utils.cell import range_boundaries  # noqa: PLC0415

    chart = BarChart()
    chart.type, chart.grouping, chart.overlap = "col", "stacked", 100
    chart.title, chart.y_axis.title = "Value by intervention: present value, £", "£"
    for key in ("pv_saving", "pv_wellbeing", "pv_volunteer"):
        col, top, _, bottom = range_boundaries(layout["per_iv"][key])
        chart.add_data(Reference(results, min_col=col, min_row=top - 1, max_row=bottom), titles_from_data=True)
    col, top, _, bottom = range_boundaries(layout["per_iv"]["pv_cost"])
    chart.set_categories(Reference(results, min_col=1, min_row=top, max_row=bottom))
    chart.legend.position = "b"
    _place(ws, chart, "A44")


def _place(ws, chart, anchor: str) -> None:
    """Same size for every chart; axes shown (recent Excel hides axes unless told)."""
    chart.height, chart.width = 9, 24
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    ws.add_chart(chart, anchor)
