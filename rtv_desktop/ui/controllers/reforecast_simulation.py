"""Simulate re-forecast: the forecast and the re-forecast of one option drawn together, off the GUI
thread, as the runner does (:mod:`rtv_desktop.runner`): latest request wins, cancellable.

Both are simulated as two options of one document, so they share their draws (common random
numbers: the same intervention gets the same draws in both) and the difference between them is
what was observed, not chance. The session's own simulation is left alone.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QThreadPool, Signal

from ...core import SimulationCancelled, simulate
from ...runner import Job

log = logging.getLogger(__name__)
FORECAST, REFORECAST = "Forecast", "Re-forecast"


def paired_document(doc, again, k: int):
    """One document of two options: option ``k`` of ``doc`` (the forecast) and of ``again`` (the re-forecast)."""
    return replace(again, options=(replace(doc.options[k], name=FORECAST), replace(again.options[k], name=REFORECAST)),
                   comparator=None)


class ReforecastSimulation(QObject):
    """``start(doc, again, k)`` simulates; ``finished(run_id, SimulationResults)`` (forecast first),
    ``failed(run_id, message)``; ``busyChanged(bool)``."""

    finished = Signal(int, object)
    failed = Signal(int, str)
    busyChanged = Signal(bool)
    _ended = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # one running, one still stopping
        self._latest = 0
        self._cancel: threading.Event | None = None
        self.busy = False
        self._ended.connect(self._on_ended)

    def start(self, doc, again, k: int) -> int:
        self.cancel()
        self._latest += 1
        run_id, cancel = self._latest, threading.Event()
        self._cancel = cancel
        self._set_busy(True)
        paired = paired_document(doc, again, k)
        settings = doc.settings
        self._pool.start(Job(lambda: self._work(run_id, paired, settings.iterations, settings.seed, cancel)))
        return run_id

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.set()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        self.cancel()
        return self._pool.waitForDone(timeout_ms)

    def _work(self, run_id, paired, iterations, seed, cancel: threading.Event) -> None:
        try:
            sim = simulate(paired, iterations=iterations, seed=seed, cancelled=cancel.is_set)
            if run_id == self._latest and not cancel.is_set():
                self.finished.emit(run_id, sim)
        except SimulationCancelled:
            pass  # a newer request, or the document changed: nothing to say
        except Exception as exc:  # noqa: BLE001 - said to the user, logged with its traceback
            log.exception("re-forecast simulation failed")
            self.failed.emit(run_id, str(exc))
        finally:
            self._ended.emit(run_id)

    def _on_ended(self, run_id: int) -> None:
        if run_id == self._latest:
            self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        if busy != self.busy:
            self.busy = busy
            self.busyChanged.emit(busy)
