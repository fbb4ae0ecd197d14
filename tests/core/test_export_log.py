"""The document's log of exports: read and written with the JSON form, absent in old files, no input."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from rtv_desktop.core import Document, ExportLog, ExportRecord, ScenarioFormatError, default_document
from rtv_desktop.core.export_log import pack, unpack

RECORDS = (ExportRecord("2026-12-01 09:30", "3.0.0", "J. Patel, NHS Example ICB", ("first export",)),
           ExportRecord("2026-12-07 17:05", "3.1.0", "J. Patel, NHS Example ICB",
                        ("Option 'Full mix', Health coaching: Reach per year: 5% -> 8%", "Discount rate: 3.5% -> 1.5%")))


def logged(doc: Document) -> Document:
    inputs = {key: value for key, value in doc.to_dict().items() if key != "export_log"}
    return replace(doc, export_log=ExportLog(RECORDS, pack(inputs)))


def test_the_log_round_trips_through_the_json_form():
    doc = logged(default_document())
    back = Document.from_dict(json.loads(json.dumps(doc.to_dict())))
    assert back.export_log == doc.export_log
    assert back.export_log.records[1].changes[1] == "Discount rate: 3.5% -> 1.5%"
    # the inputs at the last export
    assert Document.from_dict(back.export_log.last_inputs()) == Document.from_dict(default_document().to_dict())


def test_a_file_without_a_log_reads_as_an_empty_log():
    data = default_document().to_dict()
    del data["export_log"]
    assert Document.from_dict(data).export_log == ExportLog()
    data["version"] = 2
    assert Document.from_dict(data).export_log.records == ()


def test_the_log_is_history_not_an_input():
    doc = default_document()
    assert logged(doc) == doc and hash(logged(doc)) == hash(doc)  # results of the one are the other's
    assert logged(doc).export_log != doc.export_log


def test_the_inputs_at_the_last_export_are_kept_compactly():
    inputs = default_document().to_dict()
    packed = pack(inputs)
    assert unpack(packed) == inputs
    assert len(packed) < len(json.dumps(inputs)) / 2
    assert unpack("") is None and unpack("not base64 at all!") is None and unpack(pack({"a": 1})[:-8]) is None


def test_a_damaged_log_is_reported_by_its_path():
    data = default_document().to_dict()
    data["export_log"] = {"records": [{"at": "2026-12-01 09:30", "version": "3.0.0", "changes": "first export"}]}
    with pytest.raises(ScenarioFormatError) as raised:
        Document.from_dict(data)
    assert "Change log, export 1: what changed must be a list of sentences" in str(raised.value)
