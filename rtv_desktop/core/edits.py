"""Edits of a document: values read and replaced by path, and the options' own edits.

Values are read and replaced by document path (``settings.wellby_value.low``,
``options[1].interventions[2].reach``); the same functions read a scenario by its paths.

Paths are the ones :func:`rtv_desktop.core.validate_document` reports: dotted attribute
names, with ``[k]`` after a tuple attribute (``options[0].interventions[2].reach``,
``settings.optimism_bias[3]``), plus ``baseline_use.<group>.<service>[.low|.high]``.
A path ending on an ``Uncertain`` means its central value. A tuple of ``(key, value)`` pairs
(an intervention's funding shares) is addressed by key: ``interventions[0].funding.council``;
a key it does not hold reads as 0 and is appended when set.
:func:`intervention_path` spells the path of a field of one option's intervention.

Option edits each return a new document (one undoable step for the session).
Interventions keep their ``id`` wherever the same intervention appears (a copied option,
an intervention copied to another option), so a simulation gives it the same random draws
in every option; an intervention that is new (added, or duplicated within its option) gets a
fresh id. The comparator follows its option when options move, and falls back to doing
nothing when its option is deleted.
"""

from __future__ import annotations

import re
from dataclasses import is_dataclass, replace

from .document import Document, Option
from .model import GROUPS, MAX_OPTIONS, Intervention, Uncertain
from .serialize import fresh_id

_TOKEN = re.compile(r"^(\w+)(?:\[(\d+)\])?$")
_OPTION_PREFIX = re.compile(r"^options\[\d+\]\.")


def tokens(path: str) -> list[tuple[str, int | None]]:
    out = []
    for part in path.split("."):
        match = _TOKEN.match(part)
        if not match:
            raise ValueError(f"not a document path: {path!r}")
        out.append((match.group(1), None if match.group(2) is None else int(match.group(2))))
    return out


def get_value(root, path: str):
    """The value at ``path`` (an ``Uncertain``'s central value when the path ends on one)."""
    obj = root
    for name, index in tokens(path):
        if _is_pairs(obj):
            obj = dict(obj).get(name)
            if obj is None:
                return 0.0
        else:
            obj = getattr(obj, name)
        if index is not None:
            obj = obj[index]
    return obj.central if isinstance(obj, Uncertain) else obj


def _is_pairs(obj) -> bool:
    """A tuple of ``(text key, value)`` pairs, such as funding shares by party."""
    return isinstance(obj, tuple) and all(isinstance(p, tuple) and len(p) == 2 and isinstance(p[0], str)
                                          for p in obj)


def with_value(root, path: str, value):
    """A copy of ``root`` with the value at ``path`` replaced (``Uncertain`` -> its central)."""
    return _set(root, tokens(path), value)


def _set(obj, toks, value):
    if not toks:
        if isinstance(obj, Uncertain):
            return replace(obj, central=value)
        return value
    (name, index), rest = toks[0], toks[1:]
    if index is None and _is_pairs(obj):
        pairs = dict(obj)
        if name not in pairs and rest:
            raise ValueError(f"no {name!r} to set inside")
        pairs[name] = _set(pairs.get(name, 0.0), rest, value)
        return tuple(pairs.items())
    if not is_dataclass(obj):
        raise ValueError(f"cannot set {name!r} inside {type(obj).__name__}")
    child = getattr(obj, name)
    if index is None:
        new = _set(child, rest, value)
    else:
        items = list(child)
        items[index] = _set(items[index], rest, value)
        new = tuple(items)
    return replace(obj, **{name: new})


def intervention_path(k: int, i: int, field: str = "") -> str:
    """The document path of option ``k``'s intervention ``i`` (of its ``field`` when given)."""
    return f"options[{k}].interventions[{i}]" + (f".{field}" if field else "")


def edit_label(path: str) -> str:
    """Words for an undo step that edits ``path``: 'options[0].interventions[2].reach.low' -> 'Edit reach (low)'."""
    parts = [p for p in re.split(r"[.\[\]]", _OPTION_PREFIX.sub("", path)) if p and not p.isdigit()]
    if parts and parts[0] in ("area", "settings", "interventions", "services"):
        parts = parts[1:]
    end = f" ({parts.pop()})" if parts and parts[-1] in ("low", "high", "central") and len(parts) > 1 else ""
    return f"Edit {' '.join(parts).replace('_', ' ')}{end}".strip()


_EFFECT_PATH = re.compile(r"^(.*interventions\[\d+\])\.effect\.(\w+?)(?:\.(low|high|central))?$")


def value_at(root, field: str):
    """The value an issue's ``field`` names in ``root`` (a document, or a scenario by its own
    paths), including ``baseline_use.<group>.<service>`` and
    ``options[k].interventions[i].effect.<service>[.low|.high]`` (an absent effect is 0).

    Raises ``KeyError``, ``IndexError`` or ``ValueError`` when the field does not exist.
    """
    parts = field.split(".")
    if parts[0] == "baseline_use" and len(parts) in (3, 4):
        service = next((s for s in root.services if s.id == parts[2]), None)
        if service is None or parts[3:] not in ([], ["low"], ["high"], ["central"]):
            raise KeyError(field)
        return getattr(service.baseline[GROUPS.index(parts[1])], parts[3] if parts[3:] else "central")
    match = _EFFECT_PATH.match(field)
    if match:
        intervention = get_value(root, match.group(1))
        if match.group(2) not in {s.id for s in root.services}:
            raise KeyError(field)
        effect = dict(intervention.effect).get(match.group(2))
        return 0.0 if effect is None else getattr(effect, match.group(3) or "central")
    return get_value(root, field)


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
