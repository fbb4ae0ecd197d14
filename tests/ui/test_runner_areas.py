"""The all-areas job on the worker: the io run's rows, latest wins, throttled progress, cancel."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QApplication

from rtv_desktop.core import default_document
from rtv_desktop.io.areas.run import run_all_areas
from rtv_desktop.runner import PROGRESS_INTERVAL_S, ComputeRunner


@pytest.fixture
def runner(qtbot):
    worker = ComputeRunner()
    yield worker
    worker.shutdown()


def test_the_job_returns_the_all_areas_rows(qtbot, runner):
    doc = default_document()
    with qtbot.waitSignal(runner.areasReady, timeout=20_000) as blocker:
        run_id = runner.run_areas(doc, "icb")
    assert blocker.args[0] == run_id
    assert blocker.args[1].rows == run_all_areas(doc, "icb").rows
    qtbot.waitUntil(lambda: not runner.areas_busy)


def test_only_the_latest_request_is_reported(qtbot, runner):
    received = []
    runner.areasReady.connect(lambda run_id, table: received.append((run_id, table.level)))
    first = runner.run_areas(default_document(), "utla", iterations=2_000, seed=1)
    last = runner.run_areas(default_document(), "icb")
    qtbot.waitUntil(lambda: bool(received), timeout=30_000)
    runner.shutdown()
    QApplication.processEvents()
    assert first != last and received == [(last, "icb")]


def test_progress_is_throttled_and_ends_with_the_total(qtbot, runner):
    reports = []
    runner.areasProgress.connect(lambda _id, done, total: reports.append(done))
    started = time.monotonic()
    with qtbot.waitSignal(runner.areasReady, timeout=60_000):
        runner.run_areas(default_document(), "utla", iterations=1_000, seed=2)
    elapsed = time.monotonic() - started  # at least as long as the worker took
    QApplication.processEvents()
    assert reports[-1] == 153 and reports == sorted(reports)
    assert len(reports) < 153  # not one signal per area
    # At most one report per interval, plus the first and the last, however late they arrive.
    assert len(reports) <= elapsed / PROGRESS_INTERVAL_S + 2


def test_cancel_stops_between_areas(qtbot, runner):
    with qtbot.waitSignal(runner.areasProgress, timeout=60_000):
        runner.run_areas(default_document(), "utla", iterations=5_000, seed=3)
    assert runner.areas_busy
    with qtbot.waitSignal(runner.areasCancelled, timeout=20_000) as blocker:
        runner.cancel_areas()
    assert blocker.args[1].startswith("cancelled after")
    qtbot.waitUntil(lambda: not runner.areas_busy)
