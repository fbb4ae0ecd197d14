"""The per-machine MSI, built with wixl around a stand-in app folder and read back with msiinfo."""

from __future__ import annotations

import pytest

from .conftest import load, output, tool

pytestmark = pytest.mark.packaging

msi = load("msi")
release_info = load("release_info")


def msi_table(path, table: str) -> list[list[str]]:
    """Rows of an MSI table (msiinfo export: three header lines, then tab-separated rows)."""
    lines = output(tool("msiinfo"), "export", str(path), table).splitlines()
    return [line.split("\t") for line in lines[3:]]


@pytest.fixture
def built_msi(standin_payload, tmp_path):
    tool("wixl")
    return msi.build_msi(standin_payload, tmp_path / "out" / "app.msi", "1.2.3", work_dir=tmp_path / "work")


def test_msi_summary_names_the_product_publisher_and_64_bit(built_msi):
    summary = output(tool("msiinfo"), "suminfo", str(built_msi))
    assert "Subject: RtV Desktop 1.2.3 installer" in summary
    assert f"Author: {release_info.MANUFACTURER}" in summary
    assert "Template: x64;" in summary
    assert "MSI Installer" in output(tool("file"), str(built_msi))


def test_msi_installs_every_payload_file(built_msi, standin_payload):
    installed = sorted(row[2] for row in msi_table(built_msi, "File"))
    shipped = sorted(p.name for p in standin_payload.rglob("*") if p.is_file())
    assert installed == shipped


def test_msi_is_per_machine_into_program_files_with_the_stable_upgrade_code(built_msi):
    properties = dict(row[:2] for row in msi_table(built_msi, "Property"))
    assert properties["ALLUSERS"] == "1"
    assert properties["UpgradeCode"] == "{" + release_info.UPGRADE_CODE + "}"
    assert properties["ProductVersion"] == "1.2.3"
    directories = {row[0]: row for row in msi_table(built_msi, "Directory")}
    assert directories["INSTALLDIR"][1:] == ["ProgramFiles64Folder", "RtV Desktop"]
    upgrades = msi_table(built_msi, "Upgrade")
    assert {row[-1] for row in upgrades} == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}


def test_msi_components_are_64_bit(built_msi):
    attributes = [int(row[3]) for row in msi_table(built_msi, "Component")]
    assert attributes and all(a & 256 for a in attributes)  # msidbComponentAttributes64bit


def test_msi_start_menu_shortcut_starts_the_installed_program(built_msi):
    (shortcut,) = msi_table(built_msi, "Shortcut")
    assert shortcut[1:3] == ["ProgramMenuFolder", "RtV Desktop"]
    assert shortcut[4] == "[INSTALLDIR]rtv-desktop.exe"


def test_component_guids_are_the_same_in_every_build(standin_payload, tmp_path):
    tool("wixl")
    first = msi.build_msi(standin_payload, tmp_path / "a.msi", "1.0.0", work_dir=tmp_path / "wa")
    second = msi.build_msi(standin_payload, tmp_path / "b.msi", "1.0.1", work_dir=tmp_path / "wb")
    guids = [{row[0]: row[1] for row in msi_table(path, "Component")} for path in (first, second)]
    assert guids[0] == guids[1]
    products = [dict(row[:2] for row in msi_table(path, "Property"))["ProductCode"] for path in (first, second)]
    assert products[0] != products[1]  # a new product code per build: a major upgrade


def test_msi_contents_extract_byte_for_byte(built_msi, standin_payload, tmp_path):
    extracted = tmp_path / "extracted"
    extracted.mkdir()
    output(tool("msiextract"), "-C", str(extracted), str(built_msi))
    installed = extracted / "RtV Desktop"  # msiextract leaves out the Program Files part
    shipped = {p.relative_to(standin_payload): p.read_bytes() for p in standin_payload.rglob("*") if p.is_file()}
    unpacked = {p.relative_to(installed): p.read_bytes() for p in installed.rglob("*") if p.is_file()}
    assert unpacked == shipped


def test_fragment_refuses_a_folder_without_the_program(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="rtv-desktop.exe"):
        msi.files_fragment(tmp_path / "empty", tmp_path)


def test_stable_guid_ignores_case_like_windows_paths():
    assert msi.stable_guid("file", "_internal/A.dll") == msi.stable_guid("file", "_internal/a.dll")
    assert msi.stable_guid("file", "_internal/a.dll") != msi.stable_guid("file", "_internal/b.dll")
