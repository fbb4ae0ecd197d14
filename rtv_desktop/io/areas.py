"""Bundled English area populations (ONS): 42 ICBs (mid-2022) and 153 upper-tier LAs (mid-2023)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import lru_cache

from ..core import Area
from ..resources import resource_path

ONS_ATTRIBUTION = ("Contains public sector information licensed under the Open Government Licence v3.0. "
                   "Source: Office for National Statistics.")


BUNDLED_TABLES = ("ICB", "Upper-tier local authority")


@dataclass(frozen=True)
class AreaRecord:
    """One area's population [persons] by age band, with the table it came from."""

    code: str
    name: str
    kind: str  # "Integrated care board", "County council", "Unitary authority", ...
    population_total: int
    population_18_plus: int
    population_65_plus: int
    reference_period: str  # e.g. "mid-2022"
    table: str  # "ICB" or "Upper-tier local authority"

    @property
    def period_label(self) -> str:
        """Where the figures come from: "ONS mid-2022" for the bundled tables, else the file's name."""
        if self.table in BUNDLED_TABLES:
            return f"ONS {self.reference_period}"
        return f"{self.reference_period}, from {self.table}"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code}, {self.period_label})"

    def apply_to(self, area: Area) -> Area:
        """``area`` with this record's name, code, population and age shares (LTC shares kept)."""
        total = self.population_total
        return replace(
            area,
            area_name=self.name,
            area_code=self.code,
            population=float(total),
            adult_share=self.population_18_plus / total if total else 0.0,
            over65_share=self.population_65_plus / total if total else 0.0,
            reference_period=self.period_label,
        )


def _rows(name: str) -> list[dict[str, str]]:
    with open(resource_path("areas", name), newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@lru_cache(maxsize=1)
def bundled_areas() -> tuple[AreaRecord, ...]:
    """All bundled areas: ICBs first, then upper-tier local authorities, each sorted by name."""
    icbs = [AreaRecord(r["icb_code"], r["icb_name"], "Integrated care board", int(r["population_total"]),
                       int(r["population_18_plus"]), int(r["population_65_plus"]), r["reference_period"], "ICB")
            for r in _rows("icb_population_mid2022.csv")]
    utlas = [AreaRecord(r["utla_code"], r["utla_name"], r["utla_type"], int(r["population_total"]),
                        int(r["population_18_plus"]), int(r["population_65_plus"]), r["reference_period"],
                        "Upper-tier local authority")
             for r in _rows("utla_population_mid2023.csv")]
    return tuple(sorted(icbs, key=lambda a: a.name) + sorted(utlas, key=lambda a: a.name))
