"""The distribution a simulation draws each uncertain input from (MODEL.md sections 4 and 11a).

Under ``settings.distributions = "fitted"`` the range ``[low, high]`` is a 90% interval and
the central value is the mean, with standard deviation ``sigma = (high - low) / 3.29``, and the
family follows the kind of number (NICE DSU practice): fractions are beta, money and contact
rates gamma, a relative effect on use has ``1 - effect`` lognormal, life-satisfaction points
and QALY gains are normal. Each is drawn as a function of one standard normal score ``z``
(its quantile function at ``Phi(z)``), so that draws can be correlated across interventions
on the normal scale (a Gaussian copula) without sorting any column.

Normal and lognormal quantiles are closed forms. Beta and gamma quantiles have none in
numpy, so each is tabulated once per distribution: the density is integrated on a fine grid
of ``log x`` (gamma) or ``logit x`` (beta), where it is smooth and log-concave whatever the
shape, each segment integrated exactly for a log-linear density; the cumulative probabilities
are turned into normal scores with Wichura's AS241 (about 1e-16 relative error) and resampled
on an even grid of ``z`` from -8.5 to 8.5, which a draw reads by linear interpolation. The
table's mean, 5th and 95th percentiles agree with the exact ones to better than 1e-6 of the
standard deviation (``tests/core/test_distributions.py`` checks them against the closed-form
moments and against numpy's own beta and gamma samplers).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .model import Uncertain

SPAN_SDS = 3.29  # a 90% interval is 2 x 1.645 standard deviations wide
BETA_SD_CAP = 0.99  # of sqrt(m (1 - m)): the largest spread for which a beta with mean m exists
# The family of each kind of number (the ``kind`` of its declaration).
FAMILY_OF_KIND = {
    "fraction": "beta", "fine_fraction": "beta",
    "money": "gamma", "money_pence": "gamma", "contacts": "gamma",
    "signed_fraction": "lognormal_complement",
    "points": "normal", "qalys": "normal",
}
FAMILY_WORDS = {"beta": "beta", "gamma": "gamma", "lognormal_complement": "lognormal (of 1 - effect)",
                "normal": "normal", "constant": "constant"}

# Tabulated quantiles: normal scores from -Z_EDGE to Z_EDGE (P(|z| > 8.5) is about 2e-17).
Z_EDGE = 8.5
Z_POINTS = 2049
_Z_STEP = 2 * Z_EDGE / (Z_POINTS - 1)
_GRID = 2049  # points of the density grid
_DROP = 45.0  # the grid reaches where the density is below e^-45 of its peak


@dataclass(frozen=True)
class Fitted:
    """One input's fitted distribution: its family, mean and standard deviation, and the
    family's own parameters (``p``, ``q``): beta shapes ``a, b``; gamma shape and scale; the
    mean and sd of ``log(1 - effect)``; nothing for normal and constant."""

    family: str
    mean: float
    sd: float
    p: float = 0.0
    q: float = 0.0

    @property
    def is_constant(self) -> bool:
        return self.family == "constant"


def fitted(value: Uncertain, family: str) -> Fitted:
    """The distribution of ``family`` with mean ``value.central`` and sd ``(high - low) / 3.29``.

    A degenerate range is a constant; so is a range the family cannot have around its mean
    (a beta whose mean is 0 or 1, a gamma whose mean is 0 or less, ``1 - effect`` at 0 or
    less): no spread of those keeps the mean at the central value.
    """
    m, sd = float(value.central), (float(value.high) - float(value.low)) / SPAN_SDS
    if value.is_fixed or sd <= 0:
        return Fitted("constant", m, 0.0)
    if family == "normal":
        return Fitted("normal", m, sd)
    if family == "beta":
        if not 0.0 < m < 1.0:
            return Fitted("constant", m, 0.0)
        sd = min(sd, BETA_SD_CAP * math.sqrt(m * (1.0 - m)))
        total = m * (1.0 - m) / sd ** 2 - 1.0
        return Fitted("beta", m, sd, m * total, (1.0 - m) * total)
    if family == "gamma":
        if m <= 0.0:
            return Fitted("constant", m, 0.0)
        return Fitted("gamma", m, sd, (m / sd) ** 2, sd ** 2 / m)
    if family == "lognormal_complement":
        rest = 1.0 - m  # the share of use left: its mean
        if rest <= 0.0:
            return Fitted("constant", m, 0.0)
        s2 = math.log1p((sd / rest) ** 2)
        return Fitted("lognormal_complement", m, sd, math.log(rest) - s2 / 2, math.sqrt(s2))
    raise ValueError(f"no fitted family {family!r}")


def quantile(f: Fitted, z: np.ndarray) -> np.ndarray:
    """The value of ``f`` at normal score ``z`` (its quantile at ``Phi(z)``), increasing in ``z``.

    A standard normal ``z`` gives draws of ``f``; correlated scores give correlated draws with
    the same marginals.
    """
    if f.family == "constant":
        return np.full(np.shape(z), f.mean)
    if f.family == "normal":
        return f.mean + f.sd * z
    if f.family == "lognormal_complement":
        # effect = 1 - exp(mu - s z): a higher score is a larger effect, as for every family
        return 1.0 - np.exp(f.p - f.q * z)
    return _interpolate(_table(f.family, f.p, f.q), z)


def sample(f: Fitted, gen: np.random.Generator, size: int) -> np.ndarray:
    """``size`` draws of ``f`` with numpy's own sampler of the family (the yardstick of speed and
    of the tabulated quantiles)."""
    if f.family == "constant":
        return np.full(size, f.mean)
    if f.family == "normal":
        return gen.normal(f.mean, f.sd, size)
    if f.family == "lognormal_complement":
        return 1.0 - gen.lognormal(f.p, f.q, size)
    if f.family == "beta":
        return gen.beta(f.p, f.q, size)
    return gen.gamma(f.p, f.q, size)


# -- tabulated quantiles of beta and gamma -------------------------------------------------------
@dataclass(frozen=True)
class _Table:
    values: np.ndarray  # [Z_POINTS] the quantile at each even-spaced normal score
    slopes: np.ndarray  # [Z_POINTS] the step to the next value (0 at the end)


def _interpolate(table: _Table, z: np.ndarray) -> np.ndarray:
    position = np.asarray(z, dtype=float) * (1.0 / _Z_STEP) + Z_EDGE / _Z_STEP
    np.clip(position, 0.0, Z_POINTS - 1.0, out=position)
    index = position.astype(np.intp)
    position -= index
    return table.values[index] + position * table.slopes[index]


@lru_cache(maxsize=4096)
def _table(family: str, p: float, q: float) -> _Table:
    """The quantile function of a beta (shapes ``p, q``) or gamma (shape ``p``, scale ``q``) on
    the even grid of normal scores. Cached: many inputs share one distribution."""
    if family == "beta":
        # y = logit x: log density p y - (p + q) log(1 + e^y), peak at log(p / q)
        log_density = lambda y: p * y - (p + q) * np.logaddexp(0.0, y)  # noqa: E731
        peak, scale = math.log(p / q), math.sqrt((p + q) / (p * q))
        to_value = lambda y: 0.5 + 0.5 * np.tanh(0.5 * y)  # noqa: E731  (the logistic, without overflow)
    else:
        # t = log(x / scale): log density p t - e^t, peak at log p
        log_density = lambda t: p * t - np.exp(t)  # noqa: E731
        peak, scale = math.log(p), 1.0 / math.sqrt(p)
        to_value = lambda t: q * np.exp(t)  # noqa: E731
    top = float(log_density(np.array(peak)))
    lo, hi = (_reach(log_density, peak, top, scale, side) for side in (-1.0, 1.0))
    # Even in asinh((x - peak) / scale): fine near the peak, coarser far out in the tails, where
    # the log density of a beta or gamma is nearly straight (and integrated exactly when it is).
    ends = np.arcsinh([(lo - peak) / scale, (hi - peak) / scale])
    grid = peak + scale * np.sinh(np.linspace(ends[0], ends[1], _GRID))
    scores = _normal_scores(log_density(grid) - top, np.diff(grid))
    inner = slice(1, -1)  # the ends have probability 0 or 1: no finite score
    values = to_value(np.interp(np.linspace(-Z_EDGE, Z_EDGE, Z_POINTS), scores[inner], grid[inner]))
    values.setflags(write=False)
    slopes = np.append(np.diff(values), 0.0)
    slopes.setflags(write=False)
    return _Table(values, slopes)


def _reach(log_density, peak: float, top: float, scale: float, side: float) -> float:
    """A point on ``side`` of the peak where the density has fallen below e^-_DROP of it."""
    step = scale
    while float(log_density(np.array(peak + side * step))) > top - _DROP:
        step *= 2.0
    return peak + side * step


def _normal_scores(log_density: np.ndarray, widths: np.ndarray) -> np.ndarray:
    """``Phi^-1`` of the cumulative probability at each grid point, from the tail each is in.

    Each segment's probability is the exact integral of a density that is log-linear over it;
    the upper tail is summed from the right, so neither tail loses digits to ``1 - p``.
    """
    density = np.exp(log_density)
    rise = np.diff(log_density)
    flat = np.abs(rise) < 1e-9
    ratio = np.where(flat, 1.0, np.expm1(np.where(flat, 0.0, rise)) / np.where(flat, 1.0, rise))
    mass = widths * density[:-1] * ratio
    below = np.concatenate(([0.0], np.cumsum(mass)))
    above = np.concatenate((np.cumsum(mass[::-1])[::-1], [0.0]))
    total = below[-1]
    tail = np.minimum(below, above) / total  # the probability of the nearer tail
    tail = np.maximum(tail, 1e-300)  # the grid's ends: a score far beyond any table entry
    scores = -inverse_normal_cdf(tail)
    return np.where(below <= above, -scores, scores)


def inverse_normal_cdf(p: np.ndarray) -> np.ndarray:
    """``Phi^-1(p)`` elementwise for ``0 <= p <= 0.5`` and beyond (Wichura 1988, algorithm AS241,
    as ``statistics.NormalDist.inv_cdf``): relative error about 1e-16. ``p = 0`` gives -inf."""
    p = np.asarray(p, dtype=float)
    q = p - 0.5
    central = np.abs(q) <= 0.425
    out = np.empty_like(p)
    r = 0.180625 - q[central] ** 2
    out[central] = q[central] * _poly(r, _A) / _poly(r, _B)
    tail = ~central
    with np.errstate(divide="ignore"):
        r = np.sqrt(-np.log(np.where(q[tail] <= 0.0, p[tail], 1.0 - p[tail])))
    near = r <= 5.0
    x = np.where(near, _poly(r - 1.6, _C) / _poly(r - 1.6, _D), _poly(r - 5.0, _E) / _poly(r - 5.0, _F))
    out[tail] = np.where(q[tail] < 0.0, -x, x)
    return out


def _poly(r: np.ndarray, coefficients: tuple[float, ...]) -> np.ndarray:
    """Horner's rule, highest power first."""
    out = np.full_like(r, coefficients[0])
    for c in coefficients[1:]:
        out = out * r + c
    return out


_A = (2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4, 4.5921953931549871457e+4,
      1.3731693765509461125e+4, 1.9715909503065514427e+3, 1.3314166789178437745e+2, 3.3871328727963666080e+0)
_B = (5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4, 2.1213794301586595867e+4,
      5.3941960214247511077e+3, 6.8718700749205790830e+2, 4.2313330701600911252e+1, 1.0)
_C = (7.7454501427834140764e-4, 2.2723844989269184583e-2, 2.4178072517745061177e-1, 1.2704582524523683826e+0,
      3.6478483247632046050e+0, 5.7694972214606914055e+0, 4.6303378461565452959e+0, 1.4234371107496835773e+0)
_D = (1.0507500716444168432e-9, 5.4759380849953449460e-4, 1.5198666563616457197e-2, 1.4810397642748007459e-1,
      6.8976733498510000455e-1, 1.6763848301838038494e+0, 2.0531916266377588219e+0, 1.0)
_E = (2.0103343992922881327e-7, 2.7115555687434875782e-5, 1.2426609473880784386e-3, 2.6532189526576123093e-2,
      2.9656057182850489123e-1, 1.7848265399172913358e+0, 5.4637849111641143699e+0, 6.6579046435011037772e+0)
_F = (2.0442631033899397856e-15, 1.4215117583164458887e-7, 1.8463183175100546818e-5, 7.8686913114561325910e-4,
      1.4875361290850614853e-2, 1.3692988092273580531e-1, 5.9983220655588793769e-1, 1.0)
