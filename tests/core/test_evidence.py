"""What the value rests on: social value by evidence grade, and the shipped assumptions in use."""

from dataclasses import replace

import pytest

from rtv_desktop.core import Uncertain, assumptions_in_use, default_scenario, run, value_by_grade, weak_evidence_note

from .builders import intervention, scenario


def test_social_value_by_grade_adds_up_and_matches_the_weak_share():
    r = run(default_scenario())
    by_grade = value_by_grade(r)
    assert by_grade.sum() == pytest.approx(r.summary["pv_social"])
    assert by_grade[3:].sum() / by_grade.sum() == pytest.approx(r.summary["share_social_weak_evidence"])


def test_the_headline_note_appears_only_when_most_value_rests_on_weak_evidence():
    strong = run(scenario([intervention(evidence_grade=2)]))
    weak = run(scenario([intervention(evidence_grade=5)]))
    assert weak_evidence_note(strong) == ""
    assert weak_evidence_note(weak).startswith("100% of the social value rests on")


def test_shipped_assumptions_are_listed_until_replaced():
    s = default_scenario()
    listed = assumptions_in_use(s)
    whats = {a.what for a in listed}
    assert "Peer support: Wellbeing gain" in whats  # a judgement, flagged in the data
    assert all(a.source.assumption for a in listed)
    ivs = list(s.interventions)
    ivs[1] = replace(ivs[1], wellbeing_gain=Uncertain(0.15, 0.05, 0.3))  # local evidence typed in
    assert "Peer support: Wellbeing gain" not in {a.what for a in assumptions_in_use(replace(s, interventions=tuple(ivs)))}
