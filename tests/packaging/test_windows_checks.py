"""The pure parts of the Windows-under-Wine check: result comparison, PE flags, Wine paths and names."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import pytest

from .conftest import load, make_tiny_pe

windows_checks = load("windows_checks")
wine = load("wine")

LINUX = {"summary": {"npv_fiscal": -10744861.498336159, "bcr_social": 8.485491646595415, "payback_year": None,
                     "starters": 46970.0, "name": "Default"},
         "options": [{"name": "A", "summary": {"npv": 1.0}}, {"name": "B", "summary": {"npv": 0.0}}]}


def copy(value):
    return json.loads(json.dumps(value))


def test_identical_results_have_no_mismatch():
    assert windows_checks.numeric_mismatches(LINUX, copy(LINUX)) == []


def test_numbers_agree_to_one_part_in_a_billion_and_no_further():
    close, far = copy(LINUX), copy(LINUX)
    close["summary"]["npv_fiscal"] *= 1 + 5e-10
    close["options"][1]["summary"]["npv"] = 1e-13  # a zero may come back as rounding noise
    far["summary"]["bcr_social"] *= 1 + 5e-9
    assert windows_checks.numeric_mismatches(LINUX, close) == []
    assert windows_checks.numeric_mismatches(LINUX, far) == [
        f"summary.bcr_social: {far['summary']['bcr_social']!r} instead of 8.485491646595415"]


def test_every_leaf_is_compared_including_keys_added_later():
    windows = copy(LINUX)
    windows["options"][0]["summary"]["npv"] = 2.0
    windows["summary"]["payback_year"] = 3
    windows["summary"]["name"] = "Other"
    del windows["summary"]["starters"]
    windows["summary"]["qalys"] = 1.5  # the Windows build knows a key the Linux core does not
    assert windows_checks.numeric_mismatches(LINUX, windows) == [
        "options[0].summary.npv: 2.0 instead of 1.0",
        "summary.name: 'Other' instead of 'Default'",
        "summary.payback_year: 3 instead of None",
        "summary: key 'starters' missing",
        "summary: unexpected key 'qalys'",
    ]


def test_lists_of_other_lengths_types_and_nan():
    assert windows_checks.numeric_mismatches([1, 2], [1]) == ["(top): 1 items instead of 2"]
    assert windows_checks.numeric_mismatches({"x": True}, {"x": 1}) == ["x: 1 instead of True"]
    assert windows_checks.numeric_mismatches({"x": math.nan}, {"x": math.nan}) == []
    assert windows_checks.numeric_mismatches({"x": 1}, {"x": 1.0}) == []


def pe_header(subsystem: int, machine_64bit: bool = True) -> bytes:
    """The first bytes of a Windows program: MZ stub, PE signature, COFF and optional header."""
    data = bytearray(0x200)
    data[:2] = b"MZ"
    struct.pack_into("<I", data, 0x3C, 0x80)
    data[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<H", data, 0x84, 0x8664 if machine_64bit else 0x14C)
    struct.pack_into("<H", data, 0x98, 0x20B if machine_64bit else 0x10B)  # PE32+ / PE32 magic
    struct.pack_into("<H", data, 0x98 + 68, subsystem)
    return bytes(data)


@pytest.mark.parametrize("machine_64bit", [True, False])
def test_subsystem_says_windowed_or_console(machine_64bit):
    assert windows_checks.pe_subsystem(pe_header(2, machine_64bit)) == 2
    assert windows_checks.pe_subsystem(pe_header(3, machine_64bit)) == 3


def test_subsystem_of_a_real_windows_program(tmp_path):
    installer = make_tiny_pe(tmp_path / "tiny.exe")  # an NSIS installer: a windowed program
    assert windows_checks.pe_subsystem(installer.read_bytes()) == 2


def test_a_file_that_is_not_a_windows_program_is_refused():
    with pytest.raises(ValueError, match="no MZ header"):
        windows_checks.pe_subsystem(b"\x7fELF" + bytes(100))
    with pytest.raises(ValueError, match="no PE header"):
        windows_checks.pe_subsystem(b"MZ" + bytes(200))


def test_subsystems_of_the_app_and_its_console_twin(tmp_path):
    (tmp_path / "rtv-desktop.exe").write_bytes(pe_header(2))
    (tmp_path / "rtv-desktop-cli.exe").write_bytes(pe_header(3))
    assert windows_checks.check_subsystems(tmp_path) == {"rtv-desktop.exe": "windowed", "rtv-desktop-cli.exe": "console"}
    (tmp_path / "rtv-desktop.exe").write_bytes(pe_header(3))
    with pytest.raises(windows_checks.CheckFailed, match="rtv-desktop.exe is console, not windowed"):
        windows_checks.check_subsystems(tmp_path)


def test_linux_paths_get_their_windows_spelling():
    drive_c = Path("/cache/prefix/drive_c")
    assert wine.windows_path("/cache/prefix/drive_c/Program Files/RtV Desktop/x.exe", drive_c) == \
        "C:\\Program Files\\RtV Desktop\\x.exe"
    assert wine.windows_path("/work/repo/dist/windows", drive_c) == "Z:\\work\\repo\\dist\\windows"
    assert wine.linux_path("C:\\users\\root\\AppData\\Local", drive_c) == drive_c / "users" / "root" / "AppData" / "Local"
    assert wine.linux_path("z:\\tmp\\a b.json", drive_c) == Path("/tmp/a b.json")
    with pytest.raises(wine.WineError, match="neither C:"):
        wine.linux_path("D:\\data", drive_c)


def test_qt_variables_are_renamed_so_wine_passes_them_on():
    assert wine.windows_env({"QT_QPA_PLATFORM": "offscreen", "RTV_DESKTOP_HOME": "C:\\h"}) == {
        "WINEQT_QPA_PLATFORM": "offscreen", "RTV_DESKTOP_HOME": "C:\\h"}


def test_wine_environment_is_headless_64_bit_and_quiet(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    env = wine.Wine(Path("/cache/prefix")).env({"QT_QPA_FONTDIR": "Z:\\fonts"})
    assert "DISPLAY" not in env
    assert env["WINEPREFIX"] == "/cache/prefix" and env["WINEARCH"] == "win64" and env["WINEDEBUG"] == "-all"
    assert env["WINEDLLOVERRIDES"] == "mscoree,mshtml="  # never offers to download Mono or Gecko
    assert env["WINEQT_QPA_FONTDIR"] == "Z:\\fonts"
