"""Scenarios and documents: what a valuation run needs, and the options a business case compares.

A :class:`Scenario` is one intervention mix on an appraisal frame (area, settings,
services); a :class:`Document` holds the frame once and several options (MODEL.md s.6).

The frame (area, settings, services with their baseline use) is shared; each option is a
named intervention mix. ``document.scenario(k)`` is option ``k`` as a :class:`Scenario`,
which is what :func:`~rtv_desktop.core.run` values. ``comparator`` is the index of the
option the others are compared with, or ``None`` for "do nothing".
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from . import serialize
from .serialize import fresh_id  # noqa: F401 (part of the document's API: new ids for interventions)
from .export_log import ExportLog
from .defaults import approach_preset, default_services, default_settings
from .issues import ScenarioFormatError, described
from .model import GROUPS, Area, Intervention, Service, Settings


@dataclass(frozen=True)
class Scenario:
    """Everything a valuation run needs: area, settings, services and interventions.

    A :class:`~rtv_desktop.core.Document` holds several options; ``document.scenario(k)``
    is option ``k`` as a scenario.
    """

    name: str
    area: Area
    settings: Settings
    services: tuple[Service, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    author: str = ""
    notes: str = ""

    @property
    def service_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.services)

    @property
    def baseline_use(self) -> dict[str, dict[str, float]]:
        """Contacts per person per year, ``{group: {service_id: central value}}``."""
        return {g: {s.id: s.baseline[k].central for s in self.services} for k, g in enumerate(GROUPS)}

    def eligible(self, intervention: Intervention) -> float:
        """Size of the intervention's target group [persons]."""
        if intervention.target_group == "custom":
            return float(intervention.custom_size)
        return self.area.group_sizes().get(intervention.target_group, 0.0)

    def to_dict(self) -> dict:
        """The JSON form documented in the README: a document of one option."""
        return Document.from_scenario(self).to_dict()

    @classmethod
    def from_dict(cls, data: dict) -> Scenario:
        """A scenario from its JSON form (the first option of a v2 document).

        Raises ``ScenarioFormatError`` with every problem.
        """
        return Document.from_dict(data).scenario(0)


@dataclass(frozen=True)
class Option:
    """One package of interventions (e.g. "Social prescribing only")."""

    name: str
    interventions: tuple[Intervention, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Story:
    """A person's own account of what a service changed for them, to put beside the figures.

    It is printed in a report only when ``consent`` is set: consent was given and the text
    holds no identifying details. ``intervention_id`` names the intervention it illustrates
    (blank: the package as a whole).
    """

    title: str
    text: str = ""
    teller: str = ""
    consent: bool = False
    intervention_id: str = ""


@dataclass(frozen=True)
class Document:
    """The shared frame, the options and the comparator; immutable like a scenario.

    ``name``, ``author``, ``notes`` and ``decision`` (what the board is asked to do: "The board
    is asked to ...") are the document's properties, printed on its report. ``export_log`` records
    its workbook exports (:mod:`.export_log`); it is history, not an input, so it takes no part in
    equality.
    """

    name: str
    area: Area
    settings: Settings
    services: tuple[Service, ...] = ()
    options: tuple[Option, ...] = ()
    comparator: int | None = None
    author: str = ""
    notes: str = ""
    stories: tuple[Story, ...] = ()
    decision: str = ""
    export_log: ExportLog = field(default=ExportLog(), compare=False)

    @property
    def service_ids(self) -> tuple[str, ...]:
        return tuple(s.id for s in self.services)

    # -- options as scenarios ---------------------------------------------------------------
    def scenario(self, k: int = 0) -> Scenario:
        """Option ``k`` evaluated on the shared frame."""
        option = self.options[k] if self.options else Option(self.name)
        return Scenario(name=self.name, area=self.area, settings=self.settings, services=self.services,
                        interventions=option.interventions, author=self.author, notes=self.notes)

    def scenarios(self) -> list[Scenario]:
        return [self.scenario(k) for k in range(len(self.options))]

    def option_names(self) -> list[str]:
        return [option.name for option in self.options]

    @classmethod
    def from_scenario(cls, s: Scenario, option_name: str | None = None) -> Document:
        """A document of one option holding ``s``'s interventions (doing nothing is the comparator).

        The option is named ``option_name``, else after the scenario, else "Option 1".
        """
        option = Option(option_name or s.name.strip() or "Option 1", s.interventions)
        return cls(name=s.name, area=s.area, settings=s.settings, services=s.services, options=(option,),
                   author=s.author, notes=s.notes)

    def with_interventions(self, k: int, interventions) -> Document:
        """This document with option ``k``'s interventions replaced."""
        options = list(self.options) or [Option(self.name)]
        options[k] = replace(options[k], interventions=tuple(interventions))
        return replace(self, options=tuple(options))

    def with_services(self, services: tuple[Service, ...]) -> Document:
        """The frame's services replaced; every option drops its effects on services that are gone."""
        kept = {svc.id for svc in services}
        options = tuple(replace(option, interventions=tuple(
            replace(iv, effect=tuple(pair for pair in iv.effect if pair[0] in kept)) for iv in option.interventions))
            for option in self.options)
        return replace(self, services=services, options=options)

    # -- JSON -----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The JSON form (version 3, see the README); always written in full."""
        return serialize.document_to_dict(self)

    @classmethod
    def from_dict(cls, data) -> Document:
        """Read a version-1 scenario or a version-2 or version-3 document.

        Raises ``ScenarioFormatError`` listing every problem of type and structure at once.
        """
        doc, issues = read_document(data)
        if issues:  # named as the screen names them (rows numbered: the document could not be read)
            raise ScenarioFormatError(described(issues, None))
        return doc


def as_document(item: Document | Scenario) -> Document:
    """``item`` itself, or a scenario as a document of one option.

    For the few public entry points that take either (``create_window``); everything
    else below the window takes a document, and a scenario is wrapped first.
    """
    return item if isinstance(item, Document) else Document.from_scenario(item)


def all_interventions(doc: Document) -> list[tuple[int, int, Intervention]]:
    """``(option index, row, intervention)`` for every intervention of every option."""
    return [(k, i, iv) for k, option in enumerate(doc.options) for i, iv in enumerate(option.interventions)]


def read_document(data) -> tuple[Document, list]:
    """A best-effort document from JSON data, and every problem of type and structure.

    Absent settings take the shipped defaults; absent services and baseline use together take
    the shipped services; an intervention's optional fields absent from the file take the
    custom preset's values (see :mod:`.serialize`).
    """
    base = serialize.Base(default_settings(), default_services(), replace(approach_preset("custom"), notes="", id=""))
    parts, issues = serialize.read_parts(data, base)
    options = tuple(Option(**option) for option in parts.pop("options"))
    stories = tuple(Story(**story) for story in parts.pop("stories"))
    return Document(options=options, stories=stories, **parts), issues
