"""The valuation equations of MODEL.md sections 3 and 8-9, vectorised over draws.

Every function takes a batch of ``n`` parameter sets (draws) at once: a deterministic run
is a batch of one, the tornado a batch of ``2K + 1``, the Monte Carlo simulation batches of
thousands, a run over every area a batch of areas. No Python loop runs over interventions
or draws; the only loop is over the (at most 10) years in :func:`cumulative_persistence`.

Figures are first worked out per intervention (:func:`intervention_values`), then added up
per option with a membership matrix (:func:`option_totals`), then turned into net values and
ratios (:func:`headline`): a document's options share one evaluation of their interventions.
"""

from __future__ import annotations

import numpy as np

from .params import FixedInputs

# Present values and other figures that add up over interventions.
PV_KEYS = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "qalys")
ADDITIVE_KEYS = PV_KEYS + ("wellbys", "pv_social_weak", "starters", "completers", "total_cost")
SIMULATED_TOTALS = PV_KEYS + ("wellbys",)  # what a simulation reports needs no more


def persistence(drop_off: np.ndarray, effect_years: np.ndarray, years: int) -> np.ndarray:
    """Share of the effect left ``y`` years after starting, [n, I, T].

    Notes
    -----
    ``pi(y) = (1 - d)^y`` for ``0 <= y < D``, else 0.
    """
    y = np.arange(years)
    lasting = y < effect_years[:, None]  # [I, T]
    return np.power(1.0 - drop_off[..., None], y) * lasting


def cumulative_persistence(drop_off: np.ndarray, effect_years: np.ndarray, years: int) -> np.ndarray:
    """``cumsum(pi, axis=-1)`` without ``np.power``: [n, I, T].

    A short loop over the (at most 10) years, each step vectorised over draws and
    interventions, is several times faster than a power and a cumsum on [n, I, T] arrays.
    """
    out = np.empty(drop_off.shape + (years,))
    keep = 1.0 - drop_off
    pi = np.ones_like(drop_off)
    total = np.zeros_like(drop_off)
    for y in range(years):
        if y:
            pi = pi * keep
        total = total + pi * (y < effect_years)
        out[..., y] = total
    return out


def effect_weighted_completers(completers: np.ndarray, pi: np.ndarray) -> np.ndarray:
    """Completers still benefiting in each year, weighted by persistence [persons].

    Notes
    -----
    ``K[i,t] = sum_{c=0..t} C_i * pi_i(t - c)``: every year's cohort is the same size, so
    the sum over cohorts is ``C_i`` times the cumulative sum of ``pi_i``.
    """
    return completers[..., None] * np.cumsum(pi, axis=-1)


def optimism_factor(value: np.ndarray, ob: np.ndarray) -> np.ndarray:
    """``m(x, g)``: ``1 - ob`` on a benefit (x >= 0), ``1 + ob`` on a harm (MODEL.md 10b).

    Optimism bias corrects benefits that are overstated and harms that are understated, so it
    never makes a harm smaller.
    """
    return np.where(value >= 0, 1.0 - ob, 1.0 + ob)


def adjusted(fixed: FixedInputs, d: dict[str, np.ndarray], outcome: str, value: np.ndarray) -> np.ndarray:
    """``value * A_i,o``: an outcome's drawn value net of deadweight (only where its design had no
    comparison group), times attribution and its grade's optimism factor; shape of ``value``.

    ``value`` is [n, I], or [n, I, S] for the effects on use (each effect has its own sign).
    """
    keep = 1.0 - d["deadweight"] * fixed.deadweight_applies[outcome]  # [n, I]
    ob = fixed.optimism[outcome]
    if value.ndim == 3:
        return value * optimism_factor(value, ob[:, None]) * (keep * fixed.attribution)[..., None]
    return value * optimism_factor(value, ob) * keep * fixed.attribution


def baseline_use(fixed: FixedInputs, d: dict[str, np.ndarray]) -> np.ndarray:
    """``u[g_i, s]``: each intervention's group's use of each service [contacts per person a year],
    [n, I, S] from the draws, or the central values [I, S] when none is uncertain."""
    return d["baseline"][:, fixed.group, :] if fixed.baseline_varies else fixed.baseline


def cashable_shares(fixed: FixedInputs, d: dict[str, np.ndarray]) -> np.ndarray:
    """The cashable share of each service's saving: [n, S] from the draws, or [1, S] central values."""
    return d["cashable_share"] if fixed.cashable_varies else fixed.cashable_share[None, :]


def _annual_cost(fixed: FixedInputs, starters: np.ndarray, cost_per_starter: np.ndarray) -> np.ndarray:
    """Delivery and fixed cost of each year [£], raised by the cost optimism bias: [n, I]."""
    return (starters * cost_per_starter + fixed.fixed_cost) * fixed.cost_uplift


def yearly_flows(fixed: FixedInputs, d: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Yearly flows per draw and intervention, each of shape [n, I, T] (£, or QALYs).

    Notes
    -----
    ``R = E * reach``, ``C = R * completion``,
    ``saving[i,t] = K[i,t] * sum_s u[g_i,s] * effect[i,s] * A_i,s * unit_cost[s]``,
    ``cashable`` the same with ``cashable_share[s]`` inside the sum,
    ``cost[i,t] = (R_i * cost_per_starter_i + fixed_cost_i + (t == 0) * setup_cost_i) * (1 + ob(cost_grade_i))``,
    ``wellbeing[i,t] = K[i,t] * wellbeing_gain_i * A_i,w * wellby_value``,
    ``qalys[i,t] = K[i,t] * qaly_gain_i * A_i,q``, with ``A`` per outcome (:func:`adjusted`),
    ``volunteer[i,t] = R_i * volunteer_hours_i * volunteer_hour_value``.
    """
    starters = fixed.eligible * d["reach"]  # [n, I]
    completers = starters * d["completion"]
    k = effect_weighted_completers(completers, persistence(d["drop_off"], fixed.effect_years, fixed.years))
    # [n, I, S] contacts per completer-year
    avoided = adjusted(fixed, d, "effect", d["effect"]) * baseline_use(fixed, d)
    value = avoided * d["unit_cost"][:, None, :]  # [n, I, S] £ per completer-year
    cost = _annual_cost(fixed, starters, d["cost_per_starter"])[..., None] * np.ones(fixed.years)
    cost[..., 0] += fixed.setup_cost * fixed.cost_uplift
    volunteer = starters * fixed.volunteer_hours * fixed.volunteer_hour_value
    return {
        "starters": starters,
        "completers": completers,
        "effect_weighted": k,
        "avoided_rate": avoided,
        "saving": k * value.sum(axis=-1)[..., None],
        "cashable": k * (value * cashable_shares(fixed, d)[:, None, :]).sum(axis=-1)[..., None],
        "cost": cost,
        "wellbeing": k * (adjusted(fixed, d, "wellbeing", d["wellbeing_gain"]) * d["wellby_value"][:, None])[..., None],
        "qalys": k * adjusted(fixed, d, "qaly", d["qaly_gain"])[..., None],
        "volunteer": volunteer[..., None] * np.ones(fixed.years),
    }


def intervention_values(fixed: FixedInputs, d: dict[str, np.ndarray], parties: bool = False) -> dict[str, np.ndarray]:
    """Per draw and intervention: present values and totals [n, I], and the yearly net [n, I, T].

    Keys: :data:`ADDITIVE_KEYS`, ``social`` [n, I] (this intervention's social value on the
    basis of the volunteer-time setting, for the strength-of-evidence share), ``active`` [n, I]
    (anything spent or saved), what the yearly net needs (``saving_rate``, ``cum_pi``
    [n, I, T], ``annual_cost``, ``setup``) and, with ``parties``, ``saving_by_party`` and
    ``cashable_by_party`` [n, I, P] (present values by the funder whose services save).

    Notes
    -----
    Every benefit stream is a per-intervention rate times ``K[i,t] = C_i * cumsum(pi_i)[t]``,
    so its present value is the rate times ``sum_t cumsum(pi_i)[t] * DF[t]``: only the
    persistence array is [n, I, T]; everything else is [n, I].
    ``qalys_i = sum_t K[i,t] * qaly_gain_i * A_i * DFq[t]``; ``wellbys_i`` likewise with the
    wellbeing gain and ``DFh`` (``pv_wellbeing = wellbys * wellby_value``).
    """
    starters = fixed.eligible * d["reach"]
    completers = starters * d["completion"]
    # [n, I, T]; [1, I, T] when no drop-off is uncertain (the same in every draw, so worked out once)
    drop_off = d["drop_off"] if fixed.drop_off_varies else d["drop_off"][:1]
    cum_pi = cumulative_persistence(drop_off, fixed.effect_years, fixed.years)
    # Contacts avoided per completer-year net of additionality (A_i,s), valued by a batched
    # product over services (much faster than broadcasting the unit costs over [n, I, S] and summing).
    avoided = adjusted(fixed, d, "effect", d["effect"]) * baseline_use(fixed, d)  # [n, I, S]
    unit_cost = d["unit_cost"][:, :, None]  # [n, S, 1]
    cashable_share = cashable_shares(fixed, d)[:, :, None]  # [n or 1, S, 1]
    per_completer = (avoided @ unit_cost)[..., 0]  # £ per completer-year [n, I]
    saving_rate = completers * per_completer  # £ per unit of cum_pi
    pv_factor = completers * (cum_pi @ fixed.discount)  # C_i * sum_t cumsum(pi)[t] * DF[t]
    annual_cost = _annual_cost(fixed, starters, d["cost_per_starter"])
    setup = fixed.setup_cost * fixed.cost_uplift
    wellbys = completers * adjusted(fixed, d, "wellbeing", d["wellbeing_gain"]) * (cum_pi @ fixed.health_discount)
    years = fixed.discount.sum()
    out = {
        "pv_cost": annual_cost * years + setup,
        "pv_saving": per_completer * pv_factor,
        "pv_cashable": (avoided @ (unit_cost * cashable_share))[..., 0] * pv_factor,
        "wellbys": wellbys,
        "pv_wellbeing": wellbys * d["wellby_value"][:, None],
        "pv_volunteer": starters * (fixed.volunteer_hours * fixed.volunteer_hour_value * years),
        "qalys": completers * adjusted(fixed, d, "qaly", d["qaly_gain"]) * (cum_pi @ fixed.qaly_discount),
        "starters": starters * fixed.years,
        "completers": completers * fixed.years,
        "total_cost": annual_cost * fixed.years + setup,
        "active": (annual_cost != 0) | (setup != 0) | (saving_rate != 0),
        "saving_rate": saving_rate, "cum_pi": cum_pi, "annual_cost": annual_cost, "setup": setup,
    }
    if parties:
        out["saving_by_party"] = pv_factor[..., None] * (avoided @ (unit_cost * fixed.service_party))
        cashable = unit_cost * (cashable_share * fixed.service_party)
        out["cashable_by_party"] = pv_factor[..., None] * (avoided @ cashable)
    out["social"] = social_value(out, fixed.volunteer_time)
    out["pv_social_weak"] = weak_social_value(out, fixed)
    return out


def weak_social_value(pv: dict[str, np.ndarray], fixed: FixedInputs) -> np.ndarray:
    """Social value resting on weak evidence (grades 4-6), counted per outcome (MODEL.md 10c):
    savings and volunteer time (where it is a benefit) by the service-use grade, wellbeing by
    its own grade [£], [n, I]."""
    rest = pv["social"] - pv["pv_wellbeing"]
    return rest * fixed.weak_effect + pv["pv_wellbeing"] * fixed.weak_wellbeing


def option_totals(per_i: dict[str, np.ndarray], membership: np.ndarray,
                  keys: tuple[str, ...] = ADDITIVE_KEYS) -> dict[str, np.ndarray]:
    """Per-intervention figures added up for each option: [n, K], and ``yearly_net`` [n, K, T].

    ``membership`` [I, K] is 1 where intervention ``i`` belongs to option ``k``; ``keys`` are the
    figures added up (a simulation needs fewer than a deterministic run). The yearly net
    (undiscounted saving minus cost) is ``sum_i M[i,k] * (saving_rate_i * cumsum(pi_i)[t] -
    annual_cost_i - (t == 0) * setup_i)``.
    """
    stacked = by_option(np.stack([per_i[key] for key in keys], axis=1), membership)  # [n, keys, K]
    out = {key: stacked[:, j] for j, key in enumerate(keys)}
    weights = per_i["saving_rate"][:, :, None] * membership  # [n, I, K]
    yearly = np.matmul(per_i["cum_pi"].transpose(0, 2, 1), weights).transpose(0, 2, 1)  # [n, K, T]
    yearly -= by_option(per_i["annual_cost"], membership)[..., None]
    yearly[..., 0] -= per_i["setup"] @ membership
    out["yearly_net"] = yearly
    return out


def by_option(values: np.ndarray, membership: np.ndarray) -> np.ndarray:
    """Figures per intervention ``[n, ..., I]`` added up per option: ``[n, ..., K]``.

    A batched product, one small matrix product per draw: a single BLAS product over all
    draws may add in a different order for a different number of rows, and the answer must
    not depend on the chunk size.
    """
    batch = values if values.ndim == 3 else values[:, None, :]
    summed = np.matmul(batch, np.broadcast_to(membership, (len(values),) + membership.shape))
    return summed if values.ndim == 3 else summed[:, 0, :]


def social_value(pv: dict[str, np.ndarray], volunteer_time: str) -> np.ndarray:
    """``PV_social`` on the basis of MODEL.md 8c: volunteer time counts only as a benefit."""
    social = pv["pv_saving"] + pv["pv_wellbeing"]
    return social + pv["pv_volunteer"] if volunteer_time == "benefit" else social


def ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator``, NaN (reported as null) where the denominator is 0.

    A denominator so close to zero that the ratio overflows is treated as zero too.
    """
    with np.errstate(all="ignore"):
        quotient = numerator / np.where(denominator != 0, denominator, 1.0)
    return np.where((denominator != 0) & np.isfinite(quotient), quotient, np.nan)


def headline(pv: dict[str, np.ndarray], volunteer_time: str, qaly_threshold: float) -> dict[str, np.ndarray]:
    """Net values and ratios from totals (any matching shapes) [£, QALYs or ratio].

    Notes
    -----
    ``npv_fiscal = PV_saving - PV_cost``; ``npv_cashable = PV_cashable - PV_cost``;
    social value and social cost per the volunteer-time setting (MODEL.md 8c):
    ``npv_social = PV_social - PV_cost (- PV_volunteer when it is a cost)``,
    ``bcr_social = PV_social / social cost``; ``bcr_fiscal = PV_saving / PV_cost``;
    ``roi_fiscal = npv_fiscal / PV_cost``; ``break_even_multiplier = PV_cost / PV_saving`` (NaN
    unless PV_saving > 0: no scaling of the effects breaks even when savings are at or below
    zero); ``npv_social_excl_wellbeing = npv_social - PV_wellbeing``; ``switch_wellbeing = 1 -
    npv_social / PV_wellbeing`` (NaN unless PV_wellbeing > 0), the factor on every wellbeing
    gain at which net social value is zero (MODEL.md 10d);
    ``net_cost = PV_cost - PV_saving``; ``cost_per_qaly = net_cost / qalys`` (NaN unless
    qalys > 0); ``nmb = qalys * threshold - net_cost``; ``share_social_weak_evidence =
    PV_social on grade 4-6 evidence, per outcome / PV_social`` (NaN unless PV_social > 0). Zero
    denominators give NaN.
    """
    cost = pv["pv_cost"]
    out = dict(pv)
    out["pv_social"] = social_value(pv, volunteer_time)
    social_cost = cost + pv["pv_volunteer"] if volunteer_time == "cost" else cost
    out["npv_fiscal"] = pv["pv_saving"] - cost
    out["npv_cashable"] = pv["pv_cashable"] - cost
    out["npv_social"] = out["pv_social"] - social_cost
    out["bcr_fiscal"] = ratio(pv["pv_saving"], cost)
    out["bcr_social"] = ratio(out["pv_social"], social_cost)
    out["roi_fiscal"] = ratio(out["npv_fiscal"], cost)
    out["break_even_multiplier"] = np.where(pv["pv_saving"] > 0, ratio(cost, pv["pv_saving"]), np.nan)
    out["npv_social_excl_wellbeing"] = out["npv_social"] - pv["pv_wellbeing"]
    out["switch_wellbeing"] = np.where(pv["pv_wellbeing"] > 0, 1.0 - ratio(out["npv_social"], pv["pv_wellbeing"]),
                                       np.nan)
    out["net_cost"] = cost - pv["pv_saving"]
    out["cost_per_qaly"] = np.where(pv["qalys"] > 0, ratio(out["net_cost"], pv["qalys"]), np.nan)
    out["nmb"] = pv["qalys"] * qaly_threshold - out["net_cost"]
    if "pv_social_weak" in pv:
        out["share_social_weak_evidence"] = np.where(out["pv_social"] > 0,
                                                     ratio(pv["pv_social_weak"], out["pv_social"]), np.nan)
    return out


def payback_year(cumulative_net: np.ndarray, spent_or_saved: np.ndarray | None = None) -> np.ndarray:
    """First year ``t`` whose undiscounted cumulative (saving - cost) is >= 0, else -1.

    ``cumulative_net`` has shape [..., T]; the result drops the last axis (integers).
    Where nothing was spent and nothing saved (``spent_or_saved`` False) there is no
    payback to report: -1.
    """
    reached = cumulative_net >= 0
    year = np.where(reached.any(axis=-1), reached.argmax(axis=-1), -1)
    return year if spent_or_saved is None else np.where(spent_or_saved, year, -1)


def evaluate_options(fixed: FixedInputs, d: dict[str, np.ndarray], membership: np.ndarray,
                     parties: bool = False, keys: tuple[str, ...] = ADDITIVE_KEYS) -> dict[str, np.ndarray]:
    """Every headline figure of every option for every draw: [n, K] (``cumulative_net`` [n, K, T]).

    Adds ``payback_year`` (-1 for none: also when nothing is spent and nothing saved) and,
    with ``parties``, ``saving_by_party``, ``cashable_by_party`` and ``pays_by_party`` [n, K, P].
    """
    per_i = intervention_values(fixed, d, parties)
    totals = option_totals(per_i, membership, keys)
    out = headline(totals, fixed.volunteer_time, fixed.qaly_threshold)
    out["cumulative_net"] = np.cumsum(totals["yearly_net"], axis=-1)
    out["payback_year"] = payback_year(out["cumulative_net"], by_option(per_i["active"], membership) > 0)
    if parties:
        out["saving_by_party"] = np.einsum("nip,ik->nkp", per_i["saving_by_party"], membership)
        out["cashable_by_party"] = np.einsum("nip,ik->nkp", per_i["cashable_by_party"], membership)
        out["pays_by_party"] = np.einsum("ni,ip,ik->nkp", per_i["pv_cost"], fixed.funding, membership)
    return out


def evaluate(fixed: FixedInputs, d: dict[str, np.ndarray], parties: bool = False) -> dict[str, np.ndarray]:
    """Headline figures of one intervention mix for every draw: arrays of shape [n].

    The keys of :func:`evaluate_options` for a single option (every intervention in it);
    ``cumulative_net`` is [n, T], the by-party arrays [n, P].
    """
    membership = np.ones((fixed.effect_years.size, 1))
    return {key: value[:, 0] for key, value in evaluate_options(fixed, d, membership, parties).items()}
