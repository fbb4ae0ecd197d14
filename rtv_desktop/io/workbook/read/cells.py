"""Reading input cells: typed values, or a problem naming the sheet and cell.

Every value read is recorded with its scenario path and cell, so problems the core's
``validate`` finds later can be reported at the right cell too. Values the user left
unchanged take their exact exported value back from the hidden copy of the scenario
(a cell holds a number to 16 significant digits and at most 32,767 characters of text).
"""

from __future__ import annotations

import datetime as dt
import math

from ...errors import Problem
from ..text_cells import cell_text, read_text

SPREADSHEET_ERRORS = ("#REF!", "#NAME?", "#VALUE!", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!",
                      "#GETTING_DATA", "Err:")
# Numbers beyond this are typing errors (the largest input is a seed below 2^63).
MAX_MAGNITUDE = 1e19


def where_text(sheet: str, coordinate: str | None = None) -> str:
    return f"sheet '{sheet}', cell {coordinate}" if coordinate else f"sheet '{sheet}'"


def _as_cell_number(value) -> float:
    """The number a workbook cell holds for ``value`` (openpyxl writes 16 significant digits)."""
    return float("%.16g" % value)


def _error_text(value) -> str | None:
    if isinstance(value, str) and value.strip().startswith(SPREADSHEET_ERRORS):
        return value.strip()
    return None


class CellReader:
    """Typed access to input cells that records problems instead of raising.

    Parameters
    ----------
    exported : dict
        The exported scenario by path (:func:`workbook_changes.flatten`), or empty.
    """

    def __init__(self, exported: dict | None = None) -> None:
        self.problems: list[Problem] = []
        self.locations: dict[str, tuple[str, str]] = {}
        self.exported = exported or {}

    def fail(self, sheet: str, coordinate: str | None, message: str, path: str = "") -> None:
        self.problems.append(Problem(where_text(sheet, coordinate), message, path))

    def _raw(self, cell, path: str, sheet: str, numeric: bool = False):
        """The cell's value after the checks common to every kind; ``...`` when unusable.

        A cell holding a formula error is refused; so is error-like text where a number
        belongs (a name may start with "#N/A" and be meant).
        """
        self.locations[path] = (sheet, cell.coordinate)
        value = cell.value
        error = value if cell.data_type == "e" else _error_text(value) if numeric else None
        if error is not None:
            self.fail(sheet, cell.coordinate, f"holds a formula that gives an error ({error}): type the value "
                                              "itself, or fix the formula", path)
            return ...
        return value

    def text(self, cell, path: str, sheet: str, default: str | None = None) -> str:
        """Text from a cell (numbers become text); blank gives ``default`` or a problem."""
        value = self._raw(cell, path, sheet)
        if value is ...:
            return ""
        if value is None or value == "":
            if default is None:
                self.fail(sheet, cell.coordinate, "is blank: type the text", path)
                return ""
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        exported = self.exported.get(path)
        if isinstance(exported, str) and isinstance(value, str) and cell_text(exported) == value:
            return exported
        return read_text(value)

    def number(self, cell, path: str, sheet: str, required: bool = True, integer: bool = False):
        """A number from a cell, or ``None`` when blank (a problem too if ``required``)."""
        value = self._raw(cell, path, sheet, numeric=True)
        if value is ...:
            return None
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(sheet, cell.coordinate, "is blank: enter a number", path)
            return None
        if integer and isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 19:
            return int(value.strip())  # digits typed (or written) as text stay exact
        number = self._to_number(value, cell.coordinate, path, sheet)
        if number is None:
            return None
        exported = self.exported.get(path)
        if isinstance(exported, (int, float)) and not isinstance(exported, bool) and \
                _as_cell_number(exported) == number:
            number = exported
        if integer:
            if number != int(number):
                self.fail(sheet, cell.coordinate, f"must be a whole number; it is {number:g}", path)
                return None
            return int(number)
        return float(number)

    def _to_number(self, value, coordinate: str, path: str, sheet: str):
        if isinstance(value, bool):
            self.fail(sheet, coordinate, f"must be a number, not {str(value).upper()}", path)
            return None
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            self.fail(sheet, coordinate, "must be a number, not a date or time: format the cell as a number "
                                         "and type the value again", path)
            return None
        if isinstance(value, str):
            value = _parse_number_text(value)
            if value is None:
                self.fail(sheet, coordinate, "must be a number; it holds text. Type a number such as 0.05 "
                                             "(no words or units)", path)
                return None
        if not math.isfinite(value) or abs(value) > MAX_MAGNITUDE:
            self.fail(sheet, coordinate, f"is not a usable number ({value:g}): check for a typing error", path)
            return None
        return value


def _parse_number_text(text: str) -> float | None:
    """A number typed as text: '1,000', '£350', '5%' (= 0.05); ``None`` if it is not one."""
    cleaned = text.strip().replace(",", "").replace("£", "")
    scale = 1.0
    if cleaned.endswith("%"):
        cleaned, scale = cleaned[:-1].strip(), 0.01
    if len(cleaned) > 40:
        return None
    try:
        return float(cleaned) * scale
    except ValueError:
        return None
