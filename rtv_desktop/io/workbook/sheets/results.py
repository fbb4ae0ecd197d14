"""The Results sheet (every option's headline figures as live formulas) and its workings.

Results: one column per option, one row per summary key; each cell is named
``opt<k>_<key>`` (k from 1) and option 1's also by the bare key (``npv_fiscal``), as v1
workbooks were. "Results by year": each option's yearly totals (which give the payback
year), summed by option number from the Intervention totals sheet (one row per calculation
sheet), so an intervention moved to another option counts in that option's figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ....core import SUMMARY_KEYS, Document
from .. import formulas as fx
from .. import styles as st
from .calc import FIRST, LAST, YEAR_LETTERS
from .totals import TotalsLayout
from ..figures import ADDITIVE_KEYS, WORKING_KEYS, YEARLY_FLOWS, fmt, label, unit
from .inputs import InputMap, add_name
from ..layout import DETAILS, MONEY, OPTIONS, RESULTS, WHOLE, option_name, sheet_ref

FIRST_ROW = 6
ROW_KEYS = SUMMARY_KEYS + WORKING_KEYS
OPTION_LEVEL = {key: (f, args) for key, f, args in fx.OPTION_LEVEL}


@dataclass
class ResultsLayout:
    """Where the Results and Results by year sheets put things (for checks, charts, comparison)."""

    columns: list[str] = field(default_factory=list)  # Results column letter of each option
    rows: dict[str, int] = field(default_factory=dict)  # Results row of each key
    years: list[dict[str, int]] = field(default_factory=list)  # per option: Results by year row of each key
    iceberg: tuple[int, int] = (0, 0)
    name_row: int = 0  # the row of option names on Results

    def cell(self, k: int, key: str) -> str:
        return sheet_ref(RESULTS, f"{self.columns[k]}{self.rows[key]}")

    def year_span(self, k: int, key: str) -> str:
        r = self.years[k][key]
        return sheet_ref(DETAILS, f"{FIRST}{r}:{LAST}{r}")


def option_title(where: InputMap, k: int) -> str:
    """A formula giving option ``k``'s name, live from the Options sheet."""
    return "=" + sheet_ref(OPTIONS, f"{where.option_columns['name']}{where.option_rows[k]}")


def option_number(where: InputMap, k: int) -> str:
    """The cell of option ``k``'s number on the Options sheet: the option's totals add up the
    interventions whose rows hold this number (Intervention totals sheet)."""
    return where.option_number(k)


def _formula(key: str, col: str, rows: dict[str, int], total, years: dict[str, int]) -> str:
    """``total(key)``: the option's sum of an additive figure over its interventions now."""
    at = lambda k: f"{col}{rows[k]}"  # noqa: E731
    if key in ADDITIVE_KEYS:
        return "=" + total(key)
    if key in OPTION_LEVEL:
        f, args = OPTION_LEVEL[key]
        return "=" + f(*(at(a) for a in args))
    reached = sheet_ref(DETAILS, f"{FIRST}{years['reached']}:{LAST}{years['reached']}")
    net = sheet_ref(DETAILS, f"{FIRST}{years['net']}:{LAST}{years['net']}")
    return {
        "payback_year": f'=IF(AND({at("pv_cost")}=0,{at("pv_saving")}=0,SUMPRODUCT(ABS({net}))=0),"",'
                        f'IF(SUM({reached})=0,"",MATCH(1,{reached},0)-1))',
        "cost_per_completer": "=" + fx.ratio(at("total_cost"), at("completers")),
        "share_social_weak_evidence": f'=IF({at("pv_social")}>0,{at("pv_social_weak")}/{at("pv_social")},"")',
    }[key]


AT_EXPORT = "RtV Desktop at export"


def write_results(wb, doc: Document, where: InputMap, totals: TotalsLayout, at_export) -> ResultsLayout:
    """The Results sheet (second in the book) and the Results by year sheet, summed by option number
    from the Intervention totals sheet (``totals``).

    ``at_export`` is a list of each option's summary as RtV Desktop computed it (or None).
    """
    layout = ResultsLayout()
    details = wb.create_sheet(DETAILS, 1)
    layout.years = _write_details(details, doc, where, totals)
    ws = wb.create_sheet(RESULTS, 1)
    st.title(ws, "Results", "Live formulas: change any yellow input and these figures recompute.")
    ws["A3"] = fx.stated_basis()
    ws["A3"].font = st.SUBTITLE_FONT
    layout.columns = [get_column_letter(3 + k) for k in range(len(doc.options))]
    layout.name_row = FIRST_ROW - 1
    key_column = 3 + len(doc.options)
    st.header_row(ws, layout.name_row, ["Figure", "Unit", *[""] * len(doc.options), "Key (name: opt<k>_key)"])
    for k, col in enumerate(layout.columns):
        ws[f"{col}{layout.name_row}"] = option_title(where, k)
    if layout.columns:
        add_name(wb, "option_names", RESULTS, f"{layout.columns[0]}{layout.name_row}:{layout.columns[-1]}"
                                              f"{layout.name_row}")
    ws.row_dimensions[layout.name_row].height = 30
    layout.rows = {key: FIRST_ROW + offset for offset, key in enumerate(ROW_KEYS)}
    for key, row in layout.rows.items():
        ws.cell(row, 1, label(key))
        ws.cell(row, 2, unit(key))
        ws.cell(row, key_column, key)
        for k, col in enumerate(layout.columns):
            bold = key.startswith(("npv", "bcr"))
            st.as_calc(ws[f"{col}{row}"], fmt(key), bold)
            ws[f"{col}{row}"] = _formula(key, col, layout.rows, lambda f, k=k: totals.sum(f, option_number(where, k)),
                                         layout.years[k])
            add_name(wb, option_name(k, key), RESULTS, f"{col}{row}")
            if k == 0 and key in SUMMARY_KEYS:
                add_name(wb, key, RESULTS, f"{col}{row}")
    next_row = FIRST_ROW + len(ROW_KEYS) + 1
    if at_export is not None:
        next_row = _at_export(ws, layout, at_export, next_row)
    layout.iceberg = _iceberg(ws, layout, next_row)
    st.widths(ws, {"A": 50, "B": 14, **{c: 17 for c in layout.columns}, get_column_letter(key_column): 26})
    ws.freeze_panes = f"C{FIRST_ROW}"
    st.print_layout(ws, landscape=len(doc.options) > 2, title_rows=f"{layout.name_row}:{layout.name_row}",
                    title_cols="A:A")
    st.protect(ws)
    return layout


def _at_export(ws, layout: ResultsLayout, summaries, row: int) -> int:
    """The figures RtV Desktop computed when it wrote the file, beside the live ones (values)."""
    ws.cell(row, 1, f"{AT_EXPORT} (values, not live)").font = st.BOLD
    for offset, key in enumerate(SUMMARY_KEYS, start=1):
        ws.cell(row + offset, 1, label(key))
        ws.cell(row + offset, 2, unit(key))
        for k, col in enumerate(layout.columns):
            summary = summaries[k] if k < len(summaries) else None
            value = None if summary is None else summary.get(key)
            st.as_calc(ws[f"{col}{row + offset}"], fmt(key))
            ws[f"{col}{row + offset}"] = "" if value is None else value
    return row + len(SUMMARY_KEYS) + 2


def _iceberg(ws, layout: ResultsLayout, row: int) -> tuple[int, int]:
    """The value iceberg of each option: cash at the tip, then capacity, wellbeing, volunteers, cost."""
    ws.cell(row, 1, "Value iceberg (present values, £): what the chart on the Charts sheet shows").font = st.BOLD
    parts = (("Cashable savings", lambda c: f"={c}{layout.rows['pv_cashable']}"),
             ("Capacity released (non-cash savings)",
              lambda c: f"={c}{layout.rows['pv_saving']}-{c}{layout.rows['pv_cashable']}"),
             ("Wellbeing (WELLBY)", lambda c: f"={c}{layout.rows['pv_wellbeing']}"),
             ("Volunteer time", lambda c: f"={c}{layout.rows['pv_volunteer']}"),
             ("Cost", lambda c: f"={c}{layout.rows['pv_cost']}"))
    for offset, (text, formula) in enumerate(parts, start=1):
        ws.cell(row + offset, 1, text)
        ws.cell(row + offset, 2, "£")
        for col in layout.columns:
            st.as_calc(ws[f"{col}{row + offset}"], MONEY)
            ws[f"{col}{row + offset}"] = formula(col)
    return row + 1, row + len(parts)


def _write_details(ws, doc: Document, where: InputMap, totals: TotalsLayout) -> list[dict]:
    st.title(ws, "Results by year", "Each option's undiscounted yearly totals (they give the payback year), summed "
                                    "by option number; each intervention's figures are on the Intervention totals "
                                    "sheet.")
    years = []
    row = 4
    for k in range(len(doc.options)):
        st.as_calc(ws.cell(row, 1, option_title(where, k)), "@", bold=True)
        rows, row = _yearly_block(ws, lambda key, t, k=k: totals.year(key, t, option_number(where, k)), row + 1)
        years.append(rows)
        row += 2
    st.widths(ws, {"A": 44, "B": 16, **{c: 14 for c in YEAR_LETTERS}})
    st.print_layout(ws, landscape=True, title_cols="A:A", pages_wide=2)
    st.protect(ws)
    return years


def _yearly_block(ws, total, row: int) -> tuple[dict[str, int], int]:
    """One option's yearly rows; ``total(key, t)`` sums a yearly flow over its interventions now."""
    st.header_row(ws, row, ["Year t", "Unit", *range(len(YEAR_LETTERS))])
    rows = {"year": row, "financial_year": row + 1}
    year = lambda c: f"{c}${rows['year']}"  # noqa: E731
    ws.cell(row + 1, 1, "Financial year").font = st.BOLD
    for c in YEAR_LETTERS:
        st.as_calc(ws[f"{c}{row + 1}"], "@", True)
        ws[f"{c}{row + 1}"] = fx.financial_year(year(c))
    r = row + 2
    for key, text in YEARLY_FLOWS.items():
        ws.cell(r, 1, text)
        ws.cell(r, 2, "QALYs" if key == "qalys" else "£")
        for t, c in enumerate(YEAR_LETTERS):
            st.as_calc(ws[f"{c}{r}"], "0.000" if key == "qalys" else MONEY)
            ws[f"{c}{r}"] = "=" + total(key, t)
        rows[key] = r
        r += 1
    extra = (
        ("net", "Net fiscal (savings - cost)", MONEY, lambda c: f"={c}{rows['saving']}-{c}{rows['cost']}"),
        ("cum_net", "Cumulative net fiscal", MONEY, lambda c: f"=SUM(${FIRST}{rows['net']}:{c}{rows['net']})"),
        ("cum_cost", "Cumulative cost", MONEY, lambda c: f"=SUM(${FIRST}{rows['cost']}:{c}{rows['cost']})"),
        ("cum_saving", "Cumulative savings", MONEY, lambda c: f"=SUM(${FIRST}{rows['saving']}:{c}{rows['saving']})"),
        ("reached", "Payback reached (1 = yes, within the horizon)", WHOLE,
         lambda c: f"=IF(AND({fx.in_horizon(year(c))}=1,{c}{rows['cum_net']}>=0),1,0)"),
        *((key, f"Discount factor ({rate.replace('_', ' ')})", "0.0000", lambda c, rate=rate: "=" + fx.discount(
            year(c), rate)) for key, rate in fx.DISCOUNT_RATES.items()),
    )
    for key, text, number_format, formula in extra:
        ws.cell(r, 1, text)
        for c in YEAR_LETTERS:
            st.as_calc(ws[f"{c}{r}"], number_format)
            ws[f"{c}{r}"] = formula(c)
        rows[key] = r
        r += 1
    return rows, r
