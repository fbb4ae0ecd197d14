"""Shared test setup: offscreen Qt, and user folders kept inside a temporary directory."""

import os
import tempfile

# Set before any Qt import: tests never need a screen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs, autosaves and settings written by tests stay out of the real home folder.
os.environ.setdefault("RTV_DESKTOP_HOME", tempfile.mkdtemp(prefix="rtv-test-home-"))

from hypothesis import settings  # noqa: E402

# CI machines are shared and busy: judge properties by their results, never by a time limit.
# "dev" is the default; CI (.ci/run) sets HYPOTHESIS_PROFILE=ci: more examples where a test
# does not fix its own number, and the failing example printed so it can be replayed.
settings.register_profile("dev", deadline=None)
settings.register_profile("ci", deadline=None, max_examples=300, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))
