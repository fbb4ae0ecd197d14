"""The results page: headline cards, the charts' data, placeholders, stale state, layout."""

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

from rtv_desktop.core import Uncertain, default_scenario, run, simulate, tornado
from rtv_desktop.ui.charts.grid import ChartTab
from rtv_desktop.ui.charts.style import MUTED_RED
from rtv_desktop.ui.charts.uncertainty import TORNADO_ROWS
from rtv_desktop.ui.widgets.kpi import KPI_SPECS, VALUE_COLOURS
from rtv_desktop.ui.pages.results import ResultsPage

CHART_NAMES = ("cumulative", "savings_by_service", "iceberg", "by_intervention", "tornado", "histogram", "fan")


@pytest.fixture(scope="module")
def results():
    return run(default_scenario())


@pytest.fixture(scope="module")
def rows():
    return tornado(default_scenario())


@pytest.fixture(scope="module")
def sim():
    return simulate(default_scenario(), 2000, seed=1)


@pytest.fixture(scope="module")
def paying_back():
    """The default mix with almost no running cost and social prescribing at 8% fewer GP
    consultations: it pays back in its second year. Health coaching (effects 0) is left out."""
    s = default_scenario()
    cheap = tuple(replace(i, fixed_cost=0.0, setup_cost=5_000.0, cost_per_starter=Uncertain.fixed(1.0))
                  for i in s.interventions if i.approach != "health_coaching")
    cheap = tuple(i.with_effect("gp", Uncertain.fixed(0.08)) if i.approach == "social_prescribing" else i
                  for i in cheap)
    result = run(replace(s, interventions=cheap))
    assert result.summary["payback_year"] == 1  # guards the scenario this test relies on
    return result


@pytest.fixture
def page(qtbot):
    widget = ResultsPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def kpi(page, key) -> QLabel:
    return page.findChild(QLabel, f"kpi.{key}")


def chart(page, name):
    """The chart found by its name, once its tab is built (a tab builds its charts when first shown)."""
    page.chart(name)
    return page.findChild(QWidget, f"chart.{name}")


def test_every_card_and_chart_is_found_by_name(page):
    for spec in KPI_SPECS:
        assert kpi(page, spec.key) is not None
    for name in CHART_NAMES:
        assert chart(page, name) is page.chart(name)


def test_cards_show_the_core_numbers_formatted(page, results):
    page.show_results(results)
    s = results.summary
    # Hand check: costs at cost grade 5 are x1.25: PV cost 1.25 x £11,691,048.81 = £14,613,811.02; savings
    # £55,822.10 (only the randomised-trial GP effect of self-management is 0; the rest are small
    # judgements); npv_fiscal = -£14,557,988.91 -> "-£14.6m".
    assert s["pv_cost"] == pytest.approx(1.25 * 11_691_048.81, abs=0.01)
    assert s["npv_fiscal"] == pytest.approx(-14_557_988.91, abs=0.01)
    assert kpi(page, "npv_fiscal").text() == "-£14.6m"
    assert kpi(page, "npv_fiscal").toolTip() == "-£14,557,989"
    assert kpi(page, "npv_social").text() == f"£{s['npv_social'] / 1e6:.1f}m" == "£59.2m"
    assert kpi(page, "npv_social_excl_wellbeing").text() == f"-£{-s['npv_social_excl_wellbeing'] / 1e6:.1f}m"
    assert kpi(page, "switch_wellbeing").text() == f"{s['switch_wellbeing']:.2f} times"
    assert kpi(page, "npv_cashable").text() == f"-£{-s['npv_cashable'] / 1e6:.1f}m"
    assert kpi(page, "bcr_social").text() == f"£{s['bcr_social']:.2f} back per £1"
    assert kpi(page, "payback_year").text() == "Not within 5 years"
    assert kpi(page, "starters").text() == "48,316"
    caption = page.findChild(QLabel, "kpi.npv_fiscal.caption").text()
    assert caption == "PV of NHS savings minus PV of cost, 5 years, 2024/25 prices"


def test_negative_figures_are_muted_red_and_positive_are_not(page, results):
    page.show_results(results)
    assert VALUE_COLOURS["negative"] in kpi(page, "npv_fiscal").styleSheet()
    assert VALUE_COLOURS["negative"] not in kpi(page, "npv_social").styleSheet()


def test_null_ratio_shows_na_with_a_reason(page, results):
    summary = dict(results.summary, bcr_social=None)
    page.show_results(replace(results, summary=summary))
    label = kpi(page, "bcr_social")
    assert label.text() == "n/a"
    assert "cost is zero" in label.toolTip()


def test_payback_year_is_counted_from_one_and_marked_on_the_chart(page, paying_back):
    page.show_results(paying_back)
    assert kpi(page, "payback_year").text() == "Year 2"
    marker_x, marker_y = chart(page, "cumulative").payback_marker.getData()
    saving = np.cumsum(paying_back.saving.sum(axis=(0, 2)))
    assert list(marker_x) == [2.0]
    assert marker_y[0] == pytest.approx(saving[1])
    assert "Year 2" in chart(page, "cumulative").payback_text.toPlainText()


def test_cumulative_chart_is_cumulative_cost_and_savings(page, results):
    page.show_results(results)
    cumulative = chart(page, "cumulative")
    years, saving = cumulative.saving_curve.getData()
    _, cost = cumulative.cost_curve.getData()
    np.testing.assert_array_equal(years, [1, 2, 3, 4, 5])
    np.testing.assert_allclose(saving, np.cumsum(results.saving.sum((0, 2))))
    np.testing.assert_allclose(cost, np.cumsum(results.cost.sum(0)))
    assert len(cumulative.payback_marker.getData()[0]) == 0  # no payback within 5 years


def test_savings_by_service_stacks_each_service(page, results):
    page.show_results(results)
    bars_chart = chart(page, "savings_by_service")
    by_service = results.saving.sum(axis=0)  # [T, S]
    np.testing.assert_allclose(bars_chart.heights(), by_service)
    second = bars_chart.bars[1].opts
    np.testing.assert_allclose(second["y0"], by_service[:, 0])  # sits on top of the first service
    assert bars_chart.service_names == [s.name for s in results.scenario.services]


def test_iceberg_layers_are_present_values(page, results):
    page.show_results(results)
    iceberg = chart(page, "iceberg")
    s = results.summary
    expected = [s["pv_cashable"], s["pv_saving"] - s["pv_cashable"], s["pv_volunteer"], s["pv_wellbeing"]]
    np.testing.assert_allclose(iceberg.values, expected)
    np.testing.assert_allclose(iceberg.bars.opts["width"], np.abs(expected))
    tip_y = iceberg.bars.opts["y"][0]
    assert tip_y > iceberg.waterline.value() > max(iceberg.bars.opts["y"][1:])  # only cashable above


def test_value_by_intervention_bars_and_names(page, results):
    page.show_results(results)
    by_intervention = chart(page, "by_intervention")
    np.testing.assert_allclose(by_intervention.fiscal_values(), results.by_intervention["npv_fiscal"])
    np.testing.assert_allclose(by_intervention.social_values(), results.by_intervention["npv_social"])
    headers, table = by_intervention.table()
    assert [row[0] for row in table] == [i.name for i in results.scenario.interventions]


def test_tornado_shows_the_largest_swings_in_order_of_net_social_value(page, results, rows):
    page.show_results(results)
    page.show_tornado(rows)
    chart_rows = chart(page, "tornado")
    swings = chart_rows.swings()
    assert len(swings) == min(TORNADO_ROWS, len(rows))
    assert np.all(np.diff(swings) <= 0)
    np.testing.assert_allclose(swings, [r.swing for r in rows[:TORNADO_ROWS]])
    central = results.summary["npv_social"]
    np.testing.assert_allclose(chart_rows.low_bars.opts["width"],
                               [r.npv_social_low - central for r in rows[:TORNADO_ROWS]])
    np.testing.assert_allclose(chart_rows.high_bars.opts["x0"], central)
    assert chart_rows.central_line.value() == pytest.approx(central)


def test_uncertainty_charts_ask_for_a_simulation_until_there_is_one(page, sim):
    for name in ("histogram", "fan"):
        assert chart(page, name).showing_placeholder
        assert "Run a simulation (Ctrl+R)" in chart(page, name).placeholder_label.text()
    assert chart(page, "tornado").showing_placeholder
    page.show_simulation(sim)
    assert not chart(page, "histogram").showing_placeholder
    page.show_simulation(None)
    assert chart(page, "fan").showing_placeholder


def test_histogram_counts_every_draw_and_states_the_probability(page, sim):
    page.show_simulation(sim)
    histogram = chart(page, "histogram")
    edges, counts = histogram.curve.getData()
    assert counts.sum() == sim.iterations == 2000
    assert len(edges) == len(counts) + 1
    probability = sim.summary["prob_npv_fiscal_positive"]
    assert f"P(net fiscal benefit &gt; 0) = {probability * 100:.0f}%" in histogram.note_label.text()
    assert "2,000 draws, seed 1" in page.simulation_label.text()
    with histogram.chrome_hidden():  # said once on screen, and in every exported chart
        assert "2,000 draws, seed 1" in histogram.note_label.text()
    assert histogram.zero_line.value() == 0


def test_histogram_switches_to_net_social_value(page, sim):
    page.show_simulation(sim)
    histogram = chart(page, "histogram")
    histogram.set_metric("npv_social")
    counts, edges = sim.histogram("npv_social")
    np.testing.assert_array_equal(histogram.curve.getData()[1], counts)
    np.testing.assert_allclose(histogram.curve.getData()[0], edges)
    share = sim.summary["prob_npv_social_positive"]  # fitted tails (version 3) reach below zero now and then
    assert f"P(net social benefit &gt; 0) = {share:.0%}" in histogram.note_label.text()


def test_fan_chart_is_the_5_50_95_percentiles(page, sim):
    page.show_simulation(sim)
    fan = chart(page, "fan")
    expected = sim.fan()
    for row, p in enumerate((5, 50, 95)):
        years, values = fan.curves[p].getData()
        np.testing.assert_allclose(values, expected[row])
        np.testing.assert_array_equal(years, np.arange(1, expected.shape[1] + 1))


def _plot_items(page):
    return {name: list(page.chart(name).plot.items) for name in CHART_NAMES}


def test_updating_twice_reuses_the_same_plot_items(page, results, paying_back, rows, sim):
    page.show_results(results)
    page.show_tornado(rows)
    page.show_simulation(sim)
    before = _plot_items(page)
    curve = page.chart("cumulative").saving_curve
    page.show_results(paying_back)
    page.show_tornado(rows[:5])
    page.show_simulation(sim)
    after = _plot_items(page)
    assert {k: [id(i) for i in v] for k, v in before.items()} == {k: [id(i) for i in v] for k, v in after.items()}
    assert page.chart("cumulative").saving_curve is curve


def test_show_results_none_clears_cleanly(page, results, rows):
    page.show_results(results)
    page.show_tornado(rows)
    page.show_results(None)
    assert kpi(page, "npv_fiscal").text() == "\u2014"
    years, _ = page.chart("cumulative").saving_curve.getData()
    assert years is None or len(years) == 0
    assert page.chart("savings_by_service").heights().size == 0
    assert page.chart("iceberg").table()[1] == []
    for name in ("cumulative", "savings_by_service", "iceberg", "by_intervention"):
        assert page.chart(name).showing_placeholder
    page.show_results(results)  # and shows again afterwards
    assert kpi(page, "npv_fiscal").text() == "-£14.6m"
    assert not page.chart("iceberg").showing_placeholder


def test_tornado_without_rows_shows_its_prompt(page, rows):
    page.show_tornado(rows)
    page.show_tornado(None)
    assert page.chart("tornado").showing_placeholder
    assert page.chart("tornado").table()[1] == []


def test_stale_greys_the_cards_and_says_why(page, results):
    page.show_results(results)
    page.set_stale(True)
    banner = page.findChild(QLabel, "results.stale_banner")
    assert banner.isVisible()
    assert banner.text() == "Results are out of date: fix the highlighted fields"
    assert VALUE_COLOURS["stale"] in kpi(page, "npv_fiscal").styleSheet()
    page.set_stale(True, "population must be more than zero")
    assert banner.text() == "Results are out of date: population must be more than zero"
    page.set_stale(False)
    assert not banner.isVisible()
    assert MUTED_RED in kpi(page, "npv_fiscal").styleSheet()


def test_the_page_fits_1280_by_800_without_clipped_figures(page, results, qtbot):
    page.show_results(results)
    qtbot.wait(10)
    for spec in KPI_SPECS:
        label = kpi(page, spec.key)
        assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.width()
    assert all(tab.wide for tab in page.findChildren(ChartTab))


def test_a_narrow_page_stacks_the_charts_and_shrinks_the_figures(page, results, qtbot):
    page.show_results(results)
    page.resize(720, 700)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)  # a hidden tab is laid out when it is shown
        qtbot.waitUntil(lambda: not page.tabs.currentWidget().ensure_built().wide)
    assert page.width() == 720
    for spec in KPI_SPECS:
        label = kpi(page, spec.key)
        assert QFontMetrics(label.font()).horizontalAdvance(label.text()) <= label.width()


def test_one_year_horizon_and_an_empty_mix_are_shown_sensibly(page):
    s = default_scenario()
    one_year = replace(s, settings=replace(s.settings, horizon_years=1))
    page.show_results(run(one_year))
    assert kpi(page, "payback_year").text() == "Not within 1 year"
    assert page.findChild(QLabel, "kpi.starters.caption").text() == "People who start, over 1 year"
    assert page.chart("cumulative").table()[1][0][0] == 1
    empty = run(replace(s, interventions=()))
    page.show_results(empty)
    assert kpi(page, "bcr_social").text() == "n/a"
    assert page.chart("by_intervention").table()[1] == []
    np.testing.assert_array_equal(page.chart("iceberg").values, [0, 0, 0, 0])


def test_extra_use_stacks_below_zero(page):
    s = default_scenario()
    coaching = next(k for k, i in enumerate(s.interventions) if i.approach == "health_coaching")
    more_admissions = s.interventions[coaching].with_effect("nel", Uncertain(-0.1, -0.2, 0.0))
    interventions = s.interventions[:coaching] + (more_admissions,) + s.interventions[coaching + 1:]
    results = run(replace(s, interventions=interventions))
    page.show_results(results)
    by_service = results.saving.sum(axis=0)
    nel = [service.id for service in s.services].index("nel")
    assert np.all(by_service[:, nel] < 0)  # this scenario really has extra admissions
    bars = page.chart("savings_by_service").bars
    below = np.zeros(by_service.shape[0])
    for index in range(by_service.shape[1]):
        heights, y0 = np.asarray(bars[index].opts["height"]), np.asarray(bars[index].opts["y0"])
        np.testing.assert_allclose(heights, by_service[:, index])
        if index == nel:
            np.testing.assert_allclose(y0, below)  # hangs down from £0, not from the positive stack
        else:
            assert np.all(y0 >= 0)


def test_chart_tabs_fit_scroll_or_stack_for_the_room_they_have(page, qtbot):
    lazy = page.tabs.widget(2)  # Uncertainty: two rows of charts
    tab = lazy.ensure_built()
    assert tab.mode_for(1200, 700) == "fit"
    assert tab.mode_for(1200, 400) == "scroll_grid"  # two rows of charts need more height
    assert tab.mode_for(800, 900) == "stack"
    page.tabs.setCurrentWidget(lazy)
    page.resize(1280, 560)
    qtbot.waitUntil(lambda: tab.mode == "scroll_grid")
    assert tab.scroll.widget() is tab.charts_widget
    page.resize(1280, 1100)
    qtbot.waitUntil(lambda: tab.mode == "fit")
    assert tab.scroll.isHidden()
