"""Any sequence of list edits keeps the table, the selection and the undo history consistent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtv_desktop.core import APPROACHES, Document, default_scenario

OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.sampled_from(APPROACHES)),
        st.tuples(st.sampled_from(["duplicate", "remove", "up", "down"]), st.none()),
        st.tuples(st.just("select"), st.integers(min_value=0, max_value=12)),
    ),
    max_size=25,
)


def apply(page, operation, argument) -> None:
    if operation == "add":
        page.add(argument)
    elif operation == "select":
        page.select(argument)
    elif operation == "duplicate":
        page.duplicate()
    elif operation == "remove":
        page.remove()
    else:
        page.move(-1 if operation == "up" else 1)


def check_consistent(window) -> None:
    page, rows = window.interventions_page, window.session.scenario.interventions
    model = page.model
    assert model.rowCount() == len(rows)
    assert [model.index(k, 0).data() for k in range(len(rows))] == [iv.name for iv in rows]
    if rows:
        assert page.selected is not None and 0 <= page.selected < len(rows)
        assert page.editor.index == page.selected and page.editor.isEnabled()
        assert page.editor.binder.widgets["interventions.selected.name"].text() == rows[page.selected].name
    else:
        assert not page.editor.isEnabled()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations=OPERATIONS)
def test_list_edits_keep_view_selection_and_history_consistent(window, operations):
    session = window.session
    session.replace_document(Document.from_scenario(default_scenario()), None, saved=True)
    window.interventions_page.select(0)
    states = [session.scenario]
    for operation, argument in operations:
        apply(window.interventions_page, operation, argument)
        check_consistent(window)
        if session.scenario != states[-1]:
            states.append(session.scenario)
    while session.history.can_undo():
        session.undo()
        check_consistent(window)
    assert session.scenario == states[0]
    while session.history.can_redo():
        session.redo()
    assert session.scenario == states[-1]
    check_consistent(window)
