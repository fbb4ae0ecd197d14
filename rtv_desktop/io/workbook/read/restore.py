"""What the visible cells cannot say, taken from the copy of the document the workbook was exported with.

- Case stories, the log of exports, the local evidence entries accepted and the monitoring
  actuals imported are not on any sheet: they come back from the hidden copy.
- Mappings (effects by service, funding by party, area sources) are read in column order;
  when the same entries are present, they keep the order they were exported in.
- Provenance follows the figure: an area figure whose value changed while its Source cell
  did not is credited to the workbook ("Changed in the workbook '<file>'", dated today), not
  to the table it first came from; an intervention's figure that cites a study in the evidence
  library keeps the citation only while the figure is the one exported (a figure typed over in
  the workbook is a local one).
- Each intervention is given what its own exported copy held, found by identity (its id within
  its option, see :mod:`.match`), so a sorted table or a row moved to another option keeps its
  citations.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import replace

from ....core import Area, Document, FigureSource, Intervention, specs
from ....core.library import without_stale
from .match import match_interventions


def changed_source(file_name: str) -> FigureSource:
    return FigureSource(f"Changed in the workbook '{file_name}'", dt.date.today().isoformat())


def restore(doc: Document, exported: Document | None, file_name: str) -> Document:
    """``doc`` with the stories, local evidence, actuals, mapping order and figure sources that follow
    from the exported copy."""
    if exported is None:
        return doc
    area = _same_order(doc.area, exported.area)
    area = _provenance(area, exported.area, file_name)
    pairs = match_interventions(exported, doc)

    def restored(k: int, i: int, iv: Intervention) -> Intervention:
        if (k, i) not in pairs:
            return iv  # added in the workbook
        found_k, found_i = pairs[(k, i)]
        before = exported.options[found_k].interventions[found_i]
        return _cited(_same_order(iv, before), before)

    options = tuple(replace(option, interventions=tuple(restored(k, i, iv)
                                                        for i, iv in enumerate(option.interventions)))
                    for k, option in enumerate(doc.options))
    return replace(doc, area=area, options=options, stories=exported.stories,
                   export_log=exported.export_log,
                   local_evidence=exported.local_evidence, actuals=exported.actuals)


def _same_order(obj, before):
    """Every tuple-of-pairs field of ``obj`` in ``before``'s order, when both hold the same keys."""
    changes = {}
    for f in dataclasses.fields(obj):
        now, then = getattr(obj, f.name), getattr(before, f.name)
        if not (isinstance(now, tuple) and now and isinstance(now[0], tuple) and isinstance(then, tuple)):
            continue
        order = [key for key, _ in then]
        if sorted(order) == sorted(key for key, _ in now) and len(order) == len(now):
            values = dict(now)
            changes[f.name] = tuple((key, values[key]) for key in order)
    return replace(obj, **changes) if changes else obj


def _cited(iv: Intervention, before: Intervention) -> Intervention:
    """``iv`` citing the studies ``before`` cited, for the figures that did not change."""
    if iv.evidence or not before.evidence or iv.id != before.id:
        return iv
    return without_stale(replace(iv, evidence=before.evidence), before)


def _provenance(area: Area, before: Area, file_name: str) -> Area:
    changed = {}
    for name, _spec in specs(Area):
        if getattr(area, name) != getattr(before, name) and area.source_of(name) == before.source_of(name):
            changed[name] = changed_source(file_name)
    return area.with_sources(**changed) if changed else area
