"""Shared helpers for the packaging tests: the scripts in packaging/, the tools they drive,
stand-in app folders and a throwaway code-signing certificate."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING_DIR = ROOT / "packaging"
TOOL_PACKAGES = {"wixl": "wixl", "msiinfo": "msitools", "msiextract": "msitools", "makensis": "nsis",
                 "osslsigncode": "osslsigncode", "openssl": "openssl", "file": "file", "7zz": "7zip"}


def load(name: str):
    """Import ``packaging/<name>.py`` (a folder of scripts, not a package) as module ``name``.

    Loaded by path, so an installed package of the same name (``build``) never stands in.
    """
    if name in sys.modules and getattr(sys.modules[name], "__file__", "") == str(PACKAGING_DIR / f"{name}.py"):
        return sys.modules[name]
    if str(PACKAGING_DIR) not in sys.path:
        sys.path.append(str(PACKAGING_DIR))  # for the scripts' imports of each other; appended, never shadows
    spec = importlib.util.spec_from_file_location(name, PACKAGING_DIR / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def tool(name: str) -> str:
    """Path of a command-line tool; skip without it locally, but fail on CI, which installs it."""
    found = shutil.which(name)
    if found:
        return found
    package = TOOL_PACKAGES.get(name, name)
    if os.environ.get("CI"):
        pytest.fail(f"{name} is missing on CI; .ci/run should install the Debian package {package}")
    pytest.skip(f"{name} is not installed (apt-get install {package})")


def output(*command: str, **kwargs) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs).stdout


def make_tiny_pe(path: Path) -> Path:
    """A real (if useless) Windows program, so signing has a PE to work on: an empty NSIS installer."""
    script = path.with_suffix(".nsi")
    script.write_text(f'Unicode true\nOutFile "{path.name}"\nRequestExecutionLevel user\nSilentInstall silent\n'
                      "Section\nSectionEnd\n", encoding="utf-8")
    subprocess.run([tool("makensis"), "-V1", script.name], check=True, cwd=path.parent)
    script.unlink()
    return path


def write_dummy_exe(path: Path) -> Path:
    path.write_bytes(b"MZ stand-in program")
    return path


def _fill_standin(folder: Path, exe_maker) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("rtv-desktop.exe", "rtv-desktop-cli.exe"):
        exe_maker(folder / name)
    defaults = folder / "_internal" / "resources" / "defaults"
    defaults.mkdir(parents=True)
    (defaults / "settings.toml").write_text("horizon_years = 5\n", encoding="utf-8")
    (folder / "_internal" / "resources" / "area table (mid 2023).csv").write_text("code,population\n", encoding="utf-8")
    (folder / "_internal" / "base_library.zip").write_bytes(b"PK\x05\x06" + bytes(18))
    return folder


@pytest.fixture
def standin_payload(tmp_path) -> Path:
    """A tiny stand-in for the Windows one-folder build: dummy programs and a few data files."""
    return _fill_standin(tmp_path / "rtv-desktop", write_dummy_exe)


@pytest.fixture
def pe_payload(tmp_path) -> Path:
    """Like ``standin_payload`` but the programs are real PE files, which can be signed."""
    return _fill_standin(tmp_path / "rtv-desktop-pe", make_tiny_pe)


SIGNER_SUBJECT = "/CN=RtV Desktop Test Signing/O=RtV Desktop Project"


@pytest.fixture(scope="session")
def throwaway_certificate(tmp_path_factory):
    """A self-signed code-signing certificate: (pfx, password, pem). It never leaves the test."""
    openssl = tool("openssl")
    folder = tmp_path_factory.mktemp("certificate")
    key, pem, pfx, password = folder / "key.pem", folder / "cert.pem", folder / "cert.pfx", "throwaway-pass"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(pem),
                    "-days", "2", "-subj", SIGNER_SUBJECT, "-addext", "extendedKeyUsage=codeSigning",
                    "-addext", "keyUsage=digitalSignature"], check=True, capture_output=True)
    subprocess.run([openssl, "pkcs12", "-export", "-inkey", str(key), "-in", str(pem), "-out", str(pfx),
                    "-passout", f"pass:{password}"], check=True, capture_output=True)
    return pfx, password, pem


@pytest.fixture
def signing_env(monkeypatch, throwaway_certificate):
    """Configure signing with the throwaway certificate, as the release machine's secrets would."""
    pfx, password, pem = throwaway_certificate
    monkeypatch.setenv("RTV_SIGN_PFX", str(pfx))
    monkeypatch.setenv("RTV_SIGN_PASSWORD", password)
    monkeypatch.delenv("RTV_SIGN_TIMESTAMP_URL", raising=False)  # no network in tests
    return pem


def verify_signature(path: Path, trusted_pem: Path) -> str:
    """osslsigncode's verification report, trusting the throwaway certificate as a root."""
    done = subprocess.run([tool("osslsigncode"), "verify", "-in", str(path), "-CAfile", str(trusted_pem)],
                          check=False, capture_output=True, text=True)
    return done.stdout + done.stderr + f"\nexit status {done.returncode}"
