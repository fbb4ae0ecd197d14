"""The monitoring workbook: template -> filled in with openpyxl -> read back; problems named with
sheet and cell; the file read is never changed."""

import hashlib
from dataclasses import replace

import openpyxl
import pytest

from rtv_desktop.core import Document, Uncertain, default_document
from rtv_desktop.core.monitoring import forecast_activity, monitoring_summary, observed_effects
from rtv_desktop.io import InputFileError
from rtv_desktop.io.monitoring import ACTIVITY_HEADERS, OUTCOME_HEADERS, read_actuals, write_template
from tests.core.builders import intervention, scenario

ROW = 5  # first data row under the headings


def small_document():
    s = scenario([intervention(id="coach")], start_year="2026/27")
    return Document.from_scenario(s, "Coaching")


@pytest.fixture
def template(tmp_path):
    doc = small_document()
    return doc, write_template(doc, tmp_path / "monitoring.xlsx")


def fill(path, activity=None, outcomes=None, out=None):
    """Type values into the template as a user would (``{(sheet column header, row): value}``)."""
    wb = openpyxl.load_workbook(path)
    for sheet, values, headers in (("Activity", activity, ACTIVITY_HEADERS), ("Outcomes", outcomes, OUTCOME_HEADERS)):
        for (name, row), value in (values or {}).items():
            wb[sheet].cell(row, headers.index(name) + 1, value)
    target = out or path
    wb.save(target)
    return target


def test_template_layout(template):
    doc, path = template
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Guide", "Activity", "Outcomes"]
    activity, outcomes = wb["Activity"], wb["Outcomes"]
    assert [c.value for c in activity[4]] == list(ACTIVITY_HEADERS)
    assert [c.value for c in outcomes[4]] == list(OUTCOME_HEADERS)
    # 3 years x 4 quarters, one intervention
    assert activity.max_row == 4 + 12
    first = [c.value for c in activity[ROW]]
    assert first == [1, "2026/27 Q1", "coach", "Test intervention", 25.0, None, 12.5, None, 3250.0, None]
    # forecasts grey and locked, actuals yellow and unlocked, the sheet protected
    assert activity.protection.sheet
    assert activity["E5"].protection.locked and activity["E5"].fill.fgColor.rgb.endswith("D9D9D9")
    assert not activity["F5"].protection.locked and activity["F5"].fill.fgColor.rgb.endswith("FFF2CC")
    rules = {str(dv.sqref): dv.type for dv in activity.data_validations.dataValidation}
    assert rules == {"F5:F16 H5:H16": "whole", "J5:J16": "decimal"}
    # one life-satisfaction row, and the GP effect for participants and a comparison group
    assert [[c.value for c in row][:4] for row in outcomes.iter_rows(min_row=5)] == [
        [1, "coach", "life_satisfaction", "participants"], [1, "coach", "service:gp", "participants"],
        [1, "coach", "service:gp", "comparison"]]
    assert not outcomes["E5"].protection.locked and outcomes["K5"].protection.locked
    guide = wb["Guide"]
    assert guide["B4"].value == "2026/27"
    text = " ".join(str(c.value) for row in guide.iter_rows() for c in row if c.value)
    assert "provider's quarterly return" in text and "comparison group" in text


def test_round_trip_to_the_summary(template, tmp_path):
    doc, path = template
    # year 1 half the starters; one quarter still blank; GP use with a comparison group; life satisfaction
    activity = {}
    for q in range(3):
        activity.update({("starters", ROW + q): 12, ("completers", ROW + q): 6, ("spend", ROW + q): 1450 + 500 * (q == 0)})
    outcomes = {("before_contacts", 6): 200, ("before_person_years", 6): 100, ("after_contacts", 6): 150,
                ("after_person_years", 6): 100, ("before_contacts", 7): 100, ("before_person_years", 7): 100,
                ("after_contacts", 7): 90, ("after_person_years", 7): 100, ("before_mean", 5): 6.8,
                ("before_sd", 5): 2.0, ("before_n", 5): 50, ("after_mean", 5): 7.4, ("after_sd", 5): 1.8,
                ("after_n", 5): 40}
    filled = fill(path, activity, outcomes, tmp_path / "filled.xlsx")
    actuals = read_actuals(doc, filled)
    assert actuals.start_year == "2026/27" and actuals.source == "filled.xlsx"
    assert [row.forecast for row in actuals.activity] == [row.forecast for row in forecast_activity(doc)]
    assert actuals.activity[0].actual.starters == 12 and actuals.activity[0].actual.spend == 1950
    assert actuals.activity[3].actual.starters is None  # blank: not yet known
    wellbeing, gp = observed_effects(actuals)  # in the order of the Outcomes rows
    assert (gp.design, gp.grade) == ("controlled", 2)
    assert gp.value == pytest.approx(1 - 0.8333, abs=1e-4)
    assert wellbeing.value == pytest.approx(0.6)
    summary = monitoring_summary(doc, actuals)
    option = summary["options"][0]
    assert option["quarters"][0]["variance"]["starters"] == {"number": -13.0, "percent": -52.0}
    assert option["quarters"][3]["variance"]["starters"] is None
    assert option["reforecast"]["pv_cost"] < option["forecast"]["pv_cost"]


def test_reading_never_changes_the_file(template):
    doc, path = template
    fill(path, {("starters", ROW): 20})
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    stamp = path.stat().st_mtime_ns
    read_actuals(doc, path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before and path.stat().st_mtime_ns == stamp


def problems_of(doc, path):
    with pytest.raises(InputFileError) as caught:
        read_actuals(doc, path)
    return [str(p) for p in caught.value.problems]


def test_mistyped_cells_are_named_with_sheet_and_cell(template):
    doc, path = template
    fill(path, {("starters", ROW): "twelve", ("completers", ROW + 1): -3, ("spend", ROW + 2): "lots",
                ("starters", ROW + 3): 2.5, ("quarter", ROW + 4): "2031/32 Q1",
                ("intervention_id", ROW + 5): "nobody"},
         {("before_mean", 5): 12, ("before_contacts", 6): "many"})
    found = problems_of(doc, path)
    assert found == [
        "sheet 'Activity', cell B9: names a quarter outside the document's 3 years from 2026/27: '2031/32 Q1' "
        "(write it like '2026/27 Q1')",
        "sheet 'Activity', cell C10: names an intervention option 1 (Coaching) does not have: 'nobody'",
        "sheet 'Activity', cell F5: Starters must be a number; it holds text. Type a number such as 0.05 "
        "(no words or units)",
        "sheet 'Activity', cell H6: Completers cannot be negative; it is -3. Leave the cell blank if the figure is "
        "not yet known",
        "sheet 'Activity', cell J7: Spend must be a number; it holds text. Type a number such as 0.05 "
        "(no words or units)",
        "sheet 'Activity', cell F8: Starters must be a whole number; it is 2.5",
        "sheet 'Outcomes', cell E5: Mean before must be from 0 to 10; it is 12",
        "sheet 'Outcomes', cell K6: Contacts before must be a number; it holds text. Type a number such as 0.05 "
        "(no words or units)",
    ]


def test_missing_sheet_and_heading(template, tmp_path):
    doc, path = template
    wb = openpyxl.load_workbook(path)
    wb["Activity"]["J4"] = "money"
    wb.save(tmp_path / "heading.xlsx")
    assert problems_of(doc, tmp_path / "heading.xlsx") == [
        "sheet 'Activity', row 4: has no column headed 'spend': do not rename or delete the headings"]
    del wb["Outcomes"]
    wb.save(tmp_path / "sheet.xlsx")
    (found,) = problems_of(doc, tmp_path / "sheet.xlsx")
    assert found.startswith("sheet 'Outcomes': is missing")


def test_an_option_the_document_does_not_have(template):
    doc, path = template
    fill(path, {("option", ROW): 3})
    assert problems_of(doc, path) == [
        "sheet 'Activity', cell A5: names an option the document does not have: '3' (options are numbered 1 to 1)"]


def test_not_a_workbook(tmp_path):
    path = tmp_path / "notes.xlsx"
    path.write_text("hello")
    with pytest.raises(InputFileError, match="not an Excel workbook"):
        read_actuals(small_document(), path)


def test_example_document_template_has_every_option_and_effect(tmp_path):
    doc = default_document()
    doc = replace(doc, options=doc.options + (replace(doc.options[0], name="Smaller"),))
    path = write_template(doc, tmp_path / "example.xlsx", "2027/28")
    wb = openpyxl.load_workbook(path)
    rows = list(wb["Activity"].iter_rows(min_row=5, values_only=True))
    assert len(rows) == 2 * 5 * 4 * 6
    assert rows[0][1] == "2027/28 Q1" and rows[-1][:2] == (2, "2031/32 Q4")
    outcomes = {(r[0], r[1], r[2]) for r in wb["Outcomes"].iter_rows(min_row=5, values_only=True)}
    assert (1, "health_coaching", "service:op") in outcomes and (2, "asset_based", "life_satisfaction") in outcomes
    assert read_actuals(doc, path).activity[0].actual.starters is None


def test_bad_start_year_is_refused(tmp_path):
    with pytest.raises(ValueError, match="2026/27"):
        write_template(small_document(), tmp_path / "x.xlsx", "2026/28")
    assert not (tmp_path / "x.xlsx").exists()


def test_zero_effect_range_still_gets_a_row(tmp_path):
    doc = small_document()
    doc = doc.with_interventions(0, [replace(doc.options[0].interventions[0],
                                             effect=(("gp", Uncertain.fixed(0.0)),))])
    wb = openpyxl.load_workbook(write_template(doc, tmp_path / "z.xlsx"))
    assert wb["Outcomes"].max_row == 7
