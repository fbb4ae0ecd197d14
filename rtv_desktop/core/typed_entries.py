"""Text typed into a number field that is not a number: kept on screen, reported, never rewritten.

The document cannot hold "12a", so it keeps its previous value while the text stays where
it was typed, outlined, with the problem listed (``Session.set_entry_problem``). An entry
is let go when a number is typed over it, when the value underneath changes (undo, open,
choosing an area) or when the session no longer reports it (New, Open).
"""

from __future__ import annotations

from typing import Callable

_UNSET = object()


class TypedEntries:
    """``{document path: (text typed, value underneath)}`` with a problem callback.

    ``on_problem(path, message or None)`` is called when an entry starts (with its
    message) and when it is let go (``None``).
    """

    def __init__(self, on_problem: Callable[[str, str | None], None]):
        self._entries: dict[str, tuple[str, object]] = {}
        self._on_problem = on_problem

    def typed(self, path: str, text: str, value_underneath, message: str) -> None:
        self._entries[path] = (text, value_underneath)
        self._on_problem(path, message)

    def accepted(self, path: str) -> None:
        """A number was typed at ``path``: its entry (if any) is no longer a problem."""
        if self._entries.pop(path, None) is not None:
            self._on_problem(path, None)

    def text(self, path: str, value_now=_UNSET) -> str | None:
        """The text typed at ``path`` while the scenario still holds ``value_now`` there."""
        entry = self._entries.get(path)
        if entry is None or (value_now is not _UNSET and entry[1] != value_now):
            return None
        return entry[0]

    def refresh(self, value_at: Callable[[str], object], live: set[str]) -> None:
        """Let go of entries the session no longer reports or whose value changed underneath."""
        for path, (_text, underneath) in list(self._entries.items()):
            try:
                changed = value_at(path) != underneath
            except (AttributeError, IndexError, KeyError, ValueError):
                changed = True  # the field is gone (a removed service or intervention)
            if path not in live or changed:
                del self._entries[path]
                if path in live:
                    self._on_problem(path, None)

    def forget_all(self) -> None:
        """Let go of every entry (rows were added, removed or moved: paths now mean other fields)."""
        for path in list(self._entries):
            del self._entries[path]
            self._on_problem(path, None)

    def __contains__(self, path: str) -> bool:
        return path in self._entries
