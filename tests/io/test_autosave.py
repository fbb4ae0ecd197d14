"""Autosave and recovery: work left by a program that died is offered back, nothing else is."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from rtv_desktop import paths
from rtv_desktop.core import default_scenario
from rtv_desktop.io import InputFileError, SaveError
from rtv_desktop.io import atomic
from rtv_desktop.io import autosave as auto


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    monkeypatch.setenv("RTV_DESKTOP_HOME", str(tmp_path / "home"))
    return tmp_path


def edited(name="Edited this afternoon"):
    scenario = default_scenario()
    return replace(scenario, name=name, area=replace(scenario.area, population=123_456.0))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def as_if_written_by(file: Path, pid: int, with_marker: bool = True) -> Path:
    """Move this program's autosave (and marker) to another program's names."""
    moved = file.with_name(file.name.replace(f".{os.getpid()}.", f".{pid}."))
    file.rename(moved)
    if with_marker:
        auto.marker_file(pid).write_text(json.dumps({"pid": pid}))
    return moved


def test_autosave_writes_one_file_per_document_with_a_header(tmp_path):
    doc = tmp_path / "plan.json"
    first = auto.autosave(edited(), doc)
    second = auto.autosave(edited("Later"), doc)
    untitled = auto.autosave(edited(), None)
    assert first == second and first.parent == paths.autosave_dir()
    assert untitled.name.startswith("untitled.") and first.name != untitled.name
    header = json.loads(first.read_text())["autosave"]
    assert header["original_path"] == str(doc) and header["pid"] == os.getpid()
    assert header["app_version"] and header["saved_at"]


def test_document_key_is_stable_for_the_same_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert auto.document_key("plan.json") == auto.document_key(tmp_path / "plan.json")
    assert auto.document_key("plan.json") != auto.document_key("other.json")


def test_crashed_session_is_offered_and_restored_exactly(tmp_path):
    doc = tmp_path / "plan.json"
    auto.mark_session_started()
    file = auto.autosave(edited(), doc)
    pid = dead_pid()
    as_if_written_by(file, pid)
    auto.mark_session_started()  # the next start
    (recovery,) = auto.pending_recoveries()
    assert recovery.original_path == str(doc) and recovery.pid == pid and not recovery.problem
    assert str(doc) in recovery.message and "Restore" in recovery.message
    assert auto.restore(recovery).scenario(0) == edited()  # a scenario is autosaved as a document of one option
    assert auto.pending_recoveries() == []  # now this program's own autosave
    assert auto.autosave_file(doc).exists()


def test_restore_keeps_values_still_being_corrected(tmp_path):
    half_done = replace(default_scenario(), area=replace(default_scenario().area, adult_share=1.7))
    file = auto.autosave(half_done, None)
    as_if_written_by(file, dead_pid())
    (recovery,) = auto.pending_recoveries()
    assert auto.restore(recovery).area.adult_share == 1.7


def test_running_program_autosave_is_not_a_crash(tmp_path, running_pid):
    file = auto.autosave(edited(), tmp_path / "plan.json")
    as_if_written_by(file, running_pid)  # a live process with a marker
    assert auto.pending_recoveries() == []


def test_own_autosaves_are_not_offered(tmp_path):
    auto.mark_session_started()
    auto.autosave(edited(), tmp_path / "plan.json")
    assert auto.pending_recoveries() == []


def test_clean_exit_leaves_nothing_to_recover(tmp_path):
    auto.mark_session_started()
    auto.autosave(edited(), tmp_path / "plan.json")
    auto.autosave(edited(), None)
    auto.mark_clean_exit()
    assert list(paths.autosave_dir().iterdir()) == []


def test_discard_removes_the_recovery(tmp_path):
    file = auto.autosave(edited(), None)
    as_if_written_by(file, dead_pid())
    (recovery,) = auto.pending_recoveries()
    auto.discard(recovery)
    auto.discard(recovery)  # twice is harmless
    assert auto.pending_recoveries() == []


def test_clear_autosave_after_saving(tmp_path):
    doc = tmp_path / "plan.json"
    auto.autosave(edited(), doc)
    auto.clear_autosave(doc)
    auto.clear_autosave(doc)
    assert not auto.autosave_file(doc).exists()


def test_damaged_autosave_is_listed_for_discarding_only(tmp_path):
    file = auto.autosave(edited(), None)
    moved = as_if_written_by(file, dead_pid())
    moved.write_bytes(moved.read_bytes()[:100])
    (recovery,) = auto.pending_recoveries()
    assert recovery.problem and "could not be read" in recovery.message
    with pytest.raises(InputFileError):
        auto.restore(recovery)
    auto.discard(recovery)
    assert auto.pending_recoveries() == []


def test_newest_recovery_first(tmp_path):
    for name, stamp in (("a", "2026-01-01T10:00:00+00:00"), ("b", "2026-01-02T10:00:00+00:00")):
        file = auto.autosave(edited(), tmp_path / f"{name}.json")
        data = json.loads(file.read_text())
        data["autosave"]["saved_at"] = stamp
        file.write_text(json.dumps(data))
        as_if_written_by(file, dead_pid(), with_marker=False)
    assert [Path(r.original_path).name for r in auto.pending_recoveries()] == ["b.json", "a.json"]


def test_disk_full_autosave_raises_save_error_and_keeps_previous(tmp_path, monkeypatch):
    doc = tmp_path / "plan.json"
    file = auto.autosave(edited("First"), doc)
    before = file.read_bytes()

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", full)
    with pytest.raises(SaveError, match="disk is full"):
        auto.autosave(edited("Second"), doc)
    monkeypatch.undo()
    assert file.read_bytes() == before


def test_start_tidies_markers_of_finished_programs_with_nothing_left():
    gone = dead_pid()
    auto.marker_file(gone).write_text("{}")
    auto.mark_session_started()
    assert not auto.marker_file(gone).exists()
    assert auto.marker_file().exists()
    auto.mark_clean_exit()
    assert not auto.marker_file().exists()


def test_unrelated_files_in_the_folder_are_ignored():
    (paths.autosave_dir() / "notes.autosave.json").write_text("hello")
    (paths.autosave_dir() / "x.y.z.autosave.json").write_text("hello")
    assert auto.pending_recoveries() == []


def test_unwritable_home_never_stops_the_program(monkeypatch, caplog):
    def no_folder():
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(paths, "autosave_dir", no_folder)
    assert auto.mark_session_started() is None
    assert auto.pending_recoveries() == []
    auto.mark_clean_exit()
    with pytest.raises(SaveError, match="read-only"):
        auto.autosave(edited(), None)
    assert "crash recovery" in caplog.text
