"""The per-user installer, compiled with makensis around a stand-in app folder and opened with 7-Zip."""

from __future__ import annotations

import re

import pytest

from .conftest import load, output, tool

pytestmark = pytest.mark.packaging

nsis = load("nsis")
release_info = load("release_info")


@pytest.fixture
def installer(standin_payload, tmp_path, monkeypatch):
    tool("makensis")
    monkeypatch.delenv("RTV_SIGN_PFX", raising=False)
    return nsis.build_user_installer(standin_payload, tmp_path / "RtV-Desktop-1.2.3-user-setup.exe", "1.2.3")


def test_installer_is_a_64_bit_windows_nsis_program(installer):
    # 64-bit like the app: on 32-bit Windows it refuses to start rather than install a program that cannot.
    description = output(tool("file"), str(installer))
    assert "PE32+ executable (GUI) x86-64" in description
    assert "Type = Nsis" in output(tool("7zz"), "l", "-slt", str(installer))


def test_installer_carries_every_payload_file_and_an_uninstaller(installer, standin_payload):
    listing = output(tool("7zz"), "l", "-slt", str(installer))
    packed = {path.replace("\\", "/") for path in re.findall(r"^Path = (.+)$", listing, re.MULTILINE)}
    shipped = {p.relative_to(standin_payload).as_posix() for p in standin_payload.rglob("*") if p.is_file()}
    assert shipped <= packed
    assert "Uninstall.exe" in packed


def test_installer_version_resource_names_product_and_version(installer):
    text = installer.read_bytes()
    for value in ("RtV Desktop", "1.2.3", release_info.MANUFACTURER):
        assert value.encode("utf-16-le") in text


@pytest.fixture
def compile_log(standin_payload, tmp_path, monkeypatch):
    """makensis's own account of every directive it compiled (verbosity 4)."""
    tool("makensis")
    monkeypatch.delenv("RTV_SIGN_PFX", raising=False)
    command = nsis.makensis_command(standin_payload, tmp_path / "RtV-Desktop-1.2.3-user-setup.exe", "1.2.3", verbosity=4)
    return output(*command)


def test_installer_asks_for_no_admin_rights(installer):
    assert b'<requestedExecutionLevel level="asInvoker"' in installer.read_bytes()


def test_installs_under_local_app_data_programs(compile_log):
    assert 'InstallDir: "$LOCALAPPDATA\\Programs\\RtV Desktop"' in compile_log
    assert 'CreateShortcut: "$SMPROGRAMS\\RtV Desktop.lnk"->"$INSTDIR\\rtv-desktop.exe"' in compile_log


def test_uninstaller_is_registered_for_the_current_user_only(compile_log):
    key = "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\RtV Desktop"
    writes = re.findall(r"^WriteReg\w+: (\w+)\\(.+)\\(\w+)=", compile_log, re.MULTILINE)
    assert {root for root, _, _ in writes} == {"HKCU"}
    assert {(path, name) for _, path, name in writes} >= {(key, "UninstallString"), (key, "DisplayName"), (key, "Publisher")}
    assert f"DeleteRegKey: HKCU\\{key}" in compile_log


def test_uninstaller_never_deletes_the_install_folder_recursively(compile_log):
    removals = re.findall(r"^RMDir: (.+)$", compile_log, re.MULTILINE)
    assert '/r "$INSTDIR"' not in removals and '"$INSTDIR"' in removals


def test_missing_program_is_reported_before_compiling(tmp_path):
    tool("makensis")
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="rtv-desktop.exe"):
        nsis.build_user_installer(tmp_path / "empty", tmp_path / "x-setup.exe", "1.0.0")
