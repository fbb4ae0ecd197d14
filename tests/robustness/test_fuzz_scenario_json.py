"""Fuzzing the scenario file reader: damaged bytes and wrong values never crash it.

A crash is any exception other than ``InputFileError``, or an accepted scenario that
``validate`` rejects or that ``run`` cannot value to finite figures (see ``oracle``).
"""

from __future__ import annotations

import json
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtv_desktop.core import default_scenario
from rtv_desktop.io.scenario_json import scenario_from_json_text, scenario_json_text

from . import oracle

FUZZ = settings(max_examples=300, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=1)
def valid_text() -> str:
    return scenario_json_text(default_scenario())


@lru_cache(maxsize=1)
def valid_data() -> dict:
    return json.loads(valid_text())


@lru_cache(maxsize=1)
def all_paths() -> list[tuple]:
    return oracle.leaf_paths(valid_data())


def read_bytes(data: bytes):
    """What reading these bytes from a file does, without the file."""
    from rtv_desktop.io.scenario_json import decode_scenario_bytes  # noqa: PLC0415

    return scenario_from_json_text(decode_scenario_bytes(data, "fuzz.json"), "fuzz.json")


def check_bytes(data: bytes) -> None:
    try:
        oracle.answer(read_bytes, data)
    except Exception:
        oracle.save_crasher(data, ".json")
        raise


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20)
    | st.sampled_from(oracle.EXTREME_NUMBERS),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=8,
)


@FUZZ
@given(keep=st.integers(min_value=0))
def test_truncated_files(keep):
    check_bytes(oracle.truncate(valid_text().encode(), keep))


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_flipped_bytes(edits):
    check_bytes(oracle.flip(valid_text().encode(), edits))


@FUZZ
@given(position=st.integers(min_value=0), insert=st.binary(max_size=16), delete=st.integers(0, 64))
def test_spliced_bytes(position, insert, delete):
    check_bytes(oracle.splice(valid_text().encode(), position, insert, delete))


@FUZZ
@given(index=st.integers(min_value=0), value=json_values)
def test_any_value_replaced(index, value):
    paths = all_paths()
    data = oracle.replaced(valid_data(), paths[index % len(paths)], value)
    check_bytes(json.dumps(data, allow_nan=True).encode())


@FUZZ
@given(index=st.integers(min_value=0), value=st.sampled_from(oracle.EXTREME_NUMBERS))
def test_any_value_made_extreme(index, value):
    paths = all_paths()
    data = oracle.replaced(valid_data(), paths[index % len(paths)], value)
    check_bytes(json.dumps(data, allow_nan=True).encode())


@FUZZ
@given(index=st.integers(min_value=1))
def test_any_field_missing(index):
    paths = all_paths()
    data = oracle.removed(valid_data(), paths[1:][index % (len(paths) - 1)])
    check_bytes(json.dumps(data).encode())


@FUZZ
@given(data=st.binary(max_size=512))
def test_arbitrary_bytes(data):
    check_bytes(data)
