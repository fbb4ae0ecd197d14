"""The scenario as arrays: fixed inputs, and the uncertain inputs with their random streams.

Every uncertain input (declared ``uncertain``) becomes one column of the draw arrays and
has its own random stream, keyed by what it is rather than where it sits
(:attr:`UncertainInput.key`): ``frame/wellby_value``, ``frame/unit_cost/<service id>``,
``iv/<intervention id>/<field>`` and ``iv/<intervention id>/effect/<service id>``. So the same
intervention gets the same draws in every option of a document (common random numbers), and
adding or reordering interventions does not change the draws of the others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from .declare import specs
from .document import Scenario
from .model import DEADWEIGHT_DESIGNS, FUNDERS, GROUPS, OUTCOME_FIELDS, Intervention, Uncertain

# Per-intervention uncertain inputs (besides the effects), in declaration order.
INTERVENTION_UNCERTAIN = tuple(name for name, spec in specs(Intervention) if spec.uncertain and name != "effect")
_LABELS = {name: spec.label for name, spec in specs(Intervention)}
GRADE_WEAK = 4  # evidence grades 4-6 are emerging, weak or untested


def _frozen(values, dtype=float) -> np.ndarray:
    array = np.array(values, dtype=dtype)
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class FixedInputs:
    """Inputs that are never drawn; arrays are read-only.

    Shapes: ``I`` interventions, ``S`` services, ``P`` funders, ``T`` years. ``eligible`` may
    also be ``[n, I]`` (one row per area, for batches of areas).
    """

    years: int
    eligible: np.ndarray  # [I] persons in each intervention's target group
    baseline: np.ndarray  # [I, S] contacts per person per year, u[g_i, s]
    effect_years: np.ndarray  # [I] years the effect can last, D_i
    attribution: np.ndarray  # [I] a_i
    # Per outcome (effect on use, wellbeing, QALYs), MODEL.md 10a-c: the optimism bias of its
    # grade [I], and 1 where its design has no comparison group, so deadweight applies [I].
    optimism: dict[str, np.ndarray]
    deadweight_applies: dict[str, np.ndarray]
    cost_uplift: np.ndarray  # [I] 1 + ob(cost_grade_i)
    fixed_cost: np.ndarray  # [I] £ a year, before the uplift
    setup_cost: np.ndarray  # [I] £ in year 0, before the uplift
    volunteer_hours: np.ndarray  # [I] hours per starter
    cashable_share: np.ndarray  # [S]
    service_party: np.ndarray  # [S, P] 1 where service s's cost falls on funder p
    funding: np.ndarray  # [I, P] share of intervention i's cost paid by funder p
    weak_effect: np.ndarray  # [I] 1 where the service-use evidence grade is 4 or worse
    weak_wellbeing: np.ndarray  # [I] 1 where the wellbeing evidence grade is 4 or worse
    discount: np.ndarray  # [T] DF[t]
    health_discount: np.ndarray  # [T] DFh[t]
    qaly_discount: np.ndarray  # [T] DFq[t]
    volunteer_hour_value: float  # £ an hour
    volunteer_time: str  # "benefit", "cost" or "excluded"
    qaly_threshold: float  # £ per QALY
    drop_off_varies: bool = True  # False when every drop-off is known exactly: persistence is worked out once


@dataclass(frozen=True)
class UncertainInput:
    """One uncertain input: where it lives in the scenario and in the draw arrays.

    ``key`` names its random stream; ``kind`` groups the inputs whose draws are correlated
    across interventions (``None`` for frame inputs, which are single draws); ``owner`` is
    the intervention's key (its id) for intervention inputs.
    """

    path: str  # scenario path, e.g. "interventions[0].effect.gp"
    label: str  # for people, e.g. "Social prescribing: Effect on GP consultation"
    array: str  # key in the draws dict
    index: tuple[int, ...]  # position inside one draw of that array
    value: Uncertain
    key: str = ""
    kind: str | None = None
    owner: str = ""


def intervention_key(iv: Intervention, row: int) -> str:
    """The intervention's id, or its row for one without (built in code, never saved)."""
    return iv.id or f"#{row + 1}"


def fixed_inputs(s: Scenario) -> FixedInputs:
    st = s.settings
    t = np.arange(st.horizon_years)
    ivs = s.interventions
    group = [GROUPS.index(i.target_group) for i in ivs]
    baseline = [[svc.baseline[g] for svc in s.services] for g in group]
    return FixedInputs(
        years=st.horizon_years,
        eligible=_frozen([s.eligible(i) for i in ivs]),
        baseline=_frozen(baseline).reshape(len(ivs), len(s.services)),
        effect_years=_frozen([i.effect_years for i in ivs]),
        attribution=_frozen([i.attribution for i in ivs]),
        optimism={o: _frozen([st.optimism_bias[i.grade_of(o) - 1] for i in ivs]) for o in OUTCOME_FIELDS},
        deadweight_applies={o: _frozen([float(i.design_of(o) in DEADWEIGHT_DESIGNS) for i in ivs])
                            for o in OUTCOME_FIELDS},
        cost_uplift=_frozen([1.0 + st.optimism_bias[i.cost_grade - 1] for i in ivs]),
        fixed_cost=_frozen([i.fixed_cost for i in ivs]),
        setup_cost=_frozen([i.setup_cost for i in ivs]),
        volunteer_hours=_frozen([i.volunteer_hours for i in ivs]),
        cashable_share=_frozen([svc.cashable_share for svc in s.services]),
        service_party=_frozen([[float(svc.party == p) for p in FUNDERS] for svc in s.services]).reshape(
            len(s.services), len(FUNDERS)),
        funding=_frozen([[i.funding_share(p) for p in FUNDERS] for i in ivs]).reshape(len(ivs), len(FUNDERS)),
        weak_effect=_frozen([float(i.evidence_grade >= GRADE_WEAK) for i in ivs]),
        weak_wellbeing=_frozen([float(i.wellbeing_grade >= GRADE_WEAK) for i in ivs]),
        discount=_frozen((1.0 + st.discount_rate) ** -t),
        health_discount=_frozen((1.0 + st.health_discount_rate) ** -t),
        qaly_discount=_frozen((1.0 + st.qaly_discount_rate) ** -t),
        volunteer_hour_value=float(st.volunteer_hour_value),
        volunteer_time=st.volunteer_time,
        qaly_threshold=float(st.qaly_threshold),
        drop_off_varies=any(not iv.drop_off.is_fixed for iv in ivs),
    )


def uncertain_inputs(s: Scenario) -> list[UncertainInput]:
    """Every uncertain input of ``s``: the frame's, then each intervention's."""
    out = [UncertainInput("settings.wellby_value", "WELLBY value", "wellby_value", (), s.settings.wellby_value,
                          "frame/wellby_value")]
    for j, svc in enumerate(s.services):
        out.append(UncertainInput(f"services[{j}].unit_cost", f"Unit cost: {svc.name}", "unit_cost", (j,),
                                  svc.unit_cost, f"frame/unit_cost/{svc.id}"))
    for i, iv in enumerate(s.interventions):
        owner = intervention_key(iv, i)
        for name in INTERVENTION_UNCERTAIN:
            out.append(UncertainInput(f"interventions[{i}].{name}", f"{iv.name}: {_LABELS[name]}", name, (i,),
                                      getattr(iv, name), f"iv/{owner}/{name}", name, owner))
        effects = dict(iv.effect)
        for j, svc in enumerate(s.services):
            if svc.id in effects:
                out.append(UncertainInput(f"interventions[{i}].effect.{svc.id}",
                                          f"{iv.name}: Effect on {svc.name}", "effect", (i, j), effects[svc.id],
                                          f"iv/{owner}/effect/{svc.id}", f"effect.{svc.id}", owner))
    return out


def stream(seed: int, key: str) -> np.random.Generator:
    """The random stream of one input: PCG64 seeded by ``seed`` and a hash of ``key``.

    The hash (SHA-256, first 16 bytes as four 32-bit words) is the same on every platform,
    so a seed reproduces a run anywhere.
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    words = tuple(int.from_bytes(digest[k:k + 4], "little") for k in range(0, 16, 4))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=words)))


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
    draws = {name: _rows(n, [getattr(getattr(iv, name), pick) for iv in ivs]) for name in INTERVENTION_UNCERTAIN}
    draws["effect"] = _rows(n, effect)
    draws["unit_cost"] = _rows(n, [getattr(svc.unit_cost, pick) for svc in s.services])
    draws["wellby_value"] = np.full(n, float(getattr(s.settings.wellby_value, pick)))
    return draws


def _rows(n: int, values) -> np.ndarray:
    """``n`` copies of ``values`` stacked along a new first axis (fresh and writable)."""
    values = np.asarray(values, dtype=float)
    out = np.empty((n,) + values.shape)
    out[...] = values
    return out
