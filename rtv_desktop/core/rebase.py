"""Price years: bring every money input to another year's prices (MODEL.md section 8e).

Money inputs are those declared ``rebase`` (unit costs, cost per starter, fixed and set-up
costs, the WELLBY value, the value of a volunteer hour); the QALY threshold is a policy
value and stays as it is. The factor is ``D[target] / D[source]`` from the HM Treasury GDP
deflator (calendar years, 2024 = 100); a financial year "2024/25" uses calendar 2024.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..resources import resource_path
from .declare import specs
from .document import Document, Option
from .model import Uncertain

DEFLATOR_FILE = "gdp_deflator_calendar_2024_100.csv"
DEFLATOR_SOURCE = ("HM Treasury GDP deflator at market prices, calendar years, 2024 = 100 "
                   "(December 2025 Quarterly National Accounts)")
_YEAR = re.compile(r"^\s*(\d{4})(?:\s*/\s*(\d{2}|\d{4}))?\s*$")


@dataclass(frozen=True)
class Deflator:
    """A deflator value for one price year and where it came from."""

    year: str
    value: float
    source: str


@lru_cache(maxsize=1)
def deflator_series() -> dict[int, float]:
    """The bundled GDP deflator: ``{calendar year: index}`` (2024 = 100)."""
    with open(resource_path("reference", DEFLATOR_FILE), newline="", encoding="utf-8") as handle:
        return {int(row["year"]): float(row["gdp_deflator_2024_100"]) for row in csv.DictReader(handle)}


def calendar_year(price_year: str) -> int | None:
    """The calendar year a price year is converted with ("2024/25" -> 2024), or None."""
    match = _YEAR.match(price_year or "")
    return int(match.group(1)) if match else None


def bundled_deflator(price_year: str) -> Deflator | None:
    """The bundled deflator of ``price_year``, or None when the series does not cover it."""
    year = calendar_year(price_year)
    value = deflator_series().get(year) if year is not None else None
    if value is None:
        return None
    calendar = "" if str(year) == price_year.strip() else f" (calendar {year})"
    return Deflator(price_year, value, f"{DEFLATOR_SOURCE}{calendar}")


def rebase_factor(source: Deflator, target: Deflator) -> float:
    if source.value <= 0 or target.value <= 0:
        raise ValueError("a deflator must be a positive number")
    return target.value / source.value


def rebase(doc: Document, target: Deflator, source: Deflator | None = None) -> Document:
    """``doc`` with every money input in ``target.year`` prices.

    ``source`` defaults to the bundled deflator of the document's price year; pass one
    (typed in, with its source) when the series does not cover that year.

    Raises
    ------
    ValueError
        When no deflator is known for the document's price year, or a deflator is not positive.
    """
    source = source or bundled_deflator(doc.settings.price_year)
    if source is None:
        raise ValueError(f"No deflator for the price year '{doc.settings.price_year}': type its value and source")
    factor = rebase_factor(source, target)
    note = (f"Rebased from {source.year} to {target.year} prices: x{factor:.4f} = deflator {target.value:g} "
            f"({target.source}) / {source.value:g} ({source.source}).")
    earlier = doc.settings.price_note.strip()
    settings = replace(_scaled(doc.settings, factor), price_year=target.year,
                       price_note=f"{earlier} {note}".strip())
    services = tuple(_scaled(svc, factor) for svc in doc.services)
    options = tuple(Option(o.name, tuple(_scaled(iv, factor) for iv in o.interventions), o.notes)
                    for o in doc.options)
    return replace(doc, settings=settings, services=services, options=options)


def _scaled(obj, factor: float):
    """``obj`` with every declared money input multiplied by ``factor``."""
    changes = {}
    for name, spec in specs(type(obj)):
        if not spec.rebase:
            continue
        value = getattr(obj, name)
        changes[name] = value.scaled(factor) if isinstance(value, Uncertain) else value * factor
    return replace(obj, **changes)
