"""Files in and out: scenario JSON, Excel workbooks, area tables. No Qt here."""

from .errors import InputFileError, Problem, SaveError
from .files import export_document, load_document, load_scenario, save_document, save_scenario
from .scenario_json import read_document_json, read_scenario_json, write_scenario_json

__all__ = [
    "InputFileError",
    "Problem",
    "SaveError",
    "load_document",
    "load_scenario",
    "read_document_json",
    "export_document",
    "save_document",
    "save_scenario",
    "read_scenario_json",
    "write_scenario_json",
]
