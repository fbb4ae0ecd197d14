"""Figures written for people, as the window writes them (:mod:`rtv_desktop.core.text`)."""

from __future__ import annotations

from ..core import VOLUNTEER_TIME_LABELS
from ..core.text import format_count, format_money, format_percent, format_ratio, payback_text


def money(value) -> str:
    """Short form for sentences and headline figures ("£80.9m"), as the headline cards show."""
    return format_money(value, compact=True)


def pounds(value) -> str:
    """The exact figure to the pound ("£80,884,182"), as the cards' tooltips and tables show."""
    return format_money(value)


def ratio(value) -> str:
    return format_ratio(value)


def percent(value, decimals: int = 0) -> str:
    return format_percent(value, decimals)


def probability(value) -> str:
    """A share of draws; a decimal near 0% and 100% so "0%" never hides a small chance."""
    if value is None:
        return format_percent(None)
    if 0 < value < 0.001:
        return "<0.1%"
    if 0.999 < value < 1:
        return ">99.9%"
    return format_percent(value, 1 if 0 < value < 0.01 or 0.99 < value < 1 else 0)


def count(value) -> str:
    return format_count(value)


def payback(summary: dict, horizon: int) -> str:
    return payback_text(summary, horizon)


def years(n: int) -> str:
    return f"{n} year" + ("" if n == 1 else "s")


def volunteer_treatment(key: str) -> str:
    """How volunteer time enters social value, in words."""
    label = VOLUNTEER_TIME_LABELS.get(key, key)
    return {"benefit": "counted as a benefit (the Realising the Value convention)",
            "cost": "counted as an in-kind cost (usual cost-benefit practice)",
            "excluded": "left out of social value"}.get(key, label)


def listing(names: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    names = [n for n in names if n]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
