"""`rtv-desktop WORDS`: an unknown command or a missing file answers on stderr, exit 2, no window."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from rtv_desktop import cli
from rtv_desktop.core import default_scenario
from rtv_desktop.io import InputFileError, load_scenario, write_scenario_json


def _start(args, cwd, timeout=60):
    # Offscreen, a window would never close by itself: a hang (timeout) means a window was opened.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "rtv_desktop", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd, env=env)


@pytest.mark.parametrize("args, expected", [
    (["reports", "x.json", "y.pdf"], "'reports' is not a command"),
    (["nosuchfile.json"], "does not exist"),
    (["frobnicate"], "'frobnicate' is not a command"),
])
def test_unknown_commands_and_missing_files_answer_without_a_window(tmp_path, args, expected):
    done = _start(args, tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], done.stderr
    assert done.stdout == ""


def test_window_argument_problem_accepts_only_one_existing_scenario_or_workbook(tmp_path):
    scenario = tmp_path / "mine.json"
    write_scenario_json(default_scenario(), scenario)
    assert cli.window_argument_problem([]) is None
    assert cli.window_argument_problem([str(scenario)]) is None
    assert "folder" in cli.window_argument_problem([str(tmp_path)])
    (tmp_path / "notes.txt").write_text("hello")
    assert "not a file RtV Desktop can open" in cli.window_argument_problem([str(tmp_path / "notes.txt")])
    assert "one file at a time" in cli.window_argument_problem([str(scenario), str(scenario)])


@pytest.mark.parametrize("suffix", [".ods", ".xls"])
def test_other_spreadsheets_are_told_to_save_as_xlsx(tmp_path, capsys, suffix):
    sheet = tmp_path / f"finance{suffix}"
    sheet.write_bytes(b"PK\x03\x04 not really")
    assert "save it as an Excel workbook (.xlsx) and open that" in cli.window_argument_problem([str(sheet)])
    with pytest.raises(InputFileError, match=r"save it as an Excel workbook \(\.xlsx\) and open that"):
        load_scenario(sheet)
    assert cli.main(["check", str(sheet)]) == 2
    assert "save it as an Excel workbook (.xlsx)" in capsys.readouterr().err
