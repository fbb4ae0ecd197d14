"""Bundled English areas (ONS): 42 ICBs (mid-2022) and 153 upper-tier LAs (mid-2023), with two
Census 2021 (TS038) measures of local need: the share of residents with any long-term condition
(the default basis) and the share disabled under the Equality Act (:mod:`rtv_desktop.core.need`)."""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

from ...core import Area, FigureSource
from ...core.need import DEFAULT_NEED_BASIS, NEED_BASES, adjust_for_need, need_index
from ...resources import resource_path

ONS_ATTRIBUTION = ("Contains public sector information licensed under the Open Government Licence v3.0. "
                   "Source: Office for National Statistics.")
CENSUS_ATTRIBUTION = ("Census 2021 disability and long-term conditions (TS038): Source: Office for National "
                      "Statistics licensed under the "
                      "Open Government Licence v.3.0. Contains OS data © Crown copyright and database right.")
CENSUS_PERIOD = "Census 2021 (21 March 2021)"
BUNDLED_TABLES = ("ICB", "Upper-tier local authority")
LEVELS = {"icb": "ICB", "utla": "Upper-tier local authority"}


@dataclass(frozen=True)
class AreaRecord:
    """One area's population [persons] by age band and its need, with the tables they came from.

    ``need_percent`` is the share of residents [%] disabled under the Equality Act and
    ``ltc_percent`` the share with any long-term condition (None when the table has no such
    column); ``imported`` the date a user's table was read.
    """

    code: str
    name: str
    kind: str  # "Integrated care board", "County council", "Unitary authority", ...
    population_total: int
    population_18_plus: int
    population_65_plus: int
    reference_period: str  # e.g. "mid-2022"
    table: str  # "ICB", "Upper-tier local authority", or the imported file's name
    need_percent: float | None = None
    need_source: str = ""
    imported: str = ""
    ltc_percent: float | None = None

    @property
    def bundled(self) -> bool:
        return self.table in BUNDLED_TABLES

    @property
    def period_label(self) -> str:
        """Where the figures come from: "ONS mid-2022" for the bundled tables, else the file's name."""
        if self.bundled:
            return f"ONS {self.reference_period}"
        return f"{self.reference_period}, from {self.table}"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.code}, {self.period_label})"

    @property
    def population_source(self) -> str:
        if self.bundled:
            return f"ONS {self.reference_period} population estimates, {self.name} ({self.table} table, bundled)"
        return f"{self.reference_period} figures for {self.name}, imported from {self.table}"

    def percent(self, basis: str) -> float | None:
        """The area's share [%] on a need basis ("any_ltc" or "disability"), or None."""
        return self.ltc_percent if basis == "any_ltc" else self.need_percent

    def basis_for(self, preferred: str = DEFAULT_NEED_BASIS) -> str:
        """``preferred`` when the area has that figure, else the other basis it has (an imported
        table may give only one); the description says which was used."""
        if self.percent(preferred) is not None:
            return preferred
        return next((b for b in NEED_BASES if self.percent(b) is not None), preferred)

    def index_for(self, basis: str = DEFAULT_NEED_BASIS) -> float | None:
        """The need index on ``basis`` (or the other, :meth:`basis_for`): the area's share over
        England's; None without either figure."""
        basis = self.basis_for(basis)
        percent = self.percent(basis)
        return None if percent is None else need_index(percent, NEED_BASES[basis][1])

    @property
    def index(self) -> float | None:
        return self.index_for(DEFAULT_NEED_BASIS)

    def apply_to(self, area: Area, national: Area | None = None, basis: str = DEFAULT_NEED_BASIS) -> Area:
        """``area`` with this record's name, code, population and age shares, each with its source.

        With ``national`` (the national default area) and a need figure on ``basis``, the LTC
        and multimorbidity shares become the national ones times this area's need index.
        """
        total = self.population_total
        found = FigureSource(self.population_source, self.imported)
        new = replace(area, area_name=self.name, area_code=self.code, population=float(total),
                      adult_share=self.population_18_plus / total if total else 0.0,
                      over65_share=self.population_65_plus / total if total else 0.0)
        new = new.with_sources(area_name=found, area_code=found, population=found, adult_share=found,
                               over65_share=found)
        index = self.index_for(basis)
        if national is not None and index is not None:
            new = adjust_for_need(new, national, index, self.need_description(basis), self.imported)
        return new

    def need_description(self, basis: str = DEFAULT_NEED_BASIS) -> str:
        """Which measure the index is, and its figures: the source of each adjusted share."""
        basis = self.basis_for(basis)
        words, england = NEED_BASES[basis]
        return f"{self.name} {self.percent(basis):.2f}% of {words} / England {england:.2f}% ({self.need_source})"


def _rows(name: str) -> list[dict[str, str]]:
    with open(resource_path("areas", name), newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _need(name: str, column: str = "disabled_equality_act_pct") -> dict[str, float]:
    return {row["area_code"]: float(row[column]) for row in _rows(name) if row.get(column)}


@lru_cache(maxsize=1)
def bundled_areas() -> tuple[AreaRecord, ...]:
    """All bundled areas: ICBs first, then upper-tier local authorities, each sorted by name."""
    need_source = f"ONS {CENSUS_PERIOD}, TS038"
    icb_need, utla_need = _need("icb_census2021_disability.csv"), _need("utla_census2021_disability.csv")
    icb_ltc = _need("icb_census2021_disability.csv", "any_ltc_pct")
    utla_ltc = _need("utla_census2021_disability.csv", "any_ltc_pct")
    icbs = [AreaRecord(r["icb_code"], r["icb_name"], "Integrated care board", int(r["population_total"]),
                       int(r["population_18_plus"]), int(r["population_65_plus"]), r["reference_period"], "ICB",
                       icb_need.get(r["icb_code"]), need_source, ltc_percent=icb_ltc.get(r["icb_code"]))
            for r in _rows("icb_population_mid2022.csv")]
    utlas = [AreaRecord(r["utla_code"], r["utla_name"], r["utla_type"], int(r["population_total"]),
                        int(r["population_18_plus"]), int(r["population_65_plus"]), r["reference_period"],
                        "Upper-tier local authority", utla_need.get(r["utla_code"]), need_source,
                        ltc_percent=utla_ltc.get(r["utla_code"]))
             for r in _rows("utla_population_mid2023.csv")]
    return tuple(sorted(icbs, key=lambda a: a.name) + sorted(utlas, key=lambda a: a.name))


def areas_at(level: str) -> tuple[AreaRecord, ...]:
    """The bundled areas of one level: ``"icb"`` or ``"utla"``."""
    table = LEVELS[level]
    return tuple(record for record in bundled_areas() if record.table == table)


def today() -> str:
    return dt.date.today().isoformat()
