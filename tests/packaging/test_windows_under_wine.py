"""How the Windows-under-Wine check reports: every step timed, failures named, CI's exit code (no Wine needed)."""

from __future__ import annotations

import json

import pytest

from .conftest import load

windows_under_wine = load("windows_under_wine")
CheckFailed = load("windows_checks").CheckFailed


def test_steps_are_timed_and_a_failed_check_that_others_need_stops_the_run(tmp_path):
    report = windows_under_wine.Report()
    with report.step("build"):
        pass
    with report.step("tests", fatal=False):
        raise CheckFailed("2 tests failed")
    with pytest.raises(windows_under_wine.Stop), report.step("self-test"):
        raise CheckFailed("exit 3")
    assert list(report.seconds) == ["build", "tests", "self-test"]
    assert report.problems == ["tests: 2 tests failed", "self-test: exit 3"]
    assert report.summary().splitlines()[-1] == "windows: 1 passed, 2 failed"
    report.save(tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["problems"] == report.problems


def test_a_bug_in_the_check_itself_is_not_reported_as_a_windows_failure():
    report = windows_under_wine.Report()
    with pytest.raises(KeyError), report.step("build"):
        raise KeyError("summary")
    assert report.problems == []


def test_sizes_of_files_and_folders_in_mib(tmp_path):
    report = windows_under_wine.Report()
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "a.dll").write_bytes(bytes(3 * 2**20))
    (tmp_path / "setup.exe").write_bytes(bytes(2**19))
    report.size("one-folder app", tmp_path / "app")
    report.size("installer", tmp_path / "setup.exe")
    assert report.sizes_mib == {"one-folder app": 3.0, "installer": 0.5}
    assert "All Windows checks passed." in report.summary()


def test_the_cache_can_be_moved(monkeypatch, tmp_path):
    monkeypatch.setenv("RTV_WINDOWS_CACHE", str(tmp_path))
    assert windows_under_wine.default_cache() == tmp_path
