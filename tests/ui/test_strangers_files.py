"""Files that are not RtV Desktop's, opened with File > Open: one line that says what to do instead."""

from __future__ import annotations

import openpyxl


def _budget_sheet(path) -> None:
    wb = openpyxl.Workbook()
    wb.active.title = "Budget"
    wb.active.append(["Line", "2025/26"])
    wb.active.append(["Health coaching", 120_000])
    wb.save(path)


def test_an_ordinary_workbook_is_answered_in_one_line_and_the_document_stays(tmp_path, window):
    path = tmp_path / "budget.xlsx"
    _budget_sheet(path)
    before = window.session.document
    assert not window.documents.open_path(str(path), confirm=False)
    box = window.documents.last_error
    assert box.text() == ("'budget.xlsx' is not an RtV Desktop workbook: open a workbook exported by RtV Desktop "
                          "(File > Export results to Excel), or start from File > New.")
    assert window.session.document is before
    box.grab().save(str(tmp_path / "budget.png"))
    box.close()


def test_an_area_table_opened_as_a_scenario_points_to_import_areas(tmp_path, window):
    path = tmp_path / "areas.csv"
    path.write_text("area_code,area_name,population_total\nE1,Somewhere,1000\n")
    assert not window.documents.open_path(str(path), confirm=False)
    box = window.documents.last_error
    assert box.text() == ("'areas.csv' is a table, not a scenario: to add the areas it lists, use Import areas... "
                          "on the Area & population page.")
    assert "\n" not in box.text()
    box.close()
