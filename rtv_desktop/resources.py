"""The one place that finds shipped data files (defaults, area tables, icons).

Standard library only, so every layer (``core`` included) may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates() -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)  # set by PyInstaller
    found = []
    if frozen_root:
        found.append(Path(frozen_root) / "resources")
    found.append(_PACKAGE_DIR / "_resources")  # installed wheel (force-include)
    found.append(_PACKAGE_DIR.parent / "resources")  # source checkout / editable install
    return found


def resources_dir() -> Path:
    """Return the folder that holds the shipped resources.

    Raises
    ------
    FileNotFoundError
        If no resources folder is found; the message lists where it looked.
    """
    candidates = _candidates()
    for folder in candidates:
        if (folder / "defaults").is_dir():
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"RtV Desktop's resources folder is missing (looked in: {looked}). Reinstall the app.")


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("defaults", "area.toml")``."""
    return resources_dir().joinpath(*parts)


def _doc_candidates() -> list[Path]:
    frozen_root = getattr(sys, "_MEIPASS", None)
    found = [Path(frozen_root) / "docs"] if frozen_root else []
    found.append(_PACKAGE_DIR / "_docs")  # installed wheel (force-include)
    found.append(_PACKAGE_DIR.parent / "docs")  # source checkout / editable install
    return found


def docs_dir() -> Path:
    """Return the folder of the shipped guides (``user-guide.md``, ``method.md``).

    Raises
    ------
    FileNotFoundError
        If no guides are found; the message lists where it looked.
    """
    candidates = _doc_candidates()
    for folder in candidates:
        if (folder / "method.md").is_file():
            return folder
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"RtV Desktop's guides are missing (looked in: {looked}). Reinstall the app.")
