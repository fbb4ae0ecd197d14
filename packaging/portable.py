"""Zip the one-folder build for USB sticks: unzip anywhere and run, no installer.

    python packaging/portable.py [--payload dist/rtv-desktop] [--out dist/RtV-Desktop-X-portable-win64.zip]

Everything sits under one top folder, ``RtV Desktop/``, so unzipping never scatters files.
Entries are sorted and time-stamped from the files, and executable bits are kept for Linux.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import release_info

TOP_FOLDER = release_info.PRODUCT_NAME


def build_portable_zip(payload: Path, out: Path) -> Path:
    """Write every file under ``payload`` into ``out`` below ``RtV Desktop/``; return ``out``."""
    files = sorted(p for p in payload.rglob("*") if p.is_file())
    if not files:
        raise FileNotFoundError(f"{payload} is empty: build the app first (python packaging/build.py)")
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            archive.write(path, f"{TOP_FOLDER}/{path.relative_to(payload).as_posix()}")
    return out


def main(argv: list[str] | None = None) -> int:
    return release_info.deliverable_main(argv, "Zip the one-folder build for USB sticks.",
                                         release_info.DIST_DIR / release_info.portable_zip_name(),
                                         build_portable_zip, "portable")


if __name__ == "__main__":
    sys.exit(main())
