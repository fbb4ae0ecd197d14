"""Caps on what is read before any parser sees it, so a hostile file is refused fast.

A scenario file is tens of kilobytes and an RtV workbook a few hundred; anything far
larger, deeper or more compressed is not ours and is refused with a message that says
so, before ``json`` or ``openpyxl`` spend time or memory on it.

Standard library only; no Qt.
"""

from __future__ import annotations

import math
import zipfile
from pathlib import Path

from .. import messages
from .errors import InputFileError, Problem

MAX_JSON_BYTES = 20 * 1024 * 1024
# An RtV workbook is ~70 KB and unpacks to ~0.4 MB in ~40 parts. openpyxl reads ~5 MB of
# sheet XML a second, so 20 MB unpacked (room for pasted data and pictures) is read in
# about 4 s: the longest any workbook may keep a user waiting.
MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_WORKBOOK_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_WORKBOOK_MEMBERS = 2_000
# Spreadsheet XML compresses about 10:1; a zip bomb compresses thousands to one.
MAX_COMPRESSION_RATIO = 200
# Ratios only matter once a member is big enough to hurt.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# No scenario input comes near 10^19 (the largest is a random seed < 2^63); beyond it the
# model's products can overflow to infinity, so such numbers are refused as typing errors.
MAX_NUMBER_MAGNITUDE = 1e19
# A scenario of 50 interventions affecting every service holds a few thousand values.
MAX_JSON_VALUES = 200_000


def read_capped_bytes(path, cap: int) -> bytes:
    """Return the bytes of ``path``, refusing empty files and files larger than ``cap``.

    Never reads more than ``cap + 1`` bytes, so a file that grows while being read, or a
    device file that never ends, is still refused quickly.

    Raises
    ------
    InputFileError
        When the file is missing, a folder, unreadable, empty or too large.
    """
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(cap + 1)
    except FileNotFoundError:
        raise _refuse(path, messages.not_found_problem()) from None
    except IsADirectoryError:
        raise _refuse(path, messages.is_a_folder_problem()) from None
    except PermissionError:
        raise _refuse(path, messages.unreadable_problem("permission denied")) from None
    except OSError as exc:
        raise _refuse(path, messages.unreadable_problem(exc.strerror or str(exc))) from None
    if len(data) > cap:
        raise _refuse(path, messages.too_big_problem(cap))
    if not data.strip():
        raise _refuse(path, messages.empty_file_problem())
    return data


def number_problem(value) -> str | None:
    """Why ``value`` (a parsed int or float) is unusable as a model input, or None if it is fine."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and math.isnan(value):
        return messages.number_not_finite()
    if abs(value) > MAX_NUMBER_MAGNITUDE:
        return messages.number_too_large(value)
    return None


def check_zip_limits(path) -> None:
    """Refuse a workbook that is not a zip, or that would unpack to far too much.

    Checks the file size, the number of members, their total unpacked size and each
    member's compression ratio from the zip's directory, without unpacking anything.
    The declared sizes can be trusted as upper bounds: Python's ``zipfile`` stops reading
    a member at its declared size and fails its CRC check if the data disagree.

    Raises
    ------
    InputFileError
        With a message saying what is wrong and what to do.
    """
    path = Path(path)
    size = _file_size(path)
    if size > MAX_WORKBOOK_BYTES:
        raise _refuse(path, messages.too_big_problem(MAX_WORKBOOK_BYTES))
    if size == 0:
        raise _refuse(path, messages.empty_file_problem())
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception:  # noqa: BLE001 - zipfile raises many types (BadZipFile, NotImplementedError, struct.error)
        raise _refuse(path, messages.not_a_workbook_problem()) from None
    _check_members(path, members)


def _check_members(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_WORKBOOK_MEMBERS:
        raise _refuse(path, messages.workbook_too_complex_problem(f"it holds {len(members):,} parts"))
    total = sum(m.file_size for m in members)
    if total > MAX_WORKBOOK_UNPACKED_BYTES:
        raise _refuse(path, messages.workbook_too_complex_problem(f"it would unpack to {total / 1e6:,.0f} MB"))
    for member in members:
        if member.file_size < RATIO_CHECK_MIN_BYTES:
            continue
        ratio = member.file_size / max(member.compress_size, 1)
        if ratio > MAX_COMPRESSION_RATIO:
            raise _refuse(path, messages.workbook_too_complex_problem(
                f"its part '{member.filename}' is compressed {ratio:,.0f} to 1"))


def _file_size(path: Path) -> int:
    try:
        if path.is_dir():
            raise _refuse(path, messages.is_a_folder_problem())
        return path.stat().st_size
    except FileNotFoundError:
        raise _refuse(path, messages.not_found_problem()) from None
    except OSError as exc:
        raise _refuse(path, messages.unreadable_problem(exc.strerror or str(exc))) from None


def _refuse(path: Path, message: str) -> InputFileError:
    return InputFileError(path, [Problem("", message)], messages.cannot_open_summary(path))
