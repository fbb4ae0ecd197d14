"""Options compared, as a business case must (MODEL.md section 6).

Each option is valued on the shared frame; increments are taken against the comparator
(or doing nothing), the incremental cost per QALY is placed in its quadrant, and the
preferred option is the one with the highest net social value.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .document import Document
from .outputs import INCREMENT_BASES as INCREMENT_KEYS
from .outputs import NPV_FISCAL, NPV_SOCIAL
from .results import Results, run

QUADRANTS = ("dominant", "dominated", "more costly, more effective", "cheaper, less effective")


@dataclass(frozen=True)
class Comparison:
    """What :func:`compare` found.

    ``options[k]`` is option ``k``'s :class:`Results`; ``increments[k]`` holds ``inc_<key>``
    for :data:`INCREMENT_KEYS`, ``inc_bcr_social``, ``icer`` and ``icer_quadrant`` (zeros and
    ``None`` for the comparator itself); ``preferred`` is the index of the option with the
    highest net social value, or ``None`` when doing nothing (no comparator) does better;
    ``ranking`` lists the options from best to worst (``None`` for doing nothing).
    """

    document: Document
    options: tuple[Results, ...]
    increments: tuple[dict, ...]
    preferred: int | None
    ranking: tuple[int | None, ...]

    @property
    def comparator(self) -> int | None:
        return self.document.comparator

    def net_social(self, k: int | None) -> float:
        """Net social value of option ``k``; doing nothing (``None``) has none."""
        return 0.0 if k is None else self.options[k].summary[NPV_SOCIAL]

    def net_fiscal(self, k: int | None) -> float:
        return 0.0 if k is None else self.options[k].summary[NPV_FISCAL]


def compare(doc: Document) -> Comparison:
    """Value every option of ``doc`` and compare them.

    Raises
    ------
    InvalidScenario
        If any option does not pass :func:`validate` (``.issues`` lists its problems).
    ValueError
        If the comparator is not the index of an option.

    Notes
    -----
    ``inc_X = X_k - X_c`` (``X_c`` = 0 for doing nothing);
    ``inc_bcr_social = inc_pv_social / inc_social_cost`` (social cost: ``pv_cost``, plus
    ``pv_volunteer`` when volunteer time is a cost), null unless the denominator is > 0;
    ``icer = (inc_pv_cost - inc_pv_saving) / inc_qalys``, null when ``inc_qalys`` = 0.
    """
    if doc.comparator is not None and not 0 <= doc.comparator < len(doc.options):
        raise ValueError(f"comparator {doc.comparator} is not one of the {len(doc.options)} options")
    results = tuple(run(doc.scenario(k)) for k in range(len(doc.options)))
    base = results[doc.comparator].summary if doc.comparator is not None else None
    volunteer_cost = doc.settings.volunteer_time == "cost"
    increments = tuple(increments_against(r.summary, base, volunteer_cost) for r in results)
    ranking = _ranking(results, doc.comparator is None)
    return Comparison(doc, results, increments, ranking[0] if ranking else None, ranking)


def increments_against(summary: dict, base: dict | None, volunteer_cost: bool = False) -> dict:
    """Option figures minus the comparator's (``base``; ``None`` for doing nothing)."""
    out = {f"inc_{key}": (summary[key] or 0.0) - ((base or {}).get(key) or 0.0) for key in INCREMENT_KEYS}
    social_cost = out["inc_pv_cost"] + (out["inc_pv_volunteer"] if volunteer_cost else 0.0)
    out["inc_bcr_social"] = out["inc_pv_social"] / social_cost if social_cost > 0 else None
    net_cost = out["inc_pv_cost"] - out["inc_pv_saving"]
    out["inc_net_cost"] = net_cost
    qalys = out["inc_qalys"]
    out["icer"] = net_cost / qalys if qalys != 0 and math.isfinite(net_cost / qalys) else None
    out["icer_quadrant"] = quadrant(net_cost, qalys)
    return out


def quadrant(net_cost: float, qalys: float) -> str | None:
    """Where an option sits on the cost-effectiveness plane against its comparator.

    "dominant": no dearer and no less effective (and better on one); "dominated": the reverse;
    ``None`` when both increments are zero (the comparator itself).
    """
    if net_cost == 0 and qalys == 0:
        return None
    if net_cost <= 0 and qalys >= 0:
        return QUADRANTS[0]
    if net_cost >= 0 and qalys <= 0:
        return QUADRANTS[1]
    return QUADRANTS[2] if net_cost > 0 else QUADRANTS[3]


def _ranking(results: tuple[Results, ...], nothing: bool) -> tuple[int | None, ...]:
    """Options from best to worst net social value (ties: the lower cost first)."""
    rows: list[tuple[float, float, int | None]] = [
        (r.summary[NPV_SOCIAL], r.summary["pv_cost"], k) for k, r in enumerate(results)]
    if nothing:
        rows.append((0.0, 0.0, None))
    rows.sort(key=lambda row: (-row[0], row[1], -1 if row[2] is None else row[2]))
    return tuple(row[2] for row in rows)
