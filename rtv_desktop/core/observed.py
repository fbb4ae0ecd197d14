"""Observed effects with honest intervals (MODEL.md section 12): rate ratios and Welch intervals.

Standard library only: the t quantile comes from the regularized incomplete beta function
(continued fraction, as in Numerical Recipes 6.4) and bisection, so the core needs no scipy.
"""

from __future__ import annotations

import math

Z95 = 1.959963984540054  # the standard normal's 97.5th percentile: a two-sided 95% interval


class NotEstimable(ValueError):
    """The figures given cannot support an estimate (a zero count, fewer than two people, ...)."""


# -- the t distribution ----------------------------------------------------------------------------
def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    tiny, eps = 1e-300, 1e-15
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 400):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)), -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1.0 + aa * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
            last = d * c
        if abs(last - 1.0) < eps:
            break
    return h


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function ``I_x(a, b)``, for ``0 <= x <= 1``."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_fraction(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """``P(T <= t)`` for Student's t with ``df`` (> 0, not necessarily whole) degrees of freedom."""
    tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t with ``df`` degrees of freedom, by bisection on :func:`t_cdf`.

    >>> round(t_quantile(0.975, 10), 3)
    2.228
    """
    if not 0.0 < p < 1.0 or not df > 0:
        raise ValueError("t_quantile needs 0 < p < 1 and df > 0")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        mid = 0.5 * (low + high)
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low < 1e-12 * max(1.0, high):
            break
    return 0.5 * (low + high)


# -- estimates -------------------------------------------------------------------------------------
def _rate(contacts: float, person_years: float, when: str) -> None:
    if not contacts > 0:
        raise NotEstimable(f"no contacts {when}: a rate ratio needs at least one contact before and after")
    if not person_years > 0:
        raise NotEstimable(f"no person-years {when}: a rate needs time observed")


def rate_ratio(before_contacts: float, before_person_years: float, after_contacts: float,
               after_person_years: float) -> tuple[float, float, float]:
    """The rate ratio after / before and its 95% interval: ``(rr, low, high)``.

    ``rr = (after_contacts / after_person_years) / (before_contacts / before_person_years)``;
    the interval is ``exp(log rr -/+ 1.96 sqrt(1/a + 1/b))`` with ``a``, ``b`` the two counts of
    contacts, read as Poisson counts (MODEL.md section 12). Raises :class:`NotEstimable` when a
    count or a person-time is zero.
    """
    _rate(before_contacts, before_person_years, "before")
    _rate(after_contacts, after_person_years, "after")
    rr = (after_contacts / after_person_years) / (before_contacts / before_person_years)
    return _log_interval(rr, 1.0 / before_contacts + 1.0 / after_contacts)


def did_rate_ratio(participants: tuple[float, float, float, float],
                   comparison: tuple[float, float, float, float]) -> tuple[float, float, float]:
    """The ratio of the participants' rate ratio to the comparison group's (difference in
    differences on the log scale) and its 95% interval: ``(ratio, low, high)``.

    Each group is ``(before_contacts, before_person_years, after_contacts, after_person_years)``;
    the variance of the log ratio is ``1/a + 1/b + 1/c + 1/d`` over the four counts of contacts.
    """
    rr_p = rate_ratio(*participants)[0]
    rr_c = rate_ratio(*comparison)[0]
    counts = (participants[0], participants[2], comparison[0], comparison[2])
    return _log_interval(rr_p / rr_c, sum(1.0 / c for c in counts))


def _log_interval(ratio: float, variance: float) -> tuple[float, float, float]:
    half = Z95 * math.sqrt(variance)
    return ratio, ratio * math.exp(-half), ratio * math.exp(half)


def welch_df(before_sd: float, before_n: float, after_sd: float, after_n: float) -> float:
    """The Welch-Satterthwaite degrees of freedom of a difference of two means."""
    v1, v2 = before_sd ** 2 / before_n, after_sd ** 2 / after_n
    return (v1 + v2) ** 2 / (v1 ** 2 / (before_n - 1) + v2 ** 2 / (after_n - 1))


def welch_interval(before_mean: float, before_sd: float, before_n: float, after_mean: float, after_sd: float,
                   after_n: float) -> tuple[float, float, float]:
    """The change in a mean (after - before) and its 95% Welch interval: ``(change, low, high)``.

    ``se = sqrt(sd1^2/n1 + sd2^2/n2)``, the t quantile at the Welch-Satterthwaite degrees of
    freedom. The two samples are treated as independent (only summaries are recorded), which
    is conservative when the same people answered before and after. Raises
    :class:`NotEstimable` with fewer than two people in either sample or a negative SD.
    """
    if before_n < 2 or after_n < 2:
        raise NotEstimable("a Welch interval needs at least two people before and two after")
    if before_sd < 0 or after_sd < 0:
        raise NotEstimable("a standard deviation cannot be negative")
    change = after_mean - before_mean
    se = math.sqrt(before_sd ** 2 / before_n + after_sd ** 2 / after_n)
    if se == 0:
        return change, change, change
    half = t_quantile(0.975, welch_df(before_sd, before_n, after_sd, after_n)) * se
    return change, change - half, change + half
