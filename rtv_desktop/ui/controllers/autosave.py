"""Nothing lost: an automatic save every minute while there are unsaved changes, and an
offer to restore it after a crash (files and rules in :mod:`rtv_desktop.io.autosave`)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ...io import InputFileError, SaveError
from ...io import autosave as auto
from ...session import Session

log = logging.getLogger(__name__)
AUTOSAVE_INTERVAL_MS = 60_000


class AutosaveController(QObject):
    """Writes the session's document to the autosave folder while it has unsaved changes."""

    message = Signal(str)  # why an automatic save failed (for the status bar)

    def __init__(self, session: Session, parent: QObject | None = None, interval_ms: int = AUTOSAVE_INTERVAL_MS):
        super().__init__(parent)
        self.session = session
        self._document_path = session.path
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.save_now)
        self._timer.start()
        session.pathChanged.connect(self._on_path_changed)
        session.dirtyChanged.connect(self._on_dirty_changed)

    def save_now(self) -> Path | None:
        """Autosave now if there are unsaved changes; returns the file written, if any."""
        if not self.session.dirty:
            return None
        try:
            return auto.autosave(self.session.document, self.session.path)
        except SaveError as exc:
            self.message.emit(str(exc))
            return None

    def _on_dirty_changed(self, dirty: bool) -> None:
        if not dirty:  # saved, or undone back to what is saved: nothing to recover
            auto.clear_autosave(self.session.path)

    def _on_path_changed(self, path) -> None:
        auto.clear_autosave(self._document_path)  # the previous document was saved or let go
        self._document_path = path


def recover_documents(session: Session, ask: Callable[[str], bool]) -> bool:
    """Offer autosaves left by a crash; restore the first one accepted into ``session``.

    ``ask(message)`` returns True to restore. Declined and unreadable autosaves are
    discarded; any left after a restore are offered again at the next start.
    """
    for recovery in auto.pending_recoveries():
        if recovery.problem or not ask(recovery.message):
            if recovery.problem:
                log.warning("discarding unreadable autosave %s: %s", recovery.file, recovery.problem)
            auto.discard(recovery)
            continue
        try:
            document = auto.restore(recovery)
        except InputFileError as exc:
            log.warning("could not restore %s: %s", recovery.file, exc)
            auto.discard(recovery)
            continue
        original = Path(recovery.original_path) if recovery.original_path else None
        session.replace_document(document, original, saved=False)
        if session.path != original:  # a workbook is never a save path: the work is covered as untitled
            auto.clear_autosave(original)
        try:  # replacing the document cleared the old autosave: keep the restored work covered at once
            auto.autosave(document, session.path)
        except SaveError as exc:
            log.warning("could not re-save the restored autosave: %s", exc)
        return True
    return False
