"""Atomic, backed-up file writes: a crash or a full disk never leaves half a file."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from pathlib import Path
from typing import Callable

from ..messages import save_failed
from .errors import SaveError

BACKUP_SUFFIX = ".bak"


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write(path, write: Callable[[Path], None], keep_backup: bool = True) -> Path:
    """Write ``path`` by calling ``write(temp_path)`` then renaming the temp file over it.

    The temporary file is in the same folder (so the rename is atomic), is flushed to
    disk before the rename, and is removed if anything fails. The previous version, if
    any, is first copied to ``<name>.bak``.

    Raises
    ------
    SaveError
        With a message that says what happened and what to do; the old file is intact.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(save_failed(path, exc)) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        _fsync(temp)
        if keep_backup and path.exists():
            _copy_backup(path)
        os.replace(temp, path)
        _fsync_folder(folder)
    except SaveError:
        raise
    except (OSError, ValueError) as exc:
        raise SaveError(save_failed(path, exc)) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return path


def atomic_write_bytes(path, data: bytes, keep_backup: bool = True) -> Path:
    return atomic_write(path, lambda temp: temp.write_bytes(data), keep_backup)


def _copy_backup(path: Path) -> None:
    backup = backup_path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f".{backup.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        shutil.copy2(path, temp_name)
        os.replace(temp_name, backup)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def is_disk_full(exc: BaseException) -> bool:
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
