"""Make the three Windows deliverables from a Windows one-folder build, signed, with SHA256SUMS.

    python packaging/release.py [--payload dist/rtv-desktop] [--out dist/release]

1. sign the programs inside the build (so the MSI, installer and zip carry signed programs)
2. the portable zip, 3. the per-machine MSI (wixl), 4. the per-user installer (makensis,
   whose uninstaller is signed as it is packed), 5. sign the MSI and the installer,
6. SHA256SUMS over all three. Runs on Linux (wixl, nsis, osslsigncode) or anywhere they exist.
Signing is skipped, with a message, when RTV_SIGN_PFX is not set.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import checksums
import msi
import nsis
import portable
import release_info
import sign


def program_files(payload: Path) -> list[Path]:
    """The programs a user or AppLocker starts: the windowed app and its console twin."""
    names = [f"{release_info.EXE_NAME}.exe", f"{release_info.EXE_NAME}-cli.exe"]
    return [payload / name for name in names if (payload / name).is_file()]


def _msi(payload: Path, out: Path, app_version: str) -> Path:
    with tempfile.TemporaryDirectory(prefix="rtv-msi-") as work:
        return msi.build_msi(payload, out, app_version, work_dir=Path(work))


def make_release(payload: Path, out: Path, app_version: str | None = None) -> list[Path]:
    """Build, sign and checksum the deliverables into ``out``; return every file written."""
    app_version = app_version or release_info.version()
    if not (payload / f"{release_info.EXE_NAME}.exe").is_file():
        raise SystemExit(f"release: {payload} is not a Windows build (no {release_info.EXE_NAME}.exe).")
    out.mkdir(parents=True, exist_ok=True)
    sign.sign_files(program_files(payload))
    deliverables = [
        portable.build_portable_zip(payload, out / release_info.portable_zip_name(app_version)),
        _msi(payload, out / release_info.msi_name(app_version), app_version),
        nsis.build_user_installer(payload, out / release_info.user_installer_name(app_version), app_version),
    ]
    sign.sign_files(deliverables[1:])  # a zip cannot carry a signature; its programs are signed
    sums = checksums.write_sums(deliverables, out / "SHA256SUMS")
    return deliverables + [sums]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, sign and checksum the Windows deliverables.")
    parser.add_argument("--payload", type=Path, default=release_info.APP_DIST_DIR)
    parser.add_argument("--out", type=Path, default=release_info.DIST_DIR / "release")
    parser.add_argument("--version", help="default: rtv_desktop.__version__")
    args = parser.parse_args(argv)
    for path in make_release(args.payload, args.out, args.version):
        print(f"release: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
