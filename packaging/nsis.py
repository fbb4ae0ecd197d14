"""Build the per-user installer (no admin rights) with makensis (Debian package ``nsis``).

    python packaging/nsis.py [--payload dist/rtv-desktop] [--out dist/RtV-Desktop-X-user-setup.exe]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import release_info
import sign

SCRIPT = release_info.WINDOWS_DIR / "rtv-desktop-user.nsi"


def makensis_defines(payload: Path, out: Path, app_version: str) -> dict[str, str]:
    defines = {
        "VERSION": app_version,
        "VERSION4": release_info.dotted_version(app_version, parts=4),
        "SOURCE_DIR": str(payload.resolve()),
        "OUTFILE": str(out.resolve()),
        "ICON": str(release_info.ICON_ICO),
        "PUBLISHER": release_info.MANUFACTURER,
    }
    if sign.certificate_from_env() is not None:
        # makensis runs this on the uninstaller before packing it into the installer.
        defines["SIGN_COMMAND"] = f'"{sys.executable}" "{release_info.PACKAGING_DIR / "sign.py"}"'
    return defines


def makensis_command(payload: Path, out: Path, app_version: str, verbosity: int = 2) -> list[str]:
    """The makensis command line; verbosity 4 logs every directive as compiled (tests read it)."""
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("nsis: makensis is missing. Install it with `apt-get install nsis` (or NSIS on Windows).")
    defines = makensis_defines(payload, out, app_version)
    # -WX: warnings are errors, so a mistake in the script never ships quietly.
    return [makensis, f"-V{verbosity}", "-WX", *[f"-D{key}={value}" for key, value in defines.items()], str(SCRIPT)]


def build_user_installer(payload: Path, out: Path, app_version: str | None = None) -> Path:
    """Compile the NSIS script around the one-folder build in ``payload``; return ``out``."""
    exe = payload / f"{release_info.EXE_NAME}.exe"
    if not exe.is_file():
        raise FileNotFoundError(f"{payload} has no {exe.name}: build the app first (python packaging/build.py)")
    out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(makensis_command(payload, out, app_version or release_info.version()), check=True)
    return out


def main(argv: list[str] | None = None) -> int:
    return release_info.deliverable_main(argv, "Build the per-user installer with makensis.",
                                         release_info.DIST_DIR / release_info.user_installer_name(),
                                         build_user_installer, "nsis")


if __name__ == "__main__":
    sys.exit(main())
