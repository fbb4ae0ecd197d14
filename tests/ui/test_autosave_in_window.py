"""Unsaved work is autosaved while dirty, cleared once saved, and offered back after a crash."""

from __future__ import annotations

import json
from dataclasses import replace


from rtv_desktop.core import default_scenario
from rtv_desktop.io import autosave as auto
from rtv_desktop.session import Session
from rtv_desktop.ui.controllers.autosave import recover_documents
from rtv_desktop.ui.widgets.fields import NumberEdit


def test_autosave_only_while_dirty_and_cleared_after_saving(qtbot, window, tmp_path):
    assert window.autosave.save_now() is None  # nothing unsaved yet
    window.findChild(NumberEdit, "area.population").setValue(432_100)
    written = window.autosave.save_now()
    assert written == auto.autosave_file(None) and written.exists()
    saved = json.loads(written.read_text(encoding="ascii"))
    assert saved["scenario"]["area"]["population"] == 432_100
    assert window.documents.save_to(tmp_path / "doc.json")
    assert not written.exists()
    window.findChild(NumberEdit, "area.population").setValue(432_200)
    second = window.autosave.save_now()
    assert second == auto.autosave_file(tmp_path / "doc.json")
    window.session.undo()  # back to what is saved: nothing to recover
    assert not second.exists()


def test_a_crashed_runs_autosave_is_offered_and_restored(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("RTV_DESKTOP_HOME", str(tmp_path / "home"))
    edited = replace(default_scenario(), area=replace(default_scenario().area, population=777_777.0))
    dead_pid = 2**22 + 12345  # no such process
    crashed = auto.autosave_file(tmp_path / "lost.json", pid=dead_pid)
    body = {"autosave": {"original_path": str(tmp_path / "lost.json"), "saved_at": "2026-11-22T20:00:00+00:00",
                         "app_version": "0.1.0", "pid": dead_pid},
            "scenario": json.loads(json.dumps(edited.to_dict()))}
    crashed.write_text(json.dumps(body), encoding="ascii")
    asked = []
    session = Session()
    assert recover_documents(session, lambda text: asked.append(text) or True)
    assert session.scenario == edited and session.dirty
    assert session.path == tmp_path / "lost.json"
    assert "lost.json" in asked[0]
    assert not crashed.exists()
    assert auto.autosave_file(tmp_path / "lost.json").exists()  # now this run's, offered again if it crashes


def test_declined_recoveries_are_discarded(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv("RTV_DESKTOP_HOME", str(tmp_path / "home"))
    dead_pid = 2**22 + 54321
    crashed = auto.autosave_file(None, pid=dead_pid)
    body = {"autosave": {"original_path": None, "saved_at": "2026-11-22T20:00:00+00:00", "app_version": "0.1.0",
                         "pid": dead_pid}, "scenario": default_scenario().to_dict()}
    crashed.write_text(json.dumps(body), encoding="ascii")
    session = Session()
    assert not recover_documents(session, lambda text: False)
    assert not crashed.exists() and session.scenario == default_scenario()


def test_a_restored_untitled_document_stays_covered_by_an_autosave(qtbot, tmp_path, monkeypatch):
    from rtv_desktop.ui.controllers.autosave import AutosaveController

    monkeypatch.setenv("RTV_DESKTOP_HOME", str(tmp_path / "home"))
    edited = replace(default_scenario(), name="Never saved")
    dead_pid = 2**22 + 777
    crashed = auto.autosave_file(None, pid=dead_pid)
    body = {"autosave": {"original_path": None, "saved_at": "2026-11-22T20:00:00+00:00", "app_version": "0.1.0",
                         "pid": dead_pid}, "scenario": edited.to_dict()}
    crashed.write_text(json.dumps(body), encoding="ascii")
    session = Session()
    controller = AutosaveController(session)  # as in the window: clears autosaves when the document changes
    assert recover_documents(session, lambda text: True)
    mine = auto.autosave_file(None)
    assert mine.exists() and json.loads(mine.read_text(encoding="ascii"))["scenario"]["name"] == "Never saved"
    controller.deleteLater()
