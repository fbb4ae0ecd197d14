"""Problems found in a document (or a scenario), each tied to the path it concerns."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .labels import describe_field


@dataclass(frozen=True)
class Issue:
    """One problem with a document or scenario.

    ``field`` is the document path (``area.population``, ``options[0].interventions[2].reach.low``,
    ``baseline_use.adults_ltc.gp``; :func:`~rtv_desktop.core.validate` of a scenario says
    ``interventions[2].reach.low``): the form highlights that widget, the workbook reader
    reports that cell. ``subject`` names the field as the screen does ("Peer support: Reach
    per year (low)") and ``message`` continues the sentence ("must be from 0% to 100%; it is
    150%"). ``severity`` is ``"error"`` (the scenario cannot be run) or ``"warning"`` (it
    runs, but a figure looks doubtful).
    """

    field: str
    message: str
    severity: str = "error"
    subject: str = ""

    @property
    def text(self) -> str:
        """The whole sentence for a person: subject and message."""
        return f"{self.subject} {self.message}" if self.subject else f"{self.field}: {self.message}"

    def __str__(self) -> str:
        return self.text


class ScenarioFormatError(ValueError):
    """A scenario document could not be read; ``issues`` lists every problem at once."""

    def __init__(self, issues: list[Issue]):
        self.issues = list(issues)
        lines = "\n".join(f"  - {issue}" for issue in self.issues)
        super().__init__(f"The scenario has {len(self.issues)} problem(s):\n{lines}")


def errors(issues: list[Issue]) -> list[Issue]:
    """Only the issues that stop a run."""
    return [i for i in issues if i.severity == "error"]


def described(issues: list[Issue], context, open_option: int | None = None) -> list[Issue]:
    """The issues with their ``subject`` filled in from ``context`` (a scenario or document).

    ``open_option``: the option the screen shows, whose interventions are named without it.
    """
    return [issue if issue.subject else replace(issue, subject=describe_field(issue.field, context, open_option))
            for issue in issues]
