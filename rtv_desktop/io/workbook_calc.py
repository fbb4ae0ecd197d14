"""One calculation sheet per intervention: MODEL.md section 3 as live Excel formulas.

Years run across ten columns (C..L, years 0..9); years at or beyond
``settings_horizon_years`` evaluate to 0, so editing the horizon in Excel works. Every
row says what it is and which equation it follows, so an analyst can audit it cell by cell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ..core import Scenario
from . import workbook_styles as st
from .workbook_inputs import InputMap
from .workbook_layout import (
    BASELINE, DECIMAL, INTERVENTIONS, MONEY, PERCENT, PERCENT_FINE, PERSONS, SERVICES, WHOLE, YEAR_COLUMNS,
    calc_sheet_name, sheet_ref,
)

FIRST_YEAR_COLUMN = 3  # C
YEAR_LETTERS = [get_column_letter(FIRST_YEAR_COLUMN + t) for t in range(YEAR_COLUMNS)]
FIRST, LAST = YEAR_LETTERS[0], YEAR_LETTERS[-1]

# Per-intervention result rows (label, key, number format), in the order they are written.
SUMMARY_ROWS = (
    ("Present value of cost", "pv_cost", MONEY),
    ("Present value of NHS savings", "pv_saving", MONEY),
    ("Present value of cashable savings", "pv_cashable", MONEY),
    ("Present value of wellbeing (WELLBY)", "pv_wellbeing", MONEY),
    ("Present value of volunteer time", "pv_volunteer", MONEY),
    ("Present value of social value", "pv_social", MONEY),
    ("Net present value, fiscal", "npv_fiscal", MONEY),
    ("Net present value, cashable", "npv_cashable", MONEY),
    ("Net present value, social", "npv_social", MONEY),
    ("Benefit-cost ratio, fiscal", "bcr_fiscal", DECIMAL),
    ("Benefit-cost ratio, social", "bcr_social", DECIMAL),
    ("Return on investment, fiscal", "roi_fiscal", DECIMAL),
    ("Break-even multiplier", "break_even_multiplier", DECIMAL),
    ("Starters over the horizon", "starters", PERSONS),
    ("Completers over the horizon", "completers", PERSONS),
    ("Total cost over the horizon (undiscounted)", "total_cost", MONEY),
)
# Yearly rows the Results sheet adds up across interventions.
YEARLY_KEYS = ("cost", "saving", "cashable", "wellbeing", "volunteer")


@dataclass
class CalcSheet:
    """Where one calculation sheet put its figures: summary cells and yearly rows."""

    name: str
    summary: dict[str, str] = field(default_factory=dict)  # key -> "$B$60"
    yearly_rows: dict[str, int] = field(default_factory=dict)  # key -> row number


class _Writer:
    """Appends labelled rows to one calculation sheet."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.row = 4
        self.rows: dict[str, int] = {}

    def section(self, text: str) -> None:
        self.row += 1
        self.ws.cell(self.row, 1, text).font = st.BOLD
        self.row += 1

    def value(self, key: str, label: str, formula: str, fmt: str, unit: str = "", note: str = "") -> str:
        """A single-value row: label in A, formula in B; returns ``$B$row``."""
        r = self.row
        self.ws.cell(r, 1, label)
        st.as_calc(self.ws.cell(r, 2, formula), fmt)
        self.ws.cell(r, 3, unit)
        if note:
            self.ws.cell(r, 4, note)
        self.rows[key] = r
        self.row += 1
        return f"$B${r}"

    def yearly(self, key: str, label: str, formula, fmt: str, unit: str = "", bold: bool = False) -> int:
        """A row across the year columns; ``formula(letter)`` gives each cell's formula."""
        r = self.row
        self.ws.cell(r, 1, label).font = st.BOLD if bold else st.Font()
        self.ws.cell(r, 2, unit)
        for letter in YEAR_LETTERS:
            st.as_calc(self.ws[f"{letter}{r}"], fmt, bold)
            self.ws[f"{letter}{r}"] = formula(letter)
        self.rows[key] = r
        self.row += 1
        return r


def _inputs(w: _Writer, where: InputMap, i: int) -> dict[str, str]:
    """The intervention's inputs pulled from its Interventions row; returns cell refs."""
    row = where.intervention_rows[i]

    def iv(key: str) -> str:
        return "=" + sheet_ref(INTERVENTIONS, f"{where.intervention_columns[key]}{row}")

    ref = {}
    w.section("Inputs of this intervention (from the Interventions sheet)")
    ref["group"] = w.value("group", "Target group", iv("target_group"), "@", "group id")
    ref["custom"] = w.value("custom", "Custom group size", iv("custom_size"), PERSONS, "persons")
    ref["E"] = w.value("E", "Eligible persons E", f'=IF({ref["group"]}="custom",{ref["custom"]},'
                       f'INDEX(group_sizes,MATCH({ref["group"]},group_ids,0)))', PERSONS, "persons",
                       "size of the target group (Area sheet), or the custom size")
    for key, label, fmt, unit in (
        ("reach", "Reach", PERCENT_FINE, "share of group a year"), ("completion", "Completion", PERCENT, "of starters"),
        ("cost_per_starter", "Cost per starter", MONEY, "£"), ("fixed_cost", "Fixed cost", MONEY, "£ a year"),
        ("setup_cost", "Set-up cost", MONEY, "£ in year 0"), ("effect_years", "Years the effect lasts D", WHOLE,
                                                              "years"),
        ("drop_off", "Drop-off d", PERCENT, "share lost a year"), ("deadweight", "Deadweight w", PERCENT, "fraction"),
        ("attribution", "Attribution a", PERCENT, "fraction"), ("evidence_grade", "Evidence grade", WHOLE, "1 to 6"),
        ("wellbeing_gain", "Wellbeing gain", DECIMAL, "points per completer a year"),
        ("volunteer_hours", "Volunteer hours", DECIMAL, "hours per starter"),
    ):
        ref[key] = w.value(key, label, iv(key), fmt, unit)
    ref["ob"] = w.value("ob", "Optimism bias ob(grade)", f"=INDEX(settings_optimism_bias,{ref['evidence_grade']})",
                        PERCENT, "fraction", "Settings sheet, by evidence grade")
    ref["R"] = w.value("R", "Starters a year R", f"={ref['E']}*{ref['reach']}", PERSONS, "persons", "R = E x reach")
    ref["C"] = w.value("C", "Completers per cohort C", f"={ref['R']}*{ref['completion']}", PERSONS, "persons",
                       "C = R x completion")
    ref["A"] = w.value("A", "Additionality A", f"=(1-{ref['deadweight']})*{ref['attribution']}*(1-{ref['ob']})",
                       "0.0000", "fraction", "A = (1 - w) x a x (1 - ob)")
    return ref


def _services(w: _Writer, s: Scenario, where: InputMap, i: int, ref: dict) -> list[int]:
    """Per-service inputs: baseline use for the group, effect, unit cost, cashable share."""
    w.section("Services (baseline use of the target group, effect, unit cost)")
    st.header_row(w.ws, w.row, ("Service", "Baseline use u", "Effect", "Unit cost £", "Cashable share"))
    w.row += 1
    rows = []
    group_ids = sheet_ref(BASELINE, f"{where.baseline_columns['group']}{where.baseline_rows[0]}:"
                                    f"{where.baseline_columns['group']}{where.baseline_rows[1]}")
    iv_row = where.intervention_rows[i]
    for j, svc in enumerate(s.services):
        r, srow = w.row, where.service_rows[j]
        col = where.baseline_columns[svc.id]
        use = sheet_ref(BASELINE, f"{col}{where.baseline_rows[0]}:{col}{where.baseline_rows[1]}")
        cells = (
            "=" + sheet_ref(SERVICES, f"{where.service_columns['name']}{srow}"),
            f"=INDEX({use},MATCH({ref['group']},{group_ids},0))",
            "=" + sheet_ref(INTERVENTIONS, f"{where.intervention_columns['effect_' + svc.id]}{iv_row}"),
            "=" + sheet_ref(SERVICES, f"{where.service_columns['unit_cost']}{srow}"),
            "=" + sheet_ref(SERVICES, f"{where.service_columns['cashable_share']}{srow}"),
        )
        for k, (formula, fmt) in enumerate(zip(cells, ("@", DECIMAL, PERCENT, MONEY, PERCENT))):
            st.as_calc(w.ws.cell(r, 1 + k, formula), fmt)
        rows.append(r)
        w.row += 1
    return rows


def _years(w: _Writer, s: Scenario, ref: dict, service_rows: list[int]) -> None:
    """The yearly rows: persistence, K, avoided contacts, savings, cost, wellbeing, volunteers."""
    w.section("Years (columns beyond the horizon are 0)")
    yr = w.yearly("year", "Year t", lambda c: YEAR_LETTERS.index(c), WHOLE, "", True)
    on = w.yearly("on", "In the horizon (1 = yes)", lambda c: f"=IF({c}${yr}<settings_horizon_years,1,0)", WHOLE)
    pi = w.yearly("pi", "Persistence (1-d)^y for y < D", lambda c: f"=IF({c}${yr}<{ref['effect_years']},"
                  f"(1-{ref['drop_off']})^{c}${yr},0)", "0.0000", "fraction")
    cum = w.yearly("cum", "Cumulative persistence", lambda c: f"=SUM(${FIRST}${pi}:{c}${pi})", "0.0000")
    k = w.yearly("K", "Effect-weighted completers K", lambda c: f"={ref['C']}*{c}${cum}*{c}${on}", PERSONS,
                 "persons")
    avoided, saving = [], []
    for j, svc in enumerate(s.services):
        u, e = f"$B${service_rows[j]}", f"$C${service_rows[j]}"
        avoided.append(w.yearly(f"avoided_{j}", f"Contacts avoided: {svc.id}",
                                lambda c, u=u, e=e: f"={c}${k}*{u}*{e}*{ref['A']}", DECIMAL, "contacts"))
    for j, svc in enumerate(s.services):
        saving.append(w.yearly(f"saving_{j}", f"Saving: {svc.id}",
                               lambda c, r=avoided[j], j=j: f"={c}${r}*$D${service_rows[j]}", MONEY, "£"))
    if saving:
        span = (saving[0], saving[-1], service_rows[0], service_rows[-1])
        total = lambda c: f"=SUM({c}${span[0]}:{c}${span[1]})"  # noqa: E731
        cash = lambda c: f"=SUMPRODUCT({c}${span[0]}:{c}${span[1]},$E${span[2]}:$E${span[3]})"  # noqa: E731
    else:
        total = cash = lambda c: "=0"  # noqa: E731
    w.yearly("saving", "NHS saving, all services", total, MONEY, "£", True)
    w.yearly("cashable", "Cashable saving", cash, MONEY, "£", True)
    w.yearly("cost", "Cost", lambda c: f"={c}${on}*({ref['R']}*{ref['cost_per_starter']}+{ref['fixed_cost']}"
             f"+IF({c}${yr}=0,{ref['setup_cost']},0))", MONEY, "£", True)
    w.yearly("wellbeing", "Wellbeing value", lambda c: f"={c}${k}*{ref['wellbeing_gain']}*{ref['A']}"
             "*settings_wellby_value", MONEY, "£", True)
    w.yearly("volunteer", "Volunteer time", lambda c: f"={c}${on}*{ref['R']}*{ref['volunteer_hours']}"
             "*settings_volunteer_hour_value", MONEY, "£", True)
    w.yearly("df", "Discount factor (1+r)^-t", lambda c: f"={c}${on}*(1+settings_discount_rate)^(-{c}${yr})",
             "0.0000")
    w.yearly("dfh", "Health discount factor (1+rh)^-t",
             lambda c: f"={c}${on}*(1+settings_health_discount_rate)^(-{c}${yr})", "0.0000")


def _summary(w: _Writer, ref: dict) -> dict[str, str]:
    """Present values, nets and ratios of this intervention."""
    rows = w.rows

    def pv(key: str, factor: str) -> str:
        return f"=SUMPRODUCT({FIRST}{rows[key]}:{LAST}{rows[key]},{FIRST}{rows[factor]}:{LAST}{rows[factor]})"

    w.section("Results of this intervention")
    out: dict[str, str] = {}
    formulas = {
        "pv_cost": pv("cost", "df"), "pv_saving": pv("saving", "df"), "pv_cashable": pv("cashable", "df"),
        "pv_wellbeing": pv("wellbeing", "dfh"), "pv_volunteer": pv("volunteer", "df"),
    }
    for label, key, fmt in SUMMARY_ROWS:
        if key in formulas:
            formula = formulas[key]
        else:
            formula = _derived(key, out, ref, rows["cost"])
        out[key] = w.value(key, label, formula, fmt)
    return out


def _derived(key: str, out: dict[str, str], ref: dict, cost_row: int) -> str:
    """Nets, ratios (blank for a zero denominator) and totals from earlier rows."""
    cost = out.get("pv_cost")
    formulas = {
        "pv_social": f"={out.get('pv_saving')}+{out.get('pv_wellbeing')}+{out.get('pv_volunteer')}",
        "npv_fiscal": f"={out.get('pv_saving')}-{cost}",
        "npv_cashable": f"={out.get('pv_cashable')}-{cost}",
        "npv_social": f"={out.get('pv_social')}-{cost}",
        "bcr_fiscal": f'=IF({cost}=0,"",{out.get("pv_saving")}/{cost})',
        "bcr_social": f'=IF({cost}=0,"",{out.get("pv_social")}/{cost})',
        "roi_fiscal": f'=IF({cost}=0,"",{out.get("npv_fiscal")}/{cost})',
        "break_even_multiplier": f'=IF({out.get("pv_saving")}=0,"",{cost}/{out.get("pv_saving")})',
        "starters": f"={ref['R']}*settings_horizon_years",
        "completers": f"={ref['C']}*settings_horizon_years",
        "total_cost": f"=SUM({FIRST}{cost_row}:{LAST}{cost_row})",
    }
    return formulas[key]


def write_calc_sheet(wb, s: Scenario, where: InputMap, i: int) -> CalcSheet:
    """The calculation sheet of intervention ``i``."""
    ws = wb.create_sheet(calc_sheet_name(i))
    name_ref = sheet_ref(INTERVENTIONS, f"{where.intervention_columns['name']}{where.intervention_rows[i]}")
    ws["A1"] = f'="Calculation: "&{name_ref}'
    ws["A1"].font = st.TITLE_FONT
    ws["A2"] = "Everything on this sheet is calculated from the input sheets; the labels and notes give each row's equation."
    ws["A2"].font = st.SUBTITLE_FONT
    w = _Writer(ws)
    ref = _inputs(w, where, i)
    service_rows = _services(w, s, where, i, ref)
    _years(w, s, ref, service_rows)
    summary = _summary(w, ref)
    st.widths(ws, {"A": 42, "B": 16, "C": 14, "D": 14, "E": 14, **{c: 13 for c in YEAR_LETTERS[3:]}})
    ws.freeze_panes = "C5"
    st.protect(ws)
    return CalcSheet(ws.title, summary, {key: w.rows[key] for key in YEARLY_KEYS})
