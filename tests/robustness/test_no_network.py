"""Nothing opens a network connection: the core, every command, and the window's self-test."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from rtv_desktop import cli
from rtv_desktop.core import default_scenario, run, simulate, tornado
from rtv_desktop.io import write_scenario_json

ROOT = Path(__file__).resolve().parents[2]
GUARD = Path(__file__).with_name("no_network")


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test on any inet connection attempt (AF_UNIX is allowed)."""
    attempts = []
    real_connect, real_connect_ex = socket.socket.connect, socket.socket.connect_ex

    def guarded(real):
        def connect(self, address):
            if self.family == getattr(socket, "AF_UNIX", None):
                return real(self, address)
            attempts.append(address)
            raise NetworkUsed(f"tried to connect to {address!r}")
        return connect

    def refuse(address, *args, **kwargs):
        attempts.append(address)
        raise NetworkUsed(f"tried to connect to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield attempts
    assert attempts == []


def test_the_guard_catches_a_connection(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("192.0.2.1", 80))
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(NetworkUsed):
        sock.connect(("192.0.2.1", 80))
    no_network.clear()


def test_core_uses_no_network(no_network):
    scenario = default_scenario()
    run(scenario)
    simulate(scenario, iterations=200, seed=1)
    tornado(scenario)


def command_lines(folder: Path) -> dict[str, list[list[str]]]:
    """Argument lists exercising each command the command line offers."""
    scenario = str(write_scenario_json(default_scenario(), folder / "s.json"))
    return {
        "run": [["run", scenario], ["run", scenario, "--iterations", "200", "--seed", "3"],
                ["run", scenario, "--out", str(folder / "out.xlsx")], ["run", str(folder / "missing.json")]],
        "template": [["template", str(folder / "template.xlsx")]],
        "check": [["check", str(folder / "template.xlsx")], ["check", scenario]],
    }


def registered_commands() -> list[str]:
    parser = cli.build_parser()
    choices = next(a.choices for a in parser._actions if getattr(a, "choices", None))  # the subcommands
    return sorted(choices)


def test_every_command_uses_no_network(no_network, tmp_path, capsys):
    lines = command_lines(tmp_path)
    commands = registered_commands()
    assert "run" in commands
    for command in commands:
        for argv in lines.get(command, []):
            assert cli.main(argv) in (cli.EXIT_OK, cli.EXIT_BAD_INPUT), argv
    capsys.readouterr()


def test_the_subprocess_guard_works(tmp_path):
    done = _guarded_python(["-c", "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"],
                           tmp_path)
    assert done.returncode == 97 and "NETWORK USED" in done.stderr


def test_window_self_test_uses_no_network(tmp_path):
    app_source = (ROOT / "rtv_desktop" / "app.py").read_text(encoding="utf-8")
    if "--self-test" not in app_source:
        pytest.skip("the window's self-test is not built yet")
    done = _guarded_python(["-m", "rtv_desktop", "--self-test"], tmp_path)
    assert "NETWORK USED" not in done.stderr
    assert done.returncode == 0, done.stderr[-2000:]


def _guarded_python(args: list[str], folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(GUARD), str(ROOT)]),
           "RTV_DESKTOP_HOME": str(folder / "home"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=folder,
                          timeout=300)
