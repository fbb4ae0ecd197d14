"""What happened after go-live (MODEL.md section 12): activity by quarter and outcome records.

Plain records, kept by the document (``Document.actuals``, written under "monitoring" in its
JSON) so a reopened file and the board paper keep the imported actuals. A blank figure is
``None``: not yet known, never zero.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from .reader import Reader

FIGURE_NAMES = ("starters", "completers", "spend")
# The words every screen, sheet and paper uses for them.
FIGURE_LABELS = {"starters": "Starters", "completers": "Completers", "spend": "Spend"}
OUTCOME_NUMBERS = ("before_mean", "before_sd", "before_n", "after_mean", "after_sd", "after_n", "before_contacts",
                   "before_person_years", "after_contacts", "after_person_years")
GROUPS = ("participants", "comparison")
LIFE_SATISFACTION = "life_satisfaction"


@dataclass(frozen=True)
class Figures:
    """One quarter's starters, completers and spend (£ cash); ``None`` = not yet known (blank)."""

    starters: float | None = None
    completers: float | None = None
    spend: float | None = None

    @property
    def known(self) -> bool:
        """Any figure recorded."""
        return any(getattr(self, name) is not None for name in FIGURE_NAMES)


@dataclass(frozen=True)
class ActivityRow:
    """One option, quarter ("2026/27 Q1") and intervention: the forecast beside the actual."""

    option: int
    quarter: str
    intervention_id: str
    forecast: Figures
    actual: Figures = Figures()


@dataclass(frozen=True)
class OutcomeRecord:
    """One row of the Outcomes sheet: an outcome ("life_satisfaction" or "service:<id>") of one
    intervention for one group ("participants" or "comparison")."""

    option: int
    intervention_id: str
    outcome: str
    group: str
    before_mean: float | None = None
    before_sd: float | None = None
    before_n: float | None = None
    after_mean: float | None = None
    after_sd: float | None = None
    after_n: float | None = None
    before_contacts: float | None = None
    before_person_years: float | None = None
    after_contacts: float | None = None
    after_person_years: float | None = None

    def numbers(self, *names: str) -> tuple[float, ...] | None:
        """The named figures, or None when any of them is blank."""
        values = tuple(getattr(self, name) for name in names)
        return None if any(v is None for v in values) else values


@dataclass(frozen=True)
class Actuals:
    """Everything imported from a monitoring workbook; ``start_year`` is the first quarter's
    financial year and ``source`` the file the figures came from."""

    start_year: str
    activity: tuple[ActivityRow, ...]
    outcomes: tuple[OutcomeRecord, ...] = ()
    source: str = ""


# -- JSON ------------------------------------------------------------------------------------------
def actuals_to_json(actuals: Actuals) -> dict:
    return {"start_year": actuals.start_year, "source": actuals.source,
            "activity": [{"option": row.option, "quarter": row.quarter, "intervention_id": row.intervention_id,
                          "forecast": asdict(row.forecast), "actual": asdict(row.actual)} for row in actuals.activity],
            "outcomes": [asdict(record) for record in actuals.outcomes]}


def _blank_or_number(r: Reader, data: dict, name: str, path: str) -> float | None:
    if data.get(name) is None:
        return None
    value = r.number(data, name, path)
    return None if value != value else value  # not read (NaN): as blank, the problem is reported


def _figures(r: Reader, raw, path: str) -> Figures:
    data = r.mapping(raw if raw is not None else {}, path)
    return Figures(*(_blank_or_number(r, data, name, f"{path}.{name}") for name in FIGURE_NAMES))


def _whole(r: Reader, data: dict, path: str) -> int:
    return r.integer(data, "option", f"{path}.option")


def actuals_from_json(raw, path: str, r: Reader) -> Actuals | None:
    """The actuals stored in a document (best effort); problems go to ``r`` with their path."""
    if raw is None:
        return None
    data = r.mapping(raw, path)
    activity, outcomes = [], []
    for k, item in enumerate(data.get("activity", []) if isinstance(data.get("activity", []), list) else []):
        where = f"{path}.activity[{k}]"
        item = r.mapping(item, where)
        activity.append(ActivityRow(_whole(r, item, where), r.text(item, "quarter", f"{where}.quarter"),
                                    r.text(item, "intervention_id", f"{where}.intervention_id"),
                                    _figures(r, item.get("forecast"), f"{where}.forecast"),
                                    _figures(r, item.get("actual"), f"{where}.actual")))
    for k, item in enumerate(data.get("outcomes", []) if isinstance(data.get("outcomes", []), list) else []):
        where = f"{path}.outcomes[{k}]"
        item = r.mapping(item, where)
        numbers = {name: _blank_or_number(r, item, name, f"{where}.{name}") for name in OUTCOME_NUMBERS}
        outcomes.append(OutcomeRecord(_whole(r, item, where), r.text(item, "intervention_id", f"{where}.intervention_id"),
                                      r.text(item, "outcome", f"{where}.outcome"),
                                      r.text(item, "group", f"{where}.group"), **numbers))
    return Actuals(r.text(data, "start_year", f"{path}.start_year", ""), tuple(activity), tuple(outcomes),
                   r.text(data, "source", f"{path}.source", ""))

