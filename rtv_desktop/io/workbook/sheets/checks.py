"""The Checks sheet: live formulas that say OK or CHECK, and what to do about a CHECK.

Range and order checks come from the declarations (every input's allowed range, low <=
central <= high); the rest check what ties inputs together: funding shares adding up to
100%, option names and numbers, the comparator, and that the calculation sheets still
match the inputs and the totals reconcile.
"""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill

from ....core import Area, Document, Intervention, Service, Settings
from ....core.outputs import label as figure_label
from .. import formulas as fx
from .. import styles as st
from ..text_cells import write_text
from .inputs import InputMap
from ..layout import (
    BASELINE,
    CALC_KEY,
    CHECKS,
    COMPARATOR_NAME,
    INTERVENTIONS,
    OPTION_KEY,
    OPTIONS,
    RESULTS,
    SERVICES,
    defined_name,
    record_cells,
    series_field,
    sheet_ref,
)
from .results import ResultsLayout
from .totals import OPTION_COLUMN, ROW_COLUMN, TotalsLayout

FIRST_ROW = 5
TOLERANCE = "1E-9"


def _range(ref: str, spec) -> str:
    """``ref`` (a cell or range) within the field's declared range (whole numbers where declared)."""
    test = f"AND(MIN({ref})>={_number(spec.lo)},MAX({ref})<={_number(spec.hi)})"
    if spec.integer:
        test = f"AND({test},SUMPRODUCT(({ref}<>INT({ref}))*1)=0)"
    return test


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) < 1e15 else f"{value:.17G}"


def _choice(ref: str, spec, blank_ok: bool = False) -> str:
    unequal = "*".join(f'({ref}<>"{code}")' for code in spec.choices)
    return f"SUMPRODUCT({unequal}{'*(' + ref + '<>' + chr(34) * 2 + ')' if blank_ok else ''})=0"


def _frame_checks(cls, prefix: str, sheet: str) -> list[tuple[str, str, str]]:
    """Each named area or settings input within its range; low <= central <= high."""
    checks = []
    for cell in record_cells(cls, skip_series=True):
        name = defined_name(f"{prefix}.{cell.path}")
        spec = cell.spec
        if spec.choices:
            checks.append((f"{cell.label} is one of the choices", _choice(name, spec),
                           f"Pick it from the list on the {sheet} sheet."))
        elif not cell.is_text and spec.lo is not None and cell.end in (None, "central"):
            ends = [defined_name(f"{prefix}.{cell.name}" + ("" if e == "central" else f".{e}"))
                    for e in (("low", "central", "high") if cell.end else ("central",))]
            test = "AND(" + ",".join(_range(n, spec) for n in ends) + ")"
            if cell.end:
                test = f"AND({test},{fx.ends_in_order(*ends)})"
            checks.append((f"{cell.label} is {spec.range_text()}" + (", low <= central <= high" if cell.end else ""),
                           test, f"Change it on the {sheet} sheet."))
    found = series_field(cls)
    if found is not None and cls is Settings:
        name, spec = found
        checks.append((f"{spec.label} by grade is {spec.range_text()}", _range(defined_name(f"{prefix}.{name}"), spec),
                       f"Change it on the {sheet} sheet."))
    return checks


def _table_checks(cells, column, sheet: str) -> list[tuple[str, str, str]]:
    """Each numeric column of a table within its range, uncertain ones ordered; choices valid."""
    checks = []
    seen = set()
    for cell in cells:
        group = (cell.name, cell.key)
        if group in seen:
            continue
        spec = cell.spec
        what = cell.label if cell.key is not None else spec.label
        if spec.choices:
            checks.append((f"{sheet}: {what} is one of the choices", _choice(column(cell.header), spec),
                           f"Pick it from the list in the {sheet} table."))
        elif not cell.is_text and spec.lo is not None:
            seen.add(group)
            headers = [c.header for c in cells if (c.name, c.key) == group]
            test = "AND(" + ",".join(_range(column(h), spec) for h in headers) + ")"
            if len(headers) == 3:
                low, mid, high = (column(h) for h in headers)
                test = f"AND({test},{fx.ends_in_order(low, mid, high)})"
            checks.append((f"{sheet}: {what} is {spec.range_text()}" + (", low <= central <= high"
                                                                         if len(headers) == 3 else ""),
                           test, f"Change the {sheet} table's {what} cells."))
    return checks


def _column_ref(where: InputMap, sheet: str):
    letters, rows = ((where.service_columns, where.service_rows) if sheet == SERVICES else
                     (where.option_columns, where.option_rows) if sheet == OPTIONS else
                     (where.intervention_columns, list(where.intervention_rows.values())))
    return lambda header: sheet_ref(sheet, f"{letters[header]}{rows[0]}:{letters[header]}{rows[-1]}")


def _document_checks(doc: Document, where: InputMap) -> list[tuple[str, str, str]]:
    checks = []
    if where.service_rows:
        checks += _table_checks(record_cells(Service, skip_series=True), _column_ref(where, SERVICES), SERVICES)
        name, spec = series_field(Service)
        grid = where.baseline_columns
        use = sheet_ref(BASELINE, f"{grid[doc.services[0].id]}{where.baseline_rows[0]}:"
                                  f"{grid[doc.services[-1].id]}{where.baseline_rows[1]}")
        checks.append((f"{spec.label} is {spec.range_text()}", _range(use, spec), "Change it on the Baseline use sheet."))
    options = _column_ref(where, OPTIONS)
    if where.option_rows:
        checks += [
            ("Options: every option has a name, different from the others'",
             f'SUMPRODUCT(({options("name")}="")+(COUNTIF({options("name")},{options("name")})>1))=0',
             "Give each option its own name on the Options sheet."),
            ("Options: every option has its own number", f"SUMPRODUCT((COUNTIF({options(OPTION_KEY)},"
                                                         f"{options(OPTION_KEY)})<>1)*1)=0",
             "Number the options 1, 2, 3, ... on the Options sheet."),
            ("The comparator is blank (doing nothing) or one of the options' numbers",
             f'OR({COMPARATOR_NAME}="",COUNTIF({options(OPTION_KEY)},{COMPARATOR_NAME})=1)',
             "Type an option's number in the comparator cell of the Options sheet, or clear it."),
        ]
    if where.intervention_rows:
        column = _column_ref(where, INTERVENTIONS)
        cells = record_cells(Intervention, doc.services)
        funders = "+".join(column(c.header) for c in cells if c.key is not None and not c.by_service)
        checks += _table_checks(cells, column, INTERVENTIONS)
        checks += [
            ("Interventions: funding shares add up to 100%", f"SUMPRODUCT((ABS({funders}-1)>{TOLERANCE})*1)=0",
             "Make each intervention's funding shares add up to 100%."),
            ("Interventions: each names an option on the Options sheet",
             f"SUMPRODUCT((COUNTIF({options(OPTION_KEY)},{column(OPTION_KEY)})=0)*1)=0",
             "Use the option numbers of the Options sheet in the option column."),
            ("Interventions: ids are unique within each option",
             f'SUMPRODUCT((COUNTIFS({column(OPTION_KEY)},{column(OPTION_KEY)},{column("id")},{column("id")})>1)'
             f'*({column("id")}<>""))=0', "Give each intervention of an option its own id."),
        ]
        checks += fx.reach_checks([o.name for o in doc.options], column)
    return checks


FOLLOW_UP = ("open the workbook in RtV Desktop and export it again, which gives every row its calculation sheet "
             "(or undo the edit)")


def _sheet_checks(where: InputMap, totals: TotalsLayout) -> list[tuple[str, str, str]]:
    """What the formulas cannot follow: each calculation sheet finds its row by its key (the Calculation
    sheet column), so sorting and moving rows are followed, but a deleted row, a key typed twice, a row
    added without a calculation sheet or an option number with no option are not."""
    if not where.intervention_rows:
        return []
    keys, ids, names = (where.intervention_column(h) for h in (CALC_KEY, "id", "name"))
    numbers = _column_ref(where, OPTIONS)(OPTION_KEY)
    return [
        ("Every calculation sheet finds its row in the Interventions table (Intervention totals, column "
         f"{ROW_COLUMN}: no #N/A)", f"SUMPRODUCT(ISERROR({totals.rows})*1)=0",
         "A row was deleted or its Calculation sheet cell changed, so that sheet's figures count in no option: "
         + FOLLOW_UP + "."),
        ("Every calculation sheet is named by one row only (Interventions table, Calculation sheet column)",
         f"SUMPRODUCT((COUNTIF({keys},{totals.keys})>1)*1)=0",
         "A row was copied with its Calculation sheet cell, so one sheet works out only the first of them: clear "
         "the copy's Calculation sheet cell, then " + FOLLOW_UP + "."),
        ("Every intervention row has its calculation sheet (Interventions table, Calculation sheet column)",
         f'SUMPRODUCT(({ids}&{names}<>"")*(COUNTIF({totals.keys},{keys})=0))=0',
         "A row was added (or its Calculation sheet cell cleared or changed): its figures are in no option yet: "
         + FOLLOW_UP + "."),
        ("Every calculation sheet's option number is an option on the Options sheet (Intervention totals, "
         f"column {OPTION_COLUMN})", f"SUMPRODUCT((COUNTIF({numbers},{totals.options})=0)*1)=0",
         "An intervention names an option number the Options sheet does not have, so its figures count in no "
         "option: use one of the Options sheet's numbers."),
    ]


PV_FLOWS = (("pv_cost", "cost", "df"), ("pv_saving", "saving", "df"), ("pv_cashable", "cashable", "df"),
            ("pv_wellbeing", "wellbeing", "dfh"), ("pv_volunteer", "volunteer", "df"), ("qalys", "qalys", "dfq"))
RETYPED = "A result was typed over or edited: open the workbook in RtV Desktop, then export it again."
MAX_ARGUMENTS = 200  # per AND(...): Excel allows 255


def is_formula(ref: str) -> str:
    """``ISFORMULA`` (Excel 2013): stored with the prefix Excel uses for functions newer than 2007."""
    return f"_xlfn.ISFORMULA({ref})"


def _close(a: str, b: str) -> str:
    """``a`` equals ``b`` to a millionth (each may be a sum)."""
    return f"ABS(({a})-({b}))<=1E-6*MAX(1,ABS({b}))"


def _all_formulas(label: str, refs: list[str]) -> list[tuple[str, str, str]]:
    """One check (or several, for many cells) that every cell of ``refs`` still holds a formula."""
    parts = [refs[k:k + MAX_ARGUMENTS] for k in range(0, len(refs), MAX_ARGUMENTS)]
    return [(label + (f" (part {n + 1})" if len(parts) > 1 else ""),
             "AND(" + ",".join(is_formula(r) for r in part) + ")", RETYPED) for n, part in enumerate(parts)]


def _reconcile_checks(doc: Document, where: InputMap, calcs, totals: TotalsLayout, results: ResultsLayout,
                      parties: dict) -> list[tuple[str, str, str]]:
    """Tie-outs a typed-over cell breaks, and checks that the results are still formulas.

    Each option's present values on Results equal both the sum of its calculation sheets' (those
    whose rows hold its option number now, summed another way than Results does) and its yearly
    flows (Results by year) times the discount factors; By party's nets add up to net social value
    and its payments to the cost social value is set against (MODEL.md 13).
    """
    checks = []
    for k in range(len(doc.options)):
        for key, flow, factor in PV_FLOWS:
            value = results.cell(k, key)
            by_year = f"SUMPRODUCT({results.year_span(k, flow)},{results.year_span(k, factor)})"
            by_sheet = (f"SUMPRODUCT(({totals.options}={where.option_number(k)})*{totals.span(totals.columns[key])})"
                        if calcs and any(calcs) else "0")
            checks.append((f"Option {k + 1}: {figure_label(key)} on Results = the sum of its calculation sheets = "
                           "its yearly flows, discounted", f"AND({_close(by_year, value)},{_close(by_sheet, value)})",
                           "A calculation sheet or a Results row was edited: export the workbook again from RtV "
                           "Desktop."))
        checks += _all_formulas(f"Option {k + 1}: every figure on Results is still a formula",
                                [results.cell(k, key) for key in results.rows])
        checks += _all_formulas(f"Option {k + 1}: its calculation sheets' present values are still formulas",
                                [c.cell(key) for c in calcs[k] for key, _flow, _factor in PV_FLOWS])
        mine = {(party, key): ref for (option, party, key), ref in parties.items() if option == k}
        if mine:
            nets = "+".join(ref for (_party, key), ref in mine.items() if key == "net")
            pays = "+".join(ref for (_party, key), ref in mine.items() if key == "pays")
            social_cost = fx.social_cost(results.cell(k, "pv_cost"), results.cell(k, "pv_volunteer"))
            checks.append((f"Option {k + 1}: By party's net positions add up to net social value on Results",
                           f"AND({_close(nets, results.cell(k, 'npv_social'))},{_close(pays, social_cost)})",
                           "A By party or Results cell was typed over: export the workbook again from RtV Desktop."))
            checks += _all_formulas(f"Option {k + 1}: every figure on By party is still a formula", list(mine.values()))
    if totals.last >= totals.first:
        checks += _all_formulas("Intervention totals: every present value and option number is still a formula",
                                [ref for key, _flow, _factor in PV_FLOWS for ref in totals.cells(totals.columns[key])]
                                + totals.cells(OPTION_COLUMN))
    if results.columns and results.rows:
        block = sheet_ref(RESULTS, f"{results.columns[0]}{min(results.rows.values())}:"
                                   f"{results.columns[-1]}{max(results.rows.values())}")
        checks.append(("No figure on Results is an error (#NAME?, #REF!, #DIV/0!, #VALUE!)",
                       f"SUMPRODUCT(ISERROR({block})*1)=0",
                       "A name, sheet or row the formulas use was deleted or renamed: export the workbook again "
                       "from RtV Desktop."))
        checks += _all_formulas("The preferred option is still worked out by a formula", ["preferred"])
    return checks


def status_formula(condition: str) -> str:
    """OK when ``condition`` holds; CHECK when it fails or is itself an error (a deleted name, ``#REF!``)."""
    return f'=IFERROR(IF({condition},"OK","CHECK"),"CHECK")'


def cover_status(status: str) -> str:
    """The Cover's summary of the status cells: how many fail; itself never an error.

    Anything but OK counts as failing, so a status cell typed over or cleared is counted too.
    """
    failing = f'(ROWS({status})-COUNTIF({status},"OK"))'
    return (f'=IFERROR(IF({failing}=0,"All "&ROWS({status})&" checks pass",'
            f'{failing}&IF({failing}=1," check fails"," checks fail")&": see the Checks sheet"),'
            '"The checks cannot be counted: see the Checks sheet")')


def write_checks(wb, doc: Document, where: InputMap, calcs, totals: TotalsLayout, results: ResultsLayout,
                 parties: dict) -> str:
    """The Checks sheet; returns the range of status cells (for the cover's summary)."""
    ws = wb.create_sheet(CHECKS)
    st.title(ws, "Checks", "Live checks of the inputs and the totals: each says OK or CHECK, and what to do.")
    st.header_row(ws, FIRST_ROW - 1, ("Check", "Status", "What to do if it says CHECK"))
    checks = (_frame_checks(Area, "area", "Area") + fx.area_checks() + _frame_checks(Settings, "settings", "Settings")
              + _document_checks(doc, where) + _sheet_checks(where, totals)
              + _reconcile_checks(doc, where, calcs, totals, results, parties))
    for offset, (label, condition, action) in enumerate(checks):
        r = FIRST_ROW + offset
        write_text(ws.cell(r, 1), label)
        st.wrap(ws.cell(r, 1), 70)
        st.as_calc(ws.cell(r, 2, status_formula(condition)), "@", bold=True)
        st.wrap(ws.cell(r, 3, action), 80)
    status = f"B{FIRST_ROW}:B{FIRST_ROW + len(checks) - 1}"
    ws.conditional_formatting.add(status, CellIsRule(operator="equal", formula=['"CHECK"'],
                                                     fill=PatternFill("solid", fgColor="F8CBAD"),
                                                     font=Font(bold=True, color="9C0006")))
    st.widths(ws, {"A": 70, "B": 10, "C": 80})
    st.print_layout(ws, landscape=True, title_rows=f"{FIRST_ROW - 1}:{FIRST_ROW - 1}")
    st.protect(ws)
    return sheet_ref(CHECKS, status)
