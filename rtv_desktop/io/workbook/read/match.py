"""Which intervention read from a workbook is which exported one: by identity, not by row.

An analyst may sort the Interventions table or move a row to another option (its option number
cell); the workbook's formulas follow the rows, and so must the reader. An intervention is known
by its id within its option, so the rows are paired:

1. same option, same id;
2. same id alone, when only one exported intervention not yet paired has it (a row moved to
   another option);
3. what is left of each option, in order (a row whose id was typed over).

Exported interventions left unpaired were removed; rows left unpaired were added.
"""

from __future__ import annotations

from ....core import Document

Place = tuple[int, int]  # (option index, intervention index within it)


def _places(doc: Document) -> dict[Place, str]:
    return {(k, i): iv.id for k, option in enumerate(doc.options) for i, iv in enumerate(option.interventions)}


def match_interventions(exported: Document, now: Document) -> dict[Place, Place]:
    """Each place in ``now`` -> the place in ``exported`` of the same intervention (unpaired: absent)."""
    before, after = _places(exported), _places(now)
    pairs: dict[Place, Place] = {}
    free = dict(before)  # exported places not paired yet, in document order

    def pair(place: Place, found: Place) -> None:
        pairs[place] = found
        del free[found]

    for place, ident in after.items():
        found = next((p for p, other in free.items() if ident and other == ident and p[0] == place[0]), None)
        if found is not None:
            pair(place, found)
    for place, ident in after.items():
        same = [p for p, other in free.items() if ident and other == ident]
        if place not in pairs and len(same) == 1:
            pair(place, same[0])
    for k in range(len(now.options)):
        left = [p for p in after if p[0] == k and p not in pairs]
        for place, found in zip(left, [p for p in free if p[0] == k]):
            pair(place, found)
    return pairs


def moved(pairs: dict[Place, Place]) -> bool:
    """Any intervention read at another place than it was exported at (sorted, moved or removed above it)."""
    return any(place != found for place, found in pairs.items())


def reordered(pairs: dict[Place, Place]) -> bool:
    """The interventions staying in an option are no longer in their exported order."""
    kept: dict[int, list[int]] = {}
    for place, found in sorted(pairs.items()):
        if place[0] == found[0]:
            kept.setdefault(place[0], []).append(found[1])
    return any(order != sorted(order) for order in kept.values())
