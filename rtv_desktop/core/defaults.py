"""Shipped defaults (``resources/defaults``): the example area, services, approaches, settings.

The example scenario and document built from them are in :mod:`.examples`.

Every default number lives in a data file beside its source and price year; this module
only reads them, field by field through the declarations (:mod:`.declare`), so a new input
needs no code here. :func:`default_sources` returns the sources for tooltips, the
workbook's assumptions log and the report.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache

from ..resources import resource_path
from .declare import Spec, specs
from .model import GROUPS, Area, FigureSource, Intervention, Service, Settings, Uncertain


@dataclass(frozen=True)
class Source:
    """Where a default comes from: ``path`` names what it fills.

    Paths: ``area.<field>``, ``settings.<field>``, ``services.<id>.unit_cost``,
    ``services.<id>.cashable_share``, ``baseline_use.<group>.<id>``, ``approach.<approach>``
    (the approach as a whole) and ``approach.<approach>.<field>``.
    """

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
    if isinstance(value, str):
        return Uncertain.fixed(float(value))
    if isinstance(value, dict):
        central = value.get("central", value.get("value"))
        return Uncertain(float(central), float(value["low"]), float(value["high"]))
    return Uncertain.fixed(float(value))


def _value(spec: Spec, raw):
    if spec.uncertain:
        return _uncertain(raw)
    if spec.is_text:
        return str(raw)
    if isinstance(raw, list):
        return tuple(float(v) for v in raw)
    return int(raw) if spec.integer else float(raw)


def _declared_values(cls, entries: dict) -> dict:
    """Values of the declared fields present in ``entries`` (``{name: raw}``)."""
    return {name: _value(spec, entries[name]) for name, spec in specs(cls) if name in entries}


def _entry_values(data: dict) -> dict:
    """``{name: value}`` of a settings-style file, where each entry has value (low, high)."""
    out = {}
    for key, entry in data.items():
        out[key] = {"central": entry["value"], "low": entry["low"], "high": entry["high"]} if "low" in entry \
            else entry["value"]
    return out


@lru_cache(maxsize=1)
def default_area() -> Area:
    data = _toml("area.toml")
    area = Area(**_declared_values(Area, _entry_values(data)))
    return area.with_sources(**{key: FigureSource(entry["source"]) for key, entry in data.items()
                                if key in dict(specs(Area)) and entry.get("source")})


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    """The shipped settings; ``start_year`` depends on today's date, so settings.toml cannot hold it:
    the field's own default fills it (the financial year after today's, see ``Settings.start_year``)."""
    return Settings(**_declared_values(Settings, _entry_values(_toml("settings.toml"))))


def _range(row: dict[str, str], central: str, low: str, high: str) -> dict | str:
    """``{central, low, high}`` from a CSV row; the central value alone when the row has no range."""
    if row.get(low, "") == "" or row.get(high, "") == "":
        return row[central]
    return {"central": row[central], "low": row[low], "high": row[high]}


def _service(row: dict[str, str], use: dict) -> Service:
    values = {"id": row["id"], "name": row["name"], "source": row["source"],
              "cashable_share": _range(row, "cashable_share", "cashable_low", "cashable_high"),
              "unit_cost": _range(row, "unit_cost", "unit_cost_low", "unit_cost_high")}
    if row.get("party"):
        values["party"] = row["party"]
    service = Service(**_declared_values(Service, values))
    return replace(service, baseline=tuple(use.get((g, row["id"]), Uncertain.fixed(0.0)) for g in GROUPS))


@lru_cache(maxsize=1)
def service_catalogue() -> tuple[Service, ...]:
    """Every service with a shipped unit cost, whether or not it is in the default mix; baseline use and
    cashable shares carry their ranges (MODEL.md 11b)."""
    use = {(row["group"], row["service"]): _uncertain(_range(row, "value", "low", "high"))
           for row in _csv("baseline_use.csv")}
    return tuple(_service(row, use) for row in _csv("services.csv"))


@lru_cache(maxsize=1)
def default_services() -> tuple[Service, ...]:
    """The services of the default scenario (GP, nurse, A&E, admissions, outpatients)."""
    in_mix = {row["id"] for row in _csv("services.csv") if row["in_default_mix"] == "yes"}
    return tuple(s for s in service_catalogue() if s.id in in_mix)


@lru_cache(maxsize=1)
def approach_presets() -> dict[str, Intervention]:
    """One ready-made intervention per approach: the six of MODEL.md section 5, then ``custom``.

    Each preset's ``id`` is its approach, so the default mix has readable, stable ids.
    """
    data = _toml("interventions.toml")
    common = data["common"]
    presets = {}
    for entry in data["approach"]:
        merged = {**common, **entry, "id": entry["approach"]}
        iv = Intervention(**_declared_values(Intervention, {k: v for k, v in merged.items()
                                                            if k not in ("effect", "funding", "evidence")}))
        effect = tuple((sid, _uncertain(v)) for sid, v in entry.get("effect", {}).items())
        funding = tuple((p, float(v)) for p, v in merged.get("funding", {"nhs": 1.0}).items())
        evidence = tuple((outcome, str(eid)) for outcome, eid in entry.get("evidence", {}).items())
        presets[entry["approach"]] = replace(iv, effect=effect, funding=funding, evidence=evidence)
    return presets


def approach_preset(approach: str) -> Intervention:
    """A new intervention for ``approach``; ``custom`` is a placeholder with no effects."""
    presets = approach_presets()
    return presets.get(approach, presets["custom"])


# -- sources ---------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def default_sources() -> tuple[Source, ...]:
    """Every shipped default with its source and price year (assumptions log, tooltips, report)."""
    out: list[Source] = []
    for name, prefix in (("area.toml", "area"), ("settings.toml", "settings")):
        for key, entry in _toml(name).items():
            out.append(Source(f"{prefix}.{key}", _show(entry), entry["source"], entry.get("price_year", ""),
                              bool(entry.get("assumption", False))))
    for row in _csv("services.csv"):
        sid = row["id"]
        cost = f"{row['unit_cost']} ({row['unit_cost_low']}-{row['unit_cost_high']})"
        out.append(Source(f"services.{sid}.unit_cost", cost, row["source"], row["price_year"],
                          row.get("unit_cost_assumption", "no") == "yes"))
        out.append(Source(f"services.{sid}.cashable_share", _range_text(row, "cashable_share", "cashable_low",
                                                                          "cashable_high"),
                          row["cashable_source"], "", "assumption" in row["cashable_source"].lower()))
    for row in _csv("baseline_use.csv"):
        out.append(Source(f"baseline_use.{row['group']}.{row['service']}", _range_text(row, "value", "low", "high"),
                          row["source"], "", row["basis"] == "assumption"))
    out += _approach_sources(_toml("interventions.toml"))
    return tuple(out)


def _range_text(row: dict[str, str], central: str, low: str, high: str) -> str:
    """"3.1 (2.8 to 3.5)", or the central value alone when the row has no range (or a degenerate one)."""
    if row.get(low, "") == "" or row.get(high, "") == "" or float(row[low]) == float(row[high]):
        return row[central]
    return f"{row[central]} ({row[low]} to {row[high]})"


def _approach_sources(data: dict) -> list[Source]:
    out = []
    common = data["common"]
    for entry in data["approach"]:
        key = entry["approach"]
        out.append(Source(f"approach.{key}", entry["name"], entry["source"], "2024/25"))
        for field, found in {**common.get("sources", {}), **entry.get("sources", {})}.items():
            shown = _show({"value": entry.get(field, common.get(field, ""))})
            out.append(Source(f"approach.{key}.{field}", shown, found.get("text", ""), found.get("price_year", ""),
                              bool(found.get("assumption", False))))
    out.append(Source("approach.common", "deadweight, attribution, fixed and set-up costs", common["source"],
                      "2024/25", True))
    return out


def source_for(path: str) -> Source | None:
    """The shipped source of one default, by path (see :class:`Source`), or ``None``."""
    return _by_path().get(path)


@lru_cache(maxsize=1)
def _by_path() -> dict[str, Source]:
    return {s.path: s for s in default_sources()}


def _show(entry: dict) -> str:
    """A shipped value as text: a number, a range "a (low to high)", a list, or per-service effects."""
    value = entry.get("value", "")
    if isinstance(value, dict) and "central" in value:
        return f"{_show({'value': value['central']})} ({_show({'value': value['low']})} to " \
               f"{_show({'value': value['high']})})"
    if isinstance(value, dict):  # effects by service
        return "; ".join(f"{key} {_show({'value': item})}" for key, item in value.items()) or "none"
    if isinstance(value, list):
        return ", ".join(f"{v:g}" for v in value)
    if "low" in entry:
        return f"{value:,} ({entry['low']:,} to {entry['high']:,})"
    return f"{value:,}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)
