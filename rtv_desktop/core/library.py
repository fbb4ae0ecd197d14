"""The evidence library (MODEL.md 10e): one entry per published estimate, in ``resources/evidence``.

An entry says what a study found, as published (``measure``), and how that becomes a figure in
the model's units (``value`` with ``low``/``high``, and ``conversion``). Entries that cannot be
put in the model's units (a wellbeing result on another scale, a cost difference per head)
carry no value: they inform the study card and the report but set no figure.
"""

from __future__ import annotations

import glob
import os
import tomllib
from dataclasses import asdict, dataclass, replace
from functools import lru_cache

from ..resources import resource_path
from .model import APPROACH_LABELS, DESIGN_LABELS, EVIDENCE_GRADES, OUTCOME_FIELDS, Intervention, Uncertain

# Outcomes that set a figure of an intervention, and the field each sets ("service:<id>" sets
# the effect on that service).
FIGURE_OUTCOMES = {"wellbeing": "wellbeing_gain", "qaly": "qaly_gain", "completion": "completion",
                   "reach": "reach", "cost_per_starter": "cost_per_starter"}
INFORMING_OUTCOMES = ("cost", "wellbeing_scale")  # a card and a citation, never a figure
# Each outcome in the words of the screen ("service:<id>" is "Effect on <service name>") and the
# declared kind its figure is written in.
OUTCOME_WORDS = {"wellbeing": "Wellbeing gain", "qaly": "QALY gain", "completion": "Completion",
                 "reach": "Reach per year", "cost_per_starter": "Cost per starter",
                 "cost": "Cost difference (informs only)",
                 "wellbeing_scale": "Wellbeing on another scale (informs only)"}
OUTCOME_KINDS = {"wellbeing": "points", "qaly": "qalys", "completion": "fraction", "reach": "fine_fraction",
                 "cost_per_starter": "money"}
INTERVALS = ("95% CI", "range", "judgement")
TEXT_FIELDS = ("id", "outcome", "interval", "design", "citation", "link", "population", "setting", "measure",
               "conversion", "notes")
NOT_REPORTED = "not reported"
LOCAL_SETTING = "local"  # the setting of an entry recorded locally (core.monitoring)
LOCAL_PREFIX = "local-"


@dataclass(frozen=True)
class EvidenceEntry:
    """One published estimate; ``value``, ``low`` and ``high`` are None for an informing entry."""

    id: str
    approach: tuple[str, ...]
    outcome: str
    value: float | None
    low: float | None
    high: float | None
    interval: str
    design: str
    grade: int
    citation: str
    link: str
    population: str
    setting: str
    n: int | str
    follow_up_months: float | str
    measure: str
    conversion: str
    notes: str
    price_year: str = ""

    @property
    def is_local(self) -> bool:
        """Recorded locally after go-live (monitoring), not a published study."""
        return self.setting == LOCAL_SETTING or self.id.startswith(LOCAL_PREFIX)

    @property
    def sets_figure(self) -> bool:
        return self.value is not None

    @property
    def field(self) -> str:
        """The intervention field this entry sets ("effect" for a service), or ""."""
        if self.outcome.startswith("service:"):
            return "effect"
        return FIGURE_OUTCOMES.get(self.outcome, "")

    def to_json(self) -> dict:
        out = asdict(self)
        out["approach"] = list(self.approach)
        return out


class LibraryError(ValueError):
    """An entry of the shipped library breaks the rules of MODEL.md 10e (names file and entry)."""


def entry_problems(raw: dict, known_services: set[str] | None = None) -> list[str]:
    """What is wrong with one raw entry, in words (empty when it is sound)."""
    problems = [f"has no {name}" for name in TEXT_FIELDS + ("approach", "grade", "n", "follow_up_months")
                if name not in raw or raw[name] in ("", None)]
    values = [raw.get(k) for k in ("value", "low", "high")]
    if any(v is None for v in values) and not all(v is None for v in values):
        problems.append("gives only some of value, low and high (give all three, or none for an informing entry)")
    elif values[0] is not None:
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
            problems.append("value, low and high must be numbers")
        elif not values[1] <= values[0] <= values[2]:
            problems.append(f"needs low <= value <= high, not {values[1]}, {values[0]}, {values[2]}")
    outcome = str(raw.get("outcome", ""))
    if outcome.startswith("service:"):
        if known_services is not None and outcome[8:] not in known_services:
            problems.append(f"names a service the model does not have: {outcome[8:]}")
    elif outcome not in FIGURE_OUTCOMES and outcome not in INFORMING_OUTCOMES:
        problems.append(f"has an outcome the model does not know: {outcome!r}")
    elif outcome in INFORMING_OUTCOMES and values[0] is not None:
        problems.append(f"outcome {outcome!r} informs only: it must not give a value")
    if raw.get("design") not in DESIGN_LABELS:
        problems.append(f"design must be one of {', '.join(DESIGN_LABELS)}")
    if raw.get("interval") not in INTERVALS:
        problems.append(f"interval must be one of {', '.join(INTERVALS)}")
    grade = raw.get("grade")
    if not isinstance(grade, int) or not 1 <= grade <= EVIDENCE_GRADES:
        problems.append(f"grade must be a whole number from 1 to {EVIDENCE_GRADES}")
    approaches = raw.get("approach") or []
    if isinstance(approaches, str) or any(a not in APPROACH_LABELS or a == "custom" for a in approaches):
        problems.append("approach must be a list of approach ids")
    return problems


def entry_from_json(raw: dict) -> EvidenceEntry:
    """An entry from its JSON (or TOML) form; ``raw`` must have no :func:`entry_problems`."""
    return _entry(raw)


def _entry(raw: dict) -> EvidenceEntry:
    number = lambda key: None if raw.get(key) is None else float(raw[key])  # noqa: E731
    return EvidenceEntry(
        id=raw["id"], approach=tuple(raw["approach"]), outcome=raw["outcome"], value=number("value"),
        low=number("low"), high=number("high"), interval=raw["interval"], design=raw["design"],
        grade=int(raw["grade"]), citation=raw["citation"], link=raw["link"], population=raw["population"],
        setting=raw["setting"], n=raw["n"], follow_up_months=raw["follow_up_months"], measure=raw["measure"],
        conversion=raw["conversion"], notes=raw["notes"], price_year=str(raw.get("price_year", "")))


def read_library(folder: str, known_services: set[str] | None = None) -> tuple[EvidenceEntry, ...]:
    """Every entry of the ``*.toml`` files in ``folder``, in file then entry order.

    Raises
    ------
    LibraryError
        Naming the file and entry of every problem (a duplicate id, a missing field, ...).
    """
    entries, problems, seen = [], [], set()
    for path in sorted(glob.glob(os.path.join(folder, "*.toml"))):
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
        for k, raw in enumerate(data.get("entry", [])):
            where = f"{os.path.basename(path)}, entry {k + 1} ({raw.get('id', 'no id')})"
            found = entry_problems(raw, known_services)
            if raw.get("id") in seen:
                found.append("repeats an id already used")
            seen.add(raw.get("id"))
            problems += [f"{where}: {p}" for p in found]
            if not found:
                entries.append(_entry(raw))
    if problems:
        raise LibraryError("The evidence library has problems:\n" + "\n".join(problems))
    return tuple(entries)


@lru_cache(maxsize=1)
def evidence_library() -> tuple[EvidenceEntry, ...]:
    """The shipped library (``resources/evidence``), read once."""
    from .defaults import service_catalogue  # the services the model can value

    return read_library(resource_path("evidence"), {svc.id for svc in service_catalogue()})


def _local(doc) -> tuple[EvidenceEntry, ...]:
    return tuple(getattr(doc, "local_evidence", ()) or ()) if doc is not None else ()


def entry(entry_id: str, doc=None) -> EvidenceEntry | None:
    """The entry ``entry_id``: the document's local entries first (when ``doc`` is given), then
    the shipped library; None when neither has it."""
    return next((e for e in _local(doc) + evidence_library() if e.id == entry_id), None)


def entries_for(approach: str | None = None, outcome: str | None = None,
                entries: tuple[EvidenceEntry, ...] | None = None, doc=None) -> tuple[EvidenceEntry, ...]:
    """The entries for an approach and/or an outcome ("service:gp", "wellbeing", ...).

    With ``doc``, the document's local entries come first (a local entry matches any approach
    when it names none: it was measured on the intervention itself).
    """
    pool = _local(doc) + (evidence_library() if entries is None else entries)
    return tuple(e for e in pool if (approach is None or approach in e.approach or (e.is_local and not e.approach))
                 and (outcome is None or e.outcome == outcome))


# -- entries and interventions -------------------------------------------------------------------
DESIGN_ORDER = ("rct", "controlled", "uncontrolled", "judgement")  # strongest first
_OUTCOME_KIND = {"wellbeing": "wellbeing", "qaly": "qaly"}  # the rest of the figure outcomes carry no design


def outcome_words(outcome: str, services: dict[str, str]) -> str:
    """"Effect on Non-elective admission", "Wellbeing gain", ... (``services``: id -> name)."""
    if outcome.startswith("service:"):
        sid = outcome[len("service:"):]
        return f"Effect on {services.get(sid, sid)}"
    return OUTCOME_WORDS.get(outcome, outcome)


def figure_kind(outcome: str) -> str:
    """The declared kind an outcome's figure is written in ("signed_fraction" for an effect)."""
    return "signed_fraction" if outcome.startswith("service:") else OUTCOME_KINDS.get(outcome, "")


def counts(value: Uncertain) -> bool:
    """A figure that is not exactly nothing (zero with no range)."""
    return value != Uncertain.fixed(0.0)


def outcome_kind(outcome: str) -> str | None:
    """Which design and grade an outcome's figure carries: "effect", "wellbeing", "qaly" or None."""
    return "effect" if outcome.startswith("service:") else _OUTCOME_KIND.get(outcome)


def figure_of(iv: Intervention, outcome: str) -> Uncertain | None:
    """The figure ``outcome`` sets in ``iv`` (None for an outcome that sets none)."""
    if outcome.startswith("service:"):
        return iv.effect_on(outcome[len("service:"):])
    name = FIGURE_OUTCOMES.get(outcome)
    return getattr(iv, name) if name else None


def apply_entry(iv: Intervention, found: EvidenceEntry) -> Intervention:
    """``iv`` with the figure of ``found`` (its value and interval), its design and grade, and the
    entry recorded in ``iv.evidence``.

    The effects on use of one intervention share one design and grade: when other effects
    remain, they keep the weaker of theirs and the entry's, so deadweight and the haircut err
    against the case.
    """
    if not found.sets_figure:
        raise ValueError(f"{found.id} informs only: it sets no figure")
    value = Uncertain(found.value, found.low, found.high)
    if found.outcome.startswith("service:"):
        updated = iv.with_effect(found.outcome[len("service:"):], value)
    else:
        updated = replace(iv, **{FIGURE_OUTCOMES[found.outcome]: value})
    kind = outcome_kind(found.outcome)
    if kind is not None:
        design, grade = found.design, found.grade
        others = kind == "effect" and any(sid != found.outcome[8:] and counts(v) for sid, v in iv.effect)
        if others:
            design = max(design, iv.effect_design, key=DESIGN_ORDER.index)
            grade = max(grade, iv.evidence_grade)
        design_field, grade_field = OUTCOME_FIELDS[kind]
        updated = replace(updated, **{design_field: design, grade_field: grade})
    links = dict(iv.evidence)
    links[found.outcome] = found.id
    return replace(updated, evidence=tuple(links.items()))


def without_entry(iv: Intervention, outcome: str) -> Intervention:
    """``iv`` no longer citing an entry for ``outcome`` (its figure was typed in locally)."""
    return replace(iv, evidence=tuple((o, e) for o, e in iv.evidence if o != outcome))


def stale_links(before: Intervention, after: Intervention) -> list[str]:
    """The outcomes whose figure changed between ``before`` and ``after`` while citing an entry:
    a typed figure is a local one, no longer the study's."""
    return [outcome for outcome, _ in after.evidence if figure_of(before, outcome) != figure_of(after, outcome)]


def without_stale(iv: Intervention, before: Intervention) -> Intervention:
    """``iv`` citing only the entries whose figures are unchanged since ``before``."""
    for outcome in stale_links(before, iv):
        iv = without_entry(iv, outcome)
    return iv
