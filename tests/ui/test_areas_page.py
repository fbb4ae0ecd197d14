"""All areas: the document's options in every ICB or council, sortable, per 100,000, exportable,
run on the worker with progress and cancel."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QTableView

from rtv_desktop.io.areas.run import ENGLAND_CODE, run_all_areas
from rtv_desktop.ui.models.areas import FIGURES, LEADING, AreaSortProxy, AreaTableModel
from rtv_desktop.core.text import format_money

from .option_documents import three_options

NPV_SOCIAL = len(LEADING) + [f.key for f in FIGURES].index("npv_social")
SOCIAL_RETURN = len(LEADING) + [f.key for f in FIGURES].index("bcr_social")


@pytest.fixture(scope="module")
def doc():
    return three_options()


@pytest.fixture(scope="module")
def icb_run(doc):
    return run_all_areas(doc, "icb")


@pytest.fixture
def areas(make_window, qtbot, doc):
    """The All areas page of a window on ``doc``, shown, with its first (ICB) run done."""
    window = make_window(doc)
    window.show()
    page = window.areas_page
    with qtbot.waitSignal(window.runner.areasReady, timeout=20_000):
        window.pages.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.table_run is not None)
    return page


def visible_rows(page):
    proxy = page.proxy
    return [proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount())]


def test_the_rows_are_the_all_areas_run_of_every_option(areas, icb_run, doc):
    assert areas.table_run.rows == icb_run.rows
    assert areas.option.currentText() == "All options"
    model = areas.model
    areas_first = [row for row in icb_run.rows if row["area_code"] != ENGLAND_CODE]
    englands = [row for row in icb_run.rows if row["area_code"] == ENGLAND_CODE]
    assert model.rows == areas_first + englands and len(englands) == 3
    for r, row in enumerate(model.rows):
        assert [model.value(r, c) for c in range(3)] == [row["area_name"], row["option"], row["population"]]
        assert model.value(r, NPV_SOCIAL) == row["npv_social"]
        assert model.index(r, NPV_SOCIAL).data() == format_money(row["npv_social"], compact=True)
    for k, option in enumerate(doc.options):
        areas.option.setCurrentIndex(areas.option.findData(option.name))
        expected = [row for row in icb_run.rows if row["option"] == option.name]
        assert len(expected) == 42 + 1 and expected[-1]["area_code"] == ENGLAND_CODE
        assert model.rows == expected
        assert {model.index(r, 1).data() for r in range(model.rowCount())} == {option.name}


def test_sorting_orders_by_the_figure_and_keeps_england_last(areas):
    table = areas.findChild(QTableView, "areas.table")
    rows = areas.model.rows  # every option: three England rows
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        table.sortByColumn(NPV_SOCIAL, order)
        shown = [rows[r] for r in visible_rows(areas)]
        assert [row["area_code"] for row in shown[-3:]] == [ENGLAND_CODE] * 3
        values = [row["npv_social"] for row in shown[:-3]]
        assert len(values) == 3 * 42
        assert values == sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
        england = [row["npv_social"] for row in shown[-3:]]
        assert england == sorted(england, reverse=order == Qt.SortOrder.DescendingOrder)
    table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = [rows[r]["area_name"] for r in visible_rows(areas)][:-3]
    assert names == sorted(names, key=str.casefold)


def test_per_100000_residents_divides_money_but_not_ratios(areas):
    areas.option.setCurrentIndex(areas.option.findData("Full mix"))
    rows = areas.model.rows
    areas.scale.setCurrentIndex(1)
    model = areas.model
    assert model.headerData(NPV_SOCIAL, Qt.Orientation.Horizontal) == "Net social\nvalue\nper 100,000"
    for r, row in enumerate(rows):
        assert model.value(r, NPV_SOCIAL) == pytest.approx(row["npv_social"] * 100_000 / row["population"])
        assert model.value(r, SOCIAL_RETURN) == row["bcr_social"]
    chart = areas.chart
    england = rows[-1]
    assert chart.england_line.isVisible()
    assert chart.england_line.value() == pytest.approx(england["npv_social"] * 100_000 / england["population"])
    per_head = sorted((row["npv_social"] * 100_000 / row["population"] for row in rows[:-1]), reverse=True)
    np.testing.assert_allclose(chart.drawn(), per_head)


def test_the_ranked_chart_ranks_the_chosen_figure_of_the_chosen_option(areas, icb_run, doc):
    areas.option.setCurrentIndex(areas.option.findData("Full mix"))
    areas.figure.setCurrentIndex(areas.figure.findData("npv_fiscal"))
    expected = [row for row in icb_run.rows if row["option"] == "Full mix" and row["area_code"] != ENGLAND_CODE]
    np.testing.assert_allclose(areas.chart.drawn(), sorted((row["npv_fiscal"] for row in expected), reverse=True))
    assert areas.chart.title_label.text() == "Net fiscal value: Full mix"
    assert not areas.chart.england_line.isVisible()  # a sum of areas is no yardstick for one area
    assert len(areas.chart.names) == 42
    assert [label for _colour, label, _swatch in areas.chart.legend_entries] == ["Gain", "Loss"]


def test_with_every_option_the_chart_ranks_every_area_and_option(areas, icb_run, doc):
    areas.option.setCurrentIndex(areas.option.findData(None))
    expected = [row for row in icb_run.rows if row["area_code"] != ENGLAND_CODE]
    np.testing.assert_allclose(areas.chart.drawn(), sorted((row["npv_social"] for row in expected), reverse=True))
    assert len(areas.chart.names) == 3 * 42
    assert [label for _colour, label, _swatch in areas.chart.legend_entries] == [o.name for o in doc.options]
    headers, rows = areas.chart.table()
    assert headers[:2] == ["Area", "Option"] and {row[1] for row in rows} == {o.name for o in doc.options}


def test_councils_with_draws_add_the_simulated_columns(areas, qtbot, doc):
    areas.level.setCurrentIndex(areas.level.findData("utla"))
    areas.draws.setCurrentIndex(areas.draws.findData(1_000))
    with qtbot.waitSignal(areas.runner.areasReady, timeout=60_000) as blocker:
        areas.run_button.click()
    run = blocker.args[1]
    assert run.level == "utla" and run.iterations == 1_000
    assert len(areas.model.rows) == 3 * (153 + 1)
    titles = [areas.model.headerData(c, Qt.Orientation.Horizontal) for c in range(areas.model.columnCount())]
    assert "Chance net\nfiscal value >\n0" in titles
    assert "1,000 draws per area" in areas.status.text() and "153 upper-tier councils" in areas.status.text()


def test_cancel_stops_a_simulated_run(areas, qtbot):
    areas.level.setCurrentIndex(areas.level.findData("utla"))
    areas.draws.setCurrentIndex(areas.draws.findData(5_000))
    before = areas.table_run
    with qtbot.waitSignal(areas.runner.areasProgress, timeout=60_000):
        areas.run_button.click()
    assert areas.cancel_button.isEnabled() and areas.progress.isVisibleTo(areas)
    with qtbot.waitSignal(areas.runner.areasCancelled, timeout=20_000) as blocker:
        areas.cancel_button.click()
    assert "cancelled after" in blocker.args[1] and "of 153 areas" in blocker.args[1]
    qtbot.waitUntil(lambda: not areas.runner.areas_busy)
    assert areas.table_run is before  # the last finished run stays
    assert areas.status.text().startswith("Run cancelled after")
    assert not areas.cancel_button.isEnabled() and areas.run_button.isEnabled()


def test_an_edit_reruns_the_quick_run_by_itself(areas, qtbot, doc):
    session = areas.session
    first, *others = session.document.options
    renamed = replace(session.document, options=(replace(first, name=first.name + " (v2)"), *others))
    with qtbot.waitSignal(areas.runner.areasReady, timeout=20_000):
        session.set_document(renamed, "Rename")
    qtbot.waitUntil(lambda: not areas.outdated)
    assert areas.option.itemText(1) == "Social prescribing only (v2)"
    assert {row["option"] for row in areas.table_run.rows} >= {"Social prescribing only (v2)"}


def test_new_drops_the_last_run_and_the_run_in_progress(areas, qtbot):
    areas.level.setCurrentIndex(areas.level.findData("utla"))
    areas.draws.setCurrentIndex(areas.draws.findData(5_000))
    with qtbot.waitSignal(areas.runner.areasProgress, timeout=60_000):
        areas.run_button.click()
    window = areas.window()
    window.documents.new_document()
    assert areas.table_run is None and areas.model.rowCount() == 0  # not the last document's areas
    qtbot.waitUntil(lambda: not areas.runner.areas_busy, timeout=30_000)
    assert areas.table_run is None and not areas.export_button.isEnabled()


def test_export_writes_the_table_and_its_licence(areas, tmp_path, icb_run):
    written = areas.export_to(tmp_path / "icbs.csv")
    assert [p.name for p in written] == ["icbs.csv", "icbs-sources.txt"]
    with open(written[0], encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(icb_run.rows) == 3 * 43
    assert float(rows[0]["npv_social"]) == pytest.approx(icb_run.rows[0]["npv_social"])
    assert "Open Government Licence" in written[1].read_text(encoding="utf-8")
    (xlsx,) = areas.export_to(tmp_path / "icbs.xlsx")
    book = load_workbook(xlsx, read_only=True)
    assert book.sheetnames == ["All areas", "Sources"]
    first = next(book["All areas"].iter_rows(min_row=2, max_row=2))
    assert next(book["All areas"].iter_rows(max_row=1))[0].value == "Area code"
    assert first[0].value == rows[0]["area_code"] and first[3].number_format == "#,##0"
    book.close()


def test_export_offers_the_workbook_first_in_the_folder_last_used(areas, tmp_path, icb_run, monkeypatch):
    window = areas.window()
    (tmp_path / "finance").mkdir()
    asked = []

    def answer(_parent, _title, suggested, filters, *_):
        asked.append((suggested, filters))
        return str(tmp_path / "finance" / "mine"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    areas._export_clicked()
    assert (tmp_path / "finance" / "mine.xlsx").exists()  # the first choice, the workbook
    assert asked[0][1].startswith("Excel workbook") and asked[0][0].endswith("all-icb.xlsx")
    areas._export_clicked()
    assert Path(asked[1][0]).parent == tmp_path / "finance"  # where the last export went
    assert window.documents.export_folder() == tmp_path / "finance"


@pytest.mark.parametrize("sorted_view", [False, True])
def test_area_models_pass_the_model_tester(qtmodeltester, icb_run, sorted_view):
    model = AreaTableModel()
    model.set_rows([row for row in icb_run.rows if row["option"] == "Full mix"])
    model.set_per_100k(True)
    proxy = AreaSortProxy()
    proxy.setSourceModel(model)
    proxy.sort(NPV_SOCIAL, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy if sorted_view else model, force_py=True)
    model.set_per_100k(False)  # and it stays consistent through a change while the tester watches
