"""`rtv-desktop run IN.json`: the summary as JSON on stdout; bad input exits 2 naming the field."""

import json
import logging
import subprocess
import sys

import pytest

from rtv_desktop import cli
from rtv_desktop.core import default_scenario, run, simulate
from rtv_desktop.io import write_scenario_json


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "scenario.json"
    write_scenario_json(default_scenario(), path)
    return path


def test_run_prints_the_core_summary(scenario_file, capsys):
    assert cli.main(["run", str(scenario_file)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["summary"] == pytest.approx(run(default_scenario()).summary)
    assert "simulation" not in out


def test_run_with_iterations_and_seed_adds_a_reproducible_simulation(scenario_file, capsys):
    assert cli.main(["run", str(scenario_file), "--iterations", "500", "--seed", "42"]) == 0
    out = json.loads(capsys.readouterr().out)["simulation"]
    expected = simulate(default_scenario(), iterations=500, seed=42).summary
    assert out["seed"] == 42 and out["iterations"] == 500
    assert out["npv_fiscal"] == pytest.approx(expected["npv_fiscal"])


def test_bad_field_exits_2_with_the_field_and_no_traceback(scenario_file, capsys):
    data = json.loads(scenario_file.read_text())
    data["options"][0]["interventions"][0]["completion"] = 1.7
    scenario_file.write_text(json.dumps(data))
    assert cli.main(["run", str(scenario_file)]) == 2
    err = capsys.readouterr().err
    # The field as the screen names it, the allowed range and the value in the units typed.
    assert "Self-management education: Completion must be from 0% to 100%; it is 170%" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("content", ["", "{not json", "[1, 2]", '{"area": {"population": NaN}}'])
def test_unreadable_files_exit_2(tmp_path, capsys, content):
    path = tmp_path / "bad.json"
    path.write_text(content)
    assert cli.main(["run", str(path)]) == 2
    assert "bad.json" in capsys.readouterr().err


def test_missing_file_and_unknown_type_exit_2(tmp_path, capsys):
    assert cli.main(["run", str(tmp_path / "nowhere.json")]) == 2
    assert "does not exist" in capsys.readouterr().err
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    assert cli.main(["run", str(other)]) == 2
    assert "(.json)" in capsys.readouterr().err


def test_bad_arguments_exit_2_without_traceback(scenario_file):
    result = subprocess.run([sys.executable, "-m", "rtv_desktop", "run", str(scenario_file), "--iterations", "zero"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "--iterations" in result.stderr and "Traceback" not in result.stderr


def test_unexpected_failure_exits_1_and_logs_the_traceback(scenario_file, capsys, monkeypatch):
    from rtv_desktop import paths

    def broken(_scenario):
        raise RuntimeError("deliberate fault for the test")

    monkeypatch.setattr(cli, "compare", broken)
    assert cli.main(["run", str(scenario_file)]) == 1
    err = capsys.readouterr().err
    assert str(paths.log_file()) in err and "Traceback" not in err
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "rtv_log", False)]:
        handler.flush()
        root.removeHandler(handler)
        handler.close()
    assert "RuntimeError: deliberate fault for the test" in paths.log_file().read_text(encoding="utf-8")
