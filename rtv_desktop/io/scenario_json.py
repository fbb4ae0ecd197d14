"""Scenario files (``.json``): the documented ``Scenario.to_dict`` form."""

from __future__ import annotations

import json
import math
from pathlib import Path

from ..core import Scenario, ScenarioFormatError, errors, validate
from .atomic import atomic_write_bytes
from .errors import InputFileError, Problem

# A scenario with 50 interventions is ~60 KB; anything far larger is not ours.
MAX_JSON_BYTES = 20 * 1024 * 1024


def field_problems(issues) -> list[Problem]:
    """Turn core ``Issue``s into located ``Problem``s."""
    return [Problem(f"field {i.field}", i.message, i.field) for i in issues]


def scenario_from_json_text(text: str, path="scenario") -> Scenario:
    """Parse and validate a scenario; raises ``InputFileError`` listing every problem."""
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputFileError(path, [Problem(f"line {exc.lineno}, column {exc.colno}",
                                            f"is not valid JSON ({exc.msg}). Fix the file or export it again.")],
                             f"'{path}' is not a valid scenario file") from None
    except ValueError as exc:
        raise InputFileError(path, [Problem("", str(exc))], f"'{path}' is not a valid scenario file") from None
    if not isinstance(data, dict) or data.get("format", "rtv-desktop-scenario") != "rtv-desktop-scenario":
        raise InputFileError(path, [Problem("", "is not an RtV Desktop scenario (expected an object with "
                                                "'area', 'settings', 'services' and 'interventions').")],
                             f"'{path}' is not a scenario file")
    try:
        scenario = Scenario.from_dict(data)
    except ScenarioFormatError as exc:
        raise InputFileError(path, field_problems(exc.issues), f"'{path}' has problems") from None
    problems = errors(validate(scenario))
    if problems:
        raise InputFileError(path, field_problems(problems), f"'{path}' has values out of range")
    return scenario


def _reject_constant(name: str):
    raise ValueError(f"contains {name}, which is not a number: use a finite number")


def read_scenario_json(path) -> Scenario:
    """Read a scenario file; raises ``InputFileError`` with every problem."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_JSON_BYTES:
            raise InputFileError(path, [Problem("", f"is {size / 1e6:.0f} MB; a scenario file is far smaller. "
                                                    "Check you chose the right file.")])
        with open(path, "rb") as handle:
            raw = handle.read(MAX_JSON_BYTES + 1)
        text = raw.decode("utf-8-sig")
    except FileNotFoundError:
        raise InputFileError(path, [Problem("", "does not exist. Check the name and folder.")]) from None
    except UnicodeDecodeError:
        raise InputFileError(path, [Problem("", "is not a text (UTF-8) scenario file.")]) from None
    except OSError as exc:
        raise InputFileError(path, [Problem("", f"could not be read ({exc.strerror or exc}).")]) from None
    return scenario_from_json_text(text, path)


def scenario_json_text(scenario: Scenario) -> str:
    data = scenario.to_dict()
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False, default=_finite) + "\n"


def _finite(value):
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("a scenario value is not a finite number")
    raise TypeError(f"cannot write {type(value).__name__} to a scenario file")


def write_scenario_json(scenario: Scenario, path) -> Path:
    """Write ``scenario`` atomically (temp file, fsync, rename; old version kept as .bak)."""
    return atomic_write_bytes(path, scenario_json_text(scenario).encode("utf-8"))
