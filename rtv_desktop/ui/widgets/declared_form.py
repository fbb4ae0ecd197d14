"""Forms laid out from the inputs' declarations (:func:`rtv_desktop.core.specs`).

Each declared field of a dataclass becomes a row of a :class:`~rtv_desktop.ui.widgets.forms.FormGrid`:
its label (the declared accelerator letter underlined), a widget chosen by its kind (text; one
of the declared choices; a number typed in the kind's units; central, low and high for an
uncertain number) and its help as the tooltip. Rows are grouped by their declared section, in
declaration order. So a newly declared input appears on its form with no change here.

Fields of a special shape (a value per service, per party or per grade: their value is a
tuple) have no one-widget form: the caller draws them with a builder of its own, called in
the field's place, and a test checks that no declared field is left without a widget.
"""

from __future__ import annotations

import re
from dataclasses import MISSING, fields
from typing import Callable

from PySide6.QtWidgets import QWidget

from ...core import Spec, specs
from .fields import ChoiceCombo, NotesEdit, NumberEdit, TextEdit
from .forms import FormGrid

MULTILINE_SECTION = "notes"  # text declared in this section is typed on several lines
NOTES_HEIGHT = 60


def caption(spec: Spec) -> str:
    """The label as shown beside its field, its accelerator underlined: "Cost per &starter:" for "s".

    The letter is looked for at the start of a word, then anywhere, then in either case.
    """
    label = spec.label.replace("&", "&&")
    at = _accelerator_at(label, spec.accel) if spec.accel else None
    return f"{label[:at]}&{label[at:]}:" if at is not None else f"{label}:"


def _accelerator_at(label: str, letter: str) -> int | None:
    escaped = re.escape(letter)
    for pattern, flags in ((rf"(?<![^\W_]){escaped}", 0), (escaped, 0), (escaped, re.IGNORECASE)):
        found = re.search(pattern, label, flags)
        if found:
            return found.start()
    return None


def tip(spec: Spec) -> str:
    return spec.help or spec.unit


def has_special_shape(cls, name: str) -> bool:
    """True for a field holding a tuple (values per service, party or grade)."""
    field = next(f for f in fields(cls) if f.name == name)
    default = field.default if field.default is not MISSING else (
        field.default_factory() if field.default_factory is not MISSING else None)
    return isinstance(default, tuple)


def widget_for(spec: Spec, multiline: bool = False) -> QWidget:
    """The input widget for one declared field (numbers never clamp: see ``NumberEdit``)."""
    if spec.kind == "choice":
        return ChoiceCombo(spec.choices or {})
    if spec.is_text:
        return NotesEdit() if multiline else TextEdit()
    return NumberEdit(spec.kind)


class DeclaredForm:
    """The declared fields of ``cls`` as rows named ``prefix + field`` (``settings.seed``).

    Parameters
    ----------
    grid : FormGrid
        Where the rows go (its binder ties each widget to its path).
    titles : dict
        Section -> heading; ``None`` draws no heading; a section not listed is headed by its
        name.
    special : dict
        Field -> ``builder(spec)`` for fields of a special shape, called in the field's place.
    hidden : tuple
        Fields that are not typed in (an intervention's ``id``).
    notes : bool
        Give every single-value row a note label to its right (``<name>.note``), e.g. for
        where a figure came from.
    """

    def __init__(self, grid: FormGrid, cls, prefix: str, titles: dict | None = None,
                 special: dict[str, Callable[[Spec], None]] | None = None, hidden: tuple = (), notes: bool = False):
        self.grid, self.cls, self.prefix = grid, cls, prefix
        self.titles = titles or {}
        self.special = special or {}
        self.hidden = set(hidden)
        self.notes = notes
        self.widgets: dict[str, list[QWidget]] = {}  # field -> its widgets (central, low, high)

    def sections(self) -> list[tuple[str, list[tuple[str, Spec]]]]:
        """``(section, [(field, spec)])`` in the order the sections are first declared."""
        grouped: dict[str, list[tuple[str, Spec]]] = {}
        for name, spec in specs(self.cls):
            if name not in self.hidden:
                grouped.setdefault(spec.section, []).append((name, spec))
        return list(grouped.items())

    def build(self) -> None:
        for section, rows in self.sections():
            title = self.titles.get(section, section.replace("_", " ").capitalize())
            if title:
                ranged = any(spec.uncertain and name not in self.special for name, spec in rows)
                self.grid.section(title, with_range_header=ranged)
            for name, spec in rows:
                if name in self.special:
                    self.special[name](spec)
                elif not has_special_shape(self.cls, name):
                    self.widgets[name] = self.add_row(name, spec)

    def add_row(self, name: str, spec: Spec) -> list[QWidget]:
        g, path = self.grid, self.prefix + name
        if spec.uncertain:
            return list(g.uncertain(caption(spec), path, spec.kind, tip(spec)))
        multiline = spec.is_text and spec.section == MULTILINE_SECTION
        widget = widget_for(spec, multiline)
        if multiline:
            widget.setFixedHeight(NOTES_HEIGHT)
        if self.notes:
            return [g.single(caption(spec), path, widget, tip(spec), note=" ")]
        if spec.kind == "choice" or spec.is_text:
            return [g.wide(caption(spec), path, widget, tip(spec))]
        return [g.single(caption(spec), path, widget, tip(spec))]
