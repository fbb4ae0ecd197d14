"""Keeps results in step with the document: live deterministic runs and Monte Carlo on demand.

Edits restart a 150 ms debounce; then the runner values every option (``compare``) and the
open option's tornados on a worker thread, and the results page shows them. An invalid
document (including text typed that is not a number) is not computed: the results are marked
out of date with the number of problems.

The Monte Carlo simulation is one state machine (:class:`SimulationState`):

- ``IDLE`` (none yet) / ``FINISHED`` / ``CANCELLED`` --Run--> ``RUNNING``; Run while
  ``RUNNING`` does nothing (the action is disabled and a stray trigger is ignored).
- ``RUNNING`` --done--> ``FINISHED``; --Cancel--> ``CANCELLED`` (said once, in the status
  bar); --failed--> back to ``FINISHED`` or ``IDLE``.
- Edits never cancel or hide a simulation: the last finished one stays on screen, labelled
  "inputs changed since this simulation" until it is run again (or the edit is undone).
- New and Open cancel a running simulation and return to ``IDLE``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressBar, QPushButton, QStatusBar

from ...core import errors
from ...runner import ComputeRunner
from ...session import Session, SimulationState
from ...core.text import format_count

log = logging.getLogger(__name__)
DEBOUNCE_MS = 150
OUTDATED = "Inputs changed since this simulation \u2014 run again (Ctrl+R)."


class ComputeController(QObject):
    """Wires session, runner, results page and status bar; owns the simulate/cancel actions."""

    message = Signal(str, int)  # text, milliseconds to show it (0 = until replaced)
    firstResults = Signal()
    stateChanged = Signal(object)  # SimulationState

    def __init__(self, session: Session, runner: ComputeRunner, results_page, status: QStatusBar, parent=None):
        super().__init__(parent)
        self.session, self.runner, self.page = session, runner, results_page
        self._had_results = False
        self.state = SimulationState.IDLE
        self._run = None  # (run id, document id, iterations, seed) of the simulation running
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
        self.cancel.triggered.connect(self.cancel_simulation)
        self._build_status(status)
        session.optionChanged.connect(self._on_option_changed)
        session.issuesChanged.connect(lambda _issues: self._schedule())
        session.simulationChanged.connect(self._on_session_simulation)
        session.documentChanged.connect(self._on_document_changed)
        runner.resultsReady.connect(self._on_results)
        runner.simulationReady.connect(self._on_simulation)
        runner.progress.connect(self._on_progress)
        runner.simulationCancelled.connect(self._on_cancelled)
        runner.failed.connect(self._on_failed)
        self._document_id = session.document_id
        self._shown_option: str | None = None  # the option whose part of the simulation is shown

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
        # Keep their space while hidden: showing them must not resize the window's contents,
        # which would re-lay out and repaint every chart while the simulation starts.
        for widget in (self.progress, self.cancel_button):
            policy = widget.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            widget.setSizePolicy(policy)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)

    # -- deterministic -------------------------------------------------------------------------
    def start(self) -> None:
        """Compute the opening document at once (no debounce)."""
        self._schedule(debounce=False)

    def _schedule(self, debounce: bool = True) -> None:
        """Compute soon if the scenario is valid; otherwise mark the results out of date."""
        problems = errors(self.session.issues)
        self._update_actions()
        if problems:
            self._debounce.stop()
            noun = "problem" if len(problems) == 1 else "problems"
            self.page.set_stale(True, f"the scenario has {len(problems)} {noun}; fix the highlighted fields")
            return
        if debounce:
            self._debounce.start()
        else:
            self.compute_now()

    def compute_now(self) -> None:
        if self.session.is_runnable():
            self.runner.submit(self.session.document, self.session.option)

    def _on_results(self, _run_id, document, comparison, rows, option) -> None:
        if not self.session.is_runnable() or not self.session.set_results(document, comparison, rows, option):
            return  # the document has moved on (or has a typing problem); a newer run follows
        if self.session.tornados is None:
            self._schedule(debounce=False)  # another option was opened meanwhile: its tornado follows
        self.page.show_results(self.session.results)
        self.page.show_tornado(self.session.tornado)
        self.page.set_stale(False)
        if not self._had_results:
            self._had_results = True
            self.firstResults.emit()

    # -- Monte Carlo ------------------------------------------------------------------------------
    def start_simulation(self) -> bool:
        """Run a simulation of the scenario as it is; does nothing while one is running."""
        if self.state is SimulationState.RUNNING:
            return False
        if not self.session.is_runnable():
            self.message.emit("Fix the problems listed before running a simulation", 5000)
            return False
        settings = self.session.document.settings
        run_id = self.runner.simulate(self.session.document, settings.iterations, settings.seed)
        self._run = (run_id, self.session.document_id, settings.iterations, settings.seed)
        self.progress.setRange(0, settings.iterations)
        self.progress.setValue(0)
        self._set_state(SimulationState.RUNNING)
        self.message.emit(f"Simulating {format_count(settings.iterations)} draws (seed {settings.seed})...", 0)
        return True

    def cancel_simulation(self) -> None:
        if self.state is SimulationState.RUNNING:
            self.runner.cancel()

    def _is_ours(self, run_id) -> bool:
        return self._run is not None and self._run[0] == run_id

    def _on_progress(self, run_id, done, total) -> None:
        if self._is_ours(run_id):
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_simulation(self, run_id, sim) -> None:
        if not self._is_ours(run_id):
            return
        document = self._run[1]
        self._run = None
        if self.session.set_simulation(sim, document):
            self._set_state(SimulationState.FINISHED)
            self.message.emit(f"Simulation finished: {format_count(sim.iterations)} draws, seed {sim.seed}", 5000)
        else:
            self._set_state(SimulationState.IDLE)

    def _on_cancelled(self, run_id, text) -> None:
        if not self._is_ours(run_id):
            return
        self._run = None
        self._set_state(SimulationState.CANCELLED)
        kept = " The last finished simulation is still shown." if self.session.simulation is not None else ""
        self.message.emit(f"Simulation {text}.{kept}", 8000)

    def _on_failed(self, run_id, text) -> None:
        log.warning("computation failed: %s", text)
        if self._is_ours(run_id):
            self._run = None
            self._set_state(SimulationState.FINISHED if self.session.simulation else SimulationState.IDLE)
        self.message.emit(f"Calculation failed: {text.splitlines()[0] if text else ''}", 8000)

    def _on_session_simulation(self, sim) -> None:
        self._shown_option = self.session.document.options[self.session.option].name
        self.page.show_simulation(sim, self.session.option, self._shown_option)  # the open option's part
        self._show_simulation_note()

    def _on_document_changed(self, document) -> None:
        # An option deleted, moved or renamed: the open option's part of the run is found by name again.
        if self.session.simulation is not None and document.options[self.session.option].name != self._shown_option:
            self._on_session_simulation(self.session.simulation)
        if self.session.document_id != self._document_id:  # New or Open
            self._document_id = self.session.document_id
            if self.state is SimulationState.RUNNING:
                self.runner.cancel()
                self._run = None  # its end (cancelled) belongs to the document let go
            self._set_state(SimulationState.IDLE)
        self._show_simulation_note()
        self._schedule()

    def _on_option_changed(self, _k) -> None:
        self._schedule(debounce=False)
        if self.session.simulation is not None:
            self._on_session_simulation(self.session.simulation)

    # -- state --------------------------------------------------------------------------------------
    def _set_state(self, state: SimulationState) -> None:
        running = state is SimulationState.RUNNING
        self.progress.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel.setEnabled(running)
        changed = state is not self.state
        self.state = state
        self._update_actions()
        self._show_simulation_note()
        if changed:
            self.stateChanged.emit(state)

    def _update_actions(self) -> None:
        self.simulate.setEnabled(self.state is not SimulationState.RUNNING and self.session.is_runnable())

    def _show_simulation_note(self) -> None:
        """The Uncertainty tab's one line about the simulation shown: what it is, or why not current."""
        sim, state = self.session.simulation, self.state
        if state is SimulationState.RUNNING and self._run is not None:
            _run_id, _doc, iterations, seed = self._run
            shown = " Showing the last finished simulation until it is done." if sim is not None else ""
            self.page.set_simulation_note(f"Simulating {format_count(iterations)} draws (seed {seed})...{shown}")
        elif sim is not None and not self.session.simulation_current:
            self.page.set_simulation_note(OUTDATED, outdated=True)
        elif sim is None and state is SimulationState.CANCELLED:
            self.page.set_simulation_note("Simulation cancelled before it finished. Run one with Ctrl+R.")
        else:
            self.page.set_simulation_note(None)  # the page's own caption of the simulation shown
