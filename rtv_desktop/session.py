"""The open document: its scenario, latest results, file path, unsaved flag and undo history.

QtCore only. Widgets never hold the scenario themselves: they read it from the session,
build an edited copy with :func:`dataclasses.replace` and hand it back with
:meth:`Session.set_scenario`. Scenarios are immutable, so the undo history simply keeps
the previous scenarios (a 50-intervention scenario is a few hundred small objects).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from . import messages
from .core import Issue, Results, Scenario, SimulationResults, TornadoRow, default_scenario, errors, validate
from .io import SaveError, load_scenario, save_scenario
from .io.files import WORKBOOK_SUFFIXES

UNDO_LIMIT = 200


class UndoHistory:
    """A linear history of scenarios with a cursor; consecutive edits with one key merge.

    Merging keeps typing "125000" into one field as one undo step instead of six.
    """

    def __init__(self, initial: Scenario, limit: int = UNDO_LIMIT):
        self._states: list[Scenario] = [initial]
        self._labels: list[str] = [""]
        self._index = 0
        self._merge_key: str | None = None
        self._limit = limit

    @property
    def current(self) -> Scenario:
        return self._states[self._index]

    def push(self, scenario: Scenario, label: str = "", merge_key: str | None = None) -> None:
        """Record ``scenario`` as the new current state (dropping any redo states)."""
        del self._states[self._index + 1:]
        del self._labels[self._index + 1:]
        if merge_key is not None and merge_key == self._merge_key and self._index > 0:
            self._states[self._index] = scenario
            return
        self._states.append(scenario)
        self._labels.append(label)
        self._index += 1
        self._merge_key = merge_key
        if len(self._states) > self._limit:
            del self._states[0], self._labels[0]
            self._index -= 1

    def reset(self, scenario: Scenario) -> None:
        self.__init__(scenario, self._limit)

    def can_undo(self) -> bool:
        return self._index > 0

    def can_redo(self) -> bool:
        return self._index < len(self._states) - 1

    def undo_label(self) -> str:
        return self._labels[self._index] if self.can_undo() else ""

    def redo_label(self) -> str:
        return self._labels[self._index + 1] if self.can_redo() else ""

    def undo(self) -> Scenario:
        if self.can_undo():
            self._index -= 1
        self._merge_key = None
        return self.current

    def redo(self) -> Scenario:
        if self.can_redo():
            self._index += 1
        self._merge_key = None
        return self.current

    def break_merge(self) -> None:
        """The next edit starts a new undo step even if its key matches the last one."""
        self._merge_key = None


class Session(QObject):
    """The one open scenario and what is known about it.

    Signals
    -------
    scenarioChanged(Scenario)
        After every edit, undo, redo, new or open.
    issuesChanged(list)
        The :class:`~rtv_desktop.core.Issue` list of the current scenario.
    resultsChanged(object)
        Deterministic results (``Results`` or ``None`` when invalid or not yet computed).
    simulationChanged(object)
        The last finished ``SimulationResults`` of this document, or ``None``. It may be of
        an earlier version of the scenario (:attr:`simulation_current` says whether it
        still matches): an edit never hides a simulation, it only makes it out of date.
    dirtyChanged(bool), pathChanged(object), historyChanged()
    """

    scenarioChanged = Signal(object)
    issuesChanged = Signal(list)
    resultsChanged = Signal(object)
    simulationChanged = Signal(object)
    dirtyChanged = Signal(bool)
    pathChanged = Signal(object)
    historyChanged = Signal()

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._history = UndoHistory(scenario or default_scenario())
        self._saved: Scenario | None = self._history.current
        self._path: Path | None = None
        self._origin: Path | None = None
        self._entry_problems: dict[str, str] = {}
        self.issues: list[Issue] = validate(self.scenario)
        self.results: Results | None = None
        self.tornado: list[TornadoRow] | None = None
        self.simulation: SimulationResults | None = None
        self.document_id = 0  # counts New and Open, so a run started for another document is refused

    # -- the document ---------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        return self._history.current

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def origin(self) -> Path | None:
        """The workbook this document was read from: never saved over (Save asks for a new name)."""
        return self._origin

    @property
    def dirty(self) -> bool:
        return self.scenario != self._saved

    @property
    def history(self) -> UndoHistory:
        return self._history

    def is_runnable(self) -> bool:
        return not errors(self.issues)

    @property
    def simulation_current(self) -> bool:
        """True when the last simulation was run on the scenario as it is now."""
        return self.simulation is not None and self.simulation.scenario == self.scenario

    @property
    def entry_problems(self) -> dict[str, str]:
        """``{field: message}``: text typed that is not a number, which the scenario cannot hold."""
        return dict(self._entry_problems)

    def set_entry_problem(self, field: str, message: str | None) -> None:
        """Report (or with ``None`` clear) typed text at ``field`` that is not a number.

        It is an error like any invalid value: listed, outlined, and nothing is computed
        until it is fixed. The scenario keeps its last value meanwhile.
        """
        if self._entry_problems.get(field) == message:
            return
        if message is None:
            del self._entry_problems[field]
        else:
            self._entry_problems[field] = message
        self.issues = self._all_issues()
        self.issuesChanged.emit(self.issues)

    def set_scenario(self, scenario: Scenario, label: str = "Edit", merge_key: str | None = None) -> None:
        """Make ``scenario`` current as one undoable edit (merged with the last if keys match)."""
        if scenario == self.scenario:
            return
        was_dirty = self.dirty
        self._history.push(scenario, label, merge_key)
        self._after_change(was_dirty)

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

    def replace_document(self, scenario: Scenario, path: Path | None, saved: bool) -> None:
        """Start afresh with ``scenario`` (New, Open): history cleared, results forgotten.

        A workbook ``path`` becomes the document's :attr:`origin`, not its save path: a
        workbook someone may have edited in Excel is read, never written over.
        """
        was_dirty = self.dirty
        self._history.reset(scenario)
        self.document_id += 1
        if self.simulation is not None:  # a simulation belongs to its document
            self.simulation = None
            self.simulationChanged.emit(None)
        self._entry_problems.clear()  # the fields show the new document's values
        self._saved = scenario if saved else None
        self._origin = Path(path) if is_workbook(path) else None
        self._set_path(None if is_workbook(path) else path)
        self._after_change(was_dirty)

    def open(self, path) -> Scenario:
        """Load ``path``; on ``InputFileError`` the current scenario is left untouched.

        A scenario file with values out of range opens, its problems listed like values
        typed out of range (a scenario saved part way through fixing them reopens).
        """
        scenario = load_scenario(path, check_ranges=False)
        self.replace_document(scenario, Path(path), saved=True)
        return scenario

    def save(self, path=None, **workbook_options) -> Path:
        """Save to ``path`` (or the current path) atomically; ``SaveError`` leaves all as it was.

        ``workbook_options`` (``results``, ``simulation``) go to the workbook writer for ``.xlsx``.
        """
        target = Path(path) if path is not None else self._path
        if target is None:
            raise ValueError("no file name: use save(path)")
        if self._origin is not None and same_file(target, self._origin):
            raise SaveError(messages.will_not_save_over_read_workbook(target))
        save_scenario(self.scenario, target, **workbook_options)
        was_dirty = self.dirty
        self._saved = self.scenario
        self._origin = None
        self._set_path(target)
        if was_dirty:
            self.dirtyChanged.emit(False)
        self._history.break_merge()
        return target

    # -- what is known about it -----------------------------------------------------
    def set_results(self, scenario: Scenario, results: Results | None, tornado: list | None = None) -> bool:
        """Accept results computed for ``scenario``; ignored (False) if the scenario has moved on."""
        if scenario != self.scenario:
            return False
        self.results, self.tornado = results, tornado
        self.resultsChanged.emit(results)
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
        typed = [Issue(field, message, "error") for field, message in self._entry_problems.items()]
        return typed + validate(self.scenario)

    def _after_change(self, was_dirty: bool) -> None:
        self.issues = self._all_issues()
        if self.results is not None and self.results.scenario != self.scenario:
            self.results, self.tornado = None, None
        self.scenarioChanged.emit(self.scenario)
        self.issuesChanged.emit(self.issues)
        self.historyChanged.emit()
        if self.dirty != was_dirty:
            self.dirtyChanged.emit(self.dirty)


def is_workbook(path) -> bool:
    return path is not None and Path(path).suffix.lower() in WORKBOOK_SUFFIXES


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` name one file (also when either does not exist yet)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False
