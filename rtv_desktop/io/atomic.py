"""Atomic, backed-up file writes: a crash or a full disk never leaves half a file.

Every save goes to a temporary file in the target's folder (``.<name>.<pid>.<random>.tmp``),
is flushed to disk, and is renamed over the target in one step, so the target is always
either the old file or the new one. The old version is kept as ``<name>.bak``. Readers
open the target by name and never look at temporary files; a temporary file left by a
program that died part way is removed by the next save of the same file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

from ..messages import save_failed
from .errors import SaveError

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"
# Antivirus and indexers hold a just-written file for a moment on Windows: retry briefly.
REPLACE_ATTEMPTS = 3
REPLACE_RETRY_SECONDS = 0.05


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# Read once at import (os.umask can only be read by setting it, which is not thread-safe).
_UMASK = _current_umask()


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def temp_prefix(path: Path) -> str:
    """Start of the names of ``path``'s temporary files (the PID follows)."""
    return f".{path.name}."


def atomic_write(path, write: Callable[[Path], None], keep_backup: bool = True) -> Path:
    """Write ``path`` by calling ``write(temp_path)`` then renaming the temp file over it.

    The temporary file is in the same folder (so the rename is atomic), is flushed to
    disk before the rename, and is removed if anything fails. The previous version, if
    any, is first copied to ``<name>.bak``. The new file keeps the old one's permissions,
    and a symbolic link is saved through (the file it points at is replaced, not the link).

    Raises
    ------
    SaveError
        With a message that says what happened and what to do; the old file is intact.
        Any other exception from ``write`` propagates unchanged (a bug, to be logged),
        and the old file is intact then too.
    """
    path = Path(path)
    if path.is_symlink():  # save through a link to the file it points at, keeping the link
        path = Path(os.path.realpath(path))
    folder = path.parent if str(path.parent) else Path(".")
    remove_stale_temps(path)
    remove_stale_temps(backup_path(path))
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f"{temp_prefix(path)}{os.getpid()}.", suffix=TEMP_SUFFIX,
                                             dir=folder)
    except OSError as exc:
        raise SaveError(save_failed(path, exc)) from exc
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        _fsync(temp)
        _copy_mode(path, temp)
        if keep_backup and path.is_file():
            _copy_backup(path)
        _replace(temp, path)
        _fsync_folder(folder)
    except SaveError:
        raise
    except (OSError, ValueError) as exc:
        raise SaveError(save_failed(path, exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return path


def atomic_write_bytes(path, data: bytes, keep_backup: bool = True) -> Path:
    return atomic_write(path, lambda temp: temp.write_bytes(data), keep_backup)


def remove_stale_temps(path: Path) -> list[Path]:
    """Delete temporary files of ``path`` left by programs that are no longer running.

    Temporary files of running programs (including this one) are kept: they may be mid-save.
    Returns the files removed; problems removing them are ignored (they are only clutter).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = temp_prefix(path)
    removed = []
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            pid = _temp_owner(entry.name, prefix)
            if pid is None or pid == os.getpid() or process_alive(pid):
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    return removed


def _temp_owner(name: str, prefix: str) -> int | None:
    """The PID in a temporary file's name, or None if it is not one of ours."""
    if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
        return None
    pid_text = name[len(prefix):].split(".", 1)[0]
    return int(pid_text) if pid_text.isdigit() else None


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (never signals it, on any system)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: existence check only
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists but belongs to another user
    except OSError:
        return False
    return True


def _windows_process_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes  # noqa: PLC0415

    query_limited_information, still_active = 0x1000, 259
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        return bool(kernel32.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == still_active
    finally:
        kernel32.CloseHandle(handle)


def _replace(temp: Path, path: Path) -> None:
    for attempt in range(REPLACE_ATTEMPTS):
        try:
            os.replace(temp, path)
            return
        except PermissionError:
            if attempt == REPLACE_ATTEMPTS - 1:
                raise
            time.sleep(REPLACE_RETRY_SECONDS)


def _copy_mode(path: Path, temp: Path) -> None:
    # mkstemp makes the file private (0600); give it the old file's mode, or the usual one.
    try:
        mode = path.stat().st_mode & 0o7777
    except OSError:
        mode = 0o666 & ~_UMASK
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def _copy_backup(path: Path) -> None:
    backup = backup_path(path)
    handle, temp_name = tempfile.mkstemp(prefix=f"{temp_prefix(backup)}{os.getpid()}.", suffix=TEMP_SUFFIX,
                                         dir=path.parent)
    os.close(handle)
    try:
        shutil.copy2(path, temp_name)
        _replace(Path(temp_name), backup)
    finally:
        with contextlib.suppress(OSError):
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
    return isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))
