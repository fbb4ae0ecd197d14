"""The document's record of its workbook exports: when, by which version, by whom, and what changed.

Each export of a workbook appends an :class:`ExportRecord`; ``last`` keeps the inputs as they
were at the last export (the document's JSON form without this log, compressed), so the next
export can say what changed since. The record is the document's history, not an input: it
takes no part in a document's equality (an export does not make results out of date), and the
window keeps it through undo.

JSON form (the document's ``export_log`` key)::

    {"records": [{"at": "2026-12-07 17:30", "version": "3.1.0", "author": "...",
                  "changes": ["first export"]}],
     "last": "<zlib-compressed, base64-encoded JSON>"}
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import dataclass

KEY = "export_log"
FIRST_EXPORT = "first export"


@dataclass(frozen=True)
class ExportRecord:
    """One export: ``at`` (local date and time, "2026-12-07 17:30"), the app ``version``, the
    ``author`` and ``changes``: what changed since the previous export, each in the user's words."""

    at: str
    version: str
    author: str = ""
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExportLog:
    """Every export so far, oldest first, and the inputs at the last one (``last``, packed)."""

    records: tuple[ExportRecord, ...] = ()
    last: str = ""

    def last_inputs(self) -> dict | None:
        """The document's JSON form at the last export, or None (none yet, or unreadable)."""
        return unpack(self.last)

    def appended(self, record: ExportRecord, inputs: dict) -> ExportLog:
        """This log with ``record`` added and ``inputs`` (a document's JSON form) as the last export's."""
        return ExportLog(self.records + (record,), pack(inputs))


def pack(data: dict) -> str:
    """``data`` as compact JSON, compressed and base64-encoded (a document is a few kilobytes this way)."""
    text = json.dumps(data, ensure_ascii=True, allow_nan=False, separators=(",", ":"))
    return base64.b64encode(zlib.compress(text.encode("ascii"), 9)).decode("ascii")


def unpack(text: str) -> dict | None:
    if not text:
        return None
    try:
        data = json.loads(zlib.decompress(base64.b64decode(text.encode("ascii"), validate=True)))
    except (ValueError, zlib.error, binascii.Error, UnicodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def log_to_json(log: ExportLog) -> dict:
    return {"records": [{"at": r.at, "version": r.version, "author": r.author, "changes": list(r.changes)}
                        for r in log.records], "last": log.last}


def read_log(r, raw) -> ExportLog:
    """The log from its JSON form (absent: empty), problems reported through the reader ``r``."""
    if raw is None:
        return ExportLog()
    data = r.mapping(raw, KEY)
    items = data.get("records", [])
    if not isinstance(items, list):
        r.fail(f"{KEY}.records", "must be a list of exports")
        items = []
    records = []
    for k, item in enumerate(items):
        path = f"{KEY}.records[{k}]"
        item = r.mapping(item, path)
        changes = item.get("changes", [])
        if not isinstance(changes, list) or not all(isinstance(c, str) for c in changes):
            r.fail(f"{path}.changes", "must be a list of sentences")
            changes = []
        records.append(ExportRecord(r.text(item, "at", f"{path}.at", ""), r.text(item, "version", f"{path}.version", ""),
                                    r.text(item, "author", f"{path}.author", ""), tuple(changes)))
    return ExportLog(tuple(records), r.text(data, "last", f"{KEY}.last", ""))
