"""Forms follow the inputs' declarations: every declared field has a widget, laid out from its Spec."""

from __future__ import annotations

from dataclasses import dataclass, replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView, QWidget

from rtv_desktop.core import Area, Intervention, Service, Settings, Uncertain, specs
from rtv_desktop.core.declare import declared
from rtv_desktop.ui.widgets.declared_form import DeclaredForm, caption
from rtv_desktop.ui.widgets.fields import ChoiceCombo, FormBinder, NotesEdit, NumberEdit, TextEdit
from rtv_desktop.ui.widgets.forms import FormGrid

NOT_TYPED = {(Intervention, "id")}  # an identity kept by the program, not an input


@pytest.fixture
def window(shared_window):
    """These tests only look at the forms: they share one window."""
    return shared_window


def widget_names(window) -> set[str]:
    return {w.objectName() for w in window.findChildren(QWidget) if w.objectName()}


@pytest.mark.parametrize("cls, prefix", [(Area, "area."), (Settings, "settings."),
                                         (Intervention, "interventions.selected.")])
def test_every_declared_field_has_a_widget(window, cls, prefix):
    window.interventions_page.select(0)
    names = widget_names(window)
    for field, spec in specs(cls):
        if (cls, field) in NOT_TYPED:
            continue
        path = prefix + field
        assert any(name == path or name.startswith((f"{path}.", f"{path}[")) for name in names), \
            f"{spec.label} ({path}) has no widget"
        if spec.uncertain and field != "effect":  # the effects table has its own columns
            assert {f"{path}.low", f"{path}.high"} <= names, path


def test_every_declared_service_input_is_a_column_of_the_services_table(window):
    model = window.findChild(QTableView, "services.table").model()
    headers = [model.headerData(k, Qt.Orientation.Horizontal) for k in range(model.columnCount())]
    # The cashable share has a range since version 3 (MODEL.md 11b), like the unit cost.
    assert headers == ["Service", "Unit cost", "Low", "High", "Cashable share", "Low", "High", "Organisation"]
    for field, spec in specs(Service):
        if field == "baseline":  # per group: a table of its own
            assert window.findChild(QTableView, "baseline_use.table").model().rowCount() == model.rowCount()
        elif spec.kind != "text":  # id, name and source: the name column and its tooltip
            assert spec.label in headers, field


def test_rows_show_the_declared_label_help_and_widget_kind(window):
    editor = window.interventions_page.editor
    window.interventions_page.select(0)
    checked = 0
    for field, spec in specs(Intervention):
        widget = editor.binder.widgets.get(f"interventions.selected.{field}")
        if widget is None:
            continue
        said = [part for part in (spec.help, spec.unit) if part]  # a name needs no help text
        if said:
            checked += 1
            assert any(part in widget.toolTip() for part in said), field
        if spec.kind == "choice":
            assert isinstance(widget, ChoiceCombo)
            assert [widget.itemData(k) for k in range(widget.count())] == list(spec.choices)
        elif not spec.is_text:
            assert isinstance(widget, NumberEdit) and widget.kind_name == spec.kind, field
        buddy_labels = [label for label in editor.findChildren(QLabel) if label.buddy() is widget]
        assert [label.text().replace("&", "") for label in buddy_labels] == [f"{spec.label}:"], field
    assert checked >= 10  # every declared input the editor shows was looked at


@dataclass(frozen=True)
class NewInputs:
    """A dataclass with declarations never seen by the forms: they lay it out all the same."""

    title: str = declared("", label="Title", kind="text", section="first", accel="T")
    choice: str = declared("a", label="Pick one", kind="choice", choices={"a": "Alpha", "b": "Beta"},
                           section="first", accel="k")
    share: Uncertain = declared(Uncertain.fixed(0.1), label="Share", kind="fine_fraction", lo=0, hi=1,
                                uncertain=True, section="second", help="A share of something")
    gain: float = declared(0.0, label="Health gain", kind="qalys", section="second", unit="QALYs per person")
    when: int = declared(1, label="Grade", kind="grade", lo=1, hi=6, section="second")
    remarks: str = declared("", label="Remarks", kind="text", section="notes")


def test_a_newly_declared_input_gets_its_row_without_any_change_to_the_forms(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    binder = FormBinder()
    form = DeclaredForm(FormGrid(host, binder), NewInputs, "new.", {"second": "Second part", "notes": None})
    form.build()
    widgets = binder.widgets
    assert isinstance(widgets["new.title"], TextEdit)
    assert isinstance(widgets["new.choice"], ChoiceCombo) and widgets["new.choice"].itemText(1) == "Beta"
    assert all(isinstance(widgets[f"new.share{end}"], NumberEdit) for end in ("", ".low", ".high"))
    assert widgets["new.share"].kind.suffix == "%" and widgets["new.share"].kind.decimals == 2
    assert widgets["new.gain"].kind.suffix == " QALYs" and widgets["new.when"].kind.whole
    assert isinstance(widgets["new.remarks"], NotesEdit)
    headings = [label.text() for label in host.findChildren(QLabel) if label.property("role") == "section"]
    assert headings == ["First", "Second part"]
    assert "A share of something" in widgets["new.share"].toolTip()
    assert "QALYs per person" in widgets["new.gain"].toolTip()


@pytest.mark.parametrize("label, accel, shown", [("Reach per year", "R", "&Reach per year:"),
                                                 ("Aged 65+", "6", "Aged &65+:"),
                                                 ("Drop-off per year", "D", "&Drop-off per year:"),
                                                 ("Cost per starter", "s", "Cost per &starter:"),
                                                 ("A & B", "", "A && B:"),
                                                 ("Seed", "x", "Seed:")])
def test_the_declared_accelerator_is_underlined(label, accel, shown):
    spec = dict(specs(Settings))["seed"]
    assert caption(replace(spec, label=label, accel=accel)) == shown
