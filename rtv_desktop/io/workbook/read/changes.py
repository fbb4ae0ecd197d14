"""What changed in a workbook since RtV Desktop exported it, input by input, option by option.

Each change is worded with the labels people see ("Option 'Full mix', Peer support: Reach
per year (low)"), never an internal path, and its values are shown in the units the input
is typed in ("150%", "£1,250"). Inputs are listed from the declarations, so a new field
needs nothing here.

Interventions are compared with their own exported copy, found by identity (:mod:`.match`),
not by row: a sorted table is one line ("The Interventions rows were reordered"), a row moved
to another option one line ("Peer support moved from option 'Core' to option 'Full mix'"),
each followed by the inputs of the intervention that really changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ....core import GROUPS, Area, Document, Intervention, Service, Settings, describe_field
from ....core.declare import show as show_kind
from ..layout import record_cells, series_field
from .match import Place, match_interventions, reordered

_OPTION = re.compile(r"^options\[(\d+)\]")
SOURCE_PARTS = ("source", "date", "need_index")
MOVED, REORDERED = "moved", "reordered"  # kinds of the changes that are events, not a value typed over
REORDERED_TEXT = "The Interventions rows were reordered"


@dataclass(frozen=True)
class Change:
    """One input that differs from the exported document.

    ``path`` is the document path (``options[1].interventions[0].<field>.low``), ``label`` the
    same in the words people see, ``option`` the option's index (``None`` for the shared
    frame: area, settings, services), ``kind`` how the value is shown; ``old`` is the
    exported value and ``new`` the value now (``None`` when absent). An event (an intervention
    moved to another option, the rows reordered) is said whole by its ``label``.
    """

    path: str
    old: object
    new: object
    label: str = ""
    option: int | None = None
    kind: str = ""

    @property
    def field(self) -> str:
        """What changed, as the person reads it (the change review's first column)."""
        return self.label or self.path

    @property
    def is_event(self) -> bool:
        """A row moved or the rows reordered: no input typed over."""
        return self.kind in (MOVED, REORDERED)

    @property
    def old_text(self) -> str:
        return "" if self.kind == REORDERED else show(self.old, self.kind)

    @property
    def new_text(self) -> str:
        return "" if self.kind == REORDERED else show(self.new, self.kind)

    def __str__(self) -> str:
        return self.field if self.is_event else f"{self.field}: {self.old_text} -> {self.new_text}"


def show(value, kind: str = "") -> str:
    """A value as a person reads it: in its field's units, blanks as '(none)'."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if kind and isinstance(value, (int, float)):
        return show_kind(kind, value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000 else f"{value:.10g}"
    return repr(value) if value == "" else str(value)


def _record(out: dict, prefix: str, obj, cells) -> None:
    for cell in cells:
        out[f"{prefix}.{cell.path}"] = (cell.value(obj), cell.spec.kind)


def frame_inputs(doc: Document) -> dict[str, tuple[object, str]]:
    """Every input of ``doc`` but its interventions, by document path, with the kind it is shown as."""
    out: dict[str, tuple[object, str]] = {key: (getattr(doc, key), "text") for key in ("name", "author", "notes",
                                                                                             "decision")}
    _record(out, "area", doc.area, record_cells(Area))
    for cell in record_cells(Area):
        found = doc.area.source_of(cell.name)
        for part in SOURCE_PARTS:
            value = getattr(found, part) if found is not None else None
            out[f"area.sources.{cell.name}.{part}"] = (value, "text" if part != "need_index" else "")
    _record(out, "settings", doc.settings, record_cells(Settings, series_labels=lambda n, k: ""))
    series, spec = series_field(Service)
    for j, svc in enumerate(doc.services):
        _record(out, f"services[{j}]", svc, record_cells(Service, skip_series=True))
        for group, value in zip(GROUPS, getattr(svc, series)):
            out[f"baseline_use.{group}.{svc.id}"] = (value.central, spec.kind)
            for end in ("low", "high"):
                out[f"baseline_use.{group}.{svc.id}.{end}"] = (getattr(value, end), spec.kind)
    out["comparator"] = (None if doc.comparator is None else doc.comparator + 1, "count")
    for k, option in enumerate(doc.options):
        out[f"options[{k}].name"] = (option.name, "text")
        out[f"options[{k}].notes"] = (option.notes, "text")
    return out


def inputs_by_path(doc: Document, at: dict[Place, Place] | None = None) -> dict[str, tuple[object, str]]:
    """Every input of ``doc`` by document path, with the kind it is shown as: the frame, then each option.

    With ``at`` (a place in another document -> this intervention's place in ``doc``, see
    :func:`.match.match_interventions`) each intervention is listed at its place in the other
    document, and those with none are left out.
    """
    out = frame_inputs(doc)
    columns = record_cells(Intervention, doc.services)
    places = at if at is not None else {(k, i): (k, i) for k, option in enumerate(doc.options)
                                        for i in range(len(option.interventions))}
    for (k, i), (found_k, found_i) in sorted(places.items()):
        _record(out, f"options[{k}].interventions[{i}]", doc.options[found_k].interventions[found_i], columns)
    return out


def flatten(doc: Document, at: dict[Place, Place] | None = None) -> dict[str, object]:
    """Every input of ``doc`` by document path (an uncertain input gives three paths); ``at`` as
    for :func:`inputs_by_path`."""
    return {path: value for path, (value, _) in inputs_by_path(doc, at).items()}


def changes_between(old: Document, new: Document) -> list[Change]:
    """Every input whose value differs: the rows reordered, the shared frame, then option by option
    (each intervention moved to another option said once, before its own changes)."""
    pairs = match_interventions(old, new)
    out = [Change("options", None, None, REORDERED_TEXT, None, REORDERED)] if reordered(pairs) else []
    out += _differences(frame_inputs(old), frame_inputs(new), old, new)
    old_columns, new_columns = (record_cells(Intervention, doc.services) for doc in (old, new))
    for k, option in enumerate(new.options):
        for i, iv in enumerate(option.interventions):
            prefix = f"options[{k}].interventions[{i}]"
            found = pairs.get((k, i))
            before = old.options[found[0]].interventions[found[1]] if found is not None else None
            if found is not None and found[0] != k:
                out.append(_moved(prefix, iv, old.option_names()[found[0]], option.name, k))
            out += _differences(_intervention_inputs(prefix, before, old_columns),
                                _intervention_inputs(prefix, iv, new_columns), old, new)
    removed = set(_all_places(old)) - set(pairs.values())
    for k, i in sorted(removed):
        prefix = f"options[{k}].interventions[{i}]"
        out += _differences(_intervention_inputs(prefix, old.options[k].interventions[i], old_columns), {}, old, new)
    return sorted(out, key=lambda c: -1 if c.option is None else c.option)


def _all_places(doc: Document) -> list[Place]:
    return [(k, i) for k, option in enumerate(doc.options) for i in range(len(option.interventions))]


def _intervention_inputs(prefix: str, iv: Intervention | None, columns) -> dict[str, tuple[object, str]]:
    out: dict[str, tuple[object, str]] = {}
    if iv is not None:
        _record(out, prefix, iv, columns)
    return out


def _moved(prefix: str, iv: Intervention, was: str, now: str, k: int) -> Change:
    name = iv.name or iv.id or "An intervention"
    return Change(prefix, was, now, f"{name} moved from option '{was}' to option '{now}'", k, MOVED)


def _differences(before: dict, after: dict, old: Document, new: Document) -> list[Change]:
    """The inputs of ``before`` and ``after`` (path -> (value, kind)) that differ, worded with the
    document each path is in (the new one, else the exported one)."""
    paths = list(after) + [p for p in before if p not in after]
    changed = {path for path in paths if before.get(path, (None,))[0] != after.get(path, (None,))[0]}
    out = []
    for path in paths:
        was, now = before.get(path, (None, "")), after.get(path, (None, ""))
        if was[0] != now[0] and not _follows_its_figure(path, changed):
            context = new if path in after else old
            found = _OPTION.match(path)
            out.append(Change(path, was[0], now[0], _label(path, context), int(found.group(1)) if found else None,
                              now[1] or was[1]))
    return out


def _follows_its_figure(path: str, changed: set[str]) -> bool:
    """A source the reader credited to the workbook because its figure changed is no change of its own."""
    parts = path.split(".")
    return len(parts) >= 3 and parts[:2] == ["area", "sources"] and f"area.{parts[2]}" in changed


def _label(path: str, doc: Document) -> str:
    if path == "comparator":
        return "Comparator (option number; blank = doing nothing)"
    return describe_field(path, doc)


def by_option(changes: list[Change], doc: Document) -> list[tuple[str, list[Change]]]:
    """The changes grouped for a review: the Interventions table's rows reordered, ``("Shared inputs",
    [...])``, then each option's."""
    groups: dict[int | str | None, list[Change]] = {}
    for change in changes:
        groups.setdefault(INTERVENTIONS_TABLE if change.kind == REORDERED else change.option, []).append(change)
    names = doc.option_names()
    return [(k if isinstance(k, str) else "Shared inputs (area, settings, services)" if k is None else
             f"Option {k + 1}: {names[k] if k < len(names) else ''}".rstrip(": "), items)
            for k, items in groups.items()]


INTERVENTIONS_TABLE = "Interventions table"
