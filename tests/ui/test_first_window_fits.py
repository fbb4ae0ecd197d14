"""The first window (no saved geometry) and the user guide fit the screen they open on: a
1024x600 laptop, and 1366x768 at 150% scaling (911x512 logical pixels), frame, title bar and
Run button included. Each run is a fresh process, so the screen and the scale factor apply."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def probe(tmp_path: Path, env: dict) -> dict:
    """Where the first window, its Run button and the guide lie, from a fresh process."""
    done = subprocess.run([sys.executable, "-m", "tests.ui.first_window_probe", str(tmp_path)], cwd=ROOT,
                          env={**os.environ, "RTV_DESKTOP_HOME": str(tmp_path), **env}, capture_output=True,
                          text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def within(inner: list[int], outer: list[int]) -> bool:
    x, y, w, h = inner
    ox, oy, ow, oh = outer
    return ox <= x and oy <= y and x + w <= ox + ow and y + h <= oy + oh


def assert_fits(found: dict, logical: tuple[int, int]) -> None:
    assert found["available"][2:] == list(logical)
    for what in ("frame", "run", "guide_frame", "guide_close"):
        assert within(found[what], found["available"]), (what, found)


def offscreen_screen(tmp_path: Path, width: int, height: int) -> str:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": True, "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}))
    return f"offscreen:configfile={config}"


@pytest.mark.parametrize("screen, scale, logical", [((1024, 600), "1", (1024, 600)),
                                                    ((1366, 768), "1.5", (911, 512)),
                                                    ((2560, 1440), "1", (2560, 1440))])
def test_the_first_window_fits_the_screen_offscreen(tmp_path, screen, scale, logical):
    found = probe(tmp_path, {"QT_QPA_PLATFORM": offscreen_screen(tmp_path, *screen), "QT_SCALE_FACTOR": scale})
    assert_fits(found, logical)
    if logical == (2560, 1440):  # room to spare: the size it always had
        assert found["frame"][2:] == [1280 + 4, 800 + 4]


@pytest.fixture
def x_server(tmp_path):
    """A real X server (Xvfb) of the size asked, on a display of its own."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    servers = []

    def start(width: int, height: int) -> str:
        display = f":{90 + len(servers) + os.getpid() % 400}"
        server = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        servers.append(server)
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 15
        while not socket.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.05)
        assert socket.exists(), "Xvfb did not start"
        return display

    yield start
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.xserver
@pytest.mark.parametrize("screen, scale, logical", [((1024, 600), "1", (1024, 600)),
                                                    ((1366, 768), "1.5", (911, 512))])
def test_the_first_window_fits_a_real_x_screen(tmp_path, x_server, screen, scale, logical):
    display = x_server(*screen)
    found = probe(tmp_path, {"QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "QT_SCALE_FACTOR": scale})
    assert_fits(found, logical)
