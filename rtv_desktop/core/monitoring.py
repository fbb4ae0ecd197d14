"""Benefits realisation after go-live (MODEL.md section 12): forecast against actual, observed
effects, local evidence entries and the re-forecast.

- The forecast of a quarter is the model's own yearly figure for the option over four
  quarters: starters ``R_i / 4``, completers ``C_i / 4``, spend ``(cost[i,t] - set-up) / 4``
  with the set-up cost (and its optimism uplift, as the model counts it) in the first quarter
  of the first year. Spend is cash: the model's figure in the document's prices raised by the
  document's inflation assumption (``core.years.cash_value``; none = the same figure).
- Blank actuals are ``None`` ("not yet known") and never count as zero: a quarter with no
  actual has no variance, and the re-forecast only uses what was recorded.
- An observed service effect is ``1 - rr`` with the interval ``1 - `` the CI bounds (so low and
  high swap); controlled (difference in differences) and grade 2 with a comparison group,
  uncontrolled and grade 4 without. A wellbeing gain is the change in mean life satisfaction
  with a Welch interval: uncontrolled, grade 4 (a comparison group's life satisfaction is not
  used, as section 12 says).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from . import observed
from .actuals import (FIGURE_NAMES, LIFE_SATISFACTION, ActivityRow, Actuals, Figures,  # noqa: F401 (API)
                      OutcomeRecord)
from .library import LOCAL_PREFIX, LOCAL_SETTING, EvidenceEntry, apply_entry
from .observed import did_rate_ratio, rate_ratio, t_quantile, welch_interval  # noqa: F401 (API)
from .reforecast import quarter_year, reforecast  # noqa: F401 (part of this module's API)
from .results import run
from .years import cash_value, financial_year, years_after

SERVICE_COUNTS = ("before_contacts", "before_person_years", "after_contacts", "after_person_years")
WELLBEING_NUMBERS = ("before_mean", "before_sd", "before_n", "after_mean", "after_sd", "after_n")
CONTROLLED_GRADE, UNCONTROLLED_GRADE = 2, 4


@dataclass(frozen=True)
class ObservedEffect:
    """An effect measured locally, in the model's units, with its 95% interval.

    ``value`` is ``1 - rr`` for service use (a relative reduction) or the gain in life
    satisfaction points for wellbeing ("wellbeing"); ``n`` is the participants (after_n) or
    the participants' person-years after, rounded; ``method`` says how it was computed and
    ``measure`` gives the raw figures; ``quarters_observed`` is the quarters with any activity
    recorded for the intervention (the follow-up).
    """

    option: int
    intervention_id: str
    outcome: str
    value: float
    low: float
    high: float
    design: str
    grade: int
    n: int
    method: str
    measure: str = ""
    quarters_observed: int = 0

    def to_json(self) -> dict:
        return {"intervention_id": self.intervention_id, "outcome": self.outcome, "value": self.value,
                "low": self.low, "high": self.high, "design": self.design, "grade": self.grade, "n": self.n,
                "method": self.method}


# -- forecast and variance ------------------------------------------------------------------------
def quarters(start_year: str, horizon: int) -> list[str]:
    """``["2026/27 Q1", "2026/27 Q2", ...]``: every quarter of ``horizon`` years from ``start_year``."""
    return [f"{financial_year(start_year, t)} Q{q}" for t in range(horizon) for q in range(1, 5)]


def forecast_activity(doc, start_year: str | None = None) -> tuple[ActivityRow, ...]:
    """A row per option, quarter of the horizon and intervention (in that order) with the
    forecast (see the module) and every actual blank.

    Raises ``InvalidScenario`` when an option cannot be run.
    """
    start = start_year or doc.settings.start_year
    lag, rate = years_after(doc.settings.price_year, start), doc.settings.inflation_rate
    labels = quarters(start, doc.settings.horizon_years)
    rows = []
    for k in range(len(doc.options)):
        results = run(doc.scenario(k))
        ivs = results.scenario.interventions
        uplift = [1.0 + doc.settings.optimism_bias[iv.cost_grade - 1] for iv in ivs]
        for n, label in enumerate(labels):
            t, q = divmod(n, 4)
            for i, iv in enumerate(ivs):
                setup = iv.setup_cost * uplift[i] if t == 0 else 0.0
                spend = (float(results.cost[i, t]) - setup) / 4.0 + (setup if q == 0 else 0.0)
                rows.append(ActivityRow(k, label, iv.id, Figures(
                    float(results.starters[i]) / 4.0, float(results.completers[i]) / 4.0,
                    cash_value(spend, rate, t, lag))))
    return tuple(rows)


def with_actuals(forecast, actual_rows, outcomes=(), source: str = "", start_year: str | None = None) -> Actuals:
    """The forecast rows with their actuals filled in.

    ``actual_rows`` is a mapping ``{(option, quarter, intervention_id): Figures}`` or rows of
    :class:`ActivityRow` (their ``actual`` is used). Raises ``ValueError`` naming a row the
    forecast does not have.
    """
    if not isinstance(actual_rows, dict):
        actual_rows = {(row.option, row.quarter, row.intervention_id): row.actual for row in actual_rows}
    keys = {(row.option, row.quarter, row.intervention_id) for row in forecast}
    unknown = [key for key in actual_rows if key not in keys]
    if unknown:
        option, quarter, iv = unknown[0]
        raise ValueError(f"option {option + 1}, {quarter}, intervention '{iv}' is not in the forecast")
    rows = tuple(replace(row, actual=actual_rows.get((row.option, row.quarter, row.intervention_id), Figures()))
                 for row in forecast)
    start = start_year or (forecast[0].quarter.split(" ")[0] if forecast else "")
    return Actuals(start, rows, tuple(outcomes), source)


def variance(forecast: Figures, actual: Figures) -> dict:
    """Actual minus forecast per figure: ``{"starters": {"number": a - f, "percent": 100 (a - f) / f}
    | None, ...}``; None when the actual is blank (not yet known), ``percent`` None when the
    forecast is 0."""
    out = {}
    for name in FIGURE_NAMES:
        f, a = getattr(forecast, name), getattr(actual, name)
        if a is None or f is None:
            out[name] = None
            continue
        out[name] = {"number": a - f, "percent": 100.0 * (a - f) / f if f else None}
    return out


# -- observed effects ------------------------------------------------------------------------------
def _quarters_observed(actuals: Actuals, option: int, iv_id: str) -> int:
    return sum(1 for row in actuals.activity if row.option == option and row.intervention_id == iv_id
               and row.actual.known)


def _counts_words(counts: tuple[float, ...]) -> str:
    a, b, c, d = counts
    return f"{a:g} contacts in {b:g} person-years before, {c:g} in {d:g} after"


def _service_effect(participants: OutcomeRecord, comparison: OutcomeRecord | None) -> dict | None:
    own = participants.numbers(*SERVICE_COUNTS)
    if own is None:
        return None
    other = comparison.numbers(*SERVICE_COUNTS) if comparison is not None else None
    try:
        rr, low, high = observed.rate_ratio(*own)
        measure = f"participants: {_counts_words(own)}"
        method = f"rate ratio {rr:.2f} (95% CI {low:.2f} to {high:.2f}) after against before"
        if other is not None:
            rr_c = observed.rate_ratio(*other)[0]
            rr, low, high = observed.did_rate_ratio(own, other)
            measure += f"; comparison group: {_counts_words(other)}"
            method = (f"ratio of rate ratios {rr:.2f} (95% CI {low:.2f} to {high:.2f}): participants "
                      f"{rr_c * rr:.2f}, comparison group {rr_c:.2f}")
    except observed.NotEstimable:
        return None
    return {"value": 1.0 - rr, "low": 1.0 - high, "high": 1.0 - low,
            "design": "controlled" if other is not None else "uncontrolled",
            "grade": CONTROLLED_GRADE if other is not None else UNCONTROLLED_GRADE,
            "n": int(round(own[3])), "method": method + "; effect = 1 - ratio", "measure": measure}


def _wellbeing_effect(participants: OutcomeRecord) -> dict | None:
    numbers = participants.numbers(*WELLBEING_NUMBERS)
    if numbers is None:
        return None
    try:
        gain, low, high = observed.welch_interval(*numbers)
    except observed.NotEstimable:
        return None
    m1, s1, n1, m2, s2, n2 = numbers
    return {"value": gain, "low": low, "high": high, "design": "uncontrolled", "grade": UNCONTROLLED_GRADE,
            "n": int(round(n2)),
            "method": f"change in mean life satisfaction {gain:+.2f} points (95% CI {low:+.2f} to {high:+.2f}, Welch)",
            "measure": (f"ONS life satisfaction (0-10), participants: mean {m1:g} (SD {s1:g}, n {n1:g}) before, "
                        f"mean {m2:g} (SD {s2:g}, n {n2:g}) after")}


def observed_effects(actuals: Actuals) -> tuple[ObservedEffect, ...]:
    """An effect for every option, intervention and outcome whose participants' figures are all
    recorded (and estimable: no zero count, at least two people); the comparison group's row,
    when complete, makes a service effect a difference in differences."""
    by_key: dict[tuple, dict[str, OutcomeRecord]] = {}
    for record in actuals.outcomes:
        by_key.setdefault((record.option, record.intervention_id, record.outcome), {})[record.group] = record
    out = []
    for (option, iv_id, outcome), groups in by_key.items():
        participants = groups.get("participants")
        if participants is None:
            continue
        if outcome == LIFE_SATISFACTION:
            found, name = _wellbeing_effect(participants), "wellbeing"
        else:
            found, name = _service_effect(participants, groups.get("comparison")), outcome
        if found is not None:
            out.append(ObservedEffect(option, iv_id, name, quarters_observed=_quarters_observed(actuals, option, iv_id),
                                      **found))
    return tuple(out)


# -- local evidence --------------------------------------------------------------------------------
def local_entry_id(intervention_id: str, outcome: str) -> str:
    return f"{LOCAL_PREFIX}{intervention_id}-{outcome.replace(':', '-')}"


def _intervention(doc, option: int, intervention_id: str):
    found = next((iv for iv in doc.options[option].interventions if iv.id == intervention_id), None)
    if found is None:
        raise ValueError(f"option {option + 1} has no intervention '{intervention_id}'")
    return found


def local_entry(effect: ObservedEffect, doc, source: str) -> EvidenceEntry:
    """The evidence entry (every field of MODEL.md 10e) for an effect measured locally.

    Its id is ``local-<intervention>-<outcome>`` (":" written "-"), its citation "Local
    monitoring: <source>", its setting "local" (so the study card says it is local evidence).
    """
    iv = _intervention(doc, effect.option, effect.intervention_id)
    service = effect.outcome.startswith("service:")
    conversion = ("effect = 1 - rate ratio, rate = contacts / person-years; 95% CI on the log scale with "
                  "variance 1/a + 1/b over the counts of contacts (Poisson)"
                  + (" plus 1/c + 1/d for the comparison group (difference in differences)"
                     if effect.design == "controlled" else "")
                  + "; the interval's ends are 1 - the ratio's (MODEL.md section 12)"
                  if service else
                  "gain = mean after - mean before on the ONS life satisfaction scale (0-10); 95% CI from the two "
                  "SDs and ns (Welch, t at the Welch-Satterthwaite degrees of freedom; MODEL.md section 12)")
    reason = "a local evaluation with a comparison group" if effect.design == "controlled" else \
        "a local evaluation without a comparison group (before and after)"
    return EvidenceEntry(
        id=local_entry_id(effect.intervention_id, effect.outcome),
        approach=() if iv.approach == "custom" else (iv.approach,), outcome=effect.outcome,
        value=effect.value, low=effect.low, high=effect.high, interval="95% CI", design=effect.design,
        grade=effect.grade, citation=f"Local monitoring: {source}", link=source or "local monitoring workbook",
        population=f"Participants of {iv.name} in {doc.area.area_name or 'the area'}", setting=LOCAL_SETTING,
        n=effect.n, follow_up_months=3 * effect.quarters_observed if effect.quarters_observed else "not reported",
        measure=effect.measure or effect.method, conversion=conversion,
        notes=f"{effect.method}. Grade {effect.grade}: {reason}.")


def accept_local_evidence(doc, effect: ObservedEffect, source: str):
    """``doc`` with the effect's local entry stored in ``doc.local_evidence`` (replacing one of the
    same id) and applied to the option's intervention (its figure, design and grade)."""
    found = local_entry(effect, doc, source)
    iv = _intervention(doc, effect.option, effect.intervention_id)
    ivs = tuple(apply_entry(x, found) if x.id == iv.id else x for x in doc.options[effect.option].interventions)
    kept = tuple(e for e in doc.local_evidence if e.id != found.id)
    return replace(doc.with_interventions(effect.option, ivs), local_evidence=kept + (found,))


# -- the summary -----------------------------------------------------------------------------------
def _figures_json(figures: Figures) -> dict:
    return {name: getattr(figures, name) for name in FIGURE_NAMES}


def monitoring_summary(doc, actuals: Actuals) -> dict:
    """The JSON of ARCHITECTURE v3: per option its quarters (forecast, actual, variance), the
    observed effects, and the summaries of the re-forecast and the original forecast."""
    effects = observed_effects(actuals)
    again = reforecast(doc, actuals)
    options = []
    for k, option in enumerate(doc.options):
        rows = [{"quarter": row.quarter, "intervention_id": row.intervention_id,
                 "forecast": _figures_json(row.forecast), "actual": _figures_json(row.actual),
                 "variance": variance(row.forecast, row.actual)} for row in actuals.activity if row.option == k]
        options.append({"name": option.name, "quarters": rows,
                        "observed_effects": [e.to_json() for e in effects if e.option == k],
                        "reforecast": run(again.scenario(k)).summary, "forecast": run(doc.scenario(k)).summary})
    return {"options": options}


__all__ = ["ActivityRow", "Actuals", "Figures", "ObservedEffect", "OutcomeRecord", "accept_local_evidence",
           "did_rate_ratio", "forecast_activity", "local_entry", "local_entry_id", "monitoring_summary", "observed_effects",
           "quarter_year", "quarters", "rate_ratio", "reforecast", "t_quantile", "variance", "welch_interval",
           "with_actuals"]
