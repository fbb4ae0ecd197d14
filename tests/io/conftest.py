"""Fixtures shared by the io tests."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.fixture
def running_pid():
    """The process id of another program that is running (it sleeps until the test ends).

    Not ``os.getppid()``: the parent may have exited, and Wine cannot compute it.
    """
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
    yield child.pid
    child.kill()
    child.wait()
