"""Edits of a document's options: each returns a new document (one undoable step for the session).

Interventions keep their ``id`` wherever the same intervention appears (a copied option, an
intervention copied to another option), so a simulation gives it the same random draws in
every option; an intervention that is new (added, or duplicated within its option) gets a
fresh id. The comparator follows its option when options move, and falls back to doing
nothing when its option is deleted.
"""

from __future__ import annotations

from dataclasses import replace

from ..core import MAX_OPTIONS, Document, Intervention, Option, fresh_id


def name_problem(doc: Document, name: str, k: int | None = None) -> str | None:
    """Why ``name`` cannot name option ``k`` (blank, or another option's name), or None."""
    name = name.strip()
    if not name:
        return "An option needs a name: type one."
    taken = [o.name.strip().casefold() for j, o in enumerate(doc.options) if j != k]
    if name.casefold() in taken:
        return f"'{name}' names another option already: give each option its own name."
    return None


def unused_name(doc: Document, wanted: str) -> str:
    """``wanted``, or ``wanted 2``, ``wanted 3``... if another option has that name."""
    candidate, number = wanted, 2
    while name_problem(doc, candidate) is not None:
        candidate, number = f"{wanted} {number}", number + 1
    return candidate


def can_add(doc: Document) -> bool:
    return len(doc.options) < MAX_OPTIONS


def add_option(doc: Document) -> tuple[Document, int]:
    """A new empty option at the end, named "Option N"; returns it and its index."""
    option = Option(unused_name(doc, f"Option {len(doc.options) + 1}"))
    return replace(doc, options=doc.options + (option,)), len(doc.options)


def duplicate_option(doc: Document, k: int) -> tuple[Document, int]:
    """A copy of option ``k`` just after it, its interventions keeping their ids."""
    original = doc.options[k]
    copy = replace(original, name=unused_name(doc, f"{original.name.strip()} (copy)"))
    options = doc.options[:k + 1] + (copy,) + doc.options[k + 1:]
    comparator = doc.comparator + 1 if doc.comparator is not None and doc.comparator > k else doc.comparator
    return replace(doc, options=options, comparator=comparator), k + 1


def rename_option(doc: Document, k: int, name: str) -> Document:
    """Option ``k`` named ``name`` (check it with :func:`name_problem` first)."""
    options = list(doc.options)
    options[k] = replace(options[k], name=name.strip())
    return replace(doc, options=tuple(options))


def delete_option(doc: Document, k: int) -> Document:
    """The document without option ``k`` (never its last option)."""
    if len(doc.options) <= 1:
        raise ValueError("a document keeps at least one option")
    options = doc.options[:k] + doc.options[k + 1:]
    comparator = doc.comparator
    if comparator == k:
        comparator = None
    elif comparator is not None and comparator > k:
        comparator -= 1
    return replace(doc, options=options, comparator=comparator)


def move_option(doc: Document, k: int, delta: int) -> Document:
    """Option ``k`` moved ``delta`` places (the comparator stays the same option)."""
    j = k + delta
    if not 0 <= j < len(doc.options):
        return doc
    options = list(doc.options)
    options[k], options[j] = options[j], options[k]
    comparator = {k: j, j: k}.get(doc.comparator, doc.comparator)
    return replace(doc, options=tuple(options), comparator=comparator)


def set_comparator(doc: Document, c: int | None) -> Document:
    """Compare every option with option ``c``, or with doing nothing (None)."""
    return replace(doc, comparator=c)


def with_fresh_id(iv: Intervention, taken) -> Intervention:
    """``iv`` as a new intervention: an id no other intervention of its option has."""
    return replace(iv, id=fresh_id(taken, iv.approach or "iv"))


def copy_interventions(doc: Document, source: int, rows: list[int], target: int) -> tuple[Document, int]:
    """Option ``source``'s interventions ``rows`` copied to option ``target``, keeping their ids.

    An intervention already in the target (the same id) is replaced by this version in its
    place; the others are appended. Returns the document and how many were replaced.
    """
    chosen = [doc.options[source].interventions[r] for r in rows]
    into = list(doc.options[target].interventions)
    replaced = 0
    for iv in chosen:
        at = next((i for i, there in enumerate(into) if iv.id and there.id == iv.id), None)
        if at is None:
            into.append(iv if iv.id else with_fresh_id(iv, [there.id for there in into]))
        else:
            into[at] = iv
            replaced += 1
    options = list(doc.options)
    options[target] = replace(options[target], interventions=tuple(into))
    return replace(doc, options=tuple(options)), replaced
