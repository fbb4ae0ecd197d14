"""Who and what the release is: the one place installers, the spec and the docs agree on.

Standard library only, and never imports ``rtv_desktop`` (the build machine's Python may not
have its dependencies): the version is read from ``rtv_desktop/__init__.py`` as text.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING_DIR = ROOT / "packaging"
WINDOWS_DIR = PACKAGING_DIR / "windows"
DIST_DIR = ROOT / "dist"
BUILD_DIR = ROOT / "build"
APP_DIST_DIR = DIST_DIR / "rtv-desktop"  # the one-folder build

PRODUCT_NAME = "RtV Desktop"
EXE_NAME = "rtv-desktop"  # rtv-desktop.exe on Windows
MANUFACTURER = "RtV Desktop Project"
DESCRIPTION = "Offline modelling of the value of person- and community-centred approaches"
# Never change: Windows Installer finds and replaces older versions by this code.
UPGRADE_CODE = "6F1B5E3A-2C4D-4B7E-9A61-3D8F0C2B7E15"
ICON_DIR = ROOT / "resources" / "icons"
ICON_ICO = ICON_DIR / "rtv-desktop.ico"


def version() -> str:
    """Return the app version (``rtv_desktop.__version__``), e.g. ``"0.1.0"``."""
    text = (ROOT / "rtv_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise RuntimeError("rtv_desktop/__init__.py has no __version__")
    return match.group(1)


def numeric_version(text: str | None = None) -> tuple[int, int, int, int]:
    """Four numbers for Windows (version resource, MSI ProductVersion): ``"0.1.0rc1"`` -> (0, 1, 0, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", re.match(r"[\d.]+", text or version()).group(0))]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def dotted_version(text: str | None = None, parts: int = 3) -> str:
    """``"0.1.0"``: the MSI ProductVersion uses the first three numbers only."""
    return ".".join(str(n) for n in numeric_version(text)[:parts])


def msi_name(app_version: str | None = None) -> str:
    return f"RtV-Desktop-{app_version or version()}-x64.msi"


def user_installer_name(app_version: str | None = None) -> str:
    return f"RtV-Desktop-{app_version or version()}-user-setup.exe"


def portable_zip_name(app_version: str | None = None, platform_tag: str = "win64") -> str:
    return f"RtV-Desktop-{app_version or version()}-portable-{platform_tag}.zip"


def deliverable_main(argv, description: str, default_out: Path, build, label: str) -> int:
    """The command line shared by the MSI, installer and zip scripts: ``--payload`` and ``--out``."""
    import argparse  # noqa: PLC0415 - only the scripts' own entry points need it

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--payload", type=Path, default=APP_DIST_DIR, help="the one-folder build")
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args(argv)
    print(f"{label}: wrote {build(args.payload, args.out)}")
    return 0
