"""Typed access to JSON-like data that records problems instead of raising.

Each problem is an :class:`~rtv_desktop.core.Issue` tagged with the path of the value, and
each accessor returns a usable placeholder after a problem, so one pass over a file finds
every problem at once.
"""

from __future__ import annotations

import math

from .issues import Issue
from .model import Uncertain


NOT_READ = float("nan")  # stands in for a number that could not be read: no range check trips on it


class Reader:
    """Collects :class:`Issue` s while values are read from parsed JSON."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def fail(self, path: str, message: str) -> None:
        self.issues.append(Issue(path, message))

    def mapping(self, data, path: str) -> dict:
        if isinstance(data, dict):
            return data
        self.fail(path, f"must be an object with named fields, not {kind_of(data)}")
        return {}

    def number(self, data: dict, key: str, path: str, default=None):
        """A finite number; ``default`` when absent (a problem if ``default`` is None)."""
        if key not in data:
            if default is None:
                self.fail(path, "is missing: enter a number")
                return NOT_READ
            return default
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(path, f"must be a number, not {kind_of(value)}")
            return NOT_READ
        try:
            number = float(value)
        except OverflowError:  # an integer with hundreds of digits
            self.fail(path, "is far too large to be a real figure: check the value")
            return NOT_READ
        if not math.isfinite(number):
            self.fail(path, "must be a finite number (not NaN or infinity)")
            return NOT_READ
        return number

    def integer(self, data: dict, key: str, path: str, default=None):
        raw = data.get(key)
        if isinstance(raw, int) and not isinstance(raw, bool):
            return raw  # exact: a float would round seeds above 2**53
        before = len(self.issues)
        value = self.number(data, key, path, default)
        if len(self.issues) > before:
            return 0  # an integer has no "not read" value; validation skips what could not be read
        if isinstance(value, int):
            return value
        if value != int(value):
            self.fail(path, f"must be a whole number, not {value:g}")
        return int(value)

    def text(self, data: dict, key: str, path: str, default=None) -> str:
        if key not in data:
            if default is None:
                self.fail(path, "is missing: enter some text")
                return ""
            return default
        value = data[key]
        if not isinstance(value, str):
            self.fail(path, f"must be text, not {kind_of(value)}")
            return str(value)
        return value

    def uncertain(self, data: dict, key: str, path: str, default: Uncertain | None = None) -> Uncertain:
        """A plain number (known exactly) or ``{central, low, high}``."""
        if key not in data:
            if default is None:
                self.fail(path, "is missing: enter a number or {central, low, high}")
                return Uncertain.fixed(NOT_READ)
            return default
        value = data[key]
        if isinstance(value, dict):
            if "central" not in value:
                self.fail(f"{path}.central", "is missing: a range needs central, low and high")
            central = self.number(value, "central", f"{path}.central", NOT_READ)
            low = self.number(value, "low", f"{path}.low", central)
            high = self.number(value, "high", f"{path}.high", central)
            return Uncertain(central, low, high)
        return Uncertain.fixed(self.number(data, key, path))


def kind_of(value) -> str:
    """What a JSON value is, in words ("text", "a list", "true/false")."""
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    return {str: "text", list: "a list", dict: "an object"}.get(type(value), type(value).__name__)
