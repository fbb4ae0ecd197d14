"""Uncertainty: low/central/high scenarios, the tornado and the Monte Carlo simulation."""

from __future__ import annotations

from dataclasses import dataclass, replace
import numpy as np

from . import engine
from .issues import errors
from .document import Scenario
from .model import Uncertain
from .params import UncertainInput, draws_at, fixed_inputs, uncertain_inputs
from .outputs import NPV_FISCAL, NPV_SOCIAL, SUMMARY_KEYS, TORNADO_METRICS
from .results import InvalidScenario, Results, run
from .validation import validate

PERT_SHAPE = 4.0
# Headline figures summarised by ``simulate`` (mean, p5, p50, p95 each). Cost per QALY is not
# among them: a simulation gives it as the ratio of the means (MODEL.md 11c), with no percentiles.
SIMULATED_KEYS = (*SUMMARY_KEYS[:SUMMARY_KEYS.index("payback_year") + 1], "qalys", "net_cost", "nmb")


class SimulationCancelled(Exception):
    """The caller's ``cancelled()`` callback asked the simulation to stop."""


def check_runnable(s: Scenario) -> None:
    problems = errors(validate(s))
    if problems:
        raise InvalidScenario(problems)


def set_central(s: Scenario, item: UncertainInput, value: float) -> Scenario:
    """A copy of ``s`` with one uncertain input's central value set to ``value``."""
    new = Uncertain(float(value), item.value.low, item.value.high)
    if item.array == "wellby_value":
        return replace(s, settings=replace(s.settings, wellby_value=new))
    if item.array in ("unit_cost", "cashable_share"):
        (j,) = item.index
        services = list(s.services)
        services[j] = replace(services[j], **{item.array: new})
        return replace(s, services=tuple(services))
    if item.array == "baseline":
        g, j = item.index
        services = list(s.services)
        use = list(services[j].baseline)
        use[g] = new
        services[j] = replace(services[j], baseline=tuple(use))
        return replace(s, services=tuple(services))
    i = item.index[0]
    interventions = list(s.interventions)
    if item.array == "effect":
        interventions[i] = interventions[i].with_effect(s.services[item.index[1]].id, new)
    else:
        interventions[i] = replace(interventions[i], **{item.array: new})
    return replace(s, interventions=tuple(interventions))


def _one_way(s: Scenario) -> tuple[list[UncertainInput], dict[str, np.ndarray]]:
    """Evaluate every varying input at its low and high end, others central (one batch).

    Row 0 of the batch is all-central; rows ``1 + 2k`` and ``2 + 2k`` put input ``k`` at
    its low and high end.
    """
    varying = [u for u in uncertain_inputs(s) if not u.value.is_fixed]
    draws = draws_at(s, 1 + 2 * len(varying))
    for k, item in enumerate(varying):
        draws[item.array][(1 + 2 * k, *item.index)] = item.value.low
        draws[item.array][(2 + 2 * k, *item.index)] = item.value.high
    return varying, engine.evaluate(fixed_inputs(s), draws)


@dataclass(frozen=True)
class TornadoRow:
    """One input of the one-way sensitivity analysis; money in £ present value."""

    path: str
    label: str
    low_input: float
    high_input: float
    npv_fiscal_low: float
    npv_fiscal_high: float
    npv_social_low: float
    npv_social_high: float
    swing: float  # |metric at high - metric at low| for the metric sorted by


def tornado(s: Scenario, metric: str = NPV_SOCIAL) -> list[TornadoRow]:
    """One-way sensitivity: each uncertain input at its low and high end, others central.

    Parameters
    ----------
    s : Scenario
    metric : str
        One of :data:`TORNADO_METRICS` (net social or net fiscal value):
        the net present value [£] whose swing orders the rows (largest first).

    Notes
    -----
    Inputs whose range is degenerate (low == high) have no swing and are left out. Net £
    is used, never a ratio, because a ratio flips sign when its denominator does.
    """
    return tornados(s, (metric,))[metric]


def tornados(s: Scenario, metrics=TORNADO_METRICS) -> dict[str, list[TornadoRow]]:
    """:func:`tornado` for several metrics from one batched evaluation: ``{metric: rows}``."""
    unknown = [m for m in metrics if m not in TORNADO_METRICS]
    if unknown:
        raise ValueError(f"metric must be one of {TORNADO_METRICS}, not {unknown[0]!r}")
    check_runnable(s)
    varying, out = _one_way(s)
    found = {}
    for metric in metrics:
        rows = []
        for k, item in enumerate(varying):
            lo, hi = 1 + 2 * k, 2 + 2 * k
            rows.append(TornadoRow(
                item.path, item.label, item.value.low, item.value.high,
                float(out[NPV_FISCAL][lo]), float(out[NPV_FISCAL][hi]),
                float(out[NPV_SOCIAL][lo]), float(out[NPV_SOCIAL][hi]),
                abs(float(out[metric][hi] - out[metric][lo])),
            ))
        found[metric] = sorted(rows, key=lambda r: r.swing, reverse=True)
    return found


def scenarios(s: Scenario) -> dict[str, Results]:
    """Low, central and high runs with every uncertain input at one end at once.

    Notes
    -----
    "Low" (pessimistic) takes, for each input, the end that lowers net social value (net
    fiscal value where social value does not move); "high" takes the other end. Whether
    an end is pessimistic is read from the one-way sensitivity, so inputs such as reach,
    which raise both cost and benefit, go whichever way the numbers say.
    """
    check_runnable(s)
    varying, out = _one_way(s)
    low, high = s, s
    for k, item in enumerate(varying):
        lo, hi = 1 + 2 * k, 2 + 2 * k
        delta = out[NPV_SOCIAL][hi] - out[NPV_SOCIAL][lo]
        if delta == 0:
            delta = out[NPV_FISCAL][hi] - out[NPV_FISCAL][lo]
        worse, better = (item.value.low, item.value.high) if delta >= 0 else (item.value.high, item.value.low)
        low, high = set_central(low, item, worse), set_central(high, item, better)
    return {"low": run(low), "central": run(s), "high": run(high)}


def pert(gen: np.random.Generator, low: float, mode: float, high: float, size: int) -> np.ndarray:
    """Beta-PERT draws on [low, high] with the given mode (shape 4).

    Notes
    -----
    ``x = low + (high - low) * Beta(1 + 4 (mode - low) / (high - low), 1 + 4 (high - mode) / (high - low))``.
    """
    span = high - low
    alpha = 1.0 + PERT_SHAPE * (mode - low) / span
    beta = 1.0 + PERT_SHAPE * (high - mode) / span
    draws = gen.beta(alpha, beta, size)
    draws *= span  # in place: the same numbers as low + span * draws, without two temporary arrays
    draws += low
    return draws
