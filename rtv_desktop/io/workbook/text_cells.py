"""Text typed by users, written to workbook cells so it can never become a formula.

openpyxl turns any string that starts with ``=`` into a formula, and Excel (or a CSV
export of the sheet) may act on text starting with ``+``, ``-``, ``@``, tab or CR.
:func:`write_text` stores the text as a string cell whatever it starts with, so a
scenario named ``=HYPERLINK(...)`` stays the words the user typed.

Cell text is XML, which cannot hold most control characters and turns a carriage return
into a line feed. Such characters are written with the spreadsheet escape ``_xHHHH_``
(which Excel decodes when it opens the file) and decoded again by :func:`read_text`, so
text survives a round trip unchanged. A literal ``_xHHHH_`` in the text is itself
escaped (``_x005F_`` for its underscore), as Excel does.
"""

from __future__ import annotations

import re

# Excel's limit on the characters one cell holds.
MAX_CELL_TEXT = 32_767

# Characters XML text cannot carry as they are (tab and line feed are fine).
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def escape_text(text: str) -> str:
    """``text`` with characters XML cannot carry written as ``_xHHHH_``."""
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def read_text(value) -> str:
    """The user's text from a cell value: ``None`` is empty, escapes are decoded."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def cell_text(text: str) -> str:
    """What a cell will hold for ``text``: escaped, then cut to Excel's limit."""
    return escape_text(text or "")[:MAX_CELL_TEXT]


def write_text(cell, text: str) -> None:
    """Store ``text`` in ``cell`` as a string, never as a formula.

    Parameters
    ----------
    cell : openpyxl.cell.Cell
    text : str
        Anything a user typed; text longer than Excel allows in a cell is cut (the
        workbook's hidden copy of the scenario keeps it whole).
    """
    value = cell_text(text)
    cell.value = value
    # Assigning a str starting with "=" makes openpyxl mark the cell as a formula.
    cell.data_type = "s"
