"""MODEL.md's equations as Excel formulas: the one workbook module that names model fields.

Everything else in the workbook is laid out from the declarations; only the formulas that
compute with a field name it, here, in the words of MODEL.md sections 3 and 8-9 (the
engine's docstrings are the contract). Each row is a label, a formula builder, a number
format and a note of its equation; :mod:`.workbook_calc` lays the rows out on each
calculation sheet and the Results, Comparison and By party sheets use the option-level
helpers at the end.

Cell references: ``ref[key]`` is the absolute cell (``$B$12``) of a one-value row, keyed by
the input's path inside the intervention (``reach``, ``funding.nhs``) or by the row's key
(``E``, ``R``, ``A``); ``row[key]`` is the row number of a yearly row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from ...core import FUNDERS, GROUP_LABELS, GROUPS, PARTY_LABELS
from ...core.model import DEADWEIGHT_DESIGNS
from ...core.outputs import NPV_CASHABLE, NPV_FISCAL, NPV_SOCIAL
from ...core.outputs import label as figure_label
from ...core.params import GRADE_WEAK
from .layout import (
    BASELINE,
    DECIMAL,
    MONEY,
    PERCENT,
    PERSONS,
    QALYS,
    SERVICES,
    WHOLE,
    sheet_ref,
)

SETTING = "settings_{}"  # defined names of the settings cells
IV_ROW = "interventions_row"  # key of a calculation sheet's cell: its row's position in the Interventions table
OPTION_NUMBER = "option_number"  # ... and the option number that row holds now
VOLUNTEER_TIME = "settings_volunteer_time"


@dataclass(frozen=True)
class Row:
    """One calculated row: ``formula(ctx)`` (one value) or ``formula(ctx, column)`` (a year)."""

    key: str
    label: str
    formula: Callable
    fmt: str
    unit: str = ""
    note: str = ""
    bold: bool = False


@dataclass
class Context:
    """Where a calculation sheet's rows are, as the formulas refer to them."""

    ref: dict[str, str] = field(default_factory=dict)
    row: dict[str, int] = field(default_factory=dict)
    services: list[int] = field(default_factory=list)  # rows of the services block
    first: str = "C"
    last: str = "L"

    def span(self, key: str) -> str:
        return f"${self.first}${self.row[key]}:${self.last}${self.row[key]}"

    def column(self, letter: str) -> str:
        """A column of the services block, e.g. the unit costs ``$D$20:$D$24``."""
        return f"${letter}${self.services[0]}:${letter}${self.services[-1]}"


# -- the area ---------------------------------------------------------------------------------
def group_sizes() -> list[tuple[str, str, str, str]]:
    """``(group, label, formula, equation in words)`` of each derived target group (Area sheet)."""
    adults = "area_population*area_adult_share"
    return [
        ("all_adults", GROUP_LABELS["all_adults"], f"={adults}", "population x share aged 18+"),
        ("adults_ltc", GROUP_LABELS["adults_ltc"], f"={adults}*area_ltc_share", "adults x LTC share"),
        ("adults_multimorbid", GROUP_LABELS["adults_multimorbid"], f"={adults}*area_multimorbid_share",
         "adults x 2+ LTC share"),
        ("older_people", GROUP_LABELS["older_people"], "=area_population*area_over65_share",
         "population x share aged 65+"),
    ]


# -- one intervention: derived values ---------------------------------------------------------
def derived_rows() -> list[Row]:
    """Values worked out from the intervention's inputs (pulled from the Interventions sheet above)."""
    return [
        Row("E", "Eligible persons E", lambda r: f'=IF({r["target_group"]}="custom",{r["custom_size"]},'
            f'INDEX(group_sizes,MATCH({r["target_group"]},group_ids,0)))', PERSONS, "persons",
            "size of the target group (Area sheet), or the custom size"),
        *_outcome_rows("e", "effects on use", "effect_design", "evidence_grade"),
        *_outcome_rows("w", "wellbeing gain", "wellbeing_design", "wellbeing_grade", "wellbeing_gain"),
        *_outcome_rows("q", "QALY gain", "qaly_design", "qaly_grade", "qaly_gain"),
        Row("uplift", "Cost uplift 1 + ob(cost grade)", lambda r: f"=1+INDEX(settings_optimism_bias,{r['cost_grade']})",
            "0.0000", "times", "every cost is raised by the optimism bias of its cost confidence grade"),
        Row("R", "Starters a year R", lambda r: f"={r['E']}*{r['reach']}", PERSONS, "persons", "R = E x reach"),
        Row("C", "Completers per cohort C", lambda r: f"={r['R']}*{r['completion']}", PERSONS, "persons",
            "C = R x completion"),
        Row("weak_e", "Weak evidence on use (grade 4 to 6: 1 = yes)",
            lambda r: f"=IF({r['evidence_grade']}>={GRADE_WEAK},1,0)", WHOLE, "",
            "savings and volunteer time count as weak evidence by this grade"),
        Row("weak_w", "Weak evidence on wellbeing (grade 4 to 6: 1 = yes)",
            lambda r: f"=IF({r['wellbeing_grade']}>={GRADE_WEAK},1,0)", WHOLE, "",
            "wellbeing value counts as weak evidence by this grade"),
    ]


def optimism_factor(value: str, ob: str) -> str:
    """``m(x, g)``: 1 - ob on a benefit, 1 + ob on a harm, so a harm is never shrunk (MODEL.md 10b)."""
    return f"IF({value}>=0,1-{ob},1+{ob})"


def _outcome_rows(tag: str, words: str, design: str, grade: str, value: str = "") -> list[Row]:
    """The optimism bias of an outcome's grade and its additionality (MODEL.md 10a-b): deadweight
    only where its design had no comparison group. The effects on use carry their own sign, so
    their optimism factor is applied per service (the contacts avoided rows)."""
    no_comparison = " or ".join(f'"{d}"' for d in DEADWEIGHT_DESIGNS)
    keep = (lambda r: f"(1-{r['deadweight']}*IF(OR("
            + ",".join(f'{r[design]}="{d}"' for d in DEADWEIGHT_DESIGNS) + "),1,0))")
    rows = [Row(f"ob_{tag}", f"Optimism bias on the {words} ob(grade)",
                lambda r: f"=INDEX(settings_optimism_bias,{r[grade]})", PERCENT, "fraction",
                "Settings sheet, by this outcome's grade")]
    if value:
        rows.append(Row(f"A{tag}", f"Additionality of the {words}",
                        lambda r: f"={keep(r)}*{r['attribution']}*{optimism_factor(r[value], r[f'ob_{tag}'])}",
                        "0.0000", "fraction",
                        f"(1 - deadweight if the design is {no_comparison}) x attribution x (1 - ob, or 1 + ob "
                        "for a loss)"))
    else:
        rows.append(Row(f"A{tag}", f"Additionality of the {words}, before optimism bias",
                        lambda r: f"={keep(r)}*{r['attribution']}", "0.0000", "fraction",
                        f"(1 - deadweight if the design is {no_comparison}) x attribution; each effect then x "
                        "(1 - ob), or (1 + ob) for a rise in use"))
    return rows


def service_cells(where, service_row: int, service_id: str, ref: dict) -> list[tuple[str, str]]:
    """One service's row of the services block: ``(formula, format)`` for name, baseline use of
    the target group, effect, unit cost, cashable share and the organisation that bears its cost.

    The effect comes from the intervention's row wherever it is now (``ref[IV_ROW]``, found by its key)."""
    base = where.baseline_rows
    groups = sheet_ref(BASELINE, f"{where.baseline_columns['group']}{base[0]}:{where.baseline_columns['group']}{base[1]}")
    col = where.baseline_columns[service_id.lower()]
    use = sheet_ref(BASELINE, f"{col}{base[0]}:{col}{base[1]}")

    def svc(key: str) -> str:
        return "=" + sheet_ref(SERVICES, f"{where.service_columns[key]}{service_row}")

    return [
        (svc("name"), "@"),
        (f"=INDEX({use},MATCH({ref['target_group']},{groups},0))", DECIMAL),
        (f"=INDEX({where.intervention_column('effect_' + service_id)},{ref[IV_ROW]})", PERCENT),
        (svc("unit_cost"), "£#,##0.00"),
        (svc("cashable_share"), PERCENT),
        (svc("party"), "@"),
    ]


SERVICE_HEADERS = ("Service", "Baseline use u", "Effect", "Unit cost £", "Cashable share", "Organisation")


# -- one intervention: years ------------------------------------------------------------------
def in_horizon(year: str) -> str:
    return f"IF({year}<settings_horizon_years,1,0)"


def discount(year: str, rate: str) -> str:
    """Discount factor of a year within the horizon (0 beyond it): ``(1 + rate)^-t``."""
    return f"{in_horizon(year)}*(1+{SETTING.format(rate)})^(-{year})"


def financial_year(year: str) -> str:
    """The financial year of year ``year`` (0 = the Settings' first delivery year, "2027/28"), live;
    blank while the first delivery year is not written YYYY/YY."""
    first = f"(VALUE(LEFT(settings_start_year,4))+{year})"
    return f'=IFERROR({first}&"/"&RIGHT(100+MOD({first}+1,100),2),"")'


DISCOUNT_RATES = {"df": "discount_rate", "dfh": "health_discount_rate", "dfq": "qaly_discount_rate"}


def yearly_rows(service_ids: tuple[str, ...]) -> list[Row]:
    """Rows across the year columns, in order; beyond the horizon every flow is 0."""
    yr = lambda x, c: f"{c}${x.row['year']}"  # noqa: E731
    on = lambda x, c: f"{c}${x.row['on']}"  # noqa: E731
    k = lambda x, c: f"{c}${x.row['K']}"  # noqa: E731
    r = [Row("on", "In the horizon (1 = yes)", lambda x, c: "=" + in_horizon(yr(x, c)), WHOLE),
         Row("pi", "Persistence (1-d)^y for y < D", lambda x, c: f"=IF({yr(x, c)}<{x.ref['effect_years']},"
             f"(1-{x.ref['drop_off']})^{yr(x, c)},0)", "0.0000", "fraction"),
         Row("cum", "Cumulative persistence", lambda x, c: f"=SUM(${x.first}${x.row['pi']}:{c}${x.row['pi']})",
             "0.0000"),
         Row("K", "Effect-weighted completers K", lambda x, c: f"={x.ref['C']}*{c}${x.row['cum']}*{on(x, c)}",
             PERSONS, "persons")]
    for j, sid in enumerate(service_ids):
        r.append(Row(f"avoided_{j}", f"Contacts avoided: {sid}",
                     lambda x, c, j=j: f"={k(x, c)}*$B${x.services[j]}*$C${x.services[j]}*{x.ref['Ae']}"
                     f"*{optimism_factor(f'$C${x.services[j]}', x.ref['ob_e'])}", DECIMAL, "contacts"))
    for j, sid in enumerate(service_ids):
        r.append(Row(f"saving_{j}", f"Saving: {sid}", lambda x, c, j=j: f"={c}${x.row[f'avoided_{j}']}"
                     f"*$D${x.services[j]}", MONEY, "£"))
    savings = (lambda x, c: f"{c}${x.row['saving_0']}:{c}${x.row[f'saving_{len(service_ids) - 1}']}") \
        if service_ids else None
    r += [
        Row("saving", "Saving, all services", lambda x, c: f"=SUM({savings(x, c)})" if savings else "=0", MONEY, "£",
            bold=True),
        Row("cashable", "Cashable saving", lambda x, c: f"=SUMPRODUCT({savings(x, c)},{x.column('E')})"
            if savings else "=0", MONEY, "£", bold=True),
        Row("cost", "Cost (raised by the cost uplift)", lambda x, c: f"={on(x, c)}*({x.ref['R']}*"
            f"{x.ref['cost_per_starter']}+{x.ref['fixed_cost']}+IF({yr(x, c)}=0,{x.ref['setup_cost']},0))"
            f"*{x.ref['uplift']}", MONEY, "£", bold=True),
        Row("wellbeing", "Wellbeing value", lambda x, c: f"={k(x, c)}*{x.ref['wellbeing_gain']}*{x.ref['Aw']}"
            "*settings_wellby_value", MONEY, "£", bold=True),
        Row("qalys", "QALYs gained", lambda x, c: f"={k(x, c)}*{x.ref['qaly_gain']}*{x.ref['Aq']}", QALYS, "QALYs",
            bold=True),
        Row("volunteer", "Volunteer time", lambda x, c: f"={on(x, c)}*{x.ref['R']}*{x.ref['volunteer_hours']}"
            "*settings_volunteer_hour_value", MONEY, "£", bold=True),
        Row("residents", "Value received by residents (wellbeing, and volunteer time when a benefit)",
            lambda x, c: f"={c}${x.row['wellbeing']}+IF({VOLUNTEER_TIME}=\"benefit\",{c}${x.row['volunteer']},0)",
            MONEY, "£"),
        Row("net", "Net fiscal (saving - cost)", lambda x, c: f"={c}${x.row['saving']}-{c}${x.row['cost']}", MONEY, "£"),
    ]
    for party in FUNDERS:
        r.append(Row(f"pays_{party}", f"Paid by {PARTY_LABELS[party]}", lambda x, c, p=party: f"={c}${x.row['cost']}"
                     f"*{x.ref['funding.' + p]}", MONEY, "£"))
    for party in FUNDERS:
        r.append(Row(f"saves_{party}", f"Saved by {PARTY_LABELS[party]}", lambda x, c, p=party: f'=SUMPRODUCT(({x.column("F")}="{p}")'
                     f"*{savings(x, c)})" if savings else "=0", MONEY, "£"))
    for party in FUNDERS:
        r.append(Row(f"cash_{party}", f"Cashable saving of {PARTY_LABELS[party]}", lambda x, c, p=party:
                     f'=SUMPRODUCT(({x.column("F")}="{p}")*{savings(x, c)}*{x.column("E")})' if savings else "=0",
                     MONEY, "£"))
    for key, rate in DISCOUNT_RATES.items():
        r.append(Row(key, f"Discount factor (1 + {rate.replace('_', ' ')})^-t",
                     lambda x, c, rate=rate: "=" + discount(yr(x, c), rate), "0.0000"))
    return r


# -- one intervention: present values and headline figures ------------------------------------
def summary_rows() -> list[Row]:
    """This intervention's present values, nets and ratios (blank for a zero denominator)."""
    def pv(flow: str, factor: str):
        return lambda x: f"=SUMPRODUCT({x.span(flow)},{x.span(factor)})"

    rows = [
        Row("pv_cost", figure_label("pv_cost"), pv("cost", "df"), MONEY),
        Row("pv_saving", figure_label("pv_saving"), pv("saving", "df"), MONEY),
        Row("pv_cashable", figure_label("pv_cashable"), pv("cashable", "df"), MONEY),
        Row("pv_wellbeing", figure_label("pv_wellbeing"), pv("wellbeing", "dfh"), MONEY),
        Row("pv_volunteer", figure_label("pv_volunteer"), pv("volunteer", "df"), MONEY),
        Row("qalys", figure_label("qalys"), pv("qalys", "dfq"), QALYS),
    ]
    rows += [Row(key, figure_label(key), lambda x, f=f, args=args: "=" + f(*(x.ref[a] for a in args)),
                 DECIMAL if key in RATIO_KEYS else MONEY) for key, f, args in OPTION_LEVEL]
    rows += [
        Row("pv_social_weak", figure_label("pv_social_weak"),
            lambda x: f"=({x.ref['pv_social']}-{x.ref['pv_wellbeing']})*{x.ref['weak_e']}"
                      f"+{x.ref['pv_wellbeing']}*{x.ref['weak_w']}", MONEY),
        Row("starters", "Starters over the horizon", lambda x: f"={x.ref['R']}*settings_horizon_years", PERSONS),
        Row("completers", "Completers over the horizon", lambda x: f"={x.ref['C']}*settings_horizon_years", PERSONS),
        Row("total_cost", "Total cost over the horizon (undiscounted)", lambda x: f"=SUM({x.span('cost')})", MONEY),
    ]
    rows += [Row(f"{kind}_{party}", f"{label} {PARTY_LABELS[party]}", pv(f"{kind}_{party}", "df"), MONEY)
             for kind, label in (("pays", "PV paid by"), ("saves", "PV saved by"), ("cash", "PV cashable for"))
             for party in FUNDERS]
    return rows


# -- option level (Results, Comparison) --------------------------------------------------------
def social_value(saving: str, wellbeing: str, volunteer: str) -> str:
    """``PV_social``: savings + wellbeing, + volunteer time when it counts as a benefit (MODEL.md 8c)."""
    return f'{saving}+{wellbeing}+IF({VOLUNTEER_TIME}="benefit",{volunteer},0)'


def social_cost(cost: str, volunteer: str) -> str:
    """The cost social value is set against: + volunteer time when it counts as a cost (MODEL.md 8c)."""
    return f'{cost}+IF({VOLUNTEER_TIME}="cost",{volunteer},0)'


def net_monetary_benefit(qalys: str, net_cost: str) -> str:
    """``nmb = qalys x threshold - net_cost`` (MODEL.md 8a)."""
    return f"{qalys}*settings_qaly_threshold-{net_cost}"


def ratio(numerator: str, denominator: str) -> str:
    """A ratio, blank when its denominator is 0 (the core reports null)."""
    return f'IF({denominator}=0,"",{numerator}/{denominator})'


# Headline figures worked out from the present values above (the same at every level); words
# from rtv_desktop.core.outputs.
OPTION_LEVEL = (
    ("pv_social", social_value, ("pv_saving", "pv_wellbeing", "pv_volunteer")),
    ("social_cost", social_cost, ("pv_cost", "pv_volunteer")),
    (NPV_FISCAL, lambda s, c: f"{s}-{c}", ("pv_saving", "pv_cost")),
    (NPV_CASHABLE, lambda s, c: f"{s}-{c}", ("pv_cashable", "pv_cost")),
    (NPV_SOCIAL, lambda s, c: f"{s}-{c}", ("pv_social", "social_cost")),
    ("bcr_fiscal", ratio, ("pv_saving", "pv_cost")),
    ("bcr_social", ratio, ("pv_social", "social_cost")),
    ("roi_fiscal", ratio, (NPV_FISCAL, "pv_cost")),
    ("break_even_multiplier", lambda c, s: f'IF({s}>0,{c}/{s},"")', ("pv_cost", "pv_saving")),
    ("npv_social_excl_wellbeing", lambda n, w: f"{n}-{w}", (NPV_SOCIAL, "pv_wellbeing")),
    ("switch_wellbeing", lambda n, w: f'IF({w}>0,1-{n}/{w},"")', (NPV_SOCIAL, "pv_wellbeing")),
    ("net_cost", lambda c, s: f"{c}-{s}", ("pv_cost", "pv_saving")),
    ("cost_per_qaly", lambda n, q: f'IF({q}>0,{n}/{q},"")', ("net_cost", "qalys")),
    ("nmb", net_monetary_benefit, ("qalys", "net_cost")),
)
RATIO_KEYS = ("bcr_fiscal", "bcr_social", "roi_fiscal", "break_even_multiplier", "switch_wellbeing")


def stated_basis() -> str:
    """A formula stating the price year and the volunteer-time treatment (shown on every output)."""
    return ('="Money in £ at "&settings_price_year&" prices. Volunteer time counted as "&'
            f'IF({VOLUNTEER_TIME}="benefit","a benefit",IF({VOLUNTEER_TIME}="cost","an in-kind cost","left out"))&"."')


# -- checks that relate fields to each other ---------------------------------------------------
def ends_in_order(low: str, mid: str, high: str) -> str:
    """A condition: low <= central <= high, where a blank low or high is the central value (an exact
    value is written as one cell). The references may be single cells or whole table columns."""
    return f'SUMPRODUCT(({low}<>"")*({low}>{mid})+({high}<>"")*({mid}>{high}))=0'


def area_checks() -> list[tuple[str, str, str]]:
    """``(check, condition, what to do)`` for the area figures that bound each other."""
    return [
        ("Share aged 65+ is no more than the share aged 18+", "area_over65_share<=area_adult_share",
         "Everyone aged 65+ is an adult: lower the 65+ share or raise the 18+ share."),
        ("Share with 2+ long-term conditions is no more than the share with one",
         "area_multimorbid_share<=area_ltc_share", "People with 2+ long-term conditions have at least one."),
    ]


def reach_checks(options: list[str], column) -> list[tuple[str, str, str]]:
    """Per option and target group: reach over the horizon stays within everyone eligible.

    ``column(header)`` is the whole data column of the Interventions table.
    """
    checks = []
    for k, label in enumerate(options):
        for group in GROUPS[:-1]:
            share = (f'SUMPRODUCT(({column("option")}={k + 1})*({column("target_group")}="{group}")'
                     f'*{column("reach")})*settings_horizon_years')
            checks.append((f"Option {k + 1} ({label}): reach over the horizon within {GROUP_LABELS[group]}",
                           f"{share}<=1", "These interventions would start more than everyone eligible: lower reach."))
    return checks
