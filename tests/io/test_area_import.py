"""Area tables from CSV or Excel: records as the bundled tables, every bad row reported."""

from __future__ import annotations

import pandas as pd
import pytest

from rtv_desktop.io import InputFileError
from rtv_desktop.io.area_import import COLUMNS, read_area_table
from rtv_desktop.io.areas import AreaRecord

HEADER = ",".join(COLUMNS)
GOOD = [("E54000048", "Lancashire and South Cumbria ICB", 1_800_000, 1_440_000, 380_000, "mid-2022"),
        ("E10000017", "Lancashire", 1_250_000, 1_000_000, 270_000, "mid-2023")]


def _csv(tmp_path, rows, header=HEADER):
    path = tmp_path / "areas.csv"
    path.write_text(header + "\n" + "\n".join(",".join(map(str, r)) for r in rows) + "\n", encoding="utf-8")
    return path


def refused(path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_area_table(path)
    return info.value


def test_csv_rows_become_area_records(tmp_path):
    table = read_area_table(_csv(tmp_path, GOOD))
    assert table.warnings == ()
    first = table.records[0]
    assert first == AreaRecord("E54000048", "Lancashire and South Cumbria ICB", "Imported area", 1_800_000,
                               1_440_000, 380_000, "mid-2022", "areas.csv")
    area = first.apply_to(__import__("rtv_desktop.core", fromlist=["default_scenario"]).default_scenario().area)
    assert area.adult_share == pytest.approx(0.8) and area.population == 1_800_000


def test_xlsx_gives_the_same_records(tmp_path):
    path = tmp_path / "areas.xlsx"
    pd.DataFrame(GOOD, columns=COLUMNS).to_excel(path, index=False, sheet_name="Areas")
    records = read_area_table(path).records
    assert [(r.code, r.population_total, r.population_65_plus) for r in records] == \
        [(g[0], g[2], g[4]) for g in GOOD]


def test_bundled_table_reads_back(tmp_path):
    from rtv_desktop.resources import resource_path

    frame = pd.read_csv(resource_path("areas", "utla_population_mid2023.csv"), dtype=str)
    frame = frame.rename(columns={"utla_code": "area_code", "utla_name": "area_name"})[list(COLUMNS)]
    frame.to_csv(tmp_path / "utla.csv", index=False)
    assert len(read_area_table(tmp_path / "utla.csv").records) == 153


def test_missing_columns_are_listed(tmp_path):
    error = refused(_csv(tmp_path, [g[:5] for g in GOOD], header=",".join(COLUMNS[:5])))
    assert "reference_period" in error.problems[0].message


def test_bad_counts_are_reported_with_rows(tmp_path):
    rows = [GOOD[0], ("E10000017", "Lancashire", "lots", 10, 5, "mid-2023"),
            ("E10000018", "Leics", 100, -4, 5, "mid-2023"), ("E10000019", "Lincs", 100, 200, 5, "mid-2023"),
            ("E10000020", "Norfolk", 100, 80, 90, "mid-2023")]
    error = refused(_csv(tmp_path, rows))
    found = {p.where: p.message for p in error.problems}
    assert "must be a whole number" in found["row 3, column population_total"]
    assert "0 or more" in found["row 4, column population_18_plus"]
    assert "exceeds population_total" in found["row 5, column population_18_plus"]
    assert "everyone 65+ is an adult" in found["row 6, column population_65_plus"]


def test_xlsx_problems_name_the_cell(tmp_path):
    path = tmp_path / "areas.xlsx"
    pd.DataFrame([GOOD[0], ("E1", "X", 10, 20, 1, "2023")], columns=COLUMNS).to_excel(path, index=False,
                                                                                     sheet_name="Areas")
    error = refused(path)
    assert error.problems[0].where == "sheet 'Areas', cell D3"


def test_non_ons_codes_are_warnings(tmp_path):
    table = read_area_table(_csv(tmp_path, [GOOD[0], ("PCN42", "Local PCN", 30_000, 24_000, 6_000, "2024")]))
    assert len(table.records) == 2
    (warning,) = table.warnings
    assert warning.where == "row 3, column area_code" and "E followed by 8 digits" in warning.message


def test_other_files_are_refused(tmp_path):
    (tmp_path / "areas.txt").write_text("x")
    assert "CSV" in str(refused(tmp_path / "areas.txt"))
    (tmp_path / "broken.xlsx").write_text("not a workbook")
    assert "could not be read" in str(refused(tmp_path / "broken.xlsx"))
