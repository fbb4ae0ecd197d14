"""Automatic saves and recovery after a crash (no Qt; the window drives it).

Intended calls from the window::

    from rtv_desktop.io import autosave as auto

    # At start, before the window opens:
    auto.mark_session_started()
    for recovery in auto.pending_recoveries():          # programs that did not close cleanly
        if not recovery.problem and ask_restore(recovery.message):   # Restore / Discard
            document = auto.restore(recovery)           # the file now belongs to this program
            open_document(document, recovery.original_path, dirty=True)
        else:                                           # a damaged one can only be discarded
            auto.discard(recovery)

    # Every minute (a QTimer), while the document has unsaved changes:
    try:
        auto.autosave(session.document, session.path)   # path None for an unsaved document
    except SaveError as exc:                            # e.g. disk full: say so in the status bar
        status_bar.showMessage(str(exc))

    # After the user saves (or closes a document without saving):
    auto.clear_autosave(old_path)                       # old_path None if it was untitled

    # On a clean exit:
    auto.mark_clean_exit()

Files live in :func:`rtv_desktop.paths.autosave_dir`: one ``session.<pid>.json`` marker
per running program (written at start, removed on clean exit) and one
``<key>.<pid>.autosave.json`` per open document, where ``key`` is a hash of the document's
path or ``untitled``. An autosave whose program is no longer running is pending recovery;
one whose program still runs (another window) is left alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__, messages, paths
from ..core import Document
from .atomic import atomic_write_bytes, process_alive
from .errors import InputFileError, Problem, SaveError
from .limits import MAX_JSON_BYTES, read_capped_bytes
from .scenario_json import decode_scenario_bytes, document_from_data, document_json_text, parse_json_text

log = logging.getLogger(__name__)
AUTOSAVE_SUFFIX = ".autosave.json"
MARKER_PREFIX = "session."
UNTITLED = "untitled"


@dataclass(frozen=True)
class Recovery:
    """An automatic save left by a program that did not close cleanly."""

    file: Path  # the autosave file itself
    original_path: str | None  # the document it was autosaved from; None if never saved
    saved_at: datetime  # when it was written (UTC)
    app_version: str
    pid: int  # the program that wrote it
    problem: str = ""  # set when the file cannot be read back: only discard is possible

    @property
    def original_label(self) -> str:
        return self.original_path or ""

    @property
    def saved_at_text(self) -> str:
        return self.saved_at.astimezone().strftime("%d %b %Y %H:%M")

    @property
    def message(self) -> str:
        if self.problem:
            return messages.recovery_unreadable(self.file)
        return messages.recovery_offer(self.original_label, self.saved_at_text)


def document_key(document_path) -> str:
    """``untitled``, or a short hash of the document's absolute path (same file, same key)."""
    if document_path is None:
        return UNTITLED
    normal = os.path.normcase(os.path.abspath(os.fspath(document_path)))
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def autosave_file(document_path, pid: int | None = None) -> Path:
    return paths.autosave_dir() / f"{document_key(document_path)}.{pid or os.getpid()}{AUTOSAVE_SUFFIX}"


def marker_file(pid: int | None = None) -> Path:
    return paths.autosave_dir() / f"{MARKER_PREFIX}{pid or os.getpid()}.json"


def autosave(document: Document, document_path=None) -> Path:
    """Write ``document`` atomically as this program's autosave of ``document_path``.

    Raises
    ------
    SaveError
        If it cannot be written (disk full, a value that cannot be stored); the previous
        autosave and the document in memory are unchanged.
    """
    try:
        target = autosave_file(document_path)
    except OSError as exc:  # the autosave folder cannot be made (read-only or full home folder)
        raise SaveError(messages.save_failed(paths.user_data_dir() / "autosave", exc)) from exc
    try:
        document_data = json.loads(document_json_text(document))
    except (ValueError, TypeError) as exc:
        raise SaveError(messages.cannot_store_value(target, exc)) from exc
    header = {
        "original_path": None if document_path is None else os.fspath(document_path),
        "saved_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "app_version": __version__,
        "pid": os.getpid(),
    }
    # ASCII escapes keep any file name (even one with undecodable bytes) writable.
    text = json.dumps({"autosave": header, "scenario": document_data}, ensure_ascii=True, indent=1)
    return atomic_write_bytes(target, text.encode("ascii"), keep_backup=False)


def clear_autosave(document_path=None) -> None:
    """Remove this program's autosave of ``document_path`` (after a save, or on closing it)."""
    with contextlib.suppress(OSError):
        autosave_file(document_path).unlink()


def mark_session_started() -> Path | None:
    """Record that this program is running; tidy markers of finished programs with nothing left.

    Never stops the program from starting: if the marker cannot be written (a read-only or
    full home folder) it logs why and returns None; autosaves then cannot be told apart
    from a crash's, so they are simply offered again next time.
    """
    try:
        return _write_marker()
    except (OSError, SaveError) as exc:
        log.warning("Could not record the session for crash recovery: %s", exc)
        return None


def _write_marker() -> Path:
    owners = {_pid_of(f) for f in _autosave_files()}
    for marker in paths.autosave_dir().glob(f"{MARKER_PREFIX}*.json"):
        pid = _marker_pid(marker)
        if pid is not None and pid != os.getpid() and pid not in owners and not process_alive(pid):
            with contextlib.suppress(OSError):
                marker.unlink()
    body = {"pid": os.getpid(), "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "app_version": __version__}
    return atomic_write_bytes(marker_file(), json.dumps(body).encode("utf-8"), keep_backup=False)


def mark_clean_exit() -> None:
    """Remove this program's autosaves, then its marker: nothing to recover next time."""
    try:
        files = _autosave_files()
    except OSError:
        files = []
    for file in files:
        if _pid_of(file) == os.getpid():
            with contextlib.suppress(OSError):
                file.unlink()
    with contextlib.suppress(OSError):
        marker_file().unlink()


def pending_recoveries() -> list[Recovery]:
    """Autosaves of programs that are no longer running, newest first (none if unreadable)."""
    found = []
    try:
        files = _autosave_files()
    except OSError as exc:
        log.warning("Could not look for automatic saves: %s", exc)
        return []
    for file in files:
        pid = _pid_of(file)
        if pid == os.getpid() or (marker_file(pid).exists() and process_alive(pid)):
            continue  # ours, or another window that is still open
        found.append(_describe(file, pid))
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def restore(recovery: Recovery) -> Document:
    """The autosaved document; its file now belongs to this program (offered again if it crashes).

    The document may hold values :func:`rtv_desktop.core.validate_document` flags: the user
    may have been part way through correcting them. Raises ``InputFileError`` if it cannot be
    read.
    """
    header, data = _read(recovery.file)
    document = document_from_data(data, recovery.file, check_ranges=False)
    adopted = autosave_file(header.get("original_path"))
    with contextlib.suppress(OSError):
        os.replace(recovery.file, adopted)
    return document


def discard(recovery: Recovery) -> None:
    """Delete an autosave the user does not want (missing already is fine)."""
    with contextlib.suppress(FileNotFoundError):
        recovery.file.unlink()


def _describe(file: Path, pid: int) -> Recovery:
    try:
        header, _ = _read(file)
    except InputFileError as exc:
        saved_at = _mtime(file)
        return Recovery(file, None, saved_at, "", pid, problem=str(exc))
    original = header.get("original_path")
    return Recovery(file, original if isinstance(original, str) else None, _when(header.get("saved_at"), file),
                    str(header.get("app_version", "")), pid)


def _read(file: Path) -> tuple[dict, dict]:
    data = parse_json_text(decode_scenario_bytes(read_capped_bytes(file, MAX_JSON_BYTES), file), file)
    if not (isinstance(data, dict) and isinstance(data.get("autosave"), dict)
            and isinstance(data.get("scenario"), dict)):
        raise InputFileError(file, [Problem("", messages.recovery_unreadable(file))])
    return data["autosave"], data["scenario"]


def _when(text, file: Path) -> datetime:
    try:
        when = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return _mtime(file)
    return when if when.tzinfo else when.replace(tzinfo=timezone.utc)


def _mtime(file: Path) -> datetime:
    try:
        return datetime.fromtimestamp(file.stat().st_mtime, timezone.utc)
    except OSError:
        return datetime.now(timezone.utc)


def _autosave_files() -> list[Path]:
    return [f for f in paths.autosave_dir().glob(f"*{AUTOSAVE_SUFFIX}") if _pid_of(f) > 0]


def _pid_of(file: Path) -> int:
    """The PID in ``<key>.<pid>.autosave.json``, or 0 if the name is not one of ours."""
    parts = file.name[: -len(AUTOSAVE_SUFFIX)].split(".")
    return int(parts[-1]) if len(parts) == 2 and parts[-1].isdigit() else 0


def _marker_pid(marker: Path) -> int | None:
    text = marker.name[len(MARKER_PREFIX): -len(".json")]
    return int(text) if text.isdigit() else None
