"""Exporting from the window adds a row to the document's change log: the document is marked modified
(so the log is saved), no undo step is added, and undoing an edit never forgets an export."""

from __future__ import annotations

import json
from dataclasses import replace

from rtv_desktop.core import Document


def test_an_export_is_kept_through_undo_and_saved_with_the_document(qtbot, window, tmp_path):
    session = window.session
    doc = session.document
    session.set_document(replace(doc, notes="Draft for the June board"), "Edit notes")
    session.save(tmp_path / "case.json")
    steps = session.history.can_undo(), session.history.undo_label()
    with qtbot.waitSignal(session.dirtyChanged) as marked:
        assert window.documents.export_to(tmp_path / "case results.xlsx")
    assert marked.args == [True] and session.dirty
    assert (session.history.can_undo(), session.history.undo_label()) == steps  # no undo step of its own
    records = session.document.export_log.records
    assert [r.changes for r in records] == [("first export",)]
    session.undo()  # the notes edit: the export happened all the same
    assert session.document.notes == doc.notes and session.document.export_log.records == records
    session.redo()
    assert window.documents.export_to(tmp_path / "case results 2.xlsx")
    assert [r.changes for r in session.document.export_log.records] == [("first export",), ("no inputs changed",)]
    assert window.documents.save_current() and not session.dirty
    saved = Document.from_dict(json.loads((tmp_path / "case.json").read_text(encoding="utf-8")))
    assert saved.export_log == session.document.export_log


def test_saving_as_a_workbook_logs_the_export_and_leaves_nothing_unsaved(qtbot, window, tmp_path):
    session = window.session
    assert window.documents.save_to(tmp_path / "case.xlsx")
    assert not session.dirty and [r.changes for r in session.document.export_log.records] == [("first export",)]
