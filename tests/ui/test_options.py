"""Options on the Intervention mix page: each edit is one undoable step; each option's mix is its own."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QListView, QListWidget

from rtv_desktop.core import Option, Uncertain, default_document
from rtv_desktop.ui.widgets.fields import NumberEdit


def three_options():
    doc = default_document()
    ivs = doc.options[0].interventions
    return replace(doc, options=(Option("Current service", ivs[:1]), Option("Social prescribing only", ivs[5:6]),
                                 Option("Full mix", ivs)), comparator=0)


def action(window, name) -> QAction:
    found = window.findChild(QAction, f"action.{name}")
    assert found is not None, name
    return found


def shown_rows(window) -> list[str]:
    model = window.findChild(QListView, "options.list").model()
    return [model.index(k).data() for k in range(model.rowCount())]


def names(window) -> list[str]:
    return window.session.document.option_names()


def test_adding_an_empty_option_opens_it_and_is_one_undo_step(window):
    session = window.session
    before = session.document
    action(window, "add_option").trigger()
    assert names(window) == [before.options[0].name, "Option 2"]
    assert session.document.options[1].interventions == ()
    assert session.option == 1
    assert window.findChild(QLabel, "interventions.option").text() == "Mix of option: Option 2"
    assert window.interventions_page.model.rowCount() == 0
    assert shown_rows(window) == names(window)
    assert window.undo_action.text() == "&Undo add option"
    session.undo()
    assert session.document == before and shown_rows(window) == names(window)
    session.redo()
    assert names(window)[1] == "Option 2"


def test_a_duplicated_option_keeps_its_interventions_ids(make_window):
    window = make_window(three_options(), wait_for_results=False)
    session = window.session
    session.set_option(1)
    action(window, "duplicate_option").trigger()
    doc = session.document
    assert names(window) == ["Current service", "Social prescribing only", "Social prescribing only (copy)",
                             "Full mix"]
    assert doc.options[2].interventions == doc.options[1].interventions  # ids included
    assert [iv.id for iv in doc.options[2].interventions] == ["social_prescribing"]
    assert session.option == 2 and doc.comparator == 0
    session.undo()
    assert session.document == three_options()


def test_renaming_in_place_refuses_a_blank_or_taken_name_and_says_why(make_window):
    window = make_window(three_options(), wait_for_results=False)
    session, view = window.session, window.findChild(QListView, "options.list")
    window.pages.setCurrentWidget(window.interventions_page)
    model = view.model()
    message = window.findChild(QLabel, "options.message")
    assert not model.setData(model.index(1), "full MIX")  # another option's name, in any case
    assert not model.setData(model.index(1), "full mix ")
    assert "'full mix' names another option already" in message.text() and message.isVisibleTo(window)
    assert not model.setData(model.index(1), "   ")
    assert "needs a name" in message.text()
    assert session.document == three_options() and not session.history.can_undo()
    assert model.setData(model.index(1), "  Social prescribing, 2% reach ")
    assert names(window)[1] == "Social prescribing, 2% reach"
    assert not message.isVisibleTo(window)
    session.undo()
    assert names(window)[1] == "Social prescribing only"


def test_the_rename_action_asks_for_the_new_name(make_window):
    window = make_window(three_options(), wait_for_results=False)
    panel = window.interventions_page.options
    window.session.set_option(2)
    asked = []
    panel.ask_name = lambda title, prompt, current: asked.append(current) or "Current service"
    action(window, "rename_option").trigger()
    assert asked == ["Full mix"] and names(window)[2] == "Full mix"  # refused: taken
    panel.ask_name = lambda title, prompt, current: "Full mix at 1% reach"
    action(window, "rename_option").trigger()
    assert names(window)[2] == "Full mix at 1% reach"
    assert window.findChild(QLabel, "interventions.option").text() == "Mix of option: Full mix at 1% reach"


def test_reordering_moves_the_open_option_and_the_comparator_follows_its_option(make_window):
    window = make_window(three_options(), wait_for_results=False)
    session = window.session
    assert not action(window, "option_up").isEnabled()
    action(window, "option_down").trigger()
    assert names(window) == ["Social prescribing only", "Current service", "Full mix"]
    assert session.document.comparator == 1 and session.option == 1
    assert shown_rows(window)[1] == "Current service (comparator)"
    action(window, "option_down").trigger()
    assert names(window)[2] == "Current service" and not action(window, "option_down").isEnabled()
    session.undo()
    session.undo()
    assert session.document == three_options()


def test_deleting_asks_first_and_never_removes_the_last_option(make_window):
    window = make_window(three_options(), wait_for_results=False)
    session, panel = window.session, window.interventions_page.options
    asked = []
    panel.confirm_delete = lambda name, count: asked.append((name, count)) or False
    action(window, "delete_option").trigger()
    assert asked == [("Current service", 1)] and session.document == three_options()
    panel.confirm_delete = lambda name, count: True
    action(window, "delete_option").trigger()  # the comparator: doing nothing takes its place
    assert names(window) == ["Social prescribing only", "Full mix"] and session.document.comparator is None
    action(window, "delete_option").trigger()
    assert names(window) == ["Full mix"]
    assert not action(window, "delete_option").isEnabled()
    assert not panel.delete() and names(window) == ["Full mix"]
    assert "at least one option" in window.findChild(QLabel, "options.message").text()
    session.undo()
    session.undo()
    assert session.document == three_options()


def test_choosing_the_comparator_offers_doing_nothing_and_marks_it_in_the_list(make_window):
    window = make_window(three_options(), wait_for_results=False)
    session = window.session
    combo = window.findChild(QComboBox, "options.comparator")
    assert [combo.itemText(k) for k in range(combo.count())] == ["Do nothing", *names(window)]
    assert combo.currentText() == "Current service"
    assert shown_rows(window) == ["Current service (comparator)", "Social prescribing only", "Full mix"]
    combo.activated.emit(3)
    assert session.document.comparator == 2
    assert shown_rows(window) == ["Current service", "Social prescribing only", "Full mix (comparator)"]
    combo.activated.emit(0)
    assert session.document.comparator is None and combo.currentText() == "Do nothing"
    assert "(comparator)" not in " ".join(shown_rows(window))
    session.undo()
    assert session.document.comparator == 2 and combo.currentText() == "Full mix"
    session.undo()
    assert session.document == three_options()


def test_editing_the_second_options_mix_leaves_the_first_untouched(qtbot, make_window):
    window = make_window(three_options(), wait_for_results=False)
    session, page = window.session, window.interventions_page
    view = window.findChild(QListView, "options.list")
    window.show()
    window.pages.setCurrentWidget(page)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(view.model().index(1)).center())
    assert session.option == 1
    assert page.option_label.text() == "Mix of option: Social prescribing only"
    assert [page.model.index(k, 0).data() for k in range(page.model.rowCount())] == ["Social prescribing"]
    reach = window.findChild(NumberEdit, "interventions.selected.reach")
    reach.setValue(2.0)
    doc = session.document
    assert doc.options[1].interventions[0].reach.central == 0.02
    assert doc.options[0] == three_options().options[0] and doc.options[2] == three_options().options[2]
    page.add("peer_support")
    assert len(session.document.options[1].interventions) == 2
    assert session.document.options[0] == three_options().options[0]


def test_a_problem_in_another_option_is_listed_and_opens_that_option_and_field(qtbot, make_window):
    doc = three_options()
    bad = replace(doc.options[2].interventions[3], reach=Uncertain(1.5, 1.5, 1.5))
    options = list(doc.options)
    options[2] = replace(options[2], interventions=doc.options[2].interventions[:3] + (bad,)
                         + doc.options[2].interventions[4:])
    window = make_window(replace(doc, options=tuple(options)), wait_for_results=False)
    window.show()
    assert window.session.option == 0
    issues = window.findChild(QListWidget, "issues.list")
    item = next(issues.item(k) for k in range(issues.count())
                if issues.item(k).data(Qt.ItemDataRole.UserRole) == "options[2].interventions[3].reach")
    assert item.text().startswith("Error: Option 'Full mix', Group activities: Reach per year")
    issues.itemActivated.emit(item)
    page = window.interventions_page
    assert window.session.option == 2 and page.selected == 3
    assert window.pages.currentWidget() is page
    reach = window.findChild(NumberEdit, "interventions.selected.reach")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is reach)
    assert reach.property("invalid") == "error"


def test_new_interventions_get_fresh_ids_and_copies_to_another_option_keep_theirs(make_window):
    window = make_window(three_options(), wait_for_results=False)
    session, page = window.session, window.interventions_page
    session.set_option(2)
    page.add("peer_support")
    page.select(0)
    page.duplicate()
    ids = [iv.id for iv in session.scenario.interventions]
    assert len(set(ids)) == len(ids) == 8
    assert ids[1] == "self_management_2" and ids[-1] == "peer_support_2"
    page.select_rows([0, 3])
    copied = [session.scenario.interventions[k] for k in (0, 3)]
    page.copy_menu.aboutToShow.emit()  # the menu lists the other options when it opens
    action(window, "copy_to_option_1").trigger()
    target = session.document.options[1].interventions
    assert target[1:] == tuple(copied) and session.option == 2
    assert window.undo_action.text() == "&Undo copy 2 interventions to 'Social prescribing only'"
    page.copy_to_option(1)  # again: the same interventions are replaced, not added twice
    assert session.document.options[1].interventions == target
    session.undo()
    session.undo()
    assert session.document.options[1] == three_options().options[1]


def test_the_options_model_passes_the_model_tester(qtmodeltester, make_window):
    window = make_window(three_options(), wait_for_results=False)
    qtmodeltester.check(window.findChild(QListView, "options.list").model(), force_py=True)


OPERATIONS = st.lists(st.one_of(
    st.tuples(st.sampled_from(["add", "duplicate", "delete", "up", "down"]), st.none()),
    st.tuples(st.just("open"), st.integers(min_value=0, max_value=9)),
    st.tuples(st.just("compare"), st.integers(min_value=-1, max_value=9))), max_size=20)


def check_options_shown(window) -> None:
    doc, k = window.session.document, window.session.option
    assert shown_rows(window) == [name + (" (comparator)" if j == doc.comparator else "")
                                  for j, name in enumerate(doc.option_names())]
    assert window.findChild(QListView, "options.list").currentIndex().row() == k
    combo = window.findChild(QComboBox, "options.comparator")
    assert combo.currentIndex() == (0 if doc.comparator is None else doc.comparator + 1)
    assert window.interventions_page.option_label.text().startswith(f"Mix of option: {doc.options[k].name}")
    assert window.interventions_page.model.rowCount() == len(doc.options[k].interventions)
    assert doc.comparator is None or 0 <= doc.comparator < len(doc.options)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_any_sequence_of_option_edits_is_shown_and_undone(window, operations):
    session, panel = window.session, window.interventions_page.options
    session.replace_document(three_options(), None, saved=True)
    panel.confirm_delete = lambda name, count: True
    states = [session.document]
    for operation, argument in operations:
        if operation == "open":
            panel.open_option(argument)
        elif operation == "compare":
            panel.set_comparator(argument if argument < len(session.document.options) else None)
        else:
            {"add": panel.add, "duplicate": panel.duplicate, "delete": panel.delete,
             "up": lambda: panel.move(-1), "down": lambda: panel.move(1)}[operation]()
        check_options_shown(window)
        if session.document != states[-1]:
            states.append(session.document)
    for expected in reversed(states[:-1]):
        session.undo()
        assert session.document == expected
        check_options_shown(window)
