"""The deterministic run: central values, every output of MODEL.md section 3."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import engine
from .issues import ScenarioFormatError, errors
from .model import Scenario
from .params import draws_at, fixed_inputs
from .validation import validate

SUMMARY_KEYS = (
    "pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "pv_social",
    "npv_fiscal", "npv_cashable", "npv_social", "bcr_fiscal", "bcr_social", "roi_fiscal",
    "payback_year", "break_even_multiplier", "starters", "completers", "total_cost", "cost_per_completer",
)
# Per-intervention figures in ``Results.by_intervention`` (all but payback and people).
INTERVENTION_KEYS = SUMMARY_KEYS[:12] + ("break_even_multiplier",)


class InvalidScenario(ScenarioFormatError):
    """``run`` was given a scenario that :func:`validate` rejects."""


def _readonly(array: np.ndarray) -> np.ndarray:
    array = np.ascontiguousarray(array)
    array.setflags(write=False)
    return array


def _scalar(value) -> float | None:
    value = float(value)
    return None if math.isnan(value) else value


@dataclass(frozen=True)
class Results:
    """What :func:`run` produced, with the scenario that produced it.

    Arrays are read-only; ``I`` interventions, ``T`` years, ``S`` services. Money is £ in
    real terms of the price year, undiscounted unless named ``pv_``.
    """

    scenario: Scenario
    summary: dict  # SUMMARY_KEYS -> float, int or None (a ratio with a zero denominator)
    by_intervention: dict  # INTERVENTION_KEYS -> ndarray [I] (NaN for a null ratio)
    starters: np.ndarray  # [I] starters a year
    completers: np.ndarray  # [I] completers a year
    effect_weighted: np.ndarray  # [I, T] K[i,t]
    avoided: np.ndarray  # [I, T, S] contacts avoided
    saving: np.ndarray  # [I, T, S] £
    cashable: np.ndarray  # [I, T, S] £
    cost: np.ndarray  # [I, T] £
    wellbeing: np.ndarray  # [I, T] £
    volunteer: np.ndarray  # [I, T] £
    discount: np.ndarray  # [T] DF
    health_discount: np.ndarray  # [T] DFh
    cumulative_net: np.ndarray  # [T] £, undiscounted, saving - cost

    @property
    def years(self) -> np.ndarray:
        return np.arange(self.scenario.settings.horizon_years)

    @property
    def capacity_released(self) -> np.ndarray:
        """Non-cash part of the savings, [I, T, S] £."""
        return self.saving - self.cashable

    def totals_by_year(self) -> dict[str, np.ndarray]:
        """Undiscounted yearly totals over interventions and services, each [T] £."""
        return {
            "cost": self.cost.sum(axis=0),
            "saving": self.saving.sum(axis=(0, 2)),
            "cashable": self.cashable.sum(axis=(0, 2)),
            "wellbeing": self.wellbeing.sum(axis=0),
            "volunteer": self.volunteer.sum(axis=0),
        }


def run(scenario: Scenario) -> Results:
    """Value ``scenario`` at its central inputs.

    Parameters
    ----------
    scenario : Scenario
        Must pass :func:`validate` without errors (warnings are allowed).

    Returns
    -------
    Results
        Full ``[i, t, s]`` arrays and ``summary`` (keys :data:`SUMMARY_KEYS`).

    Raises
    ------
    InvalidScenario
        If :func:`validate` reports errors; ``.issues`` lists them.

    Notes
    -----
    ``avoided[i,t,s] = K[i,t] * u[g_i,s] * effect[i,s] * A_i``;
    ``saving = avoided * unit_cost[s]``; ``cashable = saving * cashable_share[s]``; see
    :mod:`.engine` for the rest. ``starters`` and ``completers`` in the summary are totals
    over the horizon (``sum_i R_i * T``); ``cost_per_completer`` is undiscounted total cost
    over the horizon divided by completers over the horizon.
    """
    problems = errors(validate(scenario))
    if problems:
        raise InvalidScenario(problems)
    fixed = fixed_inputs(scenario)
    draws = draws_at(scenario, 1)
    flows = {k: v[0] for k, v in engine.yearly_flows(fixed, draws).items()}
    avoided = (flows["effect_weighted"][:, :, None] * (fixed.baseline * draws["effect"][0])[:, None, :]
               * flows["additionality"][:, None, None])
    saving = avoided * draws["unit_cost"][0]
    cashable = saving * fixed.cashable_share
    per_i = engine.headline(engine.present_values(fixed, flows))
    cumulative = np.cumsum(saving.sum(axis=(0, 2)) - flows["cost"].sum(axis=0))
    return Results(
        scenario=scenario,
        summary=_summary(fixed, flows, per_i, cumulative),
        by_intervention={k: _readonly(per_i[k]) for k in INTERVENTION_KEYS},
        starters=_readonly(flows["starters"]),
        completers=_readonly(flows["completers"]),
        effect_weighted=_readonly(flows["effect_weighted"]),
        avoided=_readonly(avoided),
        saving=_readonly(saving),
        cashable=_readonly(cashable),
        cost=_readonly(flows["cost"]),
        wellbeing=_readonly(flows["wellbeing"]),
        volunteer=_readonly(flows["volunteer"]),
        discount=fixed.discount,
        health_discount=fixed.health_discount,
        cumulative_net=_readonly(cumulative),
    )


def _summary(fixed, flows, per_i, cumulative) -> dict:
    totals = engine.headline({k: per_i[k].sum() for k in engine.PV_KEYS})
    summary = {k: _scalar(totals[k]) for k in INTERVENTION_KEYS}
    payback = int(engine.payback_year(cumulative[None, :])[0])
    summary["payback_year"] = None if payback < 0 else payback
    summary["starters"] = float(flows["starters"].sum() * fixed.years)
    summary["completers"] = float(flows["completers"].sum() * fixed.years)
    summary["total_cost"] = float(flows["cost"].sum())
    completers = summary["completers"]
    summary["cost_per_completer"] = summary["total_cost"] / completers if completers else None
    return {k: summary[k] for k in SUMMARY_KEYS}
