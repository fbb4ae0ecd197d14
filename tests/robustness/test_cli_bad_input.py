"""``rtv-desktop run FILE`` answers every damaged file with exit code 2 and a clear message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from rtv_desktop import cli
from rtv_desktop.core import default_scenario
from rtv_desktop.io.limits import MAX_JSON_BYTES
from rtv_desktop.io.scenario_json import scenario_json_text

ROOT = Path(__file__).resolve().parents[2]
GOOD = scenario_json_text(default_scenario())


def _with(change) -> bytes:
    data = json.loads(GOOD)
    change(data)
    return json.dumps(data, allow_nan=True).encode()


DAMAGED = {
    "empty": (b"", "empty"),
    "truncated": (GOOD[: len(GOOD) // 2].encode(), "cut short"),
    "binary": (bytes(range(256)) * 4, "binary"),
    "not-utf8": (GOOD.replace("Example", "Exampl\xe9").encode("latin-1"), "UTF-8"),
    "deeply-nested": (b"[" * 50_000 + b"]" * 50_000, "nested"),
    "not-a-scenario": (b'{"hello": "world"}', "not an RtV Desktop scenario"),
    "nan": (_with(lambda d: d["area"].update(population=float("nan"))), "Population (all ages)"),
    "infinity": (_with(lambda d: d["settings"].update(discount_rate=float("inf"))), "Discount rate: holds infinity"),
    "huge-number": (_with(lambda d: d["options"][0]["interventions"][0].update(fixed_cost=1e308)),
                    "Fixed cost per year: holds 1e+308"),
    "wrong-type": (_with(lambda d: d["area"].update(population="many")), "must be a number"),
    "missing-field": (_with(lambda d: d["options"][0]["interventions"][0].pop("name")), "Name is missing"),
    "out-of-range": (_with(lambda d: d["area"].update(adult_share=2)), "Adults (18+) must be from 0% to 100%"),
}


@pytest.mark.parametrize("command", ["run", "check"])
@pytest.mark.parametrize("kind", sorted(DAMAGED))
def test_damaged_file_exits_2_with_a_message(tmp_path, capsys, kind, command):
    content, expected = DAMAGED[kind]
    path = tmp_path / f"{kind}.json"
    path.write_bytes(content)
    assert cli.main([command, str(path)]) == cli.EXIT_BAD_INPUT
    out, err = capsys.readouterr()
    assert out == ""
    assert str(path) in err and expected in err
    assert "Traceback" not in err


def test_oversized_and_missing_files_exit_2(tmp_path, capsys):
    big = tmp_path / "big.json"
    with open(big, "wb") as handle:
        handle.truncate(MAX_JSON_BYTES + 1)
    assert cli.main(["run", str(big)]) == cli.EXIT_BAD_INPUT
    assert cli.main(["run", str(tmp_path / "missing.json")]) == cli.EXIT_BAD_INPUT
    assert cli.main(["run", str(tmp_path)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "larger than 20 MB" in err and "does not exist" in err and "folder" in err


def test_unwritable_output_exits_2_and_keeps_nothing_half_written(tmp_path, capsys):
    good = tmp_path / "good.json"
    good.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "no-such-folder" / "out.json"
    assert cli.main(["run", str(good), "--out", str(out)]) == cli.EXIT_BAD_INPUT
    assert "folder does not exist" in capsys.readouterr().err


def test_installed_command_exits_2_without_a_traceback(tmp_path):
    path = tmp_path / "truncated.json"
    path.write_bytes(DAMAGED["truncated"][0])
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "rtv_desktop", "run", str(path)], capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 2
    assert "cut short" in done.stderr and "Traceback" not in done.stderr


def _zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("xl/workbook.xml", "w") as part:
        for _ in range(8):
            part.write(bytes(1024 * 1024))
    return path


@pytest.mark.parametrize("command", ["run", "check"])
@pytest.mark.parametrize("kind", ["zip-bomb", "text", "truncated", "empty"])
def test_damaged_workbook_exits_2_with_a_message(tmp_path, capsys, kind, command):
    pytest.importorskip("rtv_desktop.io.workbook.read.reader")
    path = tmp_path / f"{kind}.xlsx"
    if kind == "zip-bomb":
        _zip_bomb(path)
    elif kind == "text":
        path.write_text("name,reach\nwalking group,0.1\n", encoding="utf-8")
    elif kind == "truncated":
        openpyxl.Workbook().save(path)
        path.write_bytes(path.read_bytes()[:-300])
    else:
        path.write_bytes(b"")
    assert cli.main([command, str(path)]) == cli.EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert path.name in err and "Traceback" not in err
    assert any(word in err for word in ("Excel", "template", "empty"))
