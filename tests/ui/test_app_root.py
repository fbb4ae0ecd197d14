"""The composition root: logging to the user's folder, and crashes reported, not silent."""

from __future__ import annotations

import logging
import sys
import threading
from dataclasses import replace

import pytest

from PySide6.QtWidgets import QApplication, QMessageBox

from rtv_desktop import app, paths
from rtv_desktop.core import default_scenario
from rtv_desktop.io import save_scenario


@pytest.fixture
def global_hooks(monkeypatch):
    """Undo what the composition root installs process-wide: log handlers and exception hooks."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_unexpected_errors_are_logged_and_shown_with_the_log_path(qtbot, monkeypatch, global_hooks):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    log_path = app.configure_logging()
    app.install_crash_handler()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert log_path == paths.log_file()
    assert "RuntimeError: boom in a slot" in log_path.read_text(encoding="utf-8")
    assert shown and str(log_path) in shown[0]


def test_the_window_opens_a_file_given_on_the_command_line(qtbot, monkeypatch, tmp_path, global_hooks):
    monkeypatch.setenv("RTV_DESKTOP_HOME", str(tmp_path / "home"))
    opened = []
    build = app.create_window

    def create_and_track(*args, **kwargs):
        window = build(*args, **kwargs)
        window.documents.ask_save_changes = lambda: "discard"
        qtbot.addWidget(window)
        opened.append(window)
        return window

    monkeypatch.setattr(app, "create_window", create_and_track)
    monkeypatch.setattr(QApplication, "exec", lambda *args: 0)  # return at once instead of looping
    scenario = replace(default_scenario(), name="From the command line")
    save_scenario(scenario, tmp_path / "given.json")
    with pytest.raises(SystemExit) as exit_info:
        app.main([str(tmp_path / "given.json")])
    assert exit_info.value.code == 0
    window = opened[0]
    assert window.isVisible() and window.session.scenario == scenario
    assert window.session.path == tmp_path / "given.json"
    assert not list((tmp_path / "home" / "autosave").glob("session.*.json"))  # clean exit recorded
    assert "started" in paths.log_file().read_text(encoding="utf-8")
