"""Each export of a workbook appends a row to the document's change log (:mod:`rtv_desktop.core.export_log`).

What changed since the last export is said as the workbook's change review says it, in the
labels people see ("Option 'Full mix', Health coaching: Reach per year: 5% -> 8%"), from the
inputs kept at the last export. A long list is cut short: the log says how many more.
"""

from __future__ import annotations

import datetime as dt
import getpass

from ... import __version__
from ...core import Document, ExportRecord, ScenarioFormatError
from ...core.export_log import FIRST_EXPORT
from .read.changes import Change, changes_between

MAX_LINES = 30  # changes listed per export; a rebase or a new option changes many more
NOTHING_CHANGED = "no inputs changed"
UNKNOWN = "the inputs at the last export could not be read, so what changed is not listed"


def logged_export(doc: Document, now: dt.datetime | None = None) -> Document:
    """``doc`` with a new record on its export log (at ``now``, local time) and its inputs kept as the last export's."""
    at = (now or dt.datetime.now()).strftime("%Y-%m-%d %H:%M")
    record = ExportRecord(at, __version__, exporter(doc), changes_since_last(doc))
    inputs = {key: value for key, value in doc.to_dict().items() if key != "export_log"}
    return _with_log(doc, doc.export_log.appended(record, inputs))


def exporter(doc: Document) -> str:
    """Who exports: the document's author, else the computer's login name."""
    if doc.author.strip():
        return doc.author.strip()
    try:
        return getpass.getuser()
    except (OSError, KeyError, ImportError):  # no login name (some service accounts)
        return ""


def changes_since_last(doc: Document) -> tuple[str, ...]:
    """What changed since the last export, a sentence each; ``("first export",)`` for the first."""
    log = doc.export_log
    if not log.records:
        return (FIRST_EXPORT,)
    before = log.last_inputs()
    try:
        previous = Document.from_dict(before) if before is not None else None
    except ScenarioFormatError:
        previous = None
    if previous is None:
        return (UNKNOWN,)
    lines = [str(change) for change in exact_as_one(changes_between(previous, doc))]
    if len(lines) > MAX_LINES:
        lines = lines[:MAX_LINES] + [f"... and {len(lines) - MAX_LINES} more changes"]
    return tuple(lines) or (NOTHING_CHANGED,)


def exact_as_one(changes: list[Change]) -> list[Change]:
    """An exact value (its low and high the central) is one change, not three: its ends are dropped
    when they moved exactly as the central value did."""
    central = {c.path.removesuffix(".central"): c for c in changes if not c.path.endswith((".low", ".high"))}

    def follows(c: Change) -> bool:
        base, _, end = c.path.rpartition(".")
        found = central.get(base) if end in ("low", "high") else None
        return found is not None and (c.old, c.new) == (found.old, found.new)

    return [c for c in changes if not follows(c)]


def _with_log(doc: Document, log) -> Document:
    from dataclasses import replace  # noqa: PLC0415

    return replace(doc, export_log=log)
