"""Each result figure declared once: key, label, short label, kind, unit, help.

Inputs carry their declarations as field metadata (:mod:`.declare`); results are dict keys,
so they are declared here instead. The window's cards, the comparison and all-areas tables,
the workbook, the board report and the all-areas export read their words from here, and
the tables below name which figures each shows, so a figure is spelled and worded in one
place.

``help`` may hold ``{years}`` (the horizon, "5 years"), ``{price_year}`` and ``{threshold}``
(the QALY threshold), filled by :func:`caption`.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import text

# The keys code reaches for directly (ranking, sentences, charts): one spelling each.
NPV_FISCAL, NPV_CASHABLE, NPV_SOCIAL = "npv_fiscal", "npv_cashable", "npv_social"
PERCENTILES = ("p5", "p50", "p95")
PERCENTILE_WORDS = {"p5": "5th percentile", "p50": "median", "p95": "95th percentile", "mean": "mean"}


@dataclass(frozen=True)
class Output:
    """The declaration of one result figure.

    Parameters
    ----------
    key : str
        Its key in ``Results.summary``, ``Comparison.increments`` or a simulation summary.
    label : str
        The words on screen and in the workbook ("Net social value").
    short : str
        For cards, narrow columns and chart axes ("Cost" beside "Cost (present value)").
    kind : str
        How it is written: a key of :data:`FORMATS`.
    unit : str
        What the number measures ("£", "£ back per £1"); the workbook's unit column.
    help : str
        One sentence for captions, tooltips and the report's "what it means".
    negative : str
        How a value below zero is said, where the label would mislead ("Extra cost to
        services" for savings below zero); empty when the label serves both signs.
    source : str
        ``summary`` (every run), ``increment`` (against the comparator), ``simulation``, or
        ``working`` (a step the workbook shows on the way to a headline figure).
    """

    key: str
    label: str
    short: str
    kind: str
    unit: str
    help: str = ""
    negative: str = ""
    source: str = "summary"


def _money(key, label, short, help="", negative="", source="summary", unit="£") -> Output:
    return Output(key, label, short, "money", unit, help, negative, source)


SUMMARY = (
    _money("pv_cost", "Cost (present value)", "Cost", "PV of delivery cost, with cost optimism bias"),
    _money("pv_saving", "Savings to services (present value)", "Savings",
           "PV of savings in services (cashable and capacity released)", "Extra cost to services"),
    _money("pv_cashable", "Cashable savings (present value)", "Cashable savings",
           "PV of the savings that release cash", "Extra cash cost to services"),
    _money("pv_wellbeing", "Wellbeing value (present value)", "Wellbeing", "PV of wellbeing gains, valued in WELLBYs"),
    _money("pv_volunteer", "Volunteer time (present value)", "Volunteer time", "PV of volunteer time"),
    _money("pv_social", "Social value (present value)", "Social value",
           "Savings, wellbeing and volunteer time (as set)"),
    _money(NPV_FISCAL, "Net fiscal value", "Net fiscal value",
           "PV of NHS savings minus PV of cost, {years}, {price_year} prices"),
    _money(NPV_CASHABLE, "Net cashable value", "Net cashable value", "PV of cash-releasing savings minus PV of cost"),
    _money(NPV_SOCIAL, "Net social value", "Net social value",
           "PV of savings, wellbeing and volunteering minus PV of cost"),
    Output("bcr_fiscal", "Fiscal return", "Fiscal return", "ratio", "£ back per £1",
           "PV of NHS savings for each £1 spent"),
    Output("bcr_social", "Social return", "Social return", "ratio", "£ back per £1",
           "PV of all value for each £1 spent"),
    Output("roi_fiscal", "Fiscal return on investment", "Fiscal ROI", "roi", "net £ per £1",
           "Net fiscal value for each £1 spent"),
    Output("payback_year", "Payback", "Payback", "payback", "year (0 = first; blank if none in the horizon)",
           "First year cumulative NHS savings cover cumulative cost"),
    Output("break_even_multiplier", "Break-even multiplier on every effect", "Break-even multiplier", "multiplier",
           "times", "How many times every effect must be for NHS savings to equal the cost (none when savings "
           "are at or below zero: no scaling of the effects breaks even)"),
    Output("starters", "People reached", "People reached", "count", "persons", "People who start, over {years}"),
    Output("completers", "Completers", "Completers", "count", "persons", "People who complete, over {years}"),
    _money("total_cost", "Total cost (undiscounted)", "Total cost", "Cost over the horizon, not discounted"),
    _money("cost_per_completer", "Cost per completer", "Cost per completer",
           "Undiscounted cost over the horizon per completer"),
    Output("qalys", "QALYs gained", "QALYs gained", "qalys", "QALYs",
           "Quality-adjusted life years, discounted as NICE does",
           "QALYs lost"),
    _money("net_cost", "Net cost (cost minus savings)", "Net cost", "PV of cost minus PV of savings", "Net saving"),
    Output("cost_per_qaly", "Cost per QALY", "Cost per QALY", "cost_per_qaly", "£ per QALY",
           "Net cost (cost minus savings) per QALY gained"),
    _money("nmb", "Net monetary benefit", "Net monetary benefit", "QALYs valued at {threshold} each, minus net cost"),
    Output("share_social_weak_evidence", "Share of social value on weak evidence", "On weak evidence", "percent",
           "share", "Social value resting on evidence graded 4 to 6 (emerging, weak or untested), each outcome "
           "by its own grade: a wellbeing gain no study measured counts as untested"),
    _money("npv_social_excl_wellbeing", "Net social value without wellbeing", "Without wellbeing",
           "Net social value with no wellbeing value at all: the case on savings and volunteer time alone"),
    Output("switch_wellbeing", "Wellbeing gains needed to break even", "Wellbeing needed", "switch",
           "times the assumed gains",
           "Factor on every wellbeing gain at which net social value is zero (below 1: the gains could be "
           "smaller)"),
)
WORKING = (
    _money("social_cost", "Social cost", "Social cost", "Cost, plus volunteer time when it counts as a cost",
           source="working"),
    _money("pv_social_weak", "Social value on weak evidence (present value)", "On weak evidence",
           "Social value resting on evidence graded 4 to 6, each outcome by its own grade", source="working"),
)
_EXTRA = {"pv_cost": "Extra cost", "pv_saving": "Extra savings", "pv_cashable": "Extra cashable savings",
          "pv_wellbeing": "Extra wellbeing value", "pv_volunteer": "Extra volunteer time",
          "pv_social": "Extra social value", NPV_FISCAL: "Extra net fiscal value",
          NPV_CASHABLE: "Extra net cashable value", NPV_SOCIAL: "Extra net social value", "qalys": "Extra QALYs",
          "nmb": "Extra net monetary benefit", "net_cost": "Extra net cost", "social_cost": "Extra social cost"}
INCREMENT_BASES = tuple(key for key in _EXTRA if key not in ("net_cost", "social_cost"))


def _increment(base: Output) -> Output:
    source = "working" if base.key == "social_cost" else "increment"
    return Output(f"inc_{base.key}", _EXTRA[base.key], _EXTRA[base.key], base.kind, base.unit,
                  f"{base.label} minus the comparator's", source=source)


INCREMENTS = (
    *(_increment(o) for o in SUMMARY + WORKING if o.key in _EXTRA),
    Output("inc_bcr_social", "Social return on the extra cost", "Extra social return", "ratio", "£ back per extra £1",
           "Extra social value for each extra £1 spent", source="increment"),
    Output("icer", "Extra cost per extra QALY (ICER)", "ICER", "cost_per_qaly", "£ per QALY",
           "Extra net cost divided by extra QALYs", source="increment"),
    Output("icer_quadrant", "Where it sits", "Where it sits", "quadrant", "cost-effectiveness plane",
           "Where the option sits against the comparator on cost and QALYs", source="increment"),
)


def _chance(key, label, short, help) -> Output:
    return Output(key, label, short, "probability", "share of draws", help, source="simulation")


SIMULATION = (
    _chance("prob_npv_fiscal_positive", "Chance net fiscal value > 0", "Chance net fiscal value > 0",
            "Share of simulation draws with a positive net fiscal value"),
    _chance("prob_npv_social_positive", "Chance net social value > 0", "Chance net social value > 0",
            "Share of simulation draws with a positive net social value"),
    _chance("prob_bcr_social_above_1", "Chance social return > £1", "Chance social return > £1",
            "Share of simulation draws returning more than £1 of value for each £1 spent"),
    _chance("prob_payback_within_horizon", "Chance of payback within the horizon", "Chance of payback",
            "Share of simulation draws that pay back within the horizon"),
    _chance("prob_nmb_positive", "Chance net monetary benefit > 0", "Chance NMB > 0",
            "Share of simulation draws with a positive net monetary benefit"),
    _chance("prob_best_social", "Chance best on net social value", "Best on net social value",
            "Share of simulation draws in which the option has the highest net social value"),
    _chance("prob_best_fiscal", "Chance best on net fiscal value", "Best on net fiscal value",
            "Share of simulation draws in which the option has the highest net fiscal value"),
)
OUTPUTS: dict[str, Output] = {o.key: o for o in SUMMARY + WORKING + INCREMENTS + SIMULATION}
SUMMARY_KEYS = tuple(o.key for o in SUMMARY)

# What each table shows, in order (labels and kinds come from the declarations above).
# Net social value is never shown without what it rests on: the value without wellbeing and the
# factor on wellbeing gains that breaks even (MODEL.md 10d).
CARDS = (NPV_FISCAL, NPV_SOCIAL, "npv_social_excl_wellbeing", "switch_wellbeing", NPV_CASHABLE, "bcr_social",
         "payback_year", "starters")
HEALTH_CARDS = ("qalys", "cost_per_qaly", "nmb", "prob_nmb_positive")  # the last from the simulation
HEADLINE_STRIP = (NPV_FISCAL, NPV_CASHABLE, NPV_SOCIAL, "bcr_social")
COMPARISON = (NPV_FISCAL, NPV_CASHABLE, NPV_SOCIAL, "npv_social_excl_wellbeing", "switch_wellbeing", "pv_cost",
              "bcr_social", "qalys", "cost_per_qaly", "nmb", "payback_year")
COMPARISON_INCREMENTS = ("inc_pv_cost", "inc_pv_saving", "inc_npv_fiscal", "inc_npv_cashable", "inc_npv_social",
                         "inc_bcr_social", "inc_qalys", "inc_nmb", "icer", "icer_quadrant")
COMPARISON_SIMULATION = ("prob_best_social", "prob_best_fiscal", "prob_npv_social_positive", "prob_nmb_positive")
AREAS = (NPV_FISCAL, NPV_CASHABLE, NPV_SOCIAL, "npv_social_excl_wellbeing", "pv_cost", "pv_saving", "bcr_social",
         "qalys", "nmb", "starters")
AREA_SIMULATED = (NPV_FISCAL, NPV_SOCIAL)  # percentiles of these in the all-areas table
AREA_PROBABILITIES = ("prob_npv_fiscal_positive", "prob_bcr_social_above_1")
COVER = (NPV_FISCAL, NPV_SOCIAL, "bcr_social", "nmb")
# The forecast beside the re-forecast from what was observed (Monitoring page, board paper "Benefits so far").
REFORECAST_CARDS = ("starters", "completers", "pv_cost", NPV_FISCAL, NPV_SOCIAL, "bcr_social")
REPORT_PARTS = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "pv_social",
                "cost_per_completer", "share_social_weak_evidence")
REPORT_OPTIONS = ("pv_cost", "pv_saving", NPV_FISCAL, NPV_SOCIAL, "npv_social_excl_wellbeing", "bcr_social")
REPORT_INTERVALS = (NPV_SOCIAL, NPV_FISCAL, NPV_CASHABLE, "pv_cost", "pv_saving", "pv_wellbeing")
REPORT_PROBABILITIES = ("prob_npv_social_positive", "prob_npv_fiscal_positive", "prob_bcr_social_above_1",
                        "prob_payback_within_horizon", "prob_nmb_positive")
TORNADO_METRICS = (NPV_SOCIAL, NPV_FISCAL)  # net £, never a ratio: a ratio flips sign with its denominator


def output(key: str) -> Output:
    """The declaration of ``key``; a KeyError names a figure nobody declared."""
    return OUTPUTS[key]


def outputs(keys) -> tuple[Output, ...]:
    return tuple(OUTPUTS[key] for key in keys)


def label(key: str) -> str:
    return OUTPUTS[key].label


def short(key: str) -> str:
    return OUTPUTS[key].short


def percentile_key(key: str, stat: str) -> str:
    """A column of simulated percentiles: ``npv_social_p5``."""
    return f"{key}_{stat}"


def percentile_label(key: str, stat: str) -> str:
    """"Net social value, 5th percentile"."""
    return f"{OUTPUTS[key].label}, {PERCENTILE_WORDS[stat]}"


def caption(key: str, horizon_years: int = 5, price_year: str = "", threshold: float = 20_000.0) -> str:
    """The help of ``key`` with the run's horizon, price year and QALY threshold filled in."""
    period = f"{horizon_years} year" + ("" if horizon_years == 1 else "s")
    return OUTPUTS[key].help.format(years=period, price_year=price_year, threshold=text.format_money(threshold))


def said(key: str, value) -> tuple[str, object]:
    """``(label, value)`` as a sentence or table row says it: a figure below zero that has its
    own words ("Extra cost to services") is given with them and its size."""
    o = OUTPUTS[key]
    if o.negative and text.is_negative(value):
        return o.negative, -value
    return o.label, value


def _roi(value) -> str:
    if text.is_missing(value):
        return text.NOT_AVAILABLE
    return f"{'-' if value < 0 else ''}£{abs(float(value)):,.2f} net per £1"


def _multiplier(value) -> str:
    return "none (savings at or below zero)" if text.is_missing(value) else f"{float(value):,.2f} times"


def _qalys(value, compact: bool) -> str:
    if text.is_missing(value):
        return text.NOT_AVAILABLE
    return f"{float(value):,.1f}" if compact else f"{float(value):,.3f} QALYs"


# kind -> writer(value, compact, horizon_years)
FORMATS = {
    "money": lambda v, compact, _h: text.format_money(v, compact),
    "cost_per_qaly": lambda v, _c, _h: text.format_money(v),
    "ratio": lambda v, _c, _h: text.format_ratio(v),
    "roi": lambda v, _c, _h: _roi(v),
    "multiplier": lambda v, _c, _h: _multiplier(v),
    "percent": lambda v, _c, _h: text.format_percent(v),
    "probability": lambda v, _c, _h: text.format_percent(v),
    "count": lambda v, _c, _h: text.format_count(v),
    "payback": lambda v, _c, horizon: text.format_payback(v, horizon),
    "qalys": lambda v, compact, _h: _qalys(v, compact),
    "quadrant": lambda v, _c, _h: text.quadrant_text(v),
    "switch": lambda v, compact, _h: text.format_switch(v, compact),
}


def format_output(key: str, value, compact: bool = False, horizon_years: int = 5) -> str:
    """``value`` of figure ``key`` written for people, by its kind.

    ``compact`` gives the headline form ("£1.2m", "46.2" QALYs); otherwise the exact one
    ("£1,234,567", "46.215 QALYs"). A missing value (None, NaN) is "n/a", except payback,
    which reads "Not within N years".
    """
    return FORMATS[OUTPUTS[key].kind](value, compact, horizon_years)
