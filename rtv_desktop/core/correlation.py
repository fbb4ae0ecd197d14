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


def target_columns(m: int, k: int, rho: float, rng: np.random.Generator) -> list[np.ndarray]:
    """``k`` columns of ``m`` scores whose rank correlation between any two is about ``rho``.

    Notes
    -----
    Each column of ``M`` is a random permutation of the van der Waerden scores; with ``E`` their
    sample correlation (Cholesky ``F``) and ``C`` the target (ones on the diagonal, ``rho``
    elsewhere; Cholesky ``P``), ``T = M F^-T P^T`` has correlation ``C`` exactly (Iman and
    Conover's correction). At ``rho = 1`` every column is the first one. Columns are kept
    apart (a list) because work on a few long columns is faster than on one wide array.
    """
    scores = van_der_waerden(m)
    if rho >= 1.0:
        return [rng.permutation(scores)] * k
    columns = [rng.permutation(scores) for _ in range(k)]
    target = np.full((k, k), rho) + (1.0 - rho) * np.eye(k)
    p = np.linalg.cholesky(target)
    # The columns are permutations of the same scores (mean 0): their correlation is a plain product.
    # Matrix products, not a product per pair: with many interventions the pairs were most of the
    # time; only the ranks of the result are used, and rounding in the last digit moves none.
    m_scores = np.column_stack(columns)
    sample = (m_scores.T @ m_scores) / float(scores @ scores)
    try:
        weights = np.linalg.solve(np.linalg.cholesky(sample).T, p.T)  # F^-T P^T
    except np.linalg.LinAlgError:  # too few draws for the correction: near-uncorrelated scores will do
        weights = p.T
    mixed = m_scores @ weights
    return [np.ascontiguousarray(mixed[:, j]) for j in range(k)]


def target_scores(m: int, k: int, rho: float, rng: np.random.Generator) -> np.ndarray:
    """The target columns of :func:`target_columns` as one ``[m, k]`` array."""
    return np.column_stack(target_columns(m, k, rho, rng))


def order(values: np.ndarray) -> np.ndarray:
    """``np.argsort(values)`` of continuous values (along the last axis), about three times faster.

    Each value becomes an order-preserving 32-bit integer (from its single-precision bits) packed
    above its position into one 64-bit key, and the keys are sorted: numpy sorts numbers with
    vector instructions but has no such fast path for ``argsort``. Values equal in single
    precision keep their original order; for continuous draws and scores that is immaterial.
    """
    bits = values.astype(np.float32).view(np.int32).astype(np.int64)
    keys = bits ^ ((bits >> 31) & 0x7FFFFFFF)  # negative floats: flip the magnitude bits
    keys <<= 32
    keys |= np.arange(values.shape[-1], dtype=np.int64)
    keys.sort(axis=-1)
    return keys & 0xFFFFFFFF


def reorder(samples: np.ndarray, target: np.ndarray) -> np.ndarray:
    """Row indices ``[m, k]`` that give each column of ``samples`` the ranks of ``target``'s column.

    ``samples[perm[:, j], j]`` has the same rank order as ``target[:, j]``: the draw of rank
    ``r`` goes where the target has rank ``r``.
    """
    perm = np.empty(samples.shape, dtype=np.int64)
    for j in range(samples.shape[1]):
        perm[order(target[:, j]), j] = order(samples[:, j])
    return perm


def rearranged(sample: np.ndarray, target: np.ndarray) -> np.ndarray:
    """``sample`` (one column) with its values rearranged to the ranks of ``target``.

    The same as ``sample[reorder(...)]`` with a sort of the values instead of a sort of their
    positions (cheaper).
    """
    out = np.empty_like(sample)
    out[order(target)] = np.sort(sample)
    return out


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
        m = len(draws["wellby_value"])
        if len(owners) < 2 or m < 2:
            continue
        targets = target_columns(m, len(owners), rho, stream(seed, f"correlation/{kind}/{block}"))
        for items, target in zip(owners.values(), targets):
            if len(items) == 1:
                _set_column(draws, items[0], rearranged(_column(draws, items[0]), target))
                continue
            # Versions of one intervention in different options share their draws: move them together.
            perm = np.empty(m, dtype=np.int64)
            perm[order(target)] = order(_column(draws, items[0]))
            for item in items:
                _set_column(draws, item, _column(draws, item)[perm])


def owners_by_kind(inputs: list[UncertainInput]) -> dict[str, dict[str, list[UncertainInput]]]:
    """``{kind: {owner: inputs}}`` of the intervention inputs that are uncertain (frame inputs have no kind)."""
    return _by_kind(inputs)


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
