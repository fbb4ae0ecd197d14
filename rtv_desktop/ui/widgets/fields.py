"""Input widgets for document values, and the binder that ties them to document paths.

Every widget's ``objectName`` is its path (``area.population``; the selected intervention's
fields are ``interventions.selected.<field>``, bound to the open option's row). Fractions are
shown as percentages (the widget holds 5.0 for a value of 0.05); money shows £ and thousands
separators. A :class:`FormBinder` turns widget edits into ``edited(path, value)`` and loads
a document into its widgets without echoing signals back.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from ... import messages
from ...core import KINDS as DECLARED_KINDS
from ...core.declare import TEXT_KINDS
from ...core import source_for
from ...core.edits import get_value
from ..style import readable_popup
from ...core.typed_entries import TypedEntries

@dataclass(frozen=True)
class NumberKind:
    """How a kind of number is shown and read: scale (100 for a share shown as %), unit, decimals."""

    decimals: int
    scale: float = 1.0
    prefix: str = ""
    suffix: str = ""
    whole: bool = False
    grouped: bool = True
    example: str = "a number, such as 12.5"
    also_typed: tuple[str, ...] = ()
    signed: bool = False

    @property
    def percent(self) -> bool:
        return self.suffix == "%"


def _number_kind(kind) -> NumberKind:
    return NumberKind(kind.decimals, kind.scale, kind.prefix, kind.unit_suffix, kind.integer, kind.grouped,
                      kind.example, kind.also_typed, kind.signed)


# The declarations' table of kinds (rtv_desktop.core.KINDS), in the form the fields read.
KINDS = {name: _number_kind(kind) for name, kind in DECLARED_KINDS.items() if name not in TEXT_KINDS}


def number_kind(name: str) -> NumberKind:
    """How numbers of kind ``name`` are typed and shown."""
    return KINDS[name]


PERCENT_KINDS = {name for name, kind in KINDS.items() if kind.scale == 100.0}
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$")


def parse_number(text: str, kind: NumberKind) -> float | int | None:
    """The scenario value ``text`` stands for (``"150"`` in a % field is 1.5), or None if it is not a number.

    Accepted: an optional sign, the kind's £ or unit, thousands separators in their places
    ("1,250,000"), a decimal point and an exponent. Nothing is clamped or rounded here:
    ranges are checked by :func:`rtv_desktop.core.validate` like every other input. A bare
    number below 1 in a percent field is a fraction, as Excel reads it (:func:`read_as_fraction`).
    """
    fraction = read_as_fraction(text, kind)
    return fraction if fraction is not None else _parse_as_shown(text, kind)


def read_as_fraction(text: str, kind: NumberKind) -> float | None:
    """``0.25`` typed without "%" in a percent field means 25%, as in Excel: the fraction, else None.

    Only strictly between 0 and 1 (between -1 and 0 too where the percentage may be negative):
    0 stays 0, "0.25%" stays a quarter of a percent, and 1 or more is already a percentage.
    """
    if not kind.percent or "%" in text:
        return None
    shown = _parse_as_shown(text, kind)
    if shown is None:
        return None
    typed = shown * kind.scale
    if 0 < typed < 1 or (kind.signed and -1 < typed < 0):
        return typed
    return None


_SPOKEN_FRACTIONS = {0.25: "a quarter of a percent", 0.5: "half a percent", 0.75: "three quarters of a percent",
                     0.1: "a tenth of a percent"}


def fraction_note(text: str, kind: NumberKind, what: str = "") -> str | None:
    """What a field says beside ``text`` read as a fraction: "Read as 25%: type 0.25% for a quarter
    of a percent"; ``what`` names one of several values ("Low"). None when read as typed."""
    fraction = read_as_fraction(text, kind)
    if fraction is None:
        return None
    typed = f"{fraction:g}"
    spoken = _SPOKEN_FRACTIONS.get(abs(fraction), f"{abs(fraction):g} of a percent")
    spoken = f"minus {spoken}" if fraction < 0 else spoken
    shown = f"{round(fraction * kind.scale, 6):g}%"
    head = f"{what} read as {shown}" if what else f"Read as {shown}"
    return f"{head}: type {typed}% for {spoken}"


def _parse_as_shown(text: str, kind: NumberKind) -> float | int | None:
    """``text`` read in the units shown ("0.25" in a % field is 0.25%)."""
    body = text.strip().replace("\u2212", "-")
    sign = ""
    if body[:1] in "+-" and body[:1]:
        sign, body = body[0], body[1:].lstrip()
    if kind.prefix and body.startswith(kind.prefix):
        body = body[len(kind.prefix):].lstrip()
    for unit in sorted({kind.suffix.strip(), *kind.also_typed} - {""}, key=len, reverse=True):
        if body.lower().endswith(unit.lower()):
            body = body[: -len(unit)].rstrip()
            break
    body = sign + body
    if not body or not any(ch.isdigit() for ch in body) or not _NUMBER.match(body):
        return None
    plain = body.replace(",", "")
    if kind.whole and kind.scale == 1.0 and re.fullmatch(r"[+-]?\d+", plain):
        return int(plain)  # exact, even past 2**53 (seeds)
    value = float(plain)
    if not math.isfinite(value):
        return None
    value = value / kind.scale if kind.scale != 1.0 else value
    return int(value) if kind.whole and value.is_integer() and abs(value) < 2**53 else value


def format_number(value, kind: NumberKind) -> str:
    """``value`` (scenario units) as the field shows it: '79.2%', '£1,250', '5 years'."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        return str(value)
    if isinstance(value, int) and kind.scale == 1.0:
        digits = f"{abs(value):,}" if kind.grouped else str(abs(value))
        return f"{'-' if value < 0 else ''}{kind.prefix}{digits}{kind.suffix}"
    shown = value * kind.scale
    # As many decimals as the value needs (up to 6), never fewer than the kind shows.
    decimals = next((d for d in range(kind.decimals, 7) if abs(round(shown, d) - shown) <= 1e-9 * max(1, abs(shown))),
                    6)
    digits = f"{abs(shown):{',' if kind.grouped else ''}.{decimals}f}"
    sign = "-" if round(shown, decimals) < 0 else ""
    return f"{sign}{kind.prefix}{digits}{kind.suffix}"


# A value read in (an imported share, 77.232133%) is shown to its kind's decimals; one needing at
# most this many more (a typed 12.35%) is shown exactly, so typed precision is never hidden.
EXTRA_DECIMALS_SHOWN = 2


def display_number(value, kind: NumberKind) -> str:
    """``value`` as a field first shows it: to the kind's decimals unless a couple more make it
    exact ('77.2%' for 0.77232133, '12.35%' for 0.1235); a value that would round to zero is shown
    exactly. The field keeps the exact value behind the text (:meth:`NumberEdit.model_value`)."""
    exact = format_number(value, kind)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or \
            (isinstance(value, int) and kind.scale == 1.0):
        return exact
    shown = value * kind.scale
    if round(shown, kind.decimals + EXTRA_DECIMALS_SHOWN) == round(shown, 6) or round(shown, kind.decimals) == 0:
        return exact
    digits = f"{abs(shown):{',' if kind.grouped else ''}.{kind.decimals}f}"
    return f"{'-' if round(shown, kind.decimals) < 0 else ''}{kind.prefix}{digits}{kind.suffix}"


class LineEdit(QLineEdit):
    """A line edit that leaves Ctrl+Z / Ctrl+Y to the window's Undo and Redo when it has nothing
    of its own to undo (a field just loaded, or outlined red after an edit elsewhere): otherwise
    the shortcut would be swallowed and do nothing."""

    def event(self, event):
        if event.type() == QEvent.Type.ShortcutOverride:
            own = ((QKeySequence.StandardKey.Undo, self.isUndoAvailable),
                   (QKeySequence.StandardKey.Redo, self.isRedoAvailable))
            if any(event.matches(key) and not available() for key, available in own):
                event.ignore()
                return False
        return super().event(event)


class NumberEdit(LineEdit):
    """A number in scenario units, shown in the units a person expects (%, £), kept as typed.

    Unlike a spin box it never clamps, rounds or drops characters: what is typed stays on
    screen. A number reaches the scenario as typed ("150" in a % field is 1.5), where
    :func:`~rtv_desktop.core.validate` reports it if out of range; text that is not a
    number (:meth:`entry_problem`) stays shown and is reported, and the scenario keeps its
    previous value.
    """

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind_name, self.kind = kind, number_kind(kind)
        self._shown = None  # the scenario value the text stands for
        self._shown_text = None  # the text shown for it (rounded: see display_number)
        self._watchers: list[Callable[[], None]] = []
        self.editingFinished.connect(self._tidy)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(96)
        self.setMaximumWidth(170)
        self.textChanged.connect(self._tell_watchers)

    def watch_text(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` whenever the text changes, also while the form loads with signals blocked."""
        self._watchers.append(callback)

    def _tell_watchers(self, *_args) -> None:
        for callback in self._watchers:
            callback()

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        if self.signalsBlocked():  # textChanged did not tell them
            self._tell_watchers()

    def fraction_note(self, what: str = "") -> str | None:
        """"Read as 25%: ..." while the text is a bare fraction typed into a percent field."""
        return fraction_note(self.text(), self.kind, what)

    def model_value(self):
        """The scenario value typed (or shown, rounded), or None when the text is not a number."""
        if not self.isModified() and self._shown_text is not None and self.text() == self._shown_text:
            return self._shown  # the text was shown for this value, not typed
        return parse_number(self.text(), self.kind)

    def entry_problem(self) -> str | None:
        """What to type instead, when the text is not a number."""
        if self.model_value() is not None:
            return None
        return messages.not_a_number(self.text(), self.kind.example)

    def set_model_value(self, value) -> None:
        """Show ``value`` unless the text already stands for it (typed text is left alone)."""
        if value == self._shown and self.model_value() is not None:
            return
        self._shown = value
        self._shown_text = display_number(value, self.kind)
        self.setText(self._shown_text)

    def _tidy(self) -> None:
        """On leaving the field, a number typed plainly ("12000") is written as the field writes it
        ("12,000"), every digit kept; its value is unchanged, so nothing is edited."""
        value = self.model_value()
        if value is None or self.text() == self._shown_text or self.fraction_note() is not None:
            return  # (a bare fraction read as a percentage stays as typed, with its note)
        tidy = format_number(value, self.kind)
        if tidy != self.text() and parse_number(tidy, self.kind) == value:
            with QSignalBlocker(self):
                self.setText(tidy)
            self._shown, self._shown_text = value, tidy

    def show_typed(self, text: str, value) -> None:
        """Show text typed earlier for a value that is still ``value`` in the scenario."""
        self._shown = value
        if self.text() != text:
            self.setText(text)

    def note_accepted(self, value) -> None:
        self._shown = value

    # Spin-box-like conveniences, in the units shown (79.2 for 79.2%).
    def value(self) -> float | None:
        value = self.model_value()
        return None if value is None else value * self.kind.scale

    def setValue(self, shown: float) -> None:  # noqa: N802 (Qt's spelling)
        """Type ``shown`` into the field as a person would."""
        self.setText(f"{shown:g}" if isinstance(shown, float) else str(shown))

    def suffix(self) -> str:
        return self.kind.suffix.strip()


class TextEdit(LineEdit):
    def model_value(self) -> str:
        return self.text()

    def set_model_value(self, value: str) -> None:
        if self.text() != value:
            self.setText(value)
            self.setCursorPosition(0)  # a long name shows its beginning, not its end


class NotesEdit(QPlainTextEdit):
    def model_value(self) -> str:
        return self.toPlainText()

    def set_model_value(self, value: str) -> None:
        if self.toPlainText() != value:
            self.setPlainText(value)


class ChoiceCombo(QComboBox):
    """One of a fixed set of codes, shown by label."""

    def __init__(self, labels: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        readable_popup(self)
        for code, label in labels.items():
            self.addItem(label, code)

    def model_value(self) -> str:
        return self.currentData()

    def set_model_value(self, value: str) -> None:
        index = self.findData(value)
        if index != self.currentIndex():
            self.setCurrentIndex(index)


def _change_signal(widget):
    if isinstance(widget, NumberEdit):
        return widget.textChanged  # also QLineEdit's own undo (Ctrl+Z while typing)
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    return widget.textEdited


def source_tooltip(path: str, what: str = "") -> str:
    """``what`` plus the shipped default's source for ``path``, if there is one."""
    source = source_for(path)
    lines = [what] if what else []
    if source is not None:
        year = f" ({source.price_year} prices)" if source.price_year else ""
        tag = "Assumption, editable. " if source.assumption else ""
        lines.append(f"Default {source.value}{year}. {tag}Source: {source.source}")
    return "\n".join(lines)


class FormBinder(QObject):
    """Connects input widgets to document paths.

    ``resolve(name)`` maps a widget's object name to the document path it edits (identity
    for area and settings; the selected intervention's editor maps
    ``interventions.selected.x`` to ``options[k].interventions[i].x``). A number field whose text is
    not a number emits ``problem(path, message)`` instead of ``edited`` (and
    ``problem(path, None)`` once that is over): see :mod:`rtv_desktop.core.typed_entries`.
    """

    edited = Signal(str, object)  # data path, new value
    problem = Signal(str, object)  # data path, message or None

    def __init__(self, resolve: Callable[[str], str | None] = lambda name: name, parent: QObject | None = None):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self._resolve = resolve
        self._document = None
        self.entries = TypedEntries(self.problem.emit)

    def bind(self, widget: QWidget, name: str, label: str = "") -> QWidget:
        widget.setObjectName(name)
        widget.setAccessibleName(label or name)
        self.widgets[name] = widget
        _change_signal(widget).connect(lambda *_: self._emit(name))
        return widget

    def _emit(self, name: str) -> None:
        path = self._resolve(name)
        if path is None:
            return
        widget = self.widgets[name]
        if isinstance(widget, NumberEdit):
            problem = widget.entry_problem()
            if problem is not None:
                underneath = get_value(self._document, path) if self._document is not None else None
                self.entries.typed(path, widget.text(), underneath, problem)
                return
            self.entries.accepted(path)
            widget.note_accepted(widget.model_value())
        self.edited.emit(path, widget.model_value())

    def load(self, document, live_problems=None) -> None:
        """Show ``document``'s values; text typed for a value still in place is left alone.

        ``live_problems`` (the session's entry-problem fields) lets go of typed text the
        session no longer reports.
        """
        self._document = document
        if live_problems is not None:
            self.entries.refresh(lambda path: get_value(document, path), set(live_problems))
        for name, widget in self.widgets.items():
            path = self._resolve(name)
            if path is None:
                continue
            value = get_value(document, path)
            typed = self.entries.text(path, value) if isinstance(widget, NumberEdit) else None
            with QSignalBlocker(widget):
                if typed is not None:
                    widget.show_typed(typed, value)
                else:
                    widget.set_model_value(value)
