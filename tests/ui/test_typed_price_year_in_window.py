"""A workbook whose price year was typed over opens with the offer to rebase to that year: typing the year
only relabels the figures, so the window asks before opening and applies the GDP deflator as one undoable step."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from rtv_desktop.ui.dialogs.rebase import RebaseDialog

TYPED = "2025/26"
DEFLATOR_2025 = 103.1  # typed in the dialog: the bundled series ends at calendar 2024 (= 100)


@pytest.fixture
def relabelled(window, tmp_path):
    """An exported workbook whose Settings price year was typed over in Excel."""
    path = tmp_path / "relabelled.xlsx"
    assert window.documents.export_to(path)
    book = openpyxl.load_workbook(path)
    ((sheet, coordinate),) = list(book.defined_names["settings_price_year"].destinations)
    book[sheet][coordinate.replace("$", "")] = TYPED
    book.save(path)
    window.documents.review_changes = lambda changes: True
    return path


def test_the_question_says_the_values_are_still_in_the_old_prices_and_offers_the_rebase(qtbot, window):
    box = window.documents.typed_price_year_box("2024/25", TYPED)
    qtbot.addWidget(box)
    assert "every value is still in 2024/25 prices" in box.text()
    assert f"Rebase to {TYPED} prices with the GDP deflator?" in box.text()
    names = {button.objectName(): button.text() for button in box.findChildren(QPushButton)}
    assert names["typed_price_year.rebase"] == f"Rebase to {TYPED} prices..."
    assert names["typed_price_year.keep"] == "Keep 2024/25 prices"
    assert "typed_price_year.cancel" in names


def test_rebasing_to_the_typed_year_scales_money_inputs_in_one_undoable_step(qtbot, window, relabelled):
    before = window.session.document
    asked, shown = [], []
    window.documents.ask_typed_price_year = lambda exported, typed: asked.append((exported, typed)) or "rebase"

    def rebase_dialog(document, typed):
        dialog = RebaseDialog(document, window, target=typed)
        qtbot.addWidget(dialog)
        dialog.show()
        shown.append(dialog.target.text())
        dialog.findChild(QWidget, "rebase.target_value").setText(f"{DEFLATOR_2025}")
        dialog.findChild(QWidget, "rebase.target_source").setText("HM Treasury GDP deflator forecast, March 2026")
        return dialog.request()

    window.documents.ask_rebase = rebase_dialog
    assert window.documents.open_path(relabelled, confirm=False)
    assert asked == [("2024/25", TYPED)] and shown == [TYPED]  # the dialog starts at the typed year
    after = window.session.document
    factor = DEFLATOR_2025 / 100.0
    assert after.settings.price_year == TYPED
    assert after.services[0].unit_cost.central == pytest.approx(before.services[0].unit_cost.central * factor)
    assert after.settings.volunteer_hour_value == pytest.approx(before.settings.volunteer_hour_value * factor)
    assert after.settings.price_note.endswith(f"Rebased from 2024/25 to {TYPED} prices: x{factor:.4f} = deflator "
                                              f"{DEFLATOR_2025:g} (HM Treasury GDP deflator forecast, March 2026) "
                                              "/ 100 (HM Treasury GDP deflator at market prices, calendar years, "
                                              "2024 = 100 (December 2025 Quarterly National Accounts) (calendar "
                                              "2024)).")
    assert window.session.dirty
    window.session.undo()  # the workbook as it was exported: its own prices and their label
    undone = window.session.document
    assert undone.settings.price_year == "2024/25"
    assert undone.services[0].unit_cost == before.services[0].unit_cost


def test_keeping_the_old_prices_opens_the_workbook_with_its_exported_year_and_says_so(qtbot, window, relabelled):
    before = window.session.document
    window.documents.ask_typed_price_year = lambda exported, typed: "keep"
    window.documents.ask_rebase = lambda document, typed: pytest.fail("no rebase was asked for")
    with qtbot.waitSignal(window.documents.message) as said:
        assert window.documents.open_path(relabelled, confirm=False)
    doc = window.session.document
    assert doc.settings.price_year == "2024/25" and doc.services == before.services
    assert not window.session.dirty and not window.session.history.can_undo()
    assert said.args[0].startswith(f"Kept 2024/25 prices: the price year {TYPED} typed in the workbook was not")


def test_a_rebase_dialog_cancelled_keeps_the_old_prices(qtbot, window, relabelled):
    window.documents.ask_typed_price_year = lambda exported, typed: "rebase"
    window.documents.ask_rebase = lambda document, typed: None
    assert window.documents.open_path(relabelled, confirm=False)
    assert window.session.document.settings.price_year == "2024/25" and not window.session.dirty


def test_cancel_keeps_the_document_that_was_open(qtbot, window, relabelled):
    before = window.session.document
    window.documents.ask_typed_price_year = lambda exported, typed: "cancel"
    assert not window.documents.open_path(relabelled, confirm=False)
    assert window.session.document == before and window.session.origin is None


def test_the_rebase_question_is_a_real_message_box(qtbot, window):
    """The default question: a modal box whose Rebase button answers "rebase"."""
    from PySide6.QtCore import QTimer

    def click_rebase():
        box = window.findChild(QMessageBox, "dialog.typed_price_year")
        box.findChild(QPushButton, "typed_price_year.rebase").click()

    QTimer.singleShot(0, click_rebase)
    assert window.documents.ask_typed_price_year("2024/25", TYPED) == "rebase"
