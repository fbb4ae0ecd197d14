"""The cost-effectiveness pictures of a simulation (MODEL.md section 11c), and their sentences.

The cost-effectiveness acceptability curve (CEAC) is the share of draws in which each option
has the highest net monetary benefit ``qalys * lambda - net_cost`` as the threshold lambda
runs over :data:`CEAC_THRESHOLDS`; it is worked out in :mod:`.simulation`, which counts "best"
the same way for every probability it reports. The cost-effectiveness plane is each option's
incremental QALYs and incremental net cost against the comparator, one point per draw.
Both read the per-draw ``qalys`` and ``net_cost`` of each option: nothing is re-run.
"""

from __future__ import annotations

import numpy as np

from .compare import QUADRANTS
from .text import DO_NOTHING, QUADRANT_WORDS, format_money, format_percent

CEAC_POINTS = 41
CEAC_MAX = 100_000.0  # [£ per QALY] the top of NICE's usual range, and some way beyond it
CEAC_THRESHOLDS = np.linspace(0.0, CEAC_MAX, CEAC_POINTS)  # £2,500 apart: £20,000 and £30,000 fall on it
CEAC_THRESHOLDS.setflags(write=False)
QALYS, NET_COST = "qalys", "net_cost"
NO_DIFFERENCE = "no difference"
# Where a draw can sit, in the order tables list them; keys are compare's quadrant names.
PLANE_AREAS = (*QUADRANTS, NO_DIFFERENCE)
PLANE_AREA_WORDS = {**QUADRANT_WORDS, NO_DIFFERENCE: "no difference: same cost and QALYs"}


def draws_of(options, key: str) -> np.ndarray:
    """One figure's draws of every option side by side: [N, K]."""
    return np.column_stack([option.samples[key] for option in options])


def plane_points(options, k: int, comparator: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Incremental QALYs [N] and incremental net cost [N] £ of option ``k`` against ``comparator``.

    Against doing nothing (``comparator`` None) the increments are the option's own figures.
    """
    qalys, net_cost = options[k].samples[QALYS], options[k].samples[NET_COST]
    if comparator is None:
        return qalys.copy(), net_cost.copy()
    return qalys - options[comparator].samples[QALYS], net_cost - options[comparator].samples[NET_COST]


def plane_areas(inc_qalys: np.ndarray, inc_net_cost: np.ndarray) -> dict[str, float]:
    """Share of draws in each part of the plane, by the rules of :func:`.compare.quadrant`.

    A draw that is no dearer and no worse is "dominant" (on an axis counts for the better
    side); one with no change in cost or QALYs is "no difference" (the comparator itself).
    """
    same = (inc_qalys == 0) & (inc_net_cost == 0)
    dominant = (inc_net_cost <= 0) & (inc_qalys >= 0) & ~same
    dominated = (inc_net_cost >= 0) & (inc_qalys <= 0) & ~same & ~dominant
    rest = ~(same | dominant | dominated)
    masks = (dominant, dominated, rest & (inc_net_cost > 0), rest & (inc_net_cost < 0), same)
    n = max(len(inc_qalys), 1)
    return {area: float(mask.sum()) / n for area, mask in zip(PLANE_AREAS, masks)}


def plane_summary(inc_qalys: np.ndarray, inc_net_cost: np.ndarray, threshold: float) -> dict:
    """Means of the increments, the share of draws in each part of the plane, and the share
    cost-effective at ``threshold`` [£ per QALY] (incremental net monetary benefit above 0)."""
    return {"inc_qalys": float(np.mean(inc_qalys)), "inc_net_cost": float(np.mean(inc_net_cost)),
            "areas": plane_areas(inc_qalys, inc_net_cost),
            "cost_effective": float(np.mean(inc_qalys * threshold - inc_net_cost > 0))}


def comparator_name(document) -> str:
    """What the options are compared with, in words: "doing nothing" or the comparator's name."""
    return "doing nothing" if document.comparator is None else document.options[document.comparator].name


def contenders(sim) -> list[str]:
    """The options of a simulation, then doing nothing when it competes (no comparator)."""
    names = [option.name for option in sim.options]
    return names + [DO_NOTHING] if sim.prob_best_do_nothing is not None else names


def ceac_leader(sim, threshold: float) -> tuple[str, float]:
    """The likeliest to have the highest net monetary benefit at ``threshold``, and its share of draws."""
    probs, nothing = sim.ceac_at(threshold)
    shares = [*probs, *(() if nothing is None else (nothing,))]
    best = max(range(len(shares)), key=lambda j: shares[j])
    return contenders(sim)[best], float(shares[best])


def ceac_sentence(sim, threshold: float | None = None) -> str:
    """"At £20,000 per QALY, Full mix is the most cost-effective in 63% of draws." (the document's
    own threshold unless told)."""
    if threshold is None:
        threshold = sim.document.settings.qaly_threshold
    name, share = ceac_leader(sim, threshold)
    name = "doing nothing" if name == DO_NOTHING else name
    return f"At {format_money(threshold)} per QALY, {name} is the most cost-effective in {format_percent(share)} of draws."


def plane_sentence(name: str, against: str, summary: dict, threshold: float) -> str:
    """One option's place on the plane in words: average gain, average extra cost, and how often
    it is worth its cost at ``threshold``."""
    cost, gain = summary["inc_net_cost"], summary["inc_qalys"]
    health = (f"gains {gain:,.1f} QALYs" if gain > 0 else f"loses {-gain:,.1f} QALYs" if gain < 0 else
              "gains no QALYs")
    spend = (f"{format_money(cost, True)} more net cost" if cost > 0 else
             f"{format_money(-cost, True)} less net cost" if cost < 0 else "no change in net cost")
    return (f"Against {against}, {name} {health} for {spend} on average; it is "
            f"cost-effective at {format_money(threshold)} per QALY in {format_percent(summary['cost_effective'])} "
            "of draws.")
