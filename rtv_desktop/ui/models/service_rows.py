"""Table plumbing shared by the models whose rows are the scenario's services."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt


class ServiceRows:
    """Mixin for a ``QAbstractTableModel``: one row per service in ``self._services``,
    the columns of ``HEADERS``, and every column but the first (the name) editable."""

    HEADERS: tuple[str, ...] = ()
    _services: tuple = ()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._services)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.HEADERS[section] if 0 <= section < len(self.HEADERS) else None
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() > 0 else base
