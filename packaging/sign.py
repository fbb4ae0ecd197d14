"""Authenticode-sign Windows programs, installers and MSIs with osslsigncode.

    python packaging/sign.py FILE [FILE ...]

The certificate comes from the environment, never from the repository:
  RTV_SIGN_PFX            path to the PKCS#12 (.pfx) code-signing certificate
  RTV_SIGN_PASSWORD       its password (passed to osslsigncode in a private file, not argv)
  RTV_SIGN_TIMESTAMP_URL  optional RFC 3161 time-stamping server, so signatures outlive the
                          certificate (needs network access, so only on the release machine)
Without RTV_SIGN_PFX it signs nothing, says so, and exits 0: local builds stay unsigned.
AppLocker publisher rules and SmartScreen both key on this signature.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import release_info

PFX_VAR, PASSWORD_VAR, TIMESTAMP_VAR = "RTV_SIGN_PFX", "RTV_SIGN_PASSWORD", "RTV_SIGN_TIMESTAMP_URL"


@dataclass(frozen=True)
class Certificate:
    pfx: Path
    password: str
    timestamp_url: str | None = None


def certificate_from_env(env=os.environ) -> Certificate | None:
    """The signing certificate named by the environment, or None when none is configured."""
    pfx = env.get(PFX_VAR)
    if not pfx:
        return None
    if not Path(pfx).is_file():
        raise SystemExit(f"sign: {PFX_VAR} names {pfx}, which does not exist.")
    return Certificate(Path(pfx), env.get(PASSWORD_VAR, ""), env.get(TIMESTAMP_VAR) or None)


def osslsigncode() -> str:
    found = shutil.which("osslsigncode")
    if not found:
        raise SystemExit("sign: osslsigncode is missing. Install it with `apt-get install osslsigncode`.")
    return found


def sign_file(path: Path, certificate: Certificate) -> None:
    """Sign ``path`` in place (SHA-256), replacing any signature it had."""
    with tempfile.TemporaryDirectory(prefix="rtv-sign-") as work:
        password_file = Path(work) / "password"
        password_file.write_text(certificate.password, encoding="utf-8")
        password_file.chmod(0o600)
        signed = Path(work) / path.name
        command = [
            osslsigncode(), "sign", "-pkcs12", str(certificate.pfx), "-readpass", str(password_file),
            "-h", "sha256", "-n", release_info.PRODUCT_NAME, "-in", str(path), "-out", str(signed),
        ]
        if certificate.timestamp_url:
            command[2:2] = ["-ts", certificate.timestamp_url]
        done = subprocess.run(command, check=False, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"sign: signing {path} failed:\n{done.stdout}{done.stderr}")
        shutil.copyfile(signed, path)


def sign_files(paths: list[Path], env=os.environ) -> bool:
    """Sign every file when a certificate is configured; return whether anything was signed."""
    certificate = certificate_from_env(env)
    if certificate is None:
        print(f"sign: {PFX_VAR} is not set, so nothing was signed ({len(paths)} file(s) left unsigned).")
        return False
    for path in paths:
        sign_file(path, certificate)
        print(f"sign: signed {path}")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Authenticode-sign files when a certificate is configured.")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        print(f"sign: no such file: {', '.join(missing)}", file=sys.stderr)
        return 2
    sign_files(args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
