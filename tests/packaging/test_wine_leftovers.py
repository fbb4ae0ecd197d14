"""Leftover detection after an install and uninstall under Wine, on hand-made prefixes (no Wine needed)."""

from __future__ import annotations

from .conftest import load

wine_leftovers = load("wine_leftovers")
Snapshot = wine_leftovers.Snapshot

PRODUCT_CODE = "{F34D1441-AD39-4472-B23D-42BB19279057}"
MARKERS = wine_leftovers.product_markers("RtV Desktop", [PRODUCT_CODE])

SYSTEM_REG = """WINE REGISTRY Version 2
;; All keys relative to \\\\Machine

#arch=win64

[Software\\\\Classes\\\\Installer\\\\Products] 1796090000
#time=1dc4b2f9d3e8a10

[Software\\\\RtV Desktop] 1796090001
#time=1dc4b2f9d3e8a11
"StartMenuShortcut"=dword:00000001

[Software\\\\Wine] 1796090002
@="default value"
"""


def test_packed_guid_is_windows_installers_registry_form():
    # Seen under Wine: HKLM\Software\Classes\Installer\Products\1441D43F93DA27442BD324BB91720975
    assert wine_leftovers.packed_guid(PRODUCT_CODE) == "1441D43F93DA27442BD324BB91720975"
    assert wine_leftovers.packed_guid("{6F1B5E3A-2C4D-4B7E-9A61-3D8F0C2B7E15}") == "A3E5B1F6D4C2E7B4A916D3F8C0B2E751"


def test_registry_keys_are_read_with_whether_they_hold_values():
    keys = wine_leftovers.registry_keys(SYSTEM_REG, "HKLM")
    assert keys == {"HKLM\\Software\\Classes\\Installer\\Products": False, "HKLM\\Software\\RtV Desktop": True,
                    "HKLM\\Software\\Wine": True}


def test_file_tree_lists_files_and_folders_relative_to_drive_c(tmp_path):
    (tmp_path / "Program Files" / "RtV Desktop").mkdir(parents=True)
    (tmp_path / "Program Files" / "RtV Desktop" / "rtv-desktop.exe").write_bytes(b"MZ")
    assert wine_leftovers.file_tree(tmp_path) == {"Program Files/", "Program Files/RtV Desktop/",
                                                  "Program Files/RtV Desktop/rtv-desktop.exe"}


def test_snapshot_reads_both_hives_and_the_c_drive(tmp_path):
    (tmp_path / "drive_c" / "windows").mkdir(parents=True)
    (tmp_path / "system.reg").write_text(SYSTEM_REG, encoding="utf-8")
    (tmp_path / "user.reg").write_text("[Software\\\\Microsoft\\\\Windows\\\\CurrentVersion\\\\Uninstall\\\\RtV Desktop] 1\n"
                                       '"DisplayName"="RtV Desktop"\n', encoding="utf-8")
    snap = wine_leftovers.snapshot(tmp_path)
    assert snap.files == {"windows/"}
    assert snap.keys["HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\RtV Desktop"] is True
    assert "HKLM\\Software\\RtV Desktop" in snap.keys


def snap(files=(), keys=None) -> Snapshot:
    return Snapshot(frozenset(files), dict(keys or {}))


BEFORE = snap(["windows/", "users/root/Documents/plan.xlsx"], {"HKLM\\Software\\Wine": True})


def test_a_clean_uninstall_leaves_nothing():
    after = snap(BEFORE.files | {"users/root/Temp/rtv-self-test-x/self-test.xlsx", "windows/Installer/",
                                 "windows/temp/~nsu.tmp/Un_A.exe", "users/root/AppData/Local/Programs/"},
                 {**BEFORE.keys, "HKLM\\Software\\Classes\\Installer\\Products": False,
                  "HKLM\\Software\\Classes\\Installer\\Features": False})
    assert wine_leftovers.leftovers(BEFORE, after, MARKERS) == []


def test_program_files_shortcuts_and_cached_msis_left_behind_are_named():
    after = snap(BEFORE.files | {"Program Files/RtV Desktop/", "Program Files/RtV Desktop/_internal/x.dll",
                                 "windows/Installer/", "windows/Installer/8759.msi",
                                 "users/root/AppData/Local/Programs/", "users/root/AppData/Local/Programs/RtV Desktop/",
                                 "users/root/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/RtV Desktop.lnk"},
                 BEFORE.keys)
    assert wine_leftovers.leftovers(BEFORE, after, MARKERS) == [
        "file left: C:/Program Files/RtV Desktop/",
        "file left: C:/Program Files/RtV Desktop/_internal/x.dll",
        "file left: C:/users/root/AppData/Local/Programs/RtV Desktop/",
        "file left: C:/users/root/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/RtV Desktop.lnk",
        "file left: C:/windows/Installer/8759.msi",
    ]


def test_registry_keys_left_behind_are_named_when_they_hold_values_or_name_the_product():
    after = snap(BEFORE.files, {**BEFORE.keys,
                                "HKLM\\Software\\RtV Desktop": False,  # empty, but the product's own
                                "HKLM\\Software\\Classes\\Installer\\Products\\1441D43F93DA27442BD324BB91720975": False,
                                "HKCU\\Software\\Some Setting": True,  # holds a value
                                "HKLM\\Software\\Classes\\Installer\\UpgradeCodes": False})  # an empty container
    assert wine_leftovers.leftovers(BEFORE, after, MARKERS) == [
        "registry key left: HKCU\\Software\\Some Setting",
        "registry key left: HKLM\\Software\\Classes\\Installer\\Products\\1441D43F93DA27442BD324BB91720975",
        "registry key left: HKLM\\Software\\RtV Desktop",
    ]


def test_files_an_uninstaller_deleted_are_named():
    after = snap({"windows/"}, BEFORE.keys)
    assert wine_leftovers.leftovers(BEFORE, after, MARKERS) == ["file removed: C:/users/root/Documents/plan.xlsx"]
