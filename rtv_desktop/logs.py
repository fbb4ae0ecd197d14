"""Logging to the user's log folder (standard library only, so the CLI can use it too)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from . import paths

LOG_BYTES, LOG_BACKUPS = 1_000_000, 3


def configure_logging() -> Path:
    """Log to the user's log folder, rotating at 1 MB and keeping 3 old files."""
    log_path = paths.log_file()
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "rtv_log", False)]:
        if Path(old.baseFilename) == log_path.resolve():
            return log_path
        root.removeHandler(old)  # the user folder moved (RTV_DESKTOP_HOME changed)
        old.close()
    handler = logging.handlers.RotatingFileHandler(log_path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.rtv_log = True
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_path
