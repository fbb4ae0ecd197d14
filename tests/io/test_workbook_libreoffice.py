"""The workbook's live formulas, recalculated by LibreOffice, equal the core's ``run()``.

One LibreOffice call recalculates every workbook of this module (about 2 s in all).
"""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from rtv_desktop.core import SUMMARY_KEYS, Uncertain, default_scenario, run, service_catalogue
from rtv_desktop.io.workbook_writer import write_workbook

from .libreoffice import recalculate, requires_libreoffice
from .workbook_cases import edit_copy, named_cell, table_cell

pytestmark = [pytest.mark.libreoffice, requires_libreoffice]
INJECTED = "=1+2"


def _with_horizon(s, years):
    return replace(s, settings=replace(s.settings, horizon_years=years))


def _custom_group_and_ambulance():
    """A custom group, an added service and effects big enough to pay back."""
    s = default_scenario()
    ambulance = next(svc for svc in service_catalogue() if svc.id == "ambulance")
    ambulance = replace(ambulance, baseline=(0.1, 0.2, 0.25, 0.3, 0.5))
    coaching = replace(s.interventions[2], name="Coaching, custom group", target_group="custom",
                       custom_size=12_000.0, fixed_cost=0.0, setup_cost=1_000.0,
                       effect=(("gp", Uncertain(0.3, 0.1, 0.4)), ("ambulance", Uncertain(0.4, 0.0, 0.5)),
                               ("nel", Uncertain(0.25, 0.0, 0.3))), effect_years=4, drop_off=Uncertain.fixed(0.2))
    return replace(s, name=INJECTED, services=s.services + (ambulance,), interventions=(coaching,))


def _edited(s):
    """What the analyst's edits (population, second intervention's reach) mean for the scenario."""
    second = replace(s.interventions[1], reach=Uncertain(0.008, 0.005, 0.01))
    return replace(s, area=replace(s.area, population=350_000.0),
                   interventions=(s.interventions[0], second, *s.interventions[2:]))


CASES = {
    "default": default_scenario(),
    "one_year": _with_horizon(default_scenario(), 1),
    "custom_group": _custom_group_and_ambulance(),
    "ten_years": _with_horizon(default_scenario(), 10),
    "no_interventions": replace(default_scenario(), interventions=()),
}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    """Every case exported, plus an analyst's edited copy, recalculated in one LibreOffice call."""
    folder = tmp_path_factory.mktemp("workbooks")
    paths = [write_workbook(s, folder / f"{name}.xlsx") for name, s in CASES.items()]
    wb = openpyxl.load_workbook(paths[0])
    reach, high = (table_cell(wb, "Interventions", key, 1).coordinate for key in ("reach", "reach_high"))
    edit_copy(paths[0], folder / "edited.xlsx", {"area_population": 350_000, ("Interventions", reach): 0.008,
                                                 ("Interventions", high): 0.01})
    paths.append(folder / "edited.xlsx")
    edit_copy(paths[0], folder / "edited_settings.xlsx", {"settings_horizon_years": 3, "settings_discount_rate": 0.05,
                                                          "settings_wellby_value": 15_000})
    paths.append(folder / "edited_settings.xlsx")
    out = recalculate(paths, folder / "out")
    return {p.stem: openpyxl.load_workbook(p, data_only=True) for p in out} | {"_paths": {p.stem: p for p in out}}


def _assert_matches_core(wb, scenario):
    expected = run(scenario).summary
    for key in SUMMARY_KEYS:
        got = named_cell(wb, key).value
        if expected[key] is None:
            assert got in (None, ""), key
        else:
            assert isinstance(got, (int, float)), (key, got)
            assert got == pytest.approx(expected[key], rel=1e-9, abs=1e-6), key


@pytest.mark.parametrize("case", list(CASES))
def test_formulas_reproduce_the_core(recalculated, case):
    _assert_matches_core(recalculated[case], CASES[case])


def test_payback_year_formula_finds_the_first_year(recalculated):
    expected = run(CASES["custom_group"]).summary["payback_year"]
    assert expected is not None and expected > 0
    assert named_cell(recalculated["custom_group"], "payback_year").value == expected


def test_analyst_edits_recompute_everything(recalculated):
    edited = _edited(default_scenario())
    assert run(edited).summary["npv_social"] != run(default_scenario()).summary["npv_social"]
    _assert_matches_core(recalculated["edited"], edited)


def test_editing_the_horizon_and_rates_in_excel_recomputes(recalculated):
    s = default_scenario()
    edited = replace(s, settings=replace(s.settings, horizon_years=3, discount_rate=0.05,
                                         wellby_value=Uncertain(15_000.0, 12_300.0, 19_700.0)))
    _assert_matches_core(recalculated["edited_settings"], edited)


@pytest.mark.parametrize("case", list(CASES) + ["edited", "edited_settings"])
def test_no_formula_errors_and_every_check_ok(recalculated, case):
    wb = recalculated[case]
    errors = [(ws.title, c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith(("#", "Err:"))]
    assert errors == []
    statuses = [c.value for row in wb["Checks"].iter_rows(min_row=5, min_col=2, max_col=2) for c in row if c.value]
    assert statuses and set(statuses) == {"OK"}
    assert any(c.value == "All checks OK" for row in wb["Cover"].iter_rows() for c in row)


def test_formula_like_name_shows_as_text_in_libreoffice(recalculated):
    assert named_cell(recalculated["custom_group"], "scenario_name").value == INJECTED


def test_a_failing_check_says_check(tmp_path):
    s = default_scenario()
    source = write_workbook(s, tmp_path / "s.xlsx")
    edit_copy(source, tmp_path / "bad.xlsx", {"area_over65_share": 0.9})
    (out,) = recalculate([tmp_path / "bad.xlsx"], tmp_path / "out")
    wb = openpyxl.load_workbook(out, data_only=True)
    rows = {row[0].value: row[1].value for row in wb["Checks"].iter_rows(min_row=5, max_col=2)}
    assert rows["Share aged 65+ is no more than the share aged 18+"] == "CHECK"
    assert any(str(c.value).startswith("1 check(s) need attention") for row in wb["Cover"].iter_rows() for c in row)


def test_a_workbook_saved_by_libreoffice_reads_back_unchanged(recalculated):
    """A finance team that opens and saves the file in another spreadsheet sends back the same inputs."""
    from rtv_desktop.io.workbook_reader import read_workbook

    for case in ("default", "custom_group", "no_interventions"):
        imported = read_workbook(recalculated["_paths"][case])  # LibreOffice's own file
        assert imported.scenario == CASES[case]
        assert imported.changes == []
