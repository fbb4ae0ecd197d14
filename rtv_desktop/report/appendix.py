"""Assumptions and their sources, caveats, reproducibility and the methods appendix."""

from __future__ import annotations


from ..core import PARTY_LABELS, Area, Intervention, Settings, Uncertain, default_document, source_for, specs
from ..core.document import Document
from ..io.guides import METHOD, guide_markdown
from ..core.text import setting_text, simulation_basis
from .figures import ReportFigures
from .markdown import blocks_from_markdown
from .model import Block, Bullets, Heading, PageBreak, Paragraph, Table
from .words import pounds, percent, volunteer_treatment

METHOD_ANCHORS = "method-"


def assumptions(f: ReportFigures) -> list[Block]:
    s = f.results.scenario
    blocks: list[Block] = [
        Heading("Assumptions and sources", 1, "assumptions"),
        Paragraph(f"Every figure is in {s.settings.price_year} prices unless its row says otherwise. Every shipped "
                  "default, its source and price year are listed at the end of the methods appendix."),
        Heading("The area", 2), _area_table(s.area),
        Heading("Settings", 2), _settings_table(s.settings),
        Heading("Unit costs of services", 2), _services_table(s),
        *intervention_assumptions(f.document),
    ]
    if f.assumptions:
        rows = tuple((a.what, a.value, a.source.source, a.source.price_year or "-") for a in f.assumptions)
        blocks += [Heading("Shipped assumptions still in use", 2, "assumptions-in-use"),
                   Paragraph(f"These {len(rows)} inputs are still at a shipped figure that no published source "
                             "supports. Replace them with local evidence where you can."),
                   Table(("Input", "Value", "Why this figure", "Price year"), rows, widths=(3, 2, 6, 1.4))]
    return blocks


def _area_table(area: Area) -> Table:
    rows = []
    for name, spec in specs(Area):
        value = getattr(area, name)
        if name in ("area_name", "area_code") and not value:
            continue
        shown = f"{value:,.0f}" if spec.kind == "persons" else f"{value:.1%}" if spec.kind == "fraction" else str(value)
        recorded = area.source_of(name)
        if recorded is not None:
            source = recorded.source + (f" ({recorded.date})" if recorded.date else "")
        else:
            shipped = source_for(f"area.{name}")
            source = shipped.source if shipped is not None and shipped.value == _shipped(value, spec) else "Typed in"
        rows.append((spec.label, shown, source))
    return Table(("Figure", "Value", "Source"), tuple(rows), numeric=(1,), widths=(3, 2, 6))


def _shipped(value, spec) -> str:
    return f"{value:,}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def _settings_table(settings: Settings) -> Table:
    rows = []
    for name, spec in specs(Settings):
        value = getattr(settings, name)
        if name == "price_note" and not value:
            continue
        rows.append((spec.label, _setting_text(name, value), _setting_source(name, value, settings)))
    return Table(("Setting", "Value", "Source"), tuple(rows), widths=(3, 3, 6))


def _setting_text(name: str, value) -> str:
    """A setting as its form field shows it (its declaration), with words where a number alone
    would be unclear (a range, the grades, a per-unit amount, a choice)."""
    if name == "wellby_value":
        return f"{pounds(value.central)} ({pounds(value.low)} to {pounds(value.high)})"
    if name == "volunteer_hour_value":
        return f"{setting_text(name, value)} an hour"
    if name == "qaly_threshold":
        return f"{setting_text(name, value)} per QALY"
    if name == "optimism_bias":
        return ", ".join(percent(v) for v in value) + " (grades 1 to 6)"
    if name == "volunteer_time":
        return volunteer_treatment(value)
    return setting_text(name, value)


def _setting_source(name: str, value, settings: Settings) -> str:
    shipped = source_for(f"settings.{name}")
    if shipped is None:
        return "-"
    if getattr(default_document().settings, name) == value:
        return shipped.source
    return "Set for this document (the shipped value's source: " + shipped.source + ")"


def _services_table(s) -> Table:
    rows = []
    for svc in s.services:  # every amount in a document is in its own price year, rebased or not
        cost = svc.unit_cost
        share = svc.cashable_share
        cashable = percent(share.central) if share.is_fixed else \
            f"{percent(share.central)} ({percent(share.low)} to {percent(share.high)})"
        rows.append((svc.name, f"{_pence(cost.central)} ({_pence(cost.low)} to {_pence(cost.high)})",
                     cashable, svc.source or "-", s.settings.price_year or "-"))
    return Table(("Service", "Unit cost (range)", "Cashable", "Source", "Price year"), tuple(rows),
                 numeric=(1, 2), widths=(3, 3, 1.4, 6, 1.4))


def _pence(value: float) -> str:
    return f"£{value:,.2f}" if value != round(value) else pounds(value)


CAVEATS = (
    "The shipped figures are illustrative national defaults: replace them with local evidence before a decision "
    "rests on them.",
    "Much of the evidence for effects on service use comes from before-and-after studies without a control group; "
    "deadweight, attribution and the optimism-bias haircut reduce, but do not remove, the risk of counting change "
    "that would have happened anyway.",
    "Cashable shares are judgements: whether a saving releases cash depends on local contracts and on whether "
    "capacity is taken out.",
    "Wellbeing is valued with HM Treasury's WELLBY value; it is real value to residents, not money in a budget.",
    "The figures are an appraisal, not a forecast: they show what the inputs imply, and are only as good as them.",
    "Each option is valued on the same area, settings and services; the report does not model displacement "
    "between services or areas.",
)


def caveats(_f: ReportFigures) -> list[Block]:
    return [Heading("Caveats", 1, "caveats"), Bullets(CAVEATS)]


def reproducibility(f: ReportFigures) -> list[Block]:
    sim = f.simulation
    rows = [("RtV Desktop version", f.version), ("Document file", f.file_name or "not saved to a file"),
            ("SHA-256 of the document's JSON", f.sha256),
            ("Simulation", simulation_basis(sim.iterations, sim.seed, sim.correlation)
             if sim is not None else "none run for this report"),
            ("Produced", f.created.isoformat())]
    return [Heading("Reproducibility", 1, "reproducibility"),
            Paragraph("The same document, version and seed give the same figures on any computer. The SHA-256 is of "
                      "the document as RtV Desktop saves it as a scenario file (.json)."),
            Table(("Item", "Value"), tuple(rows), widths=(2, 5))]


def methods_appendix(f: ReportFigures) -> list[Block]:
    # The approaches' defaults are listed with each intervention (:func:`intervention_assumptions`).
    text = _defaults_in_brief_left_out(guide_markdown(METHOD, approaches=()))
    blocks = blocks_from_markdown(text, top_level=1, anchor_prefix=METHOD_ANCHORS)
    first = blocks[0]
    return [PageBreak(), Heading("Appendix: " + first.text, 1, "appendix"), *blocks[1:]] if isinstance(
        first, Heading) else [PageBreak(), *blocks]




DEFAULTS_HEADING = "## Where the defaults come from"
DEFAULTS_HERE = ("Every shipped default of the area, settings, services and baseline use, with its source and "
                 "price year (each intervention's inputs and their sources are listed under [The interventions' "
                 "assumptions](#intervention-assumptions)). Figures that no source supports are flagged as "
                 "assumptions: replace them with local evidence.")


def _defaults_in_brief_left_out(markdown: str) -> str:
    """The method guide with its summary of every approach's defaults replaced by one sentence: the
    table after it lists the defaults of the options' approaches only, and the report names no other."""
    start = markdown.find(DEFAULTS_HEADING)
    table = markdown.find("| Default |", start)
    if start < 0 or table < 0:
        return markdown
    return markdown[:start] + f"{DEFAULTS_HEADING}\n\n{DEFAULTS_HERE}\n\n" + markdown[table:]


# -- the interventions the options contain ----------------------------------------------------------------
SKIPPED_FIELDS = ("name", "id", "notes")


def interventions_in_options(document: Document) -> list[tuple[Intervention, list[str]]]:
    """Each distinct intervention of the options, with the names of the options that contain it."""
    found: list[tuple[Intervention, list[str]]] = []
    for option in document.options:
        for iv in option.interventions:
            same = next((entry for entry in found if entry[0] == iv), None)
            if same is None:
                found.append((iv, [option.name]))
            elif option.name not in same[1]:
                same[1].append(option.name)
    return found


def intervention_assumptions(document: Document) -> list[Block]:
    """Every input of every intervention the options contain (and no other), as its form shows it."""
    found = interventions_in_options(document)
    if not found:
        return []
    blocks: list[Block] = [Heading("The interventions' assumptions", 2, "intervention-assumptions"),
                           Paragraph("Every input of each intervention in the options, as typed or shipped; ranges in "
                                     "brackets are what the simulation draws from.")]
    names = {svc.id: svc.name for svc in document.services}
    for iv, options in found:
        rows = tuple(row for name, spec in specs(Intervention) if name not in SKIPPED_FIELDS
                     for row in _field_rows(iv, name, spec, names))
        blocks += [Heading(f"{iv.name} (in {' and '.join(options)})", 3),
                   Table(("Input", "Value", "Shipped figure's source"), rows, widths=(3, 3, 6))]
    return blocks


def _field_rows(iv: Intervention, name: str, spec, services: dict) -> list[tuple[str, str, str]]:
    value = getattr(iv, name)
    shipped = source_for(f"approach.{iv.approach}.{name}")
    source = shipped.source if shipped is not None else "-"
    if name == "effect":
        return [(f"Effect on {services.get(sid, sid)}", _value(spec, v), source) for sid, v in value] or \
            [("Effect on services", "none", source)]
    if name == "funding":
        return [(spec.label, ", ".join(f"{PARTY_LABELS.get(p, p)} {percent(share)}" for p, share in value), source)]
    if name == "custom_size" and iv.target_group != "custom":
        return []
    return [(spec.label, _value(spec, value), source)]


def _value(spec, value) -> str:
    if isinstance(value, Uncertain):
        central = spec.show(value.central)
        return central if value.is_fixed else f"{central} ({spec.show(value.low)} to {spec.show(value.high)})"
    if spec.choices and value in spec.choices:
        return str(spec.choices[value])
    return spec.show(value)
