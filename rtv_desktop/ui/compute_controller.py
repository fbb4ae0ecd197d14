"""Keeps results in step with the scenario: live deterministic runs and Monte Carlo on demand.

Edits restart a 150 ms debounce; then the runner computes ``run`` and ``tornado`` on a
worker thread and the results page shows them. An invalid scenario is not computed: the
results are marked stale with the number of problems. ``action.simulate`` starts a
Monte Carlo run of ``settings.iterations`` draws with ``settings.seed``; the status bar
shows its progress and a Cancel button (``action.cancel``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QStatusBar

from ..core import errors
from ..runner import ComputeRunner
from ..session import Session

log = logging.getLogger(__name__)
DEBOUNCE_MS = 150


class ComputeController(QObject):
    """Wires session, runner, results page and status bar; owns the simulate/cancel actions."""

    message = Signal(str, int)  # text, milliseconds to show it (0 = until replaced)
    firstResults = Signal()

    def __init__(self, session: Session, runner: ComputeRunner, results_page, status: QStatusBar, parent=None):
        super().__init__(parent)
        self.session, self.runner, self.page = session, runner, results_page
        self._had_results = False
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.compute_now)
        self.simulate = QAction("Run &Monte Carlo simulation", self)
        self.simulate.setObjectName("action.simulate")
        self.simulate.setShortcut(QKeySequence("Ctrl+R"))
        self.simulate.setStatusTip("Draw every uncertain input from its range (settings: iterations, seed)")
        self.simulate.triggered.connect(self.start_simulation)
        self.cancel = QAction("&Cancel simulation", self)
        self.cancel.setObjectName("action.cancel")
        self.cancel.setShortcut(QKeySequence("Esc"))
        self.cancel.setEnabled(False)
        self.cancel.triggered.connect(runner.cancel)
        self._build_status(status)
        session.scenarioChanged.connect(self._on_scenario_changed)
        session.simulationChanged.connect(results_page.show_simulation)
        runner.resultsReady.connect(self._on_results)
        runner.simulationReady.connect(self._on_simulation)
        runner.progress.connect(self._on_progress)
        runner.simulationCancelled.connect(self._on_cancelled)
        runner.failed.connect(self._on_failed)
        runner.busyChanged.connect(self._on_busy)

    def _build_status(self, status: QStatusBar) -> None:
        self.progress = QProgressBar()
        self.progress.setObjectName("status.progress")
        self.progress.setAccessibleName("Simulation progress")
        self.progress.setFixedWidth(220)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setObjectName("status.cancel")
        self.cancel_button.setToolTip("Stop the simulation (Esc)")
        self.cancel_button.clicked.connect(self.cancel.trigger)
        self.cancel_button.hide()
        self.simulation_label = QLabel()
        self.simulation_label.setObjectName("status.simulation")
        # Keep their space while hidden: showing them must not resize the window's contents,
        # which would re-lay out and repaint every chart while the simulation starts.
        for widget in (self.progress, self.cancel_button):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        status.addPermanentWidget(self.simulation_label)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    # -- deterministic -------------------------------------------------------------------------
    def start(self) -> None:
        """Compute the opening scenario at once (no debounce)."""
        self._on_scenario_changed(self.session.scenario, debounce=False)

    def _on_scenario_changed(self, scenario, debounce: bool = True) -> None:
        if self.runner.busy:
            self.runner.cancel()
            self.message.emit("Simulation cancelled: the scenario changed", 5000)
        if self.session.simulation is None:
            self.simulation_label.clear()
        problems = errors(self.session.issues)
        if problems:
            self._debounce.stop()
            noun = "problem" if len(problems) == 1 else "problems"
            self.page.set_stale(True, f"the scenario has {len(problems)} {noun}; fix the highlighted fields")
            self.simulate.setEnabled(False)
            return
        self.simulate.setEnabled(True)
        if debounce:
            self._debounce.start()
        else:
            self.compute_now()

    def compute_now(self) -> None:
        if self.session.is_runnable():
            self.runner.submit(self.session.scenario)

    def _on_results(self, _run_id, scenario, results, rows) -> None:
        if not self.session.set_results(scenario, results, rows):
            return  # the scenario has moved on; a newer run is on its way
        self.page.show_results(results)
        self.page.show_tornado(rows)
        self.page.set_stale(False)
        if not self._had_results:
            self._had_results = True
            self.firstResults.emit()

    # -- Monte Carlo ------------------------------------------------------------------------------
    def start_simulation(self) -> bool:
        if not self.session.is_runnable():
            self.message.emit("Fix the problems listed before running a simulation", 5000)
            return False
        settings = self.session.scenario.settings
        self.runner.simulate(self.session.scenario, settings.iterations, settings.seed)
        self.progress.setRange(0, settings.iterations)
        self.progress.setValue(0)
        self.message.emit(f"Simulating {settings.iterations:,} draws (seed {settings.seed})...", 0)
        return True

    def _on_progress(self, _run_id, done, total) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _on_simulation(self, _run_id, sim) -> None:
        if self.session.set_simulation(sim):
            self.simulation_label.setText(f"Monte Carlo: {sim.iterations:,} draws, seed {sim.seed}")
            self.message.emit(f"Simulation finished: {sim.iterations:,} draws, seed {sim.seed}", 5000)

    def _on_cancelled(self, _run_id, text) -> None:
        self.message.emit(f"Simulation {text}", 5000)

    def _on_failed(self, _run_id, text) -> None:
        log.warning("computation failed: %s", text)
        self.message.emit(f"Calculation failed: {text.splitlines()[0] if text else ''}", 8000)

    def _on_busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.cancel.setEnabled(busy)
        if busy:
            self.simulation_label.clear()
