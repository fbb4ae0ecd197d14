"""Chart export: PNG, SVG with its CSV beside it, CSV alone, and the clipboard."""

import re
import csv
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget

from rtv_desktop.core import default_scenario, run, simulate, tornado
from rtv_desktop.io.errors import SaveError
from rtv_desktop.ui.charts.export import copy_to_clipboard, export_csv, export_png, export_svg
from rtv_desktop.ui.charts.savings import CumulativeChart
from rtv_desktop.ui.charts.uncertainty import HistogramChart
from rtv_desktop.ui.charts.style import MoneyAxis
from rtv_desktop.ui.pages.results import ResultsPage

SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def results():
    return run(default_scenario())


@pytest.fixture
def cumulative(qtbot, results):
    chart = CumulativeChart()
    qtbot.addWidget(chart)
    chart.resize(640, 420)
    chart.show()
    qtbot.waitExposed(chart)
    chart.update_results(results)
    return chart


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def svg_texts(path) -> str:
    root = ET.parse(path).getroot()
    return " ".join("".join(node.itertext()) for node in root.iter(f"{SVG_NS}text"))


def test_png_is_a_picture_of_the_chart(cumulative, tmp_path):
    path = export_png(cumulative, tmp_path / "cumulative.png")
    image = QImage(str(path))
    assert not image.isNull()
    # Drawn at twice the on-screen size for print.
    assert image.width() == 2 * cumulative.body.width() and image.height() == 2 * cumulative.body.height()
    assert not (tmp_path / "cumulative.png.bak").exists()


def test_svg_is_xml_with_axis_labels_and_writes_csv_beside_it(cumulative, tmp_path):
    path = export_svg(cumulative, tmp_path / "board paper.svg")
    assert ET.parse(path).getroot().tag == f"{SVG_NS}svg"
    texts = svg_texts(path)
    assert "Delivery year" in texts
    assert "Year 1" in texts
    assert re.search(r"£\d{1,3}(,\d{3})+ ", texts + " ")  # a money tick label, with thousands separators
    # Point symbols are drawn as shapes: a bitmap atlas would be squashed into each point.
    assert path.read_text(encoding="utf-8").count("<image") <= 1  # the plain background only
    assert (tmp_path / "board paper.csv").exists()


def test_csv_reads_back_to_the_numbers_drawn(cumulative, results, tmp_path):
    export_csv(cumulative, tmp_path / "cumulative.csv")
    header, *rows = read_csv(tmp_path / "cumulative.csv")
    assert header == ["Year", "Cumulative cost (£)", "Cumulative NHS savings (£)"]
    values = np.array(rows, dtype=float)
    np.testing.assert_array_equal(values[:, 0], [1, 2, 3, 4, 5])
    np.testing.assert_array_equal(values[:, 1], np.cumsum(results.cost.sum(0)))
    np.testing.assert_array_equal(values[:, 2], np.cumsum(results.saving.sum((0, 2))))


def test_every_chart_exports_its_data(qtbot, results, tmp_path):
    page = ResultsPage()
    qtbot.addWidget(page)
    page.show_results(results)
    page.show_tornado(tornado(default_scenario()))
    page.show_simulation(simulate(default_scenario(), 500, seed=3))
    for name in page.charts.names():
        chart = page.chart(name)
        # Charts on tabs never shown are exported too, at a sensible size.
        export_svg(chart, tmp_path / f"{name}.svg")
        header, *rows = read_csv(tmp_path / f"{name}.csv")
        assert rows, name
        assert all(len(row) == len(header) for row in rows), name
        assert any("£" in column for column in header), name
        assert not QImage(str(export_png(chart, tmp_path / f"{name}.png"))).isNull()
    _, *rows = read_csv(tmp_path / "histogram.csv")
    assert sum(int(row[2]) for row in rows) == 500


def test_an_empty_chart_cannot_be_exported(qtbot, tmp_path):
    chart = HistogramChart()
    qtbot.addWidget(chart)
    assert not chart.export_button.isEnabled()
    assert not any(action.isEnabled() for action in chart.actions_by_key.values())
    for export in (export_csv, export_png, export_svg):
        with pytest.raises(SaveError, match="empty"):
            export(chart, tmp_path / "histogram.out")
    with pytest.raises(SaveError, match="empty"):
        copy_to_clipboard(chart)
    assert list(tmp_path.iterdir()) == []


def test_saving_into_a_missing_folder_says_so(cumulative, tmp_path):
    with pytest.raises(SaveError, match="Could not save"):
        export_png(cumulative, tmp_path / "no such folder" / "chart.png")


def test_copy_puts_an_image_on_the_clipboard(cumulative):
    QGuiApplication.clipboard().clear()
    copy_to_clipboard(cumulative)
    image = QGuiApplication.clipboard().image()
    assert not image.isNull() and image.width() > 100 and image.height() > 100


def test_copy_and_save_are_offered_on_each_chart(cumulative):
    names = {action.objectName() for action in cumulative.actions()}
    assert names == {"chart.cumulative.copy", "chart.cumulative.save_png", "chart.cumulative.save_svg",
                     "chart.cumulative.save_csv", "chart.cumulative.show_table"}
    assert [a.text() for a in cumulative.export_button.menu().actions()] == [
        "Copy", "Save as PNG...", "Save as SVG...", "Save data as CSV...", "Show as &table..."]
    QGuiApplication.clipboard().clear()
    cumulative.actions_by_key["copy"].trigger()
    assert not QGuiApplication.clipboard().image().isNull()


def test_money_axes_label_pounds_with_separators(cumulative):
    left = cumulative.plot.getAxis("left")
    assert isinstance(left, MoneyAxis)
    assert left.tickStrings([0, 2_000_000, -500_000], 1.0, 500_000) == ["£0", "£2,000,000", "-£500,000"]
    bottom = MoneyAxis("bottom")
    assert bottom.tickStrings([-12e6, -10e6, 0], 1.0, 2e6) == ["-£12m", "-£10m", "£0"]


def test_chart_names_match_the_contract(qtbot):
    page = ResultsPage()
    qtbot.addWidget(page)
    for name in page.charts.names():
        chart = page.chart(name)  # made when its tab is first shown, or asked for
        assert page.findChild(QWidget, f"chart.{name}") is chart


def test_exports_leave_out_the_buttons_and_selectors(qtbot, tmp_path):
    sim = simulate(default_scenario(), 300, seed=5)
    chart = HistogramChart()
    qtbot.addWidget(chart)
    chart.resize(640, 420)
    chart.show()
    qtbot.waitExposed(chart)
    chart.update_simulation(sim)
    export_svg(chart, tmp_path / "histogram.svg")
    texts = svg_texts(tmp_path / "histogram.svg")
    assert "Spread of net fiscal value" in texts
    assert f"P(net fiscal benefit > 0) = {sim.summary['prob_npv_fiscal_positive']:.0%}" in texts
    assert "Copy / save" not in texts
    assert chart.export_button.isVisible() and chart.selector.isVisible()  # back on screen afterwards
