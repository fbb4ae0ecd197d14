"""The scenario's JSON form (``Scenario.to_dict`` / ``Scenario.from_dict``).

Reading checks types and structure and reports every problem with its path at once;
range checks (fractions, horizon, ...) belong to :func:`rtv_desktop.core.validate`.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

from .issues import Issue, ScenarioFormatError
from .model import GROUPS, Area, Intervention, Scenario, Service, Settings, Uncertain

FORMAT_NAME = "rtv-desktop-scenario"
FORMAT_VERSION = 1

_AREA_TEXT = ("area_name", "area_code", "reference_period")
_AREA_NUMBERS = ("population", "adult_share", "over65_share", "ltc_share", "multimorbid_share")
_INTERVENTION_UNCERTAIN = ("reach", "completion", "cost_per_starter", "drop_off", "deadweight", "wellbeing_gain")
_INTERVENTION_NUMBERS = ("fixed_cost", "setup_cost", "attribution", "volunteer_hours", "custom_size")
_INTERVENTION_INTEGERS = ("effect_years", "evidence_grade")
_INTERVENTION_TEXT = ("name", "approach", "target_group", "notes")
_INTERVENTION_REQUIRED = ("name", "target_group", "reach", "completion", "cost_per_starter")


def uncertain_to_json(value: Uncertain) -> float | dict:
    """A plain number when the range is degenerate, else ``{central, low, high}``."""
    if value.low == value.central == value.high:
        return value.central
    return {"central": value.central, "low": value.low, "high": value.high}


def scenario_to_dict(s: Scenario) -> dict:
    area = {name: getattr(s.area, name) for name in _AREA_TEXT + _AREA_NUMBERS}
    st = s.settings
    settings = {f.name: getattr(st, f.name) for f in fields(Settings)}
    settings["wellby_value"] = uncertain_to_json(st.wellby_value)
    settings["optimism_bias"] = list(st.optimism_bias)
    services = [
        {"id": v.id, "name": v.name, "unit_cost": uncertain_to_json(v.unit_cost),
         "cashable_share": v.cashable_share, "source": v.source}
        for v in s.services
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": s.name,
        "author": s.author,
        "notes": s.notes,
        "area": area,
        "settings": settings,
        "services": services,
        "baseline_use": s.baseline_use,
        "interventions": [_intervention_to_dict(i) for i in s.interventions],
    }


def _intervention_to_dict(i: Intervention) -> dict:
    out: dict = {}
    for f in fields(Intervention):
        value = getattr(i, f.name)
        if f.name == "effect":
            out["effect"] = {sid: uncertain_to_json(v) for sid, v in value}
        elif isinstance(value, Uncertain):
            out[f.name] = uncertain_to_json(value)
        else:
            out[f.name] = value
    return out


class _Reader:
    """Typed access to a JSON-like dict that records problems instead of raising."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def fail(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def mapping(self, data, path: str) -> dict:
        if isinstance(data, dict):
            return data
        self.fail(path, f"must be an object with named fields, not {_kind(data)}")
        return {}

    def number(self, data: dict, key: str, path: str, default=None):
        if key not in data:
            if default is None:
                self.fail(path, "is missing: enter a number")
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(path, f"must be a number, not {_kind(value)}")
            return default if default is not None else 0.0
        try:
            number = float(value)
        except OverflowError:  # an integer with hundreds of digits
            self.fail(path, "is far too large to be a real figure: check the value")
            return 0.0
        if not math.isfinite(number):
            self.fail(path, "must be a finite number (not NaN or infinity)")
        return number

    def integer(self, data: dict, key: str, path: str, default=None):
        raw = data.get(key)
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw  # exact: a float would round seeds above 2**53
        value = self.number(data, key, path, default)
        if value is None:
            return None
        if math.isfinite(value) and value != int(value):
            self.fail(path, f"must be a whole number, not {value:g}")
        return int(value) if math.isfinite(value) else 0

    def text(self, data: dict, key: str, path: str, default=None) -> str:
        if key not in data:
            if default is None:
                self.fail(path, "is missing: enter some text")
                return ""
            return default
        value = data[key]
        if not isinstance(value, str):
            self.fail(path, f"must be text, not {_kind(value)}")
            return str(value)
        return value

    def uncertain(self, data: dict, key: str, path: str, default: Uncertain | None = None) -> Uncertain:
        if key not in data:
            if default is None:
                self.fail(path, "is missing: enter a number or {central, low, high}")
                return Uncertain.fixed(0.0)
            return default
        value = data[key]
        if isinstance(value, dict):
            central = self.number(value, "central", f"{path}.central", 0.0 if "central" not in value else None)
            if "central" not in value:
                self.fail(f"{path}.central", "is missing: a range needs central, low and high")
            low = self.number(value, "low", f"{path}.low", central)
            high = self.number(value, "high", f"{path}.high", central)
            return Uncertain(central, low, high)
        number = self.number(data, key, path)
        return Uncertain.fixed(number if number is not None else 0.0)


def _kind(value) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", list: "a list", dict: "an object"}.get(type(value), type(value).__name__)


def scenario_from_dict(data: dict) -> Scenario:
    """Build a :class:`Scenario` from its JSON form.

    Missing ``settings`` fields take their defaults; missing ``services`` and
    ``baseline_use`` together take the shipped defaults. Everything else is required.

    Raises
    ------
    ScenarioFormatError
        With every problem found, each tagged with its scenario path.
    """
    r = _Reader()
    data = r.mapping(data, "scenario")
    area = _read_area(r, r.mapping(data.get("area", {}), "area"))
    settings = _read_settings(r, r.mapping(data.get("settings", {}), "settings"))
    services = _read_services(r, data)
    interventions = _read_interventions(r, data.get("interventions", []))
    if r.issues:
        raise ScenarioFormatError(r.issues)
    return Scenario(
        name=r.text(data, "name", "name", "Untitled scenario"),
        area=area,
        settings=settings,
        services=services,
        interventions=interventions,
        author=r.text(data, "author", "author", ""),
        notes=r.text(data, "notes", "notes", ""),
    )


def _read_area(r: _Reader, d: dict) -> Area:
    texts = {k: r.text(d, k, f"area.{k}", "") for k in _AREA_TEXT}
    numbers = {k: r.number(d, k, f"area.{k}") or 0.0 for k in _AREA_NUMBERS}
    return Area(**texts, **numbers)


def _read_settings(r: _Reader, d: dict) -> Settings:
    from .defaults import default_settings

    base = default_settings()
    ob = d.get("optimism_bias", list(base.optimism_bias))
    if not isinstance(ob, list) or len(ob) != len(base.optimism_bias):
        r.fail("settings.optimism_bias", f"must be a list of {len(base.optimism_bias)} fractions, one per evidence grade")
        ob = list(base.optimism_bias)
    bias = tuple(r.number({"v": v}, "v", f"settings.optimism_bias[{k}]") or 0.0 for k, v in enumerate(ob))
    return Settings(
        horizon_years=r.integer(d, "horizon_years", "settings.horizon_years", base.horizon_years),
        discount_rate=r.number(d, "discount_rate", "settings.discount_rate", base.discount_rate),
        health_discount_rate=r.number(d, "health_discount_rate", "settings.health_discount_rate",
                                      base.health_discount_rate),
        wellby_value=r.uncertain(d, "wellby_value", "settings.wellby_value", base.wellby_value),
        volunteer_hour_value=r.number(d, "volunteer_hour_value", "settings.volunteer_hour_value",
                                      base.volunteer_hour_value),
        optimism_bias=bias,
        price_year=r.text(d, "price_year", "settings.price_year", base.price_year),
        iterations=r.integer(d, "iterations", "settings.iterations", base.iterations),
        seed=r.integer(d, "seed", "settings.seed", base.seed),
    )


def _read_services(r: _Reader, data: dict) -> tuple[Service, ...]:
    if "services" not in data and "baseline_use" not in data:
        from .defaults import default_services

        return default_services()
    raw = data.get("services", [])
    if not isinstance(raw, list):
        r.fail("services", "must be a list of services")
        raw = []
    use = r.mapping(data.get("baseline_use", {}), "baseline_use")
    return tuple(_read_service(r, r.mapping(item, f"services[{k}]"), k, use) for k, item in enumerate(raw))


def _read_service(r: _Reader, d: dict, k: int, use: dict) -> Service:
    sid = r.text(d, "id", f"services[{k}].id")
    baseline = []
    for group in GROUPS:
        row = use.get(group, {}) if isinstance(use.get(group, {}), dict) else {}
        baseline.append(r.number(row, sid, f"baseline_use.{group}.{sid}") or 0.0)
    return Service(
        id=sid,
        name=r.text(d, "name", f"services[{k}].name", sid),
        unit_cost=r.uncertain(d, "unit_cost", f"services[{k}].unit_cost"),
        cashable_share=r.number(d, "cashable_share", f"services[{k}].cashable_share", 0.0),
        baseline=tuple(baseline),
        source=r.text(d, "source", f"services[{k}].source", ""),
    )


def _read_interventions(r: _Reader, raw) -> tuple[Intervention, ...]:
    if not isinstance(raw, list):
        r.fail("interventions", "must be a list of interventions")
        return ()
    return tuple(_read_intervention(r, r.mapping(item, f"interventions[{k}]"), f"interventions[{k}]")
                 for k, item in enumerate(raw))


def _read_intervention(r: _Reader, d: dict, path: str) -> Intervention:
    from .defaults import approach_preset

    base = replace(approach_preset("custom"), notes="")  # fills optional fields left out
    values: dict = {}
    for key in _INTERVENTION_TEXT:
        values[key] = r.text(d, key, f"{path}.{key}", None if key in _INTERVENTION_REQUIRED else getattr(base, key))
    for key in _INTERVENTION_UNCERTAIN:
        values[key] = r.uncertain(d, key, f"{path}.{key}", None if key in _INTERVENTION_REQUIRED else getattr(base, key))
    for key in _INTERVENTION_NUMBERS:
        values[key] = r.number(d, key, f"{path}.{key}", getattr(base, key))
    for key in _INTERVENTION_INTEGERS:
        values[key] = r.integer(d, key, f"{path}.{key}", getattr(base, key))
    effect = r.mapping(d.get("effect", {}), f"{path}.effect")
    values["effect"] = tuple((str(sid), r.uncertain(effect, sid, f"{path}.effect.{sid}")) for sid in effect)
    return Intervention(**values)
