"""The Linux one-folder build, end to end: build it (or reuse a fresh one) and start the program.

PyInstaller reports success even when the app package is missing, so every check here runs
the frozen program itself. Windows builds are made by the release workflow on a Windows runner.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import subprocess
import sys

import pytest

from rtv_desktop.core import default_scenario, run

from .conftest import load

pytestmark = [pytest.mark.slow, pytest.mark.packaging]
build = load("build")
APP_DIR = build.release_info.APP_DIST_DIR


@pytest.fixture(scope="module")
def program():
    """The frozen program, rebuilt only when a source file is newer than the last build."""
    build.ensure_built()
    program = build.frozen_program()
    assert program.is_file(), f"PyInstaller did not produce {program}"
    return program


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def start(program, *args, home, **kwargs) -> subprocess.CompletedProcess:
    env = build.isolated_env(home)
    return subprocess.run([str(program), *args], env=env, check=False, capture_output=True, text=True, timeout=300, **kwargs)


def same_numbers(left, right) -> bool:
    if isinstance(left, float) and isinstance(right, float) and math.isnan(left):
        return math.isnan(right)
    return left == right


def test_frozen_program_reports_its_version(program, home):
    done = start(program, "--version", home=home)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"RtV Desktop {build.release_info.version()}"


def test_headless_run_gives_the_cores_numbers(program, home, tmp_path):
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(default_scenario().to_dict()), encoding="utf-8")
    done = start(program, "run", str(scenario), home=home)
    assert done.returncode == 0, done.stderr
    frozen = json.loads(done.stdout)["summary"]
    expected = json.loads(json.dumps(run(default_scenario()).summary))
    assert frozen.keys() == expected.keys()
    assert [key for key in expected if not same_numbers(frozen[key], expected[key])] == []


def test_bad_input_exits_2_with_a_message_not_a_traceback(program, home, tmp_path):
    done = start(program, "run", str(tmp_path / "missing.json"), home=home)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and done.stderr.strip()


def test_self_test_opens_the_window_and_computes(program, home):
    done = start(program, "--self-test", home=home)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is True
    assert report["npv_fiscal"] == run(default_scenario()).summary["npv_fiscal"]
    assert (home / "logs" / "rtv-desktop.log").is_file()  # logs go to the user's folder


def test_runs_with_no_network_at_all(program, home, tmp_path):
    unshare = shutil.which("unshare")
    if not unshare or subprocess.run([unshare, "--net", "true"], check=False, capture_output=True).returncode != 0:
        pytest.skip("cannot make a network-less namespace here (needs unshare and root)")
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(default_scenario().to_dict()), encoding="utf-8")
    done = subprocess.run([unshare, "--net", str(program), "run", str(scenario), "--iterations", "200", "--seed", "1"],
                          env=build.isolated_env(home), check=False, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["simulation"]["iterations"] == 200


def test_frozen_program_writes_the_board_report_and_ships_the_guides(program, home, tmp_path):
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(default_scenario().to_dict()), encoding="utf-8")
    for name in ("board.pdf", "board.docx"):
        done = start(program, "report", str(scenario), str(tmp_path / name), "--iterations", "200", home=home)
        assert done.returncode == 0, done.stderr
        assert (tmp_path / name).stat().st_size > 20_000  # the board paper: words and tables, no charts
    assert (tmp_path / "board.pdf").read_bytes().startswith(b"%PDF")
    # The technical annex draws its charts with the frozen Qt: it is much larger.
    done = start(program, "report", str(scenario), str(tmp_path / "annex.pdf"), "--iterations", "200", "--annex",
                 home=home)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "annex.pdf").stat().st_size > 3 * (tmp_path / "board.pdf").stat().st_size
    internal = APP_DIR / "_internal"
    assert {"user-guide.md", "method.md"} <= {p.name for p in (internal / "docs").iterdir()}


def test_writes_nothing_next_to_the_program(program, home, tmp_path):
    before = {p: p.stat().st_mtime for p in APP_DIR.rglob("*")}
    scenario = tmp_path / "scenario.json"
    scenario.write_text(json.dumps(default_scenario().to_dict()), encoding="utf-8")
    assert start(program, "run", str(scenario), "--out", str(tmp_path / "out.xlsx"), home=home).returncode == 0
    assert {p: p.stat().st_mtime for p in APP_DIR.rglob("*")} == before


@pytest.mark.skipif(sys.platform != "linux", reason="checks the Linux bundle's file names")
def test_bundle_keeps_what_the_app_needs_and_drops_the_rest(program):
    internal = APP_DIR / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert (internal / "resources" / "defaults").is_dir()
    assert (internal / "resources" / "icons" / "rtv-desktop.svg").is_file()
    assert {p.name for p in (plugins / "platforms").iterdir()} >= {"libqoffscreen.so", "libqxcb.so"}
    assert (plugins / "imageformats" / "libqsvg.so").is_file()
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    assert not {p.name for p in plugins.iterdir()} & {"platformthemes", "tls", "wayland-shell-integration"}
    names = {p.name for p in internal.rglob("*")}
    assert {"libQt6Svg.so.6", "libQt6OpenGL.so.6", "libQt6OpenGLWidgets.so.6"} <= names  # SVG export, pyqtgraph
    assert not any(name.startswith(("libQt6Network", "libQt6Quick", "libQt6Qml", "libgtk-3")) for name in names)
    assert os.access(program, os.X_OK)


@pytest.mark.skipif(sys.platform != "win32", reason="the version resource and subsystems exist only in Windows builds")
def test_windows_programs_name_product_publisher_and_version(program):
    import pefile  # noqa: PLC0415 - installed with PyInstaller on Windows

    for name, subsystem in (("rtv-desktop.exe", 2), ("rtv-desktop-cli.exe", 3)):  # 2: windowed, 3: console
        pe = pefile.PE(str(APP_DIR / name))
        strings = {key.decode(): value.decode() for info in pe.FileInfo[0] if info.Key == b"StringFileInfo"
                   for table in info.StringTable for key, value in table.entries.items()}
        assert strings["ProductName"] == "RtV Desktop"
        assert strings["CompanyName"] == build.release_info.MANUFACTURER
        assert strings["ProductVersion"] == build.release_info.version()
        assert pe.OPTIONAL_HEADER.Subsystem == subsystem
