"""The Comparison sheet: every option against the comparator, and the preferred option (live).

MODEL.md section 6: ``inc_X = X_k - X_c`` (``X_c`` = 0 when the comparator is doing
nothing), ``inc_bcr_social = inc_pv_social / inc_social_cost`` (blank unless the
denominator is > 0), ``icer = (inc_pv_cost - inc_pv_saving) / inc_qalys`` (blank when no
QALYs change) and its quadrant in words. The preferred option has the highest net social
value (ties: the lower cost, then the earlier option); with no comparator, doing nothing
competes and wins ties. Increment cells are named ``opt<k>_inc_<key>``, ``opt<k>_icer``, ...
"""

from __future__ import annotations

from ....core import INCREMENT_KEYS, Document
from .. import formulas as fx
from .. import styles as st
from ..figures import FIGURES, fmt, label, unit
from .inputs import InputMap, add_name
from ..layout import (
    COMPARATOR_NAME,
    COMPARISON,
    MONEY,
    OPTIONS,
    WHOLE,
    option_name,
    sheet_ref,
)
from .results import ResultsLayout, option_title

HEADLINE_KEYS = INCREMENT_KEYS + ("social_cost", "bcr_social", "cost_per_qaly")
# The increments in the order they are worked out (each formula reads the ones above it).
INCREMENTS = {key: FIGURES[key] for key in (*(f"inc_{key}" for key in INCREMENT_KEYS), "inc_social_cost",
                                            "inc_net_cost", "inc_bcr_social", "icer", "icer_quadrant")}
FIRST_ROW = 7


def _quadrant(net_cost: str, qalys: str) -> str:
    return (f'=IF(AND({net_cost}=0,{qalys}=0),"",IF(AND({net_cost}<=0,{qalys}>=0),"dominant",'
            f'IF(AND({net_cost}>=0,{qalys}<=0),"dominated",IF({net_cost}>0,"more costly, more effective",'
            f'"cheaper, less effective"))))')


def _increment(key: str, at, base) -> str:
    if key == "inc_social_cost":
        return "=" + fx.social_cost(at("inc_pv_cost"), at("inc_pv_volunteer"))
    if key == "inc_net_cost":
        return f"={at('inc_pv_cost')}-{at('inc_pv_saving')}"
    if key == "inc_bcr_social":
        return f'=IF({at("inc_social_cost")}>0,{at("inc_pv_social")}/{at("inc_social_cost")},"")'
    if key == "icer":
        return f'=IF({at("inc_qalys")}=0,"",{at("inc_net_cost")}/{at("inc_qalys")})'
    if key == "icer_quadrant":
        return _quadrant(at("inc_net_cost"), at("inc_qalys"))
    figure = key.removeprefix("inc_")
    return f"={at(figure)}-{base(figure)}"


def write_comparison(wb, doc: Document, where: InputMap, results: ResultsLayout) -> None:
    ws = wb.create_sheet(COMPARISON, 2)
    st.title(ws, "Comparison of options", "Live formulas: each option's figures, what it adds to the comparator, "
                                          "and the option with the highest net social value.")
    ws["A3"] = fx.stated_basis()
    ws["A3"].font = st.SUBTITLE_FONT
    columns = results.columns
    numbers = sheet_ref(OPTIONS, f"{where.option_columns['option']}{where.option_rows[0]}:"
                                 f"{where.option_columns['option']}{where.option_rows[-1]}") if columns else "0"
    ws["A4"] = "Comparator (its position among the options; blank = doing nothing)"
    ws["C4"] = f'=IF({COMPARATOR_NAME}="","",IFERROR(MATCH({COMPARATOR_NAME},{numbers},0),""))'
    st.as_calc(ws["C4"], WHOLE, True)
    position = "$C$4"
    st.header_row(ws, FIRST_ROW - 1, ["Figure", "Unit", *[""] * len(columns)])
    for k, col in enumerate(columns):
        ws[f"{col}{FIRST_ROW - 1}"] = option_title(where, k)
    rows: dict[str, int] = {}
    row = FIRST_ROW
    ws.cell(row, 1, "Each option's figures (from the Results sheet)").font = st.BOLD
    row += 1
    for key in HEADLINE_KEYS:
        rows[key] = row
        ws.cell(row, 1, label(key))
        ws.cell(row, 2, unit(key))
        for k, col in enumerate(columns):
            st.as_calc(ws[f"{col}{row}"], fmt(key))
            ws[f"{col}{row}"] = "=" + results.cell(k, key)
        row += 1
    row += 1
    ws.cell(row, 1, "Against the comparator").font = st.BOLD
    row += 1
    first, last = (columns[0], columns[-1]) if columns else ("C", "C")
    for key, (text, number_format, words) in INCREMENTS.items():
        rows[key] = row
        ws.cell(row, 1, text)
        ws.cell(row, 2, words)
        for k, col in enumerate(columns):
            at = lambda name, col=col: f"{col}{rows[name]}"  # noqa: E731
            base = lambda name: f'IF({position}="",0,INDEX(${first}${rows[name]}:${last}${rows[name]},{position}))'  # noqa: E731
            st.as_calc(ws[f"{col}{row}"], number_format, key == "icer_quadrant")
            ws[f"{col}{row}"] = _increment(key, at, base)
            if key == "icer_quadrant":
                ws[f"{col}{row}"].alignment = st.WRAP
                ws.row_dimensions[row].height = 30
            add_name(wb, option_name(k, key), COMPARISON, f"{col}{row}")
        row += 1
    _preferred(wb, ws, rows, columns, position, row + 1)
    ws.row_dimensions[FIRST_ROW - 1].height = 30
    st.widths(ws, {"A": 54, "B": 24, **{c: 20 for c in columns}})
    st.print_layout(ws, landscape=len(columns) > 2, title_rows=f"{FIRST_ROW - 1}:{FIRST_ROW - 1}", title_cols="A:A")
    st.protect(ws)


def _preferred(wb, ws, rows: dict[str, int], columns: list[str], position: str, row: int) -> None:
    """Highest net social value; ties: lower cost, then the earlier option; doing nothing first when it competes."""
    if not columns:
        ws.cell(row, 1, "No options to compare.")
        return
    span = lambda r: f"${columns[0]}${r}:${columns[-1]}${r}"  # noqa: E731
    best = f"MAX({span(rows['npv_social'])})"
    working = (
        ("Working: has the best net social value (1 = yes)", lambda c: f"=IF({c}{rows['npv_social']}={best},1,0)"),
        ("Working: its cost when it has the best net social value", lambda c: f'=IF({c}{row}=1,{c}{rows["pv_cost"]},'
                                                                               '"")'),
        ("Working: best, at the lowest cost (1 = yes)", lambda c: f"=IF(AND({c}{row}=1,{c}{row + 1}=MIN("
                                                                   f"{span(row + 1)})),1,0)"),
    )
    for offset, (text, formula) in enumerate(working):
        ws.cell(row + offset, 1, text)
        for col in columns:
            st.as_calc(ws[f"{col}{row + offset}"], MONEY if offset == 1 else WHOLE)
            ws[f"{col}{row + offset}"] = formula(col)
    nothing = f'AND({position}="",{best}<=0)'
    at = row + len(working) + 1
    ws.cell(at, 1, "Preferred option (its position; blank = doing nothing)").font = st.BOLD
    st.as_calc(ws.cell(at, 3, f'=IF({nothing},"",MATCH(1,{span(row + 2)},0))'), WHOLE, True)
    add_name(wb, "preferred", COMPARISON, f"C{at}")
    ws.cell(at + 1, 1, "Preferred option").font = st.BOLD
    st.as_calc(ws.cell(at + 1, 3, '=IF(preferred="","Doing nothing",INDEX(option_names,preferred))'), "@", True)
    ws.cell(at + 2, 1, "Why: the highest net social value (ties: the lower cost). With no comparator, doing nothing "
                       "(net social value 0) competes too, and wins a tie.")
