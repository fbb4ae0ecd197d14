"""The valuation equations of MODEL.md section 3, vectorised over draws.

Every function takes a batch of ``n`` parameter sets (draws) at once: a deterministic run
is a batch of one, the tornado a batch of ``2K + 1``, the Monte Carlo simulation batches of
thousands. No Python loop runs over interventions or draws; the only loop is over the
(at most 10) years in :func:`cumulative_persistence`.
"""

from __future__ import annotations

import numpy as np

from .params import FixedInputs

# Figures summed over interventions for each draw (all in £ present value).
PV_KEYS = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "pv_social")


def persistence(drop_off: np.ndarray, effect_years: np.ndarray, years: int) -> np.ndarray:
    """Share of the effect left ``y`` years after starting.

    Parameters
    ----------
    drop_off : ndarray [n, I]
        Share of the effect lost each year after the start year [fraction/yr].
    effect_years : ndarray [I]
        Years the effect can last, counting the start year [years].
    years : int
        Horizon ``T`` [years].

    Returns
    -------
    ndarray [n, I, T]

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


def additionality(fixed: FixedInputs, deadweight: np.ndarray) -> np.ndarray:
    """``A_i = (1 - w_i) * a_i * (1 - ob(g_i))`` [fraction], shape [n, I]."""
    return (1.0 - deadweight) * fixed.additionality_fixed


def yearly_flows(fixed: FixedInputs, d: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Yearly £ flows per draw and intervention, each of shape [n, I, T].

    Notes
    -----
    ``R = E * reach``, ``C = R * completion``,
    ``saving[i,t] = K[i,t] * A_i * sum_s u[g_i,s] * effect[i,s] * unit_cost[s]``,
    ``cashable`` the same with ``cashable_share[s]`` inside the sum,
    ``cost[i,t] = R_i * cost_per_starter_i + fixed_cost_i + (t == 0) * setup_cost_i``,
    ``wellbeing[i,t] = K[i,t] * wellbeing_gain_i * A_i * wellby_value``,
    ``volunteer[i,t] = R_i * volunteer_hours_i * volunteer_hour_value``.
    """
    starters = fixed.eligible * d["reach"]  # [n, I]
    completers = starters * d["completion"]
    k = effect_weighted_completers(completers, persistence(d["drop_off"], fixed.effect_years, fixed.years))
    add = additionality(fixed, d["deadweight"])
    value = d["effect"] * fixed.baseline * d["unit_cost"][:, None, :]  # [n, I, S] £ per completer-year
    per_year_saving = add * value.sum(axis=-1)
    per_year_cashable = add * (value * fixed.cashable_share).sum(axis=-1)
    cost = (starters * d["cost_per_starter"] + fixed.fixed_cost)[..., None] * np.ones(fixed.years)
    cost[..., 0] += fixed.setup_cost
    wellbeing_rate = d["wellbeing_gain"] * add * d["wellby_value"][:, None]
    volunteer = starters * fixed.volunteer_hours * fixed.volunteer_hour_value
    return {
        "starters": starters,
        "completers": completers,
        "effect_weighted": k,
        "additionality": add,
        "saving": k * per_year_saving[..., None],
        "cashable": k * per_year_cashable[..., None],
        "cost": cost,
        "wellbeing": k * wellbeing_rate[..., None],
        "volunteer": volunteer[..., None] * np.ones(fixed.years),
    }


def present_values(fixed: FixedInputs, flows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Present values per draw and intervention [£], each of shape [n, I].

    Notes
    -----
    ``DF[t] = (1 + r)^-t`` for costs, savings and volunteer time; ``DFh[t] = (1 + r_h)^-t``
    for wellbeing. ``PV_social = PV_saving + PV_wellbeing + PV_volunteer``.
    """
    df, dfh = fixed.discount, fixed.health_discount
    pv = {
        "pv_cost": flows["cost"] @ df,
        "pv_saving": flows["saving"] @ df,
        "pv_cashable": flows["cashable"] @ df,
        "pv_wellbeing": flows["wellbeing"] @ dfh,
        "pv_volunteer": flows["volunteer"] @ df,
    }
    pv["pv_social"] = pv["pv_saving"] + pv["pv_wellbeing"] + pv["pv_volunteer"]
    return pv


def ratio(numerator: np.ndarray, denominator: np.ndarray) -> np.ndarray:
    """``numerator / denominator``, NaN (reported as null) where the denominator is 0.

    A denominator so close to zero that the ratio overflows is treated as zero too.
    """
    with np.errstate(all="ignore"):
        quotient = numerator / np.where(denominator != 0, denominator, 1.0)
    return np.where((denominator != 0) & np.isfinite(quotient), quotient, np.nan)


def headline(pv: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Net values and ratios from present values (any matching shapes) [£ or ratio].

    Notes
    -----
    ``npv_fiscal = PV_saving - PV_cost``; ``npv_cashable = PV_cashable - PV_cost``;
    ``npv_social = PV_social - PV_cost``; ``bcr_fiscal = PV_saving / PV_cost``;
    ``bcr_social = PV_social / PV_cost``; ``roi_fiscal = npv_fiscal / PV_cost``;
    ``break_even_multiplier = PV_cost / PV_saving``. Zero denominators give NaN.
    """
    cost = pv["pv_cost"]
    out = dict(pv)
    out["npv_fiscal"] = pv["pv_saving"] - cost
    out["npv_cashable"] = pv["pv_cashable"] - cost
    out["npv_social"] = pv["pv_social"] - cost
    out["bcr_fiscal"] = ratio(pv["pv_saving"], cost)
    out["bcr_social"] = ratio(pv["pv_social"], cost)
    out["roi_fiscal"] = ratio(out["npv_fiscal"], cost)
    out["break_even_multiplier"] = ratio(cost, pv["pv_saving"])
    return out


def payback_year(cumulative_net: np.ndarray) -> np.ndarray:
    """First year ``t`` whose undiscounted cumulative (saving - cost) is >= 0, else -1.

    ``cumulative_net`` has shape [n, T]; the result has shape [n] (integers).
    """
    reached = cumulative_net >= 0
    return np.where(reached.any(axis=-1), reached.argmax(axis=-1), -1)


def evaluate(fixed: FixedInputs, d: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Headline figures for every draw, without the full yearly arrays (the fast path).

    Returns arrays of shape [n] (summed over interventions): the keys of :data:`PV_KEYS`,
    nets, ratios, ``payback_year`` (-1 for none), ``starters`` and ``completers`` over the
    horizon, plus ``cumulative_net`` [n, T], the undiscounted cumulative fiscal net by year.

    Notes
    -----
    Every benefit stream is a per-intervention rate times ``K[i,t] = C_i * cumsum(pi_i)[t]``,
    so its present value is the rate times ``sum_t cumsum(pi_i)[t] * DF[t]``: only the
    persistence array is [n, I, T]; everything else is [n, I].
    """
    starters = fixed.eligible * d["reach"]
    completers = starters * d["completion"]
    cum_pi = cumulative_persistence(d["drop_off"], fixed.effect_years, fixed.years)  # [n, I, T]
    add = additionality(fixed, d["deadweight"])
    value = d["effect"] * fixed.baseline * d["unit_cost"][:, None, :]  # [n, I, S]
    saving_rate = completers * add * value.sum(axis=-1)  # £ per unit of cum_pi
    cashable_rate = completers * add * (value @ fixed.cashable_share)
    wellbeing_rate = completers * add * d["wellbeing_gain"] * d["wellby_value"][:, None]
    annual_cost = starters * d["cost_per_starter"] + fixed.fixed_cost
    df_sum = fixed.discount.sum()
    k_df, k_dfh = cum_pi @ fixed.discount, cum_pi @ fixed.health_discount  # [n, I]
    pv = {
        "pv_cost": (annual_cost * df_sum + fixed.setup_cost).sum(axis=-1),
        "pv_saving": (saving_rate * k_df).sum(axis=-1),
        "pv_cashable": (cashable_rate * k_df).sum(axis=-1),
        "pv_wellbeing": (wellbeing_rate * k_dfh).sum(axis=-1),
        "pv_volunteer": (starters * fixed.volunteer_hours).sum(axis=-1) * fixed.volunteer_hour_value * df_sum,
    }
    pv["pv_social"] = pv["pv_saving"] + pv["pv_wellbeing"] + pv["pv_volunteer"]
    out = headline(pv)
    yearly_net = np.einsum("ni,nit->nt", saving_rate, cum_pi) - annual_cost.sum(axis=-1)[:, None]
    yearly_net[:, 0] -= fixed.setup_cost.sum()
    out["cumulative_net"] = np.cumsum(yearly_net, axis=-1)
    out["payback_year"] = payback_year(out["cumulative_net"])
    out["starters"] = starters.sum(axis=-1) * fixed.years
    out["completers"] = completers.sum(axis=-1) * fixed.years
    return out
