"""Every area at once (issue: local need): the need adjustment, the batched run, England, the files."""

import csv
from dataclasses import replace

import pytest

from rtv_desktop import cli
from rtv_desktop.core import Area, Option, default_document, run, simulate
from rtv_desktop.core.batch import england_rows, run_areas, simulate_areas
from rtv_desktop.core.need import ENGLAND_ANY_LTC_PERCENT, ENGLAND_DISABLED_PERCENT, adjust_for_need, adjusted_index, need_index
from rtv_desktop.io.areas.bundled import areas_at, bundled_areas
from rtv_desktop.io.areas.run import COLUMNS, area_inputs, run_all_areas, write_area_table
from rtv_desktop.io.scenario_json import write_scenario_json


def _three_options():
    doc = default_document()
    ivs = doc.options[0].interventions
    custom = replace(ivs[0], id="custom", name="Custom group", target_group="custom", custom_size=2000.0)
    return replace(doc, options=(doc.options[0], Option("Social prescribing only", ivs[-1:]),
                                 Option("With a custom group", ivs[:2] + (custom,))), comparator=None)


def test_the_need_adjustment_on_a_hand_worked_area():
    # Blackpool-like: 24.22% of residents disabled under the Equality Act; England 17.30%.
    # Index = 24.22 / 17.30 = 1.4; LTC share 0.30 x 1.4 = 0.42; multimorbid 0.25 x 1.4 = 0.35.
    national = Area(area_name="England", population=1e6, adult_share=0.8, over65_share=0.2, ltc_share=0.30,
                    multimorbid_share=0.25)
    assert need_index(24.22) == pytest.approx(1.4)
    local = adjust_for_need(national, national, need_index(24.22), "Census 2021", "2026-12-01")
    assert local.ltc_share == pytest.approx(0.42) and local.multimorbid_share == pytest.approx(0.35)
    assert adjusted_index(local) == pytest.approx(1.4)
    assert "x need index 1.400" in local.source_of("ltc_share").source
    assert local.population == national.population  # need changes the shares, not the people


def test_every_bundled_area_has_its_need_and_england_is_on_average_one():
    icbs, utlas = areas_at("icb"), areas_at("utla")
    assert len(icbs) == 42 and len(utlas) == 153
    assert all(record.need_percent is not None for record in bundled_areas())
    weighted = sum(r.need_percent * r.population_total for r in utlas) / sum(r.population_total for r in utlas)
    assert weighted == pytest.approx(ENGLAND_DISABLED_PERCENT, abs=0.1)
    # Any long-term condition (TS038: disabled, or not disabled with a condition), the default measure.
    assert all(record.ltc_percent > record.need_percent for record in bundled_areas())
    weighted = sum(r.ltc_percent * r.population_total for r in utlas) / sum(r.population_total for r in utlas)
    assert weighted == pytest.approx(ENGLAND_ANY_LTC_PERCENT, abs=0.1)


def test_one_area_through_the_batch_equals_run_of_that_areas_scenario():
    doc = _three_options()
    areas = area_inputs(doc, areas_at("utla"))
    batch = run_areas(doc, areas)
    for a in (0, 57, 152):
        for k in range(3):
            area_doc = replace(doc, area=areas[a])
            scenario = area_doc.scenario(k)
            if k == 2:  # a custom group's size scales with the area's population
                scale = areas[a].population / doc.area.population
                scenario = replace(scenario, interventions=tuple(
                    replace(iv, custom_size=iv.custom_size * scale) if iv.target_group == "custom" else iv
                    for iv in scenario.interventions))
            expected = run(scenario).summary
            for key, value in expected.items():
                assert batch[a][k][key] == (None if value is None else pytest.approx(value, rel=1e-12)), key


def test_one_area_simulated_through_the_batch_equals_simulate_of_that_areas_document():
    doc = _three_options()
    doc = replace(doc, options=doc.options[:2])  # no custom group: the area's document is then the same mix
    areas = area_inputs(doc, areas_at("icb"))
    batch = simulate_areas(doc, areas[:3], 3_000, 7)  # more draws than one chunk of an area's evaluation
    for a in range(3):
        sim = simulate(replace(doc, area=areas[a]), iterations=3_000, seed=7)
        for k, option in enumerate(sim.options):
            for key in ("npv_fiscal", "npv_social"):
                for stat in ("mean", "p5", "p50", "p95"):
                    assert batch[a][k][key][stat] == pytest.approx(option.summary[key][stat], rel=1e-9), (a, k, key)
            assert batch[a][k]["prob_npv_fiscal_positive"] == option.summary["prob_npv_fiscal_positive"]
            assert batch[a][k]["prob_bcr_social_above_1"] == option.summary["prob_bcr_social_above_1"]


def test_england_rows_are_the_sums_of_the_areas():
    doc = _three_options()
    areas = area_inputs(doc, areas_at("icb"))
    batch, england = run_areas(doc, areas), england_rows(doc, areas)
    for k in range(3):
        for key in ("pv_cost", "pv_saving", "npv_social", "qalys", "starters", "total_cost"):
            assert england[k][key] == pytest.approx(sum(row[k][key] for row in batch)), key
        assert england[k]["bcr_social"] == pytest.approx(england[k]["pv_social"] / england[k]["pv_cost"])


def test_the_csv_has_the_documented_columns_a_row_per_area_and_option_and_the_sources_beside_it(tmp_path):
    doc = _three_options()
    table = run_all_areas(doc, "icb")
    written = write_area_table(table, tmp_path / "icbs.csv")
    with open(written[0], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 42 * 3 + 3 and {r["area_name"] for r in rows[-3:]} == {"England (sum of the areas)"}
    licence = written[1].read_text()
    assert "Open Government Licence" in licence and "Office for National Statistics" not in rows[0]["area_name"]


def test_the_command_line_writes_csv_or_a_workbook_and_simulates_on_request(tmp_path, capsys):
    path = tmp_path / "doc.json"
    write_scenario_json(_three_options(), path)
    assert cli.main(["areas", "run", str(path), "--level", "utla"]) == 0
    out = capsys.readouterr()
    assert out.out.splitlines()[0].lstrip("\ufeff").startswith("area_code,area_name,option,population")
    assert len(out.out.splitlines()) == 1 + 153 * 3 + 3 and "Open Government Licence" in out.err
    xlsx = tmp_path / "areas.xlsx"
    assert cli.main(["areas", "run", str(path), "--level", "icb", "--out", str(xlsx), "--iterations", "200"]) == 0
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    assert wb.sheetnames == ["All areas", "Sources"]
    sheet = wb["All areas"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Area code", "Area", "Option", "Population (all ages)"]
    assert header[-6:] == ["Net fiscal value, 5th percentile", "Net fiscal value, 95th percentile",
                           "Net social value, 5th percentile", "Net social value, 95th percentile",
                           "Chance net fiscal value > 0", "Chance social return > £1"]
    assert sheet.max_row == 1 + 42 * 3 + 3
    formats = {header[c.column - 1]: c.number_format for c in sheet[2]}
    assert formats["Population (all ages)"] == "#,##0" and formats["Adults (18+)"] == "0.0%"
    assert formats["Net social value"] == "£#,##0;[Red](£#,##0)" and formats["Chance net fiscal value > 0"] == "0.0%"
    assert formats["QALYs gained"] == "0.000" and formats["Area"] == "@"
    keys = {row[0].value: row[1].value for row in wb["Sources"].iter_rows() if row[0].value in header}
    assert keys["Net social value"] == "npv_social" and len(keys) == len(header)  # the CSV's key of each column


def test_a_bad_level_exits_2(tmp_path, capsys):
    path = tmp_path / "doc.json"
    write_scenario_json(default_document(), path)
    with pytest.raises(SystemExit) as caught:
        cli.main(["areas", "run", str(path), "--level", "lsoa"])
    assert caught.value.code == 2
