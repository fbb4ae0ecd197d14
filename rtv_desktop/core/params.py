"""The scenario as arrays: fixed inputs, and the uncertain inputs with their random streams.

Every uncertain input (declared ``uncertain``) becomes one column of the draw arrays and
has its own random stream, keyed by what it is rather than where it sits
(:attr:`UncertainInput.key`): ``frame/wellby_value``, ``frame/unit_cost/<service id>``,
``frame/cashable_share/<service id>``, ``frame/baseline/<group>/<service id>``,
``iv/<intervention id>/<field>`` and ``iv/<intervention id>/effect/<service id>``. So the same
intervention gets the same draws in every option of a document (common random numbers), and
adding or reordering interventions does not change the draws of the others.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import numpy as np

from .declare import spec_of, specs
from .distributions import FAMILY_OF_KIND, Fitted, fitted
from .document import Scenario
from .model import (DEADWEIGHT_DESIGNS, FUNDERS, GROUP_LABELS, GROUPS, OUTCOME_FIELDS, Area, Intervention, Service,
                    Settings, Uncertain)

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
    baseline: np.ndarray  # [I, S] contacts per person per year, u[g_i, s], central values
    group: np.ndarray  # [I] each intervention's target group, its index in GROUPS
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
    cashable_share: np.ndarray  # [S] central values
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
    # False when every baseline use (cashable share) is known exactly: the central values above serve every draw.
    baseline_varies: bool = True
    cashable_varies: bool = True


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
    number: str = ""  # the declared kind of number ("fraction", "money", ...): it sets the fitted family
    what: str = ""  # the declared label of its kind of input ("Completion", "Baseline use"): sim.drawn names these


def intervention_key(iv: Intervention, row: int) -> str:
    """The intervention's id, or its row for one without (built in code, never saved)."""
    return iv.id or f"#{row + 1}"


def fixed_inputs(s: Scenario) -> FixedInputs:
    st = s.settings
    t = np.arange(st.horizon_years)
    ivs = s.interventions
    group = [GROUPS.index(i.target_group) for i in ivs]
    baseline = [[svc.baseline[g].central for svc in s.services] for g in group]
    return FixedInputs(
        years=st.horizon_years,
        eligible=_frozen([s.eligible(i) for i in ivs]),
        baseline=_frozen(baseline).reshape(len(ivs), len(s.services)),
        group=_frozen(group, dtype=np.intp),
        effect_years=_frozen([i.effect_years for i in ivs]),
        attribution=_frozen([i.attribution for i in ivs]),
        optimism={o: _frozen([st.optimism_bias[i.grade_of(o) - 1] for i in ivs]) for o in OUTCOME_FIELDS},
        deadweight_applies={o: _frozen([float(i.design_of(o) in DEADWEIGHT_DESIGNS) for i in ivs])
                            for o in OUTCOME_FIELDS},
        cost_uplift=_frozen([1.0 + st.optimism_bias[i.cost_grade - 1] for i in ivs]),
        fixed_cost=_frozen([i.fixed_cost for i in ivs]),
        setup_cost=_frozen([i.setup_cost for i in ivs]),
        volunteer_hours=_frozen([i.volunteer_hours for i in ivs]),
        cashable_share=_frozen([svc.cashable_share.central for svc in s.services]),
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
        baseline_varies=any(not u.is_fixed for svc in s.services for u in svc.baseline),
        cashable_varies=any(not svc.cashable_share.is_fixed for svc in s.services),
    )


def uncertain_inputs(s: Scenario) -> list[UncertainInput]:
    """Every uncertain input of ``s``: the frame's, then each intervention's.

    Baseline use counts for the groups and services an intervention of ``s`` recruits from and
    has an effect on (no other baseline figure can move a result).
    """
    wellby = spec_of(Settings, "wellby_value")
    out = [UncertainInput("settings.wellby_value", wellby.label, "wellby_value", (), s.settings.wellby_value,
                          "frame/wellby_value", number=wellby.kind, what=wellby.label)]
    for j, svc in enumerate(s.services):
        for name in ("unit_cost", "cashable_share"):
            spec = spec_of(Service, name)
            out.append(UncertainInput(f"services[{j}].{name}", f"{spec.label}: {svc.name}", name, (j,),
                                      getattr(svc, name), f"frame/{name}/{svc.id}", number=spec.kind,
                                      what=spec.label))
    out += _baseline_inputs(s)
    for i, iv in enumerate(s.interventions):
        owner = intervention_key(iv, i)
        for name in INTERVENTION_UNCERTAIN:
            spec = spec_of(Intervention, name)
            out.append(UncertainInput(f"interventions[{i}].{name}", f"{iv.name}: {_LABELS[name]}", name, (i,),
                                      getattr(iv, name), f"iv/{owner}/{name}", name, owner, spec.kind, spec.label))
        effects = dict(iv.effect)
        effect = spec_of(Intervention, "effect")
        for j, svc in enumerate(s.services):
            if svc.id in effects:
                out.append(UncertainInput(f"interventions[{i}].effect.{svc.id}",
                                          f"{iv.name}: Effect on {svc.name}", "effect", (i, j), effects[svc.id],
                                          f"iv/{owner}/effect/{svc.id}", f"effect.{svc.id}", owner, effect.kind,
                                          EFFECT_LABEL))
    return out


EFFECT_LABEL = "Effect on use"  # the kind of the per-service effects, as drawn and fixed inputs name it


def _baseline_inputs(s: Scenario) -> list[UncertainInput]:
    """Baseline use of each service by each target group that an intervention of ``s`` changes."""
    spec = spec_of(Service, "baseline")
    used = {(GROUPS.index(iv.target_group), sid) for iv in s.interventions for sid, _value in iv.effect}
    out = []
    for g, group in enumerate(GROUPS):
        for j, svc in enumerate(s.services):
            if (g, svc.id) in used:
                out.append(UncertainInput(f"baseline_use.{group}.{svc.id}",
                                          f"{spec.label}: {svc.name}, {GROUP_LABELS[group]}", "baseline", (g, j),
                                          svc.baseline[g], f"frame/baseline/{group}/{svc.id}", number=spec.kind,
                                          what=spec.label))
    return out


def law_of(item: UncertainInput) -> Fitted:
    """The fitted distribution of ``item`` (MODEL.md 11a): its family by its kind of number."""
    return fitted(item.value, FAMILY_OF_KIND[item.number])


def is_drawn(item: UncertainInput, distributions: str) -> bool:
    """Whether a simulation draws ``item``: its range is not degenerate and, fitted, the family
    can spread around its central value (a share whose mean is 0 cannot)."""
    if item.value.is_fixed:
        return False
    return distributions != "fitted" or not law_of(item).is_constant


# Inputs a simulation never draws, by their declared labels (besides uncertain inputs whose range
# is degenerate everywhere).
ALWAYS_FIXED = ((Intervention, "effect_years"), (Intervention, "attribution"), (Intervention, "fixed_cost"),
                (Intervention, "setup_cost"), (Intervention, "volunteer_hours"), (Settings, "volunteer_hour_value"),
                (Settings, "optimism_bias"), (Settings, "discount_rate"), (Settings, "health_discount_rate"),
                (Settings, "qaly_discount_rate"), (Area, "population"), (Area, "adult_share"),
                (Area, "over65_share"), (Area, "ltc_share"), (Area, "multimorbid_share"))


def drawn_and_fixed(s: Scenario, distributions: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The kinds of input a simulation of ``s`` draws and those it holds fixed, by declared label.

    Intervention inputs come first, then the frame's (baseline use, cashable shares, unit costs,
    the WELLBY value); a kind is drawn when any input of it is (:func:`is_drawn`), and fixed
    when every input of it has a degenerate range.
    """
    inputs = sorted(uncertain_inputs(s), key=lambda item: not item.owner)  # stable: interventions first
    kinds = list(dict.fromkeys(item.what for item in inputs))
    drawn = {item.what for item in inputs if is_drawn(item, distributions)}
    always = [spec_of(cls, name).label for cls, name in ALWAYS_FIXED]
    return (tuple(k for k in kinds if k in drawn),
            tuple([k for k in kinds if k not in drawn] + always))


def stream(seed: int, key: str) -> np.random.Generator:
    """The random stream of one input: PCG64 seeded by ``seed`` and a hash of ``key``.

    The hash (SHA-256, first 16 bytes as four 32-bit words) is the same on every platform,
    so a seed reproduces a run anywhere.
    """
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    words = tuple(int.from_bytes(digest[k:k + 4], "little") for k in range(0, 16, 4))
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed, spawn_key=words)))


def draws_at(s: Scenario, n: int, pick: str = "central", writable=None) -> dict[str, np.ndarray]:
    """Draw arrays with every uncertain input at ``pick`` ("central", "low" or "high").

    Shapes: ``wellby_value [n]``, ``unit_cost [n, S]``, ``cashable_share [n, S]``, ``baseline
    [n, G, S]`` (every target group of :data:`GROUPS`), per-intervention inputs ``[n, I]``,
    ``effect [n, I, S]`` (zero where an intervention does not affect a service). The
    arrays are fresh and writable, so callers may overwrite columns with draws; given
    ``writable`` (names of arrays), the others are read-only views of one row (nothing is drawn
    into them, and repeating a row ``n`` times in memory would cost time for nothing).
    """
    ivs, column = s.interventions, {sid: j for j, sid in enumerate(s.service_ids)}
    effect = np.zeros((len(ivs), len(s.services)))
    for i, iv in enumerate(ivs):
        for sid, value in iv.effect:
            if sid in column:
                effect[i, column[sid]] = getattr(value, pick)
    rows = {name: [getattr(getattr(iv, name), pick) for iv in ivs] for name in INTERVENTION_UNCERTAIN}
    rows["effect"] = effect
    rows["unit_cost"] = [getattr(svc.unit_cost, pick) for svc in s.services]
    rows["cashable_share"] = [getattr(svc.cashable_share, pick) for svc in s.services]
    use = np.array([[getattr(svc.baseline[g], pick) for svc in s.services] for g in range(len(GROUPS))], dtype=float)
    rows["baseline"] = use.reshape(len(GROUPS), len(s.services))
    rows["wellby_value"] = float(getattr(s.settings.wellby_value, pick))
    return {name: _rows(n, values, writable is None or name in writable) for name, values in rows.items()}


def _rows(n: int, values, fresh: bool = True) -> np.ndarray:
    """``n`` copies of ``values`` stacked along a new first axis: fresh and writable, or (not
    ``fresh``) a read-only view that repeats one row."""
    values = np.asarray(values, dtype=float)
    if not fresh:
        return np.broadcast_to(values, (n,) + values.shape)
    out = np.empty((n,) + values.shape)
    out[...] = values
    return out
