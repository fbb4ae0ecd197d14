"""The words, units and number formats of the figures the workbook reports (results, not inputs)."""

from __future__ import annotations

from .layout import DECIMAL, MONEY, PERCENT, PERSONS, QALYS, WHOLE

# key -> (label, number format, unit)
FIGURES: dict[str, tuple[str, str, str]] = {
    "pv_cost": ("Present value of cost", MONEY, "£"),
    "pv_saving": ("Present value of savings (cash and capacity)", MONEY, "£"),
    "pv_cashable": ("Present value of cashable savings", MONEY, "£"),
    "pv_wellbeing": ("Present value of wellbeing (WELLBY)", MONEY, "£"),
    "pv_volunteer": ("Present value of volunteer time", MONEY, "£"),
    "pv_social": ("Present value of social value", MONEY, "£"),
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
    "qalys": ("QALYs gained (discounted)", QALYS, "QALYs"),
    "net_cost": ("Net cost (cost - savings)", MONEY, "£"),
    "cost_per_qaly": ("Cost per QALY (blank unless QALYs are gained)", MONEY, "£ per QALY"),
    "nmb": ("Net monetary benefit at the QALY threshold", MONEY, "£"),
    "share_social_weak_evidence": ("Share of social value resting on weak evidence (grades 4-6)", PERCENT, "share"),
    # Working figures the headline ones are built from.
    "social_cost": ("Social cost (cost, plus volunteer time when it counts as a cost)", MONEY, "£"),
    "pv_social_weak": ("Social value resting on weak evidence (grades 4-6)", MONEY, "£"),
}
WORKING_KEYS = ("social_cost", "pv_social_weak")
# Figures added up over an option's interventions; the rest are worked out from these.
ADDITIVE_KEYS = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "qalys", "starters",
                 "completers", "total_cost", "pv_social_weak")
YEARLY_FLOWS = {"cost": "Cost", "saving": "Savings", "cashable": "Cashable savings", "wellbeing": "Wellbeing value",
                "volunteer": "Volunteer time", "qalys": "QALYs gained (undiscounted)"}


def label(key: str) -> str:
    return FIGURES[key][0]


def fmt(key: str) -> str:
    return FIGURES[key][1]


def unit(key: str) -> str:
    return FIGURES[key][2]
