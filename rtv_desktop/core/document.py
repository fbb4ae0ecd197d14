"""A document: one appraisal frame and the options a business case compares (MODEL.md s.6).

The frame (area, settings, services with their baseline use) is shared; each option is a
named intervention mix. ``document.scenario(k)`` is option ``k`` as a :class:`Scenario`,
which is what :func:`~rtv_desktop.core.run` values. ``comparator`` is the index of the
option the others are compared with, or ``None`` for "do nothing".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .model import Area, Intervention, Scenario, Service, Settings


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
    """The shared frame, the options and the comparator; immutable like a scenario."""

    name: str
    area: Area
    settings: Settings
    services: tuple[Service, ...] = ()
    options: tuple[Option, ...] = ()
    comparator: int | None = None
    author: str = ""
    notes: str = ""
    stories: tuple[Story, ...] = ()

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
        """A document of one option holding ``s``'s interventions (doing nothing is the comparator)."""
        option = Option(option_name or s.name, s.interventions)
        return cls(name=s.name, area=s.area, settings=s.settings, services=s.services, options=(option,),
                   author=s.author, notes=s.notes)

    def with_scenario(self, k: int, s: Scenario) -> Document:
        """This document with option ``k``'s interventions and the frame taken from ``s``."""
        options = list(self.options) or [Option(self.name)]
        options[k] = replace(options[k], interventions=s.interventions)
        return replace(self, name=s.name, author=s.author, notes=s.notes, area=s.area, settings=s.settings,
                       services=s.services, options=tuple(options))

    def with_services(self, services: tuple[Service, ...]) -> Document:
        """The frame's services replaced; every option drops its effects on services that are gone."""
        kept = {svc.id for svc in services}
        options = tuple(replace(option, interventions=tuple(
            replace(iv, effect=tuple(pair for pair in iv.effect if pair[0] in kept)) for iv in option.interventions))
            for option in self.options)
        return replace(self, services=services, options=options)

    # -- JSON -----------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """The version-2 JSON form (see the README); always written in full."""
        from .serialize import document_to_dict  # noqa: PLC0415

        return document_to_dict(self)

    @classmethod
    def from_dict(cls, data) -> Document:
        """Read a version-1 scenario or a version-2 document.

        Raises ``ScenarioFormatError`` listing every problem of type and structure at once.
        """
        from .serialize import document_from_dict  # noqa: PLC0415

        return document_from_dict(data)


_ID = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")


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


def valid_id(text: str) -> bool:
    """An id is short and safe in a file name or a workbook name: letters, digits, ``_.-``."""
    return bool(_ID.match(text or ""))


def all_interventions(doc: Document) -> list[tuple[int, int, Intervention]]:
    """``(option index, row, intervention)`` for every intervention of every option."""
    return [(k, i, iv) for k, option in enumerate(doc.options) for i, iv in enumerate(option.interventions)]
