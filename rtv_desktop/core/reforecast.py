"""The re-forecast (MODEL.md section 12): an option re-run with the activity observed so far.

Judgement calls, each erring towards what was observed and never inventing a figure:

- Only interventions with actuals change, and only the figures the actuals can support; a
  figure whose inputs are blank (not yet known) keeps the document's value.
- The observed quarters are annualised: starters per observed quarter x 4 = starters a year,
  so ``reach = yearly starters / E`` (E the eligible group); ``completion = completers /
  starters`` over the quarters where both are known.
- ``cost per starter = (spend - set-up cost (when the first quarter is observed) - fixed cost
  of the quarters observed) / starters``, with spend turned from cash back into the
  document's prices and divided by the cost optimism uplift ``1 + ob(cost_grade)``, so that
  re-running the model gives back the spend observed (the model adds the uplift and the
  fixed cost itself; leaving them in would count them twice). A figure below zero (spend
  under the fixed and set-up costs) is taken as 0.
- A figure keeps the relative width of its range around the new central value (fractions
  stay within 0..1); a library entry cited for a figure that changed is no longer cited.
- Accepted local effects are already in the document (:func:`~rtv_desktop.core.monitoring.
  accept_local_evidence`): the re-forecast uses the effects as the document has them.
"""

from __future__ import annotations

from dataclasses import replace

from .actuals import Actuals, ActivityRow
from .library import without_stale
from .model import Intervention, Uncertain
from .years import cash_value, financial_year, years_after


def quarter_year(start_year: str, quarter: str) -> tuple[int, int]:
    """``(t, q)`` of a quarter label: year index from ``start_year`` and quarter 1..4.

    Raises ``ValueError`` for a label not written "2026/27 Q1" or before ``start_year``.
    """
    year, _, q = quarter.strip().partition(" Q")
    t = years_after(start_year, year) if year != start_year else 0
    if financial_year(start_year, t) != year or q not in ("1", "2", "3", "4"):
        raise ValueError(f"'{quarter}' is not a quarter from {start_year} on, written like '{start_year} Q1'")
    return t, int(q)


def _with_central(value: Uncertain, central: float, fraction: bool) -> Uncertain:
    """``value`` moved to ``central``, its range scaled by the same factor."""
    central = max(0.0, min(1.0, central)) if fraction else max(0.0, central)
    if value.central > 0:
        factor = central / value.central
        low, high = value.low * factor, value.high * factor
    else:
        low = high = central
    if fraction:
        low, high = max(0.0, low), min(1.0, high)
    return Uncertain(central, min(low, central), max(high, central))


def _sums(rows: list[ActivityRow], *names: str) -> tuple[int, list[float]]:
    """Quarters in which every named actual is known, and the sums of each over them."""
    known = [row for row in rows if all(getattr(row.actual, name) is not None for name in names)]
    return len(known), [sum(getattr(row.actual, name) for row in known) for name in names]


def observed_intervention(iv: Intervention, eligible: float, rows: list[ActivityRow], doc,
                          start_year: str) -> Intervention:
    """``iv`` with reach, completion and cost per starter as observed in ``rows`` (see the module)."""
    out = iv
    quarters, (starters,) = _sums(rows, "starters")
    if quarters and eligible > 0:
        out = replace(out, reach=_with_central(iv.reach, starters / quarters * 4.0 / eligible, True))
    quarters, (starters, completers) = _sums(rows, "starters", "completers")
    if quarters and starters > 0:
        out = replace(out, completion=_with_central(iv.completion, completers / starters, True))
    costed = [row for row in rows if row.actual.spend is not None and row.actual.starters is not None]
    starters = sum(row.actual.starters for row in costed)
    if costed and starters > 0:
        uplift = 1.0 + doc.settings.optimism_bias[iv.cost_grade - 1]
        lag, rate = years_after(doc.settings.price_year, start_year), doc.settings.inflation_rate
        real = 0.0
        for row in costed:
            t, q = quarter_year(start_year, row.quarter)
            spend = row.actual.spend / cash_value(1.0, rate, t, lag) / uplift
            real += spend - iv.fixed_cost / 4.0 - (iv.setup_cost if (t, q) == (0, 1) else 0.0)
        out = replace(out, cost_per_starter=_with_central(iv.cost_per_starter, real / starters, False))
    return without_stale(out, iv)


def reforecast(doc, actuals: Actuals):
    """``doc`` with each intervention's reach, completion and cost per starter replaced by the
    ones observed in ``actuals`` (only where it has actuals; annualised; see the module)."""
    options = list(doc.options)
    for k, option in enumerate(options):
        scenario = doc.scenario(k)
        ivs = []
        for iv in option.interventions:
            rows = [row for row in actuals.activity if row.option == k and row.intervention_id == iv.id
                    and row.actual.known]
            ivs.append(observed_intervention(iv, scenario.eligible(iv), rows, doc, actuals.start_year) if rows else iv)
        options[k] = replace(option, interventions=tuple(ivs))
    return replace(doc, options=tuple(options))
