"""User-facing messages in one place: each says what happened, where, and what to do."""

from __future__ import annotations

import errno
from pathlib import Path


def save_failed(path: Path, exc: BaseException) -> str:
    """Why ``path`` could not be saved, and what to do about it."""
    where = f"'{path}'"
    if isinstance(exc, PermissionError):
        return (f"Could not save {where}: the file is open in another program (such as Excel) or the folder "
                "is read-only. Close the file or choose another folder, then save again. "
                "Your work is still open and the previous file is unchanged.")
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return (f"Could not save {where}: the disk is full. Free some space or save to another drive. "
                "Your work is still open and the previous file is unchanged.")
    if isinstance(exc, FileNotFoundError):
        return f"Could not save {where}: the folder does not exist. Choose another folder."
    return (f"Could not save {where}: {exc}. Try another folder. "
            "Your work is still open and the previous file is unchanged.")


def not_found(path: Path) -> str:
    return f"'{path}' does not exist. Check the name and folder."


def unknown_file_type(path: Path) -> str:
    return (f"'{path}' is not a file RtV Desktop can open: use a scenario file (.json) "
            "or an RtV workbook (.xlsx).")


def unexpected_error(log_path: str) -> str:
    return (f"Something went wrong that RtV Desktop did not expect. Details are in the log file:\n{log_path}\n"
            "Your last saved file is unchanged. Please send the log file to your support contact.")
