"""The user's own folders for logs, autosaves and settings; never next to the program.

Standard library only. ``RTV_DESKTOP_HOME`` overrides the base folder (tests use it).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "RtV Desktop"


def user_data_dir() -> Path:
    """Per-user, writable without admin rights: %LOCALAPPDATA%, ~/Library, or XDG."""
    override = os.environ.get("RTV_DESKTOP_HOME")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / APP_DIR_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "rtv-desktop"


def _made(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    return _made(user_data_dir() / "logs")


def log_file() -> Path:
    return log_dir() / "rtv-desktop.log"


def autosave_dir() -> Path:
    return _made(user_data_dir() / "autosave")
