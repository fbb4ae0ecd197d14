"""The one place that finds shipped data files (defaults, area tables, icons).

Standard library only, so every layer (``core`` included) may use it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

_PACKAGE_DIR = Path(__file__).resolve().parent


def _candidates(folder: str) -> list[Path]:
    """Where a shipped ``folder`` may be: frozen app, installed wheel, source checkout."""
    frozen_root = getattr(sys, "_MEIPASS", None)  # set by PyInstaller
    found = [Path(frozen_root) / folder] if frozen_root else []
    found.append(_PACKAGE_DIR / f"_{folder}")  # installed wheel (force-include)
    found.append(_PACKAGE_DIR.parent / folder)  # source checkout / editable install
    return found


def _first_holding(folder: str, holds: Callable[[Path], bool], what: str) -> Path:
    """The first candidate ``folder`` for which ``holds`` is true; otherwise FileNotFoundError naming ``what``."""
    candidates = _candidates(folder)
    for found in candidates:
        if holds(found):
            return found
    looked = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"RtV Desktop's {what} missing (looked in: {looked}). Reinstall the app.")


def resources_dir() -> Path:
    """Return the folder that holds the shipped resources.

    Raises
    ------
    FileNotFoundError
        If no resources folder is found; the message lists where it looked.
    """
    return _first_holding("resources", lambda found: (found / "defaults").is_dir(), "resources folder is")


def resource_path(*parts: str) -> Path:
    """Return the path of a shipped resource, e.g. ``resource_path("defaults", "area.toml")``."""
    return resources_dir().joinpath(*parts)


def docs_dir() -> Path:
    """Return the folder of the shipped guides (``user-guide.md``, ``method.md``).

    Raises
    ------
    FileNotFoundError
        If no guides are found; the message lists where it looked.
    """
    return _first_holding("docs", lambda found: (found / "method.md").is_file(), "guides are")
