"""The number formats of the figures the workbook reports (results, not inputs); their words and
units are the declarations of :mod:`rtv_desktop.core.outputs`."""

from __future__ import annotations

from ...core.outputs import OUTPUTS, WORKING, output
from .layout import DECIMAL, MONEY, PERCENT, PERSONS, QALYS, TEXT, WHOLE

# The Excel number format of each kind of figure (words and units: rtv_desktop.core.outputs).
FORMATS = {"money": MONEY, "cost_per_qaly": MONEY, "ratio": DECIMAL, "roi": DECIMAL, "multiplier": DECIMAL,
           "percent": PERCENT, "probability": PERCENT, "count": PERSONS, "payback": WHOLE, "qalys": QALYS,
           "quadrant": TEXT, "switch": DECIMAL}
# key -> (label, number format, unit), for the sheets that index figures by key.
FIGURES: dict[str, tuple[str, str, str]] = {key: (o.label, FORMATS[o.kind], o.unit) for key, o in OUTPUTS.items()}
WORKING_KEYS = tuple(o.key for o in WORKING)  # steps on the way to the headline figures
# Figures added up over an option's interventions; the rest are worked out from these.
ADDITIVE_KEYS = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "qalys", "starters",
                 "completers", "total_cost", "pv_social_weak")
YEARLY_FLOWS = {"cost": "Cost", "saving": "Savings", "cashable": "Cashable savings", "wellbeing": "Wellbeing value",
                "volunteer": "Volunteer time", "qalys": "QALYs gained (undiscounted)"}


def label(key: str) -> str:
    return output(key).label


def fmt(key: str) -> str:
    return FORMATS[output(key).kind]


def unit(key: str) -> str:
    return output(key).unit
