"""What the value rests on (MODEL.md section 8d): social value by strength of evidence, and the
shipped assumptions a scenario still uses."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .declare import show, specs
from .defaults import Source, approach_presets, default_area, default_settings, service_catalogue, source_for
from .document import Scenario
from .library import counts, entry, figure_kind, figure_of, outcome_kind, outcome_words
from .model import DESIGN_LABELS, EVIDENCE_GRADES, GROUP_LABELS, GROUPS, Intervention
from .results import Results

GRADE_NAMES = ("strong local evidence", "strong evidence elsewhere", "promising", "emerging",
               "weak or anecdotal", "untested assumption")
WEAK_FROM_GRADE = 4
MOSTLY = 0.5  # "most of the value": the headline note appears above this share


def value_by_grade(results: Results) -> np.ndarray:
    """Present social value [£] resting on evidence of each grade 1..6, each outcome by its own
    grade (MODEL.md 10c): savings and volunteer time by the service-use grade, wellbeing by the
    wellbeing grade: [6]."""
    ivs = results.scenario.interventions
    social = np.asarray(results.by_intervention["pv_social"], dtype=float)
    wellbeing = np.asarray(results.by_intervention["pv_wellbeing"], dtype=float)
    out = np.zeros(EVIDENCE_GRADES)
    np.add.at(out, np.array([iv.evidence_grade - 1 for iv in ivs], dtype=int), social - wellbeing)
    np.add.at(out, np.array([iv.wellbeing_grade - 1 for iv in ivs], dtype=int), wellbeing)
    return out


def weak_evidence_note(results: Results) -> str:
    """A sentence for the headline when most of the social value rests on weak evidence, else ""."""
    share = results.summary["share_social_weak_evidence"]
    if share is None or share <= MOSTLY:
        return ""
    return (f"{share:.0%} of the social value rests on evidence that is emerging, weak or untested "
            f"(grades {WEAK_FROM_GRADE}-{EVIDENCE_GRADES}), each outcome by its own grade.")


@dataclass(frozen=True)
class AssumptionInUse:
    """A shipped default flagged as an assumption that the scenario still uses unchanged."""

    what: str  # in the words of the screen, e.g. "Peer support: Wellbeing gain"
    value: str
    source: Source


def assumptions_in_use(s: Scenario) -> list[AssumptionInUse]:
    """Every input still at a shipped default that no published source supports."""
    out = []
    out += _frame_assumptions("area", s.area, default_area())
    out += _frame_assumptions("settings", s.settings, default_settings())
    catalogue = {svc.id: svc for svc in service_catalogue()}
    for svc in s.services:
        shipped = catalogue.get(svc.id)
        if shipped is None:
            continue
        for name in ("unit_cost", "cashable_share"):
            if getattr(svc, name) == getattr(shipped, name):
                out += _found(f"{svc.name}: {dict(specs(type(svc)))[name].label}", f"services.{svc.id}.{name}")
        for k, group in enumerate(GROUPS):
            if svc.baseline[k] == shipped.baseline[k]:
                out += _found(f"Baseline use of {svc.name}, {GROUP_LABELS[group]}",
                              f"baseline_use.{group}.{svc.id}")
    for iv in s.interventions:
        out += _intervention_assumptions(iv)
    return out


def _frame_assumptions(prefix: str, obj, shipped) -> list[AssumptionInUse]:
    out = []
    for name, spec in specs(type(obj)):
        if getattr(obj, name) == getattr(shipped, name):
            out += _found(spec.label, f"{prefix}.{name}")
    return out


def _intervention_assumptions(iv: Intervention) -> list[AssumptionInUse]:
    preset = approach_presets().get(iv.approach)
    if preset is None:
        return []
    out = []
    for name, spec in specs(Intervention):
        if getattr(iv, name) == getattr(preset, name):
            out += _found(f"{iv.name}: {spec.label}", f"approach.{iv.approach}.{name}")
    return out


def _found(what: str, path: str) -> list[AssumptionInUse]:
    source = source_for(path)
    return [AssumptionInUse(what, source.value, source)] if source is not None and source.assumption else []


@dataclass(frozen=True)
class FigureEvidence:
    """What one counted figure of one intervention rests on (the report's and workbook's evidence table)."""

    intervention: str
    figure: str  # in the words of the screen: "Effect on A&E attendance (all types)", "Wellbeing gain"
    value: str
    design: str  # words of DESIGN_LABELS
    grade: int
    entry_id: str  # "" for a local figure or judgement
    citation: str
    link: str


def figure_evidence(s: Scenario, doc=None) -> list[FigureEvidence]:
    """Every effect, wellbeing gain and QALY gain ``s`` counts, with the study behind it (or that it
    is a local figure or judgement); with ``doc``, its local evidence entries are found too."""
    names = {svc.id: svc.name for svc in s.services}
    out = []
    for iv in s.interventions:
        for outcome in [f"service:{sid}" for sid, _ in iv.effect] + ["wellbeing", "qaly"]:
            v = figure_of(iv, outcome)
            if not counts(v):
                continue
            which, kind = outcome_kind(outcome), figure_kind(outcome)
            cited = entry(iv.evidence_for(outcome), doc) if iv.evidence_for(outcome) else None
            out.append(FigureEvidence(
                iv.name, outcome_words(outcome, names),
                f"{show(kind, v.central)} ({show(kind, v.low)} to {show(kind, v.high)})",
                DESIGN_LABELS[iv.design_of(which)], iv.grade_of(which), cited.id if cited else "",
                cited.citation if cited else "A local figure or judgement: no study in the library",
                cited.link if cited else ""))
    return out
