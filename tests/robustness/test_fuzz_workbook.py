"""Fuzzing the workbook reader: damaged workbooks are accepted or refused, never crash it."""

from __future__ import annotations

import gc
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rtv_desktop.core import Document, default_scenario
from rtv_desktop.io import load_scenario
from rtv_desktop.io.workbook import write as workbook_writer

from . import oracle




# Reading one workbook takes ~0.2 s, so CI tries a few dozen of each kind of damage;
# benchmarks/fuzz_readers.py runs thousands.
FUZZ = settings(max_examples=25, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("workbook-fuzz")


@pytest.fixture(scope="module")
def template(folder) -> bytes:
    example = Document.from_scenario(default_scenario())
    return workbook_writer.write_workbook(example, folder / "template.xlsx").read_bytes()


@pytest.fixture(autouse=True)
def quick_collections():
    """Leak checks collect garbage per case: freezing older objects keeps that cheap."""
    gc.freeze()
    yield
    gc.unfreeze()


def check(folder, data: bytes) -> None:
    path = folder / "case.xlsx"
    path.write_bytes(data)
    try:
        oracle.answer(load_scenario, path, check_leaks=True)
    except Exception:
        oracle.save_crasher(data, ".xlsx")
        raise


def with_member(template: bytes, index: int, body) -> bytes:
    """``template`` with one zip member's content replaced by ``body(old_content)``."""
    source = zipfile.ZipFile(io.BytesIO(template))
    names = source.namelist()
    victim = names[index % len(names)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            content = source.read(name)
            target.writestr(name, body(content) if name == victim else content)
    return out.getvalue()


def test_the_template_itself_is_accepted(folder, template):
    assert oracle.answer(load_scenario, workbook_writer.write_workbook(Document.from_scenario(default_scenario()),
                                                                       folder / "plain.xlsx")) == oracle.ACCEPTED


@FUZZ
@given(keep=st.integers(min_value=0))
def test_truncated_workbooks(folder, template, keep):
    check(folder, oracle.truncate(template, keep))


@FUZZ
@given(edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_flipped_bytes(folder, template, edits):
    check(folder, oracle.flip(template, edits))


@pytest.mark.slow
@FUZZ
@given(index=st.integers(min_value=0), junk=st.binary(max_size=200))
def test_a_part_replaced_by_junk(folder, template, index, junk):
    check(folder, with_member(template, index, lambda old: junk))


@pytest.mark.slow
@FUZZ
@given(index=st.integers(min_value=0), keep=st.integers(min_value=0), edits=st.lists(
    st.tuples(st.integers(min_value=0), st.sampled_from(b'<>"=&/ x0-9.eE')), max_size=6))
def test_a_part_cut_short_or_its_xml_damaged(folder, template, index, keep, edits):
    check(folder, with_member(template, index, lambda old: oracle.flip(oracle.truncate(old, keep), edits)))
