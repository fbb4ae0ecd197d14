"""The change-review dialog lists each change read-only, with Accept and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QDialog, QDialogButtonBox

from rtv_desktop.io.workbook.read.changes import Change
from rtv_desktop.ui.dialogs.change_review import ChangeReviewDialog

CHANGES = [Change("area.population", 1_000_000.0, 250_000.0, "Population (all ages)", None, "persons"),
           Change("options[0].interventions[1].reach", 0.005, 0.01, "Option 'Six approaches', Peer support: Reach per "
                  "year", 0, "fine_fraction"),
           Change("options[0].interventions[6].name", None, "New group", "Option 'Six approaches', New group: Name", 0,
                  "text")]


def test_table_lists_field_old_and_new(qtbot):
    dialog = ChangeReviewDialog(CHANGES)
    qtbot.addWidget(dialog)
    table = dialog.table
    assert table.rowCount() == 3
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["Field", "Exported value", "Value now"]
    # Worded as on screen, never a path; values in the units the input is typed in.
    assert [table.item(0, c).text() for c in range(3)] == ["Population (all ages)", "1,000,000", "250,000"]
    assert [table.item(1, c).text() for c in range(3)] == [CHANGES[1].label, "0.5%", "1%"]
    assert table.item(2, 1).text() == "(none)"
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert "3 input(s) changed" in dialog.explanation.text()


def test_accept_and_cancel(qtbot):
    dialog = ChangeReviewDialog(CHANGES)
    qtbot.addWidget(dialog)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    other = ChangeReviewDialog([])
    qtbot.addWidget(other)
    other.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert other.result() == QDialog.DialogCode.Rejected
    assert "No inputs changed" in other.explanation.text()
