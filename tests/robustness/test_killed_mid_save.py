"""A program killed part way through a save leaves the previous file whole and readable."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

from rtv_desktop.core import default_scenario
from rtv_desktop.io import read_scenario_json, write_scenario_json
from rtv_desktop.io.atomic import backup_path

ROOT = Path(__file__).resolve().parents[2]

# Writes a large file slowly through atomic_write and says when it is part way.
SLOW_WRITER = textwrap.dedent("""
    import sys, time
    from rtv_desktop.io.atomic import atomic_write

    def slowly(temp):
        with open(temp, "wb") as handle:
            for chunk in range(100_000):
                handle.write(b"x" * 65_536)
                handle.flush()
                if chunk == 8:
                    print("part way", flush=True)
                time.sleep(0.005)

    atomic_write(sys.argv[1], slowly)
    print("finished", flush=True)
""")


def start_slow_save(target: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE,
                            text=True, env=env, cwd=ROOT)


def test_killed_writer_leaves_old_file_intact_and_next_save_cleans_up(tmp_path):
    target = write_scenario_json(default_scenario(), tmp_path / "plan.json")
    write_scenario_json(default_scenario(), target)  # so there is a .bak too
    before, backup_before = target.read_bytes(), backup_path(target).read_bytes()

    writer = start_slow_save(target)
    try:
        assert writer.stdout.readline().strip() == "part way"
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert temps and temps[0].stat().st_size > 8 * 65_536  # a big half-written file exists
    finally:
        writer.kill()  # SIGKILL on Linux and macOS, TerminateProcess on Windows
        writer.communicate(timeout=30)
    assert writer.returncode != 0

    assert target.read_bytes() == before
    assert backup_path(target).read_bytes() == backup_before
    assert read_scenario_json(target) == default_scenario()  # the stale temp is not read
    stale = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert len(stale) == 1 and str(writer.pid) in stale[0].name

    write_scenario_json(replace(default_scenario(), name="Saved after the crash"), target)
    assert read_scenario_json(target).name == "Saved after the crash"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    assert backup_path(target).read_bytes() == before
