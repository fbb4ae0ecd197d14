"""File > Export report, Help's two guides with their section links, and the case-stories editor."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QWidget

from rtv_desktop.io.guides import METHOD, USER_GUIDE, anchors, guide_markdown, headings
from rtv_desktop.session import SimulationState
from rtv_desktop.ui.controllers.help_links import FIGURE_TOPICS, TOPIC, link_text, topic_for


def _iterations(window, count: int) -> None:
    settings = replace(window.session.document.settings, iterations=count)
    window.session.set_document(replace(window.session.document, settings=settings))


def test_export_report_simulates_first_on_the_worker_then_writes(window, qtbot, tmp_path):
    action = window.findChild(type(window.report_action), "action.report")
    assert action is window.report_action
    assert action in window.file_menu.actions()
    _iterations(window, 2_000)
    target = tmp_path / "board.pdf"
    assert action.export_to(target)
    assert window.compute.state is SimulationState.RUNNING and not target.exists()  # the window is not blocked
    qtbot.waitUntil(target.exists, timeout=60_000)
    assert target.read_bytes().startswith(b"%PDF")
    assert window.session.simulation_current and window.session.simulation.iterations == 2_000
    assert window.documents.last_error is None


def test_export_report_uses_the_simulation_on_screen_at_once(window, qtbot, tmp_path):
    _iterations(window, 1_000)
    window.compute.start_simulation()
    qtbot.waitUntil(lambda: window.session.simulation_current, timeout=60_000)
    target = tmp_path / "board.docx"
    assert window.report_action.export_to(target)
    assert target.exists() and window.compute.state is SimulationState.FINISHED


def test_a_cancelled_simulation_writes_no_report_and_says_why(window, qtbot, tmp_path):
    said = []
    window.documents.message.connect(said.append)
    _iterations(window, 1_000_000)
    target = tmp_path / "board.pdf"
    assert window.report_action.export_to(target)
    window.compute.cancel_simulation()
    qtbot.waitUntil(lambda: any("not written" in text for text in said), timeout=60_000)
    assert "The report was not written: the simulation was cancelled. Export it again when ready." in said
    assert not target.exists() and window.report_action.pending is None


def test_a_report_of_unsaved_edits_does_not_pass_for_the_saved_file(window, qtbot, tmp_path):
    import docx  # noqa: PLC0415

    saved = tmp_path / "plan.json"
    assert window.documents.save_to(saved)
    _iterations(window, 1_000)
    target = tmp_path / "board.docx"
    assert window.report_action.export_to(target)
    qtbot.waitUntil(target.exists, timeout=60_000)
    cells = [cell.text for table in docx.Document(str(target)).tables for row in table.rows for cell in row.cells]
    assert "plan.json (with unsaved changes)" in cells


def test_export_report_to_a_missing_folder_says_so_and_writes_nothing(window, tmp_path):
    target = tmp_path / "no such folder" / "board.docx"
    assert not window.report_action.export_to(target)
    assert "no such folder' does not exist" in window.documents.last_error.text()
    assert window.report_action.pending is None and window.compute.state is not SimulationState.RUNNING
    assert not target.parent.exists()


def test_help_opens_each_guide_at_a_section(window, qtbot):
    dialog = window.show_guide(METHOD, "uncertainty")
    qtbot.waitExposed(dialog)
    text = dialog.browser.toPlainText()
    assert "Monte Carlo simulation" in text and "Where the defaults come from" in text
    assert "National Cost Collection" in text  # the generated table of shipped defaults
    assert dialog.browser.verticalScrollBar().value() > 0
    dialog.follow(QUrl("user-guide.md#payback"))
    assert dialog.guide == USER_GUIDE and "Board report" not in dialog.windowTitle()
    assert window.findChild(type(window.method_action), "action.method") is window.method_action


def test_web_links_in_the_guide_are_shown_not_opened(window):
    dialog = window.show_guide(USER_GUIDE)
    dialog.follow(QUrl("https://www.gov.uk/green-book"))
    assert dialog.guide == USER_GUIDE
    assert "not opened" in dialog.note.text() and "gov.uk" in dialog.note.text()


def test_every_link_between_guides_names_a_real_section():
    import re

    for name in (USER_GUIDE, METHOD):
        for target, anchor in re.findall(r"\]\(([\w-]+)\.md#([\w-]+)\)", guide_markdown(name)):
            assert anchor in anchors(target), (name, target, anchor)
    assert set(FIGURE_TOPICS.values()) <= anchors(USER_GUIDE)
    assert len(headings(guide_markdown(METHOD))) > 10


def test_headline_cards_and_settings_tooltips_name_their_section(window):
    card = window.findChild(QLabel, "kpi.npv_fiscal")
    assert card.property(TOPIC) == f"{USER_GUIDE}#net-fiscal-value"
    assert link_text(card.property(TOPIC)) == 'More in Help > User guide: \u201cNet fiscal value\u201d (press F1)'
    assert topic_for("settings.discount_rate") == f"{USER_GUIDE}#settings"
    settings = [w for w in window.findChildren(QWidget) if w.objectName().startswith("settings.")]
    assert settings and all(w.property(TOPIC) == f"{USER_GUIDE}#settings" for w in settings)
    card.setFocus()
    window.help_links.open_topic = lambda guide, anchor: opened.append((guide, anchor))
    opened = []
    window.help_links.open_here()
    assert opened in ([(USER_GUIDE, "net-fiscal-value")], [(USER_GUIDE, "")])


def test_stories_are_added_edited_and_undone_through_the_session(window, qtbot):
    dialog = window.show_stories()
    session = window.session
    dialog.add_button.click()
    assert len(session.document.stories) == 1
    qtbot.keyClicks(dialog.title, " at the allotment")
    assert session.document.stories[0].title.endswith("at the allotment")
    peer = next(iv for iv in session.scenario.interventions if iv.approach == "peer_support")
    dialog.intervention.setCurrentIndex(dialog.intervention.findData(peer.id))
    dialog.intervention.activated.emit(dialog.intervention.currentIndex())
    assert session.document.stories[0].intervention_id == peer.id
    dialog.consent.setChecked(True)
    assert session.document.stories[0].consent
    session.undo()
    assert not session.document.stories[0].consent and not dialog.consent.isChecked()
    session.undo()
    assert session.document.stories[0].intervention_id == ""
    session.undo()  # the typing was one step
    assert session.document.stories[0].title == "Story 1"
    dialog.delete_button.click()
    assert session.document.stories == ()
    assert not dialog.empty.isHidden()


def test_file_menu_offers_the_board_paper_and_the_paper_with_its_annex(window, qtbot, tmp_path):
    import docx  # noqa: PLC0415

    annex = window.findChild(type(window.report_action), "action.report_annex")
    assert annex is window.report_annex_action and annex in window.file_menu.actions()
    names = [a.text() for a in window.file_menu.actions()]
    assert names.index(window.report_action.text()) + 1 == names.index(annex.text())
    _iterations(window, 1_000)
    paper, with_annex = tmp_path / "paper.docx", tmp_path / "annex.docx"
    assert window.report_action.export_to(paper)
    qtbot.waitUntil(paper.exists, timeout=60_000)
    assert annex.export_to(with_annex)  # the simulation on screen is used at once
    qtbot.waitUntil(with_annex.exists, timeout=60_000)
    headings = {str(path.name): [p.text for p in docx.Document(str(path)).paragraphs if p.style.name.startswith("Heading")]
                for path in (paper, with_annex)}
    assert "Technical annex" not in headings["paper.docx"] and "Technical annex" in headings["annex.docx"]
