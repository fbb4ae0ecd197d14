"""Lay out labelled inputs in a grid: one column for a value, or central / low / high."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget


from .fields import FormBinder, NumberEdit, source_tooltip

HEADER_STYLE = "color: #425563; font-weight: 600;"


class FormGrid:
    """Adds rows to a ``QGridLayout``: label | central (or value) | low | high | note.

    ``source_path(name)`` gives the path whose shipped source goes in the tooltip.
    """

    def __init__(self, parent: QWidget, binder: FormBinder, source_path=lambda name: name):
        self.layout = QGridLayout(parent)
        self.layout.setHorizontalSpacing(10)
        self.layout.setVerticalSpacing(6)
        self.layout.setColumnStretch(5, 1)
        self.binder = binder
        self._source_path = source_path
        self.row = 0
        self.notes: dict[str, QLabel] = {}

    def section(self, title: str, with_range_header: bool = False) -> None:
        heading = QLabel(title)
        heading.setProperty("role", "section")
        self.layout.addWidget(heading, self.row, 0, 1, 6)
        self.row += 1
        if with_range_header:
            for column, text in ((1, "Central"), (2, "Low"), (3, "High")):
                label = QLabel(text)
                label.setStyleSheet(HEADER_STYLE)
                self.layout.addWidget(label, self.row, column)
            self.row += 1

    def single(self, label: str, name: str, widget: QWidget, tip: str = "", note: str = "") -> QWidget:
        """One value in the central column; ``note`` (e.g. a reference year) to its right."""
        self._labelled(label, name, widget, tip)
        self.layout.addWidget(widget, self.row, 1)
        if note:
            note_label = QLabel(note)
            note_label.setObjectName(f"{name}.note")
            note_label.setProperty("role", "note")
            self.notes[name] = note_label
            self.layout.addWidget(note_label, self.row, 2, 1, 3)
        self.row += 1
        if isinstance(widget, NumberEdit):
            self._fraction_note(name, [widget])
        return widget

    def wide(self, label: str, name: str, widget: QWidget, tip: str = "") -> QWidget:
        """A value spanning the central, low and high columns (names, notes)."""
        self._labelled(label, name, widget, tip)
        self.layout.addWidget(widget, self.row, 1, 1, 3)
        self.row += 1
        return widget

    def _labelled(self, label: str, name: str, widget: QWidget, tip: str) -> None:
        """Bind ``widget`` to document path ``name`` and put its caption (its buddy) in column 0."""
        caption = QLabel(label)
        caption.setBuddy(widget)
        self.binder.bind(widget, name, _plain(label))
        widget.setProperty("what", tip)
        widget.setToolTip(source_tooltip(self._source_path(name), tip))
        self.layout.addWidget(caption, self.row, 0)

    def uncertain(self, label: str, name: str, kind: str, tip: str = "") -> list[NumberEdit]:
        """Central, low and high of an ``Uncertain``, named ``name``, ``name.low``, ``name.high``."""
        caption = QLabel(label)
        tooltip = source_tooltip(self._source_path(name), tip)
        spins = []
        for column, suffix, what in ((1, "", "central"), (2, ".low", "low"), (3, ".high", "high")):
            spin = NumberEdit(kind)
            self.binder.bind(spin, name + suffix, f"{_plain(label)}, {what}")
            spin.setProperty("what", tip)
            spin.setToolTip(tooltip)
            self.layout.addWidget(spin, self.row, column)
            spins.append(spin)
        caption.setBuddy(spins[0])
        self.layout.addWidget(caption, self.row, 0)
        self.row += 1
        self._fraction_note(name, spins)
        return spins

    def _fraction_note(self, name: str, edits: list[NumberEdit]) -> None:
        """A line under a percent row, shown while a bare fraction typed there is read as Excel reads it
        ("Read as 25%: type 0.25% for a quarter of a percent"); an empty row takes no room."""
        if not edits[0].kind.percent:
            return
        note = QLabel()
        note.setObjectName(f"{name}.fraction_note")
        note.setProperty("role", "note")
        note.setWordWrap(True)
        note.hide()
        self.layout.addWidget(note, self.row, 1, 1, 5)
        self.row += 1
        whats = ("Central", "Low", "High") if len(edits) > 1 else ("",)

        def show_readings() -> None:
            readings = [edit.fraction_note(what) for edit, what in zip(edits, whats)]
            for edit, reading in zip(edits, readings):
                edit.setAccessibleDescription(reading or "")
            text = "; ".join(r for r in readings if r)
            note.setText(text)
            note.setVisible(bool(text))

        for edit in edits:
            edit.watch_text(show_readings)

    def widget_row(self, widget: QWidget, span: int = 5) -> None:
        self.layout.addWidget(widget, self.row, 0, 1, span)
        self.row += 1


def _plain(label: str) -> str:
    return label.replace("&", "").rstrip(":")
