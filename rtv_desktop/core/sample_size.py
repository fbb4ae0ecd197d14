"""How many participants a before/after change in ONS life satisfaction needs (MODEL.md section 12).

The design assumed: the people measured before and the people measured after are two
independent samples of equal size ``n`` with the same standard deviation ``sd``, and the
interval is the usual normal one for a difference of means, ``change +/- z * sd * sqrt(2 / n)``.
The interval excludes zero when ``change >= z * sd * sqrt(2 / n)``, that is when
``n >= 2 * (z * sd / change) ** 2``.

That is the size at which an interval centred on the change you hope for *just* excludes
zero: a study of that size sees it about half the time (50% power). To see it four times in
five (80% power) ``z`` becomes ``z + 0.84``: about twice as many people. When the same people
are measured before and after, fewer are needed (how many fewer depends on how closely each
person's two scores agree, which is rarely known in advance); the figure here errs on the
safe side.
"""

from __future__ import annotations

import math
from statistics import NormalDist

LIFE_SATISFACTION_SD = 2.0  # [points, 0-10] a typical SD of ONS life satisfaction among adults (ONS APS)


def z_for(confidence: float) -> float:
    """The two-sided normal quantile of ``confidence`` (1.96 for 0.95)."""
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"Confidence must be between 0 and 1, not {confidence}")
    return NormalDist().inv_cdf(0.5 + confidence / 2.0)


def participants_needed(sd: float, change: float, confidence: float = 0.95) -> int:
    """Participants needed at each of before and after (independent samples of equal size, SD ``sd``)
    before the ``confidence`` interval of a change of ``change`` points excludes zero.

    ``n >= 2 * (z * sd / change) ** 2``, rounded up: e.g. SD 2, change 0.5 -> 123 (see the module).
    A fall is as easy to detect as a rise, so the sign of ``change`` does not matter.
    """
    if not (math.isfinite(sd) and sd > 0):
        raise ValueError(f"The standard deviation must be above zero, not {sd}")
    if not math.isfinite(change) or change == 0:
        raise ValueError("The change to detect must not be zero: no study can tell a change of zero from none")
    exact = 2.0 * (z_for(confidence) * sd / abs(change)) ** 2
    return math.ceil(exact - 1e-9)  # a whole person; 1e-9 keeps an exact whole number from rounding up
