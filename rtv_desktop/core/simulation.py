"""Probabilistic (Monte Carlo) valuation, vectorised over draws and run in chunks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from . import engine
from .model import Scenario
from .params import draws_at, fixed_inputs, uncertain_inputs
from .uncertainty import SIMULATED_KEYS, SimulationCancelled, _checked, pert

# Draw arrays of [chunk, I, T] floats stay near this many elements (bounded memory).
_CHUNK_ELEMENTS = 250_000
FAN_PERCENTILES = (5, 50, 95)


@dataclass(frozen=True)
class SimulationResults:
    """Outcome of :func:`simulate`; arrays are read-only.

    ``samples[key]`` holds one value per draw for each key of ``SIMULATED_KEYS`` (NaN for a
    null ratio, -1 for "no payback within the horizon"); ``cumulative_net`` is [N, T] £.
    ``summary[key]`` is ``{"mean", "p5", "p50", "p95"}`` plus the probabilities
    ``prob_npv_fiscal_positive`` and ``prob_bcr_social_above_1``.
    """

    scenario: Scenario
    iterations: int
    seed: int
    summary: dict
    samples: dict
    cumulative_net: np.ndarray
    fan_percentiles: np.ndarray  # [3, T] £: 5th, 50th, 95th percentile of cumulative_net

    def histogram(self, key: str = "npv_fiscal", bins: int = 40) -> tuple[np.ndarray, np.ndarray]:
        """Counts and bin edges of one figure's draws (NaNs left out)."""
        values = self.samples[key]
        return np.histogram(values[np.isfinite(values)], bins=bins)

    def fan(self, percentiles=FAN_PERCENTILES) -> np.ndarray:
        """Percentiles of the undiscounted cumulative fiscal net by year, [len(percentiles), T] £.

        The 5/50/95 fan is computed once, where the simulation runs (a worker thread), so
        drawing it costs the window nothing.
        """
        if tuple(percentiles) == FAN_PERCENTILES:
            return self.fan_percentiles
        return np.percentile(self.cumulative_net, percentiles, axis=0)


def simulate(
    s: Scenario,
    iterations: int | None = None,
    seed: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk_size: int | None = None,
) -> SimulationResults:
    """Monte Carlo valuation: every uncertain input drawn from its beta-PERT range.

    Parameters
    ----------
    s : Scenario
    iterations, seed : int, optional
        Default to ``s.settings.iterations`` and ``s.settings.seed``.
    progress : callable(done, total), optional
        Called after each chunk with the number of draws done.
    cancelled : callable() -> bool, optional
        Polled between chunks; returning True raises :class:`SimulationCancelled`.
    chunk_size : int, optional
        Draws per chunk; the default keeps each working array near 2 MB. It does not change
        the answer.

    Notes
    -----
    Input ``k`` (in the order of :func:`rtv_desktop.core.params.uncertain_inputs`) draws
    from its own stream ``Generator(PCG64(SeedSequence(seed).spawn(K)[k]))``, so the same
    seed gives the same draws whatever the chunk size. A degenerate range (low == high)
    is a constant and consumes no draws.
    """
    _checked(s)
    n_total = int(iterations if iterations is not None else s.settings.iterations)
    seed = int(seed if seed is not None else s.settings.seed)
    if n_total < 1:
        raise ValueError("iterations must be 1 or more")
    inputs = uncertain_inputs(s)
    streams = [np.random.Generator(np.random.PCG64(child)) for child in np.random.SeedSequence(seed).spawn(len(inputs))]
    fixed = fixed_inputs(s)
    chunk = chunk_size or max(256, _CHUNK_ELEMENTS // max(1, len(s.interventions) * max(fixed.years, len(s.services))))
    samples = {key: np.empty(n_total) for key in SIMULATED_KEYS}
    cumulative = np.empty((n_total, fixed.years))
    done = 0
    while done < n_total:
        if cancelled is not None and cancelled():
            raise SimulationCancelled(f"cancelled after {done:,} of {n_total:,} draws")
        m = min(chunk, n_total - done)
        draws = draws_at(s, m)
        for item, gen in zip(inputs, streams):
            if not item.value.is_fixed:
                v = item.value
                draws[item.array][(slice(None), *item.index)] = pert(gen, v.low, v.central, v.high, m)
        out = engine.evaluate(fixed, draws)
        for key in SIMULATED_KEYS:
            samples[key][done:done + m] = out[key]
        cumulative[done:done + m] = out["cumulative_net"]
        done += m
        if progress is not None:
            progress(done, n_total)
    fan = np.percentile(cumulative, FAN_PERCENTILES, axis=0)
    for array in (*samples.values(), cumulative, fan):
        array.setflags(write=False)
    return SimulationResults(s, n_total, seed, _summarise(samples), samples, cumulative, fan)


def _summarise(samples: dict[str, np.ndarray]) -> dict:
    summary: dict = {}
    for key, values in samples.items():
        finite = values[np.isfinite(values)]
        if key == "payback_year":
            finite = finite[finite >= 0]
        if finite.size == 0:
            summary[key] = {"mean": None, "median": None, "p5": None, "p50": None, "p95": None}
            continue
        p5, p50, p95 = np.percentile(finite, (5, 50, 95))
        summary[key] = {"mean": float(finite.mean()), "median": float(p50), "p5": float(p5), "p50": float(p50),
                        "p95": float(p95)}
    summary["prob_npv_fiscal_positive"] = float(np.mean(samples["npv_fiscal"] > 0))
    summary["prob_npv_social_positive"] = float(np.mean(samples["npv_social"] > 0))
    summary["prob_bcr_social_above_1"] = float(np.mean(np.nan_to_num(samples["bcr_social"], nan=0.0) > 1))
    summary["prob_payback_within_horizon"] = float(np.mean(samples["payback_year"] >= 0))
    return summary
