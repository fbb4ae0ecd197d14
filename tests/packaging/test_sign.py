"""Authenticode signing with osslsigncode and a throwaway self-signed certificate."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import PACKAGING_DIR, SIGNER_SUBJECT, load, output, tool, verify_signature

pytestmark = pytest.mark.packaging

nsis = load("nsis")
msi = load("msi")
sign = load("sign")


@pytest.fixture
def unsigned_installer(pe_payload, tmp_path, monkeypatch):
    monkeypatch.delenv("RTV_SIGN_PFX", raising=False)
    tool("makensis")
    return nsis.build_user_installer(pe_payload, tmp_path / "out" / "RtV-Desktop-1.0.0-user-setup.exe", "1.0.0")


def test_signs_the_installer_with_the_configured_certificate(unsigned_installer, signing_env):
    tool("osslsigncode")
    assert "No signature found" in verify_signature(unsigned_installer, signing_env)
    assert sign.sign_files([unsigned_installer]) is True
    report = verify_signature(unsigned_installer, signing_env)
    assert f"Subject: {SIGNER_SUBJECT}" in report
    assert "Signature verification: ok" in report and "exit status 0" in report
    assert "Message digest algorithm  : SHA256" in report


def test_signs_an_msi(standin_payload, tmp_path, signing_env):
    tool("wixl")
    tool("osslsigncode")
    package = msi.build_msi(standin_payload, tmp_path / "app.msi", "1.0.0", work_dir=tmp_path / "work")
    sign.sign_files([package])
    report = verify_signature(package, signing_env)
    assert f"Subject: {SIGNER_SUBJECT}" in report and "Signature verification: ok" in report
    assert "MSI Installer" in output(tool("file"), str(package))  # still a valid MSI


def test_uninstaller_inside_the_installer_is_signed_too(pe_payload, tmp_path, signing_env):
    tool("osslsigncode")
    installer = nsis.build_user_installer(pe_payload, tmp_path / "RtV-Desktop-1.0.0-user-setup.exe", "1.0.0")
    unpacked = tmp_path / "unpacked"
    output(tool("7zz"), "x", f"-o{unpacked}", str(installer), "Uninstall.exe")
    report = verify_signature(unpacked / "Uninstall.exe", signing_env)
    assert f"Subject: {SIGNER_SUBJECT}" in report and "Signature verification: ok" in report


def test_without_a_certificate_nothing_is_signed_and_it_says_so(unsigned_installer, monkeypatch):
    before = unsigned_installer.read_bytes()
    done = subprocess.run([sys.executable, str(PACKAGING_DIR / "sign.py"), str(unsigned_installer)],
                          check=False, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert done.returncode == 0
    assert "RTV_SIGN_PFX is not set, so nothing was signed" in done.stdout
    assert unsigned_installer.read_bytes() == before


def test_a_wrong_password_fails_loudly(unsigned_installer, signing_env, monkeypatch):
    tool("osslsigncode")
    monkeypatch.setenv("RTV_SIGN_PASSWORD", "not-the-password")
    with pytest.raises(SystemExit, match="signing .* failed"):
        sign.sign_files([unsigned_installer])


def test_a_missing_certificate_file_is_named(monkeypatch, tmp_path):
    monkeypatch.setenv("RTV_SIGN_PFX", str(tmp_path / "nowhere.pfx"))
    with pytest.raises(SystemExit, match="nowhere.pfx, which does not exist"):
        sign.certificate_from_env()


def test_password_never_appears_on_the_command_line(unsigned_installer, signing_env, monkeypatch):
    tool("osslsigncode")
    seen = []
    real_run = subprocess.run

    def recording_run(command, *args, **kwargs):
        seen.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(sign.subprocess, "run", recording_run)
    sign.sign_files([unsigned_installer])
    assert seen and not any("throwaway-pass" in part for command in seen for part in command)
