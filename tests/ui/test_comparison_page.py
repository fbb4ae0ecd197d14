"""The Comparison page: every option's figures as compare() has them, the preferred option and why,
and after a simulation how likely each option is to be best."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from rtv_desktop.core import Uncertain, compare, simulate
from rtv_desktop.core.cost_effectiveness import ceac_sentence
from rtv_desktop.ui.charts.cost_effectiveness import sample_draws
from rtv_desktop.ui.models.comparison import ComparisonModel
from rtv_desktop.core.text import format_money, format_percent, format_ratio

from .option_documents import dominant, nothing_wins, three_options

DOMINANT = "dominant: saves money and gains health"


@pytest.fixture(scope="module")
def doc():
    return three_options()


@pytest.fixture(scope="module")
def sim(doc):
    return simulate(doc, iterations=600, seed=5)


def _wait_for(qtbot, window, document):
    qtbot.waitUntil(lambda: window.session.comparison is not None and window.session.comparison.document == document,
                    timeout=10_000)
    QApplication.processEvents()
    return window.session.comparison


@pytest.fixture
def page_of(make_window, qtbot):
    def build(document):
        window = make_window(document)
        _wait_for(qtbot, window, window.session.document)
        return window, window.comparison_page

    return build


def cells(table: QTableView) -> dict[tuple[str, str], str]:
    """{(row title, column title): text}; column titles without their "(preferred)" line."""
    model = table.model()
    out = {}
    for r in range(model.rowCount()):
        row = model.headerData(r, Qt.Orientation.Vertical)
        for c in range(model.columnCount()):
            column = " ".join(model.headerData(c, Qt.Orientation.Horizontal).split("\n(")[0].split())
            out[row, column] = model.index(r, c).data()
    return out


def expected_money(value) -> str:
    return format_money(value, compact=True)


def test_every_option_figure_is_the_core_figure_as_the_window_writes_it(page_of, doc):
    window, page = page_of(doc)
    table = window.findChild(QTableView, "comparison.table")
    shown = cells(table)
    c = compare(doc)
    for k, option in enumerate(doc.options):
        s, inc = c.options[k].summary, c.increments[k]
        assert shown["Net fiscal value", option.name] == expected_money(s["npv_fiscal"])
        assert shown["Net cashable value", option.name] == expected_money(s["npv_cashable"])
        assert shown["Net social value", option.name] == expected_money(s["npv_social"])
        assert shown["Cost (present value)", option.name] == expected_money(s["pv_cost"])
        assert shown["Social return", option.name] == format_ratio(s["bcr_social"])
        assert shown["QALYs gained", option.name] == f"{s['qalys']:,.1f}"
        assert shown["Net monetary benefit", option.name] == expected_money(s["nmb"])
        assert shown["Extra cost", option.name] == expected_money(inc["inc_pv_cost"])
        assert shown["Extra net social value", option.name] == expected_money(inc["inc_npv_social"])
        assert shown["Extra QALYs", option.name] == f"{inc['inc_qalys']:,.1f}"
        icer = inc["icer"]
        assert shown["Extra cost per extra QALY (ICER)", option.name] == (expected_money(icer) if icer else "n/a")
        cost_per_qaly = shown["Cost per QALY", option.name]
        assert cost_per_qaly == (format_money(s["cost_per_qaly"]) if s["qalys"] > 0 else "n/a: no QALYs gained")
    # Full mix gains QALYs at a net cost; the others gain none and cost more than they save.
    assert shown["Where it sits", "Full mix"] == "more costly, more QALYs"
    # The same QALYs as doing nothing are no QALY difference, never "fewer QALYs".
    assert shown["Where it sits", "Social prescribing only"] == "dearer, no QALY difference"
    # Doing nothing competes (no comparator): every figure zero, no payback to speak of.
    assert shown["Net social value", "Doing nothing"] == "£0"
    assert shown["Payback", "Doing nothing"] == "None: nothing spent"


def test_the_preferred_option_is_marked_and_the_reason_given(page_of, doc):
    window, page = page_of(doc)
    c = compare(doc)
    assert c.preferred == 1
    model = page.model
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    assert headers == ["Social prescribing\nonly", "Full mix\n(preferred)", "Peer support and\ngroups",
                       "Doing nothing"]
    runner_up = c.ranking[1]
    best, second = c.options[1].summary["npv_social"], c.options[runner_up].summary["npv_social"]
    verdict = window.findChild(QLabel, "comparison.verdict").text()
    assert verdict.startswith(f"Full mix has the highest net social value ({expected_money(best)}), "
                              f"{expected_money(best - second)} more than {doc.options[runner_up].name}.")
    # Every option costs more than it saves: a budget-only reading would do nothing, and the page says so.
    assert "On net fiscal value alone, doing nothing would be preferred" in verdict
    note = window.findChild(QLabel, "comparison.evidence_note")
    weak = c.options[1].summary["share_social_weak_evidence"] > 0.5  # each outcome by its own grade
    assert note.isVisibleTo(page) == weak
    assert not weak or note.text().startswith("\u26a0 Full mix: ")


def test_when_doing_nothing_wins_the_page_says_so(page_of):
    window, page = page_of(nothing_wins())
    verdict = window.findChild(QLabel, "comparison.verdict").text()
    assert verdict.startswith("Doing nothing is preferred: no option has a positive net social value")
    c = window.session.comparison
    best = max(c.options, key=lambda r: r.summary["npv_social"])
    assert f"has {expected_money(best.summary['npv_social'])}" in verdict
    model = page.model
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "Doing nothing\n(preferred)"
    assert model.preferred_column() == model.columnCount() - 1


def test_against_a_comparator_its_increments_are_zero_and_nothing_else_competes(page_of):
    document = three_options(comparator=0)
    window, page = page_of(document)
    model = page.model
    assert model.columnCount() == 3  # no "Doing nothing" column
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Social prescribing\nonly\n(comparator)"
    shown = cells(page.table)
    assert "Against Social prescribing only" in [model.headerData(r, Qt.Orientation.Vertical)
                                                 for r in range(model.rowCount())]
    for row in ("Extra cost", "Extra net social value", "Extra net monetary benefit"):
        assert shown[row, "Social prescribing only"] == "£0"
    inc = compare(document).increments[1]
    assert shown["Extra net social value", "Full mix"] == expected_money(inc["inc_npv_social"])
    assert shown["Extra cost", "Full mix"] == expected_money(inc["inc_pv_cost"])


def test_an_option_that_saves_money_and_gains_health_is_called_dominant(page_of):
    window, page = page_of(dominant())
    s = window.session.comparison.options[0].summary
    assert s["net_cost"] <= 0 < s["qalys"]
    shown = cells(page.table)
    assert shown["Cost per QALY", "Cheap and effective"] == DOMINANT
    assert shown["Where it sits", "Cheap and effective"] == "dominant: cheaper and more QALYs"
    card = window.findChild(QLabel, "kpi.cost_per_qaly")
    assert card.text() == "Dominant" and card.toolTip() == "Dominant: saves money and gains health"


def test_charts_read_back_the_options_figures(page_of, doc):
    window, page = page_of(doc)
    c = compare(doc)
    options = page.chart("options")
    np.testing.assert_allclose(options.values(0), [r.summary["npv_fiscal"] for r in c.options])
    np.testing.assert_allclose(options.values(1), [r.summary["npv_social"] for r in c.options])
    ticks = [label for _y, label in options.plot.getAxis("left")._tickLevels[0]]
    assert ticks == ["Social prescribing only", "Full mix (preferred)", "Peer support and groups"]
    cumulative = page.chart("options_cumulative")
    for k, result in enumerate(c.options):
        years, values = cumulative.line(k)
        np.testing.assert_array_equal(years, np.arange(1, doc.settings.horizon_years + 1))
        np.testing.assert_allclose(values, result.cumulative_net)
    for name in ("prob_best", "acceptability", "ceac", "plane"):
        assert page.chart(name).showing_placeholder
    assert window.findChild(QLabel, "comparison.decision").text().startswith("Run a simulation (Ctrl+R)")


def test_after_a_simulation_prob_best_acceptability_and_evpi_are_shown(page_of, doc, sim):
    window, page = page_of(doc)
    window.session.set_simulation(sim)
    prob = page.chart("prob_best")
    assert prob.names == ["Social prescribing only", "Full mix", "Peer support and groups", "Doing nothing"]
    np.testing.assert_allclose(prob.values(0), [*sim.prob_best_social, sim.prob_best_do_nothing])
    np.testing.assert_allclose(prob.values(1), [*sim.prob_best_fiscal, sim.prob_best_fiscal_do_nothing])
    assert prob.values(0).sum() == pytest.approx(1.0)
    accept = page.chart("acceptability")
    values, probs = sim.acceptability
    for k, line in enumerate([*probs, sim.acceptability_do_nothing]):
        x, y = accept.line(k)
        np.testing.assert_allclose(x, values)
        np.testing.assert_allclose(y, line)
    assert accept.marker.value() == doc.settings.wellby_value.central
    decision = window.findChild(QLabel, "comparison.decision").text()
    # Said as what it is (MODEL.md 11d): about, on what, for whom, over what horizon, counting which inputs.
    assert (f"Perfect information would be worth about {expected_money(max(sim.evpi_social, 0.0))} on net social "
            "value, for the whole area over 5 years, counting only the inputs the simulation draws") in decision
    assert "at most" not in decision and "The simulation draws" in decision and "holds fixed" in decision
    assert "correlated at 50% across interventions" in decision  # as the form shows the setting
    shown = cells(page.table)
    for k, option in enumerate(doc.options):
        assert shown["Chance best on net social value", option.name] == format_percent(sim.prob_best_social[k])
        nmb = sim.options[k].summary["prob_nmb_positive"]
        assert shown["Chance net monetary benefit > 0", option.name] == format_percent(nmb)
    assert shown["Chance best on net social value", "Doing nothing"] == format_percent(sim.prob_best_do_nothing)


def test_after_a_simulation_the_ceac_and_the_plane_draw_the_simulations_figures(page_of, doc, sim):
    window, page = page_of(doc)
    window.session.set_simulation(sim)
    ceac = page.chart("ceac")
    assert window.findChild(type(ceac), "chart.ceac") is ceac and not ceac.showing_placeholder
    thresholds, probs = sim.ceac
    assert ceac.names == ["Social prescribing only", "Full mix", "Peer support and groups", "Doing nothing"]
    for k, line in enumerate([*probs, sim.ceac_do_nothing]):
        x, y = ceac.line(k)
        np.testing.assert_array_equal(x, np.linspace(0, 100_000, 41))
        np.testing.assert_allclose(y, line)
    assert ceac.marker.value() == doc.settings.qaly_threshold
    assert [label for _colour, label, _swatch in ceac.legend_entries] == ceac.names
    assert ceac.note_label.text().startswith(ceac_sentence(sim))
    plane = page.chart("plane")
    assert plane.names == [o.name for o in doc.options]  # doing nothing is the origin
    assert plane.title_label.text() == "Cost-effectiveness plane: each option against doing nothing"
    shown = sample_draws(sim.iterations)
    assert len(shown) == min(sim.iterations, 2000)
    for k in range(len(doc.options)):
        inc_qalys, inc_cost = sim.plane(k)
        x, y = plane.points(k)
        np.testing.assert_allclose(x, inc_qalys[shown])
        np.testing.assert_allclose(y, inc_cost[shown])
    threshold = doc.settings.qaly_threshold
    x, y = plane.wtp_line.getData()
    np.testing.assert_allclose(y, x * threshold)
    headers, rows = plane.table()
    assert headers == ["Option", "Extra QALYs", "Extra net cost (£)"] and len(rows) == 3 * len(shown)


def test_the_plane_leaves_out_the_comparator_and_names_it(make_window, qtbot):
    window = make_window(three_options(comparator=1))
    _wait_for(qtbot, window, window.session.document)
    sim = simulate(window.session.document, iterations=300, seed=2)
    window.session.set_simulation(sim)
    plane = window.comparison_page.chart("plane")
    assert plane.names == ["Social prescribing only", "Peer support and groups"]
    assert plane.title_label.text() == "Cost-effectiveness plane: each option against Full mix"
    np.testing.assert_allclose(plane.points(1)[1], sim.plane(2)[1])
    assert "against Full mix" in plane.plot.getAxis("bottom").labelText
    ceac = window.comparison_page.chart("ceac")
    assert ceac.names == [o.name for o in sim.options]  # no doing nothing against a comparator
    np.testing.assert_allclose(sum(ceac.line(k)[1] for k in range(3)), 1.0)


def test_an_edit_recomputes_every_option_and_dates_the_simulation(qtbot, page_of, doc, sim):
    window, page = page_of(doc)
    window.session.set_simulation(sim)
    session = window.session
    sp = session.document.options[0]
    cheaper = replace(sp.interventions[0], cost_per_starter=Uncertain(100.0, 80.0, 300.0))
    edited = replace(session.document, options=(replace(sp, interventions=(cheaper,)),) + session.document.options[1:])
    session.set_document(edited, "Cheaper social prescribing")
    c = _wait_for(qtbot, window, edited)
    assert c == compare(edited) or c.options[0].summary == compare(edited).options[0].summary
    assert cells(page.table)["Cost (present value)", "Social prescribing only"] == \
        expected_money(compare(edited).options[0].summary["pv_cost"])
    decision = window.findChild(QLabel, "comparison.decision").text()
    assert decision.startswith("Inputs changed since this simulation")
    assert any("inputs changed since" in str(page.model.headerData(r, Qt.Orientation.Vertical))
               for r in range(page.model.rowCount()))


def test_problems_grey_the_figures_and_say_why(qtbot, page_of, doc):
    window, page = page_of(doc)
    session = window.session
    session.set_document(replace(session.document, area=replace(session.document.area, population=-5.0)), "Bad")
    banner = window.findChild(QLabel, "comparison.stale_banner")
    assert banner.isVisibleTo(page) and banner.text().startswith("Figures are out of date: the document has 1 problem")
    assert page.model.rowCount() > 0  # the last figures stay, greyed
    assert page.model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color().name() == "#aeb7bd"


def test_the_table_copies_as_cells(page_of, doc):
    _window, page = page_of(doc)
    text = page.copy_table()
    assert QApplication.clipboard().text() == text
    lines = [line.split("\t") for line in text.splitlines()]
    assert lines[0] == ["", "Social prescribing only", "Full mix (preferred)", "Peer support and groups",
                        "Doing nothing"]
    social = next(line for line in lines if line[0] == "Net social value")
    assert social[2] == expected_money(compare(doc).options[1].summary["npv_social"])


@pytest.mark.parametrize("with_simulation", [False, True])
def test_the_comparison_model_passes_the_model_tester(qtmodeltester, doc, sim, with_simulation):
    model = ComparisonModel()
    model.set_comparison(compare(doc), sim if with_simulation else None, sim_outdated=True)
    assert model.rowCount() == 1 + 11 + 1 + 10 + (1 + 5 if with_simulation else 0)
    assert model.columnCount() == 4
    qtmodeltester.check(model, force_py=True)
    model.set_stale(True)  # and it stays consistent through a change while the tester watches
    model.set_comparison(compare(nothing_wins()))
