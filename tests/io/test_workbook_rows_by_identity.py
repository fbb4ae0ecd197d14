"""A sorted or moved Interventions row is read back as the same intervention (issue 24, item 3).

The analyst sorts the Interventions table or moves a row to another option; reading the workbook
back pairs each row with its own exported copy by identity (its id within its option, then its id
alone), not by position: the change review says what happened in one line, each intervention keeps
its study citations and exact values, and a value really typed over is still listed.
"""

from __future__ import annotations

from dataclasses import replace

import openpyxl
import pytest

from rtv_desktop.core import Option, Uncertain
from rtv_desktop.io.workbook.change_log import changes_since_last, logged_export
from rtv_desktop.io.workbook.read.changes import REORDERED_TEXT, by_option, changes_between
from rtv_desktop.io.workbook.read.match import match_interventions
from rtv_desktop.io.workbook.read.reader import read_workbook
from rtv_desktop.io.workbook.write import write_workbook

from .test_workbook_follows_rows import _columns, _edit, _move, _reverse, _row_of
from .workbook_cases import rich_document

# Not exactly a 16-digit number, as a cell holds it: only the hidden copy has it exactly.
ODD_REACH = 1 / 300


def document():
    """The three options, option 3's peer support reaching a share no cell holds exactly."""
    doc = rich_document()
    full = doc.options[2]
    ivs = tuple(replace(iv, reach=Uncertain.fixed(ODD_REACH)) if iv.id == "peer_support" else iv
                for iv in full.interventions)
    return replace(doc, options=(*doc.options[:2], replace(full, interventions=ivs)))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    return write_workbook(document(), tmp_path_factory.mktemp("identity") / "export.xlsx")


def _read(exported, tmp_path, *edits):
    def change(ws) -> None:
        for edit in edits:
            edit(ws)
    _edit(exported, tmp_path / "edited.xlsx", change)
    return read_workbook(tmp_path / "edited.xlsx")


def _reversed_options(doc):
    return replace(doc, options=tuple(replace(o, interventions=o.interventions[::-1]) for o in doc.options))


def test_the_precondition_a_cell_cannot_hold_the_odd_reach_exactly():
    assert float("%.16g" % ODD_REACH) != ODD_REACH


def test_a_reverse_sort_is_one_line_and_every_intervention_keeps_its_citations(exported, tmp_path):
    imported = _read(exported, tmp_path, _reverse)
    expected = _reversed_options(document())
    assert [str(c) for c in imported.changes] == [REORDERED_TEXT]  # not a field-by-field list
    (change,) = imported.changes
    assert (change.field, change.old_text, change.new_text, change.is_event) == (REORDERED_TEXT, "", "", True)
    assert by_option(imported.changes, imported.document) == [("Interventions table", imported.changes)]
    # Each intervention has its own citations, exact values and mapping order back: the exported
    # document with each option's rows in the new order.
    assert imported.document == expected
    for k, option in enumerate(imported.document.options):
        assert [(iv.id, iv.evidence) for iv in option.interventions] == \
            [(iv.id, iv.evidence) for iv in expected.options[k].interventions]
    cited = {iv.id: iv.evidence for iv in imported.document.options[2].interventions}
    assert cited["self_management"] == (("service:gp", "kennedy-2007-gp"), ("qaly", "richardson-2008-qaly"))
    assert cited["group_activities"] == (("wellbeing", "munford-2020-wellbeing"),)


def test_a_move_is_described_as_a_move_and_the_moved_intervention_keeps_its_citations(exported, tmp_path):
    imported = _read(exported, tmp_path, _move)  # option 3's self-management education to option 2
    assert [str(c) for c in imported.changes] == [
        "Self-management education moved from option 'Full mix' to option 'Social prescribing only'"]
    (change,) = imported.changes
    assert (change.old_text, change.new_text, change.option) == ("Full mix", "Social prescribing only", 1)
    doc, before = imported.document, document()
    assert [iv.id for iv in doc.options[1].interventions] == ["health_coaching", "social_prescribing",
                                                              "self_management"]
    assert doc.options[1].interventions[2] == before.options[2].interventions[0]  # citations and all
    assert doc.options[2].interventions == before.options[2].interventions[1:]


def test_a_real_change_in_a_sorted_row_is_listed_with_its_label_and_both_values(exported, tmp_path):
    def retyped(ws) -> None:  # after the sort: peer support's reach, and group activities' cited wellbeing gain
        columns = _columns(ws)
        rows = {ws.cell(r, columns["id"]).value: r for r in range(6, ws.max_row + 1)
                if ws.cell(r, columns["option"]).value == 3}
        ws.cell(rows["peer_support"], columns["reach"]).value = 0.02
        ws.cell(rows["group_activities"], columns["wellbeing_gain"]).value = 0.3

    imported = _read(exported, tmp_path, _reverse, retyped)
    listed = [(c.field, c.old_text, c.new_text) for c in imported.changes]
    assert listed[0] == (REORDERED_TEXT, "", "")
    assert sorted(listed[1:]) == sorted([
        ("Option 'Full mix', Peer support: Reach per year", "0.333333%", "2%"),
        ("Option 'Full mix', Peer support: Reach per year (low)", "0.333333%", "2%"),
        ("Option 'Full mix', Peer support: Reach per year (high)", "0.333333%", "2%"),
        ("Option 'Full mix', Group activities: Wellbeing gain", "0.21 points", "0.3 points"),
    ])
    cited = {iv.id: iv.evidence for iv in imported.document.options[2].interventions}
    assert cited["group_activities"] == ()  # its figure was typed over: a local one now
    assert cited["peer_support"] == (("service:nel", "lloyd-evans-2014-nel"),)  # its cited effect is unchanged
    assert cited["self_management"] == document().options[2].interventions[0].evidence


def test_a_row_whose_id_was_typed_over_is_paired_by_its_place(exported, tmp_path):
    def renamed(ws) -> None:
        ws.cell(_row_of(ws, "Calc 3.2"), _columns(ws)["id"]).value = "peers_2027"

    imported = _read(exported, tmp_path, renamed)
    assert [(c.field, c.old_text, c.new_text) for c in imported.changes] == [
        ("Option 'Full mix', Peer support: Id", "peer_support", "peers_2027")]
    assert imported.document.options[2].interventions[1].evidence == ()  # another id: not the cited intervention


# -- the pairing itself ---------------------------------------------------------------------------
def test_pairs_same_option_and_id_then_a_unique_id_then_what_is_left_in_order():
    doc = rich_document()
    a, b, c = (replace(doc.options[2].interventions[i], id=name) for i, name in enumerate("abc"))
    shared = doc.options[0].interventions[0]  # health coaching, in both options
    before = replace(doc, options=(Option("One", (shared, a, b)), Option("Two", (shared, c))))
    after = replace(doc, options=(Option("One", (replace(b, id="b2"), shared)), Option("Two", (c, shared, a))))
    assert match_interventions(before, after) == {
        (0, 1): (0, 0),  # same option, same id (health coaching is in both)
        (1, 0): (1, 1), (1, 1): (1, 0),
        (1, 2): (0, 1),  # moved: its id is nowhere else
        (0, 0): (0, 2),  # its id typed over: what is left of option 1
    }
    said = [str(change) for change in changes_between(before, after)]
    assert said[0] == REORDERED_TEXT
    assert f"{a.name} moved from option 'One' to option 'Two'" in said
    assert [line for line in said if line.endswith(": b -> b2")] == [f"Option 'One', {b.name}: Id: b -> b2"]
    assert len(said) == 3


def test_the_change_log_says_a_reorder_and_a_move_in_the_same_words(tmp_path):
    doc = logged_export(rich_document())
    full = doc.options[2]
    moved = replace(doc, options=(doc.options[0], replace(doc.options[1], interventions=doc.options[1].interventions
                                                          + full.interventions[:1]),
                                  replace(full, interventions=full.interventions[1:][::-1])))
    assert changes_since_last(moved) == (
        REORDERED_TEXT, "Self-management education moved from option 'Full mix' to option 'Social prescribing only'")
    assert changes_since_last(doc) == ("no inputs changed",)


def test_openpyxl_keeps_the_sorted_rows_whole(exported, tmp_path):
    """The edit helper sorts whole rows: each calculation sheet key stays with its intervention."""
    _edit(exported, tmp_path / "sorted.xlsx", _reverse)
    ws = openpyxl.load_workbook(tmp_path / "sorted.xlsx")["Interventions"]
    columns = _columns(ws)
    assert ws.cell(_row_of(ws, "Calc 3.1"), columns["id"]).value == "self_management"
    assert ws.cell(6, columns["id"]).value == "social_prescribing"
