"""Problems found in a scenario, each tied to the scenario path it concerns."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Issue:
    """One problem with a scenario.

    ``field`` is the scenario path (``area.population``, ``interventions[2].reach.low``,
    ``baseline_use.adults_ltc.gp``): the form highlights that widget, the workbook reader
    reports that cell. ``severity`` is ``"error"`` (the scenario cannot be run) or
    ``"warning"`` (it runs, but a figure looks doubtful).
    """

    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class ScenarioFormatError(ValueError):
    """A scenario document could not be read; ``issues`` lists every problem at once."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        lines = "\n".join(f"  - {issue}" for issue in self.issues)
        super().__init__(f"The scenario has {len(self.issues)} problem(s):\n{lines}")


def errors(issues: list[Issue]) -> list[Issue]:
    """Only the issues that stop a run."""
    return [i for i in issues if i.severity == "error"]
