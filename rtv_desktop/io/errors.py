"""Errors a user can act on: what is wrong, where (sheet and cell, or field), what to do."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One problem in an input file.

    ``where`` locates it for a person ("sheet 'Area', cell C5" or "field area.population");
    ``field`` is the scenario path when there is one, so the window can highlight it.
    """

    where: str
    message: str
    field: str = ""

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputFileError(Exception):
    """A file could not be read; ``problems`` lists every problem found at once."""

    def __init__(self, path, problems: list[Problem], summary: str = ""):
        self.path = str(path)
        self.problems = list(problems)
        self.summary = summary or f"{self.path} could not be read ({len(self.problems)} problem(s))"
        super().__init__(self.report())

    def report(self) -> str:
        """The summary and each problem on a line of its own (the summary alone says it all when
        there are none listed)."""
        if not self.problems:
            return self.summary
        lines = [self.summary + ":"] + [f"  - {p}" for p in self.problems]
        return "\n".join(lines)


class SaveError(Exception):
    """A file could not be written; the previous file (if any) is untouched."""
