"""The workbook's live formulas, recalculated by LibreOffice, equal the core.

Results equals ``compare(doc).options[k].summary``, Comparison its increments and preferred
option, By party ``run(doc.scenario(k)).by_party`` and ``party_flows``, to 1e-9 relative.
One LibreOffice call recalculates every workbook of this module.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import openpyxl
import pytest

from rtv_desktop.core import (
    PARTY_KEYS, SUMMARY_KEYS, Document, Option, Uncertain, compare, default_document, default_scenario,
    service_catalogue,
)
from rtv_desktop.io.workbook.write import write_workbook

from .libreoffice import recalculate, requires_libreoffice
from .workbook_cases import edit_copy, named_cell, named_values, rich_document, table_cell

pytestmark = [pytest.mark.libreoffice, requires_libreoffice]
INJECTED = "=1+2"
REL = 1e-9


def _with_horizon(doc: Document, years: int) -> Document:
    return replace(doc, settings=replace(doc.settings, horizon_years=years))


def _custom_group_and_ambulance() -> Document:
    """A custom group, an added service and effects big enough to pay back."""
    s = default_scenario()
    ambulance = next(svc for svc in service_catalogue() if svc.id == "ambulance")
    ambulance = replace(ambulance, baseline=(0.1, 0.2, 0.25, 0.3, 0.5))
    coaching = replace(s.interventions[2], name="Coaching, custom group", target_group="custom",
                       custom_size=12_000.0, fixed_cost=0.0, setup_cost=1_000.0, cost_grade=1,
                       effect=(("gp", Uncertain(0.3, 0.1, 0.4)), ("ambulance", Uncertain(0.4, 0.0, 0.5)),
                               ("nel", Uncertain(0.25, 0.0, 0.3))), effect_years=4, drop_off=Uncertain.fixed(0.2))
    return Document.from_scenario(replace(s, name=INJECTED, services=s.services + (ambulance,),
                                          interventions=(coaching,)), "Coaching")


def _nothing_wins() -> Document:
    """Costs with no benefit, and no comparator: doing nothing is preferred."""
    doc = default_document()
    spend = replace(doc.options[0].interventions[0], effect=(), wellbeing_gain=Uncertain.fixed(0.0))
    return replace(doc, options=(Option("Spend only", (spend,)), Option("Twice", (spend, replace(spend, id="b")))))


def _tie() -> Document:
    """Two identical options: the first is preferred; their increments against each other are zero."""
    doc = default_document()
    return replace(doc, options=(doc.options[0], replace(doc.options[0], name="Copy")), comparator=1)


def _edited_settings(doc: Document) -> Document:
    st = doc.settings
    return replace(doc, settings=replace(st, horizon_years=3, discount_rate=0.05, volunteer_time="benefit",
                                         qaly_threshold=30_000.0, wellby_value=Uncertain(15_000.0, st.wellby_value.low,
                                                                                         st.wellby_value.high)))


def _edited_inputs(doc: Document) -> Document:
    """The analyst's edits: population, and option 2's social prescribing reach and NHS share."""
    second = doc.options[1]
    prescribing = replace(second.interventions[1], reach=Uncertain(0.02, 0.01, 0.03),
                          funding=(("nhs", 0.3), ("vcse", 0.7)))
    options = (doc.options[0], replace(second, interventions=(second.interventions[0], prescribing)), doc.options[2])
    return replace(doc, area=replace(doc.area, population=350_000.0), options=options)


CASES = {
    "default": default_document(),
    "one_year": _with_horizon(default_document(), 1),
    "ten_years": _with_horizon(default_document(), 10),
    "custom_group": _custom_group_and_ambulance(),
    "no_interventions": replace(default_document(), options=(Option("Nothing yet"),)),
    "three_options": rich_document(),
    "three_no_comparator": rich_document(comparator=None, volunteer_time="excluded"),
    "nothing_wins": _nothing_wins(),
    "tie": _tie(),
}
EDITED = {"edited_inputs": _edited_inputs(rich_document()), "edited_settings": _edited_settings(rich_document())}


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory):
    """Every case exported, plus an analyst's edited copies, recalculated in one LibreOffice call."""
    folder = tmp_path_factory.mktemp("workbooks")
    paths = [write_workbook(doc, folder / f"{name}.xlsx") for name, doc in CASES.items()]
    source = folder / "three_options.xlsx"
    wb = openpyxl.load_workbook(source)
    cells = {key: table_cell(wb, "Interventions", key, 2).coordinate
             for key in ("reach", "reach_low", "reach_high", "funding_nhs", "funding_vcse")}
    edit_copy(source, folder / "edited_inputs.xlsx", {
        "area_population": 350_000, ("Interventions", cells["reach"]): 0.02, ("Interventions", cells["reach_high"]): 0.03,
        ("Interventions", cells["funding_nhs"]): 0.3, ("Interventions", cells["funding_vcse"]): 0.7})
    edit_copy(source, folder / "edited_settings.xlsx", {"settings_horizon_years": 3, "settings_discount_rate": 0.05,
                                                       "settings_wellby_value": 15_000,
                                                       "settings_volunteer_time": "benefit",
                                                       "settings_qaly_threshold": 30_000})
    paths += [folder / "edited_inputs.xlsx", folder / "edited_settings.xlsx"]
    out = recalculate(paths, folder / "out")
    return {p.stem: openpyxl.load_workbook(p, data_only=True) for p in out} | {"_paths": {p.stem: p for p in out}}


def _close(got, expected, what) -> None:
    if expected is None:
        assert got in (None, ""), what
    elif isinstance(expected, str):
        assert got == expected, what
    else:
        assert isinstance(got, (int, float)), (what, got)
        assert got == pytest.approx(expected, rel=REL, abs=1e-6), what


def assert_matches_core(wb, doc: Document) -> None:
    comparison = compare(doc)
    for k, result in enumerate(comparison.options):
        for key in SUMMARY_KEYS:
            _close(named_cell(wb, f"opt{k + 1}_{key}").value, result.summary[key], (k, key))
        for key, value in comparison.increments[k].items():
            _close(named_cell(wb, f"opt{k + 1}_{key}").value, value, (k, key))
        for row in result.by_party:
            for key in PARTY_KEYS:
                _close(named_cell(wb, f"opt{k + 1}_{row['party']}_{key}").value, row[key], (k, row["party"], key))
        years = doc.settings.horizon_years
        for party, flows in result.party_flows.items():
            for flow, values in flows.items():
                got = named_values(wb, f"opt{k + 1}_{party}_{flow}_by_year")
                assert np.allclose(got[:years], values, rtol=REL, atol=1e-6), (k, party, flow)
                assert all(v == 0 for v in got[years:]), (k, party, flow)
    preferred = named_cell(wb, "preferred").value
    assert (None if preferred in (None, "") else preferred - 1) == comparison.preferred
    for key in SUMMARY_KEYS:  # the bare names keep naming option 1's figures
        _close(named_cell(wb, key).value, comparison.options[0].summary[key], key)


@pytest.mark.parametrize("case", list(CASES))
def test_formulas_reproduce_the_core(recalculated, case):
    assert_matches_core(recalculated[case], CASES[case])


def test_the_cases_exercise_what_they_claim():
    rich = compare(CASES["three_options"])
    assert rich.preferred == 2 and rich.increments[1]["icer"] is not None
    assert rich.options[2].party("council")["pays"] > 0 and rich.options[2].party("council")["saves"] > 0
    assert rich.options[2].summary["qalys"] > 0 and CASES["three_options"].settings.volunteer_time == "cost"
    assert compare(CASES["nothing_wins"]).preferred is None
    assert compare(CASES["tie"]).increments[0]["icer_quadrant"] is None
    assert compare(CASES["custom_group"]).options[0].summary["payback_year"] > 0


@pytest.mark.parametrize("case", list(EDITED))
def test_analyst_edits_recompute_everything(recalculated, case):
    edited = EDITED[case]
    assert compare(edited).options[2].summary["npv_social"] != compare(CASES["three_options"]).options[2].summary[
        "npv_social"]
    assert_matches_core(recalculated[case], edited)


@pytest.mark.parametrize("case", list(CASES) + list(EDITED))
def test_no_formula_errors_and_every_check_ok(recalculated, case):
    wb = recalculated[case]
    errors = [(ws.title, c.coordinate, c.value) for ws in wb for row in ws.iter_rows() for c in row
              if isinstance(c.value, str) and c.value.startswith(("#", "Err:"))]
    assert errors == []
    statuses = [c.value for row in wb["Checks"].iter_rows(min_row=5, min_col=2, max_col=2) for c in row if c.value]
    assert statuses and set(statuses) == {"OK"}
    assert any(c.value == f"All {len(statuses)} checks pass" for row in wb["Cover"].iter_rows() for c in row)


def test_the_cover_names_the_preferred_option(recalculated):
    values = [c.value for row in recalculated["three_options"]["Cover"].iter_rows() for c in row]
    assert "Full mix" in values
    assert "Doing nothing" in [c.value for row in recalculated["nothing_wins"]["Comparison"].iter_rows() for c in row]
    quadrants = named_cell(recalculated["three_options"], "opt2_icer_quadrant").value
    assert quadrants == compare(CASES["three_options"]).increments[1]["icer_quadrant"]


def test_formula_like_name_shows_as_text_in_libreoffice(recalculated):
    assert named_cell(recalculated["custom_group"], "scenario_name").value == INJECTED


def test_failing_checks_say_check(tmp_path):
    source = write_workbook(rich_document(), tmp_path / "s.xlsx")
    wb = openpyxl.load_workbook(source)
    funding = table_cell(wb, "Interventions", "funding_nhs", 0).coordinate
    second = table_cell(wb, "Options", "name", 1).coordinate
    edit_copy(source, tmp_path / "bad.xlsx", {"area_over65_share": 0.9, ("Interventions", funding): 0.5,
                                              ("Options", second): "Current service", "comparator": 9})
    (out,) = recalculate([tmp_path / "bad.xlsx"], tmp_path / "out")
    wb = openpyxl.load_workbook(out, data_only=True)
    rows = {row[0].value: row[1].value for row in wb["Checks"].iter_rows(min_row=5, max_col=2)}
    failing = {label for label, status in rows.items() if status == "CHECK"}
    assert failing == {"Share aged 65+ is no more than the share aged 18+",
                       "Interventions: funding shares add up to 100%",
                       "Options: every option has a name, different from the others'",
                       "The comparator is blank (doing nothing) or one of the options' numbers",
                       # funding at 50% leaves half of option 1's cost unpaid by any party
                       "Option 1: By party's net positions add up to net social value on Results"}
    assert "5 checks fail: see the Checks sheet" in [c.value for row in wb["Cover"].iter_rows() for c in row]


def test_a_workbook_saved_by_libreoffice_reads_back_unchanged(recalculated):
    """A finance team that opens and saves the file in another spreadsheet sends back the same inputs."""
    from rtv_desktop.io.workbook.read.reader import read_workbook

    for case in ("default", "custom_group", "no_interventions", "three_options"):
        imported = read_workbook(recalculated["_paths"][case])  # LibreOffice's own file
        assert imported.document == CASES[case]
        assert imported.changes == []
