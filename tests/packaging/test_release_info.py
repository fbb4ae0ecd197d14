"""Product identity shared by the spec and installers: version, names, Windows version resource."""

from __future__ import annotations

import uuid

import rtv_desktop

from .conftest import ROOT, load

release_info = load("release_info")
version_resource = load("version_resource")


def test_version_is_the_apps_version():
    assert release_info.version() == rtv_desktop.__version__


def test_windows_needs_plain_numbers():
    assert release_info.numeric_version("0.1.0") == (0, 1, 0, 0)
    assert release_info.numeric_version("2.10rc1") == (2, 10, 0, 0)
    assert release_info.dotted_version("1.2.3.4") == "1.2.3"
    assert release_info.dotted_version("1.2", parts=4) == "1.2.0.0"


def test_upgrade_code_is_a_fixed_guid():
    assert str(uuid.UUID(release_info.UPGRADE_CODE)).upper() == release_info.UPGRADE_CODE


def test_release_file_names_carry_the_version():
    assert release_info.msi_name("1.0.0") == "RtV-Desktop-1.0.0-x64.msi"
    assert release_info.user_installer_name("1.0.0") == "RtV-Desktop-1.0.0-user-setup.exe"
    assert release_info.portable_zip_name("1.0.0") == "RtV-Desktop-1.0.0-portable-win64.zip"


def _read_version_file(text: str) -> dict:
    """Evaluate PyInstaller's version-file text with recording stand-ins for its classes."""
    def record(kind):
        return lambda *args, **kwargs: {"kind": kind, "args": args, "kwargs": kwargs}

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo", "VarStruct"]
    return eval(text, {"__builtins__": {}}, {name: record(name) for name in names})  # noqa: S307 - our own text


def test_version_resource_names_product_company_and_version():
    info = _read_version_file(version_resource.version_file_text("1.2.3", "rtv-desktop.exe"))
    fixed = info["kwargs"]["ffi"]["kwargs"]
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    string_file_info, _ = info["kwargs"]["kids"]
    (table,) = string_file_info["args"][0]
    strings = dict(entry["args"] for entry in table["args"][1])
    assert strings["ProductName"] == "RtV Desktop"
    assert strings["CompanyName"] == release_info.MANUFACTURER
    assert strings["ProductVersion"] == strings["FileVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "rtv-desktop.exe"


def test_spec_builds_one_folder_without_upx_or_strip():
    spec = (ROOT / "packaging" / "rtv-desktop.spec").read_text(encoding="utf-8")
    assert "COLLECT(" in spec  # one folder; a one-file build has no COLLECT
    assert "upx=True" not in spec and "strip=True" not in spec
    assert '(str(ROOT / "resources"), "resources")' in spec
