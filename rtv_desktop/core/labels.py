"""Field paths in the words a person sees on screen.

``describe_field("options[0].interventions[1].reach.low", document)`` is "Option 'Full mix',
Peer support: Reach per year (low)" ("Peer support: Reach per year (low)" while option 0 is
the one shown, and for the scenario path ``interventions[1].reach.low``). Messages everywhere
(window, workbook change review, command line) use these words, never the internal path.
"""

from __future__ import annotations

import re

from .declare import Spec, spec_of
from .model import GROUP_LABELS, PARTY_LABELS, Area, Intervention, Service, Settings

_INDEXED = re.compile(r"^(\w+)\[(\d+)\]$")
_ENDS = {"low": "low", "high": "high", "central": "central"}
_TOP = {"name": "Scenario name", "author": "Author", "notes": "Notes", "decision": "Decision asked of the board",
        "comparator": "Comparator",
        "version": "File version", "scenario": "The file", "options": "Options", "interventions": "Interventions",
        "services": "Services", "stories": "Stories"}
_SPECS = {"area": Area, "settings": Settings}


def describe_field(path: str, context=None, open_option: int | None = None) -> str:
    """The person's name for a scenario or document path.

    ``context`` (a ``Scenario`` or ``Document``) supplies the names of interventions,
    services and options; without it rows are numbered. The interventions of option
    ``open_option`` (the one the screen shows) are named without their option's name.
    """
    parts = path.split(".") if path else []
    if not parts:
        return "The file"
    head = _INDEXED.match(parts[0])
    if head and head.group(1) == "options":
        return _option_field(int(head.group(2)), parts[1:], context, int(head.group(2)) == open_option)
    if head and head.group(1) == "interventions":
        interventions = getattr(context, "interventions", None)
        return _intervention_field(int(head.group(2)), parts[1:], interventions, context)
    if head and head.group(1) == "services":
        return _service_field(int(head.group(2)), parts[1:], context)
    if head and head.group(1) == "stories":
        return _story_field(int(head.group(2)), parts[1:], context)
    if parts[0] in _SPECS:
        return _frame_field(parts[0], parts[1:])
    if parts[0] == "export_log":
        return _export_log_field(parts[1:])
    if parts[0] == "baseline_use" and len(parts) in (3, 4):
        label = f"Baseline use of {_service_name(parts[2], context)}, {GROUP_LABELS.get(parts[1], parts[1])}"
        return _with_end(label, parts[3:])
    return _TOP.get(parts[0], parts[0].replace("_", " ").capitalize())


_EXPORT_PARTS = {"at": "date and time", "version": "version", "author": "author", "changes": "what changed"}


def _export_log_field(rest: list[str]) -> str:
    """``export_log.records[0].changes``: "Change log, export 1: what changed"."""
    record = _INDEXED.match(rest[0]) if rest else None
    if record is None:
        return "Change log" + (", inputs at the last export" if rest == ["last"] else "")
    label = f"Change log, export {int(record.group(2)) + 1}"
    return f"{label}: {_EXPORT_PARTS.get(rest[1], rest[1])}" if len(rest) > 1 else label


def _label(cls, name: str) -> tuple[str, Spec | None]:
    match = _INDEXED.match(name)
    base = match.group(1) if match else name
    spec = spec_of(cls, base)
    label = spec.label if spec is not None else base.replace("_", " ").capitalize()
    if match and base == "optimism_bias":
        label = f"{label}, evidence grade {int(match.group(2)) + 1}"
    return label, spec


def _with_end(label: str, rest: list[str]) -> str:
    end = rest[0] if rest and rest[0] in _ENDS else None
    return f"{label} ({_ENDS[end]})" if end and end != "central" else label


def _frame_field(group: str, rest: list[str]) -> str:
    if not rest:
        return group.capitalize()
    if group == "area" and rest[0] == "sources" and len(rest) >= 2:
        label, _ = _label(Area, rest[1])
        what = f", {rest[2]}" if len(rest) > 2 else ""
        return f"Source of {label}{what}"
    label, _ = _label(_SPECS[group], rest[0])
    return _with_end(label, rest[1:])


def _service_name(sid: str, context) -> str:
    for svc in getattr(context, "services", ()) or ():
        if svc.id == sid:
            return svc.name or sid
    return f"service '{sid}'"


def _service_field(j: int, rest: list[str], context) -> str:
    services = getattr(context, "services", ()) or ()
    who = services[j].name if j < len(services) and services[j].name else f"Service {j + 1}"
    if not rest:
        return who
    label, _ = _label(Service, rest[0])
    return f"{who}: {_with_end(label, rest[1:])}"


def _intervention_field(i: int, rest: list[str], interventions, context) -> str:
    interventions = interventions or ()
    who = interventions[i].name.strip() if i < len(interventions) and interventions[i].name.strip() else \
        f"Intervention {i + 1}"
    if not rest:
        return who
    if rest[0] == "effect" and len(rest) >= 2:
        return f"{who}: {_with_end(f'Effect on {_service_name(rest[1], context)}', rest[2:])}"
    if rest[0] == "funding":
        return f"{who}: funding share, {PARTY_LABELS.get(rest[1], rest[1])}" if len(rest) >= 2 else \
            f"{who}: Funding shares"
    label, _ = _label(Intervention, rest[0])
    return f"{who}: {_with_end(label, rest[1:])}"


def _option_field(k: int, rest: list[str], context, shown: bool = False) -> str:
    options = getattr(context, "options", ()) or ()
    who = f"Option '{options[k].name}'" if k < len(options) and options[k].name.strip() else f"Option {k + 1}"
    if not rest:
        return who
    head = _INDEXED.match(rest[0])
    if head and head.group(1) == "interventions":
        interventions = options[k].interventions if k < len(options) else ()
        field = _intervention_field(int(head.group(2)), rest[1:], interventions, context)
        return field if shown else f"{who}, {field}"
    return f"{who}: {rest[0].replace('_', ' ')}"


def _story_field(k: int, rest: list[str], context) -> str:
    stories = getattr(context, "stories", ()) or ()
    who = f"Story '{stories[k].title}'" if k < len(stories) and stories[k].title.strip() else f"Story {k + 1}"
    return f"{who}: {rest[0].replace('_', ' ')}" if rest else who
