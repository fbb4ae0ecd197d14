"""The Assumptions sheet: what this document uses, each value with where it came from.

Only what the document uses is listed: its settings, its area figures, its own services (not
the catalogue's others) and each option's interventions with their inputs as they are in the
document. A value still equal to the shipped default cites the shipped source and price year;
any other is "Entered for this document", at the document's price year. The evidence behind
each effect, wellbeing and QALY gain follows, then where the population data came from.
"""

from __future__ import annotations

from ....core import (
    Area,
    Document,
    Intervention,
    Service,
    Settings,
    Uncertain,
    approach_presets,
    figure_evidence,
    service_catalogue,
    source_for,
    specs,
)
from ....core.declare import show
from ....core.defaults import default_area, default_settings
from ...areas.bundled import ONS_ATTRIBUTION
from .. import styles as st
from ..layout import ASSUMPTIONS, OPTIMISM_WORDS
from ..text_cells import write_text

ENTERED = "Entered for this document"
BUILT_IN = "RtV Desktop's default (no published source)"
HEADERS = ("Item", "Value", "Source", "Price year or date", "Judgement / assumption, or evidence")


def shown(kind: str, value) -> str:
    """A value as the form shows it; a range as "central (low to high)", pairs as "key value; ..."."""
    if isinstance(value, Uncertain):
        if value.low == value.central == value.high:
            return show(kind, value.central)
        return f"{show(kind, value.central)} ({show(kind, value.low)} to {show(kind, value.high)})"
    if isinstance(value, tuple):
        if value and isinstance(value[0], tuple):
            return "; ".join(f"{key} {shown(kind, item)}" for key, item in value) or "none"
        return ", ".join(shown(kind, item) for item in value)
    return show(kind, value)


def _cited(path: str, same: bool, price_year: str, fallback: str = "") -> tuple[str, str, str]:
    """(source, price year, judgement) of a value: the shipped source while ``same``, else entered."""
    found = source_for(path) or (source_for(fallback) if fallback else None)
    if not same:
        return ENTERED, price_year, ""
    if found is None:
        return BUILT_IN, price_year, ""
    return found.source, found.price_year or price_year, "assumption" if found.assumption else ""


def _settings_rows(doc: Document) -> list[tuple]:
    shipped, year = default_settings(), doc.settings.price_year
    rows = []
    for name, spec in specs(Settings):
        value = getattr(doc.settings, name)
        if spec.is_text and not value:
            continue
        label = f"Settings: {spec.label}"
        if name == "optimism_bias":
            label += f" ({OPTIMISM_WORDS})"
        rows.append((label, shown(spec.kind, value),
                     *_cited(f"settings.{name}", value == getattr(shipped, name), year)))
    return rows


def _area_rows(doc: Document) -> list[tuple]:
    shipped, year = default_area(), doc.settings.price_year
    rows = []
    for name, spec in specs(Area):
        value = getattr(doc.area, name)
        if spec.is_text and not value:
            continue
        own = doc.area.source_of(name)
        if own is not None and own.source:
            cited = (own.source, own.date or year, "")
        else:
            cited = _cited(f"area.{name}", value == getattr(shipped, name), year)
        rows.append((f"This area: {spec.label}", shown(spec.kind, value), *cited))
    return rows


def _service_rows(doc: Document) -> list[tuple]:
    catalogue = {svc.id: svc for svc in service_catalogue()}
    year = doc.settings.price_year
    rows = []
    for svc in doc.services:
        shipped = catalogue.get(svc.id)
        rows.append((f"Service: {svc.name}", svc.id, svc.source or ENTERED, year, ""))
        for name in ("unit_cost", "cashable_share"):
            spec = dict(specs(Service))[name]
            value = getattr(svc, name)
            same = shipped is not None and value == getattr(shipped, name)
            rows.append((f"Service: {svc.name}: {spec.label}", shown(spec.kind, value),
                         *_cited(f"services.{svc.id}.{name}", same, year)))
    return rows


def _intervention_rows(doc: Document) -> list[tuple]:
    presets, year = approach_presets(), doc.settings.price_year
    rows = []
    for option in doc.options:
        for iv in option.interventions:
            preset = presets.get(iv.approach)
            whole = _cited(f"approach.{iv.approach}", preset is not None, year)
            rows.append((f"Option '{option.name}': {iv.name}", iv.id, iv.notes or whole[0], whole[1], ""))
            for name, spec in specs(Intervention):
                if spec.is_text and not spec.choices:
                    continue
                value = getattr(iv, name)
                same = preset is not None and value == getattr(preset, name)
                rows.append((f"Option '{option.name}': {iv.name}: {spec.label}", shown(spec.kind, value),
                             *_cited(f"approach.{iv.approach}.{name}", same, year, f"approach.{iv.approach}")))
    return rows


def _evidence_rows(doc: Document) -> list[tuple]:
    rows = []
    for k, option in enumerate(doc.options):
        rows += [(f"Option '{option.name}': {e.intervention}: {e.figure}", e.value,
                  f"{e.citation}. {e.link}. Evidence library entry {e.entry_id}" if e.entry_id else e.citation,
                  doc.settings.price_year, f"{e.design}, grade {e.grade}") for e in figure_evidence(doc.scenario(k))]
    return rows


def assumption_rows(doc: Document) -> list[tuple]:
    """Every row of the log: (item, value, source, price year or date, judgement or evidence)."""
    return (_settings_rows(doc) + _area_rows(doc) + _service_rows(doc) + _intervention_rows(doc)
            + _evidence_rows(doc) + [("Population data", "", ONS_ATTRIBUTION, "", "")])


def write_assumptions(wb, doc: Document) -> None:
    ws = wb.create_sheet(ASSUMPTIONS)
    st.title(ws, "Assumptions log", "What this document uses, each value with its source: the shipped source "
                                    f"while a value equals the shipped default, \"{ENTERED}\" once changed. "
                                    "Illustrative defaults: replace with local evidence.")
    st.header_row(ws, 4, HEADERS)
    for offset, values in enumerate(assumption_rows(doc)):
        for col, value in enumerate(values, start=1):
            write_text(ws.cell(5 + offset, col), str(value))
        st.wrap(ws.cell(5 + offset, 3), 90)
    st.widths(ws, {"A": 44, "B": 22, "C": 90, "D": 14, "E": 14})
    ws.freeze_panes = "B5"
    st.print_layout(ws, landscape=True, title_rows="4:4")
    st.protect(ws)
