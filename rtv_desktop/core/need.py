"""Local need: national default shares of adults with long-term conditions, scaled by an index.

The index is an area's share of residents with a need measure over England's share, from
Census 2021 TS038 (all ages). Two bases are offered (:data:`NEED_BASES`):

- ``any_ltc`` (the default): residents disabled under the Equality Act **or** not disabled but
  with a long-term physical or mental health condition: 24.13% in England. It is the census
  measure closest to "has a long-term condition".
- ``disability``: residents disabled under the Equality Act (a condition that limits
  day-to-day activities): 17.30% in England. It misses conditions that do not limit daily
  life, so it weighs areas by the severity of need more than by how common conditions are.

Either is a self-reported, all-age measure, so it is used only as a relative index, applied
to the LTC and multimorbidity shares and never to baseline use per person (need changes how
many people there are, not each person's use; the all-age census measure already overlaps
the age structure).
"""

from __future__ import annotations

from dataclasses import replace

from .model import Area, FigureSource

ENGLAND_DISABLED_PERCENT = 17.30  # Census 2021, England: 9,774,514 of 56,490,051 residents
# Census 2021, England: 9,774,514 disabled + 3,856,070 not disabled with a long-term condition, of
# 56,490,051 residents (TS038).
ENGLAND_ANY_LTC_PERCENT = 24.13
NEED_BASES = {
    "any_ltc": ("residents with any long-term condition (disabled under the Equality Act, or not disabled but "
                "with a long-term condition)", ENGLAND_ANY_LTC_PERCENT),
    "disability": ("residents disabled under the Equality Act", ENGLAND_DISABLED_PERCENT),
}
DEFAULT_NEED_BASIS = "any_ltc"
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
