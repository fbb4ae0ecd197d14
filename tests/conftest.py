"""Shared test setup: offscreen Qt, and user folders kept inside a temporary directory."""

import os
import tempfile

# Set before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs, autosaves and settings written by tests stay out of the real home folder.
os.environ.setdefault("RTV_DESKTOP_HOME", tempfile.mkdtemp(prefix="rtv-test-home-"))

from hypothesis import settings  # noqa: E402

# CI machines are shared and busy: judge properties by their results, never by a time limit.
settings.register_profile("rtv", deadline=None)
settings.load_profile("rtv")
