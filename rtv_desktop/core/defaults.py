"""Shipped defaults (``resources/defaults``): the example area, services, approaches.

Every default number lives in a data file beside its source and price year; this module
only reads them. :func:`default_sources` returns those sources for tooltips and the
workbook's assumptions log.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, fields, replace
from functools import lru_cache

from ..resources import resource_path
from .model import GROUPS, Area, Intervention, Scenario, Service, Settings, Uncertain


@dataclass(frozen=True)
class Source:
    """Where a default comes from: ``path`` is the scenario path it fills."""

    path: str
    value: str
    source: str
    price_year: str = ""
    assumption: bool = False


def _toml(name: str) -> dict:
    with open(resource_path("defaults", name), "rb") as handle:
        return tomllib.load(handle)


def _csv(name: str) -> list[dict[str, str]]:
    with open(resource_path("defaults", name), newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _uncertain(value) -> Uncertain:
    if isinstance(value, dict):
        return Uncertain(float(value["central"]), float(value["low"]), float(value["high"]))
    return Uncertain.fixed(float(value))


@lru_cache(maxsize=1)
def default_area() -> Area:
    data = _toml("area.toml")
    return Area(**{key: entry["value"] for key, entry in data.items()})


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    data = _toml("settings.toml")
    # settings.toml may carry settings this version does not model yet: skip them.
    known = {f.name for f in fields(Settings)}
    values = {key: entry["value"] for key, entry in data.items() if key in known}
    w = data["wellby_value"]
    values["wellby_value"] = Uncertain(float(w["value"]), float(w["low"]), float(w["high"]))
    values["optimism_bias"] = tuple(float(v) for v in values["optimism_bias"])
    return Settings(**values)


@lru_cache(maxsize=1)
def service_catalogue() -> tuple[Service, ...]:
    """Every service with a shipped unit cost, whether or not it is in the default mix."""
    use = {(row["group"], row["service"]): float(row["value"]) for row in _csv("baseline_use.csv")}
    return tuple(
        Service(
            id=row["id"],
            name=row["name"],
            unit_cost=Uncertain(float(row["unit_cost"]), float(row["unit_cost_low"]), float(row["unit_cost_high"])),
            cashable_share=float(row["cashable_share"]),
            baseline=tuple(use.get((g, row["id"]), 0.0) for g in GROUPS),
            source=row["source"],
        )
        for row in _csv("services.csv")
    )


@lru_cache(maxsize=1)
def default_services() -> tuple[Service, ...]:
    """The services of the default scenario (GP, nurse, A&E, admissions, outpatients)."""
    in_mix = {row["id"] for row in _csv("services.csv") if row["in_default_mix"] == "yes"}
    return tuple(s for s in service_catalogue() if s.id in in_mix)


@lru_cache(maxsize=1)
def approach_presets() -> dict[str, Intervention]:
    """One ready-made intervention per approach: the six of MODEL.md section 5, then ``custom``."""
    data = _toml("interventions.toml")
    common = data["common"]
    presets = {}
    for entry in data["approach"]:
        presets[entry["approach"]] = Intervention(
            name=entry["name"],
            approach=entry["approach"],
            target_group=entry["target_group"],
            reach=_uncertain(entry["reach"]),
            completion=_uncertain(entry["completion"]),
            cost_per_starter=_uncertain(entry["cost_per_starter"]),
            fixed_cost=float(entry.get("fixed_cost", common["fixed_cost"])),
            setup_cost=float(entry.get("setup_cost", common["setup_cost"])),
            effect=tuple((sid, _uncertain(v)) for sid, v in entry["effect"].items()),
            effect_years=int(entry["effect_years"]),
            drop_off=_uncertain(entry["drop_off"]),
            deadweight=_uncertain(entry.get("deadweight", common["deadweight"])),
            attribution=float(entry.get("attribution", common["attribution"])),
            evidence_grade=int(entry["evidence_grade"]),
            wellbeing_gain=_uncertain(entry["wellbeing_gain"]),
            volunteer_hours=float(entry["volunteer_hours"]),
        )
    return presets


def approach_preset(approach: str) -> Intervention:
    """A new intervention for ``approach``; ``custom`` is a placeholder with no effects."""
    presets = approach_presets()
    return presets.get(approach, presets["custom"])


def default_scenario() -> Scenario:
    """The embedded example: an England-average area of 1,000,000 people, six approaches."""
    return Scenario(
        name="Example: six approaches, England-average area",
        area=default_area(),
        settings=default_settings(),
        services=default_services(),
        interventions=tuple(iv for key, iv in approach_presets().items() if key != "custom"),
        notes="Illustrative defaults (2024/25 prices): replace with local evidence.",
    )


def blank_scenario() -> Scenario:
    """The default area and services with no interventions (File > New)."""
    return replace(default_scenario(), name="New scenario", interventions=(), notes="")


@lru_cache(maxsize=1)
def default_sources() -> tuple[Source, ...]:
    """Every shipped default with its source and price year (assumptions log, tooltips)."""
    out: list[Source] = []
    for name, prefix in (("area.toml", "area"), ("settings.toml", "settings")):
        for key, entry in _toml(name).items():
            out.append(Source(f"{prefix}.{key}", _show(entry["value"]), entry["source"], entry.get("price_year", "")))
    for row in _csv("services.csv"):
        sid = row["id"]
        cost = f"{row['unit_cost']} ({row['unit_cost_low']}-{row['unit_cost_high']})"
        out.append(Source(f"services.{sid}.unit_cost", cost, row["source"], row["price_year"]))
        out.append(Source(f"services.{sid}.cashable_share", row["cashable_share"], row["cashable_source"],
                          "", "assumption" in row["cashable_source"].lower()))
    for row in _csv("baseline_use.csv"):
        out.append(Source(f"baseline_use.{row['group']}.{row['service']}", row["value"], row["source"],
                          "", row["basis"] == "assumption"))
    data = _toml("interventions.toml")
    for entry in data["approach"]:
        out.append(Source(f"approach.{entry['approach']}", entry["name"], entry["source"], "2024/25"))
    out.append(Source("approach.common", "deadweight, attribution, fixed and set-up costs",
                      data["common"]["source"], "2024/25", True))
    return tuple(out)


def source_for(path: str) -> Source | None:
    """The shipped source of one default, by scenario path, or ``None``."""
    return next((s for s in default_sources() if s.path == path), None)


def _show(value) -> str:
    if isinstance(value, list):
        return ", ".join(f"{v:g}" for v in value)
    return f"{value:,}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
