"""The By party sheet: who pays and who benefits, per option (MODEL.md section 9), live.

Per option and party: what it pays (its funding share of every intervention's cost), what
it saves (the savings on services whose cost it bears; all and cashable), the value it
receives (residents: wellbeing, and volunteer time when it counts as a benefit) and its net
position, in present values (residents pay the volunteer time they give when it counts as an
in-kind cost, so the nets add up to net social value: MODEL.md 13); then each party's undiscounted cash flow by year, the
affordability view a Better Care Fund paper needs. Each option adds up the interventions whose rows
hold its number now (Intervention totals sheet). Cells are named
``opt<k>_<party>_<figure>`` and the yearly rows ``opt<k>_<party>_<flow>_by_year``.
"""

from __future__ import annotations

from ....core import FUNDERS, PARTIES, PARTY_KEYS, PARTY_LABELS, Document
from .. import styles as st
from .. import formulas as fx
from ..formulas import VOLUNTEER_TIME
from .calc import YEAR_LETTERS
from .inputs import InputMap, add_name
from ..layout import BY_PARTY, MONEY, option_name, sheet_ref
from .results import ResultsLayout, option_number, option_title
from .totals import TotalsLayout

PARTY_FIGURES = {"pays": "Pays", "saves": "Saves (all)", "saves_cashable": "Saves (cashable)",
                 "value": "Value received", "net": "Net position"}
# Calculation-sheet rows of each funder's flows: pays_<party>, saves_<party>, cash_<party>.
_CALC = {"pays": "pays", "saves": "saves", "saves_cashable": "cash"}
FLOWS = ("pays", "saves", "saves_cashable", "value", "net")


def _present_values(wb, ws, k: int, total, results: ResultsLayout, row: int, cells: dict) -> int:
    """``total(key)``: the option's sum of a calculation-sheet figure over its interventions now."""
    st.header_row(ws, row, ["Party", "", *[PARTY_FIGURES[key] for key in PARTY_KEYS]])
    columns = {key: chr(ord("C") + j) for j, key in enumerate(PARTY_KEYS)}
    for offset, party in enumerate(PARTIES, start=1):
        r = row + offset
        ws.cell(r, 1, PARTY_LABELS[party])
        ws.cell(r, 2, party)
        for key, col in columns.items():
            if key == "net":
                formula = f"={columns['saves']}{r}+{columns['value']}{r}-{columns['pays']}{r}"
            elif party in FUNDERS and key != "value":
                formula = "=" + total(f"{_CALC[key]}_{party}")
            elif key == "pays":  # residents give their time when it is an in-kind cost
                formula = f'=IF({VOLUNTEER_TIME}="cost",{results.cell(k, "pv_volunteer")},0)'
            elif party in FUNDERS or key != "value":
                formula = "=0"
            else:  # residents receive the social value that is not a saving
                formula = f"={results.cell(k, 'pv_social')}-{results.cell(k, 'pv_saving')}"
            st.as_calc(ws[f"{col}{r}"], MONEY, key == "net")
            ws[f"{col}{r}"] = formula
            add_name(wb, option_name(k, f"{party}_{key}"), BY_PARTY, f"{col}{r}")
            cells[(k, party, key)] = sheet_ref(BY_PARTY, f"{col}{r}")
    return row + len(PARTIES) + 2


def _yearly(wb, ws, k: int, total, row: int) -> int:
    """``total(key, t)``: the option's sum of a yearly flow in year ``t`` over its interventions now."""
    st.header_row(ws, row, ["Undiscounted cash flow by year (£)", "", *range(len(YEAR_LETTERS))])
    r = _financial_years(ws, row)
    for party in PARTIES:
        first = r
        for flow in FLOWS:
            ws.cell(r, 1, f"{PARTY_LABELS[party]}: {PARTY_FIGURES[flow].lower()}")
            ws.cell(r, 2, party)
            for t, c in enumerate(YEAR_LETTERS):
                if flow == "net":
                    formula = f"={c}{first + 1}+{c}{first + 3}-{c}{first}"
                elif party in FUNDERS and flow != "value":
                    formula = "=" + total(f"{_CALC[flow]}_{party}", t)
                elif party == "residents" and flow == "value":
                    formula = "=" + total("residents", t)
                elif party == "residents" and flow == "pays":
                    formula = f'=IF({VOLUNTEER_TIME}="cost",{total("volunteer", t)},0)'
                else:
                    formula = "=0"
                st.as_calc(ws[f"{c}{r}"], MONEY, flow == "net")
                ws[f"{c}{r}"] = formula
            add_name(wb, option_name(k, f"{party}_{flow}_by_year"), BY_PARTY,
                     f"{YEAR_LETTERS[0]}{r}:{YEAR_LETTERS[-1]}{r}")
            r += 1
    return r + 1


def _financial_years(ws, header: int) -> int:
    """Under the header of years t, each year's financial year from the Settings' first delivery year
    ("2027/28"), as the Calc and Results by year sheets label them; returns the next row."""
    r = header + 1
    ws.cell(r, 1, "Financial year").font = st.BOLD
    for c in YEAR_LETTERS:
        st.as_calc(ws[f"{c}{r}"], "@", True)
        ws[f"{c}{r}"] = fx.financial_year(f"{c}${header}")
    return r + 1


def write_by_party(wb, doc: Document, where: InputMap, totals: TotalsLayout, results: ResultsLayout) -> dict:
    """The By party sheet; returns each present-value cell, keyed ``(option, party, figure)`` (for the checks)."""
    cells: dict = {}
    ws = wb.create_sheet(BY_PARTY, 3)
    st.title(ws, "Who pays, who benefits", "Per option: each party's present values (£), then its undiscounted cash "
                                           "flow by year. Savings fall to the organisation that bears each "
                                           "service's cost (Services sheet); costs follow each intervention's "
                                           "funding shares (Interventions sheet).")
    row = 4
    for k in range(len(doc.options)):
        st.as_calc(ws.cell(row, 1, option_title(where, k)), "@", bold=True)
        number = option_number(where, k)
        row = _present_values(wb, ws, k, lambda key, n=number: totals.sum(key, n), results, row + 1, cells)
        row = _yearly(wb, ws, k, lambda key, t, n=number: totals.year(key, t, n), row)
    st.widths(ws, {"A": 58, "B": 10, **{c: 15 for c in YEAR_LETTERS}})
    st.print_layout(ws, landscape=True, title_cols="A:A")
    st.protect(ws)
    return cells
