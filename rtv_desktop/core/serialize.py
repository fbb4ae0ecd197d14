"""The JSON form of documents and scenarios (``Document.to_dict`` / ``Document.from_dict``).

This module knows the model's parts (area, settings, services, interventions) and the shape
of a document file; it does not import the document itself, which builds on it, nor the
shipped defaults, which the caller passes in (:class:`Base`).

Fields are read and written from their declarations (:mod:`.declare`): nothing here names
an ordinary input. Reading checks types and structure and reports every problem with its
path in one pass; it always produces a best-effort document (unreadable values replaced
by neutral placeholders), so range checks (:func:`rtv_desktop.core.validate`) can report
the remaining problems at the same time (:func:`read_document`).

Version 1 (one intervention mix at the top level, ``area.reference_period``) still reads:
it becomes a document with one option named after the scenario and no comparator, its
interventions get ids from their row order, and fields added in version 2 take their
declared defaults (``cost_grade`` 1, no QALY gain, funded by the NHS). In files before
version 3 every outcome reads as measured without a comparison group (``"uncontrolled"``, so
its figures keep the deadweight they had), the wellbeing and QALY grades are the service-use
grade, and simulations draw beta-PERT (``settings.distributions = "pert"``); the first
delivery year (``settings.start_year``) is the financial year after today's, as for a new
document, the decision asked of the board (``decision``) is blank and the inflation
assumption is 0 (today's prices only). Baseline use and cashable shares are a number (known
exactly, as every file before version 3 has them) or ``{central, low, high}``.

The inflation assumption is written ``settings.inflation = {"rate": 0.02, "source": "..."}``;
the flat ``settings.inflation_rate`` and ``settings.inflation_source`` read too.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import MISSING, dataclass, fields, replace

from .declare import Spec, specs
from .export_log import KEY as EXPORT_LOG_KEY, log_to_json, read_log
from .issues import Issue
from .model import GROUPS, Area, FigureSource, Intervention, Service, Settings, Uncertain
from .reader import Reader

FORMAT_NAME = "rtv-desktop-scenario"
FORMAT_VERSION = 3
UNNAMED = "Untitled scenario"  # the name of a file that has none
# Fields with their own JSON shape (mappings or per-group tables), read and written below.
_SPECIAL = {"sources", "baseline", "effect", "funding", "optimism_bias", "evidence"}
# settings.inflation = {"rate": ..., "source": ...}: the JSON key of each part, and its field.
INFLATION_KEY = "inflation"
_INFLATION = {"rate": "inflation_rate", "source": "inflation_source"}


# -- writing ------------------------------------------------------------------------------------
def uncertain_to_json(value: Uncertain) -> float | dict:
    """A plain number when the range is degenerate, else ``{central, low, high}``."""
    if value.low == value.central == value.high:
        return value.central
    return {"central": value.central, "low": value.low, "high": value.high}


def _plain(obj) -> dict:
    """Every declared field of ``obj`` that has no special shape, as JSON values."""
    out = {}
    for f in fields(obj):
        if f.name in _SPECIAL or "spec" not in f.metadata:
            continue
        value = getattr(obj, f.name)
        out[f.name] = uncertain_to_json(value) if isinstance(value, Uncertain) else value
    return out


def _source_to_json(found: FigureSource) -> dict:
    out = {"source": found.source, "date": found.date}
    if found.need_index is not None:
        out["need_index"] = found.need_index
    return out


def area_to_dict(area: Area) -> dict:
    return {**_plain(area), "sources": {name: _source_to_json(found) for name, found in area.sources}}


def settings_to_dict(settings: Settings) -> dict:
    plain = {name: value for name, value in _plain(settings).items() if name not in _INFLATION.values()}
    inflation = {key: getattr(settings, name) for key, name in _INFLATION.items()}
    return {**plain, INFLATION_KEY: inflation, "optimism_bias": list(settings.optimism_bias)}


def intervention_to_dict(iv: Intervention) -> dict:
    out = _plain(iv)
    out["effect"] = {sid: uncertain_to_json(v) for sid, v in iv.effect}
    out["funding"] = {party: share for party, share in iv.funding}
    out["evidence"] = dict(iv.evidence)
    return out


def document_to_dict(doc) -> dict:
    """The JSON form (version :data:`FORMAT_VERSION`) of a ``Document``."""
    services = [_plain(svc) for svc in doc.services]
    baseline = {g: {svc.id: uncertain_to_json(svc.baseline[k]) for svc in doc.services} for k, g in enumerate(GROUPS)}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "name": doc.name,
        "author": doc.author,
        "notes": doc.notes,
        "decision": doc.decision,
        "area": area_to_dict(doc.area),
        "settings": settings_to_dict(doc.settings),
        "services": services,
        "baseline_use": baseline,
        "options": [{"name": o.name, "notes": o.notes,
                     "interventions": [intervention_to_dict(iv) for iv in o.interventions]} for o in doc.options],
        "comparator": doc.comparator,
        "stories": [{"title": s.title, "text": s.text, "teller": s.teller, "consent": s.consent,
                     "intervention_id": s.intervention_id} for s in doc.stories],
        EXPORT_LOG_KEY: log_to_json(doc.export_log),
    }


# -- reading ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Base:
    """What fills what a file leaves out: the shipped settings and services, and the preset
    whose values an intervention's optional fields take."""

    settings: Settings
    services: tuple[Service, ...]
    intervention: Intervention


def read_parts(data, base: Base) -> tuple[dict, list[Issue]]:
    """The keyword arguments of a ``Document`` read from JSON data (best effort), and every
    problem of type and structure; ``options`` and ``stories`` come as lists of keyword
    arguments of ``Option`` and ``Story``."""
    r = Reader()
    data = r.mapping(data, "scenario")
    version = data.get("version", 1) if isinstance(data.get("version", 1), int) else 1
    area = _read_area(r, r.mapping(data.get("area", {}), "area"))
    settings = _read_declared(r, Settings, _flat_inflation(r, r.mapping(data.get("settings", {}), "settings")),
                              "settings", base.settings, version)
    services = base.services if "services" not in data and "baseline_use" not in data else _read_services(r, data)
    name = r.text(data, "name", "name", UNNAMED)
    if "options" in data or version >= 2 and "interventions" not in data:
        options, comparator = _read_options(r, data, base.intervention, max(version, 2))
    else:
        interventions = _read_interventions(r, data.get("interventions", []), "interventions", 1, base.intervention)
        options, comparator = [{"name": name, "interventions": interventions, "notes": ""}], None
    parts = {"name": name, "area": area, "settings": settings, "services": services, "options": options,
             "comparator": comparator, "author": r.text(data, "author", "author", ""),
             "notes": r.text(data, "notes", "notes", ""), "decision": r.text(data, "decision", "decision", ""),
             "stories": _read_stories(r, data.get("stories", [])),
             "export_log": read_log(r, data.get(EXPORT_LOG_KEY))}
    return parts, r.issues


def _read_value(r: Reader, data: dict, name: str, spec: Spec, path: str, default):
    """One declared field; ``default`` (None: required) fills it when absent."""
    if spec.uncertain:
        return r.uncertain(data, name, path, default)
    if spec.is_text:
        return r.text(data, name, path, default)
    if spec.integer:
        return r.integer(data, name, path, default)
    return r.number(data, name, path, default)


def _read_declared(r: Reader, cls, data: dict, path: str, base, version: int = 2):
    """Every declared plain field of ``cls``; absent ones come from ``base`` (or fail if required).

    Fields newer than the file's ``version`` take their declared default.
    """
    values = {}
    for name, spec in specs(cls):
        if name in _SPECIAL:
            continue
        if spec.since > version:
            default = _declared_default(cls, name)
        elif spec.required:
            default = None  # never filled in from a preset: its absence is a problem to report
        else:
            default = getattr(base, name) if base is not None else _declared_default(cls, name)
        values[name] = _read_value(r, data, name, spec, f"{path}.{name}", default)
    if "optimism_bias" in {f.name for f in fields(cls)}:
        values["optimism_bias"] = _read_optimism_bias(r, data, base.optimism_bias)
    return cls(**values) if base is None else replace(base, **values)


def _declared_default(cls, name: str):
    """The field's default; a date-dependent one (``settings.start_year``) comes from its factory."""
    found = next(f for f in fields(cls) if f.name == name)
    return found.default_factory() if found.default is MISSING else found.default


def _flat_inflation(r: Reader, data: dict) -> dict:
    """Settings with ``inflation: {rate, source}`` read as the flat fields it holds.

    ``inflation`` may be absent, ``null`` or ``{}`` (no inflation assumption: today's prices only).
    """
    if data.get(INFLATION_KEY) is None:
        return data
    inflation = r.mapping(data[INFLATION_KEY], f"settings.{INFLATION_KEY}")
    flat = {key: value for key, value in data.items() if key != INFLATION_KEY}
    for key, name in _INFLATION.items():
        if key in inflation:
            flat[name] = inflation[key]
    return flat


def _read_optimism_bias(r: Reader, data: dict, base: tuple[float, ...]) -> tuple[float, ...]:
    raw = data.get("optimism_bias", list(base))
    if not isinstance(raw, list) or len(raw) != len(base):
        r.fail("settings.optimism_bias", f"must be a list of {len(base)} fractions, one per evidence grade")
        raw = list(base)
    return tuple(r.number({"v": v}, "v", f"settings.optimism_bias[{k}]") or 0.0 for k, v in enumerate(raw))


def _read_area(r: Reader, data: dict) -> Area:
    area = _read_declared(r, Area, data, "area", None)
    if "sources" in data:
        return replace(area, sources=_read_sources(r, r.mapping(data["sources"], "area.sources")))
    period = r.text(data, "reference_period", "area.reference_period", "")
    if not period:
        return area
    # Version 1 named one reference period for the population figures.
    found = FigureSource(f"{period} (as recorded in the file)")
    return area.with_sources(population=found, adult_share=found, over65_share=found)


def _read_sources(r: Reader, data: dict) -> tuple[tuple[str, FigureSource], ...]:
    known = {name for name, _ in specs(Area)}
    out = []
    for name, raw in data.items():
        path = f"area.sources.{name}"
        if name not in known:
            r.fail(path, "names a figure the area does not have")
            continue
        entry = r.mapping(raw, path)
        index = r.number(entry, "need_index", f"{path}.need_index", -1.0) if "need_index" in entry else None
        date = r.text(entry, "date", f"{path}.date", "")
        if date and not _is_iso_date(date):
            r.fail(f"{path}.date", f"must be a date written YYYY-MM-DD, not '{date}'")
        out.append((name, FigureSource(r.text(entry, "source", f"{path}.source"), date, index)))
    return tuple(out)


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _read_services(r: Reader, data: dict) -> tuple[Service, ...]:
    raw = data.get("services", [])
    if not isinstance(raw, list):
        r.fail("services", "must be a list of services")
        raw = []
    use = r.mapping(data.get("baseline_use", {}), "baseline_use")
    out = []
    for j, item in enumerate(raw):
        service = _read_declared(r, Service, r.mapping(item, f"services[{j}]"), f"services[{j}]", None)
        service = replace(service, name=service.name or service.id)
        out.append(replace(service, baseline=_read_baseline(r, use, service.id)))
    return tuple(out)


def _read_baseline(r: Reader, use: dict, sid: str) -> tuple[Uncertain, ...]:
    """Each group's use of service ``sid``: a number (known exactly, as in files before version 3)
    or ``{central, low, high}``; an absent one is a problem to report."""
    values = []
    for group in GROUPS:
        row = use.get(group, {})
        row = row if isinstance(row, dict) else {}
        values.append(r.uncertain(row, sid, f"baseline_use.{group}.{sid}"))
    return tuple(values)


def _read_options(r: Reader, data: dict, preset: Intervention, version: int) -> tuple[list[dict], int | None]:
    raw = data.get("options", [])
    if not isinstance(raw, list):
        r.fail("options", "must be a list of options")
        raw = []
    options = []
    for k, item in enumerate(raw):
        path = f"options[{k}]"
        item = r.mapping(item, path)
        options.append({"name": r.text(item, "name", f"{path}.name", f"Option {k + 1}"),
                        "interventions": _read_interventions(r, item.get("interventions", []),
                                                             f"{path}.interventions", version, preset),
                        "notes": r.text(item, "notes", f"{path}.notes", "")})
    comparator = data.get("comparator")
    if comparator is not None and (isinstance(comparator, bool) or not isinstance(comparator, int)):
        r.fail("comparator", "must be the number of an option (counting from 0) or null for doing nothing")
        comparator = None
    return options, comparator


def _read_interventions(r: Reader, raw, path: str, version: int, preset: Intervention) -> tuple[Intervention, ...]:
    if not isinstance(raw, list):
        r.fail(path, "must be a list of interventions")
        return ()
    out = [_read_intervention(r, r.mapping(item, f"{path}[{k}]"), f"{path}[{k}]", version, preset)
           for k, item in enumerate(raw)]
    taken = {iv.id for iv in out if iv.id}
    for k, iv in enumerate(out):
        if not iv.id:  # a version-1 file, or a hand-written one: ids from the row order
            out[k] = replace(iv, id=fresh_id(taken, f"iv{k + 1}"))
            taken.add(out[k].id)
    return tuple(out)


def _read_intervention(r: Reader, data: dict, path: str, version: int, preset: Intervention) -> Intervention:
    iv = _read_declared(r, Intervention, data, path, preset, version)
    effect = r.mapping(data.get("effect", {}), f"{path}.effect")
    iv = replace(iv, effect=tuple((str(sid), r.uncertain(effect, sid, f"{path}.effect.{sid}")) for sid in effect))
    if "funding" in data:  # whatever the version or shape: a funder written down is never dropped
        funding = r.mapping(data["funding"], f"{path}.funding")
        iv = replace(iv, funding=tuple((str(p), r.number(funding, p, f"{path}.funding.{p}") or 0.0)
                                       for p in funding))
    evidence = r.mapping(data.get("evidence", {}), f"{path}.evidence")
    return replace(iv, evidence=tuple((str(o), r.text(evidence, o, f"{path}.evidence.{o}", "")) for o in evidence))


def fresh_id(taken, stem: str = "iv") -> str:
    """An intervention id not in ``taken``: ``stem`` then the first free number."""
    taken = set(taken)
    stem = re.sub(r"[^A-Za-z0-9_]", "_", stem)[:30] or "iv"
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}_{number}" in taken:
        number += 1
    return f"{stem}_{number}"


def _read_stories(r: Reader, raw) -> list[dict]:
    if not isinstance(raw, list):
        r.fail("stories", "must be a list of stories")
        return ()
    out = []
    for k, item in enumerate(raw):
        path = f"stories[{k}]"
        item = r.mapping(item, path)
        consent = item.get("consent", False)
        if not isinstance(consent, bool):
            r.fail(f"{path}.consent", "must be true or false")
            consent = False
        out.append({"title": r.text(item, "title", f"{path}.title"), "text": r.text(item, "text", f"{path}.text", ""),
                    "teller": r.text(item, "teller", f"{path}.teller", ""), "consent": consent,
                    "intervention_id": r.text(item, "intervention_id", f"{path}.intervention_id", "")})
    return out
