"""Area search: feedback for Enter, full names in the suggestions, nothing stale after New or Open."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QLineEdit


def _enter(qtbot, window, text):
    search = window.findChild(QLineEdit, "area.search")
    search.setText(text)
    search.returnPressed.emit()
    return window.findChild(QLabel, "area.search_note")


def test_enter_on_a_name_that_matches_nothing_says_so(qtbot, window):
    before = window.session.scenario
    note = _enter(qtbot, window, "Atlantis")
    assert note.isVisibleTo(window.area_page) and "No bundled area matches 'Atlantis'" in note.text()
    assert window.session.scenario == before


def test_enter_on_a_unique_part_of_a_name_chooses_it(qtbot, window):
    note = _enter(qtbot, window, "greater manchester")
    assert "Greater Manchester" in window.session.scenario.area.area_name
    assert "Chose" in note.text()


def test_the_suggestion_list_is_wide_enough_for_every_name(window):
    page = window.area_page
    popup = page.search.completer().popup()
    widest = max(popup.fontMetrics().horizontalAdvance(label) for label in page._records)
    assert popup.minimumWidth() >= widest


def test_new_and_open_clear_the_find_box(qtbot, window, tmp_path):
    search = window.findChild(QLineEdit, "area.search")
    search.setText("E54000057")
    window.documents.new_document()
    assert search.text() == ""
    search.setText("Leeds")
    path = tmp_path / "x.json"
    window.documents.save_to(path)
    window.documents.open_path(path, confirm=False)
    assert search.text() == ""


def test_a_long_area_name_shows_its_beginning(window):
    name_field = window.findChild(QLineEdit, "area.area_name")
    window.show()
    window.pages.setCurrentWidget(window.area_page)
    window.area_page.choose_area(max(window.area_page._records, key=len))
    QApplication.processEvents()
    assert name_field.cursorPosition() == 0
