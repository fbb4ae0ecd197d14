"""Probabilistic (Monte Carlo) valuation of a document's options, with common random numbers.

The options of a document are simulated together: the union of their interventions is
drawn and evaluated once per block of draws, and each option adds up its own members, so
K options cost about one pass over their interventions, and the differences between
options are not noise (MODEL.md sections 4, 6 and 7).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Callable

import numpy as np

from . import engine
from .correlation import BLOCK, correlate, owners_by_kind
from .cost_effectiveness import CEAC_THRESHOLDS, NET_COST, QALYS, draws_of, plane_points
from .distributions import quantile
from .document import Document, Scenario
from .model import Intervention
from .outputs import NPV_FISCAL, NPV_SOCIAL
from .params import (draws_at, drawn_and_fixed, fixed_inputs, intervention_key, is_drawn, law_of, stream,
                     uncertain_inputs)
from .uncertainty import SIMULATED_KEYS, SimulationCancelled, check_runnable, pert

# Working arrays of [chunk, I, T] floats stay near this many elements: bounded memory, and small
# enough (about half a megabyte) to stay in the processor's cache and the allocator's free lists.
CHUNK_ELEMENTS = 60_000
FAN_PERCENTILES = (5, 50, 95)
ACCEPTABILITY_POINTS = 41


@dataclass(frozen=True)
class OptionSimulation:
    """One option's draws; arrays are read-only.

    ``samples[key]`` holds one value per draw for each key of ``SIMULATED_KEYS`` (NaN for a
    null ratio, -1 for "no payback within the horizon"); ``cumulative_net`` is [N, T] £.
    ``summary[key]`` is ``{"mean", "median", "p5", "p50", "p95"}`` plus the probabilities
    ``prob_npv_fiscal_positive``, ``prob_npv_social_positive``, ``prob_bcr_social_above_1``,
    ``prob_payback_within_horizon`` and ``prob_nmb_positive``. ``cost_per_qaly`` is the ratio of
    the means, ``mean(net_cost) / mean(qalys)`` [£ per QALY], None when ``mean(qalys) <= 0``: it
    has no percentiles (MODEL.md 11c).
    """

    name: str
    summary: dict
    samples: dict
    cumulative_net: np.ndarray
    fan_percentiles: np.ndarray  # [3, T] £: 5th, 50th, 95th percentile of cumulative_net
    cost_per_qaly: float | None = None

    def histogram(self, key: str = NPV_FISCAL, bins: int = 40) -> tuple[np.ndarray, np.ndarray]:
        """Counts and bin edges of one figure's draws (NaNs left out)."""
        values = self.samples[key]
        return np.histogram(values[np.isfinite(values)], bins=bins)

    def fan(self, percentiles=FAN_PERCENTILES) -> np.ndarray:
        """Percentiles of the undiscounted cumulative fiscal net by year, [len(percentiles), T] £."""
        if tuple(percentiles) == FAN_PERCENTILES:
            return self.fan_percentiles
        return np.percentile(self.cumulative_net, percentiles, axis=0)


@dataclass(frozen=True)
class SimulationResults:
    """Outcome of :func:`simulate`: every option's draws and the comparison between them.

    ``summary``, ``samples``, ``cumulative_net``, ``histogram`` and ``fan`` are the first
    option's (as for a single scenario). ``prob_best_social[k]`` is the share of draws in
    which option ``k`` has the highest net social value (ties shared); with no comparator,
    doing nothing competes (``prob_best_do_nothing``). ``evpi_social``, ``evpi_fiscal`` and
    ``evpi_nmb`` are the expected value of perfect information [£ present value, for the whole
    area over the horizon] on net social value, net fiscal value and net monetary benefit at the
    QALY threshold; each counts only the inputs the simulation draws (``drawn``, by declared
    label; ``fixed`` names the kinds held fixed). ``evpi_social_per_person`` divides
    ``evpi_social`` by the people who start over the horizon in the document's distinct
    interventions (each counted once however many options hold it, at its central reach), None
    when nobody starts. ``distributions`` is how the ranges were read ("fitted" or "pert").
    ``acceptability`` is ``(wellby_values [41], probs [K][41])``:
    the probability each option is best on net social value as the WELLBY value runs from £0
    to twice its high value (``acceptability_do_nothing`` [41] when doing nothing competes).
    ``ceac`` is ``(thresholds [41] £ per QALY, probs [K][41])``: the cost-effectiveness
    acceptability curve, the probability each option has the highest net monetary benefit from
    £0 to £100,000 per QALY (``ceac_do_nothing`` [41] when doing nothing competes, else None);
    ``plane(k)`` is option ``k``'s incremental QALYs and net cost [£] per draw against the comparator.
    """

    document: Document
    iterations: int
    seed: int
    correlation: float
    options: tuple[OptionSimulation, ...]
    prob_best_social: tuple[float, ...]
    prob_best_fiscal: tuple[float, ...]
    prob_best_do_nothing: float | None
    prob_best_fiscal_do_nothing: float | None
    evpi_social: float
    evpi_fiscal: float
    wellbys: np.ndarray  # [N, K] discounted WELLBYs of each option in each draw
    evpi_nmb: float = 0.0
    evpi_social_per_person: float | None = None
    drawn: tuple[str, ...] = ()
    fixed: tuple[str, ...] = ()
    distributions: str = "pert"
    # When the draws were made (local time, to the second): a record for the reader, never compared.
    ran_at: str = field(default="", compare=False)

    @cached_property
    def _acceptability(self):
        nothing = self.prob_best_do_nothing is not None
        return acceptability_curve(self.document, self.options, self.wellbys, nothing)

    @property
    def acceptability(self) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
        """Worked out when first asked for: a view of the draws, not part of drawing them."""
        values, probs, _nothing = self._acceptability
        return values, probs

    @property
    def acceptability_do_nothing(self) -> np.ndarray | None:
        return self._acceptability[2]

    @cached_property
    def _ceac(self):
        return ceac_curve(self.options, self.prob_best_do_nothing is not None)

    @property
    def ceac(self) -> tuple[np.ndarray, tuple[np.ndarray, ...]]:
        """Worked out when first asked for, like :attr:`acceptability`."""
        thresholds, probs, _nothing = self._ceac
        return thresholds, probs

    @property
    def ceac_do_nothing(self) -> np.ndarray | None:
        return self._ceac[2]

    def ceac_at(self, threshold: float) -> tuple[tuple[float, ...], float | None]:
        """The curve at one threshold [£ per QALY], on the grid or not: (per option, doing nothing or None)."""
        _values, probs, nothing = ceac_curve(self.options, self.prob_best_do_nothing is not None, [threshold])
        return tuple(float(p[0]) for p in probs), (None if nothing is None else float(nothing[0]))

    def plane(self, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Option ``k`` against the comparator, per draw: (incremental QALYs [N], incremental net cost [N] £)."""
        return plane_points(self.options, k, self.document.comparator)

    @property
    def scenario(self) -> Scenario:
        return self.document.scenario(0)

    @property
    def summary(self) -> dict:
        return self.options[0].summary

    @property
    def samples(self) -> dict:
        return self.options[0].samples

    @property
    def cumulative_net(self) -> np.ndarray:
        return self.options[0].cumulative_net

    @property
    def fan_percentiles(self) -> np.ndarray:
        return self.options[0].fan_percentiles

    def histogram(self, key: str = NPV_FISCAL, bins: int = 40):
        return self.options[0].histogram(key, bins)

    def fan(self, percentiles=FAN_PERCENTILES) -> np.ndarray:
        return self.options[0].fan(percentiles)


@dataclass(frozen=True)
class _Union:
    """The distinct interventions of a document's options and which option holds which."""

    scenario: Scenario  # the frame with every distinct intervention
    membership: np.ndarray  # [U, K]


def union_of_options(doc: Document) -> _Union:
    """Interventions shared by options (same id and same inputs) are evaluated once."""
    found: dict[tuple[str, Intervention], int] = {}
    pairs: list[tuple[int, int]] = []
    for k, option in enumerate(doc.options):
        for row, iv in enumerate(option.interventions):
            key = (intervention_key(iv, row), iv)
            pairs.append((found.setdefault(key, len(found)), k))
    membership = np.zeros((len(found), len(doc.options)))
    for u, k in pairs:
        membership[u, k] += 1.0
    # An intervention without an id keeps its row key, so its streams are those of its row.
    ivs = tuple(iv if iv.id else replace(iv, id=key) for (key, iv) in found)
    return _Union(replace(doc.scenario(0), interventions=ivs), membership)


def people_starting(union: _Union) -> float:
    """People who start over the horizon in the distinct interventions of a document [persons],
    at the central reach: ``sum_i E_i * reach_i * T``."""
    s = union.scenario
    return float(sum(s.eligible(iv) * iv.reach.central for iv in s.interventions) * s.settings.horizon_years)


def simulate(
    target: Document | Scenario,
    iterations: int | None = None,
    seed: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    chunk_size: int | None = None,
) -> SimulationResults:
    """Monte Carlo valuation of every option: each uncertain input drawn from its range.

    Parameters
    ----------
    target : Document or Scenario
        A scenario is simulated as a document of one option compared with doing nothing.
    iterations, seed : int, optional
        Default to the settings' ``iterations`` and ``seed``.
    progress : callable(done, total), optional
        Called after each chunk with the number of draws done.
    cancelled : callable() -> bool, optional
        Polled between chunks; returning True raises :class:`SimulationCancelled`.
    chunk_size : int, optional
        Draws evaluated at once; the default keeps each working array near 2 MB. It does
        not change the answer.

    Notes
    -----
    Each uncertain input draws from its own stream keyed by what it is
    (:func:`rtv_desktop.core.params.stream`), in blocks of 10,000 draws, from the family the
    settings' ``distributions`` name (:func:`draw_blocks`). A degenerate range (low == high) is a
    constant and consumes no draws. The same seed gives the same draws whatever the chunk size,
    and the same intervention gets the same draws in every option (common random numbers).
    """
    doc = target if isinstance(target, Document) else Document.from_scenario(target)
    if not doc.options:
        raise ValueError("the document has no options to simulate")
    for scenario in doc.scenarios():
        check_runnable(scenario)
    n_total = int(iterations if iterations is not None else doc.settings.iterations)
    seed = int(seed if seed is not None else doc.settings.seed)
    if n_total < 1:
        raise ValueError("iterations must be 1 or more")
    union = union_of_options(doc)
    fixed = fixed_inputs(union.scenario)
    width = max(1, union.membership.shape[0] * max(fixed.years, len(union.scenario.services)))
    chunk = chunk_size or max(256, CHUNK_ELEMENTS // width)
    store = _Store(n_total, len(doc.options), fixed.years)
    done = 0
    settings = doc.settings
    for draws in draw_blocks(union.scenario, n_total, seed, settings.correlation, settings.distributions):
        m = len(draws["wellby_value"])
        for offset in range(0, m, chunk):
            if cancelled is not None and cancelled():
                raise SimulationCancelled(f"cancelled after {done:,} of {n_total:,} draws")
            part = {key: value[offset:offset + chunk] for key, value in draws.items()}
            out = engine.evaluate_options(fixed, part, union.membership, keys=engine.SIMULATED_TOTALS)
            store.put(done, out, part["wellby_value"])
            done += len(part["wellby_value"])
            if progress is not None:
                progress(done, n_total)
    drawn, held = drawn_and_fixed(union.scenario, settings.distributions)
    people = people_starting(union)
    return _results(doc, n_total, seed, store, drawn, held, people)


def draw_blocks(scenario: Scenario, n: int, seed: int, rho: float, distributions: str = "pert"):
    """The draws of every uncertain input of ``scenario``, in blocks of up to 10,000 (a generator).

    Each input has its own stream (:func:`rtv_desktop.core.params.stream`). Under ``"pert"``
    (MODEL.md 4 and 7) each draws beta-PERT variates, and each block's draws of one kind are
    reordered to a rank correlation of ``rho`` across interventions (Iman-Conover), exactly as
    before version 3. Under ``"fitted"`` (MODEL.md 11a) each draws standard normal scores, and
    its fitted family's quantile function turns them into values (a Gaussian copula,
    :func:`fitted_blocks`).
    """
    inputs = [item for item in uncertain_inputs(scenario) if is_drawn(item, distributions)]
    if distributions == "fitted":
        yield from fitted_blocks(scenario, inputs, n, seed, rho)
        return
    streams = [stream(seed, item.key) for item in inputs]
    drawn_into = {item.array for item in inputs}
    for block, start in enumerate(range(0, n, BLOCK)):
        m = min(BLOCK, n - start)
        draws = draws_at(scenario, m, writable=drawn_into)
        for item, gen in zip(inputs, streams):
            v = item.value
            draws[item.array][(slice(None), *item.index)] = pert(gen, v.low, v.central, v.high, m)
        correlate(draws, inputs, rho, seed, block)
        yield draws


def normal_correlation(rho: float) -> float:
    """The correlation of the normal scores that gives a rank (Spearman) correlation of ``rho``:
    ``2 sin(pi rho / 6)`` (Pearson 1907), so "correlation" means the same under both readings."""
    return 2.0 * np.sin(np.pi * rho / 6.0)


def fitted_blocks(scenario: Scenario, inputs, n: int, seed: int, rho: float):
    """Fitted draws in blocks of up to 10,000: a Gaussian copula with one common factor per kind.

    Notes
    -----
    Input ``j`` of a correlated kind (an effect, completion, cost per starter, ...: the same
    kinds as :func:`rtv_desktop.core.correlation.correlate`) takes the score
    ``z_j = sqrt(r) w + sqrt(1 - r) e_j``, where ``e_j`` comes from the input's own stream and
    ``w`` from the kind's stream: every pair of interventions then has normal correlation ``r``
    (:func:`normal_correlation` of ``rho``), the equicorrelation matrix, factored without a
    matrix, so adding, removing or reordering interventions leaves the others' draws alone (common
    random numbers between documents as well as options), and ``rho = 1`` is comonotonic. Frame
    inputs are single draws and stay independent. The value is the family's quantile at ``z_j``
    (:func:`rtv_desktop.core.distributions.quantile`): no column is sorted. Two versions of one
    intervention share its streams, so they draw at the same scores (common random numbers).
    """
    laws = [law_of(item) for item in inputs]
    # Versions of one intervention (in different options) share a key, so a stream: drawn once.
    streams = {item.key: stream(seed, item.key) for item in inputs}
    # Every kind takes its factor, even with one intervention: an intervention's draws then do not
    # depend on which others the document holds.
    correlated = set(owners_by_kind(inputs)) if rho > 0 else set()
    factors = {kind: stream(seed, f"copula/{kind}") for kind in correlated}
    r = normal_correlation(rho)
    shared, own = np.sqrt(r), np.sqrt(max(0.0, 1.0 - r))
    drawn_into = {item.array for item in inputs}
    for start in range(0, n, BLOCK):
        m = min(BLOCK, n - start)
        draws = draws_at(scenario, m, writable=drawn_into)
        common = {kind: gen.standard_normal(m) * shared for kind, gen in factors.items()}
        scores: dict[str, np.ndarray] = {}
        for item, law in zip(inputs, laws):
            if item.key not in scores:
                z = streams[item.key].standard_normal(m)
                if item.kind in common:
                    z *= own
                    z += common[item.kind]
                scores[item.key] = z
            draws[item.array][(slice(None), *item.index)] = quantile(law, scores[item.key])
        yield draws


class _Store:
    """The per-draw figures of every option, filled chunk by chunk."""

    def __init__(self, n: int, k: int, years: int) -> None:
        self.samples = {key: np.empty((n, k)) for key in SIMULATED_KEYS + ("wellbys",)}
        self.cumulative = np.empty((n, k, years))

    def put(self, start: int, out: dict, wellby_value: np.ndarray) -> None:
        m = len(wellby_value)
        for key in SIMULATED_KEYS + ("wellbys",):
            self.samples[key][start:start + m] = out[key]
        self.cumulative[start:start + m] = out["cumulative_net"]


def _results(doc: Document, n: int, seed: int, store: _Store, drawn: tuple[str, ...], held: tuple[str, ...],
             people: float) -> SimulationResults:
    options = []
    for k, option in enumerate(doc.options):
        samples = {key: _readonly(store.samples[key][:, k]) for key in SIMULATED_KEYS}
        cumulative = _readonly(store.cumulative[:, k])
        fan = _readonly(percentiles(np.ascontiguousarray(cumulative.T), FAN_PERCENTILES))
        options.append(OptionSimulation(option.name, summarise(samples), samples, cumulative, fan,
                                        ratio_of_means(samples["net_cost"], samples["qalys"])))
    social, fiscal, nmb = store.samples[NPV_SOCIAL], store.samples[NPV_FISCAL], store.samples["nmb"]
    nothing = doc.comparator is None
    best_social, best_social_nothing = prob_best(social, nothing)
    best_fiscal, best_fiscal_nothing = prob_best(fiscal, nothing)
    evpi_social = evpi(social, nothing)
    return SimulationResults(
        document=doc, iterations=n, seed=seed, correlation=doc.settings.correlation, options=tuple(options),
        prob_best_social=best_social, prob_best_fiscal=best_fiscal,
        prob_best_do_nothing=best_social_nothing, prob_best_fiscal_do_nothing=best_fiscal_nothing,
        evpi_social=evpi_social, evpi_fiscal=evpi(fiscal, nothing),
        wellbys=_readonly(store.samples["wellbys"]), evpi_nmb=evpi(nmb, nothing),
        evpi_social_per_person=evpi_social / people if people > 0 else None,
        drawn=drawn, fixed=held, distributions=doc.settings.distributions,
        ran_at=dt.datetime.now().isoformat(sep=" ", timespec="seconds"))


def ratio_of_means(net_cost: np.ndarray, qalys: np.ndarray) -> float | None:
    """Cost per QALY from a simulation: ``mean(net_cost) / mean(qalys)`` [£ per QALY], None when
    ``mean(qalys) <= 0`` (MODEL.md 11c). Never the mean of the per-draw ratios, which a draw with
    QALYs near zero can swing without limit."""
    gained = float(np.mean(qalys))
    return float(np.mean(net_cost)) / gained if gained > 0 else None


def _readonly(array: np.ndarray) -> np.ndarray:
    array = np.ascontiguousarray(array)
    array.setflags(write=False)
    return array


def _with_nothing(values: np.ndarray, nothing: bool) -> np.ndarray:
    """``[N, K]``, with a column of zeros for doing nothing when it competes."""
    return np.column_stack([values, np.zeros(len(values))]) if nothing else values


def _best_shares(values: np.ndarray) -> np.ndarray:
    """Share of draws in which each column is highest, ties shared equally: [columns]."""
    by_column = np.ascontiguousarray(values.T)  # reductions over a few long rows are fast
    top = by_column == by_column.max(axis=0)
    counts = top.sum(axis=0)
    single = counts == 1
    shares = np.bincount(by_column.argmax(axis=0)[single], minlength=len(by_column)).astype(float)
    if not single.all():  # draws in which options tie (identical options) share the win
        shares += (top[:, ~single] / counts[~single]).sum(axis=1)
    return shares / values.shape[0]


def prob_best(values: np.ndarray, nothing: bool) -> tuple[tuple[float, ...], float | None]:
    """Per-option probability of being best on ``values`` [N, K], and doing nothing's."""
    shares = _best_shares(_with_nothing(values, nothing))
    k = values.shape[1]
    return tuple(float(p) for p in shares[:k]), (float(shares[k]) if nothing else None)


def evpi(values: np.ndarray, nothing: bool) -> float:
    """Expected value of perfect information [£]: ``mean(max_k v) - max_k mean(v)``.

    Taken as the mean regret of the option best on average, the same quantity, so that rounding
    never makes it negative (a subtraction of two near-equal means can).
    """
    table = _with_nothing(values, nothing).astype(np.float64, copy=False)
    chosen = int(np.argmax(table.mean(axis=0)))
    return float((table.max(axis=1) - table[:, chosen]).mean())


def acceptability_curve(doc: Document, options, wellbys: np.ndarray, nothing: bool):
    """P(each option best on net social value) over 41 WELLBY values from £0 to twice the high value.

    ``npv_social(lambda) = npv_social - pv_wellbeing + lambda * wellbys`` per draw, with no re-run.
    """
    values = np.linspace(0.0, 2.0 * doc.settings.wellby_value.high, ACCEPTABILITY_POINTS)
    base = np.column_stack([o.samples[NPV_SOCIAL] - o.samples["pv_wellbeing"] for o in options])
    k = base.shape[1]
    probs = np.empty((ACCEPTABILITY_POINTS, k + int(nothing)))
    for row, lam in enumerate(values):
        probs[row] = _best_shares(_with_nothing(base + lam * wellbys, nothing))
    per_option = tuple(_readonly(probs[:, j]) for j in range(k))
    return _readonly(values), per_option, (_readonly(probs[:, k]) if nothing else None)


def ceac_curve(options, nothing: bool, thresholds: np.ndarray = CEAC_THRESHOLDS):
    """P(each option has the highest net monetary benefit) at each threshold [£ per QALY].

    ``nmb(lambda) = qalys * lambda - net_cost`` per draw (MODEL.md 11c); doing nothing (0) competes
    when ``nothing``. Returns ``(thresholds, probs [K][len], do nothing's [len] or None)``.
    """
    qalys, net_cost = draws_of(options, QALYS), draws_of(options, NET_COST)
    k = qalys.shape[1]
    probs = np.empty((len(thresholds), k + int(nothing)))
    for row, lam in enumerate(thresholds):
        probs[row] = _best_shares(_with_nothing(qalys * lam - net_cost, nothing))
    per_option = tuple(_readonly(probs[:, j]) for j in range(k))
    return _readonly(np.asarray(thresholds, dtype=float)), per_option, (_readonly(probs[:, k]) if nothing else None)


def summarise(samples: dict[str, np.ndarray]) -> dict:
    """Mean, median and 5th/95th percentiles of each figure, and the headline probabilities.

    Figures without gaps are summarised together in one pass; a ratio with null draws (NaN)
    and the payback year (-1 for none) are summarised over the draws that have a value.
    """
    summary: dict = {}
    whole = [key for key, values in samples.items() if key != "payback_year" and np.isfinite(values).all()]
    if whole:
        table = np.stack([samples[key] for key in whole])  # [keys, N]: one row per figure
        p5, p50, p95 = percentiles(table, (5, 50, 95))
        means = table.mean(axis=1)
        for j, key in enumerate(whole):
            summary[key] = _stats(means[j], p5[j], p50[j], p95[j])
    for key, values in samples.items():
        if key in summary:
            continue
        finite = values[np.isfinite(values)]
        if key == "payback_year":
            finite = finite[finite >= 0]
        if finite.size == 0:
            summary[key] = {"mean": None, "median": None, "p5": None, "p50": None, "p95": None}
            continue
        summary[key] = _stats(finite.mean(), *percentiles(finite[None, :], (5, 50, 95))[:, 0])
    summary = {key: summary[key] for key in samples}  # in the order of the samples
    summary["prob_npv_fiscal_positive"] = float(np.mean(samples[NPV_FISCAL] > 0))
    summary["prob_npv_social_positive"] = float(np.mean(samples[NPV_SOCIAL] > 0))
    summary["prob_bcr_social_above_1"] = float(np.mean(np.nan_to_num(samples["bcr_social"], nan=0.0) > 1))
    summary["prob_payback_within_horizon"] = float(np.mean(samples["payback_year"] >= 0))
    summary["prob_nmb_positive"] = float(np.mean(samples["nmb"] > 0))
    return summary


def percentiles(rows: np.ndarray, qs) -> np.ndarray:
    """``np.percentile(rows, qs, axis=1)`` (linear interpolation) with one partial sort: [len(qs), rows].

    The order statistics either side of each percentile are put in place by a single
    ``np.partition``, then interpolated as numpy does (same numbers, a fraction of the time).
    """
    n = rows.shape[1]
    virtual = np.asarray(qs, dtype=float) / 100.0 * (n - 1)
    below = np.floor(virtual).astype(int)
    above = np.minimum(below + 1, n - 1)
    placed = np.partition(rows, np.unique(np.concatenate([below, above])), axis=1)
    a, b = placed[:, below].T, placed[:, above].T
    t = (virtual - below)[:, None]
    diff = b - a
    return np.where(t >= 0.5, b - diff * (1 - t), a + diff * t)


def _stats(mean, p5, p50, p95) -> dict:
    return {"mean": float(mean), "median": float(p50), "p5": float(p5), "p50": float(p50), "p95": float(p95)}
