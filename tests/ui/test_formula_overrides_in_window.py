"""A finance analyst's typed value over an app formula is shown once: in the review of the workbook's
changes, not again in a warning after opening."""

from __future__ import annotations

import openpyxl

from rtv_desktop.ui.dialogs.change_review import ChangeReviewDialog


def test_overrides_are_shown_in_the_review_and_not_warned_about_again(qtbot, window, tmp_path):
    path = tmp_path / "shared.xlsx"
    assert window.documents.export_to(path)
    book = openpyxl.load_workbook(path)
    book["Results"]["C6"] = 999  # option 1's present value of cost
    book.save(path)
    reviewed = []

    def review(changes):
        dialog = ChangeReviewDialog(changes, window, overrides=window.documents._overrides)
        reviewed.append(dialog.overrides_label.text())
        return True

    window.documents.review_changes = review
    assert window.documents.open_path(path, confirm=False)
    assert reviewed and "sheet 'Results', cell C6" in reviewed[0] and "999" in reviewed[0]
    box = window.documents.last_error
    assert box is None or "cell C6" not in box.text()  # said once, in the review
