"""Files in and out: scenario JSON, Excel workbooks, area tables. No Qt here."""

from .errors import InputFileError, Problem, SaveError
from .files import load_scenario, save_scenario
from .scenario_json import read_scenario_json, write_scenario_json

__all__ = [
    "InputFileError",
    "Problem",
    "SaveError",
    "load_scenario",
    "save_scenario",
    "read_scenario_json",
    "write_scenario_json",
]
