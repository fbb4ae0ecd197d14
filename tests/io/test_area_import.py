"""Area tables from CSV or Excel: records as the bundled tables, every bad row reported."""

from __future__ import annotations

import pandas as pd
import pytest

from rtv_desktop.io import InputFileError
from rtv_desktop.io.areas.imported import COLUMNS, read_area_table
from rtv_desktop.io.areas.bundled import AreaRecord

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
                               1_440_000, 380_000, "mid-2022", "areas.csv", None, "areas.csv, column "
                               "disabled_equality_act_pct", first.imported)
    area = first.apply_to(__import__("rtv_desktop.core", fromlist=["default_scenario"]).default_scenario().area)
    assert area.adult_share == pytest.approx(0.8) and area.population == 1_800_000
    # Every figure names the file it came from and the day it was imported.
    found = area.source_of("adult_share")
    assert "imported from areas.csv" in found.source and found.date == first.imported


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


def test_a_need_column_is_read_and_adjusts_the_ltc_shares(tmp_path):
    from rtv_desktop.core import default_scenario
    from rtv_desktop.core.need import adjusted_index

    path = tmp_path / "local.csv"
    path.write_text("area_code,area_name,population_total,population_18_plus,population_65_plus,reference_period,"
                    "disabled_equality_act_pct,need_source\n"
                    "E99000001,Northtown,100000,80000,20000,mid-2024,20.76,QOF 2024/25 register prevalence\n"
                    "E99000002,Southtown,50000,40000,9000,mid-2024,,\n")
    north, south = read_area_table(path).records
    national = default_scenario().area
    adjusted = north.apply_to(national, national)
    # Need index = 20.76 / 17.30 = 1.2 exactly; the shares are the national ones times 1.2.
    assert adjusted_index(adjusted) == pytest.approx(1.2)
    assert adjusted.ltc_share == pytest.approx(national.ltc_share * 1.2)
    assert adjusted.multimorbid_share == pytest.approx(national.multimorbid_share * 1.2)
    assert "QOF 2024/25 register prevalence" in adjusted.source_of("ltc_share").source
    assert adjusted.source_of("population").date == adjusted.source_of("ltc_share").date != ""
    plain = south.apply_to(national, national)  # no need figure: the shares stay as they were
    assert plain.ltc_share == national.ltc_share and adjusted_index(plain) is None


def test_a_need_figure_that_is_not_a_percentage_is_located(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("area_code,area_name,population_total,population_18_plus,population_65_plus,reference_period,"
                    "disabled_equality_act_pct\nE99000001,Northtown,100000,80000,20000,mid-2024,high\n")
    with pytest.raises(InputFileError) as caught:
        read_area_table(path)
    assert str(caught.value.problems[0]).startswith("row 2, column disabled_equality_act_pct")
