"""The open document: its options, the option being edited, latest results, file path,
unsaved flag and undo history.

QtCore only. Widgets never hold the document themselves: they read it from the session,
build an edited copy (:func:`~rtv_desktop.core.edits.with_value` by document path, the
option edits of :mod:`rtv_desktop.core.edits`, or :func:`dataclasses.replace`) and hand it
back with :meth:`Session.set_document`. Documents are immutable, so the undo history simply
keeps the previous ones. :attr:`Session.scenario` is the open option as the engine's run
request, read-only.
"""

from __future__ import annotations

import enum
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from . import messages
from .core import (Comparison, Document, Issue, Results, Scenario, SimulationResults, TornadoRow, default_document,
                   described, errors, validate_document)
from .core.outputs import NPV_SOCIAL
from .io import SaveError, export_document, load_document
from .io.files import WORKBOOK_SUFFIXES, same_file

UNDO_LIMIT = 200


class SimulationState(enum.Enum):
    """Where the open document's Monte Carlo simulation is; kept here, below the window, so
    the report can wait for a simulation without importing the window's controllers."""

    IDLE = "idle"
    RUNNING = "running"
    FINISHED = "finished"
    CANCELLED = "cancelled"


class UndoHistory:
    """A linear history of documents with a cursor; consecutive edits with one key merge.

    Merging keeps typing "125000" into one field as one undo step instead of six.
    """

    def __init__(self, initial: Document, limit: int = UNDO_LIMIT):
        self._states: list[Document] = [initial]
        self._labels: list[str] = [""]
        self._index = 0
        self._merge_key: str | None = None
        self._limit = limit

    @property
    def current(self) -> Document:
        return self._states[self._index]

    def push(self, document: Document, label: str = "", merge_key: str | None = None) -> None:
        """Record ``document`` as the new current state (dropping any redo states)."""
        del self._states[self._index + 1:]
        del self._labels[self._index + 1:]
        if merge_key is not None and merge_key == self._merge_key and self._index > 0:
            self._states[self._index] = document
            return
        self._states.append(document)
        self._labels.append(label)
        self._index += 1
        self._merge_key = merge_key
        if len(self._states) > self._limit:
            del self._states[0], self._labels[0]
            self._index -= 1

    def reset(self, document: Document) -> None:
        self.__init__(document, self._limit)

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._states) - 1

    def undo_label(self) -> str:
        return self._labels[self._index] if self.can_undo() else ""

    def redo_label(self) -> str:
        return self._labels[self._index + 1] if self.can_redo() else ""

    def undo(self) -> Document:
        if self.can_undo():
            self._index -= 1
        self._merge_key = None
        return self.current

    def redo(self) -> Document:
        if self.can_redo():
            self._index += 1
        self._merge_key = None
        return self.current

    def set_export_log(self, log) -> None:
        """Every state, past and future, carries ``log``: the exports happened whatever is undone."""
        self._states = [replace(state, export_log=log) for state in self._states]

    def break_merge(self) -> None:
        """The next edit starts a new undo step even if its key matches the last one."""
        self._merge_key = None


class Session(QObject):
    """The one open document and what is known about it.

    Signals
    -------
    documentChanged(Document)
        After every edit, undo, redo, new or open: the one change signal.
    optionChanged(int)
        Another option was opened for editing (the document itself is unchanged).
    issuesChanged(list)
        The :class:`~rtv_desktop.core.Issue` list, by document path: text typed that is not
        a number, the frame's and the open option's problems, then the other options' and
        the document's (``options[1].interventions[0].reach``, ``comparator``).
    resultsChanged(object)
        The open option's ``Results`` (``None`` when invalid or not yet computed).
    comparisonChanged(object)
        The ``Comparison`` of every option (``None`` likewise).
    simulationChanged(object)
        The last finished ``SimulationResults`` of this document, or ``None``. It may be of
        an earlier version of the document (:attr:`simulation_current` says whether it still
        matches): an edit never hides a simulation, it only makes it out of date.
    dirtyChanged(bool), pathChanged(object), historyChanged()
    """

    documentChanged = Signal(object)
    optionChanged = Signal(int)
    issuesChanged = Signal(list)
    resultsChanged = Signal(object)
    comparisonChanged = Signal(object)
    simulationChanged = Signal(object)
    dirtyChanged = Signal(bool)
    pathChanged = Signal(object)
    historyChanged = Signal()

    def __init__(self, document: Document | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._history = UndoHistory(document or default_document())
        self._option = 0
        self._saved: Document | None = self._history.current
        self._path: Path | None = None
        self._origin: Path | None = None
        self._read_workbooks: list[Path] = []  # every workbook opened in this session
        self._entry_problems: dict[str, str] = {}
        self.issues: list[Issue] = self._all_issues()
        self.comparison: Comparison | None = None
        self.results: Results | None = None
        self.tornados: dict[str, list[TornadoRow]] | None = None
        self.simulation: SimulationResults | None = None
        self.document_id = 0  # counts New and Open, so a run started for another document is refused

    # -- the document ---------------------------------------------------------------
    @property
    def document(self) -> Document:
        return self._history.current

    @property
    def option(self) -> int:
        """The index of the option being edited (its interventions are the scenario's)."""
        return min(self._option, max(0, len(self.document.options) - 1))

    @property
    def scenario(self) -> Scenario:
        """The open option on the shared frame: what the engine runs (read-only; edit the document)."""
        return self.document.scenario(self.option)

    @property
    def tornado(self) -> list[TornadoRow] | None:
        """The open option's one-way sensitivity, sorted by net social value."""
        return self.tornados.get(NPV_SOCIAL) if self.tornados else None

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def origin(self) -> Path | None:
        """The workbook this document was read from: never saved over (Save asks for a new name)."""
        return self._origin

    def was_read(self, path) -> bool:
        """True when ``path`` is a workbook read in this session (never saved over, even after a Save As)."""
        return any(same_file(Path(path), read) for read in self._read_workbooks)

    @property
    def dirty(self) -> bool:
        """Unsaved edits, or a log of exports the file does not hold yet (it takes no part in equality)."""
        saved = self._saved
        return saved is None or self.document != saved or self.document.export_log != saved.export_log

    def record_export(self, exported: Document) -> None:
        """Keep the log of exports ``exported`` carries (the document as a workbook was just exported):
        no undo step, since undoing an edit never forgets an export, but the document is marked modified
        so the log is saved."""
        was_dirty = self.dirty
        self._keep_export_log(exported)
        if self.dirty != was_dirty:
            self.dirtyChanged.emit(self.dirty)
        self._history.break_merge()

    def _keep_export_log(self, exported: Document) -> None:
        self._history.set_export_log(exported.export_log)

    @property
    def history(self) -> UndoHistory:
        return self._history

    def is_runnable(self) -> bool:
        return not errors(self.issues)

    @property
    def simulation_current(self) -> bool:
        """True when the last simulation was run on the document as it is now."""
        return self.simulation is not None and self.simulation.document == self.document

    @property
    def entry_problems(self) -> dict[str, str]:
        """``{field: message}``: text typed that is not a number, which the document cannot hold."""
        return dict(self._entry_problems)

    def set_entry_problem(self, field: str, message: str | None) -> None:
        """Report (or with ``None`` clear) typed text at ``field`` that is not a number.

        It is an error like any invalid value: listed, outlined, and nothing is computed
        until it is fixed. The document keeps its last value meanwhile.
        """
        if self._entry_problems.get(field) == message:
            return
        if message is None:
            del self._entry_problems[field]
        else:
            self._entry_problems[field] = message
        self.issues = self._all_issues()
        self.issuesChanged.emit(self.issues)

    def set_document(self, document: Document, label: str = "Edit", merge_key: str | None = None,
                     option: int | None = None) -> None:
        """Make ``document`` current as one undoable edit (merged with the last if keys match).

        ``option`` opens that option for editing at the same time (e.g. one just added).
        """
        if option is not None:
            self._option = option
        if document == self.document:
            if option is not None:
                self._after_change(self.dirty)
            return
        was_dirty = self.dirty
        self._history.push(document, label, merge_key)
        self._after_change(was_dirty)

    def set_option(self, k: int) -> None:
        """Open option ``k`` for editing (not an edit: nothing to undo)."""
        if k == self._option or not 0 <= k < len(self.document.options):
            return
        self._option = k
        # The intervention fields now show this option's values; text typed in shared fields stays.
        self._entry_problems = {field: text for field, text in self._entry_problems.items()
                                if not field.startswith("options")}
        self.results = self.comparison.options[k] if self.comparison is not None else None
        self.tornados = None  # the tornado is the open option's: a new one follows
        self.issues = self._all_issues()
        self.optionChanged.emit(k)
        self.issuesChanged.emit(self.issues)
        self.resultsChanged.emit(self.results)

    def undo(self) -> None:
        if self._history.can_undo():
            was_dirty = self.dirty
            self._history.undo()
            self._after_change(was_dirty)

    def redo(self) -> None:
        if self._history.can_redo():
            was_dirty = self.dirty
            self._history.redo()
            self._after_change(was_dirty)

    def replace_document(self, document: Document, path: Path | None, saved: bool) -> None:
        """Start afresh with ``document`` (New, Open): history cleared, results forgotten.

        A workbook ``path`` becomes the document's :attr:`origin`, not its save path: a
        workbook someone may have edited in Excel is read, never written over.
        """
        was_dirty = self.dirty
        self._history.reset(document)
        self._option = 0
        self.document_id += 1
        if self.simulation is not None:  # a simulation belongs to its document
            self.simulation = None
            self.simulationChanged.emit(None)
        self._entry_problems.clear()  # the fields show the new document's values
        self._saved = document if saved else None
        self._origin = Path(path) if is_workbook(path) else None
        if self._origin is not None:
            self._read_workbooks.append(self._origin)
        self._set_path(None if is_workbook(path) else path)
        self._after_change(was_dirty)

    def open(self, path) -> Document:
        """Load ``path``; on ``InputFileError`` the current document is left untouched.

        A scenario file with values out of range opens, its problems listed like values
        typed out of range (a document saved part way through fixing them reopens).
        """
        document = load_document(path, check_ranges=False)
        self.replace_document(document, Path(path), saved=True)
        return document

    def save(self, path=None, **workbook_options) -> Path:
        """Save to ``path`` (or the current path) atomically; ``SaveError`` leaves all as it was.

        ``workbook_options`` (``results``, ``simulation``, ``tornado_rows``) go to the workbook
        writer for ``.xlsx``.
        """
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file name: use save(path)")
        if self.was_read(target):
            raise SaveError(messages.will_not_save_over_read_workbook(target))
        was_dirty = self.dirty
        self._keep_export_log(export_document(self.document, target, **workbook_options))
        self._saved = self.document
        self._origin = None
        self._set_path(target)
        if was_dirty:
            self.dirtyChanged.emit(False)
        self._history.break_merge()
        return target

    # -- what is known about it -----------------------------------------------------
    def set_results(self, document: Document, comparison: Comparison | None, tornados=None,
                    option: int | None = None) -> bool:
        """Accept results computed for ``document``; ignored (False) if the document has moved on.

        ``tornados`` (``{metric: rows}``) belong to ``option``; they are kept only while that
        option is the open one.
        """
        if document != self.document:
            return False
        self.comparison = comparison
        self.results = comparison.options[self.option] if comparison is not None else None
        self.tornados = tornados if option in (None, self.option) else None
        self.comparisonChanged.emit(comparison)
        self.resultsChanged.emit(self.results)
        return True

    def set_simulation(self, simulation: SimulationResults | None, document_id: int | None = None) -> bool:
        """Keep ``simulation`` as the document's last; ignored (False) if started for another document."""
        if document_id is not None and document_id != self.document_id:
            return False
        self.simulation = simulation
        self.simulationChanged.emit(simulation)
        return True

    # -- internals --------------------------------------------------------------------
    def _set_path(self, path: Path | None) -> None:
        path = Path(path) if path is not None else None
        if path != self._path:
            self._path = path
            self.pathChanged.emit(path)

    def _all_issues(self) -> list[Issue]:
        """Typed text that is not a number, the frame's and open option's problems, then the rest."""
        document, k = self.document, self.option
        typed = described([Issue(field, message, "error") for field, message in self._entry_problems.items()],
                          document, k)
        found = validate_document(document, open_option=k)
        return typed + sorted(found, key=lambda issue: _elsewhere(issue.field, k))  # stable: order kept within each

    def _after_change(self, was_dirty: bool) -> None:
        self._option = self.option  # the option shown, so undo and redo never open another one unannounced
        self.issues = self._all_issues()
        if self.comparison is not None and self.comparison.document != self.document:
            self.comparison, self.results, self.tornados = None, None, None
        self.documentChanged.emit(self.document)
        self.issuesChanged.emit(self.issues)
        self.historyChanged.emit()
        if self.dirty != was_dirty:
            self.dirtyChanged.emit(self.dirty)


def _elsewhere(field: str, k: int) -> bool:
    """True for a path outside the frame and option ``k``'s mix (another option, the options, stories)."""
    return field.startswith(("options", "comparator", "stories")) and not field.startswith(
        f"options[{k}].interventions")


def is_workbook(path) -> bool:
    return path is not None and Path(path).suffix.lower() in WORKBOOK_SUFFIXES
