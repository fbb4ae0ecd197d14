"""Scenario files: round trips, and every kind of damaged or hostile file refused clearly."""

from __future__ import annotations

import json
import math
from dataclasses import replace

import pytest

from rtv_desktop.core import default_scenario, run, validate
from rtv_desktop.io import InputFileError, SaveError, read_scenario_json, write_scenario_json
from rtv_desktop.io.limits import MAX_JSON_BYTES
from rtv_desktop.io.scenario_json import scenario_from_json_text, scenario_json_text


@pytest.fixture
def good_text() -> str:
    return scenario_json_text(default_scenario())


def refused(path) -> InputFileError:
    with pytest.raises(InputFileError) as info:
        read_scenario_json(path)
    return info.value


def test_round_trip_keeps_every_value(tmp_path):
    scenario = default_scenario()
    path = write_scenario_json(scenario, tmp_path / "s.json")
    assert read_scenario_json(path) == scenario


def test_byte_order_mark_is_accepted(tmp_path, good_text):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + good_text.encode())
    assert read_scenario_json(path) == default_scenario()


@pytest.mark.parametrize("content", [b"", b"   \n\t  "], ids=["empty", "blank"])
def test_empty_file_is_refused_with_advice(tmp_path, content):
    path = tmp_path / "empty.json"
    path.write_bytes(content)
    error = refused(path)
    assert "empty" in error.report() and ".bak" in error.report()
    assert str(path) in error.report()


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.99])
def test_truncated_file_is_called_truncated(tmp_path, good_text, fraction):
    path = tmp_path / "cut.json"
    path.write_text(good_text[: int(len(good_text) * fraction)], encoding="utf-8")
    error = refused(path)
    assert "cut short" in error.report()
    assert error.problems[0].where.startswith("line ")


@pytest.mark.parametrize("tail", ["0.", "-", "1e", "12", "tru", "fals", "nul"])
def test_file_cut_inside_a_number_or_word_is_called_cut_short(tmp_path, tail):
    path = tmp_path / "cut.json"
    path.write_text('{"format": "rtv-desktop-scenario", "reach": ' + tail, encoding="utf-8")
    assert "cut short" in refused(path).report()


@pytest.mark.parametrize("text", ['{"reach": x}', '{"reach": 1,, "b": 2}', '{"reach": truex}'])
def test_a_mistake_inside_a_file_is_not_called_cut_short(tmp_path, text):
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    report = refused(path).report()
    assert "cut short" not in report and "not valid JSON" in report


def test_missing_file_and_folder_are_refused(tmp_path):
    assert "does not exist" in refused(tmp_path / "nope.json").report()
    folder = tmp_path / "dir.json"
    folder.mkdir()
    assert "folder" in refused(folder).report()


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "pic.json"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert "binary" in refused(path).report()


@pytest.mark.parametrize("encoding", ["utf-16", "latin-1"])
def test_other_encodings_are_refused(tmp_path, encoding):
    path = tmp_path / "enc.json"
    path.write_bytes(json.dumps({"name": "Café £"}, ensure_ascii=False).encode(encoding))
    assert "UTF-8" in refused(path).report()


def test_file_over_the_cap_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "big.json"
    with open(path, "wb") as handle:
        handle.truncate(MAX_JSON_BYTES + 10)  # sparse: cheap to make
    assert "MB" in refused(path).report()


def test_deep_nesting_is_refused(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert "nested" in refused(path).report()


def test_json_but_not_a_scenario_is_refused(tmp_path):
    for index, value in enumerate([[], 3, "text", None, {"format": "something-else"}]):
        path = tmp_path / f"other{index}.json"
        path.write_text(json.dumps(value), encoding="utf-8")
        assert "not an RtV Desktop scenario" in refused(path).report()


def _with_population(text: str, token: str) -> str:
    data = json.loads(text)
    data["area"]["population"] = "@@"
    return json.dumps(data).replace('"@@"', token)


@pytest.mark.parametrize("token", ["NaN", "Infinity", "-Infinity", "1e400", "1e308", "-1e300",
                                   "9" * 400, "-" + "9" * 4000, "12345678901234567890123"])
def test_unusable_numbers_are_refused_and_located(good_text, token):
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(_with_population(good_text, token))
    assert [p.field for p in info.value.problems] == ["area.population"]


def test_number_too_long_to_convert_is_refused(good_text):
    with pytest.raises(InputFileError, match="thousands of digits"):
        scenario_from_json_text(_with_population(good_text, "9" * 5000))


def test_file_with_far_too_many_values_is_refused(good_text):
    data = json.loads(good_text)
    data["notes"] = [1] * 300_000
    with pytest.raises(InputFileError, match="more than 200,000 values"):
        scenario_from_json_text(json.dumps(data))


def test_wrong_types_and_missing_fields_are_all_listed(good_text):
    data = json.loads(good_text)
    data["area"]["population"] = "lots"
    data["settings"]["horizon_years"] = [5]
    del data["options"][0]["interventions"][0]["reach"]
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(json.dumps(data))
    fields = {p.field for p in info.value.problems}
    assert {"area.population", "settings.horizon_years", "options[0].interventions[0].reach"} <= fields


def test_unusable_numbers_and_other_problems_are_listed_together(good_text):
    data = json.loads(good_text)
    data["area"]["population"] = math.nan
    data["area"]["adult_share"] = "lots"
    data["settings"]["horizon_years"] = 10**400
    data["options"][0]["interventions"][0]["reach"] = 7
    data["options"][0]["interventions"][1]["approach"] = "magic"
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(json.dumps(data))
    # One pass, every problem: unusable numbers, wrong types, and the ranges and choices of the rest.
    fields = [p.field for p in info.value.problems]
    assert fields[:3] == ["area.population", "settings.horizon_years", "area.adult_share"]
    assert set(fields[3:]) == {"options[0].interventions[0].reach", "options[0].interventions[1].approach"}
    text = info.value.report()
    assert "Reach per year must be from 0% to 100%; it is 700%" in text
    assert "Peer support: Approach must be one of 'self_management' (Self-management education)" in text
    assert "it is 'magic'" in text


def test_out_of_range_values_are_refused(good_text):
    data = json.loads(good_text)
    data["area"]["adult_share"] = 1.5
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(json.dumps(data))
    assert info.value.problems[0].field == "area.adult_share"


def test_newer_format_version_asks_for_an_update(good_text):
    data = json.loads(good_text)
    data["version"] = 99
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(json.dumps(data))
    assert "newer" in info.value.report()


def test_broken_text_is_refused_on_reading(good_text):
    data = json.loads(good_text)
    data["notes"] = "\ud800"
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(json.dumps(data))  # ensure_ascii keeps the lone surrogate as \ud800
    assert info.value.problems[0].field == "notes"


def test_a_huge_list_of_problems_is_capped(good_text):
    data = json.loads(good_text)
    data["notes"] = [math.nan] * 5000
    with pytest.raises(InputFileError) as info:
        scenario_from_json_text(json.dumps(data))
    assert len(info.value.problems) == 100


def test_saving_a_value_that_cannot_be_stored_keeps_the_old_file(tmp_path):
    path = write_scenario_json(default_scenario(), tmp_path / "s.json")
    before = path.read_bytes()
    for bad in (replace(default_scenario(), notes="\udc80"),
                replace(default_scenario(), area=replace(default_scenario().area, population=math.nan))):
        with pytest.raises(SaveError) as info:
            write_scenario_json(bad, path)
        assert "previous file is unchanged" in str(info.value)
        assert path.read_bytes() == before


def test_accepted_scenarios_run_to_finite_figures(good_text):
    scenario = scenario_from_json_text(good_text)
    assert not [i for i in validate(scenario) if i.severity == "error"]
    summary = run(scenario).summary
    assert all(v is None or math.isfinite(v) for v in summary.values())
