"""Read and replace values in a scenario by scenario path (``settings.wellby_value.low``).

Paths are the ones :func:`rtv_desktop.core.validate` reports: dotted attribute names, with
``[k]`` after a tuple attribute (``interventions[2].reach``, ``settings.optimism_bias[3]``).
A path ending on an ``Uncertain`` means its central value. A tuple of ``(key, value)`` pairs
(an intervention's funding shares) is addressed by key: ``interventions[0].funding.council``;
a key it does not hold reads as 0 and is appended when set.
"""

from __future__ import annotations

import re
from dataclasses import is_dataclass, replace

from ..core import Uncertain

_TOKEN = re.compile(r"^(\w+)(?:\[(\d+)\])?$")


def tokens(path: str) -> list[tuple[str, int | None]]:
    out = []
    for part in path.split("."):
        match = _TOKEN.match(part)
        if not match:
            raise ValueError(f"not a scenario path: {path!r}")
        out.append((match.group(1), None if match.group(2) is None else int(match.group(2))))
    return out


def get_value(root, path: str):
    """The value at ``path`` (an ``Uncertain``'s central value when the path ends on one)."""
    obj = root
    for name, index in tokens(path):
        if _is_pairs(obj):
            obj = dict(obj).get(name)
            if obj is None:
                return 0.0
        else:
            obj = getattr(obj, name)
        if index is not None:
            obj = obj[index]
    return obj.central if isinstance(obj, Uncertain) else obj


def _is_pairs(obj) -> bool:
    """A tuple of ``(text key, value)`` pairs, such as funding shares by party."""
    return isinstance(obj, tuple) and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str)
                                          for p in obj)


def with_value(root, path: str, value):
    """A copy of ``root`` with the value at ``path`` replaced (``Uncertain`` -> its central)."""
    return _set(root, tokens(path), value)


def _set(obj, toks, value):
    if not toks:
        if isinstance(obj, Uncertain):
            return replace(obj, central=value)
        return value
    (name, index), rest = toks[0], toks[1:]
    if index is None and _is_pairs(obj):
        pairs = dict(obj)
        if name not in pairs and rest:
            raise ValueError(f"no {name!r} to set inside")
        pairs[name] = _set(pairs.get(name, 0.0), rest, value)
        return tuple(pairs.items())
    if not is_dataclass(obj):
        raise ValueError(f"cannot set {name!r} inside {type(obj).__name__}")
    child = getattr(obj, name)
    if index is None:
        new = _set(child, rest, value)
    else:
        items = list(child)
        items[index] = _set(items[index], rest, value)
        new = tuple(items)
    return replace(obj, **{name: new})


def edit_label(path: str) -> str:
    """Words for an undo step that edits ``path``: 'interventions[2].reach.low' -> 'Edit reach (low)'."""
    parts = [p for p in re.split(r"[.\[\]]", path) if p and not p.isdigit()]
    if parts and parts[0] in ("area", "settings", "interventions", "services"):
        parts = parts[1:]
    end = f" ({parts.pop()})" if parts and parts[-1] in ("low", "high", "central") and len(parts) > 1 else ""
    return f"Edit {' '.join(parts).replace('_', ' ')}{end}".strip()


_EFFECT_PATH = re.compile(r"^interventions\[(\d+)\]\.effect\.(\w+?)(?:\.(low|high|central))?$")


def value_at(scenario, field: str):
    """The value an issue's ``field`` names, including ``baseline_use.<group>.<service>`` and
    ``interventions[k].effect.<service>[.low|.high]`` (an absent effect is 0).

    Raises ``KeyError``, ``IndexError`` or ``ValueError`` when the field does not exist.
    """
    from ..core import GROUPS  # noqa: PLC0415

    parts = field.split(".")
    if parts[0] == "baseline_use" and len(parts) == 3:
        service = next((s for s in scenario.services if s.id == parts[2]), None)
        if service is None:
            raise KeyError(field)
        return service.baseline[GROUPS.index(parts[1])]
    match = _EFFECT_PATH.match(field)
    if match:
        intervention = scenario.interventions[int(match.group(1))]
        effects = dict(intervention.effect)
        if match.group(2) not in scenario.service_ids:
            raise KeyError(field)
        effect = effects.get(match.group(2))
        return 0.0 if effect is None else getattr(effect, match.group(3) or "central")
    return get_value(scenario, field)
