"""Atomic saves: a locked file, a read-only folder or a full disk never cost the old file."""

from __future__ import annotations

import builtins
import errno
import io
import os
import stat
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from rtv_desktop.core import default_scenario
from rtv_desktop.io import SaveError, read_scenario_json, write_scenario_json
from rtv_desktop.io import atomic
from rtv_desktop.io.atomic import atomic_write, atomic_write_bytes, backup_path, process_alive, remove_stale_temps

LOCKED = PermissionError(errno.EACCES, "Permission denied")
FULL = OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def saved(tmp_path) -> Path:
    return write_scenario_json(default_scenario(), tmp_path / "plan.json")


def raiser(error: BaseException):
    """A stand-in for a system call that fails with ``error``."""
    def fail(*args, **kwargs):
        raise error
    return fail


def changed_scenario():
    return replace(default_scenario(), name="Changed since the last save")


def assert_old_file_intact(path: Path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert read_scenario_json(path) == default_scenario()
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_save_replaces_the_file_and_keeps_a_backup(saved):
    before = saved.read_bytes()
    write_scenario_json(changed_scenario(), saved)
    assert read_scenario_json(saved).name == "Changed since the last save"
    assert backup_path(saved).read_bytes() == before
    assert sorted(p.name for p in saved.parent.iterdir()) == ["plan.json", "plan.json.bak"]


def test_new_file_gets_ordinary_permissions(tmp_path):
    path = atomic_write_bytes(tmp_path / "new.txt", b"x")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~atomic._UMASK


@pytest.mark.skipif(sys.platform == "win32", reason="Windows files have a read-only flag, not permission bits")
def test_old_file_keeps_its_own_permissions(tmp_path):
    path = atomic_write_bytes(tmp_path / "new.txt", b"x")
    os.chmod(path, 0o640)
    atomic_write_bytes(path, b"y")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


@pytest.mark.parametrize("error", [LOCKED, FULL], ids=["locked", "disk-full"])
def test_rename_failure_keeps_old_file_and_scenario(saved, monkeypatch, error):
    before = saved.read_bytes()
    scenario = changed_scenario()
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)

    monkeypatch.setattr(atomic.os, "replace", raiser(error))
    with pytest.raises(SaveError) as info:
        write_scenario_json(scenario, saved)
    monkeypatch.undo()
    assert str(saved) in str(info.value) and "previous file is unchanged" in str(info.value)
    assert_old_file_intact(saved, before)
    assert scenario.name == "Changed since the last save"


def test_locked_file_message_names_excel_and_what_to_do(saved, monkeypatch):
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)
    monkeypatch.setattr(atomic.os, "replace", raiser(LOCKED))
    with pytest.raises(SaveError, match="open in another program \\(such as Excel\\).*Close the file"):
        write_scenario_json(changed_scenario(), saved)


def test_lock_released_after_a_moment_still_saves(saved, monkeypatch):
    calls = []
    real_replace = os.replace
    monkeypatch.setattr(atomic.time, "sleep", lambda seconds: None)

    def briefly_locked(src, dst):
        calls.append(dst)
        if len(calls) == 1:
            raise LOCKED
        real_replace(src, dst)

    monkeypatch.setattr(atomic.os, "replace", briefly_locked)
    write_scenario_json(changed_scenario(), saved)
    assert read_scenario_json(saved).name == "Changed since the last save"


def test_read_only_folder_refuses_the_temp_file(saved, monkeypatch):
    before = saved.read_bytes()
    monkeypatch.setattr(atomic.tempfile, "mkstemp", raiser(LOCKED))
    with pytest.raises(SaveError, match="read-only"):
        write_scenario_json(changed_scenario(), saved)
    monkeypatch.undo()
    assert_old_file_intact(saved, before)


def test_disk_full_while_writing_keeps_old_file(saved):
    before = saved.read_bytes()

    def half_then_full(temp: Path) -> None:
        temp.write_bytes(b'{"name": "half')
        raise FULL

    with pytest.raises(SaveError, match="disk is full.*Free some space"):
        atomic_write(saved, half_then_full)
    assert_old_file_intact(saved, before)


def test_disk_full_during_backup_keeps_old_file(saved, monkeypatch):
    before = saved.read_bytes()
    monkeypatch.setattr(atomic.shutil, "copy2", raiser(FULL))
    with pytest.raises(SaveError, match="disk is full"):
        write_scenario_json(changed_scenario(), saved)
    monkeypatch.undo()
    assert_old_file_intact(saved, before)


def test_failing_flush_keeps_old_file(saved, monkeypatch):
    before = saved.read_bytes()
    monkeypatch.setattr(atomic.os, "fsync", raiser(OSError(errno.EIO, "I/O error")))
    with pytest.raises(SaveError, match="I/O error"):
        write_scenario_json(changed_scenario(), saved)
    monkeypatch.undo()
    assert_old_file_intact(saved, before)


def test_missing_folder_says_so(tmp_path):
    with pytest.raises(SaveError, match="folder does not exist"):
        write_scenario_json(default_scenario(), tmp_path / "gone" / "plan.json")


def test_file_missing_inside_the_writer_is_named_not_blamed_on_the_folder(saved):
    before = saved.read_bytes()

    def needs_a_template(temp: Path) -> None:
        (saved.parent / "templates" / "footer.xml").read_bytes()

    with pytest.raises(SaveError) as caught:
        atomic_write(saved, needs_a_template)
    assert "folder does not exist" not in str(caught.value)
    assert "footer.xml" in str(caught.value)
    assert_old_file_intact(saved, before)


def test_unexpected_error_in_writer_propagates_and_cleans_up(saved):
    before = saved.read_bytes()

    def buggy(temp: Path) -> None:
        temp.write_bytes(b"partial")
        raise KeyError("bug")

    with pytest.raises(KeyError):
        atomic_write(saved, buggy)
    assert_old_file_intact(saved, before)


def test_stale_temp_of_a_dead_program_is_removed_by_the_next_save(saved, running_pid):
    dead_pid = _dead_pid()
    stale = saved.parent / f".plan.json.{dead_pid}.abcd1234.tmp"
    stale.write_bytes(b'{"half a file')
    live = saved.parent / f".plan.json.{running_pid}.efgh5678.tmp"  # a running program's save
    live.write_bytes(b"in progress")
    other = saved.parent / f".other.json.{dead_pid}.ijkl.tmp"  # another document's temp: not ours
    other.write_bytes(b"x")
    assert read_scenario_json(saved) == default_scenario()  # readers ignore temps
    write_scenario_json(changed_scenario(), saved)
    assert not stale.exists()
    assert live.exists() and other.exists()


def test_remove_stale_temps_ignores_unrelated_names(tmp_path):
    target = tmp_path / "a.json"
    for name in (".a.json.notapid.tmp", ".a.json.12.tmpx", "a.json.99.tmp"):
        (tmp_path / name).write_bytes(b"")
    assert remove_stale_temps(target) == []
    assert len(list(tmp_path.iterdir())) == 3


def test_process_alive():
    assert process_alive(os.getpid())
    assert not process_alive(_dead_pid())
    assert not process_alive(0)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_save_in_current_folder_by_bare_name(tmp_path, monkeypatch):
    folder = tmp_path
    monkeypatch.chdir(folder)
    atomic_write_bytes("bare.txt", b"one")
    atomic_write_bytes("bare.txt", b"two")
    assert Path(folder, "bare.txt").read_bytes() == b"two"
    assert Path(folder, "bare.txt.bak").read_bytes() == b"one"


def test_saving_through_a_link_replaces_the_file_it_points_at(saved):
    link = saved.parent / "shortcut.json"
    try:
        link.symlink_to(saved)
    except OSError as exc:  # Windows allows links only in Developer Mode or to administrators
        pytest.skip(f"cannot make a symbolic link here: {exc}")
    if not link.is_symlink():
        pytest.skip("this system makes no real symbolic links (Wine)")
    write_scenario_json(changed_scenario(), link)
    assert link.is_symlink()
    assert read_scenario_json(saved).name == "Changed since the last save"


def test_temp_file_that_cannot_be_opened_keeps_old_file(saved, monkeypatch):
    before = saved.read_bytes()
    real_open = io.open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith(".tmp"):
            raise LOCKED  # e.g. antivirus holding the new file
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(builtins, "open", guarded_open)
    with pytest.raises(SaveError, match="Close the file or choose another folder"):
        write_scenario_json(changed_scenario(), saved)
    monkeypatch.undo()
    assert_old_file_intact(saved, before)
