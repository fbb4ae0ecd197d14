"""`rtv-desktop monitor template DOC OUT.xlsx` and `rtv-desktop monitor DOC ACTUALS.xlsx`."""

import json

import openpyxl
import pytest

from rtv_desktop import cli
from rtv_desktop.core import default_document, run
from rtv_desktop.io import save_document


@pytest.fixture
def document_file(tmp_path):
    path = tmp_path / "doc.json"
    save_document(default_document(), path)
    return path


def test_template_then_monitor_prints_the_summary(document_file, tmp_path, capsys):
    out = tmp_path / "monitoring.xlsx"
    assert cli.main(["monitor", "template", str(document_file), str(out), "--start", "2026/27"]) == 0
    assert "Wrote" in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert wb["Activity"]["B5"].value == "2026/27 Q1"
    wb["Activity"]["F5"] = 150  # self-management, 2026/27 Q1: forecast 294.03
    wb.save(out)
    assert cli.main(["monitor", str(document_file), str(out)]) == 0
    summary = json.loads(capsys.readouterr().out)
    option = summary["options"][0]
    assert option["name"] == "Six approaches" and len(option["quarters"]) == 5 * 4 * 6
    first = option["quarters"][0]
    assert first["actual"] == {"starters": 150, "completers": None, "spend": None}
    assert first["variance"]["starters"]["number"] == pytest.approx(150 - 294.03)
    assert first["variance"]["completers"] is None
    assert option["forecast"] == pytest.approx(run(default_document().scenario(0)).summary)
    assert option["reforecast"]["starters"] < option["forecast"]["starters"]


def test_default_start_is_the_documents_first_year(document_file, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    assert cli.main(["monitor", "template", str(document_file), str(out)]) == 0
    start = default_document().settings.start_year
    assert openpyxl.load_workbook(out)["Activity"]["B5"].value == f"{start} Q1"


def test_bad_cells_exit_2_with_sheet_and_cell(document_file, tmp_path, capsys):
    out = tmp_path / "m.xlsx"
    cli.main(["monitor", "template", str(document_file), str(out)])
    wb = openpyxl.load_workbook(out)
    wb["Activity"]["J6"] = "£ lots"
    wb.save(out)
    capsys.readouterr()
    assert cli.main(["monitor", str(document_file), str(out)]) == 2
    err = capsys.readouterr().err
    assert "sheet 'Activity', cell J6: Spend must be a number" in err and "Traceback" not in err


@pytest.mark.parametrize("argv, said", [
    (["monitor", "DOC"], "rtv-desktop monitor DOC.json ACTUALS.xlsx"),
    (["monitor", "template", "DOC"], "rtv-desktop monitor template DOC.json OUT.xlsx"),
    (["monitor", "template", "DOC", "out.json"], "must be an Excel workbook name ending in .xlsx"),
    (["monitor", "template", "DOC", "out.xlsx", "--start", "2026-27"], "--start: The first quarter's year must be"),
    (["monitor", "DOC", "missing.xlsx"], "does not exist"),
])
def test_bad_arguments_exit_2(document_file, tmp_path, capsys, argv, said):
    argv = [str(document_file) if a == "DOC" else str(tmp_path / a) if a.endswith((".xlsx", ".json")) else a
            for a in argv]
    assert cli.main(argv) == 2
    assert said in capsys.readouterr().err


def test_monitor_is_a_known_command():
    assert "monitor" in cli.COMMANDS
