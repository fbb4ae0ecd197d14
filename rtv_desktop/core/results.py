"""The deterministic run: central values, every output of MODEL.md sections 3, 8 and 9."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from . import engine
from .issues import ScenarioFormatError, errors
from .document import Scenario
from .model import FUNDERS, PARTY_LABELS
from .outputs import SUMMARY_KEYS
from .params import draws_at, fixed_inputs
from .validation import validate

# Per-intervention figures in ``Results.by_intervention``.
INTERVENTION_KEYS = SUMMARY_KEYS[:12] + ("break_even_multiplier", "qalys", "net_cost", "cost_per_qaly", "nmb")
PARTY_KEYS = ("pays", "saves", "saves_cashable", "value", "net")


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
    by_party: list  # one dict per party: party, label, pays, saves, saves_cashable, value, net (PV £)
    party_flows: dict  # party -> {"pays", "saves", "saves_cashable", "value"}: ndarray [T] £, undiscounted
    starters: np.ndarray  # [I] starters a year
    completers: np.ndarray  # [I] completers a year
    effect_weighted: np.ndarray  # [I, T] K[i,t]
    avoided: np.ndarray  # [I, T, S] contacts avoided
    saving: np.ndarray  # [I, T, S] £
    cashable: np.ndarray  # [I, T, S] £
    cost: np.ndarray  # [I, T] £
    wellbeing: np.ndarray  # [I, T] £
    volunteer: np.ndarray  # [I, T] £
    qalys: np.ndarray  # [I, T] QALYs, undiscounted
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

    def party(self, party: str) -> dict:
        """The ``by_party`` row of one party."""
        return next(row for row in self.by_party if row["party"] == party)


def run(scenario: Scenario) -> Results:
    """Value ``scenario`` at its central inputs.

    Parameters
    ----------
    scenario : Scenario
        Must pass :func:`validate` without errors (warnings are allowed).

    Returns
    -------
    Results
        Full ``[i, t, s]`` arrays, ``summary`` (keys :data:`SUMMARY_KEYS`) and ``by_party``.

    Raises
    ------
    InvalidScenario
        If :func:`validate` reports errors; ``.issues`` lists them.

    Notes
    -----
    ``avoided[i,t,s] = K[i,t] * u[g_i,s] * effect[i,s] * A_i,s`` (additionality per outcome,
    MODEL.md 10b);
    ``saving = avoided * unit_cost[s]``; ``cashable = saving * cashable_share[s]``; the
    summary comes from :func:`rtv_desktop.core.engine.evaluate`, the same code the
    simulation uses. ``starters`` and ``completers`` in the summary are totals over the
    horizon (``sum_i R_i * T``); ``cost_per_completer`` is undiscounted total cost over the
    horizon divided by completers over the horizon.
    """
    problems = errors(validate(scenario))
    if problems:
        raise InvalidScenario(problems)
    fixed = fixed_inputs(scenario)
    draws = draws_at(scenario, 1)
    flows = {k: v[0] for k, v in engine.yearly_flows(fixed, draws).items()}
    avoided = flows["effect_weighted"][:, :, None] * flows["avoided_rate"][:, None, :]
    saving = avoided * draws["unit_cost"][0]
    cashable = saving * fixed.cashable_share
    totals = {k: v[0] for k, v in engine.evaluate(fixed, draws, parties=True).items()}
    values = engine.intervention_values(fixed, draws)
    per_i = {k: values[k][0] for k in engine.ADDITIVE_KEYS}
    by_i = engine.headline(per_i, fixed.volunteer_time, fixed.qaly_threshold)
    return Results(
        scenario=scenario,
        summary=_summary(totals),
        by_intervention={k: _readonly(by_i[k]) for k in INTERVENTION_KEYS},
        by_party=_by_party(totals, fixed.volunteer_time),
        party_flows=_party_flows(fixed, flows, saving, cashable),
        starters=_readonly(flows["starters"]),
        completers=_readonly(flows["completers"]),
        effect_weighted=_readonly(flows["effect_weighted"]),
        avoided=_readonly(avoided),
        saving=_readonly(saving),
        cashable=_readonly(cashable),
        cost=_readonly(flows["cost"]),
        wellbeing=_readonly(flows["wellbeing"]),
        volunteer=_readonly(flows["volunteer"]),
        qalys=_readonly(flows["qalys"]),
        discount=fixed.discount,
        health_discount=fixed.health_discount,
        cumulative_net=_readonly(totals["cumulative_net"]),
    )


def _summary(totals: dict) -> dict:
    summary = {k: _scalar(totals[k]) for k in SUMMARY_KEYS if k not in ("payback_year", "cost_per_completer")}
    payback = int(totals["payback_year"])
    summary["payback_year"] = None if payback < 0 else payback
    completers = summary["completers"]
    summary["cost_per_completer"] = summary["total_cost"] / completers if completers else None
    return {k: summary[k] for k in SUMMARY_KEYS}


def by_party_rows(pays, saves, saves_cashable, residents_value, residents_pay=0.0) -> list[dict]:
    """Who pays and who benefits (MODEL.md sections 9 and 13), PV £: one dict per party.

    ``pays``, ``saves`` and ``saves_cashable`` are per funder (in :data:`FUNDERS` order);
    residents save nothing, receive ``residents_value`` and pay ``residents_pay`` (the
    volunteer time they give, when it counts as an in-kind cost).
    """
    rows = []
    for p, party in enumerate(FUNDERS):
        row = {"pays": float(pays[p]), "saves": float(saves[p]), "saves_cashable": float(saves_cashable[p]),
               "value": 0.0}
        rows.append({"party": party, "label": PARTY_LABELS[party], **row,
                     "net": row["saves"] + row["value"] - row["pays"]})
    value, paid = float(residents_value), float(residents_pay)
    rows.append({"party": "residents", "label": PARTY_LABELS["residents"], "pays": paid, "saves": 0.0,
                 "saves_cashable": 0.0, "value": value, "net": value - paid})
    return rows


def _by_party(totals: dict, volunteer_time: str) -> list[dict]:
    """The parties' rows; their nets add up to ``npv_social`` in every volunteer-time treatment."""
    received = totals["pv_social"] - totals["pv_saving"]  # wellbeing (+ volunteer time as a benefit)
    given = totals["pv_volunteer"] if volunteer_time == "cost" else 0.0  # residents give their time
    return by_party_rows(totals["pays_by_party"], totals["saving_by_party"], totals["cashable_by_party"], received,
                         given)


def _party_flows(fixed, flows: dict, saving: np.ndarray, cashable: np.ndarray) -> dict:
    """Undiscounted cash flow by year and party: what each pays and saves [T] £."""
    pays = np.einsum("it,ip->pt", flows["cost"], fixed.funding)
    saves = np.einsum("its,sp->pt", saving, fixed.service_party)
    saves_cash = np.einsum("its,sp->pt", cashable, fixed.service_party)
    out = {party: {"pays": _readonly(pays[p]), "saves": _readonly(saves[p]), "saves_cashable": _readonly(saves_cash[p]),
                   "value": _readonly(np.zeros(fixed.years))} for p, party in enumerate(FUNDERS)}
    value = flows["wellbeing"].sum(axis=0)
    if fixed.volunteer_time == "benefit":
        value = value + flows["volunteer"].sum(axis=0)
    zero = _readonly(np.zeros(fixed.years))
    given = flows["volunteer"].sum(axis=0) if fixed.volunteer_time == "cost" else zero
    out["residents"] = {"pays": _readonly(given), "saves": zero, "saves_cashable": zero, "value": _readonly(value)}
    return out
