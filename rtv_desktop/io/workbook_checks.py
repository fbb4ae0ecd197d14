"""The Checks sheet: live formulas that say OK or CHECK, and what to do about a CHECK."""

from __future__ import annotations

from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill

from ..core import GROUP_LABELS, GROUPS, Scenario
from . import workbook_styles as st
from .workbook_calc import YEAR_LETTERS
from .workbook_inputs import InputMap
from .workbook_layout import BASELINE, CHECKS, INTERVENTIONS, RESULTS, SERVICES, sheet_ref

FIRST_ROW = 5
FRACTION_COLUMNS = ("reach", "completion", "drop_off", "deadweight")
UNCERTAIN_COLUMNS = ("reach", "completion", "cost_per_starter", "drop_off", "deadweight", "wellbeing_gain")


def _column(where: InputMap, sheet: str, key: str) -> str:
    """A whole data column of an input table, e.g. ``Interventions!$F$6:$F$11``."""
    if sheet == SERVICES:
        letter, rows = where.service_columns[key], where.service_rows
    else:
        letter, rows = where.intervention_columns[key], where.intervention_rows
    return sheet_ref(sheet, f"{letter}{rows[0]}:{letter}{rows[-1]}")


def _ordered(where: InputMap, sheet: str, key: str) -> str:
    low, mid, high = (_column(where, sheet, k) for k in (f"{key}_low", key, f"{key}_high"))
    return f"SUMPRODUCT(({low}>{mid})+({mid}>{high}))"


def _in_range(ranges, low: float, high: float) -> str:
    return "AND(" + ",".join(f"MIN({r})>={low},MAX({r})<={high}" for r in ranges) + ")"


def _input_checks(s: Scenario, where: InputMap) -> list[tuple[str, str, str]]:
    shares = ("area_adult_share", "area_over65_share", "area_ltc_share", "area_multimorbid_share")
    checks = [
        ("Population is 0 or more", "area_population>=0", "Type the population as a number of persons."),
        ("Area shares are fractions between 0 and 1", _in_range(shares, 0, 1),
         "Enter shares as decimals, e.g. 0.792 for 79.2%."),
        ("Share aged 65+ is no more than the share aged 18+", "area_over65_share<=area_adult_share",
         "Everyone aged 65+ is an adult: lower the 65+ share or raise the 18+ share."),
        ("Share with 2+ LTCs is no more than the share with an LTC", "area_multimorbid_share<=area_ltc_share",
         "People with 2+ long-term conditions have at least one: fix the Area sheet."),
        ("Horizon is a whole number of years from 1 to 10",
         "AND(settings_horizon_years>=1,settings_horizon_years<=10,settings_horizon_years=INT(settings_horizon_years))",
         "Type a whole number from 1 to 10 on the Settings sheet."),
        ("Discount rates are between 0 and 50%", _in_range(("settings_discount_rate",
                                                            "settings_health_discount_rate"), 0, 0.5),
         "Green Book rates are 0.035 (costs) and 0.015 (health)."),
        ("WELLBY value: low <= central <= high",
         "AND(settings_wellby_value_low<=settings_wellby_value,settings_wellby_value<=settings_wellby_value_high)",
         "Reorder the three WELLBY values on the Settings sheet."),
        ("Optimism bias haircuts are fractions", _in_range(("settings_optimism_bias",), 0, 1),
         "Enter each grade's haircut as a decimal, e.g. 0.15."),
    ]
    if where.service_rows:
        grid = where.baseline_columns
        first, last = s.services[0].id, s.services[-1].id
        use = sheet_ref(BASELINE, f"{grid[first]}{where.baseline_rows[0]}:{grid[last]}{where.baseline_rows[1]}")
        checks += [
            ("Unit costs: low <= central <= high", f"{_ordered(where, SERVICES, 'unit_cost')}=0",
             "On the Services sheet, make each low no more than central and central no more than high."),
            ("Unit costs are 0 or more", f"MIN({_column(where, SERVICES, 'unit_cost_low')})>=0",
             "Unit costs are £ per contact: enter positive amounts."),
            ("Cashable shares are fractions", _in_range((_column(where, SERVICES, "cashable_share"),), 0, 1),
             "Enter the cash-releasing share as a decimal, e.g. 0.25."),
            ("Baseline use is 0 or more", f"MIN({use})>=0", "Baseline use counts contacts a year: enter 0 or more."),
        ]
    return checks


def _intervention_checks(s: Scenario, where: InputMap) -> list[tuple[str, str, str]]:
    if not where.intervention_rows:
        return []
    col = lambda key: _column(where, INTERVENTIONS, key)  # noqa: E731
    fractions = [col(f"{k}{end}") for k in FRACTION_COLUMNS for end in ("_low", "", "_high")] + [col("attribution")]
    ordered = "+".join(_ordered(where, INTERVENTIONS, k) for k in UNCERTAIN_COLUMNS)
    effects = "+".join(_ordered(where, INTERVENTIONS, f"effect_{sid}") for sid in s.service_ids) or "0"
    checks = [
        ("Intervention fractions (reach, completion, drop-off, deadweight, attribution) are between 0 and 1",
         _in_range(fractions, 0, 1), "Enter shares as decimals on the Interventions sheet, e.g. 0.05 for 5%."),
        ("Intervention ranges: low <= central <= high", f"{ordered}=0",
         "On the Interventions sheet, make each low no more than central and central no more than high."),
        ("Effect ranges: low <= central <= high", f"{effects}=0",
         "Reorder the effect columns (low, central, high) of the intervention concerned."),
        ("Costs are 0 or more", _in_range((col("cost_per_starter_low"), col("fixed_cost"), col("setup_cost")), 0,
                                          1e15), "Enter costs as positive £ amounts."),
        ("Evidence grades are 1 to 6 and effect years 1 to 10",
         f"AND({_in_range((col('evidence_grade'),), 1, 6)},{_in_range((col('effect_years'),), 1, 10)})",
         "Pick a grade from the list; effect years count the start year."),
    ]
    for group in GROUPS[:-1]:
        share = f"SUMPRODUCT(({col('target_group')}=\"{group}\")*{col('reach')})*settings_horizon_years"
        checks.append((f"Reach within the group over the horizon: {GROUP_LABELS[group]}", f"{share}<=1",
                       "Interventions recruiting this group would start more than everyone eligible: lower reach."))
    return checks


def _reconcile_checks(layout: dict) -> list[tuple[str, str, str]]:
    rows = layout["yearly"]
    first, last = YEAR_LETTERS[0], YEAR_LETTERS[-1]

    def span(key: str) -> str:
        return sheet_ref(RESULTS, f"{first}{rows[key]}:{last}{rows[key]}")

    checks = []
    for key, flow, factor in (("pv_cost", "cost", "df"), ("pv_saving", "saving", "df"),
                              ("pv_cashable", "cashable", "df"), ("pv_wellbeing", "wellbeing", "dfh"),
                              ("pv_volunteer", "volunteer", "df")):
        total = f"SUMPRODUCT({span(flow)},{span(factor)})"
        checks.append((f"Totals reconcile: {key} by intervention = {key} by year",
                       f"ABS({total}-{key})<=1E-6*MAX(1,ABS({key}))",
                       "A calculation sheet or a Results row was edited: export the workbook again from RtV Desktop."))
    checks.append(("Social value = savings + wellbeing + volunteer time",
                   "ABS(pv_social-(pv_saving+pv_wellbeing+pv_volunteer))<=1E-6*MAX(1,ABS(pv_social))",
                   "A formula was overwritten: export the workbook again from RtV Desktop."))
    return checks


def write_checks(wb, s: Scenario, where: InputMap, layout: dict) -> str:
    """The Checks sheet; returns the range of status cells (for the cover's summary)."""
    ws = wb.create_sheet(CHECKS)
    st.title(ws, "Checks", "Live checks of the inputs and the totals: each says OK or CHECK, and what to do.")
    st.header_row(ws, FIRST_ROW - 1, ("Check", "Status", "What to do if it says CHECK"))
    checks = _input_checks(s, where) + _intervention_checks(s, where) + _reconcile_checks(layout)
    for offset, (label, condition, action) in enumerate(checks):
        r = FIRST_ROW + offset
        st.wrap(ws.cell(r, 1, label), 70)
        st.as_calc(ws.cell(r, 2, f'=IF({condition},"OK","CHECK")'), "@", bold=True)
        st.wrap(ws.cell(r, 3, action), 90)
    status = f"B{FIRST_ROW}:B{FIRST_ROW + len(checks) - 1}"
    ws.conditional_formatting.add(status, CellIsRule(operator="equal", formula=['"CHECK"'],
                                                     fill=PatternFill("solid", fgColor="F8CBAD"),
                                                     font=Font(bold=True, color="9C0006")))
    st.widths(ws, {"A": 70, "B": 10, "C": 90})
    st.protect(ws)
    return sheet_ref(CHECKS, status)
