"""The evidence library (MODEL.md 10e) and the defaults rebuilt from it."""

import json
from dataclasses import fields

import pytest

from rtv_desktop.cli import main
from rtv_desktop.core import APPROACH_LABELS, approach_presets, entries_for, entry, evidence_library, source_for
from rtv_desktop.core.library import EvidenceEntry, LibraryError, read_library

REQUIRED = [f.name for f in fields(EvidenceEntry) if f.name != "price_year"]
SIX = [a for a in APPROACH_LABELS if a != "custom"]


def test_the_library_is_big_enough_and_covers_every_approach():
    entries = evidence_library()
    assert len(entries) >= 30
    assert sum(e.design in ("rct", "controlled") for e in entries) >= 10
    for approach in SIX:
        assert entries_for(approach), f"no entry for {approach}"


def test_every_entry_has_every_field():
    for e in evidence_library():
        for name in REQUIRED:
            value = getattr(e, name)
            if name in ("value", "low", "high"):
                assert (value is None) == (e.value is None), e.id  # all three, or none
            else:
                assert value not in ("", None, ()), f"{e.id} has no {name}"
        assert e.link.startswith("http"), e.id
        if e.value is not None:
            assert e.low <= e.value <= e.high, e.id


def test_ids_are_unique_and_findable():
    ids = [e.id for e in evidence_library()]
    assert len(ids) == len(set(ids))
    assert entry("steventon-2013-nel").design == "controlled"
    assert entry("no-such-entry") is None


def test_steventon_is_carried_in_full_harms_included():
    found = {e.outcome: e for e in entries_for("health_coaching") if e.id.startswith("steventon-2013")}
    assert set(found) == {"service:nel", "service:op", "cost"}
    assert "0.05" in found["service:nel"].measure and "0.37" in found["service:op"].measure
    assert "175" in found["cost"].measure


def test_a_broken_entry_is_refused_naming_its_file_and_entry(tmp_path):
    (tmp_path / "bad.toml").write_text('[[entry]]\nid = "x-1"\napproach = ["peer_support"]\noutcome = "wellbeing"\n'
                                       'value = 0.5\nlow = 0.6\nhigh = 0.7\ninterval = "95% CI"\ndesign = "guess"\n'
                                       'grade = 9\n', encoding="utf-8")
    with pytest.raises(LibraryError) as caught:
        read_library(str(tmp_path))
    message = str(caught.value)
    assert "bad.toml, entry 1 (x-1)" in message
    assert "has no citation" in message and "low <= value <= high" in message
    assert "design must be one of" in message and "grade must be a whole number" in message


def _figure(iv, outcome):
    if outcome.startswith("service:"):
        return iv.effect_on(outcome[8:])
    return getattr(iv, {"wellbeing": "wellbeing_gain", "qaly": "qaly_gain"}.get(outcome, outcome))


@pytest.mark.parametrize("approach", SIX)
def test_every_default_figure_names_its_entry_and_equals_it_or_is_a_flagged_judgement(approach):
    iv = approach_presets()[approach]
    cited = dict(iv.evidence)
    for outcome, entry_id in cited.items():
        e = entry(entry_id)
        assert e is not None and approach in e.approach, entry_id
        figure = _figure(iv, outcome)
        assert (figure.central, figure.low, figure.high) == (e.value, e.low, e.high), entry_id
    outcomes = {"wellbeing": iv.wellbeing_gain, "qaly": iv.qaly_gain}
    outcomes.update({f"service:{sid}": value for sid, value in iv.effect})
    for outcome, value in outcomes.items():
        if outcome in cited:
            continue
        kind = "effect" if outcome.startswith("service:") else outcome
        if value.central == value.low == value.high == 0:
            continue  # nothing counted
        assert iv.design_of(kind) == "judgement", f"{approach} {outcome} has no entry but is not a judgement"
        field = "effect" if kind == "effect" else {"wellbeing": "wellbeing_gain", "qaly": "qaly_gain"}[kind]
        assert source_for(f"approach.{approach}.{field}").assumption, f"{approach} {outcome} is not flagged"
    if iv.wellbeing_gain.central and "wellbeing" not in cited:
        assert iv.wellbeing_grade == 6  # a wellbeing gain no study measured is untested


def test_the_evidence_command_prints_entries_as_json(capsys):
    assert main(["evidence", "--approach", "health_coaching", "--outcome", "service:nel"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert {e["id"] for e in printed} >= {"steventon-2013-nel", "long-2019-nel"}
    assert all(set(REQUIRED) <= set(e) for e in printed)
    assert all(e["outcome"] == "service:nel" and "health_coaching" in e["approach"] for e in printed)
