"""The Area page: bundled areas, and areas imported from a user's table."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QMessageBox

import json

from rtv_desktop.core import FigureSource, default_scenario
from rtv_desktop.core.need import adjusted_index
from rtv_desktop.io.areas.bundled import today
from rtv_desktop.session import Session
from rtv_desktop.ui.pages.area import AreaPage

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
    area = page.session.scenario.area
    assert area.population == 96_000
    assert area.source_of("population").source == "mid-2024 figures for Hartlepool, imported from newer.csv"
    assert area.source_of("population").date == today()


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


def _greater_manchester(page):
    return next(label for label in page._records if label.startswith("NHS Greater Manchester"))


def test_provenance_follows_each_figure_typed_over_a_chosen_area(page, qtbot):
    """Choosing NHS Greater Manchester then typing population 500,000 and adults 100%
    credited the typed figures to ONS; each figure now keeps its own source, in the window and the JSON."""
    assert page.choose_area(_greater_manchester(page))
    page.findChild(QLineEdit, "area.population").setText("500000")
    page.findChild(QLineEdit, "area.adult_share").setText("100")
    area = page.session.scenario.area
    assert (area.population, area.adult_share) == (500_000, 1.0)
    typed = FigureSource("Typed in", today())
    assert area.source_of("population") == typed and area.source_of("adult_share") == typed
    assert area.source_of("over65_share").source.startswith("ONS mid-2022 population estimates, NHS Greater "
                                                            "Manchester")
    assert page.findChild(QLabel, "area.population.note").text() == f"Typed in, {today()}"
    assert page.findChild(QLabel, "area.over65_share.note").text().startswith("ONS mid-2022")
    sources = json.loads(json.dumps(page.session.document.to_dict()))["area"]["sources"]
    assert sources["population"] == {"source": "Typed in", "date": today()}
    assert sources["over65_share"]["source"].startswith("ONS mid-2022")


def test_choosing_an_area_adjusts_the_ltc_shares_for_need_and_it_can_be_switched_off(page):
    national = default_scenario().area
    assert page.choose_area(_greater_manchester(page))
    area = page.session.scenario.area
    index = adjusted_index(area)
    record = page._records[_greater_manchester(page)]
    # Any long-term condition (Census 2021 TS038) is the default measure: the area's share over England's.
    assert index == pytest.approx(record.ltc_percent / 24.13) and index > 1  # more need than England
    assert "any long-term condition" in area.source_of("ltc_share").source
    assert area.ltc_share == pytest.approx(national.ltc_share * index)
    assert area.multimorbid_share == pytest.approx(national.multimorbid_share * index)
    assert "need index" in page.findChild(QLabel, "area.need_note").text()
    assert "not adjusted" in page.findChild(QLabel, "area.need_note").text()  # baseline use per person
    basis = page.findChild(QComboBox, "area.need_basis")
    basis.setCurrentIndex(basis.findData("disability"))  # the other measure, said in the note
    assert adjusted_index(page.session.scenario.area) == pytest.approx(record.need_percent / 17.30)
    assert "disabled under the Equality Act" in page.findChild(QLabel, "area.need_note").text()
    page.session.undo()
    page.set_need_adjustment(False)
    area = page.session.scenario.area
    assert area.ltc_share == national.ltc_share and adjusted_index(area) is None
    assert area.source_of("ltc_share").source.startswith("National default")
    page.session.undo()  # one undoable step
    assert adjusted_index(page.session.scenario.area) == pytest.approx(index)


def test_a_typed_share_keeps_typed_in_as_its_source_after_the_adjustment(page):
    assert page.choose_area(_greater_manchester(page))
    page.findChild(QLineEdit, "area.ltc_share").setText("40")
    area = page.session.scenario.area
    assert area.ltc_share == 0.4 and area.source_of("ltc_share") == FigureSource("Typed in", today())
