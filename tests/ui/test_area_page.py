"""The Area page: bundled areas, and areas imported from a user's table."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox

from rtv_desktop.session import Session
from rtv_desktop.ui.area_page import AreaPage

HEADER = "area_code,area_name,population_total,population_18_plus,population_65_plus,reference_period\n"


@pytest.fixture
def page(qtbot):
    widget = AreaPage(Session())
    qtbot.addWidget(widget)
    return widget


def test_choosing_a_bundled_area_fills_population_and_shares(page):
    label = next(label for label in page._records if label.startswith("Hartlepool"))
    assert page.choose_area(label)
    area = page.session.scenario.area
    assert area.population == 95_366 and area.adult_share == pytest.approx(74_949 / 95_366)
    assert page.findChild(QLabel, "groups.all_adults").text() == "74,949 people"


def test_imported_areas_can_be_searched_and_chosen(page, tmp_path):
    table = tmp_path / "newer.csv"
    table.write_text(HEADER + "E06000001,Hartlepool,96000,75500,19900,mid-2024\n"
                              "X1,My neighbourhood,12000,9000,2500,GP list 2025\n", encoding="utf-8")
    assert page.import_areas(table) == 2
    note = page.findChild(QLabel, "area.import_note").text()
    assert "Added 2 areas" in note and "X1" in note  # the odd code is kept, with a note
    labels = page._labels.stringList()
    chosen = next(label for label in labels if "mid-2024" in label)
    assert page.choose_area(chosen)
    assert page.session.scenario.area.population == 96_000
    assert page.session.scenario.area.reference_period == "mid-2024, from newer.csv"


def test_a_bad_table_adds_nothing_and_says_which_row(page, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    table = tmp_path / "bad.csv"
    table.write_text(HEADER + "E06000001,Hartlepool,1000,2000,100,mid-2024\n", encoding="utf-8")
    before = page._labels.stringList()
    assert page.import_areas(table) == 0
    assert page._labels.stringList() == before
    assert shown and "row 2" in shown[0].lower() and "population_18_plus" in shown[0]
    assert page.findChild(QLineEdit, "area.search") is not None
