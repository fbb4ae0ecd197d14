"""Every area at once: a document's options valued for many areas in one vectorised evaluation.

Each area carries the mix as written: the same reach, costs and effects, the area's own
population and need; fixed and set-up costs per area; a custom group's size scaled by the
area's population relative to the document's own area. The batch dimension of the engine
(draws, elsewhere) runs over areas here, so 153 areas are one evaluation, not 153 runs.
England is the sum of the areas (ratios recomputed from the sums).
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Callable, Sequence

import numpy as np

from . import engine
from .document import Document
from .model import Area
from .params import draws_at, fixed_inputs
from .outputs import AREA_SIMULATED, NPV_FISCAL, SUMMARY_KEYS
from .simulation import CHUNK_ELEMENTS, draw_blocks, union_of_options
from .uncertainty import SimulationCancelled, check_runnable

AREA_COLUMNS = ("population", "adult_share", "over65_share", "ltc_share", "multimorbid_share")
_SUMMED = ("pv_cost", "pv_saving", "pv_cashable", "pv_wellbeing", "pv_volunteer", "qalys", "wellbys",
           "pv_social_weak", "starters", "completers", "total_cost")


def _eligible(union_scenario, areas: Sequence[Area], frame_population: float) -> np.ndarray:
    """Eligible persons [areas, interventions]; a custom group scales with the area's population."""
    rows = []
    for area in areas:
        s = replace(union_scenario, area=area)
        scale = area.population / frame_population if frame_population else 0.0
        rows.append([iv.custom_size * scale if iv.target_group == "custom" else s.eligible(iv)
                     for iv in union_scenario.interventions])
    return np.array(rows, dtype=float).reshape(len(areas), len(union_scenario.interventions))


def _fixed_for_areas(doc: Document, areas: Sequence[Area]):
    union = union_of_options(doc)
    fixed = fixed_inputs(union.scenario)
    eligible = _eligible(union.scenario, areas, doc.area.population)
    return union, replace(fixed, eligible=eligible)


def run_areas(doc: Document, areas: Sequence[Area]) -> list[list[dict]]:
    """The summary of every option in every area: ``out[a][k]`` has the keys of ``SUMMARY_KEYS``.

    Raises ``InvalidScenario`` when an option of the document itself is invalid.
    """
    for scenario in doc.scenarios():
        check_runnable(scenario)
    union, fixed = _fixed_for_areas(doc, areas)
    draws = draws_at(union.scenario, len(areas))
    out = engine.evaluate_options(fixed, draws, union.membership)
    return [[_summary_row(out, a, k) for k in range(len(doc.options))] for a in range(len(areas))]


def england_rows(doc: Document, areas: Sequence[Area]) -> list[dict]:
    """Each option's figures for all the areas together (sums; ratios from the sums)."""
    union, fixed = _fixed_for_areas(doc, areas)
    draws = draws_at(union.scenario, len(areas))
    per_i = engine.intervention_values(fixed, draws)
    totals = engine.option_totals(per_i, union.membership)
    summed = {key: totals[key].sum(axis=0, keepdims=True) for key in _SUMMED}
    out = engine.headline(summed, fixed.volunteer_time, fixed.qaly_threshold)
    cumulative = np.cumsum(totals["yearly_net"].sum(axis=0, keepdims=True), axis=-1)
    active = engine.by_option(per_i["active"], union.membership).sum(axis=0, keepdims=True) > 0
    out["payback_year"] = engine.payback_year(cumulative, active)
    return [_summary_row(out, 0, k) for k in range(len(doc.options))]


def england_area(areas: Sequence[Area]) -> Area:
    """The areas together: total population, population-weighted shares."""
    population = sum(a.population for a in areas)
    adults = sum(a.population * a.adult_share for a in areas)
    return Area(area_name="England (sum of the areas)", population=population,
                adult_share=adults / population if population else 0.0,
                over65_share=sum(a.population * a.over65_share for a in areas) / population if population else 0.0,
                ltc_share=sum(a.population * a.adult_share * a.ltc_share for a in areas) / adults if adults else 0.0,
                multimorbid_share=sum(a.population * a.adult_share * a.multimorbid_share for a in areas) / adults
                if adults else 0.0)


def _summary_row(out: dict, a: int, k: int) -> dict:
    row = {}
    for key in SUMMARY_KEYS:
        if key == "payback_year":
            year = int(out["payback_year"][a, k])
            row[key] = None if year < 0 else year
        elif key == "cost_per_completer":
            completers = float(out["completers"][a, k])
            row[key] = float(out["total_cost"][a, k]) / completers if completers else None
        else:
            value = float(out[key][a, k])
            row[key] = None if math.isnan(value) else value
    return row


def simulate_areas(doc: Document, areas: Sequence[Area], iterations: int, seed: int,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> list[list[dict]]:
    """A Monte Carlo summary of every option in every area: ``out[a][k]`` holds
    ``{key: {"p5", "p50", "p95", "mean"}}`` for each key of ``AREA_SIMULATED`` (net fiscal and
    net social value) and the probabilities ``prob_npv_fiscal_positive`` and ``prob_bcr_social_above_1``.

    The same ``iterations`` parameter sets are drawn once, as :func:`rtv_desktop.core.simulate`
    draws them (keyed streams, correlated at the document's setting), and evaluated area by
    area, so memory stays bounded by the draws and one area's figures; ``progress(done,
    total)`` counts areas.
    """
    for scenario in doc.scenarios():
        check_runnable(scenario)
    union, fixed = _fixed_for_areas(doc, areas)
    blocks = list(draw_blocks(union.scenario, iterations, seed, doc.settings.correlation, doc.settings.distributions))
    draws = {key: np.concatenate([block[key] for block in blocks]) for key in blocks[0]}
    results = []
    for a in range(len(areas)):
        if cancelled is not None and cancelled():
            raise SimulationCancelled(f"cancelled after {a} of {len(areas)} areas")
        out = _evaluate_in_chunks(replace(fixed, eligible=fixed.eligible[a]), draws, union.membership)
        results.append(_area_summaries(out, len(doc.options)))
        if progress is not None:
            progress(a + 1, len(areas))
    return results


def _evaluate_in_chunks(fixed, draws: dict, membership: np.ndarray) -> dict[str, np.ndarray]:
    """The summarised figures [n, K] of one area, evaluated a chunk of draws at a time as
    :func:`rtv_desktop.core.simulate` does: the per-year arrays never hold every draw at once."""
    n, k = len(draws["wellby_value"]), membership.shape[1]
    width = max(1, membership.shape[0] * fixed.years)
    chunk = max(256, CHUNK_ELEMENTS // width)
    out = {key: np.empty((n, k)) for key in (*AREA_SIMULATED, "bcr_social")}
    for start in range(0, n, chunk):
        part = {key: value[start:start + chunk] for key, value in draws.items()}
        figures = engine.evaluate_options(fixed, part, membership, keys=engine.SIMULATED_TOTALS)
        for key, values in out.items():
            values[start:start + chunk] = figures[key]
    return out


def _area_summaries(out: dict, k: int) -> list[dict]:
    """Percentiles of net fiscal and social value and two probabilities, for every option at once."""
    stats = {key: np.percentile(out[key], (5, 50, 95), axis=0) for key in AREA_SIMULATED}
    means = {key: out[key].mean(axis=0) for key in AREA_SIMULATED}
    fiscal_positive = (out[NPV_FISCAL] > 0).mean(axis=0)
    social_above_1 = (np.nan_to_num(out["bcr_social"], nan=0.0) > 1).mean(axis=0)
    return [{**{key: {"mean": float(means[key][j]), "p5": float(stats[key][0, j]), "p50": float(stats[key][1, j]),
                      "p95": float(stats[key][2, j])} for key in AREA_SIMULATED},
             "prob_npv_fiscal_positive": float(fiscal_positive[j]),
             "prob_bcr_social_above_1": float(social_above_1[j])} for j in range(k)]
