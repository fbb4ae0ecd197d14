"""The scenario as arrays: fixed inputs, and the uncertain inputs in a documented order.

Uncertain inputs are enumerated in this order, which is also the order of the random
streams of :func:`rtv_desktop.core.simulate` (stream ``k`` belongs to input ``k``):

1. ``settings.wellby_value``;
2. for each service in order: ``services[j].unit_cost``;
3. for each intervention in order: ``reach``, ``completion``, ``cost_per_starter``,
   ``drop_off``, ``deadweight``, ``wellbeing_gain``, then each ``effect`` entry in the
   order of the scenario's services.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .model import GROUPS, Scenario, Uncertain

# Per-intervention uncertain inputs, in stream order.
INTERVENTION_UNCERTAIN = ("reach", "completion", "cost_per_starter", "drop_off", "deadweight", "wellbeing_gain")
_LABELS = {
    "reach": "reach",
    "completion": "completion",
    "cost_per_starter": "cost per starter",
    "drop_off": "drop-off",
    "deadweight": "deadweight",
    "wellbeing_gain": "wellbeing gain",
}


def _frozen(values, dtype=float) -> np.ndarray:
    array = np.array(values, dtype=dtype)
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class FixedInputs:
    """Inputs that are never drawn; arrays are read-only.

    Shapes: ``I`` interventions, ``S`` services, ``T`` years.
    """

    years: int
    eligible: np.ndarray  # [I] persons in each intervention's target group
    baseline: np.ndarray  # [I, S] contacts per person per year, u[g_i, s]
    effect_years: np.ndarray  # [I] years the effect can last, D_i
    additionality_fixed: np.ndarray  # [I] a_i * (1 - ob(g_i))
    fixed_cost: np.ndarray  # [I] £ a year
    setup_cost: np.ndarray  # [I] £ in year 0
    volunteer_hours: np.ndarray  # [I] hours per starter
    cashable_share: np.ndarray  # [S]
    discount: np.ndarray  # [T] DF[t]
    health_discount: np.ndarray  # [T] DFh[t]
    volunteer_hour_value: float  # £ an hour


@dataclass(frozen=True)
class UncertainInput:
    """One uncertain input: where it lives in the scenario and in the draw arrays."""

    path: str  # scenario path, e.g. "interventions[0].effect.gp"
    label: str  # for people, e.g. "Social prescribing: effect on GP consultation"
    array: str  # key in the draws dict
    index: tuple[int, ...]  # position inside one draw of that array
    value: Uncertain


def fixed_inputs(s: Scenario) -> FixedInputs:
    st = s.settings
    t = np.arange(st.horizon_years)
    ob = [st.optimism_bias[i.evidence_grade - 1] for i in s.interventions]
    group = [GROUPS.index(i.target_group) for i in s.interventions]
    baseline = [[svc.baseline[g] for svc in s.services] for g in group]
    return FixedInputs(
        years=st.horizon_years,
        eligible=_frozen([s.eligible(i) for i in s.interventions]),
        baseline=_frozen(baseline).reshape(len(s.interventions), len(s.services)),
        effect_years=_frozen([i.effect_years for i in s.interventions]),
        additionality_fixed=_frozen([i.attribution * (1.0 - b) for i, b in zip(s.interventions, ob)]),
        fixed_cost=_frozen([i.fixed_cost for i in s.interventions]),
        setup_cost=_frozen([i.setup_cost for i in s.interventions]),
        volunteer_hours=_frozen([i.volunteer_hours for i in s.interventions]),
        cashable_share=_frozen([svc.cashable_share for svc in s.services]),
        discount=_frozen((1.0 + st.discount_rate) ** -t),
        health_discount=_frozen((1.0 + st.health_discount_rate) ** -t),
        volunteer_hour_value=float(st.volunteer_hour_value),
    )


def uncertain_inputs(s: Scenario) -> list[UncertainInput]:
    """Every uncertain input of ``s``, in stream order (see the module docstring)."""
    out = [UncertainInput("settings.wellby_value", "WELLBY value", "wellby_value", (), s.settings.wellby_value)]
    for j, svc in enumerate(s.services):
        out.append(UncertainInput(f"services[{j}].unit_cost", f"Unit cost: {svc.name}", "unit_cost", (j,),
                                  svc.unit_cost))
    for i, iv in enumerate(s.interventions):
        for name in INTERVENTION_UNCERTAIN:
            out.append(UncertainInput(f"interventions[{i}].{name}", f"{iv.name}: {_LABELS[name]}", name, (i,),
                                      getattr(iv, name)))
        effects = dict(iv.effect)
        for j, svc in enumerate(s.services):
            if svc.id in effects:
                out.append(UncertainInput(f"interventions[{i}].effect.{svc.id}", f"{iv.name}: effect on {svc.name}",
                                          "effect", (i, j), effects[svc.id]))
    return out


def draws_at(s: Scenario, n: int, pick: str = "central") -> dict[str, np.ndarray]:
    """Draw arrays with every uncertain input at ``pick`` ("central", "low" or "high").

    Shapes: ``wellby_value [n]``, ``unit_cost [n, S]``, per-intervention inputs ``[n, I]``,
    ``effect [n, I, S]`` (zero where an intervention does not affect a service). The
    arrays are fresh and writable, so callers may overwrite columns with draws.
    """
    ivs, column = s.interventions, {sid: j for j, sid in enumerate(s.service_ids)}
    effect = np.zeros((len(ivs), len(s.services)))
    for i, iv in enumerate(ivs):
        for sid, value in iv.effect:
            if sid in column:
                effect[i, column[sid]] = getattr(value, pick)
    row = lambda values: np.repeat(np.array([values], dtype=float).reshape(1, -1), n, axis=0)
    draws = {name: row([getattr(getattr(iv, name), pick) for iv in ivs]) for name in INTERVENTION_UNCERTAIN}
    draws["effect"] = np.repeat(effect[None], n, axis=0)
    draws["unit_cost"] = row([getattr(svc.unit_cost, pick) for svc in s.services])
    draws["wellby_value"] = np.full(n, float(getattr(s.settings.wellby_value, pick)))
    return draws
