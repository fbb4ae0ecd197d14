"""The Monte Carlo simulation is one state machine: idle, running, finished, cancelled.

Run while running does nothing; an edit never hides the last finished simulation, it is
labelled as made before the inputs changed; cancelling says so once.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel

from rtv_desktop.session import SimulationState
from rtv_desktop.ui.widgets.fields import NumberEdit

OUTDATED = "Inputs changed since this simulation"


def _iterations(window, count: int) -> None:
    window.findChild(NumberEdit, "settings.iterations").setValue(count)
    assert window.session.scenario.settings.iterations == count


def _finish_a_simulation(qtbot, window, count=2_000):
    _iterations(window, count)
    with qtbot.waitSignal(window.session.simulationChanged, timeout=30_000):
        assert window.compute.start_simulation()
    assert window.compute.state is SimulationState.FINISHED
    return window.session.simulation


def _messages(window) -> list[str]:
    said = []
    window.compute.message.connect(lambda text, _ms: said.append(text))
    return said


def test_run_while_running_does_nothing(qtbot, window):
    _iterations(window, 1_000_000)
    said = _messages(window)
    cancelled = []
    window.runner.simulationCancelled.connect(lambda run_id, text: cancelled.append(run_id))
    with qtbot.waitSignal(window.runner.progress, timeout=20_000):
        window.findChild(QAction, "action.simulate").trigger()
    running = window.runner._latest_sim
    assert window.compute.state is SimulationState.RUNNING
    assert not window.findChild(QAction, "action.simulate").isEnabled()
    window.findChild(QAction, "action.simulate").trigger()
    assert not window.compute.start_simulation()
    qtbot.wait(200)
    assert window.runner._latest_sim == running and cancelled == []
    with qtbot.waitSignal(window.runner.simulationCancelled, timeout=10_000):
        window.findChild(QAction, "action.cancel").trigger()
    qtbot.waitUntil(lambda: window.compute.state is SimulationState.CANCELLED, timeout=10_000)
    qtbot.wait(100)
    assert len([text for text in said if "cancelled" in text.lower()]) == 1
    assert window.findChild(QAction, "action.simulate").isEnabled()


def test_an_edit_after_a_run_keeps_the_simulation_labelled_out_of_date(qtbot, window):
    sim = _finish_a_simulation(qtbot, window)
    label = window.findChild(QLabel, "results.simulation_info")
    assert OUTDATED not in label.text() and "2,000 draws, seed" in label.text()
    window.findChild(NumberEdit, "area.population").setValue(400_000)
    assert window.session.simulation is sim and not window.session.simulation_current
    assert OUTDATED in label.text() and "2,000 draws" in label.text()
    assert not window.results_page.chart("histogram").showing_placeholder
    window.session.undo()  # back to the inputs it was run on: current again
    assert window.session.simulation_current and OUTDATED not in label.text()


def test_an_edit_during_a_run_lets_it_finish_and_labels_it(qtbot, window):
    _iterations(window, 150_000)
    said = _messages(window)
    with qtbot.waitSignal(window.runner.progress, timeout=20_000):
        assert window.compute.start_simulation()
    run_on = window.session.scenario
    window.session.set_document(replace(window.session.document, notes="edited while it ran"))
    with qtbot.waitSignal(window.session.simulationChanged, timeout=60_000) as finished:
        pass
    assert finished.args[0].scenario == run_on
    assert window.compute.state is SimulationState.FINISHED
    assert OUTDATED in window.findChild(QLabel, "results.simulation_info").text()
    assert not any("cancelled" in text.lower() for text in said)


def test_new_during_a_run_forgets_it(qtbot, window):
    _iterations(window, 1_000_000)
    with qtbot.waitSignal(window.runner.progress, timeout=20_000):
        assert window.compute.start_simulation()
    window.documents.new_document()
    assert window.compute.state is SimulationState.IDLE
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    assert window.session.simulation is None
    assert "No simulation run yet" in window.findChild(QLabel, "results.simulation_info").text()


def test_an_exported_workbook_never_carries_a_simulation_of_other_inputs(qtbot, window, tmp_path):
    _finish_a_simulation(qtbot, window)
    window.findChild(NumberEdit, "area.population").setValue(400_000)
    qtbot.waitUntil(lambda: window.session.results is not None, timeout=10_000)
    assert window.documents._workbook_contents()["simulation"] is None
