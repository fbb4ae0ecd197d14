"""Monte Carlo from the window: progress, seed passed through, cancel stops it."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar

from rtv_desktop.core import simulate
from rtv_desktop.ui.widgets.fields import NumberEdit


def test_simulation_runs_on_the_worker_with_the_settings_seed(qtbot, window):
    window.findChild(NumberEdit, "settings.iterations").setValue(2_000)
    seed_edit = window.findChild(QLineEdit, "settings.seed")
    seed_edit.setText("42")
    seed_edit.textEdited.emit("42")
    assert window.session.scenario.settings.seed == 42
    qtbot.waitUntil(lambda: window.compute.simulate.isEnabled())
    with qtbot.waitSignal(window.session.simulationChanged, timeout=20_000) as blocker:
        window.findChild(QAction, "action.simulate").trigger()
    sim = blocker.args[0]
    assert sim.seed == 42 and sim.iterations == 2_000
    expected = simulate(window.session.scenario, iterations=2_000, seed=42)
    assert sim.summary == expected.summary
    # The curves the Comparison page draws were worked out on the worker, not on the window's thread.
    assert "_acceptability" in vars(sim) and "_ceac" in vars(sim)
    assert "seed 42" in window.findChild(QLabel, "results.simulation_info").text()


def test_cancel_stops_a_long_simulation(qtbot, window):
    window.findChild(NumberEdit, "settings.iterations").setValue(1_000_000)
    progress = window.findChild(QProgressBar, "status.progress")
    with qtbot.waitSignal(window.runner.progress, timeout=20_000):
        window.findChild(QAction, "action.simulate").trigger()
    assert progress.isVisibleTo(window) and window.runner.busy
    with qtbot.waitSignal(window.runner.simulationCancelled, timeout=10_000) as blocker:
        window.findChild(QAction, "action.cancel").trigger()
    assert "cancelled after" in blocker.args[1]
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert not progress.isVisibleTo(window)
    assert window.session.simulation is None


