"""Everything the report says, computed once from the document.

The report is built from these figures only; both renderers write the same words, so the
PDF and the Word file cannot disagree.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

import numpy as np

from .. import __version__
from ..core import (AssumptionInUse, Comparison, Document, Results, SimulationResults, Story, TornadoRow,
                    all_interventions, assumptions_in_use, compare, simulate, tornados, value_by_grade)
from ..io.scenario_json import document_json_text


@dataclass(frozen=True)
class StoryPlace:
    """A story with consent, and the intervention (and its option) it illustrates, if found."""

    story: Story
    option: int | None
    row: int | None


@dataclass(frozen=True)
class ReportFigures:
    document: Document
    comparison: Comparison
    simulation: SimulationResults | None
    focus: int  # the option the single-option sections describe
    tornados: dict[str, list[TornadoRow]]
    grades: np.ndarray  # [6] PV social value by evidence grade, focus option
    assumptions: list[AssumptionInUse]
    stories: list[StoryPlace]
    stories_left_out: int
    file_name: str
    sha256: str
    version: str
    created: dt.date

    @property
    def results(self) -> Results:
        return self.comparison.options[self.focus]

    @property
    def option_name(self) -> str:
        return self.document.options[self.focus].name

    @property
    def several(self) -> bool:
        return len(self.document.options) > 1


def gather(document: Document, file_name: str = "", simulation: bool | SimulationResults = True,
           iterations: int | None = None, seed: int | None = None, today: dt.date | None = None) -> ReportFigures:
    """Value ``document`` for the report.

    ``simulation``: True runs one at ``iterations`` and ``seed`` (default: the document's
    settings), False runs none, or a finished :class:`SimulationResults` of this document is used.

    Raises
    ------
    InvalidScenario
        If an option does not pass validation.
    """
    comparison = compare(document)
    if simulation is True:
        sim = simulate(document, iterations=iterations, seed=seed)
    else:
        sim = simulation or None
    focus = focus_option(comparison)
    results = comparison.options[focus]
    stories, left_out = place_stories(document)
    return ReportFigures(
        document=document, comparison=comparison, simulation=sim, focus=focus,
        tornados=tornados(results.scenario) if results.scenario.interventions else {},
        grades=value_by_grade(results), assumptions=assumptions_in_use(results.scenario),
        stories=stories, stories_left_out=left_out, file_name=file_name,
        sha256=document_sha256(document), version=__version__, created=today or dt.date.today())


def focus_option(comparison: Comparison) -> int:
    """The preferred option, else the best option that is not doing nothing, else the first."""
    if comparison.preferred is not None:
        return comparison.preferred
    return next((k for k in comparison.ranking if k is not None), 0)


def document_sha256(document: Document) -> str:
    """SHA-256 of the document's JSON, as File > Save writes it (``sha256sum`` of that file agrees)."""
    return hashlib.sha256(document_json_text(document).encode("utf-8")).hexdigest()


def place_stories(document: Document) -> tuple[list[StoryPlace], int]:
    """Stories whose consent tick is set, each with the intervention it illustrates; and how many were left out."""
    where = {iv.id: (k, row) for k, row, iv in all_interventions(document) if iv.id}
    placed = []
    for story in document.stories:
        if story.consent:
            option, row = where.get(story.intervention_id, (None, None))
            placed.append(StoryPlace(story, option, row))
    return placed, sum(1 for story in document.stories if not story.consent)
