"""Plain-text formatting of money, ratios, percentages and counts for people to read.

Pure Python (no Qt) so any page, table or report can share one way of writing numbers.
Negative amounts use an ordinary hyphen-minus so copied figures paste into Excel as
numbers-with-text rather than unknown characters.
"""

from __future__ import annotations

import math

NOT_AVAILABLE = "n/a"

# Compact money: (threshold, divisor, suffix), largest first.
_COMPACT_STEPS = ((1e9, 1e9, "bn"), (1e6, 1e6, "m"), (1e4, 1e3, "k"))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _sign(value: float) -> str:
    return "-" if value < 0 else ""


def format_money(value, compact: bool = False) -> str:
    """Write an amount in pounds.

    Parameters
    ----------
    value : float or None
        Amount [£]; None or NaN gives "n/a".
    compact : bool
        False: the exact figure to the pound with thousands separators ("£1,234,567").
        True: short form for headlines ("£1.2m", "£350k", "£2.5bn"); amounts under
        £10,000 stay exact.

    Examples
    --------
    >>> format_money(-10744861.5, compact=True)
    '-£10.7m'
    >>> format_money(1234.4)
    '£1,234'
    """
    if _missing(value):
        return NOT_AVAILABLE
    value = float(value)
    if not compact:
        return f"{_sign(value)}£{abs(value):,.0f}" if round(abs(value)) else "£0"
    return _compact_money(value)


def _compact_money(value: float) -> str:
    size = abs(value)
    for index, (threshold, divisor, suffix) in enumerate(_COMPACT_STEPS):
        if size < threshold:
            continue
        decimals = 0 if suffix == "k" else 1
        scaled = round(size / divisor, decimals)
        # 999,950 rounds to "1,000k": move up to the next unit instead.
        if index > 0 and scaled >= 1000:
            threshold_up, divisor_up, suffix_up = _COMPACT_STEPS[index - 1]
            return f"{_sign(value)}£{size / divisor_up:.1f}{suffix_up}"
        return f"{_sign(value)}£{scaled:,.{decimals}f}{suffix}"
    return format_money(value)


def format_money_axis(value: float) -> str:
    """Tick label for a money axis: exact pounds with thousands separators ("-£2,500,000")."""
    return format_money(value, compact=False)


def format_money_tick(value: float, spacing: float, largest: float | None = None) -> str:
    """Short tick label for ticks ``spacing`` apart: "£12m", "£2.5m", "£350k", "£900".

    Shows as many decimals as the spacing needs, so neighbouring ticks never read alike.
    ``largest`` (the biggest tick on the axis) picks one unit for the whole axis.
    """
    value, step = float(value), abs(float(spacing)) or 1.0
    biggest = max(abs(value), step, abs(float(largest or 0.0)))
    unit = next(((divisor, suffix) for threshold, divisor, suffix in _COMPACT_STEPS if biggest >= threshold), None)
    if unit is None or round(abs(value) / step) == 0:
        return format_money(value if round(abs(value) / step) else 0.0)
    divisor, suffix = unit
    decimals = next(d for d in range(4) if abs(step / divisor * 10 ** d - round(step / divisor * 10 ** d)) < 1e-6
                    or d == 3)
    return f"{_sign(value)}£{abs(value) / divisor:,.{decimals}f}{suffix}"


def format_ratio(value) -> str:
    """A benefit-cost ratio as "£ back per £1" ("£0.06 back per £1"); None gives "n/a"."""
    if _missing(value):
        return NOT_AVAILABLE
    value = float(value)
    return f"{_sign(value)}£{abs(value):,.2f} back per £1"


def format_percent(fraction, decimals: int = 0) -> str:
    """A fraction as a percentage (0.425 -> "43%"); None gives "n/a"."""
    if _missing(fraction):
        return NOT_AVAILABLE
    return f"{float(fraction) * 100:.{decimals}f}%"


def format_count(value) -> str:
    """A count of people or contacts, rounded, with thousands separators ("46,970")."""
    if _missing(value):
        return NOT_AVAILABLE
    count = round(float(value))
    return f"{count:,}" if count else "0"


def format_payback(year_index, horizon_years: int) -> str:
    """Payback year for people: year index 0 is "Year 1"; None is "Not within N years"."""
    if _missing(year_index):
        unit = "year" if horizon_years == 1 else "years"
        return f"Not within {horizon_years} {unit}"
    return f"Year {int(year_index) + 1}"


NOTHING_SPENT = "None: nothing spent"
NOTHING_SPENT_TIP = "Nothing is spent in this scenario, so there is no cost to pay back."


def payback_text(summary: dict, horizon_years: int) -> str:
    """The payback figure of a results summary; "None: nothing spent" when there is no cost."""
    if not summary.get("total_cost") and not summary.get("pv_cost"):
        return NOTHING_SPENT
    return format_payback(summary.get("payback_year"), horizon_years)


def year_label(year_index: int) -> str:
    """Axis label for appraisal year index ``t`` (0 is the first delivery year, "Year 1")."""
    return f"Year {int(year_index) + 1}"


def is_negative(value) -> bool:
    """True for a real number below zero (None and NaN are not negative)."""
    return not _missing(value) and float(value) < 0
