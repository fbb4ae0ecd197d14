"""Fixtures for driving the real main window by object names."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from rtv_desktop.app import create_window


def own_preferences(folder: Path) -> QSettings:
    """A preferences file of the test's own: a window never opens at the size, page or recent
    files another test left behind."""
    return QSettings(str(folder / "preferences.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, tmp_path):
    """Build wired main windows; each is closed (workers stopped) after the test.

    The windows of one test share a preferences file (so one can see what another saved)."""
    windows = []

    def build(scenario=None, wait_for_results: bool = True):
        window = create_window(scenario, settings=own_preferences(tmp_path))
        window.documents.ask_save_changes = lambda: "discard"
        qtbot.addWidget(window)
        windows.append(window)
        if wait_for_results:
            qtbot.waitUntil(lambda: window.session.results is not None, timeout=10_000)
        return window

    yield build
    for window in windows:
        window.runner.shutdown()


@pytest.fixture
def window(make_window):
    """The main window on the default scenario, with its first results shown."""
    return make_window()


@pytest.fixture(scope="module")
def shared_window(qapp, tmp_path_factory):
    """One main window on the default scenario for a module's tests that only look at it.

    Building a window costs most of a window test; tests that never edit the document, open a
    file or change what is selected share this one. A test that edits uses ``window``.
    """
    window = create_window(settings=own_preferences(tmp_path_factory.mktemp("shared-window")))
    window.documents.ask_save_changes = lambda: "discard"
    deadline = time.monotonic() + 10
    while window.session.results is None and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.005)
    assert window.session.results is not None, "the shared window computed no results"
    yield window
    window.runner.shutdown()
    window.close()
    window.deleteLater()
    qapp.processEvents()


def wait_for_results_of(qtbot, window, timeout: int = 10_000):
    """Wait until the session holds results of its current scenario."""
    session = window.session
    qtbot.waitUntil(lambda: session.results is not None and session.results.scenario == session.scenario,
                    timeout=timeout)
    QApplication.processEvents()
    return session.results
