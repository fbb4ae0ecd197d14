"""Local need: national default shares of adults with long-term conditions, scaled by an index.

The index is an area's share of residents disabled under the Equality Act (Census 2021: a
condition that limits day-to-day activities) over England's 17.30%. It is not "any
long-term condition", so it is used only as a relative index of need, applied to the LTC and
multimorbidity shares and never to baseline use per person (need changes how many people
there are, not each person's use; the all-age census measure already overlaps the age
structure).
"""

from __future__ import annotations

from dataclasses import replace

from .model import Area, FigureSource

ENGLAND_DISABLED_PERCENT = 17.30  # Census 2021, England: 9,774,514 of 56,490,051 residents
NEED_SHARES = ("ltc_share", "multimorbid_share")


def need_index(area_percent: float, england_percent: float = ENGLAND_DISABLED_PERCENT) -> float:
    """The area's need relative to England (1.0 = England average)."""
    return area_percent / england_percent


def adjust_for_need(area: Area, national: Area, index: float, source: str, date: str = "") -> Area:
    """``area`` with its LTC and multimorbidity shares set to ``national``'s times ``index``.

    Each adjusted share records the index and where it came from in ``area.sources``.
    """
    shares = {name: getattr(national, name) * index for name in NEED_SHARES}
    found = {name: FigureSource(f"National default {getattr(national, name):.1%} x need index {index:.3f}: "
                                f"{source}", date, index) for name in NEED_SHARES}
    return replace(area, **shares).with_sources(**found)


def national_shares(area: Area, national: Area, source: str = "National default", date: str = "") -> Area:
    """``area`` with the national LTC and multimorbidity shares (the adjustment switched off)."""
    shares = {name: getattr(national, name) for name in NEED_SHARES}
    found = {name: FigureSource(source, date) for name in NEED_SHARES}
    return replace(area, **shares).with_sources(**found)


def adjusted_index(area: Area) -> float | None:
    """The need index applied to the area's LTC share, or None when it holds no adjustment."""
    found = area.source_of("ltc_share")
    return found.need_index if found is not None else None
