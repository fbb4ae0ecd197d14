"""The open document: undo history, unsaved flag, and results tied to their document."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from rtv_desktop.core import Uncertain, compare, default_document, default_scenario, run
from rtv_desktop.session import Session, UndoHistory
from rtv_desktop.core.edits import edit_label, get_value, value_at, with_value


def with_population(s, population):
    return replace(s, area=replace(s.area, population=float(population)))


def test_edits_with_one_key_merge_into_one_undo_step():
    base = default_scenario()
    history = UndoHistory(base)
    for p in (1, 12, 123):
        history.push(with_population(base, p), "typing", merge_key="area.population")
    history.push(with_population(base, 999), "other", merge_key="area.adult_share")
    assert history.undo().area.population == 123
    assert history.undo() == base
    assert not history.can_undo()
    assert history.redo().area.population == 123


@given(st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=30))
@settings(max_examples=40, deadline=None)
def test_undoing_every_edit_returns_to_the_start_and_redo_replays(populations):
    base = default_scenario()
    history = UndoHistory(base)
    states = [base]
    for p in populations:
        history.push(with_population(base, p), "edit")
        states.append(history.current)
    while history.can_undo():
        history.undo()
    assert history.current == base
    while history.can_redo():
        history.redo()
    assert history.current == states[-1]


def test_dirty_follows_the_saved_state(qtbot, tmp_path):
    session = Session()
    assert not session.dirty
    edited = with_population(session.document, 5)
    with qtbot.waitSignal(session.dirtyChanged) as blocker:
        session.set_document(edited)
    assert blocker.args == [True]
    session.save(tmp_path / "a.json")
    assert not session.dirty and session.path == tmp_path / "a.json"
    session.undo()
    assert session.dirty  # back to the default, which is not what was saved
    session.redo()
    assert not session.dirty


def test_results_of_an_older_document_are_refused(qtbot):
    session = Session()
    old = session.document
    session.set_document(with_population(session.document, 10))
    assert not session.set_results(old, compare(old))
    assert session.results is None and session.comparison is None
    assert session.set_results(session.document, compare(session.document))
    assert session.results.summary == run(session.scenario).summary


def test_scenario_paths_read_and_replace_nested_values():
    s = default_scenario()
    assert get_value(s, "settings.wellby_value") == 16_000.0
    assert get_value(s, "settings.optimism_bias[5]") == 0.40
    t = with_value(s, "settings.wellby_value.low", 10_000.0)
    assert t.settings.wellby_value == Uncertain(16_000.0, 10_000.0, 19_700.0)
    t = with_value(t, "services[1].baseline[3]", 9.5)
    assert t.services[1].baseline[3].central == 9.5 and t.services[0] == s.services[0]  # a range's central value
    t = with_value(t, "interventions[2].reach", 0.02)
    assert t.interventions[2].reach.central == 0.02 and t.interventions[2].reach.low == s.interventions[2].reach.low


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False))
def test_with_value_then_get_value_round_trips(value):
    s = with_value(default_scenario(), "area.population", value)
    assert get_value(s, "area.population") == value


def test_document_paths_read_and_replace_an_options_values():
    doc = default_document()
    assert get_value(doc, "options[0].interventions[2].reach") == doc.options[0].interventions[2].reach.central
    edited = with_value(doc, "options[0].interventions[2].reach", 0.02)
    assert edited.options[0].interventions[2].reach.central == 0.02
    assert edited.scenario(0) == with_value(doc.scenario(0), "interventions[2].reach", 0.02)
    effect = dict(doc.options[0].interventions[0].effect)["gp"]
    assert value_at(doc, "options[0].interventions[0].effect.gp.low") == effect.low
    # Baseline use has a range since version 3: the path names its central value, ".low" its low end.
    gp = doc.services[doc.service_ids.index("gp")].baseline[0]
    assert value_at(doc, "baseline_use.all_adults.gp") == gp.central
    assert value_at(doc, "baseline_use.all_adults.gp.low") == gp.low


def test_undo_steps_are_named_in_words():
    assert edit_label("options[1].interventions[2].reach.low") == "Edit reach (low)"
    assert edit_label("interventions[2].reach.low") == "Edit reach (low)"
    assert edit_label("area.population") == "Edit population"
    assert edit_label("services[1].baseline[3]") == "Edit baseline"
    assert edit_label("settings.optimism_bias[2]") == "Edit optimism bias"


def test_opening_another_option_keeps_text_typed_in_shared_fields_and_drops_the_mix_fields(qtbot):
    from .option_documents import three_options  # noqa: PLC0415

    session = Session(three_options())
    session.set_entry_problem("area.population", "'12a' is not a number")
    session.set_entry_problem("options[0].interventions[0].reach", "'x' is not a number")
    session.set_option(1)
    assert session.entry_problems == {"area.population": "'12a' is not a number"}
    assert [i.field for i in session.issues if i.field == "area.population"]


def test_after_the_last_option_is_deleted_undo_keeps_the_option_shown(qtbot):
    from .option_documents import three_options  # noqa: PLC0415

    session = Session(three_options())
    session.set_option(2)
    doc = session.document
    session.set_document(replace(doc, options=doc.options[:2], comparator=None), "Delete")
    assert session.option == 1
    session.undo()  # the third option is back; the second is still the one open
    assert session.option == 1


def test_one_edit_is_one_document_change_and_issues_speak_document_paths(qtbot):
    from .option_documents import three_options  # noqa: PLC0415

    session = Session(three_options())
    changes = []
    session.documentChanged.connect(changes.append)
    session.set_option(1)
    assert changes == [] and not hasattr(session, "scenarioChanged")  # opening an option edits nothing
    bad = with_value(session.document, "options[1].interventions[0].reach", 1.5)
    session.set_document(bad, edit_label("options[1].interventions[0].reach"))
    assert changes == [bad] and session.history.undo_label() == "Edit reach"
    shown = next(i for i in session.issues if i.field == "options[1].interventions[0].reach")
    assert shown.subject.startswith(bad.options[1].interventions[0].name)  # the open option's name is implied
    session.set_option(0)
    other = next(i for i in session.issues if i.field == "options[1].interventions[0].reach")
    assert other.subject.startswith("Option 'Full mix', ")
