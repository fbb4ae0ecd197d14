"""The whole Windows release from a stand-in build: zip, MSI, installer, signatures, SHA256SUMS."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import zipfile

import pytest

from .conftest import PACKAGING_DIR, SIGNER_SUBJECT, load, tool, verify_signature

pytestmark = pytest.mark.packaging

checksums = load("checksums")
portable = load("portable")
release_info = load("release_info")


@pytest.fixture
def release(pe_payload, tmp_path, signing_env):
    for name in ("wixl", "makensis", "osslsigncode"):
        tool(name)
    out = tmp_path / "release"
    done = subprocess.run([sys.executable, str(PACKAGING_DIR / "release.py"), "--payload", str(pe_payload),
                           "--out", str(out), "--version", "2.3.4"], check=False, capture_output=True, text=True, env=os.environ)
    assert done.returncode == 0, done.stderr
    return out, signing_env


def test_release_holds_the_three_deliverables_and_their_sums(release):
    out, _ = release
    assert sorted(p.name for p in out.iterdir()) == sorted([
        "RtV-Desktop-2.3.4-portable-win64.zip", "RtV-Desktop-2.3.4-user-setup.exe",
        "RtV-Desktop-2.3.4-x64.msi", "SHA256SUMS",
    ])


def test_sha256sums_match_the_files_and_sha256sum_accepts_them(release):
    out, _ = release
    for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    subprocess.run([tool("sha256sum"), "--check", "--strict", "SHA256SUMS"], cwd=out, check=True, capture_output=True)


def test_installers_and_the_programs_inside_are_signed(release, tmp_path):
    out, trusted = release
    for name in ("RtV-Desktop-2.3.4-user-setup.exe", "RtV-Desktop-2.3.4-x64.msi"):
        report = verify_signature(out / name, trusted)
        assert f"Subject: {SIGNER_SUBJECT}" in report and "Signature verification: ok" in report, name
    with zipfile.ZipFile(out / "RtV-Desktop-2.3.4-portable-win64.zip") as archive:
        archive.extract("RtV Desktop/rtv-desktop.exe", tmp_path)
    report = verify_signature(tmp_path / "RtV Desktop" / "rtv-desktop.exe", trusted)
    assert "Signature verification: ok" in report


def test_portable_zip_unpacks_into_one_folder(standin_payload, tmp_path):
    archive_path = portable.build_portable_zip(standin_payload, tmp_path / "p.zip")
    with zipfile.ZipFile(archive_path) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert {name.split("/", 1)[0] for name in names} == {"RtV Desktop"}
    shipped = {p.relative_to(standin_payload).as_posix() for p in standin_payload.rglob("*") if p.is_file()}
    assert {name.split("/", 1)[1] for name in names} == shipped


def test_portable_zip_keeps_the_linux_executable_bit(tmp_path):
    payload = tmp_path / "app"
    payload.mkdir()
    program = payload / "rtv-desktop"
    program.write_bytes(b"\x7fELF")
    program.chmod(0o755)
    with zipfile.ZipFile(portable.build_portable_zip(payload, tmp_path / "p.zip")) as archive:
        mode = archive.getinfo("RtV Desktop/rtv-desktop").external_attr >> 16
    assert mode & 0o111


def test_checksums_refuse_two_files_with_one_name(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.zip").write_bytes(folder.encode())
    with pytest.raises(ValueError, match="share a name"):
        checksums.write_sums([tmp_path / "a" / "same.zip", tmp_path / "b" / "same.zip"], tmp_path / "SHA256SUMS")


def test_release_refuses_a_linux_build(tmp_path):
    (tmp_path / "rtv-desktop").write_bytes(b"\x7fELF")
    done = subprocess.run([sys.executable, str(PACKAGING_DIR / "release.py"), "--payload", str(tmp_path),
                           "--out", str(tmp_path / "out")], check=False, capture_output=True, text=True)
    assert done.returncode != 0 and "is not a Windows build" in done.stderr
