"""Charts made the first time they are needed.

A pyqtgraph panel costs tens of milliseconds to build, pyqtgraph itself about 0.3 s to
import, and most of the window's charts sit on tabs nobody has opened yet: a chart module is
imported, and its chart built, on first sight. Until a chart exists, the latest call of each
kind is kept and replayed when it is made, so a chart built late shows exactly what one
built at the start would.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Callable, Iterable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .base import ChartPanel


def chart_class(where: str) -> Callable[[], "ChartPanel"]:
    """A factory of the chart class at ``"savings.CumulativeChart"`` (a module of this package),
    which imports the module only when the first chart is made."""
    module, name = where.rsplit(".", 1)
    return lambda: getattr(importlib.import_module(f"{__package__}.{module}"), name)()


class LazyCharts:
    """Named chart panels, each made by its factory on first :meth:`get`.

    ``factories`` map a name to a callable, or to ``"module.Class"`` in this package.
    """

    def __init__(self, factories: dict[str, "Callable[[], ChartPanel] | str"]):
        self._factories = {name: chart_class(f) if isinstance(f, str) else f for name, f in factories.items()}
        self._charts: dict[str, ChartPanel] = {}
        self._pending: dict[str, dict[str, tuple]] = {name: {} for name in self._factories}

    def names(self) -> list[str]:
        return list(self._factories)

    def send(self, name: str, method: str, *args, **kwargs) -> None:
        """Call ``chart.method(*args, **kwargs)`` now if the chart exists, else when it is made."""
        chart = self._charts.get(name)
        if chart is not None:
            getattr(chart, method)(*args, **kwargs)
            return
        calls = self._pending[name]
        if method == "clear":
            calls.clear()  # what came before a clear would not show anyway
        calls.pop(method, None)  # only the latest call of a kind matters, in the order of the last ones
        calls[method] = (args, kwargs)

    def get(self, name: str) -> ChartPanel:
        """The chart ``name``, made now (with every call it missed) if it did not exist."""
        chart = self._charts.get(name)
        if chart is None:
            chart = self._charts[name] = self._factories[name]()
            for method, (args, kwargs) in self._pending.pop(name).items():
                getattr(chart, method)(*args, **kwargs)
        return chart

    def made(self) -> list[ChartPanel]:
        """The charts that exist so far."""
        return list(self._charts.values())


class LazyTab(QWidget):
    """A tab whose content is built by ``build()`` when it is first shown (or asked for).

    ``keep`` are widgets of the content made up front (labels the page writes to, tables): they
    are held by this tab until then, so the window still finds them by name. While ``ready()``
    is false a shown tab waits, and :meth:`when_ready` builds it once the page says so.
    """

    def __init__(self, build: Callable[[], QWidget], keep: Iterable[QWidget] = (),
                 ready: Callable[[], bool] = lambda: True, parent: QWidget | None = None):
        super().__init__(parent)
        self._build = build
        self._ready = ready
        self.content: QWidget | None = None
        for widget in keep:
            widget.setParent(self)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        if self.content is None:
            self.content = self._build()
            self._layout.addWidget(self.content)
        return self.content

    def when_ready(self) -> None:
        """Build a tab left waiting on screen, once the events already queued are handled."""
        if self.content is None and self.isVisible():
            QTimer.singleShot(0, self, self.ensure_built)  # with self as context: never after a close

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        if self._ready():
            self.ensure_built()
        super().showEvent(event)
