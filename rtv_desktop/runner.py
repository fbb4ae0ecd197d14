"""Runs valuations off the GUI thread: latest request wins, cancellable, throttled progress.

QtCore only. Two kinds of job run on a private :class:`QThreadPool`:

- ``submit(document, option)``: every option's deterministic run (``compare``) plus both
  tornados of the open option (a few milliseconds); results of any request older than the
  latest are dropped by run id.
- ``simulate(document, iterations, seed)``: the Monte Carlo run of every option; a new request (or
  :meth:`ComputeRunner.cancel`) cancels the one in progress through the core's
  cooperative ``cancelled`` callback, polled between chunks of draws.
- ``run_areas(document, level, iterations, seed)``: every option in every bundled area of a
  level (:func:`rtv_desktop.io.areas.run.run_all_areas`), optionally with draws per area;
  latest wins, and :meth:`ComputeRunner.cancel_areas` stops it between areas.

Signals are emitted from worker threads on a QObject that lives in the GUI thread, so
Qt queues them: slots always run in the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from .core import Document, InvalidScenario, SimulationCancelled, compare, simulate, tornados
from .io.areas.run import run_all_areas

log = logging.getLogger(__name__)
PROGRESS_INTERVAL_S = 0.1  # at most ~10 progress updates a second reach the GUI
# Smaller chunks than the core's default keep each GIL-holding step short, so the
# GUI thread's event loop never waits long; the answer does not depend on chunk size.
SIMULATION_CHUNK = 2_048


class Job(QRunnable):
    """``work()`` run once on a pool thread."""

    def __init__(self, work):
        super().__init__()
        self._work = work
        self.setAutoDelete(True)

    def run(self) -> None:  # runs in a pool thread
        self._work()


class ComputeRunner(QObject):
    """Latest-wins, cancellable valuation worker.

    Signals
    -------
    resultsReady(int run_id, Document, Comparison, dict[str, list[TornadoRow]], int option)
    simulationReady(int run_id, SimulationResults)
    progress(int run_id, int done, int total)
        Throttled to ~10 a second (the last one always arrives).
    simulationCancelled(int run_id, str message)
    failed(int run_id, str message)
        An unexpected error (logged with its traceback).
    busyChanged(bool)
        True while a simulation is running.
    areasReady(int run_id, AreaTableRun)
    areasProgress(int run_id, int done, int total)
        Areas done (throttled like ``progress``).
    areasCancelled(int run_id, str message), areasFailed(int run_id, str message)
    areasBusyChanged(bool)
        True while an all-areas run is in progress.
    """

    resultsReady = Signal(int, object, object, object, int)
    simulationReady = Signal(int, object)
    progress = Signal(int, int, int)
    simulationCancelled = Signal(int, str)
    failed = Signal(int, str)
    busyChanged = Signal(bool)
    areasReady = Signal(int, object)
    areasProgress = Signal(int, int, int)
    areasCancelled = Signal(int, str)
    areasFailed = Signal(int, str)
    areasBusyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)  # quick runs, a simulation, all areas, one still cancelling
        self._latest_run = 0
        self._latest_sim = 0
        self._sim_cancel: threading.Event | None = None
        self._next_id = 0
        self._busy = False
        # Queued from worker threads; filtered here so stale results never reach the GUI.
        self._rawResults.connect(self._on_raw_results)
        self._rawSimulation.connect(self._on_raw_simulation)
        self._rawSimEnded.connect(self._on_sim_ended)
        self._rawProgress.connect(self._on_raw_progress)
        self._latest_areas = 0
        self._areas_cancel: threading.Event | None = None
        self._areas_busy = False
        self._rawAreas.connect(self._on_raw_areas)
        self._rawAreasProgress.connect(self._on_raw_areas_progress)
        self._rawAreasEnded.connect(self._on_areas_ended)

    _rawAreas = Signal(int, object)
    _rawAreasProgress = Signal(int, int, int)
    _rawAreasEnded = Signal(int)
    _rawResults = Signal(int, object, object, object, int)
    _rawSimulation = Signal(int, object)
    _rawSimEnded = Signal(int)
    _rawProgress = Signal(int, int, int)

    # -- public API --------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while a simulation is running."""
        return self._busy

    def submit(self, document: Document, option: int = 0) -> int:
        """Queue a deterministic run of every option of ``document`` (and the tornados of ``option``);
        returns its run id."""
        run_id = self._new_id()
        self._latest_run = run_id
        self._pool.start(Job(lambda: self._deterministic(run_id, document, option)))
        return run_id

    def simulate(self, document: Document, iterations: int, seed: int) -> int:
        """Start a Monte Carlo run of every option (cancelling any in progress); returns its run id."""
        self.cancel()
        run_id = self._new_id()
        self._latest_sim = run_id
        cancel = threading.Event()
        self._sim_cancel = cancel
        self._set_busy(True)
        self._pool.start(Job(lambda: self._simulation(run_id, document, iterations, seed, cancel)))
        return run_id

    def cancel(self) -> None:
        """Ask the running simulation to stop at its next chunk."""
        if self._sim_cancel is not None:
            self._sim_cancel.set()

    @property
    def areas_busy(self) -> bool:
        """True while an all-areas run is in progress."""
        return self._areas_busy

    def run_areas(self, document: Document, level: str, iterations: int | None = None,
                  seed: int | None = None) -> int:
        """Start a run of every option in every area of ``level`` ("icb" or "utla"), with
        ``iterations`` draws per area if given (cancelling any all-areas run in progress)."""
        self.cancel_areas()
        run_id = self._new_id()
        self._latest_areas = run_id
        cancel = threading.Event()
        self._areas_cancel = cancel
        self._set_areas_busy(True)
        self._pool.start(Job(lambda: self._areas(run_id, document, level, iterations, seed, cancel)))
        return run_id

    def cancel_areas(self) -> None:
        """Ask the all-areas run in progress to stop before its next area."""
        if self._areas_cancel is not None:
            self._areas_cancel.set()

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancel and wait for the workers (call before the application quits)."""
        self.cancel()
        self.cancel_areas()
        return self._pool.waitForDone(timeout_ms)

    # -- worker side (pool threads) -----------------------------------------------------
    def _deterministic(self, run_id: int, document: Document, option: int) -> None:
        if run_id != self._latest_run:
            return  # a newer request is already queued
        try:
            comparison = compare(document)
            rows = tornados(document.scenario(option))
        except InvalidScenario as exc:
            self.failed.emit(run_id, str(exc))
            return
        except Exception:  # noqa: BLE001 - reported to the user, logged with traceback
            log.exception("deterministic run failed")
            self.failed.emit(run_id, traceback.format_exc(limit=1))
            return
        self._rawResults.emit(run_id, document, comparison, rows, option)

    def _simulation(self, run_id, document, iterations, seed, cancel: threading.Event) -> None:
        report = _throttled(lambda done, total: self._rawProgress.emit(run_id, done, total))
        try:
            sim = simulate(document, iterations=iterations, seed=seed, progress=report,
                           cancelled=cancel.is_set, chunk_size=SIMULATION_CHUNK)
            sim.acceptability  # worked out here, on the worker, not when the chart first draws
            sim.ceac
            self._rawSimulation.emit(run_id, sim)
        except SimulationCancelled as exc:
            self.simulationCancelled.emit(run_id, str(exc))
        except Exception as exc:  # noqa: BLE001
            log.exception("simulation failed")
            self.failed.emit(run_id, str(exc))
        finally:
            self._rawSimEnded.emit(run_id)

    def _areas(self, run_id, document, level, iterations, seed, cancel: threading.Event) -> None:
        report = _throttled(lambda done, total: self._rawAreasProgress.emit(run_id, done, total))
        try:
            if cancel.is_set():
                raise SimulationCancelled("cancelled before it started")
            table = run_all_areas(document, level, iterations=iterations, seed=seed, progress=report,
                                  cancelled=cancel.is_set)
            self._rawAreas.emit(run_id, table)
        except SimulationCancelled as exc:
            self.areasCancelled.emit(run_id, str(exc))
        except InvalidScenario as exc:
            self.areasFailed.emit(run_id, str(exc))
        except Exception as exc:  # noqa: BLE001 - reported to the user, logged with traceback
            log.exception("all-areas run failed")
            self.areasFailed.emit(run_id, str(exc))
        finally:
            self._rawAreasEnded.emit(run_id)

    # -- GUI side -----------------------------------------------------------------------
    def _on_raw_results(self, run_id, document, comparison, rows, option) -> None:
        if run_id == self._latest_run:
            self.resultsReady.emit(run_id, document, comparison, rows, option)

    def _on_raw_simulation(self, run_id, sim) -> None:
        if run_id == self._latest_sim:
            self.simulationReady.emit(run_id, sim)

    def _on_raw_progress(self, run_id, done, total) -> None:
        if run_id == self._latest_sim:
            self.progress.emit(run_id, done, total)

    def _on_sim_ended(self, run_id) -> None:
        if run_id == self._latest_sim:
            self._sim_cancel = None
            self._set_busy(False)

    def _on_raw_areas(self, run_id, table) -> None:
        if run_id == self._latest_areas:
            self.areasReady.emit(run_id, table)

    def _on_raw_areas_progress(self, run_id, done, total) -> None:
        if run_id == self._latest_areas:
            self.areasProgress.emit(run_id, done, total)

    def _on_areas_ended(self, run_id) -> None:
        if run_id == self._latest_areas:
            self._areas_cancel = None
            self._set_areas_busy(False)

    def _set_areas_busy(self, busy: bool) -> None:
        if busy != self._areas_busy:
            self._areas_busy = busy
            self.areasBusyChanged.emit(busy)

    def _new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)


def _throttled(emit):
    """A ``progress(done, total)`` callback passing on at most ~10 calls a second (and always the last)."""
    last = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - last[0] >= PROGRESS_INTERVAL_S:
            last[0] = now
            emit(done, total)

    return report
