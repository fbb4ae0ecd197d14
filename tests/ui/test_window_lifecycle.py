"""The window as a whole: names, models, closing cleanly, About, the command line."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QMenu, QTableView
from shiboken6 import getCppPointer

from rtv_desktop import app
from rtv_desktop.core import validate
from rtv_desktop.io.areas.bundled import ONS_ATTRIBUTION
from rtv_desktop.ui.dialogs.about import about_html
from rtv_desktop.core.edits import get_value

ACTIONS = ("new", "open", "save", "save_as", "export", "undo", "redo", "simulate", "cancel", "about")


def inputs_of(window, kinds):
    """Input widgets of the pages (not the line edits inside spin boxes)."""
    return [w for kind in kinds for w in window.findChildren(kind) if hasattr(w, "model_value")
            or w.objectName() == "area.search"]


def test_named_actions_and_inputs_exist(shared_window):
    window = shared_window  # only looks: one window for the module
    for verb in ACTIONS:
        assert window.findChild(QAction, f"action.{verb}") is not None, verb
    inputs = [w for w in inputs_of(window, (QAbstractSpinBox, QLineEdit, QComboBox))
              if w.objectName().startswith(("area.", "settings.", "interventions.selected."))]
    assert len(inputs) > 50
    for widget in inputs:
        assert widget.accessibleName(), widget.objectName()


def test_area_and_settings_widgets_show_their_scenario_path(shared_window):
    window = shared_window  # only looks: one window for the module
    scenario = window.session.scenario
    for widget in inputs_of(window, (QAbstractSpinBox, QLineEdit)):
        name = widget.objectName()
        if name.startswith(("area.", "settings.")) and name != "area.search":
            expected = get_value(scenario, name)
            if isinstance(expected, str):
                assert widget.model_value() == expected, name
            else:
                assert widget.model_value() == pytest.approx(expected, rel=1e-9), name


def test_every_item_model_passes_the_model_tester(qtmodeltester, shared_window):
    window = shared_window  # only looks: one window for the module
    window.interventions_page.select(0)
    for name in ("interventions.table", "interventions.selected.effect", "services.table", "baseline_use.table"):
        view = window.findChild(QTableView, name)
        assert view.model().rowCount() > 0, name
        qtmodeltester.check(view.model(), force_py=True)


# pyqtgraph's PlotItem builds its context menus without a parent, so they outlive the
# plots (a known pyqtgraph behaviour, owned by the chart panels); everything else must go.
PLOT_OPTION_MENUS = {"Plot Options", "Transforms", "Downsample", "Average", "Alpha", "Grid", "Points"}


def is_plot_options_menu(widget) -> bool:
    while isinstance(widget, QMenu):
        if widget.title() in PLOT_OPTION_MENUS:
            return True
        widget = widget.parent()
    return False


def test_no_top_level_widgets_leak_after_closing(qtbot):
    before = {getCppPointer(w)[0] for w in QApplication.topLevelWidgets()}
    window = app.create_window()
    window.documents.ask_save_changes = lambda: "discard"
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.show()
    qtbot.waitUntil(lambda: window.session.results is not None, timeout=10_000)
    window.show_about()
    assert window.close()
    del window

    def only_old_ones():
        QApplication.sendPostedEvents(None, 0)  # run deleteLater
        gc.collect()
        return not [w for w in QApplication.topLevelWidgets()
                    if getCppPointer(w)[0] not in before and not is_plot_options_menu(w)]

    qtbot.waitUntil(only_old_ones, timeout=5_000)


def test_about_names_the_licences():
    text = about_html()
    assert ONS_ATTRIBUTION in text
    assert "CC BY-NC-SA 4.0" in text and "Unit Costs of Health and Social Care 2025" in text


def test_choosing_a_bundled_area_fills_population_and_its_source(window):
    page = window.area_page
    label = next(lbl for lbl in page._records if lbl.startswith("Cornwall"))
    assert page.choose_area(label)
    area = window.session.scenario.area
    record = page._records[label]
    assert area.population == record.population_total and area.area_code == record.code
    assert area.ltc_share == pytest.approx(0.55 * record.index)  # national share x Cornwall's need index
    assert "ONS mid-2023" in page.source_notes["area.population"].text()
    assert validate(window.session.scenario) == [] or all(i.severity == "warning" for i in validate(window.session.scenario))
    completer = page.search.completer()
    completer.setCompletionPrefix("cornw")
    assert completer.completionCount() >= 1


def test_self_test_exits_zero(tmp_path):
    env = dict(os.environ, RTV_DESKTOP_HOME=str(tmp_path), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "rtv_desktop", "--self-test"], capture_output=True, text=True,
                            timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout[result.stdout.index("{"):])
    assert report["ok"] is True and report["file_bytes"] > 0
    assert 0 < report["seconds_to_first_results_since_start"] <= report["seconds_to_charts_since_start"]


def test_commands_go_to_the_command_line(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        app.main(["run", str(tmp_path / "missing.json")])
    assert exit_info.value.code == 2
    assert "does not exist" in capsys.readouterr().err
