"""What changed in a workbook since RtV Desktop exported it, field by field."""

from __future__ import annotations

from dataclasses import dataclass, fields

from ..core import GROUPS, Intervention, Scenario, Uncertain

_AREA = ("area_name", "area_code", "reference_period", "population", "adult_share", "over65_share", "ltc_share",
         "multimorbid_share")


@dataclass(frozen=True)
class Change:
    """One input that differs from the exported scenario.

    ``field`` is the scenario path (``area.population``, ``interventions[0].reach.low``);
    ``old`` is the exported value and ``new`` the value now (``None`` when absent).
    """

    field: str
    old: object
    new: object

    @property
    def old_text(self) -> str:
        return show(self.old)

    @property
    def new_text(self) -> str:
        return show(self.new)

    def __str__(self) -> str:
        return f"{self.field}: {self.old_text} -> {self.new_text}"


def show(value) -> str:
    """A value as a person reads it: numbers without float noise, blanks as '(none)'."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000 else f"{value:.10g}"
    return repr(value) if value == "" else str(value)


def _uncertain(out: dict, path: str, value: Uncertain) -> None:
    out[path] = value.central
    out[f"{path}.low"] = value.low
    out[f"{path}.high"] = value.high


def _intervention(out: dict, path: str, iv: Intervention) -> None:
    for f in fields(Intervention):
        value = getattr(iv, f.name)
        if f.name == "effect":
            for sid, effect in value:
                _uncertain(out, f"{path}.effect.{sid}", effect)
        elif isinstance(value, Uncertain):
            _uncertain(out, f"{path}.{f.name}", value)
        else:
            out[f"{path}.{f.name}"] = value


def flatten(s: Scenario) -> dict[str, object]:
    """Every input of ``s`` by scenario path (an uncertain input gives three paths)."""
    out: dict[str, object] = {"name": s.name, "author": s.author, "notes": s.notes}
    out.update({f"area.{k}": getattr(s.area, k) for k in _AREA})
    for f in fields(s.settings):
        value = getattr(s.settings, f.name)
        if isinstance(value, Uncertain):
            _uncertain(out, f"settings.{f.name}", value)
        elif f.name == "optimism_bias":
            out.update({f"settings.optimism_bias[{k}]": v for k, v in enumerate(value)})
        else:
            out[f"settings.{f.name}"] = value
    for j, svc in enumerate(s.services):
        out.update({f"services[{j}].id": svc.id, f"services[{j}].name": svc.name,
                    f"services[{j}].cashable_share": svc.cashable_share, f"services[{j}].source": svc.source})
        _uncertain(out, f"services[{j}].unit_cost", svc.unit_cost)
        for group, value in zip(GROUPS, svc.baseline):
            out[f"baseline_use.{group}.{svc.id}"] = value
    for i, iv in enumerate(s.interventions):
        _intervention(out, f"interventions[{i}]", iv)
    return out


def changes_between(old: Scenario, new: Scenario) -> list[Change]:
    """Every path whose value differs, in the order of the exported then the new scenario."""
    before, after = flatten(old), flatten(new)
    paths = list(before) + [p for p in after if p not in before]
    return [Change(p, before.get(p), after.get(p)) for p in paths if before.get(p) != after.get(p)]
