"""The worker: latest request wins, cancel is cooperative, progress is throttled."""

from __future__ import annotations

import time
from dataclasses import replace

import pytest
from PySide6.QtWidgets import QApplication

from rtv_desktop.core import Document, default_scenario, run
from rtv_desktop.runner import PROGRESS_INTERVAL_S, ComputeRunner


@pytest.fixture
def runner(qtbot):
    worker = ComputeRunner()
    yield worker
    worker.shutdown()


def document_with_population(population: float) -> Document:
    s = default_scenario()
    return Document.from_scenario(replace(s, area=replace(s.area, population=population)))


def example() -> Document:
    return Document.from_scenario(default_scenario())


def test_only_the_latest_request_is_reported(qtbot, runner):
    received = []
    runner.resultsReady.connect(lambda run_id, document, comparison, rows, option: received.append((run_id, document)))
    ids = [runner.submit(document_with_population(p)) for p in (1e5, 2e5, 3e5, 4e5)]
    qtbot.waitUntil(lambda: bool(received), timeout=10_000)
    runner.shutdown()
    QApplication.processEvents()
    assert [run_id for run_id, _ in received] == [ids[-1]]
    assert received[0][1].area.population == 4e5


def test_results_are_the_cores(qtbot, runner):
    document = document_with_population(123_456)
    with qtbot.waitSignal(runner.resultsReady, timeout=10_000) as blocker:
        runner.submit(document)
    assert blocker.args[2].options[0].summary == run(document.scenario(0)).summary  # every option compared
    assert set(blocker.args[3]) == {"npv_social", "npv_fiscal"} and blocker.args[3]["npv_social"]  # tornados
    assert blocker.args[4] == 0  # of the option open


def test_cancel_stops_two_million_draws(qtbot, runner):
    with qtbot.waitSignal(runner.progress, timeout=20_000):
        runner.simulate(example(), 2_000_000, 1)
    started = time.monotonic()
    with qtbot.waitSignal(runner.simulationCancelled, timeout=10_000) as blocker:
        runner.cancel()
    assert time.monotonic() - started < 2.0
    done = int(blocker.args[1].split("after ")[1].split(" of")[0].replace(",", ""))
    assert done < 2_000_000
    qtbot.waitUntil(lambda: not runner.busy)


def test_progress_is_throttled_and_ends_at_the_total(qtbot, runner):
    reports = []
    runner.progress.connect(lambda run_id, done, total: reports.append((time.monotonic(), done, total)))
    started = time.monotonic()
    with qtbot.waitSignal(runner.simulationReady, timeout=30_000):
        runner.simulate(example(), 100_000, 3)
    elapsed = time.monotonic() - started
    qtbot.waitUntil(lambda: reports and reports[-1][1] == 100_000)
    chunks = -(-100_000 // 8_192)
    assert len(reports) <= min(chunks, elapsed / PROGRESS_INTERVAL_S + 2)
    assert [r[1] for r in reports] == sorted(r[1] for r in reports)


def test_a_new_simulation_replaces_the_running_one(qtbot, runner):
    finished = []
    runner.simulationReady.connect(lambda run_id, sim: finished.append((run_id, sim)))
    runner.simulate(example(), 1_000_000, 1)
    second = runner.simulate(example(), 1_000, 7)
    qtbot.waitUntil(lambda: bool(finished), timeout=20_000)
    runner.shutdown()
    QApplication.processEvents()
    assert [run_id for run_id, _ in finished] == [second]
    assert finished[0][1].seed == 7
