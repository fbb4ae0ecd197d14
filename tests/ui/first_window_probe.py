"""Open the first window (no saved geometry) and the user guide on whatever screen Qt is given,
and print where they lie, as JSON: run in a subprocess so QT_SCALE_FACTOR and the platform apply.

``python -m tests.ui.first_window_probe PREFERENCES_FOLDER``
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QRect, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def settle(app: QApplication) -> None:
    for _ in range(20):
        app.processEvents()


def on_screen(widget: QWidget) -> list[int]:
    return rect(QRect(widget.mapToGlobal(widget.rect().topLeft()), widget.size()))


def main(folder: str) -> None:
    from rtv_desktop.app import create_window  # noqa: PLC0415

    app = QApplication.instance() or QApplication(sys.argv[:1])
    preferences = QSettings(str(Path(folder) / "preferences.ini"), QSettings.Format.IniFormat)
    window = create_window(settings=preferences)
    window.show()
    settle(app)
    run = window.findChild(QWidget, "headline.simulate")
    guide = window.show_guide()
    settle(app)
    close = guide.findChild(QDialogButtonBox)
    out = {"available": rect(window.screen().availableGeometry()), "frame": rect(window.frameGeometry()),
           "run": on_screen(run), "guide_frame": rect(guide.frameGeometry()), "guide_close": on_screen(close)}
    if len(sys.argv) > 2:
        window.grab().save(sys.argv[2])
    print(json.dumps(out))
    window.documents.ask_save_changes = lambda: "discard"
    guide.close()
    window.close()
    window.runner.shutdown()


if __name__ == "__main__":
    main(sys.argv[1])
