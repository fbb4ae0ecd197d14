"""Correlated draws across interventions: Iman-Conover reordering (MODEL.md section 7).

Draws of one kind of input (each effect, wellbeing gains, costs, ...) are given a rank
correlation of ``rho`` across the interventions that have it uncertain, by reordering the
already-drawn beta-PERT samples within each column (Iman and Conover 1982, as @RISK does):
every marginal distribution is unchanged, only which draws fall in the same iteration.
``rho = 0`` leaves the draws untouched; ``rho = 1`` is comonotonic (every column sorted to
the same ranks, no singular matrix factored).
"""

from __future__ import annotations

from functools import lru_cache
from statistics import NormalDist

import numpy as np

from .params import UncertainInput, stream

BLOCK = 10_000  # draws reordered together: bounded memory, and the answer does not depend on chunk size


@lru_cache(maxsize=8)
def van_der_waerden(m: int) -> np.ndarray:
    """Normal scores ``Phi^-1(r / (m + 1))`` for ranks ``r = 1..m``."""
    inverse = NormalDist().inv_cdf
    scores = np.array([inverse(r / (m + 1)) for r in range(1, m + 1)])
    scores.setflags(write=False)
    return scores


def target_scores(m: int, k: int, rho: float, rng: np.random.Generator) -> np.ndarray:
    """``[m, k]`` scores whose rank correlation between any two columns is about ``rho``.

    Notes
    -----
    Each column is a random permutation of the van der Waerden scores ``M``; with ``E`` their
    sample correlation (Cholesky ``F``) and ``C`` the target (ones on the diagonal, ``rho``
    elsewhere; Cholesky ``P``), ``T = M F^-T P^T`` has correlation ``C`` exactly (Iman and
    Conover's correction). At ``rho = 1`` every column is the first one.
    """
    scores = van_der_waerden(m)
    if rho >= 1.0:
        return np.repeat(rng.permutation(scores)[:, None], k, axis=1)
    matrix = np.column_stack([rng.permutation(scores) for _ in range(k)])  # each column its own random order
    target = np.full((k, k), rho) + (1.0 - rho) * np.eye(k)
    p = np.linalg.cholesky(target)
    # The columns are permutations of the same scores (mean 0): their correlation is a plain product.
    sample = matrix.T @ matrix / float(scores @ scores)
    try:
        f = np.linalg.cholesky(sample)
        return matrix @ np.linalg.solve(f.T, p.T)  # M F^-T P^T
    except np.linalg.LinAlgError:  # too few draws for the correction: near-uncorrelated scores will do
        return matrix @ p.T


def reorder(samples: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Row indices ``[m, k]`` that give each column of ``samples`` the ranks of ``target``'s column.

    ``samples[perm[:, j], j]`` has the same rank order as ``target[:, j]``: the draw of rank
    ``r`` goes where the target has rank ``r``. Continuous draws and scores have no ties.
    """
    target_order = np.argsort(target.T, axis=1)  # rows are contiguous: fast sorts
    sample_order = np.argsort(samples.T, axis=1)
    perm = np.empty_like(sample_order)
    np.put_along_axis(perm, target_order, sample_order, axis=1)
    return perm.T


def rearranged(samples: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``samples`` with each column's values rearranged to the ranks of ``target``'s column.

    The same as ``samples[reorder(samples, target)]`` column by column, with one sort of the
    values instead of a sort of their positions (cheaper).
    """
    target_order = np.argsort(target.T, axis=1)
    out = np.empty_like(samples.T)
    np.put_along_axis(out, target_order, np.sort(samples.T, axis=1), axis=1)
    return out.T


def correlate(draws: dict[str, np.ndarray], inputs: list[UncertainInput], rho: float, seed: int,
              block: int) -> None:
    """Reorder ``draws`` in place so that each kind of input is correlated at ``rho``.

    Inputs of one kind are grouped by their owner (an intervention's id): every column of
    one owner gets the same reordering, so two versions of one intervention in different
    options keep their common random numbers. ``block`` numbers the block of draws, so each
    block has its own (reproducible) target scores.
    """
    if rho <= 0.0:
        return
    for kind, owners in _by_kind(inputs).items():
        if len(owners) < 2:
            continue
        columns = [owner_items[0] for owner_items in owners.values()]
        samples = np.column_stack([_column(draws, item) for item in columns])
        if samples.shape[0] < 2:
            return
        target = target_scores(samples.shape[0], samples.shape[1], rho, stream(seed, f"correlation/{kind}/{block}"))
        if all(len(items) == 1 for items in owners.values()):
            for item, values in zip(columns, rearranged(samples, target).T):
                _set_column(draws, item, values)
            continue
        # Versions of one intervention in different options share their draws: move them together.
        perm = reorder(samples, target)
        for j, items in enumerate(owners.values()):
            for item in items:
                _set_column(draws, item, _column(draws, item)[perm[:, j]])


def _by_kind(inputs: list[UncertainInput]) -> dict[str, dict[str, list[UncertainInput]]]:
    out: dict[str, dict[str, list[UncertainInput]]] = {}
    for item in inputs:
        if item.kind is not None and not item.value.is_fixed:
            out.setdefault(item.kind, {}).setdefault(item.owner, []).append(item)
    return out


def _column(draws: dict[str, np.ndarray], item: UncertainInput) -> np.ndarray:
    return draws[item.array][(slice(None), *item.index)]


def _set_column(draws: dict[str, np.ndarray], item: UncertainInput, values: np.ndarray) -> None:
    draws[item.array][(slice(None), *item.index)] = values
